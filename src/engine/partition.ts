// Which rules can apply to a plan, judged from its regime and process alone.
// A rule that cannot apply is left out of the engine built for that kind of
// plan, so each check evaluates only the rules that matter (json-rules-engine
// clones every rule's conditions on every run). Pruning uses only conditions
// every firing needs: the rule's regime and scope, and "process" tests at the
// top level of appliesWhen (and of the test itself when the rule reports no
// missing facts).
import type { ConditionT, FactConditionT, RuleDefinition } from './rule-schema.js';

export interface PlanKind {
  inScope: boolean;
  regime: string | null;
  process: string;
}

export function planKindKey(kind: PlanKind): string {
  return `${kind.inScope}|${kind.regime ?? '-'}|${kind.process}`;
}

function topLevel(c: ConditionT | undefined): FactConditionT[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap((x) => ('fact' in x ? [x] : 'all' in x ? topLevel(x) : []));
  return 'fact' in c ? [c] : [];
}

function processAllows(c: FactConditionT, process: string): boolean {
  const v = c.value;
  switch (c.operator) {
    case 'equal':
      return typeof v !== 'string' || v === process;
    case 'notEqual':
      return typeof v !== 'string' || v !== process;
    case 'in':
      return !Array.isArray(v) || (v as unknown[]).includes(process);
    case 'notIn':
      return !Array.isArray(v) || !(v as unknown[]).includes(process);
    default:
      return true;
  }
}

export function canApply(rule: RuleDefinition, kind: PlanKind): boolean {
  if (rule.scope === 'in-scope' && !kind.inScope) return false;
  if ((rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023') && kind.regime !== rule.regime) return false;
  const necessary = [...topLevel(rule.appliesWhen), ...(rule.requires.length === 0 ? topLevel(rule.conditions) : [])];
  return necessary.filter((c) => c.fact === 'process').every((c) => processAllows(c, kind.process));
}
