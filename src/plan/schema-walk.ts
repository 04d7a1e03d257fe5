// Reading the plan's JSON Schema: the alternatives of a node and its types,
// and every field it has as a dotted path. What a register column or a form
// question is typed as comes from here, so a new plan field needs no change
// in either.
export type Schema = Record<string, unknown>;

/** The concrete alternatives of a schema node: `$ref` followed, `anyOf`/`oneOf` spread. */
export function alternatives(node: unknown, root: Schema, seen = new Set<string>()): Schema[] {
  if (typeof node !== 'object' || node === null) return [];
  const s = node as Schema;
  if (typeof s.$ref === 'string') {
    if (seen.has(s.$ref)) return [];
    const target = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((at, key) => (at as Schema | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return alternatives(target, root, new Set([...seen, s.$ref]));
  }
  const union = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) return union.flatMap((u) => alternatives(u, root, seen));
  return [s];
}

export function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  // Unconstrained (or an enum with no type): the text is passed on for the plan schema to judge.
  return ['string'];
}

/** One scalar (or list-of-scalars) field of the plan. */
export interface LeafField {
  /** Dotted path; list entries of objects are numbered (services.0.cpv). */
  path: string;
  types: string[];
  /** Allowed values, when the field is an enum (or a list of one). */
  enum?: string[];
  format?: string;
  description?: string;
  nullable: boolean;
  /** A list of scalars. */
  list: boolean;
  /** Required in its parent object. */
  required: boolean;
}

const describe = (nodes: Schema[], outer: Schema): string | undefined =>
  (outer.description as string | undefined) ?? (nodes.find((n) => typeof n.description === 'string')?.description as string | undefined);

/** Every field of the schema at `root`, in schema order; a list of objects is walked through its first entry. */
export function leafFields(root: Schema, node: unknown = root, prefix = '', out: LeafField[] = []): LeafField[] {
  for (const obj of alternatives(node, root).filter((n) => n.properties)) {
    const required = new Set((obj.required as string[] | undefined) ?? []);
    for (const [key, child] of Object.entries(obj.properties as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const nodes = alternatives(child, root);
      const types = nodes.flatMap(typesOf);
      const concrete = nodes.filter((n) => !typesOf(n).every((t) => t === 'null'));
      if (concrete.some((n) => n.properties)) {
        leafFields(root, child, path, out);
        continue;
      }
      const arrays = concrete.filter((n) => typesOf(n).includes('array'));
      const items = arrays.flatMap((n) => alternatives(n.items, root));
      if (items.some((n) => n.properties)) {
        leafFields(root, { properties: { 0: arrays[0]!.items } }, path, out);
        continue;
      }
      const enumOf = [...concrete, ...items].find((n) => Array.isArray(n.enum))?.enum as unknown[] | undefined;
      out.push({
        path,
        types: arrays.length ? items.flatMap(typesOf) : types,
        ...(enumOf ? { enum: enumOf.filter((v): v is string => typeof v === 'string') } : {}),
        ...(concrete.find((n) => n.format)?.format ? { format: concrete.find((n) => n.format)!.format as string } : {}),
        ...(describe(nodes, child as Schema) ? { description: describe(nodes, child as Schema)! } : {}),
        nullable: types.includes('null'),
        list: arrays.length > 0,
        required: required.has(key),
      });
    }
  }
  return out;
}
