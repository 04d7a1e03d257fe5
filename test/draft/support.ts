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
