// The rest of the plan format as optional form sections, one per part of the
// plan, built from the plan's JSON Schema: every fact a rule may ask for can
// be answered in the form, and a new plan field appears here with no change.
// The question is the field's own description; its hint names the plan field,
// as the report does when it says what the plan does not state.
import { planJsonSchema } from '../plan/json-schema.js';
import { leafFields, type LeafField, type Schema } from '../plan/schema-walk.js';
import type { FieldSpec, SectionSpec } from './form-types.js';

/** Titles of the optional sections, by the part of the plan they fill in, in the order shown. */
const GROUPS: [prefix: string, title: string][] = [
  ['directAward', 'Direct award and most suitable provider facts (PSR)'],
  ['change', 'The change to the existing contract (extension or modification)'],
  ['urgency', 'Urgency'],
  ['justification', 'Award without competition: the ground relied on'],
  ['frameworkAgreement', 'Framework agreement called off'],
  ['governance', 'Decision-making: conflicts, records, criteria (PSR)'],
  ['intentionNotice', 'The notice of intention to award, as drafted or published (PSR)'],
  ['incumbent', 'More about the existing contract'],
  ['dates', 'More dates'],
  ['timetable', 'Stage lengths, for the timetable'],
  ['staff', 'More about staff'],
  ['services.0', 'More about the service'],
  ['services.1', 'A second service in the same contract (mixed contracts)'],
  ['mixedProcurement', 'Mixed contracts'],
  ['value', 'More about the value'],
  ['authority', 'More about the authority'],
  ['route', 'More about the route'],
  ['contractType', 'Kind of contract'],
  ['description', 'Plan description'],
];

/** Where a field has no description of its own, a label from its name. */
const LABELS: Record<string, string> = {
  description: 'Description of the plan',
  'services.0.description': 'Description of the service',
  'services.1.description': 'Description of the service',
  'change.description': 'What changes',
  'change.effectiveDate': 'When the change takes effect',
  'urgency.reason': 'The reason for the urgency',
  'incumbent.contractStart': 'Start of the current contract',
  'term.extensions.0.months': 'Extension, in months',
};

const NOT_ASKED = new Set(['$schema', 'id']);

/** "Extreme urgency" for "extreme-urgency". */
const words = (value: string) => (value.charAt(0).toUpperCase() + value.slice(1)).replace(/-/g, ' ');

/** The plan format's note on a claim (a fact the authority must assert itself), which is for the hint, in an officer's words. */
const CLAIM_NOTE = /\s*A claim the authority must make itself: left out, it is not relied on[^;]*;\s*null: not known\.?/;

/** The question: the field's description without the Open Contracting mapping or the note on claims, which are for developers. */
function label(f: LeafField): string {
  const text = LABELS[f.path] ?? f.description?.replace(/\s*OCDS:.*$/, '').replace(CLAIM_NOTE, '').trim();
  return text || words(f.path.split('.').at(-1)!.replace(/([A-Z])/g, ' $1').toLowerCase());
}

function question(f: LeafField): FieldSpec {
  const text = label(f);
  const claim = CLAIM_NOTE.test(f.description ?? '') ? 'The authority must claim this itself: left blank, it is not relied on. ' : '';
  const base = { name: f.path, label: f.path.startsWith('services.1.') ? `Second service: ${/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text}` : text, hint: `${claim}Plan field: ${f.path}.` };
  if (f.enum && f.list) return { ...base, kind: 'checkboxes', options: f.enum.map((v) => ({ value: v, label: words(v) })) };
  if (f.list) return { ...base, kind: 'list', hint: `Separate entries with spaces. Plan field: ${f.path}.` };
  if (f.enum) return { ...base, kind: 'select', options: [{ value: '', label: 'Not known, or not relevant' }, ...f.enum.map((v) => ({ value: v, label: words(v) }))] };
  if (f.format === 'date') return { ...base, kind: 'date' };
  if (f.types.includes('boolean')) return { ...base, kind: 'yes-no', notKnown: f.nullable };
  if (f.types.includes('integer')) return { ...base, kind: 'integer', width: 'govuk-input--width-10' };
  if (f.types.includes('number')) return { ...base, kind: 'number', width: 'govuk-input--width-10' };
  return { ...base, kind: 'text' };
}

/** Sections for every plan field the main form does not ask, or none when a part has none left. */
export function moreSections(asked: ReadonlySet<string>, schema: Schema = planJsonSchema()): SectionSpec[] {
  const leaves = leafFields(schema);
  // A mixed contract has more than one service: the form offers a second, shaped as the first.
  const secondService = leaves.filter((f) => f.path.startsWith('services.0.')).map((f) => ({ ...f, path: f.path.replace(/^services\.0\./, 'services.1.') }));
  // Lots are whole contracts of their own, each as long as a plan: they are written in a plan file (sent to the API or uploaded), not asked one by one here.
  const rest = [...leaves, ...secondService].filter(
    (f) => !asked.has(f.path) && !NOT_ASKED.has(f.path) && !f.path.startsWith('source.') && !f.path.startsWith('term.extensions.') && !f.path.startsWith('lots.'),
  );
  const groupOf = (path: string) => GROUPS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[0];
  const orphans = rest.filter((f) => !groupOf(f.path)).map((f) => f.path);
  // A new top-level part of the plan must be given a section title here, or it would silently be missing from the form.
  if (orphans.length) throw new Error(`plan fields with no form section: ${orphans.join(', ')}`);
  return GROUPS.map(([prefix, title]) => ({
    id: `more-${prefix}`,
    title,
    optional: true,
    fields: rest.filter((f) => groupOf(f.path) === prefix).map(question),
  })).filter((s) => s.fields.length > 0);
}
