// Markdown report, for a briefing note or an issue tracker.
import type { Report } from './schema.js';
import { formatValue } from './format.js';
import { dueText, overlayText } from './render-text.js';
import { timetableMarkdown } from './render-timetable.js';
import { labelLots, lotLines } from './lots.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(judged: Report): string {
  const report = labelLots(judged);
  const out: string[] = [];
  out.push(`# procheck: ${report.plan.title}`);
  out.push('');
  out.push(`**Verdict: ${report.verdict}**  `);
  out.push(`Authority: ${report.plan.authority}  `);
  out.push(`Regime: ${report.regime.applicable ?? 'undetermined'} (plan says ${report.regime.declared}): ${report.regime.basis}  `);
  if (report.overlay) out.push(`${overlayText(report.overlay)}  `);
  if (typeof report.facts.lifetimeValue === 'number')
    out.push(`Lifetime value ${formatValue(report.facts.lifetimeValue, 'gbp')}; maximum term ${formatValue(report.facts.maxTermMonths, 'months')}  `);
  out.push(`procheck ${report.procheck}, rule set ${report.ruleSetVersion}`);
  out.push('');
  if (report.lots) {
    out.push(`## Lots (${report.lots.length})`);
    out.push('');
    for (const line of lotLines(report)) out.push(`- ${line}`);
    out.push('');
  }
  out.push(`**Do this next:** ${report.next.text}`);
  out.push('');
  if (report.conditions.length) {
    out.push(report.verdict === 'compliant-if' ? '## Compliant if you' : '## Conditions: what you must do');
    out.push('');
    for (const [i, c] of report.conditions.entries()) {
      out.push(`${i + 1}. ${c.instruction}${c.onlyIf ? ` (Only if so: ${c.onlyIf})` : ''}${c.conflict ? `  \n   **Contradiction:** ${c.conflict.reason}` : ''}`);
    }
    out.push('');
  }
  if (report.holds.length) {
    out.push('## Why this route is lawful');
    out.push('');
    for (const h of report.holds) out.push(`- ${h.reason} *([${h.citation.instrument}, ${h.citation.provision}](${h.citation.url}))*`);
    out.push('');
  }
  if (report.questions.length) {
    out.push(`## Answer ${report.questions.length} question${report.questions.length === 1 ? '' : 's'} to decide`);
    out.push('');
    for (const [i, q] of report.questions.entries()) out.push(`${i + 1}. ${q.question}  \n   *Why we ask:* ${q.why}`);
    out.push('');
  }
  out.push('## Findings');
  out.push('');
  for (const f of report.findings) {
    out.push(`### ${f.severity}: ${f.title}`);
    out.push('');
    out.push(f.reason);
    out.push('');
    out.push(`*Rule \`${f.ruleId}\`; [${f.citation.instrument}, ${f.citation.provision}](${f.citation.url})*`);
    out.push('');
  }
  if (report.route.length) {
    out.push('## How the route runs');
    out.push('');
    for (const r of report.route) out.push(`- ${r.text} *([${r.citation.provision}](${r.citation.url}))*`);
    out.push('');
  }
  if (report.steps.length) {
    out.push('## Required steps');
    out.push('');
    out.push('| # | Step | When | Law |');
    out.push('|---|---|---|---|');
    for (const [i, s] of report.steps.entries())
      out.push(`| ${i + 1} | ${cell(s.title)} | ${cell(dueText(s))} | [${cell(s.citation.provision)}](${s.citation.url}) |`);
    out.push('');
  }
  if (report.timetable.length) {
    out.push('## Timetable');
    out.push('');
    out.push(...timetableMarkdown(report.timetable));
    out.push('');
  }
  if (report.trace) {
    out.push('## Trace');
    out.push('');
    for (const t of report.trace) {
      out.push(`- \`${t.ruleId}\`: ${t.outcome}`);
      for (const c of t.conditions)
        out.push(`  - ${c.fact} ${c.operator} ${JSON.stringify(c.comparedWith ?? c.expected)}: saw ${JSON.stringify(c.factValue)} → ${c.result ?? 'not evaluated'}`);
    }
  }
  return out.join('\n') + '\n';
}
