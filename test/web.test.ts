import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { allFields, formSections } from '../src/web/form-spec.js';
import { formToPlan, planToForm, slug } from '../src/web/form-values.js';
import { issuesToFormErrors } from '../src/web/field-errors.js';
import { renderHtml, VERDICT_LABEL } from '../src/report/render-html.js';
import type { VerdictT as Verdict } from '../src/report/schema.js';
import { html } from '../src/report/html.js';
import { withoutTransportFont } from '../src/web/assets.js';
import { leafFields } from '../src/plan/schema-walk.js';
import { planJsonSchema } from '../src/plan/json-schema.js';
import { plan as testPlan } from './support/plans.js';
import { normal } from './support/normal.js';
import { form } from './support/form-post.js';

const root = join(import.meta.dirname, '..');
const checker = createChecker();
const fields = allFields(formSections([...checker.ruleSet.overlays.values()], checker.ruleSet.params));
const caseFiles = readdirSync(join(root, 'cases')).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'));
const readCase = (n: string) => JSON.parse(readFileSync(join(root, 'cases', n), 'utf8')) as Record<string, unknown>;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker });
});
afterAll(() => app.close());


function multipart(filename: string, content: string) {
  const boundary = '----procheck-test';
  const payload = [`--${boundary}`, `Content-Disposition: form-data; name="planFile"; filename="${filename}"`, 'Content-Type: application/json', '', content, `--${boundary}--`, ''].join('\r\n');
  return { method: 'POST' as const, url: '/upload', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
}


describe('form answers and plans', () => {
  it.each(caseFiles)('%s opened in the form and submitted unchanged is the same plan, with the same report', async (name) => {
    const plan = readCase(name);
    const { plan: back, errors } = formToPlan(fields, planToForm(fields, plan), plan);
    expect(errors).toEqual([]);
    expect(normal(back)).toEqual(normal(plan));
    const [a, b] = await Promise.all([checker.check(plan, { untrusted: true }), checker.check(back, { untrusted: true })]);
    expect(b).toEqual(a);
  });

  it('reads money as officers write it, dates from day, month and year boxes, and blank sections as none', () => {
    const { plan, errors } = formToPlan(fields, {
      title: 'Drug & alcohol: 2026!',
      'value.annual': '£1,250,000',
      'dates.contractStart-day': '1',
      'dates.contractStart-month': '4',
      'dates.contractStart-year': '2026',
      'services.0.cpv': '85312500, 85323000',
      'services.0.healthCare': 'unknown',
      'staff.pensionSchemes': ['lgps', 'unknown'],
      'incumbent.provider': '',
    });
    expect(errors).toEqual([]);
    expect(plan).toEqual({
      id: 'drug-alcohol-2026',
      title: 'Drug & alcohol: 2026!',
      value: { annual: 1_250_000 },
      dates: { contractStart: '2026-04-01' },
      services: [{ cpv: ['85312500', '85323000'], healthCare: null }],
      staff: { pensionSchemes: ['lgps', 'unknown'] },
    });
  });

  it('pension schemes: "none" is the empty list, no box ticked is not known, and "none" with a scheme is an error by the field', () => {
    expect(formToPlan(fields, { 'staff.pensionSchemes': ['none'] }).plan).toMatchObject({ staff: { pensionSchemes: [] } });
    expect((formToPlan(fields, { 'staff.assignedToService': 'yes' }).plan as { staff: object }).staff).not.toHaveProperty('pensionSchemes');
    expect(planToForm(fields, { staff: { pensionSchemes: [] } })['staff.pensionSchemes']).toEqual(['none']);
    const { errors } = formToPlan(fields, { 'staff.pensionSchemes': ['none', 'lgps'] });
    expect(errors).toEqual([{ field: 'staff.pensionSchemes', message: 'Select "None of them is in a pension scheme", or the ones that apply, not both' }]);
  });

  it('names the field of an answer it cannot read', () => {
    const { errors } = formToPlan(fields, {
      'value.annual': 'lots',
      'term.initialMonths': '12.5',
      'dates.procurementStart-day': '1',
      'dates.procurementStart-year': '2025',
      'dates.contractStart-day': 'x',
      'dates.contractStart-month': '4',
      'dates.contractStart-year': '2026',
    });
    expect(errors).toEqual([
      { field: 'value.annual', message: 'Estimated annual value must be a number, like 250000' },
      { field: 'term.initialMonths', message: 'Initial term, in months must be a whole number' },
      { field: 'dates.procurementStart', message: 'Procurement start must include a month' },
      { field: 'dates.contractStart', message: 'Service start must be a real date, like 1 4 2025' },
    ]);
  });

  it('keeps what the form does not ask for from the plan it was opened with, and replaces what it asks', () => {
    const base = testPlan() as Record<string, unknown>;
    const values = { ...planToForm(fields, base), 'value.annual': '2000000', 'incumbent.provider': 'New Name' };
    const { plan } = formToPlan(fields, values, base);
    expect(normal(plan)).toEqual(normal({ ...base, value: { ...(base.value as object), annual: 2_000_000 }, incumbent: { ...(base.incumbent as object), provider: 'New Name' } }));
  });

  it('drops a blanked extension option, and keeps a part the plan had even when its answers are cleared', () => {
    const base = testPlan({ term: { extensions: [{ months: 24, exercise: 'authority-option', statedInContract: true }, { months: 12, exercise: 'mutual-agreement', statedInContract: true }] }, justification: { ground: 'none' } }) as Record<string, unknown>;
    const values = planToForm(fields, base);
    for (const k of Object.keys(values)) if (k.startsWith('term.extensions.1.') || k.startsWith('justification.')) delete values[k];
    const { plan } = formToPlan(fields, values, base);
    expect((plan.term as { extensions: unknown[] }).extensions).toHaveLength(1);
    expect(plan.justification).toEqual({});
  });

  it('makes a reference from the title', () => {
    expect(slug('  Adult D&A treatment -- 2026 ')).toBe('adult-d-a-treatment-2026');
  });

  it('puts each plan issue on the form field it concerns, in GOV.UK words, in form order', () => {
    const { errors, other } = issuesToFormErrors(fields, [
      { path: 'dates.contractStart', message: 'is not a real calendar date' },
      { path: 'services.0.cpv.1', message: 'must be a CPV code such as 85312500 or 85312500-4' },
      { path: 'route.regime', message: 'Invalid input: expected string, received undefined' },
      { path: 'authority', message: 'Invalid input: expected object, received undefined' },
      { path: 'directAward.onlyProviderCapable', message: 'Invalid input: expected boolean, received string' },
      { path: 'source.document', message: 'Invalid input: expected string, received number' },
    ]);
    expect(errors).toEqual([
      { field: 'authority.name', message: 'Enter authority name' },
      { field: 'authority.type', message: 'Select the type of authority' },
      { field: 'services.0.cpv', message: 'CPV codes must be a CPV code such as 85312500 or 85312500-4' },
      { field: 'route.regime', message: 'Select which rules the plan follows' },
      { field: 'dates.contractStart', message: 'Service start is not a real calendar date' },
      {
        field: 'directAward.onlyProviderCapable',
        message: 'Is the existing provider the only one that can realistically provide the services, because of their nature (PSR reg 7)?: Invalid input: expected boolean, received string',
      },
    ]);
    expect(other).toEqual([{ path: 'source.document', message: 'Invalid input: expected string, received number' }]);
  });
});

describe('HTML', () => {
  it('escapes everything it prints from a plan', async () => {
    expect(html`<p>${'<script>alert("x")</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    const report = await checker.check(testPlan({ title: '<img src=x onerror=alert(1)>' }));
    const page = renderHtml(report);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('the printable report stands alone: its own styles, no script, every finding and step', async () => {
    const report = await checker.check(readCase('coventry-2024-competitive.json'), { untrusted: true });
    const page = renderHtml(report);
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link /);
    for (const f of report.findings) expect(page).toContain(`<code>${f.ruleId}</code>`);
    expect(page.match(/<tr class="govuk-table__row"><td class="govuk-table__cell">\d+<\/td>/g)?.length).toBe(report.steps.length);
  });

  it("strips GOV.UK Transport's font faces and keeps the rest of the stylesheet", () => {
    const css = '@font-face{font-family:"GDS Transport";src:url(/assets/fonts/x.woff2)}.govuk-body{font-family:"GDS Transport",arial,sans-serif}\n/*# sourceMappingURL=x.map */';
    expect(withoutTransportFont(css)).toBe('.govuk-body{font-family:"GDS Transport",arial,sans-serif}\n');
  });
});

describe('web routes', () => {
  it('offers every shipped example on the start page, with a one-click check', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const n of caseFiles) expect(res.body).toContain(`href="/examples/${n.replace(/\.json$/, '')}"`);
  });

  it('checks an example and shows the verdict its expected outcome gives', async () => {
    for (const name of ['coventry-2024-direct-award-c', 'norfolk-2019-reprocure']) {
      const expected = readCase(`${name}.expected.json`) as { verdict: string };
      const res = await app.inject({ url: `/examples/${name}` });
      expect(res.body).toContain(`Verdict: <strong class="govuk-tag`);
      expect(res.body).toMatch(new RegExp(`Verdict: <strong class="govuk-tag [a-z-]+">${VERDICT_LABEL[expected.verdict as Verdict]}</strong>`));
    }
    // compliant-if is said in words: "compliant if".
    expect((await app.inject({ url: '/examples/norfolk-2019-reprocure' })).body).toContain('<strong class="govuk-tag govuk-tag--turquoise">compliant if</strong>');
    expect((await app.inject({ url: '/examples/nope' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/plan?example=nope' })).statusCode).toBe(404);
  });

  it('a submitted form is checked like the same plan through the API', async () => {
    const plan = testPlan() as Record<string, unknown>;
    const values = planToForm(fields, plan) as Record<string, string | string[]>;
    const res = await app.inject({ url: '/plan', ...form(values) });
    const expected = await checker.check(formToPlan(fields, values).plan, { untrusted: true });
    expect(res.body).toMatch(new RegExp(`Verdict: <strong class="govuk-tag [a-z-]+">${VERDICT_LABEL[expected.verdict]}</strong>`));
  });

  it('a form with a bad answer comes back with the answers kept and the error by the field', async () => {
    const res = await app.inject({ url: '/plan', ...form({ title: 'My plan', 'value.annual': 'lots' }) });
    expect(res.body).toContain('<title>Error: Describe the plan - procheck</title>');
    expect(res.body).toContain('<a href="#value-annual">Estimated annual value must be a number, like 250000</a>');
    expect(res.body).toContain('id="value-annual-error"');
    expect(res.body).toContain('value="My plan"');
  });

  it('an uploaded plan is checked; a missing, empty, non-JSON or too large file is said next to the upload', async () => {
    const ok = await app.inject(multipart('plan.json', readFileSync(join(root, 'cases', 'norfolk-2019-reprocure.json'), 'utf8')));
    expect(ok.body).toContain('id="verdict"');
    // A plan in lots is written as a file: the page shows each lot's verdict and heads each finding with its lot.
    const lots = await app.inject(multipart('lots.json', readFileSync(join(root, 'cases', 'example-pcr2015-2023-lots-small-lot.json'), 'utf8')));
    expect(lots.body).toContain('Lots (3), each judged as a contract of its own');
    expect(lots.body).toContain('Peer mentoring: A small lot may be awarded without the Part 2 procedures');
    const notJson = await app.inject(multipart('plan.json', '{ nope'));
    expect(notJson.body).toContain('The selected file is not a plan in JSON');
    expect(notJson.body).toContain('href="#planFile"');
    expect((await app.inject(multipart('plan.json', ''))).body).toContain('The selected file is empty');
    expect((await app.inject({ url: '/upload', ...form({}) })).body).toContain('Select a plan file');
    const small = await buildServer({ checker, bodyLimit: 4096 });
    const big = await small.inject(multipart('plan.json', JSON.stringify({ pad: 'x'.repeat(3000) }) + ' '.repeat(2000)));
    expect(big.body).toContain('The selected file must be smaller than 4 KB');
    expect(big.body).toContain('href="#planFile"');
    await small.close();
  });

  it('refuses a hidden plan field that is not a plan object with a 400, not a failure', async () => {
    for (const basePlan of ['5', '"x"', '[1]', 'null', '{nope'])
      expect((await app.inject({ url: '/plan', ...form({ title: 'x', basePlan }) })).statusCode, basePlan).toBe(400);
    expect((await app.inject({ url: '/plan/edit', ...form({ plan: '[]' }) })).statusCode).toBe(400);
    expect((await app.inject({ url: '/report', ...form({ plan: '7', format: 'json' }) })).statusCode).toBe(400);
  });

  it('downloads the report as JSON, Markdown or printable HTML, named for the plan', async () => {
    const plan = JSON.stringify(readCase('coventry-2024-competitive.json'));
    const json = await app.inject({ url: '/report', ...form({ plan, format: 'json' }) });
    expect(json.headers['content-disposition']).toBe('attachment; filename="coventry-2024-competitive-procheck.json"');
    expect(JSON.parse(json.body).verdict).toBe('review');
    const md = await app.inject({ url: '/report', ...form({ plan, format: 'markdown' }) });
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.body).toContain('**Verdict: review**');
    const page = await app.inject({ url: '/report', ...form({ plan, format: 'html' }) });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect((await app.inject({ url: '/report', ...form({ plan, format: 'pdf' }) })).statusCode).toBe(400);
  });

  it('serves GOV.UK Frontend from the package without its typeface, and nothing else of the package', async () => {
    const css = await app.inject({ url: '/assets/govuk-frontend.min.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('.govuk-error-summary');
    expect(css.body).not.toContain('@font-face');
    expect((await app.inject({ url: '/assets/govuk-frontend.min.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/assets/package.json' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/../package.json' })).statusCode).toBe(404);
  });

  it('can serve the API alone', async () => {
    const api = await buildServer({ checker, web: false });
    expect((await api.inject({ url: '/' })).statusCode).toBe(404);
    expect((await api.inject({ url: '/healthz' })).statusCode).toBe(200);
    await api.close();
  });
});

describe('the form', () => {
  it('asks every plan field, the guided questions first and the rest in optional sections', () => {
    const asked = new Set(fields.map((f) => f.name));
    const all = leafFields(planJsonSchema() as Record<string, unknown>).map((f) => f.path);
    const notAsked = all.filter((p) => !asked.has(p) && !/^(\$schema|id$|source\.|term\.extensions\.0\.|lots\.)/.test(p) && p !== 'id');
    expect(notAsked).toEqual([]);
    const sections = formSections([], checker.ruleSet.params);
    expect(sections.findIndex((s) => s.optional)).toBeGreaterThan(0);
    expect(sections.slice(sections.findIndex((s) => s.optional)).every((s) => s.optional)).toBe(true);
  });

  it('opens an optional section that holds an answer or an error, and leaves the others folded', async () => {
    const page = (await app.inject({ url: '/plan', ...form({ 'directAward.onlyProviderCapable': 'no', 'urgency.foreseeable': 'maybe' }) })).body;
    expect(page).toMatch(/<details class="govuk-details" id="section-more-directAward" open>/);
    expect(page).toMatch(/<details class="govuk-details" id="section-more-change">/);
    expect(page).toMatch(/<details class="govuk-details" id="section-more-urgency" open>/);
  });

  it('gives every question a hint and every field a label or legend', async () => {
    for (const f of fields) expect(f.hint, f.name).toBeTruthy();
    const page = (await app.inject({ url: '/plan' })).body;
    for (const f of fields) {
      const id = f.name.replace(/\./g, '-');
      if (['date', 'radios', 'yes-no', 'checkboxes'].includes(f.kind)) expect(page, f.name).toContain(`<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${f.label.replace(/'/g, '&#39;')}</legend>`);
      else expect(page, f.name).toContain(`<label class="govuk-label govuk-label--s" for="${id}">`);
      expect(page, f.name).toContain(`id="${id}-hint"`);
    }
  });
});

describe('the rule catalogue on the web page', () => {
  it('serves the review pack catalogue at /rules, and a result links each finding to its rule there', async () => {
    const page = (await app.inject({ url: '/rules' })).body;
    for (const r of checker.ruleSet.rules) expect(page, r.id).toContain(`id="${r.id}"`);
    const result = (await app.inject({ url: '/examples/coventry-2024-competitive' })).body;
    // A finding's rule (tupe.pensions-unknown is a condition now: the plan's own act, not a finding).
    expect(result).toContain('<a class="govuk-link" href="/rules#timetable.award-decision-too-late"><code>timetable.award-decision-too-late</code></a>');
    // The printable report has no server to link to.
    expect(renderHtml(await checker.check(readCase('coventry-2024-competitive.json'), { untrusted: true }))).not.toContain('href="/rules#');
  });
});

describe('page security', () => {
  it('forbids inline and off-host scripts on every page', async () => {
    for (const url of ['/', '/plan', '/examples/coventry-2024-competitive', '/rules']) {
      const res = await app.inject({ url });
      expect(res.headers['content-security-policy'], url).toMatch(/^default-src 'self'; .*frame-ancestors 'none'/);
      expect(res.headers['content-security-policy'], url).not.toMatch(/script-src|unsafe-inline'.*script/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});


describe('the regime in words', () => {
  it('names the regime that applies, and says whether the plan named it, another one, or left it to procheck', async () => {
    const regimeOf = async (name: string) => renderHtml(await checker.check(readCase(`${name}.json`), { untrusted: true })).match(/Regime<\/dt><dd class="govuk-summary-list__value">([^<]*)</)?.[1];
    expect(await regimeOf('coventry-2024-competitive')).toBe('Provider Selection Regime (Health Care Services (Provider Selection Regime) Regulations 2023), as the plan says');
    expect(await regimeOf('example-pa2023-2025-03-wrong-regime')).toBe('Procurement Act 2023; the plan names Public Contracts Regulations 2015');
    expect(await regimeOf('halton-2010-joint-commissioning')).toBe('Public Contracts Regulations 2006 (not checked by procheck): chosen by procheck (the plan says &quot;auto&quot;)');
  });
});

describe('bad requests get a 4xx with a clear message, never a 500', () => {
  const part = (boundary: string, content: string) =>
    [`--${boundary}`, 'Content-Disposition: form-data; name="planFile"; filename="plan.json"', 'Content-Type: application/json', '', content, `--${boundary}--`, ''].join('\r\n');

  it('multipart uploads with no boundary, the wrong boundary or a body cut short', async () => {
    const cases = [
      { type: 'multipart/form-data', payload: part('b', '{}') },
      { type: 'multipart/form-data; boundary=zzz', payload: part('b', '{}') },
      { type: 'multipart/form-data; boundary=b', payload: part('b', '{"id":').slice(0, 120) },
    ];
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': c.type }, payload: c.payload });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('The upload did not arrive whole');
    }
  });

  it('a plan nested 100,000 deep, uploaded or posted as plan= on /plan/edit', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const upload = await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'multipart/form-data; boundary=b' }, payload: part('b', `{"a":${deep}}`) });
    expect(upload.statusCode).toBe(400);
    expect(upload.body).toContain('nested far deeper than any plan');
    const edit = await app.inject({ ...form({ plan: '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000) }), url: '/plan/edit' });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().message).toBe('The plan field is nested too deep to be a plan');
  });

  it('POST /plan with a field that is not text', async () => {
    const res = await app.inject({ method: 'POST', url: '/plan', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ title: [1, 2] }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('The form field title must be text');
  });

  it('/docs has a content security policy and frame protection; JSON and assets carry the security headers', async () => {
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(docs.headers['x-frame-options']).toBe('DENY');
    for (const url of ['/v1/rules', '/openapi.json', '/assets/procheck.css', '/healthz']) {
      const res = await app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
  });
});

describe('compare routes', () => {
  it('a result offers "Compare routes", which shows every route ranked, with the way back', async () => {
    const plan = readFileSync(join(root, 'cases', 'coventry-2024-competitive.json'), 'utf8');
    const result = await app.inject({ url: '/result', ...form({ plan }) });
    expect(result.body).toContain('action="/options"');
    expect(result.body).toContain('Compare routes</button>');
    const page = await app.inject({ url: '/options', ...form({ plan }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('procheck options appraisal');
    expect(page.body).toMatch(/routes, in recommendation order/);
    expect(page.body).toContain('PSR direct award process C');
    expect(page.body).toMatch(/Back to the plan(&#39;|')s result/);
    expect((await app.inject({ url: '/options', ...form({}) })).statusCode).toBe(400);
  });
});

describe('save and come back; the printable audit record', () => {
  const planText = () => readFileSync(join(root, 'cases', 'coventry-2024-competitive.json'), 'utf8');

  it('saves the plan as a file that opens again in the form', async () => {
    const result = await app.inject({ url: '/result', ...form({ plan: planText() }) });
    expect(result.body).toContain('formaction="/plan/download"');
    const saved = await app.inject({ url: '/plan/download', ...form({ plan: planText() }) });
    expect(saved.headers['content-disposition']).toBe('attachment; filename="coventry-2024-competitive.plan.json"');
    expect(JSON.parse(saved.body)).toEqual(JSON.parse(planText()));
    const reopened = await app.inject(multipart('coventry.plan.json', saved.body));
    expect(reopened.body).toContain('id="verdict"');
  });

  it('a JSON report downloaded here carries its plan, and opening it opens the plan; one without its plan says so', async () => {
    const report = await app.inject({ url: '/report', ...form({ plan: planText(), format: 'json' }) });
    expect(JSON.parse(report.body).input).toEqual(JSON.parse(planText()));
    const reopened = await app.inject(multipart('report.json', report.body));
    expect(reopened.body).toContain('id="verdict"');
    const bare = { ...JSON.parse(report.body) };
    delete bare.input;
    const refused = await app.inject(multipart('report.json', JSON.stringify(bare)));
    expect(refused.body).toContain('a procheck report without its plan');
  });

  it('a result has a link holding the plan, which reproduces it with nothing stored; a changed link says so', async () => {
    const result = await app.inject({ url: '/result', ...form({ plan: planText() }) });
    const href = /id="permalink" href="([^"]+)"/.exec(result.body)![1]!.replace(/&amp;/g, '&');
    const again = await app.inject({ url: href });
    expect(again.statusCode).toBe(200);
    expect(/<strong class="govuk-tag [^"]+">([a-z-]+)<\/strong>/.exec(again.body)![1]).toBe(/<strong class="govuk-tag [^"]+">([a-z-]+)<\/strong>/.exec(result.body)![1]);
    expect((await app.inject({ url: `${href}x!` })).statusCode).toBe(400);
    expect((await app.inject({ url: '/result?plan=AAAA' })).statusCode).toBe(400);
  });

  it('the printable report is an audit record: the answers, when, by which procheck and rule set, and a sign-off block', async () => {
    const page = await app.inject({ url: '/report', ...form({ plan: planText(), format: 'html' }) });
    for (const text of ['Audit record', 'Checked on', 'Rule set', 'answers, as checked', 'dates.contractStart', '1 April 2025', 'Checked by', 'Signature'])
      expect(page.body, text).toContain(text);
    expect(page.body).toContain(checker.ruleSet.version);
  });
});

describe('the result for someone who is not a lawyer', () => {
  it('a summary first (the verdict in a sentence, what must change, the next dated steps, the not-legal-advice notice beside it), then the findings grouped', async () => {
    const plan = readFileSync(join(root, 'cases', 'coventry-2024-direct-award-c.json'), 'utf8');
    const page = (await app.inject({ url: '/result', ...form({ plan }) })).body;
    const at = (text: string) => page.indexOf(text);
    expect(page).toMatch(/id="summary">As planned, this breaks procurement law in \d+ ways?: it must change before it goes ahead/);
    expect(page).toContain('What must change');
    expect(page).toContain('This is not legal advice');
    expect(at('This is not legal advice')).toBeLessThan(at('Findings ('));
    expect(at('id="summary"')).toBeLessThan(at('Why this regime'));
    expect(at('id="findings-must-fix"')).toBeLessThan(at('id="findings-check"'));
    // Information is folded (this plan has none; another does).
    const informed = (await app.inject({ url: '/examples/norfolk-2017-extend-beyond-options' })).body;
    expect(informed).toMatch(/<details class="govuk-details" id="findings-information">/);
    expect(informed.indexOf('id="findings-check"')).toBeLessThan(informed.indexOf('id="findings-information"'));
    // Values in words: no ISO date and no authority code in the regime's reasons.
    const basis = /Why this regime<\/dt><dd class="govuk-summary-list__value">([^<]+)</.exec(page)![1]!;
    expect(basis).not.toMatch(/\d{4}-\d{2}-\d{2}|local-authority/);
    expect(basis).toContain('local authority');
  });

  it('the next dated steps come from today on; the timeline is a picture with a text equivalent', async () => {
    const { reportBody } = await import('../src/report/render-html.js');
    const report = await checker.check(readCase('coventry-2024-competitive.json') as never);
    const body = reportBody(report, { today: '2024-01-01' }).value;
    expect(body).toContain('Next dated steps');
    expect(body).toMatch(/<svg [^>]*role="img" aria-labelledby="timeline-title"/);
    expect(body).toMatch(/<title id="timeline-title">Timeline from \d+ \w+ \d{4} to/);
    expect(reportBody(report, { today: '2099-01-01' }).value).not.toContain('Next dated steps');
  });
});

describe('form errors, said once, by the right box, in good words', () => {
  const errorsOf = (body: string) => [...body.matchAll(/<p id="([a-zA-Z0-9-]+)-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span>\s*([^<]+)</g)].map((m) => [m[1], m[2]!.trim()]);

  it('an empty submit: every required answer is asked for at once, and no optional one', async () => {
    const body = (await app.inject({ url: '/plan', ...form({}) })).body;
    const errors = Object.fromEntries(errorsOf(body));
    for (const id of ['dates-procurementStart', 'dates-contractStart', 'services-0-cpv', 'services-0-description', 'route-process']) expect(errors[id], id).toBeDefined();
    expect(errors['dates-decision']).toBeUndefined();
    expect(errors['services-0-cpv']).toBe('Enter CPV codes');
  });

  it('a month may be typed as a name ("June", "jun", "Sept."); a date that does not exist is said to be one', async () => {
    const { formToPlan } = await import('../src/web/form-values.js');
    const date = (d: string, m: string, y: string) => formToPlan(fields, { 'dates.contractStart-day': d, 'dates.contractStart-month': m, 'dates.contractStart-year': y });
    expect(date('1', 'June', '2026').plan).toMatchObject({ dates: { contractStart: '2026-06-01' } });
    expect(date('1', 'jun', '2026').plan).toMatchObject({ dates: { contractStart: '2026-06-01' } });
    expect(date('30', 'Sept.', '2026').plan).toMatchObject({ dates: { contractStart: '2026-09-30' } });
    expect(date('31', 'June', '2026').errors[0]!.message).toMatch(/must be a real date/);
    expect(date('1', 'Juno', '2026').errors[0]!.message).toMatch(/must be a real date/);
  });
});
