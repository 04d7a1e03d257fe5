// The question pages' journey: the main parts of the plan, then the pages
// of the route the officer chose, each page and each question only when
// the answers so far make it relevant. Which page comes next, after a page
// and after a change from "Check your answers", and which answers a change
// makes irrelevant.
import type { FieldSpec, SectionSpec } from './form-types.js';
import type { PlanSoFar } from './answers-so-far.js';
import type { QuestionPage } from './route-questions/index.js';
import { getAt, withoutFields } from './form-values.js';

/** The pages for the answers so far, each with only its relevant questions, and its "why we ask" in words. */
export function journey(pages: readonly QuestionPage[], plan: PlanSoFar): SectionSpec[] {
  return pages.flatMap((page) => {
    if (page.when && !page.when(plan)) return [];
    const fields = page.fields
      .filter((f) => !f.when || f.when(plan))
      .map(({ when: _when, why, ...f }): FieldSpec => (why === undefined ? f : { ...f, why: typeof why === 'function' ? why(plan) : why }));
    return fields.length ? [{ id: page.id, title: page.title, ...(page.hint ? { hint: page.hint } : {}), fields }] : [];
  });
}

/** The page after `current` on the journey the answers now make, or null at the end. */
export function nextPage(pages: readonly QuestionPage[], current: string, plan: PlanSoFar): SectionSpec | null {
  const now = journey(pages, plan);
  return now[now.findIndex((s) => s.id === current) + 1] ?? null;
}

/**
 * After a change made from "Check your answers": the pages the change made
 * newly relevant, or gave new questions, with those still waiting from
 * before, in journey order. The officer goes through just these, then back
 * to "Check your answers".
 */
export function pagesStillToAnswer(pages: readonly QuestionPage[], before: PlanSoFar, after: PlanSoFar, waiting: readonly string[]): string[] {
  const had = new Map(journey(pages, before).map((s) => [s.id, new Set(s.fields.map((f) => f.name))]));
  return journey(pages, after)
    .filter((s) => !had.has(s.id) || s.fields.some((f) => !had.get(s.id)!.has(f.name)) || waiting.includes(s.id))
    .map((s) => s.id);
}

/**
 * The plan without the answers to questions an answer has just made
 * irrelevant (a route given up takes its questions' answers with it), so
 * the plan checked is the one "Check your answers" shows. Answers the
 * journey never asked, such as fields kept from an uploaded plan, stay.
 */
export function withoutDroppedAnswers(pages: readonly QuestionPage[], before: PlanSoFar, after: PlanSoFar): PlanSoFar {
  const names = (plan: PlanSoFar) => new Set(journey(pages, plan).flatMap((s) => s.fields.map((f) => f.name)));
  const still = names(after);
  const dropped = [...names(before)].filter((n) => !still.has(n));
  // A choice the route no longer offers (a ground of the other regime) is dropped too.
  const offered = journey(pages, after).flatMap((s) => s.fields).filter((f) => f.kind === 'radios' && f.options);
  for (const f of offered) {
    const v = getAt(after, f.name);
    if (typeof v === 'string' && !f.options!.some((o) => o.value === v)) dropped.push(f.name);
  }
  return dropped.length ? withoutFields(after, dropped) : after;
}
