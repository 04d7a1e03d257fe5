// Derived facts: pure functions from a validated plan (and the dated
// parameters) to the flat set of named facts the rules test. No legal
// judgement is made here beyond arithmetic and classification; the rules
// (data) decide what the facts mean.
import { match } from 'ts-pattern';
import type { Plan, ProcessId, RegimeId } from './schema.js';
import { daysBetween, extendTerm, monthsBetween, termEnd } from './dates.js';
import type { ParamTable } from '../law/params.js';
import { FACT_CATALOGUE, type FactName } from './fact-catalogue.js';
import { lightTouch, lightTouchQualified, publicationLimit, reaches, thresholdTest, thresholdTier, type ThresholdRegime } from './thresholds.js';
import { healthCareFlags, schedule1Mismatch } from './schedule-1.js';
import { applyClaimDefaults } from './claims.js';
import { FORMULAS, type Formula } from './fact-formulas.js';

export type FactValue = string | number | boolean | null;
export type Facts = Record<FactName, FactValue>;

export type ApplicableRegime = RegimeId | 'pcr2006';

/** Only these bodies are "relevant authorities" for the PSR (NHS Act 2006 s.12ZB; PSR reg 2). */
export function isPsrRelevantAuthority(type: Plan['authority']['type']): boolean {
  return match(type)
    .with('local-authority', 'combined-authority', 'icb', 'nhs-england', 'nhs-trust', 'foundation-trust', () => true)
    .with('other-public-body', () => false)
    .exhaustive();
}

export type ProcessKind = 'new-award' | 'change';

export function processKind(process: ProcessId): ProcessKind {
  return match(process)
    .with('extension', 'modification', 'urgent-modification', () => 'change' as const)
    .otherwise(() => 'new-award' as const);
}

/** The regime a process or procedure name belongs to; null where the name exists in several. */
export function processRegime(process: ProcessId): RegimeId | 'any' {
  return match(process)
    .with(
      'direct-award-a',
      'direct-award-b',
      'direct-award-c',
      'most-suitable-provider',
      'competitive',
      'urgent-award',
      () => 'psr' as const,
    )
    .with(
      'restricted',
      'competitive-with-negotiation',
      'competitive-dialogue',
      'innovation-partnership',
      'negotiated-without-prior-publication',
      'light-touch',
      'dynamic-purchasing-system',
      () => 'pcr2015' as const,
    )
    .with('competitive-flexible', 'direct-award', () => 'pa2023' as const)
    .with('open', 'framework-call-off', 'below-threshold', 'extension', 'modification', 'urgent-modification', () => 'any' as const)
    .exhaustive();
}

/** Could the provider change as a result of this process (so TUPE may bite)? */
export function providerMayChange(process: ProcessId, hasIncumbent: boolean): boolean {
  if (!hasIncumbent) return true;
  return match(process)
    .with('direct-award-a', 'direct-award-c', 'extension', 'modification', 'urgent-modification', () => false)
    .otherwise(() => true);
}

export interface HealthCareScope {
  allKnown: boolean;
  share: number | null;
  /** Health care mixed with other services; null while an unknown flag could make it so. */
  mixedKnown: boolean | null;
  /** At least one health care service; null while only unknown flags could make it so. */
  anyKnown: boolean | null;
  mixed: boolean;
  any: boolean;
}

/** true if `seen`, else null if unknown flags could still make it true, else false. */
const kleeneSome = (seen: boolean, possible: boolean): boolean | null => (seen ? true : possible ? null : false);

/** Could some service be health care and another not, whatever the unknown flags turn out to be? */
function couldBeMixed(flags: (boolean | null)[]): boolean {
  return flags.some((f, i) => f !== false && flags.some((g, j) => j !== i && g !== true));
}

function healthCareScope(plan: Plan, params: ParamTable): HealthCareScope {
  const flags = healthCareFlags(plan, params);
  const allKnown = flags.every((f) => f !== null);
  const any = flags.some((f) => f === true);
  const mixed = any && flags.some((f) => f === false);
  const anyKnown = kleeneSome(any, !allKnown);
  const mixedKnown = kleeneSome(mixed, !allKnown && couldBeMixed(flags));
  if (!allKnown) return { allKnown, share: null, mixed, any, anyKnown, mixedKnown };
  if (!mixed) return { allKnown, share: any ? 1 : 0, mixed, any, anyKnown, mixedKnown };
  const shares = plan.services.map((s) => s.valueShare);
  if (shares.some((s) => s === undefined)) return { allKnown, share: null, mixed, any, anyKnown, mixedKnown };
  const health = plan.services.reduce((sum, s, i) => sum + (flags[i] ? s.valueShare ?? 0 : 0), 0);
  const total = shares.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  return { allKnown, share: total > 0 ? health / total : null, mixed, any, anyKnown, mixedKnown };
}

/**
 * Are the health care services procured within the PSR? true / false / null
 * when a fact needed to say is missing. Mixed procurement (reg 3): where the
 * other elements can reasonably be supplied separately, the health care part
 * stays under the PSR (and the rest is procured on its own); where they
 * cannot, the main subject matter by value decides for the whole contract.
 */
