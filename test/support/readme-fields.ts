// Keeps the README's plan-format table equal to the schema: `npm run docs` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFieldTable } from '../../src/plan/field-docs.js';

export const README = join(import.meta.dirname, '..', '..', 'README.md');
const START = '<!-- plan-fields:start -->';
const END = '<!-- plan-fields:end -->';

export function readmeWithFields(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the plan-fields markers');
  return `${text.slice(0, a + START.length)}\n${planFieldTable()}\n${text.slice(b)}`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(README, readmeWithFields(readFileSync(README, 'utf8')));
}
