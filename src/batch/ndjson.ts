// NDJSON (JSON Lines): one plan per line, read as a stream. A line that is
// not JSON, or longer than any plan needs, spoils only itself: the rest of
// the register is still checked, and memory stays bounded.
import type { RegisterRow } from './rows.js';
import type { RegisterSource } from './source.js';

/** The longest line read: a plan is a few kilobytes. */
export const MAX_LINE_BYTES = 1024 * 1024;

const BOM = '\uFEFF';

function row(line: number, text: string): RegisterRow | null {
  const body = (line === 1 && text.startsWith(BOM) ? text.slice(BOM.length) : text).replace(/\r$/, '');
  if (body.trim() === '') return null;
  try {
    return { line, plan: JSON.parse(body) };
  } catch (e) {
    return { line, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

export async function* ndjsonRows(source: RegisterSource, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<RegisterRow> {
  let line = 1;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const end = (): RegisterRow | null => {
    const r = tooLong
      ? { line, issues: [{ path: '', message: `the line is longer than ${Math.round(maxLineBytes / 1024)} KB, more than any plan needs` }] }
      : row(line, Buffer.concat(parts, size).toString('utf8'));
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
      const r = end();
      if (r) yield r;
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
  if (size > 0 || tooLong) {
    const r = end();
    if (r) yield r;
  }
}
