// Keeps the plan-format page's field table equal to the schema: `npm run docs` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFieldTable } from '../../src/plan/field-docs.js';

export const PLAN_FORMAT_PAGE = join(import.meta.dirname, '..', '..', 'src', 'plan', 'README.md');
const START = '<!-- plan-fields:start -->';
const END = '<!-- plan-fields:end -->';

export function pageWithFields(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error('src/plan/README.md lacks the plan-fields markers');
  return `${text.slice(0, a + START.length)}\n${planFieldTable()}\n${text.slice(b)}`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(PLAN_FORMAT_PAGE, pageWithFields(readFileSync(PLAN_FORMAT_PAGE, 'utf8')));
}
