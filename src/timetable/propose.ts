// `procheck plan`: given the service start and the route (and, if known, the
// plan's stage lengths), the latest date for each step, planning back from
// the start with the rule set's own step timing. The CLI only parses and
// renders; library users call these functions.
import { truth } from '../engine/three-valued.js';
import { z } from 'zod';
import { IsoDate, Process, Regime, TimetablePlan, type Plan, type RegimeId } from '../plan/schema.js';
import { fieldIssues, parsePlan, PlanValidationError } from '../plan/parse.js';
import { lotPlans } from '../plan/lots.js';
import { deriveFacts } from '../plan/facts.js';
import { loadRuleSet, type RuleSet } from '../engine/rule-set.js';
import { makeCalendars } from '../engine/day-counter.js';
import { stepDate, type Calendars } from '../engine/timing.js';
import type { StepDefinition } from '../engine/rule-schema.js';
import type { ProposedTimetable, RequiredStepT } from '../report/schema.js';
import { PROCHECK_VERSION } from '../version.js';
import { backwardDates } from '../engine/backward.js';
import { timetableRows, windowOf, type DatedStep } from '../engine/timetable-rows.js';

/** What the backward timetable needs: the start, the regime, and the plan's own lengths where it has them. */
export const TimetableRequestSchema = z.strictObject({
  contractStart: IsoDate.meta({ description: 'When the new service must start.' }),
  regime: Regime.meta({ description: 'The regime whose steps and periods apply.' }),
  process: Process.nullable().default(null),
  mobilisationMonths: z.number().nonnegative().optional().meta({ description: 'Months between entering into the contract and the start; none assumed when absent.' }),
  ...TimetablePlan.shape,
  transferDate: IsoDate.optional().meta({ description: 'When staff would transfer (TUPE); the service start when absent.' }),
  staffTransfer: z.boolean().default(true).meta({ description: 'Whether staff may transfer, so the employee liability information deadline belongs in the timetable.' }),
});

export type TimetableRequest = z.input<typeof TimetableRequestSchema>;

/** The steps that set the outgoing provider's employee liability information deadline (TUPE reg 11(6)). */
const ELI_STEP = 'tupe.employee-liability-information';
/** Steps of the backward timetable itself (rules/timetable). */
const TIMETABLE_PREFIX = 'timetable.';

const CALENDARS = new WeakMap<RuleSet['holidays'], Calendars>();
function calendarsFor(ruleSet: RuleSet): Calendars {
  let c = CALENDARS.get(ruleSet.holidays);
  if (!c) CALENDARS.set(ruleSet.holidays, (c = makeCalendars(ruleSet.holidays)));
  return c;
}

/** The latest date for each step for a service to start on `contractStart` under `regime`. Throws PlanValidationError naming a bad field. */
export function proposeTimetable(input: TimetableRequest, ruleSet: RuleSet = loadRuleSet()): ProposedTimetable {
  const parsed = TimetableRequestSchema.safeParse(input);
  if (!parsed.success) throw new PlanValidationError(fieldIssues(parsed.error));
  const req = parsed.data;
  const calendars = calendarsFor(ruleSet);
  const known: Record<string, unknown> = {
    regime: req.regime,
    process: req.process,
    contractStart: req.contractStart,
    transferDate: req.transferDate ?? req.contractStart,
    mobilisationMonths: req.mobilisationMonths ?? 0,
    approvalWeeks: req.approvalWeeks,
    tenderPeriodDays: req.tenderPeriodDays,
    evaluationWeeks: req.evaluationWeeks,
  };
  // The regime's standstill is allowed for unless the named process surely has none (its gate is false on what the request says).
  const gate = ruleSet.steps.get(`${req.regime}.standstill-end`)?.appliesWhen;
  known.standstillApplies = !gate || truth(gate, { fact: (f) => known[f] ?? null, param: () => null }) !== false;
  const latest = backwardDates((f) => known[f] ?? null, ruleSet, calendars);
  // The proposal takes each step on its latest date, and checks the other steps against that.
  const planned: Record<string, unknown> = {
    decisionDate: latest.get('latestDecisionDate'),
    procurementStart: latest.get('latestProcurementStart'),
    awardDecision: latest.get('latestAwardDecision'),
    contractSigned: latest.get('latestContractSigned'),
  };
  const value = (f: string) => (latest.has(f) ? latest.get(f) : f in planned ? planned[f] : known[f]) ?? null;
  const lookup = (id: string) => ruleSet.steps.get(id);

  const defs = [...ruleSet.steps.values()].filter((s) => s.id.startsWith(TIMETABLE_PREFIX));
  const targets = defs.flatMap((s) => (s.timing?.until ? [lookup(s.timing.until.step.replace('{regime}', req.regime))] : []));
  const eli = req.staffTransfer ? [lookup(ELI_STEP)] : [];
  const chosen = [...defs, ...targets, ...eli].filter((s): s is StepDefinition => s !== undefined);
  const dated: DatedStep[] = chosen.map((def) => {
    const due = stepDate(def, value, ruleSet.params, calendars, lookup);
    const step: RequiredStepT = { id: def.id, title: def.title, citation: def.citation, addedBy: [], due: due.date, dueKind: due.kind, timing: due.rule };
    return { def, step };
  });
  const dueOf = (id: string) => dated.find((d) => d.def.id === id)?.step.due ?? null;
  for (const d of dated) if (d.def.window) Object.assign(d.step, windowOf(d.def, value, dueOf));
  dated.sort((a, b) => a.def.order - b.def.order);

  return {
    procheck: PROCHECK_VERSION,
    ruleSetVersion: ruleSet.version,
    contractStart: req.contractStart,
    regime: req.regime,
    process: req.process,
    assumptions: assumptionsOf(req),
    timetable: timetableRows(dated, value),
  };
}

