// plan -> validated plan -> derived facts -> rule evaluation -> report.
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import type { Plan, PlanInput } from '../plan/schema.js';
import { lotPlans, type Lot } from '../plan/lots.js';
import { factSource, followersOf as factFollowers, lotContext, regimeOpenFacts, type Facts, type LotContext } from '../plan/facts.js';
import { FACT_CATALOGUE, isFactName, type FactName } from '../plan/fact-catalogue.js';
import { loadRuleSet, type RuleSet } from './rule-set.js';
import type { Overlay } from './overlay.js';
import { withOverlay } from './with-overlay.js';
import { inRegime, planKindKey, PARTITION_FACTS, type PlanKind } from './partition.js';
import { addTimetableFacts, standstillFacts, timetableFormulas } from './timetable-facts.js';
import { makeCalendars } from './day-counter.js';
import type { ConditionT, RuleDefinition, Severity } from './rule-schema.js';
import type { ConditionEntryT, FindingT, HoldsT, NextStepT, QuestionT, Report, RequiredStepT, TimetableRowT, TraceEntryT, VerdictT } from '../report/schema.js';
import { prepareRules, runRules, traceRules, type PreparedRule } from './run-rules.js';
import { makeFinding, missingFactsOf } from './findings.js';
import { conflictFindings, resolveConditions, type Probe } from './conditions.js';
import { notClaimedOf } from './not-claimed.js';
import { holdsOf } from './holds.js';
import { questionsOf } from './questions.js';
import { nextStep } from './next-step.js';
import { claimsNotMade } from '../plan/claims.js';
import { render } from '../report/format.js';
import type { RuleOutcome } from './run-rules.js';
import { collectSteps, lawfulPathSteps } from './required-steps.js';
import type { FactSource } from './three-valued.js';
import { PROCHECK_VERSION } from '../version.js';
import { timetableRows } from './timetable-rows.js';

export interface CheckOptions {
  /** Include every rule evaluated and the values its conditions saw. */
  trace?: boolean;
  /**
   * "open": a claim the plan leaves out (an exception the authority would have to invoke) stays a question instead of
   * not relied on: for a plan read from a published notice, which does not show the authority's own determinations.
   */
  claims?: 'not-relied-on' | 'open';
  /**
   * "outcome": the verdict, findings, conditions, steps, headline facts and regime alone, each as a whole check gives
   * them; the holds, route, questions, claims not relied on and timetable are left empty (and the next step is said
   * without questions). For a caller that only compares outcomes (a published notice's other readings): a check of
   * a notice's plan spends a fifth of its time on what such a caller never reads. "whole" (the default): everything.
   */
  detail?: 'whole' | 'outcome';
}

/** For input not known to be a plan (a request body, a file): say so, and it is validated like any other. */
export type UntrustedOptions = CheckOptions & { untrusted: true };

export interface Checker {
  readonly ruleSet: RuleSet;
  /** A plan, typed: a wrong plan fails to compile. Validated all the same; throws PlanValidationError naming each bad field. */
  check(plan: PlanInput, options?: CheckOptions): Promise<Report>;
  /** Anything at all (a request body, a file's JSON), marked untrusted. */
  check(input: unknown, options: UntrustedOptions): Promise<Report>;
  /**
   * A plan parsePlan has already validated, or one made from such a plan by setting a field to a value the plan format
   * takes (a published notice judged with each value of a fact it lacks): checked without validating it again.
   */
  checkParsed(plan: Plan, options?: CheckOptions): Promise<Report>;
}

const SEVERITY_RANK: Record<Severity, number> = { 'out-of-scope': 0, 'non-compliant': 1, review: 2, info: 3 };

const FACT_NAMES = Object.keys(FACT_CATALOGUE) as FactName[];
/** Stands for "a dated parameter" among the facts an act changes: some parameters are taken on a date the plan sets. */
const PARAM_MARK = '(dated parameters)';

