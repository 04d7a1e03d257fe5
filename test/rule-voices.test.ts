// The three voices of a rule (issue 19): a breach says what is wrong (title
// and reason, when the rule fires); a question asks (openTitle, when the
// plan leaves the rule open); a condition says what the authority must do
// and by when (condition, for a rule that turns on the authority's own acts).
// Besides, `holds` says why the route is lawful on a rule its plan passes.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../src/engine/rule-set.js';
import type { ConditionT, RuleDefinition } from '../src/engine/rule-schema.js';
import { FACT_CATALOGUE, isFactName } from '../src/plan/fact-catalogue.js';
import { placeholders } from '../src/report/format.js';

const ruleSet = loadRuleSet();
/** The law's rules and every overlay's. */
const RULES: RuleDefinition[] = [...ruleSet.rules, ...[...ruleSet.overlays.values()].flatMap((o) => o.rules)];

/** A rule that can be left open as a question: one that could find a breach, a review or put the plan out of scope. */
const asks = (r: RuleDefinition) => r.severity !== 'info' && r.severity !== 'condition';

/** A plan field or fact path: a camelCase word, or words joined by dots (dates.contractSigned, term.extensions[].months). */
const FIELD_PATH = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z][A-Za-z]*(\[\])?\.[a-z][A-Za-z]*/;
/** A provision number: reg 12, regs 19-20, regulation 6(4), s.51, section 54, Schedule 5, para 8. */
const PROVISION = /\b(reg|regs|regulation|regulations|s|ss|section|sections|para|paras|paragraph|schedule|sch)\.?\s*\d/i;

