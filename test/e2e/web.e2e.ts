import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createChecker } from '../../src/engine/checker.js';
import { VERDICT_LABEL } from '../../src/report/render-html.js';
import type { VerdictT } from '../../src/report/schema.js';
import { SCREENSHOTS, serverAndBrowser } from './browser.js';
import { accessibilityViolations } from './axe.js';

const root = join(import.meta.dirname, '..', '..');
/** The verdict as the page says it: "compliant if" for compliant-if. */
const inWords = (verdict: string) => VERDICT_LABEL[verdict as VerdictT];
const checker = createChecker();
const live = serverAndBrowser(checker);

/** A page that records what it fetched and any console error, so a test can say "none". */
async function openPage(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; requests: string[]; consoleErrors: string[] }> {
  const page = await live.browser.newPage(options);
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return { page, requests, consoleErrors };
}

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

async function fillDate(page: Page, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  const group = page.getByRole('group', { name: label });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y!);
}

/** The answers the officer gives, and the plan they describe. */
const answers = {
  title: 'Adult drug and alcohol treatment 2026',
  authority: 'Test City Council',
  annual: '£1,200,000',
  procurementStart: '2025-05-01',
  awardDecision: '2025-11-03',
  contractStart: '2026-04-01',
};
const expectedPlan = {
  id: 'adult-drug-and-alcohol-treatment-2026',
  title: answers.title,
  authority: { name: answers.authority, type: 'local-authority' },
  services: [{ description: 'Drug and alcohol treatment and recovery', cpv: ['85312500'], healthCare: true }],
  value: { annual: 1_200_000, vatIncluded: false },
  term: { initialMonths: 60, extensions: [{ months: 24, exercise: 'authority-option', statedInContract: true }] },
  route: { regime: 'psr', process: 'competitive' },
  dates: { procurementStart: answers.procurementStart, awardDecision: answers.awardDecision, contractStart: answers.contractStart },
  staff: { assignedToService: false },
};

