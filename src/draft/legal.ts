// Legal implications: procurement. The regime and why it applies, the route
// and why it is lawful (or why not, or what is still open), the notices and
// periods it requires, the term and its last possible end, TUPE and pensions,
// and the local rules where an overlay applies: each statement the check's
// own (its findings, holds, conditions and steps), with its citation as a
// footnote. Nothing here decides anything: it sorts what the check found.
import type { Citation } from '../law/citation.js';
import type { ConditionEntryT, FindingT, HoldsT, RequiredStepT } from '../report/schema.js';
import type { DraftBlock, DraftSentence, DraftTrace } from './schema.js';
import { fill, phrases, say } from './phrases.js';
import { trace, verdictTrace, type DecisionContext, type DraftContext, type Numberer } from './context.js';
import { count, date, duration, extensions, money, regimeName, theRoute } from './words.js';
import { inSentence, routeTraces } from './plan-words.js';
import { isOpenStep, openSteps } from './open-steps.js';
import { inWords } from '../report/plain-words.js';
import { isMandatoryWhereItApplies, placedForUnmadeClaim } from '../options/compare.js';
import { processKind } from '../plan/facts.js';

const C = (name: string) => `legal.common.${name}`;

type Part = 'procurement' | 'term' | 'tupe' | 'local';

/** Which part of the section a rule's finding, holds or condition belongs to, by the rule's family. */
function partOf(ruleId: string, regime?: string): Part {
  if (ruleId.startsWith('terms.')) return 'term';
  if (ruleId.startsWith('tupe.') || regime === 'tupe') return 'tupe';
  if (ruleId.startsWith('local.') || regime === 'local') return 'local';
  return 'procurement';
}
const conditionPart = (c: ConditionEntryT): Part => partOf(c.rules[0] ?? c.id);


/** The rule set's citation for a rule (the regime's choice), where it has one. */
function ruleCitation(ctx: DraftContext, id: string): Citation[] {
  const rule = ctx.ruleSet.rules.find((r) => r.id === id);
  return rule ? [rule.citation] : [];
}

function findingSentence(d: DecisionContext, f: FindingT): DraftSentence {
  const t = trace(d, 'finding', f.ruleId, f.lot);
  if (f.missingFacts.length) {
    const q = f.missingFacts[0]!;
    return say(C('open-finding'), { title: inWords(f.title), question: inWords(q.question) }, [t], { cites: [f.citation] });
  }
  return say(C('finding'), { reason: inWords(f.reason) }, [t], { cites: [f.citation] });
}

const holdsSentence = (d: DecisionContext, h: HoldsT) => say(C('holds'), { reason: inWords(h.reason) }, [trace(d, 'holds', h.ruleId, h.lot)], { cites: [h.citation] });

function conditionSentence(d: DecisionContext, c: ConditionEntryT): DraftSentence {
  const t = [trace(d, 'condition', c.id, c.lot)];
  return c.onlyIf
    ? say(C('condition-only-if'), { instruction: inWords(c.instruction), onlyIf: inWords(c.onlyIf) }, t, { cites: c.citations })
    : say(C('condition'), { instruction: inWords(c.instruction) }, t, { cites: c.citations });
}

/** A step the route requires, in the check's words (its date is in the timetable). */
const stepSentence = (d: DecisionContext, s: RequiredStepT): DraftSentence => say(C('step'), { title: s.title }, [trace(d, 'step', s.id, s.lot)], { cites: [s.citation] });

