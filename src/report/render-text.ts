// Plain-text report for a terminal.
import type { Report } from './schema.js';
import { formatValue } from './format.js';
import { timetableText } from './render-timetable.js';
import { labelLots, lotLines } from './lots.js';

export const VERDICT_WORDS: Record<Report['verdict'], string> = {
  compliant: 'COMPLIANT: no rule found a problem',
  'compliant-if': 'COMPLIANT IF YOU meet the conditions below (your own acts, with their dates)',
  review: 'REVIEW: a person must check the findings marked review',
  'non-compliant': 'NON-COMPLIANT: the plan breaks at least one rule',
  'out-of-scope': 'OUT OF SCOPE: the plan falls under a regime procheck does not check',
};

export const SEVERITY_TAG = { 'out-of-scope': 'OUT OF SCOPE', 'non-compliant': 'NON-COMPLIANT', review: 'REVIEW', info: 'INFO' } as const;

function wrap(text: string, indent: string, width = 88): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > width - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** Which local contract procedure rules were applied, and whether they are only an example. */
export function overlayText(o: NonNullable<Report['overlay']>): string {
  const head = `Local rules: ${o.authority} (overlay "${o.id}"), on top of the law.`;
  return o.example
    ? `${head} EXAMPLE only, built from ${o.source.document}, not from the authority's own constitution and contract procedure rules: check those before relying on the local findings.`
    : `${head} Source: ${[o.source.document, o.source.section].filter(Boolean).join(', ')}.`;
}

const DUE_WORDS = { deadline: 'by', earliest: 'not before', latest: 'at the latest' } as const;

export function dueText(step: Report['steps'][number]): string {
  const window = [
    step.earliest && step.dueKind !== 'earliest' ? `not before ${formatValue(step.earliest, 'date')}` : '',
    step.latest && step.dueKind !== 'latest' ? `at the latest ${formatValue(step.latest, 'date')}` : '',
  ].filter(Boolean);
  const due = step.due ? [`${DUE_WORDS[step.dueKind ?? 'deadline']} ${formatValue(step.due, 'date')}`] : step.timing && !window.length ? [step.timing] : [];
  return [...due, ...window].join('; ');
}

export function renderText(judged: Report): string {
  const report = labelLots(judged);
  const out: string[] = [];
  out.push(`procheck ${report.procheck} | rule set ${report.ruleSetVersion}`);
  out.push(`Plan: ${report.plan.title} (${report.plan.id}), ${report.plan.authority}`);
  out.push('');
  out.push(`Verdict: ${VERDICT_WORDS[report.verdict]}`);
  out.push(`Regime: ${report.regime.applicable ?? 'undetermined'} (plan says ${report.regime.declared})`);
  out.push(wrap(`Because: ${report.regime.basis}`, '  '));
  if (report.overlay) out.push(wrap(overlayText(report.overlay), '  ').replace(/^  /, ''));
  const f = report.facts;
  if (typeof f.lifetimeValue === 'number')
    out.push(`Lifetime value: ${formatValue(f.lifetimeValue, 'gbp')}; maximum term ${formatValue(f.maxTermMonths, 'months')}`);
  if (report.lots) {
    out.push(`Lots (${report.lots.length}), each judged as a contract of its own:`);
    for (const line of lotLines(report)) out.push(`  - ${line}`);
  }
  out.push('');
  out.push(wrap(`Do this next: ${report.next.text}`, ''));
  if (report.conditions.length) {
    out.push('');
    out.push(report.verdict === 'compliant-if' ? `Compliant if you (${report.conditions.length}):` : `Conditions: what you must do (${report.conditions.length})`);
    for (const [i, c] of report.conditions.entries()) {
      out.push(wrap(`${String(i + 1).padStart(2)}. ${c.instruction}${c.onlyIf ? ` (Only if so: ${c.onlyIf})` : ''}`, '    ').replace(/^    /, ''));
      if (c.conflict) out.push(wrap(`CONTRADICTION: ${c.conflict.reason}`, '    '));
      if (c.assumes) out.push(wrap(`(Worked out with you to ${c.assumes}.)`, '    '));
    }
  }
  if (report.holds.length) {
    out.push('');
    out.push(`Why this route is lawful (${report.holds.length})`);
    for (const h of report.holds) {
      out.push(wrap(`- ${h.reason}`, '  ').replace(/^  /, ''));
      out.push(`    Law: ${h.citation.instrument}, ${h.citation.provision}`);
    }
  }
  if (report.questions.length) {
    out.push('');
    out.push(`Answer ${report.questions.length} question${report.questions.length === 1 ? '' : 's'} to decide`);
    for (const [i, q] of report.questions.entries()) {
      out.push(wrap(`${String(i + 1).padStart(2)}. ${q.question}`, '    ').replace(/^    /, ''));
      out.push(wrap(`Why we ask: ${q.why}`, '    '));
    }
  }
  out.push('');
  out.push(`Findings (${report.findings.length})`);
  for (const finding of report.findings) {
    out.push(`- [${SEVERITY_TAG[finding.severity]}] ${finding.title}  (${finding.ruleId})`);
    out.push(wrap(finding.reason, '    '));
    out.push(`    Law: ${finding.citation.instrument}, ${finding.citation.provision}`);
    out.push(`         ${finding.citation.url}`);
  }
  if (report.route.length) {
    out.push('');
    out.push('How the route runs');
    for (const r of report.route) out.push(wrap(`- ${r.text} (${r.citation.provision})`, '  ').replace(/^  /, ''));
  }
  if (report.steps.length) {
    out.push('');
    out.push(`Required steps (${report.steps.length})`);
    for (const [i, step] of report.steps.entries()) {
      const due = dueText(step);
      out.push(`${String(i + 1).padStart(2)}. ${step.title}${due ? ` [${due}]` : ''}`);
      out.push(`    ${step.citation.instrument}, ${step.citation.provision}`);
    }
  }
  if (report.timetable.length) {
    out.push('');
    out.push(`Timetable (${report.timetable.length} dates, in order)`);
    out.push(...timetableText(report.timetable));
  }
  if (report.trace) {
    out.push('');
    out.push('Trace');
    for (const t of report.trace) {
      out.push(`- ${t.ruleId}: ${t.outcome}`);
      for (const c of t.conditions)
        out.push(
          `    ${c.result === null ? '·' : c.result ? '✓' : '✗'} ${c.fact} ${c.operator} ${JSON.stringify(c.comparedWith ?? c.expected)} (saw ${JSON.stringify(c.factValue)})`,
        );
    }
  }
  return out.join('\n') + '\n';
}
