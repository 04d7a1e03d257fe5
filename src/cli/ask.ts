// procheck check plan.json --ask: the report's open questions asked at the
// terminal one at a time, each as its answer schema types it (yes / no / not
// known, a choice, a number, a date), with why it is asked as a hint. The
// answers are merged into the plan (applyAnswers, as the API and the web page
// merge theirs), written to the plan file or to --out, the plan is checked again
// and the new report printed; a question the new report still asks is asked
// again, until none is left or the officer stops (Ctrl-C, or a blank answer).
// The prompts are Inquirer's (@inquirer/select, input, checkbox), loaded only here.
import { accessSync, constants, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { styleText } from 'node:util';
import type { Checker } from '../engine/checker.js';
import { longDate } from '../calendar/civil-date.js';
import { applyAnswers } from '../plan/answers.js';
import { parsePlan, PlanValidationError } from '../plan/parse.js';
import { PROCESS_LABELS } from '../plan/process-labels.js';
import type { QuestionT, Report } from '../report/schema.js';
import { answerKind, readDate, readTyped, type AnswerKind, type Typed } from './answer-input.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/** The terminal the questions are asked on. */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; rows?: number; isTTY?: boolean };
}

export interface AskOptions {
  /** The plan file. */
  file: string;
  /** Where the answered plan is written (default: the plan file itself). */
  out?: string;
  trace: boolean;
  render: (report: Report) => string;
}

/** Words for the values of a choice that an officer knows by other names. */
const LABELS: Record<string, string> = {
  ...PROCESS_LABELS,
  psr: 'Provider Selection Regime (PSR 2023)',
  pcr2015: 'Public Contracts Regulations 2015',
  pa2023: 'Procurement Act 2023',
  pcr2006: 'Public Contracts Regulations 2006',
  auto: 'Let procheck decide',
  lgps: 'Local Government Pension Scheme (LGPS)',
  'nhs-pension-scheme': 'NHS Pension Scheme',
  'other-defined-benefit': 'Another defined benefit scheme',
  'defined-contribution': 'A defined contribution scheme',
  unknown: 'A scheme not yet known',
};
const label = (v: string) => (LABELS[v] ? `${LABELS[v]} (${v})` : v);

const NOT_KNOWN: Typed = { kind: 'not-known' };
const STOP: Typed = { kind: 'stop' };
const NOT_KNOWN_CHOICE = { name: 'Not known', value: NOT_KNOWN, description: 'Leave it unknown: the report keeps the question open' };
const STOP_CHOICE = { name: 'Stop here', value: STOP, description: 'Stop asking: the answers given so far are kept' };

const TYPING_HINT: Partial<Record<NonNullable<AnswerKind>, string>> = {
  date: 'Type a date as YYYY-MM-DD or as 1 April 2027',
  integer: 'Type a whole number',
  number: 'Type a number (1500000, £1,500,000 or £1.5m)',
  list: 'Type the entries separated by commas',
  text: 'Type the answer',
};

/** What asking a question gave: an answer as typed, or one the plan needs more than this question to hold. */
type Asked = Typed | { kind: 'elsewhere'; message: string };

const keyOf = (q: QuestionT) => q.planPath ?? q.fact;
/** A question the terminal can ask: it names its field and its answer is a value typed or chosen. */
const askable = (q: QuestionT) => q.planPath !== null && answerKind(q.answer) !== null;

/** Whether a prompt was closed by the officer (Ctrl-C, Ctrl-D) rather than answered. */
const closed = (e: unknown) => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError' || e.name === 'CancelPromptError');

