// A procurement in lots: each lot is a contract of its own, made of the
// plan's fields with those the lot states in their place.
import type { Plan } from './schema.js';

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
