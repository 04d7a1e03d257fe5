// Which rules can apply to a plan, judged from a few discrete facts alone.
// A rule that cannot apply is left out of the engine built for that kind of
// plan, so each check evaluates only the rules that matter (json-rules-engine
// clones every rule's conditions on every run). Pruning uses only conditions
// every firing needs: the rule's regime and scope, and tests of the partition
// facts at the top level of appliesWhen and of the test, with a literal value.
// A partition fact the plan leaves unknown prunes nothing: a test on it is
// unknown, and the rule must be read to say so.
import type { ConditionT, FactConditionT, RuleDefinition } from './rule-schema.js';

/**
 * The facts that split plans into kinds: few values each, and tested at the
 * top level of many rules. regime and inScope also decide the rule's own
 * regime and scope.
 */
export const PARTITION_FACTS = [
  'inScope',
  'regime',
  'process',
  'processKind',
  'hasIncumbent',
  'hasChange',
  'providerMayChange',
  'staffAssigned',
  'lightTouch',
  'aboveThreshold',
  'framework',
] as const;

export type PartitionFact = (typeof PARTITION_FACTS)[number];
export type PlanKind = Record<PartitionFact, unknown>;

export function planKindKey(kind: PlanKind): string {
  return PARTITION_FACTS.map((f) => String(kind[f])).join('|');
}

function topLevel(c: ConditionT | undefined): FactConditionT[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap((x) => ('fact' in x ? [x] : 'all' in x ? topLevel(x) : []));
  return 'fact' in c ? [c] : [];
}

const isLiteral = (v: unknown) => v === null || typeof v !== 'object' || Array.isArray(v);

const unknown = (v: unknown) => v === null || v === undefined;

/** Could the condition hold (or be unknown) given the fact's value? As json-rules-engine compares: ===, indexOf. */
function couldHold(c: FactConditionT, actual: unknown): boolean {
  const v = c.value;
  if (!isLiteral(v)) return true;
  if (unknown(actual) && c.operator !== 'isKnown' && c.operator !== 'isUnknown') return true;
  switch (c.operator) {
    case 'equal':
      return actual === v;
    case 'notEqual':
      return actual !== v;
    case 'in':
      return Array.isArray(v) && (v as unknown[]).includes(actual);
    case 'notIn':
      return Array.isArray(v) && !(v as unknown[]).includes(actual);
    case 'isKnown':
      return actual !== null && actual !== undefined;
    case 'isUnknown':
      return actual === null || actual === undefined;
    default:
      return true;
  }
}

const PARTITIONED = new Set<string>(PARTITION_FACTS);

/** Whether the rule belongs to plans of this kind at all: its scope and its regime. */
export function inRegime(rule: RuleDefinition, kind: PlanKind): boolean {
  if (rule.scope === 'in-scope' && kind.inScope !== true) return false;
  return !((rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023') && kind.regime !== rule.regime);
}

export function canApply(rule: RuleDefinition, kind: PlanKind): boolean {
  if (!inRegime(rule, kind)) return false;
  // tupe, general and local rules run under every regime; local rules reach an
  // engine only when the checker builds one for a plan naming their overlay.
  const necessary = [...topLevel(rule.appliesWhen), ...topLevel(rule.conditions)];
  return necessary.filter((c) => PARTITIONED.has(c.fact)).every((c) => couldHold(c, kind[c.fact as PartitionFact]));
}

const DECIDABLE = new Set(['equal', 'notEqual', 'in', 'notIn', 'isKnown', 'isUnknown']);

/** A condition every plan of this kind meets: on a partition fact the plan states, with a literal value, by an operator decided above. */
function certainlyHolds(c: ConditionT, kind: PlanKind): boolean {
  if (!('fact' in c) || !PARTITIONED.has(c.fact) || !DECIDABLE.has(c.operator) || !isLiteral(c.value)) return false;
  const actual = kind[c.fact as PartitionFact];
  return (c.operator === 'isKnown' || c.operator === 'isUnknown' || !unknown(actual)) && couldHold(c, actual);
}

/**
 * appliesWhen without the top-level tests that every plan of this kind meets,
 * so the engine built for the kind does not evaluate (and json-rules-engine
 * does not clone) them on every run; undefined when nothing is left to test.
 */
export function settleAppliesWhen(c: ConditionT | undefined, kind: PlanKind): ConditionT | undefined {
  if (!c) return undefined;
  if (certainlyHolds(c, kind)) return undefined;
  if (!('all' in c)) return c;
  const left = c.all.filter((x) => !certainlyHolds(x, kind));
  return left.length === 0 ? undefined : { all: left };
}
