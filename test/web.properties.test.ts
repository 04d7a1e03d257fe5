// Properties of the web form (fast-check): a plan survives the form, and no
// answer an officer can type makes the page fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { allFields, formSections, questionPages } from '../src/web/form-spec.js';
import { formToPlan, planToForm } from '../src/web/form-values.js';
import { planArbitrary } from './support/arbitrary.js';
import { normal } from './support/normal.js';
import { hostileJson, PLAN_PATHS, SHIPPED_PLANS, withValueAt } from './support/fuzz.js';
import { encodePlan } from '../src/web/permalink.js';

const checker = createChecker();
const fields = allFields(formSections([...checker.ruleSet.overlays.values()], checker.ruleSet.params));
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker });
});
afterAll(() => app.close());


/** The names a posted form can carry: each field's, and a date's three boxes. */
const names = fields.flatMap((f) => (f.kind === 'date' ? ['day', 'month', 'year'].map((p) => `${f.name}-${p}`) : [f.name]));
const answer = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'yes', 'no', 'unknown', '0', '-1', '1e309', '£1,000', '31', '2', '2025', 'competitive', 'psr', 'auto'),
  fc.integer({ min: -5, max: 5000 }).map(String),
);

describe('web form properties', () => {
  it('any plan opened in the form and submitted unchanged is the same plan', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const { plan: back, errors } = formToPlan(fields, planToForm(fields, plan), plan as Record<string, unknown>);
        expect(errors).toEqual([]);
        expect(normal(back)).toEqual(normal(plan));
      }),
      { numRuns: 300 },
    );
  });

  it('whatever is typed into the form, the page answers with a result or with errors by the fields, never a failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), answer, { maxKeys: 25 }), async (values) => {
        const res = await app.inject({
          method: 'POST',
          url: '/plan',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(values).toString(),
        });
        expect(res.statusCode).toBe(200);
        expect(res.body.includes('id="verdict"') !== res.body.includes('govuk-error-summary')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** A web route's answer to anything: a page or a 4xx with a message, never a 500 or a stack trace. */
function expectNoFailure(res: { statusCode: number; body: string }) {
  expect(res.statusCode).toBeLessThan(500);
  expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  if (res.statusCode >= 400) expect(res.body.length).toBeGreaterThan(0);
}

const routes = ['/plan', '/plan/edit', '/result', '/report', '/upload', '/answers'] as const;
const planLike = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ id: 'x' }), fc.constant({ title: [1, 2] }));

