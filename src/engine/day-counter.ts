// The calendars step timings count with: England and Wales bank holidays (PSR,
// PCR 2015, TUPE) or a bank holiday in any part of the UK (Procurement Act
// 2023 s.123). Each step's timing names the one its instrument uses.
import { createCalendar, type BankHolidayFile, type HolidayRule } from '../calendar/index.js';
import type { Calendars } from './timing.js';

export function makeCalendars(holidays: BankHolidayFile): Calendars {
  return {
    'england-and-wales': createCalendar(holidays, 'england-and-wales'),
    'any-part-of-uk': createCalendar(holidays, 'any-part-of-uk'),
  } satisfies Record<HolidayRule, unknown>;
}
