// The npm package as another council tool gets it: compiled ESM with type
// declarations, finding its rules and cases from wherever it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import semver from 'semver';

const root = join(import.meta.dirname, '..');
// Deeper than dist/, so finding rules/ by walking up is tested too; a folder of its own for each run (two runs at once share node_modules).
const out = join(root, 'node_modules', '.cache', `procheck-package-test-${process.pid}`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the npm package', () => {
  it('compiles to ESM with declarations, and the compiled checkPlan judges a shipped case as expected', { timeout: 180_000 }, async () => {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', out], { cwd: root });
    const entry = pkg.exports['.'].import.replace(/^\.\/dist\//, '');
    const types = pkg.exports['.'].types.replace(/^\.\/dist\//, '');
    expect(existsSync(join(out, types))).toBe(true);
    const declarations = readFileSync(join(out, types), 'utf8');
    expect(declarations).toMatch(/export declare function checkPlan\(plan: PlanInput, options\?: CheckOptions\): Promise<Report>;/);
    expect(declarations).toMatch(/export declare function checkPlan\(input: unknown, options: UntrustedOptions\): Promise<Report>;/);
    const lib = await import(pathToFileURL(join(out, entry)).href);
    const plan = JSON.parse(readFileSync(join(root, 'cases', 'norfolk-2019-reprocure.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(root, 'cases', 'norfolk-2019-reprocure.expected.json'), 'utf8'));
    expect((await lib.checkPlan(plan)).verdict).toBe(expected.verdict);
    for (const name of ['checkPlan', 'createChecker', 'loadRuleSet', 'PlanSchema', 'ReportSchema', 'planJsonSchema', 'buildServer', 'PlanValidationError', 'diffRuleSets', 'renderCatalogueHtml', 'runBatch'])
      expect(lib[name], name).toBeDefined();
  });

  it('ships what its entry points need: compiled code, rules, cases and the command', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'rules', 'cases', 'bin']));
    expect(pkg.bin.procheck).toBe('bin/procheck.js');
    expect(readFileSync(join(root, 'bin', 'procheck.js'), 'utf8')).toContain("'../dist/cli/run.js'");
  });

  it('runs on the Node the package says (engines): every dependency it needs at run time accepts it, and tsx and esbuild are not among them', () => {
    const minimum = semver.minVersion(pkg.engines.node)!.version;
    const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { cwd: root, encoding: 'utf8' }));
    const found: { name: string; path: string }[] = [];
    const walk = (node: { dependencies?: Record<string, { path: string; dependencies?: unknown }> }) => {
      for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
        found.push({ name, path: dep.path });
        walk(dep as never);
      }
    };
    walk(tree);
    expect(found.map((f) => f.name)).not.toContain('tsx');
    expect(found.map((f) => f.name)).not.toContain('esbuild');
    const refusing = found.flatMap(({ name, path }) => {
      // An optional dependency not installed on this platform (piscina's native helper) has no path: nothing runs from it.
      if (!path) return [];
      const range = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).engines?.node;
      return range && !semver.satisfies(minimum, range) ? [`${name} needs node ${range}`] : [];
    });
    expect(refusing).toEqual([]);
  });

  it('the installed command is compiled JavaScript (one bundle, no TypeScript loader) with the validated rule set beside it', () => {
    const bundle = join(root, 'dist', 'cli', 'run.js');
    expect(existsSync(bundle), 'npm run build writes dist/cli/run.js').toBe(true);
    expect(existsSync(join(root, 'dist', 'rule-set.snapshot.json'))).toBe(true);
    let out = '';
    try {
      out = execFileSync(process.execPath, [bundle, 'check', join(root, 'cases', 'coventry-2024-competitive.json'), '--format', 'json'], { encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(JSON.parse(out).verdict).toBe('review');
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/from ["']tsx/);
  });
});
