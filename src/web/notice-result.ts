// The result of checking published notices. For each procurement: the verdict
// in plain words first, with the notice that this is not legal advice beside
// it; then the findings, each with the notice's own words behind it; then what
// the notice does not give or leaves open. For several, a table of them comes
// first and the summary by authority and by kind of defect last. Markup only.
import { html, type Html } from '../report/html.js';
import { formatValue } from '../report/format.js';
import { AUTHORITY_WORDS, inWords } from '../report/plain-words.js';
import { lawLink, SEVERITY_CLASS, VERDICT_LABEL, VERDICT_TAG } from '../report/render-html.js';
import { SEVERITY_TAG } from '../report/render-text.js';
import { REGIME_TITLES } from '../law/vocabulary.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';
import { isCivilDate, longDate } from '../calendar/civil-date.js';
import type { NoticeAudit, NoticeReport } from '../notice/schema.js';
import { summaryCsv } from '../notice/csv.js';
import { layout, type PageMeta } from './pages.js';

type Verdict = NoticeReport['verdict'];
type Finding = NoticeReport['findings'][number];
type Quote = Finding['evidence'][number];

const TAG: Record<Verdict, string> = { ...VERDICT_TAG, 'not-checked': 'govuk-tag--grey' };
/** A verdict in words, as its tag says it: "not checked", "compliant if". */
const verdictWords = (v: Verdict) => (v === 'not-checked' ? 'not checked' : VERDICT_LABEL[v]);
const tag = (v: Verdict) => html`<strong class="govuk-tag ${TAG[v]}">${verdictWords(v)}</strong>`;

/** What each verdict means for a notice already published, and what to do with it. */
const MEANING: Record<Verdict, string> = {
  'non-compliant': 'What the notice shows breaks procurement law. The findings under "Must fix" say how, each with the notice\'s own words and the law.',
  review: 'Nothing the notice shows is certainly a breach, but some points need a person to check, or turn on facts the notice does not give.',
  compliant: 'Nothing the notice shows breaks the rules procheck checks.',
  'compliant-if': 'Nothing the notice shows breaks the rules procheck checks, provided the authority does what the conditions say (its own acts after the notice, with their dates).',
  'out-of-scope': 'The procurement falls under rules procheck does not check (the Public Contracts Regulations 2006): take advice.',
  'not-checked': 'procheck could not check this notice: it does not give facts a check cannot do without. They are listed below; open the plan as read in the form to give them and check it.',
};

/** A date or time from a notice ("2026-03-03T09:53:00Z") in words; anything else as it is. */
function dateWords(value: string | null): string {
  if (!value) return 'undated';
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}($|T)/.test(value) && isCivilDate(day) ? longDate(day) : value;
}

/** A value the readings name, in words ("local-authority" -> "local authority"). */
const valueWords = (v: string) => AUTHORITY_WORDS[v] ?? v;

/** "contractAmendment" -> "contract amendment". */
const tagWords = (t: string) => t.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Only an address on the web is linked: a notice's data never becomes a link of another kind. */
const webLink = (url: string | null, text: string | Html) =>
  url && /^https?:\/\//.test(url) ? html`<a class="govuk-link" href="${url}" rel="noreferrer noopener" target="_blank">${text} (opens in new tab)</a>` : text;

const heading = (level: number, text: string | Html, attrs: Html = html``) => html`<h${level} class="govuk-heading-${level <= 2 ? 'm' : 's'}"${attrs}>${text}</h${level}>`;

/** The notice's words behind a finding: each place once, a date in words. */
function noticeSaid(evidence: readonly Quote[]): Html {
  const seen = new Set<string>();
  const quotes = evidence.filter((e) => !seen.has(`${e.ocds}\n${e.quote}`) && seen.add(`${e.ocds}\n${e.quote}`));
  if (!quotes.length) return html``;
  return html`<ul class="govuk-list govuk-list--bullet">${quotes.map((q) => {
    const date = dateWords(q.quote);
    const words = date !== q.quote ? html`The notice gives the date ${date}` : html`The notice said: “${q.quote}”`;
    return html`<li>${words} <span class="govuk-body-s">(in <code>${q.ocds}</code>${q.fromWords ? ", read from the notice's words" : ''})</span></li>`;
  })}</ul>`;
}

