// Local contract procedure rules: one overlay per authority under rules/local/.
// A plan that names an overlay (authority.overlay) is judged by the law and the
// overlay's rules; without one only the law applies. Overlay rules are not in
// ruleSet.rules (the law), so their fires / does-not-fire table is here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyRules, edit, loadError } from './support/rule-dirs.js';
import { checker } from './support/checker.js';
import { merge, plan, type Patch } from './support/plans.js';
import { createChecker } from '../src/engine/checker.js';
import { loadRuleSet } from '../src/engine/rule-set.js';
import { PlanValidationError } from '../src/plan/parse.js';
import { ReportSchema } from '../src/report/schema.js';
import { renderReport } from '../src/report/render.js';
import { main } from '../src/cli/main.js';




const COVENTRY = join('local', 'coventry.json');
const NORFOLK = join('local', 'norfolk.json');

/** The base test plan (a £1m a year PSR competitive process starting 1 May 2025) decided on 15 April 2025. */
const decided = { dates: { decision: '2025-04-15' } };
const coventry = (patch: Patch = {}) => plan(merge({ authority: { overlay: 'coventry' }, ...decided }, patch));
const norfolk = (patch: Patch = {}) => plan(merge({ authority: { overlay: 'norfolk' }, ...decided }, patch));
const overThreshold = { value: { annual: 1_000_001 } };

/** overlay id -> rule id -> [a plan that fires it, a plan that does not] */
const CASES: Record<string, Record<string, [unknown, unknown]>> = {
  coventry: {
    // "In excess of £1m per annum": exactly £1m a year is not a key decision on value.
    'local.coventry.key-decision': [coventry(overThreshold), coventry()],
    'local.coventry.decision-after-procurement-start': [
      coventry(merge(overThreshold, { dates: { decision: '2025-05-02' } })),
      coventry(merge(overThreshold, { dates: { decision: '2025-05-01' } })),
    ],
    'local.coventry.permission-to-procure': [
      coventry(),
      coventry({
        route: { process: 'modification' },
        incumbent: { awardedUnder: 'psr' },
        change: { description: 'Add a post', effectiveDate: '2025-10-01', valueChange: 100_000, providedForInContract: true },
      }),
    ],
    'local.coventry.rules-not-known-then': [
      coventry({ dates: { decision: '2024-03-01', procurementStart: '2024-04-10' } }),
      coventry({ dates: { decision: '2024-03-01', procurementStart: '2024-04-11' } }),
    ],
  },
  norfolk: {
    'local.norfolk.committee-decision': [norfolk(), plan(decided)],
    'local.norfolk.decision-after-procurement-start': [norfolk({ dates: { decision: '2025-05-02' } }), norfolk({ dates: { decision: '2025-05-01' } })],
    'local.norfolk.rules-not-known-then': [
      norfolk({
        route: { regime: 'pcr2015', process: 'light-touch' },
        dates: { decision: '2017-03-01', procurementStart: '2017-03-07', awardDecision: '2017-09-01', contractSigned: '2017-10-01', contractStart: '2018-04-01' },
      }),
      norfolk({
        route: { regime: 'pcr2015', process: 'light-touch' },
        dates: { decision: '2017-03-01', procurementStart: '2017-03-08', awardDecision: '2017-09-01', contractSigned: '2017-10-01', contractStart: '2018-04-01' },
      }),
    ],
  },
};

async function fired(p: unknown): Promise<string[]> {
  const report = await checker().check(p, { untrusted: true });
  return report.findings.filter((f) => f.missingFacts.length === 0).map((f) => f.ruleId);
}

