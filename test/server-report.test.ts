// POST /v1/report (issue 22.4): the draft report sections, in the format the
// Accept header picks, through Fastify's inject; and over the pool of worker
// threads, where the Word file comes back as bytes from a thread (the web
// page's draft too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { buildServer } from '../src/server/app.js';
import { preferredType } from '../src/server/accept.js';
import { draftReport } from '../src/draft/compose.js';
import { renderDraft } from '../src/draft/render.js';
import { DraftSchema } from '../src/draft/schema.js';
import { checker } from './support/checker.js';

const cases = join(import.meta.dirname, '..', 'cases');
const read = (name: string) => JSON.parse(readFileSync(join(cases, `${name}.json`), 'utf8')) as Record<string, unknown>;
const coventry = read('coventry-2024-competitive');
const NORFOLK = ['norfolk-2017-option1-reprocure', 'norfolk-2017-option2-extend-redesign', 'norfolk-2017-option3-extend-unchanged'].map(read);
const NORTHANTS = ['northants-2023-young-people-competitive', 'northants-2023-case-management-competitive'].map(read);
const TODAY = '2024-04-16';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker: checker() });
});
afterAll(() => app.close());

const report = (payload: unknown, accept?: string) => app.inject({ method: 'POST', url: '/v1/report', headers: accept === undefined ? {} : { accept }, payload: payload as object });

/** The security headers every response carries. */
function expectSecurityHeaders(res: { headers: Record<string, unknown> }) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
}

