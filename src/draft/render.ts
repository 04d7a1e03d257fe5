// A draft in each format it is published in.
import type { Draft } from './schema.js';
import { renderDraftMarkdown } from './render-markdown.js';

export type DraftFormat = 'markdown' | 'json';
export const DRAFT_FORMATS: readonly DraftFormat[] = ['markdown', 'json'];

/** The draft as text (Markdown, JSON) or, for a binary format, bytes. */
export async function renderDraft(draft: Draft, format: DraftFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'markdown':
      return renderDraftMarkdown(draft);
    case 'json':
      return JSON.stringify(draft, null, 2) + '\n';
  }
}
