// procheck check plan.json --ask, driven as an officer at a terminal would: the
// prompts (Inquirer) read keystrokes from an input stream and draw on an output
// stream given to the command in place of the terminal.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { answerKind, readDate, readNumber, readTyped } from '../src/cli/answer-input.js';
import { directAwardC, plan } from './support/plans.js';

const KEYS = { enter: '\r', down: '\x1b[B', ctrlC: '\x03', clearLine: '\x15' };

/**
 * A direct award C whose report asks three questions: the existing contract's
 * end (a date), its original lifetime value (a number) and whether the provider
 * is satisfying it (yes / no). Answered 31 March 2026, £3m and yes, it is compliant.
 */
const threeQuestions = () => plan({ ...directAwardC, incumbent: { contractEnd: null, originalLifetimeValue: null, satisfyingContract: null } });

function planFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'procheck-ask-')), 'plan.json');
  writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
  return file;
}

/** A terminal for the command: keystrokes typed once the screen shows what they answer. */
function terminal() {
  const input = new PassThrough();
  let screen = '';
  let seen = 0;
  const output = new Writable({
    write(chunk, _encoding, done) {
      screen += String(chunk);
      done();
    },
  });
  return {
    io: { input, output },
    screen: () => stripVTControlCharacters(screen),
    /** Waits until the screen shows `pattern` (past what was last waited for), then types `keys`. */
    async when(pattern: RegExp, ...keys: string[]) {
      const deadline = Date.now() + 15_000;
      while (!pattern.test(stripVTControlCharacters(screen.slice(seen)))) {
        if (Date.now() > deadline) throw new Error(`the terminal never showed ${pattern}; it shows:\n${stripVTControlCharacters(screen).slice(-1500)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      seen = screen.length;
      for (const k of keys) input.write(k);
    },
  };
}

function start(args: string[], term: ReturnType<typeof terminal> | null) {
  const io = { out: '', err: '' };
  const code = main(args, { out: (t) => (io.out += t), err: (t) => (io.err += t), terminal: term?.io ?? null });
  return { io, code };
}

const Q = {
  date: /On what date does the existing contract end/,
  number: /What was the lifetime value of the existing contract/,
  boolean: /Is the existing provider satisfying the existing contract\?[\s\S]*Stop here/,
};

describe('procheck check --ask', () => {
  it('asks a date, a number and a yes/no question with why as a hint, writes the answers into the plan file and exits with the new verdict', { timeout: 60_000 }, async () => {
    const file = planFile(threeQuestions());
    const term = terminal();
    const { io, code } = start(['check', file, '--ask'], term);
    await term.when(Q.date, '2026-02-30', KEYS.enter);
    await term.when(/Type a date as YYYY-MM-DD or as 1 April 2027 \(a real calendar date\)/, KEYS.clearLine, '31 March 2026', KEYS.enter);
    await term.when(Q.number, 'lots', KEYS.enter);
    await term.when(/Type a number, such as 1500000 or £1\.5m/, KEYS.clearLine, '£3m', KEYS.enter);
    await term.when(Q.boolean, KEYS.enter);
    expect(await code).toBe(0);

    const screen = term.screen();
    expect(screen).toContain('3 questions to answer.');
    expect(screen).toMatch(/Question 1 of 3\n {2}Why we ask: It decides 3 findings: Does the new contract start the day after/);
    expect(screen).toMatch(/Question 3 of 3\n {2}Why we ask: It decides: Is the existing provider satisfying/);
    expect(screen).toMatch(/Type a number \(1500000, £1,500,000 or £1\.5m\), "not known", or leave it blank to stop\./);
    expect(screen).toMatch(/✔ On what date does the existing contract end[^✔?]*\? 31 March 2026\n/);

    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.incumbent).toMatchObject({ contractEnd: '2026-03-31', originalLifetimeValue: 3_000_000, satisfyingContract: true });
    expect(readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"id"/);
    expect(io.out).toMatch(/^Verdict: REVIEW/m);
    expect(io.out).toContain(`Answers written to ${file} (the plan file). The plan checked again:`);
    expect(io.out.slice(io.out.indexOf('Answers written'))).toMatch(/Verdict: COMPLIANT/);
    expect(io.out).toContain('No questions left open.');
    expect(io.err).toBe('');
  });

  it('"not known" leaves the field unknown and is not asked again; --out writes a copy; the exit code is the new verdict\'s', { timeout: 60_000 }, async () => {
    const file = planFile(threeQuestions());
    const original = readFileSync(file, 'utf8');
    const copy = join(mkdtempSync(join(tmpdir(), 'procheck-ask-out-')), 'answered.json');
    const term = terminal();
    const { io, code } = start(['check', file, '--ask', '--out', copy], term);
    await term.when(Q.date, '2026-03-31', KEYS.enter);
    await term.when(Q.number, 'not known', KEYS.enter);
    await term.when(Q.boolean, KEYS.down, KEYS.down, KEYS.enter);
    expect(await code).toBe(10);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const written = JSON.parse(readFileSync(copy, 'utf8'));
    expect(written.incumbent).toMatchObject({ contractEnd: '2026-03-31', originalLifetimeValue: null, satisfyingContract: null });
    expect(io.out).toContain(`Answers written to ${copy} (a copy: ${file} is unchanged).`);
    expect(io.out).toMatch(/Not known yet \(answer them in the plan, or run --ask again, when you know\):\n {2}- What was the lifetime value[^\n]*\(incumbent\.originalLifetimeValue\)\n {2}- Is the existing provider satisfying[^\n]*\(incumbent\.satisfyingContract\)/);
    expect(term.screen().match(/Question \d of \d/g)).toEqual(['Question 1 of 3', 'Question 2 of 3', 'Question 3 of 3']);
    // A date typed as YYYY-MM-DD is shown back in words once given.
    expect(term.screen()).toMatch(/✔ On what date does the existing contract end[^✔?]*\? 31 March 2026\n/);
  });

  it('a blank answer stops at once: nothing written, the exit code the first report\'s', { timeout: 60_000 }, async () => {
    const file = planFile(threeQuestions());
    const original = readFileSync(file, 'utf8');
    const term = terminal();
    const { io, code } = start(['check', file, '--ask'], term);
    await term.when(Q.date, KEYS.enter);
    expect(await code).toBe(10);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(io.out).not.toContain('Answers written');
    expect(io.out).toContain('Stopped, with 3 questions open.');
  });

  it('Ctrl-C stops, keeping the answers given so far', { timeout: 60_000 }, async () => {
    const file = planFile(threeQuestions());
    const term = terminal();
    const { io, code } = start(['check', file, '--ask'], term);
    await term.when(Q.date, '1 Apr 2026', KEYS.enter);
    await term.when(Q.number, '3,000,000', KEYS.enter);
    await term.when(Q.boolean, KEYS.ctrlC);
    expect(await code).toBe(10);
    expect(JSON.parse(readFileSync(file, 'utf8')).incumbent).toMatchObject({ contractEnd: '2026-04-01', originalLifetimeValue: 3_000_000, satisfyingContract: null });
    expect(io.out).toContain('Answers written to');
    expect(io.out).toContain('Stopped, with 1 question open.');
  });

  it('a choice from the answer schema\'s list, in words; the questions the answer opens asked next', { timeout: 60_000 }, async () => {
    const framework = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'northants-2023-case-management-framework.json'), 'utf8'));
    const file = planFile({ ...framework, frameworkAgreement: { name: 'ESPO framework', awardedUnder: null } });
    const term = terminal();
    const { io, code } = start(['check', file, '--ask'], term);
    await term.when(/Which regime was the framework agreement set up under\?[\s\S]*Stop here/, KEYS.down, KEYS.enter);
    // Under PCR 2015 the call-off's own facts are asked: the framework's end, whether the authority may call off, ...
    await term.when(/Question 2 of [2-9][\s\S]*\n\? /, KEYS.ctrlC);
    expect(await code).toBe(10);
    expect(term.screen()).toMatch(/❯ Provider Selection Regime \(PSR 2023\) \(psr\)\n {2}Public Contracts Regulations 2015 \(pcr2015\)\n {2}Procurement Act 2023 \(pa2023\)/);
    expect(term.screen()).toContain('1 question to answer.');
    expect(JSON.parse(readFileSync(file, 'utf8')).frameworkAgreement).toEqual({ name: 'ESPO framework', awardedUnder: 'pcr2015' });
    expect(io.out).toMatch(/Stopped, with [2-9] questions open\./);
  });

  it('an answer the plan cannot hold without fields the question does not ask is left for the plan file, not asked again', { timeout: 60_000 }, async () => {
    // No framework described: the regime it was let under cannot be written without its name.
    const file = planFile(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'northants-2023-case-management-framework.json'), 'utf8')));
    const original = readFileSync(file, 'utf8');
    const term = terminal();
    const { io, code } = start(['check', file, '--ask'], term);
    await term.when(/Which regime was the framework agreement set up under\?[\s\S]*Stop here/, KEYS.down, KEYS.enter);
    expect(await code).toBe(10);
    expect(term.screen().replace(/\s+/g, ' ')).toMatch(/This answer needs more of the plan than this question asks \(frameworkAgreement\.name: [^)]*\): answer it in the plan file itself\./);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(io.out).toMatch(/To answer in the plan file itself \(not asked here\):\n {2}- Which regime was the framework agreement set up under\? \(frameworkAgreement\.awardedUnder\)/);
  });

  it('with no question open, prints the report and asks nothing', async () => {
    const term = terminal();
    const { io, code } = start(['check', planFile(plan()), '--ask'], term);
    expect(await code).toBe(0);
    expect(io.out).toMatch(/Verdict: COMPLIANT/);
    expect(io.out).toContain('No questions left open.');
    expect(term.screen()).toBe('');
  });

  it('is a usage error (21) without a terminal, with a register, a JSON or HTML report, or --out alone', async () => {
    const file = planFile(threeQuestions());
    const noTerminal = start(['check', file, '--ask'], null);
    expect(await noTerminal.code).toBe(21);
    expect(noTerminal.io.err).toMatch(/^--ask needs a terminal: .*stdin and stdout a terminal/);
    for (const args of [
      [file, '--out', join(tmpdir(), 'x.json')],
      [join(import.meta.dirname, '..', 'cases', 'register-example.csv'), '--ask'],
      [file, '--ask', '--format', 'json'],
      [file, '--ask', '--format', 'html'],
    ]) {
      const { code, io } = start(['check', ...args], terminal());
      expect(await code, args.join(' ')).toBe(21);
      expect(io.err, args.join(' ')).toMatch(/--out is for --ask|--ask is for one plan file|--ask prints each report as text or markdown/);
    }
    const unwritable = start(['check', file, '--ask', '--out', join(tmpdir(), 'no-such-dir', 'x.json')], terminal());
    expect(await unwritable.code).toBe(21);
    expect(unwritable.io.err).toMatch(/Cannot write the answers to .*no-such-dir/);
  });
});

describe('answers as typed', () => {
  it('dates as YYYY-MM-DD, 1 April 2027 or 1/4/2027 (day first), and only real ones', () => {
    expect(['2027-04-01', '1 April 2027', '1st Apr 2027', '01 april 2027', '1 Apr. 2027', '1/4/2027', ' 1  April 2027 '].map(readDate)).toEqual(Array(7).fill('2027-04-01'));
    expect(readDate('30 Sept 2026')).toBe('2026-09-30');
    expect(['2027-02-29', '31 June 2027', '1 Foo 2027', 'April 2027', '2027/04/01', '1 Ma 2027', ''].map(readDate)).toEqual(Array(7).fill(null));
  });

  it('numbers with pounds, commas and m or k', () => {
    expect(['1500000', '1,500,000', '£1,500,000', '£1.5m', '1.5 million', '1500k', ' £ 1 500 000 '].map(readNumber)).toEqual(Array(7).fill(1_500_000));
    expect(readNumber('£1.1m')).toBe(1_100_000);
    expect(readNumber('0.25')).toBe(0.25);
    expect(['lots', '1.5.2', '£', '1e6'].map(readNumber)).toEqual([null, null, null, null]);
  });

  it('"not known", a blank or "stop", and a whole number where one is asked', () => {
    for (const t of ['not known', 'Not known', 'unknown', "don't know", '?']) expect(readTyped(t, 'date')).toEqual({ kind: 'not-known' });
    for (const t of ['', '  ', 'stop', 'STOP']) expect(readTyped(t, 'number')).toEqual({ kind: 'stop' });
    expect(readTyped('2.5', 'integer')).toEqual({ kind: 'invalid', message: 'Type a whole number' });
    expect(readTyped('12', 'integer')).toEqual({ kind: 'value', value: 12 });
  });

  it('each answer schema a question carries is asked as its kind', () => {
    expect(answerKind({ type: ['boolean', 'null'] })).toBe('boolean');
    expect(answerKind({ type: ['string', 'null'], enum: ['psr', 'pcr2015', null] })).toBe('choice');
    expect(answerKind({ type: ['string', 'null'], format: 'date' })).toBe('date');
    expect(answerKind({ type: ['integer', 'null'] })).toBe('integer');
    expect(answerKind({ type: ['number', 'null'] })).toBe('number');
    expect(answerKind({ type: ['array', 'null'], items: { type: ['string'], enum: ['lgps'] } })).toBe('choices');
    expect(answerKind({})).toBeNull();
  });
});
