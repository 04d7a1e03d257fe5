// The three voices of a rule (issue 19): a breach says what is wrong (title
// and reason, when the rule fires); a question asks (openTitle, when the
// plan leaves the rule open); a condition says what the authority must do
// and by when (condition, for a rule that turns on the authority's own acts).
// Besides, `holds` says why the route is lawful on a rule its plan passes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../src/index.js';
import { loadRuleSet } from '../src/engine/rule-set.js';
import type { ConditionT, RuleDefinition } from '../src/engine/rule-schema.js';
import { FACT_CATALOGUE, isFactName, unknownSources } from '../src/plan/fact-catalogue.js';
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

type Info = { kind?: string };
const CATALOGUE = FACT_CATALOGUE as Record<string, Info>;

/** Derived facts that follow from an act whatever the catalogue says (src/plan/facts.ts: a call-off is made on the contract date). */
const ALSO_FROM: Record<string, string[]> = { callOffAfterFrameworkEnd: ['contractSigned', 'awardDecision'] };

/**
 * The authority's own acts (the catalogue's kind "act") a fact is, or is
 * derived from: the plan fields the engine itself traces an unknown fact back
 * to (unknownSources, with every fact unknown), that are acts.
 */
function actsBehind(fact: string): string[] {
  if (!isFactName(fact)) return [];
  const sources = [...unknownSources(fact, () => null), ...(ALSO_FROM[fact] ?? [])];
  return [...new Set(sources.filter((f) => CATALOGUE[f]?.kind === 'act'))];
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
    expect(rule.asCondition, `${rule.id} reads ${actsRead(rule).join(', ')}`).toBeDefined();
    const yesNoOnly = actsRead(rule).every((a) => (FACT_CATALOGUE as Record<string, { act?: { done?: boolean } }>)[a]!.act!.done !== undefined);
    if (yesNoOnly) {
      // A yes/no act: a whole instruction, in the imperative.
      expect(rule.asCondition).toMatch(/^[A-Z]/);
      expect(rule.asCondition).toMatch(/\.$/);
    } else {
      // A date: the phrase that goes in brackets after the date ("Enter into the contract on or after 12 December 2026 (...)").
      expect(rule.asCondition).toMatch(/^[a-z]/);
      expect(rule.asCondition).not.toMatch(/\.$/);
    }
  });
});

describe('the voices name only facts and parameters the rule set has', () => {
  const texts = (r: RuleDefinition): [string, string][] => [
    ...(r.openReason ? [['openReason', r.openReason] as [string, string]] : []),
    ...(r.asCondition ? [['condition', r.asCondition] as [string, string]] : []),
    ...(r.holds ?? []).map((h, i) => [`holds.${i}.text`, h.text] as [string, string]),
    ...(r.readings ?? []).map((x, i) => [`readings.${i}.text`, x.text] as [string, string]),
  ];
  const withVoices = RULES.filter((r) => texts(r).length > 0 || r.holds || r.readings);

  it.each(withVoices.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const params = new Set([...ruleSet.params.all().map((p) => p.id), ...[...ruleSet.overlays.values()].flatMap((o) => o.params.map((p) => p.id))]);
    for (const [where, text] of texts(rule))
      for (const ph of placeholders(text)) {
        if (ph.fact !== undefined) expect(isFactName(ph.fact), `${where}: fact ${ph.fact}`).toBe(true);
        if (ph.param !== undefined) expect(params.has(ph.param), `${where}: param ${ph.param}`).toBe(true);
      }
    for (const [where, x] of [...(rule.holds ?? []).map((h, i) => [`holds.${i}`, h] as const), ...(rule.readings ?? []).map((r, i) => [`readings.${i}`, r] as const)]) {
      for (const f of factsIn(x.when)) expect(isFactName(f), `${where}.when: fact ${f}`).toBe(true);
      for (const p of paramsIn(x.when)) expect(params.has(p), `${where}.when: param ${p}`).toBe(true);
    }
  });
});

/** A case file as the holds tests edit it. */
type Plan = {
  value: { lifetime?: number };
  incumbent: { originalLifetimeValue?: number };
  directAward: { materiallyDifferent?: boolean; changeAttributableToAuthority?: boolean };
};

