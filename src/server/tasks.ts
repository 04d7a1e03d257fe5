// The work the server hands to its pool: a check, a comparison, an audit of
// notices. Run the same way on a worker thread or, with no pool, on the
// server's own; each takes and gives only what a thread can be sent (JSON,
// text), and a refusal the caller must see (a bad plan, a file that is not
// OCDS, a limit) comes back as data, to be thrown again on the other side.
import type { Checker } from '../engine/checker.js';
import { applyAnswers } from '../plan/answers.js';
import { PlanValidationError, type FieldIssue } from '../plan/parse.js';
import { compareOptions, compareRoutes } from '../options/compare.js';
import { auditNoticeFiles } from '../notice/audit.js';
import { OcdsLimitError, OcdsReadError } from '../notice/read-ocds.js';
import { noticeResultPage } from '../web/notice-result.js';
import type { PageMeta } from '../web/pages.js';
import { draftReport, MAX_DECISIONS, type DraftInput, type DraftOptions } from '../draft/compose.js';
import { renderDraft, type DraftFormat } from '../draft/render.js';
import { draftAndPage, type DraftPageInput } from '../web/draft-page.js';
import { MAX_OPTIONS } from '../options/compare.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CHECK_WITH_ANSWERS = 'a check with answers is {"plan": {...}, "answers": [{"planPath": "...", "value": ...}]}';

/**
 * The plan a check request asks about: a bare plan, or {"plan", "answers"}
 * with each answer set at its question's planPath (applyAnswers, as the
 * command line's --ask and the web page merge theirs). A plan has no field
 * "plan" or "answers", so either key marks the second form.
 */
export function planOfCheckRequest(body: unknown): unknown {
  if (!isObject(body) || !(Object.hasOwn(body, 'plan') || Object.hasOwn(body, 'answers'))) return body;
  const issues = Object.keys(body)
    .filter((k) => k !== 'plan' && k !== 'answers')
    .map((k) => ({ path: k, message: `unknown field: ${CHECK_WITH_ANSWERS}` }));
  if (!isObject(body.plan)) issues.push({ path: 'plan', message: `must be the plan (a JSON object): ${CHECK_WITH_ANSWERS}` });
  if (body.answers !== undefined && !Array.isArray(body.answers)) issues.push({ path: 'answers', message: 'must be a list of answers, each {"planPath": "<a question\'s planPath>", "value": <the answer, or null for not known>}' });
  if (issues.length) throw new PlanValidationError(issues);
  return applyAnswers(body.plan, (body.answers ?? []) as { planPath: string; value: unknown }[]);
}

const REPORT_REQUEST =
  'a report request is a plan, or {"plan": {...}, "options": [plan, ...]} (the options of one decision) or {"each": [plan, ...]} (a decision a plan), with "today", "delegate" and "decisionMaker" if wanted';
/** The drafting options of a report request, named as the request names them (draftReport names them options.<name>). */
const DRAFT_OPTIONS = ['today', 'delegate', 'decisionMaker'] as const;

/**
 * What a report request asks to draft: a bare plan, or {"plan", "options"?}
 * (a decision and its options: Norfolk 2017) or {"each"} (a decision a plan:
 * Northamptonshire 2023), each with "today", "delegate" and "decisionMaker".
 * A plan has no field "plan" or "each", so either key marks the second form.
 */
export function draftRequest(body: unknown): { input: DraftInput; opts: DraftOptions; bare: boolean } {
  if (!isObject(body) || !(Object.hasOwn(body, 'plan') || Object.hasOwn(body, 'each'))) return { input: { plan: body }, opts: {}, bare: true };
  const given = (k: string) => Object.hasOwn(body, k) && body[k] !== undefined;
  const issues: FieldIssue[] = Object.keys(body)
    .filter((k) => !['plan', 'options', 'each', ...DRAFT_OPTIONS].includes(k))
    .map((k) => ({ path: k, message: `unknown field: ${REPORT_REQUEST}` }));
  if (given('plan') && given('each')) issues.push({ path: 'each', message: `give "plan" (with its "options") or "each", not both: ${REPORT_REQUEST}` });
  if (given('each') && given('options')) issues.push({ path: 'options', message: 'options are the options of one decision\'s plan: with "each", every plan is a decision of its own' });
  if (given('options') && !(Array.isArray(body.options) && body.options.length <= MAX_OPTIONS - 1))
    issues.push({ path: 'options', message: `must be a list of at most ${MAX_OPTIONS - 1} plans, each an option of the decision beside "plan"` });
  if (given('each') && !(Array.isArray(body.each) && body.each.length >= 1 && body.each.length <= MAX_DECISIONS))
    issues.push({ path: 'each', message: `must be a list of 1 to ${MAX_DECISIONS} plans, each a decision of its own` });
  if (issues.length) throw new PlanValidationError(issues);
  const opts = Object.fromEntries(DRAFT_OPTIONS.filter(given).map((k) => [k, body[k]])) as DraftOptions;
  const input = given('each') ? { each: body.each as unknown[] } : { plan: body.plan, ...(given('options') ? { options: body.options as unknown[] } : {}) };
  return { input, opts, bare: false };
}

