// PSR, scope, contract terms, timetable and TUPE rules: each varies the one
// compliant PSR competitive base plan (test/support/plans.ts).
import { plan, directAwardC, modification, merge, type Patch, type RuleSuite } from '../support/plans.js';

export const da = (p: Patch) => merge(directAwardC as Patch, p);
const mod = (p: Patch) => merge(modification as Patch, p);
const msp = { route: { process: 'most-suitable-provider' }, directAward: { mostSuitableProviderIdentifiable: true } };
const daA = { route: { process: 'direct-award-a' }, directAward: { onlyProviderCapable: true } };
const daB = {
  route: { process: 'direct-award-b' },
  directAward: { patientChoiceService: true, providerNumbersRestricted: false, allQualifyingProvidersOffered: true, expressionOfInterestArrangements: true },
};
const urgent = {
  route: { process: 'urgent-award' },
  urgency: { reason: 'Provider collapsed', foreseeable: false, attributableToAuthority: false, delayRisksSafety: true, termLimitedToUrgency: true },
  term: { initialMonths: 6, extensions: [] },
};
const urgentChange = {
  route: { process: 'urgent-modification' },
  urgency: urgent.urgency,
  change: { effectiveDate: '2026-03-01', valueChange: 100_000 },
};
/** A direct call-off from a PSR framework with a single provider, on its terms (reg 18(2)-(3)). */
export const callOff = {
  route: { process: 'framework-call-off' },
  frameworkAgreement: {
    name: 'Regional substance misuse treatment framework',
    awardedUnder: 'psr',
    endDate: '2027-03-31',
    authorityEntitled: true,
    callOff: 'direct',
    singleOperator: true,
    termsAllowDirectAward: false,
    callOffSubstantiallyModifiesTerms: false,
  },
};
export const co = (p: Patch) => merge(callOff as Patch, p);
const staffed = { staff: { assignedToService: true } };
/** The plan's own stage lengths (timetable.*), with 4 months' mobilisation. */
const staged = (p: Patch) => merge({ term: { mobilisationMonths: 4 }, timetable: { evaluationWeeks: 8, tenderPeriodDays: 60, approvalWeeks: 4 } } as Patch, p);
const extension = {
  route: { process: 'extension' },
  incumbent: { awardedUnder: 'psr', extensionRemainingMonths: 24 },
  change: { description: 'Exercise the written extension option', extensionMonths: 24, effectiveDate: '2026-03-01', providedForInContract: true, valueChange: 0 },
};
const mixed = (healthShare: number, separable: boolean | null) => ({
  services: [
    { description: 'Treatment', cpv: ['85312500'], healthCare: true, valueShare: healthShare },
    { description: 'Case management system', cpv: ['48000000'], healthCare: false, valueShare: 1 - healthShare },
  ],
  mixedProcurement: { otherElementsSeparable: separable },
});

