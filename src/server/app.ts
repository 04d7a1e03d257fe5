// The HTTP API: parse the request, call the core, send JSON. No legal logic
// here. Clients get field paths for a bad plan and never a stack trace.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createChecker, type Checker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { PlanValidationError } from '../plan/parse.js';
import { applyAnswers } from '../plan/answers.js';
import { planJsonSchema } from '../plan/json-schema.js';
import { reportJsonSchema } from '../report/json-schema.js';
import { catalogue, overlayCatalogue } from '../review/render-catalogue.js';
import { describeRule, findRule } from '../review/rule-view.js';
import { openApiDocument } from './openapi.js';
import { DEFAULT_BODY_LIMIT, NOTICE_BODY_LIMIT, NOTICE_RELEASES_LIMIT } from './limits.js';

export { DEFAULT_BODY_LIMIT, NOTICE_BODY_LIMIT, NOTICE_RELEASES_LIMIT };
import { compareOptions, compareRoutes } from '../options/compare.js';
import { auditNotices } from '../notice/audit.js';
import { MAX_NOTICE_DEPTH, OcdsLimitError, OcdsReadError } from '../notice/read-ocds.js';
import { withinDepth } from '../plan/json-depth.js';
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
  /** Releases read from one request of notices, on the API and the web page (default NOTICE_RELEASES_LIMIT). */
  noticeReleases?: number;
}



const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CHECK_WITH_ANSWERS = 'a check with answers is {"plan": {...}, "answers": [{"planPath": "...", "value": ...}]}';

/**
 * The plan a check request asks about: a bare plan, or {"plan", "answers"}
 * with each answer set at its question's planPath (applyAnswers, as the
 * command line's --ask and the web page merge theirs). A plan has no field
 * "plan" or "answers", so either key marks the second form.
 */
function planOfCheckRequest(body: unknown): unknown {
  if (!isObject(body) || !(Object.hasOwn(body, 'plan') || Object.hasOwn(body, 'answers'))) return body;
  const issues = Object.keys(body)
    .filter((k) => k !== 'plan' && k !== 'answers')
    .map((k) => ({ path: k, message: `unknown field: ${CHECK_WITH_ANSWERS}` }));
  if (!isObject(body.plan)) issues.push({ path: 'plan', message: `must be the plan (a JSON object): ${CHECK_WITH_ANSWERS}` });
  if (body.answers !== undefined && !Array.isArray(body.answers)) issues.push({ path: 'answers', message: 'must be a list of answers, each {"planPath": "<a question\'s planPath>", "value": <the answer, or null for not known>}' });
  if (issues.length) throw new PlanValidationError(issues);
  return applyAnswers(body.plan, (body.answers ?? []) as { planPath: string; value: unknown }[]);
}

/** The kinds of problem the API reports (RFC 9457 `type` /problems/<code>), each with its title. */
export const PROBLEM_TITLES = {
  'invalid-plan': 'The plan is not valid',
  'invalid-notice': 'The notices are not OCDS procheck can read',
  'bad-request': 'The request is not one procheck can read',
  'not-found': 'No such route',
  'method-not-allowed': 'The route does not take this method',
  'unsupported-media-type': 'The request body is not JSON',
  'payload-too-large': 'The request body is too large',
  'over-limit': 'The request asks for more than procheck does in one request',
  internal: 'procheck failed',
} as const;
type ProblemCode = keyof typeof PROBLEM_TITLES;

