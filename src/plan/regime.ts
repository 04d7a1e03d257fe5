// Which regime governs a plan, and the scope decisions it rests on: the
// PSR's relevant authorities and health care services (reg 3 mixed
// procurement), the regime a process belongs to, and the regime by date.
// Plain functions of a plan's fields and the dated parameters: the facts
// that say them are written in fact-formulas.ts, and regimeOpenFacts says
// which plan fields a review asks when the regime is left open.
import { match } from 'ts-pattern';
import type { Plan, ProcessId, RegimeId } from './schema.js';
import type { ParamTable } from '../law/params.js';
import { healthCareFlags } from './schedule-1.js';

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
export const kleeneSome = (seen: boolean, possible: boolean): boolean | null => (seen ? true : possible ? null : false);

/** Could some service be health care and another not, whatever the unknown flags turn out to be? */
export function couldBeMixed(flags: readonly (boolean | null)[]): boolean {
  return flags.some((f, i) => f !== false && flags.some((g, j) => j !== i && g !== true));
}

/** The share of the value the flagged services account for; null when a share is not stated or they add up to nothing. */
export function flaggedShare(services: Plan['services'], flags: readonly (boolean | null)[]): number | null {
  if (services.some((s) => s.valueShare === undefined)) return null;
  const part = services.reduce((sum, s, i) => sum + (flags[i] ? s.valueShare ?? 0 : 0), 0);
  const total = services.reduce((sum, s) => sum + (s.valueShare ?? 0), 0);
  return total > 0 ? part / total : null;
}

export function healthCareScope(plan: Plan, params: ParamTable, flags: readonly (boolean | null)[] = healthCareFlags(plan, params)): HealthCareScope {
  const allKnown = flags.every((f) => f !== null);
  const any = flags.some((f) => f === true);
  const mixed = any && flags.some((f) => f === false);
  const anyKnown = kleeneSome(any, !allKnown);
  const mixedKnown = kleeneSome(mixed, !allKnown && couldBeMixed(flags));
  if (!allKnown) return { allKnown, share: null, mixed, any, anyKnown, mixedKnown };
  if (!mixed) return { allKnown, share: any ? 1 : 0, mixed, any, anyKnown, mixedKnown };
  return { allKnown, share: flaggedShare(plan.services, flags), mixed, any, anyKnown, mixedKnown };
}

/** What the PSR scope turns on (reg 3), each as known or not. */
export interface PsrScopeInputs {
  relevantAuthority: boolean;
  allKnown: boolean;
  any: boolean;
  mixed: boolean;
  share: number | null;
  /** The share of the estimated lifetime value above which health care is the main subject matter (psr.mixed.main-subject-min-share). */
  mainShare: number;
}

/**
 * Are the health care services procured within the PSR? true / false / null
 * when a fact needed to say is missing. Mixed procurement (reg 3(2)-(4)): a
 * contract mixing health care with other goods or services is within the PSR
 * only if health care is its main subject matter, the higher of the two
 * estimated lifetime values (reg 3(3)(a), 3(4)(a)). Where it is not, the PSR
 * cannot apply to the contract, whatever the answer on separability; where it
 * is, the PSR governs, and other elements that could be supplied separately
 * (reg 3(3)(b)) must be procured on their own (scope.mixed.separable).
 */
export function psrScopeOf(s: PsrScopeInputs): boolean | null {
  if (!s.relevantAuthority) return false;
  if (!s.allKnown) return null;
  if (!s.any) return false;
  if (!s.mixed) return true;
  if (s.share === null) return null;
  return s.share > s.mainShare;
}

/** The PSR scope of a plan, from its own fields. */
export function psrScope(plan: Plan, hc: HealthCareScope, params: ParamTable): boolean | null {
  return psrScopeOf({
    relevantAuthority: isPsrRelevantAuthority(plan.authority.type),
    allKnown: hc.allKnown,
    any: hc.any,
    mixed: hc.mixed,
    share: hc.share,
    mainShare: params.number('psr.mixed.main-subject-min-share', plan.dates.procurementStart),
  });
}

