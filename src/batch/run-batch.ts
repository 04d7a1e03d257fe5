// Checks every row of a register in order. Plans are independent, so one that
// cannot be read or fails the plan schema is recorded as invalid and the rest
// are still checked; anything else thrown is a fault in procheck and stops the run.
import type { Checker, CheckOptions } from '../engine/checker.js';
import { PlanValidationError, type FieldIssue } from '../plan/parse.js';
import type { Severity } from '../engine/rule-schema.js';
import type { Report, VerdictT } from '../report/schema.js';
import type { RegisterRow } from './rows.js';

export type BatchVerdict = VerdictT | 'invalid';

export const BATCH_VERDICTS = ['compliant', 'review', 'non-compliant', 'out-of-scope', 'invalid'] as const satisfies readonly BatchVerdict[];
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
  onProgress?: (done: number, total: number) => void;
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

export async function runBatch(rows: RegisterRow[], checker: Checker, options: BatchOptions = {}): Promise<BatchResult[]> {
  const { keepReports = false, onProgress, ...checkOptions } = options;
  const results: BatchResult[] = [];
  onProgress?.(0, rows.length);
  for (const row of rows) {
    if ('issues' in row) results.push(invalid(row.line, row.partial, row.issues));
    else {
      try {
        const report = await checker.check(row.plan, checkOptions);
        const counts = zeroCounts();
        for (const f of report.findings) counts[f.severity] += 1;
        results.push({
          line: row.line,
          id: report.plan.id,
          title: report.plan.title,
          verdict: report.verdict,
          counts,
          findings: report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
          errors: [],
          ...(keepReports ? { report } : {}),
        });
      } catch (e) {
        if (!(e instanceof PlanValidationError)) throw e;
        results.push(invalid(row.line, row.plan, e.issues));
      }
    }
    onProgress?.(results.length, rows.length);
  }
  return results;
}

export interface BatchSummary {
  plans: number;
  verdicts: Record<BatchVerdict, number>;
  /** Lines of the rows that could not be checked. */
  invalidLines: number[];
}

export function summarise(results: BatchResult[]): BatchSummary {
  const verdicts = Object.fromEntries(BATCH_VERDICTS.map((v) => [v, 0])) as Record<BatchVerdict, number>;
  for (const r of results) verdicts[r.verdict] += 1;
  return { plans: results.length, verdicts, invalidLines: results.filter((r) => r.verdict === 'invalid').map((r) => r.line) };
}
