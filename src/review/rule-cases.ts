// Which worked cases (cases/*.expected.json) exercise each rule: the cases a
// lawyer can read to see the rule at work, and the ones that check it stays
// silent; and each rule's own test (cases/rule-tests/). Read once, from a directory the caller names, so the rest of the
// review pack works on data alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What one lot of a plan in lots is expected to give (the expected file's lots). */
export interface WorkedLot {
  findings: string[];
  absentFindings: string[];
  route: string[];
}

export interface WorkedCase {
  /** The expected-outcome file's name without ".expected.json". */
  id: string;
  /** The plan's own title, when its file can be read. */
  title: string | null;
  planFile: string;
  verdict: string;
  findings: string[];
  absentFindings: string[];
  /** Rules whose reason the route holds on (report.holds). */
  holds: string[];
  /** Rules that describe how the route runs (report.route). */
  route: string[];
  /** Conditions the report gives: an act's fact name (contractSigned) or a rule that is itself an instruction. */
  conditions: string[];
  /** For a plan in lots: what each lot, by id, gives. */
  lots: Record<string, WorkedLot>;
}

/** A worked case as it exercises one rule; `lots` names the lots it does so in, when it is not the plan's as a whole. */
export interface CaseUse extends WorkedCase {
  inLots: string[] | null;
}

export interface RuleCases {
  /** Cases in which the rule must fire as a finding. */
  fires: CaseUse[];
  /** Cases in which the route must hold on it: the report gives its reason why (report.holds). */
  holds: CaseUse[];
  /** Cases whose route it describes: it fires and its reason heads the steps (report.route). */
  route: CaseUse[];
  /** Cases in which it is a condition: a rule that is itself an instruction to the authority (report.conditions). */
  conditions: CaseUse[];
  /** Cases that check the rule is not among the findings (it may still describe the route, hold or be a condition). */
  silent: CaseUse[];
  /** The rule's own test: a plan that fires it and one that does not. */
  test: RuleTest | null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lotsOf(v: unknown): Record<string, WorkedLot> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, lot]) => isRecord(lot))
      .map(([id, lot]) => {
        const l = lot as Record<string, unknown>;
        return [id, { findings: strings(l.findings), absentFindings: strings(l.absentFindings), route: strings(l.route) }];
      }),
  );
}

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
          holds: strings(json.holds),
          route: strings(json.route),
          conditions: strings(json.conditions),
          lots: lotsOf(json.lots),
        },
      ];
    });
}

/**
 * The cases that name the rule in one list: the plan's own, or (where the
 * plan's does not) its lots', saying which lots.
 */
function naming(cases: readonly WorkedCase[], ruleId: string, own: (c: WorkedCase) => string[], lot?: (l: WorkedLot) => string[]): CaseUse[] {
  return cases.flatMap((c): CaseUse[] => {
    if (own(c).includes(ruleId)) return [{ ...c, inLots: null }];
    const lots = lot ? Object.entries(c.lots).filter(([, l]) => lot(l).includes(ruleId)).map(([id]) => id) : [];
    return lots.length ? [{ ...c, inLots: lots }] : [];
  });
}

/** Every way the worked cases exercise a rule: a finding, a reason the route holds, the route's own description, a condition, or silence. */
export function casesForRule(cases: readonly WorkedCase[], ruleId: string, tests: ReadonlyMap<string, RuleTest> = new Map()): RuleCases {
  return {
    fires: naming(cases, ruleId, (c) => c.findings, (l) => l.findings),
    holds: naming(cases, ruleId, (c) => c.holds),
    route: naming(cases, ruleId, (c) => c.route, (l) => l.route),
    conditions: naming(cases, ruleId, (c) => c.conditions),
    silent: naming(cases, ruleId, (c) => c.absentFindings, (l) => l.absentFindings),
    test: tests.get(ruleId) ?? null,
  };
}

/** Whether any worked case names the rule at all. */
export const exercised = (r: RuleCases): boolean => r.fires.length + r.holds.length + r.route.length + r.conditions.length + r.silent.length > 0;

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