/** Wraps text to the width, each line indented. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** The plan file's own indentation, kept when the answers are written back. */
function indentOf(file: string): string | number {
  try {
    return /^[{[]\s*\n([ \t]+)\S/.exec(readFileSync(file, 'utf8'))?.[1] ?? 2;
  } catch {
    return 2;
  }
}

/** The file can be written (or made), checked before any question is asked. */
function checkWritable(target: string): void {
  try {
    accessSync(existsSync(target) ? target : dirname(target), constants.W_OK);
  } catch (e) {
    throw new UsageError(`Cannot write the answers to ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes the plan whole or not at all: to a file beside it, then renamed over it. */
function writePlan(target: string, plan: unknown, indent: string | number): void {
  const temporary = `${target}.procheck-${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(plan, null, indent) + '\n');
  renameSync(temporary, target);
}

export async function askQuestions(checker: Checker, options: AskOptions, plan: unknown, io: { out(text: string): void }, terminal: Terminal): Promise<number> {
  const [{ default: select }, { default: input }, { default: checkbox }] = await Promise.all([
    import('@inquirer/select'),
    import('@inquirer/input'),
    import('@inquirer/checkbox'),
  ]);
  const target = options.out ?? options.file;
  checkWritable(target);
  const indent = indentOf(options.file);
  const color = terminal.output.isTTY === true && !process.env.NO_COLOR;
  const dim = (t: string) => (color ? styleText('dim', t) : t);
  const bold = (t: string) => (color ? styleText('bold', t) : t);
  const say = (t: string) => terminal.output.write(t);
  const width = () => Math.min(terminal.output.columns ?? 80, 100);
  // Each prompt writes through its own stream: Inquirer ends the stream it is given when the prompt is done.
  const context = () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (terminal.output.write(chunk), done()) });
    for (const key of ['columns', 'rows', 'isTTY'] as const) Object.defineProperty(sink, key, { get: () => terminal.output[key] });
    return { input: terminal.input, output: sink };
  };

  const check = (p: unknown) => checker.check(p, { trace: options.trace, untrusted: true });
  let report = await check(plan);
  io.out(options.render(report));

  /**
   * Why an answer does not fit the plan, in words (null if it fits): `answer` when the value is at fault, so
   * another may be given; `elsewhere` when the plan would need more than this answer (a field beside it that the
   * plan must state, such as the name of a framework first described by the answer).
   */
  const misfit = (q: QuestionT, value: unknown): { answer?: string; elsewhere?: string } | null => {
    try {
      parsePlan(applyAnswers(plan, [{ planPath: q.planPath!, value }]));
      return null;
    } catch (e) {
      if (!(e instanceof PlanValidationError)) throw e;
      const own = e.issues.filter((i) => i.path === q.planPath || i.path === '');
      const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
      if (own.length) return { answer: sentence(own.map((i) => i.message).join('; ')) };
      return { elsewhere: e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
    }
  };

  /** One question asked until it is answered with a value that fits, not known, or stopped. */
  const askOne = async (q: QuestionT): Promise<Asked> => {
    const kind = answerKind(q.answer)!;
    const values = (Array.isArray(q.answer.enum) ? q.answer.enum : ((q.answer.items as { enum?: unknown[] } | undefined)?.enum ?? [])).filter((v): v is string => typeof v === 'string');
    for (;;) {
      let answer: Typed;
      if (kind === 'boolean')
        answer = await select({ message: q.question, choices: [{ name: 'Yes', value: { kind: 'value', value: true } as Typed }, { name: 'No', value: { kind: 'value', value: false } as Typed }, NOT_KNOWN_CHOICE, STOP_CHOICE] }, context());
      else if (kind === 'choice')
        answer = await select({ message: q.question, choices: [...values.map((v) => ({ name: label(v), value: { kind: 'value', value: v } as Typed })), NOT_KNOWN_CHOICE, STOP_CHOICE], pageSize: 12 }, context());
      else if (kind === 'choices') {
        answer = await select({ message: q.question, choices: [{ name: 'Choose from the list', value: { kind: 'value', value: [] } as Typed }, NOT_KNOWN_CHOICE, STOP_CHOICE] }, context());
        if (answer.kind === 'value')
          answer = { kind: 'value', value: await checkbox({ message: `${q.question} (space ticks, enter when done; none ticked: none of them)`, choices: values.map((v) => ({ name: label(v), value: v })), pageSize: 12 }, context()) };
      } else {
        const text = await input(
          {
            message: q.question,
            validate: (typed) => {
              const read = readTyped(typed, kind);
              if (read.kind === 'invalid') return read.message;
              return read.kind === 'value' ? (misfit(q, read.value)?.answer ?? true) : true;
            },
            transformer: (typed, { isFinal }) => {
              const date = kind === 'date' && isFinal ? readDate(typed) : null;
              return date ? longDate(date) : typed;
            },
          },
          context(),
        );
        answer = readTyped(text, kind);
      }
      if (answer.kind !== 'value') return answer;
      const why = misfit(q, answer.value);
      if (!why) return answer;
      if (why.elsewhere) return { kind: 'elsewhere', message: why.elsewhere };
      say(`${why.answer}\n`);
    }
  };

  const notKnown = new Set<string>();
  /** Questions whose answer needs fields they do not ask for: left for the plan file. */
  const elsewhere = new Set<string>();
  const canAsk = (q: QuestionT) => askable(q) && !elsewhere.has(keyOf(q));
  const open = () => report.questions.filter((q) => canAsk(q) && !notKnown.has(keyOf(q)));
  let stopped = false;
  let rounds = 0;
  while (!stopped && open().length) {
    rounds++;
    const before = JSON.stringify(plan);
    const asked = new Set<string>();
    const waiting = () => open().filter((q) => !asked.has(keyOf(q)));
    const first = waiting().length;
    say(
      `\n${bold(rounds === 1 ? `${first} question${first === 1 ? '' : 's'} to answer.` : `${first} question${first === 1 ? ' is' : 's are'} still open.`)} ` +
        `Answer each one, or choose or type "not known". Ctrl-C, "Stop here" or a blank answer stops, keeping the answers given.\n`,
    );
    let n = 0;
    for (let q = waiting()[0]; q; q = waiting()[0]) {
      asked.add(keyOf(q));
      n++;
      const kind = answerKind(q.answer)!;
      const lot = q.lot ? ` (lot ${q.lot})` : '';
      say(`\n${bold(`Question ${n} of ${n + waiting().length}${lot}`)}\n${dim(wrap(`Why we ask: ${q.why}`, width(), '  '))}\n`);
      if (TYPING_HINT[kind]) say(dim(`  ${TYPING_HINT[kind]}, "not known", or leave it blank to stop.`) + '\n');
      let answer: Asked;
      try {
        answer = await askOne(q);
      } catch (e) {
        if (!closed(e)) throw e;
        answer = STOP;
      }
      if (answer.kind === 'stop') {
        stopped = true;
        break;
      }
      if (answer.kind === 'not-known') {
        notKnown.add(keyOf(q));
        continue;
      }
      if (answer.kind === 'elsewhere') {
        // Not asked again: the answer needs fields this question does not ask for.
        elsewhere.add(keyOf(q));
        say(`${wrap(`This answer needs more of the plan than this question asks (${answer.message}): answer it in the plan file itself.`, width(), '  ')}\n`);
        continue;
      }
      if (answer.kind !== 'value') continue;
      plan = applyAnswers(plan, [{ planPath: q.planPath!, value: answer.value }]);
      // Checked again at once, so an answer that settles (or makes moot) another question spares asking it.
      report = await check(plan);
    }
    if (JSON.stringify(plan) !== before) {
      writePlan(target, plan, indent);
      const same = resolve(target) === resolve(options.file);
      io.out(`\nAnswers written to ${target}${same ? ' (the plan file)' : ` (a copy: ${options.file} is unchanged)`}. The plan checked again:\n\n`);
      io.out(options.render(report));
    } else if (!stopped) {
      // A round that changed nothing would ask the same again.
      break;
    }
  }

  const left = report.questions.filter(canAsk);
  const unknown = left.filter((q) => notKnown.has(keyOf(q)));
  const inFile = report.questions.filter((q) => !canAsk(q));
  const list = (qs: QuestionT[]) => qs.map((q) => `  - ${q.question}${q.planPath ? ` (${q.planPath})` : ''}\n`).join('');
  if (stopped) io.out(`\nStopped, with ${left.length} question${left.length === 1 ? '' : 's'} open.\n`);
  else if (!left.length && !inFile.length) io.out('\nNo questions left open.\n');
  if (unknown.length) io.out(`\nNot known yet (answer them in the plan, or run --ask again, when you know):\n${list(unknown)}`);
  if (inFile.length) io.out(`\nTo answer in the plan file itself (not asked here):\n${list(inFile)}`);
  return EXIT[report.verdict];
}
