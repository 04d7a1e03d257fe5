// The web page's routes: parse the form or file, call the core, render a page.
// No legal logic here.
import type { FastifyInstance, FastifyReply } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { Checker } from '../engine/checker.js';
import { parsePlan, planDepthOk, PlanValidationError, type FieldIssue } from '../plan/parse.js';
import { renderReport, type ReportFormat } from '../report/render.js';
import { registerAssets } from './assets.js';
import { allFields, formSections, questionPages } from './form-spec.js';
import { formToPlan, planToForm, type FormError, type FormValues } from './form-values.js';
import { issuesToFormErrors } from './field-errors.js';
import { errorPage, formPage, optionsPage, resultPage, startPage, type Example, type PageMeta } from './pages.js';
import { compareRoutes } from '../options/compare.js';
import { decodePlan } from './permalink.js';
import { lookupIn, readAnswers, type Answer } from './answers.js';
import { answerPage, checkAnswersPage, problemsByPart, questionPage, type Changing } from './questions.js';
import { journey, nextPage, pagesStillToAnswer, withoutDroppedAnswers } from './journey.js';
import type { SummaryError } from './components.js';
import { PROCHECK_VERSION } from '../version.js';
import { buildCatalogue } from '../review/catalogue-sections.js';
import { renderCatalogueHtml } from '../review/catalogue-html.js';
import type { CaseBook } from '../review/rule-cases.js';
import { auditNoticeFiles } from '../notice/audit.js';
import { OcdsLimitError, OcdsReadError } from '../notice/read-ocds.js';
import { NOTICE_TEXT_FIELD, pastedNotices, tooLarge, uploadedNotices, type NoticeInput } from './notice-input.js';
import { noticeFormPage, type NoticeFormInput } from './notice-form.js';
import { noticeResultPage } from './notice-result.js';
import type { Report } from '../report/schema.js';
import type { OptionsReport } from '../options/schema.js';
import type { NoticeText } from './notice-input.js';
import type { DraftFormat } from '../draft/render.js';
import { DRAFT_DOWNLOADS, draftAndPage, draftFile, type DraftPageInput, type WebDraftRequest } from './draft-page.js';

export interface WebOptions {
  checker: Checker;
  /** Where the checks and audits are done: the server's pool of worker threads (src/server/work.ts), off the event loop; by default here, with the checker. */
  work?: WebWork;
  examples: readonly Example[];
  /** The worked cases and rule tests the rule catalogue cites (the examples' folder). */
  cases: CaseBook;
  /** Largest plan file accepted, in bytes. */
  fileLimit: number;
  /** Largest upload or paste of notices accepted, in bytes (a week of releases is larger than any plan); default fileLimit. */
  noticeLimit?: number;
  /** Most releases read from one upload or paste of notices (default: no limit). */
  noticeReleases?: number;
}

/** What the pages ask of the server's pool: the work a page needs, as the checker would give it. */
export interface WebWork {
  check(plan: unknown, options: { trace?: boolean }): Promise<Report>;
  routes(plan: unknown): Promise<OptionsReport>;
  noticePage(files: { files: NoticeText[]; releases: number }, meta: PageMeta): Promise<string>;
  /** The audit as JSON text: the full result, every procurement in full. */
  auditJson(files: { files: NoticeText[]; releases: number }): Promise<string>;
  /** A plan's draft report sections in a format (a download): text, or a Word file's bytes. */
  draft(request: WebDraftRequest, format: DraftFormat): Promise<string | Uint8Array>;
  /** A plan's draft report sections, and their page. */
  draftPage(page: DraftPageInput, meta: PageMeta): Promise<string>;
}

