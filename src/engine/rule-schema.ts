// The shape of the rule set on disk (rules/**/*.json). Rules are data: the
// law's tests as json-rules-engine conditions over named facts, with the
// citation, the reason a lawyer reads and the steps the rule adds.
import { z } from 'zod';
import { Citation } from '../law/citation.js';
import { IsoDate } from '../calendar/iso-date.js';
import { RuleRegime, RuleSeverity, Severity } from '../law/vocabulary.js';
import { isFactName } from '../plan/fact-catalogue.js';

/** The name of a fact in the catalogue (src/plan/fact-catalogue.ts). */
const FactRef = z.string().min(1).refine(isFactName, { message: 'unknown fact' });

/** A literal, a reference to a dated parameter, or a reference to another fact. */
export const ConditionValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
  z.strictObject({ param: z.string().min(1) }),
  z.strictObject({ fact: z.string().min(1) }),
]);

export const Operator = z.enum([
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
  'isUnknown',
  'isKnown',
]);

export const FactCondition = z.strictObject({
  fact: z.string().min(1),
  operator: Operator,
  value: ConditionValue,
});

export type OperatorT = z.infer<typeof Operator>;
export type FactConditionT = z.infer<typeof FactCondition>;
export type ConditionT = FactConditionT | { all: ConditionT[] } | { any: ConditionT[] } | { not: ConditionT };

