// Date facts computed from the rule set's own step timing, before the rules
// run, so each count is written once, in the data: the standstill of the
// regime that governs the plan (only for a process that has one) and the
// latest date for each stage, planning back from the service start.
import { isFactName, type FactName } from '../plan/fact-catalogue.js';
import type { Facts } from '../plan/facts.js';
import { backwardDates } from './backward.js';
import type { RuleSet } from './rule-set.js';
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

/** Fills in the date facts; returns those left open because the plan does not say whether the step exists. */
export function addTimetableFacts(facts: Facts, ruleSet: RuleSet, calendars: Calendars, param: (id: string) => unknown): OpenFacts {
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
  for (const [fact, date] of backwardDates(value, ruleSet, calendars)) facts[fact as FactName] = date;
  return open;
}
