// The Word draft, read back: the .docx unzipped (fflate, which docx itself
// uses), each part parsed strictly, and what a reader of the draft relies on
// checked against the draft it was written from: the headings carry Word's
// heading styles, the paragraphs their numbers, the tables their captions,
// header rows and cells, each footnote mark its citation with the link to
// the law, and the text every sentence and special character as written.
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { renderDraftDocx } from '../../src/draft/render-docx.js';
import { DRAFT_FORMATS, renderDraft } from '../../src/draft/render.js';
import { DraftSchema, type Draft } from '../../src/draft/schema.js';
import { all, childrenNamed, parseXml, wordText, type XmlElement } from './xml.js';
import { citationWords, draftedLine } from '../../src/draft/render-parts.js';
import { draftsToRender, HOSTILE_TITLE, sentencesOf } from './sample-draft.js';

interface ReadBack {
  parts: Record<string, XmlElement>;
  body: XmlElement;
  /** The body's paragraphs and tables, in order. */
  blocks: XmlElement[];
  footnotes: Map<string, XmlElement>;
  footnoteRels: Map<string, { target: string; mode: string | undefined }>;
}

/** Unzips the document and parses every XML part: one Word could not read fails here. */
export async function readDocx(bytes: Uint8Array): Promise<ReadBack> {
  const files = unzipSync(bytes);
  const parts: Record<string, XmlElement> = {};
  for (const [name, data] of Object.entries(files))
    if (/\.(xml|rels)$/.test(name)) {
      try {
        parts[name] = parseXml(strFromU8(data));
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
  const body = all(parts['word/document.xml']!, 'w:body')[0]!;
  const footnotes = new Map(all(parts['word/footnotes.xml']!, 'w:footnote').map((f) => [f.attrs['w:id']!, f]));
  const footnoteRels = new Map(
    all(parts['word/_rels/footnotes.xml.rels'] ?? { name: 'none', attrs: {}, children: [] }, 'Relationship').map((r) => [r.attrs.Id!, { target: r.attrs.Target!, mode: r.attrs.TargetMode }]),
  );
  return { parts, body, blocks: body.children.filter((c): c is XmlElement => typeof c !== 'string' && (c.name === 'w:p' || c.name === 'w:tbl')), footnotes, footnoteRels };
}

const styleOf = (p: XmlElement) => all(p, 'w:pStyle')[0]?.attrs['w:val'];
/** A paragraph's text as shown, without its footnote marks. */
const paraText = (p: XmlElement) => wordText(p);
const paragraphsStyled = (doc: ReadBack, style: string) => doc.blocks.filter((b) => b.name === 'w:p' && styleOf(b) === style);

/** The footnote marks in the body, in order, each with the note it opens. */
const marks = (doc: ReadBack) => all(doc.body, 'w:footnoteReference').map((r) => doc.footnotes.get(r.attrs['w:id']!));

const DRAFTS = await draftsToRender();

describe.each(DRAFTS)('the Word draft (%s), read back', (_name, draft: Draft) => {
  let doc: ReadBack;
  beforeAll(async () => {
    doc = await readDocx(await renderDraftDocx(draft));
  });

  it('is a zip of well-formed parts, with the document, its styles, footnotes and their links', () => {
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/_rels/document.xml.rels', 'word/_rels/footnotes.xml.rels', 'docProps/core.xml'])
      expect(doc.parts[part], part).toBeDefined();
    const types = all(doc.parts['[Content_Types].xml']!, 'Override').map((o) => o.attrs.PartName);
    expect(types).toEqual(expect.arrayContaining(['/word/document.xml', '/word/footnotes.xml', '/word/styles.xml']));
  });

  it('has the title, the cover notice and who must check it first, and its properties name it and procheck', () => {
    const [first, second, third] = doc.blocks;
    expect(styleOf(first!)).toBe('Title');
    expect(paraText(first!)).toBe(draft.title);
    expect(paraText(second!)).toBe(draft.cover.notice);
    expect(paraText(third!)).toBe(draft.cover.checkBy);
    expect(paraText(doc.blocks[3]!)).toBe(draftedLine(draft));
    const core = doc.parts['docProps/core.xml']!;
    expect(wordText({ name: 'w:t', attrs: {}, children: all(core, 'dc:title')[0]!.children })).toBe(draft.title);
    expect(all(core, 'dc:creator')[0]!.children).toEqual(['procheck']);
    // Each plan on the cover, with its verdict.
    const coverText = doc.blocks.slice(0, 10).map(paraText).join('\n');
    for (const d of draft.decisions) expect(coverText).toContain(d.plan.title);
  });

  it('heads each section with Heading 1, each heading within it with Heading 2 or, a level down, Heading 3, in order, and the styles exist', () => {
    expect(paragraphsStyled(doc, 'Heading1').map(paraText)).toEqual(draft.sections.map((s) => s.title));
    // A heading at the first level is Heading 2 under its section; one at the second (a part of a decision) Heading 3.
    const levelled = (level: number) => draft.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : [])));
    expect(paragraphsStyled(doc, 'Heading2').map(paraText)).toEqual(levelled(1));
    expect(paragraphsStyled(doc, 'Heading3').map(paraText)).toEqual(levelled(2));
    const styles = all(doc.parts['word/styles.xml']!, 'w:style').map((s) => s.attrs['w:styleId']);
    expect(styles).toEqual(expect.arrayContaining(['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'Caption', 'TableGrid', 'FootnoteText', 'FootnoteReference', 'Hyperlink']));
    // The appendix starts a page.
    const headings = paragraphsStyled(doc, 'Heading1');
    draft.sections.forEach((s, i) => expect(all(headings[i]!, 'w:pageBreakBefore'), s.id).toHaveLength(s.id === 'appendix' ? 1 : 0));
  });

  it('writes every paragraph with its number, a tab and every sentence in full, special characters and all', () => {
    const bodyParas = doc.blocks.filter((b) => b.name === 'w:p').map(paraText);
    for (const section of draft.sections)
      for (const b of section.blocks)
        if (b.kind === 'paragraph') {
          const text = b.sentences.map((s) => s.text).join(' ');
          expect(bodyParas, `paragraph ${b.number}`).toContain(b.number === null ? text : `${b.number}\t${text}`);
        }
    const all_ = bodyParas.join('\n');
    for (const s of sentencesOf(draft)) expect(all_).toContain(s.text);
    if (JSON.stringify(draft.sections).includes(JSON.stringify(HOSTILE_TITLE).slice(1, -1))) expect(all_).toContain(HOSTILE_TITLE);
    // A numbered paragraph hangs its number.
    const number = draft.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph' && b.number)!;
    if (number.kind !== 'paragraph') throw new Error('no numbered paragraph');
    const numbered = doc.blocks.find((b) => b.name === 'w:p' && paraText(b).startsWith(`${number.number}\t`))!;
    expect(all(numbered, 'w:ind')[0]!.attrs).toMatchObject({ 'w:left': '720', 'w:hanging': '720' });
  });

  it('writes each table after its caption, with a header row marked as one, and every cell', () => {
    const tables = draft.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    const written = doc.blocks.map((b, i) => [b, i] as const).filter(([b]) => b.name === 'w:tbl');
    expect(written).toHaveLength(tables.length);
    tables.forEach((t, k) => {
      const [tbl, i] = written[k]!;
      const caption = doc.blocks[i - 1]!;
      expect(styleOf(caption)).toBe('Caption');
      expect(paraText(caption)).toBe(t.caption);
      expect(all(tbl, 'w:tblStyle')[0]!.attrs['w:val']).toBe('TableGrid');
      const rows = childrenNamed(tbl, 'w:tr');
      expect(all(rows[0]!, 'w:tblHeader'), t.caption).toHaveLength(1);
      expect(childrenNamed(rows[0]!, 'w:tc').map(wordText)).toEqual(t.head);
      expect(rows.slice(1).every((r) => all(r, 'w:tblHeader').length === 0)).toBe(true);
      if (t.rows.length) expect(rows.slice(1).map((r) => childrenNamed(r, 'w:tc').map(wordText))).toEqual(t.rows.map((r) => r.cells));
      else {
        // No rows: one cell across the table says so.
        expect(rows.slice(1).map((r) => childrenNamed(r, 'w:tc').map(wordText))).toEqual([['None.']]);
        expect(all(rows[1]!, 'w:gridSpan')[0]!.attrs['w:val']).toBe(String(t.head.length));
      }
    });
  });

  it('gives each footnote mark a note with its citation and the legislation.gov.uk address as an external link', () => {
    const expected = sentencesOf(draft).flatMap((s) => s.footnotes.map((n) => draft.footnotes.find((f) => f.n === n)!.citation));
    const notes = marks(doc);
    expect(notes).toHaveLength(expected.length);
    notes.forEach((note, i) => {
      const c = expected[i]!;
      expect(note, `mark ${i + 1}`).toBeDefined();
      expect(wordText(note!)).toBe(`${citationWords(c)}: ${c.url}`);
      expect(citationWords(c)).toContain(c.provision);
      expect(styleOf(all(note!, 'w:p')[0]!)).toBe('FootnoteText');
      const links = all(note!, 'w:hyperlink');
      expect(links).toHaveLength(1);
      expect(doc.footnoteRels.get(links[0]!.attrs['r:id']!)).toEqual({ target: c.url, mode: 'External' });
    });
    // Every footnote of the draft is cited, so every one is in the Word file.
    expect(new Set(expected.map((c) => c.url))).toEqual(new Set(draft.footnotes.map((f) => f.citation.url)));
  });
});

describe('the Word draft of text it cannot write as it is', () => {
  const draft = DRAFTS[0]![1];
  const marks0 = async () => marks(await readDocx(await renderDraftDocx(draft))).length;
  it('leaves out what XML cannot hold and marks no note the draft does not have, rather than writing a file Word refuses', async () => {
    const bad = structuredClone(draft);
    const sentence = bad.sections[0]!.blocks.find((b) => b.kind === 'paragraph')!;
    if (sentence.kind !== 'paragraph') throw new Error('no paragraph');
    sentence.sentences[0]!.text = 'Bell\u0007 and a lone \uD800 surrogate, then \u{1F600} kept.';
    sentence.sentences[0]!.footnotes = [99];
    bad.title = 'Title\u0000 with a nul';
    const back = await readDocx(await renderDraftDocx(DraftSchema.parse(bad)));
    const text = back.blocks.map((b) => wordText(b)).join('\n');
    expect(text).toContain('Bell and a lone  surrogate, then \u{1F600} kept.');
    expect(text).toContain('Title with a nul');
    expect(marks(back)).toHaveLength((await marks0()) - 1);
  });
});

describe('renderDraft', () => {
  it('writes HTML as text and Word as bytes, as DRAFT_FORMATS lists them', async () => {
    const draft = DRAFTS[1]![1];
    expect(DRAFT_FORMATS).toEqual(expect.arrayContaining(['html', 'docx']));
    const page = await renderDraft(draft, 'html');
    expect(typeof page === 'string' && page.startsWith('<!DOCTYPE html>')).toBe(true);
    const bytes = await renderDraft(draft, 'docx');
    expect(bytes).toBeInstanceOf(Uint8Array);
    const doc = await readDocx(bytes as Uint8Array);
    expect(paragraphsStyled(doc, 'Heading1').map(paraText)).toEqual(draft.sections.map((s) => s.title));
  });
});
