// OpenAPI 3.1 description of the HTTP API, built from the same zod schemas
// as the CLI's JSON Schema, so the published contract cannot drift.
import { planJsonSchema } from '../plan/json-schema.js';
import { MAX_LOTS } from '../plan/schema.js';
import { reportJsonSchema } from '../report/json-schema.js';
import { optionsJsonSchema } from '../options/json-schema.js';
import { noticeAuditJsonSchema } from '../notice/json-schema.js';
import { PROCHECK_VERSION } from '../version.js';
import { OCDS_LIMITS } from '../notice/read-ocds.js';
import { DEFAULT_BODY_LIMIT, NOTICE_BODY_LIMIT, NOTICE_RELEASES_LIMIT } from './limits.js';
import { PROBLEM_TITLES } from './problems.js';
import { defaultWorkSettings } from './work.js';
import { MAX_OPTIONS } from '../options/compare.js';
import { draftJsonSchema } from '../draft/json-schema.js';
import { MAX_DECISIONS } from '../draft/compose.js';
import { DOCX_MEDIA_TYPE } from './draft-types.js';

const errorSchema = {
  type: 'object',
  description: 'An RFC 9457 problem details object (application/problem+json).',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: `A URI reference naming the kind of problem: ${Object.keys(PROBLEM_TITLES).map((c, i) => (i === 0 ? `/problems/${c}` : c)).join(', ')}.` },
    title: { type: 'string', description: 'The kind of problem, in words.' },
    status: { type: 'integer', description: 'The HTTP status code.' },
    detail: { type: 'string', description: 'This occurrence of the problem, in words.' },
    issues: {
      type: 'array',
      description: 'Extension member, for invalid-plan: each bad field, by dotted path (an answer\'s by its planPath); for over-limit: the field over its limit (releases).',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    error: { type: 'string', description: 'The kind of problem as a short code (the last part of type), kept for earlier clients.' },
    message: { type: 'string', description: 'The same as detail, kept for earlier clients.' },
  },
} as const;

/** One answer to a report's question, merged over the plan before it is checked. */
const answerSchema = {
  type: 'object',
  description:
    'An answer to one of a report\'s questions (Report.questions[]): the value for the plan field at its planPath, merged over the plan before it is checked. The value is as the question\'s answer JSON Schema (questions[].answer) says; null is "not known" (the field is set to null, left out, or refused where the plan must state it).',
  required: ['planPath', 'value'],
  properties: {
    planPath: {
      type: 'string',
      description:
        'The question\'s planPath: dotted field names (staff.proposedRedundancies); [] for every entry of a list (services[].healthCare); [n] for one (services[0].cpv); lots[] for every lot that states its own copy of the field\'s group but leaves the field unknown (lots[].value.annual). A path that is not a plan field is a 400 naming it.',
    },
    value: { description: 'The answer, as the question\'s answer schema says; null: not known.' },
  },
  additionalProperties: false,
} as const;

/** A plan with answers to its report's questions. */
const planWithAnswersSchema = {
  type: 'object',
  description: 'A plan and answers to its report\'s questions, merged over it (in order, a later answer over an earlier one) before it is checked.',
  required: ['plan'],
  properties: {
    plan: { $ref: '#/components/schemas/Plan' },
    answers: { type: 'array', items: { $ref: '#/components/schemas/Answer' } },
  },
  additionalProperties: false,
} as const;

/** What POST /v1/report drafts from, besides a bare plan. */
const draftRequestSchema = {
  type: 'object',
  description:
    'A decision (plan) with the options a report weighs (options: Norfolk 2017\'s three), or several decisions, a plan each (each: a report service by service, Northamptonshire 2023); with the day the draft is made and who decides and who awards.',
  properties: {
    plan: { $ref: '#/components/schemas/Plan' },
    options: { type: 'array', maxItems: MAX_OPTIONS - 1, items: { $ref: '#/components/schemas/Plan' }, description: 'The other options of the decision, each a plan, compared with plan (the options considered).' },
    each: { type: 'array', minItems: 1, maxItems: MAX_DECISIONS, items: { $ref: '#/components/schemas/Plan' }, description: 'A decision a plan: the report recommends service by service.' },
    today: { type: 'string', format: 'date', description: 'The day the draft is made (YYYY-MM-DD): its timetable runs from it. Default today in England.' },
    delegate: { type: 'string', minLength: 1, description: 'Who the award is delegated to, as the report names them ("the Director of Public Health").' },
    decisionMaker: { type: 'string', minLength: 1, description: 'Who decides ("Cabinet").' },
  },
  oneOf: [{ required: ['plan'] }, { required: ['each'] }],
  additionalProperties: false,
} as const;

