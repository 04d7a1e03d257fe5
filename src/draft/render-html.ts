// The draft as HTML: one body the web page puts in its GOV.UK layout
// (draftBody), and a standalone printable page with the report's own small
// stylesheet (renderDraftHtml), no script. The cover notice comes first;
// then the sections, their numbered paragraphs and tables; the footnotes,
// each a link to the law; and the appendix. Every piece of text is escaped
// (the html`` template), so a plan title that holds markup stays text.
import type { Draft, DraftBlock, DraftSection, DraftSentence, DraftTable } from './schema.js';
import { html, raw, type Html } from '../report/html.js';
import { PRINT_CSS, VERDICT_LABEL, VERDICT_TAG } from '../report/render-html.js';
import type { Citation } from '../law/citation.js';
import { bodyAndAppendix, citationWords, draftedLine, footnoteIndex, footnotesTitle, planLines } from './render-parts.js';

/** Ids for the page, each used once: the same paragraph number twice (a report service by service) gets a suffix. */
class Ids {
  private readonly used = new Set<string>();
  take(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-');
    let id = clean;
    for (let n = 2; this.used.has(id); n++) id = `${clean}-${n}`;
    this.used.add(id);
    return id;
  }
}

interface Context {
  ids: Ids;
  footnotes: ReturnType<typeof footnoteIndex>;
  /** The id of each footnote's first reference in the text, for its link back. */
  firstRef: Map<number, string>;
}

/** A sentence's footnote marks: superscript links to the notes, each named "note 3" to a screen reader. */
function footnoteRefs(numbers: readonly number[], ctx: Context): Html {
  if (!numbers.length) return html``;
  const marks = numbers.map((n, i) => {
    const sep = i ? ', ' : '';
    if (!ctx.footnotes.has(n)) return html`${sep}${n}`;
    const id = ctx.ids.take(`fnref-${n}`);
    if (!ctx.firstRef.has(n)) ctx.firstRef.set(n, id);
    return html`${sep}<a class="govuk-link procheck-fnref" href="#fn-${n}" id="${id}"><span class="govuk-visually-hidden">note </span>${n}</a>`;
  });
  return html`<sup>${marks}</sup>`;
}

const sentence = (s: DraftSentence, ctx: Context): Html => html`<span data-phrase="${s.phrase}">${s.text}</span>${footnoteRefs(s.footnotes, ctx)}`;

const sentences = (list: readonly DraftSentence[], ctx: Context): Html => html`${list.map((s, i) => html`${i ? ' ' : ''}${sentence(s, ctx)}`)}`;

function table(t: DraftTable): Html {
  return html`<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">${t.caption}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${t.head.map((h) => html`<th scope="col" class="govuk-table__header">${h}</th>`)}</tr></thead>
<tbody class="govuk-table__body">${
    t.rows.length
      ? t.rows.map((r) => html`<tr class="govuk-table__row">${r.cells.map((c) => html`<td class="govuk-table__cell">${c}</td>`)}</tr>`)
      : html`<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="${t.head.length}">None.</td></tr>`
  }</tbody>
</table>`;
}

function block(b: DraftBlock, ctx: Context): Html {
  switch (b.kind) {
    case 'heading':
      // Under the section's h2: a decision h3, a part of it h4.
      return b.level === 1 ? html`<h3 class="govuk-heading-s">${b.text}</h3>` : html`<h4 class="govuk-heading-s">${b.text}</h4>`;
    case 'table':
      return table(b);
    case 'paragraph':
      return b.number === null
        ? html`<p class="govuk-body">${sentences(b.sentences, ctx)}</p>`
        : html`<p class="govuk-body procheck-para" id="${ctx.ids.take(`para-${b.number}`)}"><span class="procheck-para__number">${b.number}</span> <span class="procheck-para__text">${sentences(b.sentences, ctx)}</span></p>`;
  }
}

function section(s: DraftSection, ctx: Context): Html {
  const id = ctx.ids.take(`draft-${s.id}`);
  return html`<section class="procheck-draft-section${s.id === 'appendix' ? ' procheck-audit' : ''}" id="${id}" aria-labelledby="${id}-title">
<h2 class="govuk-heading-m" id="${id}-title">${s.title}</h2>
${s.blocks.map((b) => block(b, ctx))}
</section>`;
}

