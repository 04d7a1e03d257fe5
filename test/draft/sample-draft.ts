// A hand-built draft for the renderers' tests: every kind of block (numbered
// and unnumbered paragraphs, headings, tables, an empty table), footnotes (one
// cited twice, one cited from a table's section), two decisions (the second
// without an options appraisal), and text a renderer must escape: a plan title
// with <script>, ampersands, both quotes, a pipe and a pound sign. The checks
// and the options appraisal are real (the Coventry case), so the decisions are
// what a composer would put there; the sections are written by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type Checker } from '../../src/engine/checker.js';
import { compareRoutes } from '../../src/options/compare.js';
import { DraftSchema, type Draft, type DraftSentence, type DraftTrace } from '../../src/draft/schema.js';
import { draftReport } from '../../src/draft/compose.js';

const root = join(import.meta.dirname, '..', '..');
const readCase = (name: string) => JSON.parse(readFileSync(join(root, 'cases', `${name}.json`), 'utf8')) as Record<string, unknown>;

/** A title a plan may well have, and one that tries to be markup. */
export const HOSTILE_TITLE = `Drug & alcohol "recovery" <script>alert('x')</script> service`;

const t = (kind: DraftTrace['kind'], ref: string, decision = 0): DraftTrace => ({ kind, ref, decision });
const s = (text: string, phrase: string, traces: DraftTrace[], footnotes: number[] = [], asserts?: DraftSentence['asserts']): DraftSentence => ({
  text,
  phrase,
  traces,
  footnotes,
  ...(asserts ? { asserts } : {}),
});

const PSR = 'Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348)';

/** The sample draft, validated against DraftSchema (so a change to the schema that breaks it fails here first). */
export async function sampleDraft(checker: Checker = createChecker()): Promise<Draft> {
  const coventry = { ...readCase('coventry-2024-competitive'), title: HOSTILE_TITLE };
  const second = readCase('example-psr-2026-competitive-compliant-if');
  const [report0, report1, options0] = await Promise.all([
    checker.check(coventry, { untrusted: true }),
    checker.check(second, { untrusted: true }),
    compareRoutes(checker, coventry, { untrusted: true }),
  ]);
  const draft: Draft = {
    procheck: report0.procheck,
    ruleSetVersion: report0.ruleSetVersion,
    drafted: '2024-03-01',
    title: `Draft report sections: ${HOSTILE_TITLE}`,
    cover: {
      notice: 'This is drafting, not advice: procheck wrote it from the plan & its check. It is not "legal advice".',
      checkBy: "The council's legal services <and> the commissioning lead must check it before it goes in a report.",
    },
    decisions: [
      { plan: { id: report0.plan.id, title: report0.plan.title, authority: report0.plan.authority }, verdict: report0.verdict, report: report0, options: options0 },
      { plan: { id: report1.plan.id, title: report1.plan.title, authority: report1.plan.authority }, verdict: report1.verdict, report: report1, options: null },
    ],
    sections: [
      {
        id: 'recommendations',
        title: 'Recommendations',
        blocks: [
          {
            kind: 'paragraph',
            number: '2.1',
            sentences: [s(`Approve the re-commissioning of the ${HOSTILE_TITLE} through the Provider Selection Regime competitive process.`, 'recommendations.psr.approve', [t('route', 'psr.competitive.process'), t('plan', 'title')], [1], 'route-lawful-if')],
          },
          {
            kind: 'paragraph',
            number: '2.2',
            sentences: [s('Delegate authority to the Director of Public Health & Wellbeing to award the contract following the process.', 'recommendations.common.delegate', [t('plan', 'authority.name')])],
          },
        ],
      },
      {
        id: 'options',
        title: 'Options considered',
        blocks: [
          {
            kind: 'paragraph',
            number: '3.1',
            sentences: [
              s('Three routes are open to the plan; the table sets them side by side.', 'options.common.intro', [t('option', '1'), t('option', '2')]),
              s("Direct award C is not lawful: the provider's contract would change \"considerably\".", 'options.psr.not-lawful', [t('option', '3')], [2], 'route-not-lawful'),
            ],
          },
          {
            kind: 'table',
            caption: 'Options & whether the law allows them',
            head: ['Option', 'Lawful?', 'Conditions | notes'],
            rows: [
              { cells: ['Competitive process', 'Yes, if the pensions are settled', 'Publish a notice <first>'], traces: [t('option', '1')] },
              { cells: ['Most suitable provider', 'Not yet decided', "Answer the 'considerable change' question"], traces: [t('option', '2')] },
            ],
          },
        ],
      },
      {
        id: 'legal',
        title: 'Legal implications: procurement',
        blocks: [
          { kind: 'heading', level: 1, text: 'The regime & why it applies' },
          {
            kind: 'paragraph',
            number: '4.1',
            sentences: [
              s('The Provider Selection Regime applies: the services are health care services arranged by a local authority.', 'legal.psr.regime', [t('regime', 'psr')], [1]),
              s('The contract is worth £5.05 million a year.', 'legal.common.value', [t('fact', 'annualValue')]),
            ],
          },
          { kind: 'heading', level: 2, text: 'The route' },
          {
            kind: 'paragraph',
            number: '4.2',
            sentences: [
              s('The competitive process is lawful if the authority settles the pension arrangements by 4 November 2024.', 'legal.psr.route-if', [t('condition', 'tupe.pensions-unknown'), t('route', 'psr.competitive.process')], [1, 3], 'route-lawful-if'),
              s('Staff transfer under TUPE when the provider changes.', 'legal.common.tupe', [t('finding', 'tupe.service-provision-change')], [3]),
            ],
          },
          {
            kind: 'paragraph',
            number: null,
            sentences: [s('The second service is reviewed on its own.', 'legal.common.second', [t('verdict', 'compliant-if', 1)], [2])],
          },
        ],
      },
      {
        id: 'timetable',
        title: 'Timetable',
        blocks: [
          {
            kind: 'paragraph',
            number: '5.1',
            sentences: [s('The notice of intention will be published by 4 November 2024; the standstill ends at midnight on 18 November 2024.', 'timetable.psr.paragraph', [t('timetable', 'psr.intention-notice'), t('step', 'psr.standstill')], [2])],
          },
          {
            kind: 'table',
            caption: 'Timetable from 1 March 2024 to 1 April 2025',
            head: ['Date', 'Step'],
            rows: [
              { cells: ['4 November 2024', 'Publish the notice of intention'], traces: [t('timetable', 'psr.intention-notice')] },
              { cells: ['1 April 2025', 'Service starts'], traces: [t('fact', 'contractStart')] },
            ],
          },
        ],
      },
      {
        id: 'risks',
        title: 'Risks (legal and timetable)',
        blocks: [
          { kind: 'table', caption: 'Risks with no rows', head: ['Risk', 'Likelihood', 'Mitigation'], rows: [] },
          {
            kind: 'paragraph',
            number: '6.1',
            sentences: [s('No date is tight.', 'risks.common.none', [t('timetable', 'none')])],
          },
        ],
      },
      {
        id: 'appendix',
        title: 'Appendix: the audit record',
        blocks: [
          {
            kind: 'paragraph',
            number: null,
            sentences: [s(`Checked by procheck ${report0.procheck}, rule set ${report0.ruleSetVersion}.`, 'appendix.common.version', [t('verdict', report0.verdict)])],
          },
          {
            kind: 'table',
            caption: "The plan's answers, as checked",
            head: ['Plan field', 'Answer'],
            rows: [
              { cells: ['title', HOSTILE_TITLE], traces: [t('plan', 'title')] },
              { cells: ['value.annual', '£5,053,000'], traces: [t('plan', 'value.annual')] },
            ],
          },
        ],
      },
    ],
    footnotes: [
      { n: 1, citation: { instrument: PSR, provision: 'reg 9(1)', url: 'https://www.legislation.gov.uk/uksi/2023/1348/regulation/9' } },
      { n: 2, citation: { instrument: PSR, provision: 'reg 12 & Sch 1', url: 'https://www.legislation.gov.uk/uksi/2023/1348/regulation/12?view=plain&x="1"' } },
      { n: 3, citation: { instrument: 'Transfer of Undertakings (Protection of Employment) Regulations 2006 (SI 2006/246)', provision: 'reg 3(1)(b)', url: 'https://www.legislation.gov.uk/uksi/2006/246/regulation/3' } },
    ],
  };
  return DraftSchema.parse(draft);
}

