// Keeps the notice page's mapping table equal to the mapping file: `npm run docs` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mappingTable } from '../../src/notice/mapping-table.js';

export const NOTICE_PAGE = join(import.meta.dirname, '..', '..', 'src', 'notice', 'README.md');
const START = '<!-- ocds-mapping:start -->';
const END = '<!-- ocds-mapping:end -->';

export function pageWithMapping(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error('src/notice/README.md lacks the ocds-mapping markers');
  return `${text.slice(0, a + START.length)}\n${mappingTable()}\n${text.slice(b)}`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(NOTICE_PAGE, pageWithMapping(readFileSync(NOTICE_PAGE, 'utf8')));
}
