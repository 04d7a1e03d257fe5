// Procurement Act 2023 rules: each varies one compliant Procurement Act base plan.
import { merge, type Patch, type RuleSuite } from '../support/plans.js';
import type { PlanInput } from '../../src/plan/schema.js';

/** A council's open procedure for a case management system under the Procurement Act, with every fact stated. */
export const basePa: PlanInput = {
  id: 'test-pa2023-open',
  title: 'Substance misuse case management system',
  authority: { name: 'Test County Council', type: 'local-authority' },
  services: [{ description: 'Case management software and support', cpv: ['48000000'], healthCare: false }],
  value: { annual: 100_000, vatIncluded: true },
  term: { initialMonths: 36, extensions: [{ months: 12, exercise: 'authority-option', statedInContract: true }] },
  route: { regime: 'pa2023', process: 'open' },
  dates: { procurementStart: '2026-02-02', awardDecision: '2026-06-01', contractSigned: '2026-06-15', contractStart: '2026-10-01' },
  incumbent: { provider: 'Current Provider', contractEnd: '2026-09-30', awardedUnder: 'pcr2015' },
  staff: { assignedToService: false, pensionSchemes: [] },
};

const p = (...patches: Patch[]): Patch => patches.reduce((a, b) => merge(a, b), {} as Patch);

/** Values: the base is £400,000 over 4 years (VAT included), above the 2026 sub-central threshold of £207,720. */
const below = { value: { annual: 10_000 } }; // £40,000: below the threshold, above the £30,000 notifiable limit
const tiny = { value: { annual: 5_000 } }; // £20,000: below the notifiable limit
/** A light-touch service the plan itself declares light touch (family support), above the light-touch threshold. */
const lightTouch = {
  services: [{ description: 'Family support service', cpv: ['85311300'], healthCare: false, lightTouch: true }],
  value: { annual: 200_000 },
};
/** The same service, light touch only by procheck's CPV list. */
const lightTouchByCpv = { services: [{ description: 'Family support service', cpv: ['85311300'], healthCare: false }] };

/** A direct award on a ground, with all the justification facts that make it pass the objective tests. */
const da = (ground: string, extra: Patch = {}): Patch =>
  merge({ route: { process: 'direct-award' }, justification: { ground } } as Patch, extra);
const exclusive = da('exclusive-rights', { justification: { noReasonableAlternative: true } });
const urgent = da('extreme-urgency', {
  justification: { strictlyNecessary: true },
  urgency: { reason: 'Supplier insolvency', foreseeable: false, attributableToAuthority: false },
  term: { initialMonths: 6, extensions: [] },
  value: { annual: 600_000 }, // £300,000 for 6 months: above the threshold
});
const repeat = da('repetition', {
  justification: { foreseenInOriginalNotice: true, originalAwardedCompetitively: true, originalContractAwarded: '2023-06-01' },
});
const switched = da('no-suitable-tenders', { justification: { priorProcedureFailed: true, initialConditionsSubstantiallyAltered: false } });

/** A call-off from a Procurement Act framework the authority may use, by mini-competition. */
const callOff = {
  route: { process: 'framework-call-off' },
  frameworkAgreement: {
    name: 'Case management systems framework',
    awardedUnder: 'pa2023',
    endDate: '2027-12-31',
    authorityEntitled: true,
    callOff: 'mini-competition',
    termsAllowDirectAward: true,
  },
};
const framework = { route: { framework: true, frameworkTermMonths: 48 }, term: { initialMonths: 48, extensions: [] } };

/** A modification of a contract awarded under the Act, provided for in the contract and the tender notice. */
const mod = {
  route: { process: 'modification' },
  incumbent: { awardedUnder: 'pa2023', originalLifetimeValue: 400_000, originalMaxTermMonths: 48 },
  change: {
    description: 'Add a reporting module',
    effectiveDate: '2026-07-01',
    valueChange: 20_000,
    providedForInContract: true,
    providedForInNotice: true,
    materiallyDifferent: false,
    substantial: false,
  },
};
const m = (patch: Patch): Patch => merge(mod as Patch, patch);
/** Not provided for in the notice, so Schedule 8 para 1 is not available. */
/** Not provided for in the notice, and on no other ground of Schedule 8: only the substantial-change test can permit it. */
const unplanned = { change: { providedForInNotice: false, unforeseeable: false, additionalServices: false, providerSuccessionOnly: false } };
/** £100,000: 25% of the original £400,000, over the 10% of a below-threshold modification and the contract change notice exemption. */
const big = { change: { valueChange: 100_000 } };
/** A change that shifts the economic balance to the supplier: substantial (s.74(3)(c)), so only a Schedule 8 ground or a below-threshold modification can permit it. */
const tilted = { change: { economicBalanceToSupplier: true } };
const urgentMod = {
  route: { process: 'urgent-modification' },
  incumbent: { awardedUnder: 'pa2023' },
  urgency: { reason: 'Cyber incident', foreseeable: false, attributableToAuthority: false },
};

