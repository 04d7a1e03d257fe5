// `procheck report`: the procurement sections of a committee report, drafted
// from the check of one plan, a plan and its options, or several plans a
// decision each. No legal logic here: parse the arguments, read the files,
// call draftReport, renderDraft, write.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { PlanValidationError, type FieldIssue } from '../plan/parse.js';
import { draftReport, MAX_DECISIONS, type DraftInput } from '../draft/compose.js';
import { MAX_OPTIONS } from '../options/compare.js';
import { DRAFT_FORMATS, renderDraft, type DraftFormat } from '../draft/render.js';
import { readPlanFile } from './read-plan.js';
import { UsageError } from './usage-error.js';
import type { Io } from './main.js';

/** The draft's options as the command's flags, so an error names the flag the user typed. */
const FLAGS: Record<string, string> = { 'options.today': '--today', 'options.delegate': '--delegate', 'options.decisionMaker': '--decision-maker' };

/**
 * An issue's path as the user gave the input: the file a plan came from
 * ("norfolk-option-2.json: dates.contractStart") or the flag ("--today"),
 * not where draftReport put it ("options.0.dates.contractStart").
 */
function inTheirTerms(issue: FieldIssue, files: readonly string[], each: boolean): FieldIssue {
  const flag = FLAGS[issue.path];
  if (flag) return { ...issue, path: flag };
  const m = /^(plan|options|each)(?:\.(\d+))?(?:\.(.*))?$/.exec(issue.path);
  if (!m) return issue;
  const [, where, index, rest] = m;
  const file = where === 'plan' ? files[0] : index === undefined ? undefined : files[Number(index) + (where === 'options' ? 1 : 0)];
  if (file === undefined) return { ...issue, path: where === 'options' ? 'the option files (after the first)' : each ? 'the plan files (--each)' : issue.path };
  return { ...issue, path: rest ? `${file}: ${rest}` : file };
}

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      out: { type: 'string' },
      each: { type: 'boolean', default: false },
      today: { type: 'string' },
      delegate: { type: 'string' },
      'decision-maker': { type: 'string' },
      rules: { type: 'string' },
    },
  });
  const format = values.format as DraftFormat;
  if (!DRAFT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DRAFT_FORMATS.join(', ')}`);
  if (positionals.length === 0) throw new UsageError('report needs a plan file (with its options as more files, or several plans with --each)');
  if (values.each && positionals.length > MAX_DECISIONS) throw new UsageError(`--each drafts at most ${MAX_DECISIONS} decisions at once: give at most ${MAX_DECISIONS} plan files`);
  if (!values.each && positionals.length > MAX_OPTIONS) throw new UsageError(`report compares at most ${MAX_OPTIONS} options of a decision: give a plan and at most ${MAX_OPTIONS - 1} option files`);
  if (values.out === '') throw new UsageError('--out needs a file name');
  // A Word file is bytes: never written to a terminal or a pipe, only to the file --out names.
  if (format === 'docx' && values.out === undefined) throw new UsageError('--format docx writes a Word file: name it with --out <file.docx>');
  const checker = createChecker(loadRuleSet(values.rules));
  const plans = positionals.map(readPlanFile);
  const input: DraftInput = values.each ? { each: plans } : plans.length > 1 ? { plan: plans[0], options: plans.slice(1) } : { plan: plans[0] };
  let draft;
  try {
    draft = await draftReport(checker, input, { today: values.today, delegate: values.delegate, decisionMaker: values['decision-maker'] });
  } catch (e) {
    if (e instanceof PlanValidationError) throw new PlanValidationError(e.issues.map((i) => inTheirTerms(i, positionals, values.each)));
    throw e;
  }
  const output = await renderDraft(draft, format);
  if (values.out === undefined) {
    io.out(output as string);
    return 0;
  }
  try {
    writeFileSync(values.out, output);
  } catch (e) {
    throw new UsageError(`Cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.out(`Wrote the draft (${format}) to ${values.out}\n`);
  return 0;
}
