// The drafted report sections in headless Chromium: the printable HTML page
// and the body the web page puts in its GOV.UK layout pass axe-core, fetch
// nothing, and every link within the page lands on something; the Word
// file's parts are well-formed XML to the browser's own strict parser.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { createChecker } from '../../src/engine/checker.js';
import { draftBody, renderDraftHtml } from '../../src/draft/render-html.js';
import { renderDraftDocx } from '../../src/draft/render-docx.js';
import type { Draft } from '../../src/draft/schema.js';
import { draftsToRender } from '../draft/sample-draft.js';
import { SCREENSHOTS, serverAndBrowser } from './browser.js';
import { accessibilityViolations } from './axe.js';

const checker = createChecker();
const live = serverAndBrowser(checker);
const PHONE = { width: 390, height: 844 };
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The drafts the pages are checked on (the sample and the seed cases'), drafted once. */
let drafted: Promise<[string, Draft][]> | undefined;
const drafts = () => (drafted ??= draftsToRender(checker));

/** In-page links whose target is not on the page. */
const brokenAnchors = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('a[href^="#"]')).map((a) => a.getAttribute('href')!).filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))));

/** The page's width beyond the window: 0 when nothing makes it scroll sideways. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the draft report sections, in Chromium', () => {
  it('the printable page passes axe, runs no script, fetches nothing and every note link lands', async () => {
    for (const [name, draft] of await drafts()) {
      const page = await live.browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(renderDraftHtml(draft));
      expect(await page.evaluate(() => document.scripts.length), name).toBe(0);
      expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:')), name).toEqual([]);
      expect(await brokenAnchors(page), name).toEqual([]);
      // Every note mark reaches a note whose link goes to the law.
      const notes = await page.locator('.procheck-footnotes li a[href^="https://"]').count();
      expect(notes, name).toBe(draft.footnotes.length);
      // The plan's title, with its script tag, is text on the page.
      expect(await page.locator('h1').innerText(), name).toBe(draft.title);
      expect(await accessibilityViolations(page), `${name}: printable page`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `20-draft-${slug(name)}-print.png`), fullPage: true });
      await page.close();
    }
  });

  it('the body in the GOV.UK layout passes axe on a desktop and a phone, without sideways scrolling', async () => {
    for (const [name, draft] of await drafts())
      for (const viewport of [{ width: 1000, height: 900 }, PHONE]) {
        const page = await live.browser.newPage({ viewport });
        await page.setContent(
          `<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><title>Draft report sections</title><link rel="stylesheet" href="${live.base}/assets/govuk-frontend.min.css"><link rel="stylesheet" href="${live.base}/assets/procheck.css"></head><body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">${draftBody(draft).value}</main></div></body></html>`,
        );
        await page.waitForLoadState('networkidle');
        expect(await brokenAnchors(page), name).toEqual([]);
        expect(await sidewaysScroll(page), `${name} at ${viewport.width}`).toBeLessThanOrEqual(0);
        expect(await accessibilityViolations(page), `${name}: body at ${viewport.width}`).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `21-draft-${slug(name)}-${viewport.width}.png`), fullPage: true });
        await page.close();
      }
  });

  it("the Word file's parts are well-formed XML to the browser's parser", async () => {
    const page = await live.browser.newPage();
    for (const [name, draft] of await drafts()) {
      const files = unzipSync(await renderDraftDocx(draft));
      const parts = Object.entries(files)
        .filter(([p]) => /\.(xml|rels)$/.test(p))
        .map(([p, data]) => [p, strFromU8(data)] as const);
      expect(parts.length).toBeGreaterThan(5);
      const errors = await page.evaluate(
        (list) => list.flatMap(([p, xml]) => (new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length ? [p] : [])),
        parts.map(([p, xml]) => [p, xml] as [string, string]),
      );
      expect(errors, name).toEqual([]);
    }
    await page.close();
  });
});
