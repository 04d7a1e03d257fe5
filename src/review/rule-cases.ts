// Which worked cases (cases/*.expected.json) exercise each rule: the cases a
// lawyer can read to see the rule at work, and the ones that check it stays
// silent. Read once, from a directory the caller names, so the rest of the
// review pack works on data alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export function casesForRule(cases: readonly WorkedCase[], ruleId: string): RuleCases {
  return {
    fires: cases.filter((c) => c.findings.includes(ruleId)),
    silent: cases.filter((c) => c.absentFindings.includes(ruleId)),
  };
}
