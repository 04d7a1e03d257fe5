// Values as a notice writes them in words: dates (1st April 2024, 01/04/2024,
// April 1, 2024), sums of money (£14,357, PS1.2 million), lengths (3 years,
// twelve months, 2 + 2 years) and times of day (midnight, 5pm, 23:59). The
// patterns that find them are data (ocds-mapping.json, wordPatterns); these
// turn what a pattern found into the plan's values, or null where the words do
// not make one.
import { DateTime } from 'luxon';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** How a notice writes a date in figures: day first, as in England (01/04/2024 is 1 April), or month first (4 January). */
export type DateOrder = 'day-first' | 'month-first';

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

const monthOf = (name: string): number => {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(n)) + 1 : 0;
};

const isoDate = (y: number, m: number, d: number): string | null => {
  if (y < 100) y += 2000;
  const dt = DateTime.fromObject({ year: y, month: m, day: d });
  return dt.isValid ? dt.toISODate() : null;
};

/** A date in words or figures as a calendar date; null where it is no date (31 April 2026). Figures are read in `order`. */
export function readDate(text: string, order: DateOrder = 'day-first'): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  const numeric = NUMERIC.exec(s);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    return order === 'day-first' ? isoDate(y, b, a) : isoDate(y, a, b);
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([A-Za-z]{3,9})\.?,? (\d{4})$/i.exec(s);
  if (dayFirst) {
    const m = monthOf(dayFirst[2]!);
    return m ? isoDate(Number(dayFirst[3]), m, Number(dayFirst[1])) : null;
  }
  const monthFirst = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(s);
  if (monthFirst) {
    const m = monthOf(monthFirst[1]!);
    return m ? isoDate(Number(monthFirst[3]), m, Number(monthFirst[2])) : null;
  }
  return null;
}

/**
 * The order the notice's figures are written in, where one of them tells (25/04/2025 can only be day first; 04/25/2025
 * only month first); null where every date in figures reads both ways (01/04/2024), or they contradict each other.
 */
export function dateOrderOf(texts: readonly string[]): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const t of texts)
    for (const m of t.matchAll(/(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})(?![\d/-]|\.\d)/g)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a > 12 && b <= 12) dayFirst = true;
      if (b > 12 && a <= 12) monthFirst = true;
    }
  return dayFirst === monthFirst ? null : dayFirst ? 'day-first' : 'month-first';
}

/** Whether a date in figures reads as two different dates, one each way (01/04/2024; not 25/04/2025, nor 04/04/2024). */
export function readsBothWays(text: string): boolean {
  const m = NUMERIC.exec(text.trim());
  return m !== null && readDate(text, 'day-first') !== null && readDate(text, 'month-first') !== null && m[1] !== m[2] && Number(m[1]) !== Number(m[2]);
}

/** A sum of money as written: £14,357 -> 14357; PS1.2 million -> 1200000 (PS is £ as some copies mangle it). */
export function readMoney(text: string): number | null {
  const m = /(\d[\d,]*(?:\.\d+)?)\s?(million|m|bn|billion|k)?\b/i.exec(text);
  if (!m) return null;
  const figures = m[1]!.replace(/,+$/, '');
  // A comma that separates thousands: 14,357 and 1,234,567, not a list (14,35).
  if (figures.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(figures)) return null;
  const n = Number(figures.replace(/,/g, ''));
  const scale = { million: 1e6, m: 1e6, bn: 1e9, billion: 1e9, k: 1e3 }[(m[2] ?? '').toLowerCase() as 'm'] ?? 1;
  const v = Math.round(n * scale * 100) / 100;
  return Number.isFinite(v) && v > 0 ? v : null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty four': 24, 'thirty six': 36 };

/** A count in figures or words: 3, three, twenty-four. */
export function readCount(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/-/g, ' ');
  const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NUMBER_WORDS[t];
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}

/** A length in whole months: 3 years -> 36, 18 months -> 18, 1.5 years -> 18. */
export function monthsOf(count: string, unit: string): number | null {
  const n = readCount(count);
  if (n === null) return null;
  const months = /^y/i.test(unit.trim()) ? n * 12 : n;
  return Number.isInteger(months) && months <= 1200 ? months : Number.isFinite(months) && months <= 1200 ? Math.ceil(months) : null;
}

/** Extension options as written: "2 + 2" -> [2, 2], "12" -> [12], each in the unit given, as months. */
export function extentsOf(text: string, unit: string): number[] {
  return text
    .split(/\s*(?:\+|x|plus|and)\s*/i)
    .map((part) => monthsOf(part, unit))
    .filter((m): m is number => m !== null);
}

/** A time of day as HH:MM: midnight (the end of the day, as reg 12(3) counts) -> 24:00, 5pm -> 17:00, 23.59 -> 23:59. */
export function readTime(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\./g, ':').replace(/\s+/g, '');
  if (t === 'midnight') return '24:00';
  if (t === 'noon' || t === 'midday') return '12:00';
  const m = /^(\d{1,2})(?::(\d{2}))?(?::?([ap])m?:?)?$/.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (m[3] === 'p' && h < 12) h += 12;
  if (m[3] === 'a' && h === 12) h = 0;
  if (h > 23 || min > 59 || (!m[2] && !m[3])) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
