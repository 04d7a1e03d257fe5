// The claims a plan leaves out that decided something: an exception the
// authority would have to invoke (urgency, a justification), not relied on, on
// which a finding or a reason the route holds turns. The report lists each,
// with the provision that puts it on the authority and the rules it decided.
import type { Claim } from '../plan/claims.js';
import type { Report } from '../report/schema.js';

export function notClaimedOf(
  notMade: readonly Claim[],
  /** The rules that decided something (a finding they give, or a reason the route holds), each with the facts it reads. */
  deciding: readonly { id: string; reads: readonly string[] }[],
): Report['notClaimed'] {
  if (!notMade.length) return [];
  const left = new Set<string>(notMade.map((c) => c.fact));
  const decidedBy = new Map<string, string[]>();
  for (const r of deciding) for (const f of new Set(r.reads)) if (left.has(f)) decidedBy.set(f, [...(decidedBy.get(f) ?? []), r.id]);
  return notMade
    .filter((c) => decidedBy.has(c.fact))
    .map((c) => ({ fact: c.fact as string, planPath: c.planPath, claim: c.info.claim, burden: c.info.burden, rules: decidedBy.get(c.fact)! }));
}