export function regimeByDate(date: string, params: ParamTable): ApplicableRegime {
  if (date < params.date('pcr2015.in-force')) return 'pcr2006';
  if (date < params.date('pa2023.in-force')) return 'pcr2015';
  return 'pa2023';
}

/**
 * Does PCR 2006 govern (out of procheck's scope)? Only a procurement started
 * before PCR 2015 came into force can be; a change then depends on the regime
 * the contract was awarded under (`awardedUnder`). Unknown only while that is unknown.
 */
export function pcr2006Governs(plan: Plan, params: ParamTable, awardedUnder: string | null): boolean | null {
  if (regimeByDate(plan.dates.procurementStart, params) !== 'pcr2006') return false;
  if (processKind(plan.route.process) !== 'change') return true;
  return awardedUnder === null ? null : awardedUnder === 'pcr2006' || awardedUnder === 'other';
}

/** Does the change take effect while the PSR is in force (its date, or the procurement start when it gives none)? */
export function changeWhilePsrInForce(effectiveDate: string | null, procurementStart: string, params: ParamTable): boolean {
  return (effectiveDate ?? procurementStart) >= params.date('psr.in-force');
}

export interface RegimeDecision {
  regime: ApplicableRegime | null;
  basis: string;
}

type AwardedUnder = NonNullable<NonNullable<Plan['incumbent']>['awardedUnder']>;

/**
 * Which regime governs the plan, and the facts that decided it. `awardedUnder`:
 * the regime the existing contract was awarded under, as the facts hold it
 * (by default the plan's own incumbent.awardedUnder).
 */
export function decideRegime(
  plan: Plan,
  params: ParamTable,
  inPsrScope: boolean | null,
  notPsrBecause: string | null = null,
  awardedUnder: AwardedUnder | null = plan.incumbent?.awardedUnder ?? null,
): RegimeDecision {
  const d = regimeDecision(plan, params, inPsrScope, awardedUnder);
  return { regime: d.regime, basis: d.basis(notPsrBecause) };
}

