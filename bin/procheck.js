#!/usr/bin/env node
// In a clone, run the TypeScript sources through tsx, so no build step is
// needed and edits take effect at once; an installed package ships only the
// compiled dist/.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/run.ts', import.meta.url);
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else {
  await import('../dist/src/cli/run.js');
}
