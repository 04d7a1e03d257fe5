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
 * not state it. The table names its codes one by one, children included
 * (85110000 with 85111000 and 85112200, but not 85112000 hospital support
 * services or 85112100 hospital-bedding services), so a code it does not
 * name, even one under a listed code, is not within it: a service none of
 * whose codes the table names or could contain is not a relevant health care
 * service (reg 2(1)): false. True when a code is one the table names without
 * a limit of extent and an NHS body arranges it (for the health service).
 * Otherwise null, for a person: a code one of the four rows limits in extent
 * (community health services delivered to individuals, rehabilitation for
 * substance misuse), a code broader than the table's (85000000 does not say
 * which service it is), or whether a council buys for its public health
 * functions rather than social care.
 */
export function healthCareFromCodes(service: Pick<Service, 'cpv'>, authority: AuthorityType, params: ParamTable, date: string): boolean | null {
  const t = table(params, date);
  const named = service.cpv.filter((c) => cpvWithin(c, t.exact));
  if (named.some((c) => !cpvWithin(c, t.qualified))) return nhsBody(authority) ? true : null;
  if (named.length > 0) return null;
  // No code the table names: one broader than a listed code may still describe a listed service; any other is outside the table.
  return service.cpv.some((c) => cpvCovers(c, t.listed) && !cpvWithin(c, t.listed)) ? null : false;
}

/** Each service's health care status: stated, or from its codes when the plan leaves it out (null stays unknown). */
export function healthCareFlags(plan: Plan, params: ParamTable): (boolean | null)[] {
  return plan.services.map((s) =>
    s.healthCare === undefined ? healthCareFromCodes(s, plan.authority.type, params, plan.dates.procurementStart) : s.healthCare,
  );
}

/**
 * The plan's stated health care flags against the table (nothing before the
 * PSR): a service called health care with no code the table names (one under
 * a listed code that the table leaves out is not within it), and one called
 * not health care with a code the table names without a limit of extent.
 */
export function schedule1Mismatch(plan: Plan, params: ParamTable, date: string): { claimOutside: boolean; deniedListed: boolean } {
  if (date < params.date('psr.in-force')) return { claimOutside: false, deniedListed: false };
  const t = table(params, date);
  return {
    claimOutside: plan.services.some((s) => s.healthCare === true && !s.cpv.some((c) => cpvWithin(c, t.exact))),
    deniedListed: plan.services.some((s) => s.healthCare === false && s.cpv.some((c) => cpvWithin(c, t.exact) && !cpvWithin(c, t.qualified))),
  };
}
