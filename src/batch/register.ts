// Which files are registers (many plans) rather than one plan, told by the
// file's extension so a single plan's `.json` keeps its own behaviour; and
// their rows, read as a stream.
import { csvRegisterRows } from './csv-plan.js';
import { ndjsonRows } from './ndjson.js';
import { fileSource, textSource, type RegisterSource } from './source.js';
import type { RegisterRow } from './rows.js';

export type RegisterKind = 'csv' | 'ndjson';

const KINDS: Record<string, RegisterKind> = { '.csv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

export function registerKind(path: string): RegisterKind | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? null : (KINDS[path.slice(dot).toLowerCase()] ?? null);
}

/** The rows of a register, one at a time: memory stays bounded whatever the file's size. */
export function registerRows(source: RegisterSource, kind: RegisterKind, file?: string): AsyncGenerator<RegisterRow> {
  return kind === 'csv' ? csvRegisterRows(source, file) : ndjsonRows(source);
}

/** The rows of a register file, streamed. */
export function readRegister(path: string, kind: RegisterKind): AsyncGenerator<RegisterRow> {
  return registerRows(fileSource(path), kind, path);
}

/** The rows of a register held as text. */
export async function parseRegister(text: string, kind: RegisterKind, file?: string): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  for await (const row of registerRows(textSource(text), kind, file)) rows.push(row);
  return rows;
}
