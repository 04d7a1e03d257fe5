// fast-check generators of plans the schema accepts: every enum value, known
// and unknown facts, dates from before 2015 to after the calendar's coverage.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { AuthorityType, Process, RegimeChoice } from '../../src/plan/schema.js';
import type { PlanInput } from '../../src/plan/schema.js';

const day0 = DateTime.fromISO('2012-01-01', { zone: 'Europe/London' });
const iso = (offset: number) => day0.plus({ days: offset }).toISODate()!;

/** A date from 2012 to about 2032 as a day offset. */
const dayOffset = fc.integer({ min: 0, max: 7300 });
const tri = fc.constantFrom(true, false, null, undefined);
const money = fc.integer({ min: 0, max: 50_000_000 });

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const service = fc.record({
  description: fc.constantFrom('Treatment', 'Recovery support', 'Case management system', 'Training'),
  cpv: fc.array(fc.constantFrom('85312500', '85100000-0', '48000000', '80500000'), { minLength: 1, maxLength: 2 }),
  healthCare: tri,
  valueShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
}).map(defined);

const extension = fc
  .record({
    months: fc.integer({ min: 1, max: 48 }),
    exercise: fc.constantFrom('authority-option' as const, 'mutual-agreement' as const),
    statedInContract: tri,
  })
  .map(defined);

export const planArbitrary: fc.Arbitrary<PlanInput> = fc
  .record({
    authorityType: fc.constantFrom(...AuthorityType.options),
    services: fc.array(service, { minLength: 1, maxLength: 3 }),
    separable: fc.option(tri, { nil: undefined }),
    annual: fc.oneof(money, money, fc.constant(null)),
    possible: fc.option(money, { nil: undefined }),
    lifetime: fc.option(money, { nil: undefined }),
    initialMonths: fc.integer({ min: 1, max: 120 }),
    extensions: fc.array(extension, { maxLength: 3 }),
    regime: fc.constantFrom(...RegimeChoice.options),
    process: fc.constantFrom(...Process.options),
    framework: fc.boolean(),
    start: dayOffset,
    awardAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    signedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    contractAfter: fc.integer({ min: 0, max: 900 }),
    statedDeadlineAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    incumbent: fc.option(
      fc.record({
        endOffset: fc.integer({ min: -400, max: 400 }),
        awardedUnder: fc.constantFrom('psr', 'pcr2015', 'pa2023', 'pcr2006', 'other', null, undefined),
        satisfying: tri,
        likely: tri,
        remaining: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
        originalLv: fc.option(fc.integer({ min: 1, max: 50_000_000 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    directAward: fc.option(
      fc.record({
        onlyProviderCapable: tri,
        patientChoiceService: tri,
        providerNumbersRestricted: tri,
        allQualifyingProvidersOffered: tri,
        materiallyDifferent: tri,
        changeAttributableToAuthority: tri,
        mostSuitableProviderIdentifiable: tri,
        replacesExpiringContract: tri,
      }).map(defined),
      { nil: undefined },
    ),
    change: fc.option(
      fc.record({
        extensionMonths: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
        valueChange: fc.option(fc.integer({ min: -5_000_000, max: 5_000_000 }), { nil: undefined }),
        providedForInContract: tri,
        materiallyDifferent: tri,
        attributableToAuthority: tri,
        externalFactors: tri,
        providerSuccessionOnly: tri,
      }),
      { nil: undefined },
    ),
    urgency: fc.option(fc.record({ foreseeable: tri, attributableToAuthority: tri, delayRisksSafety: tri }).map(defined), { nil: undefined }),
    staff: fc.option(
      fc.record({
        assignedToService: tri,
        activitiesFundamentallyChanged: tri,
        pensionSchemes: fc.subarray(['lgps', 'nhs-pension-scheme', 'other-defined-benefit', 'defined-contribution', 'unknown'] as const),
      }).map(defined),
      { nil: undefined },
    ),
    governance: fc.option(
      fc.record({ conflictsOfInterestManaged: tri, recordsKept: tri, keyCriteriaConsidered: tri, basicSelectionCriteriaApplied: tri }).map(defined),
      { nil: undefined },
    ),
  })
  .map((g): PlanInput => {
    const award = g.awardAfter === undefined ? undefined : g.start + g.awardAfter;
    const contractStart = g.start + g.contractAfter;
    return defined({
      id: 'generated',
      title: 'Generated plan',
      authority: { name: 'Generated Council', type: g.authorityType },
      services: g.services as PlanInput['services'],
      mixedProcurement: g.separable === undefined ? undefined : { otherElementsSeparable: g.separable },
      value: defined({ annual: g.annual, vatIncluded: false, possibleAnnual: g.possible, lifetime: g.lifetime }),
      term: { initialMonths: g.initialMonths, extensions: g.extensions as NonNullable<PlanInput['term']['extensions']> },
      route: { regime: g.regime, process: g.process, framework: g.framework },
      dates: defined({
        procurementStart: iso(g.start),
        awardDecision: award === undefined ? undefined : iso(award),
        contractSigned: award === undefined || g.signedAfter === undefined ? undefined : iso(award + g.signedAfter),
        contractStart: iso(contractStart),
        statedRepresentationsDeadline: award === undefined || g.statedDeadlineAfter === undefined ? undefined : iso(award + g.statedDeadlineAfter),
        // The most suitable provider process's step 1 submission (stated, not known, or left out: the procurement start)
        // and step 2 (either side of the 14 days and of the intention), from values already drawn, so the fixed-seed
        // samples of every other plan stay as they were.
        ...(g.process === 'most-suitable-provider' && g.signedAfter !== undefined
          ? {
              mspIntentionSubmitted: g.signedAfter % 3 === 0 ? null : g.signedAfter % 3 === 1 ? iso(g.start + (g.signedAfter % 7)) : undefined,
              mspProvidersIdentified: g.statedDeadlineAfter === undefined ? undefined : iso(g.start + 10 + g.statedDeadlineAfter),
            }
          : {}),
      }),
      incumbent: g.incumbent
        ? defined({
            provider: 'Incumbent',
            contractEnd: iso(contractStart + g.incumbent.endOffset),
            awardedUnder: g.incumbent.awardedUnder,
            satisfyingContract: g.incumbent.satisfying,
            likelyToSatisfyNewContract: g.incumbent.likely,
            extensionRemainingMonths: g.incumbent.remaining,
            originalLifetimeValue: g.incumbent.originalLv,
          })
        : undefined,
      directAward: g.directAward,
      change: g.change ? defined({ description: 'Generated change', effectiveDate: iso(g.start), ...g.change }) : undefined,
      urgency: g.urgency ? { reason: 'Generated urgency', ...g.urgency } : undefined,
      staff: g.staff as PlanInput['staff'],
      governance: g.governance,
    }) as PlanInput;
  });
