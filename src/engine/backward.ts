// Backward planning: the latest date for each stage, working back from the
// service start. Each date is a step in the rule set whose timing is data
// (e.g. "the plan's mobilisation time before the service start", "the latest
// day whose standstill ends by the latest contract date") and which names the
// fact it defines; this module only orders and evaluates them.
import type { RuleSet } from './rule-set.js';
import { RuleSetError } from './rule-set.js';
import type { StepDefinition } from './rule-schema.js';
import { stepDate, type Calendars } from './timing.js';

const ORDERED = new WeakMap<RuleSet['steps'], StepDefinition[]>();

/** The steps that define a fact, each after the steps whose facts it is timed from. */
export function definingSteps(ruleSet: RuleSet): StepDefinition[] {
  const cached = ORDERED.get(ruleSet.steps);
  if (cached) return cached;
  const pending = [...ruleSet.steps.values()].filter((s) => s.defines && s.timing);
  const ordered: StepDefinition[] = [];
  while (pending.length) {
    const definedLater = new Set<string>(pending.map((s) => s.defines!));
    const ready = pending.filter((s) => !definedLater.has(s.timing!.anchor) && !(s.timing!.amountFact && definedLater.has(s.timing!.amountFact)));
    if (!ready.length) throw new RuleSetError('steps', [`steps ${pending.map((s) => `"${s.id}"`).join(', ')} define facts from each other in a cycle`]);
    for (const s of ready) pending.splice(pending.indexOf(s), 1);
    ordered.push(...ready);
  }
  ORDERED.set(ruleSet.steps, ordered);
  return ordered;
}

/**
 * The latest dates, fact by fact, from the facts known so far (`value`); each
 * date computed is visible to the steps after it. Null where the plan lacks a
 * date or a stage length the step needs.
 */
export function backwardDates(value: (fact: string) => unknown, ruleSet: RuleSet, calendars: Calendars): Map<string, string | null> {
  const dates = new Map<string, string | null>();
  const read = (f: string) => (dates.has(f) ? dates.get(f) : value(f));
  const lookup = (id: string) => ruleSet.steps.get(id);
  for (const step of definingSteps(ruleSet)) dates.set(step.defines!, stepDate(step, read, ruleSet.params, calendars, lookup).date);
  return dates;
}
