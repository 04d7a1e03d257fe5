// The plan format field by field, from the JSON Schema, for the plan-format page (src/plan/README.md).
import { planJsonSchema } from './json-schema.js';

type Schema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
  $ref?: string;
};

function typeName(s: Schema): string {
  if (s.enum) return s.enum.map((v) => (v === null ? 'null' : `\`${String(v)}\``)).join(' / ');
  if (s.anyOf) return s.anyOf.map(typeName).join(' or ');
  if (s.format === 'date') return 'date';
  if (s.type === 'array') return `list of ${s.items ? typeName(s.items) : 'values'}`;
  if (s.properties) return 'object';
  return Array.isArray(s.type) ? s.type.join(' or ') : s.type ?? 'any';
}

function describeOf(s: Schema): string {
  return s.description ?? s.anyOf?.find((a) => a.description)?.description ?? s.items?.description ?? '';
}

function rows(s: Schema, prefix: string, out: string[]): void {
  const required = new Set(s.required ?? []);
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    if (name === '$schema') continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const inner = child.anyOf?.find((a) => a.properties) ?? child;
    const desc = describeOf(child).replace(/\|/g, '\\|');
    out.push(`| \`${path}\` | ${typeName(child).replace(/\|/g, '\\|')} | ${required.has(name) ? 'yes' : ''} | ${desc} |`);
    if (inner.properties) rows(inner, path, out);
    if (inner.items?.properties) rows(inner.items, `${path}[]`, out);
  }
}

export function planFieldTable(): string {
  const out = ['| field | type | required | meaning |', '|---|---|---|---|'];
  const schema = planJsonSchema() as Schema & { $defs?: Record<string, Schema> };
  rows(schema.$defs?.Plan ?? schema, '', out);
  return out.join('\n');
}
