// Every rule in the rule set: a plan that fires it and a plan that does not.
// Each suite (test/rules/*.cases.ts) varies one compliant base plan. A rule
// added without an entry in a suite fails the coverage test at the end.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { merge, plan, type Patch, type RuleSuite } from './support/plans.js';
import { da } from './rules/psr.cases.js';
import { SUITES } from './rules/suites.js';
import { PA2023_SUITE } from './rules/pa2023.cases.js';

/**
 * The rules that fire: decided, or, for a review rule, at its own severity
 * (a review rule whose question is an unknown fact, e.g. scope.regime-unknown, fires by being open).
 */
async function firedRules(suite: RuleSuite, patch: Patch) {
  const report = await checker().check(suite.plan(patch), { trace: true });
  const severity = new Map(checker().ruleSet.rules.map((r) => [r.id, r.severity]));
  // Fired: its test held (a finding, or a route description, a reason it holds, a condition in its own words: the trace says which fired).
  const fired = report.trace!.filter((t) => t.outcome === 'fired').map((t) => t.ruleId);
  const openReviews = report.findings.filter((f) => f.missingFacts.length > 0 && severity.get(f.ruleId) === 'review').map((f) => f.ruleId);
  return [...fired, ...openReviews];
}

describe.each(SUITES)('$name', (suite) => {
  it('the base plan is compliant, so each case below changes one thing', async () => {
    const report = await checker().check(suite.plan());
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.verdict).toBe('compliant');
  });

  describe.each(Object.entries(suite.cases))('rule %s', (ruleId, [fires, quiet]) => {
    it('fires on a plan that breaks or meets it', async () => {
      expect(await firedRules(suite, fires)).toContain(ruleId);
    });
    it('does not fire on a plan that does not', async () => {
      expect(await firedRules(suite, quiet)).not.toContain(ruleId);
    });
  });
});

describe('rule coverage', () => {
  it('every rule in the rule set has a firing and a non-firing test plan, in exactly one suite', () => {
    const ids = checker().ruleSet.rules.map((r) => r.id);
    const covered = SUITES.flatMap((s) => Object.keys(s.cases));
    expect(ids.filter((id) => !covered.includes(id))).toEqual([]);
    expect(covered.filter((id) => !ids.includes(id))).toEqual([]);
    expect(covered.filter((id, i) => covered.indexOf(id) !== i)).toEqual([]);
  });
});

