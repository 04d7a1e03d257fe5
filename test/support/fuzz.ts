// Fuzzing plans: a shipped case with one or several fields set to random JSON
// (or to values at and past the schema's bounds), checked and rendered in
// every format. Each outcome is a report that passes its own schema, or a
// PlanValidationError naming a field; anything else is a crash.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Checker } from '../../src/engine/checker.js';
import { PlanValidationError } from '../../src/plan/parse.js';
import { leafFields, type LeafField } from '../../src/plan/schema-walk.js';
import { planJsonSchema } from '../../src/plan/json-schema.js';
import { ReportSchema } from '../../src/report/schema.js';
import { REPORT_FORMATS, renderReport } from '../../src/report/render.js';

const CASES_DIR = join(import.meta.dirname, '..', '..', 'cases');

/** Every shipped plan (not the expected outcomes). */
export const SHIPPED_PLANS: readonly Record<string, unknown>[] = readdirSync(CASES_DIR)
  .filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))
  .sort()
  .map((n) => JSON.parse(readFileSync(join(CASES_DIR, n), 'utf8')) as Record<string, unknown>);

const FIELDS: readonly LeafField[] = leafFields(planJsonSchema() as Record<string, unknown>);

/** Every leaf field of the plan format, as a dotted path with list index 0 (services.0.cpv). */
export const PLAN_PATHS: readonly string[] = FIELDS.map((f) => f.path);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Real dates across the plan's range and a little past it, many near the bounds and the law's dates. */
const dateValue = fc.oneof(
  fc.date({ min: new Date('1890-01-01'), max: new Date('2210-12-31'), noInvalidDate: true }).map(isoDay),
  fc.date({ min: new Date('2014-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map(isoDay),
  fc.constantFrom('1900-01-01', '2199-12-31', '2015-02-26', '2024-01-01', '2025-02-24', '2024-02-29'),
);
const countValue = fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constantFrom(0, 1, 599, 600, 601, 3650, 3651, 1_000_000, 100_000, 10_000_000));
const amountValue = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom(0, 1e12, 1e12 + 1, 1e308, -1, 214_904, 663_540, 5_000_000));

/** A value of the field's own kind (an enum's values, a boolean, a count, an amount, a date), at and near its bounds. */
function typedValue(f: LeafField): fc.Arbitrary<unknown> {
  const base: fc.Arbitrary<unknown> = f.enum
    ? f.list
      ? fc.subarray(f.enum)
      : fc.constantFrom(...f.enum)
    : f.format === 'date'
      ? dateValue
      : f.types.includes('boolean')
        ? fc.boolean()
        : f.types.includes('integer')
          ? countValue
          : f.types.includes('number')
            ? amountValue
            : f.list
              ? fc.array(fc.constantFrom('85312500', '85100000', '48000000', '79110000', '85323000-9', '1234'), { maxLength: 3 })
              : fc.string({ maxLength: 20 });
  return f.nullable ? fc.oneof({ arbitrary: base, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : base;
}

/** Does the plan have the object a field sits in (so setting it creates nothing the schema would refuse for another reason)? */
function parentExists(plan: Record<string, unknown>, path: string): boolean {
  let node: unknown = plan;
  for (const k of path.split('.').slice(0, -1)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[k] : undefined;
    if (node === undefined || node === null) return false;
  }
  return true;
}

/**
 * One edit of `plan`: mostly a field it has room for set to a value of its
 * kind (so most mutants are plans, and reach the rules and renderers), else
 * any field set to anything, or an unknown field.
 */
function edit(plan: Record<string, unknown>): fc.Arbitrary<[string, unknown]> {
  const roomy = FIELDS.filter((f) => parentExists(plan, f.path));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...roomy).chain((f) => fc.tuple(fc.constant(f.path), typedValue(f))), weight: 12 },
    { arbitrary: fc.constantFrom(...FIELDS).chain((f) => fc.tuple(fc.constant(f.path), typedValue(f))), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...PLAN_PATHS), fc.constant(null).chain(() => fuzzValue)), weight: 3 },
    { arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })), weight: 1 },
  );
}

/** A copy of `plan` with `value` at the dotted `path`, creating the objects and lists on the way. */
export function withValueAt(plan: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(plan);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const [i, k] of keys.slice(0, -1).entries()) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy;
}

/** Values at and past the plan's bounds, and of the wrong kind, beside arbitrary JSON. */
const edgeValue = fc.constantFrom<unknown>(
  1e308, -1e308, 1e12, 1e12 + 1, -1, 0, 0.5, 600, 601, 100_000, 10_000_000, 2 ** 53, -(2 ** 31),
  '9999-12-31', '0000-01-01', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '2024-02-30', '2025-13-01',
  '', ' ', 'x'.repeat(10_000), '24:00', '23:59', '-1', 'NaN', '__proto__', 'constructor',
  null, true, false, [], {}, [null], { a: 1 },
);

export const fuzzValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 }, { arbitrary: edgeValue, weight: 3 });

/** A shipped plan with one to four fields (of the plan format, or any name) set to fuzz values. */
export const mutatedPlanArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...SHIPPED_PLANS)
  .chain((base) => fc.array(edit(base), { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce((plan, [path, value]) => (path ? withValueAt(plan, path, value) : plan), base)));

export type FuzzOutcome =
  | { kind: 'report' }
  | { kind: 'invalid' }
  /** Threw something other than a PlanValidationError naming a field, or a renderer threw. */
  | { kind: 'crash'; detail: string }
  /** The report does not pass ReportSchema. */
  | { kind: 'bad-report'; detail: string };

/** Check one plan and render its report in every format. */
export async function fuzzOne(checker: Checker, plan: unknown): Promise<FuzzOutcome> {
  let report;
  try {
    report = await checker.check(plan, { untrusted: true });
  } catch (e) {
    if (e instanceof PlanValidationError && e.issues.length > 0) return { kind: 'invalid' };
    return { kind: 'crash', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) return { kind: 'bad-report', detail: JSON.stringify(parsed.error.issues.slice(0, 3)) };
  try {
    for (const format of REPORT_FORMATS) renderReport(report, format);
  } catch (e) {
    return { kind: 'crash', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  return { kind: 'report' };
}

/**
 * JSON a hostile sender might put where text is expected: objects whose keys are the names JavaScript calls when it
 * turns a value into text ({"toString": 1} makes String(value) throw), lists of them, and any JSON besides.
 */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  {
    arbitrary: fc.constantFrom<unknown>({ toString: 1 }, { valueOf: 1, toString: 1 }, { toString: 'x' }, { toJSON: 1 }, [{ toString: 1 }], { id: { toString: 1 } }, [], {}, null, true, 1e308, ''),
    weight: 3,
  },
);
