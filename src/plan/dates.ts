// Date arithmetic on calendar dates for derived facts.
import { civilDate, toIso } from '../calendar/civil-date.js';

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
