// The authority's own acts the plan leaves open (the fact catalogue's kind
// "act": the contract date, the award decision, the records it keeps) are
// not doubts about the plan but conditions of its compliance. A rule the
// plan leaves open only because of such acts is settled by doing them as the
// law requires: a yes/no act by doing it (the catalogue's `done`), a date by
// choosing it inside the window every rule allows. The window is found by
// asking the rules themselves (the plan re-checked with the act on trial
// dates), so each period stays written once, in the rule set; where no date
// keeps every rule, that contradiction is reported with the least the plan
// can then be.
import { FACT_CATALOGUE, unknownSources, type ActInfo, type FactName } from '../plan/fact-catalogue.js';
import type { Facts } from '../plan/facts.js';
import { addDays } from '../plan/dates.js';
import { longDate } from '../calendar/civil-date.js';
import type { ConditionEntryT, ConditionBoundT, FindingT } from '../report/schema.js';
import type { ConditionT, RuleDefinition, Severity } from './rule-schema.js';
import { decidingFacts, truth, type FactSource, type Truth } from './three-valued.js';
import type { RuleOutcome } from './run-rules.js';
import type { OpenFacts } from './timetable-facts.js';

export type ActValue = string | boolean;
export type ActValues = Partial<Record<FactName, ActValue>>;
/** The plan's facts with these acts done as given (the checker derives them again). */
export type Probe = (acts: ActValues) => FactSource;

interface Act {
  fact: FactName;
  planPath: string;
  info: ActInfo;
}

/** Every act in the catalogue, in catalogue order (which puts the award decision before the contract). */
export const ACTS: readonly Act[] = Object.entries(FACT_CATALOGUE as Record<string, { planPath?: string; kind?: string; act?: ActInfo }>)
  .filter(([, i]) => i.kind === 'act' && i.act !== undefined && i.planPath !== undefined)
  .map(([fact, i]) => ({ fact: fact as FactName, planPath: i.planPath!, info: i.act! }));
const ACT_BY_FACT = new Map(ACTS.map((a) => [a.fact, a]));

const isoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** How bad a set of outcomes is: the worst severity that fires. */
const RANK: Record<string, number> = { 'out-of-scope': 4, 'non-compliant': 3, review: 2, condition: 1, info: 0 };

export interface OpenRule {
  rule: RuleDefinition;
  condition: ConditionT;
}

export interface Resolution {
  conditions: ConditionEntryT[];
  /** Rules the conditions settle: their open findings give way to the conditions. */
  resolved: Set<string>;
  /** Rules still open with the acts done: the world facts that decide them. */
  stillOpen: Map<string, string[]>;
  /** The facts with every act done as the conditions say, for the questions left. */
  done: FactSource | null;
  /** The worst severity a contradiction leaves the plan with. */
  conflictSeverity: Severity | null;
}

export interface ResolveInput {
  outcomes: RuleOutcome[];
  conditionOf: (ruleId: string) => ConditionT;
  facts: Facts;
  open: OpenFacts;
  probe: Probe;
  /** A rule's text with the given facts' values put in. */
  render: (text: string, src: FactSource) => string;
}

/** The acts among the unknown plan facts an open rule turns on. */
function actsOf(o: RuleOutcome, facts: Facts, open: OpenFacts): FactName[] {
  const value = (f: FactName) => facts[f];
  const sources = new Set<FactName>();
  for (const d of o.deciding) if (Object.hasOwn(FACT_CATALOGUE, d)) for (const s of unknownSources(d as FactName, value, open)) sources.add(s);
  return [...sources].filter((s) => ACT_BY_FACT.has(s) && (facts[s] === null || facts[s] === undefined));
}

const LEAVES = new WeakMap<ConditionT, string[]>();
/** Every fact a condition tests, directly or as the value it is compared with (each once; kept per condition). */
function leafFacts(c: ConditionT): string[] {
  let found = LEAVES.get(c);
  if (!found) {
    const walk = (x: ConditionT): string[] => {
      if ('all' in x) return x.all.flatMap(walk);
      if ('any' in x) return x.any.flatMap(walk);
      if ('not' in x) return walk(x.not);
      const v = x.value;
      return v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v ? [x.fact, v.fact] : [x.fact];
    };
    LEAVES.set(c, (found = [...new Set(walk(c))]));
  }
  return found;
}

