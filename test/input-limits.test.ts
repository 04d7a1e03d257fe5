// Plans and comparisons of bounded size (issue 21.5): a plan of 37,500 lots
// took 72 s, answered 523 MB and held 2.8 GB; 10,000 lots blocked the server
// 5 s. Each limit is refused naming its field, at the limit and one past it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parsePlan, PlanValidationError } from '../src/plan/parse.js';
import { MAX_LOTS } from '../src/plan/schema.js';
import { compareOptions, MAX_OPTIONS } from '../src/options/compare.js';
import { buildServer } from '../src/server/app.js';
import { checker } from './support/checker.js';

const base = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'example-pcr2015-2023-lots-small-lot.json'), 'utf8')) as Record<string, unknown> & { lots: Record<string, unknown>[] };
const withLots = (n: number) => ({ ...base, lots: Array.from({ length: n }, (_, i) => ({ ...base.lots[i % base.lots.length], id: `lot-${i}`, title: `Lot ${i}` })) });
const single = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'coventry-2024-competitive.json'), 'utf8')) as Record<string, unknown>;

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof PlanValidationError) return e.issues;
    throw e;
  }
  return [];
};

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker: checker(), web: false });
});
afterAll(() => app.close());

describe('lots per plan', () => {
  it(`a plan may list up to ${MAX_LOTS} lots; one more is refused naming lots`, () => {
    expect(MAX_LOTS).toBe(100);
    expect(issuesOf(() => parsePlan(withLots(MAX_LOTS)))).toEqual([]);
    expect(issuesOf(() => parsePlan(withLots(MAX_LOTS + 1)))).toEqual([{ path: 'lots', message: `must list at most ${MAX_LOTS} lots: give a larger procurement in parts, a plan for each` }]);
  });

  it('the API says so with a 400 naming lots, before any lot is checked', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(withLots(1000)) });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual({ path: 'lots', message: expect.stringContaining(`at most ${MAX_LOTS} lots`) });
  });
});

describe('options per comparison', () => {
  it(`up to ${MAX_OPTIONS} options are compared; one more is refused naming options`, async () => {
    expect(MAX_OPTIONS).toBe(10);
    const options = (n: number) => Array.from({ length: n }, () => single);
    expect((await compareOptions(checker(), options(MAX_OPTIONS))).options).toHaveLength(MAX_OPTIONS);
    await expect(compareOptions(checker(), options(MAX_OPTIONS + 1))).rejects.toMatchObject({ issues: [{ path: 'options', message: `give at most ${MAX_OPTIONS} options to compare at once` }] });
    const res = await app.inject({ method: 'POST', url: '/v1/options', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ options: options(MAX_OPTIONS * 2) }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: 'options', message: `give at most ${MAX_OPTIONS} options to compare at once` }]);
  });
});
