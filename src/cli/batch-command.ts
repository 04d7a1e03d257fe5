// `procheck check register.csv|plans.ndjson`: read the register, check each
// plan, render. No legal logic here.
import { readFileSync } from 'node:fs';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { parseRegister, registerKind } from '../batch/register.js';
import { runBatch, type BatchResult } from '../batch/run-batch.js';
import { BATCH_FORMATS, renderBatch, type BatchFormat } from '../batch/render-batch.js';
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

export async function checkRegister(path: string, options: BatchCommandOptions, io: BatchIo): Promise<number> {
  const format = options.format as BatchFormat;
  if (!BATCH_FORMATS.includes(format)) throw new UsageError(`--format for a register must be one of ${BATCH_FORMATS.join(', ')}`);
  if (options.full && format !== 'json') throw new UsageError('--full needs --format json');
  const kind = registerKind(path);
  if (!kind) throw new UsageError(`${path} is not a register (.csv, .ndjson or .jsonl)`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const rows = parseRegister(text, kind, path);
  const checker = createChecker(loadRuleSet(options.rules));
  // Without a word from the caller, the terminal decides: run.ts's err is the process's stderr.
  const isTTY = io.isTTY ?? process.stderr.isTTY === true;
  const progress = createProgress({ write: io.progress ?? ((t) => io.err(t)), isTTY });
  let results: BatchResult[];
  try {
    results = await runBatch(rows, checker, {
      trace: options.trace,
      keepReports: options.full,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.clear();
  }
  io.out(renderBatch(results, format, { full: options.full }));
  return batchExitCode(results);
}
