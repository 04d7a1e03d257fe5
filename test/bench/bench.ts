// npm run bench: each figure the speed targets name (issue 12), beside its
// target, on this machine. Timings come from here, never from timed tests.
//  - a warm check, median per plan (validate + derive + rules + report), and
//    the bare json-rules-engine run of the same rules for comparison;
//  - a cold `procheck check` of one plan against `node -e 0`, both medians of
//    the same run;
//  - registers of 20,000 and 100,000 shipped-case plans, end to end through
//    the command, with the peak memory (RSS);
//  - POST /v1/check under 50 connections (autocannon), the server in its own
//    process as it runs in production;
//  - files of notices read and merged at full size, and /healthz during 200
//    concurrent audits (issue 21: notice-io.ts, server-load.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import fc from 'fast-check';
import { createChecker } from '../../src/engine/checker.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { buildEngine } from '../../src/engine/compile.js';
import { deriveFacts } from '../../src/plan/facts.js';
import { parsePlan } from '../../src/plan/parse.js';
import { planArbitrary } from '../support/arbitrary.js';

const N = Number(process.env.BENCH_PLANS ?? 10_000);
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'procheck.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, figure: string, target: string, met: boolean | null) =>
  console.log(`${label.padEnd(52)} ${figure.padStart(16)}   target ${target.padEnd(14)} ${met === null ? '' : met ? 'met' : 'NOT MET'}`);

const ruleSet = loadRuleSet();
const checker = createChecker(ruleSet);
const plans = fc.sample(planArbitrary, { numRuns: N, seed: 20261124 });
console.log(`procheck bench: ${N} generated plans, ${ruleSet.rules.length} rules (rule set ${ruleSet.version})`);

// ---- warm check --------------------------------------------------------------
let t0 = performance.now();
for (const p of plans) await checker.check(p);
const firstPass = ((performance.now() - t0) * 1000) / N;
const perPlan: number[] = [];
for (let round = 0; round < 3; round++)
  for (const p of plans) {
    const t = performance.now();
    await checker.check(p);
    perPlan.push((performance.now() - t) * 1000);
  }
const warm = median(perPlan);
line('warm check, median per plan', `${warm.toFixed(1)} µs`, '≤ 150 µs', warm <= 150);
line('warm check, mean per plan', `${(perPlan.reduce((a, b) => a + b, 0) / perPlan.length).toFixed(1)} µs`, '', null);
line('first pass, mean per plan (engines built on use)', `${firstPass.toFixed(1)} µs`, '', null);
const bare = buildEngine(ruleSet.rules, ruleSet.params);
const factSets = plans.map((p) => deriveFacts(parsePlan(p), ruleSet.params));
t0 = performance.now();
for (const f of factSets) await bare.run({ ...f });
line('bare json-rules-engine run (same rules and facts)', `${(((performance.now() - t0) * 1000) / N).toFixed(1)} µs`, '', null);

// ---- published notices (issues 15, 21): the real fixtures, each judged every way its open facts allow ----------------
// Warm (a round first, as the rule set's engines are built on use), then five rounds timed: each notice's time is the
// median of its five (one run of one notice on a shared machine times the machine's other work as much as the audit),
// and the mean and the worst of those are each beside its target; the last round's alone are printed after them.
{
  const { auditNoticeFiles } = await import('../../src/notice/audit.js');
  const dir = join(root, 'cases', 'notices');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { files: string[] });
  const files = fixtures.map((e) => e.files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
  const runs: number[][] = files.map(() => []);
  for (let round = 0; round < 6; round++)
    for (const [i, f] of files.entries()) {
      const t = performance.now();
      await auditNoticeFiles(f, checker);
      if (round > 0) runs[i]!.push(performance.now() - t);
    }
  const times = runs.map(median);
  const last = runs.map((r) => r.at(-1)!);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const worst = Math.max(...times);
  line(`notice audit, mean a notice (${files.length} shipped, median of 5)`, `${mean.toFixed(2)} ms`, '≤ 5 ms', mean <= 5);
  line('notice audit, worst notice (its median of 5)', `${worst.toFixed(1)} ms`, '≤ 50 ms', worst <= 50);
  line('notice audit, last run alone: mean / worst', `${(last.reduce((a, b) => a + b, 0) / last.length).toFixed(2)} / ${Math.max(...last).toFixed(0)} ms`, '', null);
  // The same in warm checks of a generated plan (above): a figure a loaded machine changes less.
  line('notice audit, mean, in warm checks of a plan', `${((mean * 1000) / warm).toFixed(0)}×`, '', null);
}

// ---- files of notices (issue 21): read and merged at full size ---------------------------------------------------
await import('./notice-io.js');