describe('holds: why the route is lawful, with the plan\'s own figures', () => {
  /** Coventry's direct award C (cases/), with the arrangements not materially different and the changes the authority's. */
  const coventry = (edit: (p: Plan) => void = () => {}) => {
    const p = JSON.parse(readFileSync(new URL('../cases/coventry-2024-direct-award-c.json', import.meta.url), 'utf8')) as Plan;
    p.directAward.materiallyDifferent = false;
    p.directAward.changeAttributableToAuthority = true;
    edit(p);
    return p;
  };
  const CONSIDERABLE = 'psr.direct-award-c.considerable-change-value';
  const holdsOn = async (plan: unknown, ruleId = CONSIDERABLE) => (await checkPlan(plan, { untrusted: true })).holds.find((h) => h.ruleId === ruleId);

  // The new contract: £5,053,000 a year and £1,000,000 possible provision over 108 months, £54,477,000.
  it('a rise below the share: the considerable change test is not met, with the figures', async () => {
    const report = await checkPlan(coventry((p) => (p.incumbent.originalLifetimeValue = 44_471_020)), { untrusted: true });
    expect(report.facts.lifetimeValue).toBe(54_477_000);
    const h = report.holds.find((x) => x.ruleId === CONSIDERABLE);
    expect(h?.reason).toBe(
      "The considerable change test is not met: the lifetime value rises by £10,005,980, 22.5% of the existing contract's £44,471,020, below the 25% reg 6(10)(b)(iii) sets.",
    );
    expect(report.findings.map((f) => f.ruleId)).not.toContain(CONSIDERABLE);
    // The first limb too, in its own words.
    expect(report.holds.find((x) => x.ruleId === 'psr.direct-award-c.materially-different')?.reason).toMatch(/not materially different in character/);
  });

  it('a rise below both the amount and the share says both', async () => {
    const h = await holdsOn(coventry((p) => (p.incumbent.originalLifetimeValue = 54_000_000)));
    expect(h?.reason).toContain('rises by £477,000');
    expect(h?.reason).toContain('less than both the £500,000');
    expect(h?.reason).toContain('and the 25%');
  });

  it('a rise below the amount alone says so, though the share is reached', async () => {
    const h = await holdsOn(coventry((p) => ((p.value.lifetime = 1_300_000), (p.incumbent.originalLifetimeValue = 1_000_000))));
    expect(h?.reason).toBe(
      "The considerable change test is not met: the lifetime value rises by £300,000, from the existing contract's £1,000,000 to £1,300,000, less than the £500,000 reg 6(10)(b)(ii) sets.",
    );
  });

  it('a fall in value is not called a rise', async () => {
    const h = await holdsOn(coventry((p) => (p.incumbent.originalLifetimeValue = 60_000_000)));
    expect(h?.reason).toContain("is no higher than the existing contract's £60,000,000");
    expect(h?.reason).not.toMatch(/rises/);
  });

  it('changes that are not the authority\'s decision: no figures needed', async () => {
    const h = await holdsOn(coventry((p) => ((p.directAward.changeAttributableToAuthority = false), (p.incumbent.originalLifetimeValue = 10_000_000))));
    expect(h?.reason).toMatch(/not the authority's decision/);
    expect(h?.reason).not.toMatch(/rises/);
  });

  it('a rise past both limits fires the rule and gives no reason it holds', async () => {
    const report = await checkPlan(coventry((p) => (p.incumbent.originalLifetimeValue = 40_000_000)), { untrusted: true });
    expect(report.findings.find((f) => f.ruleId === CONSIDERABLE)?.severity).toBe('non-compliant');
    expect(report.holds.map((h) => h.ruleId)).not.toContain(CONSIDERABLE);
  });

  it('no reason printed with an unknown figure', async () => {
    for (const original of [44_471_020, 54_000_000, 60_000_000, 40_000_000]) {
      const report = await checkPlan(coventry((p) => (p.incumbent.originalLifetimeValue = original)), { untrusted: true });
      for (const h of report.holds) expect(h.reason, h.ruleId).not.toMatch(/unknown|NaN|undefined|\{\{/);
    }
  });
});
