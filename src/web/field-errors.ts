// Plan validation issues, said next to the form field they concern, in the
// GOV.UK error message style.
import type { FieldIssue } from '../plan/parse.js';
import type { FieldSpec } from './form-spec.js';
import type { FormError } from './form-values.js';
import { planJsonSchema } from '../plan/json-schema.js';
import { leafFields, type Schema } from '../plan/schema-walk.js';

/** "Estimated annual value" -> "estimated annual value", but "CPV codes" stays: an acronym keeps its capitals. */
const lowerFirst = (s: string) => (/^[A-Z][A-Z]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

function message(f: FieldSpec, issue: FieldIssue): string {
  if (/received undefined|^Required$/i.test(issue.message))
    return f.missing ?? (f.kind === 'select' || f.kind === 'radios' || f.kind === 'yes-no' || f.kind === 'checkboxes'
      ? `Select ${lowerFirst(f.label).replace(/\?$/, '')}`
      : `Enter ${lowerFirst(f.label)}`);
  return /^(must|is|should) /.test(issue.message) ? `${f.label} ${issue.message}` : `${f.label}: ${issue.message}`;
}

/** Each issue on the form field whose path it falls under; issues on fields the form does not show are kept apart. */
/** The plan fields each object requires (dates.procurementStart, value.vatIncluded, ...), from the plan's JSON Schema. */
const required = new Set(leafFields(planJsonSchema() as Schema).filter((f) => f.required).map((f) => f.path));

export function issuesToFormErrors(fields: readonly FieldSpec[], issues: readonly FieldIssue[]): { errors: FormError[]; other: FieldIssue[] } {
  const errors: FormError[] = [];
  const other: FieldIssue[] = [];
  // Longest name first, so "term.extensions.0.months" wins over a shorter prefix.
  const byLength = [...fields].sort((a, b) => b.name.length - a.name.length);
  for (const issue of issues) {
    const f = byLength.find((x) => issue.path === x.name || issue.path.startsWith(`${x.name}.`));
    // A whole section missing (e.g. "dates"): every field it requires is missing, and each is said now, by its own box.
    const missingSection = !f && issue.path ? fields.filter((x) => required.has(x.name) && /^(0\.)?[^.]+$/.test(x.name.startsWith(`${issue.path}.`) ? x.name.slice(issue.path.length + 1) : '.')) : [];
    if (f) {
      if (!errors.some((e) => e.field === f.name)) errors.push({ field: f.name, message: message(f, issue) });
    } else if (missingSection.length) {
      for (const x of missingSection) if (!errors.some((e) => e.field === x.name)) errors.push({ field: x.name, message: message(x, issue) });
    } else other.push(issue);
  }
  const order = (e: FormError) => fields.findIndex((f) => f.name === e.field);
  return { errors: errors.sort((a, b) => order(a) - order(b)), other };
}
