// JSON Schema of the plan and report formats, generated from the zod schemas
// so the published contract can never drift from what procheck accepts.
import { z } from 'zod';
import { PlanSchema } from './schema.js';
import { ReportSchema } from '../report/schema.js';

export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
