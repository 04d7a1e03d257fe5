// The command line: parse arguments, call the core, render. No legal logic here.
import { parseArgs } from 'node:util';
import { createChecker } from '../engine/checker.js';
import { loadRuleSet, RuleSetError } from '../engine/rule-set.js';
import { PlanValidationError } from '../plan/parse.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../report/render.js';
import { REVIEW_USAGE } from './review-usage.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { readPlanFile } from './read-plan.js';
import type { TimetableRequest } from '../timetable/propose.js';
import type { PlanFormat } from '../report/render-timetable.js';
import type { Terminal } from './ask.js';

const USAGE = `Usage:
  procheck check <plan.json> [--format text|markdown|json|html] [--trace] [--rules <dir>]
  procheck check <plan.json> --ask [--out <answered.json>] [--format text|markdown] [--rules <dir>]
                on a terminal: asks the report's open questions one at a time, writes the answers
                into the plan (or a copy, --out), checks it again and asks what is still open
  procheck check <register.csv|plans.ndjson|plans.jsonl> [--format text|json] [--full] [--trace] [--rules <dir>]
                a plan per row, a line per plan and a summary; exits with the worst row's code
                (20 if any row is malformed)
  procheck schema [plan|report|notice]
${REVIEW_USAGE}
  procheck serve [--port 3000] [--host 127.0.0.1] [--rules <dir>]   web page (/) and HTTP API (/v1/check, /docs)
  procheck options <plan.json> [<option2.json> ...] [--format text|markdown|json|html] [--rules <dir>]
                one plan: every route its regime offers, side by side and ranked;
                several plans: each an option (e.g. a committee report's), compared
  procheck notice <notices.json|notices.ndjson> [<more> ...] [--format text|markdown|json|csv] [--rules <dir>]
                published notices (OCDS releases, packages or records, as Find a Tender and
                Contracts Finder publish them) read as plans and checked: one notice in full,
                many as a line each with a summary by authority and by kind of defect (csv: the
                summary alone); one .ndjson file is read as a stream and written as it goes
  procheck report <plan.json> [<option.json> ...] [--each] [--format markdown|html|json|docx]
                [--out <file>] [--today YYYY-MM-DD] [--delegate "..."] [--decision-maker "..."] [--rules <dir>]
                the procurement sections of a committee report, drafted from the check: one plan
                (its routes as the options), a plan and its options (more files), or with --each a
                decision per file (a report service by service); docx needs --out
  procheck plan <plan.json> [--format text|markdown|json] [--rules <dir>]
  procheck plan --start <date> --regime psr|pcr2015|pa2023 [--process <process>]
                [--mobilisation-months <n>] [--evaluation-weeks <n>] [--tender-days <n>]
                [--approval-weeks <n>] [--transfer <date>] [--no-tupe] [--format ...]

Exit codes of "check": 0 compliant, 5 compliant if (the authority's own acts, each a condition),
10 review, 11 non-compliant, 12 out-of-scope, 20 invalid plan, 21 usage error, 22 broken rule set;
with --ask, the code of the last report's verdict.
Exit codes of "diff": 0 identical, 1 different, 21 usage error, 22 broken rule set.
Exit codes of "options": 0 appraisal given, 20 invalid plan, 21 usage error, 22 broken rule set.
Exit codes of "notice": as "check", by the worst notice (a notice not checked counts as review);
20 a file that is not OCDS, 21 usage error, 22 broken rule set.
Exit codes of "report": 0 draft written, 20 invalid plan or option value, 21 usage error, 22 broken rule set.
Exit codes of "plan": 0 timetable proposed, 20 invalid plan or option value,
21 usage error, 22 broken rule set.`;