describe('missing facts', () => {
  it('a rule that needs an unknown fact gives a review naming the plan field', async () => {
    const report = await checker().check(plan(da({ incumbent: { satisfyingContract: null } })));
    const finding = report.findings.find((f) => f.ruleId === 'psr.direct-award-c.provider-not-satisfying');
    expect(finding?.severity).toBe('review');
    expect(finding?.missingFacts.map((m) => m.planPath)).toEqual(['incumbent.satisfyingContract']);
    // The question is in an officer's words; the plan field goes with it (missingFacts, and the report's questions), not in the sentence.
    expect(finding?.reason).toContain('Is the existing provider satisfying the existing contract?');
    expect(report.questions.map((q) => q.planPath)).toEqual(['incumbent.satisfyingContract']);
    expect(report.verdict).toBe('review');
  });

  it('unknown staff assignment on a re-tender is info with the TUPE steps, not a review: the verdict is the same either way', async () => {
    const report = await checker().check(plan({ staff: { assignedToService: null } }));
    const finding = report.findings.find((f) => f.ruleId === 'tupe.service-provision-change');
    expect(finding?.severity).toBe('info');
    expect(finding?.missingFacts.map((m) => m.planPath)).toEqual(['staff.assignedToService']);
    expect(finding?.steps).toContain('tupe.employee-liability-information');
    expect(report.verdict).toBe('compliant');
  });

  it('staff transferring with their pension schemes left out are treated like schemes not known: finding them out is a condition, dated by the procurement start', async () => {
    const staffed = (staff: object) => plan({ staff: { assignedToService: true, activitiesFundamentallyChanged: false, ...staff } });
    const omitted = await checker().check(staffed({ pensionSchemes: undefined }));
    const condition = omitted.conditions.find((c) => c.id === 'tupe.pensions-unknown');
    expect(condition?.instruction).toMatch(/^Find out from the existing provider which pension schemes .* before the procurement starts \(\d+ \w+ \d{4}\)/);
    expect(omitted.findings.map((f) => f.ruleId)).not.toContain('tupe.pensions-unknown');
    expect(omitted.verdict).toBe('compliant-if');
    const none = await checker().check(staffed({ pensionSchemes: [] }));
    expect(none.conditions.map((c) => c.id)).not.toContain('tupe.pensions-unknown');
  });

  it('a known "no" decides a rule while an unrelated fact is unknown (direct award C: not satisfying the existing contract)', async () => {
    const report = await checker().check(plan(da({ incumbent: { satisfyingContract: false, likelyToSatisfyNewContract: null } })));
    const finding = report.findings.find((f) => f.ruleId === 'psr.direct-award-c.provider-not-satisfying');
    expect(finding?.severity).toBe('non-compliant');
    expect(finding?.missingFacts).toEqual([]);
    expect(report.verdict).toBe('non-compliant');
  });

  it('a call-off whose framework regime is unknown asks for it only where the contract could be outside the PSR', async () => {
    const callOff = (services: unknown, more: object = {}) =>
      plan({ route: { regime: 'auto', process: 'framework-call-off' }, frameworkAgreement: { name: 'F' }, services, ...more });
    // Every answer to the open flag leaves health care the main, inseparable subject: the PSR governs, whatever the framework.
    const allHealth = await checker().check(
      callOff(
        [
          { description: 'Treatment', cpv: ['85312500'], healthCare: true, valueShare: 0.9 },
          { description: 'Recovery', cpv: ['85312500'], healthCare: null, valueShare: 0.1 },
        ],
        { mixedProcurement: { otherElementsSeparable: false } },
      ),
    );
    expect(allHealth.findings.find((f) => f.ruleId === 'scope.regime-unknown')?.missingFacts.map((m) => m.planPath)).toEqual(['services[].healthCare']);
    // One answer makes it an IT contract, which follows the framework's regime.
    const maybeIt = await checker().check(callOff([{ description: 'Case management system', cpv: ['48000000'], healthCare: null }]));
    expect(maybeIt.findings.find((f) => f.ruleId === 'scope.regime-unknown')?.missingFacts.map((m) => m.planPath)).toEqual([
      'services[].healthCare',
      'frameworkAgreement.awardedUnder',
    ]);
  });

  it('an open rule names only the facts that could change it, each with its plan field and a question', async () => {
    const report = await checker().check(plan(da({ incumbent: { satisfyingContract: null, likelyToSatisfyNewContract: true } })));
    const finding = report.findings.find((f) => f.ruleId === 'psr.direct-award-c.provider-not-satisfying');
    expect(finding?.severity).toBe('review');
    expect(finding?.missingFacts).toEqual([
      {
        fact: 'incumbentSatisfying',
        description: 'The existing provider is satisfying the existing contract',
        planPath: 'incumbent.satisfyingContract',
        question: expect.stringMatching(/\?$/),
      },
    ]);
  });
});

describe('reasons', () => {
  it('give the dates of the law whatever the plan\'s date (a 2014 plan is told when PCR 2015 came into force)', async () => {
    const report = await checker().check(
      plan({ route: { regime: 'auto', process: 'open' }, dates: { procurementStart: '2014-08-07', awardDecision: '2014-12-01', contractSigned: '2015-01-05', contractStart: '2015-04-01' } }),
    );
    const finding = report.findings.find((f) => f.ruleId === 'scope.pcr2006');
    expect(finding?.reason).toContain('came into force on 26 February 2015');
  });
});

describe('steps only for a lawful path', () => {
  it('a modification the report does not permit gets no modification notice, only what to do instead', async () => {
    const report = await checker().check(
      plan({
        route: { process: 'modification' },
        incumbent: { awardedUnder: 'psr' },
        change: { description: 'Redesign', effectiveDate: '2025-10-01', valueChange: 100_000, providedForInContract: false, materiallyDifferent: true, attributableToAuthority: true, externalFactors: false, providerSuccessionOnly: false },
      }),
    );
    const forbidding = report.findings.find((f) => f.ruleId === 'psr.modification.materially-different');
    expect(forbidding?.severity).toBe('non-compliant');
    expect(forbidding?.reason).toMatch(/Instead: award a new contract under the PSR/);
    const steps = report.steps.map((s) => s.id);
    expect(steps).not.toContain('psr.modification-notice');
    expect(steps).toEqual(expect.arrayContaining(['psr.declare-conflicts', 'psr.assess-key-criteria']));
    for (const f of report.findings) if (f.ruleId !== forbidding!.ruleId) expect(f.steps).toEqual([]);
  });

  it('direct award C that is not available gets the first steps of a new procurement, not its own notices or standstill', async () => {
    const report = await checker().check(plan(da({ directAward: { materiallyDifferent: true } })));
    expect(report.verdict).toBe('non-compliant');
    const steps = report.steps.map((s) => s.id);
    expect(steps).toEqual(expect.arrayContaining(['psr.contract-notice', 'psr.msp-intention-to-follow']));
    expect(steps).not.toContain('psr.intention-to-award-notice');
    expect(steps).not.toContain('psr.standstill-end');
    expect(report.timetable.map((r) => r.stepId)).not.toContain('psr.standstill-end');
  });
});

