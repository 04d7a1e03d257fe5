// Debian's Chromium, headless, with the flags that keep it off the network
// (this machine and CI have none), driven by playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import type { Checker } from '../../src/engine/checker.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** procheck's server on a free port and a browser, for one file's tests: started before them, closed after. */
export function serverAndBrowser(checker: Checker): { base: string; browser: Browser } {
  const live = { base: '', browser: undefined as unknown as Browser };
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildServer({ checker });
    live.base = await app.listen({ port: 0, host: '127.0.0.1' });
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await app?.close();
  });
  return live;
}
