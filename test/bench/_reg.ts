import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { planArbitrary } from '../support/arbitrary.js';
const n = Number(process.argv[2] ?? 20000);
const plans = fc.sample(planArbitrary, { numRuns: n, seed: 5 });
writeFileSync(`/tmp/reg-${n}.ndjson`, plans.map((p) => JSON.stringify(p)).join('\n') + '\n');