/** Every sentence of a draft, in order, with the footnotes it cites. */
export const sentencesOf = (draft: Draft): DraftSentence[] =>
  draft.sections.flatMap((sec) => sec.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : [])));

/**
 * The drafts the renderers are tested on: the hand-built sample, and real
 * drafts of the seed cases (Coventry 2024 a plan and its routes, with its
 * title made hostile too; Northamptonshire 2023 a decision a service;
 * Norfolk 2017 three options of one decision).
 */
export async function draftsToRender(checker: Checker = createChecker()): Promise<[string, Draft][]> {
  const options = { today: '2024-04-16', delegate: 'the Director of Public Health & Wellbeing', decisionMaker: 'Cabinet' };
  const coventry = readCase('coventry-2024-competitive');
  return [
    ['sample', await sampleDraft(checker)],
    ['coventry-2024-competitive', await draftReport(checker, { plan: coventry }, options)],
    ['coventry, its title hostile', await draftReport(checker, { plan: { ...coventry, title: HOSTILE_TITLE } }, options)],
    [
      'northants-2023, service by service',
      await draftReport(checker, { each: [readCase('northants-2023-case-management-competitive'), readCase('northants-2023-young-people-competitive')] }, { ...options, today: '2023-01-09' }),
    ],
    [
      'norfolk-2017, three options',
      await draftReport(checker, { plan: readCase('norfolk-2017-option1-reprocure'), options: [readCase('norfolk-2017-option2-extend-redesign'), readCase('norfolk-2017-option3-extend-unchanged')] }, { ...options, today: '2017-03-01' }),
    ],
  ];
}
