// GOV.UK Frontend markup for the form's fields, error messages and error
// summary (https://design-system.service.gov.uk/components/). Every field has
// a label or legend; an error is said in words next to the field and in the
// summary at the top, which links to it.
import { html, type Html } from '../report/html.js';
import { fieldId, firstInputId, type FieldSpec, type Option } from './form-spec.js';
import { NOT_KNOWN, notKnownBox, type FormError, type FormValues } from './form-values.js';

const one = (values: FormValues, name: string): string => {
  const v = values[name];
  return Array.isArray(v) ? v[0] ?? '' : v ?? '';
};

function describedBy(f: FieldSpec, error: string | undefined): string | undefined {
  const ids = [f.hint ? `${fieldId(f.name)}-hint` : '', error ? `${fieldId(f.name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const hint = (f: FieldSpec) => (f.hint ? html`<div id="${fieldId(f.name)}-hint" class="govuk-hint">${f.hint}</div>` : '');
const errorMessage = (f: FieldSpec, error: string | undefined) =>
  error ? html`<p id="${fieldId(f.name)}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : '';
const attr = (name: string, value: string | undefined) => (value ? html` ${name}="${value}"` : '');

/** Why the question is asked and the plan field it fills in, folded under it, so the question itself stays in plain words. */
const whyWeAsk = (f: FieldSpec) =>
  f.why
    ? html`<details class="govuk-details procheck-why"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Why we ask</span></summary><div class="govuk-details__text">${f.why} Plan field: <code>${f.name}</code>.</div></details>`
    : '';

function input(f: FieldSpec, values: FormValues, error?: string): Html {
  const id = fieldId(f.name);
  const numeric = f.kind === 'number' || f.kind === 'integer';
  const box = html`<input class="govuk-input${f.width ? ` ${f.width}` : ''}${error ? ' govuk-input--error' : ''}" id="${id}" name="${f.name}" type="text"${numeric ? html` inputmode="decimal" spellcheck="false"` : ''} value="${one(values, f.name)}"${attr('aria-describedby', describedBy(f, error))}>`;
  const wrapped =
    f.prefix || f.suffix
      ? html`<div class="govuk-input__wrapper">${f.prefix ? html`<div class="govuk-input__prefix" aria-hidden="true">${f.prefix}</div>` : ''}${box}${f.suffix ? html`<div class="govuk-input__suffix" aria-hidden="true">${f.suffix}</div>` : ''}</div>`
      : box;
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${id}">${f.label}</label>
  ${hint(f)}${errorMessage(f, error)}${wrapped}
  ${whyWeAsk(f)}
</div>`;
}

function select(f: FieldSpec, values: FormValues, error?: string): Html {
  const id = fieldId(f.name);
  const chosen = one(values, f.name);
  const options: readonly Option[] = f.options!.some((o) => o.value === '') ? f.options! : [{ value: '', label: 'Choose one' }, ...f.options!];
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${id}">${f.label}</label>
  ${hint(f)}${errorMessage(f, error)}
  <select class="govuk-select${error ? ' govuk-select--error' : ''}" id="${id}" name="${f.name}"${attr('aria-describedby', describedBy(f, error))}>
    ${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
  </select>
  ${whyWeAsk(f)}
</div>`;
}

/** Radios or checkboxes: a fieldset whose legend is the question. */
function choices(f: FieldSpec, values: FormValues, error: string | undefined, type: 'radio' | 'checkbox', options: readonly Option[]): Html {
  const id = fieldId(f.name);
  const v = values[f.name];
  const chosen = new Set(Array.isArray(v) ? v : v ? [v] : []);
  const block = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  const inline = type === 'radio' && options.length <= 3 && options.every((o) => o.label.length < 12);
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${attr('aria-describedby', describedBy(f, error))}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${f.label}</legend>
    ${hint(f)}${errorMessage(f, error)}
    <div class="${block} ${block}--small${inline ? ' govuk-radios--inline' : ''}" data-module="${block}">
      ${options.map((o, i) => {
        const itemId = i === 0 ? id : `${id}-${i + 1}`;
        return html`<div class="${block}__item"><input class="${block}__input" id="${itemId}" name="${f.name}" type="${type}" value="${o.value}"${chosen.has(o.value) ? html` checked` : ''}><label class="govuk-label ${block}__label" for="${itemId}">${o.label}</label></div>`;
      })}
    </div>
  </fieldset>
  ${whyWeAsk(f)}
</div>`;
}

function dateInput(f: FieldSpec, values: FormValues, error?: string): Html {
  const id = fieldId(f.name);
  const part = (p: 'day' | 'month' | 'year', label: string, width: string) =>
    html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${id}-${p}">${label}</label><input class="govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}" id="${id}-${p}" name="${f.name}-${p}" type="text" inputmode="numeric" value="${one(values, `${f.name}-${p}`)}"></div></div>`;
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset" role="group"${attr('aria-describedby', describedBy(f, error))}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${f.label}</legend>
    ${hint(f)}${errorMessage(f, error)}
    <div class="govuk-date-input" id="${id}">${part('day', 'Day', 'govuk-input--width-2')}${part('month', 'Month', 'govuk-input--width-2')}${part('year', 'Year', 'govuk-input--width-4')}</div>
    ${f.notKnown ? notKnownDate(f, values) : ''}
  </fieldset>
  ${whyWeAsk(f)}
</div>`;
}

/** A date the plan may leave unknown: a box to say so, rather than leaving the date blank. */
function notKnownDate(f: FieldSpec, values: FormValues): Html {
  const id = `${fieldId(f.name)}-unknown`;
  return html`<div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-top-3" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="${notKnownBox(f)}" type="checkbox" value="yes"${one(values, notKnownBox(f)) ? html` checked` : ''}><label class="govuk-label govuk-checkboxes__label" for="${id}">Not known yet</label></div></div>`;
}

const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function field(f: FieldSpec, values: FormValues, error?: string): Html {
  switch (f.kind) {
    case 'select':
      return select(f, values, error);
    case 'radios':
      return choices(f, values, error, 'radio', f.notKnown ? [...f.options!, { value: NOT_KNOWN, label: 'Not known yet' }] : f.options!);
    case 'checkboxes':
      return choices(f, values, error, 'checkbox', f.options!);
    case 'yes-no':
      return choices(f, values, error, 'radio', f.notKnown === false ? YES_NO : [...YES_NO, { value: 'unknown', label: 'Not known' }]);
    case 'date':
      return dateInput(f, values, error);
    default:
      return input(f, values, error);
  }
}

export interface SummaryError {
  /** The element the link moves focus to. */
  href: string;
  message: string;
}

export const summaryErrors = (fields: readonly FieldSpec[], errors: readonly FormError[]): SummaryError[] =>
  errors.map((e) => {
    const f = fields.find((x) => x.name === e.field);
    return { href: `#${f ? firstInputId(f) : fieldId(e.field)}`, message: e.message };
  });

export function errorSummary(errors: readonly SummaryError[]): Html {
  if (!errors.length) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
  <h2 class="govuk-error-summary__title">There is a problem</h2>
  <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
    ${errors.map((e) => html`<li><a href="${e.href}">${e.message}</a></li>`)}
  </ul></div>
</div></div>`;
}
