// What changed between two versions of the rule set, in the terms a lawyer
// approves: rules, the dated numbers, the steps, the overlays and the
// calendar. Rules are compared as written; only a changed test is shown in
// words, before and after, each read against its own version's parameters.
import type { RuleSet } from '../engine/rule-set.js';
import type { RuleDefinition, StepDefinition } from '../engine/rule-schema.js';
import type { ParamDefinition } from '../law/params.js';
import type { Citation } from '../law/citation.js';
import type { Overlay } from '../engine/overlay.js';
import { withOverlay } from '../engine/with-overlay.js';
import { describeCondition, leafTests, paramRef, phraseLines } from './describe-condition.js';
import { describeRule, type RuleContext, type RuleView } from './rule-view.js';
import { paramView, type ParamView } from './rule-params.js';
import { paramValueInWords, periodInWords } from './words.js';
import { placeholders } from '../report/format.js';

/** One changed part, as lines of text (a condition tree reads as several). */
export interface PartChange {
  part: string;
  before: string[];
  after: string[];
}

export interface RuleSummary {
  id: string;
  title: string;
  regime: string;
  severity: string;
  citation: Citation;
  file: string;
}

export interface RuleChange extends RuleSummary {
  parts: PartChange[];
}

export interface PeriodChange {
  from: string;
  before: string | null;
  after: string | null;
}

export interface ParamChange {
  id: string;
  title: string;
  parts: PartChange[];
  /** The dated values, period by period (keyed by the day each starts), that differ. */
  values: PeriodChange[];
  /** The rules that read it, in the new version: their effect changes with it. */
  readBy: string[];
}

export interface ItemChange {
  id: string;
  title: string;
  parts: PartChange[];
}

export interface CalendarChange {
  region: string;
  added: string[];
  removed: string[];
}

export interface RuleSetDiff {
  old: { version: string; label: string };
  new: { version: string; label: string };
  /** The content hashes agree: the two rule sets are byte for byte the same files. */
  identical: boolean;
  rules: { added: RuleView[]; removed: RuleSummary[]; changed: RuleChange[] };
  params: { added: ParamView[]; removed: ParamView[]; changed: ParamChange[] };
  steps: { added: ItemChange[]; removed: ItemChange[]; changed: ItemChange[] };
  overlays: { added: ItemChange[]; removed: ItemChange[]; changed: ItemChange[] };
  calendar: CalendarChange[];
  /** How many rules, parameters, steps, overlays and calendar regions differ. */
  changeCount: number;
}

/** Key order in a rule file carries no meaning, so comparison ignores it. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const same = (a: unknown, b: unknown) => stable(a) === stable(b);

function citationText(c: Citation | undefined): string[] {
  if (!c) return ['(none)'];
  return [`${c.instrument}, ${c.provision} <${c.url}>${c.note ? `. ${c.note}` : ''}`];
}

interface RuleEntry {
  rule: RuleDefinition;
  ctx: RuleContext;
}

function rulesOf(rs: RuleSet): Map<string, RuleEntry> {
  const out = new Map<string, RuleEntry>();
  for (const r of rs.rules) out.set(r.id, { rule: r, ctx: { params: rs.params, steps: rs.steps, file: rs.ruleFiles.get(r.id) ?? '' } });
  for (const o of rs.overlays.values()) {
    const with_ = withOverlay(rs, o);
    for (const r of o.rules) out.set(r.id, { rule: r, ctx: { params: with_.params, steps: with_.steps, file: o.file, overlay: o } });
  }
  return out;
}

function paramsOf(rs: RuleSet): Map<string, ParamDefinition> {
  return new Map([...rs.params.all(), ...[...rs.overlays.values()].flatMap((o) => o.params)].map((p) => [p.id, p]));
}

function stepsOf(rs: RuleSet): Map<string, StepDefinition> {
  return new Map([...rs.steps.values(), ...[...rs.overlays.values()].flatMap((o) => o.steps)].map((s) => [s.id, s]));
}

const summary = ({ rule, ctx }: RuleEntry): RuleSummary => ({
  id: rule.id,
  title: rule.title,
  regime: rule.regime,
  severity: rule.severity,
  citation: rule.citation,
  file: ctx.file,
});

function conditionLines(c: RuleDefinition['conditions'] | undefined, ctx: RuleContext): string[] {
  return c ? phraseLines(describeCondition(c, ctx.params), '', false) : ['(always: no "when it applies" test)'];
}

/**
 * Why the route holds: the reasons at the given places (1 for the first), each
 * with the condition that chooses it in words; a place the rule has no reason
 * at reads "(none)".
 */
