// `procheck explain <rule-id> [plan.json]`: one rule in words, and what it made of one plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/cli/review-commands.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { checker } from '../support/checker.js';
import type { EvaluatedPhrase, PlanEvaluation } from '../../src/review/explain.js';
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
    const ruleId = 'pcr2015.modification.no-ground';
    const plan = 'example-pcr2015-2021-modification-over-half';
    const json = JSON.parse((await explain(ruleId, caseFile(plan), '--format', 'json')).out) as { plan: PlanEvaluation };
    const trace = await traceFor(plan, ruleId);
    const e = json.plan;
    expect(e.traceOutcome).toBe(trace.outcome);
    expect(e.outcome).toBe('missing-facts');
    // appliesWhen's tests, then the test's: the trace's order.
    const shown = [...leaves(e.appliesWhen!.phrase), ...leaves(e.conditions.phrase)];
    expect(shown.length).toBe(trace.conditions.length);
    shown.forEach((s, i) => expect(s.factValue, trace.conditions[i]!.fact).toEqual(trace.conditions[i]!.factValue));
    // What the rule needs comes from its conditions: each fact it reads, once, with its value.
    expect(e.requires.find((r) => r.fact === 'changeSubstantial')).toMatchObject({ known: false, valueText: 'unknown' });
    expect(e.requires.find((r) => r.fact === 'changeValueRatio')).toMatchObject({ known: true });
    const ratio = leaves(e.conditions.phrase).find((l) => l.text.includes('pcr2015.modification.max-increase-ratio'))!;
    expect(ratio.factValueText).toBe('60%');
    expect(ratio.comparedWithText).toBe('50%');
    expect(ratio.result).toBe(false);
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
