// A page's generated part, between <!-- name:start --> and <!-- name:end -->: rewritten by `npm run docs`, checked by a test.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function withSection(text: string, name: string, content: string, page: string): string {
  const start = `<!-- ${name}:start -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(`<!-- ${name}:end -->`);
  if (a < 0 || b < a) throw new Error(`${relative(process.cwd(), page)} lacks the ${name} markers`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}

export function rewriteSection(page: string, name: string, content: string): void {
  writeFileSync(page, withSection(readFileSync(page, 'utf8'), name, content, page));
}
