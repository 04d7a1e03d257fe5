// A JSON document that may be cut short: published notices are often found as
// the first part of a file (a download stopped, a page that keeps only its
// beginning). What was read whole is kept; a value cut in the middle (a string
// or number whose end is missing, a key with no value) is dropped, never
// guessed at; and the place it was cut is said. A document broken anywhere
// but at its end is an error naming the line and column.

export interface Position {
  line: number;
  column: number;
}

export type PrefixResult =
  | { ok: true; value: unknown; cut: null }
  | { ok: true; value: unknown; cut: { at: Position; path: string; partial: string | null } }
  | { ok: false; error: string; at: Position; tooDeep?: true };

/** Deeper than any OCDS release (a few levels) and shallow enough to walk without fear for the stack. */
const MAX_DEPTH = 200;

class Cut extends Error {}
class Broken extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/**
 * Where `text` first opens more than `levels` objects and lists one inside another (brackets in strings are text),
 * or -1. Asked before JSON.parse, which would walk a file of "[" to its end, holding a list for every bracket (a 250 MB
 * file took 65 s and 10.8 GB): this stops at the first bracket too deep.
 */
export function nestedPast(text: string, levels: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > levels) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** Reads `text` as JSON, keeping what is whole when it ends too soon. */
export function parseJsonPrefix(text: string): PrefixResult {
  // The outermost value is at depth 0: MAX_DEPTH + 1 levels in all, as the reader below counts them.
  const deep = nestedPast(text, MAX_DEPTH + 1);
  if (deep >= 0) return { ok: false, error: `nested deeper than ${MAX_DEPTH} levels`, at: positionOf(text, deep), tooDeep: true };
  try {
    return { ok: true, value: JSON.parse(text), cut: null };
  } catch {
    // Read it again by hand, to tell a document cut short from one broken in the middle.
  }
  let i = 0;
  const path: (string | number)[] = [];
  let cutPath: string | null = null;
  /** The words of a string the file ends inside: dropped from the value, but what they say so far is still the notice's. */
  let partialText: string | null = null;
  const n = text.length;

  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const end = (): never => {
    if (cutPath === null) cutPath = pathText(path);
    throw new Cut();
  };
  const expect = (c: string) => {
    ws();
    if (i >= n) end();
    if (text[i] !== c) throw new Broken(`expected "${c}" but found ${describe(text[i]!)}`, i);
    i++;
  };

  const str = (): string => {
    const start = i;
    i++; // the opening quote
    const cutHere = (): never => {
      if (partialText === null && cutPath === null) {
        try {
          partialText = JSON.parse(`${text.slice(start, i).replace(/\\u[0-9a-fA-F]{0,3}$|\\$/, '').trimEnd()}"`) as string;
        } catch {
          partialText = null;
        }
      }
      return end();
    };
    while (true) {
      if (i >= n) cutHere();
      const c = text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        if (i + 1 >= n) cutHere();
        if (text[i + 1] === 'u' && i + 6 > n) cutHere();
        i += 2;
        continue;
      }
      if (c < ' ') {
        // A file cut inside a string often ends with a line break: that is the cut, not a fault.
        if (text.slice(i).trim() === '') cutHere();
        throw new Broken('a control character inside a string', i);
      }
      i++;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      throw new Broken('a string with a bad escape', start);
    }
  };

  const num = (): number => {
    const start = i;
    while (i < n && /[-+0-9.eE]/.test(text[i]!)) i++;
    if (i >= n) end(); // a number at the very end may have lost its last digits
    const v = Number(text.slice(start, i));
    if (text.slice(start, i) === '' || !Number.isFinite(v)) throw new Broken('not a number', start);
    return v;
  };

  const word = (): boolean | null => {
    for (const [w, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(w, i)) {
        i += w.length;
        return v;
      }
      if (i + w.length > n && w.startsWith(text.slice(i))) end();
    }
    throw new Broken(`unexpected ${describe(text[i]!)}`, i);
  };

  const value = (depth: number): unknown => {
    ws();
    if (i >= n) end();
    if (depth > MAX_DEPTH) throw new Broken(`nested deeper than ${MAX_DEPTH} levels`, i);
    const c = text[i]!;
    if (c === '{') return obj(depth);
    if (c === '[') return arr(depth);
    if (c === '"') return str();
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    return word();
  };

  // A container's members up to its closing bracket. A member the file ends inside ends the container,
  // which keeps the members read whole; the cut is noted where it fell (end() names the path then).
  const members = <T>(out: T, close: '}' | ']', member: () => void): T => {
    i++;
    ws();
    if (i >= n) return partial(out);
    if (text[i] === close) {
      i++;
      return out;
    }
    while (true) {
      try {
        member();
      } catch (e) {
        if (e instanceof Cut) return partial(out);
        throw e;
      }
      ws();
      if (i >= n) return partial(out);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return out;
      }
      throw new Broken(`expected "," or "${close}" but found ${describe(text[i]!)}`, i);
    }
  };

  const obj = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    return members(out, '}', () => {
      ws();
      if (i >= n) end();
      if (text[i] !== '"') throw new Broken(`expected a key but found ${describe(text[i]!)}`, i);
      const key = str();
      expect(':');
      path.push(key);
      try {
        const v = value(depth + 1);
        if (key !== '__proto__') out[key] = v;
      } finally {
        path.pop();
      }
    });
  };

  const arr = (depth: number): unknown[] => {
    const out: unknown[] = [];
    return members(out, ']', () => {
      path.push(out.length);
      try {
        out.push(value(depth + 1));
      } finally {
        path.pop();
      }
    });
  };

  // Past the end of the text: note where, and let every container above return what it holds.
  const partial = <T>(v: T): T => {
    if (cutPath === null) cutPath = pathText(path);
    truncated = true;
    return v;
  };
  let truncated = false;

  try {
    ws();
    if (i >= n) return { ok: false, error: 'the file is empty', at: { line: 1, column: 1 } };
    const v = value(0);
    ws();
    if (i < n) throw new Broken(`text after the end of the document: ${describe(text[i]!)}`, i);
    if (!truncated) return { ok: true, value: v, cut: null };
    return { ok: true, value: v, cut: { at: positionOf(text, n), path: cutPath ?? '', partial: partialText } };
  } catch (e) {
    if (e instanceof Cut) return { ok: false, error: 'the file ends before any value is whole', at: positionOf(text, n) };
    if (e instanceof Broken) return { ok: false, error: e.message, at: positionOf(text, e.offset) };
    throw e;
  }
}

function describe(c: string): string {
  return /\s/.test(c) ? 'a space' : `"${c}"`;
}

/** `tender.lots[0].description`: where a document was cut, in the usual notation. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? p : `.${p}`)).join('');
}
