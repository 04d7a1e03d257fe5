import { extendTerm, termEnd } from '../../src/plan/dates.js';
import { describe, expect, it } from 'vitest';
import { deriveFacts, lifetimeValue, decideRegime } from '../../src/plan/facts.js';
import { parsePlan } from '../../src/plan/parse.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { plan } from '../support/plans.js';

const params = loadRuleSet().params;
const facts = (patch: Record<string, unknown> = {}) => deriveFacts(parsePlan(plan(patch)), params);
const nonHealth = { services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }] };

describe('lifetime value', () => {
  it('is annual plus possible provision over the maximum term (Coventry: (£5.053m + £1m) x 9 years)', () => {
    const p = parsePlan(
      plan({
        value: { annual: 5_053_000, possibleAnnual: 1_000_000 },
        term: {
          initialMonths: 60,
          extensions: [
            { months: 24, exercise: 'authority-option', statedInContract: true },
            { months: 24, exercise: 'authority-option', statedInContract: true },
          ],
        },
      }),
    );
    expect(lifetimeValue(p)).toBe(54_477_000);
  });
  it('a stated lifetime value wins; an unknown annual value gives an unknown lifetime value', () => {
    expect(lifetimeValue(parsePlan(plan({ value: { lifetime: 1_234 } })))).toBe(1_234);
    expect(lifetimeValue(parsePlan(plan({ value: { annual: null } })))).toBeNull();
  });
});

describe('which regime applies', () => {
  const regimeOn = (procurementStart: string, patch: Record<string, unknown> = {}) =>
    facts({ ...patch, dates: { procurementStart, contractStart: '2030-01-01', awardDecision: undefined, contractSigned: undefined } }).applicableRegime;

  it('PCR 2006 before 26 February 2015, PCR 2015 from that day', () => {
    expect(regimeOn('2015-02-25', nonHealth)).toBe('pcr2006');
    expect(regimeOn('2015-02-26', nonHealth)).toBe('pcr2015');
  });
  it('health care services by a relevant authority: PCR 2015 until 31 December 2023, PSR from 1 January 2024', () => {
    expect(regimeOn('2023-12-31')).toBe('pcr2015');
    expect(regimeOn('2024-01-01')).toBe('psr');
  });
  it('other services: PCR 2015 until 23 February 2025, the Procurement Act from 24 February 2025', () => {
    expect(regimeOn('2025-02-23', nonHealth)).toBe('pcr2015');
    expect(regimeOn('2025-02-24', nonHealth)).toBe('pa2023');
  });
  it('a body that is not a PSR relevant authority never uses the PSR', () => {
    expect(regimeOn('2025-06-01', { authority: { type: 'other-public-body' } })).toBe('pa2023');
  });
  it('mixed (reg 3): the main subject matter by estimated lifetime value decides, whatever the answer on separability; separable other elements leave the health care part under the PSR', () => {
    const mixed = (share: number, separable: boolean | null) => ({
      services: [
        { description: 'Treatment', cpv: ['85312500'], healthCare: true, valueShare: share },
        { description: 'IT', cpv: ['48000000'], healthCare: false, valueShare: 1 - share },
      ],
      mixedProcurement: { otherElementsSeparable: separable },
    });
    expect(regimeOn('2025-06-01', mixed(0.8, false))).toBe('psr');
    expect(regimeOn('2025-06-01', mixed(0.8, true))).toBe('psr');
    expect(regimeOn('2025-06-01', mixed(0.5, false))).toBe('pa2023');
    // Health care the main subject: PSR whether or not the rest could be separated.
    expect(regimeOn('2025-06-01', mixed(0.8, null))).toBe('psr');
    expect(regimeOn('2025-06-01', mixed(0.51, null))).toBe('psr');
    // Not the main subject (reg 3(3)(a), 3(4)(a)): never the PSR, however separability is answered.
    for (const separable of [true, false, null]) {
      expect(regimeOn('2025-06-01', mixed(0.3, separable))).toBe('pa2023');
      expect(regimeOn('2025-06-01', mixed(0.49, separable))).toBe('pa2023');
      expect(regimeOn('2025-06-01', mixed(0.5, separable))).toBe('pa2023');
    }
  });
  it('a change to a contract follows the regime it was awarded under, and says so', () => {
    const p = parsePlan(plan({ route: { process: 'modification' }, incumbent: { awardedUnder: 'pcr2015' } }));
    const decision = decideRegime(p, params, false);
    expect(decision.regime).toBe('pcr2015');
    expect(decision.basis).toContain('awarded under');
    // A PSR health care contract changed while the PSR is in force: PSR reg 29(2).
    expect(decideRegime(p, params, true).regime).toBe('psr');
  });
  it('the regime is unknown, not guessed, when the services are not classified', () => {
    expect(facts({ services: [{ description: 'Treatment', cpv: ['85312500'] }] }).applicableRegime).toBeNull();
  });
});

