// The question pages: one part of the plan a page, only the parts the
// answers make relevant, a back link, and "Check your answers" before the
// result; no JavaScript, nothing kept on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { checker } from './support/checker.js';
import { questionPages } from '../src/web/form-spec.js';
import { journey } from '../src/web/journey.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker: checker() });
});
afterAll(() => app.close());

const pages = questionPages([...checker().ruleSet.overlays.values()], checker().ruleSet.params);
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (body: string) => decode(/name="plan" value="([^"]*)"/.exec(body)?.[1] ?? '{}');
const heading = (body: string) => /<h1[^>]*>([^<]+)</.exec(body)?.[1];
const action = (body: string) => /<form method="post" action="\/questions\/([a-zA-Z-]+)"/.exec(body)?.[1];
const post = async (url: string, values: Record<string, string>) =>
  (await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() })).body;

/** Answers for each part, for a plan under `regime` with `process`. */
const answersFor = (regime: string, process: string, services: Record<string, string>): Record<string, Record<string, string>> => ({
  about: { title: `Journey ${regime} ${process}` },
  authority: { 'authority.name': 'Test Council', 'authority.type': 'local-authority' },
  service: { 'services.0.description': 'The service', ...services },
  value: { 'value.annual': '1000000', 'value.vatIncluded': 'no' },
  term: { 'term.initialMonths': '60' },
  route: { 'route.regime': regime, 'route.process': process },
  dates: { 'dates.procurementStart-day': '1', 'dates.procurementStart-month': 'June', 'dates.procurementStart-year': '2026', 'dates.contractStart-day': '1', 'dates.contractStart-month': 'April', 'dates.contractStart-year': '2027' },
});

/** Through every page the answers make, to "Check your answers": the parts seen, and the last page. */
async function walk(answers: Record<string, Record<string, string>>) {
  let body = (await app.inject({ url: '/questions' })).body;
  const seen: string[] = [];
  for (let part = action(body); part; part = action(body)) {
    seen.push(part);
    body = await post(`/questions/${part}`, { plan: hidden(body), ...(answers[part] ?? {}) });
    expect(body, part).not.toContain('There is a problem');
  }
  return { seen, body };
}

describe('the question pages', () => {
  it.each([
    ['psr', 'competitive', { 'services.0.cpv': '85312500', 'services.0.healthCare': 'yes' }, ['psr-notices', 'psr-decision'], ['direct-award-a', 'direct-award-b', 'direct-award-c', 'change']],
    ['pa2023', 'open', { 'services.0.cpv': '48000000', 'services.0.healthCare': 'no' }, [], ['psr-decision', 'change', 'award-ground']],
    ['pa2023', 'direct-award', { 'services.0.cpv': '48000000', 'services.0.healthCare': 'no' }, ['award-ground'], ['psr-decision', 'direct-award-c']],
  ])('a %s %s plan: the parts its answers make relevant, then Check your answers, then the result', async (regime, process, services, asked, notAsked) => {
    const { seen, body } = await walk(answersFor(regime, process, services));
    expect(seen.slice(0, 9)).toEqual(['about', 'authority', 'service', 'value', 'term', 'route', 'dates', 'incumbent', 'staff']);
    for (const part of asked) expect(seen).toContain(part);
    for (const part of notAsked) expect(seen).not.toContain(part);
    expect(heading(body)).toBe('Check your answers');
    expect(body).toContain('1 June 2026');
    expect(body).toContain('Local authority (council)');
    const result = await post('/result', { plan: hidden(body) });
    expect(result).toContain('id="verdict"');
    expect(JSON.parse(hidden(body))).toMatchObject({ route: { regime, process }, dates: { procurementStart: '2026-06-01' } });
  });

  it('a change shows the change questions; PCR 2015 procedures show no PSR parts', () => {
    const ids = (plan: Record<string, unknown>) => journey(pages, plan).map((s) => s.id);
    expect(ids({ route: { regime: 'pcr2015', process: 'modification' } })).toContain('change');
    expect(ids({ route: { regime: 'pcr2015', process: 'open' } })).not.toContain('psr-decision');
    expect(ids({ route: { regime: 'psr', process: 'urgent-award' } })).toContain('urgency');
    expect(ids({ route: { regime: 'pcr2015', process: 'framework-call-off' } })).toContain('framework');
  });

  it('a bad answer is said on its own page, by its box, with the other answers kept; the back link carries the answers', async () => {
    let body = (await app.inject({ url: '/questions' })).body;
    body = await post('/questions/about', { plan: hidden(body), title: 'A plan' });
    body = await post('/questions/authority', { plan: hidden(body), 'authority.name': 'Test Council', 'authority.type': 'local-authority' });
    body = await post('/questions/service', { plan: hidden(body), 'services.0.description': 'The service', 'services.0.cpv': '85312500' });
    body = await post('/questions/value', { plan: hidden(body), 'value.annual': 'lots', 'value.vatIncluded': 'no' });
    expect(heading(body)).toBe('Value');
    expect(body).toContain('Estimated annual value must be a number, like 250000');
    expect(body).toContain('value="lots"');
    const back = decode(/<a href="([^"]+)" class="govuk-back-link">/.exec(body)![1]!);
    const service = (await app.inject({ url: back })).body;
    expect(heading(service)).toBe('The service');
    expect(service).toContain('value="85312500"');
  });

  it('Check your answers links each answer to its page; an answer still missing stops the check, linking to its page', async () => {
    const { body } = await walk(answersFor('psr', 'competitive', { 'services.0.cpv': '85312500', 'services.0.healthCare': 'yes' }));
    const change = decode(/<a class="govuk-link" href="(\/questions\/dates\?plan=[^"]+)">Change/.exec(body)![1]!);
    const dates = (await app.inject({ url: change })).body;
    expect(heading(dates)).toBe('Key dates');
    expect(dates).toMatch(/name="dates.procurementStart-month"[^>]*value="6"|value="6"[^>]*name="dates.procurementStart-month"/);
    // A plan missing its dates (opened from a link, say): the check waits, and says where.
    const plan = JSON.parse(hidden(body));
    delete plan.dates;
    const check = (await app.inject({ url: `/questions/check?plan=${(await import('../src/web/permalink.js')).encodePlan(plan)}` })).body;
    expect(check).toContain('There is a problem');
    expect(check).toContain('Enter procurement start');
    expect(check).toMatch(/<button type="submit" class="govuk-button" data-module="govuk-button" disabled/);
  });

  it('starts from an example or a saved plan\'s link, answers filled in; a mangled link says so', async () => {
    const body = (await app.inject({ url: '/questions?example=coventry-2024-competitive' })).body;
    expect(heading(body)).toBe('About the plan');
    expect(body).toContain('Coventry');
    expect((await app.inject({ url: '/questions/about?plan=%%%' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/questions/no-such-part' })).statusCode).toBe(404);
  });
});
