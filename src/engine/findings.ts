// A rule's outcome on a plan, as a finding. A rule whose test holds fires at
// its severity; one the plan's facts leave open names the facts that decide
// it, each with the plan field to fill in and the question to answer.
import { FACT_CATALOGUE, isFactName, unknownSources, type FactName } from '../plan/fact-catalogue.js';
import type { Facts } from '../plan/facts.js';
import type { RuleDefinition, Severity } from './rule-schema.js';
import type { FindingT } from '../report/schema.js';
import { render } from '../report/format.js';
import type { Truth } from './three-valued.js';
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
export function missingFactsOf(deciding: Iterable<string>, facts: Facts, open: OpenFacts = new Map()): MissingFactT[] {
  const value = (f: FactName) => facts[f];
  const named = new Set<FactName>();
  for (const f of deciding) if (isFactName(f)) for (const s of unknownSources(f, value, open)) named.add(s);
  return [...named].map(missingFact);
}

/**
 * What an open rule means for the verdict: a rule that could find a breach
 * (or put the plan out of scope) is a review until the facts are in; an info
 * rule stays info, since either way the verdict is the same.
 */
export const OPEN_SEVERITY: Record<Severity, Severity> = { 'out-of-scope': 'review', 'non-compliant': 'review', review: 'review', info: 'info' };

const OPEN_MEANS: Record<Severity, string> = {
  'out-of-scope': 'the plan may be outside the regimes procheck checks',
  'non-compliant': 'the plan would break this rule',
  review: 'this needs a person\'s judgement',
  info: 'this applies to the plan',
};

export function makeFinding(rule: RuleDefinition, outcome: Truth, deciding: string[], facts: Facts, param: (id: string) => unknown, open?: OpenFacts): FindingT {
  const base = { ruleId: rule.id, title: rule.title, regime: rule.regime, citation: rule.citation };
  if (outcome === true) {
    const fact = (name: string) => (isFactName(name) ? facts[name] : undefined);
    const reason = render(rule.reason, fact, param);
    if (rule.instead) return { ...base, severity: rule.severity, reason: `${reason} Instead: ${rule.instead.what}.`, missingFacts: [], steps: rule.instead.steps };
    return { ...base, severity: rule.severity, reason, missingFacts: [], steps: rule.severity === 'out-of-scope' ? [] : rule.steps };
  }
  const missingFacts = missingFactsOf(deciding, facts, open);
  const asked = missingFacts.map((m) => `${m.question} (${m.planPath ?? m.fact})`).join(' ');
  const severity = OPEN_SEVERITY[rule.severity];
  const fact = (name: string) => (isFactName(name) ? facts[name] : undefined);
  const context = rule.openReason ? `${render(rule.openReason, fact, param)} ` : '';
  const reason =
    severity === 'info'
      ? `${context}Whether ${OPEN_MEANS.info} depends on what the plan does not yet say. ${asked} Its steps are listed in case it does.`
      : `${context}The plan's facts do not decide this: depending on the answers, ${OPEN_MEANS[rule.severity]}. ${asked} Add the answers to the plan, or record why the authority is satisfied.`;
  return { ...base, severity, reason, missingFacts, steps: severity === 'info' ? rule.steps : [] };
}
