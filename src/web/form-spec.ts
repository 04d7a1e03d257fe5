// The guided plan form: which plan fields it asks for, in what words, with
// what hints. Labels and hints only: what the answers mean in law is the rule
// set's business. A field's name is its dotted plan path.
import { AuthorityType, RegimeChoice } from '../plan/schema.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';
import { moreSections } from './more-questions.js';
import { routePages, type QuestionPage } from './route-questions/index.js';
import type { ParamTable } from '../law/params.js';
import { formatValue } from '../report/format.js';

export type { FieldKind, FieldSpec, Option, SectionSpec } from './form-types.js';
import type { FieldSpec, Option, SectionSpec } from './form-types.js';

const AUTHORITY_LABELS: Record<(typeof AuthorityType.options)[number], string> = {
  'local-authority': 'Local authority (council)',
  'combined-authority': 'Combined authority',
  icb: 'Integrated care board (ICB)',
  'nhs-england': 'NHS England',
  'nhs-trust': 'NHS trust',
  'foundation-trust': 'NHS foundation trust',
  'other-public-body': 'Other public body',
};

/** The regimes in words, with the dates that decide between them taken from the rule set's own parameters. */
function regimeLabels(params: ParamTable): Record<(typeof RegimeChoice.options)[number], string> {
  const inForce = (id: string) => formatValue(params.latest(id), 'date');
  return {
    psr: `Provider Selection Regime 2023 (health care services, from ${inForce('psr.in-force')})`,
    pcr2015: `Public Contracts Regulations 2015 (procurements started before ${inForce('pa2023.in-force')})`,
    pa2023: `Procurement Act 2023 (procurements started on or after ${inForce('pa2023.in-force')})`,
    auto: 'Not sure: let procheck decide from the facts and dates',
  };
}



const PENSION_LABELS: Option[] = [
  { value: 'lgps', label: 'Local Government Pension Scheme' },
  { value: 'nhs-pension-scheme', label: 'NHS Pension Scheme' },
  { value: 'other-defined-benefit', label: 'Another defined benefit scheme' },
  { value: 'defined-contribution', label: 'A defined contribution scheme' },
  { value: 'unknown', label: 'Not known yet' },
  // The plan's [] (staff in no scheme): unticked, the schemes are not known.
  { value: 'none', label: 'None of them is in a pension scheme' },
];

const AWARDED_UNDER: Option[] = [
  { value: 'psr', label: 'Provider Selection Regime 2023' },
  { value: 'pcr2015', label: 'Public Contracts Regulations 2015' },
  { value: 'pa2023', label: 'Procurement Act 2023' },
  { value: 'pcr2006', label: 'Public Contracts Regulations 2006' },
  { value: 'other', label: 'Other, or not a public contract' },
];

const EXERCISE: Option[] = [
  { value: 'authority-option', label: "At the authority's option" },
  { value: 'mutual-agreement', label: 'By mutual agreement' },
];

const labelled = <K extends string>(labels: Record<K, string>): Option[] =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

const extension = (i: number, ordinal: string): FieldSpec[] => [
  { name: `term.extensions.${i}.months`, label: `${ordinal} extension option, in months`, kind: 'integer', width: 'govuk-input--width-5', suffix: 'months', hint: 'Leave blank if there is none.' },
  { name: `term.extensions.${i}.exercise`, label: `How is the ${ordinal.toLowerCase()} extension exercised?`, kind: 'radios', options: EXERCISE, hint: 'An option the authority can exercise alone, or one that needs the provider to agree.', missing: `Select how the ${ordinal.toLowerCase()} extension is exercised` },
  { name: `term.extensions.${i}.statedInContract`, label: `Is the ${ordinal.toLowerCase()} extension written clearly into the contract and notice?`, kind: 'yes-no', hint: 'An option not written in is a new award.' },
];

type Overlays = readonly { id: string; authority: string; example: boolean }[];

/** The one-page form: the guided questions, then every other plan field in optional sections. */
export function formSections(overlays: Overlays, params: ParamTable): SectionSpec[] {
  const main = mainSections(overlays, params);
  return [...main, ...moreSections(new Set(allFields(main).map((f) => f.name)))];
}

/** The question pages: the guided questions a part a page, then the pages of each route, asked as the answers make them relevant. */
export function questionPages(overlays: Overlays, params: ParamTable): QuestionPage[] {
  return [...mainSections(overlays, params), ...routePages(params)];
}

