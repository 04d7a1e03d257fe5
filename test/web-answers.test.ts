// Answer in place (issue 19, point 6): the result's first block (the verdict
// in a sentence, the one thing to do next, the conditions, and a form of
// exactly the report's open questions) and the answers posted from it, merged
// into the plan and checked again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { escapeHtml } from '../src/report/html.js';
import { inWords, verdictSentence } from '../src/report/plain-words.js';
import { answerSchema } from '../src/plan/answer-schema.js';
import { applyAnswers } from '../src/plan/answers.js';
import type { QuestionT, Report } from '../src/report/schema.js';
import { allFields, formSections, questionPages } from '../src/web/form-spec.js';
import { answerField, lookupIn, readAnswers } from '../src/web/answers.js';
import { decodePlan } from '../src/web/permalink.js';
import { plan as testPlan } from './support/plans.js';
import { wexbury } from './e2e/wexbury.js';
import { form } from './support/form-post.js';

const root = join(import.meta.dirname, '..');
const checker = createChecker();
const readCase = (name: string) => JSON.parse(readFileSync(join(root, 'cases', `${name}.json`), 'utf8')) as Record<string, unknown>;
const overlays = [...checker.ruleSet.overlays.values()];
const lookup = lookupIn([...questionPages(overlays, checker.ruleSet.params).flatMap((p) => p.fields), ...allFields(formSections(overlays, checker.ruleSet.params))]);

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker });
});
afterAll(() => app.close());

const result = async (plan: unknown) => (await app.inject({ url: '/result', ...form({ plan: JSON.stringify(plan) }) })).body;
const answer = (plan: unknown, values: Record<string, string | string[]>) => app.inject({ url: '/answers', ...form({ plan: JSON.stringify(plan), ...values }) });

