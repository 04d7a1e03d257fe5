// JSON Schema of the draft, generated from its zod schema.
import { z } from 'zod';
import { DraftSchema } from './schema.js';

export function draftJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DraftSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
