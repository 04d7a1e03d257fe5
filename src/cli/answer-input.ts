// What an officer types in answer to a question (procheck check --ask), read
// as the value its answer schema asks for: a date as 2027-04-01 or 1 April
// 2027, a number as 1500000 or £1,500,000 or £1.5m, "not known", or a blank
// (or "stop") to stop asking. Whether the value fits the plan is applyAnswers'
// to say; this only reads the words.
import { isCivilDate } from '../calendar/civil-date.js';

/** The answer schema a question carries (questions[].answer): the field's JSON Schema, with null for not known. */
export type AnswerSchema = Record<string, unknown>;

export type Typed =
  | { kind: 'value'; value: unknown }
  | { kind: 'not-known' }
  | { kind: 'stop' }
  | { kind: 'invalid'; message: string };

/** How a question is asked: a choice (yes/no, one of a list, several of a list) or typed text. */
export type AnswerKind = 'boolean' | 'choice' | 'choices' | 'integer' | 'number' | 'date' | 'text' | 'list' | null;

const typesOf = (s: AnswerSchema): string[] => [s.type ?? []].flat().filter((t): t is string => typeof t === 'string' && t !== 'null');

/** How to ask for an answer of this schema; null when it is not a value typed at a prompt (a group of fields). */
export function answerKind(schema: AnswerSchema): AnswerKind {
  const types = typesOf(schema);
  if (types.includes('array')) {
    const items = (schema.items ?? {}) as AnswerSchema;
    if (Array.isArray(items.enum)) return 'choices';
    return typesOf(items).every((t) => t === 'string') && typesOf(items).length ? 'list' : null;
  }
  if (Array.isArray(schema.enum) && schema.enum.some((v) => typeof v === 'string')) return 'choice';
  if (types.length !== 1) return null;
  if (types[0] === 'boolean') return 'boolean';
  if (types[0] === 'integer') return 'integer';
  if (types[0] === 'number') return 'number';
  if (types[0] === 'string') return schema.format === 'date' ? 'date' : 'text';
  return null;
}

const NOT_KNOWN = /^(not known|unknown|not known yet|n\/?k|\?|don'?t know|do not know)$/i;
const STOP = /^(stop|quit|exit)$/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A date typed as 2027-04-01, 1 April 2027 (1st Apr 2027, 1 Sept 2027) or 1/4/2027 (day first, as in England), as YYYY-MM-DD; null if it is none. */
export function readDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (y: number, m: number, d: number) => {
    const out = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
    return isCivilDate(out) ? out : null;
  };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})$/i.exec(t);
  if (m) {
    const word = m[2]!.toLowerCase();
    const month = word.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(word) || (word === 'sept' && name === 'september')) : -1;
    return month < 0 ? null : iso(Number(m[3]), month + 1, Number(m[1]));
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A number typed as 1500000, 1,500,000, £1.5m, 250k or 2 million; null if it is none. */
export function readNumber(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/^£/, '').replace(/[,_\s](?=\d)/g, '').trim();
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*(k|thousand|m|million|bn|billion)?$/.exec(t);
  if (!m) return null;
  const scale = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 }[m[2] ?? ''] ?? 1;
  // Rounded to 15 significant digits, so £1.1m is 1100000, not 1100000.0000000002.
  return Number((Number(m[1]) * scale).toPrecision(15));
}

/** What the officer typed at a text prompt, read for this kind of answer. */
export function readTyped(text: string, kind: AnswerKind): Typed {
  const t = text.trim();
  if (t === '' || STOP.test(t)) return { kind: 'stop' };
  if (NOT_KNOWN.test(t)) return { kind: 'not-known' };
  switch (kind) {
    case 'date': {
      const date = readDate(t);
      return date ? { kind: 'value', value: date } : { kind: 'invalid', message: 'Type a date as YYYY-MM-DD or as 1 April 2027 (a real calendar date)' };
    }
    case 'integer':
    case 'number': {
      const n = readNumber(t);
      if (n === null) return { kind: 'invalid', message: `Type ${kind === 'integer' ? 'a whole number' : 'a number'}, such as ${kind === 'integer' ? '12' : '1500000 or £1.5m'}` };
      if (kind === 'integer' && !Number.isInteger(n)) return { kind: 'invalid', message: 'Type a whole number' };
      return { kind: 'value', value: n };
    }
    case 'list':
      return { kind: 'value', value: t.split(/[;,]/).map((s) => s.trim()).filter(Boolean) };
    case 'text':
      return { kind: 'value', value: t };
    default:
      return { kind: 'invalid', message: 'This question is answered by choosing' };
  }
}
