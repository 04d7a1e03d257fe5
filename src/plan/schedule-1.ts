// PSR Schedule 1 against a plan's services: "relevant health care services"
// are health care services within one of the table's CPV codes, to the
// extent the table describes (PSR reg 2(1)). The table is a dated parameter;
// here is only the reading of a service's codes against it.
import { match } from 'ts-pattern';
import type { Plan } from './schema.js';
import type { ParamTable } from '../law/params.js';
import { cpvCovers, cpvWithin } from './cpv.js';

type Service = Plan['services'][number];
type AuthorityType = Plan['authority']['type'];

/** The table as it stands for a plan: the PSR's own, even for a plan dated before it (scope matters only once it is in force). */
function table(params: ParamTable, date: string): { listed: readonly string[]; exact: readonly string[]; qualified: readonly string[] } {
  const on = date < params.date('psr.in-force') ? params.date('psr.in-force') : date;
  const listed = params.list('psr.schedule-1.cpv', on);
  let exact = EXACT.get(listed);
  if (!exact) EXACT.set(listed, (exact = listed.map((c) => `=${c}`)));
  return { listed, exact, qualified: params.list('psr.schedule-1.qualified-cpv', on) };
}

/** Each list of codes as "this code only" entries, made once per list in force. */
const EXACT = new WeakMap<readonly string[], readonly string[]>();

/** Does an authority of this type arrange everything it buys for the purposes of the health service (an NHS body)? */
function nhsBody(type: AuthorityType): boolean {
  return match(type)
    .with('icb', 'nhs-england', 'nhs-trust', 'foundation-trust', () => true)
    .with('local-authority', 'combined-authority', 'other-public-body', () => false)
    .exhaustive();
}

/**
 * A service's health care status from its CPV codes, for a service that does
 * not state it: false when no code is within the table or broader than one of
 * its codes (it cannot be a relevant health care service); true when a code
 * is one the table names without a limit of extent and an NHS body arranges
 * it (for the health service); otherwise null, since the extent a row allows
 * (community health services delivered to individuals, rehabilitation for
 * substance misuse), a code the table does not name, or whether a council buys
 * for its public health functions rather than social care, is for a person.
 */
export function healthCareFromCodes(service: Pick<Service, 'cpv'>, authority: AuthorityType, params: ParamTable, date: string): boolean | null {
  const t = table(params, date);
  const touches = service.cpv.some((c) => cpvWithin(c, t.listed) || cpvCovers(c, t.listed));
  if (!touches) return false;
  const named = service.cpv.some((c) => cpvWithin(c, t.exact) && !cpvWithin(c, t.qualified));
  return named && nhsBody(authority) ? true : null;
}

/** Each service's health care status: stated, or from its codes when the plan leaves it out (null stays unknown). */
export function healthCareFlags(plan: Plan, params: ParamTable): (boolean | null)[] {
  return plan.services.map((s) =>
    s.healthCare === undefined ? healthCareFromCodes(s, plan.authority.type, params, plan.dates.procurementStart) : s.healthCare,
  );
}

/**
 * The plan's stated health care flags against the table (nothing before the
 * PSR): a service called health care with no code within the table, and one
 * called not health care with a code the table names without a limit of extent.
 */
export function schedule1Mismatch(plan: Plan, params: ParamTable, date: string): { claimOutside: boolean; deniedListed: boolean } {
  if (date < params.date('psr.in-force')) return { claimOutside: false, deniedListed: false };
  const t = table(params, date);
  return {
    claimOutside: plan.services.some((s) => s.healthCare === true && !s.cpv.some((c) => cpvWithin(c, t.listed))),
    deniedListed: plan.services.some((s) => s.healthCare === false && s.cpv.some((c) => cpvWithin(c, t.exact) && !cpvWithin(c, t.qualified))),
  };
}
