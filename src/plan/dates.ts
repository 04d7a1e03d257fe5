// Date arithmetic on calendar dates for derived facts.
import { civilDate, toIso, utcDayIso } from '../calendar/civil-date.js';

export function addMonths(iso: string, months: number): string {
  return toIso(civilDate(iso).plus({ months }));
}

export function addDays(iso: string, days: number): string {
  return toIso(civilDate(iso).plus({ days }));
}

/** Whole calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round(civilDate(b).diff(civilDate(a), 'days').days);
}

/** Months from a to b, fractional, as a planner would read a timetable. */
export function monthsBetween(a: string, b: string): number {
  return Math.round(civilDate(b).diff(civilDate(a), 'months').months * 100) / 100;
}

/**
 * The last day of a term of whole `months` that starts on `start`: the day
 * before the corresponding date (1 April plus 60 months ends on 31 March),
 * or the last day of the month where that month has no corresponding date
 * (31 January plus one month ends on 28 or 29 February).
 */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const month = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  if (d > lastDay) return utcDayIso(Date.UTC(y, month, lastDay));
  return utcDayIso(Date.UTC(y, month, d) - 86_400_000);
}

/**
 * The last day of a term that ends on `end` once extended by whole `months`: a
 * term runs to the end of its last day, so the extension runs from the day
 * after (30 September plus 6 months ends on 31 March). Plain day arithmetic,
 * as it runs for every plan with an incumbent.
 */
export function extendTerm(end: string, months: number): string {
  const [y, m, d] = end.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const year = next.getUTCFullYear();
  const month = next.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return utcDayIso(Date.UTC(year, month, Math.min(next.getUTCDate(), lastDay)) - 86_400_000);
}
