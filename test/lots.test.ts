// A procurement in lots (PCR 2015 reg 6(11)-(15); Procurement Act 2023 Sch 3
// para 4): the lots' values are added together for the threshold, and each
// lot is judged as a contract of its own, with its own findings.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { merge, plan as psrPlan, type Patch } from './support/plans.js';
import { basePcr } from './rules/pcr2015.cases.js';
import { basePa } from './rules/pa2023.cases.js';
import { ReportSchema, type Report } from '../src/report/schema.js';
import { PlanValidationError } from '../src/plan/parse.js';
import { renderText } from '../src/report/render-text.js';
import { renderMarkdown } from '../src/report/render-markdown.js';
import { renderHtml } from '../src/report/render-html.js';
import { proposeTimetableForPlan } from '../src/timetable/propose.js';

const check = async (p: unknown) => ReportSchema.parse(await checker().check(p, { untrusted: true }));
const pcr = (patch: Patch) => merge(basePcr, patch);
const lotOf = (report: Report, id: string) => report.lots!.find((l) => l.id === id)!;
const ruleIn = (report: Report, ruleId: string, lot?: string) => report.findings.filter((f) => f.ruleId === ruleId && f.lot === lot);

/** A young people's lot let as a below-threshold award, worth `annual` a year (five years), of a light-touch procurement started in 2023. */
const belowThresholdLot = (id: string, annual: number | null) => ({
  id,
  title: `Young people ${id}`,
  value: { annual, vatIncluded: false },
  route: { regime: 'pcr2015', process: 'below-threshold' },
});

describe('lots: values added together for the threshold', () => {
  // Each lot £500,000 over five years, below the £663,540 light-touch threshold; together £1m, above it.
  const halves = pcr({ value: { annual: 100_000 }, lots: [{ id: 'adults', title: 'Adults' }, belowThresholdLot('young', 100_000)] });

  it('PCR 2015 reg 6(11), (13): a lot below the threshold on its own follows Part 2 when the lots together reach it', async () => {
    const report = await check(halves);
    expect(report.facts).toMatchObject({ lotCount: 2, lifetimeValue: 1_000_000 });
    for (const id of ['adults', 'young']) expect(lotOf(report, id).facts).toMatchObject({ lifetimeValue: 500_000, aboveThreshold: true });
    expect(ruleIn(report, 'pcr2015.procedure.below-threshold-but-above', 'young')).toHaveLength(1);
    expect(ruleIn(report, 'pcr2015.procedure.below-threshold-but-above', 'adults')).toHaveLength(0);
    expect(ruleIn(report, 'pcr2015.threshold.lots-aggregated', 'adults')[0]!.reason).toContain('£1,000,000');
    // The same lot let on its own is below the threshold: nothing to report.
    const alone = await check(pcr({ value: { annual: 100_000 }, route: { process: 'below-threshold' } }));
    expect(alone.findings.map((f) => f.ruleId)).not.toContain('pcr2015.procedure.below-threshold-but-above');
  });

  it('each lot has its own verdict; the report\'s is the worst of them', async () => {
    const report = await check(halves);
    expect(lotOf(report, 'adults').verdict).toBe('compliant');
    expect(lotOf(report, 'young').verdict).toBe('non-compliant');
    expect(report.verdict).toBe('non-compliant');
    expect(report.findings.every((f) => f.lot === 'adults' || f.lot === 'young')).toBe(true);
    expect(report.steps.every((s) => s.lot !== undefined)).toBe(true);
  });

  it('a lot whose value is unknown: the others already reaching the threshold decide it; otherwise it is asked of that lot', async () => {
    const reached = await check(pcr({ lots: [{ id: 'adults', title: 'Adults' }, belowThresholdLot('young', null)] }));
    expect(lotOf(reached, 'adults').facts.aboveThreshold).toBe(true);
    expect(lotOf(reached, 'young').facts.aboveThreshold).toBe(true);
    const open = await check(pcr({ value: { annual: 100_000 }, lots: [{ id: 'adults', title: 'Adults' }, belowThresholdLot('young', null)] }));
    expect(lotOf(open, 'adults').facts.aboveThreshold).toBeNull();
    expect(open.verdict).toBe('review');
    const asked = open.findings.flatMap((f) => f.missingFacts.map((m) => m.planPath));
    expect(asked).toContain('lots[].value.annual');
  });

  it('PCR 2015 reg 6(14)-(15): small lots may be let without Part 2 only within 20% of the lots\' value', async () => {
    // £600,000 of treatment and small lots of £50,000 each (£60,000 with VAT, under £70,778).
    const withSmall = (n: number) =>
      pcr({ value: { annual: 120_000 }, lots: [{ id: 'adults', title: 'Adults' }, ...Array.from({ length: n }, (_, i) => belowThresholdLot(`small-${i + 1}`, 10_000))] });
    // Two: £100,000 of £700,000, 14%.
    const two = await check(withSmall(2));
    expect(ruleIn(two, 'pcr2015.procedure.small-lot', 'small-1')).toHaveLength(1);
    expect(two.findings.map((f) => f.ruleId)).not.toContain('pcr2015.procedure.below-threshold-but-above');
    expect(two.verdict).toBe('compliant');
    // Four: £200,000 of £800,000, 25%.
    const four = await check(withSmall(4));
    expect(ruleIn(four, 'pcr2015.procedure.below-threshold-but-above', 'small-1')).toHaveLength(1);
    expect(four.verdict).toBe('non-compliant');
  });

  it('Procurement Act Sch 3 para 4(2): each lot\'s estimated value includes the others, so the over-£5m duties apply to a £3m lot', async () => {
    const lot = (id: string) => ({ id, title: `Area ${id}` });
    const three = merge(basePa, { value: { annual: 750_000 } }); // £3m over four years
    const alone = await check(three);
    expect(alone.findings.map((f) => f.ruleId)).not.toContain('pa2023.notices.key-performance-indicators');
    const report = await check(merge(three, { lots: [lot('north'), lot('south')] }));
    expect(ruleIn(report, 'pa2023.notices.key-performance-indicators', 'north')[0]!.reason).toContain('£6,000,000');
    expect(ruleIn(report, 'pa2023.notices.key-performance-indicators', 'south')).toHaveLength(1);
    expect(report.steps.filter((s) => s.id === 'pa2023.key-performance-indicators').map((s) => s.lot)).toEqual(['north', 'south']);
  });

  it('the PSR has no value threshold: each lot keeps its own value (considerable change compares each contract with the one it replaces)', async () => {
    const report = await check(psrPlan({ lots: [{ id: 'adults', title: 'Adults' }, { id: 'young', title: 'Young people', value: { annual: 200_000, vatIncluded: false } }] }));
    expect(lotOf(report, 'young').facts).toMatchObject({ lifetimeValue: 1_400_000, aboveThreshold: null });
    expect(report.findings.map((f) => f.ruleId)).not.toContain('pcr2015.threshold.lots-aggregated');
    expect(report.verdict).toBe('compliant');
  });
});

