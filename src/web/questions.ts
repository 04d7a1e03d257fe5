// The plan as GOV.UK question pages: one part of the plan a page, with a back
// link; only the parts the earlier answers make relevant (the PSR's process
// questions for the PSR, the change's for a change); then "Check your
// answers" with a change link for each. No JavaScript and nothing kept on the
// server: the answers so far travel with each page (a hidden field, or the
// link's compressed plan).
import { html, type Html } from '../report/html.js';
import { formatValue } from '../report/format.js';
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import type { FieldSpec, SectionSpec } from './form-types.js';
import { formToPlan, planToForm, type FormError, type FormValues } from './form-values.js';
import { issuesToFormErrors } from './field-errors.js';
import { encodePlan } from './permalink.js';
import { errorSummary, field, summaryErrors } from './components.js';
import { layout, type PageMeta } from './pages.js';

type Json = Record<string, unknown>;

const PSR_PROCESSES = ['direct-award-a', 'direct-award-b', 'direct-award-c', 'most-suitable-provider', 'competitive', 'urgent-award'];
const CHANGES = ['extension', 'modification', 'urgent-modification'];

/** Which optional parts of the plan the answers so far make relevant, each with why. */
const RELEVANT: Record<string, (plan: Json) => boolean> = {
  'more-directAward': (p) => psr(p) && PSR_PROCESSES.includes(process(p)),
  'more-governance': (p) => psr(p) && (PSR_PROCESSES.includes(process(p)) || CHANGES.includes(process(p))),
  'more-intentionNotice': (p) => psr(p) && ['direct-award-c', 'most-suitable-provider', 'competitive'].includes(process(p)),
  'more-change': (p) => CHANGES.includes(process(p)),
  'more-urgency': (p) => ['urgent-award', 'urgent-modification'].includes(process(p)) || ground(p) === 'extreme-urgency',
  'more-justification': (p) => ['negotiated-without-prior-publication', 'direct-award'].includes(process(p)),
  'more-frameworkAgreement': (p) => process(p) === 'framework-call-off',
};
const route = (p: Json) => (p.route ?? {}) as { regime?: string; process?: string };
const process = (p: Json) => route(p).process ?? '';
const psr = (p: Json) => ['psr', 'auto', undefined].includes(route(p).regime);
const ground = (p: Json) => ((p.justification ?? {}) as { ground?: string }).ground;

/** The pages of the journey for the answers so far: every main part, then the optional parts they make relevant. */
export function journey(sections: readonly SectionSpec[], plan: Json): SectionSpec[] {
  return sections.filter((s) => !s.optional || RELEVANT[s.id]?.(plan));
}

/** A link that carries the answers so far. */
export const pageHref = (id: string, plan: Json) => {
  const code = encodePlan(plan);
  return code ? `/questions/${id}?plan=${code}` : `/questions/${id}`;
};

/** One part of the plan, on its own page, with a back link and the answers so far in a hidden field. */
export function questionPage(meta: PageMeta, p: { sections: readonly SectionSpec[]; section: SectionSpec; plan: Json; values: FormValues; errors: FormError[] }): string {
  const pages = journey(p.sections, p.plan);
  const at = pages.findIndex((s) => s.id === p.section.id);
  const back = at > 0 ? pageHref(pages[at - 1]!.id, p.plan) : '/';
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
export function answerPage(section: SectionSpec, values: FormValues, plan: Json): { plan: Json; errors: FormError[] } {
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

/** The page after this one on the journey the answers now make, or null at the end. */
export function nextPage(sections: readonly SectionSpec[], current: string, plan: Json): SectionSpec | null {
  const pages = journey(sections, plan);
  const at = pages.findIndex((s) => s.id === current);
  return pages[at + 1] ?? null;
}

/** An answer in words: an option's label, a date written out, yes or no, "Not known". */
function answerInWords(f: FieldSpec, values: FormValues): string | null {
  const v = values[f.name];
  if (f.kind === 'date') {
    const [d, m, y] = ['day', 'month', 'year'].map((x) => values[`${f.name}-${x}`]);
    if (!d && !m && !y) return null;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return formatValue(iso, 'date');
  }
  const list = [v].flat().filter((x): x is string => typeof x === 'string' && x !== '');
  if (!list.length) return null;
  if (f.kind === 'yes-no') return list[0] === 'yes' ? 'Yes' : list[0] === 'no' ? 'No' : 'Not known';
  if (f.options) return list.map((x) => f.options!.find((o) => o.value === x)?.label ?? x).join(', ');
  if (f.kind === 'number' && /^\d+(\.\d+)?$/.test(list[0]!) && f.prefix === '£') return formatValue(Number(list[0]), 'gbp');
  return list.join(', ');
}

/** "Check your answers": each part's answers, with a link to change them, and what the plan format still needs, by part. */
export function checkAnswersPage(meta: PageMeta, p: { sections: readonly SectionSpec[]; plan: Json; problems: { section: SectionSpec; errors: FormError[] }[] }): string {
  const pages = journey(p.sections, p.plan);
  const values = planToForm(pages.flatMap((s) => s.fields), p.plan);
  const row = (s: SectionSpec, f: FieldSpec): Html => {
    const a = answerInWords(f, values);
    return html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${f.label}</dt><dd class="govuk-summary-list__value">${a ?? html`<span class="govuk-hint">Not answered</span>`}</dd><dd class="govuk-summary-list__actions"><a class="govuk-link" href="${pageHref(s.id, p.plan)}">Change<span class="govuk-visually-hidden"> ${f.label.toLowerCase()}</span></a></dd></div>`;
  };
  const summary = p.problems.flatMap(({ section, errors }) => errors.map((e) => ({ href: pageHref(section.id, p.plan), message: e.message })));
  const body = html`<a href="${pages.length ? pageHref(pages.at(-1)!.id, p.plan) : '/'}" class="govuk-back-link">Back</a>
${errorSummary(summary)}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Check your answers</h1>
${pages.map(
  (s) => html`<h2 class="govuk-heading-m">${s.title}</h2>
<dl class="govuk-summary-list">${s.fields.filter((f) => !s.optional || answerInWords(f, values) !== null).map((f) => row(s, f))}</dl>`,
)}
<form method="post" action="/result" novalidate>
  <input type="hidden" name="plan" value="${JSON.stringify(p.plan)}">
  <button type="submit" class="govuk-button" data-module="govuk-button"${summary.length ? html` disabled aria-disabled="true"` : ''}>Check the plan</button>
</form>
</div></div>`;
  return layout('Check your answers', meta, body, summary.length > 0);
}

/** The problems the plan format finds, part by part, for "Check your answers". */
export function problemsByPart(sections: readonly SectionSpec[], plan: Json): { section: SectionSpec; errors: FormError[] }[] {
  try {
    parsePlan(plan);
    return [];
  } catch (e) {
    if (!(e instanceof PlanValidationError)) throw e;
    return journey(sections, plan)
      .map((section) => ({ section, errors: issuesToFormErrors(section.fields, e.issues).errors }))
      .filter((p) => p.errors.length);
  }
}
