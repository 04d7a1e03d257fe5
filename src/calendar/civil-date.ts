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

const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month (1-12) of a year. */
export const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/**
 * A calendar date as a day number (days since 1970-01-01), or null when it
 * is not a real date. Plain arithmetic: the hot path counts days for every
 * plan, and needs no calendar library for it.
 */
export function dayNumberOf(iso: string): number | null {
  if (iso.length !== 10 || !PATTERN.test(iso)) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

// Days from 1970-01-01 to a proleptic Gregorian date and back, by Howard
// Hinnant's algorithms ("chrono-compatible low-level date algorithms"): exact
// integer arithmetic over 400-year eras, with no Date objects.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The day number of a date known to be real; a RangeError naming it otherwise. */
export function dayNumber(iso: string): number {
  const n = dayNumberOf(iso);
  if (n === null) throw new RangeError(`"${iso}" is not a calendar date (YYYY-MM-DD)`);
  return n;
}

const FIRST_DAY_NUMBER = -719162; // 0001-01-01
const LAST_DAY_NUMBER = 2932896; // 9999-12-31

/** A day number as YYYY-MM-DD (held within the four-digit years). */
export function isoOfDay(day: number): string {
  if (!(day >= FIRST_DAY_NUMBER)) return day > 0 ? LAST_DAY : FIRST_DAY;
  if (day > LAST_DAY_NUMBER) return LAST_DAY;
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function isCivilDate(iso: string): boolean {
  return dayNumberOf(iso) !== null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 April 2026", as the law and a committee report write a date. */
export function longDate(iso: string): string {
  dayNumber(iso);
  return `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

export function civilDate(iso: string): DateTime {
  const d = parseCivilDate(iso);
  if (!d) throw new RangeError(`"${iso}" is not a calendar date (YYYY-MM-DD)`);
  return d;
}

// Arithmetic is total: a date past the four-digit years (which a valid plan
// cannot reach, see the plan schema's bounds) is held at the last or first day
// they can write, rather than becoming "+010000-01-01" or an exception.
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

export function toIso(d: DateTime): string {
  if (!d.isValid) return LAST_DAY;
  if (d.year > 9999) return LAST_DAY;
  if (d.year < 1) return FIRST_DAY;
  return d.toISODate()!;
}

/** A UTC day (milliseconds since 1970) as YYYY-MM-DD, held within the four-digit years. */
export function utcDayIso(ms: number): string {
  if (!Number.isFinite(ms)) return LAST_DAY;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return ms > 0 ? LAST_DAY : FIRST_DAY;
  const year = d.getUTCFullYear();
  if (year > 9999) return LAST_DAY;
  if (year < 1) return FIRST_DAY;
  return d.toISOString().slice(0, 10);
}

/** Today's date in England. */
export function todayInEngland(): string {
  return DateTime.now().setZone(LEGAL_ZONE).toISODate()!;
}
