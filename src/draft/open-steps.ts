// The steps the check lists only in case an open finding applies. A rule the
// plan's facts leave open keeps its steps in the check ("Its steps are listed
// in case it does"): such a step is required only if that finding turns out to
// apply, so the draft says it as conditional, beside the open finding, never
// among the steps the route requires. A step any other rule adds (a finding
// that fires, or the route's own rules) is required.
import type { Report } from '../report/schema.js';

const key = (id: string, lot?: string) => `${id}\u0000${lot ?? ''}`;

/** The steps (id and lot) every rule adding which is a finding the plan's facts leave open. */
export function openSteps(report: Report): Set<string> {
  const open = new Set(report.findings.filter((f) => f.missingFacts.length > 0).map((f) => key(f.ruleId, f.lot)));
  return new Set(report.steps.filter((s) => s.addedBy.length > 0 && s.addedBy.every((r) => open.has(key(r, s.lot)))).map((s) => key(s.id, s.lot)));
}

/** Is the step (or timetable row) one only an open finding adds? */
export const isOpenStep = (open: Set<string>, id: string, lot?: string) => open.has(key(id, lot));
