// Dated parameters: every number and date of the law lives once, in
// rules/params/*.json, with the period it is in force and its source.
import { z } from 'zod';
import { IsoDate } from '../calendar/iso-date.js';
import { Citation } from './citation.js';

const ParamValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string().min(1)).min(1)]);

export const ParamPeriod = z.strictObject({
  from: IsoDate,
  to: IsoDate.nullable().default(null).meta({ description: 'Last day in force; null while still in force.' }),
  value: ParamValue,
  source: Citation.optional().meta({ description: 'Source of this period\'s value when it differs from the parameter\'s.' }),
  note: z.string().optional(),
});

const Unit = z.enum(['GBP', 'ratio', 'days', 'working-days', 'months', 'years', 'date', 'flag', 'cpv-list', 'count']);
type UnitT = z.infer<typeof Unit>;

/** Why a value cannot be of its unit (null when it can): an amount, count or length is a number no less than 0, and so on. */
function valueProblem(unit: UnitT, value: unknown): string | null {
  switch (unit) {
    case 'GBP':
    case 'ratio':
    case 'days':
    case 'working-days':
    case 'months':
    case 'years':
    case 'count':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number (unit ${unit})`;
      return value < 0 ? `must not be negative (unit ${unit})` : null;
    case 'date':
      return typeof value === 'string' && IsoDate.safeParse(value).success ? null : 'must be a date written YYYY-MM-DD (unit date)';
    case 'flag':
      return typeof value === 'boolean' ? null : 'must be true or false (unit flag)';
    case 'cpv-list':
      return Array.isArray(value) ? null : 'must be a list of CPV codes (unit cpv-list)';
  }
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const ParamDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'must be a dotted id such as psr.standstill.working-days'),
    title: z.string().min(1),
    unit: Unit,
    appliesBy: z
      .enum(['procurementStart', 'contractStart', 'awardDecision'])
      .default('procurementStart')
      .meta({ description: 'Which plan date picks the period in force.' }),
    source: Citation,
    values: z.array(ParamPeriod).min(1),
  })
  // The periods run in order, each from the day after the one before, with no overlap and no gap; only the last may be open.
  .superRefine((p, ctx) => {
    p.values.forEach((v, i) => {
      const problem = valueProblem(p.unit, v.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: problem });
      if (v.to !== null && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['values', i, 'to'], message: `runs backwards: ends ${v.to}, before it begins ${v.from}` });
      const prev = p.values[i - 1];
      if (!prev) return;
      if (prev.to === null) ctx.addIssue({ code: 'custom', path: ['values', i - 1, 'to'], message: 'only the last period may be open-ended (to: null)' });
      else if (v.from <= prev.to) ctx.addIssue({ code: 'custom', path: ['values', i, 'from'], message: `overlaps the period before, which ends ${prev.to}` });
      else if (v.from !== dayAfter(prev.to)) ctx.addIssue({ code: 'custom', path: ['values', i, 'from'], message: `leaves a gap after the period before, which ends ${prev.to}: begin on ${dayAfter(prev.to)}` });
    });
  });

export const ParamFile = z.strictObject({
  $schema: z.string().optional(),
  params: z.array(ParamDefinition).min(1),
});

export type ParamDefinition = z.output<typeof ParamDefinition>;
export type ParamScalar = z.infer<typeof ParamValue>;

export class ParamTable {
  private readonly byId: Map<string, ParamDefinition>;

  constructor(defs: ParamDefinition[]) {
    this.byId = new Map(defs.map((d) => [d.id, d]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): ParamDefinition {
    const def = this.byId.get(id);
    if (!def) throw new Error(`Unknown parameter "${id}"`);
    return def;
  }

  all(): ParamDefinition[] {
    return [...this.byId.values()];
  }

  /** The value in force on `date`, or undefined when no period covers it (e.g. before the law existed). */
  valueOn(id: string, date: string): ParamScalar | undefined {
    return this.get(id).values.find((p) => p.from <= date && (p.to === null || date <= p.to))?.value;
  }

  /**
   * The value a rule sees on the plan's date. A date parameter (e.g. the day a
   * regime came into force) is a fact about the law, not a value in force for
   * a period, so it is the same whatever the plan's date.
   */
  valueForRule(id: string, date: string): ParamScalar | undefined {
    return this.get(id).unit === 'date' ? this.latest(id) : this.valueOn(id, date);
  }

  /** For values that never changed, or when the caller needs the current one regardless of date. */
  latest(id: string): ParamScalar {
    const values = this.get(id).values;
    return values[values.length - 1]!.value;
  }

  number(id: string, date: string): number {
    const v = this.valueOn(id, date) ?? this.latest(id);
    if (typeof v !== 'number') throw new Error(`Parameter "${id}" is not a number`);
    return v;
  }

  /** A list value (e.g. CPV codes) in force on `date`; empty when no period covers it. */
  list(id: string, date: string): readonly string[] {
    const v = this.valueOn(id, date);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new Error(`Parameter "${id}" is not a list`);
    return v;
  }

  /** A number in force on `date`, or null when the law set none then (e.g. a regime not yet in force). */
  numberOn(id: string, date: string): number | null {
    const v = this.valueOn(id, date);
    if (v === undefined) return null;
    if (typeof v !== 'number') throw new Error(`Parameter "${id}" is not a number`);
    return v;
  }

  flagOn(id: string, date: string): boolean | null {
    const v = this.valueOn(id, date);
    if (v === undefined) return null;
    if (typeof v !== 'boolean') throw new Error(`Parameter "${id}" is not a flag`);
    return v;
  }

  date(id: string): string {
    const v = this.latest(id);
    if (typeof v !== 'string') throw new Error(`Parameter "${id}" is not a date`);
    return v;
  }
}
