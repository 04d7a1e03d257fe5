// Date arithmetic on calendar dates for derived facts.
import { civilDate, dayNumber, daysInMonth, isoOfDay, toIso, utcDayIso } from '../calendar/civil-date.js';

/** The same day `months` later (or earlier), held at the month's last day where it has no such day (31 January + 1 month: 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  // A part month (a plan's mobilisation may be 1.5 months) is luxon's to spread over days, as it always was.
  if (!Number.isInteger(months)) return toIso(civilDate(iso).plus({ months }));
  dayNumber(iso);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  if (year > 9999) return '9999-12-31';
  if (year < 1) return '0001-01-01';
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Whole calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Months from a to b, fractional, as a planner would read a timetable. */
export function monthsBetween(a: string, b: string): number {
  return Math.round(monthsDiff(a, b) * 100) / 100;
}

/**
 * Months from a to b as luxon's diff reads them: the whole calendar months
 * (a month on from the 31st is the month's last day), then the days left as
 * a share of the month they fall in. Plain arithmetic, as it runs for every
 * plan (a property holds it to luxon's answer).
 */
function monthsDiff(a: string, b: string): number {
  const da = dayNumber(a);
  const db = dayNumber(b);
  if (db < da) return -monthsDiff(b, a);
  const months = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  let whole = months;
  while (whole > 0 && dayNumber(addMonths(a, whole)) > db) whole--;
  const from = dayNumber(addMonths(a, whole));
  return whole + (db - from) / (dayNumber(addMonths(a, whole + 1)) - from);
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
  // Plain day arithmetic for the years a plan uses (a term end is in every report); Date for the rest.
  const year = y + Math.floor(month / 12);
  if (Number.isInteger(months) && year >= 1000 && year <= 9998) {
    const mm = (((month % 12) + 12) % 12) + 1;
    const last = daysInMonth(year, mm);
    const at = (day: number) => `${year}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return d > last ? at(last) : addDays(at(d), -1);
  }
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
