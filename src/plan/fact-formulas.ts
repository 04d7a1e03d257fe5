// Every derived fact as a small named function of other facts, registered
// with what it reads (OpenFisca's variables, json-rules-engine's almanac
// facts). A fact read straight from one plan field needs no function: the
// catalogue's planPath says where it is (fact-catalogue.ts), and facts.ts
// reads it. The facts the rule set's own steps define (the standstill and the
// latest dates) are the engine's: RULE_SET_FACTS below.
//
// A function reads other facts through `get`, and only those it names in
// `reads`: they are its place in the facts' graph, which says both what must
// be computed again when a fact is set another way (one of the authority's
// acts, tried by the engine) and, for a fact that is not itself a question,
// which facts' being unknown makes it unknown (unknownSources). It may read
// the plan itself (`ctx.plan`, naming the fields in `plan`) for what every
// plan states or a fact cannot hold (the services' list, the term, the
// procurement start, the VAT basis), and the dated parameters. The regime
// decision reads the plan's process, dates and framework too: which of them a
// review asks when the regime is left open is regimeOpenFacts' to say
// (facts.ts). test/plan/fact-registry.test.ts holds each function to what it
// names.
//
// This module stays below the catalogue (no import circle): the catalogue
// reads the functions' `reads` as a derived fact's sources.
import type { Plan, ProcessId } from './schema.js';
import type { ParamTable } from '../law/params.js';
import { daysBetween, extendTerm, monthsBetween, termEnd } from './dates.js';
import {
  changeWhilePsrInForce,
  couldBeMixed,
  flaggedShare,
  isPsrRelevantAuthority,
  kleeneSome,
  pcr2006Governs,
  processKind,
  processRegime,
  providerMayChange,
  psrScopeOf,
  regimeDecision,
  whyNotPsr,
} from './regime.js';
import { healthCareFlags, schedule1Mismatch } from './schedule-1.js';
import {
  dateForRegime,
  lightTouchFlags,
  lightTouchOf,
  lightTouchQualified,
  publicationLimit,
  reaches,
  reachesEveryThreshold,
  serviceSharesStated,
  thresholdFor,
  thresholdRegime,
  thresholdTier,
  type Threshold,
  type ThresholdRegime,
  type ThresholdTier,
} from './thresholds.js';
import { lifetimeLowerBound, lifetimeValue, totalMonths } from './value.js';
import { smallLotLimit, valuedTogether, type LotContext } from './lots.js';

export type FactValue = string | number | boolean | null;
/** A fact's value by name (a catalogue name: the catalogue checks every name here, this module staying below it). */
export type FactGetter = (f: string) => unknown;

/** What a function may read besides other facts: the plan, the dated parameters, the lots it is judged with. */
export interface FactContext {
  readonly plan: Plan;
  readonly params: ParamTable;
  readonly lots: LotContext | undefined;
  /** A value the plan and the parameters alone give (never one read from a fact), worked out once per plan. */
  once<T>(key: string, compute: () => T): T;
}

export interface Formula {
  /** The catalogue facts it reads through `get`, and no others. */
  reads: readonly string[];
  /** The plan fields it reads itself (plan paths, `[]` for every entry of a list). */
  plan?: readonly string[];
  compute: (get: FactGetter, ctx: FactContext) => FactValue;
}

/**
 * The facts the rule set's steps define (src/engine/timetable-facts.ts): the
 * standstill of the regime that governs the plan and the latest dates planned
 * back from the service start. Unknown (null) until the engine computes them;
 * their sources are the catalogue's `from`.
 */
export const RULE_SET_FACTS: ReadonlySet<string> = new Set([
  'standstillApplies',
  'psrRepresentationsDeadline',
  'psrEarliestContractDate',
  'pcrEarliestContractDate',
  'paEarliestContractDate',
  'earliestContractDate',
  'statedDeadlineShortBy',
  'psrAwardNoticeDue',
  'psrUrgentNoticeDue',
  'psrUrgentModificationNoticeDue',
  'psrModificationNoticeDue',
  'mspProvidersIdentifiableFrom',
  'latestContractSigned',
  'latestAwardDecision',
  'latestTenderDeadline',
  'latestProcurementStart',
  'latestDecisionDate',
]);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const tier = (v: unknown): ThresholdTier | null => (v === 'central' || v === 'sub-central' ? v : null);

// ---- the plan fields the functions read themselves --------------------------------

const START = 'dates.procurementStart';
/** What each service's health care status is read from (stated, or its CPV codes for the authority). */
const HEALTH_CARE = ['services[].healthCare', 'services[].cpv', 'authority.type', START];
const SHARES = ['services[].valueShare'];
const LIGHT_TOUCH = ['services[].lightTouch', 'services[].cpv', ...SHARES, START];
const TERM = ['term.initialMonths', 'term.extensions[].months'];
/** What the threshold's choice reads beyond the facts: the contract type, the tier's own reading and the light-touch status, for a threshold the facts leave open. */
const THRESHOLD = ['contractType', 'value.vatIncluded', START, 'authority.thresholdTier', 'authority.type', ...LIGHT_TOUCH];
/** The least the value can be when it is unknown: the possible provision over the term. */
const LOWER_BOUND = ['value.possibleAnnual', ...TERM];
/** What the regime decision reads beyond the facts (regimeDecision); its basis in words, the authority and the services too. */
const REGIME = ['route.process', START, 'change.effectiveDate', 'frameworkAgreement.awardedUnder'];

