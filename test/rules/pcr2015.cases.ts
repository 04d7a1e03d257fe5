// PCR 2015 rules: each varies one compliant PCR 2015 base plan.
import { merge, type Patch, type RuleSuite } from '../support/plans.js';
import type { PlanInput } from '../../src/plan/schema.js';

/** A council's light-touch re-procurement above threshold under PCR 2015, with every fact stated. */
export const basePcr: PlanInput = {
  id: 'test-pcr2015-light-touch',
  title: 'Young people\'s substance misuse service',
  authority: { name: 'Test County Council', type: 'local-authority' },
  services: [{ description: 'Young people\'s substance misuse treatment', cpv: ['85312500'], healthCare: true }],
  value: { annual: 400_000, vatIncluded: false },
  term: { initialMonths: 36, extensions: [{ months: 24, exercise: 'authority-option', statedInContract: true }] },
  route: { regime: 'pcr2015', process: 'light-touch' },
  dates: { procurementStart: '2023-06-01', awardDecision: '2023-10-02', contractSigned: '2023-11-01', contractStart: '2024-04-01' },
  incumbent: { provider: 'Current Provider', contractEnd: '2024-03-31', awardedUnder: 'pcr2015' },
  staff: { assignedToService: false, pensionSchemes: [] },
};

/** Services outside Schedule 3: the ordinary sub-central services threshold applies. */
export const notLightTouch = { services: [{ description: 'Case management system', cpv: ['72000000'], healthCare: false }] };
const open = merge(notLightTouch, { route: { process: 'open' } });
const ground = (procedureGround: string, process: string) => merge(notLightTouch, { route: { process }, justification: { procedureGround } });

/** The base contract as the first of two lots, and a peer-support lot let as a below-threshold award, worth `annual` a year over five years. */
const treatmentLot = { id: 'lot-1', title: 'Treatment' };
const peerSupportLot = (annual: number) => ({
  id: 'lot-2',
  title: 'Peer support',
  services: [{ description: 'Peer support and recovery community', cpv: ['85312500'], healthCare: true }],
  value: { annual, vatIncluded: false },
  route: { regime: 'pcr2015', process: 'below-threshold' },
});

const npwp = merge(notLightTouch, {
  route: { process: 'negotiated-without-prior-publication' },
  justification: { ground: 'no-suitable-tenders', priorProcedureFailed: true, initialConditionsSubstantiallyAltered: false },
});
const np = (p: Patch) => merge(npwp, p);
const single = (noReasonableAlternative: boolean) => np({ justification: { ground: 'technical-reasons', noReasonableAlternative } });
const urgent = np({
  justification: { ground: 'extreme-urgency', strictlyNecessary: true },
  urgency: { reason: 'The provider went into administration', foreseeable: false, attributableToAuthority: false },
});
// Contract signed 2023-11-01: 24 months after the original contract, within the repetition period.
const repetition = np({
  justification: { ground: 'repetition', foreseenInOriginalNotice: true, originalAwardedCompetitively: true, originalContractAwarded: '2021-11-01' },
});

const callOff = {
  route: { process: 'framework-call-off' },
  frameworkAgreement: {
    name: 'Regional substance misuse services framework',
    owner: 'Neighbouring County Council',
    awardedUnder: 'pcr2015',
    endDate: '2024-06-30',
    authorityEntitled: true,
    callOff: 'direct',
    termsAllowDirectAward: true,
  },
};
const co = (p: Patch) => merge(callOff as Patch, p);

/** A modification of a PCR 2015 contract (non-clinical support) provided for in it; the original contract was worth £2m. */
const modification = {
  route: { process: 'modification' },
  // Not a PSR health care contract: a health care contract changed from 2024 falls under the PSR (reg 29(2)).
  services: [{ description: "Young people's outreach support (non-clinical)", cpv: ['85312000'], healthCare: false }],
  dates: { procurementStart: '2024-09-01' },
  incumbent: { contractEnd: '2027-03-31', awardedUnder: 'pcr2015', originalLifetimeValue: 2_000_000 },
  change: {
    description: 'Add an outreach worker',
    effectiveDate: '2024-10-01',
    valueChange: 100_000,
    providedForInContract: true,
    materiallyDifferent: false,
    substantial: true,
    additionalServices: false,
    changeOfSupplierImpracticable: false,
    unforeseeable: false,
    providerSuccessionOnly: false,
  },
};
const mod = (change: Patch, p: Patch = {}) => merge(merge(modification as Patch, { change }), p);
const notProvided = { providedForInContract: false };