/** rule id -> [a patch that fires it, a patch that does not] */
const CASES: Record<string, [Patch, Patch]> = {
  'scope.pcr2006': [
    { route: { regime: 'auto', process: 'open' }, dates: { procurementStart: '2014-08-07', awardDecision: '2014-12-01', contractSigned: '2015-01-05', contractStart: '2015-04-01' } },
    {},
  ],
  'scope.regime-unknown': [{ services: [{ description: 'Treatment', cpv: ['85312500'], healthCare: null }] }, {}],
  'scope.regime-mismatch': [{ route: { regime: 'pa2023' } }, {}],
  'scope.regime-chosen': [{ route: { regime: 'auto' } }, {}],
  'scope.process-not-in-regime': [{ route: { process: 'restricted' } }, {}],
  // PSR reg 29(1)(a), (4): a procedure commenced on 31 December 2023 stays under PCR 2015, which has no PSR process; from 1 January 2024 the PSR governs it.
  'scope.process-not-in-regime.pcr2015': [{ dates: { procurementStart: '2023-12-31' } }, { dates: { procurementStart: '2024-01-01' } }],
  'scope.process-not-in-regime.pa2023': [
    { services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }] },
    { services: [{ description: 'Case management system', cpv: ['48000000'], healthCare: false }], route: { process: 'open' } },
  ],
  'scope.health-care-code-outside-schedule-1': [{ services: [{ description: 'Drug and alcohol services', cpv: ['85000000'], healthCare: true }] }, {}],
  'scope.schedule-1-code-denied': [
    { services: [{ description: 'GP clinics', cpv: ['85121100'], healthCare: false }] },
    { services: [{ description: 'Recovery activities (not treatment)', cpv: ['85312500'], healthCare: false }] },
  ],
  // Reg 3(3)(a), 3(4)(a): health care must be the higher estimated lifetime value; at half it is not, at 51% it is, whatever the answer on separability.
  'scope.mixed.not-main-subject': [mixed(0.5, null), mixed(0.51, null)],
  // Separable other elements matter only where health care is the main subject matter (at half, the PSR does not apply at all).
  'scope.mixed.separable': [mixed(0.51, true), mixed(0.5, true)],
  'psr.direct-award-a.no-incumbent': [{ ...daA, incumbent: undefined }, daA],
  'psr.direct-award-a.not-only-provider': [merge(daA, { directAward: { onlyProviderCapable: false } }), daA],
  'psr.direct-award-a.process': [daA, {}],
  'psr.direct-award-a.mandatory': [{ directAward: { onlyProviderCapable: true } }, {}],
  'psr.direct-award-b.conditions': [merge(daB, { directAward: { patientChoiceService: false } }), daB],
  'psr.direct-award-b.process': [daB, {}],
  'psr.direct-award-b.mandatory': [{ directAward: daB.directAward }, {}],
  'psr.direct-award-c.no-incumbent': [{ ...directAwardC, incumbent: undefined }, directAwardC],
  'psr.direct-award-c.not-replacing': [da({ directAward: { replacesExpiringContract: false } }), directAwardC],
  'psr.direct-award-c.gap-or-overlap': [da({ dates: { contractStart: '2026-05-01' } }), directAwardC],
  'psr.direct-award-c.materially-different': [da({ directAward: { materiallyDifferent: true } }), directAwardC],
  // The new lifetime value is £3m: from £2.4m it is £600,000 (25%) higher, meeting all three conditions; from £2.41m it is 24.5% higher.
  'psr.direct-award-c.considerable-change-value': [
    da({ incumbent: { originalLifetimeValue: 2_400_000 } }),
    da({ incumbent: { originalLifetimeValue: 2_410_000 } }),
  ],
  'psr.direct-award-c.provider-not-satisfying': [da({ incumbent: { satisfyingContract: false } }), directAwardC],
  'psr.direct-award-c.process': [directAwardC, {}],
  'psr.most-suitable-provider.not-identifiable': [merge(msp, { directAward: { mostSuitableProviderIdentifiable: false } }), msp],
  // Intention to award 3 November 2025: 7 days after a notice of intention to follow the process of 27 October, inside reg 10(5)'s 14; 14 days after 20 October is in time.
  'psr.most-suitable-provider.identified-too-early': [merge(msp, { dates: { procurementStart: '2025-10-27' } }), merge(msp, { dates: { procurementStart: '2025-10-20' } })],
  // Reg 10(5): the notice of intention to follow the process submitted on Monday 20 October 2025 (the procurement start),
  // step 2 may be completed from Monday 3 November, the day 14 days after; on 2 November (13 days) it is too early.
  'psr.most-suitable-provider.step-2-too-early': [
    merge(msp, { dates: { procurementStart: '2025-10-20', mspProvidersIdentified: '2025-11-02' } }),
    merge(msp, { dates: { procurementStart: '2025-10-20', mspProvidersIdentified: '2025-11-03' } }),
  ],
  // The intention to award is published on 3 November 2025: step 2 completed on 4 November comes after it.
  'psr.most-suitable-provider.intention-before-step-2': [
    merge(msp, { dates: { mspProvidersIdentified: '2025-11-04' } }),
    merge(msp, { dates: { mspProvidersIdentified: '2025-11-03' } }),
  ],
  'psr.most-suitable-provider.process': [msp, {}],
  'psr.competitive.process': [{}, directAwardC],
  'psr.framework.competitive-only': [merge(msp, { route: { framework: true } }), { route: { framework: true }, term: { initialMonths: 48, extensions: [] } }],
  // A framework of 84 months is over the 4 years of reg 16(5); 48 months is not.
  'psr.framework.max-term': [
    { route: { framework: true, frameworkTermMonths: 84, frameworkTermJustified: false } },
    { route: { framework: true, frameworkTermMonths: 48, frameworkTermJustified: false } },
  ],
  'psr.framework.max-term-justified': [
    { route: { framework: true, frameworkTermMonths: 84, frameworkTermJustified: true } },
    { route: { framework: true, frameworkTermMonths: 84, frameworkTermJustified: false } },
  ],
  'psr.direct-award.not-for-frameworks': [da({ route: { framework: true } }), directAwardC],
  // Reg 18(3)-(4): a framework whose terms do not provide for a call-off without a competition may be called off so with a single provider, not with more.
  'psr.call-off.direct-not-allowed': [co({ frameworkAgreement: { singleOperator: false } }), callOff],
  'psr.call-off.substantial-modification': [co({ frameworkAgreement: { callOffSubstantiallyModifiesTerms: true } }), callOff],
  // Reg 16(1)(b): the call-off is entered into on 1 December 2025; a framework that ended the day before is over, one ending that day is not.
  'psr.call-off.after-framework-end': [co({ frameworkAgreement: { endDate: '2025-11-30' } }), co({ frameworkAgreement: { endDate: '2025-12-01' } })],
  'psr.call-off.authority-not-entitled': [co({ frameworkAgreement: { authorityEntitled: false } }), callOff],
  'psr.call-off.direct-process': [callOff, co({ frameworkAgreement: { callOff: 'mini-competition' } })],
  'psr.call-off.competition-process': [co({ frameworkAgreement: { callOff: 'mini-competition' } }), callOff],
  'psr.urgent-award.conditions': [merge(urgent, { urgency: { foreseeable: true } }), urgent],
  'psr.urgent-award.term': [
    merge(urgent, { urgency: { termLimitedToUrgency: false }, term: { initialMonths: 36, extensions: [] } }),
    urgent,
  ],
  'psr.urgent-award.process': [urgent, {}],
  // An urgent modification taking effect on 1 March 2026: 30 days run to 31 March, for submission (reg 14(5)(a)); a notice
  // submitted on 31 March is in time however late it appears.
  'psr.notices.urgent-modification-notice-late': [
    mod({ ...urgentChange, dates: { modificationNoticeSubmitted: '2026-04-01' } }),
    mod({ ...urgentChange, dates: { modificationNoticeSubmitted: '2026-03-31', modificationNoticePublished: '2026-04-03' } }),
  ],
  'psr.urgent-award.no-facts': [merge(urgent, { urgency: undefined }), urgent],
  // Intention notice Monday 3 November 2025: representations until midnight at the end of Friday 14 November.
  'psr.standstill.stated-cut-off-before-midnight': [
    { dates: { statedRepresentationsDeadline: '2025-11-14', statedRepresentationsTime: '17:00' } },
    { dates: { statedRepresentationsDeadline: '2025-11-14', statedRepresentationsTime: '24:00' } },
  ],
  // The contract is entered into on 1 December 2025: the notice of award is due by 31 December.
  'psr.notices.intention-contents': [
    { intentionNotice: { decisionMakersNamed: true, reasonsByKeyCriteria: false, conflictsDeclaredAndManaged: true } },
    { intentionNotice: { decisionMakersNamed: true, reasonsByKeyCriteria: true, conflictsDeclaredAndManaged: true } },
  ],
  // The 30 days run to submission for publication (regs 7(2)(b), 14(5)(a)): submitted 1 January is a day late, submitted
  // 31 December is in time, though published 2 January.
  'psr.notices.award-notice-late': [
    { ...daA, dates: { awardNoticeSubmitted: '2026-01-01' } },
    { ...daA, dates: { awardNoticeSubmitted: '2025-12-31', awardNoticePublished: '2026-01-02' } },
  ],
  'psr.notices.urgent-notice-late': [
    merge(urgent, { dates: { awardNoticeSubmitted: '2026-01-01' } }),
    merge(urgent, { dates: { awardNoticeSubmitted: '2025-12-31', awardNoticePublished: '2026-01-02' } }),
  ],
  'psr.standstill.stated-deadline-too-early': [
    { dates: { statedRepresentationsDeadline: '2025-11-13' } },
    { dates: { statedRepresentationsDeadline: '2025-11-14' } },
  ],
  // Direct award C, intention notice Monday 3 November 2025: representations until midnight at the end of Friday 14 November;
  // a notice saying 13 November is a review to correct (Schedule 3 needs no date), and a breach once the contract acts on it.
  'psr.standstill.stated-deadline-misstated': [
    da({ dates: { statedRepresentationsDeadline: '2025-11-13' } }),
    da({ dates: { statedRepresentationsDeadline: '2025-11-14' } }),
  ],
  'psr.standstill.acted-on-misstated-deadline': [
    da({ dates: { statedRepresentationsDeadline: '2025-11-13', contractSigned: '2025-11-14' } }),
    da({ dates: { statedRepresentationsDeadline: '2025-11-13', contractSigned: '2025-11-15' } }),
  ],
  'psr.standstill.contract-too-early': [{ dates: { contractSigned: '2025-11-14' } }, { dates: { contractSigned: '2025-11-15' } }],
  'psr.standstill.service-starts-too-early': [
    { dates: { contractSigned: undefined, contractStart: '2025-11-14' }, incumbent: { contractEnd: '2025-11-13' } },
    { dates: { contractSigned: undefined, contractStart: '2025-11-15' }, incumbent: { contractEnd: '2025-11-14' } },
  ],
  'psr.governance.conflicts-not-managed': [{ governance: { conflictsOfInterestManaged: false } }, {}],
  'psr.governance.records-not-kept': [{ governance: { recordsKept: false } }, {}],
  'psr.governance.key-criteria-not-considered': [{ governance: { keyCriteriaConsidered: false } }, {}],
  'psr.governance.basic-selection-not-applied': [{ governance: { basicSelectionCriteriaApplied: false } }, {}],
  'psr.modification.no-change-facts': [mod({ change: undefined }), modification],
  'psr.modification.provided-for': [modification, mod({ change: { providedForInContract: false } })],
  'psr.modification.materially-different': [
    mod({ change: { providedForInContract: false, materiallyDifferent: true } }),
    mod({ change: { materiallyDifferent: true } }),
  ],
  // A cut of £1,250,000 is 25% of the £5m contract and over £500,000: reg 13(2)(b) measures the change either way. £1 less is under 25%.
  'psr.modification.value-limit': [
    mod({ change: { providedForInContract: false, valueChange: -1_250_000 } }),
    mod({ change: { providedForInContract: false, valueChange: -1_249_999 } }),
  ],
  'psr.modification.ground-unclear': [
    mod({ change: { providedForInContract: false, attributableToAuthority: false } }),
    mod({ change: { providedForInContract: false } }),
  ],
  // The same £2.6m change (52% of £5m) to a contract awarded by direct award A: permitted, as it is not materially different.
  'psr.modification.direct-award-a-b': [
    mod({ incumbent: { awardedBy: 'direct-award-a' }, change: { providedForInContract: false, valueChange: 2_600_000 } }),
    mod({ incumbent: { awardedBy: 'direct-award-a' }, change: { providedForInContract: false, valueChange: 2_600_000, materiallyDifferent: true } }),
  ],
  // Reg 13(4)(c): a cumulative change of £500,000 or more, a cut as a rise; £499,999 is under it.
  'psr.modification.notice': [mod({ change: { valueChange: -500_000 } }), mod({ change: { valueChange: -499_999 } })],
  // The change takes effect on 1 March 2026: 30 days run to 31 March.
  // Modified 1 March 2026: the notice must be submitted for publication by 31 March (reg 13(5)(a)).
  'psr.notices.modification-notice-late': [
    mod({ change: { valueChange: 600_000, effectiveDate: '2026-03-01' }, dates: { modificationNoticeSubmitted: '2026-04-01' } }),
    mod({ change: { valueChange: 600_000, effectiveDate: '2026-03-01' }, dates: { modificationNoticeSubmitted: '2026-03-31', modificationNoticePublished: '2026-04-02' } }),
  ],
  'terms.extension-not-in-contract': [{ term: { extensions: [{ months: 24, exercise: 'authority-option', statedInContract: false }] } }, {}],
  'terms.extension-contract-unknown': [{ term: { extensions: [{ months: 24, exercise: 'mutual-agreement' }] } }, {}],
  'terms.options-in-value': [{}, { term: { extensions: [] } }],
  'terms.extension-beyond-options': [merge(extension, { incumbent: { extensionRemainingMonths: 12 } }), extension],
  'terms.extension-after-expiry': [merge(extension, { change: { effectiveDate: '2026-05-01' } }), merge(extension, { change: { effectiveDate: '2026-04-01' } })],
  'terms.service-gap': [{ dates: { contractStart: '2026-06-01' } }, {}],
  // Timetable (rules/timetable): the base starts on Wed 1 April 2026 and signs on Mon 1 December 2025. With 4 months'
  // mobilisation the contract is due by 1 December 2025; the PSR intention notice by Mon 17 November (standstill ends
  // Fri 28 November); 8 weeks' evaluation puts tenders by 22 September, a 60-day tender period the procurement start by
  // 24 July and 4 weeks' approval the decision by 26 June 2025. Each pair sits either side of its limit.
  'timetable.latest-dates': [{ term: { mobilisationMonths: 4 } }, {}],
  'timetable.stage-dates': [staged({}), { term: { mobilisationMonths: 4 } }],
  'timetable.award-too-late-for-mobilisation': [
    { term: { mobilisationMonths: 4 }, dates: { contractSigned: '2025-12-02' } },
    { term: { mobilisationMonths: 4 } },
  ],
  // An intention notice on Tue 18 November leaves the earliest lawful contract date after 1 December; Mon 17 November does not.
  'timetable.award-decision-too-late': [
    { term: { mobilisationMonths: 4 }, dates: { awardDecision: '2025-11-18' } },
    { term: { mobilisationMonths: 4 }, dates: { awardDecision: '2025-11-17' } },
  ],
  // Direct award A has no standstill: its contract may follow the award decision on 3 November 2025 the same day, not before.
  'timetable.contract-before-award-decision': [
    { ...daA, dates: { contractSigned: '2025-11-02' } },
    { ...daA, dates: { contractSigned: '2025-11-03' } },
  ],
  'timetable.contract-before-procurement-start': [{ dates: { contractSigned: '2025-04-30' } }, { dates: { contractSigned: '2025-05-01' } }],
  'timetable.service-before-award-decision': [{ dates: { contractStart: '2025-11-02' } }, {}],
  // The base's incumbent contract ends 31 March 2026; its award decision is 3 November 2025.
  'timetable.award-after-incumbent-end': [
    { incumbent: { contractEnd: '2025-11-02', bridgingArrangement: false } },
    { incumbent: { contractEnd: '2025-11-02', bridgingArrangement: true } },
  ],
  'timetable.procurement-starts-too-late': [staged({ dates: { procurementStart: '2025-07-25' } }), staged({ dates: { procurementStart: '2025-07-24' } })],
  'timetable.decision-too-late': [staged({ dates: { decision: '2025-06-27' } }), staged({ dates: { decision: '2025-06-26' } })],
  'timetable.procurement-after-incumbent-end': [{ incumbent: { contractEnd: '2025-04-30' } }, { incumbent: { contractEnd: '2025-05-01' } }],
  // 30 September 2025 plus 5 months ends 28 February 2026 (a gap to 1 April); plus 6 months ends 31 March 2026 (none).
  'timetable.extension-expires-before-start': [
    { incumbent: { contractEnd: '2025-09-30', extensionRemainingMonths: 5 } },
    { incumbent: { contractEnd: '2025-09-30', extensionRemainingMonths: 6 } },
  ],
  'tupe.service-provision-change': [staffed, {}],
  'tupe.activities-changed': [merge(staffed, { staff: { activitiesFundamentallyChanged: true } }), staffed],
  // The transfer is on the 1 April 2026 start: a contract on 4 March leaves 28 days, on 5 March 27 (a planning risk, urgent or not).
  'tupe.eli-timetable': [merge(staffed, { dates: { contractSigned: '2026-03-05' } }), merge(staffed, { dates: { contractSigned: '2026-03-04' } })],
  'tupe.collective-consultation': [merge(staffed, { staff: { proposedRedundancies: 20 } }), merge(staffed, { staff: { proposedRedundancies: 19 } })],
  'tupe.collective-consultation-large': [merge(staffed, { staff: { proposedRedundancies: 100 } }), merge(staffed, { staff: { proposedRedundancies: 99 } })],
  'tupe.pensions-lgps': [merge(staffed, { staff: { pensionSchemes: ['lgps'] } }), staffed],
  'tupe.pensions-nhs': [merge(staffed, { staff: { pensionSchemes: ['nhs-pension-scheme'] } }), staffed],
  'tupe.pensions-unknown': [merge(staffed, { staff: { pensionSchemes: ['unknown'] } }), staffed],
  // The council's own staff (no existing contract) in the LGPS: the Best Value Direction 2007 paras 4-6 decide; the tender's terms are the authority's act.
  'tupe.pensions-lgps-direction': [
    { ...merge(staffed, { staff: { pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: false } }), incumbent: undefined },
    { ...merge(staffed, { staff: { pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: true } }), incumbent: undefined },
  ],
  'tupe.pensions-lgps-not-required': [
    merge(staffed, { staff: { pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: false } }),
    merge(staffed, { staff: { pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: true } }),
  ],
  'tupe.pensions-nhs-access-not-required': [
    merge(staffed, { staff: { pensionSchemes: ['nhs-pension-scheme'], tenderRequiresNhsPensionAccess: false } }),
    merge(staffed, { staff: { pensionSchemes: ['nhs-pension-scheme'], tenderRequiresNhsPensionAccess: true } }),
  ],
};

export const PSR_SUITE: RuleSuite = {
  id: 'psr',
  name: 'PSR competitive process (with the scope, terms and TUPE rules)',
  plan,
  cases: CASES,
};