export function legal(d: DecisionContext, ctx: DraftContext, num: Numberer): DraftBlock[] {
  const { plan, report } = d;
  const blocks: DraftBlock[] = [];
  const para = (sentences: DraftSentence[]) => {
    if (sentences.length) blocks.push({ kind: 'paragraph', number: num.next(), sentences });
  };
  // A part of the section: under its decision's heading where the draft has several, else at the first level.
  const heading = (name: string) => blocks.push({ kind: 'heading', level: ctx.decisions.length > 1 ? 2 : 1, text: fill(C(name)) });
  const regime = report.regime.applicable;
  const route = theRoute(regime ?? (plan.route.regime === 'auto' ? null : plan.route.regime), plan.route.process);
  const regimeTrace = trace(d, 'regime', regime ?? report.regime.declared);
  const findings = (part: Part) => report.findings.filter((f) => partOf(f.ruleId, f.regime) === part);
  const holds = (part: Part) => report.holds.filter((h) => partOf(h.ruleId) === part);
  const conditions = (part: Part) => report.conditions.filter((c) => conditionPart(c) === part);
  // A step only an open finding adds is said after that finding, as conditional, never as required.
  const open = openSteps(report);
  const required = (s: RequiredStepT) => !isOpenStep(open, s.id, s.lot);
  const saidIfOpen = new Set<RequiredStepT>();
  const findingSentences = (f: FindingT): DraftSentence[] => {
    const out = [findingSentence(d, f)];
    if (!f.missingFacts.length) return out;
    for (const s of report.steps)
      if (!required(s) && !saidIfOpen.has(s) && s.addedBy.includes(f.ruleId) && s.lot === f.lot) {
        saidIfOpen.add(s);
        out.push(say(C('step-if-open'), { title: inSentence(s.title) }, [trace(d, 'step', s.id, s.lot), trace(d, 'finding', f.ruleId, f.lot)], { cites: [s.citation] }));
      }
    return out;
  };

  // The regime and why it applies; the value it is judged at.
  heading('heading-procurement');
  const regimeSentences: DraftSentence[] = [];
  if (regime) {
    const cites = { cites: ruleCitation(ctx, 'scope.regime-chosen') };
    regimeSentences.push(
      phrases().has(`legal.${regime}.regime`)
        ? say(`legal.${regime}.regime`, {}, [regimeTrace], cites)
        : say(C('regime-named'), { regime: regimeName(regime) }, [regimeTrace], cites),
    );
    regimeSentences.push(say(C('regime-basis'), { basis: inWords(report.regime.basis) }, [regimeTrace]));
  } else {
    regimeSentences.push(say(C('regime-open'), { basis: inWords(report.regime.basis) }, [regimeTrace]));
  }
  const lifetime = report.facts.lifetimeValue;
  const maxTerm = report.facts.maxTermMonths;
  if (typeof lifetime === 'number' && typeof maxTerm === 'number') {
    const valueRule = [...report.holds, ...report.findings].find((x) => x.ruleId === 'terms.options-in-value');
    regimeSentences.push(
      say(C('value'), { term: duration(maxTerm), value: money(lifetime) }, [trace(d, 'fact', 'lifetimeValue'), trace(d, 'fact', 'maxTermMonths')], {
        cites: valueRule ? [valueRule.citation] : [],
      }),
    );
  }
  para(regimeSentences);

  // The route: lawful, lawful on conditions, open, or not, as the verdict says; then the check's reasons.
  const onRoute: DraftTrace[] = [verdictTrace(d), ...routeTraces(d)];
  const verdict = report.verdict;
  const routeSentences: DraftSentence[] = [];
  const against = findings('procurement').filter((f) => f.severity !== 'info');
  if (verdict === 'compliant') routeSentences.push(say(C('route-lawful'), { route }, onRoute));
  else if (verdict === 'compliant-if') routeSentences.push(say(C('route-lawful-if'), { route }, [...onRoute, ...report.conditions.map((c) => trace(d, 'condition', c.id, c.lot))]));
  else {
    const deciding = report.findings.filter((f) => f.severity !== 'info').map((f) => trace(d, 'finding', f.ruleId, f.lot));
    const phrase = verdict === 'review' ? 'route-open' : verdict === 'out-of-scope' ? 'route-out-of-scope' : 'route-not-lawful';
    routeSentences.push(say(C(phrase), { route }, [...onRoute, ...deciding]));
    if (verdict !== 'review') routeSentences.push(say(C('not-recommended'), {}, [verdictTrace(d)]));
  }
  // The findings against the route first (the worst first), then the route's own conditions.
  const order = ['out-of-scope', 'non-compliant', 'review'];
  routeSentences.push(...[...against].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)).flatMap(findingSentences));
  routeSentences.push(...conditions('procurement').map((c) => conditionSentence(d, c)));
  para(routeSentences);

  // Why the route holds, and whether it is the only one open (the options appraisal of the plan's routes).
  const why: DraftSentence[] = [];
  const own = d.options?.kind === 'routes' ? d.options.options.find((o) => o.isPlansOwnRoute) : undefined;
  const mandatoryHolds = report.holds.filter((h) => h.ruleId === 'psr.direct-award-a.mandatory' || h.ruleId === 'psr.direct-award-b.mandatory');
  if (regime === 'psr' && mandatoryHolds.length === 2 && !['direct-award-a', 'direct-award-b'].includes(plan.route.process))
    why.push(say('legal.psr.no-mandatory-process', {}, mandatoryHolds.map((h) => trace(d, 'holds', h.ruleId)), { cites: mandatoryHolds.map((h) => h.citation) }));
  if (own && own.mandatory !== true) {
    // Only the routes the law leaves to the authority's choice: lawful or lawful if the facts allow, not a
    // process the law makes mandatory where it applies (PSR direct award A or B), and not one that needs a
    // claim the plan does not make (urgency, a ground, or a change to the existing contract the plan does not describe).
    const others = d.options!.options.filter(
      (o) =>
        !o.isPlansOwnRoute &&
        (o.standing === 'lawful' || o.standing === 'lawful-if') &&
        !isMandatoryWhereItApplies(o.route.process) &&
        !placedForUnmadeClaim(o) &&
        (processKind(o.route.process as typeof plan.route.process) !== 'change' || plan.change !== undefined),
    );
    const traces = [trace(d, 'option', String(own.rank)), ...others.map((o) => trace(d, 'option', String(o.rank)))];
    if (others.length === 1) why.push(say(C('other-route'), { route }, traces));
    else if (others.length > 1) why.push(say(C('other-routes'), { route, count: count(others.length) }, traces));
    if (others.some((o) => o.standing === 'lawful') && own.standing === 'lawful')
      why.push(say(C('choice'), {}, traces));
  }
  const routeHolds = holds('procurement').filter((h) => !mandatoryHolds.includes(h));
  if (routeHolds.length) why.push(say(C('holds-intro'), {}, routeHolds.map((h) => trace(d, 'holds', h.ruleId, h.lot))), ...routeHolds.map((h) => holdsSentence(d, h)));
  para(why);

  // What the plan does not claim, so the check did not rely on it.
  para(report.notClaimed.filter((n) => partOf(n.rules[0] ?? '') === 'procurement').map((n) => say(C('not-claimed'), { claim: inWords(n.claim) }, [trace(d, 'not-claimed', n.fact)])));

  // How the route runs, and the notices and periods it requires (not for a route the check finds unlawful).
  if (verdict !== 'non-compliant' && verdict !== 'out-of-scope') {
    para(report.route.filter((r) => !r.ruleId.startsWith('timetable.')).map((r) => say(C('route-runs'), { text: inWords(r.text) }, [trace(d, 'route', r.ruleId, r.lot)], { cites: [r.citation] })));
    const steps = report.steps.filter((s) => /^(psr|pcr2015|pa2023)\./.test(s.id) && required(s));
    if (steps.length) para([say(C('steps-intro'), {}, steps.map((s) => trace(d, 'step', s.id, s.lot))), ...steps.map((s) => stepSentence(d, s))]);
  }
  // Informative findings of the procurement (the rules that apply whatever the verdict).
  // (The regime's choice is said above, from the same basis.)
  para(findings('procurement').filter((f) => f.severity === 'info' && f.ruleId !== 'scope.regime-chosen').flatMap(findingSentences));

  // Term, extensions and the changes the contract allows.
  heading('heading-term');
  const term: DraftSentence[] = [];
  if (plan.dates.contractStart)
    term.push(
      say(
        C('term'),
        { term: duration(plan.term.initialMonths), start: date(plan.dates.contractStart), extensions: extensions(plan.term.extensions.map((e) => e.months)) },
        [trace(d, 'plan', 'term.initialMonths'), trace(d, 'plan', 'dates.contractStart'), ...(plan.term.extensions.length ? [trace(d, 'plan', 'term.extensions')] : [])],
      ),
    );
  const end = report.facts.contractEndIfAllOptions;
  if (typeof end === 'string' && typeof maxTerm === 'number')
    term.push(say(C('last-end'), { end: date(end), maxTerm: duration(maxTerm) }, [trace(d, 'fact', 'contractEndIfAllOptions'), trace(d, 'fact', 'maxTermMonths')]));
  term.push(...findings('term').flatMap(findingSentences));
  term.push(...holds('term').filter((h) => h.ruleId !== 'terms.options-in-value').map((h) => holdsSentence(d, h)));
  term.push(...conditions('term').map((c) => conditionSentence(d, c)));
  term.push(...report.steps.filter((s) => s.id.startsWith('terms.') && required(s)).map((s) => stepSentence(d, s)));
  para(term);

  // TUPE and pensions.
  heading('heading-tupe');
  const tupe: DraftSentence[] = [
    ...findings('tupe').filter((f) => !f.missingFacts.length).flatMap(findingSentences),
    ...holds('tupe').map((h) => holdsSentence(d, h)),
    ...conditions('tupe').map((c) => conditionSentence(d, c)),
    ...findings('tupe').filter((f) => f.missingFacts.length).flatMap(findingSentences),
    ...report.notClaimed.filter((n) => partOf(n.rules[0] ?? '') === 'tupe').map((n) => say(C('not-claimed'), { claim: inWords(n.claim) }, [trace(d, 'not-claimed', n.fact)])),
  ];
  if (!tupe.length) tupe.push(say(C('tupe-none'), {}, [verdictTrace(d)]));
  para(tupe);

  // The authority's own contract procedure rules and decision-making, where an overlay applies.
  if (report.overlay) {
    heading('heading-local');
    const overlay = trace(d, 'overlay', report.overlay.id);
    para([
      say(C('overlay'), { authority: report.overlay.authority }, [overlay]),
      ...(report.overlay.example ? [say(C('overlay-example'), {}, [overlay])] : []),
      ...findings('local').flatMap(findingSentences),
      ...holds('local').map((h) => holdsSentence(d, h)),
      ...conditions('local').map((c) => conditionSentence(d, c)),
    ]);
  }
  return blocks;
}
