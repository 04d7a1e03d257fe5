// The HTTP API: parse the request, call the core, send JSON. No legal logic
// here. Clients get field paths for a bad plan and never a stack trace.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createChecker, type Checker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { PlanValidationError } from '../plan/parse.js';
import { planJsonSchema } from '../plan/json-schema.js';
import { reportJsonSchema } from '../report/json-schema.js';
import { catalogue, overlayCatalogue } from '../review/render-catalogue.js';
import { describeRule, findRule } from '../review/rule-view.js';
import { openApiDocument } from './openapi.js';
import { compareOptions, compareRoutes } from '../options/compare.js';
import { registerWeb } from '../web/routes.js';
import { loadExamples } from '../web/examples.js';
import { loadCaseBook } from '../review/rule-cases.js';
import { DEFAULT_CASES_DIR } from '../package-dir.js';

export interface ServerOptions {
  checker?: Checker;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  logger?: boolean;
  /** Serve the web page for officers at / (default true); false serves the API alone. */
  web?: boolean;
  /** Example plans offered on the web page (default: the shipped cases/). */
  examplesDir?: string;
}

export const DEFAULT_BODY_LIMIT = 1_048_576;

const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const checker = options.checker ?? createChecker(loadRuleSet());
  const ruleSet = checker.ruleSet;
  const cases = loadCaseBook(options.examplesDir ?? DEFAULT_CASES_DIR);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });

  await app.register(swagger, { mode: 'static', specification: { document: openApiDocument() as never } });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Every response says what it is and may not be framed; a response that sets no policy of its own gets one:
  // the API reference's (its own scripts and styles, and the inline styles Swagger UI sets), or none at all for data.
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', req.url.startsWith('/docs') ? DOCS_POLICY : DATA_POLICY);
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (error instanceof PlanValidationError)
      return reply.code(400).send({ error: 'invalid-plan', message: 'The plan is not valid', issues: error.issues });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send({ error: 'payload-too-large', message: `The request body is larger than ${app.initialConfig.bodyLimit} bytes` });
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return reply.code(400).send({
        error: 'bad-request',
        message: 'The request body is not valid JSON, or it holds a "__proto__" or "constructor.prototype" key, which is refused',
      });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return reply.code(error.statusCode).send({ error: 'bad-request', message: error.message });
    app.log.error(error);
    return reply.code(500).send({ error: 'internal', message: 'procheck failed to check the plan; please report it' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not-found', message: `No route ${req.method} ${req.url}` }));

  app.get('/healthz', async () => ({ status: 'ok', ruleSetVersion: ruleSet.version }));
  app.get('/openapi.json', async () => openApiDocument());
  app.get('/v1/schema/plan', async () => planJsonSchema());
  app.get('/v1/schema/report', async () => reportJsonSchema());
  app.get('/v1/rules', async () => ({ version: ruleSet.version, rules: catalogue(ruleSet), overlays: overlayCatalogue(ruleSet) }));
  app.get<{ Params: { id: string } }>('/v1/rules/:id', async (req, reply) => {
    const found = findRule(ruleSet, req.params.id);
    if (!found) return reply.code(404).send({ error: 'not-found', message: `No rule "${req.params.id}"` });
    // As written, and as the review pack says it in words (conditions, parameters with dated values, worked cases).
    return { ...found.rule, file: found.ctx.file || null, inWords: describeRule(found.rule, found.ctx, cases) };
  });
  app.post<{ Querystring: { trace?: string } }>('/v1/check', async (req) => {
    const trace = req.query.trace === 'true' || req.query.trace === '1';
    return checker.check(req.body, { trace });
  });
  app.post('/v1/options', async (req) => {
    const body = req.body as { options?: unknown } | null;
    // {"options": [plan, plan, ...]}: the options given; anything else: one plan, whose routes are compared.
    if (body && typeof body === 'object' && !Array.isArray(body) && 'options' in body && !('route' in body)) {
      if (!Array.isArray(body.options)) throw new PlanValidationError([{ path: 'options', message: 'must be a list of plans, each an option' }]);
      return compareOptions(checker, body.options);
    }
    return compareRoutes(checker, body);
  });
  if (options.web ?? true)
    await registerWeb(app, {
      checker,
      examples: loadExamples(options.examplesDir),
      cases,
      fileLimit: app.initialConfig.bodyLimit!,
    });
  return app;
}
