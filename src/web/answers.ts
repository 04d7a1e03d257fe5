// Answer in place: the report's open questions as a form on the result page.
// Each question is asked in the report's own words, with its "why we ask"
// folded under it, and its answer box is built from the answer's JSON Schema
// (yes / no / not known, a choice, a number, a date); the answers go into
// the plan at each question's plan path through applyAnswers, as the
// command line's and the API's do (services[].healthCare: every service),
// and the plan is checked again. Nothing is stored: the plan goes with the
// form as a hidden field, as on every other page.
import { html, type Html } from '../report/html.js';
import type { QuestionT } from '../report/schema.js';
import { formatValue } from '../report/format.js';
import { questionsTitle } from '../report/render-html.js';
import { parsePlan, PlanValidationError, type FieldIssue } from '../plan/parse.js';
import { applyAnswers } from '../plan/answers.js';
import type { FieldSpec, Option } from './form-types.js';
import { firstInputId } from './form-spec.js';
import { field } from './components.js';
import { NOT_KNOWN, notKnownBox, parseField, type FormError, type FormValues } from './form-values.js';
import type { SummaryError } from './components.js';
import { shownAs } from '../text/untrusted.js';

type Json = Record<string, unknown>;

/** How the plan form asks a field elsewhere (its option labels, a "£" before it), looked up by its dotted path (services.0.healthCare). */
export type FieldLookup = (path: string) => Pick<FieldSpec, 'kind' | 'options' | 'prefix' | 'suffix' | 'width'> | undefined;

/** A lookup over the plan form's own fields, the first holding a path winning. */
export const lookupIn =
  (fields: readonly Pick<FieldSpec, 'name' | 'kind' | 'options' | 'prefix' | 'suffix' | 'width'>[]): FieldLookup =>
  (path) =>
    fields.find((f) => f.name === path);

/** A question's plan path as the form writes it: the first field of "a and b", the lots' own field without "lots[].". */
export const answerPath = (q: QuestionT): string | null => (q.planPath ? q.planPath.split(/\s+and\s+/)[0]!.trim() : null);

/** The plan form's dotted path for a report's path: services[].healthCare -> services.0.healthCare. */
const formPath = (path: string) => path.replace(/^lots\[\]\./, '').replace(/\[\]/g, '.0');

const types = (schema: Json): string[] => [schema.type].flat().filter((t): t is string => typeof t === 'string' && t !== 'null');

/** "extreme-urgency" -> "Extreme urgency", for a choice the plan form has no label for. */
const words = (value: string) => (value.charAt(0).toUpperCase() + value.slice(1)).replace(/-/g, ' ');

/** A choice of more than this many is a select; fewer, radios. */
const MOST_RADIOS = 6;

/**
 * The answer box for a question, from its answer's JSON Schema, or null for
 * one the form cannot take (no plan field to put it in). Its label is the
 * question; its "why we ask" the report's.
 */
export function answerField(q: QuestionT, lookup: FieldLookup, notKnown = true): FieldSpec | null {
  const f = box(q, lookup, notKnown);
  // A lot's question says which lot it is asked of.
  return f && q.lot ? { ...f, hint: `About lot ${q.lot}.${f.hint ? ` ${f.hint}` : ''}` } : f;
}

function box(q: QuestionT, lookup: FieldLookup, notKnown: boolean): FieldSpec | null {
  const name = answerPath(q);
  const kinds = types(q.answer);
  if (!name || !kinds.length) return null;
  const spec = lookup(formPath(name));
  const why = q.why.replace(/\s*Plan field: [^]*$/, '');
  const base = { name, label: q.question, why };
  const values = ((q.answer.enum as unknown[] | undefined) ?? []).filter((v): v is string => typeof v === 'string');
  const labelled = (list: readonly string[]): Option[] => list.map((v) => ({ value: v, label: spec?.options?.find((o) => o.value === v)?.label ?? words(v) }));
  if (kinds.includes('array')) {
    const items = (q.answer.items ?? {}) as Json;
    const choices = ((items.enum as unknown[] | undefined) ?? []).filter((v): v is string => typeof v === 'string');
    if (spec?.kind === 'checkboxes' && spec.options) return { ...base, kind: 'checkboxes', options: spec.options, hint: 'Select all that apply.' };
    if (choices.length) return { ...base, kind: 'checkboxes', options: labelled(choices), hint: 'Select all that apply.' };
    return { ...base, kind: 'list', hint: 'Separate entries with spaces. Leave it blank if you do not know yet.', width: 'govuk-input--width-20' };
  }
  if (values.length) {
    // Not known is the plan's null; an enum with its own "unknown" says it itself.
    const own = values.includes(NOT_KNOWN);
    if (values.length <= MOST_RADIOS) return { ...base, kind: 'radios', options: labelled(values), notKnown: notKnown && !own };
    return { ...base, kind: 'select', options: [{ value: '', label: 'Choose one' }, ...labelled(values), ...(own || !notKnown ? [] : [{ value: NOT_KNOWN, label: 'Not known' }])] };
  }
  // Not known is offered where the plan may leave the field unknown; a field it must state (value.vatIncluded) is yes or no.
  if (kinds.includes('boolean')) return { ...base, kind: 'yes-no', ...(notKnown ? {} : { notKnown: false }) };
  if (q.answer.format === 'date') return { ...base, kind: 'date', notKnown, hint: 'For example, 27 3 2026.' };
  if (kinds.includes('integer') || kinds.includes('number')) {
    const kind = kinds.includes('number') ? 'number' : 'integer';
    return { ...base, kind, prefix: spec?.prefix, suffix: spec?.suffix, width: spec?.width ?? 'govuk-input--width-10', hint: 'Leave it blank if you do not know yet.' };
  }
  return { ...base, kind: 'text', hint: 'Leave it blank if you do not know yet.' };
}