const json = (ref: string) => ({ 'application/json': { schema: { $ref: ref } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } } });
const settings = defaultWorkSettings();
/** A 503: the work refused now (busy) or for this request (over-budget), with when to try again. */
const UNAVAILABLE = {
  ...problem(
    `busy: procheck has as much work in hand as it takes (a thread a core, up to four, each running one request's work, and ${settings.queue / settings.threads} a thread waiting), or the request waited ${settings.waitMs / 1000} s for its turn; over-budget: the request's work ran past ${settings.budgetMs / 1000} s, or ${settings.heapMb} MB, and was stopped (send less at once, or use the command line). Retry-After says in how many seconds to try again.`,
  ),
  headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } } },
};
/** The problems any JSON route can answer with besides its own. */
const POST_PROBLEMS = {
  '405': { ...problem('The route takes another method; the Allow header says which'), headers: { Allow: { schema: { type: 'string' } } } },
  '413': problem(`The request body is larger than ${DEFAULT_BODY_LIMIT / 1_048_576} MiB (payload-too-large)`),
  '415': problem('The request body is not JSON (send Content-Type: application/json)'),
  '503': UNAVAILABLE,
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'procheck API',
      version: PROCHECK_VERSION,
      description:
        'Checks an English public-sector commissioning plan against procurement law (PSR 2023, PCR 2015, Procurement Act 2023, TUPE) and returns a verdict, findings with citations and the required steps. Every error is an RFC 9457 problem (application/problem+json). Each input that drives work has a limit, refused past it with a problem naming the field: a body of 1 MiB (32 MiB of notices), 100 lots a plan, 10 options a comparison, 1,000 releases a request of notices; the work of each request runs off the event loop within a time budget, and past the server\'s capacity a request is refused at once with 503 and Retry-After.',
    },
    paths: {
      '/v1/check': {
        post: {
          summary: 'Check a plan, or a plan with answers to its report\'s questions',
          description:
            'The body is a plan, or {"plan": ..., "answers": [{"planPath": ..., "value": ...}]}: the answers to a report\'s questions (each question carries its planPath and its answer JSON Schema), merged over the plan before it is checked. The report\'s questions are what is still open.',
          parameters: [{ name: 'trace', in: 'query', required: false, schema: { type: 'boolean' }, description: 'Include every rule evaluated and the values its conditions saw.' }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Plan' }, { $ref: '#/components/schemas/PlanWithAnswers' }] } } },
          },
          responses: {
            '200': { description: 'The report (whatever the verdict)', content: json('#/components/schemas/Report') },
            '400': problem(`The plan or an answer is not valid: each bad field is named (an answer by its planPath; answers.<n> for an entry that is not {planPath, value}; lots for a plan of more than ${MAX_LOTS} lots)`),
            ...POST_PROBLEMS,
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
                    { type: 'object', required: ['options'], properties: { options: { type: 'array', minItems: 2, maxItems: MAX_OPTIONS, items: { $ref: '#/components/schemas/Plan' } } } },
                  ],
                },
              },
            },
          },
          responses: {
            '200': { description: 'The options appraisal, in recommendation order (not legal advice)', content: json('#/components/schemas/OptionsReport') },
            '400': problem(`A plan is not valid: each bad field is named (options.<n>.<field> for an option; options for more than ${MAX_OPTIONS} options; lots for a plan of more than ${MAX_LOTS} lots)`),
            ...POST_PROBLEMS,
          },
        },
      },
      '/v1/report': {
        post: {
          summary: 'Draft the procurement sections of a committee report from the check: recommendations, options considered, legal implications, timetable, risks and the audit record; drafting, not advice',
          description:
            'The body is a plan (its routes are the options considered), or {"plan", "options"} or {"each"} with "today", "delegate" and "decisionMaker". The Accept header picks the format: application/json (the Draft, every sentence with the phrase it was written from, what it traces to and its footnotes; the default, as for */* or no Accept), text/markdown, text/html (a printable page) or Word (application/vnd.openxmlformats-officedocument.wordprocessingml.document, as an attachment). An Accept that takes none of them is a 406.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Plan' }, { $ref: '#/components/schemas/DraftRequest' }] } } },
          },
          responses: {
            '200': {
              description: 'The draft, in the format the Accept header picks (Vary: Accept)',
              content: {
                ...json('#/components/schemas/Draft'),
                'text/markdown': { schema: { type: 'string', description: 'The draft as Markdown, its footnotes linking legislation.gov.uk.' } },
                'text/html': { schema: { type: 'string', description: 'The draft as a printable HTML page (no script; its own styles).' } },
                [DOCX_MEDIA_TYPE]: { schema: { type: 'string', contentMediaType: DOCX_MEDIA_TYPE, description: 'The draft as a Word file: real headings, numbered paragraphs, tables and footnotes.' } },
              },
            },
            '400': problem(
              `A plan or a drafting option is not valid: each bad field is named where it sits (plan.<field>, options.<n>.<field>, each.<n>.<field>, today, delegate, decisionMaker; options for more than ${MAX_OPTIONS - 1} options, each for more than ${MAX_DECISIONS} decisions)`,
            ),
            '406': problem('The Accept header takes none of application/json, text/markdown, text/html and the Word type (not-acceptable)'),
            ...POST_PROBLEMS,
          },
        },
      },
      '/v1/notices/check': {
        post: {
          summary: 'Audit published notices: OCDS releases, release packages, records or record packages (as Find a Tender and Contracts Finder publish them), each procurement read as a plan and checked, with the notice\'s own words behind each finding',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { type: 'object', description: 'An OCDS release, release package, record or record package.' } },
              'application/x-ndjson': { schema: { type: 'string', description: 'One OCDS document a line, as the Find a Tender API pages them.' } },
              'text/plain': { schema: { type: 'string', description: 'The text of an OCDS file, which may be cut short: what was read whole is used, and the cut is reported.' } },
            },
          },
          responses: {
            '200': { description: 'Each procurement\'s audit and a summary by authority and by kind of defect', content: json('#/components/schemas/NoticeAudit') },
            '400': problem('The body holds no OCDS release procheck can read (invalid-notice), with where'),
            ...POST_PROBLEMS,
            '413': problem(
              `The request body is larger than ${NOTICE_BODY_LIMIT / 1_048_576} MiB (payload-too-large), or holds more than ${NOTICE_RELEASES_LIMIT.toLocaleString('en-GB')} releases (over-limit, with issues [{"path": "releases"}]): send fewer at a time, or use procheck notice on the command line, which has no such limit. A release with more than ${OCDS_LIMITS.awards.toLocaleString('en-GB')} awards, ${OCDS_LIMITS.amendments.toLocaleString('en-GB')} amendments or ${OCDS_LIMITS.list.toLocaleString('en-GB')} entries in any other list is not read, and is listed in summary.unread with the field`,
            ),
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
          responses: { '200': { description: 'The rule' }, '404': problem('No such rule'), '414': problem('The id is longer than any route parameter takes (100 characters): uri-too-long') },
        },
      },
      '/v1/schema/plan': { get: { summary: 'JSON Schema of the plan format', responses: { '200': { description: 'JSON Schema' } } } },
      '/v1/schema/report': { get: { summary: 'JSON Schema of the report', responses: { '200': { description: 'JSON Schema' } } } },
      '/healthz': { get: { summary: 'Liveness, with the rule-set version', responses: { '200': { description: 'ok' } } } },
    },
    components: {
      schemas: {
        ...hoistDefs([planJsonSchema(), reportJsonSchema(), optionsJsonSchema(), noticeAuditJsonSchema(), draftJsonSchema()]),
        Answer: answerSchema,
        DraftRequest: draftRequestSchema,
        PlanWithAnswers: planWithAnswersSchema,
        Error: errorSchema,
      },
    },
  };
}

/**
 * A generated JSON Schema names its parts under its own `$defs` and refers
 * to them as `#/$defs/X`; inside an OpenAPI document those references would
 * point at the document's root. Every part becomes a component schema, and
 * every reference points at it (`#/components/schemas/X`).
 */
function hoistDefs(schemas: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' ? x.replace(/^#\/\$defs\//, '#/components/schemas/') : rewrite(x)]),
      );
    return v;
  };
  for (const schema of schemas) {
    const defs = (schema.$defs ?? {}) as Record<string, unknown>;
    for (const [name, def] of Object.entries(defs)) {
      if (name in out && JSON.stringify(out[name]) !== JSON.stringify(rewrite(def))) throw new Error(`OpenAPI: two schemas both name a part "${name}"`);
      out[name] = rewrite(def);
    }
  }
  return out;
}
