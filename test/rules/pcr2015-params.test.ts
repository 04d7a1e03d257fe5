// PCR 2015 dated parameters: a plan on each side of every date a value
// changes, asserting what a user relies on (the threshold procheck applies and
// the finding it gives), and the reg 87 standstill counted across weekends and
// bank holidays.
import { describe, expect, it } from 'vitest';
import { checker } from '../support/checker.js';
import { merge, type Patch } from '../support/plans.js';
import { basePcr, notLightTouch } from './pcr2015.cases.js';

/** A plan whose procurement starts on `start`, worth `lifetime` over its 5-year term. */
function planOn(start: string, lifetime: number, patch: Patch = {}) {
  return merge(basePcr, merge({ dates: { procurementStart: start }, value: { annual: lifetime / 5 } }, patch));
}

const services = merge(notLightTouch as Patch, { route: { process: 'open' } });
const lightTouch = {};
const works = merge(services, { contractType: 'works' });
const central = merge(services, { authority: { type: 'nhs-trust' } });
const withVat = (p: Patch) => merge(p, { value: { vatIncluded: true } });

async function outcome(start: string, lifetime: number, patch: Patch) {
  const report = await checker().check(planOn(start, lifetime, patch));
  const ids = report.findings.map((f) => f.ruleId);
  const verdictOnValue = ids.includes('pcr2015.threshold.vat-uncertain')
    ? 'vat-uncertain'
    : ids.includes('pcr2015.threshold.above')
      ? 'above'
      : ids.includes('pcr2015.threshold.below')
        ? 'below'
        : 'none';
  return { threshold: report.facts.threshold, verdictOnValue, report };
}

// [what changes, kind of plan, value, last day of the old period, first day of the new, old and new threshold, outcome each side]
const CHANGES: [string, Patch, number, string, string, number, number, string, string][] = [
  ['2016: services, sub-central (down)', services, 170_000, '2015-12-31', '2016-01-01', 172_514, 164_176, 'below', 'above'],
  ['2016: light-touch (down)', lightTouch, 600_000, '2015-12-31', '2016-01-01', 625_050, 589_148, 'below', 'above'],
  ['2016: works (down)', works, 4_200_000, '2015-12-31', '2016-01-01', 4_322_012, 4_104_394, 'below', 'above'],
  ['2016: services, central (down)', central, 110_000, '2015-12-31', '2016-01-01', 111_676, 106_047, 'below', 'above'],
  ['2018: services, sub-central (up)', services, 170_000, '2017-12-31', '2018-01-01', 164_176, 181_302, 'above', 'below'],
  ['2018: light-touch (up)', lightTouch, 600_000, '2017-12-31', '2018-01-01', 589_148, 615_278, 'above', 'below'],
  ['2018: works (up)', works, 4_200_000, '2017-12-31', '2018-01-01', 4_104_394, 4_551_413, 'above', 'below'],
  ['2020: services, sub-central (up)', services, 185_000, '2019-12-31', '2020-01-01', 181_302, 189_330, 'above', 'below'],
  ['2020: light-touch (up)', lightTouch, 640_000, '2019-12-31', '2020-01-01', 615_278, 663_540, 'above', 'below'],
  ['2020: services, central (up)', central, 120_000, '2019-12-31', '2020-01-01', 118_133, 122_976, 'above', 'below'],
  // From 2022 thresholds include VAT: £640,000 without VAT is below the (unchanged) light-touch
  // figure on the old basis, and on the new one depends on whether VAT is charged.
  ['2022: light-touch, VAT basis', lightTouch, 640_000, '2021-12-31', '2022-01-01', 663_540, 663_540, 'below', 'vat-uncertain'],
  // £200,000 including VAT: on the old basis it straddles £189,330 (net £166,667 at 20%); on the new one it is below £213,477.
  ['2022: services, sub-central, VAT basis', withVat(services), 200_000, '2021-12-31', '2022-01-01', 189_330, 213_477, 'vat-uncertain', 'below'],
  // £5m without VAT: above £4,733,252 net; against £5,336,937 with VAT it depends on whether VAT is charged.
  ['2022: works, VAT basis', works, 5_000_000, '2021-12-31', '2022-01-01', 4_733_252, 5_336_937, 'above', 'vat-uncertain'],
  ['2024: services, sub-central (up)', withVat(services), 214_000, '2023-12-31', '2024-01-01', 213_477, 214_904, 'above', 'below'],
  ['2024: services, central (up)', withVat(central), 139_000, '2023-12-31', '2024-01-01', 138_760, 139_688, 'above', 'below'],
  ['2024: works (up)', withVat(works), 5_350_000, '2023-12-31', '2024-01-01', 5_336_937, 5_372_609, 'above', 'below'],
];

