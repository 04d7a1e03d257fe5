// JSON Schema of the report format, generated from the zod schema so the
// published contract can never drift from what procheck returns.
import { z } from 'zod';
import { ReportSchema } from './schema.js';

export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
