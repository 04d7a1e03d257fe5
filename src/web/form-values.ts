// Between the guided form and a plan: form answers -> plan object (with the
// fields the form does not ask for kept from the plan it was opened with),
// and a plan -> form answers to open it in the form. Pure functions.
import type { FieldSpec } from './form-spec.js';
import { isCivilDate } from '../calendar/civil-date.js';
import { shownAs } from '../text/untrusted.js';

/** A posted form: one string per name, or several for checkboxes. */
export type FormValues = Record<string, string | string[] | undefined>;

export interface FormError {
  field: string;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const segments = (path: string) => path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** The value at a dotted plan path, or undefined. */
export function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function setAt(root: Json, path: string, value: unknown): void {
  const keys = segments(path);
  let node: Record<string | number, unknown> = root;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[keys.at(-1)!] = value;
}

function deleteAt(root: Json, path: string): void {
  const keys = segments(path);
  const parent = getAt(root, keys.slice(0, -1).join('.')) ?? (keys.length === 1 ? root : undefined);
  if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[keys.at(-1)!];
}

/**
 * Objects left empty by blank answers are dropped, and array holes closed, so
 * a blank part means "none". A part (not a list entry) the plan it was opened
 * with already had stays, even emptied: whether a plan has a part at all is itself a fact
 * (e.g. that it relies on a justification), which the form cannot ask.
 */
function prune(value: unknown, base: unknown): unknown {
  // A list entry emptied in the form (an extension option blanked) is removed, whatever the plan had.
  if (Array.isArray(value)) return value.map((v) => prune(v, undefined)).filter((v) => v !== undefined);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v, isObject(base) ? base[k] : undefined);
    if (p !== undefined) out[k] = p;
  }
  return Object.keys(out).length || isObject(base) ? out : undefined;
}