describe('standstill only for processes that have one', () => {
  it('direct award A, direct award B and urgent awards have no standstill dates', async () => {
    for (const p of [
      { route: { process: 'direct-award-a' }, directAward: { onlyProviderCapable: true } },
      { route: { process: 'direct-award-b' }, directAward: { patientChoiceService: true, providerNumbersRestricted: false, allQualifyingProvidersOffered: true } },
      { route: { process: 'urgent-award' }, urgency: { reason: 'Provider collapsed', foreseeable: false, attributableToAuthority: false, delayRisksSafety: true }, term: { initialMonths: 6, extensions: [] } },
    ]) {
      const report = await checker().check(plan(p));
      expect(report.facts.psrEarliestContractDate, p.route.process).toBeNull();
      expect(report.facts.psrRepresentationsDeadline).toBeNull();
      expect(report.facts.standstillApplies).toBe(false);
      expect(report.timetable.filter((r) => r.stepId.includes('standstill'))).toEqual([]);
    }
  });
});

describe('pipeline notice (Procurement Act 2023 s.93(3): "more than £2 million")', () => {
  it('lists a contract of more than £2 million, not one of exactly £2 million', async () => {
    const fired = async (lifetime: number) =>
      (await checker().check(PA2023_SUITE.plan({ value: { lifetime } }))).findings.some((f) => f.ruleId === 'pa2023.notices.pipeline');
    expect(await fired(2_000_001)).toBe(true);
    expect(await fired(2_000_000)).toBe(false);
  });
});

describe('PSR considerable change (reg 6(10)-(11)): attributable, at least £500,000 and at least 25% higher, all three', () => {
  // The direct award C plan's new lifetime value is £3,000,000.
  const considerable = async (originalLifetimeValue: number | null, changeAttributableToAuthority: boolean | null = true) => {
    const report = await checker().check(plan(da({ incumbent: { originalLifetimeValue }, directAward: { changeAttributableToAuthority } })));
    return report.findings.find((f) => f.ruleId === 'psr.direct-award-c.considerable-change-value');
  };
  it('is met with all three, on each side of each figure', async () => {
    expect((await considerable(2_400_000))?.severity).toBe('non-compliant'); // +£600,000, 25%
    expect(await considerable(2_410_000)).toBeUndefined(); // +£590,000, 24.5%: below 25%
    expect(await considerable(2_500_001)).toBeUndefined(); // +£499,999, 20%: below £500,000
    expect(await considerable(1_000_000, false)).toBeUndefined(); // not the authority's change
  });
  it('a rise below either figure decides it whatever the attribution: no question about it', async () => {
    expect(await considerable(2_450_000, null)).toBeUndefined();
    expect(await considerable(2_900_000, null)).toBeUndefined();
    expect((await considerable(1_000_000, null))?.missingFacts.map((m) => m.planPath)).toEqual(['directAward.changeAttributableToAuthority']);
  });
  it('materially different meets the threshold whatever the values, in one finding, not two', async () => {
    const report = await checker().check(plan(da({ incumbent: { originalLifetimeValue: 1_000_000 }, directAward: { materiallyDifferent: true } })));
    const ids = report.findings.filter((f) => f.severity === 'non-compliant').map((f) => f.ruleId);
    expect(ids).toContain('psr.direct-award-c.materially-different');
    expect(ids).not.toContain('psr.direct-award-c.considerable-change-value');
  });
  it('with the existing contract\'s value unknown, the review states the new lifetime value and term and what to compare them with', async () => {
    const finding = await considerable(null);
    expect(finding?.severity).toBe('review');
    expect(finding?.reason).toMatch(/The new contract's lifetime value is £3,000,000 over 36 months, options included\. Compare it with the existing contract's lifetime value when it was entered into \(unknown\)/);
    expect(finding?.missingFacts.map((m) => m.planPath)).toEqual(['incumbent.originalLifetimeValue']);
  });
});

