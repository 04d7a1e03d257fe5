// Thresholds under PCR 2015 and the Procurement Act 2023: which one applies to
// a plan (contract type, light-touch services, central or sub-central
// authority) and whether the plan's value reaches it. The amounts are dated
// parameters in rules/params; here is only the choice among them and the
// arithmetic, including the VAT basis: a value stated without VAT, compared
// with a VAT-inclusive threshold, is judged at both ends (0% for exempt health
// and social care, the standard rate otherwise), and where the two ends fall
// on either side of the threshold the answer is "unknown", not a guess.
import { match } from 'ts-pattern';
import type { Plan } from './schema.js';
import type { ParamTable } from '../law/params.js';
import { cpvWithin } from './cpv.js';

export type ThresholdRegime = 'pcr2015' | 'pa2023';
export type ThresholdTier = 'central' | 'sub-central';

/** The authority's threshold tier: stated, or from its type (NHS bodies are central government authorities). */
export function thresholdTier(plan: Plan): ThresholdTier | null {
  if (plan.authority.thresholdTier) return plan.authority.thresholdTier;
  return match(plan.authority.type)
    .with('local-authority', 'combined-authority', () => 'sub-central' as const)
    .with('nhs-trust', 'foundation-trust', 'icb', 'nhs-england', () => 'central' as const)
    .with('other-public-body', () => null)
    .exhaustive();
}

/** Is each service light-touch: stated, or from its CPV codes against the regime's list? */
function serviceLightTouch(service: Plan['services'][number], listed: readonly string[]): boolean {
  if (service.lightTouch != null) return service.lightTouch;
  return service.cpv.some((c) => cpvWithin(c, listed));
}

/** The regime whose thresholds apply (PCR 2015 or the Procurement Act), from the regime fact; null under another, or none known. */
export function thresholdRegime(regime: unknown): ThresholdRegime | null {
  return regime === 'pcr2015' || regime === 'pa2023' ? regime : null;
}

/** Each service's light-touch status under `regime`. */
export function lightTouchFlags(plan: Plan, regime: ThresholdRegime, params: ParamTable, date: string): boolean[] {
  const listed = params.list(`${regime}.light-touch.cpv`, date);
  return plan.services.map((s) => serviceLightTouch(s, listed));
}

/**
 * Is the contract a light-touch contract: wholly or mainly (by value) for
 * light-touch services? `sharesStated`: every service states its share of the
 * value; without them a mixed contract is null.
 */
export function lightTouchOf(plan: Plan, flags: readonly boolean[], sharesStated: () => boolean, regime: ThresholdRegime, params: ParamTable, date: string): boolean | null {
  if (flags.every(Boolean)) return true;
  if (!flags.some(Boolean)) return false;
  if (!sharesStated()) return null;
  const lt = plan.services.reduce((sum, s, i) => sum + (flags[i] ? s.valueShare ?? 0 : 0), 0);
  const total = plan.services.reduce((sum, s) => sum + (s.valueShare ?? 0), 0);
  return total > 0 ? lt / total > params.number(`${regime}.light-touch.main-share`, date) : null;
}

/** Does every service state its share of the contract value (a single service needs none)? */
export function serviceSharesStated(plan: Plan): boolean {
  return plan.services.length === 1 || plan.services.every((s) => s.valueShare !== undefined);
}

/** Is the contract a light-touch contract, read from the plan alone? */
export function lightTouch(plan: Plan, regime: ThresholdRegime, params: ParamTable, date: string): boolean | null {
  return lightTouchOf(plan, lightTouchFlags(plan, regime, params, date), () => serviceSharesStated(plan), regime, params, date);
}

/**
 * Does a service the plan does not itself call light touch reach the
 * Procurement Act's list only through a group the Regulations qualify
 * ("to the extent" Schedule 2 does not exempt it: legal; prison, public
 * security and rescue)?
 */
export function lightTouchQualified(plan: Plan, params: ParamTable, date: string): boolean {
  const qualified = params.list('pa2023.light-touch.qualified-cpv', date);
  return plan.services.some((s) => s.lightTouch == null && s.cpv.some((c) => cpvWithin(c, qualified)));
}

