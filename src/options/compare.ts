// The options appraisal: a plan judged once for every route its governing
// regime offers (or a committee's options, each a plan), side by side, in a
// recommendation order with its reasons. Each column is an ordinary check of
// an ordinary plan, so an option's verdict is exactly `procheck check`'s; the
// ranking only sorts what the checks found. It is not legal advice.
import type { Checker } from '../engine/checker.js';
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import type { PlanInput, ProcessId, RegimeId } from '../plan/schema.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';
import { processKind } from '../plan/facts.js';
import { proposeTimetableForPlan } from '../timetable/propose.js';
import type { Report } from '../report/schema.js';
import { PROCHECK_VERSION } from '../version.js';
import { STANDING_WORDS, type OptionEntryT, type OptionsReport, type StandingT } from './schema.js';
import { needsUnmadeClaim, relianceOf, timeEvidence, type Reliance, type TimeEvidence } from './reliance.js';

/** The routes each regime offers a new award, in the order the law sets them out. */
const NEW_AWARD_ROUTES: Record<RegimeId, ProcessId[]> = {
  psr: ['direct-award-a', 'direct-award-b', 'direct-award-c', 'most-suitable-provider', 'competitive', 'urgent-award'],
  pcr2015: ['open', 'restricted', 'competitive-with-negotiation', 'competitive-dialogue', 'innovation-partnership', 'light-touch', 'negotiated-without-prior-publication'],
  pa2023: ['open', 'competitive-flexible', 'direct-award'],
};

/** Routes that change the existing contract instead, where there is one. */
const CHANGE_ROUTES: Record<RegimeId, ProcessId[]> = {
  psr: ['extension', 'modification', 'urgent-modification'],
  pcr2015: ['extension', 'modification'],
  pa2023: ['extension', 'modification'],
};

/** The PSR rules that find a direct award process mandatory (reg 6(3)-(4)), by the route they require. */
const MANDATORY_RULES: Partial<Record<ProcessId, string>> = {
  'direct-award-a': 'psr.direct-award-a.mandatory',
  'direct-award-b': 'psr.direct-award-b.mandatory',
};

const STANDING_ORDER: StandingT[] = ['lawful-and-mandatory', 'lawful', 'lawful-if', 'not-lawful'];

export const OPTIONS_NOTICE =
  'The order ranks what the checks found: routes the law makes mandatory and no rule finds against first, then routes no rule finds against, then routes lawful if the facts named turn out one way, then routes a rule finds against. Within each, a route the law makes mandatory, then the plan\'s own route, then the others, the nearest a decision first; a route that needs a claim the plan does not make (urgency, or a ground for awarding without competition) comes after every route the plan can use without one. It is not legal advice: the choice between lawful routes is the authority\'s, on its own reasons.';

interface Judged {
  label: string;
  input: PlanInput;
  report: Report;
  isPlansOwnRoute: boolean;
  /** The route the plan itself names (for a committee's options, each option's own). */
  ownProcess: string;
}

/**
 * The plan with another route: the same facts, the route's process (and a
 * change described, for a change route), the regime left for procheck to
 * decide, since a new award and a change to the existing contract may fall
 * under different regimes (PSR reg 29(2)).
 */
function withRoute(plan: PlanInput, process: ProcessId): PlanInput {
  const copy = structuredClone(plan) as PlanInput & { change?: { description: string } };
  copy.route = { ...copy.route, process, regime: 'auto' };
  if (processKind(process) === 'change' && !copy.change) copy.change = { description: `${PROCESS_LABELS[process]} (an option compared by procheck)` };
  return copy;
}

const isRegime = (r: string | null): r is RegimeId => r === 'psr' || r === 'pcr2015' || r === 'pa2023';

/**
 * The routes to compare: the new awards the regime of a new award offers,
 * a framework call-off where the plan has a framework, and the changes the
 * regime of a change to the existing contract offers where it has one; the
 * plan's own route always among them.
 */
export function routesFor(plan: PlanInput, newAward: RegimeId | null, change: RegimeId | null): ProcessId[] {
  const routes: ProcessId[] = newAward ? [...NEW_AWARD_ROUTES[newAward]] : [];
  if (plan.frameworkAgreement) routes.push('framework-call-off');
  if (plan.incumbent && change) routes.push(...CHANGE_ROUTES[change]);
  if (!routes.includes(plan.route.process)) routes.unshift(plan.route.process);
  return routes;
}

