// The route question pages, a change from Check your answers, a phone's
// width and the timeline picture, in headless Chromium with axe-core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createChecker } from '../../src/engine/checker.js';
import { encodePlan } from '../../src/web/permalink.js';
import { timelineFigure, timelinePlanDates } from '../../src/report/render-timetable.js';
import { SCREENSHOTS, serverAndBrowser } from './browser.js';
import { accessibilityViolations } from './axe.js';

const root = join(import.meta.dirname, '..', '..');
const checker = createChecker();
const live = serverAndBrowser(checker);
const readCase = (name: string) => JSON.parse(readFileSync(join(root, 'cases', `${name}.json`), 'utf8')) as Record<string, unknown>;
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const PHONE = { width: 390, height: 844 };

/** The page's width beyond the window: 0 when nothing makes it scroll sideways. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Continue through the question pages as they are answered, up to the page headed `title`. */
async function continueTo(page: Page, title: string | RegExp) {
  for (let i = 0; i < 20; i++) {
    const h1 = await page.locator('h1').innerText();
    if (typeof title === 'string' ? h1 === title : title.test(h1)) return;
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('h1').innerText()).not.toBe(h1);
  }
  throw new Error(`never reached ${title}`);
}

describe('route question pages, in Chromium', () => {
  it('a direct award C journey: its own page passes axe, says why it asks, and a change from Check your answers comes back to it', async () => {
    const page = await live.browser.newPage({ bypassCSP: true });
    await page.goto(live.base + '/questions?example=coventry-2024-direct-award-c');
    await continueTo(page, /^Direct award C/);
    // The direct award C facts, in plain words, and none of direct award A's or B's.
    for (const q of ['Is the current provider delivering the current contract to a satisfactory standard?', 'Is the current provider likely to deliver the new contract to a good enough standard?'])
      expect(await page.getByRole('group', { name: q }).count(), q).toBe(1);
    expect(await page.getByLabel('What was the current contract worth over its whole life, when it was signed?').count()).toBe(1);
    expect(await page.getByText(/only one that could realistically provide/).count()).toBe(0);
    // "Why we ask" opens to the law and the plan field.
    const why = page.locator('.procheck-why').nth(1);
    expect(await why.locator('.govuk-details__text').isVisible()).toBe(false);
    await why.locator('summary').click();
    expect(await why.locator('.govuk-details__text').innerText()).toMatch(/PSR regulation 6\(5\)\(d\)\)\. Plan field: incumbent\.satisfyingContract\./);
    expect(await accessibilityViolations(page), 'direct award C page').toEqual([]);
    await shot(page, '10-route-direct-award-c');
    await page.getByRole('group', { name: 'Is the current provider delivering the current contract to a satisfactory standard?' }).getByLabel('Yes', { exact: true }).check();
    await continueTo(page, 'Check your answers');

    // A change comes back to Check your answers, with the new answer.
    await page.getByRole('link', { name: /Change estimated annual value/ }).click();
    expect(await page.locator('h1').innerText()).toBe('Value');
    await page.getByLabel('Estimated annual value').fill('6000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Check your answers');
    expect(await page.locator('.govuk-summary-list').first().innerText()).not.toBe('');
    expect(await page.getByText('£6,000,000').count()).toBe(1);
    expect(await accessibilityViolations(page), 'check your answers after a change').toEqual([]);

    // A new route: just its new page, then back.
    await page.getByRole('link', { name: /Change process or procedure/ }).click();
    await page.getByLabel('Process or procedure').selectOption('most-suitable-provider');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Most suitable provider process');
    expect(await accessibilityViolations(page), 'most suitable provider page').toEqual([]);
    await page.getByRole('group', { name: /Can you identify the most suitable provider/ }).getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Check your answers');
    await shot(page, '11-check-answers-after-route-change');
    const plan = JSON.parse((await page.locator('form[action="/result"] input[name="plan"]').getAttribute('value'))!);
    expect(plan.route.process).toBe('most-suitable-provider');
    // The direct award C answers went with the route; what the journey never asked is kept from the example.
    expect(plan.directAward).toMatchObject({ mostSuitableProviderIdentifiable: true });
    for (const gone of ['materiallyDifferent', 'changeAttributableToAuthority', 'replacesExpiringContract']) expect(plan.directAward, gone).not.toHaveProperty(gone);
    expect(plan.incumbent).not.toHaveProperty('satisfyingContract');
    await page.close();
  });

  it('the contract date offers "Not known yet", and says so on Check your answers', async () => {
    const page = await live.browser.newPage({ bypassCSP: true });
    await page.goto(live.base + '/questions?example=coventry-2024-competitive');
    await continueTo(page, 'Key dates');
    const signed = page.getByRole('group', { name: 'Contract signed' });
    expect(await signed.getByLabel('Day').count()).toBe(1);
    await signed.getByLabel('Not known yet').check();
    expect(await accessibilityViolations(page), 'key dates').toEqual([]);
    await continueTo(page, 'Check your answers');
    expect(await page.locator('.govuk-summary-list__row', { hasText: 'Contract signed' }).locator('.govuk-summary-list__value').innerText()).toBe('Not known yet');
    await page.close();
  });
});

