// npm run bench: plans/second for procheck's full check and for a bare
// json-rules-engine run of the same rules on the same facts, warm time per
// plan, and the cold-start time of `procheck check` on one plan.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { createChecker } from '../../src/engine/checker.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { buildEngine } from '../../src/engine/compile.js';
import { deriveFacts } from '../../src/plan/facts.js';
import { parsePlan } from '../../src/plan/parse.js';
import { planArbitrary } from '../support/arbitrary.js';

const N = Number(process.env.BENCH_PLANS ?? 10_000);
const root = join(import.meta.dirname, '..', '..');

const ruleSet = loadRuleSet();
const checker = createChecker(ruleSet);
const plans = fc.sample(planArbitrary, { numRuns: N, seed: 20261124 });

async function timeIt(label: string, run: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(44)} ${(N / (ms / 1000)).toFixed(0).padStart(8)} plans/s  ${((ms * 1000) / N).toFixed(1).padStart(7)} µs/plan`);
  return ms;
}

console.log(`procheck bench: ${N} generated plans, ${ruleSet.rules.length} rules (rule set ${ruleSet.version})`);
// The first pass builds one engine per kind of plan on first use (see
// src/engine/partition.ts); a long-running checker then reuses them.
await timeIt('procheck first pass (engines built on use)', async () => {
  for (const p of plans) await checker.check(p);
});
await timeIt('procheck full check, warm (validate+derive+rules+report)', async () => {
  for (const p of plans) await checker.check(p);
});

const bare = buildEngine(ruleSet.rules, ruleSet.params);
const factSets = plans.map((p) => deriveFacts(parsePlan(p), ruleSet.params));
await timeIt('bare json-rules-engine run (same rules, facts)', async () => {
  for (const f of factSets) await bare.run({ ...f });
});

const planFile = join(root, 'cases', 'coventry-2024-competitive.json');
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  try {
    execFileSync(process.execPath, [join(root, 'bin', 'procheck.js'), 'check', planFile], { stdio: 'ignore' });
  } catch {
    // a non-zero exit is a verdict, not a failure
  }
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
console.log(`${'cold start: procheck check <one plan> (median of 5)'.padEnd(44)} ${runs[2]!.toFixed(0).padStart(8)} ms`);
