// The three voices of a rule (issue 19): a breach says what is wrong (title
// and reason, when the rule fires); a question asks (openTitle, when the
// plan leaves the rule open); a condition says what the authority must do
// and by when (condition, for a rule that turns on the authority's own acts).
// Besides, `holds` says why the route is lawful on a rule its plan passes.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../src/engine/rule-set.js';
import type { RuleDefinition } from '../src/engine/rule-schema.js';

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