/** An answer given: the question, its answer in words, and what goes into the plan. */
export interface Answer {
  question: QuestionT;
  path: string;
  value: unknown;
  words: string;
}

function inWords(f: FieldSpec, value: unknown): string {
  if (value === null) return 'Not known';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (Array.isArray(value)) return value.length ? value.map((v) => f.options?.find((o) => o.value === v)?.label ?? shownAs(v)).join(', ') : 'None';
  if (f.kind === 'date') return formatValue(value, 'date');
  if (typeof value === 'number') return f.prefix === '£' ? formatValue(value, 'gbp') : f.suffix === 'months' ? formatValue(value, 'months') : value.toLocaleString('en-GB');
  return f.options?.find((o) => o.value === value)?.label ?? shownAs(value);
}

/** The error messages name the question they are about, so the error summary says which. */
const about = (q: QuestionT) => `The answer to "${q.question}"`;

/** One question's answer from the form: the value for the plan (null: not known), none given, or the problem with it. */
function readAnswer(f: FieldSpec, q: QuestionT, values: FormValues): { value?: unknown; error?: string } {
  const parsed = parseField({ ...f, label: about(q) }, values);
  if (parsed.error !== undefined) return parsed;
  const raw = values[f.name];
  if (f.kind === 'select' && raw === NOT_KNOWN) return { value: null };
  if (f.kind === 'date' && parsed.value === undefined && typeof values[notKnownBox(f)] === 'string' && values[notKnownBox(f)] !== '') return { value: null };
  return parsed;
}

/** Whether the plan may leave a question's field unknown: "Not known" (null) is refused where the plan must state it. */
export function mayBeNotKnown(plan: unknown, q: QuestionT): boolean {
  if (!q.planPath) return false;
  try {
    applyAnswers(plan, [{ planPath: q.planPath, value: null }]);
    return true;
  } catch (e) {
    if (e instanceof PlanValidationError) return false;
    throw e;
  }
}

/** Each question the form can take, with its box. */
const boxesFor = (questions: readonly QuestionT[], plan: unknown, lookup: FieldLookup) =>
  questions.flatMap((q) => {
    const f = answerField(q, lookup, mayBeNotKnown(plan, q));
    return f ? [{ q, f }] : [];
  });

/** Does a plan format issue's path fall under a report's plan path (services.0.healthCare under services[].healthCare)? */
const under = (issuePath: string, path: string): boolean => {
  const escape = (k: string) => k.replace(/[$()*+.?^{}|[\]\\]/g, '\\$&');
  const pattern = path
    .split('.')
    .map((k) => (k.endsWith('[]') ? `${escape(k.slice(0, -2))}\\.\\d+` : escape(k)))
    .join('\\.');
  return new RegExp(`^${pattern}(\\.|$)`).test(issuePath);
};

export interface AnswersRead {
  /** The plan with the answers in place (the plan as it was when there are errors). */
  plan: Json;
  answers: Answer[];
  errors: FormError[];
  /** Problems with the plan the answers make that no question's box accounts for. */
  other: FieldIssue[];
}

/** A problem with an answer, said of its question ("the answer must be a number, or null for not known" is the API's way of saying it). */
function saying(q: QuestionT, message: string): string {
  const m = message.replace(/^the answer /, '').replace(/,? or null for not known$/, '');
  return /^(must|is|should|cannot|has) /.test(m) ? `${about(q)} ${m}` : `${about(q)}: ${m}`;
}

/**
 * The posted answers into the plan: each question's answer at its plan path
 * (applyAnswers), with the form's own problems (a number that is not one,
 * half a date) and those applyAnswers and the plan format find, each by its
 * question's box. A form with no answer at all is a problem too: there would
 * be nothing to check again.
 */
