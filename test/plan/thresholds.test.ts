// Which threshold applies and whether a plan's value reaches it, on the VAT
// basis of the day; CPV matching for the light-touch lists.
import { describe, expect, it } from 'vitest';
import { cpvWithin } from '../../src/plan/cpv.js';
import { reaches } from '../../src/plan/thresholds.js';
import { deriveFacts } from '../../src/plan/facts.js';
import { parsePlan } from '../../src/plan/parse.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { merge, type Patch } from '../support/plans.js';
import { basePcr } from '../rules/pcr2015.cases.js';
import { basePa } from '../rules/pa2023.cases.js';

const params = loadRuleSet().params;
const pcr = (patch: Patch = {}) => deriveFacts(parsePlan(merge(basePcr, patch)), params);
const pa = (patch: Patch = {}) => deriveFacts(parsePlan(merge(basePa, patch)), params);

describe('CPV codes', () => {
  it('a code falls under a listed parent by its significant digits', () => {
    expect(cpvWithin('85312500', ['85000000'])).toBe(true);
    expect(cpvWithin('85312500-4', ['85312000'])).toBe(true);
    expect(cpvWithin('85100000', ['85312000'])).toBe(false);
    expect(cpvWithin('48000000', ['85000000', '80000000'])).toBe(false);
    expect(cpvWithin('80500000', ['80000000'])).toBe(true);
  });
});

describe('VAT basis', () => {
  it('a value without VAT against a VAT-inclusive threshold is judged at both ends', () => {
    expect(reaches(700_000, 663_540, false, true, 0.2)).toEqual({ reached: true, vatUncertain: false });
    // £600,000 is £600,000 if exempt and £720,000 with standard-rate VAT: either side of £663,540.
    expect(reaches(600_000, 663_540, false, true, 0.2)).toEqual({ reached: null, vatUncertain: true });
    expect(reaches(600_000, 663_540, false, false, 0.2)).toEqual({ reached: false, vatUncertain: false });
    expect(reaches(500_000, 663_540, false, true, 0.2)).toEqual({ reached: false, vatUncertain: false });
  });
  it('a value with VAT against a VAT-exclusive threshold is judged at both ends', () => {
    expect(reaches(700_000, 625_050, true, false, 0.2)).toEqual({ reached: null, vatUncertain: true });
    expect(reaches(800_000, 625_050, true, false, 0.2)).toEqual({ reached: true, vatUncertain: false });
  });
  it('an unknown value reaches nothing, and whether VAT could decide it is as unknown', () => {
    expect(reaches(null, 1, true, true, 0.2)).toEqual({ reached: null, vatUncertain: null });
  });
});

describe('threshold facts', () => {
  it('health and social services are light-touch by their CPV code; software is not', () => {
    expect(pcr().lightTouch).toBe(true);
    expect(pcr().thresholdParam).toBe('pcr2015.threshold.light-touch');
    expect(pa().lightTouch).toBe(false);
    expect(pa().thresholdParam).toBe('pa2023.threshold.services-sub-central');
  });
  it('a plan may say a service is light-touch when the code list does not', () => {
    expect(pa({ services: [{ description: 'Bespoke', cpv: ['48000000'], healthCare: false, lightTouch: true }] }).lightTouch).toBe(true);
  });
  it('a mixed contract is light-touch when light-touch services are most of its value, and unknown without the shares', () => {
    const mixed = (share?: number) => ({
      services: [
        { description: 'Support', cpv: ['85320000'], healthCare: false, ...(share === undefined ? {} : { valueShare: share }) },
        { description: 'Software', cpv: ['48000000'], healthCare: false, ...(share === undefined ? {} : { valueShare: 1 - share }) },
      ],
    });
    expect(pa(mixed(0.7)).lightTouch).toBe(true);
    expect(pa(mixed(0.3)).lightTouch).toBe(false);
    expect(pa(mixed()).lightTouch).toBeNull();
    expect(pa(mixed()).threshold).toBeNull();
  });
  it('NHS bodies meet the central government thresholds, councils the sub-central ones, other bodies must say', () => {
    expect(pa({ authority: { type: 'nhs-trust' } }).thresholdParam).toBe('pa2023.threshold.services-central');
    expect(pa({ authority: { type: 'other-public-body' } }).thresholdTier).toBeNull();
    expect(pa({ authority: { type: 'other-public-body', thresholdTier: 'central' } }).threshold).toBe(135_018);
  });
  it('works contracts use the works threshold', () => {
    expect(pa({ contractType: 'works' }).thresholdParam).toBe('pa2023.threshold.works');
    expect(pcr({ contractType: 'works' }).threshold).toBe(5_336_937);
  });
  it('a PCR 2015 contract changed after the Act keeps the last PCR thresholds', () => {
    const f = pcr({
      // Not a PSR health care contract: a health care contract changed now falls under the PSR (reg 29(2)).
      services: [{ description: "Young people's outreach support (non-clinical)", cpv: ['85312000'], healthCare: false }],
      route: { process: 'modification' },
      dates: { procurementStart: '2026-03-01', contractStart: '2026-04-01', awardDecision: undefined, contractSigned: undefined },
      incumbent: { awardedUnder: 'pcr2015', originalLifetimeValue: 2_000_000 },
      change: { description: 'Add a service', valueChange: 100_000 },
    });
    expect(f.regime).toBe('pcr2015');
    expect(f.threshold).toBe(663_540);
    expect(f.changeBelowThreshold).toBe(true);
  });
  it('no threshold under the PSR', () => {
    const f = pcr({ dates: { procurementStart: '2024-06-01', awardDecision: '2024-10-01', contractSigned: '2024-11-01', contractStart: '2025-04-01' }, route: { regime: 'psr', process: 'competitive' } });
    expect(f.regime).toBe('psr');
    expect(f.threshold).toBeNull();
    expect(f.aboveThreshold).toBeNull();
  });
});

