// The web pages: the GOV.UK page template, the start page, the plan form and
// the result page. Markup only: each page gets what it shows.
import { html, type Html } from '../report/html.js';
import type { Report } from '../report/schema.js';
import type { OptionsReport } from '../options/schema.js';
import { optionsBody } from '../options/render.js';
import { encodePlan } from './permalink.js';
import { reportBody, VERDICT_LABEL } from '../report/render-html.js';
import type { FieldIssue } from '../plan/parse.js';
import { answeredBanner, answersForm, answerSummary, type Answer, type FieldLookup } from './answers.js';
import { errorSummary, field, summaryErrors, type SummaryError } from './components.js';
import type { FieldSpec, SectionSpec } from './form-spec.js';
import type { FormError, FormValues } from './form-values.js';

export interface PageMeta {
  procheck: string;
  ruleSetVersion: string;
}

export interface Example {
  id: string;
  title: string;
  plan: unknown;
}

/**
 * procheck is not a GOV.UK service, so the page uses the design system's
 * styles and patterns with the generic header: no crown, crest or GOV.UK
 * Transport typeface, which are for GOV.UK only.
 */
export function layout(title: string, meta: PageMeta, body: Html, hasErrors = false): string {
  return html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${hasErrors ? 'Error: ' : ''}${title} - procheck</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/govuk-frontend.min.css">
<link rel="stylesheet" href="/assets/procheck.css">
</head>
<body class="govuk-template__body">
<script type="module" src="/assets/procheck.mjs"></script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-template__header">
  <div class="govuk-generic-header"><div class="govuk-generic-header__container govuk-width-container">
    <div class="govuk-generic-header__logo"><a href="/" class="govuk-generic-header__homepage-link">procheck</a></div>
  </div></div>
  <section aria-label="Service information" class="govuk-service-navigation"><div class="govuk-width-container"><div class="govuk-service-navigation__container">
    <span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">Check a commissioning plan</a></span>
    <nav aria-label="Menu" class="govuk-service-navigation__wrapper"><ul class="govuk-service-navigation__list">
      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/questions">Fill in a plan</a></li>
      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/#examples">Examples</a></li>
      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/notices">Published notices</a></li>
      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/rules">Rule catalogue</a></li>
      <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/docs">HTTP API</a></li>
    </ul></nav>
  </div></div></section>
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
${body}
</main>
</div>
<footer class="govuk-footer"><div class="govuk-width-container">
  <p class="govuk-body-s">procheck ${meta.procheck}, rule set ${meta.ruleSetVersion}. procheck's findings help an officer check a plan; they are not legal advice.
  Rules: <a class="govuk-footer__link" href="/rules">rule catalogue</a> (<a class="govuk-footer__link" href="/v1/rules">as JSON</a>).</p>
</div></footer>
</body>
</html>
`.value;
}

export function startPage(meta: PageMeta, examples: readonly Example[], uploadError?: SummaryError[]): string {
  const errors = uploadError ?? [];
  const body = html`${errorSummary(errors)}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Check a commissioning plan</h1>
<p class="govuk-body-l">Find out whether a plan to commission a service holds up against procurement law, why, and what must be done next, with dates.</p>
<p class="govuk-body">procheck checks the Provider Selection Regime 2023, the Public Contracts Regulations 2015, the Procurement Act 2023, contract terms and extensions, and TUPE staff transfer, with an authority's local contract procedure rules where it has an overlay.</p>
<a href="/questions" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Fill in a plan
  <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>

<h2 class="govuk-heading-m">Upload a plan file</h2>
<form method="post" action="/upload" enctype="multipart/form-data" novalidate>
  <div class="govuk-form-group${errors.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="planFile">A plan in procheck's JSON format</label>
    <div id="planFile-hint" class="govuk-hint">The format is described at <a class="govuk-link" href="/v1/schema/plan">/v1/schema/plan</a>.</div>
    ${errors.map((e) => html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${e.message}</p>`)}
    <input class="govuk-file-upload${errors.length ? ' govuk-file-upload--error' : ''}" id="planFile" name="planFile" type="file" accept=".json,application/json" aria-describedby="planFile-hint">
  </div>
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Check the file</button>
</form>

<h2 class="govuk-heading-m" id="notices">Published notices</h2>
<p class="govuk-body">An authority's notice on Find a Tender or Contracts Finder can be checked too, from its OCDS data, with the notice's own words behind each finding.</p>
<p class="govuk-body"><a class="govuk-link" href="/notices">Check a published notice</a></p>

<h2 class="govuk-heading-m" id="examples">Try an example</h2>
<p class="govuk-body">Plans built from real committee reports and worked examples. Check one, or open it in the form to change it.</p>
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Example plans</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Plan</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th></tr></thead>
  <tbody class="govuk-table__body">${examples.map(
    (e) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${e.title}</td><td class="govuk-table__cell procheck-nowrap"><a class="govuk-link" href="/examples/${e.id}" data-example="${e.id}">Check<span class="govuk-visually-hidden"> ${e.title}</span></a> | <a class="govuk-link" href="/plan?example=${e.id}">Open in form<span class="govuk-visually-hidden">: ${e.title}</span></a></td></tr>`,
  )}</tbody>
</table>
</div></div>`;
  return layout('Check a commissioning plan', meta, body, errors.length > 0);
}

export interface FormPageInput {
  sections: readonly SectionSpec[];
  fields: readonly FieldSpec[];
  values: FormValues;
  errors: readonly FormError[];
  /** Problems with parts of the plan the form does not show (kept from a file or example). */
  otherErrors: readonly SummaryError[];
  /** The plan the form was opened with, kept for the fields it does not ask for. */
  basePlan?: unknown;
  notice?: string;
}

/** Whether the form holds an answer for a field (any of a date's three boxes). */
const answered = (values: FormValues, name: string): boolean =>
  [name, `${name}-day`, `${name}-month`, `${name}-year`].some((k) => {
    const v = values[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v.trim() !== '';
  });

export function formPage(meta: PageMeta, p: FormPageInput): string {
  const summary = [...summaryErrors(p.fields, p.errors), ...p.otherErrors];
  const errorOf = (name: string) => p.errors.find((e) => e.field === name)?.message;
  const body = html`${errorSummary(summary)}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Describe the plan</h1>
${p.notice ? html`<div class="govuk-inset-text">${p.notice}</div>` : ''}
<p class="govuk-body">Answer what the plan already says. Leave a question blank, or answer "Not known", where the plan has not decided yet: procheck says what it needs.</p>
<form method="post" action="/plan" id="plan-form" novalidate>
  ${p.basePlan !== undefined ? html`<input type="hidden" name="basePlan" value="${JSON.stringify(p.basePlan)}">` : ''}
  ${p.sections.filter((s) => !s.optional).map(
    (s) => html`<h2 class="govuk-heading-m" id="section-${s.id}">${s.title}</h2>${s.hint ? html`<p class="govuk-hint">${s.hint}</p>` : ''}${s.fields.map((f) => field(f, p.values, errorOf(f.name)))}`,
  )}
  <h2 class="govuk-heading-m" id="section-more">More facts (optional)</h2>
  <p class="govuk-body">Open a part to answer what the report says the plan does not state. Each question names the plan field it fills in.</p>
  ${p.sections.filter((s) => s.optional).map((s) => {
    const open = s.fields.some((f) => errorOf(f.name) || answered(p.values, f.name));
    return html`<details class="govuk-details" id="section-${s.id}"${open ? html` open` : ''}><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${s.title}</span></summary><div class="govuk-details__text">${s.fields.map((f) => field(f, p.values, errorOf(f.name)))}</div></details>`;
  })}
  <button type="submit" class="govuk-button" data-module="govuk-button">Check the plan</button>
</form>
</div></div>`;
  return layout('Describe the plan', meta, body, summary.length > 0);
}

/** The answers form on a result page: how to ask each question, and the answers posted with the problems found in them. */
export interface ResultAnswers {
  lookup: FieldLookup;
  values?: FormValues;
  errors?: readonly FormError[];
  /** Problems with the plan the answers make that no question's box accounts for. */
  other?: readonly FieldIssue[];
  /** The answers this result was checked again with. */
  answered?: readonly Answer[];
}

/** "Draft report sections": the plan posted to the draft's page (a form, as every action on a result is: no script, nothing stored). */
const draftButton = (planJson: string) =>
  html`<form method="post" action="/draft"><input type="hidden" name="plan" value="${planJson}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Draft report sections</button></form>`;

export function resultPage(meta: PageMeta, report: Report, plan: unknown, answers?: ResultAnswers): string {
  const planJson = JSON.stringify(plan);
  const link = encodePlan(plan);
  // The plan goes with the report (its input), so the timeline can draw the plan's own dates: its procurement start, the existing contract's end, its contract date.
  const isPlan = typeof plan === 'object' && plan !== null && !Array.isArray(plan);
  const withPlan = isPlan ? { ...report, input: plan as Record<string, unknown> } : report;
  // The open questions, answered in place: a form in the first block that checks the plan again with the answers in it.
  const answerForm = answers && isPlan && report.questions.length ? answersForm({ questions: report.questions, plan, values: answers.values, errors: answers.errors, lookup: answers.lookup }) : undefined;
  const summary = answers ? answerSummary(report.questions, answers.errors ?? [], answers.other ?? [], answers.lookup) : [];
  const body = html`${errorSummary(summary)}${answeredBanner(answers?.answered ?? [])}
${reportBody(withPlan, { ruleHref: (id) => `/rules#${id}`, answerForm })}
<h2 class="govuk-heading-m">Save, download or change</h2>
${link ? html`<p class="govuk-body">Link to this result (it holds the plan itself; nothing is kept on the server): <a class="govuk-link" id="permalink" href="/result?plan=${link}">open this result again</a></p>` : html`<p class="govuk-body">This plan is too long to put in a link: save it as a file to come back to it.</p>`}
<form method="post" action="/report" class="procheck-inline-form">
  <input type="hidden" name="plan" value="${planJson}">
  <div class="govuk-button-group">
    <button type="submit" formaction="/plan/download" class="govuk-button" data-module="govuk-button">Save this plan (JSON file)</button>
    <button type="submit" name="format" value="json" class="govuk-button govuk-button--secondary" data-module="govuk-button">Download report (JSON)</button>
    <button type="submit" name="format" value="markdown" class="govuk-button govuk-button--secondary" data-module="govuk-button">Download report (Markdown)</button>
    <button type="submit" name="format" value="html" class="govuk-button govuk-button--secondary" data-module="govuk-button">Download printable report (HTML)</button>
  </div>
</form>
<div class="govuk-button-group">
  <form method="post" action="/plan/edit"><input type="hidden" name="plan" value="${planJson}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Change this plan</button></form>
  ${report.lots ? '' : html`<form method="post" action="/options"><input type="hidden" name="plan" value="${planJson}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Compare routes</button></form>`}
  ${draftButton(planJson)}
  ${report.trace ? '' : html`<form method="post" action="/result"><input type="hidden" name="plan" value="${planJson}"><input type="hidden" name="trace" value="true"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show every rule evaluated (trace)</button></form>`}
  <a class="govuk-link" href="/">Check another plan</a>
</div>`;
  return layout(`${VERDICT_LABEL[report.verdict]}: ${report.plan.title}`, meta, body, summary.length > 0);
}

export function errorPage(meta: PageMeta, title: string, message: string): string {
  return layout(title, meta, html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${message}</p><p class="govuk-body"><a class="govuk-link" href="/">Go to the start page</a></p>`);
}

/** The routes of a plan, side by side and ranked; the plan can be changed or checked on its own route from here. */
export function optionsPage(meta: PageMeta, report: OptionsReport, plan: unknown): string {
  const planJson = JSON.stringify(plan);
  const body = html`<span class="govuk-caption-l">procheck options appraisal</span>
${optionsBody(report)}
<div class="govuk-button-group">
  <form method="post" action="/result"><input type="hidden" name="plan" value="${planJson}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Back to the plan's result</button></form>
  <form method="post" action="/plan/edit"><input type="hidden" name="plan" value="${planJson}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Change this plan</button></form>
  ${draftButton(planJson)}
</div>`;
  return layout(`Options: ${report.plan.title}`, meta, body);
}