function psrScope(plan: Plan, hc: HealthCareScope, params: ParamTable): boolean | null {
  if (!isPsrRelevantAuthority(plan.authority.type)) return false;
  if (!hc.allKnown) return null;
  if (!hc.any) return false;
  if (!hc.mixed) return true;
  const separable = plan.mixedProcurement?.otherElementsSeparable ?? null;
  // Separable other elements are procured on their own; the health care part stays under the PSR (reg 3).
  if (separable === true) return true;
  if (hc.share === null) return null;
  // Not separable: the main subject matter, by value, decides for the whole contract; either way a health-care-main contract is in.
  if (hc.share > params.number('psr.mixed.main-subject-min-share', plan.dates.procurementStart)) return true;
  return separable === null ? null : false;
}

/**
 * Does PCR 2006 govern (out of procheck's scope)? Only a procurement started
 * before PCR 2015 came into force can be; a change then depends on the regime
 * the contract was awarded under. Unknown only while that is unknown.
 */
function pcr2006Governs(plan: Plan, params: ParamTable): boolean | null {
  if (regimeByDate(plan.dates.procurementStart, params) !== 'pcr2006') return false;
  if (processKind(plan.route.process) !== 'change') return true;
  const under = plan.incumbent?.awardedUnder ?? null;
  return under === null ? null : under === 'pcr2006' || under === 'other';
}

/** Does the change take effect while the PSR is in force (its date, or the procurement start when it gives none)? */
function changeWhilePsrInForce(plan: Plan, params: ParamTable): boolean {
  return (plan.change?.effectiveDate ?? plan.dates.procurementStart) >= params.date('psr.in-force');
}

/** The plan names a regime that does not apply. */
function regimeMismatch(plan: Plan, regime: ApplicableRegime | null): boolean {
  const named = plan.route.regime;
  return named !== 'auto' && regime !== null && named !== regime;
}

export interface RegimeDecision {
  regime: ApplicableRegime | null;
  basis: string;
}

function regimeByDate(date: string, params: ParamTable): ApplicableRegime {
  if (date < params.date('pcr2015.in-force')) return 'pcr2006';
  if (date < params.date('pa2023.in-force')) return 'pcr2015';
  return 'pa2023';
}

/** Which regime governs the plan, and the facts that decided it. */
export function decideRegime(plan: Plan, params: ParamTable, inPsrScope: boolean | null, notPsrBecause: string | null = null): RegimeDecision {
  const start = plan.dates.procurementStart;
  if (processKind(plan.route.process) === 'change') {
    const under = plan.incumbent?.awardedUnder ?? null;
    if (under !== 'psr' && changeWhilePsrInForce(plan, params)) {
      if (inPsrScope === true)
        return {
          regime: 'psr',
          basis: `PSR reg 29(2): the PSR governs the modification of any contract for relevant health care services between a relevant authority and a provider, however and whenever it was awarded; the change takes effect on or after ${params.date('psr.in-force')}`,
        };
      if (inPsrScope === null)
        return {
          regime: null,
          basis: 'whether the PSR governs this change (reg 29(2)) depends on whether the contract is for PSR health care services (services[].healthCare, valueShare, mixedProcurement)',
        };
    }
    if (under === null)
      return { regime: null, basis: 'a change to an existing contract follows the regime it was awarded under, and the plan does not say which (incumbent.awardedUnder)' };
    return match(under)
      .with('pcr2006', () => ({
        regime: regimeByDate(start, params) === 'pcr2006' ? ('pcr2006' as const) : ('pcr2015' as const),
        basis:
          'the contract was awarded under PCR 2006; PCR 2015 reg 118(5A)-(5D) (inserted by SI 2016/275) subjects contracts entered into before 26 February 2015 to the reg 72 modification rules',
      }))
      .with('other', () => ({
        regime: regimeByDate(start, params),
        basis: `the contract was awarded under another regime; a change made on ${start} is judged under the regime then in force`,
      }))
      .with('psr', 'pcr2015', 'pa2023', (r) => ({ regime: r, basis: `a change to an existing contract follows the regime it was awarded under (${r})` }))
      .exhaustive();
  }
  const byDate = regimeByDate(start, params);
  const framework = plan.frameworkAgreement?.awardedUnder ?? null;
  if (plan.route.process === 'framework-call-off' && (framework === 'pcr2015' || framework === 'pa2023') && inPsrScope === false)
    return {
      regime: framework,
      basis: `a call-off from a framework agreement follows the regime the framework was let under (${framework}), whenever the call-off is made`,
    };
  if (plan.route.process === 'framework-call-off' && framework === null && byDate !== 'pcr2006' && inPsrScope !== true)
    return { regime: null, basis: 'a call-off follows the regime the framework agreement was let under, and the plan does not say which (frameworkAgreement.awardedUnder)' };
  if (plan.route.process === 'framework-call-off' && (framework === 'pcr2015' || framework === 'pa2023') && inPsrScope === null && start >= params.date('psr.in-force'))
    return { regime: null, basis: 'whether the call-off follows the framework\'s regime or the PSR depends on whether its services are PSR health care services (services[].healthCare)' };
  if (byDate === 'pcr2006')
    return { regime: 'pcr2006', basis: `the procurement started on ${start}, before the PCR 2015 came into force (${params.date('pcr2015.in-force')})` };
  if (start >= params.date('psr.in-force')) {
    if (inPsrScope === null)
      return { regime: null, basis: 'the plan does not say enough about its services (services[].healthCare, valueShare, mixedProcurement) to decide whether the PSR applies' };
    if (inPsrScope)
      return { regime: 'psr', basis: `health care services in PSR scope arranged by a relevant authority (${plan.authority.type}), procurement started ${start}, on or after ${params.date('psr.in-force')}` };
  }
  const notPsr =
    start < params.date('psr.in-force')
      ? `the PSR applies only to procurements from ${params.date('psr.in-force')}`
      : `the contract is not a PSR health care contract (${notPsrBecause ?? 'outside PSR scope'})`;
  return {
    regime: byDate,
    basis:
      byDate === 'pcr2015'
        ? `procurement started ${start}, between ${params.date('pcr2015.in-force')} and the Procurement Act 2023 (${params.date('pa2023.in-force')}), and ${notPsr}`
        : `procurement started ${start}, on or after ${params.date('pa2023.in-force')}, and ${notPsr}`,
  };
}