describe('PCR 2015 thresholds change on the procurement start date', () => {
  it.each(CHANGES)('%s', async (_name, patch, value, before, after, oldThreshold, newThreshold, oldOutcome, newOutcome) => {
    const old = await outcome(before, value, patch);
    const now = await outcome(after, value, patch);
    expect(old.threshold).toBe(oldThreshold);
    expect(now.threshold).toBe(newThreshold);
    expect(old.verdictOnValue).toBe(oldOutcome);
    expect(now.verdictOnValue).toBe(newOutcome);
  });

  it('a change to a PCR 2015 contract after 24 February 2025 is judged on the last PCR 2015 thresholds (from 1 January 2024)', async () => {
    const report = await checker().check(
      merge(basePcr, merge(notLightTouch as Patch, {
        route: { process: 'modification' },
        dates: { procurementStart: '2026-03-01' },
        incumbent: { contractEnd: '2028-03-31', awardedUnder: 'pcr2015', originalLifetimeValue: 2_000_000 },
        change: { description: 'More licences', effectiveDate: '2026-04-01', valueChange: 150_000, providedForInContract: false, substantial: true, materiallyDifferent: false },
      })),
    );
    expect(report.regime.applicable).toBe('pcr2015');
    expect(report.facts.threshold).toBe(214_904);
    // Permitted as de minimis: a reason the change holds.
    expect(report.holds.map((h) => h.ruleId)).toContain('pcr2015.modification.de-minimis');
  });

  it('a VAT-dependent answer is a review, not a guess', async () => {
    const { report } = await outcome('2022-01-01', 640_000, lightTouch);
    expect(report.facts.aboveThreshold).toBeNull();
    expect(report.verdict).toBe('review');
  });

  it('a below-threshold plan that reaches the threshold after a change date is non-compliant', async () => {
    const below = { route: { process: 'below-threshold' } };
    const ids = async (start: string) =>
      (await checker().check(planOn(start, 170_000, merge(services, below)))).findings.map((f) => f.ruleId);
    expect(await ids('2015-12-31')).not.toContain('pcr2015.procedure.below-threshold-but-above');
    expect(await ids('2016-01-01')).toContain('pcr2015.procedure.below-threshold-but-above');
  });
});

describe('Contracts Finder limit (sub-central): £25,000 to 20 December 2022, £30,000 from 21 December 2022', () => {
  const plan = (start: string) => planOn(start, 28_000, withVat({ route: { process: 'below-threshold', advertised: true } }));
  const finding = async (start: string) =>
    (await checker().check(plan(start))).findings.find((f) => f.ruleId === 'pcr2015.contracts-finder.opportunity');

  it('£28,000 must be published on the last day of the old limit', async () => {
    const f = await finding('2022-12-20');
    expect(f?.severity).toBe('info');
    expect(f?.reason).toContain('£25,000');
  });

  it('£28,000 need not be published from the change date', async () => {
    expect(await finding('2022-12-21')).toBeUndefined();
  });
});

