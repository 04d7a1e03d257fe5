// Named conditions: a rule file may state a condition once under
// "namedConditions" and refer to it from several rules as {"condition": name},
// as json-rules-engine's engine.setCondition allows. They are written into each
// rule at load, so every later stage (three-valued evaluation, the catalogue,
// the compiled evaluator) sees plain conditions, and a legal test that two
// rules share is never copied by hand.

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isReference(v: Json): v is { condition: string } {
  return isObject(v) && Object.keys(v).length === 1 && typeof v.condition === 'string';
}

function substitute(node: Json, named: Record<string, Json>, where: string, problems: string[]): Json {
  if (isReference(node)) {
    if (!Object.hasOwn(named, node.condition)) {
      problems.push(`${where}: unknown named condition "${node.condition}" (declare it under namedConditions)`);
      return node;
    }
    const target = named[node.condition];
    if (containsReference(target)) {
      problems.push(`namedConditions.${node.condition}: a named condition may not refer to another`);
      return node;
    }
    return structuredClone(target);
  }
  if (Array.isArray(node)) return node.map((n, i) => substitute(n, named, `${where}.${i}`, problems));
  if (isObject(node)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === 'value' ? v : substitute(v, named, `${where}.${k}`, problems);
    return out;
  }
  return node;
}

function containsReference(node: Json): boolean {
  if (isReference(node)) return true;
  if (Array.isArray(node)) return node.some(containsReference);
  if (isObject(node)) return Object.entries(node).some(([k, v]) => k !== 'value' && containsReference(v));
  return false;
}

/**
 * The rule file with every {"condition": name} in a rule's appliesWhen,
 * conditions or readings replaced by the named condition; problems name the
 * rule and path.
 */
export function inlineNamedConditions(file: Json): { file: Json; problems: string[] } {
  if (!isObject(file) || !isObject(file.namedConditions) || !Array.isArray(file.rules)) return { file, problems: [] };
  const named = file.namedConditions;
  const problems: string[] = [];
  const rules = file.rules.map((rule, i) => {
    if (!isObject(rule)) return rule;
    const id = typeof rule.id === 'string' ? `rule "${rule.id}"` : `rules.${i}`;
    const out = { ...rule };
    for (const part of ['appliesWhen', 'conditions', 'readings'] as const) {
      if (part in rule) out[part] = substitute(rule[part], named, `${id} at ${part}`, problems);
    }
    return out;
  });
  return { file: { ...file, rules }, problems };
}
