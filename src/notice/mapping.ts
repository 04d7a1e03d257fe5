// The OCDS -> plan mapping (ocds-mapping.json), validated once: every entry
// names a reader the code has, every pattern compiles, every value is one the
// plan format takes.
import { z } from 'zod';
import { AuthorityType, Process, Regime } from '../plan/schema.js';
import raw from './ocds-mapping.json' with { type: 'json' };

export const READERS = [
  'ocid', 'title', 'description', 'buyerName', 'authorityType', 'thresholdTier', 'specialRegime', 'contractType', 'cpv', 'value', 'vatIncluded', 'termMonths',
  'extensions', 'regime', 'process', 'framework', 'frameworkTerm', 'procurementStart', 'awardDecision', 'representationsDeadline', 'contractSigned',
  'contractStart', 'awardNoticePublished', 'modificationNoticePublished', 'change', 'incumbent', 'decisionMakers', 'conflicts', 'urgency',
  'justification', 'source',
] as const;
export type ReaderName = (typeof READERS)[number];

const Pattern = z.string().refine((p) => {
  try {
    new RegExp(p, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'not a regular expression');

export const MappingFile = z.strictObject({
  $comment: z.string(),
  fields: z.array(z.strictObject({ plan: z.string(), ocds: z.array(z.string()).min(1), reader: z.enum(READERS), how: z.string() })),
  read: z.array(z.string()),
  authorityTypes: z.array(z.strictObject({ pattern: Pattern, type: AuthorityType })),
  regimePatterns: z.array(z.strictObject({ pattern: Pattern, regime: Regime, unlessPsr: z.boolean().optional() })),
  noticeTypes: z.array(z.strictObject({ noticeType: z.string(), regime: Regime.optional(), process: Process, why: z.string() })),
  specialRegimes: z.array(z.strictObject({ pattern: Pattern, lightTouch: z.boolean() })),
  intentionPattern: Pattern,
  intentionProcesses: z.strictObject({ processes: z.array(Process).min(1), source: z.string() }),
  awardNoticeOnlyProcesses: z.strictObject({ processes: z.array(Process).min(1), source: z.string() }),
  processPatterns: z.array(z.strictObject({ pattern: Pattern, regime: Regime, process: Process })),
  datePatterns: z.record(z.enum(['representationsDeadline', 'contractStart', 'contractEnd', 'contractSigned']), z.array(Pattern)),
  valuePatterns: z.array(Pattern),
  contentPatterns: z.strictObject({ decisionMakers: Pattern, conflicts: Pattern }),
  justificationPatterns: z.array(z.strictObject({ pattern: Pattern, ground: z.string() })),
});
export type Mapping = z.infer<typeof MappingFile>;

export const MAPPING: Mapping = MappingFile.parse(raw);

export const re = (p: string) => new RegExp(p, 'iu');
