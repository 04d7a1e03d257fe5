// JSON Schema of the plan format, generated from the zod schema so the
// published contract can never drift from what procheck accepts.
import { z } from 'zod';
import { PlanSchema } from './schema.js';

export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
