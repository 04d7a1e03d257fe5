// The library API for other council tools.
export { createChecker, verdictOf, type Checker, type CheckOptions } from './engine/checker.js';
export { loadRuleSet, RuleSetError, DEFAULT_RULES_DIR, type RuleSet } from './engine/rule-set.js';
export { parsePlan, PlanValidationError, type FieldIssue } from './plan/parse.js';
export { PlanSchema, type Plan, type PlanInput } from './plan/schema.js';
export { ReportSchema, type Report } from './report/schema.js';
export { planJsonSchema, reportJsonSchema } from './plan/json-schema.js';
export { renderReport, type ReportFormat } from './report/render.js';
export { deriveFacts } from './plan/facts.js';