/** Why a contract is outside the PSR, in words, for the regime basis (null when it is in scope or unknown). */
export function whyNotPsr(plan: Plan, hc: HealthCareScope, inPsrScope: boolean | null): string | null {
  if (inPsrScope !== false) return null;
  if (!isPsrRelevantAuthority(plan.authority.type)) return 'the authority is not a PSR relevant authority';
  if (!hc.any)
    return plan.services.some((s) => s.healthCare === undefined)
      ? 'none of its services is a health care service in PSR scope (a service that does not say has no CPV code within PSR Schedule 1)'
      : 'none of its services is a health care service in PSR scope';
  return 'health care services are not the main subject matter of the mixed contract';
}

function totalMonths(plan: Plan): number {
  return plan.term.initialMonths + plan.term.extensions.reduce((s, e) => s + e.months, 0);
}

/** Lifetime value over the maximum term, possible provision and options included (PSR reg 2 "lifetime value"; PCR reg 6). */
export function lifetimeValue(plan: Plan): number | null {
  if (plan.value.lifetime !== undefined) return plan.value.lifetime;
  if (plan.value.annual == null) return null;
  const perYear = plan.value.annual + (plan.value.possibleAnnual ?? 0);
  return Math.round((perYear * totalMonths(plan)) / 12);
}

/** The least the lifetime value can be when the annual value is unknown: the possible provision over the maximum term. */
function lifetimeLowerBound(plan: Plan): number | null {
  const possible = plan.value.possibleAnnual ?? 0;
  return possible > 0 ? Math.round((possible * totalMonths(plan)) / 12) : null;
}


const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/**
 * Does the new contract replace the existing one at the end of its term (PSR
 * reg 6(5)(b))? The plan's own dates say so when the service starts the day
 * after the existing contract ends; otherwise it is for the plan to say.
 */
function replacesOnExpiry(plan: Plan): boolean | null {
  const end = plan.incumbent?.contractEnd;
  return end ? (daysBetween(end, plan.dates.contractStart) === 1 ? true : null) : null;
}


/**
 * A lot's place in its procurement: each lot's value (null when unknown, with
 * the least it can be) and the regime it falls under. Only lots under the same
 * regime are valued together: a PSR lot is not a public contract under the
 * PCR 2015 or the Act, and adds nothing to their thresholds.
 */
export interface LotContext {
  count: number;
  lots: { value: number | null; least: number; regime: ApplicableRegime | null; belowThreshold: boolean }[];
}

export function lotContext(lots: Plan[], params: ParamTable): LotContext {
  return {
    count: lots.length,
    lots: lots.map((l) => {
      const value = lifetimeValue(l);
      const regime = decideRegime(l, params, psrScope(l, healthCareScope(l, params), params)).regime;
      return { value, least: value ?? lifetimeLowerBound(l) ?? 0, regime, belowThreshold: l.route.process === 'below-threshold' };
    }),
  };
}

/**
 * The lots valued together with a lot under `regime` (PCR 2015 reg 6(11)-(13);
 * Procurement Act Sch 3 para 4): their total, null while a value, or whether a
 * lot falls under the regime at all, is unknown; the least the known ones come
 * to; and the total of those let as below-threshold awards (reg 6(15)).
 */
function valuedTogether(lots: LotContext, regime: ApplicableRegime): { total: number | null; atLeast: number; belowThresholdTotal: number | null } {
  const members = lots.lots.filter((l) => l.regime === regime);
  const open = lots.lots.some((l) => l.regime === null);
  const sum = (ls: typeof members) => (open || ls.some((l) => l.value === null) ? null : ls.reduce((a, l) => a + (l.value ?? 0), 0));
  return { total: sum(members), atLeast: members.reduce((a, l) => a + l.least, 0), belowThresholdTotal: sum(members.filter((l) => l.belowThreshold)) };
}

