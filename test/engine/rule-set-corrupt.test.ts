// A corrupt rule set is refused at load, naming the file and the rule or
// parameter (exit 22 on the CLI); it never loads and then fails a check.
import { readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRules, edit, loadError } from '../support/rule-dirs.js';
import { loadRuleSet, RuleSetError } from '../../src/engine/rule-set.js';
import { createChecker } from '../../src/engine/checker.js';
import { PlanValidationError } from '../../src/plan/parse.js';
import { main } from '../../src/cli/main.js';

type Json = any;
const param = (j: Json, id: string) => j.params.find((p: { id: string }) => p.id === id);
const step = (j: Json, id: string) => j.steps.find((s: { id: string }) => s.id === id);
const threshold = (change: (p: Json) => void) => (j: Json) => {
  change(param(j, 'pcr2015.threshold.services-sub-central'));
};

function refused(file: string, change: (j: Json) => void | string): RuleSetError {
  const dir = copyRules();
  edit(dir, file, change);
  return loadError(dir);
}

describe('corrupt rule sets are refused at load, naming the file and the rule or parameter', () => {
  it.each([
    ['overlap', threshold((p) => (p.values[1].from = '2015-06-01')), /param "pcr2015.threshold.services-sub-central" at params\.\d+\.values\.1\.from: overlaps the period before/],
    ['a gap', threshold((p) => (p.values[1].from = '2016-02-01')), /leaves a gap after the period before, which ends 2015-12-31: begin on 2016-01-01/],
    ['run backwards', threshold((p) => (p.values[0].to = '2015-01-01')), /values\.0\.to: runs backwards: ends 2015-01-01, before it begins 2015-02-26/],
    ['hold the wrong type', threshold((p) => (p.values[0].value = true)), /values\.0\.value: must be a number \(unit GBP\)/],
  ])('parameter periods that %s', (_, change, message) => {
    const e = refused('params/pcr2015.json', change);
    expect(e.file).toBe(join('params', 'pcr2015.json'));
    expect(e.message).toMatch(message);
  });

  it('a negative day count', () => {
    const e = refused('params/psr.json', (j) => void (param(j, 'psr.modification.notice-days').values[0].value = -30));
    expect(e.message).toMatch(/param "psr.modification.notice-days" at .*: must not be negative \(unit days\)/);
  });

  it('a step whose until names a missing step, or itself; a cycle of step windows', () => {
    expect(refused('timetable/timetable.json', (j) => void (step(j, 'timetable.award-decision').timing.until.step = 'nope.standstill-end')).message).toContain(
      'step "timetable.award-decision" at timing.until.step: unknown step "nope.standstill-end"',
    );
    expect(refused('timetable/timetable.json', (j) => void (step(j, 'timetable.award-decision').timing.until.step = 'timetable.award-decision')).message).toContain(
      'steps "timetable.award-decision" -> "timetable.award-decision" wait for each other in a cycle',
    );
    const cycle = refused('timetable/timetable.json', (j) => {
      step(j, 'timetable.contract-signature').window.earliest.push({ step: 'timetable.award-decision' });
      step(j, 'timetable.award-decision').window = { earliest: [{ step: 'timetable.contract-signature' }] };
    });
    expect(cycle.file).toBe(join('timetable', 'timetable.json'));
    expect(cycle.message).toMatch(/"timetable.award-decision" -> "timetable.contract-signature" -> "timetable.award-decision" wait for each other in a cycle/);
  });

  it('a bank holiday that does not exist (it crashed)', () => {
    const e = refused('params/bank-holidays.json', (j) => void (j.regions['england-and-wales'][0].date = '2025-02-30'));
    expect(e.message).toContain('at regions.england-and-wales.0.date: is not a real calendar date');
  });

  it('conditions nested 5,000 deep (the stack overflowed)', () => {
    const e = refused('psr/processes.json', (j) => {
      const inner = JSON.stringify(j.rules[0].conditions);
      j.rules[0].conditions = '__DEEP__';
      return JSON.stringify(j).replace('"__DEEP__"', '{"not":'.repeat(5000) + inner + '}'.repeat(5000));
    });
    expect(e.message).toMatch(/rule "[^"]+" at rules\.0: nested more than 64 levels deep/);
  });

  it('a symbolic link loop in the rules folder (it crashed with ELOOP)', () => {
    const dir = copyRules();
    symlinkSync(join(dir, 'psr'), join(dir, 'psr', 'loop'));
    expect(loadError(dir).message).toContain('a symbolic link loop in the rules folder');
    const self = copyRules();
    symlinkSync(join(self, 'psr', 'self-link'), join(self, 'psr', 'self-link'));
    expect(loadError(self).message).toMatch(/ELOOP/);
  });

  it('a citation that is not https (a javascript: URL reached the HTML report), and an unknown operator, by name', () => {
    expect(refused('psr/processes.json', (j) => void (j.rules[0].citation.url = 'javascript:alert(1)')).message).toMatch(/at rules\.0\.citation\.url: must be an https:\/\/ address/);
    expect(refused('psr/processes.json', (j) => void (j.rules[0].conditions = { fact: 'process', operator: 'equals', value: 'x' })).message).toMatch(
      /rule "[^"]+" at rules\.0\.conditions\.operator: unknown operator "equals"/,
    );
  });

  it('the CLI exits 22 naming the file', async () => {
    const dir = copyRules();
    edit(dir, 'params/psr.json', (j) => void (param(j, 'psr.modification.notice-days').values[0].value = 'thirty'));
    let err = '';
    const code = await main(['check', join(import.meta.dirname, '..', '..', 'cases', 'coventry-2024-competitive.json'), '--rules', dir], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(22);
    expect(err).toContain('params/psr.json');
  });
});

