import { defineConfig } from 'vitest/config';

// The tests' runs are work, not timings (`npm run bench` holds the speed targets): each test gets a minute, so a
// loaded two-core machine (CI, or several sessions at once) does not fail a property for taking 6 s where it took 3.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
