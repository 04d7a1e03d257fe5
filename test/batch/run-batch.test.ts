import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRegister, parseNdjson } from './read.js';
import { renderBatch } from '../../src/batch/render-batch.js';
import { runBatch, summarise, type BatchResult } from '../../src/batch/run-batch.js';
import { batchExitCode } from '../../src/cli/batch-command.js';
import type { Report } from '../../src/report/schema.js';
import { planArbitrary } from '../support/arbitrary.js';
import { checker } from '../support/checker.js';
import { plan } from '../support/plans.js';
import { toCsv } from './csv-writer.js';

const CASES = join(import.meta.dirname, '..', '..', 'cases');
const casePlans = readdirSync(CASES)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CASES, f), 'utf8')) as Record<string, unknown>);

/** What a batch result must say for a plan, taken from the single check. */
function expectedFrom(report: Report) {
  const counts = { 'out-of-scope': 0, 'non-compliant': 0, review: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] += 1;
  return {
    id: report.plan.id,
    title: report.plan.title,
    verdict: report.verdict,
    counts,
    findings: report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
    errors: [],
  };
}

async function single(p: unknown): Promise<Report | 'invalid'> {
  try {
    return await checker().check(p, { untrusted: true });
  } catch {
    return 'invalid';
  }
}

describe('runBatch', () => {
  it('gives every worked case the same result as checking it alone, in order', async () => {
    const text = casePlans.map((p) => JSON.stringify(p)).join('\n');
    const results = await runBatch((await parseNdjson(text)), checker(), { keepReports: true });
    expect(results).toHaveLength(casePlans.length);
    for (const [i, p] of casePlans.entries()) {
      const report = await checker().check(p, { untrusted: true });
      expect(results[i]).toMatchObject({ line: i + 1, ...expectedFrom(report) });
      expect(results[i]!.report).toEqual(report);
    }
  });

  it('gives the worked cases written as CSV the same verdicts and findings as the JSON files', async () => {
    const results = await runBatch((await parseCsvRegister(toCsv(casePlans))), checker());
    for (const [i, p] of casePlans.entries()) expect(results[i]).toMatchObject({ line: i + 2, ...expectedFrom(await checker().check(p, { untrusted: true })) });
  });

  it('records a malformed row as invalid with its line and field paths, and checks the rest', async () => {
    const good = plan();
    const text = [
      JSON.stringify(good),
      '{"id": "broken"',
      JSON.stringify(plan({ id: 'bad-date', dates: { procurementStart: '2024-13-01' }, colour: 'red' })),
      '',
      JSON.stringify(plan({ id: 'after' })),
    ].join('\n');
    const results = await runBatch((await parseNdjson(text)), checker());
    expect(results.map((r) => [r.line, r.verdict])).toEqual([
      [1, 'compliant'],
      [2, 'invalid'],
      [3, 'invalid'],
      [5, 'compliant'],
    ]);
    expect(results[1]!.errors[0]!.message).toMatch(/^not valid JSON/);
    expect(results[2]).toMatchObject({ id: 'bad-date', title: good.title });
    expect(results[2]!.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'dates.procurementStart' }),
        { path: 'colour', message: 'unknown field' },
      ]),
    );
  });

  it('reports progress after each plan', async () => {
    const calls: [number, number | null][] = [];
    await runBatch((await parseNdjson([plan(), plan()].map((p) => JSON.stringify(p)).join('\n'))), checker(), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it('a fault in procheck on one row is that row\'s error, saying so, and the other rows are still checked', async () => {
    const real = checker();
    const broken = { ...real, check: async (p: unknown) => ((p as { id?: string }).id === 'boom' ? Promise.reject(new TypeError('bug')) : real.check(p, { untrusted: true })) };
    const results = await runBatch([{ line: 1, plan: { id: 'boom' } }, { line: 2, plan: plan() }], broken);
    expect(results[0]).toMatchObject({ line: 1, verdict: 'invalid', errors: [{ path: '', message: expect.stringMatching(/procheck failed on this row \(bug\): a fault in procheck/) }] });
    expect(results[1]).toMatchObject({ line: 2, verdict: 'compliant' });
  });
});

describe('summary and exit code', () => {
  const result = (verdict: BatchResult['verdict'], line: number): BatchResult => ({
    line,
    id: `p${line}`,
    title: null,
    verdict,
    counts: { 'out-of-scope': 0, 'non-compliant': 0, review: 0, info: 0 },
    findings: [],
    errors: verdict === 'invalid' ? [{ path: 'value.annual', message: 'bad' }] : [],
  });

  it('counts each verdict and lists the invalid lines', async () => {
    const results = ['compliant', 'review', 'review', 'invalid', 'non-compliant', 'invalid'].map((v, i) => result(v as BatchResult['verdict'], i + 2));
    expect(summarise(results)).toEqual({
      plans: 6,
      verdicts: { compliant: 1, 'compliant-if': 0, review: 2, 'non-compliant': 1, 'out-of-scope': 0, invalid: 2 },
      invalidLines: [5, 7],
    });
  });

  it('exits with the worst row: any invalid row 20, else the worst verdict, an empty register 0', async () => {
    const code = (...vs: BatchResult['verdict'][]) => batchExitCode(vs.map((v, i) => result(v, i + 1)));
    expect(code()).toBe(0);
    expect(code('compliant', 'compliant')).toBe(0);
    expect(code('compliant', 'review')).toBe(10);
    expect(code('review', 'non-compliant', 'compliant')).toBe(11);
    expect(code('out-of-scope', 'non-compliant')).toBe(12);
    expect(code('out-of-scope', 'invalid', 'compliant')).toBe(20);
  });

  it('renders a line per plan and a summary as text, and NDJSON with a summary object', async () => {
    const results = [result('review', 2), result('invalid', 3)];
    const text = renderBatch(results, 'text');
    expect(text.split('\n')[0]).toMatch(/^line 2 +p2 +REVIEW +no findings$/);
    expect(text).toMatch(/^line 3 +p3 +INVALID +value\.annual: bad$/m);
    expect(text).toContain('2 plans: 0 compliant, 0 compliant if, 1 review, 0 non-compliant, 0 out-of-scope, 1 invalid');
    expect(text).toContain('Invalid rows, not checked: line 3');
    const lines = renderBatch(results, 'json').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ line: 2, id: 'p2', title: null, verdict: 'review', counts: results[0]!.counts, findings: [] });
    expect(lines[1].errors).toEqual([{ path: 'value.annual', message: 'bad' }]);
    expect(lines[2]).toEqual({ summary: summarise(results) });
  });
});