/**
 * Is this lot one the PCR 2015 small-lots exemption lets the authority award
 * without the Part 2 procedures (reg 6(14)-(15)): a below-threshold award of a
 * lot worth less than the small-lot limit, the lots so awarded not more than
 * the set share of all the lots? false for anything else; null while a value,
 * its VAT basis or the limit in force is unknown.
 */
/** The PCR 2015 small-lot limit for the plan's contract type on its start date (null outside PCR 2015's periods that have one). */
function smallLotLimit(plan: Plan, params: ParamTable): number | null {
  return params.numberOn(`pcr2015.small-lot.${plan.contractType === 'works' ? 'works' : 'services'}`, plan.dates.procurementStart);
}

function smallLot(plan: Plan, regime: ApplicableRegime | null, params: ParamTable, lv: number | null, lots: LotContext | undefined): boolean | null {
  if (!lots || regime !== 'pcr2015' || plan.route.process !== 'below-threshold') return false;
  const date = plan.dates.procurementStart;
  const limit = smallLotLimit(plan, params);
  const vatIncluded = params.flagOn('pcr2015.threshold.vat-included', date);
  const reached = limit === null || vatIncluded === null ? null : reaches(lv, limit, plan.value.vatIncluded, vatIncluded, params.number('vat.standard-rate', date)).reached;
  const below = reached === null ? null : !reached;
  const { total, belowThresholdTotal } = valuedTogether(lots, regime);
  const within = total === null || belowThresholdTotal === null || total === 0 ? null : belowThresholdTotal / total <= params.number('pcr2015.small-lot.max-share', date);
  if (below === false || within === false) return false;
  return below === null || within === null ? null : true;
}

/**
 * The value the regime's value tests compare: the contract's lifetime value,
 * or, for a lot under PCR 2015 or the Procurement Act, the lots' under that regime together
 * (the PSR has no value threshold; its considerable change compares each
 * contract with the one it replaces).
 */
function estimatedValue(plan: Plan, regime: ApplicableRegime | null, lv: number | null, lots: LotContext | undefined): { value: number | null; low: number | null } {
  if (lots && (regime === 'pcr2015' || regime === 'pa2023')) {
    const { total, atLeast } = valuedTogether(lots, regime);
    return { value: total, low: total === null && atLeast > 0 ? atLeast : null };
  }
  return { value: lv, low: lv === null ? lifetimeLowerBound(plan) : null };
}

/** Threshold facts under PCR 2015 or the Procurement Act; all null under another regime. */
function thresholdFacts(
  plan: Plan,
  regime: ApplicableRegime | null,
  params: ParamTable,
  estimated: { value: number | null; low: number | null },
  cumulativeChange: number | null,
) {
  const tr: ThresholdRegime | null = regime === 'pcr2015' || regime === 'pa2023' ? regime : null;
  const date = plan.dates.procurementStart;
  if (tr === null)
    return {
      lightTouch: null,
      threshold: null,
      thresholdParam: null,
      thresholdVatIncluded: null,
      aboveThreshold: null,
      thresholdVatUncertain: false,
      publicationLimit: null,
      abovePublicationLimit: null,
      publicationVatUncertain: false,
      changeBelowThreshold: null,
      changeVatUncertain: false,
    };
  const lt = lightTouch(plan, tr, params, date);
  const vatRate = params.number('vat.standard-rate', date);
  // With a value unknown, what is known is a lower bound (the possible provision; the other lots): a value it already reaches is reached.
  const { value: lv, low } = estimated;
  const atLeast = (amount: number | null, vatIncl: boolean | null) =>
    low !== null && amount !== null && vatIncl !== null && reaches(low, amount, plan.value.vatIncluded, vatIncl, vatRate).reached === true;
  const tested = thresholdTest(plan, tr, params, date, lv, lt);
  // Light-touch status or the authority's tier unknown: the value may still reach (or miss) every threshold it could be.
  const tier = thresholdTier(plan);
  const acrossLightTouch = (v: number | null): boolean | null => {
    const rs = (lt === null ? [true, false] : [lt]).flatMap((o) =>
      (tier === null ? (['central', 'sub-central'] as const) : [tier]).map((t) => thresholdTest(plan, tr, params, date, v, o, t).reached),
    );
    return rs.every((r) => r === true) ? true : rs.every((r) => r === false) ? false : null;
  };
  const reached = tested.reached ?? acrossLightTouch(lv) ?? (low !== null && acrossLightTouch(low) === true ? true : null);
  const t = reached === tested.reached ? tested : { ...tested, reached, vatUncertain: false };
  const limit = publicationLimit(plan, tr, params, date);
  const pubTest = limit === null || t.vatIncluded === null ? { reached: null, vatUncertain: null } : reaches(lv, limit, plan.value.vatIncluded, t.vatIncluded, vatRate);
  const pub = pubTest.reached === null && atLeast(limit, t.vatIncluded) ? { reached: true, vatUncertain: false } : pubTest;
  const changeTest =
    t.amount === null || t.vatIncluded === null || cumulativeChange === null
      ? { reached: null, vatUncertain: null }
      : reaches(Math.abs(cumulativeChange), t.amount, plan.value.vatIncluded, t.vatIncluded, vatRate);
  return {
    lightTouch: lt,
    threshold: t.amount,
    thresholdParam: t.param,
    thresholdVatIncluded: t.vatIncluded,
    aboveThreshold: t.reached,
    thresholdVatUncertain: t.vatUncertain,
    publicationLimit: limit,
    abovePublicationLimit: pub.reached,
    publicationVatUncertain: pub.vatUncertain,
    changeBelowThreshold: changeTest.reached === null ? null : !changeTest.reached,
    changeVatUncertain: changeTest.vatUncertain,
  };
}

