// Turns procheck rules into json-rules-engine rules: the engine of record.
// procheck reads the same conditions in three values (three-valued.ts); on
// every fact the plan states, json-rules-engine and that reading agree (a
// property in test/engine/three-valued.test.ts), and where json-rules-engine
// fires or not on a plan with unknown facts, the three-valued reading either
// agrees or says the answer is open.
import { Engine, type RuleProperties, type TopLevelCondition, type NestedCondition } from 'json-rules-engine';
import type { ConditionT, RuleDefinition } from './rule-schema.js';
import type { ParamTable } from '../law/params.js';
import { settleAppliesWhen, type PlanKind } from './partition.js';
import { addOperators } from './operators.js';

export const PARAM_FACT = 'param';

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

/**
 * The conditions that decide whether a rule is relevant to the plan at all.
 * An engine built for one kind of plan (see partition.ts) already holds only
 * the rules of its regime and scope, so it leaves those two tests out.
 */
function gate(rule: RuleDefinition, partitioned: boolean, kind?: PlanKind): NestedCondition[] {
  const scope: NestedCondition[] = rule.scope === 'in-scope' && !partitioned ? [{ fact: 'inScope', operator: 'equal', value: true }] : [];
  const regime: NestedCondition[] =
    !partitioned && (rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023')
      ? [{ fact: 'regime', operator: 'equal', value: rule.regime }]
      : [];
  const appliesWhen = kind ? settleAppliesWhen(rule.appliesWhen, kind) : rule.appliesWhen;
  const applies = appliesWhen ? [translate(appliesWhen)] : [];
  return [...scope, ...regime, ...applies];
}

export function* conditionFacts(c: ConditionT): Generator<string> {
  if ('all' in c) for (const x of c.all) yield* conditionFacts(x);
  else if ('any' in c) for (const x of c.any) yield* conditionFacts(x);
  else if ('not' in c) yield* conditionFacts(c.not);
  else {
    yield c.fact;
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) yield v.fact;
  }
}

/** The facts a rule reads, gate and test, each once in the order written: what it needs comes from its conditions. */
export function factsOfRule(rule: RuleDefinition): string[] {
  const names = new Set<string>();
  for (const c of [rule.appliesWhen, rule.conditions]) if (c) for (const f of conditionFacts(c)) names.add(f);
  return [...names];
}

/** With `kind`, the rule is compiled for an engine that only sees plans of that kind (see partition.ts). */
export function compileRule(rule: RuleDefinition, partitioned = false, kind?: PlanKind): RuleProperties {
  const conditions: TopLevelCondition = { all: [...gate(rule, partitioned, kind), translate(rule.conditions)] };
  return { name: rule.id, conditions, event: { type: 'finding', params: { ruleId: rule.id } } };
}

/**
 * One engine for the whole rule set, built once and reused for every plan.
 * The "param" fact resolves a dated parameter on the plan's own date.
 */
export function buildEngine(rules: RuleDefinition[], params: ParamTable, partitioned = false, kind?: PlanKind): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
  addOperators(engine);
  engine.addFact(PARAM_FACT, async (p: Record<string, unknown>, almanac) => {
    const id = String(p.id);
    const def = params.get(id);
    const date = (await almanac.factValue<string | null>(def.appliesBy)) ?? (await almanac.factValue<string>('procurementStart'));
    return params.valueForRule(id, date) ?? null;
  });
  for (const rule of rules) engine.addRule(compileRule(rule, partitioned, kind));
  return engine;
}
