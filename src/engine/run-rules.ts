// Reads every rule that can apply to a plan, in three values: which fire,
// which are silent, and which the plan's facts leave open (with the facts
// that decide them).
import type { ConditionT, RuleDefinition } from './rule-schema.js';
import { canApply, settleAppliesWhen, type PlanKind } from './partition.js';
import { leafResults, decidingFacts, truth, type FactSource, type Truth } from './three-valued.js';
import type { TraceEntryT } from '../report/schema.js';

/** A rule ready for plans of one kind: its gate and test as one condition, less what the kind settles. */
export interface PreparedRule {
  rule: RuleDefinition;
  condition: ConditionT;
}

export interface RuleOutcome {
  rule: RuleDefinition;
  outcome: Truth;
  /** For an open rule: the unknown facts that could still change it. */
  deciding: string[];
}

/** The rules that can apply to plans of this kind (see partition.ts), each with its gate and test joined. */
export function prepareRules(rules: RuleDefinition[], kind: PlanKind): PreparedRule[] {
  return rules
    .filter((r) => canApply(r, kind))
    .map((rule) => {
      const gate = settleAppliesWhen(rule.appliesWhen, kind);
      return { rule, condition: gate ? { all: [gate, rule.conditions] } : rule.conditions };
    });
}

export function runRules(prepared: PreparedRule[], src: FactSource): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const { rule, condition } of prepared) {
    const outcome = truth(condition, src);
    if (outcome !== false) out.push({ rule, outcome, deciding: outcome === null ? [...decidingFacts(condition, src)] : [] });
  }
  return out;
}

const TRACE_OUTCOME = { true: 'fired', false: 'not-applicable-or-passed', null: 'missing-facts' } as const;

/** Every rule of the rule set, with what each of its conditions saw; rules that cannot apply to the plan's kind were not read. */
export function traceRules(all: RuleDefinition[], prepared: PreparedRule[], src: FactSource): TraceEntryT[] {
  const read = new Set(prepared.map((p) => p.rule.id));
  return all.map((rule) => {
    if (!read.has(rule.id)) return { ruleId: rule.id, outcome: 'not-applicable', conditions: [] };
    const outcome = truth(rule.appliesWhen ? { all: [rule.appliesWhen, rule.conditions] } : rule.conditions, src);
    const conditions = [...leafResults(rule.appliesWhen, src), ...leafResults(rule.conditions, src)];
    return { ruleId: rule.id, outcome: TRACE_OUTCOME[String(outcome) as 'true' | 'false' | 'null'], conditions };
  });
}
