// `procheck explain` output: the rule in words, and optionally what it made of one plan.
import type { RuleView } from './rule-view.js';
import type { EvaluatedPhrase, PlanEvaluation } from './explain.js';
import type { ParamView } from './rule-params.js';
import { phraseLines } from './describe-condition.js';
import { CASE_LISTS, FACTS_LEAD, factNote, mdCode, mdText, ruleMarkdown, throughFacts } from './catalogue-markdown.js';
import { exercised } from './rule-cases.js';
import { changesInWords, REGIME_TITLES, testDifference } from './words.js';

function paramLines(p: ParamView, indent: string): string[] {
  const out = [
    `${indent}${p.title} (${p.id})`,
    `${indent}  used in ${p.usedIn.join(', ')}; ${p.appliesBy}`,
    `${indent}  source: ${p.source.instrument}, ${p.source.provision} <${p.source.url}>${p.source.note ? `. ${p.source.note}` : ''}`,
  ];
  for (const v of p.periods) {
    out.push(`${indent}  ${v.period}: ${v.valueText}${v.note ? ` (${v.note})` : ''}`);
    if (v.source) out.push(`${indent}    source: ${v.source.instrument}, ${v.source.provision} <${v.source.url}>`);
  }
  return out;
}

export function renderRuleText(v: RuleView): string[] {
  const out = [
    v.id,
    v.title,
    '',
    `Regime:   ${v.regimeTitle}${v.overlay ? `, ${v.overlay.authority}${v.overlay.example ? ' (example overlay)' : ''}` : ''}`,
    `Severity: ${v.severityText}`,
    `Shown as: ${v.showsText}`,
    `Law:      ${v.citation.instrument}, ${v.citation.provision}`,
    `          ${v.citation.url}`,
    ...(v.citation.note ? [`          ${v.citation.note}`] : []),
    `File:     ${v.file}`,
    '',
    'When it applies',
    `  ${v.runsFor}`,
  ];
  if (v.appliesWhen) out.push('  And only when:', ...phraseLines(v.appliesWhen, '  '));
  out.push('', 'It fires when', ...phraseLines(v.conditions, '  '));
  if (v.requires.length) {
    out.push('', 'Facts it reads', `  ${FACTS_LEAD}`);
    for (const r of v.requires) {
      const note = factNote(v, r.fact);
      out.push(`  - ${r.description}${r.planPath ? ` [plan: ${r.planPath}]` : ''}`, ...(note ? [`      ${note}`] : []));
    }
    const through = throughFacts(v);
    if (through.length) {
      out.push('  And through the facts it reads, which are worked out from them:');
      for (const x of through) out.push(`  - ${x.description}${x.planPath ? ` [plan: ${x.planPath}]` : ''}`, `      ${x.text}`);
    }
  }
  out.push('', 'Reason given', `  “${v.reasonInWords}”`);
  out.push('', 'Left open', `  ${v.open.text}`);
  if (v.asCondition) out.push('', 'As a condition', `  ${v.asCondition.sentence}`, `  ${v.asCondition.note}`);
  if (v.holds.length) {
    out.push('', 'Why the route holds (when it applies and its test fails; the first whose condition holds)');
    for (const h of v.holds) {
      out.push(`  - ${h.whenText === 'otherwise' ? 'Otherwise: ' : ''}“${h.inWords}”`);
      if (h.when) out.push(...phraseLines({ ...h.when, text: `When: ${h.when.text}` }, '      '));
    }
  }
  if (v.steps.length) {
    out.push('', 'Steps it adds');
    for (const s of v.steps) out.push(`  - ${s.title} (${s.id})${s.citation ? `: ${s.citation.instrument}, ${s.citation.provision}` : ''}`);
  }
  if (v.params.length) {
    out.push('', 'Parameters');
    for (const p of v.params) out.push(...paramLines(p, '  '));
  }
  out.push('', 'Cases that exercise it');
  const t = v.cases.test;
  if (t)
    out.push(
      `  Rule test (${t.suite.name}, ${t.suite.source}), on the suite's compliant base plan:`,
      `    - fires when ${changesInWords(t.fires)}`,
      `    - does not fire when ${changesInWords(t.doesNotFire)}`,
      `    - the difference: ${testDifference(t.fires, t.doesNotFire)}`,
    );
  const caseLine = (c: RuleView['cases']['fires'][number]) =>
    `    - ${c.id}${c.title ? `: ${c.title}` : ''} (verdict ${c.verdict}${c.inLots ? `; in lot${c.inLots.length === 1 ? '' : 's'} ${c.inLots.join(', ')}` : ''})`;
  for (const [key, lead] of CASE_LISTS) if (v.cases[key].length) out.push(`  ${lead}`, ...v.cases[key].map(caseLine));
  if (!exercised(v.cases)) out.push('  No worked case in cases/ names this rule.');
  return out;
}

/** null is "open" where the rule was read (the plan leaves a fact it needs unknown), "not evaluated" where it was not. */
const holdsWord = (h: boolean | null | undefined, read = false) =>
  h === true ? 'holds' : h === false ? 'does not hold' : read ? 'open: the plan does not say enough to decide it' : 'not evaluated';

