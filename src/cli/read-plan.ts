// Reads one plan file for a command: an unreadable file is a usage error, bad
// JSON or a file far larger than any plan an invalid plan. The file is read
// only up to the limit, so an endless one (/dev/zero) cannot hang the command.
import { closeSync, openSync, readSync } from 'node:fs';
import { PlanValidationError } from '../plan/parse.js';
import { UsageError } from './usage-error.js';

/** The largest plan file read: a plan is a few kilobytes; a register of many plans is a .csv or .ndjson file. */
export const MAX_PLAN_FILE_BYTES = 1024 * 1024;

function readLimited(path: string, limit: number): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buffer, size, buffer.length - size, null);
      if (n === 0) return buffer.subarray(0, size);
      size += n;
      if (size > limit) return null;
    }
  } finally {
    closeSync(fd);
  }
}

/** A file's text up to `limit` bytes: unreadable is a usage error; past the limit, an invalid input saying why. */
function readText(path: string, limit: number, tooLarge: string): string {
  let bytes: Buffer | null;
  try {
    bytes = readLimited(path, limit);
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes === null) throw new PlanValidationError([{ path: '', message: `${path} is larger than ${tooLarge}` }]);
  return bytes.toString('utf8');
}

export function readPlanFile(path: string): unknown {
  const text = readText(path, MAX_PLAN_FILE_BYTES, `${MAX_PLAN_FILE_BYTES / 1024} KB, far more than a plan; check many plans as a register (.csv, .ndjson)`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanValidationError([{ path: '', message: `${path} is not valid JSON: ${(e as Error).message}` }]);
  }
}

/** The largest file of notices read at once: a month of Find a Tender releases is some 150 MB. */
export const MAX_NOTICE_FILE_BYTES = 256 * 1024 * 1024;

/** A file of published notices, as text. */
export function readNoticeFile(path: string): string {
  return readText(path, MAX_NOTICE_FILE_BYTES, `${MAX_NOTICE_FILE_BYTES / 1024 / 1024} MB: split it (a file per week of releases, say)`);
}
