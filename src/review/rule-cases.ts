// Which worked cases (cases/*.expected.json) exercise each rule: the cases a
// lawyer can read to see the rule at work, and the ones that check it stays
// silent; and each rule's own test (cases/rule-tests/). Read once, from a directory the caller names, so the rest of the
// review pack works on data alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface WorkedCase {
  /** The expected-outcome file's name without ".expected.json". */
  id: string;
  /** The plan's own title, when its file can be read. */
  title: string | null;
  planFile: string;
  verdict: string;
  findings: string[];
  absentFindings: string[];
}

export interface RuleCases {
  /** Cases in which the rule must fire. */
  fires: WorkedCase[];
  /** Cases that check the rule does not fire. */
  silent: WorkedCase[];
  /** The rule's own test: a plan that fires it and one that does not. */
  test: RuleTest | null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function planTitle(dir: string, planFile: string): string | null {
  try {
    const plan = JSON.parse(readFileSync(join(dir, planFile), 'utf8')) as { title?: unknown };
    return typeof plan.title === 'string' ? plan.title : null;
  } catch {
    return null;
  }
}

/** The worked cases in `dir`; none when the directory is missing, since the cases are documentation, not law. */
export function loadWorkedCases(dir: string): WorkedCase[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.expected.json'))
    .sort()
    .flatMap((n) => {
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(readFileSync(join(dir, n), 'utf8')) as Record<string, unknown>;
      } catch {
        return [];
      }
      const planFile = typeof json.plan === 'string' ? json.plan : n.replace(/\.expected\.json$/, '.json');
      return [
        {
          id: n.replace(/\.expected\.json$/, ''),
          title: planTitle(dir, planFile),
          planFile,
          verdict: typeof json.verdict === 'string' ? json.verdict : 'unknown',
          findings: strings(json.findings),
          absentFindings: strings(json.absentFindings),
        },
      ];
    });
}

export function casesForRule(cases: readonly WorkedCase[], ruleId: string, tests: ReadonlyMap<string, RuleTest> = new Map()): RuleCases {
  return {
    fires: cases.filter((c) => c.findings.includes(ruleId)),
    silent: cases.filter((c) => c.absentFindings.includes(ruleId)),
    test: tests.get(ruleId) ?? null,
  };
}

/** One plan field a rule test sets, or removes, on its suite's base plan. */
export type RuleTestChange = { path: string; value: unknown } | { path: string; removed: true };

export interface RuleTest {
  /** The suite: its name and the file its tests are written in. */
  suite: { id: string; name: string; source: string };
  /** Changes to the suite's compliant base plan that make the rule fire... */
  fires: RuleTestChange[];
  /** ...and that leave it silent (none: the base plan itself). */
  doesNotFire: RuleTestChange[];
}

const Change = z.union([z.strictObject({ path: z.string(), value: z.unknown() }), z.strictObject({ path: z.string(), removed: z.literal(true) })]);
const RuleTestsFile = z.object({
  suites: z.array(z.object({ id: z.string(), name: z.string(), source: z.string() })),
  rules: z.record(z.string(), z.object({ suite: z.string(), fires: z.array(Change), doesNotFire: z.array(Change) })),
});

export const RULE_TESTS_FILE = join('rule-tests', 'rule-tests.json');

/** The rule tests (rule-tests/rule-tests.json under `dir`, written by `npm run docs`), by rule id; none when absent or unreadable. */
export function loadRuleTests(dir: string): Map<string, RuleTest> {
  let parsed;
  try {
    parsed = RuleTestsFile.safeParse(JSON.parse(readFileSync(join(dir, RULE_TESTS_FILE), 'utf8')));
  } catch {
    return new Map();
  }
  if (!parsed.success) return new Map();
  const suites = new Map(parsed.data.suites.map((s) => [s.id, { id: s.id, name: s.name, source: s.source }]));
  return new Map(
    Object.entries(parsed.data.rules).flatMap(([id, t]) => {
      const suite = suites.get(t.suite);
      return suite ? [[id, { suite, fires: t.fires as RuleTestChange[], doesNotFire: t.doesNotFire as RuleTestChange[] }] as const] : [];
    }),
  );
}

/** What the review pack shows of how each rule is exercised: the worked cases and the rule tests. */
export interface CaseBook {
  worked: readonly WorkedCase[];
  tests: ReadonlyMap<string, RuleTest>;
}

export const EMPTY_CASE_BOOK: CaseBook = { worked: [], tests: new Map() };

export const loadCaseBook = (dir: string): CaseBook => ({ worked: loadWorkedCases(dir), tests: loadRuleTests(dir) });
