// Answers to a report's questions merged into a plan: each answer a value at
// the question's plan path (questions[].planPath). The command line's --ask,
// the API's {"plan", "answers"} and the web page's answer form all merge
// through here, so an answer means the same wherever it is given.
//
// A plan path is dotted field names: "staff.proposedRedundancies". A list of
// objects is entered with [] for every entry ("services[].healthCare" answers
// for each service), [n] or .n for one ("services[0].cpv", "services.0.cpv").
// "lots[].value.annual" is every lot that states its own copy of the field's
// group (its own value) but leaves the field unknown, as the report asks it of
// such a lot: a lot's value already stated is never answered over. A path
// "a and b" (a question that reads two fields) is answered at its first field,
// as its answer schema is. Parent objects are created as needed; list entries
// never are.
//
// null is "not known": a field that may be null is set to null, one that may be
// left out is left out, and one the plan must state refuses it. Each path is
// checked against the plan's JSON Schema and each value against the field's
// schema there (the question's answer schema, with the field's own bounds); the
// whole plan is judged by the check that follows, as any plan is.
import { IsoDate } from '../calendar/iso-date.js';
import { planJsonSchema } from './json-schema.js';
import { MAX_PLAN_DEPTH, planDepthOk, PlanValidationError, type FieldIssue } from './parse.js';
import { alternatives, type Schema } from './schema-walk.js';

/** One answer: the value for the field at a question's planPath (null: not known). */
export interface Answer {
  planPath: string;
  value: unknown;
}

type Json = Record<string, unknown>;

interface Step {
  key: string;
  /** [] : every entry of the list. */
  each?: boolean;
  /** [n] or .n : one entry of the list. */
  index?: number;
}

/** Where a path leads in the plan's JSON Schema. */
interface Field {
  /** The field's schema, its alternatives spread. */
  nodes: Schema[];
  /** The field may be null. */
  nullable: boolean;
  /** The field's object must state it. */
  required: boolean;
}

let root: Schema | undefined;
const schemaRoot = (): Schema => (root ??= planJsonSchema() as Schema);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeList = (s: Schema): string[] | undefined => (s.type === undefined ? undefined : ([s.type].flat() as string[]));
const isNullOnly = (s: Schema) => typeList(s)?.length === 1 && typeList(s)![0] === 'null';

/** The steps of a plan path, or why it cannot be one. */
function parsePath(planPath: string): Step[] | string {
  const first = planPath.split(/\s+and\s+/)[0]!.trim();
  if (!first) return 'names no field';
  const steps: Step[] = [];
  for (const part of first.split('.')) {
    const m = /^([A-Za-z][A-Za-z0-9]*)(?:\[(\d*)\])?$/.exec(part);
    const prev = steps.at(-1);
    if (m) steps.push({ key: m[1]!, ...(m[2] === undefined ? {} : m[2] === '' ? { each: true } : { index: Number(m[2]) }) });
    else if (/^\d+$/.test(part) && prev && !prev.each && prev.index === undefined) prev.index = Number(part);
    else return `is not a plan path: "${part}" is not a field name (write e.g. staff.proposedRedundancies, services[].healthCare or services[0].cpv)`;
  }
  return steps;
}

/** The field a path names in the plan's JSON Schema, or why there is none. */
function resolve(steps: readonly Step[]): Field | string {
  const schema = schemaRoot();
  let node: unknown = schema;
  let required = false;
  let at = 'the plan';
  for (const [i, step] of steps.entries()) {
    const objects = alternatives(node, schema).filter((n) => isObject(n.properties));
    const holder = objects.find((o) => Object.hasOwn(o.properties as Json, step.key));
    if (!holder) {
      const names = [...new Set(objects.flatMap((o) => Object.keys(o.properties as Json)))];
      return objects.length
        ? `is not a field of the plan: ${at} has no field "${step.key}" (its fields: ${names.join(', ')})`
        : `is not a field of the plan: ${at} is a single value, with no fields`;
    }
    node = (holder.properties as Json)[step.key];
    required = ((holder.required as string[] | undefined) ?? []).includes(step.key);
    at = steps.slice(0, i + 1).map((s) => s.key).join('.');
    if (step.each || step.index !== undefined) {
      const lists = alternatives(node, schema).filter((n) => typeList(n)?.includes('array'));
      if (!lists.length) return `is not a plan path: ${at} is not a list, so it takes no [] or entry number`;
      if (i === steps.length - 1) return `names the entries of ${at}, not a field: answer the whole list at ${at}, or a field of each entry (${at}[].<field>)`;
      node = lists[0]!.items;
    }
  }
  const nodes = alternatives(node, schema);
  return { nodes, nullable: nodes.some(isNullOnly) || nodes.some((n) => typeList(n)?.includes('null')), required };
}

