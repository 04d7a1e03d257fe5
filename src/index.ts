// The library API for other council tools.
import { createChecker, type Checker, type CheckOptions, type UntrustedOptions } from './engine/checker.js';
import type { PlanInput } from './plan/schema.js';
import type { Report } from './report/schema.js';

let shared: Checker | undefined;

/**
 * Check one plan with the shipped rule set (loaded once, on first use).
 * Typed: a plan of the wrong shape fails to compile. Input of unknown shape
 * (a request body, a file) is passed with `{ untrusted: true }`. Either way
 * the plan is validated, and a bad one throws PlanValidationError naming
 * each bad field.
 */
export function checkPlan(plan: PlanInput, options?: CheckOptions): Promise<Report>;
export function checkPlan(input: unknown, options: UntrustedOptions): Promise<Report>;
export function checkPlan(input: unknown, options?: CheckOptions): Promise<Report> {
  shared ??= createChecker();
  return shared.check(input, { ...options, untrusted: true });
}

export { createChecker, verdictOf, type Checker, type CheckOptions, type UntrustedOptions } from './engine/checker.js';
export { loadRuleSet, RuleSetError, DEFAULT_RULES_DIR, type RuleSet } from './engine/rule-set.js';
export { parsePlan, PlanValidationError, type FieldIssue } from './plan/parse.js';
export { applyAnswers, type Answer } from './plan/answers.js';
export { PlanSchema, type Plan, type PlanInput } from './plan/schema.js';
export { ReportSchema, type Report } from './report/schema.js';
export { planJsonSchema } from './plan/json-schema.js';
export { reportJsonSchema } from './report/json-schema.js';
export { renderReport, type ReportFormat } from './report/render.js';
export { deriveFacts } from './plan/facts.js';
export { proposeTimetable, proposeTimetableForPlan, TimetableRequestSchema, type TimetableRequest } from './timetable/propose.js';
export { ProposedTimetableSchema, type ProposedTimetable } from './report/schema.js';
export { OverlayFile, type Overlay } from './engine/overlay.js';
export { buildServer, type ServerOptions } from './server/app.js';
export { openApiDocument } from './server/openapi.js';
// The review pack: rules in plain English, the catalogue, and what changed between two rule sets.
export { describeRule, findRule, ruleViews, type RuleView } from './review/rule-view.js';
export { buildCatalogue } from './review/catalogue-sections.js';
export { renderCatalogueMarkdown } from './review/catalogue-markdown.js';
export { renderCatalogueHtml } from './review/catalogue-html.js';
export { diffRuleSets, type RuleSetDiff } from './review/rule-set-diff.js';
export { loadCaseBook, loadWorkedCases, loadRuleTests, type CaseBook, type WorkedCase, type RuleTest } from './review/rule-cases.js';
// A contract register: rows to plans, checked in order.
export { parseRegister, readRegister, registerKind, registerRows } from './batch/register.js';
export { fileSource, textSource, type RegisterSource } from './batch/source.js';
export { runBatch, streamBatch, summarise, type BatchResult, type BatchSummary } from './batch/run-batch.js';
export { compareOptions, compareRoutes, OPTIONS_NOTICE } from './options/compare.js';
export { OptionsReportSchema, type OptionsReport, type OptionEntryT } from './options/schema.js';
export { renderOptions, OPTIONS_FORMATS, type OptionsFormat } from './options/render.js';
export { optionsJsonSchema } from './options/json-schema.js';
// Published notices (OCDS) audited: read, merged by ocid, read as plans, checked.
export { auditNotices, auditNoticeFiles, auditProcurement } from './notice/audit.js';
export { readOcds, readOcdsFiles, OcdsReadError, OcdsLimitError, OCDS_LIMITS, type OcdsFile, type OcdsLimits } from './notice/read-ocds.js';
export { mergeByOcid, type Procurement } from './notice/merge.js';
export { noticeToPlan, type NoticePlan } from './notice/to-plan.js';
export { NoticeAuditSchema, NoticeReportSchema, type NoticeAudit, type NoticeReport } from './notice/schema.js';
export { renderNotices, StreamedNotices, NOTICE_FORMATS, type NoticeFormat } from './notice/render.js';
export { auditNdjsonFile, type StreamedAudit } from './notice/stream.js';
export { summaryCsv } from './notice/csv.js';
export { noticeAuditJsonSchema } from './notice/json-schema.js';
// The draft: the procurement sections of a committee report, from the check and the options.
export { draftReport, MAX_DECISIONS, type DraftInput, type DraftOptions } from './draft/compose.js';
export { renderDraft, DRAFT_FORMATS, type DraftFormat } from './draft/render.js';
export { DraftSchema, type Draft } from './draft/schema.js';
export { draftJsonSchema } from './draft/json-schema.js';
export { loadPhrases, PhraseError, type Phrase } from './draft/phrases.js';