describe('properties', () => {
  /** Verdict and fired rules of each plan checked alone, as a batch result gives them. */
  const outcomes = async (plans: unknown[]) => {
    const out: string[] = [];
    for (const p of plans) {
      const r = await single(p);
      out.push(r === 'invalid' ? r : `${r.verdict}: ${r.findings.map((f) => f.ruleId).join(' ')}`);
    }
    return out;
  };
  const outcomesOf = (results: BatchResult[]) =>
    results.map((r) => (r.verdict === 'invalid' ? r.verdict : `${r.verdict}: ${r.findings.map((f) => f.ruleId).join(' ')}`));

  it('for any plans written as NDJSON, the batch verdicts and findings equal the single checks, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planArbitrary, { maxLength: 6 }), async (plans) => {
        const results = await runBatch((await parseNdjson(plans.map((p) => JSON.stringify(p)).join('\n'))), checker());
        expect(outcomesOf(results)).toEqual(await outcomes(plans));
        expect(results.map((r) => r.line)).toEqual(plans.map((_, i) => i + 1));
      }),
      { numRuns: 40 },
    );
  });

  it('for any plans written as CSV, the batch verdicts and findings equal the single checks, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planArbitrary, { minLength: 1, maxLength: 6 }), async (plans) => {
        const results = await runBatch((await parseCsvRegister(toCsv(plans))), checker());
        expect(outcomesOf(results)).toEqual(await outcomes(plans));
      }),
      { numRuns: 40 },
    );
  });
});
