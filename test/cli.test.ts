import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ProposedTimetableSchema, ReportSchema } from '../src/report/schema.js';
import { plan } from './support/plans.js';

const root = join(import.meta.dirname, '..');
const coventry = join(root, 'cases', 'coventry-2024-competitive.json');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function tempFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'procheck-cli-'));
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('procheck check', () => {
  it('prints a readable report and exits 10 for review, leading with what to do next', async () => {
    const { code, out } = await run('check', coventry);
    expect(code).toBe(10);
    expect(out).toContain('Verdict: REVIEW');
    // The one thing to do next comes before the conditions, the reasons it holds and the findings.
    expect(out).toMatch(/\nDo this next: The plan allows 5 months' mobilisation[\s\S]*\nConditions: what you must do \(7\)[\s\S]*\nWhy this route is lawful/);
    expect(out.indexOf('Do this next:')).toBeLessThan(out.indexOf('timetable.award-decision-too-late'));
    // The staff's pension schemes, unknown, are the authority's to find out: a condition with its date.
    expect(out).toMatch(/Find out from the existing provider which pension schemes the staff assigned to\s+the service belong to, before the procurement starts \(1 May 2024\)/);
    expect(out).toMatch(/representations until midnight at the end of this day \[by 15 November 2024\]/);
  });

  it('exits 5 for compliant-if, leading with "Compliant if you" and the conditions', async () => {
    const { code, out } = await run('check', join(root, 'cases', 'norfolk-2019-reprocure.json'));
    expect(code).toBe(5);
    expect(out).toContain('Verdict: COMPLIANT IF YOU meet the conditions below');
    expect(out).toMatch(/\nDo this next: Publish the award decision by 3 September 2019[\s\S]*\nCompliant if you \(5\):\n1\. Publish the award decision by 3 September 2019/);
  });

  it('writes a standalone printable HTML report with --format html', async () => {
    const { code, out } = await run('check', coventry, '--format', 'html');
    expect(code).toBe(10);
    expect(out).toMatch(/^<!DOCTYPE html>/);
    expect(out).toContain('Verdict: <strong class="govuk-tag govuk-tag--yellow">review</strong>');
    expect(out).toContain('Do this next: the plan contradicts itself');
    expect(out).toContain('Find out from the existing provider which pension schemes the staff assigned to');
    expect(out).toContain('<code>timetable.award-decision-too-late</code>');
    expect(out).not.toMatch(/<script|<link /);
  });

  it('exits 0, 11 and 12 for compliant, non-compliant and out-of-scope plans', async () => {
    expect((await run('check', tempFile('ok.json', plan()))).code).toBe(0);
    expect((await run('check', join(root, 'cases', 'coventry-2024-direct-award-c.json'))).code).toBe(11);
    expect((await run('check', join(root, 'cases', 'halton-2010-joint-commissioning.json'))).code).toBe(12);
  });

  it('--format json prints a report that matches the report schema', async () => {
    const { out } = await run('check', coventry, '--format', 'json');
    const report = ReportSchema.parse(JSON.parse(out));
    expect(report.verdict).toBe('review');
    expect(report.regime.applicable).toBe('psr');
    expect(report.trace).toBeUndefined();
  });

  it('--format markdown prints the steps as a table', async () => {
    const { out } = await run('check', coventry, '--format', 'markdown');
    expect(out).toContain('| # | Step | When | Law |');
  });

  it('--trace shows every rule with the values its conditions saw', async () => {
    const { out } = await run('check', coventry, '--format', 'json', '--trace');
    const report = ReportSchema.parse(JSON.parse(out));
    const competitive = report.trace!.find((t) => t.ruleId === 'psr.competitive.process')!;
    expect(competitive.outcome).toBe('fired');
    expect(competitive.conditions).toContainEqual(expect.objectContaining({ fact: 'process', factValue: 'competitive', result: true }));
    expect(report.trace!.find((t) => t.ruleId === 'psr.direct-award-c.materially-different')!.outcome).toBe('not-applicable');
  });

  it('an invalid plan exits 20 and names each bad field', async () => {
    const bad = plan({ dates: { procurementStart: '2024-13-01' }, colour: 'red' });
    const { code, err } = await run('check', tempFile('bad.json', bad));
    expect(code).toBe(20);
    expect(err).toContain('dates.procurementStart');
    expect(err).toContain('colour: unknown field');
  });

  it('a file that is not JSON exits 20', async () => {
    const { code, err } = await run('check', tempFile('broken.json', '{ "id": '));
    expect(code).toBe(20);
    expect(err).toContain('not valid JSON');
  });

  it('an endless file (/dev/zero) or one far larger than a plan exits 20 saying so, rather than hang', async () => {
    const endless = await run('check', '/dev/zero');
    expect(endless.code).toBe(20);
    expect(endless.err).toContain('is larger than 1024 KB, far more than a plan');
    const big = await run('check', tempFile('big.json', `{"id":"x","pad":"${'x'.repeat(1_100_000)}"}`));
    expect(big.code).toBe(20);
  });

  it('a plan nested far deeper than any plan exits 20 naming the nesting', async () => {
    const { code, err } = await run('check', tempFile('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)));
    expect(code).toBe(20);
    expect(err).toContain('is nested more than 32 levels deep');
  });

  it('usage errors exit 21', async () => {
    expect((await run('check', '/no/such/plan.json')).code).toBe(21);
    expect((await run('frobnicate')).code).toBe(21);
    expect((await run('check', coventry, '--format', 'pdf')).code).toBe(21);
    expect((await run('check')).code).toBe(21);
  });

  it('a broken rule set exits 22 naming the file, rule and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'procheck-rules-'));
    cpSync(join(root, 'rules'), dir, { recursive: true });
    const file = join(dir, 'psr', 'governance.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.rules[1].conditions.fact = 'recordKept';
    writeFileSync(file, JSON.stringify(json));
    const { code, err } = await run('check', coventry, '--rules', dir);
    expect(code).toBe(22);
    expect(err).toContain('governance.json');
    expect(err).toContain('psr.governance.records-not-kept');
    expect(err).toContain('unknown fact "recordKept"');
  });
});

describe('procheck schema and rules', () => {
  it('schema prints the plan JSON Schema', async () => {
    const { code, out } = await run('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$defs.Plan.properties.dates.properties.procurementStart.format).toBe('date');
    expect(schema.$defs.Plan.additionalProperties).toBe(false);
  });

  it('schema report prints the report JSON Schema', async () => {
    const { out } = await run('schema', 'report');
    expect(JSON.parse(out).$defs.Report.properties.verdict.enum).toContain('out-of-scope');
  });

  it('rules lists every rule with its citation', async () => {
    const text = await run('rules');
    expect(text.out).toContain('psr.direct-award-c.materially-different');
    expect(text.out).toContain('https://www.legislation.gov.uk/uksi/2023/1348/regulation/6');
    const json = JSON.parse((await run('rules', '--format', 'json')).out);
    expect(json.rules.length).toBeGreaterThan(40);
    for (const r of json.rules) expect(r.url).toMatch(/^https:\/\//);
  });
});

describe('procheck plan', () => {
  it('proposes the backward timetable from a start date and a route, as a table in date order (exit 0)', async () => {
    const { code, out } = await run('plan', '--start', '2026-04-01', '--regime', 'psr', '--process', 'competitive', '--mobilisation-months', '5', '--evaluation-weeks', '8', '--tender-days', '42', '--approval-weeks', '6');
    expect(code).toBe(0);
    expect(out).toContain('Proposed timetable: service start 1 April 2026, psr (competitive)');
    const lines = out.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('2 June 2025')).toBeLessThan(at('14 July 2025'));
    expect(at('14 July 2025')).toBeLessThan(at('20 October 2025'));
    expect(lines[at('1 November 2025')]).toMatch(/not before|latest/);
    expect(out).toMatch(/4 March 2026\s+by/);
  });

  it('reads the start, route and stage lengths from a plan file; --format json matches the schema', async () => {
    const { code, out } = await run('plan', coventry, '--format', 'json');
    expect(code).toBe(0);
    const t = ProposedTimetableSchema.parse(JSON.parse(out));
    expect(t.contractStart).toBe('2025-04-01');
    expect(t.regime).toBe('psr');
    expect(t.timetable.find((r) => r.stepId === 'timetable.contract-signature')?.date).toBe('2024-11-01');
  });

  it('--format markdown prints a table', async () => {
    const { out } = await run('plan', '--start', '2026-10-01', '--regime', 'pa2023', '--mobilisation-months', '3', '--format', 'markdown');
    expect(out).toContain('| Date | When | Plan meets it | Step | Id |');
    expect(out).toContain('`pa2023.standstill-end`');
  });

  it('a bad option value exits 20 naming the option; missing options or both a file and options exit 21', async () => {
    const bad = await run('plan', '--start', '2026-02-30', '--regime', 'psr', '--mobilisation-months', 'five');
    expect(bad.code).toBe(20);
    expect(bad.err).toContain('--start');
    expect(bad.err).toContain('--mobilisation-months');
    expect((await run('plan', '--start', '2026-04-01')).code).toBe(21);
    expect((await run('plan', coventry, '--start', '2026-04-01')).code).toBe(21);
    expect((await run('plan', '--start', '2026-04-01', '--regime', 'pcr2006')).code).toBe(20);
  });
});

describe('the report timetable in each format', () => {
  const staged = () => tempFile('staged.json', plan({ term: { mobilisationMonths: 4 }, timetable: { evaluationWeeks: 8, tenderPeriodDays: 60, approvalWeeks: 4 }, dates: { contractSigned: '2025-12-02' } }));
  it('text and markdown show it as a table in date order, with the dates the plan misses', async () => {
    const text = (await run('check', staged())).out;
    expect(text).toContain('Timetable (');
    expect(text).toMatch(/1 December 2025\s+latest\s+NO \(plan: 2 December 2025\)/);
    const md = (await run('check', staged(), '--format', 'markdown')).out;
    expect(md).toContain('## Timetable');
    expect(md).toContain('| 1 December 2025 | latest | NO (plan: 2 December 2025) |');
  });
  it('JSON has the rows, in date order', async () => {
    const report = ReportSchema.parse(JSON.parse((await run('check', staged(), '--format', 'json')).out));
    const dates = report.timetable.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(report.timetable.find((r) => r.stepId === 'timetable.contract-signature')).toMatchObject({ kind: 'latest', met: false });
  });
});

describe('procheck serve', () => {
  it('says clearly when the port is taken, instead of failing with a stack trace', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, err } = await run('serve', '--port', String(port));
      expect(code).toBe(21);
      expect(err).toContain(`Port ${port} on 127.0.0.1 is already in use: choose another with --port`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number', async () => {
    const { code, err } = await run('serve', '--port', 'eighty');
    expect(code).toBe(21);
    expect(err).toContain('--port must be a port number');
  });
});

