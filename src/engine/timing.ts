// Dates of required steps, from the timing each step carries as data.
import type { StepDefinition } from './rule-schema.js';
import type { ParamTable } from './params.js';

/** The calendar operations a step's timing needs (see src/calendar). */
export interface DayCounter {
  addWorkingDays(date: string, n: number): string;
  subtractWorkingDays(date: string, n: number): string;
  addCalendarDays(date: string, n: number): string;
  subtractCalendarDays(date: string, n: number): string;
  rollForwardToWorkingDay(date: string): string;
}

/** One day counter per bank-holiday rule a timing may name. */
export type Calendars = Record<'england-and-wales' | 'any-part-of-uk', DayCounter>;

export interface StepDate {
  date: string | null;
  kind: 'deadline' | 'earliest' | null;
  /** The rule in words, e.g. "within 30 days after the contract is entered into". */
  rule: string | null;
}

/**
 * When a step falls due, or null when the plan lacks the date it is timed from.
 * Where the count starts is data: "startsDayAfterAnchor" models periods that
 * begin on the day after an event (PSR reg 12(2)), "includesAnchorDay" periods
 * "beginning with" the event's day (Procurement Act s.51(2)); otherwise the
 * count runs from the day after the anchor, the anchor not counted.
 */
export function stepDate(
  step: StepDefinition,
  anchorValue: (fact: string) => unknown,
  params: ParamTable,
  calendars: Calendars,
): StepDate {
  const t = step.timing;
  if (!t) return { date: null, kind: null, rule: null };
  const anchor = anchorValue(t.anchor);
  if (typeof anchor !== 'string') return { date: null, kind: t.kind, rule: t.describe };
  const calendar = calendars[t.calendar];
  const shift = (t.startsDayAfterAnchor ? 1 : 0) - (t.includesAnchorDay ? 1 : 0);
  const from = shift === 0 ? anchor : calendar.addCalendarDays(anchor, shift);
  try {
    if (!t.amount) return { date: from, kind: t.kind, rule: t.describe };
    const n = params.number(t.amount.param, anchor);
    let counted =
      t.unit === 'working-days'
        ? t.direction === 'after'
          ? calendar.addWorkingDays(from, n)
          : calendar.subtractWorkingDays(from, n)
        : t.direction === 'after'
          ? calendar.addCalendarDays(from, n)
          : calendar.subtractCalendarDays(from, n);
    if (t.rollForwardToWorkingDay) counted = calendar.rollForwardToWorkingDay(counted);
    const date = t.plusDays ? calendar.addCalendarDays(counted, t.plusDays) : counted;
    return { date, kind: t.kind, rule: t.describe };
  } catch (e) {
    // Outside the bank-holiday data a working-day count would be a guess: give the rule, not a date.
    if (e instanceof RangeError) return { date: null, kind: t.kind, rule: `${t.describe} (${e.message})` };
    throw e;
  }
}
