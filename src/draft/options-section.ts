// Options considered: each option of the appraisal (the routes open to the
// plan, or the options given) with what the law allows, what decides it and
// what it turns on, in prose and in a table. What a sentence says of an
// option's route follows that option's own verdict.
import type { OptionEntryT } from '../options/schema.js';
import type { DraftBlock, DraftSentence } from './schema.js';
import { fill, say } from './phrases.js';
import { trace, verdictTrace, type DecisionContext, type DraftContext, type Numberer } from './context.js';
import { capital, count, routeName, verdictWords, word } from './words.js';
import { isMandatoryWhereItApplies } from '../options/compare.js';
import { inWords } from '../report/plain-words.js';

const P = (name: string) => `options.common.${name}`;
const MAX_QUESTIONS = 3;

const VERDICT_PHRASE: Record<string, string> = {
  compliant: 'lawful',
  'compliant-if': 'lawful-if',
  review: 'open',
  'non-compliant': 'not-lawful',
  'out-of-scope': 'not-lawful',
};

/** Several items joined by semicolons (titles and questions carry commas of their own). */
const joined = (items: string[]) => items.reduce((a, b) => fill(P('separator'), { first: a, rest: b }));

export function optionsSection(d: DecisionContext, _ctx: DraftContext, num: Numberer): DraftBlock[] {
  const report = d.options;
  if (!report) return [{ kind: 'paragraph', number: num.next(), sentences: [say(P('none'), {}, [verdictTrace(d)])] }];
  const ranks = report.options.map((o) => trace(d, 'option', String(o.rank)));
  const label = (o: OptionEntryT) => capital(report.kind === 'routes' ? routeName(o.route.regime, o.route.process) : o.label);
  const blocks: DraftBlock[] = [
    {
      kind: 'paragraph',
      number: num.next(),
      sentences: [
        say(P(report.kind === 'routes' ? 'intro-routes' : 'intro-options'), { count: count(report.options.length) }, ranks),
        say(P('order'), {}, ranks),
      ],
    },
  ];
  for (const o of report.options) {
    const t = [trace(d, 'option', String(o.rank))];
    // PSR direct award A or B is never a choice: mandatory where its conditions hold, unavailable where they do not.
    const mandatoryIf = o.verdict === 'review' && isMandatoryWhereItApplies(o.route.process);
    const sentences: DraftSentence[] = [say(P(mandatoryIf ? 'open-mandatory' : (VERDICT_PHRASE[o.verdict] ?? 'open')), { label: label(o) }, t)];
    if (o.isPlansOwnRoute) sentences.push(say(P(report.kind === 'routes' ? 'own-route' : 'own-option'), {}, t));
    if (o.mandatory === true) sentences.push(say(P('mandatory'), {}, t));
    if (o.deciding.length) {
      const titles = o.deciding.map((x) => inWords(x.title));
      sentences.push(say(P(titles[titles.length - 1]!.endsWith('?') ? 'deciding-question' : 'deciding'), { titles: joined(titles) }, t));
    }
    // The questions, each once (two facts may be asked by one question, as the pension schemes are).
    const questions = [...new Set(o.questions.map((q) => inWords(q.question)))];
    if (questions.length > MAX_QUESTIONS)
      sentences.push(say(P('questions-more'), { count: count(questions.length), questions: questions.slice(0, MAX_QUESTIONS).join(' ') }, t));
    else if (questions.length) sentences.push(say(P('questions'), { questions: questions.join(' ') }, t));
    blocks.push({ kind: 'paragraph', number: num.next(), sentences });
  }
  blocks.push({
    kind: 'table',
    caption: fill(P('caption'), { plan: report.plan.title }),
    head: ['head-rank', 'head-option', 'head-law', 'head-decides'].map((h) => fill(P(h))),
    rows: report.options.map((o) => ({
      cells: [
        String(o.rank),
        label(o),
        o.verdict === 'review' && isMandatoryWhereItApplies(o.route.process) ? word('verdict-review-mandatory') : verdictWords(o.verdict),
        o.deciding.length ? joined(o.deciding.map((x) => inWords(x.title))) : o.questions.length ? joined([...new Set(o.questions.map((q) => inWords(q.question)))]) : fill(P('nothing-open')),
      ],
      traces: [trace(d, 'option', String(o.rank))],
    })),
  });
  return blocks;
}
