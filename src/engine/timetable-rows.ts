// The timetable: every dated step as one row per date (due, earliest,
// latest), in date order, with the plan's own date for the step and whether
// it meets that date.
import type { StepDefinition, DateRefT } from './rule-schema.js';
import type { RequiredStepT, TimetableRowT } from '../report/schema.js';

export interface DatedStep {
  def: StepDefinition;
  step: RequiredStepT;
}

type Kind = TimetableRowT['kind'];

/** A step's window: the last of its earliest dates and the first of its latest dates that are known. */
export function windowOf(def: StepDefinition, value: (fact: string) => unknown, dueOf: (stepId: string) => string | null): { earliest?: string; latest?: string } {
  const dates = (refs: DateRefT[] | undefined) =>
    (refs ?? []).map((r) => ('fact' in r ? value(r.fact) : dueOf(r.step))).filter((d): d is string => typeof d === 'string').sort();
  const earliest = dates(def.window?.earliest).at(-1);
  const latest = dates(def.window?.latest)[0];
  return { ...(earliest ? { earliest } : {}), ...(latest ? { latest } : {}) };
}

interface Planned {
  date: string;
  /** Only the latest the step can have been taken (planDateAtLatest): the step was taken on it or before. */
  atLatest: boolean;
}

/** The plan's own date for a step: the first of its planDate facts the plan states, else the first of its planDateAtLatest. */
function plannedDate(def: StepDefinition, value: (fact: string) => unknown): Planned | null {
  for (const [facts, atLatest] of [[def.planDate, false], [def.planDateAtLatest, true]] as const)
    for (const f of facts ?? []) {
      const v = value(f);
      if (typeof v === 'string') return { date: v, atLatest };
    }
  return null;
}

function row(def: StepDefinition, date: string, kind: Kind, planned: Planned | null): TimetableRowT {
  const meets = planned === null ? null : kind === 'earliest' ? planned.date >= date : planned.date <= date;
  // A latest possible date settles a deadline it is on or before, and an earliest date it is before; not the rest.
  const met = planned?.atLatest && meets !== (kind !== 'earliest') ? null : meets;
  return { date, what: def.title, stepId: def.id, kind, planned: planned?.date ?? null, met };
}

/**
 * One row for each date a step has. A window date taken from another step is
 * not repeated: that step has its own row.
 */
export function timetableRows(steps: DatedStep[], value: (fact: string) => unknown): TimetableRowT[] {
  const rows: TimetableRowT[] = [];
  const order = new Map(steps.map((s, i) => [s.def.id, i]));
  for (const { def, step } of steps) {
    const planned = plannedDate(def, value);
    if (step.due && step.dueKind) rows.push(row(def, step.due, step.dueKind, planned));
    const fromFact = (refs: DateRefT[] | undefined, date: string | undefined) =>
      date !== undefined && (refs ?? []).some((r) => 'fact' in r && value(r.fact) === date);
    if (step.earliest && fromFact(def.window?.earliest, step.earliest)) rows.push(row(def, step.earliest, 'earliest', planned));
    if (step.latest && fromFact(def.window?.latest, step.latest)) rows.push(row(def, step.latest, 'latest', planned));
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || order.get(a.stepId)! - order.get(b.stepId)!);
}
