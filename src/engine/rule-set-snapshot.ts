// The shipped rule set, validated once by the build and written beside the
// compiled code as one JSON file, so that a cold `procheck check` need not
// validate some fifty files again. It is used only by the compiled code that
// was built with it, and only while every rule file still hashes to the
// version it records; otherwise the rule set is validated from its files.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParamTable, type ParamDefinition } from '../law/params.js';
import type { RuleDefinition, StepDefinition } from './rule-schema.js';
import type { Overlay } from './overlay.js';
import type { RuleSet } from './rule-set-model.js';
import type { BankHolidayFile } from '../calendar/holiday-data.js';
import { PACKAGE_ROOT } from '../package-dir.js';
import { PROCHECK_VERSION } from '../version.js';

export const SNAPSHOT_FILE = join(PACKAGE_ROOT, 'dist', 'rule-set.snapshot.json');

const OWN_FILE = fileURLToPath(import.meta.url);
/** Running the compiled code (dist/), which the build wrote the snapshot with, not the sources. */
const COMPILED = OWN_FILE.includes(`${sep}dist${sep}`);

interface Snapshot {
  format: 1;
  procheck: string;
  version: string;
  rules: RuleDefinition[];
  steps: [string, StepDefinition][];
  params: ParamDefinition[];
  holidays: BankHolidayFile;
  ruleFiles: [string, string][];
  overlays: [string, Overlay][];
}

/** The snapshot's rule set, when there is one for exactly this version of the rule files; else null. */
export function readSnapshot(version: string, file = SNAPSHOT_FILE, compiled = COMPILED): RuleSet | null {
  if (!compiled || !existsSync(file)) return null;
  let s: Snapshot;
  try {
    // Written by the build after it compiled this code: code compiled again since may read rule files differently.
    if (statSync(file).mtimeMs < statSync(OWN_FILE).mtimeMs) return null;
    s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return null;
  }
  if (s.format !== 1 || s.version !== version || s.procheck !== PROCHECK_VERSION) return null;
  return {
    version: s.version,
    rules: s.rules,
    steps: new Map(s.steps),
    params: new ParamTable(s.params),
    holidays: s.holidays,
    ruleFiles: new Map(s.ruleFiles),
    overlays: new Map(s.overlays),
  };
}

/** Write a validated rule set's snapshot (the build does, after validating the shipped rules). */
export function writeSnapshot(ruleSet: RuleSet, file = SNAPSHOT_FILE): void {
  const s: Snapshot = {
    format: 1,
    procheck: PROCHECK_VERSION,
    version: ruleSet.version,
    rules: ruleSet.rules,
    steps: [...ruleSet.steps],
    params: ruleSet.params.all(),
    holidays: ruleSet.holidays,
    ruleFiles: [...ruleSet.ruleFiles],
    overlays: [...ruleSet.overlays],
  };
  writeFileSync(file, JSON.stringify(s));
}