/** PCR 2015 stays in force, as it stood, for procurements begun before the Act: its last thresholds then apply. */
export function dateForRegime(regime: ThresholdRegime, date: string, params: ParamTable): string {
  const paStart = params.date('pa2023.in-force');
  if (regime === 'pcr2015' && date >= paStart) return params.get('pcr2015.threshold.vat-included').values.at(-1)!.to ?? date;
  if (regime === 'pa2023' && date < paStart) return paStart;
  return date;
}

/** The threshold that applies: its parameter, amount, VAT basis, and the VAT rate on its date. */
export interface Threshold {
  param: string;
  amount: number;
  vatIncluded: boolean;
  vatRate: number;
}

/**
 * The threshold that applies under `regime` on `date` to a contract of the
 * plan's type, light-touch or not, for an authority of `tier`; null while
 * the light-touch status or the tier it turns on is unknown, or when the law
 * set none then.
 */
export function thresholdFor(plan: Plan, regime: ThresholdRegime, params: ParamTable, date: string, isLightTouch: boolean | null, tier: ThresholdTier | null): Threshold | null {
  const on = dateForRegime(regime, date, params);
  const kind = match(plan.contractType)
    .with('works', () => 'works')
    .with('services', 'goods', () => (isLightTouch === true && plan.contractType === 'services' ? 'light-touch' : isLightTouch === null ? null : tier === null ? null : `services-${tier}`))
    .exhaustive();
  if (kind === null) return null;
  const param = `${regime}.threshold.${kind}`;
  const amount = params.numberOn(param, on);
  const vatIncluded = params.flagOn(`${regime}.threshold.vat-included`, on);
  if (amount === null || vatIncluded === null) return null;
  return { param, amount, vatIncluded, vatRate: params.number('vat.standard-rate', on) };
}

/** The range a value can take on the threshold's VAT basis: [low, high]. */
function valueRange(value: number, planIncludesVat: boolean, thresholdIncludesVat: boolean, vatRate: number): [number, number] {
  if (planIncludesVat === thresholdIncludesVat) return [value, value];
  return thresholdIncludesVat ? [value, value * (1 + vatRate)] : [value / (1 + vatRate), value];
}

/** Compare a value with an amount on the amount's VAT basis. */
export function reaches(
  value: number | null,
  amount: number,
  planIncludesVat: boolean,
  thresholdIncludesVat: boolean,
  vatRate: number,
): { reached: boolean | null; vatUncertain: boolean | null } {
  // With no value, whether VAT could decide it is as unknown as the value.
  if (value === null) return { reached: null, vatUncertain: null };
  const [low, high] = valueRange(value, planIncludesVat, thresholdIncludesVat, vatRate);
  if (low >= amount) return { reached: true, vatUncertain: false };
  if (high < amount) return { reached: false, vatUncertain: false };
  return { reached: null, vatUncertain: true };
}

/**
 * Does `value` reach the threshold under `regime`, whatever the unknown
 * light-touch status (`isLightTouch` null) or tier (null) turn out to be?
 * true or false when every threshold it could be gives that answer, else null.
 */
export function reachesEveryThreshold(plan: Plan, regime: ThresholdRegime, params: ParamTable, date: string, value: number | null, isLightTouch: boolean | null, tier: ThresholdTier | null): boolean | null {
  const rs = (isLightTouch === null ? [true, false] : [isLightTouch]).flatMap((o) =>
    (tier === null ? (['central', 'sub-central'] as const) : [tier]).map((t) => {
      const th = thresholdFor(plan, regime, params, date, o, t);
      return th === null ? null : reaches(value, th.amount, plan.value.vatIncluded, th.vatIncluded, th.vatRate).reached;
    }),
  );
  return rs.every((r) => r === true) ? true : rs.every((r) => r === false) ? false : null;
}

/** The value from which below-threshold publication applies (Contracts Finder; Procurement Act notifiable contracts), for an authority of `tier`. */
export function publicationLimit(regime: ThresholdRegime, params: ParamTable, date: string, tier: ThresholdTier | null): number | null {
  if (tier === null) return null;
  const on = dateForRegime(regime, date, params);
  const id = regime === 'pcr2015' ? `pcr2015.contracts-finder.${tier}` : `pa2023.notifiable.${tier}`;
  return params.numberOn(id, on);
}
