// The rule catalogue as Markdown, for a legal team to read, annotate and
// attach to an approval: every rule in words, with its law, numbers and cases.
import type { Citation } from '../law/citation.js';
import type { Phrase } from './describe-condition.js';
import type { ParamView } from './rule-params.js';
import type { WorkedCase } from './rule-cases.js';
import { changesInWords, dateInWords, testDifference } from './words.js';
import type { RuleView } from './rule-view.js';
import type { Catalogue } from './catalogue-sections.js';

/** Rule text is data: it must not turn into markup or break a table. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

export function mdCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function mdCitation(c: Citation): string {
  return `[${mdText(`${c.instrument}, ${c.provision}`)}](${c.url})`;
}

export function mdPhrase(p: Phrase, indent = ''): string[] {
  const field = p.planPath ? ` (plan: ${mdCode(p.planPath)})` : '';
  return [`${indent}- ${mdText(p.text)}${field}`, ...(p.children ?? []).flatMap((c) => mdPhrase(c, `${indent}  `))];
}

function usage(p: ParamView): string {
  if (p.readBy) return p.readBy.length ? `read by ${p.readBy.map(mdCode).join(', ')}` : 'read by the facts procheck derives from the plan, not by a rule directly';
  return p.usedIn.length ? `used in ${mdText(p.usedIn.join(', '))}` : 'not read by any rule';
}

export function mdParam(p: ParamView): string[] {
  const note = p.source.note ? ` ${mdText(p.source.note)}` : '';
  const out = [
    `**${mdText(p.title)}** (${mdCode(p.id)}), ${usage(p)}; ${mdText(p.appliesBy)}. Source: ${mdCitation(p.source)}.${note}`,
    '',
    '| In force | Value | Source of this value |',
    '|---|---|---|',
  ];
  for (const v of p.periods) {
    const src = v.source ? mdCitation(v.source) : 'as above';
    out.push(`| ${mdText(v.period)} | ${mdText(v.valueText)}${v.note ? ` (${mdText(v.note)})` : ''} | ${src} |`);
  }
  return [...out, ''];
}

function caseLine(c: WorkedCase): string {
  return `- ${mdCode(c.id)}${c.title ? `: ${mdText(c.title)}` : ''} (verdict ${c.verdict}; cases/${mdText(c.planFile)})`;
}

/** One rule, from its heading down; `level` lets `explain` use the same layout at the top of a page. */
export function ruleMarkdown(v: RuleView, level = 3): string[] {
  const h = '#'.repeat(level);
  const sub = '#'.repeat(level + 1);
  const out = [
    `<a id="${v.id}"></a>`,
    '',
    `${h} ${mdText(v.title)}`,
    '',
    `- **Rule:** ${mdCode(v.id)} (${mdCode(v.file)})`,
    `- **Regime:** ${mdText(v.regimeTitle)}${v.overlay ? `, ${mdText(v.overlay.authority)}${v.overlay.example ? ' (example overlay)' : ''}` : ''}`,
    `- **Severity:** ${mdText(v.severityText)}`,
    `- **Law:** ${mdCitation(v.citation)}${v.citation.note ? `. ${mdText(v.citation.note)}` : ''}`,
    ...(v.reviewed ? [`- **Reviewed:** by ${mdText(v.reviewed.by)}${v.reviewed.role ? ` (${mdText(v.reviewed.role)})` : ''} on ${dateInWords(v.reviewed.on)}${v.reviewed.note ? `. ${mdText(v.reviewed.note)}` : ''}`] : []),
    '',
    `${sub} When it applies`,
    '',
    mdText(v.runsFor),
    '',
  ];
  if (v.appliesWhen) out.push('And only when:', '', ...mdPhrase(v.appliesWhen), '');
  out.push(`${sub} It fires when`, '', ...mdPhrase(v.conditions), '');
  if (v.requires.length) {
    out.push('If the plan does not state one of these facts, the finding is a review naming it, never a guess:', '');
    for (const r of v.requires) out.push(`- ${mdText(r.description)}${r.planPath ? ` (plan: ${mdCode(r.planPath)})` : ''}`);
    out.push('');
  }
  out.push(`${sub} Reason given`, '', `> ${mdText(v.reasonInWords)}`, '');
  if (v.steps.length) {
    out.push(`${sub} Steps it adds`, '');
    for (const s of v.steps) out.push(`- ${mdText(s.title)} (${mdCode(s.id)})${s.citation ? `: ${mdCitation(s.citation)}` : ''}`);
    out.push('');
  }
  if (v.params.length) {
    out.push(`${sub} Parameters`, '');
    for (const p of v.params) out.push(...mdParam(p));
  }
  out.push(`${sub} Cases that exercise it`, '');
  const t = v.cases.test;
  if (t)
    out.push(
      `Rule test (${mdText(t.suite.name)}, ${mdCode(t.suite.source)}), on the suite's compliant base plan:`,
      '',
      `- fires when ${mdText(changesInWords(t.fires))}`,
      `- does not fire when ${mdText(changesInWords(t.doesNotFire))}`,
      `- the difference: ${mdText(testDifference(t.fires, t.doesNotFire))}`,
      '',
    );
  if (v.cases.fires.length) out.push('Worked cases it fires in:', '', ...v.cases.fires.map(caseLine), '');
  if (v.cases.silent.length) out.push('Worked cases checked not to fire:', '', ...v.cases.silent.map(caseLine), '');
  if (!v.cases.fires.length && !v.cases.silent.length) out.push('No worked case in cases/ names this rule.', '');
  return out;
}

export function renderCatalogueMarkdown(cat: Catalogue): string {
  const out = [
    '# procheck rule catalogue',
    '',
    `Rule set version ${mdCode(cat.version)}: ${cat.ruleCount} rules, ${cat.caseCount} worked cases.`,
    '',
    'Each rule is shown as procheck runs it: when it applies, the test that makes it fire (in words), the law it cites, the reason a report gives, the steps it adds, the dated parameters it reads with their sources, and the cases that exercise it: its own rule test and the worked cases (cases/).',
    '',
    '## Contents',
    '',
  ];
  for (const s of cat.sections) {
    out.push(`- [${mdText(s.title)}](#${s.anchor})`);
    for (const r of s.rules) out.push(`  - [${mdText(r.title)}](#${r.id}) (${mdCode(r.id)})`);
  }
  out.push('- [Every parameter, with its dated values and sources](#parameters)', '');
  for (const s of cat.sections) {
    out.push(`<a id="${s.anchor}"></a>`, '', `## ${mdText(s.title)}`, '');
    for (const p of s.intro) out.push(mdText(p), '');
    if (s.source) out.push(`Source: ${s.source.url ? `[${mdText(s.source.text)}](${s.source.url})` : mdText(s.source.text)}.`, '');
    for (const r of s.rules) out.push(...ruleMarkdown(r));
  }
  out.push('<a id="parameters"></a>', '', '## Every parameter, with its dated values and sources', '');
  for (const p of cat.params) out.push(`<a id="param-${p.id}"></a>`, '', ...mdParam(p));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
