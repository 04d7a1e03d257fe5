// The JSON Schema of the answer to a question about a plan field: the field's
// own schema from the plan format, with null for "not known". An API client
// or a form builds its answer box from it.
import { planJsonSchema } from './json-schema.js';
import { leafFields, type LeafField, type Schema } from './schema-walk.js';

let byPath: Map<string, LeafField> | undefined;

function fields(): Map<string, LeafField> {
  byPath ??= new Map(leafFields(planJsonSchema() as Schema).map((f) => [f.path.replace(/\.0(?=\.|$)/g, '[]'), f]));
  return byPath;
}

/** The schema of an answer at a plan path ("a and b" names two fields: the first is asked). */
export function answerSchema(planPath: string): Record<string, unknown> {
  const path = planPath.split(/\s+and\s+/)[0]!.trim().replace(/^lots\[\]\./, '');
  const f = fields().get(path);
  if (!f) return {};
  const types = [...new Set([...f.types.filter((t) => t !== 'null'), 'null'])];
  const item: Record<string, unknown> = { type: types.length === 1 ? types[0] : types };
  if (f.enum) item.enum = [...f.enum, null];
  if (f.format) item.format = f.format;
  if (f.description) item.description = f.description;
  return f.list ? { type: ['array', 'null'], items: { type: f.types.filter((t) => t !== 'null'), ...(f.enum ? { enum: f.enum } : {}) } } : item;
}
