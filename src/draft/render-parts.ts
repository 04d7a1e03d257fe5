// What the HTML and Word drafts say alike: the lines under the cover notice
// (when, by what, from which plans) and the footnotes by number.
import { longDate } from '../calendar/civil-date.js';
import type { Draft } from './schema.js';

/** "1 March 2024" for an ISO date; anything else as it was given (a draft read from JSON nobody vouched for must still render). */
export function dateWords(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  try {
    return longDate(iso);
  } catch {
    return iso;
  }
}

export interface CoverLine {
  key: string;
  value: string;
  /** The decision's verdict, for a line naming a plan (said after it: VERDICT_LABEL). */
  verdict?: Draft['decisions'][number]['verdict'];
}

/** The facts under the cover notice: the day it was drafted, by which procheck and rule set, and each plan with its verdict. */
export function coverLines(draft: Draft): CoverLine[] {
  const several = draft.decisions.length > 1;
  return [
    { key: 'Drafted on', value: dateWords(draft.drafted) },
    { key: 'Drafted by', value: `procheck ${draft.procheck}, rule set ${draft.ruleSetVersion}` },
    ...draft.decisions.map((d, i) => ({
      key: several ? `Plan ${i + 1}` : 'Plan',
      value: `${d.plan.title} (${d.plan.authority})`,
      verdict: d.verdict,
    })),
  ];
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
