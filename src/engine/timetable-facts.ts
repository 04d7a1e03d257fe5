// Date facts computed from the rule set's own step timing, before the rules
// run, so each count is written once, in the data: the standstill of the
// regime that governs the plan (only for a process that has one) and the
// latest date for each stage, planning back from the service start.
import { isFactName, type FactName } from '../plan/fact-catalogue.js';
import type { FactFormula, Facts } from '../plan/facts.js';
import { backwardDates, definingSteps } from './backward.js';
import type { RuleSet } from './rule-set.js';
import type { StepDefinition } from './rule-schema.js';
import { decidingFacts, truth, type FactSource } from './three-valued.js';
import { stepDate, type Calendars } from './timing.js';
import { daysBetween } from '../plan/dates.js';

/** Standstill dates, each only for the regime whose step it is. */
const STANDSTILL_FACTS = [
  ['psr', 'psrRepresentationsDeadline', 'psr.standstill-representations'],
  ['psr', 'psrEarliestContractDate', 'psr.standstill-end'],
  ['pcr2015', 'pcrEarliestContractDate', 'pcr2015.standstill-end'],
  ['pa2023', 'paEarliestContractDate', 'pa2023.standstill-end'],
] as const;

/** The standstill dates a report shows: none for a process that has no standstill. */
export function standstillFacts(facts: Facts): Partial<Facts> {
  const shown: Partial<Facts> = {};
  for (const [, fact] of STANDSTILL_FACTS) shown[fact] = facts.standstillApplies === false ? null : facts[fact];
  return shown;
}

/** Facts a step's gate left unknown, with the unknown facts that decide them (for a review to name). */
export type OpenFacts = Map<FactName, string[]>;

/**
 * Fills in the date facts; returns those left open because the plan does not
 * say whether the step exists. `lazy`: the facts are a source that computes the
 * facts the steps define from timetableFormulas when they are read
 * (factSource's ruleSetFormulas), so only the standstill, which says which facts
 * are left open, is worked out now.
 */
export function addTimetableFacts(facts: Facts, ruleSet: RuleSet, calendars: Calendars, param: (id: string) => unknown, lazy = false): OpenFacts {
  const value = (f: string) => (isFactName(f) ? facts[f] : undefined);
  const src: FactSource = { fact: value, param };
  const open: OpenFacts = new Map();
  // Whether the governing regime's standstill applies to this process: the gate of its standstill-end step.
  const standstill = typeof facts.regime === 'string' ? ruleSet.steps.get(`${facts.regime}.standstill-end`) : undefined;
  const gate = standstill?.appliesWhen;
  const applies = facts.regime === null ? null : !standstill ? false : gate ? truth(gate, src) : true;
  facts.standstillApplies = applies;
  if (applies === null && gate) open.set('standstillApplies', [...decidingFacts(gate, src)]);
  for (const [regime, fact, stepId] of STANDSTILL_FACTS) {
    const step = ruleSet.steps.get(stepId);
    // Computed for every process of the regime, since a rule may ask whether an exempt process kept to it (e.g. whether a voluntary standstill would have been kept);
    // the report shows it only where the process has a standstill (standstillFacts).
    const due = step && facts.regime === regime ? stepDate(step, value, ruleSet.params, calendars) : null;
    facts[fact] = due?.date ?? null;
    // A date the plan gives that the bank-holiday data does not reach: no plan field can answer it, so say that.
    if (due && due.date === null && typeof value(step!.timing!.anchor) === 'string') open.set(fact, ['calendarCoversDates']);
  }
  const standstillEnd = STANDSTILL_FACTS.find(([regime, , stepId]) => regime === facts.regime && stepId.endsWith('.standstill-end'));
  facts.earliestContractDate = applies === false ? facts.awardDecision : applies && standstillEnd ? facts[standstillEnd[1]] : null;
  if (standstillEnd && applies && open.has(standstillEnd[1])) open.set('earliestContractDate', ['calendarCoversDates']);
  const stated = facts.statedRepresentationsDeadline;
  facts.statedDeadlineShortBy =
    typeof stated === 'string' && typeof facts.psrRepresentationsDeadline === 'string' ? daysBetween(stated, facts.psrRepresentationsDeadline) : null;
  if (!lazy) for (const [fact, date] of backwardDates(value, ruleSet, calendars)) facts[fact as FactName] = date;
  return open;
}

/** A fact computed from other facts, with every fact it may read (the plan's fact source computes them so when read). */
export type { FactFormula } from '../plan/facts.js';

/** Every fact name a step's definition mentions (its anchor, lengths, gate and the steps it waits for), read conservatively. */
function stepReads(step: StepDefinition | undefined, ruleSet: RuleSet, seen = new Set<string>()): string[] {
  if (!step || seen.has(step.id)) return [];
  seen.add(step.id);
  const out = new Set<string>();
  const walk = (v: unknown, key = ''): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && ['fact', 'anchor', 'amountFact', 'onlyWhen'].includes(key)) out.add(v);
  };
  walk({ timing: step.timing, appliesWhen: step.appliesWhen });
  const until = step.timing?.until?.step;
  if (until) for (const id of [...ruleSet.steps.keys()].filter((id) => until.includes('{regime}') ? id.endsWith(until.replace('{regime}', '')) : id === until)) for (const f of stepReads(ruleSet.steps.get(id), ruleSet, seen)) out.add(f);
  return [...out, 'regime'];
}

/**
 * The date facts the rule set's steps define, each as a function of the other
 * facts (what addTimetableFacts computes), with the facts it reads: for the
 * engine to compute again for a plan with one of the authority's acts tried
 * another way (a later award decision moves the end of its standstill),
 * without deriving the rest of the plan.
 */
export function timetableFormulas(ruleSet: RuleSet, calendars: Calendars): Map<string, FactFormula> {
  const out = new Map<string, FactFormula>();
  const lookup = (id: string) => ruleSet.steps.get(id);
  for (const [regime, fact, stepId] of STANDSTILL_FACTS) {
    const step = ruleSet.steps.get(stepId);
    out.set(fact, { reads: stepReads(step, ruleSet), compute: (get) => (step && get('regime') === regime ? stepDate(step, get, ruleSet.params, calendars).date : null) });
  }
  out.set('earliestContractDate', {
    reads: ['standstillApplies', 'regime', 'awardDecision', ...STANDSTILL_FACTS.map(([, f]) => f)],
    compute: (get) => {
      const applies = get('standstillApplies');
      const end = STANDSTILL_FACTS.find(([regime, , stepId]) => regime === get('regime') && stepId.endsWith('.standstill-end'));
      return applies === false ? get('awardDecision') : applies && end ? get(end[1]) : null;
    },
  });
  out.set('statedDeadlineShortBy', {
    reads: ['statedRepresentationsDeadline', 'psrRepresentationsDeadline'],
    compute: (get) => {
      const stated = get('statedRepresentationsDeadline');
      const last = get('psrRepresentationsDeadline');
      return typeof stated === 'string' && typeof last === 'string' ? daysBetween(stated, last) : null;
    },
  });
  for (const step of definingSteps(ruleSet))
    out.set(step.defines!, { reads: stepReads(step, ruleSet), compute: (get) => stepDate(step, get, ruleSet.params, calendars, lookup).date });
  return out;
}
