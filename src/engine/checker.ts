// plan -> validated plan -> derived facts -> rule evaluation -> report.
import type { Engine, RuleResult } from 'json-rules-engine';
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import type { Plan } from '../plan/schema.js';
import { deriveFacts, type Facts } from '../plan/facts.js';
import { FACT_CATALOGUE, isFactName, type FactName } from '../plan/fact-catalogue.js';
import { loadRuleSet, type RuleSet } from './rule-set.js';
import { withOverlay, type Overlay } from './overlay.js';
import { buildEngine, factsReadBy, type RuleEventParams } from './compile.js';
import { canApply, planKindKey, PARTITION_FACTS, type PlanKind } from './partition.js';
import { stepDate, type Calendars } from './timing.js';
import { render } from './template.js';
import { makeCalendars } from './day-counter.js';
import type { RuleDefinition, Severity } from './rule-schema.js';
import type { FindingT, Report, RequiredStepT, TraceEntryT, VerdictT } from '../report/schema.js';
import { PROCHECK_VERSION } from '../version.js';
import { backwardDates } from '../timetable/backward.js';
import { timetableRows, windowOf, type DatedStep } from '../timetable/rows.js';

export interface CheckOptions {
  /** Include every rule evaluated and the values its conditions saw. */
  trace?: boolean;
}

export interface Checker {
  readonly ruleSet: RuleSet;
  check(input: unknown, options?: CheckOptions): Promise<Report>;
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
] as const;

/**
 * Standstill dates computed from the rule set's own step timing, so each count
 * is written once, in the data; each only for the regime whose step it is.
 */
const TIMETABLE_FACTS = [
  ['psr', 'psrRepresentationsDeadline', 'psr.standstill-representations'],
  ['psr', 'psrEarliestContractDate', 'psr.standstill-end'],
  ['pcr2015', 'pcrEarliestContractDate', 'pcr2015.standstill-end'],
  ['pa2023', 'paEarliestContractDate', 'pa2023.standstill-end'],
] as const;

export function verdictOf(findings: { severity: Severity }[]): VerdictT {
  const worst = Math.min(...findings.map((f) => SEVERITY_RANK[f.severity]), SEVERITY_RANK.info);
  if (worst === SEVERITY_RANK['out-of-scope']) return 'out-of-scope';
  if (worst === SEVERITY_RANK['non-compliant']) return 'non-compliant';
  if (worst === SEVERITY_RANK.review) return 'review';
  return 'compliant';
}

function addTimetableFacts(facts: Facts, ruleSet: RuleSet, calendars: Calendars): void {
  const value = (f: string) => (isFactName(f) ? facts[f] : undefined);
  for (const [regime, fact, stepId] of TIMETABLE_FACTS) {
    const step = ruleSet.steps.get(stepId);
    facts[fact] = step && facts.regime === regime ? stepDate(step, value, ruleSet.params, calendars).date : null;
  }
  // The latest date for each stage, planning back from the service start (src/timetable/backward.ts).
  for (const [fact, date] of backwardDates(value, ruleSet, calendars)) facts[fact as FactName] = date;
}

/** The facts a rule needs that the plan leaves unknown. */
function missingFactsOf(rule: RuleDefinition, facts: Facts): string[] {
  return rule.requires.filter((f) => isFactName(f) && facts[f] === null);
}

function makeFinding(rule: RuleDefinition, facts: Facts, param: (id: string) => unknown): FindingT {
  const fact = (name: string) => (isFactName(name) ? facts[name] : undefined);
  const missing = missingFactsOf(rule, facts);
  if (missing.length > 0) {
    const missingFacts = missing.map((f) => {
      const info = FACT_CATALOGUE[f as keyof typeof FACT_CATALOGUE];
      return { fact: f, description: info.description, planPath: 'planPath' in info ? info.planPath : null };
    });
    const named = missingFacts.map((m) => `${m.description.toLowerCase()} (${m.planPath ?? m.fact})`).join('; ');
    return {
      ruleId: rule.id,
      title: rule.title,
      severity: 'review',
      regime: rule.regime,
      citation: rule.citation,
      reason: `Cannot assess this without knowing: ${named}. Add the fact to the plan, or record why the authority is satisfied.`,
      missingFacts,
      steps: [],
    };
  }
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    regime: rule.regime,
    citation: rule.citation,
    reason: render(rule.reason, fact, param),
    missingFacts: [],
    steps: rule.severity === 'out-of-scope' ? [] : rule.steps,
  };
}

interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

function flattenConditions(node: ConditionNode | undefined): TraceEntryT['conditions'] {
  if (!node) return [];
  if (node.all) return node.all.flatMap(flattenConditions);
  if (node.any) return node.any.flatMap(flattenConditions);
  if (node.not) return flattenConditions(node.not);
  return [
    {
      fact: node.fact ?? '',
      operator: node.operator ?? '',
      expected: node.value,
      factValue: node.factResult ?? (node.result === undefined ? undefined : null),
      comparedWith: node.valueResult,
      result: node.result ?? null,
    },
  ];
}

