// The report: what procheck says about one plan. Renderers and API clients
// depend on this shape; it is published as JSON Schema.
import { z } from 'zod';
import { Citation } from '../law/citation.js';
import { Severity, RuleRegime } from '../law/vocabulary.js';

export const Verdict = z
  .enum(['compliant', 'compliant-if', 'review', 'non-compliant', 'out-of-scope'])
  .meta({
    description:
      'out-of-scope beats non-compliant, which beats review, which beats compliant-if, which beats compliant. compliant-if: the only open points are the authority\'s own acts, each a condition (conditions[]); compliant if it meets them.',
  });

export const MissingFact = z.strictObject({
  fact: z.string(),
  description: z.string(),
  planPath: z.string().nullable().meta({ description: 'The plan field to fill in.' }),
  question: z.string().meta({ description: 'The question an officer answers to fill it in.' }),
});

export const Finding = z.strictObject({
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  regime: RuleRegime,
  citation: Citation,
  reason: z.string(),
  missingFacts: z.array(MissingFact).meta({
    description: 'For a rule the plan\'s facts leave open: exactly the facts the plan does not state that could change its outcome (a review, or info for a rule that cannot change the verdict).',
  }),
  steps: z.array(z.string()),
  lot: z.string().optional().meta({ description: 'For a procurement in lots: the lot (lots[].id) this belongs to.' }),
});

export const ConditionBound = z.strictObject({
  date: z.string().meta({ description: 'ISO date.' }),
  because: z.string().meta({ description: 'Why the date bounds the act, in words.' }),
  ruleId: z.string(),
  citation: Citation,
});

export const Conflict = z
  .strictObject({
    severity: Severity.meta({ description: 'What the plan is, at best, if it keeps to the conditions: the least any date gives.' }),
    reason: z.string(),
    rules: z.array(z.string()).meta({ description: 'The rules that cannot all hold.' }),
  })
  .meta({ description: 'The conditions contradict each other or the plan: no way of doing the act meets them all.' });

export const ConditionEntry = z
  .strictObject({
    id: z.string().meta({ description: 'The act (a fact name) or, for a rule that is itself an instruction, the rule id.' }),
    fact: z.string().nullable().meta({ description: 'The act the condition is about; null for a rule that is itself an instruction.' }),
    planPath: z.string().nullable().meta({ description: 'The plan field that records the act once it is fixed.' }),
    instruction: z.string().meta({ description: 'What to do, and by when, in a sentence.' }),
    earliest: ConditionBound.optional().meta({ description: 'For a date: the first day the act may be done, and why.' }),
    latest: ConditionBound.optional().meta({ description: 'For a date: the last day the act may be done, and why.' }),
    due: z.string().nullable().meta({ description: 'ISO date by which to do it, when the law or the plan dates it.' }),
    onlyIf: z.string().optional().meta({ description: 'The condition applies only if this turns out so (a fact the plan does not state).' }),
    assumes: z.string().optional().meta({ description: 'The dates this one was worked out from that are themselves conditions (e.g. the award decision on its latest date).' }),
    rules: z.array(z.string()).meta({ description: 'The rules the condition keeps from firing.' }),
    citations: z.array(Citation),
    conflict: Conflict.optional(),
    lot: z.string().optional().meta({ description: 'For a procurement in lots: the lot (lots[].id) this belongs to.' }),
  })
  .meta({ description: 'An act of the authority the plan leaves open, as a condition of compliance: do this, by then.' });

export const Holds = z
  .strictObject({
    ruleId: z.string(),
    title: z.string(),
    reason: z.string().meta({ description: 'Why the route holds on this rule, with the plan\'s figures and dates.' }),
    citation: Citation,
    lot: z.string().optional(),
  })
  .meta({ description: 'A test the route passes on the plan\'s own figures and dates.' });

export const Question = z
  .strictObject({
    fact: z.string(),
    planPath: z.string().nullable().meta({ description: 'Where the answer goes in the plan.' }),
    question: z.string().meta({ description: 'The question, in an officer\'s words.' }),
    why: z.string().meta({ description: 'Why it is asked: what it decides and the law, for the "why we ask" hint.' }),
    decides: z.array(z.string()).meta({ description: 'The findings (rule ids) the answer can change.' }),
    answer: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema for the answer at planPath (null: not known).' }),
    lot: z.string().optional(),
  })
  .meta({ description: 'A fact the plan does not state whose answer can change a finding; the question settling most findings comes first.' });

