// Calendar dates (YYYY-MM-DD) as the law uses them: a day, with no time of
// day. Deadlines fall on days in England, so "today" is taken in
// Europe/London; arithmetic on a date alone needs no zone, and doing it in
// UTC keeps luxon from computing a zone offset for every date of every plan.
import { DateTime } from 'luxon';

export const LEGAL_ZONE = 'Europe/London';
const DATE_ONLY = { zone: 'utc' } as const;
const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

// Parsing is most of luxon's cost, and a check meets the same few dates again
// and again (validation, derived facts, step timing, reasons): DateTimes are
// immutable, so each is parsed once and shared. Bounded so a long-running
// server checking many plans does not grow without limit.
const CACHE_LIMIT = 8192;
const parsed = new Map<string, DateTime | null>();

export function parseCivilDate(iso: string): DateTime | null {
  const hit = parsed.get(iso);
  if (hit !== undefined) return hit;
  let d: DateTime | null = null;
  if (PATTERN.test(iso)) {
    const p = DateTime.fromISO(iso, DATE_ONLY);
    d = p.isValid ? p : null;
  }
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(iso, d);
  return d;
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
