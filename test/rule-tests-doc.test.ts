import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changesOf, RULE_TESTS_FILE, ruleTestsText, type Change } from './support/rule-tests-doc.js';
import { SUITES } from './rules/suites.js';

/** The base plan with the listed changes made, as a reader of the file would make them. */
function apply(base: unknown, changes: Change[]): unknown {
  const plan = structuredClone(base) as Record<string, unknown>;
  for (const c of changes) {
    const keys = c.path.split('.');
    let node = plan;
    for (const k of keys.slice(0, -1)) {
      if (typeof node[k] !== 'object' || node[k] === null || Array.isArray(node[k])) node[k] = {};
      node = node[k] as Record<string, unknown>;
    }
    if ('removed' in c) delete node[keys.at(-1)!];
    else node[keys.at(-1)!] = structuredClone(c.value);
  }
  return plan;
}

describe('cases/rule-tests/rule-tests.json', () => {
  it('is what `npm run docs` makes of the rule tests now', () => {
    expect(readFileSync(RULE_TESTS_FILE, 'utf8')).toBe(ruleTestsText());
  });

  it('lists changes that rebuild exactly the plans the unit tests check', () => {
    for (const suite of SUITES)
      for (const [ruleId, patches] of Object.entries(suite.cases))
        for (const patch of patches) expect(apply(suite.plan(), changesOf(patch)), ruleId).toEqual(suite.plan(patch));
  });
});
