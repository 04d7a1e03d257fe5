// The report as HTML: one body shared by the web page (styled by GOV.UK
// Frontend) and the printable page (a standalone file with its own small
// stylesheet for the same class names). Every state is said in words as well
// as colour.
import type { Report, FindingT } from './schema.js';
import { formatValue } from './format.js';
import { html, raw, type Html } from './html.js';
import { dueText, overlayText, SEVERITY_TAG, VERDICT_WORDS } from './render-text.js';
import { KIND_WORDS, timelineFigure, timelinePlanDates } from './render-timetable.js';
import { REGIME_TITLES } from '../law/vocabulary.js';
import { labelLots } from './lots.js';
import { auditSection, type AuditRecord } from './audit.js';
import { inWords, nextSteps, verdictSentence } from './plain-words.js';

export const VERDICT_TAG: Record<Report['verdict'], string> = {
  compliant: 'govuk-tag--green',
  'compliant-if': 'govuk-tag--turquoise',
  review: 'govuk-tag--yellow',
  'non-compliant': 'govuk-tag--red',
  'out-of-scope': 'govuk-tag--grey',
};
export const SEVERITY_CLASS: Record<FindingT['severity'], string> = {
  'out-of-scope': 'govuk-tag--grey',
  'non-compliant': 'govuk-tag--red',
  review: 'govuk-tag--yellow',
  info: 'govuk-tag--blue',
};

const dateText = (d: string | null | undefined) => formatValue(d, 'date');
const regimeName = (id: string) => REGIME_TITLES[id] ?? id;

function regimeLine(r: Report['regime']): string {
  const applies = r.applicable === null ? 'Undetermined' : regimeName(r.applicable);
  if (r.declared === 'auto') return `${applies}: chosen by procheck (the plan says "auto")`;
  return r.declared === r.applicable ? `${applies}, as the plan says` : `${applies}; the plan names ${regimeName(r.declared)}`;
}

/** A link to the law; the link text names the provision, so it makes sense out of context. */
export const lawLink = (c: FindingT['citation']) =>
  html`<a class="govuk-link" href="${c.url}" rel="noreferrer noopener" target="_blank">${c.instrument}, ${c.provision} (opens in new tab)</a>`;

function summary(report: Report): Html {
  const f = report.facts;
  const rows: [string, string][] = [
    ['Authority', report.plan.authority],
    ['Regime', regimeLine(report.regime)],
    ['Why this regime', inWords(report.regime.basis)],
  ];
  if (typeof f.lifetimeValue === 'number') rows.push(['Lifetime value', formatValue(f.lifetimeValue, 'gbp')]);
  if (typeof f.maxTermMonths === 'number') rows.push(['Maximum term', formatValue(f.maxTermMonths, 'months')]);
  return html`<dl class="govuk-summary-list">${rows.map(
    ([k, v]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`,
  )}</dl>`;
}

export interface BodyOptions {
  /** Where a rule id links to (the web page's rule catalogue); plain text when absent. */
  ruleHref?: (ruleId: string) => string;
  /** The day the next steps are counted from (default: today). */
  today?: string;
  /** The web page's form for the open questions, shown in the first block in their place (without it, they are listed). */
  answerForm?: Html;
}

function finding(f: FindingT, i: number, options: BodyOptions): Html {
  const rule = options.ruleHref ? html`<a class="govuk-link" href="${options.ruleHref(f.ruleId)}"><code>${f.ruleId}</code></a>` : html`<code>${f.ruleId}</code>`;
  return html`<div class="govuk-summary-card procheck-finding" id="finding-${i + 1}">
  <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title"><strong class="govuk-tag ${SEVERITY_CLASS[f.severity]}">${SEVERITY_TAG[f.severity]}</strong> ${f.title}</h3></div>
  <div class="govuk-summary-card__content">
    <p class="govuk-body">${f.reason}</p>
    ${f.missingFacts.length ? html`<p class="govuk-body">To decide this, answer:</p><ul class="govuk-list govuk-list--bullet">${f.missingFacts.map((m) => html`<li>${m.question}${m.planPath ? html` (<code>${m.planPath}</code>)` : ''}</li>`)}</ul>` : ''}
    <p class="govuk-body-s">Law: ${lawLink(f.citation)}. Rule ${rule}.</p>
  </div>
