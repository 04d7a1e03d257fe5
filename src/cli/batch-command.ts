// `procheck check register.csv|plans.ndjson`: read the register, check each
// plan, render. No legal logic here.
import { accessSync, constants, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { registerKind, registerRows } from '../batch/register.js';
import { fileSource } from '../batch/source.js';
import { streamBatch, summariseStream, type BatchResult, type BatchSummary } from '../batch/run-batch.js';
import { checkInParallel, type WorkItem } from '../batch/parallel.js';
import { ndjsonLines } from '../batch/ndjson.js';
import { csvRegisterRows } from '../batch/csv-plan.js';
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
  // A loop, not Math.max(...codes): a register of some 125,000 rows would pass more arguments than a call can take.
  return results.reduce((worst, r) => Math.max(worst, r.verdict === 'invalid' ? EXIT.invalidPlan : EXIT[r.verdict]), EXIT.compliant as number);
}

/** The same, from a summary's counts (a streamed register keeps no results). */
export function summaryExitCode(summary: BatchSummary): number {
  const v = summary.verdicts;
  if (v.invalid) return EXIT.invalidPlan;
  return Math.max(EXIT.compliant, ...(['compliant-if', 'review', 'non-compliant', 'out-of-scope'] as const).filter((k) => v[k] > 0).map((k) => EXIT[k]));
}

async function* mapAsync<T, U>(items: AsyncIterable<T>, f: (t: T) => U): AsyncGenerator<U> {
  for await (const t of items) yield f(t);
}

/** At most this many worker threads check a register (each holds a rule set and a checker, some 90 MB). */
const MAX_WORKERS = 4;
/** A register smaller than this (some 1,200 plans) is checked on this thread. */
const PARALLEL_FROM_BYTES = 2 * 1024 * 1024;

/**
 * The compiled worker program beside this module, when there is one and more
 * than one core to use it on; else null, and the register is checked here.
 * (From the TypeScript sources there is no compiled worker: tests and a
 * stale clone check on one thread, with the same results.)
 */
function parallelWorker(size: number | null): string | null {
  // Starting a worker costs a cold start; a small register is checked sooner here.
  if (availableParallelism() < 2 || process.env.PROCHECK_WORKERS === '1' || (size ?? Infinity) < PARALLEL_FROM_BYTES) return null;
  const file = fileURLToPath(new URL('./batch-worker.js', import.meta.url));
  return file.endsWith('.js') && existsSync(file) ? file : null;
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
  const emit = (result: BatchResult) => {
    pending += writer.result(result);
    printed += 1;
    if (pending.length >= 256 * 1024) flush();
  };
  let summary;
  try {
    const onProgress = (done: number) => progress.update(done, null, source.size ? source.position / source.size : null);
    const workerFile = parallelWorker(source.size);
    if (workerFile) {
      // The reading thread reads (and types CSV rows); the workers parse NDJSON, check and render.
      const items: AsyncIterable<WorkItem> =
        kind === 'ndjson' ? mapAsync(ndjsonLines(source), (read) => ({ read })) : mapAsync(csvRegisterRows(source, path), (row) => ({ row }));
      const workers = Math.min(availableParallelism(), MAX_WORKERS);
      summary = await summariseStream(
        checkInParallel(items, { workerFile, workers, rules: options.rules, trace: options.trace, keepReports: options.full, format }),
        (r) => {
          pending += r.text;
          printed += 1;
          if (pending.length >= 256 * 1024) flush();
        },
        onProgress,
      );
    } else summary = await streamBatch(registerRows(source, kind, path), checker, emit, { trace: options.trace, keepReports: options.full, onProgress });
  } finally {
    flush();
    progress.clear();
  }
  io.out(printed === 0 && format === 'text' ? summaryText(summary) : writer.summary(summary));
  return summaryExitCode(summary);
}
