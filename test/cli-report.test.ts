// `procheck report`: the draft report sections from the command line, in each
// format, for one plan, a plan and its options, and a decision per file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../src/cli/main.js';
import { draftReport } from '../src/draft/compose.js';
import { DRAFT_FORMATS, renderDraft } from '../src/draft/render.js';
import { DraftSchema } from '../src/draft/schema.js';
import { checker } from './support/checker.js';

const cases = join(import.meta.dirname, '..', 'cases');
const file = (name: string) => join(cases, `${name}.json`);
const read = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as Record<string, unknown>;
const COVENTRY = 'coventry-2024-competitive';
const NORFOLK = ['norfolk-2017-option1-reprocure', 'norfolk-2017-option2-extend-redesign', 'norfolk-2017-option3-extend-unchanged'];
const NORTHANTS = ['northants-2023-young-people-competitive', 'northants-2023-case-management-competitive'];
const TODAY = '2024-04-16';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'procheck-report-'));

describe('procheck report', () => {
  it('prints the draft as Markdown by default: exactly the library\'s draft, with the decision-maker and delegate given', async () => {
    const { code, out, err } = await run('report', file(COVENTRY), '--today', TODAY, '--decision-maker', 'Cabinet', '--delegate', 'the Director of Public Health');
    expect(err).toBe('');
    expect(code).toBe(0);
    const draft = await draftReport(checker(), { plan: read(COVENTRY) }, { today: TODAY, decisionMaker: 'Cabinet', delegate: 'the Director of Public Health' });
    expect(out).toBe(await renderDraft(draft, 'markdown'));
    expect(out).toMatch(/^# Draft report sections: Coventry/);
    expect(out).toContain('## Recommendations');
    expect(out).toContain('Cabinet is recommended to');
    expect(out).toContain('Drafted on 16 April 2024');
  });

  it('--format html prints the printable page; --format json the Draft as data', async () => {
    const html = await run('report', file(COVENTRY), '--today', TODAY, '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!DOCTYPE html>/);
    expect(html.out).toContain('<h1 class="govuk-heading-l">Draft report sections: Coventry');
    expect(html.out).not.toMatch(/<script/);
    const json = await run('report', file(COVENTRY), '--today', TODAY, '--format', 'json');
    expect(json.code).toBe(0);
    const draft = DraftSchema.parse(JSON.parse(json.out));
    expect(draft.drafted).toBe(TODAY);
    expect(draft.decisions.map((d) => d.plan.id)).toEqual([read(COVENTRY).id]);
    expect(draft.sections.map((s) => s.id)).toContain('recommendations');
  });

  it('--format docx --out writes a Word file that opens, and says where', async () => {
    const out = join(tempDir(), 'draft.docx');
    const { code, out: said } = await run('report', file(COVENTRY), '--today', TODAY, '--format', 'docx', '--out', out);
    expect(code).toBe(0);
    expect(said).toContain(out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const parts = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(parts)).toContain('word/document.xml');
    const document = strFromU8(parts['word/document.xml']!);
    expect(document).toContain('Recommendations');
    expect(document).toContain('Coventry');
  });

  it('--out writes a text format to the file, not stdout', async () => {
    const out = join(tempDir(), 'draft.md');
    const { code, out: said } = await run('report', file(COVENTRY), '--today', TODAY, '--out', out);
    expect(code).toBe(0);
    expect(said).not.toContain('# Draft report sections');
    expect(readFileSync(out, 'utf8')).toMatch(/^# Draft report sections: Coventry/);
  });

  it('files after the first are options of the one decision (Norfolk 2017: three options)', async () => {
    const { code, out } = await run('report', ...NORFOLK.map(file), '--today', '2017-06-01', '--format', 'json');
    expect(code).toBe(0);
    const draft = DraftSchema.parse(JSON.parse(out));
    expect(draft.decisions).toHaveLength(1);
    expect(draft.decisions[0]!.plan.id).toBe(read(NORFOLK[0]!).id);
    expect(draft.decisions[0]!.options?.options).toHaveLength(3);
  });

  it('--each makes every file a decision of its own (Northamptonshire 2023: service by service)', async () => {
    const { code, out } = await run('report', '--each', ...NORTHANTS.map(file), '--today', '2023-06-01', '--format', 'json');
    expect(code).toBe(0);
    const draft = DraftSchema.parse(JSON.parse(out));
    expect(draft.decisions.map((d) => d.plan.id)).toEqual(NORTHANTS.map((n) => read(n).id));
    // Without --each the same files are one decision and its options.
    const one = DraftSchema.parse(JSON.parse((await run('report', ...NORTHANTS.map(file), '--today', '2023-06-01', '--format', 'json')).out));
    expect(one.decisions).toHaveLength(1);
  });

  it('refuses to write a Word file to stdout: a usage error naming --out, and nothing written', async () => {
    const { code, out, err } = await run('report', file(COVENTRY), '--format', 'docx');
    expect(code).toBe(21);
    expect(out).toBe('');
    expect(err).toMatch(/^--format docx writes a Word file: name it with --out/);
  });

  it('names a bad plan by its file and field (20), a bad --today by the flag (20), and usage errors (21)', async () => {
    const dir = tempDir();
    const bad = join(dir, 'option2.json');
    writeFileSync(bad, JSON.stringify({ ...read(NORFOLK[1]!), dates: { ...(read(NORFOLK[1]!).dates as object), contractStart: '2018-02-30' } }));
    const option = await run('report', file(NORFOLK[0]!), bad);
    expect(option.code).toBe(20);
    expect(option.err).toContain(`${bad}: dates.contractStart`);
    const each = await run('report', '--each', file(NORFOLK[0]!), bad);
    expect(each.code).toBe(20);
    expect(each.err).toContain(`${bad}: dates.contractStart`);
    const today = await run('report', file(COVENTRY), '--today', '2024-02-30');
    expect(today.code).toBe(20);
    expect(today.err).toContain('--today: must be a date');
    expect((await run('report')).code).toBe(21);
    const eleven = Array.from({ length: 11 }, () => file(COVENTRY));
    expect((await run('report', ...eleven)).err).toMatch(/^report compares at most 10 options of a decision/);
    expect((await run('report', '--each', ...eleven)).err).toMatch(/^--each drafts at most 10 decisions at once/);
    expect((await run('report', file(COVENTRY), '--format', 'pdf')).err).toMatch(new RegExp(`^--format must be one of ${DRAFT_FORMATS.join(', ')}\n`));
    expect((await run('report', join(dir, 'missing.json'))).code).toBe(21);
    expect((await run('report', file(COVENTRY), '--out', join(dir, 'no', 'such', 'dir.md'))).code).toBe(21);
  });

  it('is listed by procheck --help', async () => {
    const { out } = await run('--help');
    expect(out).toMatch(/^ {2}procheck report <plan\.json> \[<option\.json> \.\.\.\] \[--each\] \[--format markdown\|html\|json\|docx\]/m);
  });
});