</div>`;
}

function stepsTable(report: Report): Html {
  return html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">Required steps (${report.steps.length})</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">#</th><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Law</th></tr></thead>
  <tbody class="govuk-table__body">${report.steps.map(
    (s, i) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${i + 1}</td><td class="govuk-table__cell">${s.title}</td><td class="govuk-table__cell">${dueText(s) || s.timing || ''}</td><td class="govuk-table__cell">${lawLink(s.citation)}</td></tr>`,
  )}</tbody>
</table>`;
}

function metCell(row: Report['timetable'][number]): Html {
  if (row.met === null) return row.planned ? html`Not known: the plan gives ${dateText(row.planned)}, the latest it can have been` : html`Plan gives no date`;
  return row.met ? html`Yes` : html`<strong>No</strong>: the plan says ${dateText(row.planned)}`;
}

function timetableTable(report: Report): Html {
  return html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">Timetable (${report.timetable.length} dates, in order)</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Does the plan meet it?</th></tr></thead>
  <tbody class="govuk-table__body">${report.timetable.map(
    (r) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${dateText(r.date)}</td><td class="govuk-table__cell">${KIND_WORDS[r.kind]}</td><td class="govuk-table__cell">${r.what}</td><td class="govuk-table__cell">${metCell(r)}</td></tr>`,
  )}</tbody>
</table>`;
}

function lotsTable(lots: NonNullable<Report['lots']>): Html {
  return html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">Lots (${lots.length}), each judged as a contract of its own</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Lot</th><th scope="col" class="govuk-table__header">Verdict</th><th scope="col" class="govuk-table__header">Regime</th></tr></thead>
  <tbody class="govuk-table__body">${lots.map(
    (l) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${l.title} (<code>${l.id}</code>)</td><td class="govuk-table__cell">${verdictTag(l.verdict)}</td><td class="govuk-table__cell">${regimeLine(l.regime)}</td></tr>`,
  )}</tbody>
</table>`;
}

function traceList(trace: NonNullable<Report['trace']>): Html {
  return html`<h2 class="govuk-heading-m">Trace: every rule evaluated</h2><ul class="govuk-list">${trace.map(
    (t) => html`<li><code>${t.ruleId}</code>: ${t.outcome}${t.conditions.length ? html`<ul class="govuk-list govuk-list--bullet">${t.conditions.map(
      (c) => html`<li><code>${c.fact}</code> ${c.operator} ${JSON.stringify(c.comparedWith ?? c.expected)}: saw ${JSON.stringify(c.factValue)}, ${c.result === null ? 'not evaluated' : c.result ? 'true' : 'false'}</li>`,
    )}</ul>` : ''}</li>`,
  )}</ul>`;
}

/** The verdict in words, as its tag says it: "compliant if", never the code's hyphen. */
export const VERDICT_LABEL: Record<Report['verdict'], string> = {
  compliant: 'compliant',
  'compliant-if': 'compliant if',
  review: 'review',
  'non-compliant': 'non-compliant',
  'out-of-scope': 'out-of-scope',
};

const verdictTag = (v: Report['verdict']) => html`<strong class="govuk-tag ${VERDICT_TAG[v]}">${VERDICT_LABEL[v]}</strong>`;

/** The one thing to do next; its date in bold where the sentence names it, or before it where it does not. */
function nextBlock(next: Report['next']): Html {
  const text = inWords(next.text);
  const date = next.date ? dateText(next.date) : '';
  const at = date ? text.indexOf(date) : -1;
  const sentence =
    at >= 0
      ? html`${text.slice(0, at)}<strong>${date}</strong>${text.slice(at + date.length)}`
      : date
        ? html`<strong>${next.kind === 'condition' ? `By ${date}` : date}</strong>: ${text}`
        : html`${text}`;
  const title = next.kind === 'contradiction' ? 'Do this next: the plan contradicts itself' : 'Do this next';
  // A question to answer is answered in the first block, below.
  const answer = next.kind === 'question' ? html` <a class="govuk-link" href="#questions">Answer it below</a>` : '';
  return html`<div class="govuk-inset-text procheck-next" id="next"><h3 class="govuk-heading-s">${title}</h3><p class="govuk-body">${sentence}${answer}</p></div>`;
}

/**
 * The authority's own acts the plan leaves open, as a numbered list of what
 * to do and by when; a contradiction (no way of doing an act meets all its
 * conditions) comes first, said in words.
 */
function conditionsList(report: Report): Html {
  if (!report.conditions.length) return html``;
  const ordered = [...report.conditions.filter((c) => c.conflict), ...report.conditions.filter((c) => !c.conflict)];
  const title = report.verdict === 'compliant-if' ? `Compliant if you (${ordered.length})` : `Conditions: what you must do (${ordered.length})`;
  return html`<h3 class="govuk-heading-s" id="conditions">${title}</h3>
