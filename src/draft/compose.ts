// The draft: each decision checked (its plan, and its options appraisal), then
// the sections written from what the checks found, then the footnotes
// numbered in order of first use. No sentence judges anything again: each
// says what a check found, from a phrase, and traces to it.
import { z } from 'zod';
import type { Checker } from '../engine/checker.js';
import { parsePlan, PlanValidationError, type FieldIssue } from '../plan/parse.js';
import { compareOptions, compareRoutes, MAX_OPTIONS } from '../options/compare.js';
import type { OptionsReport } from '../options/schema.js';
import { isCivilDate, todayInEngland } from '../calendar/civil-date.js';
import { PROCHECK_VERSION } from '../version.js';
import type { Citation } from '../law/citation.js';
import { DraftSchema, type Draft, type DraftBlock, type DraftSection, type SectionIdT } from './schema.js';
import { CITES, fill } from './phrases.js';
import { Numberer, type DecisionContext, type DraftContext, type SectionWriter } from './context.js';
import { count } from './words.js';
import { recommendations } from './recommendations.js';
import { timetableSection } from './timetable-section.js';
import { optionsSection } from './options-section.js';
import { legal } from './legal.js';
import { risks } from './risks.js';
import { appendix } from './appendix.js';

/** The most decisions one draft covers: a report service by service has a handful. */
export const MAX_DECISIONS = 10;

export type DraftInput = { plan: unknown; options?: unknown[] } | { each: unknown[] };

export interface DraftOptions {
  /** ISO date the draft is made (its timetable runs from it); default today in England. */
  today?: string;
  /** Who the award is delegated to, as the report names them ("the Director of Public Health"). */
  delegate?: string;
  /** Who decides ("Cabinet"). */
  decisionMaker?: string;
}

const DraftInputSchema = z.union([
  z.strictObject({ plan: z.unknown(), options: z.array(z.unknown()).max(MAX_OPTIONS - 1).optional() }),
  z.strictObject({ each: z.array(z.unknown()).min(1).max(MAX_DECISIONS) }),
]);

const DraftOptionsSchema = z.strictObject({
  today: z.string().refine(isCivilDate, 'must be a date (YYYY-MM-DD)').optional(),
  delegate: z.string().min(1).max(200).optional(),
  decisionMaker: z.string().min(1).max(200).optional(),
});

const invalid = (issues: FieldIssue[]) => new PlanValidationError(issues);

/** A plan validated, its issues named under where it sits in the input ("each.1.dates.contractStart"). */
function validated(input: unknown, at: string) {
  try {
    return parsePlan(input);
  } catch (e) {
    if (e instanceof PlanValidationError) throw invalid(e.issues.map((i) => ({ ...i, path: i.path ? `${at}.${i.path}` : at })));
    throw e;
  }
}

/** The routes open to a plan; none for a plan in lots (compared lot by lot) or one the appraisal cannot take. */
async function routesOf(checker: Checker, input: unknown): Promise<OptionsReport | null> {
  try {
    return await compareRoutes(checker, input, { untrusted: true });
  } catch (e) {
    if (e instanceof PlanValidationError) return null;
    throw e;
  }
}

async function decisionsOf(checker: Checker, input: z.infer<typeof DraftInputSchema>): Promise<DecisionContext[]> {
  if ('each' in input) {
    const plans = input.each.map((p, i) => validated(p, `each.${i}`));
    const out: DecisionContext[] = [];
    for (const [i, raw] of input.each.entries()) {
      const report = await checker.check(raw, { untrusted: true });
      out.push({ index: i, input: raw, plan: plans[i]!, report, options: await routesOf(checker, raw) });
    }
    return out;
  }
  const plan = validated(input.plan, 'plan');
  input.options?.forEach((o, i) => validated(o, `options.${i}`));
  const report = await checker.check(input.plan, { untrusted: true });
  const options = input.options?.length ? await compareOptions(checker, [input.plan, ...input.options]) : await routesOf(checker, input.plan);
  return [{ index: 0, input: input.plan, plan, report, options }];
}

