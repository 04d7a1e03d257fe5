import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { ReportSchema } from '../../src/report/schema.js';
import { checker } from '../support/checker.js';
import { plan } from '../support/plans.js';
import { toCsv } from './csv-writer.js';

const root = join(import.meta.dirname, '..', '..');
const exampleCsv = join(root, 'cases', 'register-example.csv');
const exampleNdjson = join(root, 'cases', 'register-example.ndjson');

async function run(argv: string[], extra: Partial<Io> = {}) {
  let out = '';
  let err = '';
  let progress = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), isTTY: false, ...extra };
  if (extra.isTTY) io.progress = (t) => (progress += t);
  const code = await main(argv, io);
  return { code, out, err, progress };
}

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'procheck-batch-')), name);
  writeFileSync(file, content);
  return file;
}

describe('procheck check <register>', () => {
  it('checks the example CSV register: a line per plan, a summary, the worst exit code', async () => {
    const { code, out, err } = await run(['check', exampleCsv]);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^line 2 +example-pa2023-2025-02-24-it-open +COMPLIANT /);
    expect(out).toMatch(/^line 4 +coventry-2024-direct-award-c +NON-COMPLIANT +1 non-compliant/m);
    expect(lines.at(-1)).toBe('5 plans: 2 compliant, 0 compliant if, 1 review, 1 non-compliant, 1 out-of-scope, 0 invalid');
    expect(code).toBe(12);
  });

  it('gives each row of the example registers the verdict of its case file', async () => {
    for (const file of [exampleCsv, exampleNdjson]) {
      const lines = (await run(['check', file, '--format', 'json'])).out.trimEnd().split('\n').map((l) => JSON.parse(l));
      const rows = lines.slice(0, -1);
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        const expected = JSON.parse(readFileSync(join(root, 'cases', `${row.id}.expected.json`), 'utf8'));
        expect(row.verdict).toBe(expected.verdict);
        const report = await checker().check(JSON.parse(readFileSync(join(root, 'cases', expected.plan), 'utf8')));
        expect(row.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
      }
    }
  });

  it('the example NDJSON register holds the case files as they are', () => {
    for (const line of readFileSync(exampleNdjson, 'utf8').trimEnd().split('\n')) {
      const p = JSON.parse(line);
      expect(p).toEqual(JSON.parse(readFileSync(join(root, 'cases', `${p.id}.json`), 'utf8')));
    }
  });

  it('reports a malformed NDJSON line by number, checks the rest, and exits 20', async () => {
    const file = tempFile('plans.ndjson', [JSON.stringify(plan()), '{"id": "x",', JSON.stringify(plan({ id: 'second' }))].join('\n'));
    const { code, out } = await run(['check', file]);
    expect(out).toMatch(/^line 1 +test-psr-competitive +COMPLIANT/m);
    expect(out).toMatch(/^line 2 +\(no id\) +INVALID +not valid JSON/m);
    expect(out).toMatch(/^line 3 +second +COMPLIANT/m);
    expect(out).toContain('Invalid rows, not checked: line 2');
    expect(code).toBe(20);
  });

  it('a CSV with an unclosed quote: that row is INVALID with its line, and every row after it is still read and checked', async () => {
    const csv = toCsv([plan(), plan({ id: 'second' }), plan({ id: 'third' })]);
    const [header, first, second, third] = csv.trimEnd().split('\n');
    // A quote opened in the first row's id and never closed.
    const broken = [header, first!.replace(/^test-psr-competitive/, '"test-psr-competitive'), second, third].join('\n') + '\n';
    const { code, out } = await run(['check', tempFile('register.csv', broken)]);
    expect(out).toMatch(/^line 2 +\(no id\) +INVALID +not valid CSV: a quoted field is not closed/m);
    expect(out).toMatch(/^line 3 +second +COMPLIANT/m);
    expect(out).toMatch(/^line 4 +third +COMPLIANT/m);
    expect(out).toContain('3 plans: 2 compliant, 0 compliant if, 0 review, 0 non-compliant, 0 out-of-scope, 1 invalid');
    expect(code).toBe(20);
  });

  it('an oversized cell or line is that row\'s error, read in bounded memory; the rows after it are checked', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const csv = toCsv([plan(), plan({ id: 'after' })]);
    const [header, first, second] = csv.trimEnd().split('\n');
    const csvOut = (await run(['check', tempFile('register.csv', [header, first!.replace(/^test-psr-competitive/, huge), second].join('\n'))])).out;
    expect(csvOut).toMatch(/^line 2 +\(no id\) +INVALID +not valid CSV: the row is longer than 1024 KB/m);
    expect(csvOut).toMatch(/^line 3 +after +COMPLIANT/m);
    const ndjson = [JSON.stringify(plan({ title: huge })), JSON.stringify(plan({ id: 'after' }))].join('\n');
    const ndOut = (await run(['check', tempFile('plans.ndjson', ndjson)])).out;
    expect(ndOut).toMatch(/^line 1 +\(no id\) +INVALID +the line is longer than 1024 KB/m);
    expect(ndOut).toMatch(/^line 2 +after +COMPLIANT/m);
  });

  it('reports a bad CSV cell by line, column and field, after a row with a line break in a quoted cell', async () => {
    const good = plan({ title: 'Two\nline title' });
    const csv = toCsv([good, plan({ id: 'bad-value', value: { annual: 'lots' } })]);
    const { code, out } = await run(['check', tempFile('register.csv', csv)]);
    expect(out).toMatch(/^line 2 +test-psr-competitive +COMPLIANT/m);
    expect(out).toMatch(/^line 4 +bad-value +INVALID +value\.annual: "lots" is not a number .*\(column [A-Z]+\)$/m);
    expect(code).toBe(20);
  });

  it('rejects a register whose header names no plan field, naming the column, with exit 20', async () => {
    const { code, out, err } = await run(['check', tempFile('register.csv', 'id,colour\na,red\n')]);
    expect(code).toBe(20);
    expect(out).toBe('');
    expect(err).toContain('colour: names no plan field (column B)');
  });

  it('--format json writes NDJSON and a summary; --full adds each report', async () => {
    const { out } = await run(['check', exampleNdjson, '--format', 'json', '--full']);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1).summary).toEqual({
      plans: 5,
      verdicts: { compliant: 2, 'compliant-if': 0, review: 1, 'non-compliant': 1, 'out-of-scope': 1, invalid: 0 },
      invalidLines: [],
    });
    expect(ReportSchema.parse(lines[1].report).verdict).toBe('review');
    const plain = (await run(['check', exampleNdjson, '--format', 'json'])).out.split('\n').map((l) => (l ? JSON.parse(l) : null));
    expect(plain[0].report).toBeUndefined();
  });

  it('draws a progress bar only when stderr is a terminal, and never on stdout', async () => {
    const tty = await run(['check', exampleNdjson], { isTTY: true });
    expect(tty.progress).toContain('\r[');
    expect(tty.progress).toContain('5 plans, 100% of the file read');
    expect(tty.progress.endsWith('\r')).toBe(true);
    expect(tty.out).not.toContain('\r');
    const piped = await run(['check', exampleNdjson]);
    expect(piped.progress).toBe('');
    expect(piped.err).toBe('');
    expect(piped.out).toBe(tty.out);
  });

  it('draws the bar on err when no progress writer is given', async () => {
    let err = '';
    await main(['check', exampleNdjson], { out: () => {}, err: (t) => (err += t), isTTY: true });
    expect(err).toContain('5 plans, 100% of the file read');
  });

  it('usage errors exit 21', async () => {
    expect((await run(['check', exampleCsv, '--format', 'markdown'])).code).toBe(21);
    expect((await run(['check', exampleCsv, '--full'])).code).toBe(21);
    expect((await run(['check', join(root, 'cases', 'coventry-2024-competitive.json'), '--full'])).code).toBe(21);
    expect((await run(['check', '/no/such/register.csv'])).code).toBe(21);
  });
});

describe('a large register on several cores (the compiled command)', () => {
  it('gives exactly the output of one thread, row for row, and the same exit code', () => {
    const bundle = join(root, 'dist', 'cli', 'run.js');
    const plans = readdirSync(join(root, 'cases'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .map((f) => JSON.stringify(JSON.parse(readFileSync(join(root, 'cases', f), 'utf8'))));
    // Past the 2 MB from which the command uses worker threads, with a bad line in the middle.
    const lines = Array.from({ length: 1600 }, (_, i) => (i === 800 ? '{"id": ' : plans[i % plans.length]!));
    const file = tempFile('big.ndjson', lines.join('\n') + '\n');
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [bundle, 'check', file, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    const parallel = run({});
    const single = run({ PROCHECK_WORKERS: '1' });
    expect(parallel.stdout.split('\n').length).toBe(1602);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.status).toBe(single.status);
    expect(JSON.parse(parallel.stdout.split('\n')[800]!)).toMatchObject({ line: 801, verdict: 'invalid' });
  }, 60_000);
});
