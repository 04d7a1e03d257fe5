// What each rule operator means, written once. json-rules-engine's own
// operators (equal, in, lessThan, ...) are restated here exactly as its
// engine-default-operators.js defines them, so procheck's three-valued
// evaluator and json-rules-engine decide every known fact alike (a property in
// test/engine/three-valued.test.ts holds them to it); the date and
// known/unknown operators are procheck's and are registered on the engine.
import type { Engine } from 'json-rules-engine';
import type { OperatorT } from './rule-schema.js';

type Test = (a: unknown, b: unknown) => boolean;

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** json-rules-engine's guard on the numeric operators: a fact that does not parse as a number fails them. */
const numeric = (a: unknown) => Number.parseFloat(a as string).toString() !== 'NaN';
const indexOf = (list: unknown, x: unknown) => (list as unknown[]).indexOf(x);

/** procheck's own operators, added to json-rules-engine by addOperators. */
const CUSTOM = {
  dateBefore: (a, b) => isDate(a) && isDate(b) && a < b,
  dateOnOrBefore: (a, b) => isDate(a) && isDate(b) && a <= b,
  dateAfter: (a, b) => isDate(a) && isDate(b) && a > b,
  dateOnOrAfter: (a, b) => isDate(a) && isDate(b) && a >= b,
  isUnknown: (a) => a === null || a === undefined,
  isKnown: (a) => a !== null && a !== undefined,
} satisfies Record<string, Test>;

export const OPERATORS: Record<OperatorT, Test> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  ...CUSTOM,
};

/** Operators that ask whether a fact is known: decided whatever the fact's value, so never unknown themselves. */
export const KNOWLEDGE_OPERATORS = new Set<OperatorT>(['isUnknown', 'isKnown']);

export function addOperators(engine: Engine): void {
  for (const [name, test] of Object.entries(CUSTOM)) engine.addOperator(name, test as (a: unknown, b: unknown) => boolean);
}
