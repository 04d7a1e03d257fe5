// The questions a report asks: each open fact once, from the findings it can
// change (reviews only: an information finding's answer changes no verdict),
// the one that settles the most findings first, each with what it decides,
// the law, and a JSON Schema for its answer.
import type { FindingT, QuestionT } from '../report/schema.js';
import { answerSchema } from '../plan/answer-schema.js';

export function questionsOf(findings: readonly FindingT[]): QuestionT[] {
  const byFact = new Map<string, { q: QuestionT; first: number }>();
  findings.forEach((f, i) => {
    if (f.severity !== 'review') return;
    for (const m of f.missingFacts) {
      const key = m.planPath ?? m.fact;
      let entry = byFact.get(key);
      if (!entry) {
        entry = {
          first: i,
          q: { fact: m.fact, planPath: m.planPath, question: m.question, why: '', decides: [], answer: m.planPath ? answerSchema(m.planPath) : {} },
        };
        byFact.set(key, entry);
      }
      if (!entry.q.decides.includes(f.ruleId)) entry.q.decides.push(f.ruleId);
    }
  });
  const titles = new Map(findings.map((f) => [f.ruleId, f]));
  return [...byFact.values()]
    .sort((a, b) => b.q.decides.length - a.q.decides.length || a.first - b.first)
    .map(({ q }) => ({
      ...q,
      why: `${q.decides.length === 1 ? 'It decides' : `It decides ${q.decides.length} findings`}: ${q.decides
        .map((id) => {
          const f = titles.get(id)!;
          return `${f.title.replace(/\?$/, '')} (${f.citation.provision})`;
        })
        .join('; ')}.${q.planPath ? ` Plan field: ${q.planPath}.` : ''}`,
    }));
}
