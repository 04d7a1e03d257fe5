// Rule conditions read in three values. A fact the plan leaves unknown makes
// a test on it unknown, and unknown spreads only as far as the law lets it:
// `all` is false if any part is false, `any` is true if any part is true, and
// `not` leaves unknown alone (Kleene's logic). So a known "no" decides a rule
// while an unrelated fact is still open, and an unknown that could change the
// answer is never passed silently.
import type { ConditionT, FactConditionT } from './rule-schema.js';
import { KNOWLEDGE_OPERATORS, OPERATORS } from './operators.js';

/** true, false, or null for "unknown: the plan's facts do not decide it". */
export type Truth = boolean | null;

export interface FactSource {
  /** A fact's value; null or undefined when the plan leaves it unknown. */
  fact(name: string): unknown;
  /** A dated parameter's value on the plan's date, as the rules see it. */
  param(id: string): unknown;
}

/** What one fact test saw, for the trace. */
export interface LeafResult {
  fact: string;
  operator: string;
  expected: unknown;
  factValue: unknown;
  comparedWith: unknown;
  result: Truth;
}

const isUnknown = (v: unknown) => v === null || v === undefined;

function comparedWith(c: FactConditionT, src: FactSource): unknown {
  const v = c.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return 'param' in v ? (src.param(v.param) ?? null) : src.fact(v.fact);
  return v;
}

/** The fact another fact is compared with, when the condition names one. */
function otherFact(c: FactConditionT): string | null {
  const v = c.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v ? v.fact : null;
}

function leaf(c: FactConditionT, src: FactSource): Truth {
  const a = src.fact(c.fact);
  if (KNOWLEDGE_OPERATORS.has(c.operator)) return OPERATORS[c.operator](a, null);
  if (isUnknown(a)) return null;
  const b = comparedWith(c, src);
  if (otherFact(c) !== null && isUnknown(b)) return null;
  return OPERATORS[c.operator](a, b);
}

export function truth(c: ConditionT, src: FactSource): Truth {
  if ('all' in c) {
    let open = false;
    for (const part of c.all) {
      const t = truth(part, src);
      if (t === false) return false;
      if (t === null) open = true;
    }
    return open ? null : true;
  }
  if ('any' in c) {
    let open = false;
    for (const part of c.any) {
      const t = truth(part, src);
      if (t === true) return true;
      if (t === null) open = true;
    }
    return open ? null : false;
  }
  if ('not' in c) {
    const t = truth(c.not, src);
    return t === null ? null : !t;
  }
  return leaf(c, src);
}

/**
 * The unknown facts that could still change an unknown condition: those in
 * unknown tests reached through parts that are themselves unknown. A fact
 * under a part already decided (a false part of an `all`, a true part of an
 * `any`) cannot change the answer and is not named.
 */
export function decidingFacts(c: ConditionT, src: FactSource, into: Set<string> = new Set()): Set<string> {
  if (truth(c, src) !== null) return into;
  if ('all' in c) for (const part of c.all) decidingFacts(part, src, into);
  else if ('any' in c) for (const part of c.any) decidingFacts(part, src, into);
  else if ('not' in c) decidingFacts(c.not, src, into);
  else {
    if (isUnknown(src.fact(c.fact))) into.add(c.fact);
    const other = otherFact(c);
    if (other !== null && isUnknown(src.fact(other))) into.add(other);
  }
  return into;
}

/** Every fact test in the condition with what it saw, in the order written. */
export function leafResults(c: ConditionT | undefined, src: FactSource): LeafResult[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap((x) => leafResults(x, src));
  if ('any' in c) return c.any.flatMap((x) => leafResults(x, src));
  if ('not' in c) return leafResults(c.not, src);
  return [
    {
      fact: c.fact,
      operator: c.operator,
      expected: c.value,
      factValue: src.fact(c.fact) ?? null,
      comparedWith: KNOWLEDGE_OPERATORS.has(c.operator) ? c.value : comparedWith(c, src),
      result: leaf(c, src),
    },
  ];
}

/** A rule's gate (appliesWhen) and test read together: the rule fires only where both hold. */
export function ruleTruth(appliesWhen: ConditionT | undefined, conditions: ConditionT, src: FactSource): Truth {
  return truth(appliesWhen ? { all: [appliesWhen, conditions] } : conditions, src);
}

export function ruleDecidingFacts(appliesWhen: ConditionT | undefined, conditions: ConditionT, src: FactSource): string[] {
  return [...decidingFacts(appliesWhen ? { all: [appliesWhen, conditions] } : conditions, src)];
}
