// One rule against one plan: whether it ran, what it decided, and the value
// the plan gave each of its tests. Built from the checker's own trace, so what
// it shows is what the engine saw, not a second opinion computed here.
import type { RuleDefinition } from '../engine/rule-schema.js';
import { factsOfRule } from '../engine/compile.js';
import type { Report, TraceEntryT } from '../report/schema.js';
import { describeCondition, leafTests, paramRef, type ConditionLike, type Phrase } from './describe-condition.js';
import type { RuleContext } from './rule-view.js';
import { factDescription, factValueInWords, joinWords, lowerFirst, paramValueInWords, REGIME_TITLES } from './words.js';

type TraceCondition = TraceEntryT['conditions'][number];

/** A test with what the plan gave it. */
export interface EvaluatedPhrase extends Phrase {
  children?: EvaluatedPhrase[];
  /** Present on tests: the fact's value for this plan as the trace recorded it (undefined when the engine did not read it). */
  factValue?: unknown;
  factValueText?: string;
  /** What the fact was compared with when that is not a literal (a parameter on the plan's date, another fact). */
  comparedWith?: unknown;
  comparedWithText?: string;
  /** Whether the test held; null when the engine did not need to evaluate it. */
  result?: boolean | null;
}

export type PlanOutcome = 'fired' | 'missing-facts' | 'did-not-apply' | 'test-did-not-hold' | 'no-finding' | 'not-evaluated';

export interface PlanEvaluation {
  plan: { id: string; title: string };
  regime: string | null;
  /** The trace's own outcome, when the rule was in the engine that judged the plan. */
  traceOutcome: TraceEntryT['outcome'] | null;
  outcome: PlanOutcome;
  outcomeText: string;
  appliesWhen: { holds: boolean | null; phrase: EvaluatedPhrase } | null;
  /** Every fact the rule reads (gate and test), with its value for the plan: what the rule needs comes from its conditions. */
  requires: { fact: string; description: string; value: unknown; valueText: string; known: boolean | null }[];
  conditions: { holds: boolean | null; phrase: EvaluatedPhrase };
  /** The finding's reason for this plan, when it fired. */
  finding: { severity: string; reason: string } | null;
}

type Leaf = { fact: string; operator: string };

/**
 * The trace lists the tests flattened in the order written: appliesWhen's, then the test's. Matched by position when
 * the shapes agree, and by fact and operator otherwise, so a change to how the
 * checker builds rules degrades to a looser match rather than a wrong one.
 */
function matchTrace(expected: Leaf[], trace: TraceCondition[]): (TraceCondition | undefined)[] {
  const aligned = trace.length === expected.length && expected.every((x, i) => trace[i]!.fact === x.fact && trace[i]!.operator === x.operator);
  if (aligned) return trace;
  const used = new Set<number>();
  return expected.map((x) => {
    const i = trace.findIndex((t, j) => !used.has(j) && t.fact === x.fact && t.operator === x.operator);
    if (i < 0) return undefined;
    used.add(i);
    return trace[i];
  });
}

function holds(c: ConditionLike, results: Iterator<boolean | null>): boolean | null {
  if ('all' in c) {
    const r = c.all.map((x) => holds(x, results));
    return r.includes(false) ? false : r.every((x) => x === true) ? true : null;
  }
  if ('any' in c) {
    const r = c.any.map((x) => holds(x, results));
    return r.includes(true) ? true : r.every((x) => x === false) ? false : null;
  }
  if ('not' in c) {
    const r = holds(c.not, results);
    return r === null ? null : !r;
  }
  return results.next().value ?? null;
}

function annotate(phrase: Phrase, leaves: Iterator<[Leaf & { value?: unknown }, TraceCondition | undefined]>, params: RuleContext['params']): EvaluatedPhrase {
  if (phrase.children) return { ...phrase, children: phrase.children.map((c) => annotate(c, leaves, params)) };
  const next = leaves.next();
  if (next.done) return phrase;
  const [leaf, t] = next.value;
  const result = t?.result ?? null;
  const out: EvaluatedPhrase = { ...phrase, result };
  if (t && t.factValue !== undefined) {
    out.factValue = t.factValue;
    out.factValueText = factValueInWords(leaf.fact, t.factValue);
  }
  const param = paramRef(leaf.value);
  const isRef = param !== undefined || (leaf.value !== null && typeof leaf.value === 'object' && !Array.isArray(leaf.value));
  if (t && isRef && t.comparedWith !== undefined) {
    out.comparedWith = t.comparedWith;
    out.comparedWithText =
      param !== undefined && params.has(param) ? paramValueInWords(t.comparedWith, params.get(param).unit) : factValueInWords(leaf.fact, t.comparedWith);
  }
  return out;
}