/** Every fact a rule reads, in its gate or its test. */
const LEAF_FACTS = new WeakMap<RuleDefinition, string[]>();
function leafFactsOf(rule: RuleDefinition): string[] {
  let found = LEAF_FACTS.get(rule);
  if (!found) {
    const walk = (c: ConditionT | undefined): string[] =>
      !c ? [] : 'all' in c ? c.all.flatMap(walk) : 'any' in c ? c.any.flatMap(walk) : 'not' in c ? walk(c.not) : [c.fact];
    LEAF_FACTS.set(rule, (found = [...walk(rule.appliesWhen), ...walk(rule.conditions)]));
  }
  return found;
}

/**
 * A rule that is itself an instruction to the authority (severity
 * "condition"): firing, it is a condition in its own words; open, it is one
 * that applies only if the facts it turns on turn out so.
 */
function ruleConditions(outcomes: RuleOutcome[], facts: Facts, param: (id: string) => unknown, open: Map<FactName, string[]>): ConditionEntryT[] {
  const fact = (name: string) => (isFactName(name) ? facts[name] : undefined);
  return outcomes
    .filter((o) => o.rule.severity === 'condition')
    .map((o) => {
      const entry: ConditionEntryT = {
        id: o.rule.id,
        fact: null,
        planPath: null,
        instruction: render(o.rule.asCondition ?? o.rule.reason, fact, param),
        due: null,
        rules: [o.rule.id],
        citations: [o.rule.citation],
      };
      if (o.outcome === null) entry.onlyIf = missingFactsOf(o.deciding, facts, open).map((m) => m.question).join(' ');
      return entry;
    });
}

/** The facts in the report header: what a reader needs to follow the findings. */
const HEADLINE_FACTS = [
  'process',
  'lifetimeValue',
  'annualValue',
  'initialTermMonths',
  'maxTermMonths',
  'contractEndIfAllOptions',
  'psrScope',
  'providerMayChange',
  'psrRepresentationsDeadline',
  'psrEarliestContractDate',
  'lightTouch',
  'threshold',
  'aboveThreshold',
  'pcrEarliestContractDate',
  'paEarliestContractDate',
  'standstillApplies',
  'earliestContractDate',
] as const;

/**
 * The verdict the findings give. `mayBeOutOfScope`: an out-of-scope rule the
 * plan's facts leave open, which would outrank a breach, so a breach alone
 * is not a promise (review).
 */
export function verdictOf(findings: { severity: Severity }[], mayBeOutOfScope = false): VerdictT {
  // A loop, not Math.min(...ranks): a plan's findings (a lot's each) are not a list to spread into a call.
  const worst = findings.reduce((w, f) => Math.min(w, SEVERITY_RANK[f.severity]), SEVERITY_RANK.info);
  if (worst === SEVERITY_RANK['out-of-scope']) return 'out-of-scope';
  if (worst === SEVERITY_RANK['non-compliant']) return mayBeOutOfScope ? 'review' : 'non-compliant';
  if (worst === SEVERITY_RANK.review) return 'review';
  return 'compliant';
}

/** The rules a plan is judged by: the law's, plus those of the overlay it names (authority.overlay). */
interface Judging {
  ruleSet: RuleSet;
  rulesById: Map<string, RuleDefinition>;
  overlay: Overlay | null;
}

