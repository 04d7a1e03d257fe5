// The formats POST /v1/report answers in, by the media type an Accept header
// names: what app.ts negotiates and openapi.ts documents.
import type { DraftFormat } from '../draft/render.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Media type to format, in the order a tie goes: the Draft as JSON first (the default), then Markdown, HTML, Word. */
export const DRAFT_MEDIA_TYPES: Record<string, { format: DraftFormat; ext: string }> = {
  'application/json': { format: 'json', ext: 'json' },
  'text/markdown': { format: 'markdown', ext: 'md' },
  'text/html': { format: 'html', ext: 'html' },
  [DOCX_MEDIA_TYPE]: { format: 'docx', ext: 'docx' },
};
