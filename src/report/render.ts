import { match } from 'ts-pattern';
import type { Report } from './schema.js';
import { renderText } from './render-text.js';
import { renderMarkdown } from './render-markdown.js';
import { renderHtml } from './render-html.js';
import type { AuditRecord } from './audit.js';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'html'];

/**
 * The report in a format. With an audit record (the plan as checked and the
 * time), the JSON carries the plan (`input`, so opening the report opens its
 * plan) and the printable HTML its audit record and sign-off block.
 */
export function renderReport(report: Report, format: ReportFormat, audit?: AuditRecord): string {
  return match(format)
    .with('text', () => renderText(report))
    .with('markdown', () => renderMarkdown(report))
    .with('json', () => JSON.stringify(audit && isObject(audit.plan) ? { ...report, input: audit.plan } : report, null, 2) + '\n')
    .with('html', () => renderHtml(report, audit))
    .exhaustive();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
