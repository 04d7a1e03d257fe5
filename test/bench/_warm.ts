import fc from 'fast-check';
import { createChecker } from '../../src/engine/checker.js';
import { planArbitrary } from '../support/arbitrary.js';
const checker = createChecker();
const plans = fc.sample(planArbitrary, { numRuns: 5000, seed: 20261124 });
for (const p of plans) await checker.check(p);
const t = performance.now();
for (let r = 0; r < 3; r++) for (const p of plans) await checker.check(p);
console.log('warm µs/plan', ((performance.now() - t) * 1000 / (plans.length * 3)).toFixed(1));
