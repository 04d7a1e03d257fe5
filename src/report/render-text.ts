// Plain-text report for a terminal.
import type { Report } from './schema.js';
import { formatValue } from '../engine/template.js';

const VERDICT_WORDS: Record<Report['verdict'], string> = {
  compliant: 'COMPLIANT: no rule found a problem',
  review: 'REVIEW: a person must check the findings marked review',
  'non-compliant': 'NON-COMPLIANT: the plan breaks at least one rule',
  'out-of-scope': 'OUT OF SCOPE: the plan falls under a regime procheck does not check',
};

const SEVERITY_TAG = { 'out-of-scope': 'OUT OF SCOPE', 'non-compliant': 'NON-COMPLIANT', review: 'REVIEW', info: 'INFO' } as const;

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

export function dueText(step: Report['steps'][number]): string {
  if (step.due) return `${step.dueKind === 'earliest' ? 'not before' : 'by'} ${formatValue(step.due, 'date')}`;
  return step.timing ?? '';
}

export function renderText(report: Report): string {
  const out: string[] = [];
  out.push(`procheck ${report.procheck} | rule set ${report.ruleSetVersion}`);
  out.push(`Plan: ${report.plan.title} (${report.plan.id}), ${report.plan.authority}`);
  out.push('');
  out.push(`Verdict: ${VERDICT_WORDS[report.verdict]}`);
  out.push(`Regime: ${report.regime.applicable ?? 'undetermined'} (plan says ${report.regime.declared})`);
  out.push(wrap(`Because: ${report.regime.basis}`, '  '));
  const f = report.facts;
  if (typeof f.lifetimeValue === 'number')
    out.push(`Lifetime value: ${formatValue(f.lifetimeValue, 'gbp')}; maximum term ${formatValue(f.maxTermMonths, 'months')}`);
  out.push('');
  out.push(`Findings (${report.findings.length})`);
  for (const finding of report.findings) {
    out.push(`- [${SEVERITY_TAG[finding.severity]}] ${finding.title}  (${finding.ruleId})`);
    out.push(wrap(finding.reason, '    '));
    out.push(`    Law: ${finding.citation.instrument}, ${finding.citation.provision}`);
    out.push(`         ${finding.citation.url}`);
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
