// The calendar the step timings count with. PSR and TUPE count England and
// Wales bank holidays (the Procurement Act's "any part of the UK" rule comes
// with its own steps).
import { createCalendar, type BankHolidayFile } from '../calendar/index.js';
import type { DayCounter } from './timing.js';

export function makeDayCounter(holidays: BankHolidayFile): DayCounter & { covers(date: string): boolean } {
  return createCalendar(holidays, 'england-and-wales');
}
