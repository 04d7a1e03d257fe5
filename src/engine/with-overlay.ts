// A rule set with an authority's overlay added: what a plan naming it is judged by.
import { ParamTable } from '../law/params.js';
import type { RuleSet } from './rule-set-model.js';
import type { Overlay } from './overlay.js';

/**
 * The rule set a plan naming the overlay is judged by: the law's rules, steps
 * and parameters with the overlay's added. The version is the whole rule
 * set's (its hash covers rules/local/ too).
 */
export function withOverlay(ruleSet: RuleSet, overlay: Overlay): RuleSet {
  const ruleFiles = new Map(ruleSet.ruleFiles);
  for (const r of overlay.rules) ruleFiles.set(r.id, overlay.file);
  return {
    ...ruleSet,
    rules: [...ruleSet.rules, ...overlay.rules],
    steps: new Map([...ruleSet.steps, ...overlay.steps.map((s) => [s.id, s] as const)]),
    params: new ParamTable([...ruleSet.params.all(), ...overlay.params]),
    ruleFiles,
  };
}