export const PA2023_SUITE: RuleSuite = {
  id: 'pa2023',
  name: 'Procurement Act 2023 open procedure',
  plan: (patch = {}) => merge(basePa, patch),
  cases: {
    // procedures.json
    'pa2023.threshold.above': [{}, below],
    'pa2023.threshold.below': [below, {}],
    // Two lots, the system (the base) and its training: each lot's value includes the other's (Sch 3 para 4(2)).
    'pa2023.threshold.lots-aggregated': [
      { lots: [{ id: 'lot-1', title: 'System' }, { id: 'lot-2', title: 'Training', services: [{ description: 'Training for system users', cpv: ['80500000'], healthCare: false }], value: { annual: 10_000, vatIncluded: true } }] },
      {},
    ],
    // £45,000 a year without VAT: £180,000, or £216,000 with VAT, either side of £207,720.
    'pa2023.threshold.vat-uncertain': [{ value: { annual: 45_000, vatIncluded: false } }, {}],
    // Legal advice (79110000) is light touch only where Schedule 2 para 14 does not exempt the contract; family support (85311300) is light touch outright.
    'pa2023.light-touch.qualified-group': [
      p(lightTouch, { services: [{ description: 'Legal advice for people in treatment', cpv: ['79110000'], healthCare: false }] }),
      lightTouchByCpv,
    ],
    'pa2023.procedure.below-threshold-above': [{ route: { process: 'below-threshold' } }, p({ route: { process: 'below-threshold' } }, below)],
    'pa2023.below-threshold.notifiable': [below, tiny],
    // A works contract of £220,000 (below the £5,193,000 works threshold) is at least the £207,720 from which s.85(3) lifts the bar.
    'pa2023.below-threshold.no-suitability-shortlisting': [below, { contractType: 'works', value: { annual: 55_000 } }],
    'pa2023.below-threshold.sme-barriers': [below, {}],
    'pa2023.procedure.competitive': [{}, below],
    // Electronic tenders but the documents not all with the notice: 30 days (s.54(4) entry 8).
    // A council (not a central government authority) taking tenders from pre-selected suppliers only: 10 days (s.54(4) entry 3).
    'pa2023.procedure.cf-tendering-period-too-short': [
      { route: { process: 'competitive-flexible' }, timetable: { tenderPeriodDays: 9, preselectedSuppliersOnly: true, negotiatedTenderingPeriod: false } },
      { route: { process: 'competitive-flexible' }, timetable: { tenderPeriodDays: 10, preselectedSuppliersOnly: true, negotiatedTenderingPeriod: false } },
    ],
    'pa2023.procedure.participation-period-too-short': [
      { route: { process: 'competitive-flexible' }, timetable: { participationPeriodDays: 24, urgencyShortensTenderPeriod: false } },
      { route: { process: 'competitive-flexible' }, timetable: { participationPeriodDays: 25, urgencyShortensTenderPeriod: false } },
    ],
    'pa2023.procedure.tendering-period-too-short': [
      { timetable: { tenderPeriodDays: 29, electronicTenders: true, documentsWithNotice: false, qualifyingPlannedProcurementNotice: false, urgencyShortensTenderPeriod: false } },
      { timetable: { tenderPeriodDays: 30, electronicTenders: true, documentsWithNotice: false, qualifyingPlannedProcurementNotice: false, urgencyShortensTenderPeriod: false } },
    ],
    'pa2023.procedure.light-touch': [lightTouch, {}],
    // direct-award.json
    'pa2023.direct-award.no-ground': [da('none'), exclusive],
    'pa2023.direct-award.user-choice-not-light-touch': [da('user-choice'), p(lightTouch, da('user-choice'))],
    'pa2023.direct-award.user-choice': [p(lightTouch, da('user-choice')), da('user-choice')],
    'pa2023.direct-award.single-supplier-alternative': [
      da('exclusive-rights', { justification: { noReasonableAlternative: false } }),
      exclusive,
    ],
    'pa2023.direct-award.single-supplier': [exclusive, da('exclusive-rights', { justification: { noReasonableAlternative: false } })],
    'pa2023.direct-award.urgency-not-unavoidable': [merge(urgent, { urgency: { foreseeable: true } }), urgent],
    'pa2023.direct-award.urgency-not-strictly-necessary': [merge(urgent, { justification: { strictlyNecessary: false } }), urgent],
    'pa2023.direct-award.urgency': [urgent, merge(urgent, { urgency: { attributableToAuthority: true } })],
    // 2023-06-01 to the contract on 2026-06-15 is 36 months; 2020-06-01 is 72, over the 60 of para 8.
    'pa2023.direct-award.repetition-conditions': [merge(repeat, { justification: { originalContractAwarded: '2020-06-01' } }), repeat],
    'pa2023.direct-award.repetition': [repeat, merge(repeat, { justification: { foreseenInOriginalNotice: false } })],
    'pa2023.direct-award.additional': [da('additional-services'), exclusive],
    'pa2023.direct-award.switch-no-failed-procedure': [merge(switched, { justification: { priorProcedureFailed: false } }), switched],
    'pa2023.direct-award.switch': [switched, merge(switched, { justification: { priorProcedureFailed: false } })],
    'pa2023.direct-award.transparency-notice': [exclusive, da('user-choice')],
    // standstill.json: notice Mon 1 Jun 2026; 8 working days end Wed 10 Jun; the contract may be entered into from Thu 11 Jun.
    'pa2023.standstill.mandatory': [{}, lightTouch],
    'pa2023.standstill.contract-too-early': [{ dates: { contractSigned: '2026-06-10' } }, { dates: { contractSigned: '2026-06-11' } }],
    'pa2023.standstill.service-starts-too-early': [
      { dates: { contractSigned: undefined, contractStart: '2026-06-10' } },
      { dates: { contractSigned: undefined, contractStart: '2026-06-11' } },
    ],
    'pa2023.standstill.voluntary': [callOff, {}],
    // notices.json
    'pa2023.notices.contract-details': [{}, lightTouch],
    'pa2023.notices.contract-details-light-touch': [lightTouch, {}],
    'pa2023.notices.publish-contract': [{ value: { annual: 1_500_000 } }, {}],
    // KPIs are not required for a framework (s.52(6)(a)), though the contract is still published.
    'pa2023.notices.key-performance-indicators': [{ value: { annual: 1_500_000 } }, { value: { annual: 1_500_000 }, route: { framework: true } }],
    'pa2023.notices.pipeline': [{ value: { annual: 600_000 } }, {}],
    // frameworks.json
    'pa2023.framework.max-term': [{ route: { framework: true, frameworkTermMonths: 60 } }, framework],
    'pa2023.framework.light-touch-no-cap': [
      p(lightTouch, { route: { framework: true, frameworkTermMonths: 60 } }),
      p(lightTouch, framework),
    ],
    'pa2023.call-off.framework-regime': [merge(callOff, { frameworkAgreement: { awardedUnder: 'other' } }), callOff],
    'pa2023.call-off.after-framework-end': [merge(callOff, { frameworkAgreement: { endDate: '2026-05-31' } }), callOff],
    'pa2023.call-off.authority-not-entitled': [merge(callOff, { frameworkAgreement: { authorityEntitled: false } }), callOff],
    'pa2023.call-off.direct-not-allowed': [
      merge(callOff, { frameworkAgreement: { callOff: 'direct', termsAllowDirectAward: false } }),
      merge(callOff, { frameworkAgreement: { callOff: 'direct' } }),
    ],
    'pa2023.call-off.selection': [callOff, {}],
    // modifications.json
    'pa2023.modification.no-change-facts': [m({ change: undefined }), mod],
    'pa2023.modification.light-touch': [m(lightTouch), mod],
    'pa2023.modification.provided-for': [mod, m(unplanned)],
    // Substantial by its economic balance and 25% of the value (not below threshold), on no ground; not substantial, s.74(1)(b) permits it.
    'pa2023.modification.substantial-no-ground': [m(p(unplanned, big, tilted)), m(p(unplanned, big))],
    // £300,000 is 75% of £400,000, over para 4's 50%; £150,000 is 37.5%. Substantial either way, so para 4 is the only route.
    'pa2023.modification.unforeseeable-not-permitted': [
      m(p(unplanned, tilted, { change: { unforeseeable: true, valueChange: 300_000 } })),
      m(p(unplanned, tilted, { change: { unforeseeable: true, valueChange: 150_000 } })),
    ],
    'pa2023.modification.unforeseeable': [
      m(p(unplanned, tilted, { change: { unforeseeable: true, valueChange: 150_000 } })),
      m(p(unplanned, tilted, { change: { unforeseeable: true, valueChange: 300_000 } })),
    ],
    // A known risk the notice did not identify cannot found para 5 (para 6(b)).
    'pa2023.modification.known-risk-not-permitted': [
      m(p(unplanned, big, tilted, { change: { knownRiskMaterialised: true, knownRiskInNotice: false } })),
      m(p(unplanned, big, tilted, { change: { knownRiskMaterialised: true, knownRiskInNotice: true } })),
    ],
    'pa2023.modification.known-risk': [
      m(p(unplanned, big, tilted, { change: { knownRiskMaterialised: true, knownRiskInNotice: true } })),
      m(p(unplanned, big, tilted, { change: { knownRiskMaterialised: true, knownRiskInNotice: false } })),
    ],
    // Para 8 needs a different supplier to bring incompatibility with difficulties and duplicated costs (para 8(1)(b)-(c)).
    'pa2023.modification.additional-not-permitted': [
      m(p(unplanned, big, tilted, { change: { additionalServices: true, changeOfSupplierImpracticable: false } })),
      m(p(unplanned, big, tilted, { change: { additionalServices: true, changeOfSupplierImpracticable: true } })),
    ],
    'pa2023.modification.additional': [
      m(p(unplanned, big, tilted, { change: { additionalServices: true, changeOfSupplierImpracticable: true } })),
      m(p(unplanned, big, tilted, { change: { additionalServices: true, changeOfSupplierImpracticable: false } })),
    ],
    'pa2023.modification.succession': [m(p(unplanned, { change: { providerSuccessionOnly: true } })), mod],
    // £20,000 is 5% of £400,000 and below the threshold; £100,000 is 25%.
    'pa2023.modification.below-threshold': [m(unplanned), m(p(unplanned, big))],
    'pa2023.modification.not-substantial': [m(p(unplanned, big)), m(unplanned)],
    'pa2023.modification.term-ratio-unknown': [
      m({ route: { process: 'extension' }, incumbent: { originalMaxTermMonths: undefined }, change: { extensionMonths: 6 } }),
      m({ route: { process: 'extension' }, change: { extensionMonths: 6 } }),
    ],
    'pa2023.modification.change-notice': [m(big), mod],
    // The change takes effect on 1 July 2026; s.75(1) wants the notice before it.
    'pa2023.notices.change-notice-after-modification': [
      m(p(big, { dates: { modificationNoticePublished: '2026-07-02' } })),
      m(p(big, { dates: { modificationNoticePublished: '2026-07-01' } })),
    ],
    // 6 months is 12.5% of the 48-month maximum term: over the term limit while the value moves 5% (within) reads both ways; with 25%, both limbs are over.
    'pa2023.modification.change-notice-reading': [m({ change: { extensionMonths: 6 } }), m(p(big, { change: { extensionMonths: 6 } }))],
    // £1,000,000 on £6,000,000 is 16.7%: a contract change notice is needed (s.75(2)), so a qualifying modification (s.77(2)).
    'pa2023.modification.publish': [m({ incumbent: { originalLifetimeValue: 6_000_000 }, change: { valueChange: 1_000_000 } }), mod],
    'pa2023.modification.urgent-not-unavoidable': [merge(urgentMod, { urgency: { foreseeable: true } }), urgentMod],
    'pa2023.modification.urgent': [urgentMod, merge(urgentMod, { urgency: { foreseeable: true } })],
  },
};
