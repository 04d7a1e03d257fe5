// The command line: parse arguments, call the core, render. No legal logic here.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet, RuleSetError } from '../engine/rule-set.js';
import { PlanValidationError } from '../plan/parse.js';
import { planJsonSchema, reportJsonSchema } from '../plan/json-schema.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../report/render.js';
import { catalogue, renderCatalogueText } from '../report/render-catalogue.js';
import { EXIT } from './exit-codes.js';

const USAGE = `Usage:
  procheck check <plan.json> [--format text|markdown|json] [--trace] [--rules <dir>]
  procheck schema [plan|report]
  procheck rules [--format text|json] [--rules <dir>]

Exit codes of "check": 0 compliant, 10 review, 11 non-compliant, 12 out-of-scope,
20 invalid plan, 21 usage error, 22 broken rule set.`;

class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

function readPlanFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanValidationError([{ path: '', message: `${path} is not valid JSON: ${(e as Error).message}` }]);
  }
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, trace: { type: 'boolean', default: false }, rules: { type: 'string' } },
  });
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (positionals.length !== 1) throw new UsageError('check needs exactly one plan file');
  const checker = createChecker(loadRuleSet(values.rules));
  const report = await checker.check(readPlanFile(positionals[0]!), { trace: values.trace });
  io.out(renderReport(report, format));
  return EXIT[report.verdict];
}

function schema(args: string[], io: Io): number {
  const which = args[0] ?? 'plan';
  if (which !== 'plan' && which !== 'report') throw new UsageError('schema takes "plan" or "report"');
  io.out(JSON.stringify(which === 'plan' ? planJsonSchema() : reportJsonSchema(), null, 2) + '\n');
  return 0;
}

function rules(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, rules: { type: 'string' } } });
  const ruleSet = loadRuleSet(values.rules);
  if (values.format === 'json') io.out(JSON.stringify({ version: ruleSet.version, rules: catalogue(ruleSet) }, null, 2) + '\n');
  else if (values.format === 'text') io.out(renderCatalogueText(ruleSet));
  else throw new UsageError('--format must be text or json');
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'schema':
        return schema(rest, io);
      case 'rules':
        return rules(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE + '\n');
        return command === undefined ? EXIT.usage : 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof PlanValidationError) {
      io.err(e.message + '\n');
      return EXIT.invalidPlan;
    }
    if (e instanceof RuleSetError) {
      io.err(e.message + '\n');
      return EXIT.ruleSetError;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(e as Error).message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