/** The result's first block: the verdict's section (it holds no other section). */
const firstBlock = (page: string) => /<section class="procheck-verdict[^"]*" id="verdict"[^>]*>[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
/** The answers form in a page. */
const answersForm = (page: string) => /<form method="post" action="\/answers"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
/** Each question's label or legend in a form, in order. */
const questionsIn = (formHtml: string) =>
  [...formHtml.matchAll(/<(?:legend class="govuk-fieldset__legend govuk-fieldset__legend--s"|label class="govuk-label govuk-label--s" for="[^"]+")>([^<]+)<\/(?:legend|label)>/g)].map((m) => m[1]!);
/** The plan a page's answers form carries. */
const planIn = (formHtml: string) => JSON.parse(/<input type="hidden" name="plan" value="([^"]*)">/.exec(formHtml)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
const errorSummary = (page: string) => [...(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '').matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);

describe('the first block of a result', () => {
  it('holds the verdict in a sentence, the one thing to do next with its date, and a form of exactly the open questions', async () => {
    const report = await checker.check(wexbury, { untrusted: true });
    expect(report.questions.length).toBeGreaterThan(1);
    const page = await result(wexbury);
    const block = firstBlock(page);
    expect(block).not.toBe('');
    expect(block).toContain(`<p class="govuk-body-l" id="summary">${escapeHtml(verdictSentence(report))}</p>`);
    expect(block).toContain('Do this next');
    // The date the notice of intention must go out by, to keep the mobilisation.
    expect(block).toContain('17 November 2026');
    expect(block).toContain(escapeHtml(inWords(report.next.text)).replace(/<[^>]+>/g, '').slice(0, 60));
    // The form is in the first block, the only one that answers questions, headed with their number.
    const f = answersForm(page);
    expect(block).toContain(f);
    expect(page.split('action="/answers"')).toHaveLength(2);
    expect(block).toContain(`Answer ${report.questions.length} questions to decide`);
    // Exactly the report's questions, in its order, each in its own words, each with the report's "why we ask" and its plan field.
    expect(questionsIn(f)).toEqual(report.questions.map((q) => escapeHtml(q.question)));
    for (const q of report.questions) {
      expect(f, q.fact).toContain(`${escapeHtml(q.why.replace(/\s*Plan field: .*$/, ''))} Plan field: <code>${q.planPath}</code>.`);
      if ([q.answer.type].flat().includes('boolean'))
        for (const value of ['yes', 'no', 'unknown']) expect(f, `${q.planPath} ${value}`).toContain(`name="${q.planPath}" type="radio" value="${value}"`);
    }
    expect(f).toMatch(/<input class="govuk-input[^"]*" id="incumbent-originalLifetimeValue" name="incumbent.originalLifetimeValue" type="text" inputmode="decimal"/);
    expect(f).toContain('Yes</label>');
    expect(f).toContain('Not known</label>');
    // The plan goes with the form; nothing is stored.
    expect(planIn(f)).toEqual(wexbury);
    // The order: verdict, next, conditions, questions; the findings after the block.
    const at = (text: string) => page.indexOf(text);
    expect(at('id="summary"')).toBeLessThan(at('id="next"'));
    expect(at('id="next"')).toBeLessThan(at('id="conditions"'));
    expect(at('id="conditions"')).toBeLessThan(at('id="answers"'));
    expect(at('</section>')).toBeLessThan(at('Findings ('));
  });

  it('says the conditions there, a contradiction first; compliant-if is "compliant if" on its tag and "Compliant if you" over them', async () => {
    const wex = firstBlock(await result(wexbury));
    const first = /<ol class="govuk-list govuk-list--number procheck-conditions"><li>([\s\S]*?)<\/li>/.exec(wex)![1]!;
    expect(first).toContain('<strong class="govuk-tag govuk-tag--red">Contradiction</strong>');
    expect(first).toContain('No date to enter into the contract meets every condition');

    const plan = readCase('norfolk-2019-reprocure');
    const report = await checker.check(plan, { untrusted: true });
    expect(report.verdict).toBe('compliant-if');
    const page = await result(plan);
    const block = firstBlock(page);
    expect(block).toContain('Verdict: <strong class="govuk-tag govuk-tag--turquoise">compliant if</strong>');
    expect(page).toContain('<title>compliant if: ');
    expect(block).toContain(`Compliant if you (${report.conditions.length})`);
    for (const c of report.conditions) expect(block).toContain(escapeHtml(inWords(c.instruction)));
    // No open question: no form.
    expect(report.questions).toEqual([]);
    expect(answersForm(page)).toBe('');
  });

  it('the printable page lists the questions, with no form (it has no server to post to)', async () => {
    const page = await app.inject({ url: '/report', ...form({ plan: JSON.stringify(wexbury), format: 'html' }) });
    expect(page.body).not.toContain('<form');
    const report = await checker.check(wexbury, { untrusted: true });
    expect(firstBlock(page.body)).toContain(`Answer ${report.questions.length} questions to decide`);
    for (const q of report.questions) expect(firstBlock(page.body)).toContain(`<li>${escapeHtml(q.question)} `);
  });
});

describe('answering in place', () => {
  it('checks the plan again with an answer merged in: the question answered is gone, the rest stay, the plan goes on with it', async () => {
    const res = await answer(wexbury, { 'directAward.materiallyDifferent': 'no' });
    expect(res.statusCode).toBe(200);
    const merged = applyAnswers(wexbury, [{ planPath: 'directAward.materiallyDifferent', value: false }]);
    const expected = await checker.check(merged, { untrusted: true });
    const f = answersForm(res.body);
    expect(planIn(f)).toEqual(merged);
    expect(questionsIn(f)).toEqual(expected.questions.map((q) => escapeHtml(q.question)));
    expect(f).not.toContain('name="directAward.materiallyDifferent"');
    expect(res.body).toContain(`Verdict: <strong class="govuk-tag govuk-tag--yellow">${expected.verdict}</strong>`);
    // What was answered is said, in words; the link to the result holds the new plan.
    expect(res.body).toMatch(/govuk-notification-banner--success[\s\S]*Are the proposed arrangements materially different in character from the existing contract\? <strong>No<\/strong>/);
    const link = /id="permalink" href="\/result\?plan=([^"]+)"/.exec(res.body)![1]!;
    expect(decodePlan(link)).toEqual(merged);
  });

  it('the Wexbury direct award C, every question answered, is decided further: no question left, the direct award C tests decided, the date still said', async () => {
    const before = await checker.check(wexbury, { untrusted: true });
    const res = await answer(wexbury, {
      'directAward.materiallyDifferent': 'no',
      'directAward.changeAttributableToAuthority': 'no',
      'incumbent.originalLifetimeValue': '£5,000,000',
      'incumbent.satisfyingContract': 'yes',
      'incumbent.likelyToSatisfyNewContract': 'yes',
    });
    expect(res.statusCode).toBe(200);
    const merged = {
      ...wexbury,
      directAward: { materiallyDifferent: false, changeAttributableToAuthority: false },
      incumbent: { ...wexbury.incumbent, originalLifetimeValue: 5_000_000, satisfyingContract: true, likelyToSatisfyNewContract: true },
    };
    const after: Report = await checker.check(merged, { untrusted: true });
    expect(after.questions).toEqual([]);
    expect(after.findings.length).toBeLessThan(before.findings.length);
    for (const gone of ['psr.direct-award-c.materially-different', 'psr.direct-award-c.provider-not-satisfying', 'psr.direct-award-c.considerable-change-value'])
      expect(after.findings.map((x) => x.ruleId)).not.toContain(gone);
    expect(answersForm(res.body)).toBe('');
    expect(res.body).toContain('Rule <a class="govuk-link" href="/rules#timetable.award-decision-too-late">');
    expect(res.body.match(/class="govuk-summary-card procheck-finding"/g)).toHaveLength(after.findings.length);
    expect(firstBlock(res.body)).toContain('17 November 2026');
    expect(res.body).toContain('£5,000,000</strong>');
  });

  it('a bad answer is said by its box and in the error summary; the answers are kept and the plan is not changed', async () => {
    const res = await answer(wexbury, { 'directAward.materiallyDifferent': 'no', 'incumbent.originalLifetimeValue': 'lots' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<title>Error: review: Wexbury/);
    const message = 'The answer to "What was the lifetime value of the existing contract when it was entered into, in pounds?" must be a number, like 250000';
    expect(errorSummary(res.body)).toEqual([['#incumbent-originalLifetimeValue', escapeHtml(message)]]);
    const f = answersForm(res.body);
    expect(f).toContain(`<p id="incumbent-originalLifetimeValue-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${escapeHtml(message)}</p>`);
    expect(f).toMatch(/class="govuk-input govuk-input--width-10 govuk-input--error" id="incumbent-originalLifetimeValue"[^>]*value="lots" aria-describedby="incumbent-originalLifetimeValue-hint incumbent-originalLifetimeValue-error"/);
    expect(f).toContain('name="directAward.materiallyDifferent" type="radio" value="no" checked');
    expect(planIn(f)).toEqual(wexbury);
    // The summary comes before the report; the box is in the first block.
    expect(res.body.indexOf('govuk-error-summary')).toBeLessThan(res.body.indexOf('id="verdict"'));
  });

  it('a value the plan format refuses is said by its box too; so is a form with no answer at all', async () => {
    const negative = await answer(wexbury, { 'incumbent.originalLifetimeValue': '-5' });
    const [[href, text]] = errorSummary(negative.body) as [[string, string]];
    expect(href).toBe('#incumbent-originalLifetimeValue');
    expect(text).toMatch(/^The answer to &quot;What was the lifetime value[^&]*&quot; must be /);
    expect(text).not.toMatch(/null/);
    expect(planIn(answersForm(negative.body))).toEqual(wexbury);

    const empty = await answer(wexbury, {});
    expect(errorSummary(empty.body)).toEqual([['#directAward-materiallyDifferent', 'Answer at least one question, or select &quot;Not known&quot;']]);
    expect(empty.body).toContain('<p id="directAward-materiallyDifferent-error" class="govuk-error-message">');

    // "Not known" is an answer: the plan is checked again, and the question stays open.
    const notKnown = await answer(wexbury, { 'incumbent.satisfyingContract': 'unknown' });
    expect(errorSummary(notKnown.body)).toEqual([]);
    expect(questionsIn(answersForm(notKnown.body))).toContain('Is the existing provider satisfying the existing contract?');
    expect(notKnown.body).toContain('Is the existing provider satisfying the existing contract? <strong>Not known</strong>');
  });

  it('refuses a post with no plan, or a plan field that is not one, with a 4xx', async () => {
    expect((await app.inject({ url: '/answers', ...form({ 'directAward.materiallyDifferent': 'no' }) })).statusCode).toBe(400);
    expect((await app.inject({ url: '/answers', ...form({ plan: '[1]' }) })).statusCode).toBe(400);
    expect((await app.inject({ url: '/answers', ...form({ plan: '{"title": 3}' }) })).statusCode).toBe(200);
  });
});