function cover(draft: Draft): Html {
  return html`<div class="govuk-warning-text procheck-draft-cover" id="cover"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${draft.cover.notice} ${draft.cover.checkBy}</strong></div>
<p class="govuk-body">${draftedLine(draft)}</p>
<dl class="govuk-summary-list">${planLines(draft).map(
    (l) =>
      html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${l.key}</dt><dd class="govuk-summary-list__value">${l.value} <strong class="govuk-tag ${VERDICT_TAG[l.verdict]}">${VERDICT_LABEL[l.verdict]}</strong></dd></div>`,
  )}</dl>`;
}

/** A note's link to the law, as the report's lawLink writes it, in the footnote phrase's words. */
const noteLink = (c: Citation) => html`<a class="govuk-link" href="${c.url}" rel="noreferrer noopener" target="_blank">${citationWords(c)} (opens in new tab)</a>`;

/** The notes in number order, each its citation linked to the law and a link back to where it is first cited. */
function footnotesList(draft: Draft, ctx: Context): Html {
  if (!ctx.footnotes.size) return html``;
  const notes = [...ctx.footnotes.values()].sort((a, b) => a.n - b.n);
  return html`<section class="procheck-footnotes" id="footnotes" aria-labelledby="footnotes-title">
<h2 class="govuk-heading-m" id="footnotes-title">${footnotesTitle()}</h2>
<ol class="govuk-list govuk-list--number">${notes.map((f) => {
    const back = ctx.firstRef.get(f.n);
    return html`<li id="fn-${f.n}" value="${f.n}">${noteLink(f.citation)}.${back ? html` <a class="govuk-link procheck-backlink" href="#${back}">Back to the text<span class="govuk-visually-hidden"> where note ${f.n} is first cited</span></a>` : ''}</li>`;
  })}</ol>
</section>`;
}

/**
 * The draft's content, headed at h1 (the draft's title), for a page of its
 * own or the web page's layout: the cover notice and what it was drafted
 * from, the sections, the notes, and the appendix.
 */
export function draftBody(draft: Draft): Html {
  const ctx: Context = { ids: new Ids(), footnotes: footnoteIndex(draft), firstRef: new Map() };
  for (const reserved of ['cover', 'footnotes', 'footnotes-title']) ctx.ids.take(reserved);
  const { body, appendix } = bodyAndAppendix(draft);
  // The body's and the appendix's references are numbered before the notes list is written, so each note links back.
  const bodyHtml = body.map((s) => section(s, ctx));
  const appendixHtml = appendix.map((s) => section(s, ctx));
  return html`<span class="govuk-caption-l">procheck draft report sections</span>
<h1 class="govuk-heading-l">${draft.title}</h1>
${cover(draft)}
${bodyHtml}
${footnotesList(draft, ctx)}
${appendixHtml}`;
}

// The draft's own additions to the report's print styles: a numbered
// paragraph hangs its number, a note mark is small, text for a screen reader
// only is out of sight, and a link back to the text is not printed.
const DRAFT_CSS = raw(`
.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.govuk-warning-text{border:2px solid #0b0c0c;padding:.6em 1em;margin:1em 0;font-weight:bold}
.govuk-warning-text__icon{display:none}
.procheck-draft-section h3{margin:1.2em 0 .4em}.procheck-draft-section caption{font-size:1.05em}
.procheck-para{display:grid;grid-template-columns:3.5em 1fr;margin:0 0 1em}
.procheck-para__number{font-weight:bold}
sup{line-height:0}.procheck-fnref{text-decoration:none}
.procheck-footnotes ol{padding-left:2em}.procheck-footnotes li{margin-bottom:.4em}
@media print{.procheck-backlink{display:none}}
`);

/** A standalone, printable HTML page of the draft: no script, its own styles, nothing fetched. */
export function renderDraftHtml(draft: Draft): string {
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>procheck draft: ${draft.title}</title>
<style>${PRINT_CSS}${DRAFT_CSS}</style></head>
<body><main>
${draftBody(draft)}
</main></body>
</html>
`.value;
}
