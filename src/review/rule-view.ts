// One rule as the review pack presents it: everything a lawyer needs to
// approve it, already in words. The catalogue, `explain` and `diff` renderers
// only lay this out.
import type { RuleSet } from '../engine/rule-set.js';
import type { RuleDefinition, StepDefinition } from '../engine/rule-schema.js';
import type { Citation } from '../law/citation.js';
import type { Overlay } from '../engine/overlay.js';
import { withOverlay } from '../engine/with-overlay.js';
import { describeCondition, type ParamLookup, type Phrase } from './describe-condition.js';
import { paramsOfRule, type ParamView } from './rule-params.js';
import { casesForRule, EMPTY_CASE_BOOK, type CaseBook, type RuleCases } from './rule-cases.js';
import { factDescription, factPlanPath, lowerFirst, REGIME_GATE, REGIME_TITLES, SEVERITY_WORDS } from './words.js';
import { placeholders } from '../report/format.js';
import { factsOfRule } from '../engine/compile.js';
import { isFactName } from '../plan/fact-catalogue.js';

export interface RuleView {
  id: string;
  title: string;
  regime: string;
  regimeTitle: string;
  severity: string;
  severityText: string;
  citation: Citation;
  /** Who last reviewed the rule against the law, and when, where the rule file records it. */
  reviewed: { by: string; role?: string | undefined; on: string; note?: string | undefined } | null;
  /** The file the rule is written in, relative to the rule set root. */
  file: string;
  overlay: { id: string; authority: string; example: boolean } | null;
  /** Which plans the rule runs for at all, before its own "applies when". */
  runsFor: string;
  appliesWhen: Phrase | null;
  /** Facts the test needs: unknown, the rule gives a review naming them instead of a guess. */
  requires: { fact: string; description: string; planPath: string | null }[];
  conditions: Phrase;
  /** The reason template as written, with its {{placeholders}}. */
  reason: string;
  /** The same with each placeholder said in words ([the fact], [the parameter's name]), for a reader who does not know the syntax. */
  reasonInWords: string;
  steps: { id: string; title: string; citation: Citation | null }[];
  params: ParamView[];
  cases: RuleCases;
}

export interface RuleContext {
  params: ParamLookup;
  steps: Map<string, StepDefinition>;
  file: string;
  overlay?: Overlay | undefined;
}

function reasonInWords(template: string, params: ParamLookup): string {
  let out = template;
  for (const ph of placeholders(template)) {
    const words = ph.param ? (params.has(ph.param) ? params.get(ph.param).title : ph.param) : factDescription(ph.fact!);
    out = out.replace(ph.raw, `[${lowerFirst(words)}]`);
  }
  return out;
}

export function describeRule(rule: RuleDefinition, ctx: RuleContext, book: CaseBook = EMPTY_CASE_BOOK): RuleView {
  const gate = ctx.overlay ? `plans that name the ${ctx.overlay.id} overlay in authority.overlay` : (REGIME_GATE[rule.regime] ?? 'every plan');
  // A regime's own rules are in scope by definition: saying so again would only add words.
  const regimeRule = rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023';
  const scope = rule.scope === 'any' ? ', including plans outside the regimes procheck checks' : regimeRule ? '' : ', when the plan falls under a regime procheck checks';
  return {
    id: rule.id,
    title: rule.title,
    regime: rule.regime,
    regimeTitle: REGIME_TITLES[rule.regime] ?? rule.regime,
    severity: rule.severity,
    severityText: SEVERITY_WORDS[rule.severity] ?? rule.severity,
    citation: rule.citation,
    reviewed: rule.reviewed ?? null,
    file: ctx.file,
    overlay: ctx.overlay ? { id: ctx.overlay.id, authority: ctx.overlay.authority, example: ctx.overlay.example } : null,
    runsFor: `Runs for ${gate}${scope}.`,
    appliesWhen: rule.appliesWhen ? describeCondition(rule.appliesWhen, ctx.params) : null,
    requires: factsOfRule(rule).filter(isFactName).map((fact) => ({ fact, description: factDescription(fact), planPath: factPlanPath(fact) ?? null })),
    conditions: describeCondition(rule.conditions, ctx.params),
    reason: rule.reason,
    reasonInWords: reasonInWords(rule.reason, ctx.params),
    steps: rule.steps.map((id) => {
      const s = ctx.steps.get(id);
      return { id, title: s?.title ?? id, citation: s?.citation ?? null };
    }),
    params: paramsOfRule(rule, ctx.steps, ctx.params),
    cases: casesForRule(book.worked, rule.id, book.tests),
  };
}

/** The law's rules in rule-set order, then each overlay's (by overlay id), each read against the parameters it can see. */
export function ruleViews(ruleSet: RuleSet, book: CaseBook = EMPTY_CASE_BOOK): RuleView[] {
  const law = ruleSet.rules.map((r) =>
    describeRule(r, { params: ruleSet.params, steps: ruleSet.steps, file: ruleSet.ruleFiles.get(r.id) ?? '' }, book),
  );
  const local = [...ruleSet.overlays.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((o) => {
      const rs = withOverlay(ruleSet, o);
      return o.rules.map((r) => describeRule(r, { params: rs.params, steps: rs.steps, file: o.file, overlay: o }, book));
    });
  return [...law, ...local];
}

/** A rule by id, law or overlay, with the context to describe it. */
export function findRule(ruleSet: RuleSet, id: string): { rule: RuleDefinition; ctx: RuleContext } | undefined {
  const law = ruleSet.rules.find((r) => r.id === id);
  if (law) return { rule: law, ctx: { params: ruleSet.params, steps: ruleSet.steps, file: ruleSet.ruleFiles.get(id) ?? '' } };
  for (const o of ruleSet.overlays.values()) {
    const rule = o.rules.find((r) => r.id === id);
    if (rule) {
      const rs = withOverlay(ruleSet, o);
      return { rule, ctx: { params: rs.params, steps: rs.steps, file: o.file, overlay: o } };
    }
  }
  return undefined;
}

/** Every rule id, law and overlays: for "did you mean". */
export function allRuleIds(ruleSet: RuleSet): string[] {
  return [...ruleSet.rules.map((r) => r.id), ...[...ruleSet.overlays.values()].flatMap((o) => o.rules.map((r) => r.id))];
}
