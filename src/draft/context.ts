// What every section is written from: each decision's plan, check and
// options appraisal, and the drafting options. Sections say what these hold;
// none of them judges anything again.
import type { Plan } from '../plan/schema.js';
import type { Report } from '../report/schema.js';
import type { OptionsReport } from '../options/schema.js';
import type { RuleSet } from '../engine/rule-set.js';
import type { DraftBlock, DraftTrace } from './schema.js';

export interface DecisionContext {
  index: number;
  /** The plan as given: what the appendix lists and a plan trace points into. */
  input: unknown;
  /** The plan as validated (defaults filled). */
  plan: Plan;
  report: Report;
  options: OptionsReport | null;
}

export interface DraftContext {
  decisions: DecisionContext[];
  /** ISO date the draft is made: the timetable runs from it. */
  today: string;
  delegate: string | null;
  decisionMaker: string | null;
  ruleSet: RuleSet;
}

/** A trace of a decision. */
export const trace = (d: DecisionContext, kind: DraftTrace['kind'], ref: string, lot?: string): DraftTrace => ({
  kind,
  ref,
  decision: d.index,
  ...(lot ? { lot } : {}),
});

/** The verdict of the decision's own route: what a sentence about it is checked against. */
export const verdictTrace = (d: DecisionContext): DraftTrace => trace(d, 'verdict', d.report.verdict);

/** Blocks of one section for each decision, under the plan's title where there are several. */
export type SectionWriter = (d: DecisionContext, ctx: DraftContext, number: Numberer) => DraftBlock[];

/** Numbers paragraphs as a report does: "3.1", "3.2", ... within a section. */
export class Numberer {
  private n = 0;
  constructor(readonly section: number | null) {}
  next(): string | null {
    if (this.section === null) return null;
    this.n += 1;
    return `${this.section}.${this.n}`;
  }
}
