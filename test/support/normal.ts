/** Lists whose absence is not the empty list: staff in no pension scheme ([]) is not "schemes not known". */
const EMPTY_MEANS_NONE = new Set(['pensionSchemes']);

/**
 * A plan with its "unknown" and empty-list facts left out: null and absent
 * mean the same to the checker (a blank box in the form is an unknown fact),
 * and so do an empty list and none, where the schema defaults the list to [].
 */
export const normal = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(normal)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([k, x]) => x !== null && !(Array.isArray(x) && !x.length && !EMPTY_MEANS_NONE.has(k)))
            .map(([k, x]) => [k, normal(x)]),
        )
      : v;
