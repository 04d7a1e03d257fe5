// The web page of a plan's draft report sections (issue 22): the draft's body
// (src/draft/render-html.ts) in the site's layout, a download for each
// format, and a small form to name who decides and who awards. Nothing is
// stored: the plan travels in each form, as on the result page.
import type { Checker } from '../engine/checker.js';
import { html } from '../report/html.js';
import { draftReport } from '../draft/compose.js';
import { draftBody } from '../draft/render-html.js';
import { renderDraft, type DraftFormat } from '../draft/render.js';
import type { Draft } from '../draft/schema.js';
import { errorSummary, type SummaryError } from './components.js';
import { layout, type PageMeta } from './pages.js';

/** What the web page drafts from: the plan (from a hidden form field) and the drafting options the officer gave. */
export interface WebDraftRequest {
  plan: unknown;
  /** ISO date the draft was made: the page's downloads carry it, so each file is the draft on the page. */
  today?: string;
  delegate?: string;
  decisionMaker?: string;
}

/** The draft page: what it is drafted from, and the problems with the officer's drafting options (each by its box). */
export interface DraftPageInput extends WebDraftRequest {
  errors?: { field: 'delegate' | 'decisionMaker'; message: string }[];
}

/** Each download: its format, its button, its file's type and extension. */
export const DRAFT_DOWNLOADS: Record<string, { format: DraftFormat; label: string; type: string; ext: string }> = {
  docx: { format: 'docx', label: 'Download as Word (.docx)', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  html: { format: 'html', label: 'Download printable page (HTML)', type: 'text/html; charset=utf-8', ext: 'html' },
  markdown: { format: 'markdown', label: 'Download as Markdown', type: 'text/markdown; charset=utf-8', ext: 'md' },
  json: { format: 'json', label: 'Download as data (JSON)', type: 'application/json; charset=utf-8', ext: 'json' },
};

/** The drafting options given (a blank box is none). */
const opts = (r: WebDraftRequest) => ({ today: r.today, delegate: r.delegate || undefined, decisionMaker: r.decisionMaker || undefined });

/** The plan's draft in one format (a download). */
export async function draftFile(checker: Checker, r: WebDraftRequest, format: DraftFormat): Promise<string | Uint8Array> {
  return renderDraft(await draftReport(checker, { plan: r.plan }, opts(r)), format);
}

/** The plan drafted and its page written (the page is made where the draft is: off the event loop on a server). */
export async function draftAndPage(checker: Checker, p: DraftPageInput, meta: PageMeta): Promise<string> {
  // A name refused is left out of the draft, and shown in its box to correct.
  const refused = new Set((p.errors ?? []).map((e) => e.field));
  const given = opts(p);
  return draftPage(meta, await draftReport(checker, { plan: p.plan }, { ...given, delegate: refused.has('delegate') ? undefined : given.delegate, decisionMaker: refused.has('decisionMaker') ? undefined : given.decisionMaker }), p);
}

const FIELD_ID = { decisionMaker: 'draft-decision-maker', delegate: 'draft-delegate' } as const;

function textBox(name: 'decisionMaker' | 'delegate', label: string, hintText: string, value: string | undefined, error: string | undefined) {
  const id = FIELD_ID[name];
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${id}">${label}</label>
  <div id="${id}-hint" class="govuk-hint">${hintText}</div>
  ${error ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}
  <input class="govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}" id="${id}" name="${name}" type="text" spellcheck="false" value="${value ?? ''}" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}">
</div>`;
}

/**
 * The draft in the site's layout: the draft itself (its title the page's h1,
 * the cover notice first), then its downloads (Word, a printable page,
 * Markdown, JSON: each a form post that answers with the file), who decides
 * and who awards (drafted again with them), and the way back.
 */
export function draftPage(meta: PageMeta, draft: Draft, p: DraftPageInput): string {
  const planJson = JSON.stringify(p.plan);
  const errorOf = (field: 'delegate' | 'decisionMaker') => p.errors?.find((e) => e.field === field)?.message;
  const summary: SummaryError[] = (p.errors ?? []).map((e) => ({ href: `#${FIELD_ID[e.field]}`, message: e.message }));
  // A name refused was left out of the draft, so the downloads leave it out too.
  const kept = (field: 'delegate' | 'decisionMaker') => (errorOf(field) ? undefined : p[field]);
  const planField = html`<input type="hidden" name="plan" value="${planJson}">`;
  const body = html`${errorSummary(summary)}
${draftBody(draft)}
<h2 class="govuk-heading-m" id="download">Download the draft</h2>
<p class="govuk-body">Each file is this draft. The Word file's headings, numbered paragraphs, tables and footnotes take a committee report template's styles.</p>
<form method="post" action="/draft/download" class="procheck-inline-form">
  ${planField}<input type="hidden" name="today" value="${draft.drafted}">
  ${kept('decisionMaker') ? html`<input type="hidden" name="decisionMaker" value="${kept('decisionMaker')}">` : ''}
  ${kept('delegate') ? html`<input type="hidden" name="delegate" value="${kept('delegate')}">` : ''}
  <div class="govuk-button-group">${Object.entries(DRAFT_DOWNLOADS).map(
    ([value, d], i) => html`<button type="submit" name="format" value="${value}" class="govuk-button${i ? ' govuk-button--secondary' : ''}" data-module="govuk-button">${d.label}</button>`,
  )}</div>
</form>
<h2 class="govuk-heading-m" id="who">Who decides and who awards</h2>
<p class="govuk-body">Name them as the report does, and draft again: the recommendations use the names.</p>
<form method="post" action="/draft" novalidate>
  ${planField}
  ${textBox('decisionMaker', 'Who decides (optional)', 'For example, Cabinet, or the Adult Social Care Committee', p.decisionMaker, errorOf('decisionMaker'))}
  ${textBox('delegate', 'Who the award is delegated to (optional)', 'For example, the Director of Public Health', p.delegate, errorOf('delegate'))}
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Draft again</button>
</form>
<div class="govuk-button-group">
  <form method="post" action="/result">${planField}<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Back to the plan's result</button></form>
  <form method="post" action="/plan/edit">${planField}<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Change this plan</button></form>
  <a class="govuk-link" href="/">Check another plan</a>
</div>`;
  return layout(draft.title, meta, body, summary.length > 0);
}
