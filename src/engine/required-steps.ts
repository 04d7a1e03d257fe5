// The required steps: those the findings add, each with its date from the
// timing in the rule set, in timetable order.
import { isFactName } from '../plan/fact-catalogue.js';
import type { Facts } from '../plan/facts.js';
import type { FindingT, RequiredStepT } from '../report/schema.js';
import { windowOf, type DatedStep } from './timetable-rows.js';
import type { RuleSet } from './rule-set.js';
import { stepDate, type Calendars } from './timing.js';
import { truth, type FactSource } from './three-valued.js';

/**
 * A route the report forbids gets no steps: where a finding says the chosen
 * route or change is not permitted (its rule says what to do instead), only
 * the steps of what to do instead remain, and every other finding's steps go,
 * except the authority's own decision steps (local overlays), which any route needs.
 */
export function lawfulPathSteps(findings: FindingT[], forbids: (ruleId: string) => boolean): FindingT[] {
  const forbidding = new Set(findings.filter((f) => f.missingFacts.length === 0 && forbids(f.ruleId)).map((f) => f.ruleId));
  if (forbidding.size === 0) return findings;
  return findings.map((f) => (forbidding.has(f.ruleId) || f.regime === 'local' || f.steps.length === 0 ? f : { ...f, steps: [] }));
}

/** A step whose gate the plan's facts decide against does not exist for the plan (e.g. the light-touch period of a contract that is not light touch). */
export function collectSteps(findings: Pick<FindingT, 'ruleId' | 'steps'>[], facts: Facts, ruleSet: RuleSet, calendar: Calendars, src: FactSource): DatedStep[] {
  const addedBy = new Map<string, string[]>();
  for (const f of findings)
    for (const s of f.steps) {
      const gate = ruleSet.steps.get(s)?.appliesWhen;
      if (gate && truth(gate, src) === false) continue;
      addedBy.set(s, [...(addedBy.get(s) ?? []), f.ruleId]);
    }
  const value = (name: string) => (isFactName(name) ? facts[name] : undefined);
  const lookup = (id: string) => ruleSet.steps.get(id);
  const steps = [...addedBy.entries()].map(([id, by]) => {
    const def = ruleSet.steps.get(id)!;
    const due = stepDate(def, value, ruleSet.params, calendar, lookup);
    const step: RequiredStepT = { id, title: def.title, citation: def.citation, addedBy: by, due: due.date, dueKind: due.kind, timing: due.rule };
    return { def, step };
  });
  // A window date taken from another step counts only when this plan requires that step.
  const dueOf = (id: string) => steps.find((s) => s.def.id === id)?.step.due ?? null;
  for (const s of steps) if (s.def.window) Object.assign(s.step, windowOf(s.def, value, dueOf));
  steps.sort((a, b) => a.def.order - b.def.order || a.def.id.localeCompare(b.def.id));
  return steps;
}
