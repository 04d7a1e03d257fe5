// The OCDS -> plan mapping (ocds-mapping.json), validated once: every entry
// names a reader the code has, every pattern compiles, every value is one the
// plan format takes.
import { z } from 'zod';
import { AuthorityType, Process, Regime } from '../plan/schema.js';
import raw from './ocds-mapping.json' with { type: 'json' };

export const READERS = [
  'ocid', 'title', 'description', 'buyerName', 'authorityType', 'thresholdTier', 'specialRegime', 'contractType', 'cpv', 'value', 'vatIncluded', 'termMonths',
  'extensions', 'regime', 'process', 'framework', 'frameworkTerm', 'procurementStart', 'mspIntentionSubmitted', 'awardDecision', 'representationsDeadline', 'contractSigned',
  'contractStart', 'awardNoticePublished', 'modificationNoticePublished', 'change', 'incumbent', 'decisionMakers', 'conflicts', 'urgency',
  'justification', 'source',
] as const;
export type ReaderName = (typeof READERS)[number];

/** The plan fields the notice's words can fill (a period fills the service start and the term together). */
export const WORD_FILLS = [
  'term.period', 'term.initialMonths', 'term.extensions', 'dates.contractStart', 'dates.contractEnd', 'value.lifetime', 'value.annual', 'value.vatIncluded',
  'incumbent', 'dates.statedRepresentationsDeadline', 'dates.contractSigned', 'intentionNotice.decisionMakersNamed', 'intentionNotice.conflictsDeclaredAndManaged',
] as const;
export type WordFill = (typeof WORD_FILLS)[number];
const WORD_PARTS = ['date', 'weekday', 'money', 'count', 'extents', 'unit', 'time', 'to'] as const;
type WordPart = (typeof WORD_PARTS)[number];

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
  wordParts: z.strictObject(Object.fromEntries([['$comment', z.string()], ...WORD_PARTS.map((p) => [p, Pattern])]) as Record<'$comment' | WordPart, z.ZodString>),
  wordPatterns: z.array(z.strictObject({ fills: z.enum(WORD_FILLS), pattern: z.string(), example: z.string(), how: z.string() })),
  notShown: z.strictObject({
    $comment: z.string(),
    facts: z.array(z.strictObject({ fields: z.array(z.string().min(1)).min(1), what: z.string(), why: z.string() })),
  }),
  justificationPatterns: z.array(z.strictObject({ pattern: Pattern, ground: z.string() })),
});
export type Mapping = z.infer<typeof MappingFile>;

export const MAPPING: Mapping = MappingFile.parse(raw);

const compiled = new Map<string, RegExp>();
/** A pattern of the mapping as a regular expression (case-insensitive), compiled once. */
export const re = (p: string): RegExp => {
  let r = compiled.get(p);
  if (!r) compiled.set(p, (r = new RegExp(p, 'iu')));
  r.lastIndex = 0;
  return r;
};

/** A word pattern with its pieces put in: {date:start} is (?<start>...) of wordParts.date; {weekday} is (?:...) of wordParts.weekday. */
export function expandWords(pattern: string, parts: Mapping['wordParts'] = MAPPING.wordParts): string {
  return pattern.replace(/\{([a-z]+)(?::([A-Za-z]+))?\}/g, (whole, part: string, name: string | undefined) => {
    if (!(WORD_PARTS as readonly string[]).includes(part)) throw new Error(`ocds-mapping.json: ${whole} names no word part (${WORD_PARTS.join(', ')})`);
    const body = parts[part as WordPart];
    return name ? `(?<${name}>${body})` : `(?:${body})`;
  });
}

export interface WordPattern {
  fills: WordFill;
  /** The pattern with its pieces put in. */
  pattern: string;
  example: string;
  how: string;
}

/** The word patterns, expanded; each must compile and find its own example (checked on load, so a bad entry fails at once, naming it). */
export const WORD_PATTERNS: readonly WordPattern[] = MAPPING.wordPatterns.map((w, k) => {
  const pattern = expandWords(w.pattern);
  let r: RegExp;
  try {
    r = new RegExp(pattern, 'iu');
  } catch (e) {
    throw new Error(`ocds-mapping.json: wordPatterns[${k}] (${w.fills}) is not a regular expression: ${(e as Error).message}`);
  }
  if (!r.test(w.example)) throw new Error(`ocds-mapping.json: wordPatterns[${k}] (${w.fills}) does not find its own example "${w.example}"`);
  return { ...w, pattern };
});

/** What a notice cannot show, for a plan field (or one under it): the entry of notShown that names it; undefined for what a notice can show. */
export function notShownBy(planPath: string): Mapping['notShown']['facts'][number] | undefined {
  const bare = planPath.replace(/\[\d*\]/g, '');
  return MAPPING.notShown.facts.find((e) => e.fields.some((f) => bare === f || bare.startsWith(`${f}.`)));
}

/** The word patterns that fill one field, in the file's order (the first that finds words wins). */
export const wordPatternsFor = (fills: WordFill): readonly WordPattern[] => WORD_PATTERNS.filter((w) => w.fills === fills);
