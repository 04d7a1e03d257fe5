// A small RFC 4180 CSV reader. Each record keeps the physical line it starts
// on, because a register row is reported to its author by the line a text
// editor shows, and a quoted cell may span several lines.

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
  /** Set when the record breaks the CSV syntax; its fields are then unreliable. */
  error?: string;
}

const BOM = '\uFEFF';

/**
 * The records of a CSV text: fields separated by commas, records by CRLF, LF
 * or CR; a field in double quotes may hold commas, line breaks and doubled
 * quotes. Blank lines are skipped (spreadsheets often end a file with one).
 * A syntax error spoils only its own record: reading resumes at the next line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;

  const atLineEnd = (at: number) => src[at] === '\n' || src[at] === '\r';
  /** Steps over the line break at i, if any, counting a CRLF once. */
  const skipLineBreak = () => {
    if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
    else if (atLineEnd(i)) i += 1;
    else return;
    line += 1;
  };
  /** Drops the rest of a broken record so the next one starts clean. */
  const skipToLineEnd = () => {
    while (i < src.length && !atLineEnd(i)) i += 1;
    skipLineBreak();
  };

  while (i < src.length) {
    const start = line;
    if (atLineEnd(i)) {
      skipLineBreak();
      continue;
    }
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        i += 1;
        let closed = false;
        while (i < src.length) {
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === '\r' || c === '\n') {
            // Keep the break as written, but count it as one line.
            const crlf = c === '\r' && src[i + 1] === '\n';
            field += crlf ? '\r\n' : c;
            i += crlf ? 2 : 1;
            line += 1;
            continue;
          }
          field += c;
          i += 1;
        }
        if (!closed) {
          error = 'a quoted field is not closed (a " is missing)';
          break;
        }
        if (i < src.length && src[i] !== ',' && !atLineEnd(i)) {
          error = `unexpected text after a closing quote in field ${fields.length + 1}`;
          skipToLineEnd();
          break;
        }
      } else {
        while (i < src.length && src[i] !== ',' && !atLineEnd(i)) {
          // Lenient on a stray quote inside an unquoted field, as spreadsheets write none.
          field += src[i];
          i += 1;
        }
      }
      fields.push(field);
      if (src[i] === ',') {
        i += 1;
        continue;
      }
      skipLineBreak();
      break;
    }
    records.push(error === undefined ? { line: start, fields } : { line: start, fields, error });
  }
  return records;
}
