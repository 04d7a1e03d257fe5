// A plan with some fields set by their plan paths ("dates.contractSigned"),
// sharing every object it does not change. The engine tries the authority's
// acts on the plan's facts instead (factSource(...).with, src/plan/facts.ts);
// test/plan/fact-registry.test.ts holds the two to the same facts.
import type { Plan } from './schema.js';

type Json = Record<string, unknown>;

export function withValues(plan: Plan, values: Iterable<readonly [string, unknown]>): Plan {
  const out: Json = { ...(plan as unknown as Json) };
  for (const [path, value] of values) {
    const keys = path.split('.');
    let at = out;
    for (const key of keys.slice(0, -1)) {
      const child = at[key];
      const copy: Json = typeof child === 'object' && child !== null && !Array.isArray(child) ? { ...(child as Json) } : {};
      at[key] = copy;
      at = copy;
    }
    at[keys.at(-1)!] = value;
  }
  return out as unknown as Plan;
}
