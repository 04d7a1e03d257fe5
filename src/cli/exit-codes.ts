// Exit codes of `procheck check`, documented in the README. Distinct from 1,
// which Node uses for an uncaught crash.
export const EXIT = {
  compliant: 0,
  /** Compliant if the authority meets the conditions the report lists (its own acts, with their dates). */
  'compliant-if': 5,
  review: 10,
  'non-compliant': 11,
  'out-of-scope': 12,
  invalidPlan: 20,
  usage: 21,
  ruleSetError: 22,
} as const;
