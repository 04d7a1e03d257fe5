export { WorkingDayCalendar, createCalendar, type HolidayRule } from './working-days.js';
export { BankHolidayFileSchema, parseBankHolidayFile, type BankHolidayFile, type HolidayRegion } from './holiday-data.js';
