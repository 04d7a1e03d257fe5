// The README's embedding example, run as written (importing the sources for 'procheck').
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function example(): string {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- embed-example:start -->\s*```ts\n([\s\S]*?)```/.exec(text);
  if (!block) throw new Error('README.md lacks the embed-example block');
  return block[1]!;
}

describe('README embedding example', () => {
  it('is at most a dozen lines', () => {
    expect(example().trim().split('\n').length).toBeLessThanOrEqual(12);
  });

  it('runs and prints the verdict, the dated steps and the bad field', () => {
    const dir = join(root, 'node_modules', '.procheck-readme');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'example.mts');
    writeFileSync(file, example().replace("from 'procheck'", `from ${JSON.stringify(join(root, 'src', 'index.ts'))}`));
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/^review psr \[/);
    expect(out).toContain('timetable.award-decision-too-late');
    expect(out).toContain('the award decision must be published by 20 October 2024');
    expect(out).toMatch(/2024-11-04 /);
    expect(out).toContain("path: 'value.annual'");
  }, 30_000);
});
