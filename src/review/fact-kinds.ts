// What a fact is in law, as the review pack says it: a fact about the world
// (left unknown, a question), a claim the authority must itself invoke (left
// out of a plan, not relied on) or an act of the authority (left open, a
// condition with its dates). Read from the fact catalogue
// (src/plan/fact-catalogue.ts), never written here, so the catalogue's
// "claims and acts" section and each rule's facts say what procheck does.
import { FACT_CATALOGUE, isFactName, sourcesOf, type ActInfo, type ClaimInfo, type FactInfo, type FactKind, type FactName } from '../plan/fact-catalogue.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';
import { joinWords, quoted, sentence } from './words.js';

const info = (f: FactName): FactInfo => FACT_CATALOGUE[f];

export function factKind(fact: string): FactKind {
  return isFactName(fact) ? (info(fact).kind ?? 'world') : 'world';
}

/** A route (route.process) as an officer knows it. */
export function processLabel(process: string): string {
  return (PROCESS_LABELS as Record<string, string>)[process] ?? quoted(process);
}

/** "taken as no": the value a claim left out of a plan has. */
export const notClaimedWords = (c: ClaimInfo) => (c.notClaimed ? 'yes' : 'no');

/** The sentence a rule's fact list and the catalogue's section give a claim. */
export function claimSentence(fact: FactName): string {
  const c = info(fact).claim!;
  const routes = c.claimedBy?.length
    ? ` Except where the plan's route is the ${joinWords(c.claimedBy.map(processLabel))}, whose choice is itself the claim: there it stays a question.`
    : '';
  return `Left out of a plan, this claim is not relied on (${quoted(info(fact).description)} is taken as ${notClaimedWords(c)}): ${sentence(c.burden)}${routes}`;
}

/** The act as an instruction, with how its condition is set: a date the rules allow, or doing it. */
export function actCondition(a: ActInfo): string {
  return a.done === undefined ? `${a.instruction}, on a date every rule allows` : a.instruction;
}

export function actSentence(fact: FactName): string {
  return `An act of the authority: left open, it is a condition (${actCondition(info(fact).act!)}).`;
}

export interface RuleClaim {
  fact: string;
  description: string;
  planPath: string | null;
  /** The value it has when the plan leaves it out: not relied on. */
  notClaimed: boolean;
  burden: string;
  /** What the plan would say to rely on it. */
  claim: string;
  /** Routes whose choice is itself the claim (route.process), for which it stays a question. */
  claimedBy: string[];
  /** The derived fact the rule reads it through, when it does not read it itself. */
  via: { fact: string; description: string } | null;
  /** The whole of it in a sentence: "Left out of a plan, ... is not relied on ...". */
  text: string;
}

export interface RuleAct {
  fact: string;
  description: string;
  planPath: string | null;
  instruction: string;
  /** A yes/no act: the value it has once done as the law requires; null for a date. */
  done: boolean | null;
  via: { fact: string; description: string } | null;
  text: string;
}

/**
 * The claims and acts a rule turns on: those it reads, then those the
 * derived facts it reads are computed from (sourcesOf, followed back), each
 * once, with the first derived fact it was reached through.
 */
export function claimsAndActsOf(facts: readonly string[]): { claims: RuleClaim[]; acts: RuleAct[] } {
  const found = new Map<FactName, FactName | null>();
  const seen = new Set<string>();
  const visit = (f: string, through: FactName | null) => {
    if (!isFactName(f) || seen.has(f)) return;
    seen.add(f);
    const kind = factKind(f);
    if (kind !== 'world') {
      if (!found.has(f)) found.set(f, through);
      return;
    }
    for (const s of sourcesOf(f) ?? []) visit(s, through ?? f);
  };
  // Breadth first: a fact the rule reads itself is never said to be read through another.
  for (const f of facts) if (isFactName(f) && factKind(f) !== 'world') visit(f, null);
  for (const f of facts) if (isFactName(f) && factKind(f) === 'world') visit(f, null);
  const viaOf = (v: FactName | null) => (v ? { fact: v, description: info(v).description } : null);
  const claims: RuleClaim[] = [];
  const acts: RuleAct[] = [];
  for (const [fact, via] of found) {
    const i = info(fact);
    const through = via ? `Read through ${quoted(info(via).description)}. ` : '';
    if (i.kind === 'claim' && i.claim)
      claims.push({
        fact,
        description: i.description,
        planPath: i.planPath ?? null,
        notClaimed: i.claim.notClaimed,
        burden: i.claim.burden,
        claim: i.claim.claim,
        claimedBy: [...(i.claim.claimedBy ?? [])],
        via: viaOf(via),
        text: through + claimSentence(fact),
      });
    if (i.kind === 'act' && i.act)
      acts.push({
        fact,
        description: i.description,
        planPath: i.planPath ?? null,
        instruction: i.act.instruction,
        done: i.act.done ?? null,
        via: viaOf(via),
        text: through + actSentence(fact),
      });
  }
  return { claims, acts };
}

export interface ClaimView {
  fact: string;
  description: string;
  planPath: string | null;
  question: string | null;
  notClaimed: boolean;
  /** "no" or "yes": what a plan that leaves it out is taken to say. */
  notClaimedText: string;
  burden: string;
  claim: string;
  claimedBy: { process: string; label: string }[];
  /** Rules that read it, themselves or through a derived fact. */
  readBy: string[];
}

export interface ActView {
  fact: string;
  description: string;
  planPath: string | null;
  instruction: string;
  /** For a yes/no act, the value it has once done; null for a date. */
  done: boolean | null;
  /** How its condition is set, in words. */
  condition: string;
  readBy: string[];
}

export interface FactKinds {
  claims: ClaimView[];
  acts: ActView[];
}

/** Every claim and act in the fact catalogue, in its order, with the rules (given as id and the facts each reads) that turn on it. */
export function factKinds(rules: readonly { id: string; facts: readonly string[] }[]): FactKinds {
  const readBy = new Map<string, string[]>();
  for (const r of rules) {
    const { claims, acts } = claimsAndActsOf(r.facts);
    for (const x of [...claims, ...acts]) readBy.set(x.fact, [...(readBy.get(x.fact) ?? []), r.id]);
  }
  const claims: ClaimView[] = [];
  const acts: ActView[] = [];
  for (const name of Object.keys(FACT_CATALOGUE) as FactName[]) {
    const i = info(name);
    const base = { fact: name, description: i.description, planPath: i.planPath ?? null, readBy: readBy.get(name) ?? [] };
    if (i.kind === 'claim' && i.claim)
      claims.push({
        ...base,
        question: i.question ?? null,
        notClaimed: i.claim.notClaimed,
        notClaimedText: notClaimedWords(i.claim),
        burden: i.claim.burden,
        claim: i.claim.claim,
        claimedBy: (i.claim.claimedBy ?? []).map((p) => ({ process: p, label: processLabel(p) })),
      });
    if (i.kind === 'act' && i.act) acts.push({ ...base, instruction: i.act.instruction, done: i.act.done ?? null, condition: actCondition(i.act) });
  }
  return { claims, acts };
}
