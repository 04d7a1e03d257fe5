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
    `${summary.plans} plan${summary.plans === 1 ? '' : 's'}: ${v.compliant} compliant, ${v['compliant-if']} compliant if, ${v.review} review, ${v['non-compliant']} non-compliant, ${v['out-of-scope']} out-of-scope, ${v.invalid} invalid`,
  ];
  if (summary.invalidLines.length) {
    const more = summary.moreInvalid ? ` (and ${summary.moreInvalid} more, each on its own line above)` : '';
    lines.push(`Invalid rows, not checked: line${summary.invalidLines.length === 1 ? '' : 's'} ${summary.invalidLines.join(', ')}${more}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * One row's line. Rows are printed as they are checked, so the columns are
 * padded to widths that fit ordinary ids rather than measured over the file.
 */
function textLine(r: BatchResult): string {
  const cells = [`line ${r.line}`.padEnd(10), (r.id ?? '(no id)').padEnd(40), r.verdict.toUpperCase().padEnd(13)];
  return `${cells.join('  ')}  ${r.verdict === 'invalid' ? errorText(r) : countsText(r)}\n`;
}

function jsonLine(r: BatchResult, full: boolean): string {
  return (
    JSON.stringify({
      line: r.line,
      id: r.id,
      title: r.title,
      verdict: r.verdict,
      counts: r.counts,
      findings: r.findings,
      ...(r.verdict === 'invalid' ? { errors: r.errors } : {}),
      ...(full && r.report ? { report: r.report } : {}),
    }) + '\n'
  );
}

/** A streaming renderer: the line for each result as it comes, then the summary. */
export interface BatchWriter {
  result(r: BatchResult): string;
  summary(s: BatchSummary): string;
}

export function batchWriter(format: BatchFormat, options: { full?: boolean } = {}): BatchWriter {
  return format === 'json'
    ? { result: (r) => jsonLine(r, options.full === true), summary: (s) => JSON.stringify({ summary: s }) + '\n' }
    : { result: textLine, summary: (s) => `\n${summaryText(s)}` };
}

/** `full` (json only) carries each plan's whole report under `report`, when the results kept it. */
export function renderBatch(results: BatchResult[], format: BatchFormat, options: { full?: boolean } = {}): string {
  const writer = batchWriter(format, options);
  const summary = summarise(results);
  if (format === 'text' && results.length === 0) return summaryText(summary);
  return results.map(writer.result).join('') + writer.summary(summary);
}
