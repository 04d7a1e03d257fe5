// The draft: the procurement sections of a committee report, as data. Every
// sentence names the phrase it was written from and what it says comes from
// (a finding, a fact, a step...), so a lawyer can trace it; every renderer
// (Markdown, HTML, Word) and every API client reads this one shape.
import { z } from 'zod';
import { Citation } from '../law/citation.js';
import { ReportSchema, Verdict } from '../report/schema.js';
import { OptionsReportSchema } from '../options/schema.js';

export const TraceKind = z
  .enum(['finding', 'holds', 'condition', 'question', 'step', 'timetable', 'fact', 'plan', 'route', 'option', 'not-claimed', 'overlay', 'verdict', 'regime'])
  .meta({
    description:
      'What a sentence comes from: a finding (rule id), holds (a rule the route passes), a condition or question (its id or fact), a step (its id), a timetable row (its step id), a fact of the report (its name), a plan field (its path), the route (a route rule id), an option (its rank), an exception not claimed (its fact), the overlay (its id), the verdict, the regime.',
  });

export const Trace = z.strictObject({
  kind: TraceKind,
  ref: z.string().meta({ description: 'The id within its kind: a rule id, a fact name, a step id, a plan path, an option rank.' }),
  decision: z.number().int().nonnegative().meta({ description: 'Which decision of the draft (decisions[]) it belongs to.' }),
  lot: z.string().optional(),
});

export const Asserts = z
  .enum(['route-lawful', 'route-lawful-if', 'route-not-lawful', 'route-open'])
  .meta({
    description:
      'What a sentence says of the route it names: lawful (only when that route is compliant), lawful on conditions (compliant-if), not lawful, or not yet decided (review). A sentence that says neither has no asserts.',
  });

export const Sentence = z.strictObject({
  text: z.string(),
  phrase: z.string().meta({ description: 'The phrase (a template in src/draft/phrases/) the sentence was written from: section.regime.name.' }),
  traces: z.array(Trace).min(1),
  asserts: Asserts.optional(),
  footnotes: z.array(z.number().int().positive()).meta({ description: 'The footnotes (footnotes[].n) the sentence cites.' }),
});

export const Paragraph = z.strictObject({
  kind: z.literal('paragraph'),
  number: z.string().nullable().meta({ description: 'The paragraph number as the report numbers it ("4.2"), or null for an unnumbered one.' }),
  sentences: z.array(Sentence).min(1),
});

export const Heading = z.strictObject({
  kind: z.literal('heading'),
  text: z.string(),
  level: z
    .union([z.literal(1), z.literal(2)])
    .meta({
      description:
        'Its level within the section: 1 heads a decision (in a draft of several, service by service) or, in a draft of one, a part of the section ("Procurement"); 2 a part of a decision\'s section, under its decision\'s heading.',
    }),
});

export const TableRow = z.strictObject({
  cells: z.array(z.string()),
  traces: z.array(Trace).min(1),
});

export const Table = z.strictObject({
  kind: z.literal('table'),
  caption: z.string(),
  head: z.array(z.string()).min(1),
  rows: z.array(TableRow),
});

export const Block = z.discriminatedUnion('kind', [Paragraph, Heading, Table]);

export const SectionId = z.enum(['recommendations', 'options', 'legal', 'timetable', 'risks', 'appendix']);

export const Section = z.strictObject({
  id: SectionId,
  title: z.string(),
  blocks: z.array(Block),
});

export const Footnote = z.strictObject({
  n: z.number().int().positive(),
  citation: Citation,
});

export const Decision = z
  .strictObject({
    plan: z.strictObject({ id: z.string(), title: z.string(), authority: z.string() }),
    verdict: Verdict,
    report: ReportSchema.meta({ description: 'The check of the plan as drafted: the audit record the draft is traced to.' }),
    options: OptionsReportSchema.nullable().meta({ description: 'The options appraisal the options section is written from (the routes open to the plan, or the options given).' }),
  })
  .meta({ description: 'One decision the report asks for: a plan, its check and its options. A report service by service has one a service.' });

export const DraftSchema = z
  .strictObject({
    procheck: z.string(),
    ruleSetVersion: z.string(),
    drafted: z.string().meta({ description: 'ISO date the draft was made: its timetable runs from that day.' }),
    title: z.string(),
    cover: z
      .strictObject({
        notice: z.string().meta({ description: 'That the text is drafting, not advice.' }),
        checkBy: z.string().meta({ description: 'Who must check it before it goes in a report.' }),
      })
      .meta({ description: 'What a reader must know before using the draft.' }),
    decisions: z.array(Decision).min(1),
    sections: z.array(Section).meta({ description: 'Recommendations, options considered, legal implications: procurement, timetable, risks, and the appendix, in that order.' }),
    footnotes: z.array(Footnote).meta({ description: 'The citations the sentences point at, numbered in order of first use.' }),
  })
  .meta({ id: 'Draft', title: 'procheck draft report sections' });

export type Draft = z.infer<typeof DraftSchema>;
export type DraftSection = z.infer<typeof Section>;
export type DraftBlock = z.infer<typeof Block>;
export type DraftSentence = z.infer<typeof Sentence>;
export type DraftTable = z.infer<typeof Table>;
export type DraftTrace = z.infer<typeof Trace>;
export type DraftDecision = z.infer<typeof Decision>;
export type SectionIdT = z.infer<typeof SectionId>;
