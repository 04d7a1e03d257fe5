// JSON Schema of the options appraisal, generated from its zod schema.
import { z } from 'zod';
import { OptionsReportSchema } from './schema.js';

export function optionsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(OptionsReportSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