describe('open titles: a question when the plan leaves a rule open', () => {
  const open = RULES.filter(asks);

  it('there are rules to ask about', () => {
    expect(open.length).toBeGreaterThan(100);
  });

  it.each(open.map((r) => [r.id, r] as const))('%s asks a question in an officer\'s words', (_id, rule) => {
    const t = rule.openTitle;
    expect(t, 'openTitle').toBeDefined();
    expect(t).toMatch(/\?$/);
    // One question, not a statement followed by a question mark.
    expect(t!.indexOf('?')).toBe(t!.length - 1);
    expect(t).not.toMatch(FIELD_PATH);
    expect(t).not.toMatch(PROVISION);
    // A title, printed as it is: no placeholders, and short enough to read at a glance.
    expect(t).not.toMatch(/\{\{/);
    expect(t!.length).toBeLessThanOrEqual(140);
  });

  it('the patterns catch what they are meant to', () => {
    expect('Is dates.contractSigned known?').toMatch(FIELD_PATH);
    expect('Is term.extensions[].statedInContract set?').toMatch(FIELD_PATH);
    expect('Is awardDecision known?').toMatch(FIELD_PATH);
    expect('Does reg 12 apply?').toMatch(PROVISION);
    expect('Does s.51 apply?').toMatch(PROVISION);
    expect('Which regime applies: the PSR or the 2015 Regulations?').not.toMatch(PROVISION);
    expect("Is the existing provider satisfying the current contract, and likely to satisfy the new one, as direct award C needs?").not.toMatch(FIELD_PATH);
  });
});

/** Every fact a condition reads, tested or compared with. */
function factsIn(c: ConditionT | undefined): string[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(factsIn);
  if ('any' in c) return c.any.flatMap(factsIn);
  if ('not' in c) return factsIn(c.not);
  const v = c.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v ? [c.fact, v.fact] : [c.fact];
}

/** Every parameter a condition compares with. */
function paramsIn(c: ConditionT | undefined): string[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(paramsIn);
  if ('any' in c) return c.any.flatMap(paramsIn);
  if ('not' in c) return paramsIn(c.not);
  const v = c.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'param' in v ? [v.param] : [];
}

type Info = { kind?: string; from?: readonly string[] };
const CATALOGUE = FACT_CATALOGUE as Record<string, Info>;

/** Derived facts written as formulas, each with the facts it reads (src/plan/fact-formulas.ts, where the rule set has one). */
const FORMULA_MODULES = import.meta.glob<{ FORMULAS?: Record<string, { reads: readonly string[] }> }>('../src/plan/fact-formulas.ts', { eager: true });
const FORMULAS = Object.values(FORMULA_MODULES)[0]?.FORMULAS ?? {};

/** Derived facts that follow from an act whatever the catalogue says (src/plan/facts.ts: the call-off is made on the contract date). */
const ALSO_FROM: Record<string, string[]> = { callOffAfterFrameworkEnd: ['contractSigned', 'awardDecision'] };

/** The facts a derived fact follows from: its formula's, its catalogue `from`, or both. */
const sourcesOf = (fact: string): readonly string[] => [...(FORMULAS[fact]?.reads ?? []), ...(CATALOGUE[fact]?.from ?? []), ...(ALSO_FROM[fact] ?? [])];

/** The authority's own acts a fact is, or is derived from (the catalogue's kind "act", through the facts it follows from). */
function actsBehind(fact: string, seen = new Set<string>()): string[] {
  if (seen.has(fact)) return [];
  seen.add(fact);
  const info = CATALOGUE[fact];
  if (!info) return [];
  if (info.kind === 'act') return [fact];
  return [...new Set(sourcesOf(fact).flatMap((f) => actsBehind(f, seen)))];
}

const actsRead = (r: RuleDefinition) => [...new Set([...factsIn(r.appliesWhen), ...factsIn(r.conditions)].flatMap((f) => actsBehind(f)))];

describe('conditions: what the authority must do, for a rule on its own acts', () => {
  const onActs = RULES.filter((r) => actsRead(r).length > 0);

  it('the acts are found through the catalogue', () => {
    expect(actsBehind('daysFromAwardToTransfer')).toEqual(['contractSigned']);
    expect(actsBehind('statedDeadlineShortBy')).toEqual(['awardDecision']);
    expect(onActs.map((r) => r.id)).toEqual(expect.arrayContaining(['psr.standstill.contract-too-early', 'psr.governance.records-not-kept', 'tupe.eli-timetable', 'timetable.award-after-incumbent-end']));
  });

  it.each(onActs.map((r) => [r.id, r] as const))('%s says what the act must be', (_id, rule) => {
    expect(rule.condition, `${rule.id} reads ${actsRead(rule).join(', ')}`).toBeDefined();
    const yesNoOnly = actsRead(rule).every((a) => (FACT_CATALOGUE as Record<string, { act?: { done?: boolean } }>)[a]!.act!.done !== undefined);
    if (yesNoOnly) {
      // A yes/no act: a whole instruction, in the imperative.
      expect(rule.condition).toMatch(/^[A-Z]/);
      expect(rule.condition).toMatch(/\.$/);
    } else {
      // A date: the phrase that goes in brackets after the date ("Enter into the contract on or after 12 December 2026 (...)").
      expect(rule.condition).toMatch(/^[a-z]/);
      expect(rule.condition).not.toMatch(/\.$/);
    }
  });
});

describe('the voices name only facts and parameters the rule set has', () => {
  const texts = (r: RuleDefinition): [string, string][] => [
    ...(r.openReason ? [['openReason', r.openReason] as [string, string]] : []),
    ...(r.condition ? [['condition', r.condition] as [string, string]] : []),
    ...(r.holds ?? []).map((h, i) => [`holds.${i}.text`, h.text] as [string, string]),
  ];
  const withVoices = RULES.filter((r) => texts(r).length > 0 || r.holds);

  it.each(withVoices.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const params = new Set([...ruleSet.params.all().map((p) => p.id), ...[...ruleSet.overlays.values()].flatMap((o) => o.params.map((p) => p.id))]);
    for (const [where, text] of texts(rule))
      for (const ph of placeholders(text)) {
        if (ph.fact !== undefined) expect(isFactName(ph.fact), `${where}: fact ${ph.fact}`).toBe(true);
        if (ph.param !== undefined) expect(params.has(ph.param), `${where}: param ${ph.param}`).toBe(true);
      }
    for (const [i, h] of (rule.holds ?? []).entries()) {
      for (const f of factsIn(h.when)) expect(isFactName(f), `holds.${i}.when: fact ${f}`).toBe(true);
      for (const p of paramsIn(h.when)) expect(params.has(p), `holds.${i}.when: param ${p}`).toBe(true);
    }
  });
});
