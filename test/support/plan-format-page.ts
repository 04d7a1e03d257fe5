// Keeps the plan-format page's field table equal to the schema: `npm run docs` rewrites it.
import { join } from 'node:path';
import { planFieldTable } from '../../src/plan/field-docs.js';
import { rewriteSection, withSection } from './generated-section.js';

export const PLAN_FORMAT_PAGE = join(import.meta.dirname, '..', '..', 'src', 'plan', 'README.md');

export const pageWithFields = (text: string) => withSection(text, 'plan-fields', planFieldTable(), PLAN_FORMAT_PAGE);

if (process.argv[1] === import.meta.filename) rewriteSection(PLAN_FORMAT_PAGE, 'plan-fields', planFieldTable());
