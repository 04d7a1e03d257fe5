// Procurement Act 2023 dated parameters and day counts: a plan on each side of
// every change of value, and the s.51 standstill counted across weekends and
// bank holidays in England and Wales, Scotland and Northern Ireland (s.123:
// a bank holiday in any part of the UK is not a working day).
import { describe, expect, it } from 'vitest';
import { checker } from '../support/checker.js';
import { merge, type Patch } from '../support/plans.js';
import { basePa } from './pa2023.cases.js';

const check = (patch: Patch) => checker().check(merge(basePa, patch));
const ruleIds = async (patch: Patch) => (await check(patch)).findings.map((f) => f.ruleId);

/** A plan whose procurement starts on `start`, with the given lifetime value (VAT included). */
const started = (start: string, lifetime: number, extra: Patch = {}): Patch =>
  merge({ dates: { procurementStart: start }, value: { lifetime } } as Patch, extra);

describe('thresholds change on 1 January 2026 (SI 2025/1200)', () => {
  // £210,000 lies between the 2026 sub-central threshold (£207,720) and the 2025 one (£214,904).
  it('goods and services, sub-central authority: below on 31 Dec 2025, above on 1 Jan 2026', async () => {
    const before = await check(started('2025-12-31', 210_000));
    const after = await check(started('2026-01-01', 210_000));
    expect(before.facts.threshold).toBe(214_904);
    expect(after.facts.threshold).toBe(207_720);
    expect(before.findings.map((f) => f.ruleId)).toContain('pa2023.threshold.below');
    expect(before.findings.map((f) => f.ruleId)).not.toContain('pa2023.threshold.above');
    expect(after.findings.map((f) => f.ruleId)).toContain('pa2023.threshold.above');
    expect(after.findings.map((f) => f.ruleId)).not.toContain('pa2023.threshold.below');
  });

  // £137,000 lies between the 2026 central threshold (£135,018) and the 2025 one (£139,688).
  it('goods and services, central government authority (an NHS trust): below in 2025, above in 2026', async () => {
    const trust = { authority: { name: 'Test NHS Trust', type: 'nhs-trust' } };
    const before = await check(started('2025-06-02', 137_000, trust));
    const after = await check(started('2026-02-02', 137_000, trust));
    expect(before.facts.threshold).toBe(139_688);
    expect(after.facts.threshold).toBe(135_018);
    expect(before.facts.aboveThreshold).toBe(false);
    expect(after.facts.aboveThreshold).toBe(true);
    expect(await ruleIds(started('2025-06-02', 137_000, trust))).toContain('pa2023.threshold.below');
    expect(await ruleIds(started('2026-02-02', 137_000, trust))).toContain('pa2023.threshold.above');
  });

  // £5,300,000 lies between the 2026 works threshold (£5,193,000) and the 2025 one (£5,372,609).
  it('works: a below-threshold process is lawful in 2025 and non-compliant in 2026', async () => {
    const works = { contractType: 'works', route: { process: 'below-threshold' } };
    const before = await check(started('2025-12-01', 5_300_000, works));
    const after = await check(started('2026-01-05', 5_300_000, works));
    expect(before.facts.threshold).toBe(5_372_609);
    expect(after.facts.threshold).toBe(5_193_000);
    expect(before.findings.map((f) => f.ruleId)).not.toContain('pa2023.procedure.below-threshold-above');
    expect(after.findings.map((f) => f.ruleId)).toContain('pa2023.procedure.below-threshold-above');
    expect(after.verdict).toBe('non-compliant');
  });

  it('light-touch contracts: the threshold is unchanged (£663,540) on both sides', async () => {
    const lt = { services: [{ description: 'Family support', cpv: ['85311300'], healthCare: false, lightTouch: true }] };
    expect((await check(started('2025-12-31', 650_000, lt))).facts.threshold).toBe(663_540);
    expect((await check(started('2026-01-01', 650_000, lt))).facts.threshold).toBe(663_540);
  });
});