function findingCard(f: Finding, id: string, level: number): Html {
  return html`<div class="govuk-summary-card procheck-finding" id="${id}">
  <div class="govuk-summary-card__title-wrapper"><h${level} class="govuk-summary-card__title"><strong class="govuk-tag ${SEVERITY_CLASS[f.severity]}">${SEVERITY_TAG[f.severity]}</strong> ${f.title}</h${level}></div>
  <div class="govuk-summary-card__content">
    <p class="govuk-body">${inWords(f.reason)}</p>
    ${noticeSaid(f.evidence)}
    <p class="govuk-body-s">Law: ${lawLink(f.citation)}. Rule <a class="govuk-link" href="/rules#${f.ruleId}"><code>${f.ruleId}</code></a>.</p>
  </div>
</div>`;
}

/** The findings in three groups (must fix, check, for information, folded), as the plan's result groups them. */
function groupedFindings(findings: readonly Finding[], level: number, prefix: string): Html {
  const groups: [string, string, Finding[], boolean][] = [
    ['must-fix', 'Must fix', findings.filter((f) => f.severity === 'non-compliant' || f.severity === 'out-of-scope'), false],
    ['check', 'Check', findings.filter((f) => f.severity === 'review'), false],
    ['information', 'For information', findings.filter((f) => f.severity === 'info'), true],
  ];
  let n = 0;
  const cards = (list: Finding[]) => list.map((f) => findingCard(f, `${prefix}finding-${++n}`, level + 1));
  return html`${heading(level, `Findings (${findings.length})`)}
${findings.length ? html`<p class="govuk-body">Where a finding speaks of “the plan”, it means the notice, read as a plan.</p>` : html`<p class="govuk-body">No rule found anything to report.</p>`}
${groups.map(([id, title, list, folded]) =>
  !list.length
    ? ''
    : folded
      ? html`<details class="govuk-details" id="${prefix}findings-${id}"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${title} (${list.length})</span></summary><div class="govuk-details__text">${cards(list)}</div></details>`
      : html`${heading(level + 1, `${title} (${list.length})`, html` id="${prefix}findings-${id}"`)}${cards(list)}`,
)}`;
}

function verdictBox(n: NoticeReport, id: string, level: number): Html {
  return html`<div class="procheck-verdict procheck-verdict--${n.verdict}" id="${id}">
  ${heading(level, html`Verdict: ${tag(n.verdict)}`)}
  <p class="govuk-body-l">${MEANING[n.verdict]}</p>
  <p class="govuk-body procheck-notice-summary">${inWords(n.summary)}</p>
  <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This is not legal advice: procheck reports what the rules it holds find in what the notice says. A person must read the findings before acting on them.</strong></div>
</div>`;
}

/**
 * The main facts as the notice gives them, in words. They come from the plan as read, not from the check: a
 * notice judged under several readings, or without a fact it lacks, has no one report whose figures it stated.
 */
