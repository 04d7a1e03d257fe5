// The worked committee reports in cases/reports/ (issue 22 point 6): each seed
// report's draft is what procheck drafts now (run `npm run docs` after a change
// to the rules, the check or the phrases), valid against DraftSchema, shipped
// beside the real report's own sections and a lawyer's note naming it; the
// README's excerpt is the draft's own paragraph; and Coventry's procurement
// paragraph does not repeat the real report's error.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { DraftSchema, type Draft } from '../src/draft/schema.js';
import { checker } from './support/checker.js';
import { sentencesOf } from './draft/support.js';
import { README, README_REPORT, REPORTS_DIR, WORKED_REPORTS, commandOf, draftFiles, draftPath, readmeWithExample, type WorkedReport } from './support/report-drafts.js';

const root = join(import.meta.dirname, '..');
const made = new Map<string, Promise<Awaited<ReturnType<typeof draftFiles>>>>();
const madeOf = (r: WorkedReport) => {
  if (!made.has(r.name)) made.set(r.name, draftFiles(r, checker()));
  return made.get(r.name)!;
};
const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);
const shipped = (r: WorkedReport, kind: 'real' | 'notes') => join(REPORTS_DIR, `${r.name}.${kind}.md`);

describe.each(WORKED_REPORTS)('the worked report $name', (r) => {
  it('ships the draft procheck makes now, as Markdown and JSON (stale: run `npm run docs`)', async () => {
    const { files } = await madeOf(r);
    const stale = [...files].filter(([path, content]) => read(path) !== content).map(([path]) => relative(root, path));
    expect(stale, `stale or missing: ${stale.join(', ')}; run \`npm run docs\` to rewrite them`).toEqual([]);
  }, 60_000);

  it('ships a JSON draft that validates against DraftSchema, of the report day and the decisions it weighs', () => {
    const draft = DraftSchema.parse(JSON.parse(readFileSync(draftPath(r, 'json'), 'utf8'))) as Draft;
    expect(draft.drafted).toBe(r.today);
    expect(draft.decisions).toHaveLength(r.each ? r.files.length : 1);
    expect(draft.decisions.map((d) => `${d.plan.id}.json`)).toEqual(r.each ? r.files : [r.files[0]]);
    if (!r.each && r.files.length > 1) expect(draft.decisions[0]!.options?.options.length).toBe(r.files.length);
  });

  it("ships the real report's own sections and a lawyer's note, each naming the report and its date", () => {
    for (const kind of ['real', 'notes'] as const) {
      const text = read(shipped(r, kind));
      expect(text, `${relative(root, shipped(r, kind))} is missing`).not.toBeNull();
      expect(text).toContain(r.real.title);
      expect(text).toContain(r.real.date);
    }
    // The extract quotes the report (a blockquote per section), and the note cites the law it read.
    expect(read(shipped(r, 'real'))!.match(/^## /gm)!.length).toBeGreaterThanOrEqual(3);
    expect(read(shipped(r, 'real'))).toMatch(/^> /m);
    expect(read(shipped(r, 'notes'))).toMatch(/legalize-uk/);
    expect(read(shipped(r, 'notes'))).toMatch(/reg(ulation)?s? \d+/);
  });
});

describe("the README's drafted paragraph", () => {
  it("is the Coventry draft's own paragraph, as `npm run docs` writes it", async () => {
    const { draft } = await madeOf(README_REPORT);
    const text = readFileSync(README, 'utf8');
    expect(text).toBe(readmeWithExample(text, draft));
  }, 60_000);

  it('gives the command that makes the shipped draft: the command line prints exactly it', async () => {
    let out = '';
    const code = await main(
      commandOf(README_REPORT).map((a) => (a.startsWith('cases/') ? join(root, a) : a)),
      { out: (t) => (out += t), err: () => {}, isTTY: false },
    );
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(draftPath(README_REPORT, 'md'), 'utf8'));
  }, 60_000);
});

describe('Coventry 2024: the procurement section is right where the real report is loose', () => {
  const coventry = WORKED_REPORTS.find((r) => r.name === 'coventry-2024')!;
  const legalText = async () => {
    const { draft } = await madeOf(coventry);
    return { draft, legal: sentencesOf(draft).filter((s) => s.section === 'legal').map((s) => s.sentence) };
  };

  it('does not say the competitive process is required by law (the real report: "legally required")', async () => {
    const { legal } = await legalText();
    expect(read(shipped(coventry, 'real'))).toContain('we are legally required to conduct an open and transparent procurement process which will be a competitive tender process');
    for (const s of legal) {
      expect(s.text).not.toMatch(/legally required|required by law|the law requires|law (obliges|compels)/i);
      // A sentence naming the competitive process may say when the law would require it, never that it does here.
      if (/competitive process/i.test(s.text)) expect(s.text).not.toMatch(/\b(must|has to|is obliged to) (use|follow|run|conduct)\b/i);
    }
  }, 60_000);

  it('says why: neither mandatory direct award applies, so the choice between the processes is the authority\'s (PSR reg 6(5)-(7))', async () => {
    const { draft, legal } = await legalText();
    const why = legal.find((s) => s.phrase === 'legal.psr.no-mandatory-process')!;
    expect(why.text).toMatch(/does not require direct award process A or B/);
    expect(why.text).toMatch(/leaves the process to the authority: direct award process C or the most suitable provider process .*\(reg 6\(5\)-\(6\)\), or the competitive process/);
    expect(why.text).toMatch(/Only where neither of those two is open, or to conclude a framework agreement, is the competitive process the one process allowed \(reg 6\(7\)-\(8\)\)/);
    // Traced to the check's own findings that reg 6(3) and (4) do not apply, with their citations as footnotes.
    expect(why.traces.map((t) => t.ref).sort()).toEqual(['psr.direct-award-a.mandatory', 'psr.direct-award-b.mandatory']);
    expect(why.footnotes.map((n) => draft.footnotes[n - 1]!.citation.url)).toEqual(
      expect.arrayContaining(['https://www.legislation.gov.uk/uksi/2023/1348/regulation/6']),
    );
    // The check's verdict is review (the plan's award date leaves too little mobilisation), so nothing calls the route lawful.
    expect(legal.some((s) => s.asserts === 'route-lawful' || s.asserts === 'route-lawful-if')).toBe(false);
  }, 60_000);
});
