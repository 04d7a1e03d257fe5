// The plan as GOV.UK question pages: one part of the plan a page, with a back
// link; the route's own pages once the route is chosen; then "Check your
// answers" with a change link for each, which comes back to "Check your
// answers" (through any page the change makes newly relevant). No JavaScript
// and nothing kept on the server: the answers so far travel with each page
// (a hidden field, or the link's compressed plan). Which pages and questions
// the answers make relevant: journey.ts.
import { html, type Html } from '../report/html.js';
import { formatValue } from '../report/format.js';
import { isCivilDate } from '../calendar/civil-date.js';
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import type { FieldSpec, SectionSpec } from './form-types.js';
import { formToPlan, NOT_KNOWN, notKnownBox, planToForm, type FormError, type FormValues } from './form-values.js';
import { issuesToFormErrors } from './field-errors.js';
import { encodePlan } from './permalink.js';
import { errorSummary, field, summaryErrors } from './components.js';
import { layout, type PageMeta } from './pages.js';
import { journey } from './journey.js';
import type { QuestionPage } from './route-questions/index.js';
import type { PlanSoFar } from './answers-so-far.js';

/** Where a page was reached from a change link: back to "Check your answers" after it and the pages still waiting. */
export interface Changing {
  waiting: readonly string[];
}

/** A link that carries the answers so far; a change link also says to come back to "Check your answers". */
export const pageHref = (id: string, plan: PlanSoFar, changing?: Changing) => {
  const code = encodePlan(plan);
  const query = [code ? `plan=${code}` : '', changing ? `change=${changing.waiting.join(',')}` : ''].filter(Boolean).join('&');
  return query ? `/questions/${id}?${query}` : `/questions/${id}`;
};

/** One part of the plan, on its own page, with a back link and the answers so far in a hidden field. */
export function questionPage(
  meta: PageMeta,
  p: { pages: readonly QuestionPage[]; section: SectionSpec; plan: PlanSoFar; values: FormValues; errors: FormError[]; changing?: Changing },
): string {
  const pages = journey(p.pages, p.plan);
  const at = pages.findIndex((s) => s.id === p.section.id);
  const back = p.changing ? pageHref('check', p.plan) : at > 0 ? pageHref(pages[at - 1]!.id, p.plan) : '/';
  const errorOf = (name: string) => p.errors.find((e) => e.field === name)?.message;
  const summary = summaryErrors(p.section.fields, p.errors);
  const body = html`<a href="${back}" class="govuk-back-link">Back</a>
${errorSummary(summary)}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">Part ${at + 1} of ${pages.length}</span>
<h1 class="govuk-heading-l">${p.section.title}</h1>
${p.section.hint ? html`<p class="govuk-hint">${p.section.hint}</p>` : ''}
<form method="post" action="/questions/${p.section.id}" novalidate>
  <input type="hidden" name="plan" value="${JSON.stringify(p.plan)}">
  ${p.changing ? html`<input type="hidden" name="returnTo" value="check"><input type="hidden" name="waiting" value="${p.changing.waiting.join(',')}">` : ''}
  ${p.section.fields.map((f) => field(f, p.values, errorOf(f.name)))}
  <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
</form>
<p class="govuk-body"><a class="govuk-link" href="/plan">All the questions on one page</a></p>
</div></div>`;
  return layout(p.section.title, meta, body, summary.length > 0);
}

/**
 * A page's answers into the plan: the plan with this part's answers in
 * place, and the problems with them (the form's own, and the plan format's
 * on this part's fields; the rest wait for "Check your answers").
 */
export function answerPage(section: SectionSpec, values: FormValues, plan: PlanSoFar): { plan: PlanSoFar; errors: FormError[] } {
  const { plan: next, errors } = formToPlan(section.fields, values, plan);
  let issues: FormError[] = [];
  try {
    parsePlan(next);
  } catch (e) {
    if (!(e instanceof PlanValidationError)) throw e;
    issues = issuesToFormErrors(section.fields, e.issues).errors;
  }
  return { plan: next, errors: [...errors, ...issues.filter((i) => !errors.some((x) => x.field === i.field))] };
}

