// "Check your answers" from a plan link whose date is not a date (a blank
// dates.procurementStart): the page shows what was given, never a 500.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { encodePlan } from '../src/web/permalink.js';
import { plan } from './support/plans.js';

let app: FastifyInstance;
beforeAll(async () => (app = await buildServer()));
afterAll(() => app.close());

it('a plan link with a date that is not one gives the check page, not a 500', async () => {
  for (const bad of ['', '2026-02-31', 'soon']) {
    const p = plan() as unknown as { dates: Record<string, unknown> };
    p.dates.procurementStart = bad;
    const res = await app.inject({ url: `/questions/check?plan=${encodeURIComponent(encodePlan(p)!)}` });
    expect(res.statusCode, bad).toBeLessThan(500);
    expect(res.body).toContain('Check your answers');
  }
});
