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
import { factDescription, factPlanPath, joinWords, lowerFirst, REGIME_GATE, REGIME_TITLES, SEVERITY_WORDS, showsInWords, upperFirst } from './words.js';
import { placeholders } from '../report/format.js';
import { factsOfRule } from '../engine/compile.js';
import { openTitle, OPEN_SEVERITY } from '../engine/findings.js';
import { isFactName, type FactKind } from '../plan/fact-catalogue.js';
import { claimsAndActsOf, factKind, type RuleAct, type RuleClaim } from './fact-kinds.js';

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
  /**
   * The facts the rule reads, each with its kind: a fact about the world left
   * unknown leaves the rule open, with a question naming it, never a guess; a claim left out
   * is not relied on; an act of the authority left open is a condition.
   */
  requires: { fact: string; description: string; planPath: string | null; kind: FactKind }[];
  /** The claims it turns on (read itself, or through a derived fact): left out of a plan, each is not relied on. */
  claims: RuleClaim[];
  /** The authority's own acts it turns on: left open, each is a condition with its dates. */
  acts: RuleAct[];
  conditions: Phrase;
  /** The reason template as written, with its {{placeholders}}. */
  reason: string;
  /** The same with each placeholder said in words ([the fact], [the parameter's name]), for a reader who does not know the syntax. */
  reasonInWords: string;
  /** How a firing rule is reported (`shows`), and in words. */
  shows: 'finding' | 'steps' | 'holds';
  showsText: string;
  /** What the report gives when the plan leaves the rule open. */
  open: {
    /** The question a review finding is titled with (the rule's openTitle, else procheck's general wording); null where an open rule is not a review. */
    title: string | null;
    /** The rule gives its own question (openTitle). */
    ownTitle: boolean;
    /** What is said before the questions (openReason), in words. */
    reasonInWords: string | null;
    /** The whole of it in a sentence or two. */
    text: string;
  };
  /** What the authority's act must be for the rule to hold (asCondition), shown as a condition when the plan leaves the act open. */
  asCondition: {
    /** As written, with its {{placeholders}}. */
    text: string;
    inWords: string;
    /** "As a condition on the authority's act: ...". */
    sentence: string;
    /** When the report gives it: for a rule that is not itself an instruction, only where the plan leaves the acts open. */
    note: string;
  } | null;
  /** Why the route holds on this rule: given when it applies and its test fails; the first whose `when` holds. */
  holds: {
    when: Phrase | null;
    /** "when" (it has a condition), "always" (the only reason, or the first: no condition) or "otherwise" (the last, given when no other's condition holds). */
    whenText: 'when' | 'always' | 'otherwise';
    text: string;
    inWords: string;
  }[];
  /** What the law requires on each reading of the facts: said after the reason (fired or open), each whose `when` the plan does not rule out. */
  readings: {
    when: Phrase | null;
    text: string;
    inWords: string;
  }[];
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

/** What an open rule becomes, by its severity: a review with a question, information, or a condition that applies only if. */
function openOf(rule: RuleDefinition, params: ParamLookup): RuleView['open'] {
  const reason = rule.openReason ? reasonInWords(rule.openReason, params) : null;
  const said = reason ? ` Before the questions it says: “${reason}”` : '';
  if (rule.severity === 'condition')
    return { title: null, ownTitle: false, reasonInWords: reason, text: `If the plan leaves it open, it is still a condition, one that applies only if the facts it turns on turn out so (the report asks them).${said}` };
  if (OPEN_SEVERITY[rule.severity] === 'info')
    return { title: null, ownTitle: false, reasonInWords: reason, text: `If the plan leaves it open, it stays information: the report asks the questions that decide it and lists its steps in case it applies.${said}` };
  const title = openTitle(rule);
  const own = rule.openTitle !== undefined;
  return {
    title,
    ownTitle: own,
    reasonInWords: reason,
    text: `If the plan leaves it open, it asks: ${title}${own ? '' : ' (procheck’s general wording: the rule gives no question of its own)'} The finding is a review, with the questions that decide it.${said}`,
  };
}

/** The condition a rule puts on the authority's act: a whole instruction, or a clause that completes the act's ("so that the standstill has ended"). */
function asConditionOf(rule: RuleDefinition, acts: RuleAct[], params: ParamLookup): RuleView['asCondition'] {
  if (!rule.asCondition) return null;
  const inWords = reasonInWords(rule.asCondition, params);
  const dated = acts.filter((a) => a.done === null);
  const clause = rule.severity !== 'condition' && /^[a-z]/.test(inWords) && dated.length > 0;
  const sentence = clause
    ? `As a condition on the authority's act: ${upperFirst(joinWords(dated.map((a) => lowerFirst(a.instruction)), 'or'))} on a date ${inWords}`
    : `As a condition on the authority's act: ${upperFirst(inWords)}`;
  const note =
    rule.severity === 'condition'
      ? 'The report gives it among the conditions whenever the rule fires.'
      : acts.length
        ? 'Where the plan leaves only the authority’s own acts open, the report gives this as a condition, with the dates the rules allow, instead of the question.'
        : 'The report gives it as a condition where the plan leaves open the authority’s own act this rule turns on.';
  return { text: rule.asCondition, inWords, sentence: /[.)]$/.test(sentence) ? sentence : `${sentence}.`, note };
}

function holdsOf(rule: RuleDefinition, params: ParamLookup): RuleView['holds'] {
  const all = rule.holds ?? [];
  return all.map((h, i) => ({
    when: h.when ? describeCondition(h.when, params) : null,
    whenText: h.when ? ('when' as const) : i === 0 ? ('always' as const) : ('otherwise' as const),
    text: h.text,
    inWords: reasonInWords(h.text, params),
  }));
}

function readingsOf(rule: RuleDefinition, params: ParamLookup): RuleView['readings'] {
  return (rule.readings ?? []).map((r) => ({ when: r.when ? describeCondition(r.when, params) : null, text: r.text, inWords: reasonInWords(r.text, params) }));
}

export function describeRule(rule: RuleDefinition, ctx: RuleContext, book: CaseBook = EMPTY_CASE_BOOK): RuleView {
  const facts = factsOfRule(rule).filter(isFactName);
  const { claims, acts } = claimsAndActsOf(facts);
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
    requires: facts.map((fact) => ({ fact, description: factDescription(fact), planPath: factPlanPath(fact) ?? null, kind: factKind(fact) })),
    claims,
    acts,
    conditions: describeCondition(rule.conditions, ctx.params),
    reason: rule.reason,
    reasonInWords: reasonInWords(rule.reason, ctx.params),
    shows: rule.shows,
    showsText: showsInWords(rule.shows, rule.severity),
    open: openOf(rule, ctx.params),
    asCondition: asConditionOf(rule, acts, ctx.params),
    holds: holdsOf(rule, ctx.params),
    readings: readingsOf(rule, ctx.params),
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