describe('light-touch services by CPV code (PCR 2015 Schedule 3)', () => {
  const lt = async (cpv: string) =>
    (await checker().check(merge(basePcr, { services: [{ description: 'Service', cpv: [cpv], healthCare: false }] }))).facts.lightTouch;

  it.each([
    ['85312500', true], // rehabilitation services (85000000 to 85323000)
    ['80500000', true], // training services (80000000 to 80660000)
    ['79710000', true], // security services
    ['64112000', true], // postal services related to letters
    ['64110000', true], // postal services, named itself
    ['98000000', true], // other community, social and personal services, named itself
    ['64210000', false], // telephone and data transmission: under 64000000, which Schedule 3 names only for post
    ['64121000', false], // courier services: not listed
    ['98310000', false], // laundry services: under 98000000, not listed
    ['72000000', false], // IT services
  ])('%s is light-touch: %s', async (cpv, expected) => {
    expect(await lt(cpv)).toBe(expected);
  });
});

describe('reg 87 standstill: 10 days after the award decision notices, to a working day', () => {
  const open = (awardDecision: string, contractSigned: string) =>
    merge(services, { dates: { awardDecision, contractSigned, procurementStart: '2023-06-01', contractStart: '2024-04-01' } });
  const check = async (awardDecision: string, contractSigned: string) => {
    const report = await checker().check(merge(basePcr, open(awardDecision, contractSigned)));
    return {
      earliest: report.facts.pcrEarliestContractDate,
      stepDue: report.steps.find((s) => s.id === 'pcr2015.standstill-end')?.due,
      tooEarly: report.findings.some((f) => f.ruleId === 'pcr2015.standstill.contract-too-early'),
    };
  };

  it('a weekday 10th day: notices Monday 2 October 2023, 10th day Thursday 12 October, contract from Friday 13 October', async () => {
    expect(await check('2023-10-02', '2023-10-13')).toEqual({ earliest: '2023-10-13', stepDue: '2023-10-13', tooEarly: false });
  });

  it('a 10th day on a Saturday runs to Monday: notices Wednesday 4 October 2023, contract from Tuesday 17 October', async () => {
    expect((await check('2023-10-04', '2023-10-16')).tooEarly).toBe(true);
    expect(await check('2023-10-04', '2023-10-17')).toEqual({ earliest: '2023-10-17', stepDue: '2023-10-17', tooEarly: false });
  });

  it('a 10th day on Christmas Day runs past Boxing Day: notices Friday 15 December 2023, contract from Thursday 28 December', async () => {
    expect((await check('2023-12-15', '2023-12-27')).tooEarly).toBe(true);
    expect(await check('2023-12-15', '2023-12-28')).toEqual({ earliest: '2023-12-28', stepDue: '2023-12-28', tooEarly: false });
  });

  it('a 10th day on Good Friday runs past Easter Monday: notices Tuesday 19 March 2024, contract from Wednesday 3 April', async () => {
    expect((await check('2024-03-19', '2024-04-02')).tooEarly).toBe(true);
    expect(await check('2024-03-19', '2024-04-03')).toEqual({ earliest: '2024-04-03', stepDue: '2024-04-03', tooEarly: false });
  });

  it('a light-touch contract gets the voluntary standstill date but no non-compliance for signing earlier', async () => {
    const report = await checker().check(merge(basePcr, { dates: { awardDecision: '2023-10-04', contractSigned: '2023-10-10' } }));
    expect(report.steps.find((s) => s.id === 'pcr2015.light-touch-voluntary-standstill')?.due).toBe('2023-10-17');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('pcr2015.standstill.contract-too-early');
  });
});

describe('Contracts Finder opportunity: only for an opportunity that is advertised (reg 110)', () => {
  const finding = async (advertised: boolean | null) =>
    (await checker().check(planOn('2023-06-01', 40_000, withVat({ route: { process: 'below-threshold', advertised } })))).findings.find(
      (f) => f.ruleId === 'pcr2015.contracts-finder.opportunity',
    );
  it('an advertised below-threshold opportunity goes on Contracts Finder; one not advertised at all does not', async () => {
    expect((await finding(true))?.missingFacts).toEqual([]);
    expect(await finding(false)).toBeUndefined();
    expect((await finding(null))?.missingFacts.map((m) => m.planPath)).toEqual(['route.advertised']);
  });
});