describe('health care scope left out: it follows the CPV codes (PSR reg 2(1), Schedule 1)', () => {
  const scopeOf = (type: string, cpv: string[], healthCare?: boolean | null) => {
    const f = facts({ authority: { type }, services: [{ description: 'Service', cpv, healthCare }] });
    return { known: f.servicesHealthCareKnown, psr: f.psrScope, regime: f.applicableRegime, basis: f.regimeBasis };
  };
  it('no code within Schedule 1 (nor broader than one of its codes): not health care, so not the PSR', () => {
    for (const type of ['local-authority', 'icb']) {
      const s = scopeOf(type, ['48000000']);
      expect(s).toMatchObject({ known: true, psr: false, regime: 'pa2023' });
      expect(s.basis).toContain('no CPV code within PSR Schedule 1');
    }
  });
  it('a code the Schedule names without a limit, bought by an NHS body: health care under the PSR', () => {
    expect(scopeOf('icb', ['85100000'])).toMatchObject({ known: true, psr: true, regime: 'psr' });
    expect(scopeOf('nhs-trust', ['48000000', '85121000-3'])).toMatchObject({ known: true, psr: true });
  });
  it('the codes leave it open: a council (public health or social care?), a row limited in extent, a code the table does not name or a broader one', () => {
    expect(scopeOf('local-authority', ['85100000'])).toMatchObject({ known: false, psr: null, regime: null });
    expect(scopeOf('icb', ['85312500'])).toMatchObject({ known: false, psr: null });
    expect(scopeOf('icb', ['85323000'])).toMatchObject({ known: false, psr: null });
    expect(scopeOf('icb', ['85000000'])).toMatchObject({ known: false, psr: null });
  });
  it('a code the table does not name, even one under a listed code, is not within it (reg 2(1)): not health care, whoever buys', () => {
    // 85110000 is listed, and so are 85111000 and 85112200 under it, but not 85112000 (hospital support) or 85112100 (hospital bedding).
    for (const type of ['icb', 'nhs-trust', 'local-authority'])
      for (const code of ['85112000', '85112100-1']) expect(scopeOf(type, [code]), `${type} ${code}`).toMatchObject({ known: true, psr: false });
    // The listed code beside it decides for the service; a row the table limits stays a question.
    expect(scopeOf('icb', ['85112000', '85112200'])).toMatchObject({ known: true, psr: true });
    expect(scopeOf('icb', ['85112000', '85312500'])).toMatchObject({ known: false, psr: null });
    // Called health care with only such a code: the flag is followed, and the code is said to be outside the Schedule.
    expect(facts({ services: [{ description: 'Hospital support', cpv: ['85112000'], healthCare: true }] }).healthCareClaimOutsideSchedule1).toBe(true);
    expect(facts({ services: [{ description: 'Outpatient care', cpv: ['85112200'], healthCare: true }] }).healthCareClaimOutsideSchedule1).toBe(false);
  });
  it('a stated flag wins, and a stated unknown (null) stays unknown whatever the codes', () => {
    expect(scopeOf('icb', ['48000000'], null)).toMatchObject({ known: false, psr: null });
    expect(scopeOf('icb', ['85100000'], false)).toMatchObject({ known: true, psr: false });
    expect(scopeOf('local-authority', ['85100000'], true)).toMatchObject({ known: true, psr: true });
  });
  it('mixed services: a separable IT element left out is judged by its code, the health care part stays under the PSR', () => {
    const f = facts({
      authority: { type: 'icb' },
      services: [
        { description: 'Treatment', cpv: ['85100000'], valueShare: 0.9 },
        { description: 'Case management system', cpv: ['48000000'], valueShare: 0.1 },
      ],
      mixedProcurement: { otherElementsSeparable: true },
    });
    expect(f).toMatchObject({ servicesHealthCareKnown: true, mixedProcurement: true, healthCareShare: 0.9, psrScope: true });
  });
});

describe('other derived facts', () => {
  it('the increase in lifetime value over the existing contract, absolute and relative', () => {
    const f = facts({ incumbent: { originalLifetimeValue: 4_000_000 }, term: { initialMonths: 60, extensions: [] } });
    expect(f.lifetimeValue).toBe(5_000_000);
    expect(f.lifetimeValueIncrease).toBe(1_000_000);
    expect(f.lifetimeValueIncreaseRatio).toBe(0.25);
  });
  it('whether the provider may change depends on the process', () => {
    expect(facts().providerMayChange).toBe(true);
    expect(facts({ route: { process: 'direct-award-c' } }).providerMayChange).toBe(false);
    expect(facts({ route: { process: 'extension' } }).providerMayChange).toBe(false);
  });
  it('the maximum term and the end date with every option: 84 months from 1 April 2026 end on 31 March 2033', () => {
    const f = facts();
    expect(f.maxTermMonths).toBe(84);
    expect(f.contractEndIfAllOptions).toBe('2033-03-31');
  });

  it('a term of N months from day D ends on the day before D + N months, or the last day of a month with no such day', () => {
    expect(termEnd('2026-04-01', 12)).toBe('2027-03-31');
    expect(termEnd('2026-04-15', 1)).toBe('2026-05-14');
    expect(termEnd('2027-01-31', 1)).toBe('2027-02-28');
    expect(termEnd('2028-01-31', 1)).toBe('2028-02-29');
    expect(termEnd('2026-03-31', 1)).toBe('2026-04-30');
    expect(termEnd('2026-12-01', 1)).toBe('2026-12-31');
    // A term ends where the same term, extended from its end, starts again the next day.
    expect(extendTerm(termEnd('2026-04-01', 60), 24)).toBe(termEnd('2026-04-01', 84));
  });
});
