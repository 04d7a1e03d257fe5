import { createChecker, type Checker } from '../../src/engine/checker.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';

let shared: Checker | undefined;

/** One checker for the whole test run, as a real embedding would hold one. */
export function checker(): Checker {
  shared ??= createChecker(loadRuleSet());
  return shared;
}
