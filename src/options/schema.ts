// The options appraisal: every route a plan could take (or the committee's
// own options), side by side, ranked. Published as JSON Schema like the report.
import { z } from 'zod';
import { Verdict, MissingFact, TimetableRow } from '../report/schema.js';
import { Severity } from '../law/vocabulary.js';

export const Standing = z
  .enum(['lawful-and-mandatory', 'lawful', 'lawful-if', 'not-lawful'])
  .meta({
    description:
      'lawful-and-mandatory: compliant, and the law requires this route; lawful: compliant; lawful-if: a review, lawful if the facts it names turn out one way (any other verdict that is not a finding against the route is ranked here too); not-lawful: non-compliant or out of scope.',
  });

export const OptionEntry = z.strictObject({
  rank: z.number().int().positive().meta({ description: '1 is first in the recommendation order.' }),
  label: z.string().meta({ description: 'The route (or the committee\'s option) in words.' }),
  route: z.strictObject({ regime: z.string().nullable(), process: z.string() }),
  plan: z.strictObject({ id: z.string(), title: z.string() }).meta({ description: 'The plan judged for this option (the route applied to the plan, or the option\'s own plan).' }),
  isPlansOwnRoute: z.boolean().meta({ description: 'This is the route the plan itself names.' }),
  verdict: Verdict,
  standing: Standing,
  mandatory: z.boolean().nullable().meta({ description: 'Does the law make this route mandatory (PSR direct award A or B)? null when the plan\'s facts leave it open.' }),
  placed: z.enum(['mandatory', 'own', 'other', 'unclaimed', 'contradicted']).meta({
    description:
      "Why it sits where it does within its standing: mandatory (the law requires it), own (the plan's own route), other (nearest a decision first), unclaimed (it relies on a claim the plan does not make: urgency, a ground for awarding without competition), contradicted (it relies on urgency the plan's own dates contradict). The why says it in words.",
  }),
  why: z.string().meta({
    description:
      'Why the option sits where it does: its standing in a sentence, then its place within the standing (mandatory, the plan\'s own route, nearest a decision, or placed below for a claim the plan does not make, such as urgency, with the plan\'s dates in words).',
  }),
  deciding: z.array(z.strictObject({ ruleId: z.string(), severity: Severity, title: z.string() })).meta({
    description: 'The findings that decide the verdict (every finding above info).',
  }),
  questions: z.array(MissingFact).meta({ description: 'The facts that would change the verdict, each with the question to answer.' }),
  steps: z.array(z.strictObject({ id: z.string(), title: z.string(), due: z.string().nullable() })).meta({ description: 'The route\'s steps, in order.' }),
  latestDates: z.array(TimetableRow).meta({ description: 'The latest date for each step, planning back from the service start (empty when it cannot be planned).' }),
});

export const OptionsReportSchema = z
  .strictObject({
    procheck: z.string(),
    ruleSetVersion: z.string(),
    plan: z.strictObject({ id: z.string(), title: z.string(), authority: z.string() }),
    kind: z.enum(['routes', 'options']).meta({
      description: 'routes: every route the governing regime offers, applied to one plan; options: the plans given, each an option (e.g. a committee report\'s).',
    }),
    regime: z.strictObject({ applicable: z.string().nullable(), basis: z.string() }),
    options: z.array(OptionEntry).meta({
      description:
        'In recommendation order: lawful and mandatory, then lawful, then lawful if the facts allow, then not lawful; within each, a route the law makes mandatory, the plan\'s own route (comparing routes), the others nearest a decision first, and last a route that needs a claim the plan does not make.',
    }),
    notice: z.string().meta({ description: 'What the ranking is and is not.' }),
  })
  .meta({ id: 'OptionsReport', title: 'procheck options appraisal' });

/** Each standing in words, as the table and the reasons give it. */
export const STANDING_WORDS: Record<StandingT, string> = {
  'lawful-and-mandatory': 'lawful, and mandatory',
  lawful: 'lawful',
  'lawful-if': 'lawful if the facts allow',
  'not-lawful': 'not lawful',
};

export type OptionsReport = z.infer<typeof OptionsReportSchema>;
export type OptionEntryT = z.infer<typeof OptionEntry>;
export type StandingT = z.infer<typeof Standing>;
