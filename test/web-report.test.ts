// The web page's "Draft report sections" (issue 22.3): the button on the
// result and options pages, the draft's page in the site's layout, and a
// download for each format, each a form post that stores nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { buildServer } from '../src/server/app.js';
import { PAGE_POLICY } from '../src/web/routes.js';
import { draftReport } from '../src/draft/compose.js';
import { renderDraft } from '../src/draft/render.js';
import { DraftSchema } from '../src/draft/schema.js';
import { checker } from './support/checker.js';
import { form } from './support/form-post.js';

const coventry = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'coventry-2024-competitive.json'), 'utf8')) as Record<string, unknown>;
const PLAN = JSON.stringify(coventry);
const TODAY = '2024-04-16';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker: checker() });
});
afterAll(() => app.close());

const post = (url: string, values: Record<string, string>) => app.inject({ url, ...form(values) });

/** The security headers every page and file carries. */
function expectSecurityHeaders(res: { headers: Record<string, unknown> }) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
}

/** The "Draft report sections" form on a page: it posts the plan to /draft. */
const DRAFT_FORM = /<form method="post" action="\/draft"><input type="hidden" name="plan" value="([^"]*)"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Draft report sections<\/button><\/form>/;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Draft report sections, on the web page', () => {
  it('is a button on the result page and on the options page, posting the plan', async () => {
    for (const url of ['/result', '/options']) {
      const res = await post(url, { plan: PLAN });
      expect(res.statusCode, url).toBe(200);
      const m = DRAFT_FORM.exec(res.body);
      expect(m, url).not.toBeNull();
      expect(JSON.parse(unescape(m![1]!))).toEqual(coventry);
    }
  });

  it('shows the draft in the site\'s layout, with the security headers and a download of each format', async () => {
    const res = await post('/draft', { plan: PLAN });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PAGE_POLICY);
    expectSecurityHeaders(res);
    const draft = await draftReport(checker(), { plan: coventry });
    expect(res.body).toContain(`<title>${draft.title} - procheck</title>`);
    expect(res.body).toContain('<header class="govuk-template__header">');
    expect(res.body).toContain(`<h1 class="govuk-heading-l">${draft.title}</h1>`);
    expect(res.body).toContain('id="draft-recommendations"');
    expect(res.body).toContain('This is drafting produced by procheck');
    // The downloads carry the plan and the day it was drafted, so each file is the draft on the page.
    const downloads = res.body.slice(res.body.indexOf('action="/draft/download"'));
    expect(downloads).toContain(`<input type="hidden" name="today" value="${draft.drafted}">`);
    for (const [format, label] of [['docx', 'Word (.docx)'], ['html', 'printable page (HTML)'], ['markdown', 'Markdown'], ['json', 'data (JSON)']] as const)
      expect(downloads).toMatch(new RegExp(`<button type="submit" name="format" value="${format}" class="govuk-button[^"]*" data-module="govuk-button">Download [a-z ]*${label.replace(/[().]/g, '\\$&')}</button>`));
  });

  it('names who decides and who awards, and the downloads keep them', async () => {
    const res = await post('/draft', { plan: PLAN, decisionMaker: ' Cabinet ', delegate: 'the Director of Public Health' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Cabinet is recommended to');
    expect(res.body).toContain('<input type="hidden" name="decisionMaker" value="Cabinet">');
    expect(res.body).toContain('<input type="hidden" name="delegate" value="the Director of Public Health">');
    expect(res.body).toMatch(/<input class="govuk-input[^"]*" id="draft-decision-maker" name="decisionMaker" type="text" spellcheck="false" value="Cabinet"/);
  });

  it('a name the draft refuses is said by its box, and the draft is made without it', async () => {
    const res = await post('/draft', { plan: PLAN, decisionMaker: 'Cabinet', delegate: 'x'.repeat(1000) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Error: ');
    expect(res.body).toContain('<a href="#draft-delegate">Who the award is delegated to: ');
    expect(res.body).toMatch(/<p id="draft-delegate-error" class="govuk-error-message">/);
    expect(res.body).toContain('Cabinet is recommended to');
    expect(res.body).not.toContain('<input type="hidden" name="delegate"');
  });

  it('a plan the draft refuses goes back to the form with the problem by its field; no plan is a 400 page', async () => {
    const bad = await post('/draft', { plan: JSON.stringify({ ...coventry, dates: { ...(coventry.dates as object), contractStart: '2025-02-30' } }) });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('<title>Error: Describe the plan - procheck</title>');
    expect(bad.body).toMatch(/<p id="dates-contractStart-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:<\/span> Service start is not a real calendar date<\/p>/);
    const none = await post('/draft', {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('No plan to draft from');
    expectSecurityHeaders(none);
  });

  it('each download is the file, as an attachment with its content type and the security headers', async () => {
    const draft = await draftReport(checker(), { plan: coventry }, { today: TODAY, decisionMaker: 'Cabinet' });
    const download = (format: string) => post('/draft/download', { plan: PLAN, format, today: TODAY, decisionMaker: 'Cabinet' });
    const expected = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      html: 'text/html; charset=utf-8',
      markdown: 'text/markdown; charset=utf-8',
      json: 'application/json; charset=utf-8',
    };
    const ext = { docx: 'docx', html: 'html', markdown: 'md', json: 'json' };
    for (const [format, type] of Object.entries(expected)) {
      const res = await download(format);
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type'], format).toBe(type);
      expect(res.headers['content-disposition'], format).toBe(`attachment; filename="coventry-2024-competitive-draft.${ext[format as keyof typeof ext]}"`);
      expectSecurityHeaders(res);
    }
    expect((await download('markdown')).body).toBe(await renderDraft(draft, 'markdown'));
    expect((await download('html')).body).toBe(await renderDraft(draft, 'html'));
    expect(DraftSchema.parse((await download('json')).json())).toEqual(draft);
    const docx = await download('docx');
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!)).toContain('Cabinet is recommended to');
  });

  it('a download of another format, or without a plan, is a 400', async () => {
    expect((await post('/draft/download', { plan: PLAN, format: 'pdf' })).statusCode).toBe(400);
    expect((await post('/draft/download', { format: 'docx' })).statusCode).toBe(400);
    expect((await post('/draft/download', { plan: PLAN, format: 'docx', today: 'yesterday' })).statusCode).toBe(400);
  });
});
