// The shapes of the plan form's questions and sections, shared by the guided
// questions, the question pages of each route and the rest of the plan asked
// in optional sections.

export type FieldKind = 'text' | 'number' | 'integer' | 'date' | 'select' | 'radios' | 'yes-no' | 'list' | 'checkboxes';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** Dotted plan path, e.g. "dates.contractStart". */
  name: string;
  label: string;
  hint?: string;
  kind: FieldKind;
  options?: readonly Option[];
  /** Shown before a number input, e.g. "£". */
  prefix?: string;
  suffix?: string;
  /** A GOV.UK width class for short inputs. */
  width?: 'govuk-input--width-5' | 'govuk-input--width-10' | 'govuk-input--width-20';
  /** The error when a needed answer is missing, where "Enter <label>" would read badly. */
  missing?: string;
  /**
   * Whether the question offers "Not known": for yes-no, false where the plan
   * format needs a firm answer; for radios, true adds a "Not known yet" option
   * (the plan's null); for a date, true adds a "Not known yet" box (the date
   * left out).
   */
  notKnown?: boolean;
  /**
   * Why the question is asked: the law that makes the answer matter, folded
   * under the question ("Why we ask") with the plan field it fills in. The
   * question itself stays in an officer's words.
   */
  why?: string;
}

export interface SectionSpec {
  id: string;
  title: string;
  hint?: string;
  /** Shown folded (GOV.UK details), opened when it holds an answer or an error. */
  optional?: boolean;
  fields: FieldSpec[];
}
