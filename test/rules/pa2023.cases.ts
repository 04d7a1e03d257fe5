// Procurement Act 2023 rules: each varies one compliant Procurement Act base plan.
import { merge, type RuleSuite } from '../support/plans.js';
import type { PlanInput } from '../../src/plan/schema.js';

/** A council's open procedure for a case management system under the Procurement Act, with every fact stated. */
export const basePa: PlanInput = {
  id: 'test-pa2023-open',
  title: 'Substance misuse case management system',
  authority: { name: 'Test County Council', type: 'local-authority' },
  services: [{ description: 'Case management software and support', cpv: ['48000000'], healthCare: false }],
  value: { annual: 100_000, vatIncluded: true },
  term: { initialMonths: 36, extensions: [{ months: 12, exercise: 'authority-option', statedInContract: true }] },
  route: { regime: 'pa2023', process: 'open' },
  dates: { procurementStart: '2026-02-02', awardDecision: '2026-06-01', contractSigned: '2026-06-15', contractStart: '2026-10-01' },
  incumbent: { provider: 'Current Provider', contractEnd: '2026-09-30', awardedUnder: 'pcr2015' },
  staff: { assignedToService: false, pensionSchemes: [] },
};

export const PA2023_SUITE: RuleSuite = {
  name: 'Procurement Act 2023 open procedure',
  plan: (patch = {}) => merge(basePa, patch),
  cases: {},
};
