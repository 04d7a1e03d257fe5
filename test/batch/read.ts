// Registers held as text, read the way files are (streamed), collected for assertions.
import { csvRecords, type CsvRecord } from '../../src/batch/csv.js';
import { csvRegisterRows } from '../../src/batch/csv-plan.js';
import { ndjsonRows } from '../../src/batch/ndjson.js';
import { textSource } from '../../src/batch/source.js';
import type { RegisterRow } from '../../src/batch/rows.js';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const parseCsv = (text: string, maxRecordBytes?: number): Promise<CsvRecord[]> => all(csvRecords(textSource(text), maxRecordBytes));
export const parseCsvRegister = (text: string, file?: string): Promise<RegisterRow[]> => all(csvRegisterRows(textSource(text), file));
export const parseNdjson = (text: string, maxLineBytes?: number): Promise<RegisterRow[]> => all(ndjsonRows(textSource(text), maxLineBytes));
