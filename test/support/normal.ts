/**
 * A plan with its "unknown" and empty-list facts left out: null and absent
 * mean the same to the checker (a blank box in the form is an unknown fact).
 */
export const normal = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(normal)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && !(Array.isArray(x) && !x.length)).map(([k, x]) => [k, normal(x)]))
      : v;
