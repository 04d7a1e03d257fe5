// A PSR direct award C the issue names (issue 19): its award decision is too
// late for its mobilisation (the notice of intention must go out by 17
// November 2026), and five facts about the existing contract are open. The
// web page's answer-in-place tests use it, in Node and in Chromium.
export const wexbury = {
  id: 'wexbury-2026-direct-award-c',
  title: 'Wexbury adult drug and alcohol treatment: direct award C to the existing provider',
  authority: { name: 'Wexbury Borough Council', type: 'local-authority' },
  services: [{ description: 'Adult drug and alcohol treatment and recovery service', cpv: ['85312500'], healthCare: true }],
  value: { annual: 1200000, vatIncluded: false },
  incumbent: { provider: 'Wexbury Recovery Partnership', contractEnd: '2027-03-31' },
  term: { initialMonths: 60, extensions: [{ months: 24, exercise: 'authority-option' }], mobilisationMonths: 4 },
  route: { regime: 'psr', process: 'direct-award-c' },
  dates: { procurementStart: '2026-09-01', awardDecision: '2026-11-30', contractStart: '2027-04-01' },
};