const range = (s: Schema): string => {
  const lo = s.minimum ?? s.exclusiveMinimum;
  const hi = s.maximum ?? s.exclusiveMaximum;
  if (lo !== undefined && hi !== undefined) return ` from ${String(lo)} to ${String(hi)}`;
  if (lo !== undefined) return ` of at least ${String(lo)}`;
  if (hi !== undefined) return ` of at most ${String(hi)}`;
  return '';
};

/** What a value of this schema must be, in words. */
function expectation(s: Schema): string {
  if (Array.isArray(s.enum)) return `one of ${(s.enum as unknown[]).filter((v) => v !== null).map((v) => JSON.stringify(v)).join(', ')}`;
  const types = (typeList(s) ?? []).filter((t) => t !== 'null');
  if (types.includes('integer')) return `a whole number${range(s)}`;
  if (types.includes('number')) return `a number${range(s)}`;
  if (types.includes('boolean')) return 'true or false';
  if (types.includes('array')) {
    const items = alternatives(s.items, schemaRoot()).filter((n) => !isNullOnly(n));
    return `a list${items.length ? ` of ${items.map(expectation).join(' or ')}` : ''}`;
  }
  if (types.includes('object')) return 'a group of fields (an object)';
  if (s.format === 'date') return 'a date written YYYY-MM-DD';
  if (types.includes('string')) return 'text';
  return 'a value';
}

const TYPE_TEST: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: Array.isArray,
  object: isObject,
  null: (v) => v === null,
};

/** Why a value does not fit one schema alternative (null if it fits). Objects are judged by the plan's own check. */
function misfit(value: unknown, s: Schema): string | null {
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).includes(value) ? null : `must be ${expectation(s)}`;
  const types = typeList(s);
  if (types && !types.some((t) => TYPE_TEST[t]?.(value))) return `must be ${expectation(s)}`;
  if (typeof value === 'string') {
    if (s.format === 'date') {
      const r = IsoDate.safeParse(value);
      if (!r.success) return r.error.issues[0]!.message;
    }
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(value)) return `must match ${s.pattern}`;
    if (typeof s.minLength === 'number' && value.length < s.minLength) return s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters`;
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) return `must be at most ${s.maxLength} characters`;
  }
  if (typeof value === 'number') {
    const out =
      (typeof s.minimum === 'number' && value < s.minimum) ||
      (typeof s.maximum === 'number' && value > s.maximum) ||
      (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) ||
      (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum);
    if (out) return `must be ${expectation(s)}`;
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return `must list at least ${s.minItems}`;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return `must list at most ${s.maxItems}`;
    if (s.items !== undefined)
      for (const [i, item] of value.entries()) {
        const why = valueMisfit(item, alternatives(s.items, schemaRoot()));
        if (why) return `entry ${i} ${why}`;
      }
  }
  return null;
}

/** Why a value fits none of a field's alternatives (null if it fits one). */
function valueMisfit(value: unknown, nodes: readonly Schema[]): string | null {
  const concrete = nodes.filter((n) => !isNullOnly(n));
  if (!concrete.length) return null;
  const whys = concrete.map((n) => misfit(value, n));
  return whys.includes(null) ? null : whys[0]!;
}

/** Whether the field at these steps below `at` is unknown (left out or null) anywhere it is (in some entry, through []). */
function unknownAt(at: unknown, steps: readonly Step[]): boolean {
  if (!steps.length) return at === undefined || at === null;
  if (!isObject(at)) return at === undefined || at === null;
  const [step, ...rest] = steps as [Step, ...Step[]];
  const child = at[step.key];
  if (!(step.each || step.index !== undefined)) return unknownAt(child, rest);
  if (!Array.isArray(child)) return true;
  const entries = step.index !== undefined ? [child[step.index]] : child;
  return entries.some((e) => unknownAt(e, rest));
}

/** Sets (or, with `remove`, deletes) the field at steps[i..] below `at`; returns why it cannot. */
function place(at: Json, steps: readonly Step[], i: number, value: unknown, remove: boolean): string | null {
  const step = steps[i]!;
  const here = steps.slice(0, i + 1).map((s) => s.key).join('.');
  if (step.each || step.index !== undefined) {
    const list = at[step.key];
    if (!Array.isArray(list) || list.length === 0) return `cannot be set: the plan states no ${here}, so there is no entry to answer for`;
    let entries: unknown[];
    if (step.index !== undefined) {
      if (step.index >= list.length) return `cannot be set: ${here} has no entry ${step.index} (it has ${list.length})`;
      entries = [list[step.index]];
    } else entries = list;
    // lots[]: the lots that state their own copy of the field's group (a lot that does not shares the plan's) and
    // leave the field unknown, as the report asks it of them: a lot that states its own value is not answered for.
    if (i === 0 && step.key === 'lots' && step.each) {
      const own = steps[1]!.key;
      const rest = steps.slice(1).map((s) => s.key).join('.');
      const stating = entries.filter((lot) => isObject(lot) && lot[own] !== undefined);
      if (!stating.length) return `cannot be set: no lot states its own ${own}, so every lot shares the plan's: answer ${rest}`;
      entries = stating.filter((lot) => unknownAt(lot, steps.slice(1)));
      if (!entries.length) return `cannot be set: every lot that states its own ${own} states ${rest} too: answer one lot's as lots[<n>].${rest}`;
    }
    for (const entry of entries) {
      if (!isObject(entry)) return `cannot be set: an entry of ${here} is not a group of fields`;
      const why = place(entry, steps, i + 1, value, remove);
      if (why) return why;
    }
    return null;
  }
  if (i === steps.length - 1) {
    if (remove) delete at[step.key];
    else at[step.key] = structuredClone(value);
    return null;
  }
  let child = at[step.key];
  if (child === undefined || child === null) {
    if (remove) return null; // nothing stated there, so nothing to leave out
    child = at[step.key] = {};
  }
  if (!isObject(child)) return `cannot be set: ${here} holds ${JSON.stringify(child)?.slice(0, 40)}, not a group of fields`;
  return place(child, steps, i + 1, value, remove);
}

