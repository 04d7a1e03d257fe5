// A procurement in lots: each lot is a contract of its own, made of the
// plan's fields with those the lot states in their place, and valued with
// the other lots under the same regime.
import type { Plan } from './schema.js';
import type { ParamTable } from '../law/params.js';
import { decideRegime, healthCareScope, psrScope, type ApplicableRegime } from './regime.js';
import { lifetimeLowerBound, lifetimeValue } from './value.js';

export type Lot = NonNullable<Plan['lots']>[number];

/** A lot as a plan of its own: the plan's fields, with those the lot states in their place. */
export function lotPlan(plan: Plan, lot: Lot): Plan {
  const { lots: _lots, ...shared } = plan;
  const { id, title, ...own } = lot;
  return { ...shared, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)), id: `${plan.id}-${id}`, title: `${plan.title}: ${title}` } as Plan;
}

/** Each lot of the plan as a plan of its own (none for a plan not in lots). */
export function lotPlans(plan: Plan): Plan[] {
  return (plan.lots ?? []).map((lot) => lotPlan(plan, lot));
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
export function valuedTogether(lots: LotContext, regime: ApplicableRegime): { total: number | null; atLeast: number; belowThresholdTotal: number | null } {
  const members = lots.lots.filter((l) => l.regime === regime);
  const open = lots.lots.some((l) => l.regime === null);
  const sum = (ls: typeof members) => (open || ls.some((l) => l.value === null) ? null : ls.reduce((a, l) => a + (l.value ?? 0), 0));
  return { total: sum(members), atLeast: members.reduce((a, l) => a + l.least, 0), belowThresholdTotal: sum(members.filter((l) => l.belowThreshold)) };
}

/** The PCR 2015 small-lot limit for the plan's contract type on its start date (null outside PCR 2015's periods that have one). */
export function smallLotLimit(plan: Plan, params: ParamTable): number | null {
  return params.numberOn(`pcr2015.small-lot.${plan.contractType === 'works' ? 'works' : 'services'}`, plan.dates.procurementStart);
}
