// The HTTP API, through Fastify's inject (no network).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { checker } from './support/checker.js';
import { directAwardC, plan } from './support/plans.js';

const coventry = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'coventry-2024-competitive.json'), 'utf8'));
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ checker: checker(), bodyLimit: 64 * 1024 });
});
afterAll(() => app.close());

describe('HTTP API', () => {
  it('POST /v1/check returns the report the library gives', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/check', payload: coventry });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.verdict).toBe((await checker().check(coventry)).verdict);
    // The route's own rule says how the route runs; the findings are what a person must look at.
    expect(report.route.map((r: { ruleId: string }) => r.ruleId)).toContain('psr.competitive.process');
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('timetable.award-decision-too-late');
    expect(report.next).toMatchObject({ kind: 'contradiction', date: '2024-10-20', ruleId: 'timetable.award-decision-too-late' });
    expect(report.trace).toBeUndefined();
  });

  it('POST /v1/check takes {"plan", "answers"}: the answers merged over the plan at their questions\' planPaths before it is checked', async () => {
    const asked = plan({ ...directAwardC, incumbent: { contractEnd: null, originalLifetimeValue: null, satisfyingContract: null } });
    const first = (await app.inject({ method: 'POST', url: '/v1/check', payload: asked })).json();
    expect(first.verdict).toBe('review');
    // Each question carries where its answer goes and the JSON Schema of the answer.
    expect(first.questions.map((q: { planPath: string; answer: unknown }) => [q.planPath, q.answer])).toEqual([
      ['incumbent.contractEnd', expect.objectContaining({ type: ['string', 'null'], format: 'date' })],
      ['incumbent.originalLifetimeValue', expect.objectContaining({ type: ['number', 'null'] })],
      ['incumbent.satisfyingContract', expect.objectContaining({ type: ['boolean', 'null'] })],
    ]);
    const answers = [
      { planPath: 'incumbent.contractEnd', value: '2026-03-31' },
      { planPath: 'incumbent.originalLifetimeValue', value: 3_000_000 },
      { planPath: 'incumbent.satisfyingContract', value: true },
    ];
    const answered = await app.inject({ method: 'POST', url: '/v1/check', payload: { plan: asked, answers } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ verdict: 'compliant', questions: [] });
    // The same report as the plan with the answers written in.
    const merged = { ...asked, incumbent: { ...asked.incumbent, contractEnd: '2026-03-31', originalLifetimeValue: 3_000_000, satisfyingContract: true } };
    expect(answered.json()).toEqual((await app.inject({ method: 'POST', url: '/v1/check', payload: merged })).json());
    // Not known (null) leaves the question open; the others answered are gone.
    const some = (await app.inject({ method: 'POST', url: '/v1/check?trace=true', payload: { plan: asked, answers: [answers[0], { planPath: 'incumbent.satisfyingContract', value: null }] } })).json();
    expect(some.questions.map((q: { planPath: string }) => q.planPath)).toEqual(['incumbent.originalLifetimeValue', 'incumbent.satisfyingContract']);
    expect(some.trace.length).toBeGreaterThan(0);
    // No answers: the plan as it is.
    expect((await app.inject({ method: 'POST', url: '/v1/check', payload: { plan: asked } })).json().verdict).toBe('review');
    // [] answers for every entry of a list.
    const twoServices = plan({ services: [{ description: 'a', cpv: ['85312500'] }, { description: 'b', cpv: ['85312500'] }] });
    const services = await app.inject({ method: 'POST', url: '/v1/check', payload: { plan: twoServices, answers: [{ planPath: 'services[].healthCare', value: false }] } });
    expect(services.json().regime.applicable).not.toBe('psr');
  });

  it('a bad answer is a 400 problem naming the field; a request of neither form names what is wrong', async () => {
    const asked = plan({ incumbent: { contractEnd: null } });
    const post = (payload: unknown) => app.inject({ method: 'POST', url: '/v1/check', payload: payload as object });
    const bad = await post({ plan: asked, answers: [{ planPath: 'incumbent.contractEnd', value: '31 March 2026' }, { planPath: 'staff.proposedRedundancies', value: -2 }, { planPath: 'incumbent.endDate', value: '2026-03-31' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json()).toMatchObject({ type: '/problems/invalid-plan', status: 400 });
    expect(bad.json().issues).toEqual([
      { path: 'incumbent.contractEnd', message: 'the answer must be a date written YYYY-MM-DD, or null for not known' },
      { path: 'staff.proposedRedundancies', message: 'the answer must be a whole number from 0 to 1000000, or null for not known' },
      { path: 'incumbent.endDate', message: expect.stringMatching(/^is not a field of the plan: incumbent has no field "endDate"/) },
    ]);
    // An answer the field takes but the plan as a whole refuses: named as the plan format names it.
    const lot = await post({ plan: { ...asked, lots: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B', value: { annual: 1, vatIncluded: false } }] }, answers: [{ planPath: 'value.vatIncluded', value: true }] });
    expect(lot.statusCode).toBe(400);
    expect(lot.json().issues.map((i: { path: string }) => i.path)).toEqual(['lots.1.value.vatIncluded']);
    const shapes: [unknown, string[]][] = [
      [{ plan: asked, answers: { 'incumbent.contractEnd': '2026-03-31' } }, ['answers']],
      [{ answers: [] }, ['plan']],
      [{ plan: 'a plan', answers: [] }, ['plan']],
      [{ plan: asked, answers: [], trace: true }, ['trace']],
      [{ plan: asked, answers: [{ value: 1 }, { planPath: 'incumbent.contractEnd' }] }, ['answers.0', 'incumbent.contractEnd']],
    ];
    for (const [payload, paths] of shapes) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path), JSON.stringify(payload).slice(0, 80)).toEqual(paths);
    }
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('POST /v1/check?trace=true includes the trace', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/check?trace=true', payload: coventry });
    expect(res.json().trace.length).toBeGreaterThan(0);
  });

  it('POST /v1/check judges a plan in lots: each lot\'s verdict, and each finding marked with its lot', async () => {
    const lots = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'example-pcr2015-2023-lots-small-lot.json'), 'utf8'));
    const res = await app.inject({ method: 'POST', url: '/v1/check', payload: lots });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.lots.map((l: { id: string }) => l.id)).toEqual(['adults', 'young-people', 'peer-mentoring']);
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'pcr2015.procedure.small-lot').lot).toBe('peer-mentoring');
    const dup = await app.inject({ method: 'POST', url: '/v1/check', payload: { ...lots, lots: [lots.lots[0], lots.lots[0]] } });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('lots.1.id');
  });

  it('POST /v1/options compares a plan\'s routes, or the options given, in the OpenAPI document', async () => {
    const routes = await app.inject({ method: 'POST', url: '/v1/options', payload: coventry });
    expect(routes.statusCode).toBe(200);
    expect(routes.json()).toMatchObject({ kind: 'routes', plan: { id: 'coventry-2024-competitive' } });
    const dac = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'coventry-2024-direct-award-c.json'), 'utf8'));
    const given = await app.inject({ method: 'POST', url: '/v1/options', payload: { options: [dac, coventry] } });
    expect(given.json().options.map((o: { plan: { id: string } }) => o.plan.id)).toEqual(['coventry-2024-competitive', 'coventry-2024-direct-award-c']);
    const bad = await app.inject({ method: 'POST', url: '/v1/options', payload: { options: [coventry, { id: 'x' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toMatch(/^options\.1/);
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.paths['/v1/options'].post.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/OptionsReport');
    expect(doc.components.schemas.OptionsReport).toBeDefined();
  });

  it('POST /v1/options and the web page\'s "Compare routes" answer for every seed case', async () => {
    const { readdirSync } = await import('node:fs');
    const { OptionsReportSchema } = await import('../src/options/schema.js');
    const dir = join(import.meta.dirname, '..', 'cases');
    const seeds = readdirSync(dir).filter((f) => /^(coventry|halton|norfolk|northants|worcestershire)-.*\.json$/.test(f) && !f.endsWith('.expected.json'));
    expect(seeds.length).toBeGreaterThanOrEqual(15);
    const web = await buildServer({ checker: checker() });
    for (const f of seeds) {
      const plan = readFileSync(join(dir, f), 'utf8');
      const res = await app.inject({ method: 'POST', url: '/v1/options', headers: { 'content-type': 'application/json' }, payload: plan });
      expect(res.statusCode, f).toBe(200);
      expect(OptionsReportSchema.safeParse(res.json()).success, f).toBe(true);
      const page = await web.inject({ method: 'POST', url: '/options', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ plan }).toString() });
      expect(page.statusCode, f).toBe(200);
      expect(page.body, f).toContain('in recommendation order');
    }
    await web.close();
  }, 60_000);

  it('errors are RFC 9457 problem details; a body that is not JSON is a 415, a wrong method a 405 with Allow', async () => {
    const bad = await app.inject({ method: 'POST', url: '/v1/check', payload: { id: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json()).toMatchObject({ type: '/problems/invalid-plan', title: 'The plan is not valid', status: 400, detail: 'The plan is not valid' });
    expect(bad.json().issues.length).toBeGreaterThan(0);
    const text = await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'text/plain' }, payload: 'a plan' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ type: '/problems/unsupported-media-type', status: 415 });
    const form = await app.inject({ method: 'POST', url: '/v1/options', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'plan=x' });
    expect(form.statusCode).toBe(415);
    const get = await app.inject({ method: 'GET', url: '/v1/check' });
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json()).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
    const del = await app.inject({ method: 'DELETE', url: '/v1/rules/psr.competitive.process' });
    expect(del.statusCode).toBe(405);
    expect(del.headers.allow).toContain('GET');
    const missing = await app.inject({ url: '/v1/rules/no.such.rule' });
    expect(missing.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
    expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
  });

  it('a bad plan is a 400 naming each bad field, with no stack trace', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/check', payload: { ...coventry, dates: { ...coventry.dates, procurementStart: '2024-02-30' }, colour: 'red' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('invalid-plan');
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['colour', 'dates.procurementStart']);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('malformed JSON is a 400 and a body over the limit is a 413', async () => {
    const bad = await app.inject({ method: 'POST', url: '/v1/check', payload: '{"id":', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/node_modules/);
    const big = await app.inject({ method: 'POST', url: '/v1/check', payload: { ...coventry, description: 'x'.repeat(100_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('payload-too-large');
  });

  it('GET /v1/rules lists the catalogue and /v1/rules/:id gives one rule or a 404', async () => {
    const list = (await app.inject({ url: '/v1/rules' })).json();
    expect(list.rules.length).toBe(checker().ruleSet.rules.length);
    const one = await app.inject({ url: '/v1/rules/psr.direct-award-c.materially-different' });
    expect(one.json().citation.url).toContain('legislation.gov.uk');
    expect(one.json().inWords.conditions).toMatchObject({ text: 'Proposed arrangements are materially different in character from the existing contract: yes', planPath: 'directAward.materiallyDifferent' });
    expect(JSON.stringify(one.json().inWords)).not.toMatch(/greaterThanInclusive|undefined/);
    expect((await app.inject({ url: '/v1/rules/no.such.rule' })).statusCode).toBe(404);
    // A local overlay's rule is found too, and the catalogue lists the overlays.
    const local = await app.inject({ url: '/v1/rules/local.coventry.key-decision' });
    expect(local.statusCode).toBe(200);
    expect(local.json().inWords.overlay.id).toBe('coventry');
    expect(list.overlays.map((o: { id: string }) => o.id)).toEqual(['coventry', 'norfolk']);
  });

  it('serves the JSON Schemas, the OpenAPI 3.1 document, its interactive reference and a health check', async () => {
    expect((await app.inject({ url: '/v1/schema/plan' })).json().$schema).toContain('json-schema');
    expect((await app.inject({ url: '/v1/schema/report' })).statusCode).toBe(200);
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/check', '/v1/rules', '/v1/rules/{id}', '/healthz']));
    // /v1/check takes a plan, or a plan with answers; each question in the report carries its planPath and answer schema.
    expect(doc.paths['/v1/check'].post.requestBody.content['application/json'].schema.oneOf).toEqual([
      { $ref: '#/components/schemas/Plan' },
      { $ref: '#/components/schemas/PlanWithAnswers' },
    ]);
    expect(doc.components.schemas.PlanWithAnswers).toMatchObject({ required: ['plan'], properties: { plan: { $ref: '#/components/schemas/Plan' }, answers: { items: { $ref: '#/components/schemas/Answer' } } } });
    expect(doc.components.schemas.Answer.required).toEqual(['planPath', 'value']);
    const report = doc.components.schemas.Report;
    const question = report.properties.questions.items;
    expect(question.required).toEqual(expect.arrayContaining(['planPath', 'answer', 'question', 'why', 'decides']));
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', ruleSetVersion: checker().ruleSet.version });
    expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
  });
});