/** The work done on this thread, with the checker (for a web page embedded without the server's pool). */
const workHere = (checker: Checker): WebWork => ({
  check: (plan, o) => checker.check(plan, { trace: o.trace, untrusted: true }),
  routes: (plan) => compareRoutes(checker, plan, { untrusted: true }),
  noticePage: async (f, meta) => noticeResultPage(meta, await auditNoticeFiles(f.files, checker, undefined, { releases: f.releases })),
  auditJson: async (f) => JSON.stringify(await auditNoticeFiles(f.files, checker, undefined, { releases: f.releases })),
  draft: (r, format) => draftFile(checker, r, format),
  draftPage: (p, meta) => draftAndPage(checker, p, meta),
});

const DOWNLOADS: Record<string, { format: ReportFormat; type: string; ext: string }> = {
  json: { format: 'json', type: 'application/json', ext: 'json' },
  markdown: { format: 'markdown', type: 'text/markdown', ext: 'md' },
  html: { format: 'html', type: 'text/html', ext: 'html' },
};

const otherSummary = (issues: readonly FieldIssue[]): SummaryError[] =>
  issues.map((i) => ({ href: '#plan-form', message: `${i.path || 'The plan'}: ${i.message}` }));

/**
 * The pages load only their own scripts, styles and forms: nothing inline and
 * nothing from another host, so a plan's text can never run as script.
 */
export const PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const htmlPage = (reply: FastifyReply, page: string, status = 200, policy = PAGE_POLICY) =>
  reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', policy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(page);

/** A hidden form field holding a plan as JSON; anything else is a client error. */
function planField(body: unknown, name: string): Record<string, unknown> | undefined {
  const text = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof text !== 'string' || !text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw Object.assign(new Error(`The ${name} field is not a plan (a JSON object)`), { statusCode: 400 });
  if (!planDepthOk(value)) throw Object.assign(new Error(`The ${name} field is nested too deep to be a plan`), { statusCode: 400 });
  return value as Record<string, unknown>;
}

/** A file name for what a plan gives: its id where it is a plain one, else "plan". */
const fileStem = (plan: Record<string, unknown>) => (typeof plan.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(plan.id) ? plan.id : 'plan');

/** A form's text box: blank (or only spaces) is none. */
const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A form's answers: each a text or a list of texts (a JSON body of other shapes is a client error naming the field). */
function formValues(body: unknown): FormValues {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw Object.assign(new Error('The form must be sent as fields of text'), { statusCode: 400 });
  for (const [name, v] of Object.entries(body))
    if (!(typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))))
      throw Object.assign(new Error(`The form field ${name} must be text`), { statusCode: 400 });
  return body as FormValues;
}

