import { match } from 'ts-pattern';
import type { Report } from './schema.js';
import { renderText } from './render-text.js';
import { renderMarkdown } from './render-markdown.js';

export type ReportFormat = 'text' | 'markdown' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json'];

export function renderReport(report: Report, format: ReportFormat): string {
  return match(format)
    .with('text', () => renderText(report))
    .with('markdown', () => renderMarkdown(report))
    .with('json', () => JSON.stringify(report, null, 2) + '\n')
    .exhaustive();
}
