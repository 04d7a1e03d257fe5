// Date arithmetic on day numbers, held to luxon's answers: the hot path no
// longer calls luxon, so a property checks it gives what luxon gave.
import { DateTime } from 'luxon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, monthsBetween } from '../../src/plan/dates.js';
import { dayNumberOf, isCivilDate, isoOfDay, longDate } from '../../src/calendar/civil-date.js';

const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const lux = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('date arithmetic agrees with luxon', () => {
  it('months between two dates, to two decimals (whole months, then the share of the month left)', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(monthsBetween(a, b)).toBe(Math.round(lux(b).diff(lux(a), 'months').months * 100) / 100);
      }),
      { numRuns: 5000 },
    );
  });

  it('adding whole months (held at the month\'s last day), adding days, days between', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -600, max: 600 }), fc.integer({ min: -5000, max: 5000 }), (a, months, days) => {
        expect(addMonths(a, months)).toBe(lux(a).plus({ months }).toISODate());
        expect(addDays(a, days)).toBe(lux(a).plus({ days }).toISODate());
        expect(daysBetween(a, addDays(a, days))).toBe(days);
      }),
      { numRuns: 5000 },
    );
  });

  it('day numbers are the days since 1970-01-01, there and back, across the four-digit years', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const n = dayNumberOf(iso)!;
        expect(n).toBe(Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));
        expect(isoOfDay(n)).toBe(iso);
      }),
      { numRuns: 5000 },
    );
  });

  it('tells real dates from others, and writes them as the law does', () => {
    expect(['2024-02-29', '2023-02-29', '2025-13-01', '2025-04-31', '1900-02-29', '2000-02-29', '2025-4-1'].map(isCivilDate)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(longDate('2026-04-01')).toBe('1 April 2026');
  });
});
