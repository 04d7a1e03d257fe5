// A rule's outcome on a plan, as a finding. A rule whose test holds fires at
// its severity; one the plan's facts leave open names the facts that decide
// it, each with the plan field to fill in and the question to answer.
import { FACT_CATALOGUE, isFactName, unknownSources, type FactName } from '../plan/fact-catalogue.js';
import type { Facts } from '../plan/facts.js';
import type { RuleDefinition, RuleSeverityT, Severity } from './rule-schema.js';
import type { Claim } from '../plan/claims.js';
import type { FindingT } from '../report/schema.js';
import { render } from '../report/format.js';
import { truth, type Truth } from './three-valued.js';
import type { OpenFacts } from './timetable-facts.js';

type MissingFactT = FindingT['missingFacts'][number];

export function missingFact(f: FactName): MissingFactT {
  const info: { description: string; planPath?: string; question?: string } = FACT_CATALOGUE[f];
  return { fact: f, description: info.description, planPath: info.planPath ?? null, question: info.question ?? `${info.description}?` };
}

/**
 * The plan-field facts behind the unknown facts that decide a rule, without
 * repeats. `open` gives, for a fact a step's gate left unknown, the facts
 * that decide the gate.
 */
export function missingFactsOf(deciding: Iterable<string>, facts: Facts | ((f: FactName) => unknown), open: OpenFacts = new Map()): MissingFactT[] {
  const value = typeof facts === 'function' ? facts : (f: FactName) => facts[f];
  const named = new Set<FactName>();
  for (const f of deciding) if (isFactName(f)) for (const s of unknownSources(f, value, open)) named.add(s);
  // The authority's own acts are never asked: they are conditions (src/engine/conditions.ts).
  return [...named].filter((f) => (FACT_CATALOGUE[f] as { kind?: string }).kind !== 'act').map(missingFact);
}

/**
 * What an open rule means for the verdict: a rule that could find a breach
 * (or put the plan out of scope) is a review until the facts are in; an info
 * rule stays info, since either way the verdict is the same.
 */
export const OPEN_SEVERITY: Record<RuleSeverityT, Severity> = { 'out-of-scope': 'review', 'non-compliant': 'review', review: 'review', condition: 'info', info: 'info' };

const OPEN_MEANS: Record<RuleSeverityT, string> = {
  'out-of-scope': 'the plan may be outside the regimes procheck checks',
  'non-compliant': 'the plan would break this rule',
  review: 'this needs a person\'s judgement',
  condition: 'the authority must do this',
  info: 'this applies to the plan',
};

/** A claim the plan does not make, as a finding's reason says it: the general rule applied. */
export function notClaimedSentence(claims: readonly Claim[]): string {
  return claims
    .map((c) => ` This is so unless the authority claims ${c.info.claim}, which the plan does not (${c.info.burden}); if it does, say so in the plan (${c.planPath}).`)
    .join('');
}

/**
 * What the law requires on each reading the plan's facts leave possible (the
 * rule's `readings` whose condition is not false), as sentences after the reason.
 */
export function readingsSentence(rule: RuleDefinition, fact: (name: string) => unknown, param: (id: string) => unknown): string {
  const src = { fact, param };
  return (rule.readings ?? [])
    .filter((r) => !r.when || truth(r.when, src) !== false)
    .map((r) => ` ${render(r.text, fact, param)}`)
    .join('');
}

/** The title an open rule is given: a question, never an assertion of a breach the plan has not stated. */
export function openTitle(rule: RuleDefinition): string {
  if (rule.openTitle) return rule.openTitle;
  const t = rule.title.replace(/[.:]$/, '');
  return `Does this apply to the plan: ${t.charAt(0).toLowerCase()}${t.slice(1)}?`;
}

export function makeFinding(
  rule: RuleDefinition,
  outcome: Truth,
  deciding: string[],
  facts: Facts | ((f: FactName) => unknown),
  param: (id: string) => unknown,
  open?: OpenFacts,
  notClaimed: readonly Claim[] = [],
): FindingT {
  const value = typeof facts === 'function' ? facts : (f: FactName) => facts[f];
  const fact = (name: string) => (isFactName(name) ? value(name) : undefined);
  const base = { ruleId: rule.id, title: rule.title, regime: rule.regime, citation: rule.citation };
  const severity: Severity = rule.severity === 'condition' ? 'info' : rule.severity;
  if (outcome === true) {
    const reason = render(rule.reason, fact, param) + readingsSentence(rule, fact, param) + notClaimedSentence(notClaimed);
    if (rule.instead) return { ...base, severity, reason: `${reason} Instead: ${rule.instead.what}.`, missingFacts: [], steps: rule.instead.steps };
    return { ...base, severity, reason, missingFacts: [], steps: severity === 'out-of-scope' ? [] : rule.steps };
  }
  const missingFacts = missingFactsOf(deciding, value, open);
  const asked = missingFacts.map((m) => m.question).join(' ');
  const openSeverity = OPEN_SEVERITY[rule.severity];
  const readings = readingsSentence(rule, fact, param).trim();
  const context = [rule.openReason ? render(rule.openReason, fact, param) : '', readings].filter(Boolean).map((t) => `${t} `).join('');
  const reason =
    openSeverity === 'info'
      ? `${context}Whether ${OPEN_MEANS.info} depends on what the plan does not yet say${asked ? `: ${asked}` : '.'} Its steps are listed in case it does.`
      : `${context}The plan's facts do not decide this: depending on the answers, ${OPEN_MEANS[rule.severity]}. ${asked}`;
  return { ...base, title: openSeverity === 'info' ? rule.title : openTitle(rule), severity: openSeverity, reason, missingFacts, steps: openSeverity === 'info' ? rule.steps : [] };
}
