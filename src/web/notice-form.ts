// The notice page's form: upload OCDS files, or paste OCDS JSON. Each box has
// a label and a hint; a problem is said by its box and in the error summary at
// the top, which links to it (GOV.UK's file upload and textarea patterns).
import { html, type Html } from '../report/html.js';
import { errorSummary } from './components.js';
import { layout, type PageMeta } from './pages.js';
import { MAX_NOTICE_FILES, NOTICE_DOWNLOAD, NOTICE_FILE_FIELD, NOTICE_RESULT_FIELD, NOTICE_TEXT_FIELD, sizeText, type NoticeField } from './notice-input.js';
import { NOTICES_IN_FULL } from './notice-result.js';

export interface NoticeFormInput {
  error?: { field: NoticeField; message: string };
  /** The text pasted, shown again with its problem so it can be fixed. */
  pasted?: string;
  /** Largest upload or paste accepted, in bytes. */
  limit: number;
}

/** "the pasted text is not JSON" -> "The pasted text is not JSON"; a file's name keeps its case. */
const sentence = (message: string) => message.replace(/^the /, 'The ');

/** The choice of a page or a file: a page shows the first procurements in full, a file has every one. */
function resultChoice(form: string): Html {
  return html`<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="${form}-${NOTICE_RESULT_FIELD}" name="${NOTICE_RESULT_FIELD}" type="checkbox" value="${NOTICE_DOWNLOAD}" aria-describedby="${form}-${NOTICE_RESULT_FIELD}-hint">
      <label class="govuk-label govuk-checkboxes__label" for="${form}-${NOTICE_RESULT_FIELD}">Download the full result as a file (JSON) instead</label>
      <div id="${form}-${NOTICE_RESULT_FIELD}-hint" class="govuk-hint govuk-checkboxes__hint">The page shows the first ${NOTICES_IN_FULL} procurements in full and lists every one; the file has every one in full.</div>
    </div>
  </div></div>`;
}

function errorMessage(id: string, message: string | undefined): Html {
  return message ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${message}</p>` : html``;
}

export function noticeFormPage(meta: PageMeta, p: NoticeFormInput): string {
  const message = p.error ? sentence(p.error.message) : undefined;
  const fileError = p.error?.field === NOTICE_FILE_FIELD ? message : undefined;
  const textError = p.error?.field === NOTICE_TEXT_FIELD ? message : undefined;
  const describedBy = (id: string, error: string | undefined) => `${id}-hint${error ? ` ${id}-error` : ''}`;
  const body = html`${errorSummary(p.error ? [{ href: `#${p.error.field}`, message: message! }] : [])}
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Check a published notice</h1>
<p class="govuk-body-l">Find out whether a procurement an authority has published on Find a Tender or Contracts Finder holds up against procurement law.</p>
<p class="govuk-body">procheck reads the notice's OCDS data as a plan, checks it like any plan, and quotes the notice's own words behind each finding. What the notice does not say is never guessed: the result says what is missing. Download the notice's data from its page on Find a Tender (or the OCDS API) and give it here: procheck fetches nothing and stores nothing.</p>

<h2 class="govuk-heading-m" id="upload">Upload notice files</h2>
<form method="post" action="/notices" enctype="multipart/form-data" novalidate>
  <div class="govuk-form-group${fileError ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${NOTICE_FILE_FIELD}">OCDS files</label>
    <div id="${NOTICE_FILE_FIELD}-hint" class="govuk-hint">One or more files ending .json, .ndjson or .jsonl: a release, a record, a package of them, or one a line. Files uploaded together are read as one, such as a record's history and its latest release. Up to ${MAX_NOTICE_FILES} files and ${sizeText(p.limit)} in all.</div>
    ${errorMessage(NOTICE_FILE_FIELD, fileError)}
    <input class="govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}" id="${NOTICE_FILE_FIELD}" name="${NOTICE_FILE_FIELD}" type="file" multiple accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson" aria-describedby="${describedBy(NOTICE_FILE_FIELD, fileError)}">
  </div>
  ${resultChoice('upload')}
  <button type="submit" class="govuk-button" data-module="govuk-button">Check the files</button>
</form>

<h2 class="govuk-heading-m">Or paste a notice</h2>
<form method="post" action="/notices" novalidate>
  <div class="govuk-form-group${textError ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${NOTICE_TEXT_FIELD}">OCDS JSON</label>
    <div id="${NOTICE_TEXT_FIELD}-hint" class="govuk-hint">The whole text of a release, a record or a package, or one a line. A copy cut short is read as far as it goes, and the result says where it ends.</div>
    ${errorMessage(NOTICE_TEXT_FIELD, textError)}
    <textarea class="govuk-textarea${textError ? ' govuk-textarea--error' : ''}" id="${NOTICE_TEXT_FIELD}" name="${NOTICE_TEXT_FIELD}" rows="10" spellcheck="false" autocomplete="off" aria-describedby="${describedBy(NOTICE_TEXT_FIELD, textError)}">${p.pasted ?? ''}</textarea>
  </div>
  ${resultChoice('paste')}
  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Check the pasted notice</button>
</form>
<p class="govuk-body"><a class="govuk-link" href="/">Check a commissioning plan instead</a></p>
</div></div>`;
  return layout('Check a published notice', meta, body, p.error !== undefined);
}
