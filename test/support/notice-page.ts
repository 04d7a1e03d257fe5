// Keeps the notice page's mapping table equal to the mapping file: `npm run docs` rewrites it.
import { join } from 'node:path';
import { mappingTable } from '../../src/notice/mapping-table.js';
import { rewriteSection, withSection } from './generated-section.js';

export const NOTICE_PAGE = join(import.meta.dirname, '..', '..', 'src', 'notice', 'README.md');

export const pageWithMapping = (text: string) => withSection(text, 'ocds-mapping', mappingTable(), NOTICE_PAGE);

if (process.argv[1] === import.meta.filename) rewriteSection(NOTICE_PAGE, 'ocds-mapping', mappingTable());
