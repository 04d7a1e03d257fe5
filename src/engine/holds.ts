// Why a route holds: a rule that is relevant to the plan (its gate holds)
// and whose test fails on the plan's own figures and dates says so, in a
// sentence with those figures (its `holds` text), as a breach says why it
// fires. A legal team reads these as the reasons the route is lawful.
import type { HoldsT } from '../report/schema.js';
import { render } from '../report/format.js';
import type { RuleDefinition } from './rule-schema.js';
import { truth, type FactSource } from './three-valued.js';

export function holdsOf(rules: readonly RuleDefinition[], src: FactSource, settled: ReadonlySet<string>): HoldsT[] {
  const out: HoldsT[] = [];
  for (const rule of rules) {
    if (!rule.holds || settled.has(rule.id)) continue;
    if (rule.appliesWhen && truth(rule.appliesWhen, src) !== true) continue;
    if (truth(rule.conditions, src) !== false) continue;
    const text = rule.holds.find((h) => !h.when || truth(h.when, src) === true)?.text;
    if (!text) continue;
    out.push({ ruleId: rule.id, title: rule.title, reason: render(text, src.fact, src.param), citation: rule.citation });
  }
  return out;
}
