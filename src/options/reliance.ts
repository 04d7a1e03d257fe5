// What a route relies on that the authority must itself claim and
// substantiate: urgency (PSR reg 14; PCR 2015 reg 32(2)(c); Procurement Act
// 2023 Sch 5 para 13), a ground for awarding without competition (PCR 2015
// reg 32; Procurement Act 2023 Sch 5) or for negotiating (PCR 2015 reg 26(4),
// reg 31). A route whose check asks for a claim the plan does not make is
// ranked below every route the plan can use without one; for urgency, the
// plan's own dates say whether an ordinary process has time (from the rule
// set's backward timetable, never a number written here).
import type { PlanInput } from '../plan/schema.js';
import type { Report } from '../report/schema.js';
import type { RuleSet } from '../engine/rule-set-model.js';
import { formatValue } from '../report/format.js';

export interface Reliance {
  /** The claim in words, as a reason quotes it. */
  claim: string;
  /** The plan field (or object) where the claim is made: a question about it, or inside it, is the check asking for the claim. */
  field: string;
  /** The provision that puts the claim on the authority, in words. */
  provision: string;
  /** How the plan makes the claim, in words naming its fields. */
  how: string;
  /** Urgency, which the plan's own dates can contradict. */
  urgency: boolean;
  /** Does the plan make the claim (for urgency: describe it, under urgency)? */
  made: boolean;
  /**
   * The plan's own route is itself this claim (an urgent award chosen, with
   * no urgency described): a claim of sorts, which its check asks the plan
   * to substantiate, so it is not ranked down unless the plan's own dates
   * leave time for an ordinary process.
   */
  claimedByRoute: boolean;
}

const URGENT_ROUTES: readonly string[] = ['urgent-award', 'urgent-modification'];

const GROUND_WORDS: Record<string, string> = {
  'no-suitable-tenders': 'no suitable tenders',
  artistic: 'an artistic reason',
  'technical-reasons': 'technical reasons',
  'exclusive-rights': 'exclusive rights',
  'extreme-urgency': 'extreme urgency',
  repetition: 'repetition of similar services',
  'additional-services': 'additional services',
  'user-choice': 'user choice',
};

const GROUND_HOW = 'to rely on it, the plan names its ground and the facts that show it (justification.ground, justification.explanation and the facts the ground needs)';

const named = (v: string | null | undefined): v is string => typeof v === 'string' && v !== 'none';

/** A ground for awarding without competition: the plan names it (justification.ground), or the route needs one it does not name. */
function groundReliance(plan: PlanInput, provision: string, needed: string): Reliance {
  const ground = plan.justification?.ground;
  if (named(ground)) {
    const urgency = ground === 'extreme-urgency';
    return { claim: GROUND_WORDS[ground] ?? ground, field: urgency ? 'urgency' : 'justification.ground', provision, how: GROUND_HOW, urgency, made: true, claimedByRoute: false };
  }
  return { claim: needed, field: 'justification.ground', provision, how: GROUND_HOW, urgency: false, made: false, claimedByRoute: false };
}

function procedureGroundReliance(plan: PlanInput, claim: string, provision: string): Reliance {
  const how = 'to rely on it, the plan names the ground (justification.procedureGround)';
  return { claim, field: 'justification.procedureGround', provision, how, urgency: false, made: named(plan.justification?.procedureGround), claimedByRoute: false };
}

/**
 * What the route relies on that the authority must claim, and whether the
 * plan makes the claim; null for a route that relies on none. Urgency is
 * claimed by describing it (urgency); the plan's own route being an urgent
 * one is a claim its check asks it to substantiate (claimedByRoute). A ground
 * for awarding without competition, or for negotiating, is claimed by naming
 * it: a route with several grounds, chosen with none named, claims none.
 */
export function relianceOf(plan: PlanInput, process: string, ownProcess: string): Reliance | null {
  switch (process) {
    case 'urgent-award':
    case 'urgent-modification':
      return {
        claim: 'urgency',
        field: 'urgency',
        provision:
          'PSR reg 14 allows an award or modification without the usual process only where it must be made urgently, the urgency was not foreseeable by and is not attributable to the authority, and delay would be likely to put patients or the public at risk',
        how: 'to rely on it, the plan must claim the urgency and describe it (urgency.reason, urgency.foreseeable, urgency.attributableToAuthority, urgency.delayRisksSafety)',
        urgency: true,
        made: plan.urgency != null,
        claimedByRoute: URGENT_ROUTES.includes(ownProcess),
      };
    case 'negotiated-without-prior-publication':
      return groundReliance(plan, 'PCR 2015 reg 32 allows an award without a call for competition only on one of its grounds, which the authority must show', 'a ground of reg 32 for awarding without a call for competition');
    case 'direct-award':
      return groundReliance(plan, 'Procurement Act 2023 s.41 allows a direct award only on a justification in Schedule 5, which the authority must show', 'a Schedule 5 justification for a direct award');
    case 'competitive-with-negotiation':
    case 'competitive-dialogue':
      return procedureGroundReliance(plan, 'a ground of reg 26(4) for negotiating or a dialogue', 'PCR 2015 reg 26(4) allows the competitive procedure with negotiation and the competitive dialogue only in the situations it lists, which the authority must show');
    case 'innovation-partnership':
      return procedureGroundReliance(plan, 'a need for innovative services not available on the market', 'PCR 2015 reg 31 allows an innovation partnership only for a need that cannot be met by services already available on the market, which the authority must show');
    default:
      return null;
  }
}