const healthCare = (c: FactContext) => c.once('healthCareFlags', () => healthCareFlags(c.plan, c.params));
const schedule1 = (c: FactContext) => c.once('schedule1', () => schedule1Mismatch(c.plan, c.params, c.plan.dates.procurementStart));
const ltFlags = (c: FactContext, regime: ThresholdRegime) => c.once(`lightTouch:${regime}`, () => lightTouchFlags(c.plan, regime, c.params, c.plan.dates.procurementStart));
const vatRate = (c: FactContext, date: string) => c.params.number('vat.standard-rate', date);

/** The threshold the facts choose (regime, light-touch status, tier); null while one of them is unknown. */
function thresholdOf(get: FactGetter, c: FactContext): Threshold | null {
  const tr = thresholdRegime(get('regime'));
  if (tr === null) return null;
  return thresholdFor(c.plan, tr, c.params, c.plan.dates.procurementStart, bool(get('lightTouch')), tier(get('thresholdTier')));
}

/** The least the estimated value can be when it is unknown: the other lots' known values, or the possible provision. */
function lowerBound(c: FactContext, regime: ThresholdRegime): number | null {
  if (!c.lots) return lifetimeLowerBound(c.plan);
  const { total, atLeast } = valuedTogether(c.lots, regime);
  return total === null && atLeast > 0 ? atLeast : null;
}

type Reached = { reached: boolean | null; vatUncertain: boolean | null };
const NOT_TESTED: Reached = { reached: null, vatUncertain: false };

/**
 * Does the estimated value reach the threshold? With the threshold the facts
 * give, on its VAT basis; with the light-touch status or the tier unknown,
 * every threshold it could be; with the value unknown, the least it can be.
 */
function thresholdReached(get: FactGetter, c: FactContext): Reached {
  const tr = thresholdRegime(get('regime'));
  if (tr === null) return NOT_TESTED;
  const { plan, params } = c;
  const date = plan.dates.procurementStart;
  const amount = num(get('threshold'));
  const vatIncluded = bool(get('thresholdVatIncluded'));
  const value = num(get('estimatedValue'));
  const tested = amount === null || vatIncluded === null ? NOT_TESTED : reaches(value, amount, plan.value.vatIncluded, vatIncluded, vatRate(c, dateForRegime(tr, date, params)));
  if (tested.reached !== null) return tested;
  // Light-touch status or the authority's tier unknown: the value may still reach (or miss) every threshold it could be.
  const lt = lightTouchOf(plan, ltFlags(c, tr), () => serviceSharesStated(plan), tr, params, date);
  const ti = thresholdTier(plan);
  const low = value === null ? lowerBound(c, tr) : null;
  const reached = reachesEveryThreshold(plan, tr, params, date, value, lt, ti) ?? (low !== null && reachesEveryThreshold(plan, tr, params, date, low, lt, ti) === true ? true : null);
  return reached === null ? tested : { reached, vatUncertain: false };
}

/** Does the estimated value reach the below-threshold publication limit (on the threshold's VAT basis)? */
function publicationReached(get: FactGetter, c: FactContext): Reached {
  const tr = thresholdRegime(get('regime'));
  if (tr === null) return NOT_TESTED;
  const limit = num(get('publicationLimit'));
  const vatIncluded = bool(get('thresholdVatIncluded'));
  if (limit === null || vatIncluded === null) return { reached: null, vatUncertain: null };
  const { plan } = c;
  const rate = vatRate(c, plan.dates.procurementStart);
  const value = num(get('estimatedValue'));
  const tested = reaches(value, limit, plan.value.vatIncluded, vatIncluded, rate);
  // With the value unknown, what is known is a lower bound (the possible provision; the other lots): a limit it already reaches is reached.
  const low = value === null ? lowerBound(c, tr) : null;
  if (tested.reached === null && low !== null && reaches(low, limit, plan.value.vatIncluded, vatIncluded, rate).reached === true) return { reached: true, vatUncertain: false };
  return tested;
}

/** Does the cumulative change in value reach the threshold (the de minimis test)? */
function changeReached(get: FactGetter, c: FactContext): Reached {
  if (thresholdRegime(get('regime')) === null) return NOT_TESTED;
  const amount = num(get('threshold'));
  const vatIncluded = bool(get('thresholdVatIncluded'));
  const cumulative = num(get('changeCumulativeValue'));
  if (amount === null || vatIncluded === null || cumulative === null) return { reached: null, vatUncertain: null };
  return reaches(Math.abs(cumulative), amount, c.plan.value.vatIncluded, vatIncluded, vatRate(c, c.plan.dates.procurementStart));
}

type AwardedUnder = NonNullable<NonNullable<Plan['incumbent']>['awardedUnder']>;

/** The regime decision, on the PSR scope and the existing contract's regime as the facts hold them. */
const decision = (get: FactGetter, c: FactContext) =>
  regimeDecision(c.plan, c.params, bool(get('psrScope')), get('incumbentAwardedUnder') as AwardedUnder | null);


const date = str;

type PensionScheme = NonNullable<NonNullable<Plan['staff']>['pensionSchemes']>[number];
/** Are some of the staff in the scheme: yes if it is listed, not known if the list is left out or says "unknown", else no. */
const schemeMember = (schemes: readonly PensionScheme[] | undefined, scheme: PensionScheme): boolean | null =>
  schemes?.includes(scheme) ? true : schemes === undefined || schemes.includes('unknown') ? null : false;

/**
 * The planned procurement notice's distance before the tender notice, in days or months. With no tender notice date of
 * its own and a notice dated on or after the procurement start, the plan's start is the notice itself (the first
 * notice), so the tender notice's date is not known.
 */
