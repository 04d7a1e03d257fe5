// The HTTP API: parse the request, call the core, send JSON. No legal logic
// here. Clients get field paths for a bad plan and never a stack trace.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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
import { DEFAULT_BODY_LIMIT, NOTICE_BODY_LIMIT, NOTICE_RELEASES_LIMIT } from './limits.js';
import { PROBLEM_TITLES, type ProblemCode } from './problems.js';
import { OcdsLimitError, OcdsReadError } from '../notice/read-ocds.js';
import { PAGE_POLICY, registerWeb } from '../web/routes.js';
import { errorPage } from '../web/pages.js';
import { PROCHECK_VERSION } from '../version.js';
import { createWork, defaultWorkSettings, WorkRefused, type WorkSettings } from './work.js';
import { preferredType } from './accept.js';
import { DRAFT_MEDIA_TYPES } from './draft-types.js';

export { DEFAULT_BODY_LIMIT, NOTICE_BODY_LIMIT, NOTICE_RELEASES_LIMIT, PROBLEM_TITLES };
export { defaultWorkSettings, type WorkSettings };
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
  /**
   * The pool of worker threads that checks and audits off the event loop, and its caps (defaultWorkSettings: a
   * thread a core up to four, eight waiting a thread, 20 s of work a request). Given a checker and no settings, the
   * work runs on the server's own thread (threads 0), with that checker: for embedding and tests, not for a network.
   */
  work?: Partial<WorkSettings>;
}


const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries, an error as much as a page: what it is, and that it may not be framed. */
const SECURITY_HEADERS: Record<string, string> = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