function buildTrace(rules: RuleDefinition[], results: RuleResult[], facts: Facts): TraceEntryT[] {
  const byName = new Map(results.map((r) => [r.name as string, r]));
  return rules.map((rule) => {
    const result = byName.get(rule.id);
    const outcome = !result
      ? 'not-applicable'
      : !result.result
        ? 'not-applicable-or-passed'
        : missingFactsOf(rule, facts).length
          ? 'missing-facts'
          : 'fired';
    return { ruleId: rule.id, outcome, conditions: flattenConditions(result?.conditions as ConditionNode | undefined) };
  });
}

function collectSteps(findings: FindingT[], facts: Facts, ruleSet: RuleSet, calendar: Calendars): DatedStep[] {
  const addedBy = new Map<string, string[]>();
  for (const f of findings) for (const s of f.steps) addedBy.set(s, [...(addedBy.get(s) ?? []), f.ruleId]);
  const value = (name: string) => (isFactName(name) ? facts[name] : undefined);
  const lookup = (id: string) => ruleSet.steps.get(id);
  const steps = [...addedBy.entries()].map(([id, by]) => {
    const def = ruleSet.steps.get(id)!;
    const due = stepDate(def, value, ruleSet.params, calendar, lookup);
    const step: RequiredStepT = { id, title: def.title, citation: def.citation, addedBy: by, due: due.date, dueKind: due.kind, timing: due.rule };
    return { def, step };
  });
  // A window date taken from another step counts only when this plan requires that step.
  const dueOf = (id: string) => steps.find((s) => s.def.id === id)?.step.due ?? null;
  for (const s of steps) if (s.def.window) Object.assign(s.step, windowOf(s.def, value, dueOf));
  steps.sort((a, b) => a.def.order - b.def.order || a.def.id.localeCompare(b.def.id));
  return steps;
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

  // One engine per kind of plan (regime and process) and overlay, built on first use and reused.
  const engines = new Map<string, { engine: Engine; reads: FactName[] }>();
  // A traced run keeps every condition, so the trace shows each value a rule saw;
  // an untraced one leaves out the tests its kind of plan settles in advance.
  const engineFor = (kind: PlanKind, judging: Judging, trace: boolean) => {
    const key = `${judging.overlay?.id ?? ''}#${trace ? 'trace' : ''}#${planKindKey(kind)}`;
    let built = engines.get(key);
    if (!built) {
      const { ruleSet } = judging;
      const rules = ruleSet.rules.filter((r) => canApply(r, kind));
      built = { engine: buildEngine(rules, ruleSet.params, true, trace ? undefined : kind), reads: [...factsReadBy(rules, ruleSet.params)].filter(isFactName) as FactName[] };
      engines.set(key, built);
    }
    return built;
  };
  const calendar = makeCalendars(ruleSet.holidays);

  return {
    ruleSet,
    async check(input, options = {}) {
      const plan = parsePlan(input);
      // From here on the plan is judged by the law and its overlay, if it names one.
      const judging = judgingFor(plan);
      const { ruleSet, rulesById } = judging;
      const facts = deriveFacts(plan, ruleSet.params);
      addTimetableFacts(facts, ruleSet, calendar);
      const paramDate = (id: string) => {
        const by = ruleSet.params.get(id).appliesBy;
        return (facts[by] as string | null) ?? plan.dates.procurementStart;
      };
      const param = (id: string) => (ruleSet.params.has(id) ? ruleSet.params.valueForRule(id, paramDate(id)) : undefined);

      const kind = Object.fromEntries(PARTITION_FACTS.map((f) => [f, facts[f]])) as PlanKind;
      const { engine, reads } = engineFor(kind, judging, options.trace === true);
      const { events, results, failureResults } = await engine.run(Object.fromEntries(reads.map((f) => [f, facts[f]])));
      const findings = events
        .map((e) => e.params as unknown as RuleEventParams)
        .map((p) => makeFinding(rulesById.get(p.ruleId)!, facts, param))
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
      const outOfScope = findings.some((f) => f.severity === 'out-of-scope');
      const dated = outOfScope ? [] : collectSteps(findings, facts, ruleSet, calendar);
      const report: Report = {
        procheck: PROCHECK_VERSION,
        ruleSetVersion: ruleSet.version,
        plan: { id: plan.id, title: plan.title, authority: plan.authority.name },
        verdict: verdictOf(findings),
        regime: { declared: plan.route.regime, applicable: facts.applicableRegime as string | null, basis: String(facts.regimeBasis) },
        overlay: judging.overlay && {
          id: judging.overlay.id,
          authority: judging.overlay.authority,
          example: judging.overlay.example,
          source: judging.overlay.source,
        },
        facts: Object.fromEntries(HEADLINE_FACTS.map((k) => [k, facts[k]])),
        findings,
        steps: dated.map((s) => s.step),
        timetable: timetableRows(dated, (f) => (isFactName(f) ? facts[f] : undefined)),
      };
      if (options.trace) report.trace = buildTrace(ruleSet.rules, [...results, ...failureResults], facts);
      return report;
    },
  };
}
