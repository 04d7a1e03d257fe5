// The timetable as a table: one row per date, in date order, for the text
// and Markdown reports and for `procheck plan`.
import type { ProposedTimetable, TimetableRowT } from './schema.js';
import { formatValue } from './format.js';

export const KIND_WORDS: Record<TimetableRowT['kind'], string> = { deadline: 'by', earliest: 'not before', latest: 'latest' };

/** Whether the plan meets the date, in words. */
export function metText(row: TimetableRowT): string {
  if (row.met === null) return '';
  return row.met ? 'yes' : `NO (plan: ${formatValue(row.planned, 'date')})`;
}

const dateText = (d: string) => formatValue(d, 'date');

/** A fixed-width table for a terminal. */
export function timetableText(rows: TimetableRowT[]): string[] {
  const cols = rows.map((r) => [dateText(r.date), KIND_WORDS[r.kind], metText(r), `${r.what} (${r.stepId})`]);
  const head = ['date', 'when', 'plan meets it', 'step'];
  const widths = head.map((h, i) => Math.max(h.length, ...cols.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...cols.map(line)].map((l) => `  ${l}`);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function timetableMarkdown(rows: TimetableRowT[]): string[] {
  return [
    '| Date | When | Plan meets it | Step | Id |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${dateText(r.date)} | ${KIND_WORDS[r.kind]} | ${cell(metText(r))} | ${cell(r.what)} | \`${r.stepId}\` |`),
  ];
}

export type PlanFormat = 'text' | 'markdown' | 'json';
export const PLAN_FORMATS: readonly PlanFormat[] = ['text', 'markdown', 'json'];

/** What `procheck plan` prints. */
export function renderProposedTimetable(t: ProposedTimetable, format: PlanFormat): string {
  if (format === 'json') return JSON.stringify(t, null, 2) + '\n';
  const heading = `Proposed timetable: service start ${dateText(t.contractStart)}, ${t.regime}${t.process ? ` (${t.process})` : ''}`;
  if (format === 'markdown')
    return [`# ${heading}`, '', ...t.assumptions.map((a) => `- ${a}`), '', ...timetableMarkdown(t.timetable), '', `procheck ${t.procheck}, rule set ${t.ruleSetVersion}`].join('\n') + '\n';
  return [`procheck ${t.procheck} | rule set ${t.ruleSetVersion}`, heading, ...t.assumptions.map((a) => `  - ${a}`), '', ...timetableText(t.timetable)].join('\n') + '\n';
}
