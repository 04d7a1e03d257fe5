// Values and names in words for readers who do not read JSON: the review pack
// shows the law as a lawyer would write it, never as the engine stores it.
import { FACT_CATALOGUE, isFactName } from '../plan/fact-catalogue.js';
import { formatValue } from '../report/format.js';
import type { ParamDefinition } from '../law/params.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Kind of commissioning body" -> "kind of commissioning body", leaving acronyms ("PSR ...") alone. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function upperFirst(text: string): string {
  return text.length ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "a", "a or b", "a, b or c" */
export function joinWords(items: string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Ends a sentence with a full stop unless it has its own. */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export function quoted(text: string): string {
  return `“${text}”`;
}

export function dateInWords(iso: string): string {
  return ISO_DATE.test(iso) ? formatValue(iso, 'date') : iso;
}

export function factDescription(fact: string): string {
  return isFactName(fact) ? FACT_CATALOGUE[fact].description : fact;
}

export function factPlanPath(fact: string): string | undefined {
  if (!isFactName(fact)) return undefined;
  const info = FACT_CATALOGUE[fact];
  return 'planPath' in info ? info.planPath : undefined;
}

/**
 * How a fact's numbers read, taken from the catalogue's own wording so that a
 * new fact needs no entry here.
 */
function factFormat(fact: string): 'gbp' | 'months' | 'years' | 'pct' | 'text' {
  const d = factDescription(fact);
  if (/\(GBP\)/.test(d)) return 'gbp';
  if (/\(months\)/.test(d)) return 'months';
  if (/\(years\)/.test(d)) return 'years';
  if (/\(0-1\)|\bas a share\b/.test(d)) return 'pct';
  return 'text';
}

/** A value a fact holds (or is compared with), in words. */
export function factValueInWords(fact: string, value: unknown): string {
  if (value === null || value === undefined) return 'not known';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatValue(value, factFormat(fact));
  if (typeof value === 'string') return ISO_DATE.test(value) ? dateInWords(value) : quoted(value);
  if (Array.isArray(value)) return joinWords(value.map((v) => factValueInWords(fact, v)), 'and');
  return JSON.stringify(value);
}

const UNIT_WORDS: Record<ParamDefinition['unit'], (v: number) => string> = {
  GBP: (v) => formatValue(v, 'gbp'),
  ratio: (v) => formatValue(v, 'pct'),
  days: (v) => `${v} day${v === 1 ? '' : 's'}`,
  'working-days': (v) => `${v} working day${v === 1 ? '' : 's'}`,
  months: (v) => formatValue(v, 'months'),
  years: (v) => formatValue(v, 'years'),
  date: (v) => String(v),
  flag: (v) => String(v),
  'cpv-list': (v) => String(v),
  count: (v) => String(v),
};

/** A code list can run to a hundred entries: shown in full only where asked (the catalogue's parameter values). */
export function paramValueInWords(value: unknown, unit: ParamDefinition['unit'], opts: { fullLists?: boolean } = {}): string {
  if (value === null || value === undefined) return 'none in force';
  if (Array.isArray(value)) {
    const codes = value.map(String);
    const noun = unit === 'cpv-list' ? 'CPV code' : 'entry';
    const head = `${codes.length} ${noun}${codes.length === 1 ? '' : 's'}`;
    if (opts.fullLists) return `${head}: ${codes.join(', ')}`;
    const shown = codes.slice(0, 6).join(', ');
    return `${head} (${shown}${codes.length > 6 ? ', …' : ''})`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return UNIT_WORDS[unit](value);
  if (typeof value === 'string') return unit === 'date' || ISO_DATE.test(value) ? dateInWords(value) : value;
  return JSON.stringify(value);
}

/** A dated period, "from 1 January 2024" or "1 January 2022 to 31 December 2023". */
export function periodInWords(from: string, to: string | null): string {
  return to === null ? `from ${dateInWords(from)}` : `${dateInWords(from)} to ${dateInWords(to)}`;
}

export const SEVERITY_WORDS: Record<string, string> = {
  'out-of-scope': 'out of scope: the plan falls under a regime procheck does not check',
  'non-compliant': 'non-compliant: the plan breaks the law',
  review: 'review: a person must judge it',
  condition: 'a condition: what the authority must do (when it fires, the report lists it among the conditions, not the findings, and a plan otherwise compliant is compliant if the authority does it)',
  info: 'information and steps: the verdict does not change',
};

/** How a firing rule is reported (its `shows`), for each severity that can be a finding; a condition rule is never one. */
export function showsInWords(shows: string, severity: string): string {
  if (severity === 'condition') return 'a condition: when it fires, its instruction is one of the report’s conditions, not a finding';
  if (shows === 'steps') return 'how the route runs: when it fires, its reason heads the required steps (the report’s route), not a finding';
  if (shows === 'holds') return 'a reason the route holds: when it fires, it states something the plan gets right, and its reason is one of the reasons the route holds, not a finding';
  return 'a finding: when it fires, the report has a finding at its severity';
}

export { REGIME_TITLES } from '../law/vocabulary.js';

/** When a rule of each regime runs at all, before its own "applies when". */
export const REGIME_GATE: Record<string, string> = {
  general: 'every plan',
  psr: 'plans the Provider Selection Regime governs',
  pcr2015: 'plans the Public Contracts Regulations 2015 govern',
  pa2023: 'plans the Procurement Act 2023 governs',
  tupe: 'every plan',
  local: 'plans that name this overlay in authority.overlay',
};

/** A rule test's change to its base plan in words: "directAward.materiallyDifferent is yes", "staff removed". */
export function changeInWords(c: { path: string; value?: unknown; removed?: true }): string {
  return 'removed' in c && c.removed ? `${c.path} left out` : `${c.path} is ${changedValue(c)}`;
}

function changedValue(c: { value?: unknown; removed?: true }): string {
  if ('removed' in c && c.removed) return 'left out';
  const v = c.value;
  return v === true ? 'yes' : v === false ? 'no' : v === null ? 'not known (null)' : typeof v === 'string' ? quoted(v) : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** A rule test's changes as one sentence; no changes means the base plan as it is. */
export const changesInWords = (changes: readonly { path: string; value?: unknown; removed?: true }[]): string =>
  changes.length ? changes.map(changeInWords).join('; ') : 'the base plan as it is';

type ChangeLike = { path: string; value?: unknown; removed?: true };

/** What tells a rule test's two plans apart: each field the two set differently, with both values (a field only one sets is "as in the base plan" in the other). */
export function testDifference(fires: readonly ChangeLike[], silent: readonly ChangeLike[]): string {
  const said = (c: ChangeLike | undefined) => (c ? changedValue(c) : 'as in the base plan');
  const paths = [...new Set([...fires, ...silent].map((c) => c.path))];
  const differing = paths.filter((p) => said(fires.find((c) => c.path === p)) !== said(silent.find((c) => c.path === p)));
  return differing.map((p) => `${p}: ${said(fires.find((c) => c.path === p))} when it fires, ${said(silent.find((c) => c.path === p))} when it does not`).join('; ');
}