describe('web routes under bad input, as the API is fuzzed', () => {
  it('any JSON body to any form route', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue({ maxDepth: 3 }), async (url, body) => {
        expectNoFailure(await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) }));
      }),
      { numRuns: 200 },
    );
  });

  it('any form fields, including a plan, a base plan and a format that are not what they should be', async () => {
    const field = fc.constantFrom('plan', 'basePlan', 'format', 'trace', 'title', 'id', 'value.annual', 'dates.contractStart-day');
    const text = fc.oneof(fc.string({ maxLength: 30 }), planLike.map((v) => JSON.stringify(v)), fc.constantFrom('json', 'html', 'markdown', 'pdf', '[]', 'null', '{"a":{"a":{}}}'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.dictionary(field, text, { maxKeys: 5 }), async (url, values) => {
        expectNoFailure(await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() }));
      }),
      { numRuns: 200 },
    );
  });

  it('any question page posted any answers, with any plan so far, from a change link or not', async () => {
    const pages = questionPages([...checker.ruleSet.overlays.values()], checker.ruleSet.params);
    const process = fc.constantFrom('direct-award-a', 'direct-award-c', 'extension', 'direct-award', 'negotiated-without-prior-publication', 'framework-call-off', 'urgent-modification', 7, null);
    const soFar = fc.oneof(
      planLike,
      fc.record({ route: fc.record({ regime: fc.constantFrom('psr', 'pcr2015', 'pa2023', 'auto', 3), process }), justification: fc.oneof(fc.constant(undefined), fc.record({ ground: fc.constantFrom('repetition', 'extreme-urgency', 'x', null) })), urgency: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ['route'] }),
    );
    const names = [...new Set(pages.flatMap((p) => p.fields.flatMap((f) => (f.kind === 'date' ? ['day', 'month', 'year', 'unknown'].map((x) => `${f.name}-${x}`) : [f.name]))))];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages.map((p) => p.id), 'check', 'nope'), soFar, fc.dictionary(fc.constantFrom(...names, 'returnTo', 'waiting'), answer, { maxKeys: 8 }), async (id, plan, values) => {
        const res = await app.inject({ method: 'POST', url: `/questions/${id}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...values, plan: JSON.stringify(plan) }).toString() });
        expectNoFailure(res);
      }),
      { numRuns: 300 },
    );
  });

  it("a result's question form posted any answers, with the plan it came with or another: a result, or errors by the boxes, never a failure", async () => {
    const plans = ['notice-birmingham-2025-direct-award-c-large', 'northants-2023-workforce-training-negotiated', 'norfolk-2017-extend-beyond-options', 'coventry-2024-most-suitable-provider'].map(
      (n) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', `${n}.json`), 'utf8')) as Record<string, unknown>,
    );
    const reports = await Promise.all(plans.map((p) => checker.check(p, { untrusted: true })));
    const paths = [...new Set(reports.flatMap((r) => r.questions.map((q) => q.planPath!.split(/\s+and\s+/)[0]!)))];
    expect(paths.length).toBeGreaterThan(3);
    const names = [...paths, ...paths.flatMap((p) => ['day', 'month', 'year', 'unknown'].map((x) => `${p}-${x}`)), 'services[].healthCare', 'dates.contractSigned-day'];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.nat({ max: plans.length - 1 }), planLike.map((other) => ({ other }))), fc.dictionary(fc.constantFrom(...names), answer, { maxKeys: 6 }), async (which, values) => {
        const plan = typeof which === 'number' ? plans[which] : which.other;
        const res = await app.inject({ method: 'POST', url: '/answers', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...values, plan: JSON.stringify(plan) }).toString() });
        expectNoFailure(res);
        if (typeof which === 'number') {
          expect(res.statusCode).toBe(200);
          // A result checked again, or the same result with the problems said by the boxes.
          expect(res.body.includes('govuk-error-summary') !== res.body.includes('govuk-notification-banner--success')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any multipart upload: any content, boundary right, wrong, missing, or the body cut short', async () => {
    const boundary = 'fuzz-boundary';
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), planLike.map((v) => JSON.stringify(v))),
        fc.constantFrom('right', 'wrong', 'missing'),
        fc.nat({ max: 300 }),
        async (content, kind, cut) => {
          const payload = [`--${boundary}`, 'Content-Disposition: form-data; name="planFile"; filename="plan.json"', 'Content-Type: application/json', '', content, `--${boundary}--`, ''].join('\r\n');
          const type = kind === 'missing' ? 'multipart/form-data' : `multipart/form-data; boundary=${kind === 'right' ? boundary : 'other'}`;
          expectNoFailure(await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': type }, payload: cut ? payload.slice(0, payload.length - cut) : payload }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a plan holding any JSON value in any field, however it reaches a page (issue 21.4: an object where text is expected gave a 500)', () => {
  it('by a link or a hidden plan field on every route that reads one: a page or a 4xx, never a failure', async () => {
    const link = fc.constantFrom('/result', '/questions', '/questions/check', '/questions/about');
    const posted = fc.constantFrom('/result', '/plan/edit', '/answers', '/options', '/report', '/plan/download', '/questions/about', '/plan', '/draft', '/draft/download');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SHIPPED_PLANS), fc.constantFrom(...PLAN_PATHS, 'title', 'id', 'authority.name'), hostileJson, fc.oneof(link.map((url) => ({ url, get: true })), posted.map((url) => ({ url, get: false }))), async (base, path, value, route) => {
        const plan = withValueAt(base, path, value);
        const res = route.get
          ? await app.inject({ url: `${route.url}?plan=${encodePlan(plan) ?? ''}` })
          : await app.inject({ method: 'POST', url: route.url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ plan: JSON.stringify(plan), basePlan: JSON.stringify(plan), format: 'json' }).toString() });
        expectNoFailure(res);
      }),
      { numRuns: 300 },
    );
  });

  it('the 47-character link of issue 21 opens the form, or says the link holds no plan', async () => {
    const code = encodePlan({ id: 'x', title: { toString: 1 } })!;
    for (const url of [`/result?plan=${code}`, `/questions?plan=${code}`, `/questions/check?plan=${code}`, `/questions/about?plan=${code}`]) expectNoFailure(await app.inject({ url }));
    const form = await app.inject({ url: `/result?plan=${code}` });
    expect(form.body).toContain('{&quot;toString&quot;:1}');
  });
});