describe('changes to health care contracts let before the PSR: PSR reg 29(2) puts them under the PSR', () => {
  const change = (regime: string, extra: Patch = {}) =>
    plan(
      merge(
        {
          route: { regime, process: 'modification' },
          incumbent: { awardedUnder: 'pcr2015' },
          change: { description: 'Add a post', effectiveDate: '2025-10-01', valueChange: 100_000, providedForInContract: false, materiallyDifferent: false, attributableToAuthority: true, externalFactors: false, providerSuccessionOnly: false },
        } as Patch,
        extra,
      ),
    );
  it('a change made while the PSR is in force is judged under PSR reg 13, whatever the contract was let under', async () => {
    const report = await checker().check(change('auto'));
    expect(report.regime.applicable).toBe('psr');
    expect(report.regime.basis).toMatch(/reg 29\(2\)/);
  });
  it('naming PCR 2015 or the Procurement Act for it is a regime mismatch', async () => {
    for (const regime of ['pcr2015', 'pa2023']) {
      const report = await checker().check(change(regime));
      expect(report.findings.find((f) => f.ruleId === 'scope.regime-mismatch')?.severity).toBe('non-compliant');
    }
  });
  it('a change made before the PSR came in stays under PCR 2015', async () => {
    const report = await checker().check(change('auto', { change: { effectiveDate: '2023-12-31' }, dates: { procurementStart: '2023-12-01' } }));
    expect(report.regime.applicable).toBe('pcr2015');
  });
  it('with the health care status unknown, the regime is asked for, naming the services', async () => {
    const report = await checker().check(change('auto', { services: [{ description: 'Treatment', cpv: ['85312500'], healthCare: null }] }));
    expect(report.regime.applicable).toBeNull();
    const f = report.findings.find((x) => x.ruleId === 'scope.regime-unknown');
    expect(f?.missingFacts.map((m) => m.planPath)).toContain('services[].healthCare');
  });
});

describe('direct award B (PSR reg 6(4)(d)-(e)): arrangements for providers to express an interest, and no framework', () => {
  const daB = (expressionOfInterestArrangements: boolean | null, framework = false) =>
    plan({
      route: { process: 'direct-award-b', framework },
      directAward: { patientChoiceService: true, providerNumbersRestricted: false, allQualifyingProvidersOffered: true, expressionOfInterestArrangements },
    });
  const severityOf = async (p: ReturnType<typeof plan>, id: string) => (await checker().check(p)).findings.find((f) => f.ruleId === id)?.severity;
  it('is not available without arrangements to express an interest; with them, it is', async () => {
    expect(await severityOf(daB(false), 'psr.direct-award-b.conditions')).toBe('non-compliant');
    expect(await severityOf(daB(true), 'psr.direct-award-b.conditions')).toBeUndefined();
    expect(await severityOf(daB(null), 'psr.direct-award-b.conditions')).toBe('review');
  });
  it('is mandatory only with the arrangements and not for a framework', async () => {
    const competitive = (expressionOfInterestArrangements: boolean, framework = false) =>
      plan({
        route: { framework },
        term: framework ? { initialMonths: 48, extensions: [] } : {},
        directAward: { patientChoiceService: true, providerNumbersRestricted: false, allQualifyingProvidersOffered: true, expressionOfInterestArrangements },
      });
    expect(await severityOf(competitive(true), 'psr.direct-award-b.mandatory')).toBe('non-compliant');
    expect(await severityOf(competitive(false), 'psr.direct-award-b.mandatory')).toBeUndefined();
    expect(await severityOf(competitive(true, true), 'psr.direct-award-b.mandatory')).toBeUndefined();
  });
});

