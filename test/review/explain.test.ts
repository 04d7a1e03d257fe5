// `procheck explain <rule-id> [plan.json]`: one rule in words, and what it made of one plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/cli/review-commands.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { checker } from '../support/checker.js';
import { evaluateForPlan, type EvaluatedPhrase, type PlanEvaluation } from '../../src/review/explain.js';
import { findRule } from '../../src/review/rule-view.js';
import { closeIds } from '../../src/review/suggest-ids.js';
import { PlanValidationError } from '../../src/plan/parse.js';

const root = join(import.meta.dirname, '..', '..');
const caseFile = (name: string) => join(root, 'cases', `${name}.json`);

async function explain(...args: string[]) {
  let out = '';
  const code = await explainCommand(args, { out: (t) => (out += t), err: () => {} });
  return { code, out };
}

const leaves = (p: EvaluatedPhrase): EvaluatedPhrase[] => (p.children ? p.children.flatMap(leaves) : [p]);

describe('explain a rule', () => {
  it('prints the rule in plain English: title, regime, severity, law and link, when it applies, the test, parameters, reason, steps and cases', async () => {
    const { code, out } = await explain('psr.competitive.process');
    expect(code).toBe(0);
    expect(out).toContain('Competitive process: advertise, evaluate');
    expect(out).toContain('Regime:   Provider Selection Regime');
    expect(out).toContain('Severity: information and steps');
    expect(out).toContain('reg 11');
    expect(out).toContain('https://www.legislation.gov.uk/uksi/2023/1348/regulation/11');
    expect(out).toContain('When it applies');
    expect(out).toContain('Award process, procedure or change is “competitive” [plan: route.process]');
    expect(out).toMatch(/Parameters\n  Standstill: representations .*\(psr\.standstill\.working-days\)/);
    expect(out).toContain('from 1 January 2024: 8 working days');
    expect(out).toContain('Reason given');
    expect(out).toContain('Steps it adds');
    expect(out).toContain('psr.intention-to-award-notice');
    expect(out).toMatch(/Worked cases whose route it describes:\n(\s+- .*\n)*\s+- coventry-2024-competitive/);
    expect(out).toMatch(/Rule test \(PSR competitive process .*test\/rules\/psr\.cases\.ts\)/);
    expect(out).toContain('does not fire when');
    expect(out).not.toMatch(/undefined|\[object Object\]/);
  });

  it('finds an overlay rule and reads its own parameters', async () => {
    const { out } = await explain('local.coventry.key-decision');
    expect(out).toContain('Runs for plans that name the coventry overlay');
    expect(out).toContain('local.coventry.key-decision-annual-gbp');
    expect(out).toContain('£1,000,000');
  });

  it('md and json formats', async () => {
    expect((await explain('psr.competitive.process', '--format', 'md')).out).toMatch(/^<a id="psr.competitive.process"><\/a>\n\n# Competitive process/);
    const json = JSON.parse((await explain('psr.competitive.process', '--format', 'json')).out);
    expect(json.rule.id).toBe('psr.competitive.process');
    expect(json.plan).toBeUndefined();
  });

  it('an unknown rule id is a usage error naming it and suggesting close ids', async () => {
    const err = await explain('psr.direct-award-c.materialy-different').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('Unknown rule "psr.direct-award-c.materialy-different"');
    expect((err as Error).message).toContain('Did you mean: psr.direct-award-c.materially-different');
    expect(closeIds('competitive.process', ['psr.competitive.process', 'pa2023.notices.tender', 'psr.records'])).toEqual(['psr.competitive.process']);
    await expect(explain()).rejects.toBeInstanceOf(UsageError);
    await expect(explain('psr.competitive.process', '--format', 'html')).rejects.toBeInstanceOf(UsageError);
  });
});

describe('explain a rule for a plan', () => {
  const traceFor = async (plan: string, ruleId: string) => {
    const report = await checker().check(JSON.parse(readFileSync(caseFile(plan), 'utf8')), { trace: true });
    return report.trace!.find((t) => t.ruleId === ruleId)!;
  };

  it('shows each condition with the value the trace recorded, and the outcome', async () => {
    // The over-half example relies on unforeseeable circumstances for a 60% rise: ground (c)'s cap decides it (issue 20.10).
    const ruleId = 'pcr2015.modification.over-cap';
    const plan = 'example-pcr2015-2021-modification-over-half';
    const json = JSON.parse((await explain(ruleId, caseFile(plan), '--format', 'json')).out) as { plan: PlanEvaluation };
    const trace = await traceFor(plan, ruleId);
    const e = json.plan;
    expect(e.traceOutcome).toBe(trace.outcome);
    expect(e.outcome).toBe('fired');
    // appliesWhen's tests, then the test's: the trace's order.
    const shown = [...leaves(e.appliesWhen!.phrase), ...leaves(e.conditions.phrase)];
    expect(shown.length).toBe(trace.conditions.length);
    shown.forEach((s, i) => expect(s.factValue, trace.conditions[i]!.fact).toEqual(trace.conditions[i]!.factValue));
    // What the rule needs comes from its conditions: each fact it reads, once, with its value.
    expect(e.requires.find((r) => r.fact === 'changeUnforeseeable')).toMatchObject({ known: true });
    expect(e.requires.find((r) => r.fact === 'changeReferenceRatio')).toMatchObject({ known: true });
    const ratio = leaves(e.conditions.phrase).find((l) => l.text.includes('pcr2015.modification.max-increase-ratio'))!;
    expect(ratio.factValueText).toBe('60%');
    expect(ratio.comparedWithText).toBe('50%');
    expect(ratio.result).toBe(true);
    // A fact the plan leaves open is shown unknown: Norfolk's extension beyond its options does not say whether the change is substantial.
    const open = JSON.parse((await explain('pcr2015.modification.no-ground', caseFile('norfolk-2017-extend-beyond-options'), '--format', 'json')).out) as { plan: PlanEvaluation };
    expect(open.plan.outcome).toBe('missing-facts');
    expect(open.plan.requires.find((r) => r.fact === 'changeSubstantial')).toMatchObject({ known: false, valueText: 'unknown' });
  });

  it('text says whether it fired and what the plan gave each test', async () => {
    const { out } = await explain('psr.direct-award-c.materially-different', caseFile('coventry-2024-direct-award-c'));
    const trace = await traceFor('coventry-2024-direct-award-c', 'psr.direct-award-c.materially-different');
    expect(trace.outcome).toBe('fired');
    expect(out).toContain('Fired: the report has this finding (non-compliant).');
    expect(out).toMatch(/Award process, procedure or change is “direct-award-c”\n\s+-> the plan gives “direct-award-c”; holds/);
    expect(out).toMatch(/Finding \(non-compliant\): The plan says the proposed arrangements are materially different/);
  });

  it('a rule of another regime, or of an overlay the plan does not name, was not evaluated, and says why', async () => {
    const pa = JSON.parse((await explain('pa2023.standstill.contract-too-early', caseFile('coventry-2024-competitive'), '--format', 'json')).out);
    expect(pa.plan.outcome).toBe('not-evaluated');
    expect(pa.plan.outcomeText).toMatch(/Not evaluated: this is a Procurement Act 2023 rule, and Provider Selection Regime .* governs the plan/);
    const norfolk = JSON.parse((await explain('local.norfolk.committee-decision', caseFile('coventry-2024-competitive'), '--format', 'json')).out);
    expect(norfolk.plan.outcome).toBe('not-evaluated');
    expect(norfolk.plan.outcomeText).toContain('does not name the norfolk overlay');
  });

  it('a rule that applies but whose test does not hold says so', async () => {
    const json = JSON.parse((await explain('scope.regime-mismatch', caseFile('coventry-2024-competitive'), '--format', 'json')).out);
    // Coventry names the PSR and the PSR applies: the mismatch rule runs and its test does not hold.
    expect(json.plan.outcome).toBe('test-did-not-hold');
    expect(json.plan.finding).toBeNull();
  });

  it('an invalid plan is a plan error (main exits 20); an unreadable one a usage error', async () => {
    await expect(explain('psr.competitive.process', join(root, 'package.json'))).rejects.toBeInstanceOf(PlanValidationError);
    await expect(explain('psr.competitive.process', '/no/such/plan.json')).rejects.toBeInstanceOf(UsageError);
  });
});

describe('explain a rule for a plan: decisive answers (issue 19)', () => {
  const run = async (ruleId: string, plan: string) => {
    const json = JSON.parse((await explain(ruleId, caseFile(plan), '--format', 'json')).out) as { plan: PlanEvaluation };
    const text = (await explain(ruleId, caseFile(plan))).out;
    const md = (await explain(ruleId, caseFile(plan), '--format', 'md')).out;
    const report = await checker().check(JSON.parse(readFileSync(caseFile(plan), 'utf8')), { trace: true });
    return { e: json.plan, text, md, report };
  };

  it('a rule the route holds on: held, with the reason the report gives', async () => {
    const { e, text, md, report } = await run('psr.direct-award-c.considerable-change-value', 'example-psr-2026-direct-award-c-only-provider-unknown');
    const reason = report.holds.find((h) => h.ruleId === 'psr.direct-award-c.considerable-change-value')!.reason;
    expect(e.outcome).toBe('held');
    expect(e.holds).toEqual({ reason, lot: null });
    expect(e.outcomeText).toContain(reason);
    expect(text).toContain(`Holds: the rule applies and its test fails on the plan's own figures and dates, so the report gives it as a reason the route holds: “${reason}”`);
    expect(md).toContain('Holds:');
    // The reason the rule chose is the one its when picks: the rise is under both limits.
    expect(reason).toMatch(/less than both the £500,000 .* and the 25%/);
  });

  it('a rule the plan leaves open only on the authority’s own act: settled by the condition on that act', async () => {
    const { e, text, report } = await run('psr.governance.records-not-kept', 'northants-2023-adult-treatment-extension');
    const condition = report.conditions.find((c) => c.id === 'recordsKept')!;
    expect(e.traceOutcome).toBe('missing-facts');
    expect(e.outcome).toBe('condition');
    expect(e.finding).toBeNull();
    expect(e.open).toBeNull();
    expect(e.settledBy).toEqual([
      { act: { fact: 'recordsKept', description: 'The reg 24 record of the decision will be kept', planPath: 'governance.recordsKept' }, instruction: condition.instruction, due: null, onlyIf: null, conflict: null, lot: null },
    ]);
    expect(text).toContain('Settled by a condition: the plan leaves open only the authority\'s own act (“The reg 24 record of the decision will be kept”)');
    expect(text).toContain(`- The reg 24 record of the decision will be kept [plan: governance.recordsKept]: ${condition.instruction}`);
  });

  it('a date act: which act, and the condition with its date', async () => {
    const { e, report } = await run('timetable.contract-before-procurement-start', 'norfolk-2019-reprocure');
    const condition = report.conditions.find((c) => c.id === 'contractSigned')!;
    expect(condition.rules).toContain('timetable.contract-before-procurement-start');
    expect(e.outcome).toBe('condition');
    expect(e.settledBy.map((c) => [c.act?.fact, c.instruction, c.due])).toEqual([['contractSigned', condition.instruction, condition.due]]);
  });

  it('a rule that is itself an instruction: a condition, not a finding', async () => {
    const { e, text, report } = await run('tupe.pensions-unknown', 'coventry-2024-competitive');
    expect(e.outcome).toBe('fired');
    expect(e.shownAs).toBe('condition');
    expect(e.finding).toBeNull();
    const instruction = report.conditions.find((c) => c.id === 'tupe.pensions-unknown')!.instruction;
    expect(e.settledBy.map((c) => [c.act, c.instruction])).toEqual([[null, instruction]]);
    expect(text).toContain(`Fired: it is a condition on the authority, not a finding: ${instruction}`);
  });

  it('a rule that describes the route, or states what the plan gets right, fired without a finding', async () => {
    const route = await run('psr.competitive.process', 'coventry-2024-competitive');
    expect(route.e).toMatchObject({ outcome: 'fired', shownAs: 'steps', finding: null });
    expect(route.text).toContain('Fired: it describes how the route runs, so its reason heads the required steps');
    const term = await run('terms.options-in-value', 'coventry-2024-competitive');
    expect(term.e).toMatchObject({ outcome: 'fired', shownAs: 'holds', finding: null });
    expect(term.e.holds!.reason).toContain('with every option the contract runs 108 months');
    const finding = await run('psr.direct-award-c.materially-different', 'coventry-2024-direct-award-c');
    expect(finding.e.shownAs).toBe('finding');
  });

  it('an open rule: the question it asks, and the questions that decide it', async () => {
    const { e, text, report } = await run('pcr2015.modification.no-ground', 'norfolk-2017-extend-beyond-options');
    const finding = report.findings.find((f) => f.ruleId === 'pcr2015.modification.no-ground')!;
    expect(e.outcome).toBe('missing-facts');
    expect(e.open!.title).toBe(finding.title);
    expect(finding.title).toMatch(/\?$/);
    expect(e.open!.questions.map((q) => q.planPath)).toEqual(report.questions.filter((q) => q.decides.includes(finding.ruleId)).map((q) => q.planPath));
    expect(e.open!.questions.map((q) => q.planPath)).toContain('change.substantial');
    expect(text).toContain(`It asks: ${finding.title}`);
    expect(text).toMatch(/The questions that decide it\n\s+- Is the change substantial.*\[plan: change\.substantial\]/);
  });

  it('the claims the plan leaves out that the rule reads: not relied on, each with the value taken and its burden', async () => {
    const { e, text, md } = await run('psr.direct-award-b.mandatory', 'coventry-2024-competitive');
    expect(e.outcome).toBe('held');
    expect(e.notClaimed.map((c) => [c.fact, c.takenAs])).toEqual([
      ['providerNumbersRestricted', 'yes'],
      ['allQualifyingProvidersOffered', 'no'],
      ['expressionOfInterestArrangements', 'no'],
    ]);
    expect(text).toContain('Claims the plan leaves out that it reads: not relied on, so the general rule decides');
    expect(text).toContain('- The authority restricts the number of providers [plan: directAward.providerNumbersRestricted]: taken as yes. PSR reg 6(4)(b)');
    expect(md).toContain('**Claims the plan leaves out that it reads: not relied on, so the general rule decides**');
    // A rule that reads no claim the plan leaves out lists none.
    expect((await run('psr.competitive.process', 'coventry-2024-competitive')).e.notClaimed).toEqual([]);
  });

  it('given the plan, the claims are read from it: one it states is not listed', async () => {
    const found = findRule(checker().ruleSet, 'psr.direct-award-b.mandatory')!;
    const plan = JSON.parse(readFileSync(caseFile('coventry-2024-competitive'), 'utf8'));
    const stated = { ...plan, directAward: { ...plan.directAward, providerNumbersRestricted: false } };
    const report = await checker().check(stated, { trace: true });
    const e = evaluateForPlan(found.rule, found.ctx, report, stated);
    expect(e.notClaimed.map((c) => c.fact)).toEqual(['allQualifyingProvidersOffered', 'expressionOfInterestArrangements']);
    const original = await checker().check(plan, { trace: true });
    expect(evaluateForPlan(found.rule, found.ctx, original, plan).notClaimed).toEqual(evaluateForPlan(found.rule, found.ctx, original).notClaimed);
  });

  it('a contradiction on the authority’s act is said as one', async () => {
    const found = findRule(checker().ruleSet, 'psr.standstill.contract-too-early')!;
    const report = await checker().check(JSON.parse(readFileSync(caseFile('coventry-2024-competitive'), 'utf8')), { trace: true });
    const entry = report.conditions.find((c) => c.id === 'contractSigned')!;
    // The report as it would be were no contract date to keep every rule.
    const conflicting = {
      ...report,
      conditions: [{ ...entry, rules: [], conflict: { severity: 'non-compliant' as const, reason: 'No date to enter into the contract meets every condition.', rules: ['psr.standstill.contract-too-early'] } }],
    };
    const e = evaluateForPlan(found.rule, found.ctx, conflicting);
    expect(e.outcome).toBe('conflict');
    expect(e.outcomeText).toContain('no way of doing it keeps every rule: No date to enter into the contract meets every condition.');
    expect(e.settledBy[0]!.conflict).toBe('No date to enter into the contract meets every condition.');
  });
});
