// OpenAPI 3.1 description of the HTTP API, built from the same zod schemas
// as the CLI's JSON Schema, so the published contract cannot drift.
import { planJsonSchema } from '../plan/json-schema.js';
import { reportJsonSchema } from '../report/json-schema.js';
import { optionsJsonSchema } from '../options/json-schema.js';
import { PROCHECK_VERSION } from '../version.js';

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'invalid-plan, not-found, payload-too-large, bad-request or internal' },
    message: { type: 'string' },
    issues: {
      type: 'array',
      description: 'For invalid-plan: each bad field, by dotted path.',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;

const json = (ref: string) => ({ 'application/json': { schema: { $ref: ref } } });

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'procheck API',
      version: PROCHECK_VERSION,
      description: 'Checks an English public-sector commissioning plan against procurement law (PSR 2023, PCR 2015, Procurement Act 2023, TUPE) and returns a verdict, findings with citations and the required steps.',
    },
    paths: {
      '/v1/check': {
        post: {
          summary: 'Check a plan',
          parameters: [{ name: 'trace', in: 'query', required: false, schema: { type: 'boolean' }, description: 'Include every rule evaluated and the values its conditions saw.' }],
          requestBody: { required: true, content: json('#/components/schemas/Plan') },
          responses: {
            '200': { description: 'The report (whatever the verdict)', content: json('#/components/schemas/Report') },
            '400': { description: 'The plan is not valid: each bad field is named', content: json('#/components/schemas/Error') },
            '413': { description: 'The request body is too large', content: json('#/components/schemas/Error') },
          },
        },
      },
      '/v1/options': {
        post: {
          summary: 'Compare the routes: every route a plan\'s regime offers, or several options, side by side and ranked',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/Plan' },
                    { type: 'object', required: ['options'], properties: { options: { type: 'array', minItems: 2, items: { $ref: '#/components/schemas/Plan' } } } },
                  ],
                },
              },
            },
          },
          responses: {
            '200': { description: 'The options appraisal, in recommendation order (not legal advice)', content: json('#/components/schemas/OptionsReport') },
            '400': { description: 'A plan is not valid: each bad field is named', content: json('#/components/schemas/Error') },
            '413': { description: 'The request body is too large', content: json('#/components/schemas/Error') },
          },
        },
      },
      '/v1/rules': {
        get: { summary: 'The rule catalogue', responses: { '200': { description: 'Every rule (id, title, regime, severity, citation, file), and the local overlays with theirs' } } },
      },
      '/v1/rules/{id}': {
        get: {
          summary: 'One rule (of the law or a local overlay), as written in the rule set, with `inWords`: its conditions in plain English, its parameters with their dated values and sources, and the worked cases that exercise it',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The rule' }, '404': { description: 'No such rule', content: json('#/components/schemas/Error') } },
        },
      },
      '/v1/schema/plan': { get: { summary: 'JSON Schema of the plan format', responses: { '200': { description: 'JSON Schema' } } } },
      '/v1/schema/report': { get: { summary: 'JSON Schema of the report', responses: { '200': { description: 'JSON Schema' } } } },
      '/healthz': { get: { summary: 'Liveness, with the rule-set version', responses: { '200': { description: 'ok' } } } },
    },
    components: { schemas: { Plan: planJsonSchema(), Report: reportJsonSchema(), OptionsReport: optionsJsonSchema(), Error: errorSchema } },
  };
}
