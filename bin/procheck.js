#!/usr/bin/env node
// The installed command runs the compiled program (dist/cli/run.js, one
// bundle, built by `npm run build`). In a clone whose sources were edited
// since the last build, it runs the sources through tsx instead, so edits
// take effect at once without a stale build answering.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'cli', 'run.js');
const sources = join(root, 'src');

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const stale = existsSync(sources) && (!existsSync(built) || newest(sources) > statSync(built).mtimeMs);
if (stale) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/run.ts', import.meta.url).href);
} else {
  await import(new URL('../dist/cli/run.js', import.meta.url).href);
}
