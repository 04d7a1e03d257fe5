// Every route's question pages, in the order they are asked after the
// main parts of the plan.
import type { ParamTable } from '../../law/params.js';
import { changePages } from './change.js';
import { frameworkPages } from './framework.js';
import { psrPages } from './psr.js';
import type { QuestionPage } from './types.js';
import { withoutCompetitionPages } from './without-competition.js';

export type { QuestionField, QuestionPage, When } from './types.js';

export function routePages(params: ParamTable): QuestionPage[] {
  return [...psrPages(params), ...withoutCompetitionPages(params), ...frameworkPages(), ...changePages()];
}
