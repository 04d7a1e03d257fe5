// Date arithmetic on ISO calendar dates, in Europe/London, for derived facts.
import { DateTime } from 'luxon';

const ZONE = 'Europe/London';

export function toDateTime(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: ZONE });
}

export function addMonths(iso: string, months: number): string {
  return toDateTime(iso).plus({ months }).toISODate()!;
}

export function addDays(iso: string, days: number): string {
  return toDateTime(iso).plus({ days }).toISODate()!;
}

/** Whole calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round(toDateTime(b).diff(toDateTime(a), 'days').days);
}

/** Months from a to b, fractional, as a planner would read a timetable. */
export function monthsBetween(a: string, b: string): number {
  return Math.round(toDateTime(b).diff(toDateTime(a), 'months').months * 100) / 100;
}
