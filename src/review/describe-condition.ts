// A rule's conditions in plain English: each test reads as a sentence about
// the plan ("Estimated annual value (GBP) is at least £…"), and all/any/not
// become indented "all of these" / "any of these" lists, so a lawyer can check
// the test against the provision without reading json-rules-engine syntax.
import type { ParamDefinition } from '../law/params.js';
import {
  factDescription,
  factPlanPath,
  factValueInWords,
  joinWords,
  lowerFirst,
  paramValueInWords,
  periodInWords,
  upperFirst,
} from './words.js';

/** A sentence, with the sentences it groups (for all/any/not). */
export interface Phrase {
  text: string;
  children?: Phrase[];
  /** The fact a test reads and the plan field it comes from, for a reader who wants to find it in the plan. */
  fact?: string;
  planPath?: string;
}

/**
 * A condition as written in a rule file, or as json-rules-engine holds it
 * after compiling (a parameter reference then reads { fact: "param", params: { id } }).
 */
export type ConditionLike =
  | { all: ConditionLike[] }
  | { any: ConditionLike[] }
  | { not: ConditionLike }
  | { fact: string; operator: string; value: unknown; path?: string; params?: Record<string, unknown> };

export interface ParamLookup {
  has(id: string): boolean;
  get(id: string): ParamDefinition;
}

export const OPERATOR_WORDS: Record<string, string> = {
  equal: 'is',
  notEqual: 'is not',
  in: 'is one of',
  notIn: 'is not one of',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is more than',
  greaterThanInclusive: 'is at least',
  dateBefore: 'is before',
  dateOnOrBefore: 'is on or before',
  dateAfter: 'is after',
  dateOnOrAfter: 'is on or after',
  isUnknown: 'is not known',
  isKnown: 'is known',
};

/** The parameter id a condition's value refers to, in either the rule-file or the compiled form. */
export function paramRef(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as { param?: unknown; fact?: unknown; params?: { id?: unknown } };
  if (typeof v.param === 'string') return v.param;
  if (v.fact === 'param' && typeof v.params?.id === 'string') return v.params.id;
  return undefined;
}

function factRef(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as { fact?: unknown };
  return typeof v.fact === 'string' && v.fact !== 'param' ? v.fact : undefined;
}

/** A parameter as a reader meets it in a test: its value (or, when it changed over time, which one counts) and its name. */
export function paramInWords(id: string, params: ParamLookup): string {
  if (!params.has(id)) return `the parameter ${id}`;
  const def = params.get(id);
  const named = `the parameter “${def.title}” (${id})`;
  const periods = def.values;
  const last = periods[periods.length - 1]!;
  if (periods.length === 1 || def.unit === 'date') return `${paramValueInWords(last.value, def.unit)}, ${named}`;
  const by = lowerFirst(factDescription(def.appliesBy));
  return `the value in force on the ${by} of ${named}: ${paramValueInWords(last.value, def.unit)} ${periodInWords(last.from, last.to)}, ${periods.length - 1} earlier value${periods.length === 2 ? '' : 's'}`;
}

function valueInWords(fact: string, value: unknown, params: ParamLookup): string {
  const param = paramRef(value);
  if (param !== undefined) return paramInWords(param, params);
  const other = factRef(value);
  if (other !== undefined) return `the ${lowerFirst(factDescription(other))}`;
  if (Array.isArray(value)) return joinWords(value.map((v) => factValueInWords(fact, v)));
  return factValueInWords(fact, value);
}

/** A description that opens with a value (processKind's '"new-award" or "change"') cannot be a sentence's subject: the fact's own name leads. */
function factSubject(fact: string): string {
  const d = factDescription(fact);
  if (/^[A-Za-z]/.test(d)) return upperFirst(d);
  const name = fact.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${upperFirst(name)} (${d})`;
}

function testInWords(c: { fact: string; operator: string; value: unknown; path?: string }, params: ParamLookup): string {
  const subject = factSubject(c.fact) + (c.path ? ` (its ${c.path.replace(/^\$\.?/, '')})` : '');
  const { operator, value } = c;
  if (operator === 'isUnknown' || operator === 'isKnown') {
    const known = (operator === 'isKnown') === (value !== false);
    return `${subject} ${known ? 'is known (the plan states it)' : 'is not known (the plan does not state it)'}`;
  }
  if (typeof value === 'boolean' && (operator === 'equal' || operator === 'notEqual')) {
    const answer = value ? 'yes' : 'no';
    return operator === 'equal' ? `${subject}: ${answer}` : `${subject}: not ${answer} (${value ? 'no' : 'yes'}, or not known)`;
  }
  if (value === null && (operator === 'equal' || operator === 'notEqual')) return `${subject} ${operator === 'equal' ? 'is not known' : 'is known'}`;
  if (Array.isArray(value) && value.length === 1 && (operator === 'in' || operator === 'notIn'))
    return `${subject} ${operator === 'in' ? 'is' : 'is not'} ${factValueInWords(c.fact, value[0])}`;
  const words = OPERATOR_WORDS[operator] ?? `is compared (${operator}) with`;
  return `${subject} ${words} ${valueInWords(c.fact, value, params)}`;
}

export function describeCondition(c: ConditionLike, params: ParamLookup): Phrase {
  if ('all' in c) return c.all.length === 1 ? describeCondition(c.all[0]!, params) : { text: 'All of these:', children: c.all.map((x) => describeCondition(x, params)) };
  if ('any' in c) return c.any.length === 1 ? describeCondition(c.any[0]!, params) : { text: 'Any of these:', children: c.any.map((x) => describeCondition(x, params)) };
  if ('not' in c) {
    const inner = c.not;
    if ('any' in inner && inner.any.length > 1) return { text: 'None of these:', children: inner.any.map((x) => describeCondition(x, params)) };
    if ('all' in inner && inner.all.length > 1) return { text: 'Not all of these:', children: inner.all.map((x) => describeCondition(x, params)) };
    return { text: 'Not this:', children: [describeCondition(inner, params)] };
  }
  const planPath = factPlanPath(c.fact);
  return { text: testInWords(c, params), fact: c.fact, ...(planPath ? { planPath } : {}) };
}

/** The leaf tests of a condition, in the order json-rules-engine (and so the trace) lists them. */
export function leafTests(c: ConditionLike | undefined): Extract<ConditionLike, { fact: string }>[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(leafTests);
  if ('any' in c) return c.any.flatMap(leafTests);
  if ('not' in c) return leafTests(c.not);
  return [c];
}

/** Indented plain-text lines: "- " bullets two spaces deeper per level. */
export function phraseLines(p: Phrase, indent = '', withPlanFields = true): string[] {
  const own = `${indent}- ${p.text}${withPlanFields && p.planPath ? ` [plan: ${p.planPath}]` : ''}`;
  return [own, ...(p.children ?? []).flatMap((c) => phraseLines(c, `${indent}  `, withPlanFields))];
}
