// Integrators' contracts: the OpenAPI document is valid and complete (every
// reference resolves, every error a problem+json), a client typed only by the
// types openapi-typescript generates from it compiles, and the library's
// typed entry points refuse a wrong plan at compile time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/server/openapi.js';

const root = join(import.meta.dirname, '..');

/** A client of the answers form, written beside the generated types (test/clients/generated/ is not kept in git). */
const ANSWERS_CLIENT = `import type { components, paths } from './api.js';

type CheckRequest = paths['/v1/check']['post']['requestBody']['content']['application/json'];
type Report = paths['/v1/check']['post']['responses']['200']['content']['application/json'];
type Plan = components['schemas']['Plan'];

/** Every open question answered "not known" except those given: each question carries its planPath and answer schema. */
export function answering(plan: Plan, report: Report, given: Record<string, unknown>): CheckRequest {
  const answers = report.questions.flatMap((q) => (q.planPath === null ? [] : [{ planPath: q.planPath, value: q.planPath in given ? given[q.planPath] : null }]));
  const schemas: Record<string, unknown>[] = report.questions.map((q) => q.answer);
  void schemas;
  return { plan, answers };
}

// A bare plan is still a check request.
export const bare = (plan: Plan): CheckRequest => plan;
// @ts-expect-error an answer names its plan path
export const noPath = (plan: Plan): CheckRequest => ({ plan, answers: [{ value: 1 }] });
// @ts-expect-error answers are a list, not keyed by plan path
export const keyed = (plan: Plan): CheckRequest => ({ plan, answers: { 'value.annual': 1 } });
`;
const doc = openApiDocument() as Record<string, any>;

describe('the OpenAPI document', () => {
  it('every reference resolves, and every operation answers its problems as problem+json', () => {
    const refs = [...new Set([...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!))];
    const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce<any>((at, k) => at?.[k], doc);
    expect(refs.filter((r) => resolve(r) === undefined)).toEqual([]);
    expect(refs).toContain('#/components/schemas/Lot');
    for (const [path, ops] of Object.entries<any>(doc.paths))
      for (const [method, op] of Object.entries<any>(ops))
        for (const [status, res] of Object.entries<any>(op.responses)) {
          expect(res.description, `${method} ${path} ${status}`).toBeTruthy();
          if (Number(status) >= 400) expect(Object.keys(res.content ?? { 'application/problem+json': 1 }), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
        }
    expect(Object.keys(doc.paths['/v1/check'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '405', '413', '415']));
  });

  it('generates types with openapi-typescript, and a client typed by them compiles (wrong uses do not)', async () => {
    const dir = join(root, 'test', 'clients', 'generated');
    mkdirSync(dir, { recursive: true });
    // Fields with a default are optional in a request (defaultNonNullable: false), as the plan format says.
    writeFileSync(join(dir, 'api.d.ts'), astToString(await openapiTS(doc as never, { defaultNonNullable: false })));
    // A client that answers a report's questions: POST /v1/check's second form, {"plan", "answers"}, typed by the same types.
    writeFileSync(join(dir, 'answers-client.ts'), ANSWERS_CLIENT);
    const tsconfig = join(root, 'node_modules', '.cache', 'procheck-clients.tsconfig.json');
    mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: { noEmit: true, rootDir: root },
        include: [join(root, 'test', 'clients', '*.ts'), join(root, 'test', 'clients', 'generated', '*.ts')],
        // The main tsconfig leaves the clients out (their types are generated here, by this test).
        exclude: [],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { encoding: 'utf8' });
    } catch (e) {
      output = (e as { stdout: string }).stdout;
    }
    expect(output).toBe('');
  }, 120_000);
});