/** The regime the plan's facts give a route of this kind (procheck decides it, as for any plan). */
async function regimeFor(checker: Checker, plan: PlanInput, kind: 'new-award' | 'change', report: Report): Promise<RegimeId | null> {
  if (processKind(plan.route.process) === kind) return isRegime(report.regime.applicable) ? report.regime.applicable : null;
  if (kind === 'change' && !plan.incumbent) return null;
  const probe = await checker.check(withRoute(plan, kind === 'change' ? 'modification' : 'open'));
  return isRegime(probe.regime.applicable) ? probe.regime.applicable : null;
}

/** Is the route mandatory, as the checks of the other routes find (true), leave open (null) or not (false)? */
function mandatoryOf(process: string, judged: Judged[]): boolean | null {
  const rule = MANDATORY_RULES[process as ProcessId];
  if (!rule) return false;
  const findings = judged.filter((j) => j.input.route.process !== process).flatMap((j) => j.report.findings.filter((f) => f.ruleId === rule));
  if (findings.some((f) => f.severity === 'non-compliant')) return true;
  if (findings.some((f) => f.severity === 'review')) return null;
  return false;
}

/**
 * The verdict as a standing. A verdict this code does not know (one the
 * engine adds later, such as a verdict lawful on conditions) is ranked as
 * lawful-if: never above a route no rule finds against, never a crash.
 */
function standingOf(verdict: string, mandatory: boolean | null): StandingT {
  switch (verdict) {
    case 'compliant':
    // Lawful on the authority's own acts, done as the conditions say: a route it can use.
    case 'compliant-if':
      return mandatory === true ? 'lawful-and-mandatory' : 'lawful';
    case 'non-compliant':
    case 'out-of-scope':
      return 'not-lawful';
    default:
      return 'lawful-if';
  }
}

/** The standing in a sentence: what the check found. */
function standingWhy(standing: StandingT, entry: Pick<OptionEntryT, 'deciding' | 'questions' | 'verdict'>): string {
  switch (standing) {
    case 'lawful-and-mandatory':
      return 'The law requires this route on the plan\'s facts, and no rule finds against it.';
    case 'lawful':
      return entry.verdict === 'compliant-if'
        ? 'No rule finds against this route on the plan\'s facts, provided the authority does its own acts as the conditions say (the contract date, the records it keeps).'
        : 'No rule finds against this route on the plan\'s facts.';
    case 'lawful-if': {
      const asks = entry.questions.slice(0, 3).map((q) => q.question);
      const more = entry.questions.length > 3 ? ` (and ${entry.questions.length - 3} more)` : '';
      if (asks.length) return `Lawful if the answers allow: ${asks.join(' ')}${more}`;
      if (entry.deciding.length) return `A person must judge: ${entry.deciding.map((d) => d.title).join('; ')}.`;
      return `Lawful on what the check names (its verdict: ${entry.verdict}).`;
    }
    case 'not-lawful': {
      const against = entry.deciding.filter((d) => d.severity === 'non-compliant' || d.severity === 'out-of-scope');
      const titles = (against.length ? against : entry.deciding).slice(0, 2).map((d) => d.title);
      return titles.length ? `Not lawful on the plan's facts: ${titles.join('; ')}.` : `Not lawful on the plan's facts (its verdict: ${entry.verdict}).`;
    }
  }
}

/** The latest date for each step of the route, planning back from the service start; none when it cannot be planned. */
function latestDates(input: PlanInput, checker: Checker): OptionEntryT['latestDates'] {
  try {
    return proposeTimetableForPlan(input, checker.ruleSet).timetable;
  } catch (e) {
    if (e instanceof PlanValidationError) return [];
    throw e;
  }
}

/**
 * Where an option sits within its standing, first to last: a route the law
 * makes mandatory; the plan's own route (comparing routes, not a
 * committee's options, where the first given is only the first); the
 * others; a route that needs a claim the plan does not make; and last, one
 * that needs urgency the plan does not claim while its own dates leave time
 * for an ordinary process.
 */
type Place = OptionEntryT['placed'];
/** Is the process one the law makes mandatory where its conditions hold (PSR direct award A or B), and unavailable where they do not: never the authority's choice? */
export const isMandatoryWhereItApplies = (process: string): boolean => process in MANDATORY_RULES;