const noticeBeforeTender = (between: (from: string, to: string) => number) => ({
  reads: ['plannedProcurementNoticeDate', 'tenderNoticeDate'] as const,
  plan: ['dates.tenderNotice', 'dates.procurementStart'],
  compute: (get: FactGetter, c: FactContext) => {
    const notice = date(get('plannedProcurementNoticeDate'));
    if (!notice) return null;
    if (c.plan.dates.tenderNotice === undefined && notice >= c.plan.dates.procurementStart) return null;
    return between(notice, get('tenderNoticeDate') as string);
  },
});

export const FORMULAS = {
  // ---- the authority and the services -----------------------------------------

  psrRelevantAuthority: {
    reads: ['authorityType'],
    compute: (get) => isPsrRelevantAuthority(get('authorityType') as Plan['authority']['type']),
  },
  /** Each service's health care status known: stated, or settled by its CPV codes. */
  servicesHealthCareKnown: {
    reads: [],
    plan: HEALTH_CARE,
    compute: (_, c) => healthCare(c).every((f) => f !== null),
  },
  anyHealthCare: {
    reads: ['servicesHealthCareKnown'],
    plan: HEALTH_CARE,
    compute: (get, c) => kleeneSome(healthCare(c).some((f) => f === true), get('servicesHealthCareKnown') !== true),
  },
  mixedProcurement: {
    reads: ['servicesHealthCareKnown'],
    plan: HEALTH_CARE,
    compute: (get, c) => {
      const flags = healthCare(c);
      const mixed = flags.some((f) => f === true) && flags.some((f) => f === false);
      return kleeneSome(mixed, get('servicesHealthCareKnown') !== true && couldBeMixed(flags));
    },
  },
  /** The health care services' share of the value: whole or none unless mixed, then by the services' stated shares. */
  healthCareShare: {
    reads: ['servicesHealthCareKnown', 'serviceSharesStated'],
    plan: [...HEALTH_CARE, ...SHARES],
    compute: (get, c) => {
      if (get('servicesHealthCareKnown') !== true) return null;
      const flags = healthCare(c);
      const any = flags.some((f) => f === true);
      if (!any || !flags.some((f) => f === false)) return any ? 1 : 0;
      return get('serviceSharesStated') === true ? flaggedShare(c.plan.services, flags) : null;
    },
  },
  /** PSR reg 3: is the contract, as one contract, within the PSR? Mixed, only with health care the main subject matter by estimated lifetime value (reg 3(3)(a), 3(4)(a)), whatever the answer on separability. */
  psrScope: {
    reads: ['servicesHealthCareKnown', 'healthCareShare'],
    plan: [...HEALTH_CARE, START],
    compute: (get, c) => {
      const flags = healthCare(c);
      const any = flags.some((f) => f === true);
      return psrScopeOf({
        relevantAuthority: isPsrRelevantAuthority(c.plan.authority.type),
        allKnown: get('servicesHealthCareKnown') === true,
        any,
        mixed: any && flags.some((f) => f === false),
        share: num(get('healthCareShare')),
        mainShare: c.params.number('psr.mixed.main-subject-min-share', c.plan.dates.procurementStart),
      });
    },
  },
  healthCareClaimOutsideSchedule1: {
    reads: [],
    plan: ['services[].healthCare', 'services[].cpv', START],
    compute: (_, c) => schedule1(c).claimOutside,
  },
  healthCareDeniedWithSchedule1Code: {
    reads: [],
    plan: ['services[].healthCare', 'services[].cpv', START],
    compute: (_, c) => schedule1(c).deniedListed,
  },
  serviceSharesStated: {
    reads: [],
    plan: SHARES,
    compute: (_, c) => serviceSharesStated(c.plan),
  },

  // ---- the regime -------------------------------------------------------------

  /** The regime that applies on the plan's facts and dates (decideRegime). */
  applicableRegime: {
    reads: ['psrScope', 'incumbentAwardedUnder'],
    plan: REGIME,
    compute: (get, c) => decision(get, c).regime,
  },
  regime: {
    reads: ['applicableRegime'],
    compute: (get) => str(get('applicableRegime')),
  },
  regimeBasis: {
    reads: ['psrScope', 'incumbentAwardedUnder'],
    plan: [...REGIME, ...HEALTH_CARE],
    compute: (get, c) => {
      const inPsr = bool(get('psrScope'));
      return decision(get, c).basis(whyNotPsr(c.plan, healthCare(c).some((f) => f === true), inPsr));
    },
  },
  inScope: {
    reads: ['regime'],
    compute: (get) => get('regime') !== 'pcr2006',
  },
  pcr2006Governs: {
    reads: ['incumbentAwardedUnder'],
    plan: [START, 'route.process'],
    compute: (get, c) => pcr2006Governs(c.plan, c.params, str(get('incumbentAwardedUnder'))),
  },
  /** The plan names a regime other than the one that applies. */
  regimeMismatch: {
    reads: ['declaredRegime', 'regime'],
    compute: (get) => {
      const named = get('declaredRegime');
      const regime = get('regime');
      return named !== 'auto' && regime !== null && named !== regime;
    },
  },
  processKind: {
    reads: ['process'],
    compute: (get) => processKind(get('process') as ProcessId),
  },
  processRegime: {
    reads: ['process'],
    compute: (get) => processRegime(get('process') as ProcessId),
  },
  frameworkTermYears: {
    reads: [],
    plan: ['route.frameworkTermMonths'],
    compute: (_, c) => (c.plan.route.frameworkTermMonths === undefined ? null : Math.round((c.plan.route.frameworkTermMonths / 12) * 100) / 100),
  },

  // ---- dates ----------------------------------------------------------------

  /** A cut-off before 23:59 ends the period before midnight at the end of the day. */
  statedCutOffBeforeMidnight: {
    reads: [],
    plan: ['dates.statedRepresentationsTime'],
    compute: (_, c) => (c.plan.dates.statedRepresentationsTime === undefined ? false : c.plan.dates.statedRepresentationsTime < '23:59'),
  },
  /** Nothing the plan states is beyond the bank holidays procheck holds until a step's count says so (the engine's open facts). */
  calendarCoversDates: {
    reads: [],
    compute: () => true,
  },

  // ---- thresholds --------------------------------------------------------------

  thresholdTier: {
    reads: [],
    plan: ['authority.thresholdTier', 'authority.type'],
    compute: (_, c) => thresholdTier(c.plan),
  },
  lightTouchStated: {
    reads: [],
    plan: ['services[].lightTouch'],
    compute: (_, c) => c.plan.services.every((s) => s.lightTouch != null),
  },
  lightTouchQualifiedCpv: {
    reads: [],
    plan: ['services[].lightTouch', 'services[].cpv', START],
    compute: (_, c) => lightTouchQualified(c.plan, c.params, c.plan.dates.procurementStart),
  },
  /** Wholly or mainly (by value) light-touch services, under the regime whose thresholds apply. */
  lightTouch: {
    reads: ['regime', 'serviceSharesStated'],
    plan: LIGHT_TOUCH,
    compute: (get, c) => {
      const tr = thresholdRegime(get('regime'));
      return tr === null ? null : lightTouchOf(c.plan, ltFlags(c, tr), () => get('serviceSharesStated') === true, tr, c.params, c.plan.dates.procurementStart);
    },
  },
  threshold: {
    reads: ['regime', 'lightTouch', 'thresholdTier'],
    plan: ['contractType', START],
    compute: (get, c) => thresholdOf(get, c)?.amount ?? null,
  },
  /** The parameter holding the threshold: none while the threshold is unknown. */
  thresholdParam: {
    reads: ['threshold', 'regime', 'lightTouch', 'thresholdTier'],
    plan: ['contractType', START],
    compute: (get, c) => (get('threshold') === null ? null : thresholdOf(get, c)!.param),
  },
  thresholdVatIncluded: {
    reads: ['threshold', 'regime', 'lightTouch', 'thresholdTier'],
    plan: ['contractType', START],
    compute: (get, c) => (get('threshold') === null ? null : thresholdOf(get, c)!.vatIncluded),
  },
  /** VAT decides whether the value reaches the threshold: open until the value is stated on the threshold's basis. */
  thresholdVatUncertain: {
    reads: ['regime', 'threshold', 'thresholdVatIncluded', 'estimatedValue'],
    plan: [...THRESHOLD, ...LOWER_BOUND],
    compute: (get, c) => thresholdReached(get, c).vatUncertain,
  },
  aboveThreshold: {
    reads: ['thresholdVatUncertain', 'regime', 'threshold', 'thresholdVatIncluded', 'estimatedValue'],
    plan: [...THRESHOLD, ...LOWER_BOUND],
    compute: (get, c) => (get('thresholdVatUncertain') === true ? null : thresholdReached(get, c).reached),
  },
  publicationLimit: {
    reads: ['regime', 'thresholdTier'],
    plan: [START],
    compute: (get, c) => {
      const tr = thresholdRegime(get('regime'));
      return tr === null ? null : publicationLimit(tr, c.params, c.plan.dates.procurementStart, tier(get('thresholdTier')));
    },
  },
  publicationVatUncertain: {
    reads: ['regime', 'publicationLimit', 'thresholdVatIncluded', 'estimatedValue'],
    plan: ['value.vatIncluded', START, ...LOWER_BOUND],
    compute: (get, c) => publicationReached(get, c).vatUncertain,
  },
  abovePublicationLimit: {
    reads: ['publicationVatUncertain', 'regime', 'publicationLimit', 'thresholdVatIncluded', 'estimatedValue'],
    plan: ['value.vatIncluded', START, ...LOWER_BOUND],
    compute: (get, c) => (get('publicationVatUncertain') === true ? null : publicationReached(get, c).reached),
  },
  changeVatUncertain: {
    reads: ['regime', 'threshold', 'thresholdVatIncluded', 'changeCumulativeValue'],
    plan: ['value.vatIncluded', START],
    compute: (get, c) => changeReached(get, c).vatUncertain,
  },
  /** The cumulative change is below the threshold (the de minimis test). */
  changeBelowThreshold: {
    reads: ['changeVatUncertain', 'regime', 'threshold', 'thresholdVatIncluded', 'changeCumulativeValue'],
    plan: ['value.vatIncluded', START],
    compute: (get, c) => {
      if (get('changeVatUncertain') === true) return null;
      const { reached } = changeReached(get, c);
      return reached === null ? null : !reached;
    },
  },

  // ---- the Procurement Act's tendering period and planned procurement notice -------------

  /** The tender notice: the plan's own date for it, else the start of the procurement (its first notice). */
  tenderNoticeDate: {
    reads: ['procurementStart'],
    plan: ['dates.tenderNotice'],
    compute: (get, c) => c.plan.dates.tenderNotice ?? (get('procurementStart') as string),
  },
  /** s.54(5): the period from the day after the tender notice to the tender deadline, the plan's tender period being counted from the start of the procurement. */
  tenderingPeriodDays: {
    reads: ['tenderPeriodDays', 'procurementStart', 'tenderNoticeDate'],
    compute: (get) => {
      const days = num(get('tenderPeriodDays'));
      return days === null ? null : days - daysBetween(get('procurementStart') as string, get('tenderNoticeDate') as string);
    },
  },
  /**
   * Days from the planned procurement notice to the tender notice. With no tender notice date of its
   * own and a notice dated on or after the procurement start, the plan's start is the notice itself
   * (the first notice), so the tender notice's date is not known.
   */
  plannedProcurementNoticeDaysBefore: noticeBeforeTender(daysBetween),
  plannedProcurementNoticeMonthsBefore: noticeBeforeTender(monthsBetween),
  /**
   * Procurement Act s.15(3): a planned procurement notice published at least 40 days and not more
   * than 12 months before the tender notice (the dated parameters), being a planned procurement
   * notice (s.15(2): with the content reg 16 of the Procurement Regulations 2024 requires). With the
   * notice's date, its dates decide the timing; the content is the plan's answer on it, else its
   * answer on the whole. Without a date, the plan's answer on the whole.
   */
  qualifyingPlannedProcurementNotice: {
    reads: ['plannedProcurementNoticeDate', 'plannedProcurementNoticeDaysBefore', 'plannedProcurementNoticeMonthsBefore', 'plannedProcurementNoticeContent'],
    plan: ['timetable.qualifyingPlannedProcurementNotice', START],
    compute: (get, c) => {
      const stated = c.plan.timetable?.qualifyingPlannedProcurementNotice ?? null;
      if (!date(get('plannedProcurementNoticeDate'))) return stated;
      const days = num(get('plannedProcurementNoticeDaysBefore'));
      const months = num(get('plannedProcurementNoticeMonthsBefore'));
      const on = c.plan.dates.procurementStart;
      if (days !== null && months !== null) {
        if (days < c.params.number('pa2023.planned-procurement-notice.min-days-before', on)) return false;
        if (months > c.params.number('pa2023.planned-procurement-notice.max-months-before', on)) return false;
      }
      if (stated !== null) return stated;
      return days === null || months === null ? null : bool(get('plannedProcurementNoticeContent'));
    },
  },

  // ---- value and term ----------------------------------------------------------

  possibleAnnualValue: {
    reads: [],
    plan: ['value.possibleAnnual'],
    compute: (_, c) => c.plan.value.possibleAnnual ?? 0,
  },
  /** Annual plus possible provision over the maximum term, unless the plan states it. */
  lifetimeValue: {
    reads: ['annualValue'],
    plan: ['value.lifetime', ...LOWER_BOUND],
    compute: (get, c) => lifetimeValue(c.plan, c.plan.value.lifetime !== undefined ? null : num(get('annualValue'))),
  },
  /** The value the thresholds compare: the lifetime value, or for a lot under PCR 2015 or the Act the lots' under that regime together. */
  estimatedValue: {
    reads: ['regime', 'lifetimeValue'],
    compute: (get, c) => {
      const tr = c.lots ? thresholdRegime(get('regime')) : null;
      return tr !== null ? valuedTogether(c.lots!, tr).total : num(get('lifetimeValue'));
    },
  },
  lotCount: {
    reads: [],
    compute: (_, c) => c.lots?.count ?? 0,
  },
  smallLotLimit: {
    reads: [],
    plan: ['contractType', START],
    compute: (_, c) => (c.lots ? smallLotLimit(c.plan, c.params) : null),
  },
  /**
   * A lot the PCR 2015 small-lots exemption lets the authority award without
   * the Part 2 procedures (reg 6(14)-(15)): a below-threshold award of a lot
   * worth less than the small-lot limit, the lots so awarded not more than the
   * set share of all the lots. null while a value, its VAT basis or the limit
   * in force is unknown.
   */
  smallLot: {
    reads: ['regime', 'process', 'lifetimeValue', 'estimatedValue'],
    plan: ['contractType', 'value.vatIncluded', START],
    compute: (get, c) => {
      if (!c.lots || get('regime') !== 'pcr2015' || get('process') !== 'below-threshold') return false;
      const { plan, params } = c;
      const date = plan.dates.procurementStart;
      const limit = smallLotLimit(plan, params);
      const vatIncluded = params.flagOn('pcr2015.threshold.vat-included', date);
      const reached = limit === null || vatIncluded === null ? null : reaches(num(get('lifetimeValue')), limit, plan.value.vatIncluded, vatIncluded, vatRate(c, date)).reached;
      const below = reached === null ? null : !reached;
      // The lots under PCR 2015 valued together (the estimated value), and those let as below-threshold awards.
      const total = num(get('estimatedValue'));
      const { belowThresholdTotal } = valuedTogether(c.lots, 'pcr2015');
      const within = total === null || belowThresholdTotal === null || total === 0 ? null : belowThresholdTotal / total <= params.number('pcr2015.small-lot.max-share', date);
      if (below === false || within === false) return false;
      return below === null || within === null ? null : true;
    },
  },
  lifetimeValueStated: {
    reads: [],
    plan: ['value.lifetime'],
    compute: (_, c) => c.plan.value.lifetime !== undefined,
  },
  extensionOptionCount: {
    reads: [],
    plan: ['term.extensions'],
    compute: (_, c) => c.plan.term.extensions.length,
  },
  maxTermMonths: {
    reads: [],
    plan: TERM,
    compute: (_, c) => totalMonths(c.plan),
  },
  extensionMonthsTotal: {
    reads: ['maxTermMonths', 'initialTermMonths'],
    compute: (get) => (get('maxTermMonths') as number) - (get('initialTermMonths') as number),
  },
  maxTermYears: {
    reads: [],
    plan: TERM,
    compute: (_, c) => Math.round((totalMonths(c.plan) / 12) * 100) / 100,
  },
  extensionsNotInContract: {
    reads: [],
    plan: ['term.extensions[].statedInContract'],
    compute: (_, c) => c.plan.term.extensions.filter((e) => e.statedInContract === false).length,
  },
  extensionsContractUnknown: {
    reads: [],
    plan: ['term.extensions[].statedInContract'],
    compute: (_, c) => c.plan.term.extensions.filter((e) => e.statedInContract == null).length,
  },
  contractEndIfAllOptions: {
    reads: ['contractStart'],
    plan: TERM,
    compute: (get, c) => termEnd(get('contractStart') as string, totalMonths(c.plan)),
  },
  /** Months from the award decision to the service start. */
  awardToStartMonths: {
    reads: ['awardDecision', 'contractStart'],
    compute: (get) => {
      const award = date(get('awardDecision'));
      const start = date(get('contractStart'));
      return award && start ? monthsBetween(award, start) : null;
    },
  },

  // ---- the existing contract ----------------------------------------------------

  hasIncumbent: {
    reads: [],
    plan: ['incumbent'],
    compute: (_, c) => c.plan.incumbent !== undefined,
  },
  lifetimeValueIncrease: {
    reads: ['lifetimeValue', 'originalLifetimeValue'],
    compute: (get) => {
      const lv = num(get('lifetimeValue'));
      const original = num(get('originalLifetimeValue'));
      return original === null || lv === null ? null : lv - original;
    },
  },
  lifetimeValueIncreaseRatio: {
    reads: ['lifetimeValueIncrease', 'originalLifetimeValue'],
    compute: (get) => {
      const increase = num(get('lifetimeValueIncrease'));
      const original = num(get('originalLifetimeValue'));
      return increase === null || !original ? null : increase / original;
    },
  },
  daysFromIncumbentEndToStart: {
    reads: ['incumbentContractEnd', 'contractStart'],
    compute: (get) => {
      const end = date(get('incumbentContractEnd'));
      return end ? daysBetween(end, get('contractStart') as string) : null;
    },
  },
  /** The existing contract's end with every extension left under its written options exercised. */
  incumbentLatestEnd: {
    reads: ['incumbentContractEnd', 'incumbentExtensionRemainingMonths'],
    compute: (get) => {
      const end = date(get('incumbentContractEnd'));
      const remaining = num(get('incumbentExtensionRemainingMonths'));
      return end && remaining !== null ? extendTerm(end, remaining) : null;
    },
  },
  daysFromIncumbentLatestEndToStart: {
    reads: ['incumbentLatestEnd', 'contractStart'],
    compute: (get) => {
      const end = date(get('incumbentLatestEnd'));
      return end === null ? null : daysBetween(end, get('contractStart') as string);
    },
  },
  /**
   * Does the new contract replace the existing one at the end of its term (PSR
   * reg 6(5)(b))? The plan's own dates say so when the service starts the day
   * after the existing contract ends; otherwise it is for the plan to say.
   */
  replacesExpiringContract: {
    reads: ['incumbentContractEnd', 'contractStart'],
    plan: ['directAward.replacesExpiringContract'],
    compute: (get, c) => {
      const stated = c.plan.directAward?.replacesExpiringContract;
      if (stated != null) return stated;
      const end = date(get('incumbentContractEnd'));
      return end ? (daysBetween(end, get('contractStart') as string) === 1 ? true : null) : null;
    },
  },
  providerMayChange: {
    reads: ['process', 'hasIncumbent'],
    compute: (get) => providerMayChange(get('process') as ProcessId, get('hasIncumbent') === true),
  },

  // ---- a change to the existing contract --------------------------------------------

  hasChange: {
    reads: [],
    plan: ['change'],
    compute: (_, c) => c.plan.change !== undefined,
  },
  changeWhilePsrInForce: {
    reads: ['processKind', 'changeEffectiveDate', 'procurementStart'],
    compute: (get, c) =>
      get('processKind') === 'change' && changeWhilePsrInForce(date(get('changeEffectiveDate')), get('procurementStart') as string, c.params),
  },
  /** A modification that names no added term adds none; an extension must say how long it is. */
  changeExtensionMonths: {
    reads: ['process'],
    plan: ['change', 'change.extensionMonths'],
    compute: (get, c) => c.plan.change?.extensionMonths ?? (c.plan.change && get('process') !== 'extension' ? 0 : null),
  },
  /**
   * The PSR notices' 30 days run to submission for publication (regs 7-11, 13(5), 14(5)), which is on or
   * before publication: the latest a notice can have been submitted is its submission date, else its
   * publication date. A rule reads it to decide what publication alone settles (a notice published in
   * time was submitted in time), and the submission date itself for the rest.
   */
  awardNoticeSubmittedBy: {
    reads: ['awardNoticeSubmitted', 'awardNoticePublished'],
    compute: (get) => date(get('awardNoticeSubmitted')) ?? date(get('awardNoticePublished')),
  },
  modificationNoticeSubmittedBy: {
    reads: ['modificationNoticeSubmitted', 'modificationNoticePublished'],
    compute: (get) => date(get('modificationNoticeSubmitted')) ?? date(get('modificationNoticePublished')),
  },
  /**
   * PSR reg 10(5) counts from the day the notice of intention to follow the most suitable provider process
   * is submitted for publication. The plan may state it; left out, it is the procurement start, the first
   * notice sent; stated unknown (null, as for a notice read from OCDS, which dates only publication), unknown.
   */
  mspIntentionSubmitted: {
    reads: ['procurementStart'],
    plan: ['dates.mspIntentionSubmitted'],
    compute: (get, c) => {
      const stated = c.plan.dates.mspIntentionSubmitted;
      return stated === undefined ? date(get('procurementStart')) : stated;
    },
  },
  /** The latest the step 1 notice can have been submitted: its submission, else the procurement start (no earlier than it was sent or published). */
  mspIntentionSubmittedBy: {
    reads: ['mspIntentionSubmitted', 'procurementStart'],
    compute: (get) => date(get('mspIntentionSubmitted')) ?? date(get('procurementStart')),
  },
  /** The day the contract is modified: the day the variation is agreed, else the day it takes effect. */
  changeMadeDate: {
    reads: ['changeEffectiveDate'],
    plan: ['change.agreedDate'],
    compute: (get, c) => c.plan.change?.agreedDate ?? date(get('changeEffectiveDate')),
  },
  daysFromIncumbentEndToChange: {
    reads: ['incumbentContractEnd', 'changeEffectiveDate'],
    compute: (get) => {
      const end = date(get('incumbentContractEnd'));
      const effective = date(get('changeEffectiveDate'));
      return end && effective ? daysBetween(end, effective) : null;
    },
  },
  /** Absent, the cumulative change is this change's; stated unknown (null), it is unknown. */
  changeCumulativeValue: {
    reads: ['changeValue'],
    plan: ['change', 'change.cumulativeValueChange'],
    compute: (get, c) => {
      const change = c.plan.change;
      if (!change) return null;
      return change.cumulativeValueChange !== undefined ? change.cumulativeValueChange : num(get('changeValue'));
    },
  },
  /** The size of the cumulative change, up or down (PSR reg 13(2)(b), 13(4)(c): "the cumulative change in the lifetime value"). */
  changeCumulativeSize: {
    reads: ['changeCumulativeValue'],
    compute: (get) => {
      const cumulative = num(get('changeCumulativeValue'));
      return cumulative === null ? null : Math.abs(cumulative);
    },
  },
  /** The size of the cumulative change, up or down, as a share of the original value: a cut counts as much as a rise. */
  changeCumulativeRatio: {
    reads: ['changeCumulativeValue', 'originalLifetimeValue'],
    compute: (get) => {
      const cumulative = num(get('changeCumulativeValue'));
      const original = num(get('originalLifetimeValue'));
      return cumulative === null || !original ? null : Math.abs(cumulative) / original;
    },
  },
  /** An extension longer than the extension left under the contract's written options; a change that names no added term is not measured. */
  changeExceedsRemainingExtension: {
    reads: ['changeExtensionMonths', 'incumbentExtensionRemainingMonths'],
    plan: ['change.extensionMonths'],
    compute: (get, c) => {
      const months = num(get('changeExtensionMonths'));
      if (months === null || c.plan.change?.extensionMonths === undefined) return null;
      if (months === 0) return false;
      const remaining = num(get('incumbentExtensionRemainingMonths'));
      return remaining === null ? null : months > remaining;
    },
  },
  /** PCR 2015 reg 72(7): with an indexation clause the updated figure is the reference; the plan gives it, or the value on award is used. */
  changeReferenceValue: {
    reads: ['originalLifetimeValue'],
    plan: ['incumbent', 'incumbent.indexedLifetimeValue'],
    compute: (get, c) => c.plan.incumbent?.indexedLifetimeValue ?? num(get('originalLifetimeValue')),
  },
  /** Reg 72(1)(b)-(c), (2)(a): this modification's increase in price, as a share of the reference value. */
  changeReferenceRatio: {
    reads: ['changeValue', 'changeReferenceValue'],
    compute: (get) => {
      const value = num(get('changeValue'));
      const reference = num(get('changeReferenceValue'));
      return value === null || !reference ? null : value / reference;
    },
  },
  /** Reg 72(5)-(6): the net cumulative value of the modifications, up or down, as a share of the reference value. */
  changeCumulativeReferenceRatio: {
    reads: ['changeCumulativeValue', 'changeReferenceValue'],
    compute: (get) => {
      const cumulative = num(get('changeCumulativeValue'));
      const reference = num(get('changeReferenceValue'));
      return cumulative === null || !reference ? null : Math.abs(cumulative) / reference;
    },
  },
  changeValueRatio: {
    reads: ['changeValue', 'originalLifetimeValue'],
    compute: (get) => {
      const value = num(get('changeValue'));
      const original = num(get('originalLifetimeValue'));
      return value === null || !original ? null : value / original;
    },
  },
  /** "increases or decreases ... by": the size of the change either way. */
  changeValueShare: {
    reads: ['changeValue', 'originalLifetimeValue'],
    compute: (get) => {
      const value = num(get('changeValue'));
      const original = num(get('originalLifetimeValue'));
      return value === null || !original ? null : Math.abs(value) / original;
    },
  },
  changeTermRatio: {
    reads: ['changeExtensionMonths', 'incumbentOriginalMaxTermMonths'],
    compute: (get) => {
      const months = num(get('changeExtensionMonths'));
      const original = num(get('incumbentOriginalMaxTermMonths'));
      return months === 0 ? 0 : months === null || original === null ? null : months / original;
    },
  },
  /**
   * Procurement Act s.74(5): a change of scope is the supply of goods, services or works of a kind not
   * already provided for. A change that alters the contract's overall nature changes it; a longer term
   * provides for nothing of a new kind; a change the plan says is not substantial changes it not materially.
   * The plan's own answer (change.scopeChanged), where it gives one, decides.
   */
  changeScopeChange: {
    reads: ['changeMateriallyDifferent', 'process', 'changeSubstantial'],
    plan: ['change', 'change.scopeChanged'],
    compute: (get, c) => {
      const stated = c.plan.change?.scopeChanged;
      if (stated !== undefined) return stated;
      // A longer term provides for no goods, services or works of a new kind (s.74(5)), whatever else the plan says of it.
      if (get('process') === 'extension') return false;
      const materially = get('changeMateriallyDifferent');
      if (materially === true) return true;
      // Not known whether the change alters the overall nature: it may, and then it changes the scope.
      if (materially === null) return null;
      return get('changeSubstantial') === false ? false : null;
    },
  },

  /** The existing contract's estimated value once changed (Procurement Act s.77(2)(b): a contract the modification "results in"). */
  lifetimeValueAfterChange: {
    reads: ['originalLifetimeValue', 'changeCumulativeValue'],
    compute: (get) => {
      const original = num(get('originalLifetimeValue'));
      const cumulative = num(get('changeCumulativeValue'));
      return original === null || cumulative === null ? null : original + cumulative;
    },
  },
  /**
   * Procurement Act s.74(3)(c): a material shift of the economic balance in the supplier's favour.
   * The plan's own answer (change.economicBalanceToSupplier) decides; left out, a change the plan
   * says is not substantial shifts it not materially.
   */
  changeEconomicBalance: {
    reads: ['changeSubstantial'],
    plan: ['change', 'change.economicBalanceToSupplier'],
    compute: (get, c) => {
      const stated = c.plan.change?.economicBalanceToSupplier;
      if (stated !== undefined) return stated;
      return get('changeSubstantial') === false ? false : null;
    },
  },

  // ---- an award without competition, a framework, urgency ---------------------------------

  hasJustification: {
    reads: [],
    plan: ['justification'],
    compute: (_, c) => c.plan.justification !== undefined,
  },
  /** Months from the day the original contract was entered into to the day this one is. */
  monthsSinceOriginalContract: {
    reads: ['originalContractDate', 'contractSigned'],
    compute: (get) => {
      const original = date(get('originalContractDate'));
      const signed = date(get('contractSigned'));
      return original && signed ? monthsBetween(original, signed) : null;
    },
  },
  hasFrameworkAgreement: {
    reads: [],
    plan: ['frameworkAgreement'],
    compute: (_, c) => c.plan.frameworkAgreement !== undefined,
  },
  /**
   * Is the call-off (the contract entered into) made after the framework ends?
   * Known from the contract date; without it, already known to be after when
   * the procurement or the award decision, which come first, is; else unknown.
   */
  callOffAfterFrameworkEnd: {
    reads: ['frameworkEndDate', 'contractSigned', 'awardDecision', 'procurementStart'],
    compute: (get) => {
      const end = date(get('frameworkEndDate'));
      if (end === null) return null;
      const signed = date(get('contractSigned'));
      if (signed) return signed > end;
      const award = date(get('awardDecision'));
      const start = date(get('procurementStart'));
      return (start !== null && start > end) || (award !== null && award > end) ? true : null;
    },
  },
  hasUrgency: {
    reads: [],
    plan: ['urgency'],
    compute: (_, c) => c.plan.urgency !== undefined,
  },

  // ---- staff ------------------------------------------------------------------------

  /** Staff transfer on the service start unless the plan gives another day. */
  transferDate: {
    reads: ['contractStart'],
    plan: ['staff.transferDate'],
    compute: (get, c) => c.plan.staff?.transferDate ?? date(get('contractStart')),
  },
  /** Days between entering into the contract and the staff transfer; unknown until the plan gives the contract date. */
  daysFromAwardToTransfer: {
    reads: ['contractSigned', 'transferDate'],
    compute: (get) => {
      const signed = date(get('contractSigned'));
      const transfer = date(get('transferDate'));
      return signed && transfer ? daysBetween(signed, transfer) : null;
    },
  },
  /** Schemes not stated are unknown: which of them the staff are in is then open. */
  pensionLgps: {
    reads: [],
    plan: ['staff.pensionSchemes'],
    compute: (_, c) => schemeMember(c.plan.staff?.pensionSchemes, 'lgps'),
  },
  pensionNhs: {
    reads: [],
    plan: ['staff.pensionSchemes'],
    compute: (_, c) => schemeMember(c.plan.staff?.pensionSchemes, 'nhs-pension-scheme'),
  },
  pensionUnknown: {
    reads: [],
    plan: ['staff.pensionSchemes'],
    compute: (_, c) => c.plan.staff?.pensionSchemes === undefined || c.plan.staff.pensionSchemes.includes('unknown'),
  },

  hasIntentionNotice: {
    reads: [],
    plan: ['intentionNotice'],
    compute: (_, c) => c.plan.intentionNotice !== undefined,
  },
} as const satisfies Record<string, Formula>;

export type FormulaFact = keyof typeof FORMULAS;

export function formulaOf(fact: string): Formula | undefined {
  return Object.hasOwn(FORMULAS, fact) ? (FORMULAS as Record<string, Formula>)[fact] : undefined;
}