describe('reg 72(1)(b)-(c) and 72(2)(a): each modification relying on additional services or unforeseeable circumstances adds at most 50% of the original value', () => {
  // A non-clinical support contract let for £2m, changed in 2024 (not a health care contract, so PCR 2015 still governs it).
  const change = (c: Patch) =>
    merge(basePcr, merge(notLightTouch as Patch, {
      route: { process: 'modification' },
      dates: { procurementStart: '2024-09-01' },
      incumbent: { contractEnd: '2027-03-31', awardedUnder: 'pcr2015', originalLifetimeValue: 2_000_000 },
      change: merge({ description: 'Add a service', effectiveDate: '2024-10-01', providedForInContract: false, materiallyDifferent: false, providerSuccessionOnly: false }, c),
    }));
  const OVER = 'pcr2015.modification.over-cap';
  const run = (c: Patch) => checker().check(change(c));
  const overCap = async (c: Patch) => (await run(c)).findings.find((f) => f.ruleId === OVER);

  it('unforeseeable circumstances: 50% is within the cap, 51% and even £1 more are over it, a breach whether or not the plan says the change is substantial', async () => {
    for (const substantial of [true, false, null, undefined]) {
      expect(await overCap({ unforeseeable: true, valueChange: 1_000_000, substantial }), `50%, substantial ${substantial}`).toBeUndefined();
      expect((await overCap({ unforeseeable: true, valueChange: 1_020_000, substantial }))?.severity, `51%, substantial ${substantial}`).toBe('non-compliant');
    }
    expect((await overCap({ unforeseeable: true, valueChange: 1_000_001 }))?.severity).toBe('non-compliant');
    const over = await run({ unforeseeable: true, valueChange: 1_200_000, substantial: null });
    expect(over.verdict).toBe('non-compliant');
    expect(over.findings.find((f) => f.ruleId === OVER)?.reason).toMatch(/The ground the plan relies on decides/);
  });

  it('additional services: the same cap for ground (b)', async () => {
    const b = { additionalServices: true, changeOfSupplierImpracticable: true };
    expect(await overCap({ ...b, valueChange: 1_000_000 })).toBeUndefined();
    expect((await overCap({ ...b, valueChange: 1_020_000 }))?.severity).toBe('non-compliant');
    expect((await run({ ...b, valueChange: 1_000_000, substantial: true })).holds.map((h) => h.ruleId)).toContain('pcr2015.modification.additional-services');
  });

  it('a change the authority judges not substantial, relying on ground (e) and not on (b) or (c), is decided by ground (e) whatever its value', async () => {
    const e = await run({ valueChange: 1_200_000, substantial: false });
    expect(e.findings.map((f) => f.ruleId)).not.toContain(OVER);
    expect(e.holds.find((h) => h.ruleId === 'pcr2015.modification.non-substantial')?.reason).toMatch(/^Ground \(e\) decides/);
    expect(e.verdict).toBe('compliant');
    // Relying on (c) as well, over its cap: the ground relied on decides, and (e) is not given as a reason it holds.
    const both = await run({ unforeseeable: true, valueChange: 1_200_000, substantial: false });
    expect(both.verdict).toBe('non-compliant');
    expect(both.holds.map((h) => h.ruleId)).not.toContain('pcr2015.modification.non-substantial');
  });
});

describe('reg 32(12): a repetition of similar services only during the 3 years following the conclusion of the original contract', () => {
  // The new contract is entered into on 1 November 2023 (the base plan's date).
  const repetition = (originalContractAwarded: string) =>
    merge(basePcr, merge(notLightTouch as Patch, {
      route: { process: 'negotiated-without-prior-publication' },
      justification: { ground: 'repetition', foreseenInOriginalNotice: true, originalAwardedCompetitively: true, originalContractAwarded },
    }));
  const RULE = 'pcr2015.negotiated.repetition';

  it('on the day three years after the original contract the ground is still open; a day later it is not', async () => {
    const onTheDay = await checker().check(repetition('2020-11-01'));
    expect(onTheDay.findings.map((f) => f.ruleId)).not.toContain(RULE);
    expect(onTheDay.holds.find((h) => h.ruleId === RULE)?.reason).toMatch(/within the 36 months reg 32\(12\) allows/);
    const dayLate = await checker().check(repetition('2020-10-31'));
    const late = dayLate.findings.find((f) => f.ruleId === RULE);
    expect(late?.severity).toBe('non-compliant');
    expect(late?.citation.provision).toBe('reg 32(9)-(12)');
    expect(dayLate.verdict).toBe('non-compliant');
  });
});