// ---- a year of notices (issue 21): NDJSON of 100,000 releases of 4,000 procurements, built from the fixtures, audited by
// the command as a stream (its output written as it goes, to nowhere), with its peak memory.
{
  const { writeYearOfNotices } = await import('../support/year-of-notices.js');
  const year = join(mkdtempSync(join(tmpdir(), 'procheck-year-')), 'year.ndjson');
  const from = writeYearOfNotices(year);
  const gnu = existsSync('/usr/bin/time');
  const t = performance.now();
  const run = gnu
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'notice', year, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(process.execPath, [bin, 'notice', year, '--format', 'json'], { stdio: 'ignore' });
  const s = (performance.now() - t) / 1000;
  const mb = gnu ? Number(String(run.stderr).trim().split('\n').at(-1)) / 1024 : null;
  line(`a year of notices (100,000 releases, 4,000 procurements, from ${from} fixtures), streamed`, `${s.toFixed(1)} s`, '≤ 120 s', s <= 120);
  line('a year of notices, peak RSS', mb === null ? 'n/a' : `${mb.toFixed(0)} MB`, '≤ 500 MB', mb === null ? null : mb <= 500);
}

// ---- cold start ---------------------------------------------------------------
const timeRun = (args: string[]) => {
  const t = performance.now();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - t;
};
const coventry = join(root, 'cases', 'coventry-2024-competitive.json');
const cold: number[] = [];
const bare0: number[] = [];
for (let i = 0; i < 9; i++) {
  bare0.push(timeRun(['-e', '0']));
  cold.push(timeRun([bin, 'check', coventry]));
}
const ratio = median(cold) / median(bare0);
const usage: number[] = [];
for (let i = 0; i < 5; i++) usage.push(timeRun([bin]));
line('first `procheck` (no arguments: the usage)', `${median(usage).toFixed(0)} ms`, '< 1,000 ms', median(usage) < 1000);
line('cold `procheck check <plan>` (median of 9)', `${median(cold).toFixed(0)} ms`, '', null);
line('cold start against `node -e 0` (same run)', `${ratio.toFixed(2)}× (${median(bare0).toFixed(0)} ms)`, '≤ 4×', ratio <= 4);

// ---- registers --------------------------------------------------------------------
const casePlans = readdirSync(join(root, 'cases'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .map((f) => JSON.stringify(JSON.parse(readFileSync(join(root, 'cases', f), 'utf8'))));
const dir = mkdtempSync(join(tmpdir(), 'procheck-bench-'));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
for (const [count, seconds] of [
  [20_000, 4],
  [100_000, 20],
] as const) {
  const file = join(dir, `register-${count}.ndjson`);
  writeFileSync(file, Array.from({ length: count }, (_, i) => casePlans[i % casePlans.length]).join('\n') + '\n');
  const t = performance.now();
  const run = gnuTime
    ? spawnSync(gnuTime, ['-f', '%M', process.execPath, bin, 'check', file, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(process.execPath, [bin, 'check', file, '--format', 'json'], { stdio: 'ignore' });
  const s = (performance.now() - t) / 1000;
  const rssMb = gnuTime ? Number(String(run.stderr).trim().split('\n').at(-1)) / 1024 : null;
  line(`register of ${count.toLocaleString('en-GB')} plans, end to end`, `${s.toFixed(2)} s`, `≤ ${seconds} s`, s <= seconds);
  line(`register of ${count.toLocaleString('en-GB')} plans, peak RSS`, rssMb === null ? 'n/a' : `${rssMb.toFixed(0)} MB`, '≤ 300 MB', rssMb === null ? null : rssMb <= 300);
}

// ---- HTTP API ---------------------------------------------------------------------------
const server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const address = await new Promise<string>((resolve) =>
  server.stdout.on('data', (d) => {
    const m = /listening on (\S+)/.exec(String(d));
    if (m) resolve(m[1]!);
  }),
);
const request = { url: `${address}/v1/check`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: readFileSync(coventry, 'utf8'), connections: 50 };
await autocannon({ ...request, duration: 3 }); // warm up
const result = await autocannon({ ...request, duration: 10 });
server.kill();
line('POST /v1/check at 50 connections', `${result.requests.average.toFixed(0)} req/s`, '≥ 2,000 req/s', result.requests.average >= 2000);
line('POST /v1/check at 50 connections, p99 latency', `${result.latency.p99} ms`, '≤ 50 ms', result.latency.p99 <= 50);
if (result.errors || result.non2xx) console.log(`  (${result.errors} errors, ${result.non2xx} non-2xx responses)`);

// ---- the server under load (issue 21): /healthz while 200 audits are in hand ---------------------------------------
await import('./server-load.js');

// ---- decisiveness (issue 19): verdicts, review findings and questions per shipped case -------------------
console.log('');
await import('./decisiveness.js');
