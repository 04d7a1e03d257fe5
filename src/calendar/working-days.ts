// Working days on calendar dates (see civil-date.ts). A working day is not
// a Saturday, a Sunday or a bank holiday; which bank holidays count depends on
// the instrument (PSR and TUPE: England and Wales; Procurement Act 2023
// s.123: a bank holiday in any part of the UK).
//
// Dates are day numbers here (plain arithmetic, see civil-date.ts), because a
// check counts days for every plan and must stay fast.
import { dayNumber, isoOfDay } from './civil-date.js';
import type { BankHolidayFile, HolidayRegion } from './holiday-data.js';

export type HolidayRule = 'england-and-wales' | 'any-part-of-uk';

const isoOf = isoOfDay;

/** 1970-01-01 was a Thursday: day 0 has weekday 4 (0 = Sunday). */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export class WorkingDayCalendar {
  private readonly holidays: Set<number>;
  private readonly from: number;
  private readonly to: number;
  readonly coverage: { from: string; to: string };

  constructor(file: BankHolidayFile, readonly rule: HolidayRule) {
    const regions: HolidayRegion[] =
      rule === 'england-and-wales' ? ['england-and-wales'] : ['england-and-wales', 'scotland', 'northern-ireland'];
    this.holidays = new Set(regions.flatMap((r) => file.regions[r].map((h) => dayNumber(h.date))));
    this.from = dayNumber(file.coverage.from);
    this.to = dayNumber(file.coverage.to);
    this.coverage = { ...file.coverage };
  }

  /** Whether the bank-holiday data covers the date: outside it a count would be a guess. */
  covers(date: string): boolean {
    const d = dayNumber(date);
    return this.from <= d && d <= this.to;
  }

  private inRange(day: number): number {
    if (day < this.from || day > this.to)
      throw new RangeError(
        `${isoOf(day)} is outside the bank-holiday calendar (${this.coverage.from} to ${this.coverage.to}): working days cannot be counted`,
      );
    return day;
  }

  private working(day: number): boolean {
    return !isWeekend(this.inRange(day)) && !this.holidays.has(day);
  }

  isWorkingDay(date: string): boolean {
    return this.working(dayNumber(date));
  }

  /** The nth working day after `date` (the date itself not counted). n = 0 gives `date` if it is a working day, else the next one. */
  addWorkingDays(date: string, n: number): string {
    let day = this.inRange(dayNumber(date));
    if (n === 0) {
      while (!this.working(day)) day++;
      return isoOf(day);
    }
    for (let left = n; left > 0; ) if (this.working(++day)) left--;
    return isoOf(day);
  }

  /** The nth working day before `date` (the date itself not counted). */
  subtractWorkingDays(date: string, n: number): string {
    let day = this.inRange(dayNumber(date));
    for (let left = n; left > 0; ) if (this.working(--day)) left--;
    return isoOf(day);
  }

  /** Working days strictly after `a` up to and including `b`; negative when b is before a. */
  workingDaysBetween(a: string, b: string): number {
    const start = this.inRange(dayNumber(a));
    const end = this.inRange(dayNumber(b));
    if (end < start) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = start + 1; day <= end; day++) if (this.working(day)) count++;
    return count;
  }

  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  rollForwardToWorkingDay(date: string): string {
    return this.addWorkingDays(date, 0);
  }

  addCalendarDays(date: string, n: number): string {
    return isoOf(dayNumber(date) + n);
  }

  subtractCalendarDays(date: string, n: number): string {
    return isoOf(dayNumber(date) - n);
  }
}

export function createCalendar(file: BankHolidayFile, rule: HolidayRule): WorkingDayCalendar {
  return new WorkingDayCalendar(file, rule);
}
