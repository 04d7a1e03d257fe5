// The draft as a Word document (.docx), written with the docx package. It
// uses Word's built-in style names only (Title, Heading 1, Heading 2, Normal,
// Caption, Table Grid, Footnote Text, Hyperlink), so a council's template
// restyles it when attached or when the text is pasted into a report.
//
// A paragraph's number is written as text at its start, then a tab, with a
// hanging indent: the draft numbers its paragraphs as the report does
// ("4.2", from the section's place in the report), the same in every format,
// and Word's list numbering only counts from where a list starts, so it
// could not carry those numbers; the council's own template renumbers the
// paragraphs when the text goes into its report.
//
// Each footnote mark in the text is a Word footnote of its own holding the
// citation (instrument, provision and the legislation.gov.uk address as a
// link): Word numbers its footnotes by their marks, in order, and a note
// cannot be marked twice, so a citation used twice is two notes saying the
// same, as a lawyer writing in Word would do it.
import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Citation } from '../law/citation.js';
import { VERDICT_LABEL } from '../report/render-html.js';
import type { Draft, DraftBlock, DraftSentence, DraftTable } from './schema.js';
import { citationWords, draftedLine, footnoteIndex, planLines } from './render-parts.js';

/**
 * Text as XML 1.0 can hold it: a control character (other than tab and line
 * ends) or a lone surrogate from a plan's text would make the document one
 * Word refuses to open, so it is left out.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlText = (text: string): string => text.replace(NOT_XML, '');

const run = (text: string, options: { bold?: boolean; style?: string } = {}) => new TextRun({ text: xmlText(text), ...options });

/** A citation as its footnote says it: the footnote phrase ("Instrument, provision"), then the address as a link. */
function citationNote(c: Citation): Paragraph {
  return new Paragraph({
    style: 'FootnoteText',
    children: [run(`${citationWords(c)}: `), new ExternalHyperlink({ link: c.url, children: [run(c.url, { style: 'Hyperlink' })] })],
  });
}

type Notes = ReturnType<typeof footnoteIndex>;

function footnoteMarks(numbers: readonly number[], notes: Notes): ParagraphChild[] {
  return numbers.flatMap((n) => {
    const note = notes.get(n);
    // A number the draft gives no footnote for is not a citation: nothing to mark.
    return note ? [new FootnoteReferenceRun({ children: [citationNote(note.citation)] })] : [];
  });
}

function sentenceRuns(sentences: readonly DraftSentence[], notes: Notes): ParagraphChild[] {
  return sentences.flatMap((s, i) => [run(`${i ? ' ' : ''}${s.text}`), ...footnoteMarks(s.footnotes, notes)]);
}

// The hanging indent of a numbered paragraph: its number, a tab, the text (half an inch, in twips).
const HANG = 720;

function paragraph(b: Extract<DraftBlock, { kind: 'paragraph' }>, notes: Notes): Paragraph {
  if (b.number === null) return new Paragraph({ style: 'Normal', children: sentenceRuns(b.sentences, notes) });
  return new Paragraph({
    style: 'Normal',
    indent: { left: HANG, hanging: HANG },
    children: [new TextRun({ children: [xmlText(b.number), new Tab()] }), ...sentenceRuns(b.sentences, notes)],
  });
}

const cell = (text: string, header: boolean, columnSpan?: number) =>
  new TableCell({ children: [new Paragraph({ style: 'Normal', children: [run(text, header ? { bold: true } : {})] })], ...(columnSpan ? { columnSpan } : {}) });

/** Word's caption convention (a Caption paragraph above the table), then the table: its header row repeats on each page. */
function table(t: DraftTable): (Paragraph | Table)[] {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h) => cell(h, true)) });
  const rows = t.rows.length
    ? t.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((c) => cell(c, false)) }))
    : [new TableRow({ children: [cell('None.', false, t.head.length)] })];
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [run(t.caption)] }),
    new Table({ style: 'TableGrid', width: { size: 100, type: WidthType.PERCENTAGE }, tableLook: { firstRow: true, noVBand: true }, rows: [header, ...rows] }),
    // Word runs two tables together without a paragraph between them.
    new Paragraph({ style: 'Normal', children: [] }),
  ];
}

function block(b: DraftBlock, notes: Notes): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      // Under the section's Heading 1: a decision Heading 2, a part of it Heading 3.
      return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [run(b.text)] })];
    case 'table':
      return table(b);
    case 'paragraph':
      return [paragraph(b, notes)];
  }
}

function cover(draft: Draft): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(draft.title)] }),
    new Paragraph({ style: 'Normal', children: [run(draft.cover.notice, { bold: true })] }),
    new Paragraph({ style: 'Normal', children: [run(draft.cover.checkBy, { bold: true })] }),
    new Paragraph({ style: 'Normal', children: [run(draftedLine(draft))] }),
    ...planLines(draft).map((l) => new Paragraph({ style: 'Normal', children: [run(`${l.key}: `, { bold: true }), run(`${l.value}: ${VERDICT_LABEL[l.verdict]}`)] })),
  ];
}

/**
 * Word's own "Table Grid" (a thin line round every cell), given as an
 * external style sheet of one style, so docx keeps its built-in styles beside
 * it and the tables have lines without a template; a council template's
 * Table Grid takes its place.
 */
const TABLE_GRID_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
  '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>' +
  '</w:styles>';

/** The draft as a .docx file's bytes. */
export async function renderDraftDocx(draft: Draft): Promise<Uint8Array> {
  const notes = footnoteIndex(draft);
  const children: (Paragraph | Table)[] = [...cover(draft)];
  for (const section of draft.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: section.id === 'appendix', children: [run(section.title)] }));
    for (const b of section.blocks) children.push(...block(b, notes));
  }
  const doc = new Document({
    title: xmlText(draft.title),
    subject: 'Draft procurement sections of a committee report',
    creator: 'procheck',
    lastModifiedBy: 'procheck',
    description: xmlText(`${draft.cover.notice} ${draft.cover.checkBy}`),
    externalStyles: TABLE_GRID_STYLES,
    sections: [{ children }],
  });
  return Packer.pack(doc, 'uint8array');
}