function evaluatePart(c: ConditionLike, matched: (TraceCondition | undefined)[], params: RuleContext['params']): { holds: boolean | null; phrase: EvaluatedPhrase } {
  const leaves = leafTests(c);
  const results = matched.map((t) => t?.result ?? null)[Symbol.iterator]();
  const pairs = leaves.map((l, i) => [l, matched[i]] as [Leaf & { value?: unknown }, TraceCondition | undefined])[Symbol.iterator]();
  return { holds: holds(c, results), phrase: annotate(describeCondition(c, params), pairs, params) };
}

function notEvaluatedReason(rule: RuleDefinition, ctx: RuleContext, report: Report, inTrace: boolean): string {
  if (!inTrace && ctx.overlay) return `the plan does not name the ${ctx.overlay.id} overlay (authority.overlay), so only the law and any overlay it names apply`;
  if (rule.scope === 'in-scope' && report.findings.some((f) => f.severity === 'out-of-scope'))
    return 'the plan falls under a regime procheck does not check';
  const governs = report.regime.applicable;
  if ((rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023') && governs !== rule.regime)
    return `this is a ${REGIME_TITLES[rule.regime] ?? rule.regime} rule, and ${governs ? (REGIME_TITLES[governs] ?? governs) : 'no regime procheck checks'} governs the plan`;
  return 'its "when it applies" test cannot hold for this kind of plan (its regime, process and the like), so the engine for this plan leaves it out';
}

/** `report` must come from a check with { trace: true }. */
export function evaluateForPlan(rule: RuleDefinition, ctx: RuleContext, report: Report): PlanEvaluation {
  const entry = report.trace?.find((t) => t.ruleId === rule.id);
  const applies = leafTests(rule.appliesWhen);
  const test = leafTests(rule.conditions);
  const matched = matchTrace([...applies, ...test], entry?.conditions ?? []);
  const appliesWhen = rule.appliesWhen ? evaluatePart(rule.appliesWhen, matched.slice(0, applies.length), ctx.params) : null;
  const requires = factsOfRule(rule).map((fact) => {
    const t = entry?.conditions.find((c) => c.fact === fact);
    const value = t?.factValue;
    const known = t ? value !== null && value !== undefined : null;
    return { fact, description: factDescription(fact), value, valueText: known === null ? 'not read' : known ? factValueInWords(fact, value) : 'unknown', known };
  });
  const conditions = evaluatePart(rule.conditions, matched.slice(applies.length), ctx.params);
  const finding = report.findings.find((f) => f.ruleId === rule.id);

  let outcome: PlanOutcome;
  let outcomeText: string;
  if (!entry || entry.outcome === 'not-applicable') {
    outcome = 'not-evaluated';
    outcomeText = `Not evaluated: ${notEvaluatedReason(rule, ctx, report, entry !== undefined)}.`;
  } else if (entry.outcome === 'fired') {
    outcome = 'fired';
    outcomeText = `Fired: the report has this finding (${finding?.severity ?? rule.severity}).`;
  } else if (entry.outcome === 'missing-facts') {
    outcome = 'missing-facts';
    const missing = (finding?.missingFacts ?? []).map((m) => lowerFirst(m.description));
    outcomeText = `Open: the plan's facts do not decide this rule, so the report has a ${finding?.severity ?? 'review'} finding asking for ${missing.length ? joinWords(missing, 'and') : 'the facts it needs'}.`;
  } else if (appliesWhen?.holds === false) {
    outcome = 'did-not-apply';
    outcomeText = 'Evaluated, no finding: the rule does not apply to this plan (its "when it applies" test does not hold).';
  } else if (conditions.holds === false) {
    outcome = 'test-did-not-hold';
    outcomeText = 'Evaluated, no finding: the rule applies, but its test does not hold for this plan.';
  } else {
    outcome = 'no-finding';
    outcomeText = 'Evaluated, no finding.';
  }
  return {
    plan: { id: report.plan.id, title: report.plan.title },
    regime: report.regime.applicable,
    traceOutcome: entry?.outcome ?? null,
    outcome,
    outcomeText,
    appliesWhen,
    requires,
    conditions,
    finding: finding ? { severity: finding.severity, reason: finding.reason } : null,
  };
}