export function createChecker(ruleSet: RuleSet = loadRuleSet()): Checker {
  const law: Judging = { ruleSet, rulesById: new Map(ruleSet.rules.map((r) => [r.id, r])), overlay: null };
  const withOverlays = new Map<string, Judging>();
  const judgingFor = (plan: Plan): Judging => {
    const id = plan.authority.overlay;
    if (id === undefined) return law;
    const overlay = ruleSet.overlays.get(id);
    if (!overlay) {
      const known = [...ruleSet.overlays.keys()].sort();
      const available = known.length ? `the overlays available are ${known.map((k) => `"${k}"`).join(', ')}` : 'the rule set has no overlays';
      throw new PlanValidationError([{ path: 'authority.overlay', message: `unknown local rules overlay "${id}": ${available} (rules/local/)` }]);
    }
    let judging = withOverlays.get(id);
    if (!judging) {
      const rs = withOverlay(ruleSet, overlay);
      judging = { ruleSet: rs, rulesById: new Map(rs.rules.map((r) => [r.id, r])), overlay };
      withOverlays.set(id, judging);
    }
    return judging;
  };

  // The rules that can apply to each kind of plan (regime and process) and overlay, prepared on first use and reused.
  const prepared = new Map<string, PreparedRule[]>();
  const rulesFor = (kind: PlanKind, judging: Judging) => {
    const key = `${judging.overlay?.id ?? ''}#${planKindKey(kind)}`;
    let rules = prepared.get(key);
    if (!rules) prepared.set(key, (rules = prepareRules(judging.ruleSet.rules, kind)));
    return rules;
  };
  const calendar = makeCalendars(ruleSet.holidays);
  const withHolds = new Map<string, RuleDefinition[]>();
  const holdsFor = (kind: PlanKind, judging: Judging) => {
    const key = `${judging.overlay?.id ?? ''}#${planKindKey(kind)}`;
    let rules = withHolds.get(key);
    if (!rules) withHolds.set(key, (rules = judging.ruleSet.rules.filter((r) => r.holds && inRegime(r, kind))));
    return rules;
  };
  const stepFormulas = timetableFormulas(ruleSet, calendar);
  /**
   * The facts that follow from each fact (it is read, directly or through others, by the functions of
   * src/plan/fact-formulas.ts and the rule set's step formulas): what is computed again when one of the
   * authority's acts is tried another way. A dated parameter taken on the act's date follows too.
   */
  const followerSets = new Map<string, ReadonlySet<string>>();
  const followersOf = (act: string): ReadonlySet<string> => {
    let found = followerSets.get(act);
    if (!found) {
      const out = new Set(factFollowers(act, stepFormulas));
      if ([act, ...out].some((f) => paramDatedBy.has(f))) out.add(PARAM_MARK);
      followerSets.set(act, (found = out));
    }
    return found;
  };
  // The facts parameters are dated by: an act among them changes the parameters too.
  // (The law's parameters; an overlay adds its own, dated by the procurement start.)
  const paramDatedBy = new Set(ruleSet.params.all().map((p) => p.appliesBy as string));
  /** The dated parameters as the rules see them: each on the date of the fact it is taken by (the procurement start unless it says). */
  const paramsOn = (params: RuleSet['params'], get: (f: string) => unknown) => (id: string) => {
    if (!params.has(id)) return undefined;
    const on = get(params.get(id).appliesBy);
    return params.valueForRule(id, typeof on === 'string' ? on : (get('procurementStart') as string));
  };

  /** One contract judged: the plan, or one lot of it with what the lots share. */
  const judge = (plan: Plan, judging: Judging, lots: LotContext | undefined, trace: boolean, claims: CheckOptions['claims'], whole = true): Judged => {
    const { ruleSet, rulesById } = judging;
    /** The plan's facts (each computed when first read), with the dated parameters as the rules see them and the facts a step's gate leaves open. */
    const derive = (p: Plan) => {
      const source = factSource(p, ruleSet.params, lots, { claims, ruleSetFormulas: stepFormulas });
      const facts = source.facts;
      const param = paramsOn(ruleSet.params, source.get);
      // Only a plan whose regime or PSR scope is open needs to know which of its facts leave it so.
      const regimeOpen = facts.regime === null || facts.psrScope === null ? regimeOpenFacts(p, ruleSet.params, source.get) : [];
      // The latest dates the steps define are computed when a rule reads them (stepFormulas); the standstill now.
      const open = new Map([...regimeOpen, ...addTimetableFacts(facts, ruleSet, calendar, param, true)]);
      const src: FactSource = { fact: source.get, param };
      return { source, facts, param, open, src };
    };
    const base = derive(plan);
    const { facts, param, open, src } = base;

    const kind = Object.fromEntries(PARTITION_FACTS.map((f) => [f, facts[f]])) as PlanKind;
    const rules = rulesFor(kind, judging);
    const outcomes = runRules(rules, src);
    const mayBeOutOfScope = outcomes.some((o) => o.outcome === null && o.rule.severity === 'out-of-scope');

    // The authority's own acts the plan leaves open become conditions (src/engine/conditions.ts), found by
    // checking the plan again with each act done one way or another: only the facts that follow from the act
    // are computed again (the contract date's days to the transfer, the end of the standstill), the rest kept.
    const probe: Probe = (acts) => {
      const tried = base.source.with(acts);
      const dated = Object.keys(acts).some((act) => followersOf(act).has(PARAM_MARK));
      return { fact: tried.get, param: dated ? paramsOn(ruleSet.params, tried.get) : param };
    };
    const byId = new Map(rules.map((r) => [r.rule.id, r.condition]));
    const resolution = resolveConditions({
      outcomes,
      conditionOf: (id) => byId.get(id)!,
      facts,
      open,
      probe,
      render: (text, at) => render(text, at.fact, at.param),
    });
    const notMade = claims === 'open' ? [] : claimsNotMade(plan);
    const claimsFor = (rule: RuleDefinition) => {
      if (!notMade.length) return notMade;
      const read = leafFactsOf(rule);
      return notMade.filter((c) => read.includes(c.fact));
    };
    const doneValue = resolution.done ? (f: FactName) => resolution.done!.fact(f) : (f: FactName) => facts[f];
    // A firing rule that describes the route, or states what the plan gets right, is not a finding (its `shows`).
    const shown = (o: RuleOutcome) => o.outcome === true && o.rule.shows !== 'finding';
    const asFinding = outcomes.filter((o) => !resolution.resolved.has(o.rule.id) && o.rule.severity !== 'condition' && !shown(o));
    const said = (o: RuleOutcome) => ({ ruleId: o.rule.id, title: o.rule.title, text: render(o.rule.reason, src.fact, param), citation: o.rule.citation });
    const findings = lawfulPathSteps(
      asFinding.map((o) =>
        o.outcome === null && resolution.stillOpen.has(o.rule.id)
          ? makeFinding(o.rule, null, resolution.stillOpen.get(o.rule.id)!, doneValue, param, open)
          : makeFinding(o.rule, o.outcome, o.deciding, facts, param, open, o.outcome === true ? claimsFor(o.rule) : []),
      ),
      (id) => rulesById.get(id)?.instead !== undefined,
    ).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
    const conditions = [...resolution.conditions, ...ruleConditions(outcomes, facts, param, open)];
    // A contradiction no decided finding already accounts for is a finding of its own, so the verdict always has one.
    findings.push(...conflictFindings(resolution.conditions, findings, (id) => rulesById.get(id)!));
    findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
    const outOfScope = findings.some((f) => f.severity === 'out-of-scope');
    // Where a finding forbids the route (its rule says what to do instead), the route's own description and steps go too.
    const forbidden = findings.some((f) => f.missingFacts.length === 0 && rulesById.get(f.ruleId)?.instead !== undefined);
    const stepFindings = [
      ...findings,
      ...outcomes
        .filter((o) => (o.rule.severity === 'condition' && o.outcome === true) || (shown(o) && !(forbidden && o.rule.regime !== 'local')))
        .map((o) => ({ ruleId: o.rule.id, steps: o.rule.steps })),
    ];
    const dated = outOfScope ? [] : collectSteps(stepFindings, facts, ruleSet, calendar, src);
    const settled = new Set([...resolution.resolved, ...outcomes.map((o) => o.rule.id)]);
    const holds = outOfScope || !whole
      ? []
      : [
          ...outcomes.filter((o) => shown(o) && o.rule.shows === 'holds').map((o) => { const x = said(o); return { ruleId: x.ruleId, title: x.title, reason: x.text, citation: x.citation }; }),
          // Every rule of the regime with a reason to give: a rule pruned for this kind of plan (its test cannot hold) is just the one that holds.
          ...holdsOf(holdsFor(kind, judging), src, settled),
        ];
    const route = outOfScope || forbidden || !whole ? [] : outcomes.filter((o) => shown(o) && o.rule.shows === 'steps').map(said);
    const questions = whole ? questionsOf(findings) : [];
    const decided = new Set([...findings.filter((f) => f.missingFacts.length === 0).map((f) => f.ruleId), ...holds.map((h) => h.ruleId)]);
    const notClaimed = whole
      ? notClaimedOf(
          notMade,
          rules.filter((r) => decided.has(r.rule.id)).map((r) => ({ id: r.rule.id, reads: leafFactsOf(r.rule) })),
        )
      : [];
    let verdict = verdictOf(findings, mayBeOutOfScope);
    if (verdict === 'compliant' && conditions.length > 0) verdict = 'compliant-if';
    return {
      facts,
      verdict,
      next: nextStep(findings, conditions, questions),
      findings,
      conditions,
      holds,
      questions,
      notClaimed,
      route,
      steps: dated.map((s) => s.step),
      timetable: whole ? timetableRows(dated, (f) => (isFactName(f) ? facts[f] : undefined)) : [],
      trace: trace ? traceRules(ruleSet.rules, rules, src) : undefined,
    };
  };

  const run = async (plan: Plan, options: CheckOptions): Promise<Report> => {
      // From here on the plan is judged by the law and its overlay, if it names one.
      const judging = judgingFor(plan);
      const header = {
        procheck: PROCHECK_VERSION,
        ruleSetVersion: judging.ruleSet.version,
        plan: { id: plan.id, title: plan.title, authority: plan.authority.name },
        overlay: judging.overlay && {
          id: judging.overlay.id,
          authority: judging.overlay.authority,
          example: judging.overlay.example,
          source: judging.overlay.source,
        },
      };
      if (!plan.lots) {
        const one = judge(plan, judging, undefined, options.trace === true, options.claims, options.detail !== 'outcome');
        const report: Report = {
          ...header,
          verdict: one.verdict,
          regime: { declared: plan.route.regime, applicable: one.facts.applicableRegime as string | null, basis: String(one.facts.regimeBasis) },
          facts: headlineFacts(one.facts),
          next: one.next,
          findings: one.findings,
          conditions: one.conditions,
          holds: one.holds,
          questions: one.questions,
          notClaimed: one.notClaimed,
          route: one.route,
          steps: one.steps,
          timetable: one.timetable,
        };
        if (one.trace) report.trace = one.trace;
        return report;
      }
      const lots = lotPlans(plan);
      const context = lotContext(lots, judging.ruleSet.params);
      const judged = lots.map((p) => judge(p, judging, context, options.trace === true, options.claims, options.detail !== 'outcome'));
      return lotsReport(header, plan, judged, options.detail !== 'outcome');
  };

  return {
    ruleSet,
    // async, so a plan that fails validation rejects the promise rather than throwing where check is called.
    check: async (input: unknown, options: CheckOptions = {}) => run(parsePlan(input), options),
    checkParsed: async (plan: Plan, options: CheckOptions = {}) => run(plan, options),
  };
}