const SECTIONS: { id: SectionIdT; numbered: boolean; write: SectionWriter }[] = [
  { id: 'recommendations', numbered: true, write: recommendations },
  { id: 'options', numbered: true, write: optionsSection },
  { id: 'legal', numbered: true, write: legal },
  { id: 'timetable', numbered: true, write: timetableSection },
  { id: 'risks', numbered: true, write: risks },
  { id: 'appendix', numbered: false, write: appendix },
];

function section(id: SectionIdT, number: number | null, write: SectionWriter, ctx: DraftContext): DraftSection {
  const num = new Numberer(number);
  const blocks: DraftBlock[] = [];
  for (const d of ctx.decisions) {
    if (ctx.decisions.length > 1) blocks.push({ kind: 'heading', level: 1, text: fill('cover.common.decision-heading', { plan: d.report.plan.title }) });
    blocks.push(...write(d, ctx, num));
  }
  return { id, title: fill(`${id}.common.title`), blocks };
}

const citationKey = (c: Citation) => `${c.instrument}\u0000${c.provision}\u0000${c.url}`;

/** Number the footnotes in order of first use, each citation once. */
function footnotes(sections: DraftSection[]): Draft['footnotes'] {
  const numbers = new Map<string, number>();
  const notes: Draft['footnotes'] = [];
  for (const s of sections)
    for (const b of s.blocks) {
      if (b.kind !== 'paragraph') continue;
      for (const sentence of b.sentences) {
        const cites = CITES.get(sentence) ?? [];
        const ns: number[] = [];
        for (const c of cites) {
          const key = citationKey(c);
          let n = numbers.get(key);
          if (n === undefined) {
            n = notes.length + 1;
            numbers.set(key, n);
            notes.push({ n, citation: c });
          }
          if (!ns.includes(n)) ns.push(n);
        }
        sentence.footnotes = ns;
      }
    }
  return notes;
}

/**
 * Draft the procurement sections of a committee report from the check of a
 * plan (with its options appraisal), of a plan and the options given, or of
 * several plans, a decision each. Input of unknown shape is validated: a bad
 * plan throws PlanValidationError naming each bad field where it sits.
 */
export async function draftReport(checker: Checker, input: DraftInput | unknown, opts: DraftOptions = {}): Promise<Draft> {
  const parsedInput = DraftInputSchema.safeParse(input);
  if (!parsedInput.success) {
    const keys = input && typeof input === 'object' ? Object.keys(input) : [];
    throw invalid(
      keys.includes('each') || keys.includes('plan')
        ? parsedInput.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
        : [{ path: '', message: 'give { "plan": … } (with "options": […] to compare options) or { "each": […] }, a decision for each plan' }],
    );
  }
  const parsedOpts = DraftOptionsSchema.safeParse(opts);
  if (!parsedOpts.success) throw invalid(parsedOpts.error.issues.map((i) => ({ path: ['options', ...i.path.map(String)].join('.'), message: i.message })));
  const decisions = await decisionsOf(checker, parsedInput.data);
  const ctx: DraftContext = {
    decisions,
    today: parsedOpts.data.today ?? todayInEngland(),
    delegate: parsedOpts.data.delegate ?? null,
    decisionMaker: parsedOpts.data.decisionMaker ?? null,
    ruleSet: checker.ruleSet,
  };
  let n = 0;
  const sections = SECTIONS.map((s) => section(s.id, s.numbered ? ++n : null, s.write, ctx));
  const notes = footnotes(sections);
  const first = decisions[0]!.report;
  const draft: Draft = {
    procheck: PROCHECK_VERSION,
    ruleSetVersion: checker.ruleSet.version,
    drafted: ctx.today,
    title:
      decisions.length > 1
        ? fill('words.common.title-each', { authority: first.plan.authority, count: count(decisions.length) })
        : fill('words.common.title', { plan: first.plan.title }),
    cover: { notice: fill('cover.common.notice'), checkBy: fill('cover.common.check-by') },
    decisions: decisions.map((d) => ({ plan: d.report.plan, verdict: d.report.verdict, report: d.report, options: d.options })),
    sections,
    footnotes: notes,
  };
  return DraftSchema.parse(draft);
}


