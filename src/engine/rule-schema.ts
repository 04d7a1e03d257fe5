// The shape of the rule set on disk (rules/**/*.json). Rules are data: the
// law's tests as json-rules-engine conditions over named facts, with the
// citation, the reason a lawyer reads and the steps the rule adds.
import { z } from 'zod';
import { Citation } from './citation.js';

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

export const Severity = z
  .enum(['out-of-scope', 'non-compliant', 'review', 'info'])
  .meta({ description: 'What a firing rule means for the verdict: info findings and steps do not change it.' });

export const RuleRegime = z
  .enum(['psr', 'pcr2015', 'pa2023', 'tupe', 'general'])
  .meta({
    description:
      'psr/pcr2015/pa2023 rules run only when that regime governs the plan; tupe and general rules run for every plan in scope.',
  });

export const StepTiming = z
  .strictObject({
    anchor: z.string().min(1).meta({ description: 'Date fact the step is timed from (e.g. awardDecision, contractSigned, transferDate).' }),
    direction: z.enum(['before', 'after']).default('after'),
    amount: z
      .strictObject({ param: z.string().min(1) })
      .optional()
      .meta({ description: 'Dated parameter holding the number of days; absent when the step falls on the anchor date itself.' }),
    unit: z.enum(['days', 'working-days']),
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
      .enum(['deadline', 'earliest'])
      .meta({ description: '"deadline": must be done by the date; "earliest": may not be done before it.' }),
    plusDays: z.number().int().min(0).max(1).default(0).meta({ description: 'Add a day after the count: 1 turns "last day of a period" into "first day after it".' }),
    describe: z.string().min(1).meta({ description: 'The timing in words, shown when the plan lacks the anchor date.' }),
  });

export const StepDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/),
  title: z.string().min(1),
  citation: Citation,
  order: z.number().int().meta({ description: 'Position in a timetable: lower comes first.' }),
  timing: StepTiming.optional(),
});

export const RuleDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'must be a dotted lower-case id such as psr.direct-award-c.considerable-change'),
  title: z.string().min(1),
  regime: RuleRegime,
  severity: Severity,
  citation: Citation,
  appliesWhen: Condition.optional().meta({ description: 'When the rule is relevant at all (e.g. the process is direct award C).' }),
  requires: z
    .array(z.string())
    .default([])
    .meta({ description: 'Facts the test needs: if the rule applies and one is unknown, a review finding names it instead of a guess.' }),
  conditions: Condition.meta({ description: 'The test: the rule fires when these hold.' }),
  reason: z.string().min(1).meta({ description: 'Why it fired, with {{fact|format}} and {{param:id|format}} placeholders.' }),
  steps: z.array(z.string()).default([]).meta({ description: 'Ids of the required steps this rule adds.' }),
  scope: z
    .enum(['in-scope', 'any'])
    .default('in-scope')
    .meta({ description: '"any" also runs for plans outside procheck\'s regimes (the out-of-scope rule itself).' }),
});

export const RuleFile = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  rules: z.array(RuleDefinition).default([]),
  steps: z.array(StepDefinition).default([]),
});

export type RuleDefinition = z.output<typeof RuleDefinition>;
export type StepDefinition = z.output<typeof StepDefinition>;
export type Severity = z.infer<typeof Severity>;