describe('s.51 standstill: 8 working days beginning with the day the contract award notice is published', () => {
  const standstill = async (notice: string, signed: string) => {
    const report = await check({ dates: { awardDecision: notice, contractSigned: signed } });
    const ids = report.findings.map((f) => f.ruleId);
    return { earliest: report.facts.paEarliestContractDate, tooEarly: ids.includes('pa2023.standstill.contract-too-early'), report };
  };

  it('the publication day counts as the first working day', async () => {
    // Mon 1 Jun 2026: Mon-Fri 1-5 Jun, Mon-Wed 8-10 Jun; the contract may be entered into on Thu 11 Jun.
    const s = await standstill('2026-06-01', '2026-06-11');
    expect(s.earliest).toBe('2026-06-11');
    expect(s.tooEarly).toBe(false);
    expect((await standstill('2026-06-01', '2026-06-10')).tooEarly).toBe(true);
  });

  it('across a weekend', async () => {
    // Thu 4 Jun 2026: Thu 4, Fri 5, Mon 8 - Fri 12, Mon 15 Jun; from Tue 16 Jun.
    expect((await standstill('2026-06-04', '2026-06-16')).earliest).toBe('2026-06-16');
    expect((await standstill('2026-06-04', '2026-06-15')).tooEarly).toBe(true);
    expect((await standstill('2026-06-04', '2026-06-16')).tooEarly).toBe(false);
  });

  it('across an England and Wales bank holiday (Spring bank holiday, Mon 25 May 2026)', async () => {
    // Wed 20 May: 20, 21, 22, (25 holiday), 26, 27, 28, 29 May, Mon 1 Jun; from Tue 2 Jun.
    expect((await standstill('2026-05-20', '2026-06-02')).earliest).toBe('2026-06-02');
    expect((await standstill('2026-05-20', '2026-06-01')).tooEarly).toBe(true);
  });

  it("across a Scottish bank holiday (St Andrew's Day, Mon 30 Nov 2026), which counts under s.123", async () => {
    // Wed 25 Nov: 25, 26, 27, (30 Nov Scotland), 1-4 Dec, Mon 7 Dec; from Tue 8 Dec.
    // Counting England and Wales holidays only would wrongly give Sat 5 Dec.
    const s = await standstill('2026-11-25', '2026-12-08');
    expect(s.earliest).toBe('2026-12-08');
    expect(s.tooEarly).toBe(false);
    expect((await standstill('2026-11-25', '2026-12-07')).tooEarly).toBe(true);
  });

  it("across a Northern Ireland bank holiday (St Patrick's Day, Tue 17 Mar 2026), which counts under s.123", async () => {
    // Thu 12 Mar: 12, 13, 16, (17 NI), 18, 19, 20, 23, 24 Mar; from Wed 25 Mar.
    const s = await standstill('2026-03-12', '2026-03-25');
    expect(s.earliest).toBe('2026-03-25');
    expect(s.tooEarly).toBe(false);
    expect((await standstill('2026-03-12', '2026-03-24')).tooEarly).toBe(true);
  });

  it('the required step carries the date and the reason names it', async () => {
    const { report } = await standstill('2026-11-25', '2026-12-08');
    expect(report.steps.find((s) => s.id === 'pa2023.standstill-end')?.due).toBe('2026-12-08');
    const finding = report.findings.find((f) => f.ruleId === 'pa2023.standstill.mandatory');
    expect(finding?.reason).toContain('8 December 2026');
  });
});

describe('other Procurement Act periods', () => {
  it('contract details notice: 30 days beginning with the day the contract is entered into; 120 for light touch', async () => {
    const report = await check({});
    expect(report.steps.find((s) => s.id === 'pa2023.contract-details-notice')?.due).toBe('2026-07-14');
    const lt = await check({
      services: [{ description: 'Family support', cpv: ['85311300'], healthCare: false, lightTouch: true }],
      value: { annual: 200_000 },
    });
    expect(lt.steps.find((s) => s.id === 'pa2023.contract-details-notice-light-touch')?.due).toBe('2026-10-12');
    expect(lt.steps.map((s) => s.id)).not.toContain('pa2023.standstill-end');
  });
});

describe('below-threshold contracts (Part 6): the figures of s.85(3) and s.87(4)', () => {
  const findings = async (patch: Patch) => (await check(patch)).findings.map((f) => f.ruleId);
  const SUITABILITY = 'pa2023.below-threshold.no-suitability-shortlisting';
  const NOTIFIABLE = 'pa2023.below-threshold.notifiable';
  const works = { contractType: 'works' };
  const trust = { authority: { name: 'Test NHS Trust', type: 'nhs-trust' } };

  it('s.85(3): a works contract of £207,720 may be shortlisted on suitability from 1 January 2026, £1 less may not', async () => {
    expect(await findings(started('2026-02-02', 207_719, works))).toContain(SUITABILITY);
    expect(await findings(started('2026-02-02', 207_720, works))).not.toContain(SUITABILITY);
  });

  it('s.85(3): before 1 January 2026 the figure was £213,477 (SI 2025/1200 amended it from that day)', async () => {
    expect(await findings(started('2025-12-31', 210_000, works))).toContain(SUITABILITY);
    expect(await findings(started('2026-01-01', 210_000, works))).not.toContain(SUITABILITY);
    expect(await findings(started('2025-12-31', 213_476, works))).toContain(SUITABILITY);
    expect(await findings(started('2025-12-31', 213_477, works))).not.toContain(SUITABILITY);
  });

  it('s.85(3)(a): a central government authority: £138,760 in 2025, £135,018 from 2026', async () => {
    expect(await findings(started('2025-06-02', 138_759, { ...works, ...trust }))).toContain(SUITABILITY);
    expect(await findings(started('2025-06-02', 138_760, { ...works, ...trust }))).not.toContain(SUITABILITY);
    expect(await findings(started('2026-02-02', 135_017, { ...works, ...trust }))).toContain(SUITABILITY);
    expect(await findings(started('2026-02-02', 135_018, { ...works, ...trust }))).not.toContain(SUITABILITY);
  });

  it('s.85(5)(c) and s.86(2): neither applies to a call-off under a framework', async () => {
    const callOff = started('2026-02-02', 40_000, {
      route: { process: 'framework-call-off' },
      frameworkAgreement: { name: 'Framework', awardedUnder: 'pa2023', endDate: '2027-12-31', authorityEntitled: true, callOff: 'mini-competition', termsAllowDirectAward: true },
    });
    const ids = await findings(callOff);
    expect(ids).not.toContain(SUITABILITY);
    expect(ids).not.toContain('pa2023.below-threshold.sme-barriers');
  });

  it('s.87(4): notifiable from £30,000 (£12,000 for a central government authority), not £1 below', async () => {
    expect(await findings(started('2026-02-02', 29_999))).not.toContain(NOTIFIABLE);
    expect(await findings(started('2026-02-02', 30_000))).toContain(NOTIFIABLE);
    expect(await findings(started('2026-02-02', 11_999, trust))).not.toContain(NOTIFIABLE);
    expect(await findings(started('2026-02-02', 12_000, trust))).toContain(NOTIFIABLE);
  });

  it('the notices are cited where the Act puts them (s.87), and a contract below the limit is told why none is needed', async () => {
    const report = await check(started('2026-02-02', 30_000));
    const finding = report.findings.find((f) => f.ruleId === NOTIFIABLE);
    expect(finding?.citation.provision).toMatch(/^s\.87 /);
    expect(finding?.reason).toContain('central digital platform');
    expect(finding?.steps).toEqual(['pa2023.below-threshold-tender-notice', 'pa2023.below-threshold-contract-details-notice']);
    const small = await check(started('2026-02-02', 29_999));
    expect(small.holds.find((h) => h.ruleId === NOTIFIABLE)?.reason).toMatch(/below the £30,000 from which a below-threshold contract is notifiable/);
  });
});