const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const checker = options.checker ?? createChecker(loadRuleSet());
  const ruleSet = checker.ruleSet;
  const cases = loadCaseBook(options.examplesDir ?? DEFAULT_CASES_DIR);
  const noticeReleases = options.noticeReleases ?? NOTICE_RELEASES_LIMIT;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  // Every route, with its methods, so a known path asked with another method is a 405 that says which it takes.
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = new RegExp(`^${route.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}$`);
    routes.push({ pattern, methods: [route.method].flat() });
  });

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

  // Errors are RFC 9457 problem details (application/problem+json): type, title, status, detail; the
  // field issues of a bad plan as the extension member `issues`, and the short code kept as `error` (with
  // `message` = detail) for clients written against earlier versions.
  const problem = (reply: FastifyReply, status: number, code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) =>
    reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send({ type: `/problems/${code}`, title: PROBLEM_TITLES[code], status, detail, error: code, message: detail, ...extra });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (error instanceof PlanValidationError) return problem(reply, 400, 'invalid-plan', 'The plan is not valid', { issues: error.issues });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(reply, 413, 'payload-too-large', `The request body is larger than ${app.initialConfig.bodyLimit} bytes`);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return problem(reply, 415, 'unsupported-media-type', 'Send the plan as JSON (Content-Type: application/json)');
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return problem(reply, 400, 'bad-request', 'The request body is not valid JSON, or it holds a "__proto__" or "constructor.prototype" key, which is refused');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return problem(reply, error.statusCode, 'bad-request', error.message);
    app.log.error(error);
    return problem(reply, 500, 'internal', 'procheck failed to check the plan; please report it');
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
    const allowed = [...methods];
    // A route that takes the method but found nothing (a missing asset) is a 404, not a 405.
    if (allowed.length && !methods.has(req.method)) return problem(reply.header('allow', allowed.join(', ')), 405, 'method-not-allowed', `${path} takes ${allowed.join(', ')}, not ${req.method}`);
    return problem(reply, 404, 'not-found', `No route ${req.method} ${req.url}`);
  });

  app.get('/healthz', async () => ({ status: 'ok', ruleSetVersion: ruleSet.version }));
  app.get('/openapi.json', async () => openApiDocument());
  app.get('/v1/schema/plan', async () => planJsonSchema());
  app.get('/v1/schema/report', async () => reportJsonSchema());
  app.get('/v1/rules', async () => ({ version: ruleSet.version, rules: catalogue(ruleSet), overlays: overlayCatalogue(ruleSet) }));
  app.get<{ Params: { id: string } }>('/v1/rules/:id', async (req, reply) => {
    const found = findRule(ruleSet, req.params.id);
    if (!found) return problem(reply, 404, 'not-found', `No rule "${req.params.id}"`);
    // As written, and as the review pack says it in words (conditions, parameters with dated values, worked cases).
    return { ...found.rule, file: found.ctx.file || null, inWords: describeRule(found.rule, found.ctx, cases) };
  });
  // The API reads JSON only: a form, text or anything else sent to it is a 415, not a plan that fails.
  const jsonOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && !type.endsWith('+json'))
      return problem(reply, 415, 'unsupported-media-type', `Send the plan as JSON (Content-Type: application/json), not ${type || 'no content type'}`);
  };
  app.post<{ Querystring: { trace?: string } }>('/v1/check', { preHandler: jsonOnly }, async (req) => {
    const trace = req.query.trace === 'true' || req.query.trace === '1';
    return checker.check(planOfCheckRequest(req.body), { trace, untrusted: true });
  });
  // Notices come as JSON, or as the text of a file (NDJSON, or JSON cut short, which only a tolerant reader keeps).
  app.addContentTypeParser(['application/x-ndjson', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const ocdsOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && !type.endsWith('+json') && type !== 'application/x-ndjson' && type !== 'text/plain')
      return problem(reply, 415, 'unsupported-media-type', `Send OCDS as JSON (application/json), NDJSON (application/x-ndjson) or its text (text/plain), not ${type || 'no content type'}`);
  };
  app.post('/v1/notices/check', { preHandler: ocdsOnly, bodyLimit: NOTICE_BODY_LIMIT }, async (req, reply) => {
    // A parsed body is written out again for the reader: refused first if nested past any OCDS document, as the reader would.
    if (typeof req.body !== 'string' && !withinDepth(req.body, MAX_NOTICE_DEPTH))
      return problem(reply, 400, 'invalid-notice', `The request body is nested deeper than ${MAX_NOTICE_DEPTH} levels, far more than any OCDS document`);
    const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    try {
      return await auditNotices(text, checker, 'the request body', undefined, { releases: noticeReleases });
    } catch (e) {
      if (e instanceof OcdsLimitError) return problem(reply, 413, 'over-limit', e.message, { issues: [{ path: e.field, message: e.message }] });
      if (e instanceof OcdsReadError) return problem(reply, 400, 'invalid-notice', e.message);
      throw e;
    }
  });
  app.post('/v1/options', { preHandler: jsonOnly }, async (req) => {
    const body = req.body as { options?: unknown } | null;
    // {"options": [plan, plan, ...]}: the options given; anything else: one plan, whose routes are compared.
    if (body && typeof body === 'object' && !Array.isArray(body) && 'options' in body && !('route' in body)) {
      if (!Array.isArray(body.options)) throw new PlanValidationError([{ path: 'options', message: 'must be a list of plans, each an option' }]);
      return compareOptions(checker, body.options);
    }
    return compareRoutes(checker, body, { untrusted: true });
  });
  if (options.web ?? true)
    await registerWeb(app, {
      checker,
      examples: loadExamples(options.examplesDir),
      cases,
      fileLimit: app.initialConfig.bodyLimit!,
      noticeLimit: NOTICE_BODY_LIMIT,
      noticeReleases,
    });
  return app;
}
