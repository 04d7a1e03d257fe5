// One rule against one plan: whether it ran, what it decided, and the value
// the plan gave each of its tests. Built from the checker's own trace, so what
// it shows is what the engine saw, not a second opinion computed here.
import type { RuleDefinition } from '../engine/rule-schema.js';
import { factsOfRule } from '../engine/compile.js';
import type { Report, TraceEntryT } from '../report/schema.js';
import { describeCondition, leafTests, paramRef, type ConditionLike, type Phrase } from './describe-condition.js';
import type { RuleContext } from './rule-view.js';
import { factDescription, factPlanPath, factValueInWords, joinWords, lowerFirst, paramValueInWords, quoted, REGIME_TITLES } from './words.js';
import { claimsNotMade } from '../plan/claims.js';
import { claimsAndActsOf } from './fact-kinds.js';

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

/**
 * fired: gate and test hold (a finding, the route's description, a reason it holds, or a condition, as the rule shows);
 * held: it applies and its test fails, and the report says why the route holds on it;
 * condition: the plan leaves it open only on the authority's own act, and a condition on that act settles it
 * (or, for a rule that is itself an instruction, it is a condition that applies only if);
 * conflict: no way of doing the act keeps it; missing-facts: open, a question; the rest: silent, or not read.
 */
export type PlanOutcome = 'fired' | 'held' | 'condition' | 'conflict' | 'missing-facts' | 'did-not-apply' | 'test-did-not-hold' | 'no-finding' | 'not-evaluated';

/** A condition of the report that settles the rule (or is the rule). */
export interface SettlingCondition {
  /** The act, where the condition is on one; null for a rule that is itself an instruction. */
  act: { fact: string; description: string; planPath: string | null } | null;
  instruction: string;
  due: string | null;
  /** It applies only if this turns out so. */
  onlyIf: string | null;
  /** No way of doing the act keeps every rule: why. */
  conflict: string | null;
  lot: string | null;
}

/** A claim the plan leaves out that the rule reads: not relied on, and the value the rule was given for it. */
export interface NotClaimedView {
  fact: string;
  description: string;
  planPath: string | null;
  claim: string;
  burden: string;
  takenAs: string;
}

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
  /** How a firing rule shows: a finding, the route's description, a reason the route holds, or a condition. */
  shownAs: 'finding' | 'steps' | 'holds' | 'condition' | null;
  /** Why the route holds on this rule for the plan, as the report says it (report.holds). */
  holds: { reason: string; lot: string | null } | null;
  /** The report's conditions that settle the rule, or that it is (report.conditions). */
  settledBy: SettlingCondition[];
  /** Left open: the question its finding is titled with, and the questions that decide it (report.questions). */
  open: { title: string; questions: { question: string; planPath: string | null; why: string }[] } | null;
  /** The claims the plan leaves out that the rule reads: not relied on, so the general rule decided. */
  notClaimed: NotClaimedView[];
}

/** The claims this plan leaves out that the rule reads: from the plan when given, else as the report lists them. */
function notClaimedFor(rule: RuleDefinition, report: Report, plan: unknown): NotClaimedView[] {
  const { claims } = claimsAndActsOf(factsOfRule(rule));
  const input = plan ?? report.input;
  const process = (input as { route?: { process?: unknown } } | undefined)?.route?.process;
  const leftOut = new Set(
    typeof process === 'string' ? claimsNotMade(input as { route: { process: string } }).map((c) => c.fact as string) : report.notClaimed.map((c) => c.fact),
  );
  return claims
    .filter((c) => leftOut.has(c.fact))
    .map((c) => ({
      fact: c.fact,
      description: c.description,
      planPath: c.planPath,
      claim: c.claim,
      burden: c.burden,
      takenAs: factValueInWords(c.fact, c.notClaimed),
    }));
}