describe('PSR reg 13(3): changes to contracts awarded by direct award A or B have no value limit', () => {
  const change = (awardedBy: string | null) =>
    plan({
      route: { process: 'modification' },
      incumbent: { awardedUnder: 'psr', awardedBy },
      change: { description: 'Expand the service', effectiveDate: '2025-10-01', valueChange: 2_600_000, providedForInContract: false, materiallyDifferent: false, attributableToAuthority: true, externalFactors: false, providerSuccessionOnly: false },
    });
  it('a £2.6m (52%) change breaks the reg 13 limits for a competitively awarded contract, not for one awarded by direct award A or B', async () => {
    const severity = async (awardedBy: string | null) => (await checker().check(change(awardedBy))).findings.find((f) => f.ruleId === 'psr.modification.value-limit');
    expect((await severity('competitive'))?.severity).toBe('non-compliant');
    expect(await severity('direct-award-a')).toBeUndefined();
    expect(await severity('direct-award-b')).toBeUndefined();
    const open = await severity(null);
    expect(open?.severity).toBe('review');
    expect(open?.missingFacts.map((m) => m.planPath)).toEqual(['incumbent.awardedBy']);
  });
});

describe('contract change notices (Procurement Act 2023 s.75(2)): "10 per cent or less", value "or" term', () => {
  // The Procurement Act suite's modification: a £400,000 contract with a 48-month maximum term.
  const change = (valueChange: number, extensionMonths = 0) =>
    PA2023_SUITE.plan({
      route: { process: 'modification' },
      incumbent: { awardedUnder: 'pa2023', originalLifetimeValue: 400_000, originalMaxTermMonths: 48 },
      change: { description: 'Change', effectiveDate: '2026-07-01', valueChange, extensionMonths, providedForInContract: true, providedForInNotice: true, materiallyDifferent: false, providerSuccessionOnly: false, unforeseeable: false, additionalServices: false, substantial: false },
    });
  const ids = async (p: ReturnType<typeof change>) => (await checker().check(p)).findings.map((f) => f.ruleId);
  it('exactly 10% of the value needs no notice; more does, up or down', async () => {
    expect(await ids(change(40_000))).not.toContain('pa2023.modification.change-notice');
    expect(await ids(change(40_001))).toContain('pa2023.modification.change-notice');
    expect(await ids(change(-40_001))).toContain('pa2023.modification.change-notice');
  });
  it('one limb within and the other over is a review of the two readings, not a silent answer', async () => {
    const within = await ids(change(20_000, 6));
    expect(within).toContain('pa2023.modification.change-notice-reading');
    expect(within).not.toContain('pa2023.modification.change-notice');
    const both = await ids(change(100_000, 6));
    expect(both).toContain('pa2023.modification.change-notice');
    expect(both).not.toContain('pa2023.modification.change-notice-reading');
  });
});

describe('framework terms (PSR reg 16(5), PCR 2015 reg 33(3)): the framework\'s own term, and whether a justification is recorded', () => {
  const psrFramework = (frameworkTermMonths: number | undefined, frameworkTermJustified: boolean | null) =>
    plan({ route: { framework: true, frameworkTermMonths, frameworkTermJustified } });
  const findings = async (p: ReturnType<typeof plan>) => (await checker().check(p)).findings.filter((f) => f.ruleId.startsWith('psr.framework.max-term'));
  it('over the cap with no justification is non-compliant; with one, a review; unknown, a review naming the fact', async () => {
    expect((await findings(psrFramework(84, false))).map((f) => [f.ruleId, f.severity])).toEqual([['psr.framework.max-term', 'non-compliant']]);
    expect((await findings(psrFramework(84, true))).map((f) => [f.ruleId, f.severity])).toEqual([['psr.framework.max-term-justified', 'review']]);
    const open = await findings(psrFramework(84, null));
    expect(open.map((f) => [f.ruleId, f.severity])).toEqual([['psr.framework.max-term', 'review']]);
    expect(open[0]?.missingFacts.map((m) => m.planPath)).toEqual(['route.frameworkTermJustified']);
  });
  it('at the cap, nothing; the contract\'s own term is not the framework\'s, so without a framework term it is asked for', async () => {
    expect(await findings(psrFramework(48, null))).toEqual([]);
    const unknown = await findings(psrFramework(undefined, false));
    expect(unknown[0]?.missingFacts.map((m) => m.planPath)).toEqual(['route.frameworkTermMonths']);
  });
});