describe('the shipped overlays', () => {
  const set = loadRuleSet();

  it('are the Coventry and Norfolk examples, kept apart from the law', () => {
    expect([...set.overlays.keys()].sort()).toEqual(['coventry', 'norfolk']);
    for (const o of set.overlays.values()) {
      expect(o.example).toBe(true);
      expect(o.rules.length).toBeGreaterThan(0);
      for (const r of o.rules) {
        expect(r.regime).toBe('local');
        expect(r.id.startsWith(`local.${o.id}.`)).toBe(true);
        expect(r.citation.instrument).toMatch(/constitution|contract procedure rules/);
        expect(r.citation.url).toMatch(/^https:\/\/www\.(coventry|norfolk)\.gov\.uk\//);
      }
      for (const p of o.params) expect(p.id.startsWith(`local.${o.id}.`)).toBe(true);
    }
    expect(set.rules.some((r) => r.regime === 'local')).toBe(false);
    expect([...set.steps.keys()].some((id) => id.startsWith('local.'))).toBe(false);
    expect(set.params.has('local.coventry.key-decision-annual-gbp')).toBe(false);
  });

  it('hold the key-decision threshold the Coventry report states, as a dated parameter', () => {
    const param = set.overlays.get('coventry')!.params.find((p) => p.id === 'local.coventry.key-decision-annual-gbp')!;
    expect(param.unit).toBe('GBP');
    expect(param.values).toEqual([expect.objectContaining({ from: '2024-04-11', to: null, value: 1_000_000 })]);
  });

  it('every overlay rule has a firing and a non-firing plan here', () => {
    for (const o of set.overlays.values()) expect(Object.keys(CASES[o.id] ?? {}).sort()).toEqual(o.rules.map((r) => r.id).sort());
  });
});

describe.each(Object.entries(CASES))('overlay %s', (overlay, cases) => {
  it('a plan naming it with nothing to flag is compliant (local findings are information)', async () => {
    const report = await checker().check(overlay === 'coventry' ? coventry() : norfolk());
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.verdict).toBe('compliant');
  });

  describe.each(Object.entries(cases))('rule %s', (ruleId, [fires, quiet]) => {
    it('fires on a plan that meets it', async () => {
      expect(await fired(fires)).toContain(ruleId);
    });
    it('does not fire on a plan that does not', async () => {
      expect(await fired(quiet)).not.toContain(ruleId);
    });
  });
});

describe('checking a plan with and without an overlay', () => {
  it('without an overlay only the law applies, and the report says no overlay was applied', async () => {
    const report = await checker().check(plan(merge(overThreshold, decided)));
    expect(report.overlay).toBeNull();
    expect(report.findings.filter((f) => f.regime === 'local')).toEqual([]);
    expect(report.steps.filter((s) => s.id.startsWith('local.'))).toEqual([]);
  });

  it('with an overlay its rules are added to the law\'s, and the law\'s findings stay the same', async () => {
    const without = await checker().check(plan(merge(overThreshold, decided)));
    const withIt = await checker().check(coventry(overThreshold));
    const law = (r: typeof without) => r.findings.filter((f) => f.regime !== 'local').map((f) => f.ruleId);
    expect(law(withIt)).toEqual(law(without));
    expect(withIt.verdict).toBe(without.verdict);
    expect(withIt.findings.filter((f) => f.regime === 'local').map((f) => f.ruleId).sort()).toEqual([
      'local.coventry.key-decision',
      'local.coventry.permission-to-procure',
    ]);
    expect(withIt.overlay).toEqual({
      id: 'coventry',
      authority: 'Coventry City Council',
      example: true,
      source: expect.objectContaining({ url: 'https://www.coventry.gov.uk/council-meetings' }),
    });
    expect(ReportSchema.safeParse(withIt).success).toBe(true);
  });

  it('another authority\'s overlay is not applied', async () => {
    const ids = await fired(norfolk(overThreshold));
    expect(ids.filter((id) => id.startsWith('local.coventry.'))).toEqual([]);
    expect(ids).toContain('local.norfolk.committee-decision');
  });

  it('a key decision adds the approvals before the tender starts, dated from the plan', async () => {
    const report = await checker().check(coventry(overThreshold));
    const finding = report.findings.find((f) => f.ruleId === 'local.coventry.key-decision')!;
    expect(finding.reason).toContain('£1,000,001, more than £1,000,000 a year');
    expect(finding.citation.instrument).toContain('Coventry City Council constitution');
    const steps = report.steps.filter((s) => s.id.startsWith('local.'));
    expect(steps.map((s) => [s.id, s.due, s.dueKind])).toEqual([
      ['local.coventry.procurement-board', '2025-05-01', 'deadline'],
      ['local.coventry.scrutiny', '2025-04-15', 'deadline'],
      ['local.coventry.cabinet-approval', '2025-05-01', 'deadline'],
      ['local.coventry.delegated-award', '2025-11-03', 'deadline'],
    ]);
    // The approvals come before the first law step (the contract notice).
    const order = report.steps.map((s) => s.id);
    expect(order.indexOf('local.coventry.cabinet-approval')).toBeLessThan(order.indexOf('psr.contract-notice'));
  });

  it('a key decision with no decision date is a review naming dates.decision', async () => {
    const report = await checker().check(plan(merge(overThreshold, { authority: { overlay: 'coventry' } })));
    const finding = report.findings.find((f) => f.ruleId === 'local.coventry.decision-after-procurement-start');
    expect(finding?.severity).toBe('review');
    expect(finding?.missingFacts.map((m) => m.planPath)).toEqual(['dates.decision']);
    expect(report.verdict).toBe('review');
  });

  it('a Cabinet approval after the procurement starts is a review citing the local rules', async () => {
    const report = await checker().check(coventry(merge(overThreshold, { dates: { decision: '2025-06-01' } })));
    const finding = report.findings.find((f) => f.ruleId === 'local.coventry.decision-after-procurement-start')!;
    expect(finding.severity).toBe('review');
    expect(finding.regime).toBe('local');
    expect(finding.reason).toContain('1 June 2025, after the procurement starts on 1 May 2025');
    expect(report.verdict).toBe('review');
  });

  it('an unknown annual value is a review naming value.annual, not a silent pass', async () => {
    const report = await checker().check(coventry({ value: { annual: null, lifetime: 9_000_000 } }));
    const finding = report.findings.find((f) => f.ruleId === 'local.coventry.key-decision');
    expect(finding?.missingFacts.map((m) => m.planPath)).toEqual(['value.annual']);
  });

  it('the trace shows the overlay\'s rules only when it is applied', async () => {
    const traced = async (p: unknown) => (await checker().check(p, { trace: true, untrusted: true })).trace!.map((t) => t.ruleId);
    expect(await traced(coventry())).toContain('local.coventry.key-decision');
    expect(await traced(plan())).not.toContain('local.coventry.key-decision');
  });

  it('the text and markdown reports say which overlay was applied and that it is an example', async () => {
    const report = await checker().check(coventry(overThreshold));
    for (const format of ['text', 'markdown'] as const) {
      const out = renderReport(report, format).replace(/\s+/g, ' ');
      expect(out).toContain('Local rules: Coventry City Council (overlay "coventry")');
      expect(out).toContain('EXAMPLE only');
    }
    expect(renderReport(await checker().check(plan()), 'text')).not.toContain('Local rules:');
  });
});

