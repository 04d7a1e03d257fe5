// What the HTML and Word drafts say alike, in the draft's phrases: the
// line under the cover notice (when, by which procheck and rule set), the
// plans with their verdicts, a footnote's citation, and the footnotes by
// number.
import type { Citation } from '../law/citation.js';
import type { Draft } from './schema.js';
import { fill } from './phrases.js';
import { date } from './words.js';

/** "Drafted on 16 April 2024 by procheck 0.1.0, rule set …". */
export const draftedLine = (draft: Draft): string =>
  fill('cover.common.drafted', { date: date(draft.drafted), version: draft.procheck, ruleSet: draft.ruleSetVersion });

/** A footnote's citation in words (its link beside it): "Instrument, provision". */
export const citationWords = (c: Citation): string => fill('cover.common.footnote', { instrument: c.instrument, provision: c.provision });

/** The heading of the footnotes. */
export const footnotesTitle = (): string => fill('cover.common.footnotes');

/** Each plan the draft decides, with its verdict: "Plan" alone, or numbered where there are several. */
export function planLines(draft: Draft): { key: string; value: string; verdict: Draft['decisions'][number]['verdict'] }[] {
  const several = draft.decisions.length > 1;
  return draft.decisions.map((d, i) => ({ key: several ? `Plan ${i + 1}` : 'Plan', value: `${d.plan.title} (${d.plan.authority})`, verdict: d.verdict }));
}

/** The footnotes by number (the first of a number, should a draft repeat one). */
export function footnoteIndex(draft: Draft): Map<number, Draft['footnotes'][number]> {
  const index = new Map<number, Draft['footnotes'][number]>();
  for (const f of draft.footnotes) if (!index.has(f.n)) index.set(f.n, f);
  return index;
}

/** The sections of the report's body, then the appendix: the footnotes go between them, at the end of the body. */
export function bodyAndAppendix(draft: Draft): { body: Draft['sections']; appendix: Draft['sections'] } {
  return { body: draft.sections.filter((s) => s.id !== 'appendix'), appendix: draft.sections.filter((s) => s.id === 'appendix') };
}