describe('an answer box for each kind of answer', () => {
  const question = (planPath: string, text = 'The question?'): QuestionT => ({ fact: planPath, planPath, question: text, why: `It decides: a rule (reg 1). Plan field: ${planPath}.`, decides: ['a.rule'], answer: answerSchema(planPath) });
  const base = testPlan() as Record<string, unknown>;

  it('yes, no and not known for a yes-or-no fact; yes or no where the plan must state it', () => {
    expect(answerField(question('incumbent.satisfyingContract'), lookup)).toMatchObject({ kind: 'yes-no', label: 'The question?', name: 'incumbent.satisfyingContract' });
    expect(answerField(question('incumbent.satisfyingContract'), lookup)!.notKnown).toBeUndefined();
    const vat = question('value.vatIncluded');
    const read = readAnswers([vat], { 'value.vatIncluded': 'unknown' }, base, lookup);
    expect(read.errors[0]!.field).toBe('value.vatIncluded');
    expect(readAnswers([vat], { 'value.vatIncluded': 'yes' }, base, lookup).plan).toMatchObject({ value: { vatIncluded: true } });
  });

  it('a choice as radios (with Not known yet) or a select, a date as day, month and year with Not known yet, a number, a list as checkboxes', () => {
    const choice = answerField(question('frameworkAgreement.awardedUnder'), lookup)!;
    expect(choice.kind).toBe('radios');
    expect(choice.notKnown).toBe(true);
    expect(choice.options!.map((o) => o.value)).toEqual(['psr', 'pcr2015', 'pa2023', 'pcr2006', 'other']);
    const date = answerField(question('dates.contractSigned'), lookup)!;
    expect(date).toMatchObject({ kind: 'date', notKnown: true });
    expect(answerField(question('incumbent.originalLifetimeValue'), lookup)).toMatchObject({ kind: 'number' });
    expect(answerField(question('staff.pensionSchemes'), lookup)).toMatchObject({ kind: 'checkboxes' });
    // Read into the plan at the path.
    const signed = readAnswers([question('dates.contractSigned')], { 'dates.contractSigned-day': '2', 'dates.contractSigned-month': 'March', 'dates.contractSigned-year': '2025' }, base, lookup);
    expect(signed.errors).toEqual([]);
    expect(signed.plan).toMatchObject({ dates: { contractSigned: '2025-03-02' } });
    expect(signed.answers[0]!.words).toBe('2 March 2025');
    const half = readAnswers([question('dates.contractSigned')], { 'dates.contractSigned-day': '2' }, base, lookup);
    expect(half.errors[0]!.message).toMatch(/must include a month and year/);
    const unknown = readAnswers([question('dates.contractSigned')], { 'dates.contractSigned-unknown': 'yes' }, { ...base, dates: { ...(base.dates as object), contractSigned: '2025-01-01' } }, lookup);
    expect(unknown.errors).toEqual([]);
    expect((unknown.plan.dates as Record<string, unknown>).contractSigned).toBeUndefined();
    const schemes = readAnswers([question('staff.pensionSchemes')], { 'staff.pensionSchemes': ['lgps', 'nhs-pension-scheme'] }, base, lookup);
    expect(schemes.plan).toMatchObject({ staff: { pensionSchemes: ['lgps', 'nhs-pension-scheme'] } });
  });

  it('a path through a list ([]) sets every entry', () => {
    const two = { ...base, services: [{ description: 'a', cpv: ['85312500'] }, { description: 'b', cpv: ['85312500'], healthCare: false }] };
    const q = question('services[].healthCare', 'Is each service a health care service?');
    const f = answerField(q, lookup)!;
    expect(f.kind).toBe('yes-no');
    const read = readAnswers([q], { 'services[].healthCare': 'yes' }, two, lookup);
    expect(read.errors).toEqual([]);
    expect((read.plan.services as { healthCare?: boolean }[]).map((s) => s.healthCare)).toEqual([true, true]);
  });

  it('every open question of every shipped case has a box', async () => {
    const { readdirSync } = await import('node:fs');
    for (const n of readdirSync(join(root, 'cases')).filter((x) => x.endsWith('.json') && !x.endsWith('.expected.json'))) {
      const report = await checker.check(JSON.parse(readFileSync(join(root, 'cases', n), 'utf8')), { untrusted: true });
      for (const q of report.questions) expect(answerField(q, lookup), `${n}: ${q.planPath}`).not.toBeNull();
    }
  });
});
