// Plain English for rule conditions: what a lawyer reads instead of JSON.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { ParamTable } from '../../src/law/params.js';
import type { ConditionT } from '../../src/engine/rule-schema.js';
import { describeCondition, OPERATOR_WORDS, phraseLines, type Phrase } from '../../src/review/describe-condition.js';
import { ruleViews } from '../../src/review/rule-view.js';
import { Operator } from '../../src/engine/rule-schema.js';

const params = new ParamTable([
  {
    id: 'test.limit-gbp',
    title: 'Test limit',
    unit: 'GBP',
    appliesBy: 'procurementStart',
    source: { instrument: 'Test Act', provision: 's.1', url: 'https://example.org/s1' },
    values: [{ from: '2020-01-01', to: null, value: 250_000 }],
  },
  {
    id: 'test.dated-gbp',
    title: 'Dated limit',
    unit: 'GBP',
    appliesBy: 'procurementStart',
    source: { instrument: 'Test Act', provision: 's.2', url: 'https://example.org/s2' },
    values: [
      { from: '2020-01-01', to: '2021-12-31', value: 100 },
      { from: '2022-01-01', to: null, value: 120 },
    ],
  },
]);

const say = (c: ConditionT) => describeCondition(c, params);
const text = (c: ConditionT) => phraseLines(say(c), '', false).join('\n');

describe('each operator in words', () => {
  it.each([
    [{ fact: 'process', operator: 'equal', value: 'competitive' }, 'Award process, procedure or change is “competitive”'],
    [{ fact: 'process', operator: 'notEqual', value: 'competitive' }, 'Award process, procedure or change is not “competitive”'],
    [{ fact: 'process', operator: 'in', value: ['open', 'restricted', 'light-touch'] }, 'is one of “open”, “restricted” or “light-touch”'],
    [{ fact: 'process', operator: 'notIn', value: ['open', 'restricted'] }, 'is not one of “open” or “restricted”'],
    [{ fact: 'process', operator: 'in', value: ['open'] }, 'Award process, procedure or change is “open”'],
    [{ fact: 'annualValue', operator: 'lessThan', value: 1000 }, 'Estimated annual value (GBP) is less than £1,000'],
    [{ fact: 'annualValue', operator: 'lessThanInclusive', value: 1000 }, 'is at most £1,000'],
    [{ fact: 'annualValue', operator: 'greaterThan', value: 1000 }, 'is more than £1,000'],
    [{ fact: 'annualValue', operator: 'greaterThanInclusive', value: { param: 'test.limit-gbp' } }, 'Estimated annual value (GBP) is at least £250,000, the parameter “Test limit” (test.limit-gbp)'],
    [{ fact: 'initialTermMonths', operator: 'greaterThan', value: 0 }, 'Initial term (months) is more than 0 months'],
    [{ fact: 'decisionDate', operator: 'dateBefore', value: '2024-01-01' }, 'Date of the decision to proceed is before 1 January 2024'],
    [{ fact: 'decisionDate', operator: 'dateOnOrBefore', value: '2024-01-01' }, 'is on or before 1 January 2024'],
    [{ fact: 'decisionDate', operator: 'dateAfter', value: { fact: 'procurementStart' } }, 'Date of the decision to proceed is after the date the procurement starts'],
    [{ fact: 'decisionDate', operator: 'dateOnOrAfter', value: '2024-01-01' }, 'is on or after 1 January 2024'],
    [{ fact: 'decisionDate', operator: 'isUnknown', value: true }, 'Date of the decision to proceed is not known (the plan does not state it)'],
    [{ fact: 'decisionDate', operator: 'isKnown', value: true }, 'Date of the decision to proceed is known (the plan states it)'],
    [{ fact: 'hasIncumbent', operator: 'equal', value: false }, 'There is an existing contract and provider: no'],
    [{ fact: 'hasIncumbent', operator: 'notEqual', value: true }, 'There is an existing contract and provider: not yes (no, or not known)'],
    [{ fact: 'healthCareShare', operator: 'greaterThan', value: 0.5 }, 'Share of the value that is health care services (0-1) is more than 50%'],
    [{ fact: 'annualValue', operator: 'equal', value: null }, 'Estimated annual value (GBP) is not known'],
  ] as [ConditionT, string][])('%j', (c, expected) => {
    expect(text(c)).toContain(expected);
  });

  it('every operator the rule schema allows has words', () => {
    for (const op of Operator.options) expect(OPERATOR_WORDS[op]).toBeTruthy();
  });

  it('names the plan field a test reads', () => {
    expect(say({ fact: 'process', operator: 'equal', value: 'open' }).planPath).toBe('route.process');
  });

  it('a parameter that changed over time says which value counts and the latest', () => {
    const t = text({ fact: 'annualValue', operator: 'lessThan', value: { param: 'test.dated-gbp' } });
    expect(t).toContain('the value in force on the date the procurement starts of the parameter “Dated limit” (test.dated-gbp)');
    expect(t).toContain('£120 from 1 January 2022, 1 earlier value');
  });

  it('a compiled parameter reference (as in the trace) reads the same', () => {
    const compiled = describeCondition({ fact: 'annualValue', operator: 'lessThan', value: { fact: 'param', params: { id: 'test.limit-gbp' } } }, params);
    expect(compiled.text).toBe(say({ fact: 'annualValue', operator: 'lessThan', value: { param: 'test.limit-gbp' } }).text);
  });
});