<ol class="govuk-list govuk-list--number procheck-conditions">${ordered.map(
    (c) => html`<li>${c.conflict ? html`<strong class="govuk-tag govuk-tag--red">Contradiction</strong> ` : ''}${inWords(c.instruction)}${c.onlyIf ? html` <span class="govuk-hint">Only if so: ${c.onlyIf}</span>` : ''}${c.conflict ? html`<div class="govuk-warning-text govuk-!-margin-top-2 govuk-!-margin-bottom-2"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Contradiction: ${inWords(c.conflict.reason)}</strong></div>` : ''}<p class="govuk-body-s govuk-!-margin-bottom-0">Law: ${c.citations.map((x, i) => html`${i ? '; ' : ''}${lawLink(x)}`)}</p></li>`,
  )}</ol>`;
}

/** "Answer 3 questions to decide". */
export const questionsTitle = (n: number) => `Answer ${n} question${n === 1 ? '' : 's'} to decide`;

/** The open questions as a list, where no form can take the answers (the printable page). */
function questionsList(report: Report): Html {
  if (!report.questions.length) return html``;
  return html`<h3 class="govuk-heading-s" id="questions">${questionsTitle(report.questions.length)}</h3>
<ol class="govuk-list govuk-list--number">${report.questions.map(
    (q) => html`<li>${q.question} <span class="govuk-body-s">Why we ask: ${inWords(q.why)}</span></li>`,
  )}</ol>`;
}

/**
 * The first block: the verdict in a sentence with the notice beside it, the
 * one thing to do next, the conditions (a contradiction first), what must
 * change, the open questions (the web page's form, or a list), and the next
 * dated steps.
 */
function plainSummary(report: Report, today: string, options: BodyOptions): Html {
  const mustFix = report.findings.filter((f) => f.severity === 'non-compliant' || f.severity === 'out-of-scope');
  const next = nextSteps(report, today);
  return html`<section class="procheck-verdict procheck-verdict--${report.verdict}" id="verdict" aria-labelledby="verdict-title">
  <h2 class="govuk-heading-m" id="verdict-title">Verdict: ${verdictTag(report.verdict)}</h2>
  <p class="govuk-body-l" id="summary">${verdictSentence(report)}</p>
  <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This is not legal advice: procheck reports what the rules it holds find. A person responsible for the procurement must read the findings.</strong></div>
  ${nextBlock(report.next)}
  ${conditionsList(report)}
  ${mustFix.length ? html`<h3 class="govuk-heading-s">What must change</h3><ul class="govuk-list govuk-list--bullet">${mustFix.map((f) => html`<li>${f.title}</li>`)}</ul>` : ''}
  ${report.questions.length ? (options.answerForm ?? questionsList(report)) : ''}
  ${next.length ? html`<h3 class="govuk-heading-s">Next dated steps</h3><ul class="govuk-list">${next.map((s) => html`<li><strong>${s.when}</strong>: ${s.title}</li>`)}</ul>` : ''}
</section>`;
}

/** The tests the route passes on the plan's own figures and dates. */
function holdsList(report: Report): Html {
  if (!report.holds.length) return html``;
  return html`<h2 class="govuk-heading-m" id="holds">Why this route is lawful (${report.holds.length})</h2>
<ul class="govuk-list govuk-list--bullet">${report.holds.map((h) => html`<li>${inWords(h.reason)} <span class="govuk-body-s">(${lawLink(h.citation)})</span></li>`)}</ul>`;
}

/** The findings in three groups: must fix, check, for information (folded). */
function groupedFindings(report: Report, options: BodyOptions): Html {
  const groups: [string, string, FindingT[], boolean][] = [
    ['must-fix', 'Must fix', report.findings.filter((f) => f.severity === 'non-compliant' || f.severity === 'out-of-scope'), false],
    ['check', 'Check', report.findings.filter((f) => f.severity === 'review'), false],
    ['information', 'For information', report.findings.filter((f) => f.severity === 'info'), true],
  ];
  let n = 0;
  const cards = (list: FindingT[]) => list.map((f) => finding(f, n++, options));
  return html`<h2 class="govuk-heading-m">Findings (${report.findings.length})</h2>
