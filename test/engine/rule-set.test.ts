import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyRules, edit, loadError } from '../support/rule-dirs.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';




describe('loading the rule set', () => {
  it('loads the shipped rules, steps and parameters', () => {
    const set = loadRuleSet();
    expect(set.rules.length).toBeGreaterThan(40);
    expect(set.steps.has('psr.standstill-representations')).toBe(true);
    expect(set.params.valueOn('psr.standstill.working-days', '2025-06-02')).toBe(8);
    expect(set.version).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('every rule and step carries a citation with an instrument, a provision and a link', () => {
    const set = loadRuleSet();
    for (const c of [...set.rules.map((r) => r.citation), ...[...set.steps.values()].map((s) => s.citation)]) {
      expect(c.instrument.length).toBeGreaterThan(5);
      expect(c.provision.length).toBeGreaterThan(1);
      expect(c.url).toMatch(/^https:\/\/www\.(legislation\.)?gov\.uk\//);
    }
  });

  it('every parameter has a source and non-overlapping dated periods', () => {
    for (const p of loadRuleSet().params.all()) {
      expect(p.source.url).toMatch(/^https:\/\//);
      for (let i = 1; i < p.values.length; i++) expect(p.values[i - 1]!.to! < p.values[i]!.from).toBe(true);
    }
  });

  it('the version changes when any rule file changes', () => {
    const dir = copyRules();
    const before = loadRuleSet(dir).version;
    edit(dir, 'psr/governance.json', (j) => void (j.rules[0].title += '.'));
    expect(loadRuleSet(dir).version).not.toBe(before);
  });

  it('a rule without a citation is rejected with its file, id and path', () => {
    const dir = copyRules();
    edit(dir, 'psr/governance.json', (j) => void delete j.rules[2].citation);
    const e = loadError(dir);
    expect(e.file).toBe(join('psr', 'governance.json'));
    expect(e.message).toContain('rule "psr.governance.key-criteria-not-considered" at rules.2.citation');
  });

  it('a reading (what the law requires on one reading of the facts) naming an unknown fact or parameter is rejected, naming the reading', () => {
    const dir = copyRules();
    edit(dir, 'pa2023/procedures.json', (j) => {
      const rule = j.rules.find((r: { id: string }) => r.id === 'pa2023.procedure.tendering-period-too-short');
      rule.readings[0].when = { fact: 'electronicTender', operator: 'equal', value: true };
      rule.readings[1].text = 'At least {{param:pa2023.tendering-period.min-days.nope|days}}.';
    });
    const e = loadError(dir);
    expect(e.message).toContain('rule "pa2023.procedure.tendering-period-too-short" at readings.0.when: unknown fact "electronicTender"');
    expect(e.message).toContain('rule "pa2023.procedure.tendering-period-too-short" at readings.1.text: unknown parameter "pa2023.tendering-period.min-days.nope"');
  });

  it('an unknown fact, parameter or step is rejected naming it', () => {
    const dir = copyRules();
    edit(dir, 'tupe/tupe.json', (j) => {
      j.rules[0].conditions.fact = 'staffAsigned';
      j.rules[2].conditions.value = { param: 'tupe.eli.days' };
      j.rules[3].steps = ['tupe.pension'];
    });
    const e = loadError(dir);
    expect(e.message).toContain('unknown fact "staffAsigned"');
    expect(e.message).toContain('unknown parameter "tupe.eli.days"');
    expect(e.message).toContain('unknown step "tupe.pension"');
  });

  it('a duplicated rule id is rejected', () => {
    const dir = copyRules();
    edit(dir, 'psr/governance.json', (j) => void j.rules.push(j.rules[0]));
    expect(loadError(dir).message).toContain('"psr.governance.conflicts-not-managed" is also defined');
  });

  it('a file that is not JSON is rejected with its name', () => {
    const dir = copyRules();
    edit(dir, 'terms/terms.json', () => '{ "rules": [');
    const e = loadError(dir);
    expect(e.file).toBe(join('terms', 'terms.json'));
    expect(e.message).toContain('not valid JSON');
  });

  it('an undefined placeholder in a reason is rejected', () => {
    const dir = copyRules();
    edit(dir, 'psr/governance.json', (j) => void (j.rules[0].reason += ' {{conflictsDeclared}}'));
    expect(loadError(dir).message).toContain('unknown fact "conflictsDeclared"');
  });
});

describe('one answer: every date a plan can miss has a rule that reports it', () => {
  it('each step whose plan date can miss its date names the rules that report the miss (missedBy)', () => {
    const ruleSet = loadRuleSet();
    const steps = [...ruleSet.steps.values(), ...[...ruleSet.overlays.values()].flatMap((o) => o.steps)];
    // A step timed on the plan's own date for it (e.g. "enter into the contract", on the contract date) cannot be missed.
    const canMiss = steps.filter((s) => {
      const t = s.timing;
      if (!s.planDate || !t) return false;
      const onOwnDate = s.planDate.length === 1 && t.anchor === s.planDate[0] && !t.amount && !t.amountFact && !t.until && !t.plusDays && !t.startsDayAfterAnchor;
      return !onOwnDate || s.window !== undefined;
    });
    expect(canMiss.length).toBeGreaterThan(5);
    expect(canMiss.filter((s) => !s.missedBy).map((s) => s.id)).toEqual([]);
  });

  it('a missedBy naming no rule is rejected', () => {
    const dir = copyRules();
    edit(dir, 'psr/steps.json', (j) => void (j.steps.find((s: { id: string }) => s.id === 'psr.standstill-end').missedBy = ['psr.standstill.contract-too-soon']));
    expect(loadError(dir).message).toContain('step "psr.standstill-end" at missedBy.0: unknown rule "psr.standstill.contract-too-soon"');
  });
});

describe('the snapshot of the shipped rule set (used by the compiled command)', () => {
  it('gives back the rule set it was written from, and the same reports; a changed rule file (another version) ignores it', async () => {
    const { readSnapshot, writeSnapshot } = await import('../../src/engine/rule-set-snapshot.js');
    const { createChecker } = await import('../../src/engine/checker.js');
    const { SHIPPED_PLANS } = await import('../support/fuzz.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const set = loadRuleSet();
    const file = join(mkdtempSync(join(tmpdir(), 'procheck-snapshot-')), 'rule-set.snapshot.json');
    writeSnapshot(set, file);
    expect(readSnapshot(set.version, file, false)).toBeNull();
    expect(readSnapshot('sha256:0000000000000000', file, true)).toBeNull();
    const snap = readSnapshot(set.version, file, true)!;
    expect(snap.rules.length).toBe(set.rules.length);
    const [a, b] = [createChecker(set), createChecker(snap)];
    for (const plan of SHIPPED_PLANS) expect(await b.check(plan, { untrusted: true })).toEqual(await a.check(plan, { untrusted: true }));
  });
});