/**
 * Could the contract turn out to be outside the PSR, however the services'
 * unknown health care flags are answered? (A call-off's framework regime
 * matters only then.) With too many unknown flags to try, assume it could.
 */
function psrScopeCouldBeFalse(plan: Plan, params: ParamTable): boolean {
  const open = healthCareFlags(plan, params).flatMap((f, i) => (f === null ? [i] : []));
  if (open.length > 8) return true;
  for (let m = 0; m < 1 << open.length; m++) {
    const services = plan.services.map((s, i) => (open.includes(i) ? { ...s, healthCare: (m & (1 << open.indexOf(i))) !== 0 } : s));
    const answered = { ...plan, services };
    if (psrScope(answered, healthCareScope(answered, params), params) !== true) return true;
  }
  return false;
}

/**
 * The plan-field facts whose being unknown leaves the PSR scope, and so the
 * regime, unknown: a review asks exactly these (see unknownSources' `open`).
 */
export function regimeOpenFacts(plan: Plan, params: ParamTable): Map<FactName, FactName[]> {
  const hc = healthCareScope(plan, params);
  const inPsr = psrScope(plan, hc, params);
  const separable = plan.mixedProcurement?.otherElementsSeparable ?? null;
  const scope: FactName[] =
    inPsr !== null
      ? []
      : !hc.allKnown
        ? ['servicesHealthCareKnown']
        : hc.share === null
          ? separable === null
            ? ['serviceSharesStated', 'otherElementsSeparable']
            : ['serviceSharesStated']
          : ['otherElementsSeparable'];
  const decision = decideRegime(plan, params, inPsr);
  const open = new Map<FactName, FactName[]>();
  if (inPsr === null) {
    open.set('psrScope', scope);
    // Whether a change falls under the PSR (reg 29(2)), and so whether the regime named is a mismatch, turns on the same facts.
    open.set('regimeMismatch', scope);
  }
  if (decision.regime === null) {
    const why: FactName[] =
      processKind(plan.route.process) === 'change'
        ? inPsr === null && plan.incumbent?.awardedUnder !== 'psr' && changeWhilePsrInForce(plan, params)
          ? scope
          : ['incumbentAwardedUnder']
        : plan.route.process === 'framework-call-off' && (plan.frameworkAgreement?.awardedUnder ?? null) === null && psrScopeCouldBeFalse(plan, params)
          ? ['frameworkAwardedUnder', ...scope]
          : scope;
    open.set('applicableRegime', why);
    open.set('regime', why);
  }
  return open;
}

export interface DeriveOptions {
  /**
   * "open": a claim the plan leaves out stays unknown rather than not relied on: for a plan read from a source
   * that cannot show the authority's own determinations (a published notice), whose silence is not a claim not made.
   */
  claims?: 'not-relied-on' | 'open';
}