export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Where a register's progress bar is drawn (default: err). */
  progress?: (text: string) => void;
  /** Whether stderr is a terminal, so a progress bar may be drawn (default: process.stderr.isTTY). */
  isTTY?: boolean;
  /** The terminal `check --ask` asks on (stdin and stdout, when both are terminals); none: --ask is a usage error. */
  terminal?: Terminal | null;
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      trace: { type: 'boolean', default: false },
      rules: { type: 'string' },
      full: { type: 'boolean', default: false },
      ask: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (values.out !== undefined && !values.ask) throw new UsageError('--out is for --ask: the file the answered plan is written to');
  // A register (many plans) is told by its extension; loaded on demand, as serve is.
  if (positionals.length === 1) {
    const batch = await import('./batch-command.js');
    if (batch.isRegisterFile(positionals[0]!)) {
      if (values.ask) throw new UsageError('--ask is for one plan file, not a register');
      return batch.checkRegister(positionals[0]!, values, io);
    }
  }
  if (values.full) throw new UsageError('--full is for a register (.csv, .ndjson or .jsonl) with --format json');
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (positionals.length !== 1) throw new UsageError('check needs exactly one plan file');
  if (values.ask) {
    if (!io.terminal)
      throw new UsageError(
        '--ask needs a terminal: it asks its questions one at a time, so run it with stdin and stdout a terminal (not piped or redirected). ' +
          'Without one, fill in the fields the report\'s questions name (planPath) in the plan file, or send {"plan": ..., "answers": [...]} to POST /v1/check',
      );
    if (format !== 'text' && format !== 'markdown') throw new UsageError('--ask prints each report as text or markdown, between the questions');
    if (values.out === '') throw new UsageError('--out needs a file name');
    const checker = createChecker(loadRuleSet(values.rules));
    const plan = readPlanFile(positionals[0]!);
    const { askQuestions } = await import('./ask.js');
    return askQuestions(checker, { file: positionals[0]!, out: values.out, trace: values.trace, render: (report) => renderReport(report, format) }, plan, io, io.terminal);
  }
  const checker = createChecker(loadRuleSet(values.rules));
  const plan = readPlanFile(positionals[0]!);
  const report = await checker.check(plan, { trace: values.trace, untrusted: true });
  // The printable page is an audit record: the plan's answers, the time of the check and a sign-off block.
  io.out(renderReport(report, format, format === 'html' ? { plan, checkedAt: new Date().toISOString() } : undefined));
  return EXIT[report.verdict];
}

// Only `check` of one plan loads up front (a cold start is most of a single check); every other command loads what it needs on demand.
async function schema(args: string[], io: Io): Promise<number> {
  const which = args[0] ?? 'plan';
  if (which !== 'plan' && which !== 'report' && which !== 'notice') throw new UsageError('schema takes "plan", "report" or "notice"');
  const schema =
    which === 'plan'
      ? (await import('../plan/json-schema.js')).planJsonSchema()
      : which === 'report'
        ? (await import('../report/json-schema.js')).reportJsonSchema()
        : (await import('../notice/json-schema.js')).noticeAuditJsonSchema();
  io.out(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}

/** The options of `plan` and the request fields they set, so an error names the option the user typed. */
const PLAN_OPTIONS = {
  start: 'contractStart',
  regime: 'regime',
  process: 'process',
  'mobilisation-months': 'mobilisationMonths',
  'evaluation-weeks': 'evaluationWeeks',
  'tender-days': 'tenderPeriodDays',
  'approval-weeks': 'approvalWeeks',
  transfer: 'transferDate',
} as const;
const NUMERIC = new Set(['mobilisationMonths', 'evaluationWeeks', 'tenderPeriodDays', 'approvalWeeks']);

async function plan(args: string[], io: Io): Promise<number> {
  const { proposeTimetable, proposeTimetableForPlan } = await import('../timetable/propose.js');
  const { PLAN_FORMATS, renderProposedTimetable } = await import('../report/render-timetable.js');
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      rules: { type: 'string' },
      'no-tupe': { type: 'boolean', default: false },
      ...Object.fromEntries(Object.keys(PLAN_OPTIONS).map((o) => [o, { type: 'string' as const }])),
    },
  });
  const format = values.format as PlanFormat;
  if (!PLAN_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${PLAN_FORMATS.join(', ')}`);
  const options = values as unknown as Record<keyof typeof PLAN_OPTIONS, string | undefined>;
  const given = Object.entries(PLAN_OPTIONS).filter(([o]) => options[o as keyof typeof PLAN_OPTIONS] !== undefined);
  if (positionals.length > 1) throw new UsageError('plan takes at most one plan file');
  if (positionals.length === 1 && (given.length || values['no-tupe']))
    throw new UsageError('plan takes a plan file or the --start and --regime options, not both');
  if (positionals.length === 0 && (options.start === undefined || options.regime === undefined))
    throw new UsageError('plan needs a plan file, or --start and --regime');
  const ruleSet = loadRuleSet(values.rules);
  if (positionals.length === 1) {
    io.out(renderProposedTimetable(proposeTimetableForPlan(readPlanFile(positionals[0]!), ruleSet), format));
    return 0;
  }
  const request: Record<string, unknown> = { staffTransfer: !values['no-tupe'] };
  for (const [option, field] of given) {
    const raw = options[option as keyof typeof PLAN_OPTIONS]!;
    request[field] = NUMERIC.has(field) && raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
  }
  try {
    io.out(renderProposedTimetable(proposeTimetable(request as TimetableRequest, ruleSet), format));
  } catch (e) {
    // Name the option the user typed, not the field behind it.
    if (e instanceof PlanValidationError) {
      const flag = new Map(Object.entries(PLAN_OPTIONS).map(([o, f]) => [f as string, `--${o}`]));
      throw new PlanValidationError(e.issues.map((i) => ({ ...i, path: flag.get(i.path) ?? i.path })));
    }
    throw e;
  }
  return 0;
}

async function options(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, rules: { type: 'string' } },
  });
  const { compareOptions, compareRoutes } = await import('../options/compare.js');
  const { OPTIONS_FORMATS, renderOptions } = await import('../options/render.js');
  const format = values.format as (typeof OPTIONS_FORMATS)[number];
  if (!OPTIONS_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OPTIONS_FORMATS.join(', ')}`);
  if (positionals.length === 0) throw new UsageError('options needs a plan file (or several, each an option)');
  const checker = createChecker(loadRuleSet(values.rules));
  const plans = positionals.map(readPlanFile);
  const report = plans.length === 1 ? await compareRoutes(checker, plans[0], { untrusted: true }) : await compareOptions(checker, plans);
  io.out(renderOptions(report, format));
  return 0;
}

