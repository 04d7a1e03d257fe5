import { match } from 'ts-pattern';
import type { Report } from './schema.js';
import { renderText } from './render-text.js';
import { renderMarkdown } from './render-markdown.js';
import { renderHtml } from './render-html.js';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'html'];

export function renderReport(report: Report, format: ReportFormat): string {
  return match(format)
    .with('text', () => renderText(report))
    .with('markdown', () => renderMarkdown(report))
    .with('json', () => JSON.stringify(report, null, 2) + '\n')
    .with('html', () => renderHtml(report))
    .exhaustive();
}
