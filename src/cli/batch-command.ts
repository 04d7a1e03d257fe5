// `procheck check register.csv|plans.ndjson`: read the register, check each
// plan, render. No legal logic here.
import { accessSync, constants } from 'node:fs';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { registerKind, registerRows } from '../batch/register.js';
import { fileSource } from '../batch/source.js';
import { streamBatch, type BatchResult, type BatchSummary } from '../batch/run-batch.js';
import { BATCH_FORMATS, batchWriter, summaryText, type BatchFormat } from '../batch/render-batch.js';
import { createProgress } from '../batch/progress.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/** The part of main's Io a batch uses: the progress bar goes to `progress` (else `err`) and only when `isTTY`. */
export interface BatchIo {
  out(text: string): void;
  err(text: string): void;
  progress?: (text: string) => void;
  isTTY?: boolean;
}

export interface BatchCommandOptions {
  format: string;
  trace: boolean;
  full: boolean;
  rules?: string;
}

export function isRegisterFile(path: string): boolean {
  return registerKind(path) !== null;
}

/**
 * The worst outcome across the register, by the single-plan exit codes: their
 * order (compliant < review < non-compliant < out-of-scope < invalid) is the
 * order of severity, so the highest code wins.
 */
export function batchExitCode(results: BatchResult[]): number {
  return Math.max(EXIT.compliant, ...results.map((r) => (r.verdict === 'invalid' ? EXIT.invalidPlan : EXIT[r.verdict])));
}

/** The same, from a summary's counts (a streamed register keeps no results). */
export function summaryExitCode(summary: BatchSummary): number {
  const v = summary.verdicts;
  if (v.invalid) return EXIT.invalidPlan;
  return Math.max(EXIT.compliant, ...(['review', 'non-compliant', 'out-of-scope'] as const).filter((k) => v[k] > 0).map((k) => EXIT[k]));
}

export async function checkRegister(path: string, options: BatchCommandOptions, io: BatchIo): Promise<number> {
  const format = options.format as BatchFormat;
  if (!BATCH_FORMATS.includes(format)) throw new UsageError(`--format for a register must be one of ${BATCH_FORMATS.join(', ')}`);
  if (options.full && format !== 'json') throw new UsageError('--full needs --format json');
  const kind = registerKind(path);
  if (!kind) throw new UsageError(`${path} is not a register (.csv, .ndjson or .jsonl)`);
  try {
    accessSync(path, constants.R_OK);
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const source = fileSource(path);
  const checker = createChecker(loadRuleSet(options.rules));
  // Without a word from the caller, the terminal decides: run.ts's err is the process's stderr.
  const isTTY = io.isTTY ?? process.stderr.isTTY === true;
  const progress = createProgress({ write: io.progress ?? ((t) => io.err(t)), isTTY });
  const writer = batchWriter(format, { full: options.full });
  // Rows are printed as they are checked, a few hundred kilobytes at a time (the bar is cleared first): nothing piles up.
  let printed = 0;
  let pending = '';
  const flush = () => {
    if (!pending) return;
    progress.clear();
    io.out(pending);
    pending = '';
  };
  let summary;
  try {
    summary = await streamBatch(
      registerRows(source, kind, path),
      checker,
      (result) => {
        pending += writer.result(result);
        printed += 1;
        if (pending.length >= 256 * 1024) flush();
      },
      {
        trace: options.trace,
        keepReports: options.full,
        onProgress: (done) => progress.update(done, null, source.size ? source.position / source.size : null),
      },
    );
  } finally {
    flush();
    progress.clear();
  }
  io.out(printed === 0 && format === 'text' ? summaryText(summary) : writer.summary(summary));
  return summaryExitCode(summary);
}
