// Writes plans as a CSV register by the README's convention (dotted headers,
// ';' lists, unknown for null, empty for absent), so tests can round-trip them.
import { planJsonSchema } from '../../src/plan/json-schema.js';
import { leafFields, type Schema } from '../../src/plan/schema-walk.js';

/** Plan fields that hold a list of values in one cell (e.g. staff.pensionSchemes), as the schema says. */
const VALUE_LISTS = new Set(leafFields(planJsonSchema() as Schema).filter((f) => f.list).map((f) => f.path.replace(/\.\d+(?=\.|$)/g, '')));

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      // An empty list of values is a lone separator: an empty cell would leave the field out.
      if (VALUE_LISTS.has(prefix.replace(/\.\d+(?=\.|$)/g, ''))) out.set(prefix, ';');
      return;
    }
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      out.set(prefix, value.map((v) => (v === null ? 'unknown' : String(v))).join(';'));
    } else value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, value === null ? 'unknown' : String(value));
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(plans: unknown[], eol = '\n'): string {
  const rows = plans.map((p) => {
    const cells = new Map<string, string>();
    flatten(p, '', cells);
    return cells;
  });
  const headers = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  return [headers.join(','), ...rows.map((r) => headers.map((h) => quote(r.get(h) ?? '')).join(','))].join(eol) + eol;
}
