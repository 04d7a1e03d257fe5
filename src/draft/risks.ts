// Risks (legal and timetable): each finding against the plan, open question,
// condition or missed date as a row, its likelihood stated only where the law
// or the dates decide it (a breach on the plan's facts, a date the plan's own
// dates miss, conditions no date can meet), else "not stated"; its mitigation
// the step, answer or date that removes it.
import type { DraftBlock, DraftTable, DraftTrace } from './schema.js';
import { fill, say } from './phrases.js';
import { trace, verdictTrace, type DecisionContext, type DraftContext, type Numberer } from './context.js';
import { date, dueWords } from './words.js';
import { inSentence } from './plan-words.js';
import { inWords } from '../report/plain-words.js';

const P = (name: string) => `risks.common.${name}`;
type Row = DraftTable['rows'][number];

export function risks(d: DecisionContext, ctx: DraftContext, num: Numberer): DraftBlock[] {
  const { report } = d;
  const rows: Row[] = [];
  const row = (cells: string[], traces: DraftTrace[]) => rows.push({ cells, traces });
  const next = report.next;

  // Findings decided on the plan's facts or dates (an open one is a question below).
  for (const f of report.findings) {
    if (f.severity === 'info' || f.missingFacts.length) continue;
    const likelihood = f.severity === 'review' ? (f.ruleId.startsWith('timetable.') ? fill(P('likely-dates')) : fill(P('not-stated'))) : fill(P('likely-breach'));
    const mitigation =
      next.ruleId === f.ruleId ? next.text : f.severity === 'review' ? fill(P('judge')) : fill(P('change'));
    row([inWords(f.title), likelihood, inWords(mitigation)], [trace(d, 'finding', f.ruleId, f.lot)]);
  }
  // Open questions: what the answer may change is not known until it is given.
  for (const q of report.questions)
    row(
      [fill(P('question-risk'), { question: inWords(q.question) }), fill(P('not-stated')), q.planPath ? fill(P('answer'), { field: q.planPath }) : fill(P('answer-plain'))],
      [trace(d, 'question', q.fact, q.lot)],
    );
  // Conditions: the authority's own acts; certain only where no date can meet them all.
  // The risk is what follows if the act is not done (the titles of the rules it keeps from firing), by its date where it has one;
  // the mitigation is the act. Where the conditions' own conflict says no date meets them all, that is certain, and the
  // mitigation says the conflict, never a window the plan's dates cannot use.
  for (const c of report.conditions) {
    const titles = c.rules.map((id) => ctx.ruleSet.rules.find((r) => r.id === id)?.title).filter((t): t is string => !!t);
    const what = inWords(titles.length ? titles.map(inSentence).join('; ') : inSentence(c.instruction));
    const risk = c.due ? fill(P('condition-risk'), { due: date(c.due), titles: what }) : fill(P('condition-risk-undated'), { titles: what });
    row(
      [risk, c.conflict ? fill(P('likely-conflict')) : fill(P('not-stated')), c.conflict ? fill(P('conflict-mitigation'), { reason: inWords(c.conflict.reason) }) : inWords(c.instruction)],
      [trace(d, 'condition', c.id, c.lot)],
    );
  }
  // Dates the plan's own dates miss.
  for (const t of report.timetable)
    if (t.met === false)
      row([fill(P('date-missed'), { what: inWords(t.what) }), fill(P('likely-dates')), fill(P('move-date'), { due: dueWords(t.kind, t.date) })], [trace(d, 'timetable', t.stepId, t.lot)]);

  if (!rows.length) return [{ kind: 'paragraph', number: num.next(), sentences: [say(P('none'), {}, [verdictTrace(d)])] }];
  return [
    { kind: 'paragraph', number: num.next(), sentences: [say(P('intro'), {}, rows.flatMap((r) => r.traces))] },
    { kind: 'table', caption: fill(P('caption'), { plan: report.plan.title }), head: ['head-risk', 'head-likelihood', 'head-mitigation'].map((h) => fill(P(h))), rows },
  ];
}
