// "Draft report sections" on the web page, in headless Chromium: from a
// result without JavaScript, the draft's page and its downloads; from the
// options page, the page (and its error state) against axe-core's WCAG 2.1 AA
// checks at a desktop's and a phone's width.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { createChecker } from '../../src/engine/checker.js';
import { SCREENSHOTS, serverAndBrowser } from './browser.js';
import { accessibilityViolations } from './axe.js';

const checker = createChecker();
const live = serverAndBrowser(checker);
const EXAMPLE = 'coventry-2024-competitive';
const PHONE = { width: 390, height: 844 };

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('Draft report sections, in Chromium', () => {
  it('from a result with JavaScript off: the draft\'s page, and each download is its file', async () => {
    const page = await live.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${live.base}/examples/${EXAMPLE}`);
    await page.getByRole('button', { name: 'Draft report sections' }).click();
    await page.waitForURL(/\/draft$/);
    expect(await page.locator('h1').innerText()).toMatch(/^Draft report sections: Coventry/);
    expect(await page.getByRole('heading', { name: 'Recommendations' }).count()).toBe(1);
    for (const [button, ext] of [['Download as Word (.docx)', 'docx'], ['Download printable page (HTML)', 'html'], ['Download as Markdown', 'md'], ['Download as data (JSON)', 'json']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(`${EXAMPLE}-draft.${ext}`);
      const bytes = readFileSync((await download.path())!);
      if (ext === 'docx') expect(strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)).toContain('Recommendations');
      else if (ext === 'json') expect(JSON.parse(bytes.toString('utf8')).decisions[0].plan.id).toBe(EXAMPLE);
      else expect(bytes.toString('utf8')).toContain(ext === 'md' ? '## Recommendations' : '<h1 class="govuk-heading-l">Draft report sections: Coventry');
    }
    await page.close();
  });

  it('from the options page: the draft passes axe on a desktop and a phone, its error state too, without sideways scrolling', async () => {
    for (const viewport of [{ width: 1000, height: 900 }, PHONE]) {
      // axe is a script injected into the page, which the page's policy rightly refuses: bypassCSP lets it in.
      const page = await live.browser.newPage({ viewport, bypassCSP: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${live.base}/examples/${EXAMPLE}`);
      await page.getByRole('button', { name: 'Compare routes' }).click();
      await page.waitForURL(/\/options$/);
      await page.getByRole('button', { name: 'Draft report sections' }).click();
      await page.waitForURL(/\/draft$/);
      await page.waitForLoadState('networkidle');
      expect(await sidewaysScroll(page), `at ${viewport.width}`).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page), `draft at ${viewport.width}`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `22-web-draft-${viewport.width}.png`), fullPage: true });
      // Named as the report names them, then a name too long: said by its box.
      await page.getByLabel('Who decides (optional)').fill('Cabinet');
      await page.getByLabel('Who the award is delegated to (optional)').fill('the Director of Public Health '.repeat(10));
      await page.getByRole('button', { name: 'Draft again' }).click();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Who the award is delegated to');
      expect(await page.locator('#draft-recommendations').innerText()).toContain('Cabinet is recommended to');
      expect(await accessibilityViolations(page), `draft with an error at ${viewport.width}`).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
