// The typed library: a plan of the wrong shape fails to compile; input of
// unknown shape must be marked untrusted.
import { checkPlan, createChecker, compareRoutes, type PlanInput } from '../../src/index.js';

const plan: PlanInput = {
  id: 'typed',
  title: 'Typed plan',
  authority: { name: 'Example Council', type: 'local-authority' },
  services: [{ description: 'Treatment', cpv: ['85312500'], healthCare: true }],
  value: { annual: 500_000, vatIncluded: false },
  term: { initialMonths: 36 },
  route: { regime: 'psr', process: 'competitive' },
  dates: { procurementStart: '2026-01-05', contractStart: '2026-10-01' },
};

export async function typed(untrusted: unknown) {
  await checkPlan(plan);
  await checkPlan(untrusted, { untrusted: true });
  await createChecker().check(plan, { trace: true });
  await compareRoutes(createChecker(), plan);
  // @ts-expect-error untrusted input must say so
  await checkPlan(untrusted);
  // @ts-expect-error a plan of the wrong shape
  await checkPlan({ id: 1, title: 'x' });
  // @ts-expect-error a process no regime has
  await createChecker().check({ ...plan, route: { regime: 'psr', process: 'auction' } });
}
