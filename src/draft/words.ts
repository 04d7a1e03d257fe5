// Values written as a committee report writes them: "£5.05 million",
// "£14,357", "1 April 2025", "five years", "two options to extend of two
// years each". The words themselves are phrases (words.common.json).
import { formatValue } from '../report/format.js';
import { longDate, isCivilDate } from '../calendar/civil-date.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';
import { phrases, fill } from './phrases.js';
import { shownAs } from '../text/untrusted.js';

const w = (name: string, values: Record<string, string> = {}) => fill(`words.common.${name}`, values);

/** A count as a report writes it: words to ten, figures above. */
export function count(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 10 ? w(`number-${n}`) : String(n);
}

/** "£5.05 million" from a million up, "£14,357" below. */
export function money(n: number): string {
  if (Math.abs(n) >= 1_000_000) {
    const m = Math.round(n / 10_000) / 100;
    return w('million', { amount: m.toFixed(2).replace(/\.?0+$/, '') });
  }
  return formatValue(n, 'gbp');
}

/** "1 April 2025". */
export function date(iso: string): string {
  return isCivilDate(iso) ? longDate(iso) : shownAs(iso);
}

/** A length in months as a report writes it: "five years", "18 months", "one month". */
export function duration(months: number): string {
  if (months % 12 === 0) return months === 12 ? w('year') : w('years', { n: count(months / 12) });
  return months === 1 ? w('month') : w('months', { n: count(months) });
}

/** "five months'" / "one month's": a length before the noun it measures. */
export function durationOf(months: number): string {
  const d = duration(months);
  return months === 1 || months === 12 ? w('month-possessive', { duration: d }) : w('months-possessive', { duration: d });
}

/** "a, b and c". */
export function list(items: readonly string[], or = false): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  if (items.length === 2) return w(or ? 'list-or-two' : 'list-two', { first: items[0]!, last });
  return w(or ? 'list-or-more' : 'list-more', { items: items.slice(0, -1).join(', '), last });
}

/** The extension options after the term: " with two options to extend of two years each" (empty with none). */
export function extensions(months: readonly number[]): string {
  if (months.length === 0) return '';
  if (months.length === 1) return w('extension-one', { length: duration(months[0]!) });
  if (months.every((m) => m === months[0])) return w('extensions-same', { count: count(months.length), length: duration(months[0]!) });
  return w('extensions-mixed', { lengths: list(months.map(duration)) });
}

/** The route in a report's words, without an article: "Provider Selection Regime competitive process". */
export function routeName(regime: string | null, process: string): string {
  const id = `words.common.route-${regime}-${process}`;
  if (regime && phrases().has(id)) return fill(id);
  return w('route-other', { label: PROCESS_LABELS[process as keyof typeof PROCESS_LABELS] ?? shownAs(process) });
}

/** The route with its article: "the Provider Selection Regime competitive process". */
export function theRoute(regime: string | null, process: string): string {
  return w('the-route', { route: routeName(regime, process) });
}

export function regimeName(regime: string): string {
  return phrases().has(`words.common.regime-${regime}`) ? w(`regime-${regime}`) : shownAs(regime);
}

export function dueWords(kind: 'deadline' | 'earliest' | 'latest' | null, iso: string | null): string {
  if (!iso || !kind) return w('due-none');
  return w(`due-${kind}`, { date: date(iso) });
}

export function kindWords(kind: 'deadline' | 'earliest' | 'latest'): string {
  return w(`kind-${kind}`);
}

export function metWords(planned: string | null, met: boolean | null): string {
  if (!planned) return w('met-none');
  return w(met === true ? 'met-yes' : met === false ? 'met-no' : 'met-unknown', { date: date(planned) });
}

export function severityWords(severity: string): string {
  return phrases().has(`words.common.severity-${severity}`) ? w(`severity-${severity}`) : shownAs(severity);
}

export function verdictWords(verdict: string): string {
  return phrases().has(`words.common.verdict-${verdict}`) ? w(`verdict-${verdict}`) : shownAs(verdict);
}

/** The first letter a capital, as a table cell or a sentence starts. */
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export { w as word };