/** Overlays are the rule set's, so the form is built for a rule set. */
function mainSections(overlays: Overlays, params: ParamTable): SectionSpec[] {
  return [
    {
      id: 'about',
      title: 'About the plan',
      fields: [
        { name: 'title', label: 'Plan title', kind: 'text', hint: 'For example, "Adult drug and alcohol treatment: re-procurement 2026".' },
        { name: 'id', label: 'Plan reference', kind: 'text', width: 'govuk-input--width-20', hint: 'Lower-case letters, digits and hyphens. Leave blank to make one from the title.' },
      ],
    },
    {
      id: 'authority',
      title: 'The commissioning authority',
      fields: [
        { name: 'authority.name', label: 'Authority name', kind: 'text', hint: 'For example, Coventry City Council.' },
        { name: 'authority.type', label: 'Type of authority', kind: 'select', hint: 'Decides whether the Provider Selection Regime can apply and which thresholds are used.', options: labelled(AUTHORITY_LABELS), missing: 'Select the type of authority' },
        {
          name: 'authority.overlay',
          label: 'Local contract procedure rules',
          kind: 'select',
          hint: 'Apply an authority\'s local rules (key decisions, approvals) on top of the law. Choose none to check the law alone.',
          options: [{ value: '', label: 'None: the law only' }, ...overlays.map((o) => ({ value: o.id, label: `${o.authority}${o.example ? ' (example)' : ''}` }))],
        },
      ],
    },
    {
      id: 'service',
      title: 'The service',
      fields: [
        { name: 'services.0.description', label: 'Service description', kind: 'text', hint: 'For example, adult drug and alcohol treatment and recovery service.' },
        { name: 'services.0.cpv', label: 'CPV codes', kind: 'list', width: 'govuk-input--width-20', hint: 'One or more 8-digit codes, separated by spaces. For example, 85312500 (rehabilitation services).' },
        {
          name: 'services.0.healthCare',
          label: 'Is it a health care service?',
          kind: 'yes-no',
          hint: 'A service in the Provider Selection Regime\'s Schedule 1 provided for the health service or a council\'s public health functions, such as drug and alcohol treatment. IT systems, training and goods are not.',
        },
      ],
    },
    {
      id: 'value',
      title: 'Value',
      fields: [
        { name: 'value.annual', label: 'Estimated annual value', kind: 'number', prefix: '£', width: 'govuk-input--width-10', hint: 'The firm and probable provision per year, in pounds.' },
        { name: 'value.vatIncluded', label: 'Does the value include VAT?', kind: 'yes-no', hint: 'procheck compares the value with each threshold on the same VAT basis.', notKnown: false, missing: 'Select whether the value includes VAT' },
        { name: 'value.possibleAnnual', label: 'Possible extra provision per year (optional)', kind: 'number', prefix: '£', width: 'govuk-input--width-10', hint: 'Provision advertised but not committed, if any.' },
      ],
    },
    {
      id: 'term',
      title: 'Contract term',
      fields: [
        { name: 'term.initialMonths', label: 'Initial term, in months', kind: 'integer', width: 'govuk-input--width-5', suffix: 'months', hint: 'For example, 60 for five years.' },
        ...extension(0, 'First'),
        ...extension(1, 'Second'),
        { name: 'term.mobilisationMonths', label: 'Mobilisation, in months', kind: 'number', width: 'govuk-input--width-5', suffix: 'months', hint: 'Time allowed between entering into the contract and the service start.' },
      ],
    },
    {
      id: 'route',
      title: 'Procurement route',
      fields: [
        { name: 'route.regime', label: 'Which rules does the plan follow?', kind: 'radios', hint: 'The regime the plan says it uses. procheck says if another one applies.', options: labelled(regimeLabels(params)), missing: 'Select which rules the plan follows' },
        { name: 'route.process', label: 'Process or procedure', kind: 'select', missing: 'Select the process or procedure', options: labelled(PROCESS_LABELS), hint: 'The award process the plan chooses, or a change to the existing contract.' },
      ],
    },
    {
      id: 'dates',
      title: 'Key dates',
      fields: [
        { name: 'dates.decision', label: 'Decision to proceed', kind: 'date', hint: 'The cabinet or delegated decision. For example, 16 4 2024.' },
        { name: 'dates.procurementStart', label: 'Procurement start', kind: 'date', hint: 'The first notice or, with none, the first approach to the market. For example, 1 5 2024.' },
        { name: 'dates.awardDecision', label: 'Award decision', kind: 'date', hint: 'When the award decision or intention notice is published.' },
        { name: 'dates.contractSigned', label: 'Contract signed', kind: 'date', notKnown: true, hint: 'When the contract is entered into. Select "Not known yet" if the day is not fixed.' },
        { name: 'dates.contractStart', label: 'Service start', kind: 'date', hint: 'When the service under the new arrangement starts. For example, 1 4 2025.' },
      ],
    },
    {
      id: 'incumbent',
      title: 'The existing contract',
      hint: 'Leave this section blank if there is no existing contract.',
      fields: [
        { name: 'incumbent.provider', label: 'Current provider', kind: 'text', hint: 'The organisation providing the service now.' },
        { name: 'incumbent.contractEnd', label: 'End of the current contract', kind: 'date', hint: 'Without extensions not yet exercised.' },
        { name: 'incumbent.awardedUnder', label: 'Rules the current contract was awarded under', kind: 'select', hint: 'An extension or change follows the rules the contract was awarded under.', options: [{ value: '', label: 'Not known' }, ...AWARDED_UNDER] },
      ],
    },
    {
      id: 'staff',
      title: 'Staff (TUPE)',
      fields: [
        { name: 'staff.assignedToService', label: 'Is there a group of staff whose main job is delivering the current service?', kind: 'yes-no', hint: 'If so, TUPE is likely to transfer them to a new provider.' },
        { name: 'staff.pensionSchemes', label: 'Which pension schemes do those staff belong to?', kind: 'checkboxes', options: PENSION_LABELS, hint: 'Select all that apply.' },
      ],
    },
  ];
}

export const allFields = (sections: readonly SectionSpec[]): FieldSpec[] => sections.flatMap((s) => s.fields);

/** The id of a field's element (its first input for a date), for labels and error-summary links; a report's "every entry" path (services[].healthCare) reads services-each-healthCare. */
export const fieldId = (name: string): string => name.replace(/\[\]/g, '.each').replace(/\./g, '-');
export const firstInputId = (f: FieldSpec): string =>
  f.kind === 'date' ? `${fieldId(f.name)}-day` : f.kind === 'radios' || f.kind === 'yes-no' || f.kind === 'checkboxes' ? `${fieldId(f.name)}` : fieldId(f.name);
