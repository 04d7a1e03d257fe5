// A writable copy of the shipped rule set, for tests that break or change a rule file.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, loadRuleSet, RuleSetError } from '../../src/engine/rule-set.js';

export function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'procheck-rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  return dir;
}

/** Change a JSON file of the copy in place; return a string to write raw text instead. */
export function edit(dir: string, file: string, change: (json: any) => void | string): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const replaced = change(json);
  writeFileSync(path, typeof replaced === 'string' ? replaced : JSON.stringify(json));
}

/** The error loading the rule set gives; fails the test if it loads. */
export function loadError(dir: string): RuleSetError {
  try {
    loadRuleSet(dir);
  } catch (e) {
    if (e instanceof RuleSetError) return e;
    throw e;
  }
  throw new Error('expected the rule set to be rejected');
}