function facts(n: NoticeReport): Html {
  const plan = n.plan as {
    route?: { regime?: unknown; process?: unknown };
    value?: { lifetime?: unknown; annual?: unknown; vatIncluded?: unknown };
    term?: { initialMonths?: unknown };
    dates?: Record<string, unknown>;
  };
  const vat = plan.value?.vatIncluded === true ? ', VAT included' : plan.value?.vatIncluded === false ? ', net of VAT' : '';
  const date = (d: unknown) => (typeof d === 'string' && isCivilDate(d) ? longDate(d) : undefined);
  const rows: [string, string | Html | undefined][] = [
    ['Notice', webLink(n.url, n.ocid)],
    ['Buyer', n.authority ?? 'Not named in what was read'],
    ['Rules the notice names', typeof plan.route?.regime === 'string' && plan.route.regime !== 'auto' ? (REGIME_TITLES[plan.route.regime] ?? plan.route.regime) : undefined],
    ['Process', typeof plan.route?.process === 'string' ? (PROCESS_LABELS[plan.route.process as keyof typeof PROCESS_LABELS] ?? plan.route.process) : undefined],
    ['Lifetime value', typeof plan.value?.lifetime === 'number' ? formatValue(plan.value.lifetime, 'gbp') + vat : undefined],
    ['Initial term', typeof plan.term?.initialMonths === 'number' ? formatValue(plan.term.initialMonths, 'months') : undefined],
    ['First notice', date(plan.dates?.procurementStart)],
    ['Service start', date(plan.dates?.contractStart)],
    [
      n.releases.length === 1 ? 'Release read' : `Releases read (${n.releases.length}, oldest first)`,
      html`<ul class="govuk-list">${n.releases.map((r) => html`<li>${dateWords(r.date)}: ${r.tag.map(tagWords).join(', ') || 'no tag'} <span class="govuk-body-s">(${r.where})</span></li>`)}</ul>`,
    ],
  ];
  return html`<dl class="govuk-summary-list">${rows.filter((r) => r[1] !== undefined).map(
    ([k, v]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`,
  )}</dl>`;
}

/** Where a file ended before its document did, what the notice does not give, what it leaves open, and its cautions. */
function gaps(n: NoticeReport, level: number, prefix: string): Html {
  const partly = n.checked && n.judgedWithout.length > 0;
  return html`${n.cutShort.map(
    (c) => html`<div class="govuk-inset-text" id="${prefix}cut-short"><strong>The file is cut short</strong> (${c.where}, inside <code>${c.path || 'the document'}</code>): what was read whole is used; what follows is not known.</div>`,
  )}
${n.missing.length
  ? html`${heading(level, 'What the notice does not give', html` id="${prefix}missing"`)}
<p class="govuk-body">${n.checked ? (partly ? 'procheck checked only what does not turn on these, and gives no verdict of compliant:' : 'The check went without these:') : 'A check cannot do without these, so the notice was read but not checked:'}</p>
<ul class="govuk-list govuk-list--bullet">${n.missing.map((m) => html`<li>${inWords(m.why)} (<code>${m.planPath}</code>)</li>`)}</ul>`
  : ''}
${n.readings.length
  ? html`${heading(level, 'What the notice leaves open', html` id="${prefix}readings"`)}
<p class="govuk-body">The notice was judged under every answer to each of these, and only what holds for all of them is decided.</p>
<ul class="govuk-list govuk-list--bullet">${n.readings.map((r) => html`<li><code>${r.field}</code>: ${inWords(r.why)}. Judged as each of: ${r.values.map(valueWords).join('; ')}.</li>`)}</ul>`
  : ''}
${n.cautions.length ? html`${heading(level, 'Cautions', html` id="${prefix}cautions"`)}<ul class="govuk-list govuk-list--bullet">${n.cautions.map((c) => html`<li>${inWords(c)}</li>`)}</ul>` : ''}`;
}

/** What no notice can show, each kind once: never a finding, never what makes the verdict a review. */
function notJudged(n: NoticeReport, level: number, prefix: string): Html {
  if (!n.notJudged.length) return html``;
  return html`${heading(level, 'Not judged from a notice', html` id="${prefix}not-judged"`)}