describe('reg 33: a direct call-off, and the framework\'s own term', () => {
  const callOff = (frameworkAgreement: Patch) =>
    merge(basePcr, merge(notLightTouch as Patch, {
      route: { process: 'framework-call-off' },
      frameworkAgreement: merge({ name: 'Case management systems framework', awardedUnder: 'pcr2015', endDate: '2024-06-30', authorityEntitled: true, callOff: 'direct' }, frameworkAgreement),
    }));
  const RULE = 'pcr2015.call-off.direct-not-allowed';

  it('reg 33(7)-(8): a direct call-off from a framework that does not set how the supplier is chosen breaks only a framework with several suppliers; not knowing which is a question', async () => {
    const several = await checker().check(callOff({ termsAllowDirectAward: false, singleOperator: false }));
    expect(several.findings.find((f) => f.ruleId === RULE)?.severity).toBe('non-compliant');
    const one = await checker().check(callOff({ termsAllowDirectAward: false, singleOperator: true }));
    expect(one.findings.map((f) => f.ruleId)).not.toContain(RULE);
    expect(one.holds.find((h) => h.ruleId === RULE)?.reason).toMatch(/single supplier.*reg 33\(7\)/);
    const open = await checker().check(callOff({ termsAllowDirectAward: false }));
    const asked = open.findings.find((f) => f.ruleId === RULE);
    expect(asked?.severity).toBe('review');
    expect(asked?.missingFacts.map((m) => m.planPath)).toEqual(['frameworkAgreement.singleOperator']);
    // A framework that sets all the terms and the objective conditions may be called off directly, however many suppliers it has.
    const set = await checker().check(callOff({ termsAllowDirectAward: true }));
    expect(set.findings.map((f) => f.ruleId)).not.toContain(RULE);
  });

  it('reg 33(5): only an authority the call for competition identifies may call off', async () => {
    const no = await checker().check(callOff({ termsAllowDirectAward: true, authorityEntitled: false }));
    expect(no.findings.find((f) => f.ruleId === 'pcr2015.call-off.authority-not-entitled')?.citation.provision).toBe('reg 33(4)-(5)');
  });

  it('reg 33(3): a framework of exactly four years is within the term; a month more needs an exceptional justification', async () => {
    const framework = (frameworkTermMonths: number, frameworkTermJustified: boolean) =>
      checker().check(merge(basePcr, merge(notLightTouch as Patch, { route: { process: 'open', framework: true, frameworkTermMonths, frameworkTermJustified } })));
    const four = await framework(48, false);
    expect(four.findings.map((f) => f.ruleId)).not.toContain('pcr2015.framework.max-term');
    expect(four.holds.find((h) => h.ruleId === 'pcr2015.framework.max-term')?.reason).toMatch(/within the 4 years reg 33\(3\) allows/);
    expect((await framework(49, false)).findings.find((f) => f.ruleId === 'pcr2015.framework.max-term')?.severity).toBe('non-compliant');
    expect((await framework(49, true)).findings.find((f) => f.ruleId === 'pcr2015.framework.max-term-justified')?.severity).toBe('review');
  });
});