export const Condition: z.ZodType<ConditionT> = z.lazy(() =>
  z.union([
    FactCondition,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

export { RuleRegime, RuleSeverity, Severity };

export const StepTiming = z
  .strictObject({
    anchor: z.string().min(1).meta({ description: 'Date fact the step is timed from (e.g. awardDecision, contractSigned, transferDate).' }),
    direction: z.enum(['before', 'after']).default('after'),
    amount: z
      .strictObject({ param: z.string().min(1) })
      .optional()
      .meta({ description: 'Dated parameter holding the number of days; absent when the step falls on the anchor date itself.' }),
    amountFact: FactRef.optional().meta({
      description: 'Plan fact holding the number instead of a parameter, for a length the plan sets rather than the law (e.g. mobilisationMonths).',
    }),
    until: z
      .strictObject({
        step: z.string().min(1).meta({ description: 'Step id; "{regime}" stands for the regime that governs the plan (e.g. "{regime}.standstill-end").' }),
        onlyWhen: FactRef.optional().meta({
          description: 'A yes/no fact: the named step is waited for only when it is true; when false the date is the anchor itself (e.g. no standstill to wait for); when unknown, the date is unknown.',
        }),
      })
      .optional()
      .meta({
        description:
          'Backward planning: the date is the latest one from which the named step (timed from this date) still falls on or before the anchor; e.g. the latest award decision whose standstill ends by the latest contract date.',
      }),
    unit: z.enum(['days', 'working-days', 'weeks', 'months']),
    startsDayAfterAnchor: z
      .boolean()
      .default(false)
      .meta({ description: 'The period begins on the day after the anchor, and the count runs from that day (e.g. PSR reg 12(2)).' }),
    includesAnchorDay: z
      .boolean()
      .default(false)
      .meta({ description: 'The period begins with the anchor day itself, which counts as its first day (e.g. Procurement Act 2023 s.51(2)).' }),
    calendar: z
      .enum(['england-and-wales', 'any-part-of-uk'])
      .default('england-and-wales')
      .meta({ description: 'Which bank holidays are not working days: England and Wales (PSR, PCR 2015, TUPE) or any part of the UK (Procurement Act 2023 s.123).' }),
    rollForwardToWorkingDay: z
      .boolean()
      .default(false)
      .meta({ description: 'A period that would end on a non-working day runs to the end of the next working day (e.g. PCR 2015 reg 2(3)-(4) style counting).' }),
    kind: z
      .enum(['deadline', 'earliest', 'latest'])
      .meta({
        description:
          '"deadline": must be done by the date; "earliest": may not be done before it; "latest": the last date that still lets the later steps be met (backward planning).',
      }),
    plusDays: z.number().int().min(0).max(1).default(0).meta({ description: 'Add a day after the count: 1 turns "last day of a period" into "first day after it".' }),
    describe: z.string().min(1).meta({ description: 'The timing in words, shown when the plan lacks the anchor date.' }),
  })
  .refine((t) => !(t.amount && t.amountFact), { message: 'give amount or amountFact, not both', path: ['amountFact'] })
  .refine((t) => !(t.until && (t.amount || t.amountFact)), { message: 'a timing "until" another step takes no amount', path: ['until'] });

/** A date for a step's window: a fact, or the due date of another step when the report requires that step. */
export const DateRef = z.union([
  z.strictObject({ fact: FactRef }),
  z.strictObject({ step: z.string().min(1).meta({ description: 'Step id: its due date counts only when a rule requires the step for this plan.' }) }),
]);

export const StepDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/),
  title: z.string().min(1),
  citation: Citation,
  order: z.number().int().meta({ description: 'Position in a timetable: lower comes first.' }),
  timing: StepTiming.optional(),
  appliesWhen: Condition.optional().meta({
    description:
      'Whether the step exists for the plan at all (e.g. a standstill only for the processes that have one), read in three values: where the facts leave it open, the step gives no date.',
  }),
  defines: FactRef.optional().meta({
    description: 'The fact this step\'s date is exposed as, for rules to test (e.g. latestContractSigned): computed before the rules run.',
  }),
  window: z
    .strictObject({
      earliest: z.array(DateRef).min(1).optional().meta({
        description: 'Where the first date the step may be taken comes from (e.g. the standstill-end step): the last of those known.',
      }),
      latest: z.array(DateRef).min(1).optional().meta({
        description: 'Where the last date that still lets the later steps be met comes from (e.g. the fact latestContractSigned): the first of those known.',
      }),
    })
    .optional()
    .meta({ description: 'The earliest and latest dates the step may be taken, besides its due date; the report shows both.' }),
  missedBy: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({
      description:
        'The rules that report the plan missing this step\'s date: a "No" in the timetable for the step is always one of their findings (at the severity the law gives it), so the verdict never contradicts the timetable. Needed on every step whose plan date can miss it.',
    }),
  planDate: z
    .array(FactRef)
    .min(1)
    .optional()
    .meta({
      description:
        'The plan\'s own date for the step (the first of these facts the plan states): the timetable says whether it meets each date (on or before a deadline or latest date, on or after an earliest date).',
    }),
  planDateAtLatest: z
    .array(FactRef)
    .min(1)
    .optional()
    .meta({
      description:
        'Where the plan states none of planDate: facts that give only the latest the step can have been taken (a notice\'s publication, for its submission for publication). The timetable shows that date and says the step meets a deadline or latest date where it falls on or before it, misses an earliest date where it falls before it, and leaves the rest open (met null).',
    }),
});

