// The draft (issue 22): a valid Draft whose every sentence traces into the
// check it came from and says of a route only what the check found of it.
import { describe, expect, it } from 'vitest';
import { DraftSchema, type Draft } from '../../src/draft/schema.js';
import { renderDraft, DRAFT_FORMATS } from '../../src/draft/render.js';
import { draftReport } from '../../src/draft/compose.js';
import { PlanValidationError } from '../../src/plan/parse.js';
import { checker } from '../support/checker.js';
import { SHIPPED_PLANS } from '../support/fuzz.js';
import { ASSERTS_FOR, draftOf, readCase, sentencesOf, stepsMisstated, unresolved, verdictNamed } from './support.js';

const COVENTRY = 'coventry-2024-competitive.json';
const NORFOLK_2017 = readCase('options/norfolk-2017.json').options as string[];
const NORTHANTS_2023 = ['adult-treatment-extension', 'case-management-competitive', 'young-people-competitive', 'workforce-training-negotiated'].map((s) => `northants-2023-${s}.json`);

/** Everything a draft promises: valid, every trace resolving, every assertion about a route matching that route's verdict, footnotes in order of first use. */
export function expectSound(draft: Draft, plans: unknown[]) {
  expect(DraftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
  expect(draft.sections.map((s) => s.id)).toEqual(['recommendations', 'options', 'legal', 'timetable', 'risks', 'appendix']);
  for (const { sentence } of sentencesOf(draft)) {
    for (const t of sentence.traces) expect(unresolved(draft, plans, t), sentence.text).toBeNull();
    if (sentence.asserts) expect(ASSERTS_FOR[sentence.asserts], sentence.text).toContain(verdictNamed(draft, sentence));
    expect(sentence.text).not.toMatch(/\{\{|\}\}|undefined|\[object /);
    // Plain words: no code of the check quoted (an authority type, a regime), no question turned into a clause, no "relies on that".
    expect(sentence.text, sentence.text).not.toMatch(/\((local-authority|combined-authority|icb|nhs-england|nhs-trust|foundation-trust|other-public-body|psr|pcr2015|pa2023|pcr2006)\)/);
    expect(sentence.text, sentence.text).not.toMatch(/\bonly if (is|are|does|do|will|would|can|could|has|have|which|what|how|who)\b/i);
    expect(sentence.text, sentence.text).not.toMatch(/\brelies on that\b/);
  }
  for (const s of draft.sections)
    for (const b of s.blocks) if (b.kind === 'table') for (const r of b.rows) for (const t of r.traces) expect(unresolved(draft, plans, t), r.cells.join(' | ')).toBeNull();
  const seen: number[] = [];
  for (const { sentence } of sentencesOf(draft)) for (const n of sentence.footnotes) if (!seen.includes(n)) seen.push(n);
  expect(seen).toEqual(draft.footnotes.map((f) => f.n));
  expect(seen).toEqual(seen.map((_, i) => i + 1));
  const keys = draft.footnotes.map((f) => `${f.citation.instrument}|${f.citation.provision}|${f.citation.url}`);
  expect(new Set(keys).size).toBe(keys.length);
  // One answer: no step is said to be required that the check leaves open (its only finding open), nor said as open when the check requires it.
  expect(stepsMisstated(draft)).toEqual([]);
  // Risks: a condition's row says what follows if the act is not done (by its date, where it has one); its likelihood is
  // certain only where the conditions' own conflict says no date meets them all, and then the mitigation says that conflict.
  for (const sec of draft.sections.filter((x) => x.id === 'risks'))
    for (const b of sec.blocks)
      if (b.kind === 'table')
        for (const r of b.rows) {
          const t = r.traces[0]!;
          if (t.kind !== 'condition') continue;
          const c = draft.decisions[t.decision]!.report.conditions.find((x) => x.id === t.ref && x.lot === t.lot)!;
          expect(r.cells[0], r.cells[0]).toMatch(c.due ? /^If the authority does not act by \d{1,2} [A-Z][a-z]+ \d{4}: [a-z]/ : /^If the authority does not act: [a-z]/);
          expect(/^Certain/.test(r.cells[1]!), r.cells.join(' | ')).toBe(!!c.conflict);
          if (c.conflict) expect(r.cells[2]).toContain(c.conflict.reason);
          else expect(r.cells[2]).toBe(c.instruction);
        }
  // Recommendations withheld: what must be decided or answered comes first; a dated act of the authority is never
  // something to settle before deciding, it follows approval.
  for (const [i, d] of draft.decisions.entries()) {
    const recs = sentencesOf(draft).filter((s) => s.section === 'recommendations' && s.sentence.traces.some((t) => t.decision === i)).map((s) => s.sentence.phrase);
    if (d.report.next.kind === 'condition') expect(recs, d.plan.id).not.toContain('recommendations.common.settle-first');
    const after = recs.indexOf('recommendations.common.after-approval');
    if (after >= 0) expect(recs.slice(after + 1).filter((p) => /settle-first|answer-question/.test(p)), d.plan.id).toEqual([]);
  }
  // The route is recommended only where the check finds it lawful, or lawful on conditions.
  for (const [i, d] of draft.decisions.entries()) {
    const recs = sentencesOf(draft).filter((s) => s.section === 'recommendations' && s.sentence.traces.some((t) => t.decision === i)).map((s) => s.sentence);
    const recommends = recs.some((s) => s.asserts === 'route-lawful' || s.asserts === 'route-lawful-if' || /^Approve /.test(s.text));
    expect(recommends, d.plan.id).toBe(d.verdict === 'compliant' || d.verdict === 'compliant-if');
  }
}

describe('draftReport', () => {
  it('drafts every shipped plan soundly', async () => {
    for (const plan of SHIPPED_PLANS) expectSound(await draftOf({ plan }), [plan]);
  });

  it('drafts a report service by service, a decision each ({ each })', async () => {
    const plans = NORTHANTS_2023.map(readCase);
    const draft = await draftOf({ each: plans }, '2023-06-01');
    expectSound(draft, plans);
    expect(draft.decisions.map((d) => d.plan.id)).toEqual(plans.map((p) => p.id));
    const legal = draft.sections.find((s) => s.id === 'legal')!;
    // Each decision under its own heading, numbered on through the section.
    expect(legal.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(expect.arrayContaining(plans.map((p) => p.title)));
    const numbers = legal.blocks.flatMap((b) => (b.kind === 'paragraph' && b.number ? [b.number] : []));
    expect(numbers).toEqual(numbers.map((_, i) => `3.${i + 1}`));
    expect(draft.title).toContain('four decisions');
    // Each decision heads its part of a section; the parts of its legal implications ("Procurement") sit a level below.
    const headings = legal.blocks.flatMap((b) => (b.kind === 'heading' ? [b] : []));
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(plans.map((p) => p.title));
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(expect.arrayContaining(['Procurement', 'Term, extensions and changes', 'TUPE and pensions']));
    const md = (await renderDraft(draft, 'markdown')) as string;
    expect(md).toContain(`### ${plans[0]!.title}`);
    expect(md).toMatch(/^#### Procurement$/m);
    expect(md).not.toMatch(/^### Procurement$/m);
  });

  it('drafts the options of one decision ({ plan, options }), each option said as its own check found it', async () => {
    const [plan, ...options] = NORFOLK_2017.map(readCase);
    const draft = await draftOf({ plan, options }, '2017-06-01');
    expectSound(draft, [plan]);
    const appraisal = draft.decisions[0]!.options!;
    expect(appraisal.kind).toBe('options');
    expect(appraisal.options).toHaveLength(3);
    const said = sentencesOf(draft).filter((s) => s.section === 'options' && s.sentence.asserts);
    expect(said).toHaveLength(3);
    const redesign = said.find((s) => s.sentence.text.startsWith(readCase('norfolk-2017-option2-extend-redesign.json').title as string))!;
    expect(redesign.sentence.asserts).toBe('route-not-lawful');
  });

  it('does not recommend a route the check leaves open: it says what to settle first', async () => {
    const draft = await draftOf({ plan: readCase(COVENTRY) });
    expect(draft.decisions[0]!.verdict).toBe('review');
    const recs = sentencesOf(draft).filter((s) => s.section === 'recommendations').map((s) => s.sentence);
    expect(recs.some((s) => s.asserts === 'route-open')).toBe(true);
    expect(recs.map((s) => s.text).join(' ')).toContain(draft.decisions[0]!.report.next.text.slice(1, 40));
  });

  it('delegates to the officer named, or says the officer is still to be named', async () => {
    const plan = readCase('northants-2023-adult-treatment-extension.json');
    const delegation = async (delegate?: string) =>
      sentencesOf(await draftReport(checker(), { plan }, { today: '2023-08-16', ...(delegate ? { delegate } : {}) })).find((s) => /^recommendations\.common\.delegate/.test(s.sentence.phrase))!.sentence.text;
    expect(await delegation()).toBe('Delegate authority to the responsible director [the officer to be named] to agree the change to the contract, once its conditions are met.');
    expect(await delegation('the Director of Public Health')).toBe('Delegate authority to the Director of Public Health to agree the change to the contract, once its conditions are met.');
  });

  it('recommends the route in the reports\' form where the check finds it lawful on conditions', async () => {
    const draft = await draftOf({ plan: readCase('norfolk-2019-reprocure.json') }, '2019-01-01');
    expect(draft.decisions[0]!.verdict).toBe('compliant-if');
    const approve = sentencesOf(draft).find((s) => s.sentence.phrase === 'recommendations.common.approve-if')!.sentence;
    expect(approve.asserts).toBe('route-lawful-if');
    expect(approve.text).toMatch(/^Approve the (re-)?commissioning of .+ through the .+, for .+ from \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('Coventry 2024: the procurement paragraph does not call the competitive process legally required; it says what the check found', async () => {
    const plan = readCase(COVENTRY);
    const draft = await draftOf({ plan });
    const report = draft.decisions[0]!.report;
    const legal = sentencesOf(draft).filter((s) => s.section === 'legal').map((s) => s.sentence);
    const text = legal.map((s) => s.text).join(' ');
    // The real report: "we are legally required to conduct an open and transparent procurement process which will be a competitive tender process".
    expect(text).not.toMatch(/legally required|must (use|follow|run) (the|a) competitive/i);
    expect(text).toContain('The Health Care Services (Provider Selection Regime) Regulations 2023 (the PSR) govern this procurement.');
    // Neither mandatory direct award applies (the check's holds), and the competitive process is one of several routes open.
    const noMandatory = legal.find((s) => s.phrase === 'legal.psr.no-mandatory-process')!;
    expect(noMandatory.traces.map((t) => t.ref).sort()).toEqual(['psr.direct-award-a.mandatory', 'psr.direct-award-b.mandatory']);
    expect(report.holds.map((h) => h.ruleId)).toEqual(expect.arrayContaining(['psr.direct-award-a.mandatory', 'psr.direct-award-b.mandatory']));
    const others = legal.find((s) => s.phrase === 'legal.common.other-routes')!;
    expect(others.text).toMatch(/^The Provider Selection Regime competitive process is not the only route: two others may be open/);
    // Only what the law leaves to the authority's choice (reg 6(5)-(6)): direct award C and the most suitable provider process;
    // never direct award A or B (mandatory where their conditions hold), nor urgent award, modification or extension the plan does not claim.
    const options = draft.decisions[0]!.options!.options;
    const named = others.traces.filter((t) => t.kind === 'option').map((t) => options.find((o) => String(o.rank) === t.ref)!);
    expect(named.filter((o) => !o.isPlansOwnRoute).map((o) => o.route.process).sort()).toEqual(['direct-award-c', 'most-suitable-provider']);
    // In the options considered, A and B are mandatory where their conditions hold, not "open".
    for (const process of ['direct-award-a', 'direct-award-b']) {
      const rank = String(options.find((o) => o.route.process === process)!.rank);
      const said = sentencesOf(draft).find((s) => s.section === 'options' && s.sentence.traces.length === 1 && s.sentence.traces[0]!.ref === rank)!.sentence;
      expect(said.text).toMatch(/: not a choice\. The law requires it where its conditions hold and it is not available where they do not/);
      expect(said.text).not.toMatch(/: open, lawful only if/);
    }
    // Its verdict is review, and the procurement paragraph says so without calling the route lawful.
    expect(legal.find((s) => s.asserts)!.asserts).toBe('route-open');
    expect(legal.some((s) => s.asserts === 'route-lawful' || s.asserts === 'route-lawful-if')).toBe(false);
    // TUPE: the check's finding that a service provision change is likely, with its citation.
    const tupe = legal.find((s) => s.traces.some((t) => t.ref === 'tupe.service-provision-change'))!;
    expect(draft.footnotes[tupe.footnotes[0]! - 1]!.citation.url).toBe('https://www.legislation.gov.uk/uksi/2006/246/regulation/3');
    // TUPE reads in words: the route by its name, not its code in quotes; the claim the plan does not make, said as a claim.
    expect(tupe.text).toMatch(/^Staff are assigned to the current service and the PSR competitive process can result in a different provider/);
    expect(tupe.text).toContain('This is so unless the authority claims that the activities will be fundamentally different after the change, which the plan does not (');
    // The regime's basis: the authority type in words.
    expect(text).toContain('arranged by a relevant authority (local authority)');
    // The last possible end date.
    expect(text).toContain('With every option used it would end on 31 March 2034, the last possible end date, after nine years.');
  });

  it('numbers the timetable from the day given, and says what fell before it', async () => {
    const plan = readCase(COVENTRY);
    const later = await draftOf({ plan }, '2024-11-10');
    const table = later.sections.find((s) => s.id === 'timetable')!.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[0]!.cells[0]).toBe('15 November 2024');
    expect(sentencesOf(later).some((s) => s.sentence.phrase === 'timetable.common.passed')).toBe(true);
  });

  it('renders as Markdown and JSON', async () => {
    const draft = await draftOf({ plan: readCase(COVENTRY) });
    expect(DRAFT_FORMATS).toEqual(expect.arrayContaining(['markdown', 'json']));
    const md = (await renderDraft(draft, 'markdown')) as string;
    expect(md).toMatch(/^# Draft report sections: /);
    for (const s of draft.sections) expect(md).toContain(`## ${s.title}`);
    expect(md).toMatch(/\[\^1\]: .+<https:\/\/www\.legislation\.gov\.uk\//);
    expect(DraftSchema.parse(JSON.parse((await renderDraft(draft, 'json')) as string)).title).toBe(draft.title);
  });

  it('publishes its shape as JSON Schema, from the zod schema', async () => {
    const { draftJsonSchema } = await import('../../src/index.js');
    const published = draftJsonSchema() as { $ref: string; $defs: Record<string, { title: string; required: string[]; properties: Record<string, unknown> }> };
    expect(published.$ref).toBe('#/$defs/Draft');
    const schema = published.$defs.Draft!;
    expect(schema.title).toBe('procheck draft report sections');
    expect(schema.required).toEqual(expect.arrayContaining(['decisions', 'sections', 'footnotes', 'cover']));
    expect(JSON.stringify(published.$defs)).toContain('route-lawful-if');
  });

  it('refuses bad input with an error naming the field', async () => {
    await expect(draftReport(checker(), { nothing: 1 })).rejects.toBeInstanceOf(PlanValidationError);
    const bad = { ...readCase(COVENTRY), dates: { procurementStart: 'soon' } };
    await expect(draftReport(checker(), { each: [readCase(COVENTRY), bad] })).rejects.toThrow(/each\.1\.dates\.procurementStart/);
    await expect(draftReport(checker(), { plan: readCase(COVENTRY), options: [bad] })).rejects.toThrow(/options\.0\.dates\.procurementStart/);
    await expect(draftReport(checker(), { plan: readCase(COVENTRY) }, { today: '2024-02-30' })).rejects.toThrow(/options\.today/);
  });
});