const isUnder = (path: string | null, field: string) => path !== null && (path === field || path.startsWith(`${field}.`));

/**
 * Does the route need a claim the plan does not make? Only where its check
 * turns on it: a finding above info asks for the claim (or, for urgency,
 * a rule finds against the route without it). A check that clears the route
 * without the claim (below threshold, say) shows the law does not need it.
 */
export function needsUnmadeClaim(reliance: Reliance | null, report: Report): reliance is Reliance {
  if (!reliance || reliance.made || report.verdict === 'compliant') return false;
  return needsClaim(reliance, report);
}

function needsClaim(reliance: Reliance, report: Report): boolean {
  const above = report.findings.filter((f) => f.severity !== 'info');
  if (above.some((f) => f.missingFacts.some((m) => isUnder(m.planPath, reliance.field)))) return true;
  return reliance.urgency && above.some((f) => f.severity === 'non-compliant');
}

/** What the plan's own dates say about time for an ordinary process: true there is time, false there is not, null they do not say. */
export interface TimeEvidence {
  spare: boolean | null;
  /** The dates, and the evidence, in words: "the service starts on 1 April 2027, seven months after the procurement starts on 1 September 2026, ..." */
  words: string;
}

/** A route the plan can use without a claim it does not make, as far as the time evidence reads it. */
export interface TimePeer {
  label: string;
  input: PlanInput;
  report: Report;
  isPlansOwnRoute: boolean;
}

const meetsEveryDate = (report: Report) => report.timetable.some((r) => r.met === true) && report.timetable.every((r) => r.met !== false);

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const count = (n: number, unit: string) => `${SMALL[n] ?? String(n)} ${unit}${n === 1 ? '' : 's'}`;
const date = (iso: string) => formatValue(iso, 'date');

/** Whole calendar months from one date to another (the day of the month counts), and the days when under a month. */
function span(from: string, to: string): string | null {
  if (!(from < to)) return null;
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  if (months >= 1) return count(months, 'month');
  const days = Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
  return count(days, 'day');
}

/** The step the rule set defines the latest procurement start by (planning back from the service start with the plan's stage lengths). */
function latestStartStep(ruleSet: RuleSet): string | undefined {
  for (const step of ruleSet.steps.values()) if (step.defines === 'latestProcurementStart') return step.id;
  return undefined;
}

/**
 * What the plan's own dates say about time for an ordinary process, read
 * from the checks of the routes the plan can use without a claim (peers, the
 * plan's own first): the latest procurement start the rule set works back
 * from the service start with the plan's own stage lengths, against the
 * plan's procurement start; failing that, whether the plan's own route (or
 * a route no rule finds against) meets every date of its timetable, the
 * standstill the rule set sets included. No number of months is assumed here: where
 * the checks do not say, spare is null and only the dates are given.
 */
export function timeEvidence(plan: PlanInput, peers: TimePeer[], ruleSet: RuleSet): TimeEvidence {
  const { procurementStart, contractStart } = plan.dates;
  const gap = span(procurementStart, contractStart);
  const dates = gap
    ? `the service starts on ${date(contractStart)}, ${gap} after the procurement starts on ${date(procurementStart)}`
    : `the service starts on ${date(contractStart)} and the procurement on ${date(procurementStart)}`;
  const same = peers.filter((p) => p.input.dates.procurementStart === procurementStart && p.input.dates.contractStart === contractStart);
  const ordered = [...same.filter((p) => p.isPlansOwnRoute), ...same.filter((p) => !p.isPlansOwnRoute)];
  const step = latestStartStep(ruleSet);
  const latest = step
    ? ordered.flatMap((p) => p.report.timetable.filter((r) => r.stepId === step && r.kind === 'latest' && r.met !== null).map((row) => ({ peer: p, row })))
    : [];
  const onTime = latest.find((l) => l.row.met === true);
  if (onTime)
    return { spare: true, words: `${dates}, and by the plan's own stage lengths an ordinary process could still start on ${date(onTime.row.date)} (${onTime.peer.label})` };
  // Without the stage lengths: the plan's own route, or a route no rule finds against, that meets every date of its timetable.
  const fits = latest.length === 0 ? ordered.find((p) => (p.isPlansOwnRoute || p.report.verdict === 'compliant') && meetsEveryDate(p.report)) : undefined;
  if (fits)
    return {
      spare: true,
      words: fits.isPlansOwnRoute
        ? `${dates}, and the plan's own route (${fits.label}) meets every date of its timetable`
        : `${dates}, and a route no rule finds against (${fits.label}) meets every date of its timetable`,
    };
  if (latest.length > 0) {
    const last = latest.reduce((a, b) => (b.row.date > a.row.date ? b : a));
    return {
      spare: false,
      words: `${dates}; by the plan's own stage lengths an ordinary process had to start by ${date(last.row.date)} (${last.peer.label}), and urgency the authority caused by starting late does not count`,
    };
  }
  return { spare: null, words: dates };
}
