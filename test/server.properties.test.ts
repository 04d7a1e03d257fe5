// The API under bad input (fast-check): any JSON body, any valid plan with
// one field replaced by any JSON value, and any answers sent with a plan get a
// report or a 400 naming the fields, never a failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../src/cli/main.js';
import { parseJsonPrefix } from '../src/notice/json-prefix.js';
import { NOTICE_FORMATS, renderNotices } from '../src/notice/render.js';
import { join } from 'node:path';
import { hostileJson, PLAN_PATHS, SHIPPED_PLANS, withValueAt } from './support/fuzz.js';

const cases = SHIPPED_PLANS;
const paths = PLAN_PATHS;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker: createChecker(), web: false });
});
afterAll(() => app.close());

async function post(body: unknown) {
  return app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

function expectReportOrFieldErrors(res: Awaited<ReturnType<typeof post>>) {
  expect([200, 400]).toContain(res.statusCode);
  const body = res.json();
  if (res.statusCode === 200) expect(['compliant', 'compliant-if', 'review', 'non-compliant', 'out-of-scope']).toContain(body.verdict);
  else {
    // The JSON parser itself refuses a body that could pollute prototypes ({"__proto__": ...}): a plain 400 with a message.
    expect(['invalid-plan', 'bad-request']).toContain(body.error);
    if (body.error === 'invalid-plan') expect(body.issues.length).toBeGreaterThan(0);
    else expect(body.message).toMatch(/not valid JSON, or it holds a "__proto__"/);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  }
}

describe('API robustness', () => {
  it('any JSON body gets a report or a 400 with field paths', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (body) => expectReportOrFieldErrors(await post(body))), { numRuns: 200 });
  });

  it('a body that is not JSON, or that could pollute prototypes, is a 400 saying so', async () => {
    for (const payload of ['{nope', '{"__proto__":{"x":1}}', '{"a":{"constructor":{"prototype":{}}}}']) {
      const res = await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().message).toMatch(/not valid JSON, or it holds a "__proto__"/);
    }
  });

  it('a shipped plan with any one field set to any JSON value gets a report or a 400 naming a field in that part', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), async (plan, path, value) => {
        const res = await post(withValueAt(plan, path, value));
        expectReportOrFieldErrors(res);
        // The issue is at the field, or in the part of the plan the new value created (urgency.reason for urgency.foreseeable),
        // or at a lot's own copy of the field, which must agree with the plan's (a lot's VAT basis and procurement start).
        const part = path.split('.')[0]!;
        if (res.statusCode === 400 && res.json().error === 'invalid-plan')
          expect(res.json().issues.some((i: { path: string }) => i.path === part || i.path.startsWith(`${part}.`) || /^lots\.\d+\./.test(i.path))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a shipped plan with any answers (any path, any value) gets a report or a 400 naming each answer at fault by its planPath', async () => {
    // Plan paths as questions write them (services[].healthCare, lots[].value.annual), dotted ones, and others that name no field.
    const asked = paths.map((p) => p.replace(/\.0(?=\.|$)/g, '[]'));
    const planPath = fc.oneof(fc.constantFrom(...asked), fc.constantFrom(...paths), fc.constantFrom(...asked).map((p) => `lots[].${p}`), fc.string({ maxLength: 30 }));
    const answer = fc.record({ planPath, value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null)) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.array(answer, { maxLength: 3 }), async (plan, answers) => {
        const res = await post({ plan, answers });
        expectReportOrFieldErrors(res);
        // Each issue is an answer's planPath, or a field of the plan the answers made (services.0.healthCare for services[].healthCare).
        if (res.statusCode === 400 && res.json().error === 'invalid-plan') {
          const given = answers.map((a) => a.planPath);
          const tops = given.map((p) => p.replace(/^lots\[\]\./, '').split(/[.[]/)[0]!);
          for (const issue of res.json().issues as { path: string }[])
            expect(given.includes(issue.path) || tops.some((t) => issue.path === t || issue.path.startsWith(`${t}.`)) || /^lots\.\d+\./.test(issue.path), issue.path).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Every place in a JSON document, as a list of keys, the document itself first. */
function placesIn(doc: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(doc)) return [at, ...doc.flatMap((v, i) => placesIn(v, [...at, i]))];
  if (doc && typeof doc === 'object') return [at, ...Object.entries(doc).flatMap(([k, v]) => placesIn(v, [...at, k]))];
  return [at];
}

function withJsonAt(doc: unknown, at: readonly (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at.at(-1)!] = value;
  return copy;
}

const NOTICES = join(import.meta.dirname, '..', 'cases', 'notices');
const notices = readdirSync(NOTICES)
  .filter((f) => f.endsWith('.ocds.json') || f.endsWith('.history.json'))
  .sort()
  .flatMap((f) => {
    // Most shipped copies are cut short: what was read whole is the document edited.
    const read = parseJsonPrefix(readFileSync(join(NOTICES, f), 'utf8'));
    return read.ok ? [read.value] : [];
  });

describe('notices robustness (issue 21.4: an OCDS field holding an object where text is expected gave a 500)', () => {
  let web: FastifyInstance;
  beforeAll(async () => {
    web = await buildServer({ checker: createChecker() });
  });
  afterAll(() => web.close());

  it('any shipped notice with any one of its fields set to any JSON value gets an audit or a 400 invalid-notice, never a failure', async () => {
    const edited = fc.constantFrom(...notices).chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...placesIn(doc)), hostileJson));
    await fc.assert(
      fc.asyncProperty(edited, async ([doc, at, value]) => {
        const res = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(withJsonAt(doc, at, value)) });
        expect([200, 400], `${at.join('.')} = ${JSON.stringify(value)}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json().type).toMatch(/^\/problems\/(invalid-notice|bad-request)$/);
        else {
          expect(res.json().notices.length).toBeGreaterThan(0);
          // Rendered as the command line prints it, in every format.
          for (const format of NOTICE_FORMATS) expect(typeof renderNotices(res.json(), format)).toBe('string');
        }
        // And pasted into the web page: a page, or the form again with the reader's message.
        const page = await web.inject({ method: 'POST', url: '/notices', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ noticeText: JSON.stringify(withJsonAt(doc, at, value)) }).toString() });
        expect([200, 400], page.body.slice(0, 300)).toContain(page.statusCode);
      }),
      { numRuns: 100 },
    );
  }, 300_000);

  it('the fields of issue 21 holding {"toString": 1}', async () => {
    for (const at of [['tender', 'classification', 'scheme'], ['tender', 'legalBasis', 'id'], ['tender', 'value', 'currency']]) {
      const release = { ocid: 'ocds-h6vhtk-0aaaa1', id: '1', date: '2025-06-02T10:00:00+01:00', tag: ['tender'], tender: { title: 'x', classification: { scheme: 'CPV', id: '85312500' }, legalBasis: { scheme: 'CELEX', id: '32014L0024' }, value: { amount: 100, currency: 'GBP' } } };
      const res = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(withJsonAt(release, at, { toString: 1 })) });
      expect(res.statusCode, at.join('.')).toBe(200);
      // The command line audits it too, rather than print a stack trace and exit 1.
      const file = join(mkdtempSync(join(tmpdir(), 'procheck-')), 'notice.json');
      writeFileSync(file, JSON.stringify(withJsonAt(release, at, { toString: 1 })));
      let err = '';
      const code = await main(['notice', file], { out: () => {}, err: (t: string) => (err += t), isTTY: false });
      expect(code, err).not.toBe(1);
    }
  });
});
