// The dated parameters behind a rule: a lawyer approving a rule must see the
// numbers it compares with, for every period, and where each comes from.
import type { ParamDefinition } from '../law/params.js';
import type { RuleDefinition, StepDefinition } from '../engine/rule-schema.js';
import type { Citation } from '../law/citation.js';
import { placeholders } from '../report/format.js';
import { leafTests, paramRef, type ParamLookup } from './describe-condition.js';
import { factDescription, lowerFirst, paramValueInWords, periodInWords } from './words.js';

export interface ParamPeriodView {
  from: string;
  to: string | null;
  period: string;
  value: unknown;
  valueText: string;
  source?: Citation;
  note?: string;
}

export interface ParamView {
  id: string;
  title: string;
  unit: string;
  /** Which plan date picks the period in force, in words. */
  appliesBy: string;
  source: Citation;
  periods: ParamPeriodView[];
  /** Where the rule uses it: "when it applies", "the test", "the reason", "when left open", "the condition", "why the route holds", "step <id>". */
  usedIn: string[];
  /** In a list of every parameter: the rules that read it (none for those only the derived facts read, such as thresholds). */
  readBy?: string[];
}

export function paramView(def: ParamDefinition, usedIn: string[] = [], readBy?: string[]): ParamView {
  return {
    ...(readBy ? { readBy } : {}),
    id: def.id,
    title: def.title,
    unit: def.unit,
    appliesBy:
      def.unit === 'date' ? 'a date in the law: the same for every plan' : `the value in force on the ${lowerFirst(factDescription(def.appliesBy))}`,
    source: def.source,
    periods: def.values.map((p) => ({
      from: p.from,
      to: p.to,
      period: periodInWords(p.from, p.to),
      value: p.value,
      valueText: paramValueInWords(p.value, def.unit, { fullLists: true }),
      ...(p.source ? { source: p.source } : {}),
      ...(p.note ? { note: p.note } : {}),
    })),
    usedIn,
  };
}

/** Every parameter the rule reads, in the order it first meets them, with where. */
export function paramsOfRule(rule: RuleDefinition, steps: Map<string, StepDefinition>, params: ParamLookup): ParamView[] {
  const uses = new Map<string, string[]>();
  const use = (id: string, where: string) => {
    const list = uses.get(id) ?? [];
    if (!list.includes(where)) list.push(where);
    uses.set(id, list);
  };
  for (const t of leafTests(rule.appliesWhen)) {
    const p = paramRef(t.value);
    if (p) use(p, 'when it applies');
  }
  for (const t of leafTests(rule.conditions)) {
    const p = paramRef(t.value);
    if (p) use(p, 'the test');
  }
  for (const ph of placeholders(rule.reason)) if (ph.param) use(ph.param, 'the reason');
  if (rule.openReason) for (const ph of placeholders(rule.openReason)) if (ph.param) use(ph.param, 'when left open');
  if (rule.asCondition) for (const ph of placeholders(rule.asCondition)) if (ph.param) use(ph.param, 'the condition');
  for (const h of rule.holds ?? []) {
    for (const ph of placeholders(h.text)) if (ph.param) use(ph.param, 'why the route holds');
    for (const t of leafTests(h.when)) {
      const p = paramRef(t.value);
      if (p) use(p, 'why the route holds');
    }
  }
  for (const r of rule.readings ?? []) {
    for (const ph of placeholders(r.text)) if (ph.param) use(ph.param, 'on each reading');
    for (const t of leafTests(r.when)) {
      const p = paramRef(t.value);
      if (p) use(p, 'on each reading');
    }
  }
  for (const s of rule.steps) {
    const amount = steps.get(s)?.timing?.amount?.param;
    if (amount) use(amount, `step ${s}`);
  }
  return [...uses].filter(([id]) => params.has(id)).map(([id, where]) => paramView(params.get(id), where));
}
