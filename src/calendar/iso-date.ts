// A calendar date as plans and the rule set write it, with the bounds of what
// a plan can mean: the law procheck knows began in the 2000s and a contract's
// dates lie within a few decades of its procurement (see the plan schema).
import { z } from 'zod';
import { isCivilDate } from './civil-date.js';

const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2199-12-31';

/** A calendar date, ISO 8601 (YYYY-MM-DD): a day in England, with no time of day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCivilDate, 'is not a real calendar date')
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, `must be a date from ${EARLIEST_DATE.slice(0, 4)} to ${LATEST_DATE.slice(0, 4)}`)
  .meta({ format: 'date' });
