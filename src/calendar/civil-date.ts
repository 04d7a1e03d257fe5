// Calendar dates (YYYY-MM-DD) as the law uses them: a day, with no time of
// day. Deadlines fall on days in England, so "today" is taken in
// Europe/London; arithmetic on a date alone needs no zone, and doing it in
// UTC keeps luxon from computing a zone offset for every date of every plan.
import { DateTime } from 'luxon';

export const LEGAL_ZONE = 'Europe/London';
const DATE_ONLY = { zone: 'utc' } as const;
const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function parseCivilDate(iso: string): DateTime | null {
  if (!PATTERN.test(iso)) return null;
  const d = DateTime.fromISO(iso, DATE_ONLY);
  return d.isValid ? d : null;
}

export function isCivilDate(iso: string): boolean {
  return parseCivilDate(iso) !== null;
}

export function civilDate(iso: string): DateTime {
  const d = parseCivilDate(iso);
  if (!d) throw new RangeError(`"${iso}" is not a calendar date (YYYY-MM-DD)`);
  return d;
}

export function toIso(d: DateTime): string {
  return d.toISODate()!;
}

/** Today's date in England. */
export function todayInEngland(): string {
  return DateTime.now().setZone(LEGAL_ZONE).toISODate()!;
}
