// Turns procheck rules into json-rules-engine rules. A rule that needs facts
// also fires when one of them is unknown (while it applies), so that an
// unknown never passes silently as compliant; the checker then reports the
// missing fact instead of the rule's reason.
import { Engine, type RuleProperties, type TopLevelCondition, type NestedCondition } from 'json-rules-engine';
import type { ConditionT, RuleDefinition } from './rule-schema.js';
import type { ParamTable } from './params.js';

export const PARAM_FACT = 'param';

export interface RuleEventParams {
  ruleId: string;
}

function translate(c: ConditionT): NestedCondition {
  if ('all' in c) return { all: c.all.map(translate) };
  if ('any' in c) return { any: c.any.map(translate) };
  if ('not' in c) return { not: translate(c.not) };
  const v = c.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const value = 'param' in v ? { fact: PARAM_FACT, params: { id: v.param } } : { fact: v.fact };
    return { fact: c.fact, operator: c.operator, value };
  }
  return { fact: c.fact, operator: c.operator, value: v };
}

/** The conditions that decide whether a rule is relevant to the plan at all. */
function gate(rule: RuleDefinition): NestedCondition[] {
  const scope: NestedCondition[] = rule.scope === 'in-scope' ? [{ fact: 'inScope', operator: 'equal', value: true }] : [];
  const regime: NestedCondition[] =
    rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023'
      ? [{ fact: 'regime', operator: 'equal', value: rule.regime }]
      : [];
  const applies = rule.appliesWhen ? [translate(rule.appliesWhen)] : [];
  return [...scope, ...regime, ...applies];
}

export function compileRule(rule: RuleDefinition): RuleProperties {
  const test = translate(rule.conditions);
  const body: NestedCondition =
    rule.requires.length === 0
      ? test
      : {
          any: [
            { any: rule.requires.map((fact) => ({ fact, operator: 'isUnknown', value: true })) },
            { all: [...rule.requires.map((fact) => ({ fact, operator: 'isKnown', value: true })), test] },
          ],
        };
  const conditions: TopLevelCondition = { all: [...gate(rule), body] };
  return { name: rule.id, conditions, event: { type: 'finding', params: { ruleId: rule.id } } };
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Operators beyond json-rules-engine's own: ISO date comparisons and unknown-fact tests. */
export function addOperators(engine: Engine): void {
  engine.addOperator('dateBefore', (a: unknown, b: unknown) => isDate(a) && isDate(b) && a < b);
  engine.addOperator('dateOnOrBefore', (a: unknown, b: unknown) => isDate(a) && isDate(b) && a <= b);
  engine.addOperator('dateAfter', (a: unknown, b: unknown) => isDate(a) && isDate(b) && a > b);
  engine.addOperator('dateOnOrAfter', (a: unknown, b: unknown) => isDate(a) && isDate(b) && a >= b);
  engine.addOperator('isUnknown', (a: unknown) => a === null || a === undefined);
  engine.addOperator('isKnown', (a: unknown) => a !== null && a !== undefined);
}

/**
 * One engine for the whole rule set, built once and reused for every plan.
 * The "param" fact resolves a dated parameter on the plan's own date.
 */
export function buildEngine(rules: RuleDefinition[], params: ParamTable): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
  addOperators(engine);
  engine.addFact(PARAM_FACT, async (p: Record<string, unknown>, almanac) => {
    const id = String(p.id);
    const def = params.get(id);
    const date = (await almanac.factValue<string | null>(def.appliesBy)) ?? (await almanac.factValue<string>('procurementStart'));
    return params.valueOn(id, date) ?? null;
  });
  for (const rule of rules) engine.addRule(compileRule(rule));
  return engine;
}
