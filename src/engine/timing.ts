// Dates of required steps, from the timing each step carries as data.
import type { StepDefinition } from './rule-schema.js';
import type { ParamTable } from '../law/params.js';
import { addMonths } from '../plan/dates.js';

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
  kind: 'deadline' | 'earliest' | 'latest' | null;
  /** The rule in words, e.g. "within 30 days after the contract is entered into". */
  rule: string | null;
}

/** The steps a timing may refer to ("until" another step), by id. */
export type StepLookup = (id: string) => StepDefinition | undefined;

/** Days the backward search may move before it gives up (a standstill is a couple of weeks). */
const MAX_SEARCH_DAYS = 60;

/**
 * When a step falls due, or null when the plan lacks the date (or the length)
 * it is timed from. Where the count starts is data: "startsDayAfterAnchor"
 * models periods that begin on the day after an event (PSR reg 12(2)),
 * "includesAnchorDay" periods "beginning with" the event's day (Procurement
 * Act s.51(2)); otherwise the count runs from the day after the anchor, the
 * anchor not counted. The number comes from a dated parameter (the law's) or
 * a plan fact (the plan's own stage lengths, e.g. mobilisation months).
 */
export function stepDate(
  step: StepDefinition,
  anchorValue: (fact: string) => unknown,
  params: ParamTable,
  calendars: Calendars,
  lookup?: StepLookup,
): StepDate {
  const t = step.timing;
  if (!t) return { date: null, kind: null, rule: null };
  const anchor = anchorValue(t.anchor);
  if (typeof anchor !== 'string') return { date: null, kind: t.kind, rule: t.describe };
  const calendar = calendars[t.calendar];
  try {
    if (t.until) {
      const waits = t.until.onlyWhen === undefined ? true : anchorValue(t.until.onlyWhen);
      if (waits === false) return { date: anchor, kind: t.kind, rule: t.describe };
      if (waits !== true) return { date: null, kind: t.kind, rule: t.describe };
      const target = lookup?.(t.until.step.replace('{regime}', String(anchorValue('regime'))));
      const date = target ? latestAnchorFor(target, anchor, anchorValue, params, calendars) : null;
      return { date, kind: t.kind, rule: t.describe };
    }
    const shift = (t.startsDayAfterAnchor ? 1 : 0) - (t.includesAnchorDay ? 1 : 0);
    const from = shift === 0 ? anchor : calendar.addCalendarDays(anchor, shift);
    const n = t.amount ? params.number(t.amount.param, anchor) : t.amountFact ? anchorValue(t.amountFact) : 0;
    if (typeof n !== 'number') return { date: null, kind: t.kind, rule: t.describe };
    if (!t.amount && !t.amountFact) return { date: from, kind: t.kind, rule: t.describe };
    const sign = t.direction === 'after' ? 1 : -1;
    let counted: string;
    switch (t.unit) {
      case 'working-days':
        counted = sign > 0 ? calendar.addWorkingDays(from, n) : calendar.subtractWorkingDays(from, n);
        break;
      case 'days':
        counted = sign > 0 ? calendar.addCalendarDays(from, n) : calendar.subtractCalendarDays(from, n);
        break;
      case 'weeks':
        counted = calendar.addCalendarDays(from, sign * Math.round(n * 7));
        break;
      case 'months':
        counted = addMonths(from, sign * n);
        break;
    }
    if (t.rollForwardToWorkingDay) counted = calendar.rollForwardToWorkingDay(counted);
    const date = t.plusDays ? calendar.addCalendarDays(counted, t.plusDays) : counted;
    return { date, kind: t.kind, rule: t.describe };
  } catch (e) {
    // Outside the bank-holiday data a working-day count would be a guess: give the rule, not a date.
    if (e instanceof RangeError) return { date: null, kind: t.kind, rule: `${t.describe} (${e.message})` };
    throw e;
  }
}

/**
 * The latest date X from which `target` (timed from X as its anchor) still
 * falls on or before `limit`: the inverse of the forward count, found by
 * searching with it, so each period is written once, in the data. A forward
 * date never moves earlier when its anchor moves later, so the search starts
 * from an estimate and steps a day at a time (a handful of steps for a
 * standstill). Null when the count cannot be made (outside the calendar).
 */
export function latestAnchorFor(
  target: StepDefinition,
  limit: string,
  value: (fact: string) => unknown,
  params: ParamTable,
  calendars: Calendars,
): string | null {
  const anchorFact = target.timing?.anchor;
  if (!anchorFact) return null;
  const days = calendars['england-and-wales'];
  const forward = (x: string) => stepDate(target, (f) => (f === anchorFact ? x : value(f)), params, calendars).date;
  const atLimit = forward(limit);
  if (atLimit === null) return null;
  // Estimate: move back by as many calendar days as the period took from the limit.
  let x = days.subtractCalendarDays(limit, Math.max(0, dayDiff(limit, atLimit)));
  let fx = forward(x);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    if (fx === null) return null;
    if (fx > limit) {
      x = days.subtractCalendarDays(x, 1);
      fx = forward(x);
      continue;
    }
    const next = days.addCalendarDays(x, 1);
    const fNext = forward(next);
    if (fNext === null || fNext > limit) return x;
    x = next;
    fx = fNext;
  }
  return null;
}

/** Whole days from a to b on ISO dates (no zone: calendar dates). */
function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}