describe('regime of changes and call-offs', () => {
  const change = (awardedUnder: string, procurementStart: string) =>
    pcr({
      services: [{ description: "Young people's outreach support (non-clinical)", cpv: ['85312000'], healthCare: false }],
      route: { regime: 'auto', process: 'extension' },
      dates: { procurementStart, contractStart: '2030-01-01', awardDecision: undefined, contractSigned: undefined },
      incumbent: { awardedUnder },
      change: { description: 'Extend', extensionMonths: 6, providedForInContract: true },
    });
  it('a change to a PCR 2006 contract made from 26 February 2015 is judged under PCR 2015 reg 72 (reg 118(5A))', () => {
    expect(change('pcr2006', '2017-03-08').regime).toBe('pcr2015');
    expect(String(change('pcr2006', '2017-03-08').regimeBasis)).toContain('118(5A)');
    expect(change('pcr2006', '2015-01-10').regime).toBe('pcr2006');
  });
  it('a change follows the regime the contract was awarded under, even after the Act came in', () => {
    expect(change('pcr2015', '2026-06-01').regime).toBe('pcr2015');
    expect(change('pa2023', '2026-06-01').regime).toBe('pa2023');
  });
  it('a change to a PSR health care contract made while the PSR is in force is judged under the PSR, however it was awarded (reg 29(2))', () => {
    const health = (awardedUnder: string) =>
      pcr({ route: { regime: 'auto', process: 'extension' }, dates: { procurementStart: '2026-06-01', contractStart: '2030-01-01', awardDecision: undefined, contractSigned: undefined }, incumbent: { awardedUnder }, change: { description: 'Extend', extensionMonths: 6, providedForInContract: true } });
    expect(health('pcr2015').regime).toBe('psr');
    expect(String(health('pcr2015').regimeBasis)).toContain('29(2)');
  });
  it('a call-off follows the regime of its framework', () => {
    const callOff = (awardedUnder: string | null) =>
      pa({ route: { regime: 'auto', process: 'framework-call-off' }, frameworkAgreement: { name: 'F', awardedUnder } });
    expect(callOff('pcr2015').regime).toBe('pcr2015');
    expect(String(callOff('pcr2015').regimeBasis)).toContain('framework');
    // A 2025 call-off may be from a PCR 2015 framework: with the framework's regime unknown, so is the call-off's.
    expect(callOff(null).regime).toBeNull();
    expect(String(callOff(null).regimeBasis)).toContain('frameworkAgreement.awardedUnder');
  });
  it('the basis says why a contract is outside the PSR', () => {
    expect(String(pa().regimeBasis)).toContain('none of its services is a health care service');
    // The provision that decides: PSR reg 29(1)(a) saves a procedure commenced before 1 January 2024, as reg 29(4) says a procedure commences.
    expect(String(pcr().regimeBasis)).toContain('the PSR does not affect a contract award procedure commenced before 2024-01-01 (PSR reg 29(1)(a))');
    expect(String(pcr().regimeBasis)).toContain('(reg 29(4)(a))');
  });
});

describe('deciding a threshold whenever it can be decided', () => {
  it('an unknown annual value whose possible provision alone reaches the threshold reaches it', () => {
    expect(pcr({ value: { annual: null, possibleAnnual: 5_000_000 } }).aboveThreshold).toBe(true);
    expect(pcr({ value: { annual: null, possibleAnnual: 10 } }).aboveThreshold).toBeNull();
    expect(pcr({ value: { annual: null } }).aboveThreshold).toBeNull();
  });
  it('a body of unknown tier reaches (or misses) the threshold when every tier agrees', () => {
    const other = (annual: number) => pa({ authority: { type: 'other-public-body' }, value: { annual } });
    expect(other(0).thresholdTier).toBeNull();
    expect(other(0).aboveThreshold).toBe(false);
    expect(other(10_000_000).aboveThreshold).toBe(true);
    // Between the central and sub-central thresholds: it depends on the tier.
    expect(other(45_000).aboveThreshold).toBeNull();
  });
});