describe('a rule set changed at random either loads and checks a case, or is refused', () => {
  const base = copyRules();
  const files = (function list(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? list(join(dir, n)) : n.endsWith('.json') ? [relative(base, join(dir, n))] : []));
  })(base);
  const texts = new Map(files.map((f) => [f, readFileSync(join(base, f), 'utf8')]));
  const plan = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cases', 'coventry-2024-competitive.json'), 'utf8'));

  /** Every path to a value in a JSON document. */
  function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
    return out;
  }
  const docs = new Map(files.map((f) => [f, JSON.parse(texts.get(f)!)]));
  const allPaths = new Map(files.map((f) => [f, paths(docs.get(f)).filter((p) => p.length > 0)]));

  it('never a crash, never a failure while checking', async () => {
    const dir = copyRules();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files).chain((f) => fc.tuple(fc.constant(f), fc.constantFrom(...allPaths.get(f)!), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 0, '', 'x', null, [], {}, '2025-02-30', 'javascript:x', 'equals')))),
        async ([file, path, value]) => {
          const doc = structuredClone(docs.get(file));
          let at = doc;
          for (const k of path.slice(0, -1)) at = at[k];
          at[path.at(-1)!] = value;
          writeFileSync(join(dir, file), JSON.stringify(doc));
          try {
            let set;
            try {
              set = loadRuleSet(dir);
            } catch (e) {
              if (e instanceof RuleSetError) return;
              throw new Error(`loading crashed after setting ${file} ${path.join('.')} to ${JSON.stringify(value)}: ${(e as Error).stack}`);
            }
            try {
              await createChecker(set).check(plan);
            } catch (e) {
              if (e instanceof PlanValidationError) return;
              throw new Error(`checking failed after setting ${file} ${path.join('.')} to ${JSON.stringify(value)}: ${(e as Error).stack}`);
            }
          } finally {
            writeFileSync(join(dir, file), texts.get(file)!);
          }
        },
      ),
      { numRuns: Number(process.env.RULESET_FUZZ_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261129) },
    );
  }, 600_000);
});
