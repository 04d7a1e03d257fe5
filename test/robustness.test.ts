// Hostile and oversized input: each failure found by hand becomes a test.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { SHIPPED_PLANS, withValueAt } from './support/fuzz.js';
import { PlanValidationError } from '../src/plan/parse.js';
import { addDays, addMonths, extendTerm, termEnd } from '../src/plan/dates.js';
import { REPORT_FORMATS, renderReport } from '../src/report/render.js';
import { ReportSchema } from '../src/report/schema.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const coventry = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'coventry-2024-competitive.json'), 'utf8')) as Record<string, unknown>;

async function issuesOf(plan: unknown): Promise<string[]> {
  try {
    await checker().check(plan, { untrusted: true });
    return [];
  } catch (e) {
    if (e instanceof PlanValidationError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
}

describe('numbers and dates past what the law can mean are invalid plans naming the field (they crashed)', () => {
  it.each([
    ['dates.contractStart', '9999-12-31', 'must be a date from 1900 to 2199'],
    ['dates.contractStart', '0000-01-01', 'is not a real calendar date'],
    ['dates.contractSigned', '9999-12-31', 'must be a date from 1900 to 2199'],
    ['term.initialMonths', 100_000, 'must be at most 600 months'],
    ['term.extensions.0.months', 96_000, 'must be at most 600 months'],
    ['incumbent.extensionRemainingMonths', 10_000_000, 'must be at most 600 months'],
    ['value.annual', 1e308, 'must be at most £1,000,000,000,000'],
  ])('%s = %s', async (path, value, message) => {
    const issues = await issuesOf(withValueAt(coventry, path, value));
    expect(issues.find((i) => i.startsWith(`${path}:`)) ?? issues).toMatch(message === 'is not a real calendar date' ? /is not a real calendar date|must be a date from/ : message);
  });

  it('at the bounds a plan is checked, and its report passes its own schema and renders in every format', async () => {
    let plan = withValueAt(coventry, 'term.initialMonths', 600);
    plan = withValueAt(plan, 'term.extensions', Array.from({ length: 20 }, () => ({ months: 600, exercise: 'authority-option', statedInContract: true })));
    plan = withValueAt(plan, 'dates.contractStart', '2199-12-31');
    plan = withValueAt(plan, 'value.annual', 1e12);
    const report = await checker().check(plan, { untrusted: true });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    for (const format of REPORT_FORMATS) expect(() => renderReport(report, format)).not.toThrow();
    expect(report.facts.contractEndIfAllOptions).toBe('3249-12-30');
  });
});

describe('date arithmetic is total: past the four-digit years it holds at the last (or first) day', () => {
  it('never throws and never writes a five-digit or negative year', () => {
    expect(termEnd('9999-12-01', 100)).toBe('9999-12-31');
    expect(extendTerm('9999-06-30', 10_000_000)).toBe('9999-12-31');
    expect(addMonths('9999-12-01', 1_000)).toBe('9999-12-31');
    expect(addDays('0001-01-02', -1_000)).toBe('0001-01-01');
    expect(termEnd('2026-04-01', 60)).toBe('2031-03-31');
  });
});

describe('every shipped case still checks cleanly', () => {
  it('passes ReportSchema and renders in every format', async () => {
    for (const plan of SHIPPED_PLANS) {
      const report = await checker().check(plan, { untrusted: true });
      expect(ReportSchema.safeParse(report).success, String(plan.id)).toBe(true);
      for (const format of REPORT_FORMATS) renderReport(report, format);
    }
  });
});
