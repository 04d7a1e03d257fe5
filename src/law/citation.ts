import { z } from 'zod';

/** Where a rule, step or parameter comes from, precisely enough for a lawyer to read it. */
export const Citation = z.strictObject({
  instrument: z.string().min(1).meta({ description: 'e.g. "Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348)".' }),
  provision: z.string().min(1).meta({ description: 'e.g. "reg 9(1)".' }),
  // https only: a citation becomes a link in every report, and no other scheme (javascript:, data:, http:) belongs there.
  url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).meta({ description: 'legislation.gov.uk page or statutory guidance (https).' }),
  note: z.string().optional().meta({ description: 'What was read, or what is uncertain.' }),
});

export type Citation = z.infer<typeof Citation>;
