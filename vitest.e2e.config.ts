// End-to-end tests in headless Chromium: `npm run test:e2e` (CI runs it after `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/e2e/**/*.e2e.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
