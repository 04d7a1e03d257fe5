// The first thing a report says: the one thing to do next. A contradiction
// between the conditions comes first (nothing else can be done right until
// it is fixed), then a breach, then a point that needs a person's judgement,
// then the first condition, then the question that settles most.
import type { ConditionEntryT, FindingT, NextStepT, QuestionT } from '../report/schema.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LONG_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`);

/** The dates a reason names (reasons write dates out in words: 17 November 2026), as ISO dates, in the order named. */
function datesIn(text: string): string[] {
  return [...text.matchAll(new RegExp(LONG_DATE.source, 'g'))].map((m) => `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
}
const firstDate = (text: string): string | null => datesIn(text)[0] ?? null;
const earliestDate = (text: string): string | null => datesIn(text).sort()[0] ?? null;

export function nextStep(findings: readonly FindingT[], conditions: readonly ConditionEntryT[], questions: readonly QuestionT[]): NextStepT {
  const decided = (severity: FindingT['severity']) => findings.find((f) => f.severity === severity && f.missingFacts.length === 0);
  const breach = decided('out-of-scope') ?? decided('non-compliant');
  const conflict = conditions.find((c) => c.conflict);
  const review = decided('review');
  if (conflict) {
    // A decided finding on the same timetable names the date that resolves it (the award decision to bring forward): the soonest date it names.
    const fix = breach ?? review;
    return {
      kind: 'contradiction',
      text: fix ? fix.reason : conflict.conflict!.reason,
      date: fix ? earliestDate(fix.reason) : conflict.latest?.date ?? conflict.earliest?.date ?? null,
      ruleId: fix?.ruleId ?? conflict.conflict!.rules[0] ?? null,
    };
  }
  if (breach) return { kind: 'breach', text: `${breach.title}: ${breach.reason}`, date: firstDate(breach.reason), ruleId: breach.ruleId };
  if (review) return { kind: 'review', text: `${review.title}: ${review.reason}`, date: firstDate(review.reason), ruleId: review.ruleId };
  const condition = conditions.find((c) => c.due) ?? conditions[0];
  if (condition) return { kind: 'condition', text: condition.instruction, date: condition.due, ruleId: condition.rules[0] ?? null };
  const question = questions[0];
  if (question) return { kind: 'question', text: question.question, date: null, ruleId: question.decides[0] ?? null };
  return { kind: 'none', text: 'Nothing to do before proceeding: no rule finds against the plan and it leaves no condition or question open.', date: null, ruleId: null };
}