export const NextStep = z
  .strictObject({
    kind: z.enum(['contradiction', 'breach', 'review', 'condition', 'question', 'none']),
    text: z.string().meta({ description: 'The one thing to do next, in a sentence, with its date where it has one.' }),
    date: z.string().nullable(),
    ruleId: z.string().nullable(),
  })
  .meta({ description: 'The first thing the report says: a contradiction or breach with the date that fixes it, else the first condition, else the first question.' });

export const DateKind = z
  .enum(['deadline', 'earliest', 'latest'])
  .meta({ description: 'deadline: by this date; earliest: not before it; latest: the last date that still lets the later steps be met.' });

export const RequiredStep = z.strictObject({
  id: z.string(),
  title: z.string(),
  citation: Citation,
  addedBy: z.array(z.string()).meta({ description: 'Rules that require the step.' }),
  due: z.string().nullable().meta({ description: 'ISO date, when the plan\'s dates allow.' }),
  dueKind: DateKind.nullable().meta({
    description: 'deadline: by this date; earliest: not before it; latest: the last date that still lets the later steps be met.',
  }),
  earliest: z.string().optional().meta({ description: 'ISO date: the first day the step may be taken (e.g. the end of the standstill), when it has one.' }),
  latest: z.string().optional().meta({
    description: 'ISO date: the last day the step may be taken for the plan\'s later dates to hold (e.g. the service start less mobilisation), when it has one.',
  }),
  timing: z.string().nullable().meta({ description: 'The timing rule in words.' }),
  lot: z.string().optional().meta({ description: 'For a procurement in lots: the lot (lots[].id) this belongs to.' }),
});

export const TimetableRow = z.strictObject({
  date: z.string().meta({ description: 'ISO date.' }),
  what: z.string().meta({ description: 'The step, in words.' }),
  stepId: z.string(),
  kind: DateKind,
  planned: z.string().nullable().meta({ description: 'The plan\'s own date for the step, compared with this date; null when it gives none.' }),
  met: z.boolean().nullable().meta({
    description: 'Whether the plan\'s date meets this one (on or before a deadline or latest date, on or after an earliest date); null when the plan gives no date to compare, or gives only the latest the step can have been taken (a notice\'s publication, for its submission for publication) and that does not settle it.',
  }),
  lot: z.string().optional().meta({ description: 'For a procurement in lots: the lot (lots[].id) this belongs to.' }),
});

export const AppliedOverlay = z
  .strictObject({
    id: z.string().meta({ description: 'The overlay the plan names (authority.overlay), a file under rules/local/.' }),
    authority: z.string(),
    example: z.boolean().meta({
      description: 'true: an illustration built from what a committee report says, not the authority\'s own contract procedure rules; check them before relying on it.',
    }),
    source: z.strictObject({ document: z.string(), section: z.string().optional(), url: z.string().optional() }),
  })
  .meta({ description: 'Local contract procedure rules applied on top of the law.' });

export const TraceCondition = z.strictObject({
  fact: z.string(),
  operator: z.string(),
  expected: z.unknown(),
  factValue: z.unknown(),
  comparedWith: z.unknown(),
  result: z.boolean().nullable().meta({ description: 'null when the plan leaves the fact (or the one it is compared with) unknown.' }),
});

export const TraceEntry = z.strictObject({
  ruleId: z.string(),
  outcome: z.enum(['fired', 'missing-facts', 'not-applicable-or-passed', 'not-applicable']).meta({
    description:
      'fired: gate and test hold; missing-facts: the plan leaves them open (see the finding\'s missingFacts); not-applicable-or-passed: gate or test fails; not-applicable: the rule cannot apply to this regime or process and was not read.',
  }),
  conditions: z.array(TraceCondition),
  lot: z.string().optional().meta({ description: 'For a procurement in lots: the lot (lots[].id) this belongs to.' }),
});

const Regime = z.strictObject({
  declared: z.string(),
  applicable: z.string().nullable(),
  basis: z.string(),
});

