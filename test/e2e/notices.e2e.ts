// "Check a published notice" end to end in headless Chromium: from the start
// page to a result, an empty submit, and axe-core's WCAG 2.1 AA checks on each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createChecker } from '../../src/engine/checker.js';
import { auditNoticeFiles } from '../../src/notice/audit.js';
import { SCREENSHOTS, serverAndBrowser } from './browser.js';
import { accessibilityViolations } from './axe.js';

const NOTICES = join(import.meta.dirname, '..', '..', 'cases', 'notices');
const FIXTURE = 'shropshire-2026-psr-direct-award-c-public-health-nursing';
const files = [`${FIXTURE}.history.json`, `${FIXTURE}.ocds.json`].map((name) => ({ name, mimeType: 'application/json', buffer: readFileSync(join(NOTICES, name)) }));

const checker = createChecker();
const live = serverAndBrowser(checker);

/** A page that records any console error, so a test can say "none"; the pages' security policy refuses axe's script, so it is bypassed for the checks. */
async function openPage(): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await live.browser.newPage({ bypassCSP: true });
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return { page, consoleErrors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('Check a published notice, in headless Chromium', () => {
  it('from the start page: upload a record and its release, and see the verdict the audit gives', async () => {
    const { page, consoleErrors } = await openPage();
    await page.goto(live.base + '/');
    await page.getByRole('link', { name: 'Check a published notice' }).click();
    await page.waitForURL(live.base + '/notices');
    expect(await page.locator('h1').innerText()).toBe('Check a published notice');
    expect(await accessibilityViolations(page), 'the form').toEqual([]);
    await shot(page, '20-notices-form');

    await page.getByLabel('OCDS files').setInputFiles(files);
    await page.getByRole('button', { name: 'Check the files' }).click();
    const expected = (await auditNoticeFiles(files.map((f) => ({ text: f.buffer.toString('utf8'), name: f.name })), checker)).notices[0]!;
    await expect.poll(() => page.locator('#verdict').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toBe(expected.title);
    expect(await page.locator('#verdict .govuk-tag').innerText()).toBe(expected.verdict === 'not-checked' ? 'not checked' : expected.verdict === 'compliant-if' ? 'compliant if' : expected.verdict);
    expect(await page.locator('#verdict').innerText()).toContain('This is not legal advice');
    expect(await page.getByText(`Releases read (${expected.releases.length}, oldest first)`).count()).toBe(1);
    expect(await page.locator('.procheck-finding').count()).toBe(expected.findings.length);
    const quoted = expected.findings.flatMap((f) => f.evidence).find((e) => / \w+ /.test(e.quote));
    if (quoted) expect(await page.getByText(`The notice said: “${quoted.quote}”`).first().isVisible()).toBe(true);
    expect(await accessibilityViolations(page), 'the result').toEqual([]);
    await shot(page, '21-notices-result');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('an empty submit shows the error summary, which takes focus and links to the box', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/notices');
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await page.title()).toBe('Error: Check a published notice - procheck');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    const link = page.locator('.govuk-error-summary a');
    expect(await link.innerText()).toBe('Upload a file of notices or paste one');
    expect(await page.locator('#noticeFiles-error').innerText()).toContain('Upload a file of notices or paste one');
    expect(await accessibilityViolations(page), 'the form with an error').toEqual([]);
    await shot(page, '22-notices-error');
    // The summary's link moves focus to the box.
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noticeFiles');

    // Text that is not JSON: the reader's words, with the line and column, by the text box.
    await page.getByLabel('OCDS JSON').fill('{ "ocid": nope');
    await page.getByRole('button', { name: 'Check the pasted notice' }).click();
    await expect.poll(() => page.locator('#noticeText-error').count()).toBe(1);
    expect(await page.locator('.govuk-error-summary a').innerText()).toMatch(/^The pasted text is not JSON: .*\(line 1, column \d+\)$/);
    expect(await page.getByLabel('OCDS JSON').inputValue()).toBe('{ "ocid": nope');
    expect(await accessibilityViolations(page), 'the text box with an error').toEqual([]);
    await page.close();
  });

  it('several procurements: the table, each in full and the summary pass the checks too', async () => {
    const { page } = await openPage();
    await page.goto(live.base + '/notices');
    const other = 'nenc-icb-2025-psr-direct-award-a-liaise-durham-west.ocds.json';
    await page.getByLabel('OCDS files').setInputFiles([...files, { name: other, mimeType: 'application/json', buffer: readFileSync(join(NOTICES, other)) }]);
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect.poll(() => page.locator('#notices').count()).toBe(1);
    expect(await page.locator('#notices tbody tr').count()).toBe(2);
    expect(await page.locator('h2', { hasText: 'Summary' }).count()).toBe(1);
    expect(await accessibilityViolations(page), 'several notices').toEqual([]);
    await shot(page, '23-notices-several');
    // The chart of defects by authority is an image named and described in words, beside its table.
    const chart = page.locator('#defects-chart svg[role="img"]');
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-labelledby')).toBe('defects-chart-title defects-chart-desc');
    expect(await page.locator('#by-authority tbody tr').count()).toBeGreaterThan(0);
    await page.locator('#defects-chart').screenshot({ path: join(SCREENSHOTS, '24-notices-chart.png') });
    await page.close();
  });
});
