// A draft in each format it is published in.
import type { Draft } from './schema.js';
import { renderDraftMarkdown } from './render-markdown.js';
import { renderDraftHtml } from './render-html.js';

export type DraftFormat = 'markdown' | 'json' | 'html' | 'docx';
export const DRAFT_FORMATS: readonly DraftFormat[] = ['markdown', 'json', 'html', 'docx'];

/** The draft as text (Markdown, JSON, HTML) or, for a binary format (Word), bytes. */
export async function renderDraft(draft: Draft, format: DraftFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'markdown':
      return renderDraftMarkdown(draft);
    case 'json':
      return JSON.stringify(draft, null, 2) + '\n';
    case 'html':
      return renderDraftHtml(draft);
    case 'docx':
      // Loaded when asked for: the Word writer (docx) is most of the bundled command's size, and a check never needs it.
      return (await import('./render-docx.js')).renderDraftDocx(draft);
  }
}
