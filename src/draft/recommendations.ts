// Recommendations, in the reports' own form. The route is recommended only
// where the check finds it lawful (compliant) or lawful on conditions
// (compliant-if); otherwise the recommendation says what must be settled or
// changed first, in the check's own words (its next step).
import { processKind } from '../plan/facts.js';
import type { DraftBlock, DraftSentence, DraftTrace } from './schema.js';
import { say } from './phrases.js';
import { trace, verdictTrace, type DecisionContext, type DraftContext, type Numberer } from './context.js';
import { duration, date, extensions, theRoute, word, count } from './words.js';
import { serviceWords, routeTraces, inSentence } from './plan-words.js';
import { inWords } from '../report/plain-words.js';

const P = (name: string) => `recommendations.common.${name}`;

export function recommendations(d: DecisionContext, ctx: DraftContext, num: Numberer): DraftBlock[] {
  const { plan, report } = d;
  const para = (...sentences: DraftSentence[]): DraftBlock => ({ kind: 'paragraph', number: num.next(), sentences });
  const route = theRoute(report.regime.applicable ?? (plan.route.regime === 'auto' ? null : plan.route.regime), plan.route.process);
  const service = serviceWords(plan);
  const onRoute: DraftTrace[] = [verdictTrace(d), ...routeTraces(d)];
  const serviceTraces = plan.services.map((_, i) => trace(d, 'plan', `services.${i}.description`));
  const blocks: DraftBlock[] = [];
  const lead = say(P('lead'), { decisionMaker: ctx.decisionMaker ?? word('decision-maker-default') }, [verdictTrace(d)]);
  blocks.push({ kind: 'paragraph', number: null, sentences: [lead] });

  const verdict = report.verdict;
  if (verdict === 'compliant' || verdict === 'compliant-if') {
    const values = {
      action: word(plan.incumbent ? 'recommissioning' : 'commissioning'),
      service,
      route,
      term: duration(plan.term.initialMonths),
      start: date(plan.dates.contractStart ?? plan.dates.procurementStart),
      extensions: extensions(plan.term.extensions.map((e) => e.months)),
    };
    const termTraces = [
      trace(d, 'plan', 'term.initialMonths'),
      trace(d, 'plan', plan.dates.contractStart ? 'dates.contractStart' : 'dates.procurementStart'),
      ...(plan.term.extensions.length ? [trace(d, 'plan', 'term.extensions')] : []),
    ];
    const conditions = report.conditions.map((c) => trace(d, 'condition', c.id, c.lot));
    const change = processKind(plan.route.process) === 'change' ? '-change' : '';
    if (verdict === 'compliant') {
      blocks.push(para(say(P(`approve${change}`), values, [...onRoute, ...serviceTraces, ...termTraces])));
      blocks.push(para(say(P(`delegate${change}`), { delegate: ctx.delegate ?? word('delegate-default') }, [verdictTrace(d)])));
    } else {
      blocks.push(para(say(P(change ? 'approve-change-if' : 'approve-if'), values, [...onRoute, ...serviceTraces, ...termTraces, ...conditions])));
      blocks.push(para(say(P(`delegate${change}-if`), { delegate: ctx.delegate ?? word('delegate-default') }, [verdictTrace(d), ...conditions])));
    }
  } else {
    const hold = verdict === 'review' ? 'hold-review' : verdict === 'out-of-scope' ? 'hold-scope' : 'hold-breach';
    const deciding = report.findings.filter((f) => f.severity !== 'info').map((f) => trace(d, 'finding', f.ruleId, f.lot));
    blocks.push(para(say(P(hold), { route, service }, [...onRoute, ...serviceTraces, ...deciding])));
    const nextTraces: DraftTrace[] = report.next.ruleId && report.findings.some((f) => f.ruleId === report.next.ruleId) ? [trace(d, 'finding', report.next.ruleId)] : [verdictTrace(d)];
    // What must be decided or answered comes first; a dated act of the authority (a condition) is not something to
    // settle before deciding: it follows approval.
    const datedAct = report.next.kind === 'condition';
    if (report.next.kind !== 'none' && !datedAct) blocks.push(para(say(P('settle-first'), { next: inSentence(inWords(report.next.text)) }, nextTraces)));
    const questions = report.questions.map((q) => trace(d, 'question', q.fact, q.lot));
    if (questions.length === 1) blocks.push(para(say(P('answer-question'), {}, questions)));
    else if (questions.length > 1) blocks.push(para(say(P('answer-questions'), { count: count(questions.length) }, questions)));
    if (datedAct) {
      const acts = report.conditions.map((c) => trace(d, 'condition', c.id, c.lot));
      blocks.push(para(say(P('after-approval'), { next: inSentence(inWords(report.next.text)) }, acts.length ? acts : [verdictTrace(d)])));
    }
  }
  if (d.options?.kind === 'options' && d.options.options.length > 1) {
    blocks.push(para(say(P('options-compared'), { count: count(d.options.options.length) }, d.options.options.map((o) => trace(d, 'option', String(o.rank))))));
  }
  return blocks;
}
