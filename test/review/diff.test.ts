// `procheck diff <old> <new>`: what a lawyer approves when the rule set changes.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { diffCommand } from '../../src/cli/review-commands.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { DEFAULT_RULES_DIR } from '../../src/engine/rule-set.js';
import type { RuleSetDiff } from '../../src/review/rule-set-diff.js';
import { copyRules, edit } from '../support/rule-dirs.js';

function diff(...args: string[]) {
  let out = '';
  let err = '';
  const code = diffCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A copy of the shipped rules with one rule's severity, one parameter's value, a rule added and a rule removed. */
function changedRules(): string {
  const dir = copyRules();
  edit(dir, 'psr/processes.json', (json) => {
    const rules = json.rules as { id: string; severity: string; citation: unknown }[];
    rules.find((r) => r.id === 'psr.competitive.process')!.severity = 'review';
    const [removed] = rules.splice(rules.findIndex((r) => r.id === 'psr.direct-award-a.no-incumbent'), 1);
    rules.push({
      id: 'psr.test.added',
      title: 'An added rule',
      regime: 'psr',
      severity: 'review',
      citation: removed!.citation,
      conditions: { fact: 'annualValue', operator: 'greaterThan', value: { param: 'psr.considerable-change.min-increase-gbp' } },
      reason: 'Added for the test.',
    } as never);
  });
  edit(dir, 'params/psr.json', (json) => {
    json.params.find((p: { id: string }) => p.id === 'psr.considerable-change.min-increase-gbp').values[0].value = 600_000;
  });
  return dir;
}

describe('procheck diff', () => {
  const dir = changedRules();

  it('names exactly the rules added, removed and changed, and the parameter changed (exit 1)', () => {
    const { code, out } = diff(DEFAULT_RULES_DIR, dir, '--format', 'json');
    expect(code).toBe(1);
    const d = JSON.parse(out) as RuleSetDiff;
    expect(d.identical).toBe(false);
    expect(d.old.version).not.toBe(d.new.version);
    expect(d.rules.added.map((r) => r.id)).toEqual(['psr.test.added']);
    expect(d.rules.removed.map((r) => r.id)).toEqual(['psr.direct-award-a.no-incumbent']);
    expect(d.rules.changed.map((r) => r.id)).toEqual(['psr.competitive.process']);
    expect(d.rules.changed[0]!.parts).toEqual([{ part: 'severity', before: ['info'], after: ['review'] }]);
    expect(d.params.added).toEqual([]);
    expect(d.params.removed).toEqual([]);
    expect(d.params.changed.map((p) => p.id)).toEqual(['psr.considerable-change.min-increase-gbp']);
    expect(d.params.changed[0]!.values).toEqual([
      { from: '2024-01-01', before: 'from 1 January 2024: £500,000', after: 'from 1 January 2024: £600,000' },
    ]);
    expect(d.params.changed[0]!.readBy).toContain('psr.test.added');
    expect(d.steps).toEqual({ added: [], removed: [], changed: [] });
    expect(d.overlays).toEqual({ added: [], removed: [], changed: [] });
    expect(d.calendar).toEqual([]);
    expect(d.changeCount).toBe(4);
  });

  it('text and md show the versions, each change, and the added rule in words', () => {
    const text = diff(DEFAULT_RULES_DIR, dir).out;
    expect(text).toMatch(/old: .* sha256:[0-9a-f]{16}/);
    expect(text).toContain('4 changes.');
    expect(text).toContain('+ psr.test.added');
    expect(text).toContain('- psr.direct-award-a.no-incumbent');
    expect(text).toContain('severity: info -> review');
    expect(text).toContain('before: from 1 January 2024: £500,000');
    expect(text).toContain('after:  from 1 January 2024: £600,000');
    expect(text).toContain('Estimated annual value (GBP) is more than £600,000');
    const md = diff(DEFAULT_RULES_DIR, dir, '--format', 'md').out;
    expect(md).toContain('## Rules added (1)');
    expect(md).toContain('## Rules removed (1)');
    expect(md).toContain('## Rules changed (1)');
    expect(md).toContain('| 1 January 2024 | from 1 January 2024: £500,000 | from 1 January 2024: £600,000 |');
  });

  it('a changed test is shown in words before and after', () => {
    const other = copyRules();
    edit(other, 'psr/processes.json', (json) => {
      const r = json.rules.find((x: { id: string }) => x.id === 'psr.competitive.process');
      r.conditions = { any: [r.conditions, { fact: 'hasIncumbent', operator: 'equal', value: true }] };
    });
    const d = JSON.parse(diff(DEFAULT_RULES_DIR, other, '--format', 'json').out) as RuleSetDiff;
    expect(d.rules.changed[0]!.parts).toEqual([
      {
        part: 'conditions',
        before: ['- Award process, procedure or change is “competitive”'],
        after: ['- Any of these:', '  - Award process, procedure or change is “competitive”', '  - There is an existing contract and provider: yes'],
      },
    ]);
  });

  it('overlays, steps and the bank-holiday calendar are compared too', () => {
    const other = copyRules();
    edit(other, 'local/norfolk.json', (json) => {
      json.authority = 'Norfolk County Council (renamed)';
    });
    edit(other, 'psr/steps.json', (json) => {
      json.steps[0].title = 'A retitled step';
    });
    edit(other, 'params/bank-holidays.json', (json) => {
      json.regions['england-and-wales'].shift();
    });
    const d = JSON.parse(diff(DEFAULT_RULES_DIR, other, '--format', 'json').out) as RuleSetDiff;
    expect(d.overlays.changed.map((o) => [o.id, o.parts.map((p) => p.part)])).toEqual([['norfolk', ['authority']]]);
    expect(d.steps.changed.map((s) => s.parts.map((p) => p.part))).toEqual([['title']]);
    expect(d.calendar.map((c) => [c.region, c.added.length, c.removed.length])).toEqual([['england-and-wales', 0, 1]]);
    expect(d.rules).toEqual({ added: [], removed: [], changed: [] });
  });

  it('identical rule sets: exit 0 and "no changes"', () => {
    const { code, out } = diff(DEFAULT_RULES_DIR, copyRules());
    expect(code).toBe(0);
    expect(out).toMatch(/No changes: the two rule sets are identical \(version sha256:[0-9a-f]{16}\)/);
  });

  it('a broken rule set exits 22, naming the side, file and rule', () => {
    const broken = copyRules();
    edit(broken, 'psr/governance.json', (json) => {
      json.rules[1].conditions.fact = 'recordKept';
    });
    const { code, err } = diff(DEFAULT_RULES_DIR, broken);
    expect(code).toBe(22);
    expect(err).toContain('new rule set');
    expect(err).toContain('governance.json');
    expect(err).toContain('unknown fact "recordKept"');
    const missingCalendar = copyRules();
    rmSync(join(missingCalendar, 'params', 'bank-holidays.json'));
    expect(diff(missingCalendar, DEFAULT_RULES_DIR).code).toBe(22);
  });

  it('bad usage: not two directories, or an unknown format', () => {
    expect(() => diff(DEFAULT_RULES_DIR)).toThrow(UsageError);
    expect(() => diff(DEFAULT_RULES_DIR, '/no/such/dir')).toThrow(UsageError);
    expect(() => diff(DEFAULT_RULES_DIR, DEFAULT_RULES_DIR, '--format', 'html')).toThrow(UsageError);
  });
});

describe('procheck diff: a rule’s voices are part of the rule (issue 19)', () => {
  const voiced = () => {
    const dir = copyRules();
    edit(dir, 'psr/processes.json', (json) => {
      const rules = json.rules as Record<string, unknown>[];
      const ccv = rules.find((r) => r.id === 'psr.direct-award-c.considerable-change-value')! as { holds: { text: string }[]; openTitle: string };
      ccv.holds[2]!.text = 'The considerable change test is not met: the rise of {{lifetimeValueIncrease|gbp}} is below both limits.';
      ccv.openTitle = 'Is the rise in lifetime value the authority’s doing, and large enough to rule out direct award C?';
      (rules.find((r) => r.id === 'psr.competitive.process') as { shows: string }).shows = 'finding';
    });
    edit(dir, 'psr/standstill.json', (json) => {
      const r = json.rules.find((x: { id: string }) => x.id === 'psr.standstill.contract-too-early');
      r.asCondition = 'so that the standstill has ended: PSR regulation 12';
    });
    return dir;
  };
  const dir = voiced();

  it('a changed question, condition, reason it holds or way of showing is a change to the rule', () => {
    const { code, out } = diff(DEFAULT_RULES_DIR, dir, '--format', 'json');
    expect(code).toBe(1);
    const d = JSON.parse(out) as RuleSetDiff;
    const parts = Object.fromEntries(d.rules.changed.map((r) => [r.id, r.parts.map((p) => p.part)]));
    expect(parts).toEqual({
      'psr.direct-award-c.considerable-change-value': ['openTitle', 'holds'],
      'psr.competitive.process': ['shows'],
      'psr.standstill.contract-too-early': ['asCondition'],
    });
    expect(d.changeCount).toBe(3);
    const holds = d.rules.changed.find((r) => r.id === 'psr.direct-award-c.considerable-change-value')!.parts.find((p) => p.part === 'holds')!;
    // Only the reason that changed, before and after, with the condition that chooses it in words.
    expect(holds.before[0]).toMatch(/^- reason 3: “The considerable change test is not met: the lifetime value rises by \{\{lifetimeValueIncrease\|gbp\}\}, from/);
    expect(holds.after[0]).toBe('- reason 3: “The considerable change test is not met: the rise of {{lifetimeValueIncrease|gbp}} is below both limits.”');
    expect(holds.after).toContain('  - when: All of these:');
    expect(holds.after.some((l) => l.includes('is less than £500,000'))).toBe(true);
    expect(holds.before.some((l) => l.startsWith('- reason 1'))).toBe(false);
    const shows = d.rules.changed.find((r) => r.id === 'psr.competitive.process')!.parts[0]!;
    expect(shows.before[0]).toMatch(/^steps \(how the route runs/);
    expect(shows.after[0]).toMatch(/^finding/);
  });

  it('text and md name each in words, before and after', () => {
    const text = diff(DEFAULT_RULES_DIR, dir).out;
    expect(text).toContain('changed: the question when the plan leaves it open (openTitle), why the route holds (holds)');
    expect(text).toContain('-> Is the rise in lifetime value the authority’s doing, and large enough to rule out direct award C?');
    expect(text).toMatch(/why the route holds \(holds\):\n\s+before:\n\s+- reason 3: /);
    expect(text).toContain('the condition on the authority’s act (asCondition): so that the standstill after the notice of intention to award has ended');
    const md = diff(DEFAULT_RULES_DIR, dir, '--format', 'md').out;
    expect(md).toContain('- **why the route holds (holds)**');
    expect(md).toMatch(/ {2}- after:\n {4}- reason 3: “The considerable change test is not met: the rise of \{\{lifetimeValueIncrease\\\|gbp\}\} is below both limits\.”\n {6}- when: All of these:/);
  });

  it('a reason added or removed shows as none on the other side; what to do instead counts too', () => {
    const other = copyRules();
    edit(other, 'psr/processes.json', (json) => {
      const r = json.rules.find((x: { id: string }) => x.id === 'psr.direct-award-c.considerable-change-value');
      r.holds.push({ text: 'A sixth reason.' });
      r.instead.what = 'run the competitive process (reg 11)';
    });
    const d = JSON.parse(diff(DEFAULT_RULES_DIR, other, '--format', 'json').out) as RuleSetDiff;
    const parts = d.rules.changed[0]!.parts;
    expect(parts.map((p) => p.part)).toEqual(['holds', 'instead']);
    expect(parts[0]!.before).toEqual(['- reason 6: (none)']);
    expect(parts[0]!.after).toEqual(['- reason 6: “A sixth reason.”', '  - otherwise']);
  });

  it('an added rule shows its question, its condition and why the route holds', () => {
    const other = copyRules();
    edit(other, 'psr/processes.json', (json) => {
      const base = json.rules.find((x: { id: string }) => x.id === 'psr.direct-award-c.considerable-change-value');
      json.rules.push({ ...base, id: 'psr.test.voiced', instead: undefined });
    });
    const text = diff(DEFAULT_RULES_DIR, other).out;
    expect(text).toContain('+ psr.test.voiced');
    expect(text).toContain('Left open, it asks: Does the lifetime value rise, by the authority\'s decision, by both the amount and the share that rule out direct award C?');
    expect(text).toContain('Why the route holds:');
    expect(text).toContain('when: Changes from the existing contract are attributable to the authority\'s decision: no');
  });
});
