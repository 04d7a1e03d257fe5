// Exceptions, justifications, grounds and determinations the authority must
// itself invoke and substantiate (the fact catalogue's kind "claim"). Left
// out of a plan, such a fact is not relied on, and the general rule decides:
// an authority that has not said it relies on urgency gets the usual minimum
// periods. Two things keep it a question instead: the plan states it as null
// (the authority says it does not know), or the plan's route is itself the
// claim (a direct award C plan relies on the provider satisfying its
// contract, so that stays to be answered).
import { FACT_CATALOGUE, type ClaimInfo, type FactName } from './fact-catalogue.js';

export interface Claim {
  fact: FactName;
  planPath: string;
  info: ClaimInfo;
}

/** Every claim in the catalogue, with its plan field. */
export const CLAIMS: readonly Claim[] = Object.entries(FACT_CATALOGUE as Record<string, { planPath?: string; kind?: string; claim?: ClaimInfo }>)
  .filter(([, i]) => i.kind === 'claim' && i.claim !== undefined && i.planPath !== undefined)
  .map(([fact, i]) => ({ fact: fact as FactName, planPath: i.planPath!, info: i.claim! }));

/**
 * Top-level objects whose presence is itself a fact the rules read (an
 * incumbent, a change): a claim inside one the plan does not have is not a
 * claim not made, just a fact of a thing that is not there.
 */
const PRESENCE_FACTS: ReadonlySet<string> = new Set(
  Object.values(FACT_CATALOGUE as Record<string, { planPath?: string }>)
    .map((i) => i.planPath)
    .filter((p): p is string => p !== undefined && /^[a-zA-Z]+$/.test(p)),
);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each claim's plan path split into its keys, once. */
const PATH_KEYS = new Map<string, string[]>();

/** A plain plan (validated or not) as far as claims read it. */
interface PlanLike {
  route: { process: string };
}

/**
 * Is this claim left out of the plan, so that it is not relied on? Only an
 * absent field is: null is the authority saying it does not know.
 */
export function claimLeftOut(plan: PlanLike, claim: Claim): boolean {
  if (claim.info.claimedBy?.includes(plan.route.process)) return false;
  let keys = PATH_KEYS.get(claim.planPath);
  if (!keys) PATH_KEYS.set(claim.planPath, (keys = claim.planPath.split('.')));
  const top = keys[0]!;
  const parent = (plan as unknown as Json)[top];
  if (parent === undefined) return !PRESENCE_FACTS.has(top);
  let at: unknown = parent;
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    if (!isObject(at)) return false;
    at = at[key];
  }
  return at === undefined;
}

/** The claims this plan leaves out, in catalogue order. */
export function claimsNotMade(plan: PlanLike): Claim[] {
  return CLAIMS.filter((c) => claimLeftOut(plan, c));
}