describe('POST /v1/report', () => {
  it('answers with the Draft as JSON by default: the library\'s draft of the same request', async () => {
    const res = await report({ plan: coventry, today: TODAY, decisionMaker: 'Cabinet' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toMatch(/Accept/);
    expectSecurityHeaders(res);
    const draft = DraftSchema.parse(res.json());
    expect(draft).toEqual(await draftReport(checker(), { plan: coventry }, { today: TODAY, decisionMaker: 'Cabinet' }));
    // A bare plan is a request too; */* and application/json ask for the same.
    for (const accept of [undefined, '*/*', 'application/json', 'application/*'])
      expect(DraftSchema.parse((await report(coventry, accept)).json()).decisions[0]!.plan.id, accept).toBe(coventry.id);
  });

  it('Accept text/markdown and text/html give the draft as Markdown and as a printable page', async () => {
    const draft = await draftReport(checker(), { plan: coventry }, { today: TODAY });
    const md = await report({ plan: coventry, today: TODAY }, 'text/markdown');
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toBe(await renderDraft(draft, 'markdown'));
    const page = await report({ plan: coventry, today: TODAY }, 'text/html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toBe(await renderDraft(draft, 'html'));
    // Its own inline stylesheet, and nothing else: no script, nothing fetched.
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expectSecurityHeaders(page);
  });

  it('Accept Word gives a .docx that opens, as an attachment', async () => {
    const res = await report({ plan: coventry, today: TODAY }, DOCX);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="draft-report-sections.docx"');
    expectSecurityHeaders(res);
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const document = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!);
    expect(document).toContain('Recommendations');
    expect(document).toContain('Coventry');
  });

  it('weighs the Accept header: quality, then the most specific range, a tie to JSON first', async () => {
    const typeOf = async (accept: string) => (await report({ plan: coventry, today: TODAY }, accept)).headers['content-type'];
    expect(await typeOf('text/html;q=0.5, text/markdown')).toBe('text/markdown; charset=utf-8');
    expect(await typeOf('text/*')).toBe('text/markdown; charset=utf-8');
    expect(await typeOf('application/json;q=0, */*;q=0.1')).toBe('text/markdown; charset=utf-8');
    expect(await typeOf(`text/markdown;q=0.2, ${DOCX};q=0.8`)).toBe(DOCX);
    expect(preferredType(undefined, ['a/b', 'c/d'])).toBe('a/b');
    expect(preferredType('c/*;q=0.3, */*;q=0.2', ['a/b', 'c/d'])).toBe('c/d');
    expect(preferredType('c/d;q=0, c/*', ['a/b', 'c/d'])).toBeNull();
    expect(preferredType('nonsense', ['a/b'])).toBeNull();
  });

  it('406 for an Accept it cannot give, as an RFC 9457 problem naming what it can', async () => {
    for (const accept of ['application/pdf', 'image/*', '*/*;q=0']) {
      const res = await report({ plan: coventry }, accept);
      expect(res.statusCode, accept).toBe(406);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expectSecurityHeaders(res);
      expect(res.json()).toMatchObject({ type: '/problems/not-acceptable', status: 406, error: 'not-acceptable' });
      expect(res.json().detail).toContain('text/markdown');
    }
  });

  it('drafts a decision and its options (Norfolk 2017), and a decision a plan (Northamptonshire 2023)', async () => {
    const options = DraftSchema.parse((await report({ plan: NORFOLK[0], options: NORFOLK.slice(1), today: '2017-06-01' })).json());
    expect(options.decisions).toHaveLength(1);
    expect(options.decisions[0]!.options?.options).toHaveLength(3);
    const each = DraftSchema.parse((await report({ each: NORTHANTS, today: '2023-06-01' })).json());
    expect(each.decisions.map((d) => d.plan.id)).toEqual(NORTHANTS.map((p) => p.id));
  });

  it('400 invalid-plan naming the field where it sits, a drafting option by its own name', async () => {
    const issues = async (payload: unknown) => {
      const res = await report(payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.json()).toMatchObject({ type: '/problems/invalid-plan' });
      return (res.json().issues as { path: string }[]).map((i) => i.path);
    };
    const badDate = { ...coventry, dates: { ...(coventry.dates as object), contractStart: '2025-02-30' } };
    expect(await issues(badDate)).toContain('dates.contractStart');
    expect(await issues({ plan: badDate })).toContain('plan.dates.contractStart');
    expect(await issues({ plan: coventry, options: [coventry, badDate] })).toContain('options.1.dates.contractStart');
    expect(await issues({ each: [coventry, badDate] })).toContain('each.1.dates.contractStart');
    expect(await issues({ plan: coventry, today: '2024-02-30' })).toEqual(['today']);
    expect(await issues({ plan: coventry, delegate: '' })).toEqual(['delegate']);
    expect(await issues({ plan: coventry, decisionMaker: 7 })).toEqual(['decisionMaker']);
    expect(await issues({ plan: coventry, author: 'x' })).toEqual(['author']);
    expect(await issues({ plan: coventry, each: [coventry] })).toEqual(['each']);
    expect(await issues({ plan: coventry, options: 'all' })).toEqual(['options']);
    expect(await issues({ plan: coventry, options: Array.from({ length: 10 }, () => coventry) })).toEqual(['options']);
    expect(await issues({ each: [] })).toEqual(['each']);
  });

  it('is in the OpenAPI document: the request, the Draft\'s JSON Schema and each content type', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    const op = doc.paths['/v1/report'].post;
    expect(Object.keys(op.responses['200'].content)).toEqual(['application/json', 'text/markdown', 'text/html', DOCX]);
    expect(op.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Draft' });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '406', '413', '415', '503']));
    expect(op.requestBody.content['application/json'].schema.oneOf).toEqual([{ $ref: '#/components/schemas/Plan' }, { $ref: '#/components/schemas/DraftRequest' }]);
    expect(doc.components.schemas.Draft.properties.sections).toBeDefined();
    expect(Object.keys(doc.components.schemas.DraftRequest.properties)).toEqual(['plan', 'options', 'each', 'today', 'delegate', 'decisionMaker']);
  });
});

describe('POST /v1/report on the pool of worker threads', () => {
  let pooled: FastifyInstance;
  beforeAll(async () => {
    pooled = await buildServer({ work: { threads: 1, queue: 4, budgetMs: 120_000, waitMs: 120_000 } });
  });
  afterAll(() => pooled?.close());

  it('drafts on a thread: the Word file comes back whole, and the Markdown is the library\'s', async () => {
    const docx = await pooled.inject({ method: 'POST', url: '/v1/report', headers: { accept: DOCX }, payload: { plan: coventry, today: TODAY } });
    expect(docx.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(docx.rawPayload)))).toContain('word/document.xml');
    const md = await pooled.inject({ method: 'POST', url: '/v1/report', headers: { accept: 'text/markdown' }, payload: { plan: coventry, today: TODAY } });
    expect(md.body).toBe(await renderDraft(await draftReport(checker(), { plan: coventry }, { today: TODAY }), 'markdown'));
    const bad = await pooled.inject({ method: 'POST', url: '/v1/report', payload: { plan: coventry, today: 'soon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['today']);
  });

  it('the web page\'s draft and its Word download are made on a thread too', async () => {
    const plan = JSON.stringify(coventry);
    const page = await pooled.inject({ method: 'POST', url: '/draft', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ plan }).toString() });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Draft report sections: Coventry');
    const docx = await pooled.inject({ method: 'POST', url: '/draft/download', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ plan, format: 'docx' }).toString() });
    expect(docx.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(docx.rawPayload)))).toContain('word/document.xml');
  });
});
