// What `procheck notice` reports for each procurement a file of notices holds,
// and for the file: a zod schema, so the API and the JSON output are checked
// against it and described by it.
import { z } from 'zod';
import { Finding, ReportSchema, Verdict } from '../report/schema.js';

export const Quote = z.strictObject({
  planPath: z.string().meta({ description: 'The plan field the notice gave.' }),
  ocds: z.string().meta({ description: 'Where in the notice (OCDS path, or the release it came from).' }),
  quote: z.string().meta({ description: "The notice's own words or value." }),
  fromWords: z.boolean().meta({ description: "Read from the notice's words (a description says it), not from a field that holds the value: the quote is the sentence it was read from." }),
});

export const NoticeReportSchema = z
  .strictObject({
    ocid: z.string(),
    title: z.string(),
    authority: z.string().nullable(),
    url: z.string().nullable().meta({ description: 'The notice on Find a Tender or Contracts Finder.' }),
    releases: z.array(z.strictObject({ id: z.string().nullable(), date: z.string().nullable(), tag: z.array(z.string()), where: z.string() })).meta({
      description: 'The releases read for this procurement, oldest first, merged in that order (so a modification is judged against the award it modifies).',
    }),
    cutShort: z.array(z.strictObject({ where: z.string(), path: z.string() })).meta({
      description: 'Where the file ended before the document did: what was read whole is used, and what follows is unknown.',
    }),
    checked: z.boolean().meta({ description: 'false when the notice lacks a fact the plan format cannot do without (see missing): read, but not checked.' }),
    verdict: z.union([Verdict, z.literal('not-checked')]),
    summary: z.string().meta({ description: 'The outcome in a sentence.' }),
    missing: z.array(z.strictObject({ planPath: z.string(), why: z.string() })).meta({ description: 'Facts the notice does not give that a check needs.' }),
    judgedWithout: z.array(z.string()).meta({
      description: 'Facts the notice does not give that the check went without (the service start, the term): only findings that do not turn on them are given, none dated from them, and no verdict of compliant.',
    }),
    readings: z.array(z.strictObject({ field: z.string(), why: z.string(), values: z.array(z.string()) })).meta({
      description: 'Facts the notice leaves open that a plan must state (the buyer\'s kind; whether there is an existing contract): the plan is judged under every combination of their values, and only what holds for all is decided.',
    }),
    cautions: z.array(z.string()),
    notUnderstood: z.array(z.string()).meta({ description: 'Fields of the notice procheck does not read (listed, not dropped silently).' }),
    sources: z.array(Quote).meta({ description: 'Every plan fact taken from the notice, with where and its words.' }),
    notJudged: z
      .array(z.strictObject({ what: z.string(), why: z.string(), rules: z.array(z.strictObject({ ruleId: z.string(), title: z.string() })) }))
      .meta({
        description:
          'Not judged from a notice: what no notice can show (the staff and TUPE, the authority\'s records and internal steps, a contract date no notice gives), each kind once, with why and the rules it leaves open. Never a finding, and never what makes the verdict a review.',
      }),
    findings: z.array(Finding.extend({ evidence: z.array(Quote).meta({ description: "The notice's words behind the facts this finding turned on." }) })),
    plan: z.record(z.string(), z.unknown()).meta({ description: 'The plan as read from the notice: complete it and run procheck check to go further.' }),
    report: ReportSchema.nullable().meta({ description: 'The check of the plan (under several readings, the first one\'s steps and timetable; the findings and verdict above are what every reading gives).' }),
  })
  .meta({ id: 'NoticeReport', title: 'procheck notice report' });

export const NoticeSummarySchema = z.strictObject({
  notices: z.number().int(),
  byVerdict: z.record(z.string(), z.number().int()),
  byAuthority: z.array(
    z.strictObject({
      authority: z.string(),
      notices: z.number().int(),
      byVerdict: z.record(z.string(), z.number().int()),
      breaches: z.number().int().meta({ description: 'Breaches found in its procurements: each kind of defect a procurement shows as non-compliant, counted once a procurement.' }),
      reviews: z.number().int().meta({ description: 'Points to review in its procurements, counted likewise.' }),
      defects: z.record(z.string(), z.number().int()).meta({ description: 'For each kind of defect (rule id), how many of its procurements show it.' }),
    }),
  ),
  byDefect: z.array(z.strictObject({ ruleId: z.string(), title: z.string(), severity: z.string(), notices: z.number().int() })).meta({
    description: 'Each kind of defect found (a rule that fired non-compliant or review), with how many notices show it.',
  }),
  unread: z.array(z.strictObject({ where: z.string(), why: z.string() })).meta({ description: 'Parts of the file that are not releases procheck can read, each named.' }),
});

export const NoticeAuditSchema = z
  .strictObject({
    procheck: z.string(),
    ruleSetVersion: z.string(),
    file: z.string(),
    notices: z.array(NoticeReportSchema),
    summary: NoticeSummarySchema,
  })
  .meta({ id: 'NoticeAudit', title: 'procheck audit of published notices' });

export type NoticeReport = z.infer<typeof NoticeReportSchema>;
export type NoticeAudit = z.infer<typeof NoticeAuditSchema>;
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>;
