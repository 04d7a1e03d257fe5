// A register checked on several cores: rows go out in chunks to worker
// threads (NDJSON as its raw lines, parsed there), and each row's verdict and
// line of output come back in the order of the rows, whatever order the
// workers finish in. At most two chunks a worker are out at once, so memory
// stays bounded whatever the register's size.
import { Worker } from 'node:worker_threads';
import type { BatchResult } from './run-batch.js';
import type { RegisterRow } from './rows.js';
import type { NdjsonLine } from './ndjson.js';
import type { BatchFormat } from './render-batch.js';

/** A row read and typed here (CSV), or an NDJSON line for the worker to read. */
export type WorkItem = { row: RegisterRow } | { read: NdjsonLine };
/** A row's verdict (for the summary) and its line of output. */
export type WorkResult = Pick<BatchResult, 'line' | 'verdict'> & { text: string };

export interface WorkerSettings {
  rules?: string;
  trace: boolean;
  keepReports: boolean;
  format: BatchFormat;
}

export interface ParallelOptions extends WorkerSettings {
  /** The worker program (the compiled batch-worker.js). */
  workerFile: string;
  workers: number;
  /** Rows sent to a worker at a time: enough to make a message worth its cost. */
  chunkRows?: number;
}

export async function* checkInParallel(items: AsyncIterable<WorkItem>, options: ParallelOptions): AsyncGenerator<WorkResult> {
  const { workerFile, workers: count, chunkRows = 128 } = options;
  const settings: WorkerSettings = { rules: options.rules, trace: options.trace, keepReports: options.keepReports, format: options.format };
  // Each worker's heap is capped (it needs a few tens of megabytes) so that a long register keeps the process within a few hundred.
  const workers = Array.from({ length: count }, () => new Worker(workerFile, { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: 160 } }));
  const waiting = new Map<number, { resolve: (results: WorkResult[]) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', ({ id, results }: { id: number; results: WorkResult[] }) => {
      waiting.get(id)?.resolve(results);
      waiting.delete(id);
    });
    // A worker that fails fails every chunk still out: the register stops with the error rather than hang.
    w.on('error', (e) => {
      for (const { reject } of waiting.values()) reject(e);
      waiting.clear();
    });
  }
  // Each chunk in flight, in row order: its results arrive when its worker answers.
  const inFlight: Promise<WorkResult[]>[] = [];
  let next = 0;
  const send = (chunk: WorkItem[]) => {
    const id = next++;
    inFlight.push(new Promise<WorkResult[]>((resolve, reject) => waiting.set(id, { resolve, reject })));
    workers[id % count]!.postMessage({ id, items: chunk });
  };
  try {
    let chunk: WorkItem[] = [];
    for await (const item of items) {
      chunk.push(item);
      if (chunk.length < chunkRows) continue;
      send(chunk);
      chunk = [];
      while (inFlight.length >= count * 2) yield* await inFlight.shift()!;
    }
    if (chunk.length) send(chunk);
    while (inFlight.length) yield* await inFlight.shift()!;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