describe('nested all / any / not', () => {
  const nested: ConditionT = {
    all: [
      { fact: 'process', operator: 'equal', value: 'competitive' },
      {
        any: [
          { fact: 'hasIncumbent', operator: 'equal', value: true },
          { not: { any: [{ fact: 'framework', operator: 'equal', value: true }, { fact: 'lightTouch', operator: 'equal', value: true }] } },
        ],
      },
      { not: { all: [{ fact: 'hasUrgency', operator: 'equal', value: true }, { fact: 'urgencyForeseeable', operator: 'equal', value: false }] } },
      { not: { fact: 'hasChange', operator: 'equal', value: true } },
    ],
  };

  it('become indented lists', () => {
    expect(phraseLines(say(nested), '', false)).toEqual([
      '- All of these:',
      '  - Award process, procedure or change is “competitive”',
      '  - Any of these:',
      '    - There is an existing contract and provider: yes',
      '    - None of these:',
      '      - The award concludes a framework agreement: yes',
      '      - The contract is wholly or mainly for light-touch services (PCR 2015 Sch 3; Procurement Regulations 2024 Sch 1): yes',
      '  - Not all of these:',
      '    - The plan relies on urgency: yes',
      '    - The urgency was foreseeable by the authority: no',
      '  - Not this:',
      '    - The plan describes a change to an existing contract: yes',
    ]);
  });

  it('a one-item all or any is just its item', () => {
    expect(say({ all: [{ fact: 'process', operator: 'equal', value: 'open' }] }).children).toBeUndefined();
  });
});

describe('the shipped rule set in words', () => {
  const ruleSet = loadRuleSet();
  const views = ruleViews(ruleSet);
  // "in" and "equal" are English words too: the camel-case names are the ones that only code uses.
  const raw = new RegExp(`\\b(${Operator.options.filter((o) => /[A-Z]/.test(o)).join('|')})\\b`);
  const all = (p: Phrase): string[] => [p.text, ...(p.children ?? []).flatMap(all)];

  it('covers every rule, overlays included', () => {
    const overlayRules = [...ruleSet.overlays.values()].flatMap((o) => o.rules);
    expect(new Set(views.map((v) => v.id))).toEqual(new Set([...ruleSet.rules, ...overlayRules].map((r) => r.id)));
    expect(views.length).toBe(ruleSet.rules.length + overlayRules.length);
  });

  it.each(views.map((v) => [v.id, v] as const))('%s reads without operator names, undefined or [object Object]', (_id, v) => {
    const texts = [
      ...(v.appliesWhen ? all(v.appliesWhen) : []),
      ...all(v.conditions),
      ...v.params.flatMap((p) => p.periods.map((x) => x.valueText)),
      v.runsFor,
      ...v.requires.map((r) => r.description),
    ];
    for (const t of texts) {
      expect(t).not.toMatch(raw);
      expect(t).not.toContain('is compared (');
      expect(t).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b|\bnull\b/);
    }
  });
});
