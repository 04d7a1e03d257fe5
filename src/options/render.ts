// The options appraisal as a table, in text, Markdown, JSON or printable HTML:
// one row an option in recommendation order, then each option's detail.
import { match } from 'ts-pattern';
import { formatValue } from '../report/format.js';
import { html, raw } from '../report/html.js';
import { REGIME_TITLES } from '../law/vocabulary.js';
import { STANDING_WORDS, type OptionEntryT, type OptionsReport } from './schema.js';

export type OptionsFormat = 'text' | 'markdown' | 'json' | 'html';
export const OPTIONS_FORMATS: readonly OptionsFormat[] = ['text', 'markdown', 'json', 'html'];


/** How the plan's own route (or the first option given) is marked. */
const ownMark = (report: OptionsReport) => (report.kind === 'routes' ? " (the plan's own)" : ' (the first given)');
const mandatoryWords = (m: boolean | null) => (m === true ? 'yes' : m === null ? 'if the facts allow' : 'no');
const regimeName = (r: string | null) => (r === null ? 'undetermined' : (REGIME_TITLES[r] ?? r));
const firstDate = (o: OptionEntryT) => o.latestDates.find((r) => r.kind === 'latest') ?? o.latestDates[0];

function heading(report: OptionsReport): string[] {
  return [
    `Options appraisal: ${report.plan.title} (${report.plan.id}), ${report.plan.authority}`,
    `${report.kind === 'routes' ? 'Every route' : 'The options given'}, judged under ${regimeName(report.regime.applicable)}: ${report.regime.basis}`,
  ];
}

function renderText(report: OptionsReport): string {
  const out = [...heading(report), ''];
  const rows = report.options.map((o) => [String(o.rank), `${o.label}${o.isPlansOwnRoute ? ' *' : ''}`, o.verdict.toUpperCase(), STANDING_WORDS[o.standing], mandatoryWords(o.mandatory)]);
  const head = ['#', 'Option', 'Verdict', 'Standing', 'Mandatory'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  out.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  if (report.options.some((o) => o.isPlansOwnRoute)) out.push(`* ${report.kind === 'routes' ? "the plan's own route" : 'the first option given'}`);
  for (const o of report.options) {
    out.push('', `${o.rank}. ${o.label}: ${o.why}`);
    for (const d of o.deciding) out.push(`   - [${d.severity.toUpperCase()}] ${d.title} (${d.ruleId})`);
    for (const q of o.questions) out.push(`   ? ${q.question}${q.planPath ? ` (${q.planPath})` : ''}`);
    for (const s of o.steps) out.push(`   > ${s.title}${s.due ? ` [${formatValue(s.due, 'date')}]` : ''}`);
    const d = firstDate(o);
    if (d) out.push(`   latest: ${d.what}, ${formatValue(d.date, 'date')}`);
  }
  out.push('', report.notice);
  return out.join('\n') + '\n';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderMarkdown(report: OptionsReport): string {
  const [title, basis] = heading(report);
  const out = [`# ${title}`, '', basis!, '', '| # | Option | Verdict | Standing | Mandatory | Why |', '|---|---|---|---|---|---|'];
  for (const o of report.options)
    out.push(`| ${o.rank} | ${cell(o.label)}${o.isPlansOwnRoute ? ownMark(report) : ''} | ${o.verdict} | ${STANDING_WORDS[o.standing]} | ${mandatoryWords(o.mandatory)} | ${cell(o.why)} |`);
  for (const o of report.options) {
    out.push('', `## ${o.rank}. ${o.label}`, '', o.why, '');
    for (const d of o.deciding) out.push(`- **${d.severity}**: ${d.title} (\`${d.ruleId}\`)`);
    for (const q of o.questions) out.push(`- To decide: ${q.question}${q.planPath ? ` (\`${q.planPath}\`)` : ''}`);
    if (o.steps.length) out.push('', ...o.steps.map((s, i) => `${i + 1}. ${s.title}${s.due ? ` (${formatValue(s.due, 'date')})` : ''}`));
  }
  out.push('', `*${report.notice}*`);
  return out.join('\n') + '\n';
}

const PRINT_CSS = raw(`body{font-family:arial,sans-serif;color:#0b0c0c;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.4}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.4em .6em .4em 0;text-align:left;vertical-align:top}
.procheck-standing--not-lawful{color:#942514}.procheck-standing--lawful-and-mandatory,.procheck-standing--lawful{color:#005a30}
@media print{a{color:#0b0c0c}tr{break-inside:avoid}}`);

/** The table and details, for a page (the web page wraps it in its layout). */
export function optionsBody(report: OptionsReport) {
  const [title, basis] = heading(report);
  return html`<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">${basis}</p>
<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${report.options.length} ${report.kind === 'routes' ? 'routes' : 'options'}, in recommendation order</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">#</th><th scope="col" class="govuk-table__header">Option</th><th scope="col" class="govuk-table__header">Verdict</th><th scope="col" class="govuk-table__header">Standing</th><th scope="col" class="govuk-table__header">Mandatory</th><th scope="col" class="govuk-table__header">Why</th></tr></thead>
<tbody class="govuk-table__body">${report.options.map(
    (o) =>
      html`<tr class="govuk-table__row"><td class="govuk-table__cell">${o.rank}</td><td class="govuk-table__cell">${o.label}${o.isPlansOwnRoute ? html` <strong>${ownMark(report)}</strong>` : ''}</td><td class="govuk-table__cell">${o.verdict}</td><td class="govuk-table__cell procheck-standing--${o.standing}">${STANDING_WORDS[o.standing]}</td><td class="govuk-table__cell">${mandatoryWords(o.mandatory)}</td><td class="govuk-table__cell">${o.why}</td></tr>`,
  )}</tbody></table>
${report.options.map(
  (o) => html`<h2 class="govuk-heading-m">${o.rank}. ${o.label}</h2>
<p class="govuk-body">${o.why}</p>
${o.deciding.length ? html`<ul class="govuk-list govuk-list--bullet">${o.deciding.map((d) => html`<li><strong>${d.severity}</strong>: ${d.title} (<code>${d.ruleId}</code>)</li>`)}</ul>` : ''}
${o.questions.length ? html`<p class="govuk-body">To decide it, answer:</p><ul class="govuk-list govuk-list--bullet">${o.questions.map((q) => html`<li>${q.question}${q.planPath ? html` (<code>${q.planPath}</code>)` : ''}</li>`)}</ul>` : ''}
${o.steps.length ? html`<ol class="govuk-list govuk-list--number">${o.steps.map((s) => html`<li>${s.title}${s.due ? ` (${formatValue(s.due, 'date')})` : ''}</li>`)}</ol>` : ''}`,
)}
<p class="govuk-body-s">${report.notice} procheck ${report.procheck}, rule set ${report.ruleSetVersion}.</p>`;
}

function renderHtml(report: OptionsReport): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>procheck options: ${report.plan.title}</title><style>${PRINT_CSS}</style></head>
<body><main>${optionsBody(report)}</main></body></html>
`.value;
}

export function renderOptions(report: OptionsReport, format: OptionsFormat): string {
  return match(format)
    .with('text', () => renderText(report))
    .with('markdown', () => renderMarkdown(report))
    .with('json', () => JSON.stringify(report, null, 2) + '\n')
    .with('html', () => renderHtml(report))
    .exhaustive();
}