function seen(p: EvaluatedPhrase): string {
  if (!('result' in p)) return '';
  const parts = [
    `the plan gives ${p.factValueText ?? (p.result === null ? 'nothing (not read)' : 'not known')}`,
    ...(p.comparedWithText !== undefined ? [`compared with ${p.comparedWithText}`] : []),
    holdsWord(p.result, p.factValue !== undefined),
  ];
  return parts.join('; ');
}

function evaluatedLines(p: EvaluatedPhrase, indent: string): string[] {
  const own = [`${indent}- ${p.text}`];
  if ('result' in p) own.push(`${indent}    -> ${seen(p)}`);
  return [...own, ...(p.children ?? []).flatMap((c) => evaluatedLines(c, `${indent}  `))];
}

/** What the report made of the rule besides the outcome line: its conditions, its questions, the claims left out. Lines without indent or bullets. */
function settledLines(e: PlanEvaluation): { title: string; items: string[] }[] {
  const out: { title: string; items: string[] }[] = [];
  if (e.settledBy.length)
    out.push({
      title: e.settledBy.some((c) => c.act) ? 'Conditions on the authority’s act that settle it' : 'The condition',
      items: e.settledBy.map(
        (c) =>
          `${c.act ? `${c.act.description}${c.act.planPath ? ` [plan: ${c.act.planPath}]` : ''}: ` : ''}${c.instruction}${c.onlyIf ? ` Only if: ${c.onlyIf}` : ''}${c.conflict ? ` No date meets every rule: ${c.conflict}` : ''}${c.lot ? ` (lot ${c.lot})` : ''}`,
      ),
    });
  if (e.open?.questions.length)
    out.push({ title: `The questions that decide it`, items: e.open.questions.map((q) => `${q.question}${q.planPath ? ` [plan: ${q.planPath}]` : ''}`) });
  if (e.notClaimed.length)
    out.push({
      title: 'Claims the plan leaves out that it reads: not relied on, so the general rule decides',
      items: e.notClaimed.map((c) => `${c.description}${c.planPath ? ` [plan: ${c.planPath}]` : ''}: taken as ${c.takenAs}. ${c.burden}. To rely on it, the plan states ${c.claim}.`.replace(/\.\. /g, '. ')),
    });
  return out;
}

export function renderEvaluationText(e: PlanEvaluation): string[] {
  const regime = e.regime ? (REGIME_TITLES[e.regime] ?? e.regime) : 'no regime procheck checks';
  const out = ['', `For plan ${e.plan.id} (${e.plan.title}), governed by ${regime}`, `  ${e.outcomeText}`];
  for (const part of settledLines(e)) out.push('', `  ${part.title}`, ...part.items.map((i) => `  - ${i}`));
  if (e.traceOutcome === null || e.traceOutcome === 'not-applicable') return out;
  if (e.appliesWhen) out.push('', `  When it applies: ${holdsWord(e.appliesWhen.holds, e.traceOutcome !== null)}`, ...evaluatedLines(e.appliesWhen.phrase, '  '));
  if (e.requires.length) {
    out.push('', '  Facts it needs');
    for (const r of e.requires) out.push(`  - ${r.description}: ${r.valueText}`);
  }
  out.push('', `  The test: ${holdsWord(e.conditions.holds, e.traceOutcome !== null)}`, ...evaluatedLines(e.conditions.phrase, '  '));
  if (e.finding) out.push('', `  Finding (${e.finding.severity}): ${e.finding.reason}`);
  return out;
}

export function renderExplainText(v: RuleView, e?: PlanEvaluation): string {
  return [...renderRuleText(v), ...(e ? renderEvaluationText(e) : [])].join('\n') + '\n';
}

function evaluatedMd(p: EvaluatedPhrase, indent = ''): string[] {
  const own = `${indent}- ${mdText(p.text)}${'result' in p ? ` — ${mdText(seen(p))}` : ''}`;
  return [own, ...(p.children ?? []).flatMap((c) => evaluatedMd(c, `${indent}  `))];
}

export function renderExplainMarkdown(v: RuleView, e?: PlanEvaluation): string {
  const out = ruleMarkdown(v, 1);
  if (e) {
    const regime = e.regime ? (REGIME_TITLES[e.regime] ?? e.regime) : 'no regime procheck checks';
    out.push(`## For plan ${mdCode(e.plan.id)}: ${mdText(e.plan.title)}`, '', `Governed by ${mdText(regime)}. ${mdText(e.outcomeText)}`, '');
    for (const part of settledLines(e)) out.push(`**${mdText(part.title)}**`, '', ...part.items.map((i) => `- ${mdText(i)}`), '');
    if (e.traceOutcome !== null) {
      if (e.appliesWhen) out.push(`**When it applies:** ${holdsWord(e.appliesWhen.holds, e.traceOutcome !== null)}`, '', ...evaluatedMd(e.appliesWhen.phrase), '');
      if (e.requires.length) out.push('**Facts it needs**', '', ...e.requires.map((r) => `- ${mdText(r.description)}: ${mdText(r.valueText)}`), '');
      out.push(`**The test:** ${holdsWord(e.conditions.holds, e.traceOutcome !== null)}`, '', ...evaluatedMd(e.conditions.phrase), '');
      if (e.finding) out.push(`**Finding (${e.finding.severity}):** ${mdText(e.finding.reason)}`, '');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
