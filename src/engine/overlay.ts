// Local contract procedure rules: one overlay per authority (rules/local/<id>.json).
// An overlay adds the authority's own rules (regime "local") on top of the
// law's, for the plans that name it in authority.overlay; without one only
// the law applies. Its parameters, rules and steps are namespaced by its id
// ("local.<id>.") so that nothing else can depend on them.
import { z } from 'zod';
import { ParamDefinition } from '../law/params.js';
import { RuleDefinition, StepDefinition } from './rule-schema.js';

export const OverlaySource = z
  .strictObject({
    document: z.string().min(1).meta({ description: 'The document the overlay is built from (constitution, contract procedure rules, or a committee report).' }),
    section: z.string().min(1).optional(),
    url: z.url().optional(),
  })
  .meta({ description: 'Where the overlay comes from.' });

export const OverlayFile = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case id such as "coventry"')
    .meta({ description: 'The overlay id a plan names in authority.overlay; the same as the file name.' }),
  authority: z.string().min(1).meta({ description: 'The authority whose contract procedure rules these are.' }),
  example: z.boolean().meta({
    description: 'true when the overlay is an illustration built from what a committee report says, not from the authority\'s own constitution and contract procedure rules.',
  }),
  description: z.string().optional(),
  source: OverlaySource,
  params: z.array(ParamDefinition).default([]).meta({ description: 'The overlay\'s own dated parameters, ids "local.<id>.…".' }),
  rules: z.array(RuleDefinition).default([]).meta({ description: 'The overlay\'s rules, regime "local", ids "local.<id>.…".' }),
  steps: z.array(StepDefinition).default([]).meta({ description: 'The steps the overlay\'s rules add, ids "local.<id>.…".' }),
});

export type OverlaySourceT = z.infer<typeof OverlaySource>;

export interface Overlay {
  id: string;
  authority: string;
  example: boolean;
  description?: string | undefined;
  source: OverlaySourceT;
  /** The file it came from, relative to the rule set root. */
  file: string;
  params: ParamDefinition[];
  rules: RuleDefinition[];
  steps: StepDefinition[];
}

/** The prefix every id in the overlay carries. */
export const overlayPrefix = (id: string) => `local.${id}.`;
