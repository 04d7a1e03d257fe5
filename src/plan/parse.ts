// Plan input -> validated plan, or an error that names every bad field.
import type { z } from 'zod';
import { PlanSchema, type Plan } from './schema.js';
import { withinDepth } from './json-depth.js';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "dates.procurementStart" or "services.0.cpv.1". */
  path: string;
  message: string;
}

export class PlanValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid plan:\n${issues.map((i) => `  - ${i.path || '(plan)'}: ${i.message}`).join('\n')}`);
    this.name = 'PlanValidationError';
  }
}

/** zod issues as field issues; an unknown field is reported at the field itself, not at its parent object. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i): FieldIssue[] => {
    const base = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'unknown field' }));
    return [{ path: base, message: i.message }];
  });
}

/** The deepest nesting a plan needs is under ten levels (lots, services, codes); anything far deeper is refused before it is walked. */
export const MAX_PLAN_DEPTH = 32;

/** Is a value nested no deeper than a plan can be? */
export function planDepthOk(value: unknown): boolean {
  return withinDepth(value, MAX_PLAN_DEPTH);
}

/** The error for a value nested too deep to be a plan. */
export function tooDeep(path = ''): PlanValidationError {
  return new PlanValidationError([{ path, message: `is nested more than ${MAX_PLAN_DEPTH} levels deep: no plan is` }]);
}

export function parsePlan(input: unknown): Plan {
  if (!planDepthOk(input)) throw tooDeep();
  const result = PlanSchema.safeParse(input);
  if (result.success) return result.data;
  throw new PlanValidationError(fieldIssues(result.error));
}
