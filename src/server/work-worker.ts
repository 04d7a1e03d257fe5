// A worker thread of the server's pool (src/server/work.ts): it loads the rule
// set once, and does each task it is given as the server's own thread would,
// saying first that it has started (the request's time budget runs from then).
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { runTask, type Task, type TaskResult } from './tasks.js';

// The work runs below the thread that answers requests, so that on a busy machine the answering thread (and /healthz)
// gets a core first. On Linux a nice value is a thread's own (setpriority on the calling thread); where it is not, or
// where lowering it is refused, the thread runs at the usual priority.
try {
  setPriority(10);
} catch {
  // no lower priority here: the work still runs
}

const checker = createChecker(loadRuleSet((workerData as { rules?: string } | undefined)?.rules));

export default async function work({ id, task }: { id: number; task: Task }): Promise<TaskResult> {
  parentPort?.postMessage({ procheckStarted: id });
  return runTask(checker, task);
}