export const PCR2015_SUITE: RuleSuite = {
  id: 'pcr2015',
  name: 'PCR 2015 light-touch procurement',
  plan: (patch = {}) => merge(basePcr, patch),
  cases: {
    // £100,000 a year over 5 years is £500,000, below the light-touch threshold of £663,540.
    'pcr2015.threshold.above': [{}, { value: { annual: 100_000 } }],
    'pcr2015.threshold.below': [{ value: { annual: 100_000 } }, {}],
    // Two lots: the treatment lot (the base, £2m) and a peer-support lot; their total is compared with the threshold (reg 6(11)).
    'pcr2015.threshold.lots-aggregated': [{ lots: [treatmentLot, peerSupportLot(10_000)] }, {}],
    // A £50,000 lot (£60,000 with VAT), under the £70,778 small-lot limit, 2.4% of the lots' £2.05m: reg 6(14)-(15).
    'pcr2015.procedure.small-lot': [{ lots: [treatmentLot, peerSupportLot(10_000)] }, { lots: [treatmentLot, peerSupportLot(20_000)] }],
    // £600,000 without VAT: below £663,540 at 0% VAT, above at 20%.
    'pcr2015.threshold.vat-uncertain': [{ value: { annual: 120_000 } }, {}],
    'pcr2015.procedure.below-threshold-but-above': [
      { route: { process: 'below-threshold' } },
      { route: { process: 'below-threshold' }, value: { annual: 100_000 } },
    ],
    'pcr2015.procedure.light-touch-not-available': [notLightTouch, {}],
    'pcr2015.procedure.competitive': [open, {}],
    // Open procedure with electronic tenders and no prior information notice or urgency: 30 days (reg 27(6)).
    'pcr2015.procedure.open-time-limit': [
      merge(open, { timetable: { tenderPeriodDays: 29, electronicTenders: true, qualifyingPriorInformationNotice: false, urgencyShortensTenderPeriod: false } }),
      merge(open, { timetable: { tenderPeriodDays: 30, electronicTenders: true, qualifyingPriorInformationNotice: false, urgencyShortensTenderPeriod: false } }),
    ],
    // A council (sub-central) without an agreed time limit: at least 10 days for tenders (reg 28(8)).
    'pcr2015.procedure.tender-time-limit': [
      merge(notLightTouch, { route: { process: 'restricted' }, timetable: { tenderPeriodDays: 9, negotiatedTenderingPeriod: false } }),
      merge(notLightTouch, { route: { process: 'restricted' }, timetable: { tenderPeriodDays: 10, negotiatedTenderingPeriod: false } }),
    ],
    'pcr2015.procedure.requests-time-limit': [
      merge(notLightTouch, { route: { process: 'restricted' }, timetable: { participationPeriodDays: 29, urgencyShortensTenderPeriod: false } }),
      merge(notLightTouch, { route: { process: 'restricted' }, timetable: { participationPeriodDays: 30, urgencyShortensTenderPeriod: false } }),
    ],
    'pcr2015.procedure.negotiation-ground': [
      ground('none', 'competitive-with-negotiation'),
      ground('specifications-not-precise', 'competitive-with-negotiation'),
    ],
    'pcr2015.procedure.innovation-partnership-need': [
      ground('adaptation-needed', 'innovation-partnership'),
      ground('innovative-need-not-on-market', 'innovation-partnership'),
    ],
    // Below the threshold, £500,000 reaches the £30,000 Contracts Finder limit; £20,000 does not.
    'pcr2015.contracts-finder.opportunity': [{ value: { annual: 100_000 } }, { value: { annual: 4_000 } }],
    'pcr2015.award.general-duties': [{}, modification],
    'pcr2015.below-threshold.local-rules': [{ value: { annual: 100_000 } }, {}],
    'pcr2015.dps.process': [merge(notLightTouch, { route: { process: 'dynamic-purchasing-system' } }), {}],
    'pcr2015.light-touch.process': [{}, notLightTouch],
    'pcr2015.light-touch.without-call-for-competition': [{ justification: { ground: 'technical-reasons', noReasonableAlternative: true } }, {}],
    'pcr2015.negotiated.no-ground': [np({ justification: { ground: 'none' } }), npwp],
    'pcr2015.negotiated.no-suitable-tenders': [np({ justification: { priorProcedureFailed: false } }), npwp],
    'pcr2015.negotiated.single-operator-alternative': [single(false), single(true)],
    'pcr2015.negotiated.single-operator-judgement': [single(true), npwp],
    'pcr2015.negotiated.urgency-conditions': [merge(urgent, { urgency: { foreseeable: true } }), urgent],
    'pcr2015.negotiated.urgency-judgement': [urgent, npwp],
    // Reg 32(12): the new contract (1 November 2023) a day more than three years after the original one, and exactly three years after it.
    'pcr2015.negotiated.repetition': [
      merge(repetition, { justification: { originalContractAwarded: '2020-10-31' } }),
      merge(repetition, { justification: { originalContractAwarded: '2020-11-01' } }),
    ],
    'pcr2015.negotiated.process': [npwp, {}],
    'pcr2015.framework.max-term': [
      // Reg 33(3): a month over four years, and exactly four years.
      merge(open, { route: { framework: true, frameworkTermMonths: 49, frameworkTermJustified: false } }),
      merge(open, { route: { framework: true, frameworkTermMonths: 48, frameworkTermJustified: false } }),
    ],
    'pcr2015.framework.max-term-justified': [
      merge(open, { route: { framework: true, frameworkTermMonths: 49, frameworkTermJustified: true } }),
      merge(open, { route: { framework: true, frameworkTermMonths: 48, frameworkTermJustified: true } }),
    ],
    'pcr2015.call-off.after-framework-end': [co({ frameworkAgreement: { endDate: '2023-10-31' } }), callOff],
    'pcr2015.call-off.authority-not-entitled': [co({ frameworkAgreement: { authorityEntitled: false } }), callOff],
    // Reg 33(8)(a) binds a framework with several suppliers; one with a single supplier is called off within its limits (reg 33(7)).
    'pcr2015.call-off.direct-not-allowed': [
      co({ frameworkAgreement: { termsAllowDirectAward: false, singleOperator: false } }),
      co({ frameworkAgreement: { termsAllowDirectAward: false, singleOperator: true } }),
    ],
    'pcr2015.call-off.direct-process': [callOff, co({ frameworkAgreement: { callOff: 'mini-competition' } })],
    'pcr2015.call-off.mini-competition-process': [co({ frameworkAgreement: { callOff: 'mini-competition' } }), callOff],
    // Award decision notices Monday 2 October 2023: the 10th day is Thursday 12 October.
    'pcr2015.standstill.contract-too-early': [merge(open, { dates: { contractSigned: '2023-10-12' } }), merge(open, { dates: { contractSigned: '2023-10-13' } })],
    // Notices sent Mon 2 Oct 2023: the standstill runs to the end of Thu 12 Oct; a contract, and so the service, from Fri 13 Oct.
    'pcr2015.standstill.service-starts-too-early': [
      merge(open, { dates: { contractSigned: undefined, contractStart: '2023-10-12' } }),
      merge(open, { dates: { contractSigned: undefined, contractStart: '2023-10-13' } }),
    ],
    'pcr2015.modification.no-change-facts': [merge(modification as Patch, { change: undefined }), modification],
    'pcr2015.modification.provided-for': [modification, mod(notProvided)],
    'pcr2015.modification.succession': [mod({ ...notProvided, providerSuccessionOnly: true }), modification],
    'pcr2015.modification.non-substantial': [mod({ ...notProvided, substantial: false }), modification],
    // Reg 72(5)(b): £199,999 is £1 under 10% of £2m (and below the threshold); £200,000 is 10%, not below it.
    'pcr2015.modification.de-minimis': [mod({ ...notProvided, valueChange: 199_999 }), mod({ ...notProvided, valueChange: 200_000 })],
    'pcr2015.modification.additional-services': [
      mod({ ...notProvided, valueChange: 300_000, additionalServices: true, changeOfSupplierImpracticable: true }),
      mod({ ...notProvided, valueChange: 300_000, additionalServices: true }),
    ],
    // £1.2m is 60% of the original value, over the 50% cap.
    'pcr2015.modification.unforeseeable': [
      mod({ ...notProvided, valueChange: 300_000, unforeseeable: true }),
      mod({ ...notProvided, valueChange: 1_200_000, unforeseeable: true }),
    ],
    'pcr2015.modification.no-ground': [mod({ ...notProvided, valueChange: 200_000 }), mod({ ...notProvided, valueChange: 199_999 })],
    'pcr2015.modification.alters-overall-nature': [mod({ ...notProvided, materiallyDifferent: true }), mod(notProvided)],
    'pcr2015.modification.over-cap': [
      mod({ ...notProvided, valueChange: 1_200_000, unforeseeable: true }),
      mod({ ...notProvided, valueChange: 300_000, unforeseeable: true }),
    ],
    'pcr2015.modification.no-urgent-route': [merge(modification as Patch, { route: { process: 'urgent-modification' } }), modification],
  },
};