${report.findings.length ? '' : html`<p class="govuk-body">No rule found anything to report.</p>`}
${groups.map(([id, title, list, folded]) =>
  !list.length
    ? ''
    : folded
      ? html`<details class="govuk-details" id="findings-${id}"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${title} (${list.length})</span></summary><div class="govuk-details__text">${cards(list)}</div></details>`
      : html`<h3 class="govuk-heading-s" id="findings-${id}">${title} (${list.length})</h3>${cards(list)}`,
)}`;
}

/** The report's content, headed at level `h1` (the page title is the plan's): the summary first, then the detail. */
export function reportBody(judged: Report, options: BodyOptions = {}): Html {
  const report = labelLots(judged);
  return html`<span class="govuk-caption-l">procheck report</span>
<h1 class="govuk-heading-l">${report.plan.title}</h1>
${plainSummary(report, options.today ?? new Date().toISOString().slice(0, 10), options)}
${holdsList(report)}
${summary(report)}
${report.lots ? lotsTable(report.lots) : ''}
${report.overlay ? html`<div class="govuk-inset-text">${overlayText(report.overlay)}</div>` : ''}
${groupedFindings(report, options)}
${report.route.length ? html`<h2 class="govuk-heading-m" id="route">How the route runs</h2><ul class="govuk-list govuk-list--bullet">${report.route.map((r) => html`<li>${inWords(r.text)} <span class="govuk-body-s">(${lawLink(r.citation)})</span></li>`)}</ul>` : ''}
${report.steps.length ? stepsTable(report) : ''}
${report.timetable.length ? html`${timelineFigure(report.timetable, timelinePlanDates(report.input))}${timetableTable(report)}` : ''}
${report.trace ? traceList(report.trace) : ''}
<p class="govuk-body-s">procheck ${report.procheck}, rule set ${report.ruleSetVersion}. Plan <code>${report.plan.id}</code>.</p>`;
}

// Enough style for the GOV.UK class names the body uses, so the file prints
// and reads well on its own with no network.
export const PRINT_CSS = raw(`
body{font-family:arial,sans-serif;color:#0b0c0c;max-width:960px;margin:2em auto;padding:0 1em;line-height:1.4}
h1{font-size:2em;margin:.2em 0 .6em}h2{font-size:1.4em;margin:1.4em 0 .5em}h3{font-size:1.1em;margin:0}
.govuk-caption-l{color:#505a5f;font-size:1.2em}
.govuk-tag{display:inline-block;padding:2px 8px;font-weight:bold;text-transform:none;border:1px solid currentColor}
.govuk-tag--green{background:#cce2d8;color:#005a30}.govuk-tag--yellow{background:#fff7bf;color:#594d00}
.govuk-tag--red{background:#f4cdc6;color:#2a0b06}.govuk-tag--turquoise{background:#bfe3e0;color:#10403c}.govuk-tag--grey{background:#e5e6e7;color:#0b0c0c}.govuk-tag--blue{background:#bbd4ea;color:#0c2d4a}
.govuk-summary-list{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1.5em;margin:1em 0}
.govuk-summary-list__row{display:contents}.govuk-summary-list__key{font-weight:bold}.govuk-summary-list__value{margin:0}
.govuk-summary-card{border:1px solid #b1b4b6;margin:0 0 1em;break-inside:avoid}
.govuk-summary-card__title-wrapper{background:#f3f2f1;padding:.5em 1em}.govuk-summary-card__content{padding:0 1em}
.govuk-inset-text{border-left:8px solid #b1b4b6;padding:.5em 1em;margin:1em 0}
.procheck-signoff td{height:2.2em;width:70%}.procheck-audit{break-before:page}
table{border-collapse:collapse;width:100%;margin:1em 0}caption{text-align:left;font-weight:bold;font-size:1.2em;margin-bottom:.4em}
th,td{border-bottom:1px solid #b1b4b6;padding:.4em .6em .4em 0;text-align:left;vertical-align:top}
a{color:#1d70b8}.govuk-body-s{font-size:.9em}
@media print{a{color:#0b0c0c}a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;word-break:break-all}.govuk-summary-card,tr{break-inside:avoid}}
`);

/** A standalone, printable HTML page of the report; with an audit record, the answers checked, the time and a sign-off block. */
export function renderHtml(report: Report, audit?: AuditRecord): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>procheck: ${report.plan.title} (${report.verdict})</title>
<style>${PRINT_CSS}</style></head>
<body><main>
${reportBody(audit && !report.input ? { ...report, input: audit.plan as Report['input'] } : report)}
${audit ? auditSection(report, audit) : ''}
</main></body>
</html>
`.value;
}
