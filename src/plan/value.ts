// A contract's value over its whole possible term: the arithmetic the value
// facts and the lots' context share.
import type { Plan } from './schema.js';

/** The maximum term, every extension option exercised, in months. */
export function totalMonths(plan: Plan): number {
  return plan.term.initialMonths + plan.term.extensions.reduce((s, e) => s + e.months, 0);
}

/** A value per year (firm and possible provision) over the maximum term, whole pounds. */
export function overMaxTerm(plan: Plan, perYear: number): number {
  return Math.round((perYear * totalMonths(plan)) / 12);
}

/** Lifetime value over the maximum term, possible provision and options included (PSR reg 2 "lifetime value"; PCR reg 6). */
export function lifetimeValue(plan: Plan, annual: number | null = plan.value.annual ?? null): number | null {
  if (plan.value.lifetime !== undefined) return plan.value.lifetime;
  if (annual === null) return null;
  return overMaxTerm(plan, annual + (plan.value.possibleAnnual ?? 0));
}

/** The least the lifetime value can be when the annual value is unknown: the possible provision over the maximum term. */
export function lifetimeLowerBound(plan: Plan): number | null {
  const possible = plan.value.possibleAnnual ?? 0;
  return possible > 0 ? overMaxTerm(plan, possible) : null;
}
