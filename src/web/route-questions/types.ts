// A question page of a route: asked only when the officer's answers so far
// make it relevant, each question only when they make it relevant, and each
// with why it is asked.
import type { FieldSpec } from '../form-types.js';
import type { PlanSoFar } from '../answers-so-far.js';
import type { ParamTable } from '../../law/params.js';
import { formatValue, type Format } from '../../report/format.js';

export type When = (plan: PlanSoFar) => boolean;

export interface QuestionField extends Omit<FieldSpec, 'why'> {
  /** Why we ask; a function where the law cited depends on the rules the plan follows. */
  why?: string | ((plan: PlanSoFar) => string);
  /** Asked only when this holds of the answers so far (default: always, on its page). */
  when?: When;
}

export interface QuestionPage {
  id: string;
  title: string;
  hint?: string;
  /** The page is on the journey only when this holds (default: always). */
  when?: When;
  fields: QuestionField[];
}

/** A dated parameter of the rule set in words ("£500,000", "8"), so a "why we ask" says the law's number as the rules hold it. */
export const paramText = (params: ParamTable, id: string, format: Format = 'text'): string => formatValue(params.latest(id), format);

/** Yes, No and Not known. */
export const yesNo = (f: Omit<QuestionField, 'kind'>): QuestionField => ({ ...f, kind: 'yes-no' });

/** 8 -> "8th", 21 -> "21st". */
export const ordinal = (n: number): string => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
};
