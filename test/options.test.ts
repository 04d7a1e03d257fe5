// The options appraisal (issue 13): each column is an ordinary check, the
// ranking sorts what the checks found, and the seed reports' option sets
// come out as a lawyer would expect.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { SHIPPED_PLANS } from './support/fuzz.js';
import { planArbitrary } from './support/arbitrary.js';
import { plan as psrPlan } from './support/plans.js';
import { compareOptions, compareRoutes } from '../src/options/compare.js';
import { OptionsReportSchema, type OptionsReport } from '../src/options/schema.js';
import { OPTIONS_FORMATS, renderOptions } from '../src/options/render.js';
import { PlanValidationError } from '../src/plan/parse.js';
import { main } from '../src/cli/main.js';

const CASES = join(import.meta.dirname, '..', 'cases');
const readCase = (file: string) => JSON.parse(readFileSync(join(CASES, file), 'utf8'));
const STANDING_ORDER = ['lawful-and-mandatory', 'lawful', 'lawful-if', 'not-lawful'];

/** The promises every appraisal keeps, whatever the plan. */
async function expectSound(plan: unknown, report: OptionsReport) {
  expect(OptionsReportSchema.safeParse(report).success).toBe(true);
  const own = report.options.find((o) => o.isPlansOwnRoute)!;
  // The plan's own route has the verdict `procheck check` gives the plan.
  expect(own.verdict).toBe((await checker().check(plan, { untrusted: true })).verdict);
  // Recommendation order: by standing, a mandatory route first of all.
  const ranks = report.options.map((o) => STANDING_ORDER.indexOf(o.standing));
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  if (report.options.some((o) => o.mandatory === true && o.verdict === 'compliant')) expect(report.options[0]!.mandatory).toBe(true);
  // No route is called lawful while a finding in its own column says otherwise.
  for (const o of report.options) {
    if (o.standing === 'lawful' || o.standing === 'lawful-and-mandatory') {
      expect(o.verdict).toBe('compliant');
      expect(o.deciding).toEqual([]);
    }
    if (o.standing === 'not-lawful') expect(o.deciding.some((d) => d.severity === 'non-compliant' || d.severity === 'out-of-scope')).toBe(true);
  }
  expect(report.options.map((o) => o.rank)).toEqual(report.options.map((_, i) => i + 1));
}

describe('procheck options: every route of a plan, side by side', () => {
  it('on every shipped plan (not in lots): the own route agrees with check, the order and the columns keep their promises', async () => {
    for (const plan of SHIPPED_PLANS.filter((p) => !p.lots)) await expectSound(plan, await compareRoutes(checker(), plan, { untrusted: true }));
  }, 120_000);

  it('on generated plans, the same', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        let report;
        try {
          report = await compareRoutes(checker(), plan);
        } catch (e) {
          if (e instanceof PlanValidationError) return;
          throw e;
        }
        await expectSound(plan, report);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a mandatory route comes first: direct award A where only the incumbent can provide the services (PSR reg 6(3))', async () => {
    const plan = psrPlan({ route: { process: 'competitive' }, directAward: { onlyProviderCapable: true } });
    const report = await compareRoutes(checker(), plan);
    expect(report.options[0]).toMatchObject({ route: { process: 'direct-award-a' }, mandatory: true });
    expect(report.options.find((o) => o.route.process === 'competitive')).toMatchObject({ standing: 'not-lawful' });
    const plain = await compareRoutes(checker(), psrPlan());
    expect(plain.options.find((o) => o.route.process === 'direct-award-a')!.mandatory).toBe(false);
  });

  it('a new award and a change can fall under different regimes: each route is judged under its own', async () => {
    const report = await compareRoutes(checker(), readCase('northants-2023-adult-treatment-extension.json'));
    expect(report.options.find((o) => o.route.process === 'extension')!.route.regime).toBe('psr');
    expect(report.options.find((o) => o.route.process === 'open')!.route.regime).toBe('pcr2015');
    expect(report.options.some((o) => o.route.process === 'competitive')).toBe(false);
  });

  it('renders in every format; refuses a plan in lots, and fewer than two options, naming the field', async () => {
    const report = await compareRoutes(checker(), readCase('coventry-2024-competitive.json'));
    for (const f of OPTIONS_FORMATS) expect(renderOptions(report, f).length).toBeGreaterThan(100);
    expect(renderOptions(report, 'text')).toMatch(/#\s+Option\s+Verdict\s+Standing\s+Mandatory/);
    await expect(compareRoutes(checker(), readCase('example-pcr2015-2023-lots-small-lot.json'))).rejects.toThrow(/compare the routes lot by lot/);
    await expect(compareOptions(checker(), [readCase('coventry-2024-competitive.json')])).rejects.toThrow(/at least two options/);
    await expect(compareOptions(checker(), [readCase('coventry-2024-competitive.json'), { id: 'x' }])).rejects.toThrow(/options\.1\./);
  });

  it('the CLI: one plan gives its routes, several give the options compared (exit 0), a bad plan exits 20', async () => {
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => {} };
    expect(await main(['options', join(CASES, 'coventry-2024-competitive.json'), '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out).kind).toBe('routes');
    out = '';
    expect(await main(['options', join(CASES, 'norfolk-2017-option1-extend-6-months.json'), join(CASES, 'norfolk-2017-option2-extend-redesign.json'), '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out).kind).toBe('options');
    expect(await main(['options', join(CASES, 'coventry-2024-competitive.expected.json')], io)).toBe(20);
  });
});

describe('the seed reports\' option sets (cases/options)', () => {
  const sets = readdirSync(join(CASES, 'options'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: f, set: JSON.parse(readFileSync(join(CASES, 'options', f), 'utf8')) }));

  it('there are the three seed appraisals the issue names', () => {
    expect(sets.map((s) => s.set.id).sort()).toEqual(expect.arrayContaining(['coventry-2024', 'norfolk-2017', 'northants-2023-case-management']));
  });

  it.each(sets)('$file: the comparison a lawyer expects', async ({ set }) => {
    expect(set.explanation.length).toBeGreaterThan(100);
    const report = set.plan ? await compareRoutes(checker(), readCase(set.plan)) : await compareOptions(checker(), set.options.map(readCase));
    const key = (o: OptionsReport['options'][number]) => (set.plan ? o.route.process : o.plan.id);
    if (set.expected.order) expect(report.options.map(key)).toEqual(set.expected.order);
    if (set.expected.first) expect(key(report.options[0]!)).toBe(set.expected.first);
    for (const [id, standing] of Object.entries(set.expected.standing)) expect(report.options.find((o) => key(o) === id)?.standing, id).toBe(standing);
    for (const [id, regime] of Object.entries(set.expected.regimes ?? {})) expect(report.options.find((o) => key(o) === id)?.route.regime, id).toBe(regime);
  });
});
