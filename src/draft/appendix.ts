// The appendix: the audit record the draft is traced to (as the printable
// report's, src/report/audit.ts): the plan's answers as checked, the procheck
// and rule set that checked it, its verdict and its findings.
import { planAnswers } from '../report/audit.js';
import type { DraftBlock } from './schema.js';
import { fill, say } from './phrases.js';
import { trace, verdictTrace, type DecisionContext, type DraftContext, type Numberer } from './context.js';
import { severityWords, verdictWords } from './words.js';

const P = (name: string) => `appendix.common.${name}`;

export function appendix(d: DecisionContext, _ctx: DraftContext, num: Numberer): DraftBlock[] {
  const { report } = d;
  const plan = report.plan.title;
  const blocks: DraftBlock[] = [
    {
      kind: 'paragraph',
      number: num.next(),
      sentences: [say(P('checked'), { version: report.procheck, ruleSet: report.ruleSetVersion, verdict: verdictWords(report.verdict) }, [verdictTrace(d)])],
    },
    {
      kind: 'table',
      caption: fill(P('answers-caption'), { plan }),
      head: [fill(P('head-field')), fill(P('head-answer'))],
      rows: planAnswers(d.input).filter(([path]) => path).map(([path, answer]) => ({ cells: [path, answer], traces: [trace(d, 'plan', path)] })),
    },
  ];
  if (report.findings.length)
    blocks.push({
      kind: 'table',
      caption: fill(P('findings-caption'), { plan }),
      head: [fill(P('head-rule')), fill(P('head-severity')), fill(P('head-finding'))],
      rows: report.findings.map((f) => ({ cells: [f.ruleId, severityWords(f.severity), f.title], traces: [trace(d, 'finding', f.ruleId, f.lot)] })),
    });
  else blocks.push({ kind: 'paragraph', number: num.next(), sentences: [say(P('no-findings'), {}, [verdictTrace(d)])] });
  return blocks;
}
