// The summary of audited notices as CSV, for a spreadsheet: a row per
// authority (procurements, verdicts, breaches and points to review, and how
// many of its procurements show each kind of defect, a column each), and a
// last row for all of them. RFC 4180: fields quoted where they hold a comma,
// a quote or a line break; a field a spreadsheet would read as a formula
// (=, +, -, @ first) is written as text, since a buyer's name comes from the
// notice.
import type { NoticeSummary } from './schema.js';

const VERDICT_COLUMNS = [
  ['non-compliant', 'Non-compliant'],
  ['review', 'Review'],
  ['compliant-if', 'Compliant if'],
  ['compliant', 'Compliant'],
  ['not-checked', 'Not checked'],
  ['out-of-scope', 'Out of scope'],
] as const;

/** One CSV field: quoted where it must be, and never read as a formula. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const row = (fields: (string | number)[]) => fields.map(csvField).join(',');

export function summaryCsv(s: NoticeSummary): string {
  const defects = s.byDefect;
  const header = ['Authority', 'Procurements', ...VERDICT_COLUMNS.map(([, label]) => label), 'Breaches found', 'Points to review', ...defects.map((d) => `${d.title} (${d.ruleId}, ${d.severity})`)];
  const rows = s.byAuthority.map((a) => [
    a.authority,
    a.notices,
    ...VERDICT_COLUMNS.map(([v]) => a.byVerdict[v] ?? 0),
    a.breaches,
    a.reviews,
    ...defects.map((d) => a.defects[d.ruleId] ?? 0),
  ]);
  const total = (i: number) => rows.reduce((sum, r) => sum + (r[i] as number), 0);
  const all = ['All authorities', ...header.slice(1).map((_, k) => total(k + 1))];
  return `${[header, ...rows, all].map(row).join('\r\n')}\r\n`;
}
