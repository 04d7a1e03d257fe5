// The audit record a printable report carries: the plan's answers as the
// check read them, when the check was made, by which procheck and rule set,
// and a block for the officer who signs it off.
import { html, type Html } from './html.js';
import { formatValue } from './format.js';
import type { Report } from './schema.js';
import { shownAs } from '../text/untrusted.js';

export interface AuditRecord {
  /** The plan as checked. */
  plan: unknown;
  /** When the check was made (ISO 8601 date and time). */
  checkedAt: string;
}

/** The plan's answers, one line a field, by dotted path, in the plan's order. */
export function planAnswers(plan: unknown, prefix = ''): [string, string][] {
  if (Array.isArray(plan)) {
    if (plan.every((v) => typeof v !== 'object' || v === null)) return [[prefix, plan.length ? plan.map((v) => answer(v)).join(', ') : '(none)']];
    return plan.flatMap((v, i) => planAnswers(v, `${prefix}.${i}`));
  }
  if (plan && typeof plan === 'object')
    return Object.entries(plan).flatMap(([k, v]) => (k === '$schema' ? [] : planAnswers(v, prefix ? `${prefix}.${k}` : k)));
  return [[prefix, answer(plan)]];
}

function answer(v: unknown): string {
  if (v === null) return 'not known';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatValue(v, 'date');
  return shownAs(v);
}

/** "29 November 2026 at 18:25 (UTC)" for an ISO time. */
export function checkedAtWords(iso: string): string {
  const [date, time] = iso.split('T');
  return `${formatValue(date, 'date')} at ${time?.slice(0, 5) ?? ''} (UTC)`;
}

export function auditSection(report: Report, audit: AuditRecord): Html {
  const answers = planAnswers(audit.plan);
  return html`<section class="procheck-audit" id="audit">
<h2 class="govuk-heading-m">Audit record</h2>
<dl class="govuk-summary-list">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Checked on</dt><dd class="govuk-summary-list__value">${checkedAtWords(audit.checkedAt)}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">procheck</dt><dd class="govuk-summary-list__value">${report.procheck}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rule set</dt><dd class="govuk-summary-list__value">${report.ruleSetVersion}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Verdict</dt><dd class="govuk-summary-list__value">${report.verdict}</dd></div>
</dl>
<h3 class="govuk-heading-s">The plan's answers, as checked</h3>
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Plan field</th><th scope="col" class="govuk-table__header">Answer</th></tr></thead>
<tbody class="govuk-table__body">${answers.map(([k, v]) => html`<tr class="govuk-table__row"><td class="govuk-table__cell"><code>${k}</code></td><td class="govuk-table__cell">${v}</td></tr>`)}</tbody></table>
<h3 class="govuk-heading-s">Sign-off</h3>
<table class="govuk-table procheck-signoff"><tbody class="govuk-table__body">
  <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Checked by</th><td class="govuk-table__cell">&nbsp;</td></tr>
  <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Role</th><td class="govuk-table__cell">&nbsp;</td></tr>
  <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Date</th><td class="govuk-table__cell">&nbsp;</td></tr>
  <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Signature</th><td class="govuk-table__cell">&nbsp;</td></tr>
</tbody></table>
<p class="govuk-body-s">procheck's findings are not legal advice: the officer signing off records that a person has read them.</p>
</section>`;
}
