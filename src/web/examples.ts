// The shipped example plans (cases/), offered on the start page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CASES_DIR } from '../package-dir.js';
import type { Example } from './pages.js';

export function loadExamples(dir: string = DEFAULT_CASES_DIR): Example[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // an embedding tool may ship without the cases
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))
    .sort()
    .map((n) => {
      const plan = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { title?: string };
      return { id: n.replace(/\.json$/, ''), title: plan.title ?? n, plan };
    });
}
