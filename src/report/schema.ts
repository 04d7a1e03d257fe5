// The report: what procheck says about one plan. Renderers and API clients
// depend on this shape; it is published as JSON Schema.
import { z } from 'zod';
import { Citation } from '../engine/citation.js';
import { Severity, RuleRegime } from '../engine/rule-schema.js';

export const Verdict = z
  .enum(['compliant', 'review', 'non-compliant', 'out-of-scope'])
  .meta({ description: 'out-of-scope beats non-compliant, which beats review, which beats compliant.' });

export const MissingFact = z.strictObject({
  fact: z.string(),
  description: z.string(),
  planPath: z.string().nullable(),
});

export const Finding = z.strictObject({
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  regime: RuleRegime,
  citation: Citation,
  reason: z.string(),
  missingFacts: z.array(MissingFact).meta({ description: 'Facts the rule needed but the plan does not state (a review finding).' }),
  steps: z.array(z.string()),
});

export const RequiredStep = z.strictObject({
  id: z.string(),
  title: z.string(),
  citation: Citation,
  addedBy: z.array(z.string()).meta({ description: 'Rules that require the step.' }),
  due: z.string().nullable().meta({ description: 'ISO date, when the plan\'s dates allow.' }),
  dueKind: z.enum(['deadline', 'earliest']).nullable().meta({ description: 'deadline: by this date; earliest: not before it.' }),
  timing: z.string().nullable().meta({ description: 'The timing rule in words.' }),
});

export const TraceCondition = z.strictObject({
  fact: z.string(),
  operator: z.string(),
  expected: z.unknown(),
  factValue: z.unknown(),
  comparedWith: z.unknown(),
  result: z.boolean().nullable().meta({ description: 'null when the engine did not need to evaluate it.' }),
});

export const TraceEntry = z.strictObject({
  ruleId: z.string(),
  outcome: z.enum(['fired', 'missing-facts', 'not-applicable-or-passed', 'not-applicable']).meta({
    description: 'not-applicable: the rule cannot apply to this regime or process and was not evaluated.',
  }),
  conditions: z.array(TraceCondition),
});

export const ReportSchema = z
  .strictObject({
    procheck: z.string().meta({ description: 'procheck version' }),
    ruleSetVersion: z.string().meta({ description: 'Content hash of the rule set that judged the plan.' }),
    plan: z.strictObject({ id: z.string(), title: z.string(), authority: z.string() }),
    verdict: Verdict,
    regime: z.strictObject({
      declared: z.string(),
      applicable: z.string().nullable(),
      basis: z.string(),
    }),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).meta({
      description: 'Key derived facts: lifetime value, maximum term, and so on.',
    }),
    findings: z.array(Finding),
    steps: z.array(RequiredStep),
    trace: z.array(TraceEntry).optional(),
  })
  .meta({ id: 'Report', title: 'procheck report' });

export type Report = z.infer<typeof ReportSchema>;
export type FindingT = z.infer<typeof Finding>;
export type RequiredStepT = z.infer<typeof RequiredStep>;
export type TraceEntryT = z.infer<typeof TraceEntry>;
export type VerdictT = z.infer<typeof Verdict>;