<p class="govuk-body">No published notice shows these, so procheck does not judge them and they do not make the verdict a review. A person who knows them must judge them:</p>
<ul class="govuk-list govuk-list--bullet">${n.notJudged.map(
    (x) => html`<li><strong>${x.what}</strong>: ${x.why} <span class="govuk-body-s">(${x.rules.map((r, i) => html`${i ? ', ' : ''}<a class="govuk-link" href="/rules#${r.ruleId}">${r.title}</a>`)})</span></li>`,
  )}</ul>`;
}

/** Every fact taken from the notice, with where and its words; then the fields no entry of the mapping reads. */
function read(n: NoticeReport, level: number, prefix: string): Html {
  return html`${n.sources.length
  ? html`<details class="govuk-details" id="${prefix}sources"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Every fact read from the notice (${n.sources.length})</span></summary><div class="govuk-details__text">
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Facts read from the notice</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Plan field</th><th scope="col" class="govuk-table__header">Where in the notice</th><th scope="col" class="govuk-table__header">The notice's words</th></tr></thead>
  <tbody class="govuk-table__body">${n.sources.map(
    (s) => html`<tr class="govuk-table__row"><td class="govuk-table__cell"><code>${s.planPath}</code></td><td class="govuk-table__cell"><code>${s.ocds}</code>${s.fromWords ? html` <strong class="govuk-tag govuk-tag--light-blue">read from words</strong>` : ''}</td><td class="govuk-table__cell">${dateWords(s.quote) === s.quote ? s.quote : html`${dateWords(s.quote)} (${s.quote})`}</td></tr>`,
  )}</tbody>
</table></div></details>`
  : ''}
${n.notUnderstood.length
  ? html`${heading(level, 'Fields procheck does not read', html` id="${prefix}not-understood"`)}<p class="govuk-body">The notice gives these, but no part of procheck's reading of notices reads them, so nothing here turns on them:</p><ul class="govuk-list govuk-list--bullet">${n.notUnderstood.map((f) => html`<li><code>${f}</code></li>`)}</ul>`
  : ''}`;
}

/** One procurement in full, its headings from `level` down; `prefix` keeps its ids apart from another's on the same page. */
function noticeDetails(n: NoticeReport, level: number, prefix: string, several: boolean): Html {
  const name = several ? html`<span class="govuk-visually-hidden">: ${n.title}</span>` : '';
  return html`${verdictBox(n, several ? `${prefix}verdict` : 'verdict', level)}
${facts(n)}
${gaps(n, level, prefix)}
${n.checked ? groupedFindings(n.findings, level, prefix) : ''}
${notJudged(n, level, prefix)}
${read(n, level, prefix)}
<form method="post" action="/plan/edit"><input type="hidden" name="plan" value="${JSON.stringify(n.plan)}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Open the plan as read in the form${name}</button></form>`;
}

const verdictCounts = (byVerdict: Record<string, number>) =>
  Object.entries(byVerdict)
    .map(([v, k]) => `${k} ${verdictWords(v as Verdict)}`)
    .join(', ');

/**
 * The most procurements a page shows in full (about 20 KB each): past it the table still lists every one with its
 * verdict and what it found, and the full result is a download (a page of a thousand in full was 20 MB).
 */
export const NOTICES_IN_FULL = 25;

function noticesTable(a: NoticeAudit): Html {
  return html`<table class="govuk-table" id="notices">
  <caption class="govuk-table__caption govuk-table__caption--m">The procurements (${a.notices.length})</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Verdict</th><th scope="col" class="govuk-table__header">Notice</th><th scope="col" class="govuk-table__header">Buyer</th><th scope="col" class="govuk-table__header">Title</th><th scope="col" class="govuk-table__header">In a sentence</th></tr></thead>
  <tbody class="govuk-table__body">${a.notices.map(
    (n, i) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${tag(n.verdict)}</td><td class="govuk-table__cell">${webLink(n.url, n.ocid)}</td><td class="govuk-table__cell">${n.authority ?? 'Not named'}</td><td class="govuk-table__cell">${i < NOTICES_IN_FULL ? html`<a class="govuk-link" href="#notice-${i + 1}">${n.title}</a>` : n.title}</td><td class="govuk-table__cell">${inWords(n.summary)}</td></tr>`,
  )}</tbody>
