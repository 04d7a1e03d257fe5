// Plan validation issues, said next to the form field they concern, in the
// GOV.UK error message style.
import type { FieldIssue } from '../plan/parse.js';
import type { FieldSpec } from './form-spec.js';
import type { FormError } from './form-values.js';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function message(f: FieldSpec, issue: FieldIssue): string {
  if (/received undefined|^Required$/i.test(issue.message))
    return f.missing ?? (f.kind === 'select' || f.kind === 'radios' || f.kind === 'yes-no' || f.kind === 'checkboxes'
      ? `Select ${lowerFirst(f.label).replace(/\?$/, '')}`
      : `Enter ${lowerFirst(f.label)}`);
  return /^(must|is|should) /.test(issue.message) ? `${f.label} ${issue.message}` : `${f.label}: ${issue.message}`;
}

/** Each issue on the form field whose path it falls under; issues on fields the form does not show are kept apart. */
export function issuesToFormErrors(fields: readonly FieldSpec[], issues: readonly FieldIssue[]): { errors: FormError[]; other: FieldIssue[] } {
  const errors: FormError[] = [];
  const other: FieldIssue[] = [];
  // Longest name first, so "term.extensions.0.months" wins over a shorter prefix.
  const byLength = [...fields].sort((a, b) => b.name.length - a.name.length);
  for (const issue of issues) {
    // An issue on a whole missing section (e.g. "dates") goes to its first field.
    const f =
      byLength.find((x) => issue.path === x.name || issue.path.startsWith(`${x.name}.`)) ??
      (issue.path ? fields.find((x) => x.name.startsWith(`${issue.path}.`)) : undefined);
    if (!f) other.push(issue);
    else if (!errors.some((e) => e.field === f.name)) errors.push({ field: f.name, message: message(f, issue) });
  }
  const order = (e: FormError) => fields.findIndex((f) => f.name === e.field);
  return { errors: errors.sort((a, b) => order(a) - order(b)), other };
}
