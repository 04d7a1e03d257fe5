// npm run fuzz [-- <plans>]: a million (by default) shipped plans with one to
// four fields set to random JSON or to values at and past the plan's bounds,
// each checked and rendered in every format. Prints how many gave a report,
// how many were refused naming a field, and the crashes and reports failing
// ReportSchema (both must be 0), split across the machine's cores.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { createChecker } from '../../src/engine/checker.js';
import { fuzzOne, mutatedPlanArbitrary, type FuzzOutcome } from '../support/fuzz.js';

type Tally = Record<FuzzOutcome['kind'], number> & { examples: string[] };
const BATCH = 1000;

async function runPart(start: number, count: number, seed: number): Promise<Tally> {
  const checker = createChecker();
  const tally: Tally = { report: 0, invalid: 0, crash: 0, 'bad-report': 0, examples: [] };
  for (let done = 0; done < count; done += BATCH) {
    const plans = fc.sample(mutatedPlanArbitrary, { numRuns: Math.min(BATCH, count - done), seed: seed + start + done });
    for (const plan of plans) {
      const outcome = await fuzzOne(checker, plan);
      tally[outcome.kind]++;
      if ((outcome.kind === 'crash' || outcome.kind === 'bad-report') && tally.examples.length < 5)
        tally.examples.push(`${outcome.kind}: ${outcome.detail.split('\n').slice(0, 4).join(' | ')}\n    plan: ${JSON.stringify(plan).slice(0, 600)}`);
    }
    process.send?.({ progress: Math.min(BATCH, count - done) });
  }
  return tally;
}

const [, , mode, a, b, c] = process.argv;
if (mode === '--part') {
  const tally = await runPart(Number(a), Number(b), Number(c));
  process.send!({ tally });
} else {
  const total = Number(mode ?? process.env.FUZZ_PLANS ?? 1_000_000);
  const seed = Number(process.env.FUZZ_SEED ?? 20261129);
  const parts = Math.max(1, Math.min(availableParallelism(), 8));
  const per = Math.ceil(total / parts);
  const t0 = Date.now();
  let progressed = 0;
  let lastShown = 0;
  const tallies = await Promise.all(
    Array.from({ length: parts }, (_, i) => {
      const start = i * per;
      const count = Math.max(0, Math.min(per, total - start));
      return new Promise<Tally>((resolve, reject) => {
        const child = fork(import.meta.filename, ['--part', String(start), String(count), String(seed)]);
        child.on('message', (m: { progress?: number; tally?: Tally }) => {
          if (m.progress) {
            progressed += m.progress;
            if (progressed - lastShown >= total / 20 && process.stderr.isTTY) {
              lastShown = progressed;
              process.stderr.write(`\r${progressed.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} plans...`);
            }
          }
          if (m.tally) resolve(m.tally);
        });
        child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`fuzz part ${i} exited with ${code}`))));
      });
    }),
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  const sum = (k: FuzzOutcome['kind']) => tallies.reduce((s, t) => s + t[k], 0);
  const seconds = (Date.now() - t0) / 1000;
  console.log(`procheck fuzz: ${total.toLocaleString('en-GB')} mutated shipped plans on ${parts} cores in ${seconds.toFixed(0)} s (seed ${seed})`);
  console.log(`  reports (pass ReportSchema, render in every format): ${sum('report').toLocaleString('en-GB')}`);
  console.log(`  refused, naming a field:                              ${sum('invalid').toLocaleString('en-GB')}`);
  console.log(`  crashes:                                              ${sum('crash')}`);
  console.log(`  reports failing ReportSchema:                         ${sum('bad-report')}`);
  for (const e of tallies.flatMap((t) => t.examples).slice(0, 5)) console.log(`  ${e}`);
  process.exitCode = sum('crash') + sum('bad-report') === 0 ? 0 : 1;
}
