// A register's results as text (a line per plan, then a summary) or NDJSON
// (a JSON object per plan, then a summary object), for people and for pipelines.
import { SEVERITIES, summarise, type BatchResult, type BatchSummary } from './run-batch.js';

export const BATCH_FORMATS = ['text', 'json'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

function countsText(r: BatchResult): string {
  const parts = SEVERITIES.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'no findings';
}

function errorText(r: BatchResult): string {
  const [first, ...rest] = r.errors;
  if (!first) return 'invalid';
  const more = rest.length ? ` (and ${rest.length} more)` : '';
  return `${first.path ? `${first.path}: ` : ''}${first.message}${more}`;
}

export function summaryText(summary: BatchSummary): string {
  const v = summary.verdicts;
  const lines = [
    `${summary.plans} plan${summary.plans === 1 ? '' : 's'}: ${v.compliant} compliant, ${v.review} review, ${v['non-compliant']} non-compliant, ${v['out-of-scope']} out-of-scope, ${v.invalid} invalid`,
  ];
  if (summary.invalidLines.length)
    lines.push(`Invalid rows, not checked: line${summary.invalidLines.length === 1 ? '' : 's'} ${summary.invalidLines.join(', ')}`);
  return lines.join('\n') + '\n';
}

function renderText(results: BatchResult[]): string {
  const rows = results.map((r) => [
    `line ${r.line}`,
    r.id ?? '(no id)',
    r.verdict.toUpperCase(),
    r.verdict === 'invalid' ? errorText(r) : countsText(r),
  ]);
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((row) => row[c]!.length)));
  const body = rows.map((row) => row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ') + '\n').join('');
  return (body ? body + '\n' : '') + summaryText(summarise(results));
}

function renderJson(results: BatchResult[], full: boolean): string {
  const lines = results.map((r) =>
    JSON.stringify({
      line: r.line,
      id: r.id,
      title: r.title,
      verdict: r.verdict,
      counts: r.counts,
      findings: r.findings,
      ...(r.verdict === 'invalid' ? { errors: r.errors } : {}),
      ...(full && r.report ? { report: r.report } : {}),
    }),
  );
  lines.push(JSON.stringify({ summary: summarise(results) }));
  return lines.join('\n') + '\n';
}

/** `full` (json only) carries each plan's whole report under `report`, when the results kept it. */
export function renderBatch(results: BatchResult[], format: BatchFormat, options: { full?: boolean } = {}): string {
  return format === 'json' ? renderJson(results, options.full === true) : renderText(results);
}
