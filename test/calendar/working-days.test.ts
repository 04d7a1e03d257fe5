import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, parseBankHolidayFile } from '../../src/calendar/index.js';

const read = parseBankHolidayFile(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'rules', 'params', 'bank-holidays.json'), 'utf8')));
if (!('file' in read)) throw new Error(read.problems.join('; '));
const file = read.file;
const ew = createCalendar(file, 'england-and-wales');
const uk = createCalendar(file, 'any-part-of-uk');
const ewYear = (y: number) => file.regions['england-and-wales'].map((h) => h.date).filter((d) => d.startsWith(`${y}-`));

describe('bank holidays against the lists GOV.UK published (England and Wales)', () => {
  it.each([
    [2019, ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26']],
    [2020, ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28']],
    [2022, ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']],
    [2023, ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
  ])('%i', (year, expected) => {
    expect(ewYear(year)).toEqual(expected);
  });

  it('covers every year from 2015 to 2030', () => {
    for (let y = 2015; y <= 2030; y++) expect(ewYear(y).length).toBeGreaterThanOrEqual(8);
  });
});

describe('counting working days', () => {
  it('PSR standstill worked example: notice Mon 2 Jun 2025, standstill begins Tue 3 Jun, 8th working day after is Fri 13 Jun', () => {
    expect(ew.addWorkingDays('2025-06-03', 8)).toBe('2025-06-13');
  });

  it('notice Mon 2 Mar 2026: representations to the end of Fri 13 Mar 2026', () => {
    expect(ew.addWorkingDays('2026-03-03', 8)).toBe('2026-03-13');
  });

  it('across Christmas and New Year 2025: 8 working days after Fri 19 Dec is Thu 2 Jan 2026 (E&W) but Mon 5 Jan in any part of the UK', () => {
    // 22, 23, 24, 29, 30, 31 Dec; 2 Jan (England); Scotland also keeps 2 Jan.
    expect(ew.addWorkingDays('2025-12-19', 7)).toBe('2026-01-02');
    expect(ew.addWorkingDays('2025-12-19', 8)).toBe('2026-01-05');
    expect(uk.addWorkingDays('2025-12-19', 7)).toBe('2026-01-05');
  });

  it('across Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr)', () => {
    expect(ew.addWorkingDays('2026-04-01', 2)).toBe('2026-04-07');
    expect(ew.workingDaysBetween('2026-03-31', '2026-04-10')).toBe(6);
  });

  it('across the year end 2027 with substitute days (27 and 28 Dec 2027)', () => {
    expect(ew.isWorkingDay('2027-12-27')).toBe(false);
    expect(ew.isWorkingDay('2027-12-28')).toBe(false);
    expect(ew.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('the 2022 one-off days are not working days', () => {
    for (const d of ['2022-06-02', '2022-06-03', '2022-09-19']) expect(ew.isWorkingDay(d)).toBe(false);
  });

  it('St Andrew\'s Day 2026 stops the clock only when any part of the UK counts', () => {
    expect(ew.isWorkingDay('2026-11-30')).toBe(true);
    expect(uk.isWorkingDay('2026-11-30')).toBe(false);
  });

  it('refuses to count outside the bank-holiday data, naming the date', () => {
    expect(() => ew.addWorkingDays('2031-01-02', 3)).toThrow(/2031-01-02.*outside/);
    expect(() => ew.addWorkingDays('2030-12-30', 5)).toThrow(RangeError);
    expect(() => ew.isWorkingDay('2024-02-30')).toThrow(/2024-02-30/);
  });
});

describe('working-day properties', () => {
  const date = fc.integer({ min: 0, max: 5000 }).map((n) => new Date(Date.UTC(2015, 1, 1) + n * 86_400_000).toISOString().slice(0, 10));
  it('a count of n >= 1 working days never ends on a weekend or bank holiday, and counts back to n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const end = ew.addWorkingDays(d, n);
        expect(ew.isWorkingDay(end)).toBe(true);
        expect(ew.workingDaysBetween(d, end)).toBe(n);
        expect(ew.subtractWorkingDays(end, n) <= d).toBe(true);
      }),
    );
  });
  it('one more working day always ends later (n >= 1; n = 0 may equal n = 1 from a non-working day)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (d, n) => {
        expect(ew.addWorkingDays(d, n + 1) > ew.addWorkingDays(d, n)).toBe(true);
      }),
    );
  });
});
