import { describe, expect, it } from 'vitest';
import { inlineNamedConditions } from '../../src/engine/named-conditions.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';

const needed = { fact: 'changeValue', operator: 'greaterThanInclusive', value: { param: 'x' } };

describe('named conditions in a rule file', () => {
  it('writes the named condition into every rule that refers to it, leaving values alone', () => {
    const file = {
      namedConditions: { needed },
      rules: [
        { id: 'a', conditions: { condition: 'needed' } },
        { id: 'b', appliesWhen: { all: [{ condition: 'needed' }] }, conditions: { fact: 'f', operator: 'equal', value: { condition: 'needed' } } },
      ],
    };
    const { file: out, problems } = inlineNamedConditions(file);
    expect(problems).toEqual([]);
    const rules = (out as typeof file).rules as Record<string, unknown>[];
    expect(rules[0]!.conditions).toEqual(needed);
    expect(rules[1]!.appliesWhen).toEqual({ all: [needed] });
    // A value that happens to look like a reference is data, not a reference.
    expect(rules[1]!.conditions).toEqual({ fact: 'f', operator: 'equal', value: { condition: 'needed' } });
    // Each rule gets its own copy.
    expect(rules[0]!.conditions).not.toBe((rules[1]!.appliesWhen as { all: unknown[] }).all[0]);
  });

  it('names the rule and path of an unknown name, and refuses a name that refers to another', () => {
    const { problems } = inlineNamedConditions({
      namedConditions: { loop: { any: [{ condition: 'needed' }] }, needed },
      rules: [{ id: 'a', conditions: { all: [{ condition: 'missing' }, { condition: 'loop' }] } }],
    });
    expect(problems).toEqual([
      'rule "a" at conditions.all.0: unknown named condition "missing" (declare it under namedConditions)',
      'namedConditions.loop: a named condition may not refer to another',
    ]);
  });

  it('leaves no reference in the loaded rule set, and the rules that share one test the same thing', () => {
    const ruleSet = loadRuleSet();
    expect(JSON.stringify(ruleSet.rules)).not.toMatch(/"condition":/);
    const byId = new Map(ruleSet.rules.map((r) => [r.id, r]));
    const required = byId.get('pa2023.modification.change-notice')!;
    const late = byId.get('pa2023.notices.change-notice-after-modification')!;
    expect((late.conditions as { all: unknown[] }).all[0]).toEqual(required.conditions);
  });
});
