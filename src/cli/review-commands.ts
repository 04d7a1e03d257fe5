// The review pack commands (`rules`, `explain`, `diff`): parse arguments,
// load, call src/review/, print. Bad usage throws UsageError; a broken rule
// set throws RuleSetError (main turns both into exit codes), except in `diff`,
// which must say which of its two directories is broken.
import { existsSync, statSync } from 'node:fs';
import { DEFAULT_CASES_DIR } from '../package-dir.js';
import { parseArgs } from 'node:util';
import { loadRuleSet, RuleSetError, type RuleSet } from '../engine/rule-set.js';
import { createChecker } from '../engine/checker.js';
import { catalogue, overlayCatalogue, renderCatalogueText } from '../review/render-catalogue.js';
import { loadCaseBook } from '../review/rule-cases.js';
import { buildCatalogue } from '../review/catalogue-sections.js';
import { renderCatalogueMarkdown } from '../review/catalogue-markdown.js';
import { renderCatalogueHtml } from '../review/catalogue-html.js';
import { allRuleIds, describeRule, findRule } from '../review/rule-view.js';
import { closeIds } from '../review/suggest-ids.js';
import { evaluateForPlan } from '../review/explain.js';
import { renderExplainMarkdown, renderExplainText } from '../review/render-explain.js';
import { diffRuleSets } from '../review/rule-set-diff.js';
import { renderDiffMarkdown, renderDiffText } from '../review/render-diff.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { readPlanFile } from './read-plan.js';

export interface ReviewIo {
  out(text: string): void;
  err(text: string): void;
}


export { REVIEW_USAGE } from './review-usage.js';

/** "markdown" is what `check` calls it; "md" is what the issue asked for: both work. */
function formatOption(value: string | undefined, allowed: readonly string[]): string {
  const f = value === 'markdown' ? 'md' : (value ?? 'text');
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

export function rulesCommand(args: string[], io: ReviewIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, rules: { type: 'string' }, cases: { type: 'string' } } });
  const format = formatOption(values.format, ['text', 'json', 'md', 'html']);
  const ruleSet = loadRuleSet(values.rules);
  if (format === 'json')
    io.out(JSON.stringify({ version: ruleSet.version, rules: catalogue(ruleSet), overlays: overlayCatalogue(ruleSet) }, null, 2) + '\n');
  else if (format === 'text') io.out(renderCatalogueText(ruleSet));
  else {
    const cat = buildCatalogue(ruleSet, loadCaseBook(values.cases ?? DEFAULT_CASES_DIR));
    io.out(format === 'md' ? renderCatalogueMarkdown(cat) : renderCatalogueHtml(cat));
  }
  return 0;
}

export async function explainCommand(args: string[], io: ReviewIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, rules: { type: 'string' }, cases: { type: 'string' } },
  });
  const format = formatOption(values.format, ['text', 'md', 'json']);
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('explain needs a rule id, and optionally a plan file');
  const [id, planPath] = positionals as [string, string | undefined];
  const ruleSet = loadRuleSet(values.rules);
  const found = findRule(ruleSet, id);
  if (!found) {
    const close = closeIds(id, allRuleIds(ruleSet));
    throw new UsageError(`Unknown rule "${id}".${close.length ? ` Did you mean: ${close.join(', ')}?` : ' "procheck rules" lists them all.'}`);
  }
  const view = describeRule(found.rule, found.ctx, loadCaseBook(values.cases ?? DEFAULT_CASES_DIR));
  let evaluation;
  if (planPath !== undefined) {
    const plan = readPlanFile(planPath);
    const report = await createChecker(ruleSet).check(plan, { trace: true, untrusted: true });
    evaluation = evaluateForPlan(found.rule, found.ctx, report, plan);
  }
  if (format === 'json') io.out(JSON.stringify({ ruleSetVersion: ruleSet.version, rule: view, ...(evaluation ? { plan: evaluation } : {}) }, null, 2) + '\n');
  else io.out(format === 'md' ? renderExplainMarkdown(view, evaluation) : renderExplainText(view, evaluation));
  return 0;
}

function loadSide(dir: string, which: 'old' | 'new'): RuleSet {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`diff: the ${which} rule set "${dir}" is not a directory`);
  try {
    return loadRuleSet(dir);
  } catch (e) {
    if (e instanceof RuleSetError) throw new BrokenSide(which, dir, e);
    throw e;
  }
}

class BrokenSide extends Error {
  constructor(
    readonly which: string,
    readonly dir: string,
    readonly cause: RuleSetError,
  ) {
    super(`The ${which} rule set (${dir}) is broken:\n${cause.message}`);
  }
}

/** Exit 0 when the two rule sets are the same files, 1 when they differ (as diff(1) does), 22 when one will not load. */
export function diffCommand(args: string[], io: ReviewIo): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  const format = formatOption(values.format, ['text', 'md', 'json']);
  if (positionals.length !== 2) throw new UsageError('diff needs two rule set directories: the old and the new');
  const [oldDir, newDir] = positionals as [string, string];
  let oldSet: RuleSet;
  let newSet: RuleSet;
  try {
    oldSet = loadSide(oldDir, 'old');
    newSet = loadSide(newDir, 'new');
  } catch (e) {
    if (e instanceof BrokenSide) {
      io.err(e.message + '\n');
      return EXIT.ruleSetError;
    }
    throw e;
  }
  const diff = diffRuleSets(oldSet, newSet, { old: oldDir, new: newDir });
  if (format === 'json') io.out(JSON.stringify(diff, null, 2) + '\n');
  else io.out(format === 'md' ? renderDiffMarkdown(diff) : renderDiffText(diff));
  return diff.identical ? 0 : 1;
}
