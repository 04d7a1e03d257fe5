// Text from JSON nobody vouched for: a plan file or link, a form's hidden
// field, a published notice. `String(value)` and `${value}` run the value's
// own toString, and a JSON object such as {"toString": 1} makes that throw
// (a 500 from a 47-character plan link). Text is read from such values only
// through these two, which look at the value's type first and never throw.

const isPlainText = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The text a JSON value holds: a string as it is, a finite number or a boolean written out; anything else (null, an object, a list) null. */
export function textOf(value: unknown): string | null {
  return isPlainText(value) ? String(value) : null;
}

/**
 * Any value as text to show a person, never throwing: a string as it is, a
 * number, boolean or null written out, undefined as nothing, an object or a
 * list as its JSON, so what was sent is seen as it was.
 */
export function shownAs(value: unknown): string {
  if (isPlainText(value)) return String(value);
  if (value === undefined) return '';
  if (value === null || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'symbol') return typeof value === 'symbol' ? 'a symbol' : String(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Not JSON (a cycle, or a toJSON that throws): said as what it is.
    return Array.isArray(value) ? 'a list' : 'an object';
  }
}