function assumptionsOf(req: z.output<typeof TimetableRequestSchema>): string[] {
  const out = [
    req.mobilisationMonths === undefined
      ? 'No mobilisation time given (term.mobilisationMonths, --mobilisation-months): none assumed, so the contract could be entered into on the start day itself.'
      : `Mobilisation: ${req.mobilisationMonths} months between entering into the contract and the service start.`,
    `The award decision allows for the ${req.regime} standstill; a process exempt from it gains those days.`,
  ];
  const stages: [number | undefined, string, string][] = [
    [req.evaluationWeeks, 'evaluation', 'weeks (timetable.evaluationWeeks, --evaluation-weeks)'],
    [req.tenderPeriodDays, 'tender period', 'days (timetable.tenderPeriodDays, --tender-days)'],
    [req.approvalWeeks, 'approval', 'weeks (timetable.approvalWeeks, --approval-weeks)'],
  ];
  for (const [n, name, unit] of stages)
    out.push(n === undefined ? `No ${name} length given in ${unit}: the stages before it cannot be dated.` : `${name[0]!.toUpperCase()}${name.slice(1)}: ${n} ${unit.split(' ')[0]}.`);
  if (req.staffTransfer) out.push('Staff may transfer (TUPE): the employee liability information deadline is included.');
  return out;
}

/**
 * The backward timetable for a plan (one that serves each of its lots, when
 * none has its own route or dates): its service start, the regime that
 * applies to it, its process, mobilisation and stage lengths; its other dates
 * are ignored. Throws PlanValidationError for an invalid plan or one whose
 * regime procheck cannot tell.
 */
export function proposeTimetableForPlan(input: unknown, ruleSet: RuleSet = loadRuleSet()): ProposedTimetable {
  const plan = parsePlan(input);
  const request = timetableRequest(plan, ruleSet, 'route.regime');
  // One timetable serves every lot only when each lot's regime, route, dates and stages come to the same request.
  const differs = lotPlans(plan).flatMap((lot, i) =>
    JSON.stringify(timetableRequest(lot, ruleSet, `lots.${i}`)) === JSON.stringify(request) ? [] : [`lots.${i} (${plan.lots![i]!.title})`],
  );
  if (differs.length)
    throw new PlanValidationError([
      { path: 'lots', message: `procheck plan proposes one timetable, but ${differs.join(', ')} has a regime, route, dates or stages of its own: plan such a lot as a plan of its own` },
    ]);
  const proposed = proposeTimetable(request, ruleSet);
  if (plan.lots) proposed.assumptions.push(`The plan is in ${plan.lots.length} lots with the same regime, route and dates: this timetable serves each of them.`);
  return proposed;
}

/** What the backward timetable of a plan (or a lot) is planned from. */
function timetableRequest(plan: Plan, ruleSet: RuleSet, path: string): TimetableRequest {
  const facts = deriveFacts(plan, ruleSet.params);
  const regime = facts.regime;
  if (regime !== 'psr' && regime !== 'pcr2015' && regime !== 'pa2023')
    throw new PlanValidationError([{ path, message: `procheck cannot plan this timetable: ${String(facts.regimeBasis)}` }]);
  return {
    contractStart: plan.dates.contractStart,
    regime: regime satisfies RegimeId,
    process: plan.route.process,
    ...(plan.term.mobilisationMonths === undefined ? {} : { mobilisationMonths: plan.term.mobilisationMonths }),
    ...plan.timetable,
    ...(plan.staff?.transferDate ? { transferDate: plan.staff.transferDate } : {}),
    staffTransfer: facts.providerMayChange === true && plan.staff?.assignedToService !== false,
  };
}