/** Is the option placed below for a claim the plan does not make (urgency, a ground for awarding without competition)? */
export const placedForUnmadeClaim = (o: Pick<OptionEntryT, 'placed'>): boolean => o.placed === 'unclaimed' || o.placed === 'contradicted';

const PLACE_ORDER: Place[] = ['mandatory', 'own', 'other', 'unclaimed', 'contradicted'];

interface Built {
  entry: OptionEntryT;
  index: number;
  place: Place;
  claim: { reliance: Reliance; time: TimeEvidence | null } | null;
}

function placeOf(j: Judged, mandatory: boolean | null, kind: OptionsReport['kind'], claim: Built['claim']): Place {
  if (claim) return claim.time?.spare === true ? 'contradicted' : 'unclaimed';
  if (mandatory === true) return 'mandatory';
  if (kind === 'routes' && j.isPlansOwnRoute) return 'own';
  return 'other';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why the option sits where it does in its standing, in a sentence, knowing the order. */
function placeWhy(b: Built, all: Built[], kind: OptionsReport['kind']): string {
  const noun = kind === 'routes' ? 'route' : 'option';
  const among = `the ${noun}s ${STANDING_WORDS[b.entry.standing]}`;
  const open = b.entry.questions.length + b.entry.deciding.length === 0 ? 'nothing left open' : `${plural(b.entry.questions.length, 'question')} open, ${plural(b.entry.deciding.length, 'finding')} deciding its verdict`;
  switch (b.place) {
    case 'mandatory':
      return `Placed first among ${among}: the law makes it mandatory on the plan's facts, as the other ${noun}s' checks find (PSR reg 6(3)-(4)).`;
    case 'own': {
      const after = all.some((o) => o.place === 'mandatory' && o.entry.standing === b.entry.standing) ? ', after the route the law makes mandatory' : '';
      return `The plan's own route, placed first among ${among}${after}.`;
    }
    case 'other': {
      const before = all.filter((o) => o.entry.standing === b.entry.standing && (o.place === 'mandatory' || o.place === 'own'));
      const after = before.length ? `after ${before.some((o) => o.place === 'own') ? "the plan's own route" : 'the route the law makes mandatory'}, ` : '';
      return `Among ${among}, ranked ${after}nearest a decision first: ${open}.`;
    }
    case 'unclaimed':
    case 'contradicted': {
      const { reliance, time } = b.claim!;
      const usable = b.entry.standing === 'not-lawful' ? `every ${noun} a rule finds against without it` : `every ${noun} the plan can use without it`;
      const placed = kind === 'routes' && b.entry.isPlansOwnRoute ? `The plan's own route, but placed below ${usable}` : `Placed below ${usable}`;
      if (reliance.urgency) return `${placed}, because it relies on urgency the plan does not claim: ${time!.words}. ${reliance.provision}; ${reliance.how}.`;
      return `${placed}, because it relies on ${reliance.claim}, which the plan does not name: ${reliance.provision}; ${reliance.how}.`;
    }
  }
}

function entries(judged: Judged[], checker: Checker, kind: OptionsReport['kind']): OptionEntryT[] {
  const reliances = judged.map((j) => relianceOf(j.input, j.input.route.process, j.ownProcess));
  const claims = judged.map((j, i) => (needsUnmadeClaim(reliances[i]!, j.report) ? reliances[i]! : null));
  // The ordinary routes the plan can use (no urgency, no claim it does not make): what the time for an ordinary process is read from.
  const peers = judged.filter((j, i) => !claims[i] && !reliances[i]?.urgency && standingOf(j.report.verdict, null) !== 'not-lawful');
  const claimOf = (j: Judged, reliance: Reliance | null): Built['claim'] => {
    if (!reliance) return null;
    const time = reliance.urgency ? timeEvidence(j.input, peers, checker.ruleSet) : null;
    // The plan's own urgent route, with no urgency described, is ranked down only where its own dates leave time for an ordinary process.
    if (reliance.claimedByRoute && time?.spare !== true) return null;
    return { reliance, time };
  };
  const built: Built[] = judged.map((j, index) => {
    const mandatory = mandatoryOf(j.input.route.process, judged);
    const deciding = j.report.findings.filter((f) => f.severity !== 'info').map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title }));
    const seen = new Set<string>();
    const questions = j.report.findings.flatMap((f) => f.missingFacts).filter((m) => !seen.has(m.fact) && seen.add(m.fact));
    const standing = standingOf(j.report.verdict, mandatory);
    const claim = claimOf(j, claims[index]!);
    const entry: OptionEntryT = {
      rank: 0,
      label: j.label,
      route: { regime: j.report.regime.applicable, process: j.input.route.process },
      plan: { id: j.report.plan.id, title: j.report.plan.title },
      isPlansOwnRoute: j.isPlansOwnRoute,
      verdict: j.report.verdict,
      standing,
      mandatory,
      placed: 'other',
      why: '',
      deciding,
      questions,
      steps: j.report.steps.map((s) => ({ id: s.id, title: s.title, due: s.due })),
      latestDates: latestDates(j.input, checker),
    };
    return { entry, index, place: placeOf(j, mandatory, kind, claim), claim };
  });
  built.sort(
    (a, b) =>
      STANDING_ORDER.indexOf(a.entry.standing) - STANDING_ORDER.indexOf(b.entry.standing) ||
      PLACE_ORDER.indexOf(a.place) - PLACE_ORDER.indexOf(b.place) ||
      // Within a place, the option nearer a decision first: fewer questions open, then fewer findings against it.
      a.entry.questions.length - b.entry.questions.length ||
      a.entry.deciding.length - b.entry.deciding.length ||
      a.index - b.index,
  );
  return built.map((b, i) => ({ ...b.entry, rank: i + 1, placed: b.place, why: `${standingWhy(b.entry.standing, b.entry)} ${placeWhy(b, built, kind)}` }));
}

