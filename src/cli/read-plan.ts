// Reads one plan file for a command: an unreadable file is a usage error, bad JSON an invalid plan.
import { readFileSync } from 'node:fs';
import { PlanValidationError } from '../plan/parse.js';
import { UsageError } from './usage-error.js';

export function readPlanFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanValidationError([{ path: '', message: `${path} is not valid JSON: ${(e as Error).message}` }]);
  }
}