export const RuleDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'must be a dotted lower-case id such as psr.direct-award-c.considerable-change'),
  title: z.string().min(1),
  regime: RuleRegime,
  severity: RuleSeverity,
  citation: Citation,
  appliesWhen: Condition.optional().meta({
    description:
      'When the rule is relevant at all (e.g. the process is direct award C). Read in three values like the test: a gate that is unknown, with a test that holds or is unknown, is a review naming the unknown facts.',
  }),
  conditions: Condition.meta({
    description:
      'The test: the rule fires when these hold, is silent when they fail, and gives a review naming the facts that decide it when the plan leaves them unknown (all: false if any part is false; any: true if any part is true; not: keeps unknown).',
  }),
  reason: z.string().min(1).meta({ description: 'Why it fired, with {{fact|format}} and {{param:id|format}} placeholders.' }),
  openReason: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'What to say when the plan\'s facts leave the rule open, before the questions (same placeholders; a fact the plan leaves unknown prints as "unknown"): e.g. the values the plan does give and what to compare them with.',
    }),
  openTitle: z
    .string()
    .min(1)
    .regex(/\?$/, 'ends with a question mark: it asks, it does not assert a breach')
    .optional()
    .meta({
      description:
        'The title when the plan\'s facts leave the rule open: a question in an officer\'s words, ending in "?", that asserts no breach the plan has not stated (the title is for a rule that fires).',
    }),
  holds: z
    .array(
      z.strictObject({
        when: Condition.optional().meta({ description: 'Which reason applies (read in three values: it must hold); the first that holds is given. Absent: always.' }),
        text: z.string().min(1).meta({ description: 'The reason, with the same placeholders as reason.' }),
      }),
    )
    .min(1)
    .optional()
    .meta({
      description:
        'Why the route holds on this rule: said when the rule is relevant (its gate holds) and its test fails on the plan\'s own figures and dates, e.g. the considerable change test not met, with the figures.',
    }),
  readings: z
    .array(
      z.strictObject({
        when: Condition.optional().meta({ description: 'The reading: the facts on which the law requires what the text says (read in three values). Absent: every reading.' }),
        text: z.string().min(1).meta({ description: 'What the law requires on that reading, a sentence with the same placeholders as reason (e.g. "With a qualifying planned procurement notice, the minimum is {{param:...|days}}.").' }),
      }),
    )
    .min(1)
    .optional()
    .meta({
      description:
        'What the law requires on each reading of the facts the rule turns on (the minimum under each entry of a table): said after the reason when the rule fires or is left open, each reading whose `when` the plan\'s facts do not rule out (true, or still open), so a finding names the requirement on every reading the plan leaves possible.',
    }),
  asCondition: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'For a rule that tests an act the authority will do itself (the contract date, a record it keeps): what that act must be for the rule to hold, as it completes the act\'s instruction (e.g. "after the standstill ends"), with the same placeholders as reason. Shown as a condition with its date when the plan leaves the act open.',
    }),
  shows: z
    .enum(['finding', 'steps', 'holds'])
    .default('finding')
    .meta({
      description:
        'How a firing rule is reported: "finding" (the default); "steps": it describes how the route runs, so it adds its steps and its reason heads them (no finding); "holds": it states something the plan gets right (the term and its last day), so its reason is one of the reasons the route holds. A rule the plan leaves open is a finding whatever this says.',
    }),
  steps: z.array(z.string()).default([]).meta({ description: 'Ids of the required steps this rule adds.' }),
  instead: z
    .strictObject({
      what: z.string().min(1).meta({ description: 'What to do instead, in words (e.g. "run a new procurement: the most suitable provider process or the competitive process").' }),
      steps: z.array(z.string()).min(1).meta({ description: 'The first steps of that route.' }),
    })
    .optional()
    .meta({
      description:
        'For a rule whose firing means the route or change the plan chose is not permitted: when it fires, the chosen route gets no steps; the report gives only these, and says what to do instead.',
    }),
  reviewed: z
    .strictObject({
      by: z.string().min(1).meta({ description: 'Who reviewed the rule against the law (a name, or a role in a firm).' }),
      role: z.string().min(1).optional(),
      on: IsoDate.meta({ description: 'When.' }),
      note: z.string().optional(),
    })
    .optional()
    .meta({ description: 'Who last reviewed the rule against the law, and when: shown in the rule catalogue.' }),
  scope: z
    .enum(['in-scope', 'any'])
    .default('in-scope')
    .meta({ description: '"any" also runs for plans outside procheck\'s regimes (the out-of-scope rule itself).' }),
});

export const RuleFile = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  namedConditions: z
    .record(z.string().min(1), Condition)
    .optional()
    .meta({ description: 'Conditions stated once and used by several rules as {"condition": name} (json-rules-engine setCondition); written into each rule at load.' }),
  rules: z.array(RuleDefinition).default([]),
  steps: z.array(StepDefinition).default([]),
});

export type RuleDefinition = z.output<typeof RuleDefinition>;
export type StepDefinition = z.output<typeof StepDefinition>;
export type DateRefT = z.output<typeof DateRef>;
export type Severity = z.infer<typeof Severity>;
export type RuleSeverityT = z.infer<typeof RuleSeverity>;