</table>`;
}

/** The most authorities the chart draws; the table below it has every one. */
export const CHART_AUTHORITIES = 20;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Defects by authority as a small bar chart: for each authority with any, the breaches found and the points to review
 * in its procurements, a bar each with its number written beside it, so colour is never the only sign. An image with a
 * title and a description in words for a screen reader; the table after it holds the same numbers.
 */
function defectsChart(s: NoticeAudit['summary']): Html {
  const rows = s.byAuthority
    .filter((a) => a.breaches + a.reviews > 0)
    .sort((a, b) => b.breaches - a.breaches || b.reviews - a.reviews || (a.authority < b.authority ? -1 : 1));
  if (!rows.length) return html``;
  const shown = rows.slice(0, CHART_AUTHORITIES);
  const most = shown.reduce((m, a) => Math.max(m, a.breaches, a.reviews), 1);
  const [labelW, barW, bar, rowH, top] = [240, 300, 14, 44, 8];
  const width = labelW + barW + 120;
  const height = top + shown.length * rowH;
  const name = (a: string) => (a.length > 34 ? `${a.slice(0, 33)}…` : a);
  const said = shown.map((a) => `${a.authority}: ${plural(a.breaches, 'breach', 'breaches')}, ${plural(a.reviews, 'point', 'points')} to review`).join('; ');
  return html`<figure class="procheck-chart" id="defects-chart">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="defects-chart-title defects-chart-desc" viewBox="0 0 ${width} ${height}" width="100%" focusable="false" font-family="&quot;GDS Transport&quot;, arial, sans-serif">
  <title id="defects-chart-title">Defects found by authority</title>
  <desc id="defects-chart-desc">For each authority, the breaches found and the points to review in its procurements. ${said}.</desc>
  ${shown.map((a, i) => {
    const y = top + i * rowH;
    const w = (n: number) => Math.max(n ? 2 : 0, Math.round((n / most) * barW));
    return html`<g>
    <text x="0" y="${y + bar + 4}" font-size="14" fill="#0b0c0c">${name(a.authority)}</text>
    <rect x="${labelW}" y="${y}" width="${w(a.breaches)}" height="${bar}" fill="#d4351c"><title>${a.authority}: ${plural(a.breaches, 'breach', 'breaches')}</title></rect>
    <text x="${labelW + w(a.breaches) + 6}" y="${y + bar - 2}" font-size="13" fill="#0b0c0c">${plural(a.breaches, 'breach', 'breaches')}</text>
    <rect x="${labelW}" y="${y + bar + 4}" width="${w(a.reviews)}" height="${bar}" fill="#f47738"><title>${a.authority}: ${plural(a.reviews, 'point', 'points')} to review</title></rect>
    <text x="${labelW + w(a.reviews) + 6}" y="${y + 2 * bar + 2}" font-size="13" fill="#0b0c0c">${plural(a.reviews, 'to review', 'to review')}</text>
  </g>`;
  })}
</svg>
<figcaption class="govuk-body-s">Breaches (red) and points to review (orange) found in each authority's procurements${rows.length > shown.length ? html`: the ${shown.length} with the most of ${rows.length}; every authority is in the table below` : ''}. The numbers are in the table below.</figcaption>
</figure>`;
}

/** The summary as CSV, to download: the page stores nothing, so the file is in the link itself. */
const csvLink = (a: NoticeAudit) =>
  html`<p class="govuk-body"><a class="govuk-link" download="notices-summary.csv" href="${`data:text/csv;charset=utf-8,${encodeURIComponent(summaryCsv(a.summary))}`}">Download the summary by authority and kind of defect (CSV)</a></p>`;

function summary(a: NoticeAudit): Html {
  const s = a.summary;
  return html`<h2 class="govuk-heading-l" id="summary">Summary</h2>
