// PCR 2015 rules: each varies one compliant PCR 2015 base plan.
import { merge, type RuleSuite } from '../support/plans.js';
import type { PlanInput } from '../../src/plan/schema.js';

/** A council's light-touch re-procurement above threshold under PCR 2015, with every fact stated. */
export const basePcr: PlanInput = {
  id: 'test-pcr2015-light-touch',
  title: 'Young people\'s substance misuse service',
  authority: { name: 'Test County Council', type: 'local-authority' },
  services: [{ description: 'Young people\'s substance misuse treatment', cpv: ['85312500'], healthCare: true }],
  value: { annual: 400_000, vatIncluded: false },
  term: { initialMonths: 36, extensions: [{ months: 24, exercise: 'authority-option', statedInContract: true }] },
  route: { regime: 'pcr2015', process: 'light-touch' },
  dates: { procurementStart: '2023-06-01', awardDecision: '2023-10-02', contractSigned: '2023-11-01', contractStart: '2024-04-01' },
  incumbent: { provider: 'Current Provider', contractEnd: '2024-03-31', awardedUnder: 'pcr2015' },
  staff: { assignedToService: false, pensionSchemes: [] },
};

export const PCR2015_SUITE: RuleSuite = {
  name: 'PCR 2015 light-touch procurement',
  plan: (patch = {}) => merge(basePcr, patch),
  cases: {},
};
