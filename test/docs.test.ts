// The documentation a user relies on: the README a newcomer reads, the reference
// pages it links to, and the facts in them that code also states.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { buildServer } from '../src/server/app.js';
import { PLAN_FORMAT_PAGE, pageWithFields } from './support/plan-format-page.js';
import { RULES_PAGE, pageWithLeftToAPerson } from './support/left-to-a-person.js';
import { NOTICE_PAGE, pageWithMapping } from './support/notice-page.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Every README.md in the project (not in node_modules, dist or git). */
function pages(dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (['node_modules', 'dist', '.git'].includes(name)) return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return name === 'README.md' ? [full] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

function links(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
}

function linkProblems(file: string): string[] {
  return links(file).flatMap((target) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const to = path ? resolve(dirname(file), path) : file;
    const where = `${relative(root, file)} -> ${target}`;
    if (!existsSync(to)) return [`${where}: no such file`];
    if (anchor === undefined) return [];
    const page = statSync(to).isDirectory() ? join(to, 'README.md') : to;
    return existsSync(page) && anchors(page).has(anchor) ? [] : [`${where}: no such heading`];
  });
}

describe('the README is what a newcomer needs', () => {
  const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

  it('says what procheck is, how to set it up, the three ways in, one real notice audited, the exit codes and where the rest lives, in that order', () => {
    expect(readme.split('\n')[0]).toBe('# procheck');
    expect(sections).toEqual(['Set up', 'Three ways in', 'A published notice, audited', 'Exit codes', 'Where the rest lives']);
  });

  it('shows a real published notice audited, as the command prints it', async () => {
    const block = /<!-- notice-example:start -->\s*```\n([\s\S]*?)```/.exec(readme)![1]!;
    const [command, ...shown] = block.replace(/\\\n\s+/g, ' ').split('\n').filter((l) => l.trim() !== '');
    const args = command!.replace(/^\$ npx procheck /, '').split(/\s+/);
    let out = '';
    const code = await main(args.map((a) => (a.startsWith('cases/') ? join(root, a) : a)), { out: (t) => (out += t), err: () => {}, isTTY: false });
    expect(code).toBe(11);
    for (const line of shown) expect(out.replaceAll(root + '/', '')).toContain(line);
  });

  it('stays short: the reference lives in the linked pages', () => {
    // 170: what a notice audit judges (issue 21) and a drafted paragraph of a committee report (issue 22) joined the page.
    expect(readme.split('\n').length).toBeLessThanOrEqual(170);
  });

  it('sets up in two commands, the second a shipped case', () => {
    const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## Three ways in'));
    const block = /```sh\n([\s\S]*?)```/.exec(setUp)![1]!.trim().split('\n');
    expect(block).toEqual(['npm install', expect.stringMatching(/^npx procheck check cases\/[\w-]+\.json$/)]);
    expect(existsSync(join(root, block[1]!.split(' ').at(-1)!))).toBe(true);
  });

  it('gives the exact command that installs the Chromium the browser tests drive, as CI runs it', () => {
    const command = 'sudo apt-get install -y chromium';
    expect(readme).toContain(`\`${command}\``);
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/apt-get install -y (-qq )?chromium/);
  });

  it('gives the exit codes the command uses, each once', () => {
    const exits = readme.slice(readme.indexOf('## Exit codes'), readme.indexOf('## Where the rest lives'));
    const rows = [...exits.matchAll(/^\| (\d+) \| ([\w-]+)/gm)].map((m) => [Number(m[1]), m[2]]);
    const names: Record<string, string> = { invalidPlan: 'invalid', usage: 'usage', ruleSetError: 'broken' };
    expect(rows).toEqual(Object.entries(EXIT).map(([name, code]) => [code, names[name] ?? name]));
  });

  it('links to every reference page, so none is orphaned', () => {
    const linked = new Set(links(join(root, 'README.md')).map((t) => resolve(root, t.split('#')[0]!)));
    const orphans = pages().filter((p) => p !== join(root, 'README.md') && !linked.has(p));
    expect(orphans.map((p) => relative(root, p))).toEqual([]);
  });
});

describe('the reference pages', () => {
  it('every link between them (and to the code) leads to a file, and every #anchor to a heading', () => {
    expect(pages().length).toBeGreaterThanOrEqual(10);
    expect(pages().flatMap(linkProblems)).toEqual([]);
  });

  it('the command-line page names every command and option of `procheck --help`', async () => {
    let usage = '';
    await main(['--help'], { out: (t) => (usage += t), err: (t) => (usage += t) });
    const page = readFileSync(join(root, 'src', 'cli', 'README.md'), 'utf8');
    const commands = new Set([...usage.matchAll(/^ {2}procheck (\w+)/gm)].map((m) => m[1]!));
    const options = new Set([...usage.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]!));
    expect(commands.size).toBeGreaterThanOrEqual(8);
    expect([...commands].filter((c) => !page.includes(`procheck ${c}`))).toEqual([]);
    expect([...options].filter((o) => !page.includes(o))).toEqual([]);
  });

  it('the plan-format page documents every plan field as the schema defines it (run `npm run docs` after changing the schema)', () => {
    const text = readFileSync(PLAN_FORMAT_PAGE, 'utf8');
    expect(text).toBe(pageWithFields(text));
  });

  it('the rule set page lists every rule left to a person, as the rules have it (run `npm run docs` after changing a rule)', () => {
    const text = readFileSync(RULES_PAGE, 'utf8');
    expect(text).toBe(pageWithLeftToAPerson(text));
    // A review rule is named there with its title, so a reader finds it without reading the JSON.
    expect(text).toMatch(/\| `tupe\.activities-changed` \| Activities fundamentally different afterwards/);
  });

  it('the notice page shows the OCDS mapping as the mapping file has it (run `npm run docs` after changing it)', () => {
    const text = readFileSync(NOTICE_PAGE, 'utf8');
    expect(text).toBe(pageWithMapping(text));
    expect(text).toContain('`awards[].standstillPeriod.endDate`');
  });

  it("the API page's error example is what the API answers", async () => {
    const page = readFileSync(join(root, 'src', 'server', 'README.md'), 'utf8');
    const example = JSON.parse(/<!-- problem-example:start -->\s*```json\n([\s\S]*?)```/.exec(page)![1]!);
    const app = await buildServer({ web: false });
    const res = await app.inject({ method: 'POST', url: '/v1/check', payload: { id: 'x' } });
    await app.close();
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    const { issues, ...rest } = example;
    expect(body).toMatchObject(rest);
    expect(body.issues).toContainEqual(issues[0]);
  });
});
