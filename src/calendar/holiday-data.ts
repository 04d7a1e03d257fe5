// The bank-holiday data file (rules/params/bank-holidays.json) and its schema.
import { z } from 'zod';
import { isCivilDate } from './civil-date.js';

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCivilDate, 'is not a real calendar date');
const Holiday = z.strictObject({ date: IsoDay, name: z.string().min(1) });

export const BankHolidayFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.literal('bank-holidays'),
  description: z.string(),
  source: z.strictObject({ title: z.string(), url: z.url(), notes: z.string().optional() }),
  coverage: z.strictObject({ from: IsoDay, to: IsoDay }),
  regions: z.strictObject({
    'england-and-wales': z.array(Holiday),
    scotland: z.array(Holiday),
    'northern-ireland': z.array(Holiday),
  }),
});

export type BankHolidayFile = z.infer<typeof BankHolidayFileSchema>;
export type HolidayRegion = keyof BankHolidayFile['regions'];

/** The file, or what is wrong with it, by path. */
export function parseBankHolidayFile(json: unknown): { file: BankHolidayFile } | { problems: string[] } {
  const parsed = BankHolidayFileSchema.safeParse(json);
  if (parsed.success) return { file: parsed.data };
  return { problems: parsed.error.issues.map((i) => `at ${i.path.join('.') || '(root)'}: ${i.message}`) };
}