function holdsLines(h: RuleDefinition['holds'], at: number[], ctx: RuleContext): string[] {
  const all = h ?? [];
  if (!all.length) return ['(none)'];
  return at.flatMap((i) => {
    const x = all[i];
    if (!x) return [`- reason ${i + 1}: (none)`];
    const head = `- reason ${i + 1}: “${x.text}”`;
    if (!x.when) return [head, `  - ${i === 0 ? 'always' : 'otherwise'}`];
    const when = phraseLines(describeCondition(x.when, ctx.params), '  ', false);
    when[0] = when[0]!.replace(/^(\s*)- /, '$1- when: ');
    return [head, ...when];
  });
}

/** The places (from 0) where two lists of reasons differ: only those are shown. */
function holdsChanged(a: RuleDefinition['holds'], b: RuleDefinition['holds']): number[] {
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  return Array.from({ length: n }, (_, i) => i).filter((i) => !same(a?.[i], b?.[i]));
}

/** What the law requires on each reading, each with the condition that chooses it in words. */
function readingsLines(r: RuleDefinition['readings'], ctx: RuleContext): string[] {
  if (!r?.length) return ['(none)'];
  return r.flatMap((x, i) => {
    const head = `- reading ${i + 1}: “${x.text}”`;
    if (!x.when) return [head, '  - always'];
    const when = phraseLines(describeCondition(x.when, ctx.params), '  ', false);
    when[0] = when[0]!.replace(/^(\s*)- /, '$1- when: ');
    return [head, ...when];
  });
}

const SHOWS_SHORT: Record<string, string> = {
  finding: 'finding (a finding at its severity)',
  steps: 'steps (how the route runs: its reason heads the required steps)',
  holds: 'holds (a reason the route holds)',
};

function insteadLines(i: RuleDefinition['instead']): string[] {
  return i ? [i.what, `steps: ${i.steps.join(', ')}`] : ['(none)'];
}

function reviewedText(r: RuleDefinition['reviewed']): string {
  return r ? `${r.by}${r.role ? ` (${r.role})` : ''} on ${r.on}${r.note ? `: ${r.note}` : ''}` : '(none)';
}

function ruleChange(a: RuleEntry, b: RuleEntry): RuleChange | null {
  const parts: PartChange[] = [];
  const ra = a.rule;
  const rb = b.rule;
  const text = (part: string, x: string, y: string) => x !== y && parts.push({ part, before: [x], after: [y] });
  text('title', ra.title, rb.title);
  text('regime', ra.regime, rb.regime);
  text('severity', ra.severity, rb.severity);
  if (!same(ra.citation, rb.citation)) parts.push({ part: 'citation', before: citationText(ra.citation), after: citationText(rb.citation) });
  if (!same(ra.appliesWhen, rb.appliesWhen)) parts.push({ part: 'appliesWhen', before: conditionLines(ra.appliesWhen, a.ctx), after: conditionLines(rb.appliesWhen, b.ctx) });
  if (!same(ra.conditions, rb.conditions)) parts.push({ part: 'conditions', before: conditionLines(ra.conditions, a.ctx), after: conditionLines(rb.conditions, b.ctx) });
  text('reason', ra.reason, rb.reason);
  text('openTitle', ra.openTitle ?? '(none)', rb.openTitle ?? '(none)');
  text('openReason', ra.openReason ?? '(none)', rb.openReason ?? '(none)');
  text('asCondition', ra.asCondition ?? '(none)', rb.asCondition ?? '(none)');
  if (!same(ra.holds, rb.holds)) {
    const at = holdsChanged(ra.holds, rb.holds);
    parts.push({ part: 'holds', before: holdsLines(ra.holds, at, a.ctx), after: holdsLines(rb.holds, at, b.ctx) });
  }
  if (!same(ra.readings, rb.readings)) parts.push({ part: 'readings', before: readingsLines(ra.readings, a.ctx), after: readingsLines(rb.readings, b.ctx) });
  text('shows', SHOWS_SHORT[ra.shows] ?? ra.shows, SHOWS_SHORT[rb.shows] ?? rb.shows);
  if (!same(ra.steps, rb.steps)) parts.push({ part: 'steps', before: ra.steps, after: rb.steps });
  if (!same(ra.instead, rb.instead)) parts.push({ part: 'instead', before: insteadLines(ra.instead), after: insteadLines(rb.instead) });
  text('scope', ra.scope, rb.scope);
  text('reviewed', reviewedText(ra.reviewed), reviewedText(rb.reviewed));
  text('file', a.ctx.file, b.ctx.file);
  return parts.length ? { ...summary(b), parts } : null;
}

