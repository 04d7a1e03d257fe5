// The timetable: the check's dated steps from the day of the draft to the
// service start, as a table, and the key dates as a paragraph in the
// reports' style (a step with a phrase of its own in timetable.common.json).
import type { DraftBlock, DraftSentence, DraftTable } from './schema.js';
import { fill, phrases, say } from './phrases.js';
import { trace, type DecisionContext, type DraftContext, type Numberer } from './context.js';
import { count, date, durationOf, kindWords, metWords } from './words.js';
import { isOpenStep, openSteps } from './open-steps.js';
import { inWords } from '../report/plain-words.js';

const P = (name: string) => `timetable.common.${name}`;
const stepPhrase = (stepId: string) => P(`step-${stepId.replace(/\./g, '-')}`);

export function timetableSection(d: DecisionContext, ctx: DraftContext, num: Numberer): DraftBlock[] {
  const { plan, report } = d;
  const rows = report.timetable.filter((r) => r.date >= ctx.today);
  const passed = report.timetable.length - rows.length;
  const start = plan.dates.contractStart ?? null;
  const lead: DraftSentence[] = [];
  if (report.timetable.length === 0) return [{ kind: 'paragraph', number: num.next(), sentences: [say(P('none'), {}, [trace(d, 'verdict', report.verdict)])] }];
  if (start) lead.push(say(P('intro'), { today: date(ctx.today), start: date(start) }, [trace(d, 'plan', 'dates.contractStart')]));
  if (passed === 1) lead.push(say(P('passed-one'), { today: date(ctx.today) }, report.timetable.filter((r) => r.date < ctx.today).map((r) => trace(d, 'timetable', r.stepId, r.lot))));
  else if (passed > 1) lead.push(say(P('passed'), { count: count(passed), today: date(ctx.today) }, report.timetable.filter((r) => r.date < ctx.today).map((r) => trace(d, 'timetable', r.stepId, r.lot))));

  // The key dates in a paragraph: the procurement start, then each step the phrases have words for, in date order.
  const key: DraftSentence[] = [];
  if (plan.dates.procurementStart >= ctx.today) key.push(say(P('procurement-start'), { date: date(plan.dates.procurementStart) }, [trace(d, 'plan', 'dates.procurementStart')]));
  const values = (r: (typeof rows)[number]): Record<string, string> | null => {
    const v: Record<string, string> = { date: date(r.date) };
    if (start) v.start = date(start);
    if (plan.term.mobilisationMonths !== undefined && plan.term.mobilisationMonths > 0) v.mobilisation = durationOf(plan.term.mobilisationMonths);
    const p = phrases().get(stepPhrase(r.stepId));
    return p && p.uses.every((u) => v[u] !== undefined) ? v : null;
  };
  const said = new Set<string>();
  const open = openSteps(report);
  for (const r of rows) {
    // A step only an open finding adds is not a key date: it is due only if that finding applies.
    if (r.lot || said.has(r.stepId) || isOpenStep(open, r.stepId)) continue;
    const v = values(r);
    if (!v) continue;
    said.add(r.stepId);
    const step = report.steps.find((s) => s.id === r.stepId);
    key.push(say(stepPhrase(r.stepId), v, [trace(d, 'timetable', r.stepId)], { cites: step && r.stepId !== 'timetable.service-start' ? [step.citation] : [] }));
  }
  const problems = report.findings
    .filter((f) => f.ruleId.startsWith('timetable.') && f.severity !== 'info')
    .map((f) => say(P('problem'), { title: inWords(f.title) }, [trace(d, 'finding', f.ruleId, f.lot)], { cites: [f.citation] }));

  const stepCell = (r: (typeof rows)[number]) => {
    const what = isOpenStep(open, r.stepId, r.lot) ? fill(P('row-step-if-open'), { what: inWords(r.what) }) : inWords(r.what);
    return r.lot ? fill(P('row-step-lot'), { what, lot: r.lot }) : what;
  };
  const table: DraftTable = {
    kind: 'table',
    caption: fill(P('caption'), { plan: report.plan.title }),
    head: [P('head-date'), P('head-step'), P('head-kind'), P('head-planned')].map((id) => fill(id)),
    rows: rows.map((r) => ({
      cells: [date(r.date), stepCell(r), kindWords(r.kind), metWords(r.planned, r.met)],
      traces: [trace(d, 'timetable', r.stepId, r.lot)],
    })),
  };
  const blocks: DraftBlock[] = [];
  if (lead.length) blocks.push({ kind: 'paragraph', number: num.next(), sentences: lead });
  if (key.length) blocks.push({ kind: 'paragraph', number: num.next(), sentences: key });
  if (problems.length) blocks.push({ kind: 'paragraph', number: num.next(), sentences: problems });
  blocks.push(table);
  return blocks;
}