describe('a phone 390 pixels wide', () => {
  it('the result page with many findings, and the question pages, never scroll sideways', async () => {
    const page = await live.browser.newPage({ viewport: PHONE, bypassCSP: true });
    await page.goto(live.base + '/examples/coventry-2024-competitive');
    await expect.poll(() => page.locator('#verdict').count()).toBe(1);
    expect(await sidewaysScroll(page), 'result').toBeLessThanOrEqual(0);
    // A table too wide for the screen would scroll inside itself; these fit.
    for (const table of await page.locator('table.govuk-table').all())
      expect(await table.evaluate((t) => t.scrollWidth - t.clientWidth), (await table.locator('caption').innerText()) || 'table').toBeLessThanOrEqual(1);
    expect(await accessibilityViolations(page), 'result at 390').toEqual([]);
    await shot(page, '12-result-390');
    const code = encodePlan(readCase('coventry-2024-direct-award-c'));
    for (const url of ['/questions', '/questions/route', `/questions/direct-award-c?plan=${code}`, `/questions/check?plan=${code}`, `/result?plan=${code}`, '/plan?example=coventry-2024-competitive', '/']) {
      await page.goto(live.base + url);
      expect(await sidewaysScroll(page), url).toBeLessThanOrEqual(0);
    }
    await shot(page, '13-start-390');
    await page.close();
  });
});

describe('the timeline picture', () => {
  /** Every label's box in the drawing shown: none over another, none outside the picture. */
  async function labelProblems(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const svg = Array.from(document.querySelectorAll('figure.procheck-timeline svg')).find((s) => s.getBoundingClientRect().width > 0) as SVGSVGElement;
      const view = svg.viewBox.baseVal;
      const boxes = Array.from(svg.querySelectorAll('text')).map((t) => ({ text: t.textContent ?? '', box: (t as SVGTextElement).getBBox() }));
      const problems: string[] = [];
      for (const { text, box } of boxes)
        if (box.x < view.x - 0.5 || box.y < view.y - 0.5 || box.x + box.width > view.x + view.width + 0.5 || box.y + box.height > view.y + view.height + 0.5) problems.push(`outside: ${text}`);
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const overlap = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x) > 0.5 && Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y) > 0.5;
          if (overlap) problems.push(`over each other: "${a.text.slice(0, 40)}" and "${b.text.slice(0, 40)}"`);
        }),
      );
      return problems;
    });
  }

  it.each(['coventry-2024-competitive', 'coventry-2024-direct-award-c', 'northants-2023-adult-treatment-extension', 'example-psr-2026-award-decision-after-latest'])(
    '%s: no label over another or outside the picture, on a desktop and a phone',
    async (name) => {
      const plan = readCase(name);
      const report = await checker.check(plan, { untrusted: true });
      const figure = timelineFigure(report.timetable, timelinePlanDates(plan)).value;
      for (const viewport of [{ width: 1000, height: 900 }, PHONE]) {
        const page = await live.browser.newPage({ viewport });
        await page.setContent(
          `<!DOCTYPE html><html lang="en" class="govuk-template"><head><link rel="stylesheet" href="${live.base}/assets/govuk-frontend.min.css"><link rel="stylesheet" href="${live.base}/assets/procheck.css"></head><body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper">${figure}</main></div></body></html>`,
        );
        await page.waitForLoadState('networkidle');
        expect(await labelProblems(page), `${name} at ${viewport.width}`).toEqual([]);
        expect(await sidewaysScroll(page), `${name} at ${viewport.width}`).toBeLessThanOrEqual(0);
        // The drawing shown has its title; the other is out of the page's reading.
        const shown = page.locator('figure.procheck-timeline svg:visible');
        expect(await shown.count()).toBe(1);
        expect(await shown.getAttribute('role')).toBe('img');
        expect(await shown.locator('title').textContent()).toMatch(/^Timeline from /);
        if (name === 'coventry-2024-competitive') await shot(page, `14-timeline-${viewport.width}`);
        await page.close();
      }
    },
  );
});
