// The HTML draft: the cover notice first, every sentence present and escaped
// (a plan title that tries to be a script stays text), every footnote mark a
// link to a note that exists and every note linked to the law, tables with
// their captions and column headers, and no script anywhere.
import { beforeAll, describe, expect, it } from 'vitest';
import { draftBody, renderDraftHtml } from '../../src/draft/render-html.js';
import { escapeHtml } from '../../src/report/html.js';
import { DraftSchema, type Draft } from '../../src/draft/schema.js';
import { citationWords, draftedLine, footnotesTitle } from '../../src/draft/render-parts.js';
import { draftsToRender, HOSTILE_TITLE, sentencesOf } from './sample-draft.js';

const ids = (page: string) => [...page.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const hrefs = (page: string) => [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);

const DRAFTS = await draftsToRender();

describe.each(DRAFTS)('the HTML draft (%s)', (_name, draft: Draft) => {
  let page: string;
  beforeAll(() => {
    page = renderDraftHtml(draft);
  });

  it('is a whole page with no script: a plan title that holds a script tag is shown as text', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    if (JSON.stringify(draft).includes(JSON.stringify(HOSTILE_TITLE).slice(1, -1))) {
      expect(page).toContain(escapeHtml(HOSTILE_TITLE));
      expect(page).not.toContain(HOSTILE_TITLE);
    }
    expect(page).toContain(`<title>procheck draft: ${escapeHtml(draft.title)}</title>`);
  });

  it('says first that it is drafting, not advice, and who must check it', () => {
    const cover = page.indexOf(escapeHtml(draft.cover.notice));
    expect(cover).toBeGreaterThan(0);
    expect(page.indexOf(escapeHtml(draft.cover.checkBy))).toBeGreaterThan(cover);
    expect(cover).toBeLessThan(page.indexOf('<h2'));
    expect(page.indexOf(escapeHtml(draftedLine(draft)))).toBeGreaterThan(cover);
    for (const d of draft.decisions) expect(page).toContain(escapeHtml(d.plan.title));
  });

  it('heads the sections in order, the footnotes after the body and the appendix last', () => {
    const h2 = [...page.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    const title = (id: string) => draft.sections.filter((s) => (id === 'appendix') === (s.id === 'appendix')).map((s) => escapeHtml(s.title));
    expect(h2).toEqual([...title('body'), ...(draft.footnotes.length ? [escapeHtml(footnotesTitle())] : []), ...title('appendix')]);
    const h3 = [...page.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
    const headings = (level: number) => draft.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [escapeHtml(b.text)] : [])));
    // A heading at the first level is an h3 under its section's h2; one at the second (a part of a decision) an h4 under it.
    expect(h3).toEqual(headings(1));
    const h4 = [...page.matchAll(/<h4[^>]*>([^<]*)<\/h4>/g)].map((m) => m[1]);
    expect(h4).toEqual(headings(2));
  });

  it('writes every sentence escaped, each numbered paragraph with its number', () => {
    for (const s of sentencesOf(draft)) expect(page).toContain(`data-phrase="${escapeHtml(s.phrase)}">${escapeHtml(s.text)}</span>`);
    for (const section of draft.sections)
      for (const b of section.blocks) if (b.kind === 'paragraph' && b.number) expect(page).toContain(`<span class="procheck-para__number">${b.number}</span>`);
  });

  it('links every footnote mark to its note, and every note to the law and back to the text', () => {
    const pageIds = ids(page);
    expect(new Set(pageIds).size, 'ids are unique').toBe(pageIds.length);
    const marks = [...page.matchAll(/<a class="govuk-link procheck-fnref" href="#fn-(\d+)" id="([^"]+)">/g)];
    expect(marks.map((m) => Number(m[1]))).toEqual(sentencesOf(draft).flatMap((s) => s.footnotes));
    for (const f of draft.footnotes) {
      const note = page.match(new RegExp(`<li id="fn-${f.n}" value="${f.n}">(.*?)</li>`))?.[1];
      expect(note, `note ${f.n}`).toBeDefined();
      expect(note).toContain(`href="${escapeHtml(f.citation.url)}"`);
      expect(note).toContain(`>${escapeHtml(citationWords(f.citation))} (opens in new tab)</a>`);
      const back = note!.match(/href="#([^"]+)"/)![1]!;
      expect(marks.find((m) => m[2] === back)?.[1], `note ${f.n} links back to its first mark`).toBe(String(f.n));
    }
    for (const h of hrefs(page).filter((x) => x.startsWith('#'))) expect(pageIds, h).toContain(h.slice(1));
  });

  it('gives each table its caption and a header cell for each column, scoped to the column', () => {
    const tables = draft.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    const written = [...page.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(written).toHaveLength(tables.length);
    tables.forEach((t, i) => {
      const w = written[i]!;
      expect(w).toContain(`>${escapeHtml(t.caption)}</caption>`);
      expect([...w.matchAll(/<th scope="col" class="govuk-table__header">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(t.head.map(escapeHtml));
      expect(w).not.toMatch(/<th(?=[\s>])(?! scope="col")/);
      const cells = [...w.matchAll(/<td class="govuk-table__cell"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells).toEqual(t.rows.length ? t.rows.flatMap((r) => r.cells.map(escapeHtml)) : ['None.']);
    });
  });
});

describe('the HTML draft, for the web page and a draft out of the ordinary', () => {
  const draft = DRAFTS[0]![1];
  const page = renderDraftHtml(draft);

  it('gives the web page the body alone, and a paragraph number used twice gets ids of its own', () => {
    const body = draftBody(draft).value;
    expect(body).not.toMatch(/<html|<style|<main/);
    expect(page).toContain(body);
    const twice = structuredClone(draft);
    const legal = twice.sections.find((s) => s.id === 'legal')!;
    legal.blocks.push(...structuredClone(legal.blocks));
    // "1" twice, then "1.2": the second "1" must not take "1.2"'s id.
    twice.sections[0]!.blocks.push(
      { kind: 'paragraph', number: '1', sentences: [sentencesOf(draft)[0]!] },
      { kind: 'paragraph', number: '1', sentences: [sentencesOf(draft)[0]!] },
      { kind: 'paragraph', number: '1-2', sentences: [sentencesOf(draft)[0]!] },
    );
    const again = ids(renderDraftHtml(DraftSchema.parse(twice)));
    expect(new Set(again).size).toBe(again.length);
  });

  it('shows a mark with no note as a number, not a link to nothing', () => {
    const odd = structuredClone(draft);
    sentencesOf(odd)[0]!.footnotes = [99];
    const out = renderDraftHtml(odd);
    expect(out).not.toContain('#fn-99');
    expect(out).toContain('<sup>99</sup>');
  });
});
