// What a loaded rule set is, and the error that refuses one: shared by the
// loader, the snapshot and the overlays without importing one another.
import type { RuleDefinition, StepDefinition } from './rule-schema.js';
import type { ParamTable } from '../law/params.js';
import type { BankHolidayFile } from '../calendar/holiday-data.js';
import type { Overlay } from './overlay.js';

export interface RuleSet {
  /** Content hash of every file in the rule set: two reports with the same version were judged by the same law. */
  version: string;
  rules: RuleDefinition[];
  steps: Map<string, StepDefinition>;
  params: ParamTable;
  holidays: BankHolidayFile;
  /** Which file each rule came from, relative to the rule set root. */
  ruleFiles: Map<string, string>;
  /** Local contract procedure rules (rules/local/), by overlay id: applied only to plans that name one (authority.overlay). */
  overlays: Map<string, Overlay>;
}

export class RuleSetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Rule set error in ${file}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RuleSetError';
  }
}
