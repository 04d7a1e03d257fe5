// A worker thread of the server's pool (src/server/work.ts): it loads the rule
// set once, and does each task it is given as the server's own thread would,
// saying first that it has started (the request's time budget runs from then).
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { runTask, type Task, type TaskResult } from './tasks.js';

const checker = createChecker(loadRuleSet((workerData as { rules?: string } | undefined)?.rules));

export default async function work({ id, task }: { id: number; task: Task }): Promise<TaskResult> {
  parentPort?.postMessage({ procheckStarted: id });
  return runTask(checker, task);
}