interface Scored {
  date: string;
  outcomes: Truth[];
  worst: number;
  fired: number;
  open: number;
}

interface Window {
  best: Scored;
  lo: string | null;
  hi: string | null;
  loRule: number | null;
  hiRule: number | null;
}

/** How far either side of the plan's dates a window is searched for its ends. */
const REACH_DAYS = 1100;

/**
 * The window of dates for one act that keeps the rules it decides: the best
 * trial date (the fewest and mildest rules firing, then the fewest open, then
 * the latest), widened to every date that gives the rules the same outcomes.
 * Each end is found by halving, which assumes what the rules allow is one
 * run of dates, as every period of the law is.
 */
function searchWindow(rules: OpenRule[], at: (date: string) => FactSource, candidates: string[]): Window {
  const memo = new Map<string, Scored>();
  const score = (date: string): Scored => {
    let s = memo.get(date);
    if (!s) {
      const src = at(date);
      const outcomes = rules.map((r) => truth(r.condition, src));
      const worst = Math.max(0, ...outcomes.map((t, i) => (t === true ? RANK[rules[i]!.rule.severity]! : 0)));
      s = { date, outcomes, worst, fired: outcomes.filter((t) => t === true).length, open: outcomes.filter((t) => t === null).length };
      memo.set(date, s);
    }
    return s;
  };
  const scored = candidates.map(score);
  // The mildest worst, then the fewest firing, then the fewest open, then the latest.
  const better = (b: Scored, a: Scored) => b.worst - a.worst || b.fired - a.fired || b.open - a.open || (b.date > a.date ? -1 : b.date < a.date ? 1 : 0);
  const best = scored.reduce((a, b) => (better(b, a) < 0 ? b : a));
  const same = (d: string) => score(d).outcomes.every((t, i) => t === best.outcomes[i]);
  const firstDiffering = (d: string): number | null => {
    const s = score(d);
    const i = s.outcomes.findIndex((t, j) => t !== best.outcomes[j] && t === true);
    return i >= 0 ? i : s.outcomes.findIndex((t, j) => t !== best.outcomes[j]);
  };
  const sorted = [...candidates].sort();
  const min = addDays(sorted[0]!, -REACH_DAYS);
  const max = addDays(sorted.at(-1)!, REACH_DAYS);
  const edge = (towards: string): { end: string | null; rule: number | null } => {
    // Walk the trial dates out from the best: the change lies between the last alike and the first not, usually a day apart
    // (the rules compare the act with dates the trials hold, a day either side); past them, the far end decides.
    const outward = towards < best.date ? sorted.filter((d) => d < best.date).reverse() : sorted.filter((d) => d > best.date);
    let good = best.date;
    let bad: string | null = null;
    for (const d of outward) {
      if (!same(d)) {
        bad = d;
        break;
      }
      good = d;
    }
    if (bad === null) {
      if (same(towards)) return { end: null, rule: null };
      bad = towards;
    }
    // Halve the days between: dates as day counts from the best date.
    for (;;) {
      const gap = Math.round((Date.parse(bad) - Date.parse(good)) / 86_400_000);
      if (Math.abs(gap) <= 1) break;
      const mid = addDays(good, Math.trunc(gap / 2));
      if (same(mid)) good = mid;
      else bad = mid;
    }
    return { end: good, rule: firstDiffering(bad) };
  };
  const low = edge(min);
  const high = edge(max);
  return { best, lo: low.end, hi: high.end, loRule: low.rule, hiRule: high.rule };
}

/** The trial dates for an act: every date the rules compare it with, and the days either side. */
function candidateDates(rules: OpenRule[], src: FactSource, facts: Facts): string[] {
  const out = new Set<string>([facts.procurementStart as string, facts.contractStart as string].filter(isoDate));
  for (const r of rules)
    for (const f of leafFacts(r.condition)) {
      const v = src.fact(f);
      if (isoDate(v)) for (const d of [-1, 0, 1]) out.add(addDays(v, d));
    }
  return [...out].sort();
}

const bound = (rule: RuleDefinition, date: string, because: string): ConditionBoundT => ({ date, because, ruleId: rule.id, citation: rule.citation });