describe('PSR urgent awards (reg 14): the term no longer than the urgency requires', () => {
  const urgent = (termLimitedToUrgency: boolean | null) =>
    plan({
      route: { process: 'urgent-award' },
      urgency: { reason: 'Provider collapsed', foreseeable: false, attributableToAuthority: false, delayRisksSafety: true, termLimitedToUrgency },
      term: { initialMonths: 36, extensions: [] },
    });
  it('a long urgent award that does not say its term is limited to the urgency is not silently compliant', async () => {
    const report = await checker().check(urgent(null));
    const finding = report.findings.find((f) => f.ruleId === 'psr.urgent-award.term');
    expect(finding?.severity).toBe('review');
    expect(finding?.reason).toMatch(/runs 36 months with every option/);
    expect(finding?.missingFacts.map((m) => m.planPath)).toEqual(['urgency.termLimitedToUrgency']);
    expect(report.verdict).not.toBe('compliant');
  });
  it('limited to the urgency, nothing to review on the term; longer, a review', async () => {
    expect((await checker().check(urgent(true))).findings.map((f) => f.ruleId)).not.toContain('psr.urgent-award.term');
    expect((await checker().check(urgent(false))).findings.find((f) => f.ruleId === 'psr.urgent-award.term')?.missingFacts).toEqual([]);
  });
});

describe('PSR notices as published', () => {
  it('a stated representations deadline short of reg 12 says by how many days', async () => {
    const report = await checker().check(plan({ dates: { statedRepresentationsDeadline: '2025-11-11' } }));
    expect(report.findings.find((f) => f.ruleId === 'psr.standstill.stated-deadline-too-early')?.reason).toMatch(/14 November 2025\. The plan would state 11 November 2025, 3 days short/);
  });
  it('a time of day that is not a time is an invalid plan naming the field', async () => {
    await expect(checker().check(plan({ dates: { statedRepresentationsTime: '5pm' } }))).rejects.toThrow(/dates\.statedRepresentationsTime/);
  });
});

