// The worked cases in cases/: each plan with the outcome a lawyer expects.
// Pending cases (a regime whose rules have not landed yet) still must load,
// validate and check without error; their outcome is asserted once the rules exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checker } from './support/checker.js';

const CASES_DIR = join(import.meta.dirname, '..', 'cases');

/** What a lawyer expects of one lot of a plan in lots: its own verdict, and findings that must or must not be the lot's. */
const VerdictE = z.enum(['compliant', 'compliant-if', 'review', 'non-compliant', 'out-of-scope']);

const ExpectedLot = z.strictObject({
  verdict: VerdictE,
  findings: z.array(z.string()).default([]),
  absentFindings: z.array(z.string()).default([]),
  route: z.array(z.string()).default([]),
});

const Expected = z.strictObject({
  plan: z.string(),
  lots: z.record(z.string(), ExpectedLot).optional(),
  verdict: VerdictE,
  findings: z.array(z.string()).default([]),
  absentFindings: z.array(z.string()).default([]),
  /** Conditions the report must give: an act's fact name (contractSigned) or a rule that is itself an instruction. */
  conditions: z.array(z.string()).default([]),
  /** Rules whose reason the route holds on must be given (report.holds). */
  holds: z.array(z.string()).default([]),
  /** Rules that describe how the route runs (report.route). */
  route: z.array(z.string()).default([]),
  /** The plan fields the report must ask about, in the order asked. */
  questions: z.array(z.string()).optional(),
  /** Words the first thing the report says (report.next) must contain. */
  next: z.string().optional(),
  /** At most this many findings. */
  maxFindings: z.number().int().optional(),
  steps: z.array(z.string()).default([]),
  pending: z.string().optional(),
  explanation: z.string().min(1),
});

const expectations = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => ({ file: f, expected: Expected.parse(JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8'))) }));

describe('worked cases', () => {
  it('there are cases to run', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(5);
  });

  it('every plan file in cases/ has an expected outcome', () => {
    const plans = readdirSync(CASES_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
    const covered = new Set(expectations.map((e) => e.expected.plan));
    expect(plans.filter((p) => !covered.has(p))).toEqual([]);
  });

  describe.each(expectations)('$file', ({ expected }) => {
    const load = () => JSON.parse(readFileSync(join(CASES_DIR, expected.plan), 'utf8'));

    it('is a valid plan that checks without error', async () => {
      const report = await checker().check(load());
      expect(report.plan.id).toBe(expected.plan.replace(/\.json$/, ''));
    });

    it('every reason is fully rendered: no placeholder, undefined or NaN', async () => {
      const report = await checker().check(load());
      const texts = [
        ...report.findings.map((f) => f.reason),
        ...report.conditions.flatMap((c) => [c.instruction, c.conflict?.reason ?? '', c.onlyIf ?? '']),
        ...report.holds.map((h) => h.reason),
        ...report.route.map((r) => r.text),
        report.next.text,
      ];
      for (const t of texts) expect(t).not.toMatch(/\{\{|\bundefined\b|\bNaN\b/);
    });

    it.skipIf(expected.pending !== undefined)(`gives ${expected.verdict} with the expected findings and steps`, async () => {
      const report = await checker().check(load());
      const ruleIds = report.findings.map((f) => f.ruleId);
      const stepIds = report.steps.map((s) => s.id);
      expect(report.verdict).toBe(expected.verdict);
      for (const id of expected.findings) expect(ruleIds).toContain(id);
      for (const id of expected.absentFindings) expect(ruleIds).not.toContain(id);
      for (const id of expected.steps) expect(stepIds).toContain(id);
      for (const id of expected.conditions) expect(report.conditions.map((c) => c.id)).toContain(id);
      for (const id of expected.holds) expect(report.holds.map((h) => h.ruleId)).toContain(id);
      for (const id of expected.route) expect(report.route.map((r) => r.ruleId)).toContain(id);
      if (expected.questions) expect(report.questions.map((q) => q.planPath)).toEqual(expected.questions);
      if (expected.next) expect(report.next.text).toContain(expected.next);
      if (expected.maxFindings !== undefined) expect(report.findings.length).toBeLessThanOrEqual(expected.maxFindings);
      for (const [lot, want] of Object.entries(expected.lots ?? {})) {
        expect(report.lots?.find((l) => l.id === lot)?.verdict, lot).toBe(want.verdict);
        const lotRules = report.findings.filter((f) => f.lot === lot).map((f) => f.ruleId);
        for (const id of want.findings) expect(lotRules, lot).toContain(id);
        for (const id of want.absentFindings) expect(lotRules, lot).not.toContain(id);
        for (const id of want.route) expect(report.route.filter((r) => r.lot === lot).map((r) => r.ruleId), lot).toContain(id);
      }
    });
  });
});