function header(checker: Checker, report: Report) {
  return {
    procheck: PROCHECK_VERSION,
    ruleSetVersion: checker.ruleSet.version,
    plan: report.plan,
    regime: { applicable: report.regime.applicable, basis: report.regime.basis },
    notice: OPTIONS_NOTICE,
  };
}

/**
 * Every route the plan's governing regime offers (with a framework call-off
 * where the plan has a framework, and the changes to the existing contract
 * where it has one), each applied to the plan and checked. Where the facts
 * leave a regime open, its routes are not guessed: the plan's own is compared.
 */
export async function compareRoutes(checker: Checker, plan: PlanInput): Promise<OptionsReport>;
export async function compareRoutes(checker: Checker, input: unknown, options: { untrusted: true }): Promise<OptionsReport>;
export async function compareRoutes(checker: Checker, input: unknown): Promise<OptionsReport> {
  const plan = parsePlan(input);
  if (plan.lots) throw new PlanValidationError([{ path: 'lots', message: 'compare the routes lot by lot: give each lot as a plan of its own' }]);
  const own = input as PlanInput;
  const report = await checker.check(own);
  const routes = routesFor(own, await regimeFor(checker, own, 'new-award', report), await regimeFor(checker, own, 'change', report));
  const judged: Judged[] = [];
  for (const process of routes) {
    const isOwn = process === own.route.process;
    const variant = isOwn ? own : withRoute(own, process);
    judged.push({ label: PROCESS_LABELS[process], input: variant, report: isOwn ? report : await checker.check(variant), isPlansOwnRoute: isOwn, ownProcess: own.route.process });
  }
  return { ...header(checker, report), kind: 'routes', options: entries(judged, checker, 'routes') };
}

/** A committee's options, each a plan of its own, compared side by side in the same order of recommendation. */
/** The most options compared at once: a committee weighs a handful; each is checked in full, with its lots. */
export const MAX_OPTIONS = 10;

export async function compareOptions(checker: Checker, inputs: unknown[]): Promise<OptionsReport> {
  if (inputs.length < 2) throw new PlanValidationError([{ path: 'options', message: 'give at least two options to compare (or one plan, to compare its routes)' }]);
  if (inputs.length > MAX_OPTIONS) throw new PlanValidationError([{ path: 'options', message: `give at most ${MAX_OPTIONS} options to compare at once` }]);
  const judged: Judged[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      parsePlan(input);
    } catch (e) {
      if (e instanceof PlanValidationError) throw new PlanValidationError(e.issues.map((x) => ({ ...x, path: `options.${i}${x.path ? `.${x.path}` : ''}` })));
      throw e;
    }
    const report = await checker.check(input, { untrusted: true });
    judged.push({ label: report.plan.title, input: input as PlanInput, report, isPlansOwnRoute: i === 0, ownProcess: (input as PlanInput).route.process });
  }
  return { ...header(checker, judged[0]!.report), kind: 'options', options: entries(judged, checker, 'options') };
}
