// plan -> validated plan -> derived facts -> rule evaluation -> report.
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import type { Plan, PlanInput } from '../plan/schema.js';
import { lotPlans, type Lot } from '../plan/lots.js';
import { deriveFacts, lotContext, regimeOpenFacts, type Facts, type LotContext } from '../plan/facts.js';
import { isFactName, type FactName } from '../plan/fact-catalogue.js';
import { loadRuleSet, type RuleSet } from './rule-set.js';
import type { Overlay } from './overlay.js';
import { withOverlay } from './with-overlay.js';
import { planKindKey, PARTITION_FACTS, type PlanKind } from './partition.js';
import { addTimetableFacts, standstillFacts } from './timetable-facts.js';
import { makeCalendars } from './day-counter.js';
import type { RuleDefinition, Severity } from './rule-schema.js';
import type { FindingT, Report, RequiredStepT, TimetableRowT, TraceEntryT, VerdictT } from '../report/schema.js';
import { prepareRules, runRules, traceRules, type PreparedRule } from './run-rules.js';
import { makeFinding } from './findings.js';
import { collectSteps, lawfulPathSteps } from './required-steps.js';
import type { FactSource } from './three-valued.js';
import { PROCHECK_VERSION } from '../version.js';
import { timetableRows } from './timetable-rows.js';

export interface CheckOptions {
  /** Include every rule evaluated and the values its conditions saw. */
  trace?: boolean;
}

/** For input not known to be a plan (a request body, a file): say so, and it is validated like any other. */
export type UntrustedOptions = CheckOptions & { untrusted: true };

export interface Checker {
  readonly ruleSet: RuleSet;
  /** A plan, typed: a wrong plan fails to compile. Validated all the same; throws PlanValidationError naming each bad field. */
  check(plan: PlanInput, options?: CheckOptions): Promise<Report>;
  /** Anything at all (a request body, a file's JSON), marked untrusted. */
  check(input: unknown, options: UntrustedOptions): Promise<Report>;
}

const SEVERITY_RANK: Record<Severity, number> = { 'out-of-scope': 0, 'non-compliant': 1, review: 2, info: 3 };

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
  const worst = Math.min(...findings.map((f) => SEVERITY_RANK[f.severity]), SEVERITY_RANK.info);
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

  /** One contract judged: the plan, or one lot of it with what the lots share. */
  const judge = (plan: Plan, judging: Judging, lots: LotContext | undefined, trace: boolean): Judged => {
    const { ruleSet, rulesById } = judging;
    const facts = deriveFacts(plan, ruleSet.params, lots);
    const paramDate = (id: string) => {
      const by = ruleSet.params.get(id).appliesBy;
      return (facts[by] as string | null) ?? plan.dates.procurementStart;
    };
    const param = (id: string) => (ruleSet.params.has(id) ? ruleSet.params.valueForRule(id, paramDate(id)) : undefined);
    // Only a plan whose regime or PSR scope is open needs to know which of its facts leave it so.
    const regimeOpen = facts.regime === null || facts.psrScope === null ? regimeOpenFacts(plan, ruleSet.params) : [];
    const open = new Map([...regimeOpen, ...addTimetableFacts(facts, ruleSet, calendar, param)]);

    const kind = Object.fromEntries(PARTITION_FACTS.map((f) => [f, facts[f]])) as PlanKind;
    const rules = rulesFor(kind, judging);
    const src: FactSource = { fact: (name) => (isFactName(name) ? facts[name] : undefined), param };
    const outcomes = runRules(rules, src);
    const mayBeOutOfScope = outcomes.some((o) => o.outcome === null && o.rule.severity === 'out-of-scope');
    const findings = lawfulPathSteps(
      outcomes.map((o) => makeFinding(o.rule, o.outcome, o.deciding, facts, param, open)),
      (id) => rulesById.get(id)?.instead !== undefined,
    ).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
    const outOfScope = findings.some((f) => f.severity === 'out-of-scope');
    const dated = outOfScope ? [] : collectSteps(findings, facts, ruleSet, calendar, src);
    return {
      facts,
      verdict: verdictOf(findings, mayBeOutOfScope),
      findings,
      steps: dated.map((s) => s.step),
      timetable: timetableRows(dated, (f) => (isFactName(f) ? facts[f] : undefined)),
      trace: trace ? traceRules(ruleSet.rules, rules, src) : undefined,
    };
  };

  return {
    ruleSet,
    async check(input: unknown, options: CheckOptions = {}) {
      const plan = parsePlan(input);
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
        const one = judge(plan, judging, undefined, options.trace === true);
        const report: Report = {
          ...header,
          verdict: one.verdict,
          regime: { declared: plan.route.regime, applicable: one.facts.applicableRegime as string | null, basis: String(one.facts.regimeBasis) },
          facts: headlineFacts(one.facts),
          findings: one.findings,
          steps: one.steps,
          timetable: one.timetable,
        };
        if (one.trace) report.trace = one.trace;
        return report;
      }
      const lots = lotPlans(plan);
      const context = lotContext(lots, judging.ruleSet.params);
      const judged = lots.map((p) => judge(p, judging, context, options.trace === true));
      return lotsReport(header, plan, judged);
    },
  };
}

