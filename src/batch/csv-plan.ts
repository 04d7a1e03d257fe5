// A CSV register -> plan objects. The header names plan fields by dotted path
// (`value.annual`, `services.0.cpv`); each cell is typed by the plan's JSON
// Schema at that path, so a new plan field works in a register with no change
// here and a spreadsheet's text never reaches the checker as the wrong type.
import { planJsonSchema } from '../plan/json-schema.js';
import { PlanValidationError, type FieldIssue } from '../plan/parse.js';
import { csvRecords, type CsvRecord } from './csv.js';
import type { RegisterSource } from './source.js';
import { alternatives, typesOf, type Schema } from '../plan/schema-walk.js';
import type { RegisterRow } from './rows.js';

type Scalar = 'string' | 'number' | 'integer' | 'boolean';

/** How a column's cells are read. */
export interface CellKind {
  scalar: Scalar;
  /** The field is a list of `scalar`, written in one cell separated by LIST_SEPARATOR. */
  list: boolean;
  /** `unknown` or `null` in the cell means null (the plan does not know the fact). */
  nullable: boolean;
  itemNullable: boolean;
}

export interface Column {
  /** 0-based position in the record. */
  index: number;
  /** The header as normalised: dotted, `[0]` written `.0`. */
  path: string;
  segments: (string | number)[];
  kind: CellKind;
}

/** Separates the entries of a list field in one cell (`85312500;85100000-0`); a comma would need quoting. */
export const LIST_SEPARATOR = ';';
const NULL_WORDS = new Set(['unknown', 'null']);
const TRUE_WORDS = new Set(['true', 'yes']);
const FALSE_WORDS = new Set(['false', 'no']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A register whose header cannot be read: every row would be wrong, so the whole file is refused. */
export class RegisterHeaderError extends PlanValidationError {
  constructor(file: string, issues: FieldIssue[]) {
    super(issues);
    this.name = 'RegisterHeaderError';
    this.message = `Invalid register header in ${file}:\n${issues.map((i) => `  - ${i.path || '(header)'}: ${i.message}`).join('\n')}`;
  }
}

/** Spreadsheet column name of a 0-based index: A, B, ..., Z, AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function scalarOf(types: string[]): Scalar | null {
  for (const t of ['integer', 'number', 'boolean', 'string'] as const) if (types.includes(t)) return t;
  return null;
}

/** The schema nodes at a path, or an error saying why the path names no plan field. */
function resolve(root: Schema, segments: (string | number)[]): { nodes: Schema[] } | { error: string } {
  let nodes = alternatives(root, root);
  for (const [depth, seg] of segments.entries()) {
    const next: Schema[] = [];
    for (const n of nodes) {
      const types = typesOf(n);
      if (typeof seg === 'string' && types.includes('object')) {
        const props = n.properties as Record<string, unknown> | undefined;
        if (props && Object.hasOwn(props, seg)) next.push(...alternatives(props[seg], root));
      }
      if (typeof seg === 'number' && types.includes('array') && n.items) next.push(...alternatives(n.items, root));
    }
    if (next.length === 0) {
      const at = segments.slice(0, depth).join('.');
      const isList = nodes.some((n) => typesOf(n).includes('array'));
      if (isList && typeof seg === 'string')
        return { error: `names no plan field: ${at} is a list, so number its entries (e.g. ${at}.0.${seg})` };
      return { error: 'names no plan field' };
    }
    nodes = next;
  }
  return { nodes };
}

/** How the cells of a header are read, or why the header cannot be a column. */
function kindAt(root: Schema, segments: (string | number)[]): CellKind | string {
  const found = resolve(root, segments);
  if ('error' in found) return found.error;
  const types = found.nodes.flatMap(typesOf);
  const nullable = types.includes('null');
  const path = segments.join('.');
  if (types.includes('object'))
    return `names a group of fields, not one field: give each field its own column (e.g. ${path}.<field>)`;
  if (types.includes('array')) {
    const items = found.nodes.filter((n) => typesOf(n).includes('array')).flatMap((n) => alternatives(n.items, root));
    const itemTypes = items.flatMap(typesOf);
    if (itemTypes.includes('object') || itemTypes.includes('array'))
      return `names a list of groups: give each entry's fields their own column (e.g. ${path}.0.<field>)`;
    return { scalar: scalarOf(itemTypes) ?? 'string', list: true, nullable, itemNullable: itemTypes.includes('null') };
  }
  return { scalar: scalarOf(types) ?? 'string', list: false, nullable, itemNullable: false };
}

function segmentsOf(path: string): (string | number)[] {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The columns of a header row, or every problem with it (each named by its column). */
export function readHeader(cells: string[], schema: Schema = planJsonSchema()): { columns: Column[] } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const columns: Column[] = [];
  cells.forEach((cell, index) => {
    const path = cell.trim().replace(/\[(\d+)\]/g, '.$1');
    const where = `column ${columnLetter(index)}`;
    if (path === '') {
      issues.push({ path: where, message: 'has no header: every column must name a plan field' });
      return;
    }
    const segments = segmentsOf(path);
    if (segments.some((s) => s === '')) {
      issues.push({ path, message: `names no plan field (${where})` });
      return;
    }
    const kind = kindAt(schema, segments);
    if (typeof kind === 'string') issues.push({ path, message: `${kind} (${where})` });
    else columns.push({ index, path, segments, kind });
  });
  // Two columns for one field, or for a field and a part of it, would overwrite each other.
  for (const [n, a] of columns.entries())
    for (const b of columns.slice(n + 1))
      if (a.path === b.path || b.path.startsWith(`${a.path}.`) || a.path.startsWith(`${b.path}.`))
        issues.push({ path: b.path, message: `overlaps column ${columnLetter(a.index)} (${a.path}) (column ${columnLetter(b.index)})` });
  return issues.length ? { issues } : { columns };
}

type Cell = { value: unknown } | { absent: true } | { error: string };

function scalarValue(text: string, scalar: Scalar, nullable: boolean): Cell {
  const lower = text.toLowerCase();
  if (nullable && NULL_WORDS.has(lower)) return { value: null };
  switch (scalar) {
    case 'string':
      return { value: text };
    case 'boolean':
      if (TRUE_WORDS.has(lower)) return { value: true };
      if (FALSE_WORDS.has(lower)) return { value: false };
      return { error: `"${text}" is not true, false, yes or no` };
    case 'number':
    case 'integer':
      if (NUMBER.test(text)) return { value: Number(text) };
      if (NULL_WORDS.has(lower)) return { error: `"${text}": this field cannot be unknown; leave the cell empty if the plan does not state it` };
      return { error: `"${text}" is not a number (write digits only, e.g. 1500000: no £ or thousands separators)` };
  }
}

/** A cell's value for its column: absent when empty, otherwise typed by the plan schema. */
export function cellValue(raw: string, kind: CellKind): Cell {
  const text = raw.trim();
  if (text === '') return { absent: true };
  if (!kind.list) return scalarValue(text, kind.scalar, kind.nullable);
  if (kind.nullable && NULL_WORDS.has(text.toLowerCase())) return { value: null };
  const items: unknown[] = [];
  for (const part of text.split(LIST_SEPARATOR).map((p) => p.trim())) {
    if (part === '') continue;
    const item = scalarValue(part, kind.scalar, kind.itemNullable);
    if ('error' in item) return item;
    if ('value' in item) items.push(item.value);
  }
  return { value: items };
}

/** Array entries are collected by index and closed up at the end, so a gap left by empty cells is not a hole. */
type Draft = Map<number, unknown> | { [key: string]: unknown };

function put(target: Record<string, unknown>, segments: (string | number)[], value: unknown): void {
  let at: Draft = target;
  for (const [n, seg] of segments.entries()) {
    const last = n === segments.length - 1;
    const read = (): unknown => (at instanceof Map ? at.get(seg as number) : at[seg as string]);
    const write = (v: unknown) => (at instanceof Map ? at.set(seg as number, v) : (at[seg as string] = v));
    if (last) {
      write(value);
      return;
    }
    let child = read();
    if (child === undefined) {
      child = typeof segments[n + 1] === 'number' ? new Map<number, unknown>() : {};
      write(child);
    }
    at = child as Draft;
  }
}

function finish(value: unknown): unknown {
  if (value instanceof Map)
    return [...value.entries()].sort(([a], [b]) => a - b).map(([, v]) => finish(v));
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, finish(v)]));
  return value;
}