export function deriveFacts(plan: Plan, params: ParamTable, lots?: LotContext, options: DeriveOptions = {}): Facts {
  const hc = healthCareScope(plan, params);
  const inPsrScope = psrScope(plan, hc, params);
  const decision = decideRegime(plan, params, inPsrScope, whyNotPsr(plan, hc, inPsrScope));
  const lv = lifetimeValue(plan);
  const maxTerm = totalMonths(plan);
  const inc = plan.incumbent;
  const originalLv = inc?.originalLifetimeValue ?? null;
  const lvIncrease = originalLv === null || lv === null ? null : lv - originalLv;
  const change = plan.change;
  // Absent, the cumulative change is this change's; stated unknown (null), it is unknown.
  const cumulative = change ? (change.cumulativeValueChange !== undefined ? change.cumulativeValueChange : (change.valueChange ?? null)) : null;
  const staff = plan.staff;
  const da = plan.directAward;
  const gov = plan.governance;
  const mayChange = providerMayChange(plan.route.process, inc !== undefined);
  // Schemes not stated are unknown: which of them the staff are in is then open.
  const pension = staff?.pensionSchemes;
  const just = plan.justification;
  const fw = plan.frameworkAgreement;
  const originalMaxTerm = inc?.originalMaxTermMonths ?? null;
  const latestEnd = inc && inc.contractEnd && inc.extensionRemainingMonths != null ? extendTerm(inc.contractEnd, inc.extensionRemainingMonths) : null;

  const estimated = estimatedValue(plan, decision.regime, lv, lots);
  const th = thresholdFacts(plan, decision.regime, params, estimated, cumulative);
  const schedule1 = schedule1Mismatch(plan, params, plan.dates.procurementStart);
  // One literal with every fact named, no spread: with some 140 facts a spread in the
  // literal makes V8 build the object slowly (measured: ~5x slower deriveFacts).
  const facts: Facts = {
    authorityType: plan.authority.type,
    psrRelevantAuthority: isPsrRelevantAuthority(plan.authority.type),
    servicesHealthCareKnown: hc.allKnown,
    anyHealthCare: hc.anyKnown,
    mixedProcurement: hc.mixedKnown,
    healthCareShare: hc.share,
    otherElementsSeparable: nul(plan.mixedProcurement?.otherElementsSeparable ?? undefined),
    psrScope: inPsrScope,
    declaredRegime: plan.route.regime,
    applicableRegime: decision.regime,
    regime: decision.regime,
    regimeBasis: decision.basis,
    inScope: decision.regime !== 'pcr2006',
    pcr2006Governs: pcr2006Governs(plan, params),
    regimeMismatch: regimeMismatch(plan, decision.regime),
    process: plan.route.process,
    processKind: processKind(plan.route.process),
    processRegime: processRegime(plan.route.process),
    framework: plan.route.framework,
    advertised: nul(plan.route.advertised ?? undefined),
    frameworkTermYears: plan.route.frameworkTermMonths === undefined ? null : Math.round((plan.route.frameworkTermMonths / 12) * 100) / 100,
    frameworkTermJustified: nul(plan.route.frameworkTermJustified ?? undefined),
    procurementStart: plan.dates.procurementStart,
    decisionDate: nul(plan.dates.decision),
    awardDecision: nul(plan.dates.awardDecision),
    contractSigned: nul(plan.dates.contractSigned),
    contractStart: plan.dates.contractStart,
    statedRepresentationsDeadline: nul(plan.dates.statedRepresentationsDeadline),
    // A cut-off before 23:59 ends the period before midnight at the end of the day.
    statedCutOffBeforeMidnight: plan.dates.statedRepresentationsTime === undefined ? false : plan.dates.statedRepresentationsTime < '23:59',
    awardNoticePublished: nul(plan.dates.awardNoticePublished),
    modificationNoticePublished: nul(plan.dates.modificationNoticePublished),
    // Filled in from the rule set's steps once the calendar is known (engine/timetable-facts.ts).
    standstillApplies: null,
    calendarCoversDates: true,
    psrRepresentationsDeadline: null,
    psrEarliestContractDate: null,
    pcrEarliestContractDate: null,
    paEarliestContractDate: null,
    earliestContractDate: null,
    statedDeadlineShortBy: null,
    psrAwardNoticeDue: null,
    psrUrgentNoticeDue: null,
    psrUrgentModificationNoticeDue: null,
    psrModificationNoticeDue: null,
    mspProvidersIdentifiableFrom: null,
    contractType: plan.contractType,
    thresholdTier: thresholdTier(plan),
    lightTouchStated: plan.services.every((s) => s.lightTouch != null),
    lightTouchQualifiedCpv: lightTouchQualified(plan, params, plan.dates.procurementStart),
    healthCareClaimOutsideSchedule1: schedule1.claimOutside,
    healthCareDeniedWithSchedule1Code: schedule1.deniedListed,
    serviceSharesStated: plan.services.length === 1 || plan.services.every((s) => s.valueShare !== undefined),
    lightTouch: th.lightTouch,
    threshold: th.threshold,
    thresholdParam: th.thresholdParam,
    thresholdVatIncluded: th.thresholdVatIncluded,
    aboveThreshold: th.aboveThreshold,
    thresholdVatUncertain: th.thresholdVatUncertain,
    publicationLimit: th.publicationLimit,
    abovePublicationLimit: th.abovePublicationLimit,
    publicationVatUncertain: th.publicationVatUncertain,
    changeBelowThreshold: th.changeBelowThreshold,
    changeVatUncertain: th.changeVatUncertain,
    annualValue: plan.value.annual ?? null,
    possibleAnnualValue: plan.value.possibleAnnual ?? 0,
    vatIncluded: plan.value.vatIncluded,
    lifetimeValue: lv,
    estimatedValue: estimated.value,
    lotCount: lots?.count ?? 0,
    smallLot: smallLot(plan, decision.regime, params, lv, lots),
    smallLotLimit: lots ? smallLotLimit(plan, params) : null,
    lifetimeValueStated: plan.value.lifetime !== undefined,
    initialTermMonths: plan.term.initialMonths,
    extensionOptionCount: plan.term.extensions.length,
    extensionMonthsTotal: maxTerm - plan.term.initialMonths,
    maxTermMonths: maxTerm,
    maxTermYears: Math.round((maxTerm / 12) * 100) / 100,
    extensionsNotInContract: plan.term.extensions.filter((e) => e.statedInContract === false).length,
    extensionsContractUnknown: plan.term.extensions.filter((e) => e.statedInContract == null).length,
    contractEndIfAllOptions: termEnd(plan.dates.contractStart, maxTerm),
    mobilisationMonths: nul(plan.term.mobilisationMonths),
    approvalWeeks: nul(plan.timetable?.approvalWeeks),
    tenderPeriodDays: nul(plan.timetable?.tenderPeriodDays),
    evaluationWeeks: nul(plan.timetable?.evaluationWeeks),
    electronicTenders: nul(plan.timetable?.electronicTenders),
    documentsWithNotice: nul(plan.timetable?.documentsWithNotice),
    qualifyingPlannedProcurementNotice: nul(plan.timetable?.qualifyingPlannedProcurementNotice),
    urgencyShortensTenderPeriod: nul(plan.timetable?.urgencyShortensTenderPeriod),
    participationPeriodDays: nul(plan.timetable?.participationPeriodDays),
    qualifyingPriorInformationNotice: nul(plan.timetable?.qualifyingPriorInformationNotice),
    preselectedSuppliersOnly: nul(plan.timetable?.preselectedSuppliersOnly),
    negotiatedTenderingPeriod: nul(plan.timetable?.negotiatedTenderingPeriod),
    // Filled in from the rule set's backward step timing (src/timetable/backward.ts).
    latestContractSigned: null,
    latestAwardDecision: null,
    latestTenderDeadline: null,
    latestProcurementStart: null,
    latestDecisionDate: null,
    awardToStartMonths: null,
    hasIncumbent: inc !== undefined,
    incumbentProvider: nul(inc?.provider),
    incumbentContractEnd: nul(inc?.contractEnd),
    incumbentAwardedUnder: nul(inc?.awardedUnder ?? undefined),
    incumbentAwardedBy: nul(inc?.awardedBy ?? undefined),
    incumbentSatisfying: nul(inc?.satisfyingContract ?? undefined),
    incumbentLikelyToSatisfy: nul(inc?.likelyToSatisfyNewContract ?? undefined),
    incumbentExtensionRemainingMonths: nul(inc?.extensionRemainingMonths ?? undefined),
    incumbentBridging: nul(inc?.bridgingArrangement ?? undefined),
    originalLifetimeValue: originalLv,
    lifetimeValueIncrease: lvIncrease,
    lifetimeValueIncreaseRatio: lvIncrease === null || !originalLv ? null : lvIncrease / originalLv,
    daysFromIncumbentEndToStart: inc?.contractEnd ? daysBetween(inc.contractEnd, plan.dates.contractStart) : null,
    incumbentLatestEnd: latestEnd,
    daysFromIncumbentLatestEndToStart: latestEnd === null ? null : daysBetween(latestEnd, plan.dates.contractStart),
    onlyProviderCapable: nul(da?.onlyProviderCapable ?? undefined),
    patientChoiceService: nul(da?.patientChoiceService ?? undefined),
    providerNumbersRestricted: nul(da?.providerNumbersRestricted ?? undefined),
    allQualifyingProvidersOffered: nul(da?.allQualifyingProvidersOffered ?? undefined),
    expressionOfInterestArrangements: nul(da?.expressionOfInterestArrangements ?? undefined),
    materiallyDifferent: nul(da?.materiallyDifferent ?? undefined),
    changeAttributableToAuthority: nul(da?.changeAttributableToAuthority ?? undefined),
    mostSuitableProviderIdentifiable: nul(da?.mostSuitableProviderIdentifiable ?? undefined),
    replacesExpiringContract: da?.replacesExpiringContract ?? replacesOnExpiry(plan),
    hasChange: change !== undefined,
    changeWhilePsrInForce: processKind(plan.route.process) === 'change' && changeWhilePsrInForce(plan, params),
    // A modification that names no added term adds none; an extension must say how long it is.
    changeExtensionMonths: change?.extensionMonths ?? (change && plan.route.process !== 'extension' ? 0 : null),
    changeEffectiveDate: nul(change?.effectiveDate),
    changeMadeDate: nul(change?.agreedDate ?? change?.effectiveDate),
    daysFromIncumbentEndToChange: inc?.contractEnd && change?.effectiveDate ? daysBetween(inc.contractEnd, change.effectiveDate) : null,
    changeValue: nul(change?.valueChange ?? undefined),
    changeCumulativeValue: cumulative,
    changeCumulativeRatio: cumulative === null || !originalLv ? null : cumulative / originalLv,
    changeProvidedForInContract: nul(change?.providedForInContract ?? undefined),
    changeProvidedForInNotice: nul(change?.providedForInNotice ?? undefined),
    changeMateriallyDifferent: nul(change?.materiallyDifferent ?? undefined),
    changeAttributable: nul(change?.attributableToAuthority ?? undefined),
    changeExternalFactors: nul(change?.externalFactors ?? undefined),
    changeProviderSuccessionOnly: nul(change?.providerSuccessionOnly ?? undefined),
    changeExceedsRemainingExtension:
      change?.extensionMonths === 0
        ? false
        : change?.extensionMonths === undefined || inc?.extensionRemainingMonths == null
          ? null
          : change.extensionMonths > inc.extensionRemainingMonths,
    changeUnforeseeable: nul(change?.unforeseeable ?? undefined),
    changeAdditionalServices: nul(change?.additionalServices ?? undefined),
    changeOfSupplierImpracticable: nul(change?.changeOfSupplierImpracticable ?? undefined),
    changeSubstantial: nul(change?.substantial ?? undefined),
    changeValueRatio: change?.valueChange == null || !originalLv ? null : change.valueChange / originalLv,
    // "increases or decreases ... by": the size of the change either way.
    changeValueShare: change?.valueChange == null || !originalLv ? null : Math.abs(change.valueChange) / originalLv,
    incumbentOriginalMaxTermMonths: originalMaxTerm,
    changeTermRatio: ((months) => (months === 0 ? 0 : months === null || originalMaxTerm === null ? null : months / originalMaxTerm))(
      change?.extensionMonths ?? (change && plan.route.process !== 'extension' ? 0 : null),
    ),
    hasJustification: just !== undefined,
    justificationGround: nul(just?.ground ?? undefined),
    noReasonableAlternative: nul(just?.noReasonableAlternative ?? undefined),
    priorProcedureFailed: nul(just?.priorProcedureFailed ?? undefined),
    initialConditionsSubstantiallyAltered: nul(just?.initialConditionsSubstantiallyAltered ?? undefined),
    foreseenInOriginalNotice: nul(just?.foreseenInOriginalNotice ?? undefined),
    originalAwardedCompetitively: nul(just?.originalAwardedCompetitively ?? undefined),
    strictlyNecessary: nul(just?.strictlyNecessary ?? undefined),
    procedureGround: nul(just?.procedureGround ?? undefined),
    originalContractDate: nul(just?.originalContractAwarded),
    monthsSinceOriginalContract: null,
    hasFrameworkAgreement: fw !== undefined,
    frameworkAwardedUnder: nul(fw?.awardedUnder ?? undefined),
    frameworkEndDate: nul(fw?.endDate),
    callOffAfterFrameworkEnd: null,
    frameworkAuthorityEntitled: nul(fw?.authorityEntitled ?? undefined),
    frameworkCallOffMethod: nul(fw?.callOff ?? undefined),
    frameworkTermsAllowDirectAward: nul(fw?.termsAllowDirectAward ?? undefined),
    hasUrgency: plan.urgency !== undefined,
    urgencyForeseeable: nul(plan.urgency?.foreseeable ?? undefined),
    urgencyAttributable: nul(plan.urgency?.attributableToAuthority ?? undefined),
    urgencyRisksSafety: nul(plan.urgency?.delayRisksSafety ?? undefined),
    urgencyTermLimited: nul(plan.urgency?.termLimitedToUrgency ?? undefined),
    staffAssigned: nul(staff?.assignedToService ?? undefined),
    activitiesFundamentallyChanged: nul(staff?.activitiesFundamentallyChanged ?? undefined),
    providerMayChange: mayChange,
    transferDate: staff?.transferDate ?? plan.dates.contractStart,
    proposedRedundancies: nul(staff?.proposedRedundancies ?? undefined),
    daysFromAwardToTransfer: null,
    pensionLgps: pension === undefined ? null : pension.includes('lgps'),
    pensionNhs: pension === undefined ? null : pension.includes('nhs-pension-scheme'),
    pensionUnknown: pension === undefined || pension.includes('unknown'),
    hasIntentionNotice: plan.intentionNotice !== undefined,
    noticeDecisionMakersNamed: nul(plan.intentionNotice?.decisionMakersNamed ?? undefined),
    noticeReasonsByKeyCriteria: nul(plan.intentionNotice?.reasonsByKeyCriteria ?? undefined),
    noticeConflictsStated: nul(plan.intentionNotice?.conflictsDeclaredAndManaged ?? undefined),
    conflictsOfInterestManaged: nul(gov?.conflictsOfInterestManaged ?? undefined),
    recordsKept: nul(gov?.recordsKept ?? undefined),
    keyCriteriaConsidered: nul(gov?.keyCriteriaConsidered ?? undefined),
    basicSelectionCriteriaApplied: nul(gov?.basicSelectionCriteriaApplied ?? undefined),
  };
  // An exception the plan does not invoke is not relied on: the general rule decides (src/plan/claims.ts).
  if (options.claims !== 'open') applyClaimDefaults(plan, facts);
  // The facts written as formulas of other facts (src/plan/fact-formulas.ts).
  const get = (f: string) => facts[f as FactName];
  for (const [name, formula] of Object.entries(FORMULAS) as [FactName, Formula][]) facts[name] = formula.compute(get);
  return facts;
}

export { FACT_CATALOGUE };