describe('reg 72(5)-(7): a change below the threshold and below 10% (15% for works) of the initial value, the updated figure under an indexation clause', () => {
  // A case management system contract (not light touch) let for `original`, changed in 2024: the sub-central
  // threshold from 1 January 2024 is £214,904, compared with values including VAT, as these figures are.
  const change = (valueChange: number, original: number, p: Patch = {}) =>
    merge(basePcr, merge(merge(notLightTouch as Patch, {
      route: { process: 'modification' },
      value: { vatIncluded: true },
      dates: { procurementStart: '2024-09-01' },
      incumbent: { contractEnd: '2027-03-31', awardedUnder: 'pcr2015', originalLifetimeValue: original },
      change: { description: 'More licences', effectiveDate: '2024-10-01', valueChange, providedForInContract: false, materiallyDifferent: false, substantial: true, additionalServices: false, unforeseeable: false, providerSuccessionOnly: false },
    }), p));
  const DE_MINIMIS = 'pcr2015.modification.de-minimis';
  const NO_GROUND = 'pcr2015.modification.no-ground';
  const judge = async (valueChange: number, original: number, p: Patch = {}) => {
    const report = await checker().check(change(valueChange, original, p));
    return { deMinimis: report.holds.some((h) => h.ruleId === DE_MINIMIS), noGround: report.findings.find((f) => f.ruleId === NO_GROUND)?.severity, report };
  };

  it('services: £1 under 10% of £2m is within it; 10% itself is not below it', async () => {
    expect(await judge(199_999, 2_000_000)).toMatchObject({ deMinimis: true, noGround: undefined });
    expect(await judge(200_000, 2_000_000)).toMatchObject({ deMinimis: false, noGround: 'non-compliant' });
  });

  it('the threshold limb: on £5m, £1 under the threshold is within it; the threshold itself is not', async () => {
    const under = await judge(214_903, 5_000_000);
    expect(under.report.facts.threshold).toBe(214_904);
    expect(under).toMatchObject({ deMinimis: true, noGround: undefined });
    expect(await judge(214_904, 5_000_000)).toMatchObject({ deMinimis: false, noGround: 'non-compliant' });
  });

  it('works: £1 under 15% of £2m is within it; 15% itself is not', async () => {
    expect(await judge(299_999, 2_000_000, { contractType: 'works' })).toMatchObject({ deMinimis: true, noGround: undefined });
    expect(await judge(300_000, 2_000_000, { contractType: 'works' })).toMatchObject({ deMinimis: false, noGround: 'non-compliant' });
  });

  it('successive modifications: the net cumulative value is what is tested (reg 72(6))', async () => {
    expect(await judge(50_000, 2_000_000, { change: { cumulativeValueChange: 200_000 } })).toMatchObject({ deMinimis: false, noGround: 'non-compliant' });
    expect(await judge(50_000, 2_000_000, { change: { cumulativeValueChange: 199_999 } })).toMatchObject({ deMinimis: true });
  });

  it('with an indexation clause the updated figure is the reference (reg 72(7)): £210,000 is 10.5% of £2m but under 10% of £2.2m', async () => {
    expect(await judge(210_000, 2_000_000)).toMatchObject({ deMinimis: false, noGround: 'non-compliant' });
    const indexed = await judge(210_000, 2_000_000, { incumbent: { indexedLifetimeValue: 2_200_000 } });
    expect(indexed).toMatchObject({ deMinimis: true, noGround: undefined });
    expect(indexed.report.holds.find((h) => h.ruleId === DE_MINIMIS)?.reason).toMatch(/£2,200,000, updated under an indexation clause/);
  });

  it('and for the 50% cap on grounds (b) and (c): £1.1m is 55% of £2m but exactly 50% of £2.2m', async () => {
    const c = { unforeseeable: true };
    const over = await checker().check(change(1_100_000, 2_000_000, { change: c }));
    expect(over.findings.find((f) => f.ruleId === 'pcr2015.modification.over-cap')?.severity).toBe('non-compliant');
    const indexed = await checker().check(change(1_100_000, 2_000_000, { change: c, incumbent: { indexedLifetimeValue: 2_200_000 } }));
    expect(indexed.findings.map((f) => f.ruleId)).not.toContain('pcr2015.modification.over-cap');
    expect(indexed.holds.map((h) => h.ruleId)).toContain('pcr2015.modification.unforeseeable');
  });
});
