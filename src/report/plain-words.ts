// The report for someone who is not a lawyer: a summary first (the verdict in
// a sentence, what must change, the next dated steps), and values said in
// words, never as codes or ISO dates.
import { formatValue } from './format.js';
import type { Report } from './schema.js';

export const AUTHORITY_WORDS: Record<string, string> = {
  'local-authority': 'local authority',
  'combined-authority': 'combined authority',
  icb: 'integrated care board',
  'nhs-england': 'NHS England',
  'nhs-trust': 'NHS trust',
  'foundation-trust': 'NHS foundation trust',
  'other-public-body': 'other public body',
};
const REGIME_WORDS: Record<string, string> = { psr: 'the PSR', pcr2015: 'PCR 2015', pa2023: 'the Procurement Act 2023', pcr2006: 'PCR 2006' };

/** A text with its ISO dates, authority types and regime codes in words ("1 April 2026", "local authority", "PCR 2015"). */
export function inWords(text: string): string {
  return text
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatValue(d, 'date'))
    .replace(/\((local-authority|combined-authority|icb|nhs-england|nhs-trust|foundation-trust|other-public-body)\)/g, (_, t: string) => `(${AUTHORITY_WORDS[t]})`)
    .replace(/\((psr|pcr2015|pa2023|pcr2006)\)/g, (_, r: string) => `(${REGIME_WORDS[r]})`);
}

/** The verdict in a sentence an officer can act on. */
export function verdictSentence(report: Report): string {
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  const must = count('non-compliant');
  const check = count('review');
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  switch (report.verdict) {
    case 'non-compliant':
      return `As planned, this breaks procurement law in ${plural(must, 'way', 'ways')}: it must change before it goes ahead${check ? `, and ${plural(check, 'point needs', 'points need')} a person to check` : ''}.`;
    case 'review':
      return `Nothing found breaks the law, but ${plural(check, 'point needs', 'points need')} a person to check or a fact the plan does not yet give.`;
    case 'out-of-scope':
      return 'This plan falls under a regime procheck does not check (the Public Contracts Regulations 2006): take advice.';
    case 'compliant-if': {
      const n = report.conditions.length;
      return `Compliant if you do ${n === 1 ? 'the one thing' : `the ${n} things`} below, each your own act with its date: nothing else found is against the plan.`;
    }
    case 'compliant':
      return 'No rule found a problem with this plan as it stands.';
  }
}

/** The next steps with dates, soonest first, from a day on (the steps already due before it are past). */
export function nextSteps(report: Report, from: string, count = 3): { title: string; when: string }[] {
  return report.steps
    .filter((s) => s.due !== null && s.due >= from)
    .sort((a, b) => a.due!.localeCompare(b.due!))
    .slice(0, count)
    .map((s) => ({ title: s.title, when: `${s.dueKind === 'earliest' ? 'not before' : s.dueKind === 'latest' ? 'at the latest' : 'by'} ${formatValue(s.due, 'date')}` }));
}
