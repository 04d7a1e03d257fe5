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
import type { Checker } from '../src/engine/checker.js';
import { compareOptions, compareRoutes } from '../src/options/compare.js';
import { OptionsReportSchema, type OptionsReport } from '../src/options/schema.js';
import { OPTIONS_FORMATS, renderOptions } from '../src/options/render.js';
import { PlanValidationError } from '../src/plan/parse.js';
import { main } from '../src/cli/main.js';

const CASES = join(import.meta.dirname, '..', 'cases');
const readCase = (file: string) => JSON.parse(readFileSync(join(CASES, file), 'utf8'));
const STANDING_ORDER = ['lawful-and-mandatory', 'lawful', 'lawful-if', 'not-lawful'];
const URGENT = ['urgent-award', 'urgent-modification'];
/** Placed below the routes the plan can use, for a claim the plan does not make (the reason says so). */
const isPlacedBelow = (o: OptionsReport['options'][number]) => /placed below every (route|option)/i.test(o.why);

/** The promises every appraisal keeps, whatever the plan. */
async function expectSound(plan: unknown, report: OptionsReport) {
  expect(OptionsReportSchema.safeParse(report).success).toBe(true);
  // Where an option sits is data as well as words: placed below for a claim exactly when its why says so.
  for (const o of report.options) expect(o.placed === 'unclaimed' || o.placed === 'contradicted', o.label).toBe(isPlacedBelow(o));
  for (const o of report.options) if (o.placed === 'mandatory') expect(o.standing, o.label).toBe('lawful-and-mandatory');
  const own = report.options.find((o) => o.isPlansOwnRoute)!;
  // The plan's own route has the verdict `procheck check` gives the plan.
  expect(own.verdict).toBe((await checker().check(plan, { untrusted: true })).verdict);
  // Recommendation order: by standing, a mandatory route first of all.
  const ranks = report.options.map((o) => STANDING_ORDER.indexOf(o.standing));
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  if (report.options.some((o) => o.mandatory === true && (o.verdict === 'compliant' || o.verdict === 'compliant-if'))) expect(report.options[0]!.mandatory).toBe(true);
  // No route is called lawful while a finding in its own column says otherwise.
  for (const o of report.options) {
    if (o.standing === 'lawful' || o.standing === 'lawful-and-mandatory') {
      // Lawful: compliant, or compliant if the authority does its own acts as the conditions say.
      expect(['compliant', 'compliant-if']).toContain(o.verdict);
      expect(o.deciding).toEqual([]);
    }
    if (o.standing === 'not-lawful') expect(o.deciding.some((d) => d.severity === 'non-compliant' || d.severity === 'out-of-scope')).toBe(true);
  }
  expect(report.options.map((o) => o.rank)).toEqual(report.options.map((_, i) => i + 1));
  // Within a standing: a mandatory route, then the plan's own, then the others; one that needs a claim the plan does not make after all of them.
  const sameStanding = (a: OptionsReport['options'][number], b: OptionsReport['options'][number]) => a.standing === b.standing;
  report.options.forEach((o, i) => {
    expect(o.why.length, o.label).toBeGreaterThan(20);
    for (const later of report.options.slice(i + 1)) if (sameStanding(o, later) && !isPlacedBelow(later)) expect(isPlacedBelow(o), `${o.label} above ${later.label}`).toBe(false);
  });
  const ownAt = report.options.findIndex((o) => o.isPlansOwnRoute);
  if (report.kind === 'routes' && !isPlacedBelow(report.options[ownAt]!))
    for (const before of report.options.slice(0, ownAt))
      expect(STANDING_ORDER.indexOf(before.standing) < STANDING_ORDER.indexOf(report.options[ownAt]!.standing) || before.mandatory === true, `${before.label} before the plan's own route`).toBe(true);
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
      // A fixed seed, as the verdict properties have (FC_SEED=<n> replays another).
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20_261_206) },
    );
  }, 120_000);

  it('a mandatory route comes first: direct award A where only the incumbent can provide the services (PSR reg 6(3))', async () => {
    const plan = psrPlan({ route: { process: 'competitive' }, directAward: { onlyProviderCapable: true } });
    const report = await compareRoutes(checker(), plan);
    expect(report.options[0]).toMatchObject({ route: { process: 'direct-award-a' }, mandatory: true });
    expect(report.options[0]!.why).toMatch(/mandatory/);
    expect(report.options.find((o) => o.route.process === 'competitive')).toMatchObject({ standing: 'not-lawful', isPlansOwnRoute: true });
    const plain = await compareRoutes(checker(), psrPlan());
    expect(plain.options.find((o) => o.route.process === 'direct-award-a')!.mandatory).toBe(false);
  });

  it('the plan\'s own route comes first in its standing, before a route with fewer questions open, and says so', async () => {
    const report = await compareRoutes(checker(), psrPlan({ ...SEVEN_MONTHS, route: { process: 'direct-award-c' } }));
    const own = report.options.find((o) => o.isPlansOwnRoute)!;
    expect(own.route.process).toBe('direct-award-c');
    const peers = report.options.filter((o) => o.standing === own.standing);
    expect(peers[0]).toBe(own);
    // The test means something only while another route of the same standing has fewer questions open.
    expect(peers.some((o) => o.questions.length < own.questions.length)).toBe(true);
    expect(own.why).toMatch(/The plan's own route, placed first among the routes/);
    expect(peers[1]!.why).toMatch(/after the plan's own route/);
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

/** A re-commissioning planned with seven months between the procurement start and the service start, and an incumbent contract ending the day before. */
const SEVEN_MONTHS = {
  dates: { procurementStart: '2026-09-01', awardDecision: '2026-11-02', contractSigned: '2026-12-01', contractStart: '2027-04-01' },
  incumbent: { contractEnd: '2027-03-31' },
};
const URGENCY = { reason: 'The provider went into administration without warning', foreseeable: false, attributableToAuthority: false, delayRisksSafety: true, termLimitedToUrgency: true };

describe('urgent routes, and other routes that need a claim the plan does not make (issue 19)', () => {
  /** Every urgent route comes after every route the plan can use that needs no claim it does not make. */
  function expectUrgentLast(report: OptionsReport) {
    const usable = report.options.filter((o) => !URGENT.includes(o.route.process) && !isPlacedBelow(o) && o.standing !== 'not-lawful');
    const urgent = report.options.filter((o) => URGENT.includes(o.route.process));
    expect(usable.length).toBeGreaterThan(0);
    expect(urgent.map((o) => o.route.process).sort()).toEqual(URGENT);
    for (const u of urgent) {
      expect(u.rank, u.label).toBeGreaterThan(Math.max(...usable.map((o) => o.rank)));
      expect(['lawful-if', 'not-lawful']).toContain(u.standing);
    }
    return urgent;
  }

  it('a planned re-commissioning with months to spare: the urgent award and modification come below every ordinary route the plan can use, saying why in its dates', async () => {
    const report = await compareRoutes(checker(), psrPlan(SEVEN_MONTHS));
    expect(report.options[0]).toMatchObject({ isPlansOwnRoute: true, route: { process: 'competitive' } });
    for (const u of expectUrgentLast(report)) {
      expect(u.placed).toBe('contradicted'); // its own dates leave time for an ordinary process
      expect(u.why).toContain('relies on urgency the plan does not claim: the service starts on 1 April 2027, seven months after the procurement starts on 1 September 2026');
      // No stage lengths: the evidence is that the plan's own route fits its dates (its standstill from the rule set).
      expect(u.why).toContain("the plan's own route (PSR competitive process) meets every date of its timetable");
      expect(u.why).toMatch(/PSR reg 14/);
    }
  });

  it('with the plan\'s stage lengths, the latest procurement start worked back from the service start is the evidence', async () => {
    const staged = await compareRoutes(checker(), psrPlan({ ...SEVEN_MONTHS, term: { mobilisationMonths: 3 }, timetable: { tenderPeriodDays: 42, evaluationWeeks: 8 } }));
    for (const u of expectUrgentLast(staged)) expect(u.why).toMatch(/by the plan's own stage lengths an ordinary process could still start on \d+ \w+ 2026 \(PSR competitive process\)/);
    // Started too late for its own stage lengths: urgency of the authority's own making still does not count, and says so.
    const late = await compareRoutes(
      checker(),
      psrPlan({
        dates: { procurementStart: '2027-01-15', awardDecision: '2027-02-01', contractSigned: '2027-03-01', contractStart: '2027-04-01' },
        incumbent: { contractEnd: '2027-03-31' },
        term: { mobilisationMonths: 1 },
        timetable: { tenderPeriodDays: 42, evaluationWeeks: 8 },
      }),
    );
    for (const u of expectUrgentLast(late)) expect(u.why).toMatch(/two months after the procurement starts on 15 January 2027; by the plan's own stage lengths an ordinary process had to start by .*urgency the authority caused by starting late does not count/);
  });

  it('where the plan claims urgency, the urgent routes are offered in their place, not placed below', async () => {
    const report = await compareRoutes(checker(), psrPlan({ ...SEVEN_MONTHS, urgency: URGENCY }));
    const urgent = report.options.filter((o) => URGENT.includes(o.route.process));
    expect(urgent.map((o) => o.route.process).sort()).toEqual(URGENT);
    for (const u of urgent) {
      expect(u.why).not.toMatch(/does not claim|placed below/);
      expect(['lawful', 'lawful-if']).toContain(u.standing);
      // Ranked among the others of its standing by how near it is to a decision.
      expect(u.why).toMatch(/nearest a decision first/);
    }
  });

  it('the plan\'s own urgent award, with no urgency described: first in its standing while its dates leave no time for an ordinary process, placed below when they do', async () => {
    const late = { dates: { procurementStart: '2027-01-15', awardDecision: '2027-02-01', contractSigned: '2027-03-01', contractStart: '2027-04-01' }, incumbent: { contractEnd: '2027-03-31' } };
    const pressed = await compareRoutes(checker(), psrPlan({ ...late, route: { process: 'urgent-award' }, term: { mobilisationMonths: 1 }, timetable: { tenderPeriodDays: 42, evaluationWeeks: 8 } }));
    const own = pressed.options.find((o) => o.isPlansOwnRoute)!;
    expect(own.why).toMatch(/The plan's own route, placed first/);
    expect(pressed.options.filter((o) => o.standing === own.standing)[0]).toBe(own);
    const spare = await compareRoutes(checker(), psrPlan({ ...SEVEN_MONTHS, route: { process: 'urgent-award' } }));
    const placed = spare.options.find((o) => o.isPlansOwnRoute)!;
    expect(placed.why).toMatch(/The plan's own route, but placed below every route the plan can use without it, because it relies on urgency the plan does not claim: the service starts on 1 April 2027, seven months after/);
    expectUrgentLast(spare);
  });

  it('a ground the plan does not name (reg 32, reg 26(4)) places the route below; where the law needs none (below threshold) it is not', async () => {
    const it = await compareRoutes(checker(), readCase('example-pcr2015-2025-02-21-it-open.json'));
    const nwpp = it.options.find((o) => o.route.process === 'negotiated-without-prior-publication')!;
    expect(nwpp.why).toMatch(/relies on a ground of reg 32 for awarding without a call for competition, which the plan does not name/);
    expect(nwpp.rank).toBeGreaterThan(it.options.find((o) => o.route.process === 'restricted')!.rank);
    const below = await compareRoutes(checker(), readCase('example-pcr2015-2019-below-threshold-recovery.json'));
    for (const o of below.options) expect(isPlacedBelow(o), o.label).toBe(false);
  });

  it('a verdict the ranking does not know (one the engine adds later) is ranked as lawful-if at worst, never a crash', async () => {
    const real = checker();
    const odd: Record<string, string> = { competitive: 'lawful-on-a-full-moon', 'most-suitable-provider': 'a-verdict-not-yet-invented' };
    const future: Checker = {
      ruleSet: real.ruleSet,
      checkParsed: real.checkParsed,
      check: (async (p: unknown, o?: never) => {
        const r = await real.check(p as never, o);
        const v = odd[(p as { route: { process: string } }).route.process];
        return v ? { ...r, verdict: v as never } : r;
      }) as Checker['check'],
    };
    const report = await compareRoutes(future, psrPlan(SEVEN_MONTHS));
    for (const process of Object.keys(odd)) expect(report.options.find((o) => o.route.process === process)!.standing).toBe('lawful-if');
    expect(report.options[0]!.route.process).toBe('competitive');
    for (const f of OPTIONS_FORMATS) expect(renderOptions(report, f).length).toBeGreaterThan(100);
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