/**
 * A report request drafted. A field at fault is named as the request has it:
 * a bare plan's by its own path ("dates.contractStart", as /v1/check names
 * it), a drafting option by its name ("today", not "options.today").
 */
async function draftOfRequest(checker: Checker, body: unknown) {
  const { input, opts, bare } = draftRequest(body);
  try {
    return await draftReport(checker, input, opts);
  } catch (e) {
    if (!(e instanceof PlanValidationError)) throw e;
    const named = new Map(DRAFT_OPTIONS.map((k) => [`options.${k}`, k]));
    throw new PlanValidationError(e.issues.map((i) => ({ ...i, path: named.get(i.path) ?? (bare ? i.path.replace(/^plan(\.|$)/, '') : i.path) })));
  }
}

/** The files of notices one request gives: their text and how to name them. */
export interface NoticeFiles {
  files: { text: string; name: string }[];
  /** The most releases read from them together. */
  releases: number;
}

/** One piece of work. `json`: the answer as JSON text, ready to send (serialised where the work was done). */
export type Task =
  /** `answers`: the body may be {"plan", "answers"} (the API's); else it is the plan (the web page's). */
  | { kind: 'check'; body: unknown; trace: boolean; answers?: boolean; json?: boolean }
  | { kind: 'options'; body: unknown; json?: boolean }
  | { kind: 'routes'; plan: unknown }
  | ({ kind: 'audit'; json?: boolean } & NoticeFiles)
  | ({ kind: 'notice-page'; meta: PageMeta } & NoticeFiles)
  /** A report request (the API's body, or the web page's {plan, today, delegate, decisionMaker}) drafted and rendered: text, or a Word file's bytes. */
  | { kind: 'draft'; request: unknown; format: DraftFormat }
  /** The web page's draft of a plan, and its page. */
  | { kind: 'draft-page'; page: DraftPageInput; meta: PageMeta };

/** What a task gives: its value, or the refusal to throw again. */
export type TaskResult =
  | { ok: true; value: unknown }
  | { ok: false; error: 'invalid-plan'; issues: FieldIssue[] }
  | { ok: false; error: 'over-limit'; message: string; field: string; limit: number }
  | { ok: false; error: 'invalid-notice'; message: string };

/** Does one task with this checker. A fault of procheck's own is thrown, not returned. */
export async function runTask(checker: Checker, task: Task): Promise<TaskResult> {
  try {
    const value = await perform(checker, task);
    return { ok: true, value: 'json' in task && task.json ? JSON.stringify(value) : value };
  } catch (e) {
    if (e instanceof PlanValidationError) return { ok: false, error: 'invalid-plan', issues: e.issues };
    if (e instanceof OcdsLimitError) return { ok: false, error: 'over-limit', message: e.message, field: e.field, limit: e.limit };
    if (e instanceof OcdsReadError) return { ok: false, error: 'invalid-notice', message: e.message };
    throw e;
  }
}

async function perform(checker: Checker, task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'check':
      return checker.check(task.answers ? planOfCheckRequest(task.body) : task.body, { trace: task.trace, untrusted: true });
    case 'options': {
      // {"options": [plan, plan, ...]}: the options given; anything else: one plan, whose routes are compared.
      const body = task.body;
      if (isObject(body) && 'options' in body && !('route' in body)) {
        if (!Array.isArray(body.options)) throw new PlanValidationError([{ path: 'options', message: 'must be a list of plans, each an option' }]);
        return compareOptions(checker, body.options);
      }
      return compareRoutes(checker, body, { untrusted: true });
    }
    case 'routes':
      return compareRoutes(checker, task.plan, { untrusted: true });
    case 'audit':
      return auditNoticeFiles(task.files, checker, undefined, { releases: task.releases });
    case 'notice-page':
      return noticeResultPage(task.meta, await auditNoticeFiles(task.files, checker, undefined, { releases: task.releases }));
    case 'draft':
      return renderDraft(await draftOfRequest(checker, task.request), task.format);
    case 'draft-page':
      return draftAndPage(checker, task.page, task.meta);
  }
}

/** The value of a task's result, or its refusal thrown again as the error the caller knows. */
export function valueOf<T>(result: TaskResult): T {
  if (result.ok) return result.value as T;
  switch (result.error) {
    case 'invalid-plan':
      throw new PlanValidationError(result.issues);
    case 'over-limit':
      throw new OcdsLimitError(result.message, result.field, result.limit);
    case 'invalid-notice':
      throw new OcdsReadError(result.message);
  }
}