function settling(rule: RuleDefinition, report: Report): SettlingCondition[] {
  return report.conditions
    .filter((c) => c.id === rule.id || c.rules.includes(rule.id) || c.conflict?.rules.includes(rule.id))
    .map((c) => ({
      act: c.fact ? { fact: c.fact, description: factDescription(c.fact), planPath: c.planPath ?? factPlanPath(c.fact) ?? null } : null,
      instruction: c.instruction,
      due: c.due,
      onlyIf: c.onlyIf ?? null,
      conflict: c.conflict && c.conflict.rules.includes(rule.id) ? c.conflict.reason : null,
      lot: c.lot ?? null,
    }));
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

/**
 * `report` must come from a check with { trace: true }. `plan`, the plan as
 * checked, tells exactly which claims it leaves out; without it (and without
 * the report's own input) they are read from report.notClaimed.
 */
export function evaluateForPlan(rule: RuleDefinition, ctx: RuleContext, report: Report, plan?: unknown): PlanEvaluation {
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
  const held = report.holds.find((h) => h.ruleId === rule.id);
  const holdsView = held ? { reason: held.reason, lot: held.lot ?? null } : null;
  const conditionsView = settling(rule, report);
  const conflict = conditionsView.find((c) => c.conflict !== null);
  const questions = report.questions
    .filter((q) => q.decides.includes(rule.id))
    .map((q) => ({ question: q.question, planPath: q.planPath, why: q.why }));
  let shownAs: PlanEvaluation['shownAs'] = null;
  let open: PlanEvaluation['open'] = null;

  let outcome: PlanOutcome;
  let outcomeText: string;
  if ((!entry || entry.outcome === 'not-applicable') && held) {
    // A rule the engine leaves out for this kind of plan (its test cannot hold) still says why the route holds.
    outcome = 'held';
    outcomeText = `Holds: the rule is relevant to this plan and its test cannot hold for it, so the report gives it as a reason the route holds: “${held.reason}”`;
  } else if (!entry || entry.outcome === 'not-applicable') {
    outcome = 'not-evaluated';
    outcomeText = `Not evaluated: ${notEvaluatedReason(rule, ctx, report, entry !== undefined)}.`;
  } else if (entry.outcome === 'fired') {
    outcome = 'fired';
    const onRoute = report.route.some((r) => r.ruleId === rule.id);
    if (rule.severity === 'condition') {
      shownAs = 'condition';
      const c = conditionsView.find((x) => x.act === null);
      outcomeText = `Fired: it is a condition on the authority, not a finding${c ? `: ${c.instruction}` : '.'}`;
    } else if (finding) {
      shownAs = 'finding';
      outcomeText = `Fired: the report has this finding (${finding.severity}).`;
    } else if (rule.shows === 'steps') {
      shownAs = 'steps';
      outcomeText = onRoute
        ? 'Fired: it describes how the route runs, so its reason heads the required steps (the report’s route), not a finding.'
        : 'Fired: it describes how the route runs, but another finding forbids the route, so the report gives neither its description nor its steps.';
    } else if (rule.shows === 'holds') {
      shownAs = 'holds';
      outcomeText = held
        ? `Fired: it states something the plan gets right, so its reason is one of the reasons the route holds: “${held.reason}”`
        : 'Fired: it states something the plan gets right, but the plan is outside the regimes procheck checks, so the report gives no reasons the route holds.';
    } else {
      shownAs = 'finding';
      outcomeText = `Fired: the report has this finding (${rule.severity}).`;
    }
  } else if (entry.outcome === 'missing-facts' && rule.severity === 'condition') {
    outcome = 'condition';
    const c = conditionsView.find((x) => x.act === null);
    outcomeText = `Open, and a condition: it applies only if the facts it turns on turn out so${c?.onlyIf ? ` (${c.onlyIf})` : ''}${c ? `: ${c.instruction}` : '.'}`;
  } else if (entry.outcome === 'missing-facts' && conflict) {
    outcome = 'conflict';
    outcomeText = `A contradiction: the plan leaves this to the authority's own act (${lowerFirst(conflict.act?.description ?? 'its act')}), and no way of doing it keeps every rule: ${conflict.conflict}`;
  } else if (entry.outcome === 'missing-facts' && !finding && conditionsView.length) {
    outcome = 'condition';
    const acts = conditionsView.map((c) => (c.act ? quoted(c.act.description) : 'its act'));
    outcomeText = `Settled by a condition: the plan leaves open only the authority's own act (${joinWords(acts, 'and')}), so instead of a question the report gives the condition that keeps this rule from firing: ${conditionsView.map((c) => c.instruction).join(' ')}`;
  } else if (entry.outcome === 'missing-facts') {
    outcome = 'missing-facts';
    const missing = (finding?.missingFacts ?? []).map((m) => lowerFirst(m.description));
    if (finding) open = { title: finding.title, questions };
    const asks = finding && finding.severity !== 'info' ? ` It asks: ${finding.title}` : '';
    outcomeText = `Open: the plan's facts do not decide this rule, so the report has a ${finding?.severity ?? 'review'} finding asking for ${missing.length ? joinWords(missing, 'and') : 'the facts it needs'}.${asks}`;
  } else if (held) {
    outcome = 'held';
    outcomeText = `Holds: the rule applies and its test fails on the plan's own figures and dates, so the report gives it as a reason the route holds: “${held.reason}”`;
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
    shownAs,
    holds: holdsView,
    settledBy: conditionsView,
    open,
    notClaimed: notClaimedFor(rule, report, plan),
  };
}