export function readAnswers(questions: readonly QuestionT[], values: FormValues, plan: Json, lookup: FieldLookup): AnswersRead {
  const answers: Answer[] = [];
  const errors: FormError[] = [];
  const asked = boxesFor(questions, plan, lookup);
  for (const { q, f } of asked) {
    const { value, error } = readAnswer(f, q, values);
    if (error !== undefined) errors.push({ field: f.name, message: error });
    else if (value !== undefined) answers.push({ question: q, path: f.name, value, words: inWords(f, value) });
  }
  if (!errors.length && !answers.length && asked.length) errors.push({ field: asked[0]!.f.name, message: 'Answer at least one question, or select "Not known"' });
  if (errors.length) return { plan, answers: [], errors, other: [] };
  const other: FieldIssue[] = [];
  let merged: Json = plan;
  try {
    merged = applyAnswers(plan, answers.map((a) => ({ planPath: a.question.planPath!, value: a.value }))) as Json;
    parsePlan(merged);
  } catch (e) {
    if (!(e instanceof PlanValidationError)) throw e;
    for (const issue of e.issues) {
      // applyAnswers names an answer by its question's planPath; the plan format, by the field (services.0.healthCare).
      const hit = answers.find((a) => a.question.planPath === issue.path) ?? answers.find((a) => under(issue.path, a.path));
      if (!hit) other.push(issue);
      else if (!errors.some((x) => x.field === hit.path)) errors.push({ field: hit.path, message: saying(hit.question, issue.message) });
    }
    return { plan, answers: [], errors, other };
  }
  return { plan: merged, answers, errors: [], other: [] };
}

/** The error summary's links for the answers form: each to its question's box; the rest to the form. */
export function answerSummary(questions: readonly QuestionT[], errors: readonly FormError[], other: readonly FieldIssue[], lookup: FieldLookup): SummaryError[] {
  const fields = questions.flatMap((q) => answerField(q, lookup) ?? []);
  // (A box's first input is the same whether or not it offers "Not known".)
  return [
    ...errors.map((e) => {
      const f = fields.find((x) => x.name === e.field);
      return { href: `#${f ? firstInputId(f) : 'answers'}`, message: e.message };
    }),
    ...other.map((i) => ({ href: '#answers', message: `With your answers, the plan's ${i.path || 'format'} ${/^(must|is|should) /.test(i.message) ? i.message : `has a problem: ${i.message}`}` })),
  ];
}

/**
 * "Answer N questions to decide": the form on the result page. Each question
 * is the label or legend of its box, with "Why we ask" folded under it; the
 * plan goes with the form, and the answers are merged into it and checked
 * again (POST /answers).
 */
export function answersForm(p: { questions: readonly QuestionT[]; plan: unknown; values?: FormValues; errors?: readonly FormError[]; lookup: FieldLookup }): Html {
  const errorOf = (name: string) => p.errors?.find((e) => e.field === name)?.message;
  const values = p.values ?? {};
  const boxes = p.questions.map((q) => {
    const f = answerField(q, p.lookup, mayBeNotKnown(p.plan, q));
    if (f) return field(f, values, errorOf(f.name));
    return html`<div class="govuk-form-group"><p class="govuk-body govuk-!-font-weight-bold">${q.question}</p><p class="govuk-hint">This one cannot be answered here: change the plan to answer it.</p></div>`;
  });
  const n = p.questions.length;
  return html`<div class="procheck-answers" id="answers">
<h3 class="govuk-heading-m" id="questions">${questionsTitle(n)}</h3>
<p class="govuk-body">${n === 1 ? 'The answer goes' : 'Each answer goes'} into the plan, and the plan is checked again with ${n === 1 ? 'it' : 'them'}. Leave a question blank to keep it open. Nothing is stored.</p>
<form method="post" action="/answers" novalidate>
  <input type="hidden" name="plan" value="${JSON.stringify(p.plan)}">
  ${boxes}
  <button type="submit" class="govuk-button" data-module="govuk-button">Check again with ${n === 1 ? 'this answer' : 'these answers'}</button>
</form>
</div>`;
}

/** After answering: what was answered, in words, so the officer sees what changed in the plan. */
export function answeredBanner(answers: readonly Pick<Answer, 'question' | 'words'>[]): Html {
  if (!answers.length) return html``;
  return html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="answered-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="answered-title">Checked again</h2></div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">The plan was checked again with your ${answers.length === 1 ? 'answer' : `${answers.length} answers`}:</p>
    <ul class="govuk-list govuk-list--bullet">${answers.map((a) => html`<li>${a.question.question} <strong>${a.words}</strong></li>`)}</ul>
  </div>
</div>`;
}
