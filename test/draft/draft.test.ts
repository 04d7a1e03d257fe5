// The draft (issue 22): a valid Draft whose every sentence traces into the
// check it came from and says of the route only what the check found.
import { describe, expect, it } from 'vitest';
import { DraftSchema } from '../../src/draft/schema.js';
import { renderDraft, DRAFT_FORMATS } from '../../src/draft/render.js';
import { draftReport } from '../../src/draft/compose.js';
import { PlanValidationError } from '../../src/plan/parse.js';
import { checker } from '../support/checker.js';
import { ASSERTS_FOR, draftOf, readCase, sentencesOf, unresolved, verdictNamed } from './support.js';

const COVENTRY = 'coventry-2024-competitive.json';

describe('draftReport', () => {
  it('drafts a valid Draft for one plan, every trace resolving and every assertion matching its verdict', async () => {
    const plan = readCase(COVENTRY);
    const draft = await draftOf({ plan });
    expect(DraftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
    expect(draft.drafted).toBe('2024-04-16');
    expect(draft.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['recommendations', 'timetable']));
    for (const { sentence } of sentencesOf(draft)) {
      for (const t of sentence.traces) expect(unresolved(draft, [plan], t), sentence.text).toBeNull();
      if (sentence.asserts) expect(ASSERTS_FOR[sentence.asserts]).toContain(verdictNamed(draft, sentence));
    }
  });

  it('does not recommend a route the check leaves open: it says what to settle first', async () => {
    const draft = await draftOf({ plan: readCase(COVENTRY) });
    expect(draft.decisions[0]!.verdict).toBe('review');
    const recs = sentencesOf(draft).filter((s) => s.section === 'recommendations').map((s) => s.sentence);
    expect(recs.some((s) => s.asserts === 'route-lawful' || s.asserts === 'route-lawful-if')).toBe(false);
    expect(recs.some((s) => /^Approve /.test(s.text))).toBe(false);
    expect(recs.some((s) => s.asserts === 'route-open')).toBe(true);
    expect(recs.map((s) => s.text).join(' ')).toContain(draft.decisions[0]!.report.next.text.slice(1, 40));
  });

  it('recommends the route in the reports\' form where the check finds it lawful on conditions', async () => {
    const draft = await draftOf({ plan: readCase('norfolk-2019-reprocure.json') }, '2019-01-01');
    expect(draft.decisions[0]!.verdict).toBe('compliant-if');
    const approve = sentencesOf(draft).find((s) => s.sentence.phrase === 'recommendations.common.approve-if')!.sentence;
    expect(approve.asserts).toBe('route-lawful-if');
    expect(approve.text).toMatch(/^Approve the (re-)?commissioning of .+ through the .+, for .+ from \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('numbers the footnotes in order of first use, each citation once', async () => {
    const draft = await draftOf({ plan: readCase(COVENTRY) });
    const seen: number[] = [];
    for (const { sentence } of sentencesOf(draft)) for (const n of sentence.footnotes) if (!seen.includes(n)) seen.push(n);
    expect(seen).toEqual(draft.footnotes.map((f) => f.n));
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    const keys = draft.footnotes.map((f) => `${f.citation.instrument}|${f.citation.provision}|${f.citation.url}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('renders as Markdown and JSON', async () => {
    const draft = await draftOf({ plan: readCase(COVENTRY) });
    expect(DRAFT_FORMATS).toEqual(expect.arrayContaining(['markdown', 'json']));
    const md = (await renderDraft(draft, 'markdown')) as string;
    expect(md).toMatch(/^# Draft report sections: /);
    expect(md).toContain('## Recommendations');
    expect(md).toMatch(/\[\^1\]: .+<https:\/\/www\.legislation\.gov\.uk\//);
    expect(DraftSchema.parse(JSON.parse((await renderDraft(draft, 'json')) as string)).title).toBe(draft.title);
  });

  it('refuses bad input with an error naming the field', async () => {
    await expect(draftReport(checker(), { nothing: 1 })).rejects.toBeInstanceOf(PlanValidationError);
    const bad = { ...readCase(COVENTRY), dates: { procurementStart: 'soon' } };
    await expect(draftReport(checker(), { each: [readCase(COVENTRY), bad] })).rejects.toThrow(/each\.1\.dates\.procurementStart/);
    await expect(draftReport(checker(), { plan: readCase(COVENTRY) }, { today: '2024-02-30' })).rejects.toThrow(/options\.today/);
  });
});
