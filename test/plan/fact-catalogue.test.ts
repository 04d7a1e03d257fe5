import { describe, expect, it } from 'vitest';
import { FACT_CATALOGUE, isFactName, sourcesOf, unknownSources, type FactInfo, type FactName } from '../../src/plan/fact-catalogue.js';

const catalogue = FACT_CATALOGUE as Record<FactName, FactInfo>;
const names = Object.keys(catalogue) as FactName[];

/**
 * Facts with a planPath that are computed from it (and never unknown), not read
 * from it: they need neither a question nor `from`.
 */
const NEVER_UNKNOWN_DERIVED = new Set<FactName>(['thresholdVatUncertain', 'changeWhilePsrInForce']);

/** Fact values from a partial map: a fact not listed is unknown. */
const values =
  (known: Partial<Record<FactName, unknown>>) =>
  (f: FactName): unknown =>
    known[f];

describe('fact catalogue: questions and sources', () => {
  it('every fact read from a single plan field has a question ending in "?"', () => {
    const lacking = names.filter((f) => {
      const info = catalogue[f];
      if (info.planPath === undefined || sourcesOf(f) !== undefined || NEVER_UNKNOWN_DERIVED.has(f)) return false;
      return !(typeof info.question === 'string' && info.question.trim().endsWith('?'));
    });
    expect(lacking).toEqual([]);
  });

  it('every question ends in "?"', () => {
    const bad = names.filter((f) => catalogue[f].question !== undefined && !catalogue[f].question!.endsWith('?'));
    expect(bad).toEqual([]);
  });

  it('a compound planPath marks a derived fact', () => {
    const compound = names.filter((f) => / and /.test(catalogue[f].planPath ?? ''));
    expect(compound.length).toBeGreaterThan(0);
    expect(compound.filter((f) => sourcesOf(f) === undefined)).toEqual([]);
  });

  it('no fact has both a question and `from`', () => {
    expect(names.filter((f) => catalogue[f].question !== undefined && sourcesOf(f) !== undefined)).toEqual([]);
  });

  it('every name in every `from` is a catalogue fact, other than the fact itself, listed once', () => {
    for (const f of names) {
      const from = sourcesOf(f);
      if (from === undefined) continue;
      expect(from.filter((s) => !isFactName(s)), f).toEqual([]);
      expect(from, f).not.toContain(f);
      expect(new Set(from).size, f).toBe(from.length);
      expect(from.length, f).toBeGreaterThan(0);
    }
  });

  it('the `from` graph has no cycle', () => {
    const state = new Map<FactName, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: FactName, path: FactName[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'visiting');
      for (const s of sourcesOf(f) ?? []) if (isFactName(s)) visit(s, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of names) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('every derived fact leads back to questions', () => {
    // With every fact unknown, each derived fact names only facts with a question.
    const allUnknown = values({});
    for (const f of names.filter((n) => sourcesOf(n) !== undefined)) {
      const sources = unknownSources(f, allUnknown);
      expect(sources.length, f).toBeGreaterThan(0);
      expect(sources.filter((s) => catalogue[s].question === undefined), f).toEqual([]);
    }
  });
});

describe('unknownSources', () => {
  it('a fact with a question is its own source', () => {
    expect(unknownSources('incumbentSatisfying', values({}))).toEqual(['incumbentSatisfying']);
    expect(unknownSources('annualValue', values({ annualValue: null }))).toEqual(['annualValue']);
  });

  it('lifetime value increase: only the unknown inputs are asked about', () => {
    expect(unknownSources('lifetimeValueIncrease', values({ lifetimeValue: 1_000_000, originalLifetimeValue: null }))).toEqual(['originalLifetimeValue']);
    expect(unknownSources('lifetimeValueIncrease', values({ lifetimeValue: null, annualValue: null, originalLifetimeValue: 500_000 }))).toEqual([
      'annualValue',
    ]);
    expect(unknownSources('lifetimeValueIncrease', values({ lifetimeValue: null, annualValue: null, originalLifetimeValue: null }))).toEqual([
      'annualValue',
      'originalLifetimeValue',
    ]);
  });

  it('follows derived facts back through several steps, without repeats', () => {
    // latestDecisionDate <- latestProcurementStart <- latestTenderDeadline <- latestAwardDecision <- latestContractSigned
    expect(
      unknownSources(
        'latestDecisionDate',
        values({ regime: 'pa2023', standstillApplies: true, contractStart: '2027-04-01', mobilisationMonths: null, evaluationWeeks: 6, tenderPeriodDays: null, approvalWeeks: null }),
      ),
    ).toEqual(['mobilisationMonths', 'approvalWeeks', 'tenderPeriodDays']);
    // Only the approval time is missing.
    expect(unknownSources('latestDecisionDate', values({ latestProcurementStart: '2026-01-05', approvalWeeks: null }))).toEqual(['approvalWeeks']);
  });

  it('the regime: the services\' health care flags count as unknown when not all stated', () => {
    const facts = {
      servicesHealthCareKnown: false,
      healthCareShare: null,
      otherElementsSeparable: null,
      incumbentAwardedUnder: 'pcr2015',
      regime: null,
      applicableRegime: null,
    };
    expect(unknownSources('regime', values(facts))).toEqual(['servicesHealthCareKnown', 'serviceSharesStated']);
    // Mixed services all classified: only their shares of the value decide (PSR reg 3(3)(a), 3(4)(a)), never whether the rest could be separated.
    expect(unknownSources('regime', values({ ...facts, servicesHealthCareKnown: true }))).toEqual(['serviceSharesStated']);
    // A threshold unknown because the regime is: asked about the regime's sources, not the threshold.
    expect(
      unknownSources('aboveThreshold', values({ ...facts, servicesHealthCareKnown: true, thresholdVatUncertain: false, thresholdTier: 'central', lifetimeValue: 2_000_000, estimatedValue: 2_000_000 })),
    ).toEqual(['serviceSharesStated']);
  });

  it('an unknown fact with no question and no unknown source names itself', () => {
    // The ratio is unknown with both inputs known (an original value of 0): nothing else to ask about.
    expect(
      unknownSources('changeCumulativeRatio', values({ changeCumulativeRatio: null, changeCumulativeValue: 10_000, originalLifetimeValue: 0 })),
    ).toEqual(['changeCumulativeRatio']);
    // A fact with neither a question nor `from`.
    expect(unknownSources('maxTermMonths', values({ maxTermMonths: null }))).toEqual(['maxTermMonths']);
    expect(unknownSources('maxTermMonths', values({ maxTermMonths: 60 }))).toEqual([]);
  });

  it('returns sources in catalogue order', () => {
    const order = (fs: FactName[]) => fs.map((f) => names.indexOf(f));
    const sources = unknownSources('abovePublicationLimit', values({}));
    expect(order(sources)).toEqual([...order(sources)].sort((a, b) => a - b));
  });
});