describe('user choice contracts (Schedule 5 para 15): every notice the Act exempts them from', () => {
  const familySupport = {
    services: [{ description: 'Family support service', cpv: ['85311300'], healthCare: false, lightTouch: true }],
    value: { annual: 200_000 },
  };
  const award = (ground: string) => merge(familySupport as Patch, { route: { process: 'direct-award' }, justification: { ground, noReasonableAlternative: true } });
  const NOTICES = [
    'pa2023.transparency-notice', // s.44(3)
    'pa2023.contract-award-notice', // s.50(6)(b)
    'pa2023.standstill-end', // no contract award notice to count from; light touch (s.51(3)(f))
    'pa2023.contract-details-notice-light-touch', // s.53(6)(b)
    'pa2023.publish-contract-light-touch', // s.53(6)(b)
    'pa2023.contract-termination-notice', // s.80(4)(b)
    'pa2023.pipeline-notice', // s.93(3): neither a tender nor a transparency notice
  ];

  it('a user-choice award needs none of them; the same light-touch contract awarded directly on another ground needs its notices', async () => {
    const userChoice = await check(merge(award('user-choice'), { value: { annual: 1_500_000 } }));
    const steps = userChoice.steps.map((s) => s.id);
    for (const id of NOTICES) expect(steps, id).not.toContain(id);
    const ids = userChoice.findings.map((f) => f.ruleId);
    for (const id of ['pa2023.notices.contract-details-light-touch', 'pa2023.notices.publish-contract', 'pa2023.notices.pipeline', 'pa2023.direct-award.transparency-notice'])
      expect(ids).not.toContain(id);
    expect(userChoice.findings.find((f) => f.ruleId === 'pa2023.direct-award.user-choice')?.reason).toMatch(/s\.44\(3\).*s\.50\(6\)\(b\).*s\.53\(6\)\(b\).*s\.80\(4\)\(b\)/);
    expect(userChoice.verdict).toBe('compliant');

    const exclusive = await check(merge(award('exclusive-rights'), { value: { annual: 1_500_000 } }));
    const other = exclusive.steps.map((s) => s.id);
    for (const id of ['pa2023.transparency-notice', 'pa2023.contract-award-notice', 'pa2023.contract-details-notice-light-touch', 'pa2023.publish-contract-light-touch', 'pa2023.contract-termination-notice'])
      expect(other, id).toContain(id);
  });
});

describe('light touch through the groups Procurement Regulations 2024 Schedule 1 Table 1 qualifies (Schedule 2 paras 14 and 20 to the Act)', () => {
  const service = (cpv: string) => ({ services: [{ description: 'Service', cpv: [cpv], healthCare: false }], value: { annual: 200_000 } });
  const qualified = async (cpv: string) => (await check(service(cpv))).findings.find((f) => f.ruleId === 'pa2023.light-touch.qualified-group');
  it('prison and police services, which para 20 cannot exempt, are light touch without a question', async () => {
    for (const cpv of ['75231230', '75241100']) {
      const report = await check(service(cpv));
      expect(report.facts.lightTouch, cpv).toBe(true);
      expect(await qualified(cpv), cpv).toBeUndefined();
    }
  });
  it('fire and rescue, nuclear safety and legal services, which Schedule 2 can exempt, are a review', async () => {
    for (const cpv of ['75251000', '98113100', '79112000']) expect((await qualified(cpv))?.severity, cpv).toBe('review');
  });
});
