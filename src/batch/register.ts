// Which files are registers (many plans) rather than one plan, told by the
// file's extension so a single plan's `.json` keeps its own behaviour.
import { parseCsvRegister } from './csv-plan.js';
import { parseNdjson } from './ndjson.js';
import type { RegisterRow } from './rows.js';

export type RegisterKind = 'csv' | 'ndjson';

const KINDS: Record<string, RegisterKind> = { '.csv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

export function registerKind(path: string): RegisterKind | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : (KINDS[path.slice(dot).toLowerCase()] ?? null);
}

export function parseRegister(text: string, kind: RegisterKind, file?: string): RegisterRow[] {
  return kind === 'csv' ? parseCsvRegister(text, file) : parseNdjson(text);
}
