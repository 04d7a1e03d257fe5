// JSON Schema of an audit of published notices, generated from its zod schema.
import { z } from 'zod';
import { NoticeAuditSchema } from './schema.js';

export function noticeAuditJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NoticeAuditSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