/** The regime and, in words when asked for, why (a basis says why a contract is outside the PSR where `notPsrBecause` does). */
export function regimeDecision(
  plan: Plan,
  params: ParamTable,
  inPsrScope: boolean | null,
  awardedUnder: AwardedUnder | null,
): { regime: ApplicableRegime | null; basis: (notPsrBecause: string | null) => string } {
  const start = plan.dates.procurementStart;
  if (processKind(plan.route.process) === 'change') {
    const under = awardedUnder;
    if (under !== 'psr' && changeWhilePsrInForce(plan.change?.effectiveDate ?? null, start, params)) {
      if (inPsrScope === true)
        return {
          regime: 'psr',
          basis: () => `PSR reg 29(2): the PSR governs the modification of any contract for relevant health care services between a relevant authority and a provider, however and whenever it was awarded; the change takes effect on or after ${params.date('psr.in-force')}`,
        };
      if (inPsrScope === null)
        return {
          regime: null,
          basis: () => 'whether the PSR governs this change (reg 29(2)) depends on whether the contract is for PSR health care services (services[].healthCare, valueShare)',
        };
    }
    if (under === null)
      return { regime: null, basis: () => 'a change to an existing contract follows the regime it was awarded under, and the plan does not say which (incumbent.awardedUnder)' };
    return match(under)
      .with('pcr2006', () => ({
        regime: regimeByDate(start, params) === 'pcr2006' ? ('pcr2006' as const) : ('pcr2015' as const),
        basis: () =>
          'the contract was awarded under PCR 2006; PCR 2015 reg 118(5A)-(5D) (inserted by SI 2016/275) subjects contracts entered into before 26 February 2015 to the reg 72 modification rules',
      }))
      .with('other', () => ({
        regime: regimeByDate(start, params),
        basis: () => `the contract was awarded under another regime; a change made on ${start} is judged under the regime then in force`,
      }))
      .with('psr', 'pcr2015', 'pa2023', (r) => ({ regime: r, basis: () => `a change to an existing contract follows the regime it was awarded under (${r})` }))
      .exhaustive();
  }
  const byDate = regimeByDate(start, params);
  const framework = plan.frameworkAgreement?.awardedUnder ?? null;
  if (plan.route.process === 'framework-call-off' && (framework === 'pcr2015' || framework === 'pa2023') && inPsrScope === false)
    return {
      regime: framework,
      basis: () => `a call-off from a framework agreement follows the regime the framework was let under (${framework}), whenever the call-off is made`,
    };
  if (plan.route.process === 'framework-call-off' && framework === null && byDate !== 'pcr2006' && inPsrScope !== true)
    return { regime: null, basis: () => 'a call-off follows the regime the framework agreement was let under, and the plan does not say which (frameworkAgreement.awardedUnder)' };
  if (plan.route.process === 'framework-call-off' && (framework === 'pcr2015' || framework === 'pa2023') && inPsrScope === null && start >= params.date('psr.in-force'))
    return { regime: null, basis: () => 'whether the call-off follows the framework\'s regime or the PSR depends on whether its services are PSR health care services (services[].healthCare)' };
  if (byDate === 'pcr2006')
    return { regime: 'pcr2006', basis: () => `the procurement started on ${start}, before the PCR 2015 came into force (${params.date('pcr2015.in-force')})` };
  if (start >= params.date('psr.in-force')) {
    if (inPsrScope === null)
      return { regime: null, basis: () => 'the plan does not say enough about its services (services[].healthCare, valueShare) to decide whether the PSR applies' };
    if (inPsrScope)
      return {
        regime: 'psr',
        basis: () =>
          `health care services in PSR scope arranged by a relevant authority (${plan.authority.type}) (PSR reg 3(1)), procurement started ${start}, on or after ${params.date('psr.in-force')} (reg 29(1)(a) and (4): no earlier commencement is saved)`,
      };
  }
  return {
    regime: byDate,
    basis: (notPsrBecause) => {
      const psrFrom = params.date('psr.in-force');
      const notPsr =
        start < psrFrom
          ? `the PSR does not affect a contract award procedure commenced before ${psrFrom} (PSR reg 29(1)(a)), as one is once a contract notice is submitted for publication or a provider is contacted for expressions of interest or offers (reg 29(4)(a))`
          : `the contract is not a PSR health care contract (${notPsrBecause ?? 'outside PSR scope'})`;
      const paFrom = params.date('pa2023.in-force');
      return byDate === 'pcr2015'
        ? `procurement started ${start}, between ${params.date('pcr2015.in-force')} (PCR 2015 reg 118) and the Procurement Act 2023 (${paFrom}; SI 2024/716 reg 5(3) keeps PCR 2015 for a procurement commenced before), and ${notPsr}`
        : `procurement started ${start}, on or after ${paFrom}, when the Procurement Act 2023 came into force for procurements (SI 2024/716 regs 2(2) and 5(3)), and ${notPsr}`;
    },
  };
}

/** Why a contract is outside the PSR, in words, for the regime basis (null when it is in scope or unknown). */
export function whyNotPsr(plan: Plan, anyHealthCare: boolean, inPsrScope: boolean | null): string | null {
  if (inPsrScope !== false) return null;
  if (!isPsrRelevantAuthority(plan.authority.type)) return 'the authority is not a PSR relevant authority';
  if (!anyHealthCare)
    return plan.services.some((s) => s.healthCare === undefined)
      ? 'none of its services is a health care service in PSR scope (a service that does not say has no CPV code within PSR Schedule 1)'
      : 'none of its services is a health care service in PSR scope';
  return 'health care services are not the main subject matter of the mixed contract: the other goods or services are at least as much of its estimated lifetime value (PSR reg 3(3)(a) and 3(4)(a)), whether or not they could be supplied separately';
}
