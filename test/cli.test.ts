import { mkdtempSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ReportSchema } from '../src/report/schema.js';
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
  it('prints a readable report and exits 10 for review', async () => {
    const { code, out } = await run('check', coventry);
    expect(code).toBe(10);
    expect(out).toContain('Verdict: REVIEW');
    expect(out).toContain('tupe.pensions-unknown');
    expect(out).toMatch(/representations until midnight at the end of this day \[by 15 November 2024\]/);
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