async function notice(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, rules: { type: 'string' } } });
  const { auditNoticeFiles } = await import('../notice/audit.js');
  const { NOTICE_FORMATS, renderNotices } = await import('../notice/render.js');
  const { OcdsReadError } = await import('../notice/read-ocds.js');
  const { readNoticeFile } = await import('./read-plan.js');
  const { createProgress } = await import('../batch/progress.js');
  const format = values.format as (typeof NOTICE_FORMATS)[number];
  if (!NOTICE_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${NOTICE_FORMATS.join(', ')}`);
  if (positionals.length === 0) throw new UsageError('notice needs a file of notices (or several, read as one)');
  const checker = createChecker(loadRuleSet(values.rules));
  const progress = createProgress({ write: io.progress ?? ((t) => io.err(t)), isTTY: io.isTTY ?? process.stderr.isTTY ?? false, noun: 'notice' });
  const worstOf = (worst: number, n: { verdict: string }) => Math.max(worst, n.verdict === 'not-checked' ? EXIT.review : EXIT[n.verdict as keyof typeof EXIT]);
  // One file of a release a line (a Find a Tender bulk download, a year of notices): read as a stream and written as
  // each procurement is audited, never whole.
  if (positionals.length === 1 && /\.(ndjson|jsonl)$/i.test(positionals[0]!)) {
    const { auditNdjsonFile } = await import('../notice/stream.js');
    const { StreamedNotices } = await import('../notice/render.js');
    const { PROCHECK_VERSION } = await import('../version.js');
    const name = positionals[0]!;
    const out = new StreamedNotices({ procheck: PROCHECK_VERSION, ruleSetVersion: checker.ruleSet.version, file: name }, format, (t) => io.out(t));
    let worst: number = EXIT.compliant;
    const audit = await auditNdjsonFile(name, checker, (n) => {
      worst = worstOf(worst, n);
      out.notice(n);
    }, { onProgress: (done, total) => progress.update(done, total) });
    progress.clear();
    out.end(audit.summary);
    if (audit.summary.notices === 0) {
      io.err(`${name} holds no OCDS release (a release, release package, record or record package a line)\n`);
      return EXIT.invalidPlan;
    }
    return worst;
  }
  const files = positionals.map((name) => ({ name, text: readNoticeFile(name) }));
  try {
    const audit = await auditNoticeFiles(files, checker, (done, total) => progress.update(done, total));
    progress.clear();
    io.out(renderNotices(audit, format));
    // A loop, not Math.max(...codes): a year of notices would pass more arguments than a call can take.
    return audit.notices.reduce(worstOf, EXIT.compliant as number);
  } catch (e) {
    progress.clear();
    if (e instanceof OcdsReadError) {
      io.err(`${e.message}\n`);
      return EXIT.invalidPlan;
    }
    throw e;
  }
}

async function serve(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '3000' }, host: { type: 'string', default: '127.0.0.1' }, rules: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number (0-65535)');
  const { buildServer } = await import('../server/app.js');
  // Checks and audits on the pool of worker threads, each loading the same rule set (src/server/work.ts).
  const app = await buildServer({ checker: createChecker(loadRuleSet(values.rules)), work: { rules: values.rules } });
  let address: string;
  try {
    address = await app.listen({ port, host: values.host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${port} on ${values.host} is already in use: choose another with --port`);
    if (code === 'EACCES') throw new UsageError(`Not allowed to listen on port ${port}: choose a port above 1023 with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Cannot listen on host "${values.host}": give an address of this machine with --host`);
    throw e;
  }
  io.out(`procheck listening on ${address} (web page: ${address}/, API reference: ${address}/docs)\n`);
  await new Promise<void>((resolve) => app.server.on('close', resolve));
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'schema':
        return await schema(rest, io);
      case 'serve':
        return await serve(rest, io);
      case 'rules':
        return (await import('./review-commands.js')).rulesCommand(rest, io);
      case 'explain':
        return await (await import('./review-commands.js')).explainCommand(rest, io);
      case 'diff':
        return (await import('./review-commands.js')).diffCommand(rest, io);
      case 'plan':
        return await plan(rest, io);
      case 'options':
        return await options(rest, io);
      case 'notice':
        return await notice(rest, io);
      case 'report':
        return await (await import('./report-command.js')).reportCommand(rest, io);
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