/** What a rule asks of an act, in the instruction's words. */
function because(rule: RuleDefinition, src: FactSource, render: ResolveInput['render']): string {
  return rule.asCondition ? render(rule.asCondition, src) : `so that it is not the case that ${rule.title.charAt(0).toLowerCase()}${rule.title.slice(1)}`;
}

export function resolveConditions(input: ResolveInput): Resolution {
  const { outcomes, facts, open, probe, render } = input;
  const candidates = outcomes.filter((o) => o.outcome === null && o.rule.severity !== 'info' && o.rule.severity !== 'condition');
  const actsByRule = new Map(candidates.map((o) => [o.rule.id, actsOf(o, facts, open)]));
  const inPlay = ACTS.filter((a) => candidates.some((o) => actsByRule.get(o.rule.id)!.includes(a.fact)));
  const stillOpen = new Map(candidates.map((o) => [o.rule.id, o.deciding]));
  if (inPlay.length === 0) return { conditions: [], resolved: new Set(), stillOpen, done: null, conflictSeverity: null };

  const rulesOn = (act: FactName): OpenRule[] =>
    candidates.filter((o) => actsByRule.get(o.rule.id)!.includes(act)).map((o) => ({ rule: o.rule, condition: input.conditionOf(o.rule.id) }));
  // Dates first, the yes/no acts left open: a date that makes a yes/no act needless (an award decision before the
  // existing contract ends needs no arrangement to bridge the gap) is the smaller condition.
  const values: ActValues = {};

  const entries: ConditionEntryT[] = [];
  let conflictSeverity = 0;
  const dated: { act: Act; found: DateFound }[] = [];
  for (const a of inPlay.filter((x) => x.info.done === undefined)) {
    let found = dateCondition(a, rulesOn(a.fact), values, probe, facts, render);
    // A contradiction an earlier act of ours causes (the award decision worked out on its latest day leaving no
    // contract date) is no contradiction: bring that act forward to the latest day that leaves this one a date.
    const earlier = dated.at(-1);
    if (found.entry.conflict && earlier) {
      const moved = bringForward(earlier, a, found, rulesOn(a.fact), values, probe);
      if (moved) {
        values[earlier.act.fact] = moved;
        const limit = found.fired.map((f) => ({ f, date: f.holdsFrom!.date })).sort((x, y) => x.date.localeCompare(y.date))[0]!;
        const then = `${a.info.instruction.charAt(0).toLowerCase()}${a.info.instruction.slice(1)}`;
        const why = because(limit.f.rule.rule, probe({ ...values, [earlier.act.fact]: moved, [a.fact]: limit.date }), render);
        earlier.found = withLatest(earlier.act, earlier.found, moved, `so that you can then ${then} by ${longDate(limit.date)}, ${why}`);
        found = dateCondition(a, rulesOn(a.fact), values, probe, facts, render);
      }
    }
    values[a.fact] = found.chosen;
    dated.push({ act: a, found });
  }
  const assumed: string[] = [];
  for (const { act, found } of dated) {
    if (assumed.length) found.entry.assumes = assumed.join('; ');
    if (found.entry.conflict) conflictSeverity = Math.max(conflictSeverity, found.worst);
    entries.push(found.entry);
    assumed.push(`${act.info.instruction.charAt(0).toLowerCase()}${act.info.instruction.slice(1)} on ${longDate(found.chosen)}`);
  }

  // Then each yes/no act that a rule still turns on, done.
  const afterDates = probe(values);
  for (const a of inPlay.filter((x) => x.info.done !== undefined))
    if (candidates.some((o) => actsByRule.get(o.rule.id)!.includes(a.fact) && truth(input.conditionOf(o.rule.id), afterDates) !== false)) values[a.fact] = a.info.done!;

  // Every act done: which open rules that settles, which stay open (world facts), which still fire (the contradictions above).
  const done = probe(values);
  const resolved = new Set<string>();
  const settledBy = new Map<FactName, RuleDefinition[]>();
  for (const o of candidates) {
    const acts = actsByRule.get(o.rule.id)!;
    if (acts.length === 0) continue;
    const condition = input.conditionOf(o.rule.id);
    const t = truth(condition, done);
    if (t === null) {
      stillOpen.set(o.rule.id, [...decidingFacts(condition, done)]);
      continue;
    }
    // Settled, or firing only in a contradiction its date condition already reports.
    resolved.add(o.rule.id);
    stillOpen.delete(o.rule.id);
    if (t === false) for (const f of acts) if (values[f] !== undefined) settledBy.set(f, [...(settledBy.get(f) ?? []), o.rule]);
  }
  for (const a of inPlay.filter((x) => x.info.done !== undefined)) {
    const rules = settledBy.get(a.fact) ?? [];
    if (rules.length === 0) continue;
    entries.push({ id: a.fact, fact: a.fact, planPath: a.planPath, instruction: `${a.info.instruction}.`, due: null, rules: rules.map((r) => r.id), citations: uniqueCitations([], rules) });
  }
  const order = new Map(ACTS.map((a, i) => [a.fact as string, i]));
  entries.sort((x, y) => Number(!x.conflict) - Number(!y.conflict) || (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  return { conditions: entries, resolved, stillOpen, done, conflictSeverity: conflictSeverity ? severityOfRank(conflictSeverity) : null };
}

interface DateFound {
  entry: ConditionEntryT;
  chosen: string;
  worst: number;
  /** The rules that still fire on the chosen date, each with the nearest day it would not. */
  fired: { rule: OpenRule; holdsFrom: { date: string; dir: -1 | 1 } | null }[];
}

/** The condition on one date act, the others as `values` has them. */
function dateCondition(a: Act, rules: OpenRule[], values: ActValues, probe: Probe, facts: Facts, render: ResolveInput['render']): DateFound {
  const at = (date: string) => probe({ ...values, [a.fact]: date });
  const w = searchWindow(rules, at, candidateDates(rules, probe(values), facts));
  const chosen = w.hi ?? w.lo ?? w.best.date;
  const earliest = w.lo !== null && w.loRule !== null && w.loRule >= 0 ? bound(rules[w.loRule]!.rule, w.lo, because(rules[w.loRule]!.rule, at(w.lo), render)) : undefined;
  const latest = w.hi !== null && w.hiRule !== null && w.hiRule >= 0 ? bound(rules[w.hiRule]!.rule, w.hi, because(rules[w.hiRule]!.rule, at(w.hi), render)) : undefined;
  const fired = rules.filter((_, i) => w.best.outcomes[i] === true).map((rule) => ({ rule, holdsFrom: holdingEdge(rule, at, chosen) }));
  const entry: ConditionEntryT = {
    id: a.fact,
    fact: a.fact,
    planPath: a.planPath,
    instruction: dateInstruction(a.info.instruction, earliest, latest),
    due: latest?.date ?? null,
    rules: rules.filter((_, i) => w.best.outcomes[i] === false).map((r) => r.rule.id),
    citations: uniqueCitations([earliest, latest].filter((b): b is ConditionBoundT => b !== undefined).map((b) => b.citation), rules.map((r) => r.rule)),
  };
  if (earliest) entry.earliest = earliest;
  if (latest) entry.latest = latest;
  if (fired.length) {
    const missed = fired.map(({ rule, holdsFrom }) =>
      holdsFrom ? `${holdsFrom.dir < 0 ? 'by' : 'on or after'} ${longDate(holdsFrom.date)} (${because(rule.rule, at(holdsFrom.date), render)})` : because(rule.rule, at(chosen), render),
    );
    const kept = [earliest && `on or after ${longDate(earliest.date)} (${earliest.because})`, latest && `by ${longDate(latest.date)} (${latest.because})`].filter(Boolean);
    entry.conflict = {
      severity: severityOfRank(w.best.worst),
      rules: fired.map((f) => f.rule.rule.id),
      reason: `No date to ${a.info.instruction.charAt(0).toLowerCase()}${a.info.instruction.slice(1)} meets every condition: ${kept.length ? `${kept.join(' and ')}, but ` : ''}${missed.join(' and ')}.`,
    };
  }
  return { entry, chosen, worst: w.best.worst, fired };
}

/** The nearest day either side of `from` on which the rule would not fire, searching out by doubling, then halving back to the day. */
function holdingEdge(r: OpenRule, at: (d: string) => FactSource, from: string): { date: string; dir: -1 | 1 } | null {
  for (const dir of [-1, 1] as const) {
    let found: string | null = null;
    for (let step = 1; step <= REACH_DAYS; step *= 2) {
      const trial = addDays(from, dir * step);
      if (truth(r.condition, at(trial)) === false) {
        found = trial;
        break;
      }
    }
    if (!found) continue;
    let good = found;
    let bad = from;
    for (;;) {
      const gap = Math.round((Date.parse(good) - Date.parse(bad)) / 86_400_000);
      if (Math.abs(gap) <= 1) break;
      const mid = addDays(bad, Math.trunc(gap / 2));
      if (truth(r.condition, at(mid)) === false) good = mid;
      else bad = mid;
    }
    return { date: good, dir };
  }
  return null;
}

/**
 * The latest day for an earlier act (worked out on its own latest day) that
 * leaves a later one a date keeping every rule: the later act is tried on the
 * last day its firing rules allow, the earlier moved back by halving.
 */
function bringForward(earlier: { act: Act; found: DateFound }, later: Act, found: DateFound, rules: OpenRule[], values: ActValues, probe: Probe): string | null {
  const limits = found.fired.map((f) => f.holdsFrom);
  if (limits.some((l) => l === null || l.dir > 0)) return null;
  const by = limits.map((l) => l!.date).sort()[0]!;
  const keeps = (day: string) => {
    const src = probe({ ...values, [earlier.act.fact]: day, [later.fact]: by });
    return rules.every((r) => truth(r.condition, src) === false);
  };
  const lo = earlier.found.entry.earliest?.date ?? addDays(earlier.found.chosen, -REACH_DAYS);
  if (!keeps(lo)) return null;
  let good = lo;
  let bad = earlier.found.chosen;
  for (;;) {
    const gap = Math.round((Date.parse(bad) - Date.parse(good)) / 86_400_000);
    if (gap <= 1) break;
    const mid = addDays(good, Math.trunc(gap / 2));
    if (keeps(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** An act's condition with a new latest day, set so a later act can follow. */
function withLatest(a: Act, found: DateFound, date: string, why: string): DateFound {
  const first = found.entry.latest ?? { ruleId: found.entry.rules[0] ?? '', citation: found.entry.citations[0]! };
  const latest: ConditionBoundT = { date, because: why, ruleId: first.ruleId, citation: first.citation };
  const entry: ConditionEntryT = { ...found.entry, latest, due: date, instruction: dateInstruction(a.info.instruction, found.entry.earliest, latest) };
  return { ...found, entry, chosen: date };
}

function severityOfRank(rank: number): Severity {
  return rank >= 4 ? 'out-of-scope' : rank === 3 ? 'non-compliant' : rank === 2 ? 'review' : 'info';
}

function dateInstruction(verb: string, earliest: ConditionBoundT | undefined, latest: ConditionBoundT | undefined): string {
  const parts: string[] = [];
  if (earliest) parts.push(`on or after ${longDate(earliest.date)} (${earliest.because})`);
  if (latest) parts.push(`by ${longDate(latest.date)} (${latest.because})`);
  return parts.length ? `${verb} ${parts.join(' and ')}.` : `${verb}.`;
}

function uniqueCitations(first: RuleDefinition['citation'][], rules: RuleDefinition[]): RuleDefinition['citation'][] {
  const seen = new Set<string>();
  const out: RuleDefinition['citation'][] = [];
  for (const c of [...first, ...rules.map((r) => r.citation)]) {
    const key = `${c.instrument}|${c.provision}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

const RANK_OF_FINDING: Record<Severity, number> = { 'out-of-scope': 0, 'non-compliant': 1, review: 2, info: 3 };

/**
 * The contradictions no decided finding accounts for (none at least as
 * grave), each as a finding of its own under the rule that cannot hold, so a
 * verdict always has a finding behind it.
 */
export function conflictFindings(conditions: readonly ConditionEntryT[], findings: readonly FindingT[], ruleOf: (id: string) => RuleDefinition): FindingT[] {
  const out: FindingT[] = [];
  for (const c of conditions) {
    if (!c.conflict || c.conflict.severity === 'info') continue;
    const rank = RANK_OF_FINDING[c.conflict.severity];
    if ([...findings, ...out].some((f) => f.missingFacts.length === 0 && RANK_OF_FINDING[f.severity] <= rank)) continue;
    const rule = ruleOf(c.conflict.rules[0]!);
    out.push({ ruleId: rule.id, title: rule.title, severity: c.conflict.severity, regime: rule.regime, citation: rule.citation, reason: c.conflict.reason, missingFacts: [], steps: [] });
  }
  return out;
}
