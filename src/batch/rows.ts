// One row of a register, as read from its file, before any legal checking.
import type { FieldIssue } from '../plan/parse.js';

export type RegisterRow =
  /** A row read as a plan object (still to be validated by the checker). */
  | { line: number; plan: unknown }
  /** A row that could not be read as a plan at all: the reasons, by field where known. */
  | { line: number; issues: FieldIssue[]; partial?: unknown };