<p class="govuk-body">${s.notices} procurement${s.notices === 1 ? '' : 's'}: ${verdictCounts(s.byVerdict) || 'none'}.</p>
${defectsChart(s)}
<table class="govuk-table" id="by-authority">
  <caption class="govuk-table__caption govuk-table__caption--m">By authority</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Authority</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Procurements</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Breaches found</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Points to review</th><th scope="col" class="govuk-table__header">Verdicts</th></tr></thead>
  <tbody class="govuk-table__body">${s.byAuthority.map(
    (b) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${b.authority}</th><td class="govuk-table__cell govuk-table__cell--numeric">${b.notices}</td><td class="govuk-table__cell govuk-table__cell--numeric">${b.breaches}</td><td class="govuk-table__cell govuk-table__cell--numeric">${b.reviews}</td><td class="govuk-table__cell">${verdictCounts(b.byVerdict)}</td></tr>`,
  )}</tbody>
</table>
${csvLink(a)}
${s.byDefect.length
  ? html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">By kind of defect</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Defect</th><th scope="col" class="govuk-table__header">Severity</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Procurements</th></tr></thead>
  <tbody class="govuk-table__body">${s.byDefect.map(
    (d) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${d.title} (<a class="govuk-link" href="/rules#${d.ruleId}"><code>${d.ruleId}</code></a>)</td><td class="govuk-table__cell">${d.severity in SEVERITY_CLASS ? html`<strong class="govuk-tag ${SEVERITY_CLASS[d.severity as Finding['severity']]}">${SEVERITY_TAG[d.severity as Finding['severity']]}</strong>` : d.severity}</td><td class="govuk-table__cell govuk-table__cell--numeric">${d.notices}</td></tr>`,
  )}</tbody>
</table>`
  : html`<p class="govuk-body">No defect found in any of them.</p>`}`;
}

/** Parts of the files that are not releases procheck can read: named, never dropped silently. */
function unread(a: NoticeAudit): Html {
  if (!a.summary.unread.length) return html``;
  return html`<h2 class="govuk-heading-m" id="unread">Parts of the file not read</h2>
<ul class="govuk-list govuk-list--bullet">${a.summary.unread.map((u) => html`<li>${u.where}: ${u.why}</li>`)}</ul>`;
}

export function noticeResultPage(meta: PageMeta, a: NoticeAudit): string {
  const links = html`<p class="govuk-body"><a class="govuk-link" href="/notices">Check another notice</a></p>`;
  const footer = html`<p class="govuk-body-s">procheck ${a.procheck}, rule set ${a.ruleSetVersion}. Read from ${a.file}.</p>`;
  if (a.notices.length === 1) {
    const n = a.notices[0]!;
    const body = html`<span class="govuk-caption-l">procheck: a published notice checked</span>
<h1 class="govuk-heading-l">${n.title}</h1>
${noticeDetails(n, 2, '', false)}
${unread(a)}
${links}${footer}`;
    return layout(`${verdictWords(n.verdict)}: ${n.title}`, meta, body);
  }
  const body = html`<span class="govuk-caption-l">procheck: published notices checked</span>
<h1 class="govuk-heading-l">${a.notices.length} procurements checked</h1>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This is not legal advice: procheck reports what the rules it holds find in what each notice says. A person must read the findings before acting on them.</strong></div>
${noticesTable(a)}
${a.notices.length > NOTICES_IN_FULL ? html`<div class="govuk-inset-text" id="in-full">The first ${NOTICES_IN_FULL} of the ${a.notices.length} procurements are shown in full below; the table above lists every one with its verdict and what it found. For every one in full, <a class="govuk-link" href="/notices#upload">check the notices again</a> choosing "Download the full result as a file", or use <code>procheck notice</code> on the command line.</div>` : html``}
${a.notices.slice(0, NOTICES_IN_FULL).map(
  (n, i) => html`<section class="procheck-notice" id="notice-${i + 1}" aria-labelledby="notice-${i + 1}-title">
<h2 class="govuk-heading-l" id="notice-${i + 1}-title"><span class="govuk-caption-m">${n.ocid}</span>${n.title}</h2>
${noticeDetails(n, 3, `notice-${i + 1}-`, true)}
</section>`,
)}
${summary(a)}
${unread(a)}
${links}${footer}`;
  return layout(`${a.notices.length} procurements checked`, meta, body);
}