describe('a plan naming an overlay that does not exist', () => {
  it('is an invalid plan naming authority.overlay and the overlays available', async () => {
    const error = await checker()
      .check(plan({ authority: { overlay: 'coventy' } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanValidationError);
    const issues = (error as PlanValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual(['authority.overlay']);
    expect(issues[0]!.message).toContain('"coventy"');
    expect(issues[0]!.message).toContain('"coventry", "norfolk"');
  });

  it('makes the CLI exit 20 with the field on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'procheck-local-plan-'));
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan({ authority: { overlay: 'nowhere' } })));
    let err = '';
    const code = await main(['check', file], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(20);
    expect(err).toContain('authority.overlay: unknown local rules overlay "nowhere"');
  });
});

describe('loading overlays', () => {
  it('a broken overlay rule is rejected with the file, the rule id and the path', () => {
    const dir = copyRules();
    edit(dir, COVENTRY, (j) => void delete j.rules[0].citation);
    const e = loadError(dir);
    expect(e.file).toBe(COVENTRY);
    expect(e.message).toContain('rule "local.coventry.key-decision" at rules.0.citation');
  });

  it('an overlay rule must be regime "local", and only overlays may use it', () => {
    const dir = copyRules();
    edit(dir, NORFOLK, (j) => void (j.rules[0].regime = 'general'));
    expect(loadError(dir).message).toContain('rule "local.norfolk.committee-decision" at rules.0.regime: an overlay\'s rules are regime "local"');
    const law = copyRules();
    edit(law, 'psr/governance.json', (j) => void (j.rules[0].regime = 'local'));
    expect(loadError(law).message).toContain('"local" is only for the overlays under rules/local/');
  });

  it('ids must carry the overlay\'s prefix, and the overlay id must be its file name', () => {
    const dir = copyRules();
    edit(dir, NORFOLK, (j) => {
      j.id = 'norwich';
      j.steps[0].id = 'norfolk.committee';
    });
    const message = loadError(dir).message;
    expect(message).toContain('overlay id "norwich" must be the file name ("norfolk")');
    expect(message).toContain('step "norfolk.committee" at steps.0.id: must start with "local.norwich."');
  });

  it('an overlay\'s parameters are for its own rules only', () => {
    const other = copyRules();
    edit(other, NORFOLK, (j) => void (j.rules[0].conditions = { fact: 'annualValue', operator: 'greaterThan', value: { param: 'local.coventry.key-decision-annual-gbp' } }));
    const e = loadError(other);
    expect(e.file).toBe(NORFOLK);
    expect(e.message).toContain('rule "local.norfolk.committee-decision" at conditions: unknown parameter "local.coventry.key-decision-annual-gbp"');

    const law = copyRules();
    edit(law, 'psr/governance.json', (j) => void (j.rules[0].conditions.value = { param: 'local.coventry.key-decision-annual-gbp' }));
    expect(loadError(law).message).toContain('unknown parameter "local.coventry.key-decision-annual-gbp"');
  });

  it('an unknown fact or step in an overlay is rejected naming it', () => {
    const dir = copyRules();
    edit(dir, COVENTRY, (j) => {
      j.rules[0].conditions = { fact: 'anualValue', operator: 'greaterThan', value: 0 };
      j.rules[0].steps = ['local.coventry.cabinet'];
    });
    const message = loadError(dir).message;
    expect(message).toContain('unknown fact "anualValue"');
    expect(message).toContain('unknown step "local.coventry.cabinet"');
  });

  it('the rule-set version changes when an overlay changes, or one is added', () => {
    const dir = copyRules();
    const before = loadRuleSet(dir).version;
    edit(dir, COVENTRY, (j) => void (j.params[1].values[0].value = 2_000_000));
    const changed = loadRuleSet(dir).version;
    expect(changed).not.toBe(before);
    writeFileSync(join(dir, 'local', 'test.json'), JSON.stringify({ id: 'test', authority: 'Test Council', example: true, source: { document: 'x' } }));
    expect(loadRuleSet(dir).version).not.toBe(changed);
  });
});

describe('an overlay with a maximum total term (the format beyond the shipped examples)', () => {
  // Neither seed report states a maximum term, so no shipped overlay has one; this
  // test overlay shows the format and that a breach is non-compliant with the local rules.
  const dir = copyRules();
  writeFileSync(
    join(dir, 'local', 'test-council.json'),
    JSON.stringify({
      id: 'test-council',
      authority: 'Test Council',
      example: true,
      source: { document: 'Test Council contract procedure rules', section: 'rule 9' },
      params: [
        {
          id: 'local.test-council.max-term-months',
          title: 'Maximum total term of a contract, every option included',
          unit: 'months',
          source: { instrument: 'Test Council contract procedure rules', provision: 'rule 9', url: 'https://www.gov.uk/' },
          values: [{ from: '2020-01-01', value: 84 }],
        },
      ],
      rules: [
        {
          id: 'local.test-council.max-term',
          title: 'The maximum term is longer than the contract procedure rules allow',
          regime: 'local',
          severity: 'non-compliant',
          citation: { instrument: 'Test Council contract procedure rules', provision: 'rule 9', url: 'https://www.gov.uk/' },
          conditions: { fact: 'maxTermMonths', operator: 'greaterThan', value: { param: 'local.test-council.max-term-months' } },
          reason: 'With every option the contract runs {{maxTermMonths|months}}, more than the {{param:local.test-council.max-term-months|months}} the rules allow.',
        },
      ],
    }),
  );
  const local = createChecker(loadRuleSet(dir));
  const named = (patch: Patch) => plan(merge({ authority: { overlay: 'test-council' } }, patch));

  it('is non-compliant with the local rules over the limit, and silent at it', async () => {
    // The base plan runs 60 + 24 = 84 months.
    const over = await local.check(named({ term: { extensions: [{ months: 36, exercise: 'authority-option', statedInContract: true }] } }));
    const finding = over.findings.find((f) => f.ruleId === 'local.test-council.max-term')!;
    expect(finding.severity).toBe('non-compliant');
    expect(finding.reason).toContain('96 months, more than the 84 months');
    expect(over.verdict).toBe('non-compliant');
    const at = await local.check(named({}));
    expect(at.findings.map((f) => f.ruleId)).not.toContain('local.test-council.max-term');
    expect(at.verdict).toBe('compliant');
  });

  it('applies only to plans that name it', async () => {
    const report = await local.check(plan({ term: { extensions: [{ months: 36, exercise: 'authority-option', statedInContract: true }] } }));
    expect(report.findings.map((f) => f.ruleId)).not.toContain('local.test-council.max-term');
  });
});

describe('procheck rules', () => {
  it('lists the overlays with their rules', async () => {
    let out = '';
    expect(await main(['rules', '--format', 'json'], { out: (t) => (out += t), err: () => {} })).toBe(0);
    const json = JSON.parse(out);
    expect(json.overlays.map((o: { id: string }) => o.id)).toEqual(['coventry', 'norfolk']);
    expect(json.overlays[0]).toMatchObject({ authority: 'Coventry City Council', example: true, file: COVENTRY });
    expect(json.overlays[0].rules.map((r: { id: string }) => r.id)).toContain('local.coventry.key-decision');
    expect(json.rules.some((r: { regime: string }) => r.regime === 'local')).toBe(false);

    let text = '';
    await main(['rules'], { out: (t) => (text += t), err: () => {} });
    expect(text).toContain('coventry: Coventry City Council (EXAMPLE');
    expect(text).toContain('local.norfolk.committee-decision  [local, info]');
  });
});