function periodText(def: ParamDefinition, p: ParamDefinition['values'][number]): string {
  const src = p.source ? ` (source: ${citationText(p.source)[0]})` : '';
  return `${periodInWords(p.from, p.to)}: ${paramValueInWords(p.value, def.unit, { fullLists: true })}${p.note ? ` (${p.note})` : ''}${src}`;
}

function paramChange(a: ParamDefinition, b: ParamDefinition, readBy: string[]): ParamChange | null {
  const parts: PartChange[] = [];
  if (a.title !== b.title) parts.push({ part: 'title', before: [a.title], after: [b.title] });
  if (a.unit !== b.unit) parts.push({ part: 'unit', before: [a.unit], after: [b.unit] });
  if (a.appliesBy !== b.appliesBy) parts.push({ part: 'appliesBy', before: [a.appliesBy], after: [b.appliesBy] });
  if (!same(a.source, b.source)) parts.push({ part: 'source', before: citationText(a.source), after: citationText(b.source) });
  const froms = [...new Set([...a.values.map((p) => p.from), ...b.values.map((p) => p.from)])].sort();
  const values: PeriodChange[] = [];
  for (const from of froms) {
    const pa = a.values.find((p) => p.from === from);
    const pb = b.values.find((p) => p.from === from);
    if (pa && pb && same(pa, pb) && a.unit === b.unit) continue;
    values.push({ from, before: pa ? periodText(a, pa) : null, after: pb ? periodText(b, pb) : null });
  }
  if (!parts.length && !values.length) return null;
  return { id: b.id, title: b.title, parts, values, readBy };
}

/** Which rules read each parameter (tests, reasons and the timing of the steps they add). */
function readers(rules: Map<string, RuleEntry>, steps: Map<string, StepDefinition>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (param: string, rule: string) => {
    const list = out.get(param) ?? [];
    if (!list.includes(rule)) list.push(rule);
    out.set(param, list);
  };
  for (const { rule } of rules.values()) {
    for (const t of [...leafTests(rule.appliesWhen), ...leafTests(rule.conditions)]) {
      const p = paramRef(t.value);
      if (p) add(p, rule.id);
    }
    for (const text of [rule.reason, rule.openReason, rule.asCondition, ...(rule.holds ?? []).map((h) => h.text), ...(rule.readings ?? []).map((r) => r.text)])
      if (text) for (const ph of placeholders(text)) if (ph.param) add(ph.param, rule.id);
    for (const t of [...(rule.holds ?? []).flatMap((h) => leafTests(h.when)), ...(rule.readings ?? []).flatMap((r) => leafTests(r.when))]) {
      const p = paramRef(t.value);
      if (p) add(p, rule.id);
    }
    for (const s of rule.steps) {
      const p = steps.get(s)?.timing?.amount?.param;
      if (p) add(p, rule.id);
    }
  }
  return out;
}

const STEP_PARTS = ['title', 'citation', 'order', 'timing', 'defines', 'window', 'planDate', 'planDateAtLatest'] as const;

function stepLines(s: StepDefinition, part: (typeof STEP_PARTS)[number]): string[] {
  const v = s[part];
  if (v === undefined) return ['(none)'];
  if (part === 'title') return [String(v)];
  if (part === 'citation') return citationText(s.citation);
  if (part === 'timing' && s.timing) return [s.timing.describe, JSON.stringify(s.timing)];
  return [JSON.stringify(v)];
}