export async function registerWeb(app: FastifyInstance, options: WebOptions): Promise<void> {
  const { checker, examples } = options;
  const work = options.work ?? workHere(checker);
  const meta: PageMeta = { procheck: PROCHECK_VERSION, ruleSetVersion: checker.ruleSet.version };
  const overlays = [...checker.ruleSet.overlays.values()].sort((a, b) => a.id.localeCompare(b.id));
  const sections = formSections(overlays, checker.ruleSet.params);
  const fields = allFields(sections);
  const pages = questionPages(overlays, checker.ruleSet.params);
  // How the plan form asks each field (option labels, "£"), for the answer boxes of a result's questions.
  const lookup = lookupIn([...pages.flatMap((p) => p.fields), ...fields]);

  await registerAssets(app);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: options.fileLimit, files: 1, fields: 10 } });

  /** The form again, with each problem next to its field. */
  const showForm = (reply: FastifyReply, values: FormValues, errors: FormError[], other: FieldIssue[], basePlan?: unknown, notice?: string) =>
    // 200 as GOV.UK services do: the page itself says "Error:" in its title and summary.
    htmlPage(reply, formPage(meta, { sections, fields, values, errors, otherErrors: otherSummary(other), basePlan, notice }));

  /** Check a plan and show the result; a plan the checker rejects goes back to the form with its problems. */
  async function checkAndShow(reply: FastifyReply, plan: unknown, values: FormValues, opts: { trace?: boolean; basePlan?: unknown; notice?: string; answered?: Answer[] } = {}) {
    try {
      const report = await work.check(plan, { trace: opts.trace });
      return htmlPage(reply, resultPage(meta, report, plan, { lookup, answered: opts.answered }));
    } catch (e) {
      if (!(e instanceof PlanValidationError)) throw e;
      const { errors, other } = issuesToFormErrors(fields, e.issues);
      return showForm(reply, values, errors, other, opts.basePlan, opts.notice);
    }
  }

  app.get('/', (_req, reply) => htmlPage(reply, startPage(meta, examples)));

  // The review pack's catalogue, for a lawyer following a citation from a result.
  const catalogueHtml = renderCatalogueHtml(buildCatalogue(checker.ruleSet, options.cases));
  // The catalogue is one self-contained file (it is also written by `rules --format html`), so its stylesheet is inline.
  app.get('/rules', (_req, reply) => htmlPage(reply, catalogueHtml, 200, `${PAGE_POLICY}; style-src 'unsafe-inline'`));

  app.get<{ Querystring: { example?: string } }>('/plan', (req, reply) => {
    const example = req.query.example === undefined ? undefined : examples.find((e) => e.id === req.query.example);
    if (req.query.example !== undefined && !example)
      return htmlPage(reply, errorPage(meta, 'Example not found', `There is no example plan called "${req.query.example}".`), 404);
    return showForm(reply, example ? planToForm(fields, example.plan) : {}, [], [], example?.plan, example ? `Opened the example "${example.title}".` : undefined);
  });

  app.post<{ Body: FormValues }>('/plan', async (req, reply) => {
    const values = formValues(req.body);
    const basePlan = planField(values, 'basePlan');
    const { plan, errors } = formToPlan(fields, values, basePlan ?? {});
    // Say every problem at once: the form's own (a day with no month) and the plan format's.
    let issues: FieldIssue[] = [];
    try {
      parsePlan(plan);
    } catch (e) {
      if (!(e instanceof PlanValidationError)) throw e;
      issues = e.issues;
    }
    const fromPlan = issuesToFormErrors(fields, issues);
    const allErrors = [...errors, ...fromPlan.errors.filter((e) => !errors.some((x) => x.field === e.field))];
    if (allErrors.length || fromPlan.other.length) {
      const order = (e: FormError) => fields.findIndex((f) => f.name === e.field);
      return showForm(reply, values, allErrors.sort((a, b) => order(a) - order(b)), fromPlan.other, basePlan);
    }
    return checkAndShow(reply, plan, values, { basePlan });
  });

  // The question pages: one part of the plan a page, then "Check your answers".
  const planOfLink = (code: unknown): Record<string, unknown> | null => (typeof code === 'string' ? decodePlan(code) : null);
  const changingOf = (list: unknown): Changing | undefined =>
    typeof list === 'string' ? { waiting: list.split(',').filter((id) => pages.some((p) => p.id === id)) } : undefined;
  const showPart = (reply: FastifyReply, id: string, plan: Record<string, unknown>, p: { values?: FormValues; errors?: FormError[]; changing?: Changing } = {}) => {
    if (id === 'check') return htmlPage(reply, checkAnswersPage(meta, { pages, plan, problems: problemsByPart(pages, plan) }));
    // The page as the answers so far make it: only its relevant questions.
    const section = journey(pages, plan).find((s) => s.id === id);
    if (!section) return htmlPage(reply, errorPage(meta, 'Page not found', `There is no question page "${id}" for this plan.`), 404);
    return htmlPage(reply, questionPage(meta, { pages, section, plan, values: p.values ?? planToForm(section.fields, plan), errors: p.errors ?? [], changing: p.changing }));
  };
  app.get<{ Querystring: { plan?: string; example?: string } }>('/questions', (req, reply) => {
    const example = req.query.example === undefined ? undefined : examples.find((e) => e.id === req.query.example);
    return showPart(reply, journey(pages, {})[0]!.id, (example?.plan as Record<string, unknown> | undefined) ?? planOfLink(req.query.plan) ?? {});
  });
  app.get<{ Params: { id: string }; Querystring: { plan?: string; change?: string } }>('/questions/:id', (req, reply) => {
    if (req.query.plan !== undefined && !planOfLink(req.query.plan))
      return htmlPage(reply, errorPage(meta, 'This link holds no answers', 'The link is incomplete or was changed: start again, or open the plan file you saved.'), 400);
    return showPart(reply, req.params.id, planOfLink(req.query.plan) ?? {}, { changing: changingOf(req.query.change) });
  });
  app.post<{ Params: { id: string }; Body: FormValues }>('/questions/:id', (req, reply) => {
    const values = formValues(req.body);
    const plan = planField(values, 'plan') ?? {};
    const changing = values.returnTo === 'check' ? changingOf(values.waiting ?? '') : undefined;
    const section = journey(pages, plan).find((s) => s.id === req.params.id);
    if (!section) return showPart(reply, req.params.id, plan);
    const answered = answerPage(section, values, plan);
    // A problem with this page's answers is said here, by its box; the rest wait for "Check your answers".
    if (answered.errors.length) return showPart(reply, section.id, plan, { values, errors: answered.errors, changing });
    const next = withoutDroppedAnswers(pages, plan, answered.plan);
    if (!changing) return showPart(reply, nextPage(pages, section.id, next)?.id ?? 'check', next);
    // From a change link: only the pages the change made newly relevant, then back to "Check your answers".
    const [first, ...rest] = pagesStillToAnswer(pages, plan, next, changing.waiting).filter((id) => id !== section.id);
    return first ? showPart(reply, first, next, { changing: { waiting: rest } }) : showPart(reply, 'check', next);
  });

  app.post<{ Body: FormValues }>('/plan/edit', (req, reply) => {
    const plan = planField(req.body, 'plan');
    return showForm(reply, planToForm(fields, plan), [], [], plan);
  });

  app.get<{ Params: { id: string } }>('/examples/:id', async (req, reply) => {
    const example = examples.find((e) => e.id === req.params.id);
    if (!example) return htmlPage(reply, errorPage(meta, 'Example not found', `There is no example plan called "${req.params.id}".`), 404);
    return checkAndShow(reply, example.plan, planToForm(fields, example.plan), { basePlan: example.plan });
  });

  app.post('/upload', async (req, reply) => {
    const uploadError = (message: string, status = 200) => htmlPage(reply, startPage(meta, examples, [{ href: '#planFile', message }]), status);
    if (!req.isMultipart()) return uploadError('Select a plan file');
    let buffer: Buffer;
    let filename: string;
    try {
      const file = await req.file();
      if (!file || !file.filename) return uploadError('Select a plan file');
      filename = file.filename;
      buffer = await file.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return uploadError(`The selected file must be smaller than ${Math.round(options.fileLimit / 1024)} KB`);
      // A body that is not the multipart form it says it is (no boundary, the wrong one, cut short): the browser's request was broken.
      return uploadError('The upload did not arrive whole: select the plan file and upload it again', 400);
    }
    if (!buffer.length) return uploadError('The selected file is empty');
    let plan: unknown;
    try {
      plan = JSON.parse(buffer.toString('utf8'));
    } catch (e) {
      return uploadError(`The selected file is not a plan in JSON: ${(e as Error).message}`);
    }
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) return uploadError('The selected file is not a plan: it must hold one JSON object');
    // A report saved from this page carries its plan: opening the report opens the plan.
    if ('procheck' in plan && 'verdict' in plan && 'findings' in plan) {
      const input = (plan as { input?: unknown }).input;
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        return uploadError('The selected file is a procheck report without its plan: open the plan file, or a JSON report downloaded from this page');
      plan = input;
    }
    if (!planDepthOk(plan)) return uploadError('The selected file is not a plan: it is nested far deeper than any plan', 400);
    return checkAndShow(reply, plan, planToForm(fields, plan), {
      basePlan: plan,
      notice: `Your file ${filename} has problems. It is open in the form so you can fix them.`,
    });
  });

  // Published notices (OCDS), uploaded as files or pasted, audited by src/notice.
  const noticeLimit = options.noticeLimit ?? options.fileLimit;
  const showNoticeForm = (reply: FastifyReply, p: Omit<NoticeFormInput, 'limit'> = {}, status = 200) => htmlPage(reply, noticeFormPage(meta, { ...p, limit: noticeLimit }), status);
  async function auditAndShow(reply: FastifyReply, input: NoticeInput) {
    // A problem with what was given is the officer's to fix, said by its box: a 4xx, and the page still renders.
    if (!input.ok) return showNoticeForm(reply, { error: input, pasted: input.pasted }, input.status);
    try {
      const files = { files: input.files, releases: options.noticeReleases ?? Number.POSITIVE_INFINITY };
      // The full result as a file: every procurement in full, which a page bounds.
      if (input.download)
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="notices-checked.json"')
          .send(await work.auditJson(files));
      return htmlPage(reply, await work.noticePage(files, meta));
    } catch (e) {
      if (!(e instanceof OcdsReadError)) throw e;
      return showNoticeForm(reply, { error: { field: input.field, message: e.message }, pasted: input.pasted }, e instanceof OcdsLimitError ? 413 : 400);
    }
  }
  app.get('/notices', (_req, reply) => showNoticeForm(reply));
  app.post<{ Body: FormValues }>(
    '/notices',
    {
      bodyLimit: noticeLimit,
      // Text pasted past the limit is refused before the route runs: said by its box, not as the API's JSON problem.
      errorHandler: (error: Error & { code?: string }, _req, reply) => {
        if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
        const problem = tooLarge(NOTICE_TEXT_FIELD, noticeLimit);
        return showNoticeForm(reply, { error: problem }, problem.status);
      },
    },
    async (req, reply) => auditAndShow(reply, req.isMultipart() ? await uploadedNotices(req, noticeLimit) : pastedNotices(formValues(req.body))),
  );

  app.post<{ Body: FormValues }>('/result', async (req, reply) => {
    const plan = planField(req.body, 'plan');
    return checkAndShow(reply, plan, planToForm(fields, plan), { trace: req.body?.trace === 'true', basePlan: plan });
  });

  // Answer in place: a result's open questions answered on the result page, merged into the plan at their plan paths, and the plan checked again.
  app.post<{ Body: FormValues }>('/answers', async (req, reply) => {
    const values = formValues(req.body);
    const plan = planField(values, 'plan');
    if (!plan) return htmlPage(reply, errorPage(meta, 'No plan to answer for', 'Open a plan and check it first, then answer its questions on the result.'), 400);
    let report;
    try {
      report = await work.check(plan, {});
    } catch (e) {
      if (!(e instanceof PlanValidationError)) throw e;
      return checkAndShow(reply, plan, planToForm(fields, plan), { basePlan: plan });
    }
    const read = readAnswers(report.questions, values, plan, lookup);
    // A bad answer is said by its box, on the result it was given on, with the error summary at the top.
    if (read.errors.length || read.other.length) return htmlPage(reply, resultPage(meta, report, plan, { lookup, values, errors: read.errors, other: read.other }));
    return checkAndShow(reply, read.plan, planToForm(fields, read.plan), { basePlan: read.plan, answered: read.answers });
  });

  app.post<{ Body: FormValues }>('/options', async (req, reply) => {
    const plan = planField(req.body, 'plan');
    if (!plan) return htmlPage(reply, errorPage(meta, 'No plan to compare', 'Open a plan and check it first, then compare its routes.'), 400);
    try {
      return htmlPage(reply, optionsPage(meta, await work.routes(plan), plan));
    } catch (e) {
      if (!(e instanceof PlanValidationError)) throw e;
      const { errors, other } = issuesToFormErrors(fields, e.issues);
      return showForm(reply, planToForm(fields, plan), errors, other, plan);
    }
  });

  app.post<{ Body: FormValues }>('/report', async (req, reply) => {
    const download = DOWNLOADS[String(req.body?.format)];
    if (!download) throw Object.assign(new Error('format must be json, markdown or html'), { statusCode: 400 });
    const plan = planField(req.body, 'plan');
    const report = await work.check(plan, {});
    return reply
      .type(`${download.type}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="${report.plan.id}-procheck.${download.ext}"`)
      .send(renderReport(report, download.format, { plan, checkedAt: new Date().toISOString() }));
  });

  // The procurement sections of a committee report, drafted from the plan's check (issue 22): a page, and a file for each format.
  app.post<{ Body: FormValues }>('/draft', async (req, reply) => {
    const values = formValues(req.body);
    const plan = planField(values, 'plan');
    if (!plan) return htmlPage(reply, errorPage(meta, 'No plan to draft from', 'Open a plan and check it first, then draft its report sections.'), 400);
    const page: DraftPageInput = { plan, delegate: textOf(values.delegate), decisionMaker: textOf(values.decisionMaker) };
    try {
      return htmlPage(reply, await work.draftPage(page, meta));
    } catch (e) {
      if (!(e instanceof PlanValidationError)) throw e;
      // A name the draft refuses is said by its box, on the draft made without it; a plan the draft refuses goes back to the form.
      const LABEL = { 'options.decisionMaker': ['decisionMaker', 'Who decides'], 'options.delegate': ['delegate', 'Who the award is delegated to'] } as const;
      const named = e.issues.flatMap((i) => (i.path in LABEL ? [{ field: LABEL[i.path as keyof typeof LABEL][0], message: `${LABEL[i.path as keyof typeof LABEL][1]}: ${i.message}` }] : []));
      if (named.length && named.length === e.issues.length) return htmlPage(reply, await work.draftPage({ ...page, errors: named }, meta));
      const { errors, other } = issuesToFormErrors(fields, e.issues.map((i) => ({ ...i, path: i.path.replace(/^plan(\.|$)/, '') })));
      return showForm(reply, planToForm(fields, plan), errors, other, plan);
    }
  });

  app.post<{ Body: FormValues }>('/draft/download', async (req, reply) => {
    const values = formValues(req.body);
    const download = DRAFT_DOWNLOADS[String(values.format)];
    if (!download) throw Object.assign(new Error(`format must be ${Object.keys(DRAFT_DOWNLOADS).join(', ')}`), { statusCode: 400 });
    const plan = planField(values, 'plan');
    if (!plan) throw Object.assign(new Error('There is no plan to draft from'), { statusCode: 400 });
    const file = await work.draft({ plan, today: textOf(values.today), delegate: textOf(values.delegate), decisionMaker: textOf(values.decisionMaker) }, download.format);
    return reply
      .type(download.type)
      .header('content-disposition', `attachment; filename="${fileStem(plan)}-draft.${download.ext}"`)
      .send(typeof file === 'string' ? file : Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  });

  // Save the plan to come back to it: the file opens again in the form (Upload a plan).
  app.post<{ Body: FormValues }>('/plan/download', async (req, reply) => {
    const plan = planField(req.body, 'plan');
    if (!plan) throw Object.assign(new Error('There is no plan to save'), { statusCode: 400 });
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileStem(plan)}.plan.json"`)
      .send(JSON.stringify(plan, null, 2) + '\n');
  });

  // A result's link: the plan in the address, checked again on opening.
  app.get<{ Querystring: { plan?: string } }>('/result', async (req, reply) => {
    const plan = typeof req.query.plan === 'string' ? decodePlan(req.query.plan) : null;
    if (!plan) return htmlPage(reply, errorPage(meta, 'This link holds no plan', 'The link is incomplete or was changed. Open the plan file you saved, or check the plan again.'), 400);
    return checkAndShow(reply, plan, planToForm(fields, plan), { basePlan: plan });
  });
}