describe('lots: a lot states what differs, and shares the rest', () => {
  it('a lot may be under another regime than the rest: a separable IT lot under the Procurement Act beside PSR treatment', async () => {
    const report = await check(
      psrPlan({
        lots: [
          { id: 'treatment', title: 'Treatment' },
          {
            id: 'it',
            title: 'Case management system',
            services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }],
            value: { annual: 100_000, vatIncluded: false },
            route: { regime: 'pa2023', process: 'open' },
          },
        ],
      }),
    );
    expect(lotOf(report, 'treatment').regime.applicable).toBe('psr');
    expect(lotOf(report, 'it').regime.applicable).toBe('pa2023');
    expect(report.regime.applicable).toBeNull();
    expect(report.regime.basis).toContain('Case management system:');
    // Only lots under the same regime are valued together: the PSR lot adds nothing to the IT lot's threshold.
    expect(lotOf(report, 'it').facts.aboveThreshold).toBe(true);
    const small = await check(
      psrPlan({
        lots: [
          { id: 'treatment', title: 'Treatment' },
          { id: 'it', title: 'Case management system', services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }], value: { annual: 20_000, vatIncluded: false }, route: { regime: 'pa2023', process: 'below-threshold' } },
        ],
      }),
    );
    expect(lotOf(small, 'it').facts).toMatchObject({ lifetimeValue: 140_000, aboveThreshold: false });
    expect(lotOf(small, 'it').verdict).not.toBe('non-compliant');
  });

  it('refuses lots that cannot be one procurement, naming the field', async () => {
    const issues = async (patch: Patch) => {
      try {
        await checker().check(pcr(patch));
        return [];
      } catch (e) {
        if (!(e instanceof PlanValidationError)) throw e;
        return e.issues.map((i) => i.path);
      }
    };
    expect(await issues({ lots: [{ id: 'a', title: 'A' }] })).toEqual(['lots']);
    expect(await issues({ lots: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] })).toEqual(['lots.1.id']);
    expect(await issues({ lots: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', value: { annual: 1, vatIncluded: true } }] })).toEqual(['lots.1.value.vatIncluded']);
    expect(
      await issues({ lots: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', dates: { procurementStart: '2023-07-01', contractStart: '2024-04-01' } }] }),
    ).toEqual(['lots.1.dates.procurementStart']);
    expect(await issues({ lots: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', authority: { name: 'X', type: 'icb' } }] })).toEqual(['lots.1.authority']);
  });

  it('procheck plan: one timetable for lots that share their route and dates; a lot with its own is named, not dropped', () => {
    const same = proposeTimetableForPlan(pcr({ lots: [{ id: 'adults', title: 'Adults' }, { id: 'young', title: 'Young people', value: { annual: 80_000, vatIncluded: false } }] }), checker().ruleSet);
    expect(same.assumptions.at(-1)).toContain('2 lots with the same regime, route and dates');
    expect(() => proposeTimetableForPlan(pcr({ lots: [{ id: 'adults', title: 'Adults' }, belowThresholdLot('young', 10_000)] }), checker().ruleSet)).toThrow(
      /lots\.1 \(Young people young\) has a regime, route, dates or stages of its own/,
    );
  });

  it('every format names the lot of each finding, step and timetable row', async () => {
    const report = await check(pcr({ value: { annual: 100_000 }, lots: [{ id: 'adults', title: 'Adults' }, belowThresholdLot('young', 100_000)] }));
    const text = renderText(report);
    expect(text).toContain('Lots (2), each judged as a contract of its own:');
    expect(text).toMatch(/\[NON-COMPLIANT\] Young people young: A contract that reaches the threshold/);
    expect(renderMarkdown(report)).toContain('- Young people young (young): non-compliant; regime pcr2015');
    expect(renderHtml(report)).toContain('Lots (2), each judged as a contract of its own');
    expect(report.timetable.every((r) => r.lot !== undefined)).toBe(true);
  });
});
