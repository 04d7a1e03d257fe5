// The worked committee reports (issue 22 point 6): for each seed report, the
// draft procheck makes of it, shipped in cases/reports/ beside the report's own
// sections and a lawyer's note. `npm run docs` rewrites the drafts (Markdown and
// JSON) and the README's excerpt of one; test/worked-reports.test.ts keeps them
// current. Each draft is made exactly as `procheck report` makes it from the
// command line written here (the same files, flags and date).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type Checker } from '../../src/engine/checker.js';
import { draftReport, type DraftInput } from '../../src/draft/compose.js';
import { renderDraft } from '../../src/draft/render.js';
import type { Draft } from '../../src/draft/schema.js';
import { rewriteSection, withSection } from './generated-section.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const REPORTS_DIR = join(ROOT, 'cases', 'reports');
export const README = join(ROOT, 'README.md');

export interface WorkedReport {
  /** The file stem in cases/reports/ (<name>.draft.md, .draft.json, .real.md, .notes.md). */
  name: string;
  /** The real report, as its notes and extract name it. */
  real: { title: string; date: string };
  /** Plan files under cases/: a plan and its options, or (each) a decision per file. */
  files: string[];
  each?: boolean;
  /** The report's own date: the draft is made as of it. */
  today: string;
  decisionMaker: string;
  delegate?: string;
}

export const WORKED_REPORTS: WorkedReport[] = [
  {
    name: 'coventry-2024',
    real: { title: 'Rebuilding Drug and Alcohol Treatment and Recovery Services', date: '16 April 2024' },
    files: ['coventry-2024-competitive.json'],
    today: '2024-04-16',
    decisionMaker: 'Cabinet',
  },
  {
    name: 'norfolk-2017',
    real: { title: 'Adult drug and alcohol services', date: '8 March 2017' },
    // The report's three options: option 1 as its re-procurement (the option's purpose; its 6-month
    // bridging extension is the case norfolk-2017-option1-extend-6-months, see the notes), options 2 and 3.
    files: ['norfolk-2017-option1-reprocure.json', 'norfolk-2017-option2-extend-redesign.json', 'norfolk-2017-option3-extend-unchanged.json'],
    today: '2017-03-08',
    decisionMaker: 'the Communities Committee',
    delegate: 'the Director of Public Health',
  },
  {
    name: 'northants-2023',
    real: { title: 'Recommissioning of Drug and Alcohol Treatment, Recovery and Support Services', date: '16 August 2023' },
    // Service by service, in the order of the report's recommendations.
    files: ['adult-treatment-extension', 'young-people-competitive', 'case-management-framework', 'workforce-training-negotiated'].map((s) => `northants-2023-${s}.json`),
    each: true,
    today: '2023-08-16',
    decisionMaker: 'the Shared Services Joint Committee',
  },
];

const quoted = (s: string) => (/^[\w./:-]+$/.test(s) ? s : `"${s}"`);

/** The command line that makes the draft, as a user types it from the project's root. */
export function commandOf(r: WorkedReport): string[] {
  return [
    'report',
    ...r.files.map((f) => `cases/${f}`),
    ...(r.each ? ['--each'] : []),
    '--today',
    r.today,
    '--decision-maker',
    r.decisionMaker,
    ...(r.delegate ? ['--delegate', r.delegate] : []),
  ];
}

export const commandLine = (r: WorkedReport) => `npx procheck ${commandOf(r).map(quoted).join(' ')}`;

export function inputOf(r: WorkedReport): DraftInput {
  const plans = r.files.map((f) => JSON.parse(readFileSync(join(ROOT, 'cases', f), 'utf8')) as unknown);
  return r.each ? { each: plans } : plans.length > 1 ? { plan: plans[0], options: plans.slice(1) } : { plan: plans[0] };
}

export const draftOf = (r: WorkedReport, checker: Checker = createChecker()): Promise<Draft> =>
  draftReport(checker, inputOf(r), { today: r.today, decisionMaker: r.decisionMaker, ...(r.delegate ? { delegate: r.delegate } : {}) });

export const draftPath = (r: WorkedReport, ext: 'md' | 'json') => join(REPORTS_DIR, `${r.name}.draft.${ext}`);

/** The files a worked report's draft is shipped as, path to content. */
export async function draftFiles(r: WorkedReport, checker?: Checker): Promise<{ draft: Draft; files: Map<string, string> }> {
  const draft = await draftOf(r, checker);
  const files = new Map<string, string>([
    [draftPath(r, 'md'), (await renderDraft(draft, 'markdown')) as string],
    [draftPath(r, 'json'), (await renderDraft(draft, 'json')) as string],
  ]);
  return { draft, files };
}

// The README's excerpt: Coventry's paragraph on the route, the one the real report got wrong.
export const README_REPORT = WORKED_REPORTS[0]!;
const README_PHRASE = 'legal.psr.no-mandatory-process';

/** The README's excerpt of a draft: the command, then the paragraph that says why the route is the authority's choice. */
export function readmeExample(draft: Draft): string {
  const legal = draft.sections.find((s) => s.id === 'legal')!;
  const para = legal.blocks.find((b) => b.kind === 'paragraph' && b.sentences.some((s) => s.phrase === README_PHRASE));
  if (!para || para.kind !== 'paragraph') throw new Error(`the ${README_REPORT.name} draft has no paragraph with ${README_PHRASE}`);
  const text = para.sentences.map((s) => s.text).join(' ');
  return [`\`${commandLine(README_REPORT)}\`, paragraph ${para.number}:`, '', `> **${para.number}** ${text}`].join('\n');
}

export const readmeWithExample = (text: string, draft: Draft) => withSection(text, 'draft-example', readmeExample(draft), README);

if (process.argv[1] === import.meta.filename) {
  const checker = createChecker();
  for (const r of WORKED_REPORTS) {
    const { draft, files } = await draftFiles(r, checker);
    for (const [path, content] of files) writeFileSync(path, content);
    if (r === README_REPORT) rewriteSection(README, 'draft-example', readmeExample(draft));
  }
}