interface Judged {
  facts: Facts;
  verdict: VerdictT;
  findings: FindingT[];
  steps: RequiredStepT[];
  timetable: TimetableRowT[];
  trace: TraceEntryT[] | undefined;
}

function headlineFacts(facts: Facts): Report['facts'] {
  return { ...Object.fromEntries(HEADLINE_FACTS.map((k) => [k, facts[k]])), ...standstillFacts(facts) };
}

/** The worst of the lots' verdicts, in the order verdictOf ranks them. */
const VERDICT_ORDER: VerdictT[] = ['out-of-scope', 'non-compliant', 'review', 'compliant'];

/**
 * A procurement in lots: each lot judged as a contract of its own, every
 * finding, step and timetable row marked with its lot, and the verdict the
 * worst of theirs. The headline facts are those every lot shares, with the
 * lots' total value.
 */
function lotsReport(header: Pick<Report, 'procheck' | 'ruleSetVersion' | 'plan' | 'overlay'>, plan: Plan, judged: Judged[]): Report {
  const lots = plan.lots!;
  const verdict = VERDICT_ORDER.find((v) => judged.some((j) => j.verdict === v)) ?? 'compliant';
  const regimes = [...new Set(judged.map((j) => j.facts.applicableRegime))];
  const each = (f: (j: Judged, i: number) => string) => judged.map((j, i) => `${lots[i]!.title}: ${f(j, i)}`).join('; ');
  const heads = judged.map((j) => headlineFacts(j.facts));
  const shared = Object.fromEntries(Object.entries(heads[0]!).filter(([k, v]) => heads.every((h) => h[k] === v)));
  const byDate = (a: TimetableRowT, b: TimetableRowT) => a.date.localeCompare(b.date);
  const report: Report = {
    ...header,
    verdict,
    regime: {
      declared: plan.route.regime,
      applicable: regimes.length === 1 ? (regimes[0] as string | null) : null,
      basis:
        new Set(judged.map((j) => j.facts.regimeBasis)).size === 1
          ? `${String(judged[0]!.facts.regimeBasis)} (the same for each of the ${lots.length} lots, each a contract of its own)`
          : `each lot is a contract of its own: ${each((j) => String(j.facts.regimeBasis))}`,
    },
    facts: { ...shared, lotCount: lots.length, lifetimeValue: lotTotal(judged) },
    findings: judged
      .flatMap((j, i) => j.findings.map((f) => ({ ...f, missingFacts: f.missingFacts.map((m) => inLot(m, lots[i]!)), lot: lots[i]!.id })))
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
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