/**
 * The plan with each answer's value set at its plan path (later answers over
 * earlier ones); the plan given is not changed. Throws PlanValidationError
 * naming each answer's field (its planPath) whose path or value is wrong.
 */
export function applyAnswers(plan: unknown, answers: readonly Answer[]): unknown {
  if (!isObject(plan)) throw new PlanValidationError([{ path: '', message: 'the plan must be a JSON object' }]);
  if (!Array.isArray(answers)) throw new PlanValidationError([{ path: 'answers', message: 'must be a list of answers, each {"planPath": ..., "value": ...}' }]);
  if (!planDepthOk(plan)) throw new PlanValidationError([{ path: '', message: `is nested more than ${MAX_PLAN_DEPTH} levels deep: no plan is` }]);
  const out = structuredClone(plan);
  const issues: FieldIssue[] = [];
  for (const [n, answer] of (answers as unknown[]).entries()) {
    if (!isObject(answer) || typeof answer.planPath !== 'string') {
      issues.push({ path: `answers.${n}`, message: 'must be {"planPath": "<the question\'s planPath>", "value": <the answer, or null for not known>}' });
      continue;
    }
    const { planPath, value } = answer;
    if (value === undefined) {
      issues.push({ path: planPath, message: 'has no value: give the answer, or null for not known' });
      continue;
    }
    if (!planDepthOk(value)) {
      issues.push({ path: planPath, message: `the answer is nested more than ${MAX_PLAN_DEPTH} levels deep` });
      continue;
    }
    const steps = parsePath(planPath);
    const field = typeof steps === 'string' ? steps : resolve(steps);
    if (typeof field === 'string' || typeof steps === 'string') {
      issues.push({ path: planPath, message: field as string });
      continue;
    }
    const unknownAllowed = field.nullable || !field.required;
    if (value === null && !unknownAllowed) {
      issues.push({ path: planPath, message: 'the plan must state this field: it cannot be answered "not known" (null)' });
      continue;
    }
    const why = value === null ? null : valueMisfit(value, field.nodes);
    if (why) {
      const concrete = field.nodes.filter((f) => !isNullOnly(f));
      const named = why.startsWith('must be ') && concrete.length > 1 ? `must be ${concrete.map(expectation).join(' or ')}` : why;
      issues.push({ path: planPath, message: `the answer ${named}${unknownAllowed && named.startsWith('must be ') ? ', or null for not known' : ''}` });
      continue;
    }
    const placed = place(out, steps, 0, value, value === null && !field.nullable);
    if (placed) issues.push({ path: planPath, message: placed });
  }
  if (issues.length) throw new PlanValidationError(issues);
  return out;
}