async function fillPlan(page: Page, annual = answers.annual) {
  await page.getByLabel('Plan title').fill(answers.title);
  await page.getByLabel('Authority name').fill(answers.authority);
  await page.getByLabel('Type of authority').selectOption('local-authority');
  await page.getByLabel('Service description', { exact: true }).fill('Drug and alcohol treatment and recovery');
  await page.getByLabel('CPV codes', { exact: true }).fill('85312500');
  await page.getByRole('group', { name: 'Is it a health care service?' }).getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('Estimated annual value').fill(annual);
  await page.getByRole('group', { name: 'Does the value include VAT?' }).getByLabel('No', { exact: true }).check();
  await page.getByLabel('Initial term, in months').fill('60');
  await page.getByLabel('First extension option, in months').fill('24');
  await page.getByRole('group', { name: 'How is the first extension exercised?' }).getByLabel("At the authority's option").check();
  await page.getByRole('group', { name: 'Is the first extension written clearly into the contract and notice?' }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('group', { name: 'Which rules does the plan follow?' }).getByLabel(/Provider Selection Regime/).check();
  await page.getByLabel('Process or procedure').selectOption('competitive');
  await fillDate(page, 'Procurement start', answers.procurementStart);
  await fillDate(page, 'Award decision', answers.awardDecision);
  await fillDate(page, 'Service start', answers.contractStart);
  await page.getByRole('group', { name: /Is there a group of staff/ }).getByLabel('No', { exact: true }).check();
}

describe('web page, in headless Chromium', () => {
  it('fills in the form, submits it and shows the verdict the library gives for the same plan', async () => {
    const { page, requests, consoleErrors } = await openPage();
    await page.goto(live.base + '/');
    await shot(page, '01-start');
    await page.goto(live.base + '/plan');
    await fillPlan(page);
    await shot(page, '02-form-filled');
    await page.getByRole('button', { name: 'Check the plan' }).click();
    await page.waitForURL(live.base + '/plan');
    const expected = await checker.check(expectedPlan, { untrusted: true });
    await expect.poll(() => page.locator('#verdict').innerText()).toContain(`Verdict: ${inWords(expected.verdict)}`);
    expect(await page.locator('h1').innerText()).toBe(answers.title);
    // Every finding, with its citation linked to legislation.gov.uk.
    expect(await page.locator('.procheck-finding').count()).toBe(expected.findings.length);
    for (const f of expected.findings) {
      const link = page.locator(`.procheck-finding a[href="${f.citation.url}"]`).first();
      expect(await link.count(), f.ruleId).toBe(1);
    }
    expect(expected.findings.every((f) => f.citation.url.startsWith('https://www.legislation.gov.uk/'))).toBe(true);
    // Steps and timetable as tables.
    await expect.poll(() => page.getByRole('table', { name: /Required steps/ }).locator('tbody tr').count()).toBe(expected.steps.length);
    await expect.poll(() => page.getByRole('table', { name: /Timetable/ }).locator('tbody tr').count()).toBe(expected.timetable.length);
    await shot(page, '03-result');
    // GOV.UK Transport is for GOV.UK services only: never fetched. Nothing went to another host.
    expect(requests.filter((u) => u.includes('/assets/fonts/'))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(live.base) && !u.startsWith('data:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows a bad value next to its field and in the error summary, and keeps the other answers', async () => {
    const { page, consoleErrors } = await openPage();
    await page.goto(live.base + '/plan');
    await fillPlan(page, 'lots');
    await fillDate(page, 'Service start', '2026-02-30');
    await page.getByRole('button', { name: 'Check the plan' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.innerText()).toContain('There is a problem');
    expect(await page.title()).toMatch(/^Error: /);
    // The summary links to the field; the message sits by the field and is announced with it.
    const valueError = 'Estimated annual value must be a number, like 250000';
    expect(await summary.getByRole('link', { name: valueError }).count()).toBe(1);
    expect(await page.locator('#value-annual-error').innerText()).toContain(valueError);
    expect(await page.locator('#value-annual').getAttribute('aria-describedby')).toContain('value-annual-error');
    expect(await page.locator('#dates-contractStart-error').innerText()).toContain('Service start must be a real date, like 1 4 2025');
    // GOV.UK Frontend moves focus to the summary; following its link focuses the field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await summary.getByRole('link', { name: valueError }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('value-annual');
    // Answers are kept.
    expect(await page.getByLabel('Authority name').inputValue()).toBe(answers.authority);
    expect(await page.getByLabel('Estimated annual value').inputValue()).toBe('lots');
    await shot(page, '04-form-errors');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('checks a shipped example in one click, and downloads its report as JSON, Markdown and printable HTML', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/');
    await page.locator('a[data-example="coventry-2024-competitive"]').click();
    const expected = JSON.parse(readFileSync(join(root, 'cases', 'coventry-2024-competitive.expected.json'), 'utf8')) as { verdict: string };
    await expect.poll(() => page.locator('#verdict').innerText()).toContain(`Verdict: ${inWords(expected.verdict)}`);
    await shot(page, '05-example-result');
    // A finding's rule opens in the rule catalogue, in plain English (tupe.pensions-unknown is a condition now, the plan's own act: not a finding).
    const rule = checker.ruleSet.rules.find((r) => r.id === 'timetable.award-decision-too-late')!;
    await page.getByRole('link', { name: rule.id }).click();
    await page.waitForURL(/\/rules#timetable\.award-decision-too-late$/);
    expect(await page.locator(`[id="${rule.id}"] h3`).innerText()).toBe(rule.title);
    await shot(page, '07-rule-catalogue', false);
    await page.goBack();
    for (const [button, ext] of [['Download report (JSON)', 'json'], ['Download report (Markdown)', 'md'], ['Download printable report (HTML)', 'html']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(`coventry-2024-competitive-procheck.${ext}`);
      const text = readFileSync((await download.path())!, 'utf8');
      if (ext === 'json') expect(JSON.parse(text).verdict).toBe(expected.verdict);
      else expect(text).toContain(ext === 'md' ? `**Verdict: ${expected.verdict}**` : `Verdict: <strong class="govuk-tag govuk-tag--yellow">${inWords(expected.verdict)}</strong>`);
    }
    await page.close();
  });

  it('opens an example in the form, and an upload with a bad field, with the error by that field', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/plan?example=coventry-2024-competitive');
    expect(await page.getByLabel('Authority name').inputValue()).toBe('Coventry City Council');
    expect(await page.getByRole('group', { name: 'Service start' }).getByLabel('Year').inputValue()).toBe('2025');
    await page.getByRole('button', { name: 'Check the plan' }).click();
    await expect.poll(() => page.locator('#verdict').innerText()).toContain('Verdict: review');

    const plan = JSON.parse(readFileSync(join(root, 'cases', 'coventry-2024-competitive.json'), 'utf8'));
    plan.term.initialMonths = -5;
    await page.goto(live.base + '/');
    await page.getByLabel("A plan in procheck's JSON format").setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Initial term, in months');
    expect(await page.locator('#term-initialMonths-error').isVisible()).toBe(true);
    await shot(page, '06-upload-errors');
    await page.close();
  });

  /** A plan under each regime, as an officer would answer the question pages for it. */
  const journeys = [
    { regime: /Provider Selection Regime/, process: 'competitive', cpv: '85312500', health: 'Yes', start: answers.procurementStart, award: answers.awardDecision, service: answers.contractStart },
    { regime: /Public Contracts Regulations 2015/, process: 'light-touch', cpv: '85312500', health: 'Yes', start: '2023-06-01', award: '2023-10-02', service: '2024-04-01' },
    { regime: /Procurement Act 2023/, process: 'open', cpv: '48000000', health: 'No', start: '2026-02-02', award: '2026-06-01', service: '2026-10-01' },
  ];

  it.each(journeys)('goes through the question pages ($process), one part a page, to Check your answers and a result the library agrees with', async (j) => {
    const { page, consoleErrors } = await openPage({ bypassCSP: true });
    await page.goto(live.base + '/');
    await page.getByRole('button', { name: 'Fill in a plan' }).click();
    const parts: Record<string, () => Promise<void>> = {
      'About the plan': () => page.getByLabel('Plan title').fill(answers.title),
      'The commissioning authority': async () => {
        await page.getByLabel('Authority name').fill(answers.authority);
        await page.getByLabel('Type of authority').selectOption('local-authority');
      },
      'The service': async () => {
        await page.getByLabel('Service description', { exact: true }).fill('The service');
        await page.getByLabel('CPV codes', { exact: true }).fill(j.cpv);
        await page.getByRole('group', { name: 'Is it a health care service?' }).getByLabel(j.health, { exact: true }).check();
      },
      Value: async () => {
        await page.getByLabel('Estimated annual value').fill(answers.annual);
        await page.getByRole('group', { name: 'Does the value include VAT?' }).getByLabel('No', { exact: true }).check();
      },
      'Contract term': async () => {
        await page.getByLabel('Initial term, in months').fill('60');
      },
      'Procurement route': async () => {
        await page.getByRole('group', { name: 'Which rules does the plan follow?' }).getByLabel(j.regime).check();
        await page.getByLabel('Process or procedure').selectOption(j.process);
      },
      'Key dates': async () => {
        await fillDate(page, 'Procurement start', j.start);
        await fillDate(page, 'Award decision', j.award);
        await fillDate(page, 'Service start', j.service);
      },
      'Staff (TUPE)': () => page.getByRole('group', { name: /Is there a group of staff/ }).getByLabel('No', { exact: true }).check(),
    };
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const title = await page.locator('h1').innerText();
      if (title === 'Check your answers') break;
      seen.push(title);
      if (i === 3) {
        // A bad answer is said on its own page, by its box.
        await page.getByLabel('Estimated annual value').fill('lots');
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
        expect(await accessibilityViolations(page), 'question page with an error').toEqual([]);
      }
      await parts[title]?.();
      if (i === 1) expect(await accessibilityViolations(page), 'question page').toEqual([]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect.poll(() => page.locator('h1').innerText()).not.toBe(title);
    }
    expect(seen.slice(0, 7)).toEqual(['About the plan', 'The commissioning authority', 'The service', 'Value', 'Contract term', 'Procurement route', 'Key dates']);
    expect(await page.locator('.govuk-back-link').count()).toBe(1);
    expect(await accessibilityViolations(page), 'check your answers').toEqual([]);
    await shot(page, `09-check-answers-${j.process}`);
    const plan = JSON.parse((await page.locator('form[action="/result"] input[name="plan"]').getAttribute('value'))!);
    await page.getByRole('button', { name: 'Check the plan' }).click();
    const expected = await checker.check(plan, { untrusted: true });
    await expect.poll(() => page.locator('#verdict').innerText()).toContain(`Verdict: ${inWords(expected.verdict)}`);
    expect(expected.regime.applicable).toBe(j.process === 'competitive' ? 'psr' : j.process === 'light-touch' ? 'pcr2015' : 'pa2023');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('saves a plan and comes back to it: the saved file, and a downloaded JSON report, each reopen it', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/examples/coventry-2024-competitive');
    const verdict = await page.locator('#verdict-title .govuk-tag').innerText();
    for (const button of ['Save this plan (JSON file)', 'Download report (JSON)']) {
      await page.goto(live.base + '/examples/coventry-2024-competitive');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const saved = readFileSync((await download.path())!);
      await page.goto(live.base + '/');
      await page.getByLabel("A plan in procheck's JSON format").setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: saved });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await expect.poll(() => page.locator('#verdict-title .govuk-tag').count(), { message: button }).toBe(1);
      expect(await page.locator('#verdict-title .govuk-tag').innerText(), button).toBe(verdict);
    }
    await page.close();
  });

  it('works from the keyboard alone, labels every field and never says a verdict by colour alone', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/plan');
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    // Every form control has an accessible name.
    const unnamed = await page.$$eval('form input:not([type=hidden]), form select, form textarea', (els) =>
      els.filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.id),
    );
    expect(unnamed).toEqual([]);
    // Submit with Enter from the keyboard: the error summary appears and takes focus.
    await page.getByLabel('Plan title').focus();
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    // The verdict is said in words.
    await page.goto(live.base + '/examples/coventry-2024-direct-award-c');
    expect(await page.locator('#verdict-title .govuk-tag').innerText()).toMatch(/non-compliant/i);
    expect(await page.locator('#verdict #summary').innerText()).toMatch(/^As planned, this breaks procurement law in \d+ ways?/);
    await page.close();
  });

  it('passes axe-core WCAG 2.1 AA checks on every page, errors shown included', async () => {
    // The pages' security policy rightly refuses injected scripts; axe is the test's own.
    const { page } = await openPage({ bypassCSP: true });
    for (const url of ['/', '/plan', '/examples/coventry-2024-competitive', '/rules', '/examples/no-such-example']) {
      await page.goto(live.base + url);
      expect(await accessibilityViolations(page), url).toEqual([]);
    }
    await page.goto(live.base + '/plan');
    await page.getByLabel('Estimated annual value').fill('lots');
    await page.getByRole('button', { name: 'Check the plan' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await accessibilityViolations(page), 'form with errors').toEqual([]);
    // The options appraisal, reached from a result.
    await page.goto(live.base + '/examples/coventry-2024-competitive');
    await page.getByRole('button', { name: 'Compare routes' }).click();
    await expect.poll(() => page.locator('h1', { hasText: 'Options appraisal' }).count()).toBe(1);
    expect(await accessibilityViolations(page), 'options').toEqual([]);
    // A result opened from its link.
    await page.goto(live.base + '/examples/coventry-2024-competitive');
    await page.goto(live.base + (await page.locator('#permalink').getAttribute('href'))!);
    await expect.poll(() => page.locator('#verdict').count()).toBe(1);
    expect(await accessibilityViolations(page), 'result from its link').toEqual([]);
    await page.close();
  });

  it('answers what a result says the plan does not state: change the plan, open the part, answer, check again', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/examples/coventry-2024-most-suitable-provider');
    const finding = page.locator('.procheck-finding', { hasText: 'psr.most-suitable-provider.not-identifiable' });
    expect(await finding.count()).toBe(1);
    expect(await finding.innerText()).toContain('directAward.mostSuitableProviderIdentifiable');
    await page.getByRole('button', { name: 'Change this plan' }).click();
    // The part is already open: the plan answers "Not known" there.
    expect(await page.locator('#section-more-directAward').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#section-more-change').getAttribute('open')).toBeNull();
    await page.getByRole('group', { name: /Can the authority identify the most suitable provider without a competition/ }).getByLabel('Yes', { exact: true }).check();
    await shot(page, '08-more-facts');
    await page.getByRole('button', { name: 'Check the plan' }).click();
    await expect.poll(() => page.locator('#verdict').count()).toBe(1);
    // The same as the library says of the example with that one fact answered.
    const plan = JSON.parse(readFileSync(join(root, 'cases', 'coventry-2024-most-suitable-provider.json'), 'utf8'));
    plan.directAward.mostSuitableProviderIdentifiable = true;
    const expected = await checker.check(plan);
    expect(expected.findings.map((f) => f.ruleId)).not.toContain('psr.most-suitable-provider.not-identifiable');
    expect(await page.locator('.procheck-finding').allInnerTexts()).toHaveLength(expected.findings.length);
    expect(await page.locator('.procheck-finding', { hasText: 'psr.most-suitable-provider.not-identifiable' }).count()).toBe(0);
    expect(await page.locator('#verdict').innerText()).toContain(`Verdict: ${inWords(expected.verdict)}`);
    await page.close();
  });
});
