// NDJSON (JSON Lines): one plan per line, read as a stream. A line that is
// not JSON, or longer than any plan needs, spoils only itself: the rest of
// the register is still checked, and memory stays bounded.
import type { RegisterRow } from './rows.js';
import type { RegisterSource } from './source.js';

/** The longest line read: a plan is a few kilobytes. */
export const MAX_LINE_BYTES = 1024 * 1024;

const BOM = '\uFEFF';

/** One line of a register as read: its text, or that it was too long to keep. */
export type NdjsonLine = { line: number; text: string } | { line: number; tooLong: true };

/** A line as a row: a plan, or why it is not one (null for a blank line). */
export function ndjsonRow(read: NdjsonLine, maxLineBytes = MAX_LINE_BYTES): RegisterRow | null {
  const { line } = read;
  if ('tooLong' in read) return { line, issues: [{ path: '', message: `the line is longer than ${Math.round(maxLineBytes / 1024)} KB, more than any plan needs` }] };
  const body = (line === 1 && read.text.startsWith(BOM) ? read.text.slice(BOM.length) : read.text).replace(/\r$/, '');
  if (body.trim() === '') return null;
  try {
    return { line, plan: JSON.parse(body) };
  } catch (e) {
    return { line, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

export async function* ndjsonRows(source: RegisterSource, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<RegisterRow> {
  for await (const read of ndjsonLines(source, maxLineBytes)) {
    const r = ndjsonRow(read, maxLineBytes);
    if (r) yield r;
  }
}

/** The lines of a source, each kept only up to the limit (blank ones included: a row is told from them later). */
export async function* ndjsonLines(source: RegisterSource, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<NdjsonLine> {
  let line = 1;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const end = (): NdjsonLine => {
    const r: NdjsonLine = tooLong ? { line, tooLong: true } : { line, text: Buffer.concat(parts, size).toString('utf8') };
    parts = [];
    size = 0;
    tooLong = false;
    return r;
  };
  for await (const chunk of source.open(0) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      if (!tooLong) {
        if (size + nl - from > maxLineBytes) tooLong = true;
        else {
          parts.push(chunk.subarray(from, nl));
          size += nl - from;
        }
      }
      yield end();
      line += 1;
      from = nl + 1;
    }
    if (!tooLong && from < chunk.length) {
      if (size + chunk.length - from > maxLineBytes) {
        tooLong = true;
        parts = [];
        size = 0;
      } else {
        parts.push(chunk.subarray(from));
        size += chunk.length - from;
      }
    }
  }
  if (size > 0 || tooLong) yield end();
}