const text = (values: FormValues, name: string): string => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
};
const list = (values: FormValues, name: string): string[] => {
  const v = values[name];
  return (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map((s) => s.trim()).filter(Boolean);
};

const pad = (s: string, n: number) => s.padStart(n, '0');

export type Parsed = { value?: unknown; error?: string };

/** The checkbox option that stands for an empty list. */
const NONE = 'none';
/** The radio option that stands for "Not known yet" (null). */
export const NOT_KNOWN = 'unknown';

const lowerFirst = (s: string) => (/^[A-Z][A-Z]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

function parseNumber(f: FieldSpec, raw: string): Parsed {
  // Officers type money as they write it: "£5,053,000".
  const n = Number(raw.replace(/[£,\s]/g, ''));
  if (!Number.isFinite(n)) return { error: `${f.label} must be a number, like ${f.kind === 'integer' ? '24' : '250000'}` };
  if (f.kind === 'integer' && !Number.isInteger(n)) return { error: `${f.label} must be a whole number` };
  return { value: n };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month as typed: a number, or its name in full or in its first three letters ("June", "jun", "Sept."), as GOV.UK date inputs accept. */
function monthNumber(raw: string): string | null {
  if (/^\d{1,2}$/.test(raw)) return raw;
  const word = raw.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === word || (word.length >= 3 && m.startsWith(word)));
  return i === -1 ? null : String(i + 1);
}

/** The name of a date's "Not known yet" box. */
export const notKnownBox = (f: FieldSpec): string => `${f.name}-unknown`;

/** GOV.UK date input: day, month and year boxes; all blank means no date, as does "Not known yet" where offered. */
function parseDate(f: FieldSpec, values: FormValues): Parsed {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => text(values, `${f.name}-${p}`));
  const notKnown = f.notKnown === true && text(values, notKnownBox(f)) !== '';
  if (notKnown && (d || m || y)) return { error: `Enter ${lowerFirst(f.label)}, or select "Not known yet", not both` };
  if (!d && !m && !y) return {};
  const missing = [['day', d], ['month', m], ['year', y]].filter(([, v]) => !v).map(([p]) => p);
  if (missing.length) return { error: `${f.label} must include a ${missing.join(' and ')}` };
  const month = monthNumber(m!);
  if (!/^\d+$/.test(d!) || month === null || !/^\d{4}$/.test(y!)) return { error: `${f.label} must be a real date, like 1 4 2025` };
  const iso = `${y}-${pad(month, 2)}-${pad(d!, 2)}`;
  if (!isCivilDate(iso)) return { error: `${f.label} must be a real date, like 1 4 2025` };
  return { value: iso };
}

/** One question's answer as the plan holds it: { value } (null for "Not known"), {} for no answer, or { error } in words. */
export function parseField(f: FieldSpec, values: FormValues): Parsed {
  switch (f.kind) {
    case 'date':
      return parseDate(f, values);
    case 'checkboxes': {
      const chosen = list(values, f.name);
      // "None" is the empty list, which differs from no answer (not known).
      if (chosen.includes(NONE)) return chosen.length === 1 ? { value: [] } : { error: `Select "${f.options?.find((o) => o.value === NONE)?.label ?? 'None'}", or the ones that apply, not both` };
      return chosen.length ? { value: chosen } : {};
    }
    case 'list': {
      const items = text(values, f.name).split(/[\s,;]+/).filter(Boolean);
      return items.length ? { value: items } : {};
    }
    default: {
      const raw = text(values, f.name);
      if (!raw) return {};
      if (f.kind === 'number' || f.kind === 'integer') return parseNumber(f, raw);
      if (f.kind === 'yes-no') return { value: raw === 'yes' ? true : raw === 'no' ? false : null };
      // "Not known yet" is the plan's null: a fact the plan does not know.
      if (f.kind === 'radios' && f.notKnown && raw === NOT_KNOWN) return { value: null };
      return { value: raw };
    }
  }
}

/** A reference made from the title when the officer leaves it blank. */
export const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

/**
 * The plan the form describes. `base` is the plan the form was opened with:
 * what the form does not ask for is kept from it; what it asks for is replaced.
 */
export function formToPlan(fields: readonly FieldSpec[], values: FormValues, base: Json = {}): { plan: Json; errors: FormError[] } {
  const plan = structuredClone(base);
  const errors: FormError[] = [];
  for (const f of fields) deleteAt(plan, f.name);
  for (const f of fields) {
    const { value, error } = parseField(f, values);
    if (error) errors.push({ field: f.name, message: error });
    else if (value !== undefined) setAt(plan, f.name, value);
  }
  if (plan.id === undefined && typeof plan.title === 'string' && slug(plan.title)) plan.id = slug(plan.title);
  return { plan: (prune(plan, base) as Json | undefined) ?? {}, errors };
}

/** The form's answers for a plan, to open it in the form. */
export function planToForm(fields: readonly FieldSpec[], plan: unknown): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = getAt(plan, f.name);
    // A date the plan leaves out, on a question that offers "Not known yet", once its part of the plan is answered.
    if (v === undefined && f.kind === 'date' && f.notKnown && isObject(getAt(plan, f.name.split('.').slice(0, -1).join('.')))) values[notKnownBox(f)] = 'yes';
    // null is "unknown": a blank box, or "Not known" where the question offers it.
    if (v === undefined || (v === null && f.kind !== 'yes-no' && !(f.kind === 'radios' && f.notKnown))) continue;
    if (f.kind === 'date' && typeof v === 'string') {
      const [y, m, d] = v.split('-');
      Object.assign(values, { [`${f.name}-day`]: String(Number(d)), [`${f.name}-month`]: String(Number(m)), [`${f.name}-year`]: y });
    } else if (f.kind === 'yes-no') values[f.name] = v === true ? 'yes' : v === false ? 'no' : NOT_KNOWN;
    else if (v === null) values[f.name] = NOT_KNOWN;
    else if (f.kind === 'checkboxes' && Array.isArray(v)) values[f.name] = v.length ? v.map((x) => shownAs(x)) : [NONE];
    else if (f.kind === 'list' && Array.isArray(v)) values[f.name] = v.map((x) => shownAs(x)).join(' ');
    else values[f.name] = shownAs(v);
  }
  return values;
}

/** The plan without the answers at `names`, and without any part of it those leave empty (an empty part would still say the plan has one). */
export function withoutFields(plan: Json, names: readonly string[]): Json {
  const out = structuredClone(plan);
  for (const name of names) {
    const keys = segments(name);
    for (let depth = keys.length; depth > 0; depth--) {
      const parentPath = keys.slice(0, depth - 1).join('.');
      const parent = depth === 1 ? out : getAt(out, parentPath);
      if (!isObject(parent)) break;
      const key = keys[depth - 1]!;
      // The answer itself goes; a part above it goes only once nothing is left in it.
      if (depth === keys.length || (isObject(parent[key]) && Object.keys(parent[key]).length === 0)) delete parent[key];
      else break;
    }
  }
  return out;
}