export const LotSummary = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    verdict: Verdict,
    regime: Regime,
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ description: 'One lot judged as a contract of its own; its findings, steps and timetable rows carry its id.' });

export const ReportSchema = z
  .strictObject({
    procheck: z.string().meta({ description: 'procheck version' }),
    ruleSetVersion: z.string().meta({ description: 'Content hash of the rule set that judged the plan.' }),
    plan: z.strictObject({ id: z.string(), title: z.string(), authority: z.string() }),
    verdict: Verdict,
    regime: Regime,
    overlay: AppliedOverlay.nullable().meta({
      description: 'The local contract procedure rules overlay applied on top of the law (authority.overlay); null when the plan names none and only the law applies.',
    }),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).meta({
      description: 'Key derived facts: lifetime value, maximum term, and so on.',
    }),
    next: NextStep,
    findings: z.array(Finding),
    conditions: z.array(ConditionEntry).meta({
      description: 'The authority\'s own acts the plan leaves open (the contract date, the records it keeps), each a dated instruction: do these and the findings they cover cannot arise.',
    }),
    holds: z.array(Holds).meta({ description: 'Why the route is lawful: the tests it passes on the plan\'s own figures and dates.' }),
    questions: z.array(Question).meta({ description: 'The open questions, each once, the one settling most findings first.' }),
    route: z
      .array(z.strictObject({ ruleId: z.string(), title: z.string(), text: z.string(), citation: Citation, lot: z.string().optional() }))
      .meta({ description: 'How the chosen route runs, in words: the reasons that head the required steps.' }),
    notClaimed: z
      .array(z.strictObject({ fact: z.string(), planPath: z.string(), claim: z.string(), burden: z.string(), rules: z.array(z.string()) }))
      .meta({ description: 'Exceptions and justifications the plan does not invoke, so not relied on, that decided a rule: the general rule applied.' }),
    steps: z.array(RequiredStep),
    timetable: z.array(TimetableRow).meta({
      description: 'Every dated step as one row per date (due, earliest, latest), in date order, with whether the plan meets it.',
    }),
    lots: z.array(LotSummary).optional().meta({
      description: 'For a procurement in lots: each lot\'s verdict, regime and key facts. The report\'s verdict is the worst of theirs; its facts are those every lot shares, with lifetimeValue the lots\' total.',
    }),
    trace: z.array(TraceEntry).optional(),
    input: z.record(z.string(), z.unknown()).optional().meta({
      description: 'The plan as checked, carried by a report saved to be reopened (the web page\'s JSON download): opening the report opens its plan.',
    }),
  })
  .meta({ id: 'Report', title: 'procheck report' });

/** What `procheck plan` proposes: the latest date for each step, planning back from the service start. */
export const ProposedTimetableSchema = z
  .strictObject({
    procheck: z.string(),
    ruleSetVersion: z.string(),
    contractStart: z.string().meta({ description: 'The service start the timetable is planned back from.' }),
    regime: z.string().meta({ description: 'Regime whose steps and periods are used.' }),
    process: z.string().nullable(),
    assumptions: z.array(z.string()).meta({ description: 'What procheck assumed, and the stage lengths it used.' }),
    timetable: z.array(TimetableRow),
  })
  .meta({ id: 'ProposedTimetable', title: 'procheck proposed timetable' });

export type Report = z.infer<typeof ReportSchema>;
export type FindingT = z.infer<typeof Finding>;
export type RequiredStepT = z.infer<typeof RequiredStep>;
export type TimetableRowT = z.infer<typeof TimetableRow>;
export type ProposedTimetable = z.infer<typeof ProposedTimetableSchema>;
export type TraceEntryT = z.infer<typeof TraceEntry>;
export type AppliedOverlayT = z.infer<typeof AppliedOverlay>;
export type VerdictT = z.infer<typeof Verdict>;
export type LotSummaryT = z.infer<typeof LotSummary>;
export type ConditionEntryT = z.infer<typeof ConditionEntry>;
export type ConditionBoundT = z.infer<typeof ConditionBound>;
export type HoldsT = z.infer<typeof Holds>;
export type QuestionT = z.infer<typeof Question>;
export type NextStepT = z.infer<typeof NextStep>;
