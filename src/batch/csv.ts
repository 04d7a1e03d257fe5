// CSV records with csv-parse, read as a stream. Each record keeps the
// physical line it starts on, because a register row is reported to its
// author by the line a text editor shows, and a quoted cell may span lines.
// A record csv-parse cannot read (a quote never closed, a cell over the size
// limit, text after a closing quote) is reported with its line, and reading
// resumes at the next line: no row after it is lost.
import { CsvError, Parser } from 'csv-parse';
import { stepOverLine, type RegisterSource } from './source.js';

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
  /** The line it ends on, when a quoted cell runs over several. */
  endLine?: number;
  /** Set when the record breaks the CSV syntax or the size limit; it has no fields then. */
  error?: string;
}

/** The largest record (a row, all its cells) read: a register row is a plan, a few kilobytes. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Line breaks inside a record's cells: a CRLF is one break, as an editor shows it. */
const newlines = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
/** csv-parse counts a CRLF inside a quoted cell as two lines: how many such to take off its count. */
const crlfs = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\r\n/g)?.length ?? 0), 0);

function why(e: CsvError, limit: number): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed (a " is missing); the lines after it are read again as rows';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${Math.round(limit / 1024)} KB, more than any plan needs`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'unexpected text after a closing quote';
    default:
      return e.message;
  }
}

/**
 * The records of a CSV source: fields separated by commas, records by CRLF or
 * LF; a field in double quotes may hold commas, line breaks and doubled
 * quotes. Blank lines are skipped. Memory stays bounded by `maxRecordBytes`.
 */
/** What csv-parse's parser does with each chunk: push the records it completes, or return the error that stops it. */
interface ChunkApi {
  parse(buf: Buffer | undefined, end: boolean, push: (r: ParsedRecord) => void, close: () => void): Error | undefined;
}
type ParsedRecord = { record: string[]; info: { bytes: number; lines: number } };

/**
 * csv-parse's chunk parser, as its stream and sync interfaces both drive it:
 * records and the error that stops it come back with each chunk, in order,
 * so a record read just before an error is never lost (a stream's error can
 * overtake the records buffered before it).
 */
function chunkParser(options: ConstructorParameters<typeof Parser>[0]): ChunkApi {
  const api = (new Parser(options) as unknown as { api?: ChunkApi }).api;
  if (typeof api?.parse !== 'function') throw new Error('csv-parse: its parser no longer exposes api.parse; pin a version that does (see src/batch/csv.ts)');
  return api;
}

/**
 * The records of a CSV source: fields separated by commas, records by CRLF,
 * LF or CR; a field in double quotes may hold commas, line breaks and doubled
 * quotes. Blank lines are skipped. Memory stays bounded by `maxRecordBytes`.
 */
export async function* csvRecords(source: RegisterSource, maxRecordBytes = MAX_RECORD_BYTES): AsyncGenerator<CsvRecord> {
  let start = 0;
  let linesBefore = 0;
  for (;;) {
    const api = chunkParser({
      bom: start === 0,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordBytes,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
    let consumed = { bytes: 0, lines: 0 };
    let overcount = 0;
    let error: Error | undefined;
    const ready: CsvRecord[] = [];
    const push = ({ record, info }: ParsedRecord) => {
      overcount += crlfs(record);
      const spans = newlines(record);
      const end = linesBefore + info.lines - overcount;
      ready.push(spans ? { line: end - spans, fields: record, endLine: end } : { line: end, fields: record });
      consumed = { bytes: info.bytes, lines: info.lines - overcount };
    };
    for await (const chunk of source.open(start) as AsyncIterable<Buffer>) {
      error = api.parse(chunk, false, push, () => {});
      yield* ready.splice(0);
      if (error) break;
    }
    if (!error) {
      error = api.parse(undefined, true, push, () => {});
      yield* ready.splice(0);
      if (!error) return;
    }
    if (!(error instanceof CsvError)) throw error;
    // The broken record starts on the first line that is not blank after the last good record.
    const after = await stepOverLine(source, start + consumed.bytes);
    const line = linesBefore + consumed.lines + after.blankLines + 1;
    yield { line, fields: [], error: why(error, maxRecordBytes) };
    if (after.nextLine === null) return;
    start = after.nextLine;
    linesBefore = line;
  }
}
