// The web page's "Check a published notice": the form, an upload or a paste
// audited as `procheck notice` audits it, and every bad input said by its box.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { auditNoticeFiles } from '../src/notice/audit.js';
import { registerWeb } from '../src/web/routes.js';
import { loadCaseBook } from '../src/review/rule-cases.js';
import { escapeHtml } from '../src/report/html.js';
import { inWords } from '../src/report/plain-words.js';
import type { NoticeAudit, NoticeReport } from '../src/notice/schema.js';
import { NOTICES_IN_FULL } from '../src/web/notice-result.js';

const root = join(import.meta.dirname, '..');
const NOTICES = join(root, 'cases', 'notices');
const notice = (name: string) => readFileSync(join(NOTICES, name), 'utf8');
const checker = createChecker();

/** Shropshire's direct award C: its history and its release read together, a representations deadline too short. */
const SHROPSHIRE = 'shropshire-2026-psr-direct-award-c-public-health-nursing';
const NENC = 'nenc-icb-2025-psr-direct-award-a-liaise-durham-west';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker });
});
afterAll(() => app.close());

const paste = (text: string) => ({
  method: 'POST' as const,
  url: '/notices',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams({ noticeText: text }).toString(),
});

function upload(files: { name: string; content: string }[]) {
  const boundary = '----procheck-notices';
  const parts = files.flatMap((f) => [`--${boundary}`, `Content-Disposition: form-data; name="noticeFiles"; filename="${f.name}"`, 'Content-Type: application/json', '', f.content]);
  const payload = [...parts, `--${boundary}--`, ''].join('\r\n');
  return { method: 'POST' as const, url: '/notices', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
}

/** The error summary's links: where each goes and what it says. */
const summaryLinks = (body: string) => [...body.matchAll(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/g)].flatMap((m) => [...m[0].matchAll(/<li><a href="([^"]+)">([^<]*)<\/a><\/li>/g)].map((l) => ({ href: l[1], message: l[2] })));

describe('the way in and the form', () => {
  it('the start page links to /notices', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.body).toMatch(/<a class="govuk-link" href="\/notices">Check a published notice<\/a>/);
  });

  it('GET /notices has a file upload and a text box, each with its label and hint, posting to /notices', async () => {
    const res = await app.inject({ url: '/notices' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Check a published notice - procheck</title>');
    expect(res.body).toContain('<label class="govuk-label govuk-label--s" for="noticeFiles">OCDS files</label>');
    expect(res.body).toMatch(/<input class="govuk-file-upload" id="noticeFiles" name="noticeFiles" type="file" multiple accept="\.json,\.ndjson,\.jsonl[^"]*" aria-describedby="noticeFiles-hint">/);
    expect(res.body).toContain('<label class="govuk-label govuk-label--s" for="noticeText">OCDS JSON</label>');
    expect(res.body).toMatch(/<textarea class="govuk-textarea" id="noticeText" name="noticeText"[^>]*aria-describedby="noticeText-hint">/);
    expect(res.body).toContain('id="noticeFiles-hint"');
    expect(res.body).toContain('id="noticeText-hint"');
    expect(res.body).toContain('<form method="post" action="/notices" enctype="multipart/form-data" novalidate>');
    expect(res.body).toContain('<form method="post" action="/notices" novalidate>');
    expect(res.body).not.toContain('govuk-error-summary');
  });
});

describe('a notice checked', () => {
  // What the page shows is what the audit gives: its expectations come from auditNoticeFiles, so they follow the notice reader.
  const TAG: Record<string, string> = { compliant: 'green', 'compliant-if': 'turquoise', review: 'yellow', 'non-compliant': 'red', 'out-of-scope': 'grey', 'not-checked': 'grey' };
  const words = (v: string) => (v === 'not-checked' ? 'not checked' : v === 'compliant-if' ? 'compliant if' : v);
  const verdictTag = (v: string) => `<strong class="govuk-tag govuk-tag--${TAG[v]}">${words(v)}</strong>`;
  /** A quote of the notice's own words (not a date) behind one of its findings. */
  const quoteOf = (n: NoticeReport) => n.findings.flatMap((f) => f.evidence).find((e) => / \w+ /.test(e.quote));

  it('pasted: its verdict in words first, the not-legal-advice notice beside it, and the notice quoted behind a finding', async () => {
    const text = notice(`${NENC}.ocds.json`);
    const expected = (await auditNoticeFiles([{ text, name: 'the pasted text' }], checker)).notices[0]!;
    expect(expected.checked).toBe(true);
    const res = await app.inject(paste(text));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<title>${words(expected.verdict)}: ${escapeHtml(expected.title)} - procheck</title>`);
    const verdict = new RegExp(`<div class="procheck-verdict procheck-verdict--${expected.verdict}" id="verdict">([\\s\\S]*?)</div>\\s*<dl`).exec(res.body)?.[1];
    expect(verdict).toContain(`Verdict: ${verdictTag(expected.verdict)}`);
    expect(verdict).toContain('This is not legal advice');
    expect(verdict).toContain(escapeHtml(inWords(expected.summary)));
    // The verdict comes before the findings, and each finding is there with its law linked and the notice's words.
    expect(res.body.indexOf('id="verdict"')).toBeLessThan(res.body.indexOf('Findings ('));
    const quote = quoteOf(expected)!;
    expect(quote.quote).toContain('Direct Award Process A');
    expect(res.body).toContain(`The notice said: “${escapeHtml(quote.quote)}” <span class="govuk-body-s">(in <code>${escapeHtml(quote.ocds)}</code>${quote.fromWords ? escapeHtml(", read from the notice's words") : ''})</span>`);
    expect((res.body.match(/class="govuk-summary-card procheck-finding"/g) ?? []).length).toBe(expected.findings.length);
    for (const f of expected.findings) expect(res.body).toContain(`href="${f.citation.url}"`);
    // What the notice does not give and leaves open, its cautions, and the cut: dates and kinds of buyer in words.
    for (const m of expected.missing) expect(res.body).toContain(`${escapeHtml(inWords(m.why))} (<code>${m.planPath}</code>)`);
    for (const c of expected.cautions) expect(res.body).toContain(escapeHtml(inWords(c)));
    for (const r of expected.readings) expect(res.body).toContain(`<code>${r.field}</code>`);
    expect(res.body).toContain('Judged as each of: local authority; combined authority; integrated care board');
    expect(res.body).toMatch(/The file is cut short<\/strong> \(the pasted text, line \d+, inside <code>tender.lots\[0\].description<\/code>\)/);
    expect(res.body).toContain('13 October 2025: compiled');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self'; .*frame-ancestors 'none'/);
  });

  it("uploaded as two files, a record's history and its release, read as one procurement", async () => {
    const files = [`${SHROPSHIRE}.history.json`, `${SHROPSHIRE}.ocds.json`].map((name) => ({ name, content: notice(name) }));
    const audit = await auditNoticeFiles(files.map((f) => ({ text: f.content, name: f.name })), checker);
    expect(audit.notices).toHaveLength(1);
    const n = audit.notices[0]!;
    const res = await app.inject(upload(files));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Verdict: ${verdictTag(n.verdict)}`);
    expect(res.body).not.toContain('<table class="govuk-table" id="notices">');
    // A release from each file, dated in words.
    expect(res.body).toContain(`Releases read (${n.releases.length}, oldest first)`);
    for (const f of files) expect(res.body).toContain(`(${f.name}: `);
    expect(res.body).toContain('3 March 2026: award');
    const quote = quoteOf(n);
    if (quote) expect(res.body).toContain(`The notice said: “${escapeHtml(quote.quote)}”`);
    // The plan as read opens in the form, to give what the notice lacks.
    expect(res.body).toMatch(/<form method="post" action="\/plan\/edit"><input type="hidden" name="plan" value="\{&quot;id&quot;:&quot;ocds-h6vhtk-06607a&quot;/);
    const edit = await app.inject({ method: 'POST', url: '/plan/edit', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ plan: JSON.stringify(n.plan) }).toString() });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`value="${escapeHtml(n.title)}"`);
  });

  it('a notice that lacks what a check needs is not checked, and says what it lacks', async () => {
    const bare = JSON.stringify({ ocid: 'ocds-h6vhtk-000001', id: 'r1', date: '2026-01-05T10:00:00Z', tag: ['tender'], tender: { title: 'A bare notice' } });
    const n = (await auditNoticeFiles([{ text: bare, name: 'the pasted text' }], checker)).notices[0]!;
    expect(n.verdict).toBe('not-checked');
    const res = await app.inject(paste(bare));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Verdict: ${verdictTag('not-checked')}`);
    expect(res.body).toContain('A check cannot do without these, so the notice was read but not checked');
    for (const m of n.missing) expect(res.body).toContain(`${escapeHtml(inWords(m.why))} (<code>${escapeHtml(m.planPath)}</code>)`);
    expect(res.body).toContain('5 January 2026: tender');
    expect(res.body).not.toContain('Findings (');
  });

  it('several procurements: a table of them first, then each in full, then the summary by authority and by kind of defect', async () => {
    const files = [`${SHROPSHIRE}.history.json`, `${SHROPSHIRE}.ocds.json`, `${NENC}.ocds.json`].map((name) => ({ name, content: notice(name) }));
    const audit = await auditNoticeFiles(files.map((f) => ({ text: f.content, name: f.name })), checker);
    expect(audit.notices).toHaveLength(2);
    const res = await app.inject(upload(files));
    expect(res.statusCode).toBe(200);
    const table = /<table class="govuk-table" id="notices">([\s\S]*?)<\/table>/.exec(res.body)?.[1] ?? '';
    for (const [i, n] of audit.notices.entries()) {
      expect(table).toContain(verdictTag(n.verdict));
      // A procurement with no notice page known (no Find a Tender notice id, no page its documents link) is named, not linked.
      if (n.url) expect(table).toContain(`<a class="govuk-link" href="${n.url}" rel="noreferrer noopener" target="_blank">${n.ocid} (opens in new tab)</a>`);
      else expect(table).toContain(`<td class="govuk-table__cell">${n.ocid}</td>`);
      expect(table).toContain(`<a class="govuk-link" href="#notice-${i + 1}">${escapeHtml(n.title)}</a>`);
      expect(table).toContain(escapeHtml(inWords(n.summary)));
      expect(res.body).toContain(`id="notice-${i + 1}-verdict"`);
    }
    expect(res.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">By authority</caption>');
    for (const d of audit.summary.byDefect) expect(res.body).toContain(`${escapeHtml(d.title)} (<a class="govuk-link" href="/rules#${d.ruleId}">`);
    expect(res.body.indexOf('id="notices"')).toBeLessThan(res.body.indexOf('id="notice-1"'));
    expect(res.body.indexOf('id="notice-2"')).toBeLessThan(res.body.indexOf('id="summary"'));
    // Every id on the page is its own.
    const ids = [...res.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('bad input is said by its box, never a 500', () => {
  it('an empty submit, pasted or uploaded, asks for a file or a paste, linking to the box', async () => {
    const pasted = await app.inject(paste(''));
    expect(pasted.statusCode).toBe(400);
    expect(pasted.body).toContain('<title>Error: Check a published notice - procheck</title>');
    expect(summaryLinks(pasted.body)).toEqual([{ href: '#noticeText', message: 'Upload a file of notices or paste one' }]);
    expect(pasted.body).toContain('<p id="noticeText-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Upload a file of notices or paste one</p>');
    expect(pasted.body).toContain('aria-describedby="noticeText-hint noticeText-error"');
    // A file box left empty sends a part with no name and nothing in it.
    const uploaded = await app.inject(upload([{ name: '', content: '' }]));
    expect(uploaded.statusCode).toBe(400);
    expect(summaryLinks(uploaded.body)).toEqual([{ href: '#noticeFiles', message: 'Upload a file of notices or paste one' }]);
    expect(uploaded.body).toContain('id="noticeFiles-error"');
    expect(uploaded.body).toContain('govuk-file-upload--error');
    expect(uploaded.headers['content-security-policy']).toMatch(/^default-src 'self'/);
  });

  it('text that is not JSON, or JSON that is not OCDS, gets the reader\'s message with its line and column, and the text kept', async () => {
    const notJson = await app.inject(paste('{ "ocid": nope'));
    expect(notJson.statusCode).toBe(400);
    const [link] = summaryLinks(notJson.body);
    expect(link).toMatchObject({ href: '#noticeText' });
    expect(link!.message).toMatch(/^The pasted text is not JSON: .*\(line 1, column \d+\)$/);
    expect(notJson.body).toContain('id="noticeText-error"');
    expect(notJson.body).toContain('>{ &quot;ocid&quot;: nope</textarea>');
    const notOcds = await app.inject(upload([{ name: 'plan.json', content: notice(`../coventry-2024-competitive.json`) }]));
    expect(notOcds.statusCode).toBe(400);
    expect(summaryLinks(notOcds.body)).toEqual([{ href: '#noticeFiles', message: expect.stringMatching(/^plan\.json holds no OCDS release/) }]);
    const binary = await app.inject(upload([{ name: 'notice.json', content: '\u0000\u0001PK' }]));
    expect(binary.statusCode).toBe(400);
    expect(summaryLinks(binary.body)[0]!.message).toMatch(/^notice\.json is not JSON/);
  });

  it('an empty file, a broken upload and a JSON body are client errors', async () => {
    const empty = await app.inject(upload([{ name: 'notice.json', content: '' }]));
    expect(empty.statusCode).toBe(400);
    expect(summaryLinks(empty.body)[0]!.message).toBe('The selected file notice.json is empty');
    const broken = await app.inject({ method: 'POST', url: '/notices', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('The upload did not arrive whole');
    const json = await app.inject({ method: 'POST', url: '/notices', headers: { 'content-type': 'application/json' }, payload: '[1]' });
    expect(json.statusCode).toBe(400);
  });

  it('too large a paste or upload is said by its box with the limit', async () => {
    const small = Fastify();
    await registerWeb(small, { checker, examples: [], cases: loadCaseBook(join(root, 'cases')), fileLimit: 4096, noticeLimit: 4096 });
    const pasted = await small.inject(paste('x'.repeat(5000)));
    expect(pasted.statusCode).toBe(413);
    expect(summaryLinks(pasted.body)).toEqual([{ href: '#noticeText', message: 'The pasted text must be smaller than 4 KB: upload it as a file instead, or split it' }]);
    const one = await small.inject(upload([{ name: 'big.json', content: 'x'.repeat(5000) }]));
    expect(one.statusCode).toBe(413);
    expect(summaryLinks(one.body)).toEqual([{ href: '#noticeFiles', message: 'The selected files must be smaller than 4 KB in all' }]);
    const two = await small.inject(upload([{ name: 'a.json', content: 'x'.repeat(3000) }, { name: 'b.json', content: 'x'.repeat(3000) }]));
    expect(two.statusCode).toBe(413);
    expect(two.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    await small.close();
  });
});

describe('a page of many procurements is bounded; the full result is a download (issue 21.4)', () => {
  // More procurements than a page shows in full: one real notice under as many ocids.
  const one = JSON.parse(notice("issue21-2024-psr-direct-award-c-retrospective.ocds.json")) as Record<string, unknown>;
  const many = Array.from({ length: NOTICES_IN_FULL + 5 }, (_, i) => JSON.stringify({ ...one, ocid: `ocds-h6vhtk-0f${String(i).padStart(4, '0')}`, id: `${String(100000 + i)}-2025` })).join('\n');

  it('the page shows the first procurements in full, lists every one in the table, and says how to have them all', async () => {
    const res = await app.inject(paste(many));
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<section class="procheck-notice"/g)).toHaveLength(NOTICES_IN_FULL);
    const table = /<table class="govuk-table" id="notices">([\s\S]*?)<\/table>/.exec(res.body)![1]!;
    expect(table.match(/<tr class="govuk-table__row">/g)).toHaveLength(NOTICES_IN_FULL + 5 + 1);
    // A row past those in full names its procurement without a link to a section the page does not have.
    expect(table).not.toContain(`href="#notice-${NOTICES_IN_FULL + 1}"`);
    expect(res.body).toContain(`The first ${NOTICES_IN_FULL} of the ${NOTICES_IN_FULL + 5} procurements are shown in full below`);
  });

  it('pasted or uploaded with "Download the full result", every procurement comes in full as a JSON file', async () => {
    const pasted = await app.inject({ ...paste(many), payload: new URLSearchParams({ noticeText: many, result: 'download' }).toString() });
    const boundary = '----procheck-notices';
    const payload = [`--${boundary}`, 'Content-Disposition: form-data; name="result"', '', 'download', `--${boundary}`, 'Content-Disposition: form-data; name="noticeFiles"; filename="many.ndjson"', 'Content-Type: application/x-ndjson', '', many, `--${boundary}--`, ''].join('\r\n');
    const uploaded = await app.inject({ method: 'POST', url: '/notices', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    for (const res of [pasted, uploaded]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="notices-checked.json"');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const audit = JSON.parse(res.body) as NoticeAudit;
      expect(audit.notices).toHaveLength(NOTICES_IN_FULL + 5);
      expect(audit.notices.every((n) => n.findings !== undefined && n.report !== undefined)).toBe(true);
    }
  });

  it('the form offers the choice on both ways in, each with its label and hint', async () => {
    const res = await app.inject({ url: '/notices' });
    for (const form of ['upload', 'paste']) {
      expect(res.body).toContain(`<input class="govuk-checkboxes__input" id="${form}-result" name="result" type="checkbox" value="download" aria-describedby="${form}-result-hint">`);
      expect(res.body).toContain(`<label class="govuk-label govuk-checkboxes__label" for="${form}-result">Download the full result as a file (JSON) instead</label>`);
    }
  });
});