/** An RFC 9457 problem as a body: type, title, status, detail; the short code kept as `error` (with `message` = detail) for clients written against earlier versions. */
const problemBody = (status: number, code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) => ({
  type: `/problems/${code}`,
  title: PROBLEM_TITLES[code],
  status,
  detail,
  error: code,
  message: detail,
  ...extra,
});

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const checker = options.checker ?? createChecker(loadRuleSet(options.work?.rules));
  const ruleSet = checker.ruleSet;
  const cases = loadCaseBook(options.examplesDir ?? DEFAULT_CASES_DIR);
  const noticeReleases = options.noticeReleases ?? NOTICE_RELEASES_LIMIT;
  // The problem Fastify itself meets before a route runs (an address it cannot read, a parameter too long), in the API's shape.
  const frameworkError = (error: Error & { code?: string; statusCode?: number }, _req: FastifyRequest, reply: FastifyReply) =>
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem(reply, 414, 'uri-too-long', 'A part of the address is longer than any route takes (at most 100 characters)')
      : problem(reply, error.statusCode ?? 400, 'bad-request', 'The address is not one procheck can read');
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, frameworkErrors: frameworkError, clientErrorHandler });
  const work = createWork(checker, { ...defaultWorkSettings(), ...(options.checker && !options.work ? { threads: 0 } : {}), ...options.work });
  app.addHook('onClose', async () => work.close());
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
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (name !== 'referrer-policy' || !reply.hasHeader(name)) reply.header(name, value);
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', req.url.startsWith('/docs') ? DOCS_POLICY : DATA_POLICY);
    return payload;
  });

  // Errors are RFC 9457 problem details (application/problem+json), with the security headers set here as well as by
  // the hook above, since some of Fastify's own errors are answered before any hook runs.
  function problem(reply: FastifyReply, status: number, code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) {
    return reply
      .code(status)
      .headers({ ...SECURITY_HEADERS, 'content-security-policy': DATA_POLICY })
      .type('application/problem+json; charset=utf-8')
      .send(problemBody(status, code, detail, extra));
  }

  /** A browser's request to a page of the web form (not the API): its errors are a page too. */
  const wantsPage = (req: FastifyRequest) => options.web !== false && !/^\/(v1|openapi\.json|docs|healthz)(\/|$|\?)/.test(req.url) && /text\/html/.test(String(req.headers.accept ?? ''));

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (error instanceof WorkRefused) {
      reply.header('retry-after', String(error.retryAfter));
      if (wantsPage(req))
        return reply
          .code(503)
          .header('content-security-policy', PAGE_POLICY)
          .type('text/html; charset=utf-8')
          .send(errorPage({ procheck: PROCHECK_VERSION, ruleSetVersion: ruleSet.version }, error.reason === 'busy' ? 'procheck is busy' : 'Too much to check at once', error.message));
      return problem(reply, 503, error.reason, error.message);
    }
    if (error instanceof PlanValidationError) return problem(reply, 400, 'invalid-plan', 'The plan is not valid', { issues: error.issues });
    if (error instanceof OcdsLimitError) return problem(reply, 413, 'over-limit', error.message, { issues: [{ path: error.field, message: error.message }] });
    if (error instanceof OcdsReadError) return problem(reply, 400, 'invalid-notice', error.message);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(reply, 413, 'payload-too-large', `The request body is larger than ${req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes`);
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
    // As written, and as the review pack says it in words (conditions, parameters with dated values and sources, worked cases).
    return { ...found.rule, file: found.ctx.file || null, inWords: describeRule(found.rule, found.ctx, cases) };
  });
  // The API reads JSON only: a form, text or anything else sent to it is a 415, not a plan that fails.
  const jsonOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && !type.endsWith('+json'))
      return problem(reply, 415, 'unsupported-media-type', `Send the plan as JSON (Content-Type: application/json), not ${type || 'no content type'}`);
  };
  // The work is done off the event loop, and its answer comes back as JSON text, sent as it is.
  const sendJson = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);
  app.post<{ Querystring: { trace?: string } }>('/v1/check', { preHandler: jsonOnly }, async (req, reply) => {
    const trace = req.query.trace === 'true' || req.query.trace === '1';
    return sendJson(reply, await work.checkJson(req.body, { trace, answers: true }));
  });
  app.post('/v1/options', { preHandler: jsonOnly }, async (req, reply) => sendJson(reply, await work.optionsJson(req.body)));
  // The draft report sections (issue 22), in the format the Accept header picks: the Draft as JSON by default.
  app.post('/v1/report', { preHandler: jsonOnly }, async (req, reply) => {
    reply.header('vary', 'Accept');
    const type = preferredType(req.headers.accept, Object.keys(DRAFT_MEDIA_TYPES));
    if (!type)
      return problem(reply, 406, 'not-acceptable', `POST /v1/report answers as ${Object.keys(DRAFT_MEDIA_TYPES).join(', ')}; the Accept header (${req.headers.accept}) takes none of them`);
    const { format, ext } = DRAFT_MEDIA_TYPES[type]!;
    const body = await work.draft(req.body, format);
    if (typeof body !== 'string')
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="draft-report-sections.${ext}"`)
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    // The printable page carries its own small stylesheet, and nothing else.
    if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return reply.type(`${type}; charset=utf-8`).send(body);
  });
  // Notices come as JSON, NDJSON, or the text of a file (JSON cut short, which only a tolerant reader keeps): each is
  // taken as text and read off the event loop, where a body of 32 MiB is parsed, not here.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['application/json', 'application/x-ndjson', 'text/plain'], { parseAs: 'string', bodyLimit: NOTICE_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const ocdsOnly = async (req: FastifyRequest, reply: FastifyReply) => {
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && !type.endsWith('+json') && type !== 'application/x-ndjson' && type !== 'text/plain')
        return problem(reply, 415, 'unsupported-media-type', `Send OCDS as JSON (application/json), NDJSON (application/x-ndjson) or its text (text/plain), not ${type || 'no content type'}`);
    };
    scope.post('/v1/notices/check', { preHandler: ocdsOnly, bodyLimit: NOTICE_BODY_LIMIT }, async (req, reply) => {
      const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
      return sendJson(reply, await work.auditJson({ files: [{ text, name: 'the request body' }], releases: noticeReleases }));
    });
  });
  if (options.web ?? true)
    await registerWeb(app, {
      checker,
      work,
      examples: loadExamples(options.examplesDir),
      cases,
      fileLimit: app.initialConfig.bodyLimit!,
      noticeLimit: NOTICE_BODY_LIMIT,
      noticeReleases,
    });
  return app;
}

/**
 * A request the HTTP parser cannot read (a header too large, a line that is not HTTP): answered on the socket, before
 * Fastify has a request, as an RFC 9457 problem with the security headers, and the connection closed.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: import('node:net').Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(problemBody(status, 'bad-request', status === 431 ? 'The request headers are too large' : status === 408 ? 'The request took too long to arrive' : 'The request is not HTTP procheck can read'));
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  const headers = { ...SECURITY_HEADERS, 'content-security-policy': DATA_POLICY, 'content-type': 'application/problem+json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
}