interface Judged {
  facts: Facts;
  verdict: VerdictT;
  next: NextStepT;
  findings: FindingT[];
  conditions: ConditionEntryT[];
  holds: HoldsT[];
  questions: QuestionT[];
  notClaimed: Report['notClaimed'];
  route: Report['route'];
  steps: RequiredStepT[];
  timetable: TimetableRowT[];
  trace: TraceEntryT[] | undefined;
}

function headlineFacts(facts: Facts): Report['facts'] {
  return { ...Object.fromEntries(HEADLINE_FACTS.map((k) => [k, facts[k]])), ...standstillFacts(facts) };
}

/** The worst of the lots' verdicts, in the order verdictOf ranks them. */
const VERDICT_ORDER: VerdictT[] = ['out-of-scope', 'non-compliant', 'review', 'compliant-if', 'compliant'];

/**
 * A procurement in lots: each lot judged as a contract of its own, every
 * finding, step and timetable row marked with its lot, and the verdict the
 * worst of theirs. The headline facts are those every lot shares, with the
 * lots' total value.
 */
function lotsReport(header: Pick<Report, 'procheck' | 'ruleSetVersion' | 'plan' | 'overlay'>, plan: Plan, judged: Judged[], whole: boolean): Report {
  const lots = plan.lots!;
  const verdict = VERDICT_ORDER.find((v) => judged.some((j) => j.verdict === v)) ?? 'compliant';
  const regimes = [...new Set(judged.map((j) => j.facts.applicableRegime))];
  const each = (f: (j: Judged, i: number) => string) => judged.map((j, i) => `${lots[i]!.title}: ${f(j, i)}`).join('; ');
  const heads = judged.map((j) => headlineFacts(j.facts));
  const shared = Object.fromEntries(Object.entries(heads[0]!).filter(([k, v]) => heads.every((h) => h[k] === v)));
  const byDate = (a: TimetableRowT, b: TimetableRowT) => a.date.localeCompare(b.date);
  const findings = judged
    .flatMap((j, i) => j.findings.map((f) => ({ ...f, missingFacts: f.missingFacts.map((m) => inLot(m, lots[i]!)), lot: lots[i]!.id })))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const conditions = judged.flatMap((j, i) => j.conditions.map((c) => ({ ...c, lot: lots[i]!.id })));
  const questions = whole ? questionsOf(findings).map((q) => ({ ...q, lot: findings.find((f) => f.ruleId === q.decides[0])?.lot })) : [];
  const report: Report = {
    ...header,
    verdict,
    next: nextStep(findings, conditions, questions),
    regime: {
      declared: plan.route.regime,
      applicable: regimes.length === 1 ? (regimes[0] as string | null) : null,
      basis:
        new Set(judged.map((j) => j.facts.regimeBasis)).size === 1
          ? `${String(judged[0]!.facts.regimeBasis)} (the same for each of the ${lots.length} lots, each a contract of its own)`
          : `each lot is a contract of its own: ${each((j) => String(j.facts.regimeBasis))}`,
    },
    facts: { ...shared, lotCount: lots.length, lifetimeValue: lotTotal(judged) },
    findings,
    conditions,
    holds: judged.flatMap((j, i) => j.holds.map((h) => ({ ...h, lot: lots[i]!.id }))),
    questions,
    notClaimed: judged.flatMap((j) => j.notClaimed).filter((c, i, all) => all.findIndex((d) => d.fact === c.fact) === i),
    route: judged.flatMap((j, i) => j.route.map((r) => ({ ...r, lot: lots[i]!.id }))),
    steps: judged.flatMap((j, i) => j.steps.map((s) => ({ ...s, lot: lots[i]!.id }))),
    timetable: judged.flatMap((j, i) => j.timetable.map((r) => ({ ...r, lot: lots[i]!.id }))).sort(byDate),
    lots: judged.map((j, i) => ({
      id: lots[i]!.id,
      title: lots[i]!.title,
      verdict: j.verdict,
      regime: { declared: String(j.facts.declaredRegime), applicable: j.facts.applicableRegime as string | null, basis: String(j.facts.regimeBasis) },
      facts: headlineFacts(j.facts),
    })),
  };
  if (judged.every((j) => j.trace)) report.trace = judged.flatMap((j, i) => j.trace!.map((t) => ({ ...t, lot: lots[i]!.id })));
  return report;
}

/** A missing fact a lot states for itself is asked of the lot (lots[].value.annual), one it shares of the plan. */
function inLot(m: FindingT['missingFacts'][number], lot: Lot): FindingT['missingFacts'][number] {
  const top = m.planPath?.match(/^[A-Za-z]+/)?.[0];
  if (!top || (lot as Record<string, unknown>)[top] === undefined) return m;
  // A field the lot states and knows is not what is missing: the unknown is another lot's, one that shares the plan's field
  // (a lot's value known, the lots' total not, since a lot without its own value shares the plan's unknown one).
  const own = m.planPath!.includes('[') ? undefined : m.planPath!.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), lot);
  return own !== undefined && own !== null ? m : { ...m, planPath: `lots[].${m.planPath}` };
}

/** The lots' lifetime values added up; null while one is unknown. */
function lotTotal(judged: Judged[]): number | null {
  const values = judged.map((j) => j.facts.lifetimeValue);
  return values.every((v): v is number => typeof v === 'number') ? values.reduce((a, v) => a + v, 0) : null;
}