function stepChange(a: StepDefinition, b: StepDefinition): ItemChange | null {
  const parts = STEP_PARTS.filter((p) => !same(a[p], b[p])).map((p) => ({ part: p, before: stepLines(a, p), after: stepLines(b, p) }));
  return parts.length ? { id: b.id, title: b.title, parts } : null;
}

const OVERLAY_PARTS = ['authority', 'example', 'description', 'source', 'file'] as const;

function overlayLines(o: Overlay, part: (typeof OVERLAY_PARTS)[number]): string[] {
  const v = o[part];
  if (v === undefined) return ['(none)'];
  if (part === 'source') return [[o.source.document, o.source.section, o.source.url].filter(Boolean).join(', ')];
  return [String(v)];
}

function overlayChange(a: Overlay, b: Overlay): ItemChange | null {
  const parts = OVERLAY_PARTS.filter((p) => !same(a[p], b[p])).map((p) => ({ part: p, before: overlayLines(a, p), after: overlayLines(b, p) }));
  return parts.length ? { id: b.id, title: b.authority, parts } : null;
}

function overlayItem(o: Overlay): ItemChange {
  return { id: o.id, title: o.authority, parts: [{ part: 'rules', before: [], after: o.rules.map((r) => r.id) }] };
}

function calendarChanges(a: RuleSet, b: RuleSet): CalendarChange[] {
  const regions = Object.keys(b.holidays.regions) as (keyof RuleSet['holidays']['regions'])[];
  return regions.flatMap((region) => {
    const label = (h: { date: string; name: string }) => `${h.date} ${h.name}`;
    const before = new Set((a.holidays.regions[region] ?? []).map(label));
    const after = new Set(b.holidays.regions[region].map(label));
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    return added.length || removed.length ? [{ region, added, removed }] : [];
  });
}

function stepItem(s: StepDefinition): ItemChange {
  return { id: s.id, title: s.title, parts: [] };
}

/** Two keyed collections compared: what is only in the new one, only in the old one, and changed in both. */
function compare<T, A, R, C>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  show: { added: (x: T) => A; removed: (x: T) => R; changed: (was: T, now: T) => C | null },
): { added: A[]; removed: R[]; changed: C[] } {
  return {
    added: [...after].filter(([k]) => !before.has(k)).map(([, x]) => show.added(x)),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, x]) => show.removed(x)),
    changed: [...after].flatMap(([k, x]) => {
      const was = before.get(k);
      const c = was === undefined ? null : show.changed(was, x);
      return c ? [c] : [];
    }),
  };
}

export function diffRuleSets(oldSet: RuleSet, newSet: RuleSet, labels: { old: string; new: string } = { old: 'old', new: 'new' }): RuleSetDiff {
  const ra = rulesOf(oldSet);
  const rb = rulesOf(newSet);
  const rules = compare(ra, rb, { added: (x) => describeRule(x.rule, x.ctx), removed: summary, changed: ruleChange });

  const pa = paramsOf(oldSet);
  const pb = paramsOf(newSet);
  const sa = stepsOf(oldSet);
  const sb = stepsOf(newSet);
  const readBy = readers(rb, sb);
  const readByOld = readers(ra, sa);
  const params = compare(pa, pb, {
    added: (p) => paramView(p, readBy.get(p.id) ?? []),
    removed: (p) => paramView(p, readByOld.get(p.id) ?? []),
    changed: (was, now) => paramChange(was, now, readBy.get(now.id) ?? []),
  });
  const steps = compare(sa, sb, { added: stepItem, removed: stepItem, changed: stepChange });
  const overlays = compare(oldSet.overlays, newSet.overlays, { added: overlayItem, removed: overlayItem, changed: overlayChange });

  const calendar = calendarChanges(oldSet, newSet);
  const count = (g: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => g.added.length + g.removed.length + g.changed.length;
  return {
    old: { version: oldSet.version, label: labels.old },
    new: { version: newSet.version, label: labels.new },
    identical: oldSet.version === newSet.version,
    rules,
    params,
    steps,
    overlays,
    calendar,
    changeCount: count(rules) + count(params) + count(steps) + count(overlays) + calendar.length,
  };
}
