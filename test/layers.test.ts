// The code's shape: imports run downward only, floor by floor, and no module
// imports itself back through others. The data flows one way, plan file ->
// plan -> facts -> rules -> report -> renderer, and so do the imports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
/** The floors, lowest first: a module may import from its own floor or any below. */
const FLOORS = ['text', 'calendar', 'law', 'plan', 'report', 'engine', 'timetable', 'options', 'review', 'draft', 'batch', 'notice', 'web', 'server', 'cli', 'build'];
/** Files at the top of src/: the package's version and folder finders sit at the bottom; the library's index at the top. */
const floorOf = (file: string) => {
  const top = file.split('/')[0]!;
  if (!file.includes('/')) return file === 'index.ts' ? FLOORS.length : -1;
  return FLOORS.indexOf(top);
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Each module's static imports of other modules of procheck (dynamic import() loads on demand, downward or not). */
const imports = new Map(
  files(SRC).map((f) => {
    const text = readFileSync(f, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
    return [relative(SRC, f), specs.map((s) => relative(SRC, normalize(join(dirname(f), s))).replace(/\.js$/, '.ts'))] as const;
  }),
);

describe('imports', () => {
  it('every folder of src/ has its floor', () => {
    expect([...imports.keys()].filter((f) => floorOf(f) === -1 && f.includes('/'))).toEqual([]);
  });

  it('run downward only, floor by floor', () => {
    const upward = [...imports].flatMap(([from, tos]) => tos.filter((to) => floorOf(to) > floorOf(from)).map((to) => `${from} -> ${to}`));
    expect(upward).toEqual([]);
  });

  it('form no circle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      path.push(f);
      for (const to of imports.get(f) ?? []) {
        if (state.get(to) === 'open') cycles.push([...path.slice(path.indexOf(to)), to].join(' -> '));
        else if (!state.has(to)) visit(to);
      }
      path.pop();
      state.set(f, 'done');
    };
    for (const f of imports.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
