// Answer in place, in Chromium with axe-core: a result's open questions
// answered on the result page, a bad answer said by its box, the plan
// checked again, at a desktop's width and a phone's.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { createChecker } from '../../src/engine/checker.js';
import { applyAnswers } from '../../src/plan/answers.js';
import { encodePlan } from '../../src/web/permalink.js';
import { VERDICT_LABEL } from '../../src/report/render-html.js';
import { SCREENSHOTS, serverAndBrowser } from './browser.js';
import { accessibilityViolations } from './axe.js';
import { wexbury } from './wexbury.js';

const checker = createChecker();
const live = serverAndBrowser(checker);
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const PHONE = { width: 390, height: 844 };

/** The page's full width: no more than the phone's when nothing scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const answers = {
  'Are the proposed arrangements materially different in character from the existing contract?': 'No',
  'Are the changes from the existing contract the result of a decision by the authority?': 'No',
  'Is the existing provider satisfying the existing contract?': 'Yes',
  'Is the existing provider likely to satisfy the new contract to a sufficient standard?': 'Yes',
};
const valueQuestion = 'What was the lifetime value of the existing contract when it was entered into, in pounds?';

describe.each([
  ['desktop', { width: 1000, height: 900 }],
  ['phone', PHONE],
] as const)('answering a result in place, on a %s', (name, viewport) => {
  it('the form in the first block, a bad answer by its box, then the result checked again with the answers: each passes axe and fits the width', async () => {
    const page = await live.browser.newPage({ viewport, bypassCSP: true });
    const report = await checker.check(wexbury, { untrusted: true });
    await page.goto(`${live.base}/result?plan=${encodePlan(wexbury)}`);
    const block = page.locator('#verdict');
    // The first block: the verdict, the next thing with the date it turns on, the conditions, the questions.
    expect(await block.locator('#summary').isVisible()).toBe(true);
    expect(await block.locator('#next').innerText()).toContain('17 November 2026');
    expect(await block.locator('#conditions').isVisible()).toBe(true);
    const answersForm = block.locator('form[action="/answers"]');
    expect(await block.getByRole('heading', { name: `Answer ${report.questions.length} questions to decide` }).count()).toBe(1);
    for (const q of report.questions) expect(await answersForm.getByText(q.question, { exact: true }).count(), q.question).toBe(1);
    // "Why we ask" opens under its question.
    const why = answersForm.locator('.procheck-why').first();
    expect(await why.locator('.govuk-details__text').isVisible()).toBe(false);
    await why.locator('summary').click();
    expect(await why.locator('.govuk-details__text').innerText()).toContain(report.questions[0]!.why.replace(/\s*Plan field: .*$/, ''));
    expect(await accessibilityViolations(page), 'result with the question form').toEqual([]);
    expect(await pageWidth(page), 'result with the question form').toBeLessThanOrEqual(viewport.width);
    if (name === 'phone') await shot(page, '15-answers-form-390');

    // A bad answer: said by its box and in the summary, which takes focus and links to the box; the other answers stay.
    for (const [question, choice] of Object.entries(answers)) await answersForm.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
    await answersForm.getByLabel(valueQuestion).fill('lots');
    await answersForm.getByRole('button', { name: 'Check again with these answers' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    const message = `The answer to "${valueQuestion}" must be a number, like 250000`;
    expect(await page.locator('#incumbent-originalLifetimeValue-error').innerText()).toContain(message);
    expect(await accessibilityViolations(page), 'result with an answer error').toEqual([]);
    expect(await pageWidth(page), 'result with an answer error').toBeLessThanOrEqual(viewport.width);
    if (name === 'phone') await shot(page, '16-answers-error-390');
    await summary.getByRole('link', { name: message }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('incumbent-originalLifetimeValue');
    const kept = page.locator('form[action="/answers"]');
    for (const [question, choice] of Object.entries(answers)) expect(await kept.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).isChecked(), question).toBe(true);
    expect(await kept.getByLabel(valueQuestion).inputValue()).toBe('lots');

    // Put right and checked again: the result the library gives for the plan with the answers, no question left.
    await kept.getByLabel(valueQuestion).fill('£5,000,000');
    await kept.getByRole('button', { name: 'Check again with these answers' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner--success').count()).toBe(1);
    const merged = applyAnswers(wexbury, [
      { planPath: 'directAward.materiallyDifferent', value: false },
      { planPath: 'directAward.changeAttributableToAuthority', value: false },
      { planPath: 'incumbent.originalLifetimeValue', value: 5_000_000 },
      { planPath: 'incumbent.satisfyingContract', value: true },
      { planPath: 'incumbent.likelyToSatisfyNewContract', value: true },
    ]);
    const after = await checker.check(merged, { untrusted: true });
    expect(after.questions).toEqual([]);
    expect(await page.locator('#verdict').innerText()).toContain(`Verdict: ${VERDICT_LABEL[after.verdict]}`);
    expect(await page.locator('form[action="/answers"]').count()).toBe(0);
    expect(await page.locator('.procheck-finding').count()).toBe(after.findings.length);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('£5,000,000');
    expect(JSON.parse((await page.locator('form[action="/report"] input[name="plan"]').getAttribute('value'))!)).toEqual(merged);
    expect(await accessibilityViolations(page), 'result after answering').toEqual([]);
    expect(await pageWidth(page), 'result after answering').toBeLessThanOrEqual(viewport.width);
    if (name === 'phone') await shot(page, '17-answered-390');
    await page.close();
  });
});