/** An answer in words: an option's label, a date written out, yes or no, "Not known". */
function answerInWords(f: FieldSpec, values: FormValues): string | null {
  const v = values[f.name];
  if (f.kind === 'date') {
    const [d, m, y] = ['day', 'month', 'year'].map((x) => values[`${f.name}-${x}`]);
    if (!d && !m && !y) return values[notKnownBox(f)] ? 'Not known yet' : null;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    // A date that is not one (a plan link's "", or 31 February) is shown as typed; the page's error says what is wrong.
    return isCivilDate(iso) ? formatValue(iso, 'date') : [d, m, y].map((x) => (typeof x === 'string' ? x : '')).join('/');
  }
  const list = [v].flat().filter((x): x is string => typeof x === 'string' && x !== '');
  if (!list.length) return null;
  if (f.kind === 'yes-no') return list[0] === 'yes' ? 'Yes' : list[0] === 'no' ? 'No' : 'Not known';
  if (f.kind === 'radios' && f.notKnown && list[0] === NOT_KNOWN) return 'Not known yet';
  if (f.options) return list.map((x) => f.options!.find((o) => o.value === x)?.label ?? x).join(', ');
  if ((f.kind === 'number' || f.kind === 'integer') && /^-?\d+(\.\d+)?$/.test(list[0]!)) {
    if (f.prefix === '£') return formatValue(Number(list[0]), 'gbp');
    if (f.suffix === 'months') return formatValue(Number(list[0]), 'months');
  }
  return list.join(', ');
}

/** "Check your answers": each part's answers, with a link to change them, and what the plan format still needs, by part. */
export function checkAnswersPage(meta: PageMeta, p: { pages: readonly QuestionPage[]; plan: PlanSoFar; problems: { section: SectionSpec; errors: FormError[] }[] }): string {
  const pages = journey(p.pages, p.plan);
  const values = planToForm(pages.flatMap((s) => s.fields), p.plan);
  const change = { waiting: [] };
  const row = (s: SectionSpec, f: FieldSpec): Html => {
    const a = answerInWords(f, values);
    return html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${f.label}</dt><dd class="govuk-summary-list__value">${a ?? html`<span class="govuk-hint">Not answered</span>`}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="${pageHref(s.id, p.plan, change)}">Change<span class="govuk-visually-hidden"> ${f.label.toLowerCase()}</span></a></dd></div>`;
  };
  const summary = p.problems.flatMap(({ section, errors }) => errors.map((e) => ({ href: pageHref(section.id, p.plan, change), message: e.message })));
  const body = html`<a href="${pages.length ? pageHref(pages.at(-1)!.id, p.plan) : '/'}" class="govuk-back-link">Back</a>
${errorSummary(summary)}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Check your answers</h1>
${pages.map(
  (s) => html`<h2 class="govuk-heading-m">${s.title}</h2>
<dl class="govuk-summary-list">${s.fields.map((f) => row(s, f))}</dl>`,
)}
<form method="post" action="/result" novalidate>
  <input type="hidden" name="plan" value="${JSON.stringify(p.plan)}">
  <button type="submit" class="govuk-button" data-module="govuk-button"${summary.length ? html` disabled aria-disabled="true"` : ''}>Check the plan</button>
</form>
</div></div>`;
  return layout('Check your answers', meta, body, summary.length > 0);
}

/** The problems the plan format finds, part by part, for "Check your answers". */
export function problemsByPart(pages: readonly QuestionPage[], plan: PlanSoFar): { section: SectionSpec; errors: FormError[] }[] {
  try {
    parsePlan(plan);
    return [];
  } catch (e) {
    if (!(e instanceof PlanValidationError)) throw e;
    return journey(pages, plan)
      .map((section) => ({ section, errors: issuesToFormErrors(section.fields, e.issues).errors }))
      .filter((p) => p.errors.length);
  }
}