describe('mixed procurement (PSR reg 3)', () => {
  const mixed = (share: number, separable: boolean | null) =>
    plan({
      services: [
        { description: 'Treatment', cpv: ['85312500'], healthCare: true, valueShare: share },
        { description: 'Case management system', cpv: ['48000000'], healthCare: false, valueShare: 1 - share },
      ],
      mixedProcurement: { otherElementsSeparable: separable },
    });
  it('a separable non-health element put under the PSR is told so, and the health care part is still judged under the PSR', async () => {
    const report = await checker().check(mixed(0.8, true));
    expect(report.regime.applicable).toBe('psr');
    expect(report.findings.find((f) => f.ruleId === 'scope.mixed.separable')?.severity).toBe('non-compliant');
    // How the competitive process runs heads the required steps.
    expect(report.route.map((r) => r.ruleId)).toContain('psr.competitive.process');
    expect(report.steps.map((s) => s.id)).toContain('psr.contract-notice');
  });
  it('not separable: the main subject matter by value decides the whole contract', async () => {
    expect((await checker().check(mixed(0.8, false))).regime.applicable).toBe('psr');
    expect((await checker().check(mixed(0.3, false))).regime.applicable).not.toBe('psr');
  });
  it('health care not the main subject matter by estimated lifetime value: not the PSR, whatever the answer on separability (reg 3(3)(a), 3(4)(a))', async () => {
    for (const separable of [true, false, null]) {
      const report = await checker().check(mixed(0.49, separable));
      expect(report.regime.applicable, `separable ${separable}`).toBe('pa2023');
      expect(report.findings.map((f) => f.ruleId)).not.toContain('scope.regime-unknown');
      expect(report.findings.map((f) => f.ruleId)).not.toContain('scope.mixed.separable');
      const finding = report.findings.find((f) => f.ruleId === 'scope.mixed.not-main-subject');
      expect(finding?.missingFacts).toEqual([]);
      expect(finding?.reason).toMatch(/49% of the contract's estimated lifetime value, not more than 50%/);
    }
    // One percentage point either side of half: 51% is the main subject matter, half is not (neither value is the higher).
    expect((await checker().check(mixed(0.51, null))).regime.applicable).toBe('psr');
    expect((await checker().check(mixed(0.5, null))).regime.applicable).toBe('pa2023');
    // The shares unknown: the regime turns on them alone, and the question asks for them, not for separability.
    const unknown = await checker().check(
      plan({
        services: [
          { description: 'Treatment', cpv: ['85312500'], healthCare: true },
          { description: 'Case management system', cpv: ['48000000'], healthCare: false },
        ],
      }),
    );
    expect(unknown.findings.find((f) => f.ruleId === 'scope.regime-unknown')?.missingFacts.map((m) => m.planPath)).toEqual(['services[].valueShare']);
  });
});

describe('a step whose gate the facts decide against is not required', () => {
  it('a high-value contract that is not light touch gets the 90-day publication step only (PA s.53(3))', async () => {
    const report = await checker().check(PA2023_SUITE.plan({ value: { annual: 1_500_000 } }));
    const ids = report.steps.map((s) => s.id);
    expect(ids).toContain('pa2023.publish-contract');
    expect(ids).not.toContain('pa2023.publish-contract-light-touch');
  });
  it('an urgent award gets the urgent award notice, not the urgent modification notice (PSR reg 14(5))', async () => {
    const report = await checker().check(
      plan({
        route: { process: 'urgent-award' },
        urgency: { reason: 'Provider collapsed', foreseeable: false, attributableToAuthority: false, delayRisksSafety: true, termLimitedToUrgency: true },
        term: { initialMonths: 6, extensions: [] },
      }),
    );
    const ids = report.steps.map((s) => s.id);
    expect(ids).toContain('psr.urgent-notice');
    expect(ids).not.toContain('psr.urgent-modification-notice');
  });
});

describe('a route refused names what the governing law requires instead, and the provision that decides the regime', () => {
  const begun = (procurementStart: string, more: Patch = {}) => plan(merge({ dates: { procurementStart } } as Patch, more));
  it('a PSR process for a procurement commenced before 1 January 2024: PCR 2015 govern (PSR reg 29(1)(a), (4)), and a light-touch contract needs reg 75\'s call for competition and award notice', async () => {
    const report = await checker().check(begun('2023-12-31'));
    expect(report.regime.applicable).toBe('pcr2015');
    const refused = report.findings.find((f) => f.ruleId === 'scope.process-not-in-regime.pcr2015');
    expect(refused?.severity).toBe('non-compliant');
    expect(refused?.reason).toMatch(/PSR reg 29\(1\)\(a\).*reg 29\(4\)\(a\)/);
    expect(refused?.reason).toMatch(/Instead: .*contract notice or by a prior information notice published continuously \(reg 75\(1\)\).*contract award notice after the award, which may be grouped quarterly \(reg 75\(3\)-\(4\)\)/);
    expect(report.findings.find((f) => f.ruleId === 'scope.regime-mismatch')?.reason).toMatch(/reg 29\(1\)\(a\)/);
    // The steps are what the governing law requires for this contract: light touch, above the threshold.
    expect(report.steps.map((s) => s.id)).toEqual(['scope.pcr2015-light-touch-instead']);
    // A day later the PSR governs, and its competitive process is the route.
    const next = await checker().check(begun('2024-01-01'));
    expect(next.regime.applicable).toBe('psr');
    expect(next.findings.map((f) => f.ruleId)).not.toContain('scope.process-not-in-regime.pcr2015');
  });
  it('under PCR 2015 the steps follow the contract: a procedure of reg 26 for services that are not light touch, the authority\'s own rules below the threshold', async () => {
    const itSystem = { services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }] };
    const above = await checker().check(begun('2023-06-01', itSystem));
    expect(above.steps.map((s) => s.id)).toEqual(['scope.pcr2015-procedure-instead']);
    const below = await checker().check(begun('2023-06-01', { ...itSystem, value: { annual: 10_000 } }));
    expect(below.steps.map((s) => s.id)).toEqual(['scope.pcr2015-below-threshold-instead']);
  });
  it('under the Procurement Act: a tender notice above the threshold, the below-threshold notices below it', async () => {
    const itSystem = { services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }] };
    const above = await checker().check(begun('2025-05-01', itSystem));
    const refused = above.findings.find((f) => f.ruleId === 'scope.process-not-in-regime.pa2023');
    expect(refused?.reason).toMatch(/SI 2024\/716 regs 2\(2\) and 5\(3\)/);
    expect(refused?.reason).toMatch(/Instead: .*tender notice \(s\.21\)/);
    expect(above.steps.map((s) => s.id)).toEqual(['scope.pa2023-procedure-instead']);
    const below = await checker().check(begun('2025-05-01', { ...itSystem, value: { annual: 10_000 } }));
    expect(below.steps.map((s) => s.id)).toEqual(['scope.pa2023-below-threshold-instead']);
  });
});
