// Checks every row of a register in order, as the rows are read. Plans are
// independent, so one that cannot be read or fails the plan schema is recorded
// as invalid and the rest are still checked; a fault in procheck on one row is
// recorded as that row's error (saying so) and the rest are still checked: no
// row is ever lost.
import type { Checker, CheckOptions } from '../engine/checker.js';
import { PlanValidationError, type FieldIssue } from '../plan/parse.js';
import type { Severity } from '../engine/rule-schema.js';
import type { Report, VerdictT } from '../report/schema.js';
import type { RegisterRow } from './rows.js';

export type BatchVerdict = VerdictT | 'invalid';

export const BATCH_VERDICTS = ['compliant', 'compliant-if', 'review', 'non-compliant', 'out-of-scope', 'invalid'] as const satisfies readonly BatchVerdict[];
export const SEVERITIES = ['out-of-scope', 'non-compliant', 'review', 'info'] as const satisfies readonly Severity[];

export interface BatchResult {
  /** Line of the register the row starts on. */
  line: number;
  /** The plan's id and title, when the row gives them (even an invalid row, to help find it). */
  id: string | null;
  title: string | null;
  verdict: BatchVerdict;
  counts: Record<Severity, number>;
  findings: { ruleId: string; severity: Severity; title: string }[];
  /** Why an invalid row could not be checked, by field path. */
  errors: FieldIssue[];
  /** The full report, when asked for (keepReports). */
  report?: Report;
}

export interface BatchOptions extends CheckOptions {
  /** Keep each plan's full report in its result (memory grows with the register). */
  keepReports?: boolean;
  /** After each row: rows done, and the total when the rows were given as a list (null for a stream). */
  onProgress?: (done: number, total: number | null) => void;
}

function textField(plan: unknown, key: 'id' | 'title'): string | null {
  if (typeof plan !== 'object' || plan === null) return null;
  const v = (plan as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

function zeroCounts(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

function invalid(line: number, plan: unknown, errors: FieldIssue[]): BatchResult {
  return { line, id: textField(plan, 'id'), title: textField(plan, 'title'), verdict: 'invalid', counts: zeroCounts(), findings: [], errors };
}

/** One row checked, or the reason it could not be. */
export async function checkRow(row: RegisterRow, checker: Checker, checkOptions: CheckOptions, keepReports: boolean): Promise<BatchResult> {
  if ('issues' in row) return invalid(row.line, row.partial, row.issues);
  try {
    const report = await checker.check(row.plan, { ...checkOptions, untrusted: true });
    const counts = zeroCounts();
    for (const f of report.findings) counts[f.severity] += 1;
    return {
      line: row.line,
      id: report.plan.id,
      title: report.plan.title,
      verdict: report.verdict,
      counts,
      findings: report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
      errors: [],
      ...(keepReports ? { report } : {}),
    };
  } catch (e) {
    if (e instanceof PlanValidationError) return invalid(row.line, row.plan, e.issues);
    const message = e instanceof Error ? e.message : String(e);
    return invalid(row.line, row.plan, [{ path: '', message: `procheck failed on this row (${message}): a fault in procheck, not in the plan; please report it` }]);
  }
}

/**
 * Checks each row as it is read, handing each result to `onResult` in order,
 * and returns the summary; nothing is kept, so memory stays bounded.
 */
export async function streamBatch(
  rows: Iterable<RegisterRow> | AsyncIterable<RegisterRow>,
  checker: Checker,
  onResult: (result: BatchResult) => void,
  options: BatchOptions = {},
): Promise<BatchSummary> {
  const { keepReports = false, onProgress, ...checkOptions } = options;
  const total = Array.isArray(rows) ? rows.length : null;
  async function* results() {
    for await (const row of rows) yield await checkRow(row, checker, checkOptions, keepReports);
  }
  return summariseStream(results(), onResult, onProgress, total);
}

/** Hands each result on in order as it comes, and returns the summary; nothing is kept. */
export async function summariseStream<R extends Pick<BatchResult, 'line' | 'verdict'>>(
  results: AsyncIterable<R>,
  onResult: (result: R) => void,
  onProgress?: (done: number, total: number | null) => void,
  total: number | null = null,
): Promise<BatchSummary> {
  const summary = new SummaryBuilder();
  onProgress?.(0, total);
  for await (const result of results) {
    summary.add(result);
    onResult(result);
    onProgress?.(summary.plans, total);
  }
  return summary.summary();
}

/** Every row's result, in order (for a register small enough to hold). */
export async function runBatch(rows: Iterable<RegisterRow> | AsyncIterable<RegisterRow>, checker: Checker, options: BatchOptions = {}): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  await streamBatch(rows, checker, (r) => results.push(r), options);
  return results;
}

export interface BatchSummary {
  plans: number;
  verdicts: Record<BatchVerdict, number>;
  /** Lines of the rows that could not be checked (the first INVALID_LINES_LISTED of them). */
  invalidLines: number[];
  /** How many more invalid rows there are than invalidLines lists. */
  moreInvalid?: number;
}

/** The most invalid lines a summary lists: each row's own line says the rest. */
export const INVALID_LINES_LISTED = 1000;

/** A summary built row by row, in bounded memory. */
export class SummaryBuilder {
  plans = 0;
  private readonly verdicts = Object.fromEntries(BATCH_VERDICTS.map((v) => [v, 0])) as Record<BatchVerdict, number>;
  private readonly invalidLines: number[] = [];

  add(r: Pick<BatchResult, 'line' | 'verdict'>): void {
    this.plans += 1;
    this.verdicts[r.verdict] += 1;
    if (r.verdict === 'invalid' && this.invalidLines.length < INVALID_LINES_LISTED) this.invalidLines.push(r.line);
  }

  summary(): BatchSummary {
    const more = this.verdicts.invalid - this.invalidLines.length;
    return { plans: this.plans, verdicts: { ...this.verdicts }, invalidLines: [...this.invalidLines], ...(more > 0 ? { moreInvalid: more } : {}) };
  }
}

export function summarise(results: BatchResult[]): BatchSummary {
  const builder = new SummaryBuilder();
  for (const r of results) builder.add(r);
  return builder.summary();
}
