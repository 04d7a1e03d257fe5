// Working days on ISO calendar dates, in Europe/London. A working day is not
// a Saturday, a Sunday or a bank holiday; which bank holidays count depends on
// the instrument (PSR and TUPE: England and Wales; Procurement Act 2023
// s.123: a bank holiday in any part of the UK).
import { DateTime } from 'luxon';
import type { BankHolidayFile, HolidayRegion } from './holiday-data.js';

export type HolidayRule = 'england-and-wales' | 'any-part-of-uk';

const ZONE = 'Europe/London';

function parse(date: string): DateTime {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: ZONE }) : DateTime.invalid('format');
  if (!d.isValid) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return d;
}

const iso = (d: DateTime) => d.toISODate()!;

export class WorkingDayCalendar {
  private readonly holidays: Set<string>;
  private readonly from: string;
  private readonly to: string;

  constructor(file: BankHolidayFile, readonly rule: HolidayRule) {
    const regions: HolidayRegion[] = rule === 'england-and-wales' ? ['england-and-wales'] : ['england-and-wales', 'scotland', 'northern-ireland'];
    this.holidays = new Set(regions.flatMap((r) => file.regions[r].map((h) => h.date)));
    this.from = file.coverage.from;
    this.to = file.coverage.to;
  }

  /** Whether the bank-holiday data covers the date: outside it a count would be a guess. */
  covers(date: string): boolean {
    parse(date);
    return this.from <= date && date <= this.to;
  }

  private check(date: string): DateTime {
    const d = parse(date);
    if (!this.covers(date))
      throw new RangeError(`${date} is outside the bank-holiday calendar (${this.from} to ${this.to}): working days cannot be counted`);
    return d;
  }

  isWorkingDay(date: string): boolean {
    const d = this.check(date);
    return d.weekday <= 5 && !this.holidays.has(date);
  }

  /** The nth working day after `date` (the date itself not counted). n = 0 gives `date` if it is a working day, else the next one. */
  addWorkingDays(date: string, n: number): string {
    let d = this.check(date);
    if (n === 0) return this.rollForwardToWorkingDay(date);
    let left = n;
    while (left > 0) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(iso(d))) left--;
    }
    return iso(d);
  }

  /** The nth working day before `date` (the date itself not counted). */
  subtractWorkingDays(date: string, n: number): string {
    let d = this.check(date);
    let left = n;
    while (left > 0) {
      d = d.minus({ days: 1 });
      if (this.isWorkingDay(iso(d))) left--;
    }
    return iso(d);
  }

  /** Working days strictly after `a` up to and including `b`; negative when b is before a. */
  workingDaysBetween(a: string, b: string): number {
    if (b < a) return -this.workingDaysBetween(b, a);
    let d = this.check(a);
    this.check(b);
    let count = 0;
    while (iso(d) < b) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(iso(d))) count++;
    }
    return count;
  }

  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  rollForwardToWorkingDay(date: string): string {
    let d = this.check(date);
    while (!this.isWorkingDay(iso(d))) d = d.plus({ days: 1 });
    return iso(d);
  }

  addCalendarDays(date: string, n: number): string {
    return iso(parse(date).plus({ days: n }));
  }

  subtractCalendarDays(date: string, n: number): string {
    return iso(parse(date).minus({ days: n }));
  }
}

export function createCalendar(file: BankHolidayFile, rule: HolidayRule): WorkingDayCalendar {
  return new WorkingDayCalendar(file, rule);
}
