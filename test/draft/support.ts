// What the draft tests share: drafting a shipped case, and checking that every
// sentence's traces resolve into the check it came from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checker } from '../support/checker.js';
import { draftReport, type DraftInput } from '../../src/draft/compose.js';
import type { Draft, DraftSentence, DraftTrace } from '../../src/draft/schema.js';

export const CASES = join(import.meta.dirname, '..', '..', 'cases');
export const readCase = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(CASES, file), 'utf8'));

export const TODAY = '2024-04-16';
export const draftOf = (input: DraftInput, today = TODAY) => draftReport(checker(), input, { today });

/** Every sentence of the draft, with where it sits. */
export function sentencesOf(draft: Draft): { section: string; sentence: DraftSentence }[] {
  return draft.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences.map((sentence) => ({ section: s.id, sentence })) : [])));
}

/** A dotted plan path's value ("services.0.description"), or undefined. */
function at(plan: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), plan);
}

/** Why a trace does not resolve in its decision, or null when it does. */
export function unresolved(draft: Draft, plans: unknown[], t: DraftTrace): string | null {
  const d = draft.decisions[t.decision];
  if (!d) return `no decision ${t.decision}`;
  const r = d.report;
  const ok = (() => {
    switch (t.kind) {
      case 'finding':
        return r.findings.some((f) => f.ruleId === t.ref);
      case 'holds':
        return r.holds.some((h) => h.ruleId === t.ref);
      case 'condition':
        return r.conditions.some((c) => c.id === t.ref);
      case 'question':
        return r.questions.some((q) => q.fact === t.ref);
      case 'step':
        return r.steps.some((s) => s.id === t.ref);
      case 'timetable':
        return r.timetable.some((row) => row.stepId === t.ref);
      case 'fact':
        return t.ref in r.facts;
      case 'plan':
        return at(plans[t.decision], t.ref) !== undefined;
      case 'route':
        return r.route.some((x) => x.ruleId === t.ref);
      case 'option':
        return d.options?.options.some((o) => String(o.rank) === t.ref) ?? false;
      case 'not-claimed':
        return r.notClaimed.some((n) => n.fact === t.ref);
      case 'overlay':
        return r.overlay?.id === t.ref;
      case 'verdict':
        return r.verdict === t.ref;
      case 'regime':
        return (r.regime.applicable ?? r.regime.declared) === t.ref;
    }
  })();
  return ok ? null : `${t.kind} ${t.ref} is not in decision ${t.decision}'s check`;
}

/** The verdict of the route a sentence names: an option's, where it traces to one, else its decision's. */
export function verdictNamed(draft: Draft, s: DraftSentence): string {
  const option = s.traces.find((t) => t.kind === 'option');
  const d = draft.decisions[s.traces[0]!.decision]!;
  if (option) return d.options!.options.find((o) => String(o.rank) === option.ref)!.verdict;
  return d.verdict;
}

export const ASSERTS_FOR: Record<string, string[]> = {
  'route-lawful': ['compliant'],
  'route-lawful-if': ['compliant-if'],
  'route-not-lawful': ['non-compliant', 'out-of-scope'],
  'route-open': ['review'],
};

/**
 * The steps the check lists only in case an open finding applies (every rule
 * adding it is a finding the plan's facts leave open), worked out here from
 * the check itself: "id|lot".
 */
export function stepsOnlyIfOpen(r: Draft['decisions'][number]['report']): Set<string> {
  const open = new Set(r.findings.filter((f) => f.missingFacts.length > 0).map((f) => `${f.ruleId}|${f.lot ?? ''}`));
  return new Set(r.steps.filter((s) => s.addedBy.length > 0 && s.addedBy.every((a) => open.has(`${a}|${s.lot ?? ''}`))).map((s) => `${s.id}|${s.lot ?? ''}`));
}

/** Where the draft says a step is required that the check leaves open, or says as open a step the check requires. */
export function stepsMisstated(draft: Draft): string[] {
  const wrong: string[] = [];
  for (const sec of draft.sections)
    for (const b of sec.blocks) {
      if (b.kind === 'paragraph')
        for (const s of b.sentences) {
          const step = s.traces.find((t) => t.kind === 'step' || (t.kind === 'timetable' && s.phrase.startsWith('timetable.common.step-')));
          if (!step) continue;
          const open = stepsOnlyIfOpen(draft.decisions[step.decision]!.report).has(`${step.ref}|${step.lot ?? ''}`);
          const saysOpen = s.phrase === 'legal.common.step-if-open';
          if (s.phrase === 'legal.common.step' || s.phrase === 'legal.common.step-if-open' || s.phrase.startsWith('timetable.common.step-'))
            if (open !== saysOpen) wrong.push(`${open ? 'required' : 'conditional'}: ${s.text}`);
        }
      if (b.kind === 'table' && sec.id === 'timetable')
        for (const r of b.rows) {
          const t = r.traces[0]!;
          const open = stepsOnlyIfOpen(draft.decisions[t.decision]!.report).has(`${t.ref}|${t.lot ?? ''}`);
          if (open !== /only if it applies/.test(r.cells[1]!)) wrong.push(`timetable row ${open ? 'required' : 'conditional'}: ${r.cells[1]}`);
        }
    }
  return wrong;
}
