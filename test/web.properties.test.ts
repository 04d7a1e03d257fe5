// Properties of the web form (fast-check): a plan survives the form, and no
// answer an officer can type makes the page fail.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { createChecker } from '../src/engine/checker.js';
import { allFields, formSections } from '../src/web/form-spec.js';
import { formToPlan, planToForm } from '../src/web/form-values.js';
import { planArbitrary } from './support/arbitrary.js';
import { normal } from './support/normal.js';

const checker = createChecker();
const fields = allFields(formSections([...checker.ruleSet.overlays.values()], checker.ruleSet.params));
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ checker });
});
afterAll(() => app.close());


/** The names a posted form can carry: each field's, and a date's three boxes. */
const names = fields.flatMap((f) => (f.kind === 'date' ? ['day', 'month', 'year'].map((p) => `${f.name}-${p}`) : [f.name]));
const answer = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'yes', 'no', 'unknown', '0', '-1', '1e309', '£1,000', '31', '2', '2025', 'competitive', 'psr', 'auto'),
  fc.integer({ min: -5, max: 5000 }).map(String),
);

describe('web form properties', () => {
  it('any plan opened in the form and submitted unchanged is the same plan', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const { plan: back, errors } = formToPlan(fields, planToForm(fields, plan), plan as Record<string, unknown>);
        expect(errors).toEqual([]);
        expect(normal(back)).toEqual(normal(plan));
      }),
      { numRuns: 300 },
    );
  });

  it('whatever is typed into the form, the page answers with a result or with errors by the fields, never a failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), answer, { maxKeys: 25 }), async (values) => {
        const res = await app.inject({
          method: 'POST',
          url: '/plan',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(values).toString(),
        });
        expect(res.statusCode).toBe(200);
        expect(res.body.includes('id="verdict"') !== res.body.includes('govuk-error-summary')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
