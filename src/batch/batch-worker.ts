// A worker thread checking register rows for the parallel batch: it loads the
// rule set once, and answers each chunk of rows (or raw NDJSON lines, parsed
// here so the reading thread need not) with each row's verdict and its line
// of output, rendered here too, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { checkRow } from './run-batch.js';
import { ndjsonRow } from './ndjson.js';
import { batchWriter } from './render-batch.js';
import type { WorkItem, WorkerSettings, WorkResult } from './parallel.js';

const settings = workerData as WorkerSettings;
const checker = createChecker(loadRuleSet(settings.rules));
const writer = batchWriter(settings.format, { full: settings.keepReports });

parentPort!.on('message', async ({ id, items }: { id: number; items: WorkItem[] }) => {
  const out: WorkResult[] = [];
  for (const item of items) {
    const row = 'row' in item ? item.row : ndjsonRow(item.read);
    if (!row) continue;
    const result = await checkRow(row, checker, { trace: settings.trace }, settings.keepReports);
    out.push({ line: result.line, verdict: result.verdict, text: writer.result(result) });
  }
  parentPort!.postMessage({ id, results: out });
});
