// Where a register's bytes come from: a file, read as a stream from any byte
// (so a bad record can be stepped over without reading the file again from
// the start or holding it in memory), or a text already in memory.
import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';

export interface RegisterSource {
  /** The bytes from `start` to the end. */
  open(start: number): Readable;
  /** Total size in bytes, when known (for progress). */
  size: number | null;
  /** The furthest byte read so far (for progress). */
  readonly position: number;
}

/** A stream that passes bytes through, noting how far into the source they reach. */
function counting(start: number, note: (at: number) => void): Transform {
  let at = start;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      at += chunk.length;
      note(at);
      done(null, chunk);
    },
  });
}

export function fileSource(path: string): RegisterSource {
  let size: number | null = null;
  try {
    size = statSync(path).size;
  } catch {
    // a FIFO or a device: no size, no progress fraction
  }
  let position = 0;
  const note = (at: number) => (position = Math.max(position, at));
  return {
    open: (start) => createReadStream(path, { start, highWaterMark: 64 * 1024 }).pipe(counting(start, note)),
    size,
    get position() {
      return position;
    },
  };
}

export function textSource(text: string): RegisterSource {
  const bytes = Buffer.from(text, 'utf8');
  return { open: (start) => Readable.from([bytes.subarray(start)]), size: bytes.length, position: 0 };
}

/**
 * From `start`, step over line breaks, then to the end of the line there:
 * where that line begins, how many blank lines came before it, and where
 * the next line begins (null at the end). Reads chunk by chunk, keeping none.
 */
export async function stepOverLine(source: RegisterSource, start: number): Promise<{ blankLines: number; lineStart: number | null; nextLine: number | null }> {
  let at = start;
  let blankLines = 0;
  let lineStart: number | null = null;
  let pendingCr = false;
  for await (const chunk of source.open(start) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (lineStart === null) {
        if (byte === 0x0a) {
          if (!pendingCr) blankLines += 1;
          pendingCr = false;
        } else if (byte === 0x0d) {
          blankLines += 1;
          pendingCr = true;
        } else {
          pendingCr = false;
          lineStart = at;
        }
      } else if (byte === 0x0a) return { blankLines, lineStart, nextLine: at + 1 };
      at += 1;
    }
  }
  return { blankLines, lineStart, nextLine: null };
}