/** One data record -> a plan (empty cells leave their field out), or the cells that could not be read. */
export function recordToRow(line: number, fields: string[], columns: Column[], width: number, endLine?: number): RegisterRow {
  if (fields.length !== width) {
    // A quote opened by mistake runs the row on until the next quote: say how far.
    const runs = endLine === undefined ? '' : ` (it runs on to line ${endLine}: is a " missing or stray?)`;
    return { line, issues: [{ path: '', message: `has ${fields.length} cells, the header has ${width}${runs}` }] };
  }
  const plan: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const column of columns) {
    const cell = cellValue(fields[column.index]!, column.kind);
    if ('error' in cell) issues.push({ path: column.path, message: `${cell.error} (column ${columnLetter(column.index)})` });
    else if ('value' in cell) put(plan, column.segments, cell.value);
  }
  const built = finish(plan);
  return issues.length ? { line, issues, partial: built } : { line, plan: built };
}

/** The rows of a CSV register, as read; a header that names no plan field rejects the file (RegisterHeaderError). */
export async function* csvRegisterRows(source: RegisterSource, file = 'the register'): AsyncGenerator<RegisterRow> {
  const records = csvRecords(source);
  const first = await records.next();
  const header: CsvRecord | undefined = first.done ? undefined : first.value;
  if (!header) throw new RegisterHeaderError(file, [{ path: '', message: 'the file is empty: its first line must name the plan fields' }]);
  if (header.error) throw new RegisterHeaderError(file, [{ path: '', message: `line ${header.line}: ${header.error}` }]);
  const read = readHeader(header.fields);
  if ('issues' in read) throw new RegisterHeaderError(file, read.issues);
  for await (const r of records)
    yield r.error
      ? { line: r.line, issues: [{ path: '', message: `not valid CSV: ${r.error}` }] }
      : recordToRow(r.line, r.fields, read.columns, header.fields.length, r.endLine);
}
