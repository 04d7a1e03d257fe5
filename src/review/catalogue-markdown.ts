// The rule catalogue as Markdown, for a legal team to read, annotate and
// attach to an approval: every rule in words, with its law, numbers and cases.
import type { Citation } from '../law/citation.js';
import type { Phrase } from './describe-condition.js';
import type { ParamView } from './rule-params.js';
import { exercised, type CaseUse } from './rule-cases.js';
import { changesInWords, dateInWords, joinWords, sentence, testDifference } from './words.js';
import type { RuleView } from './rule-view.js';
import type { Catalogue } from './catalogue-sections.js';
import type { ActView, ClaimView, FactKinds } from './fact-kinds.js';

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

function caseLine(c: CaseUse): string {
  const lots = c.inLots ? `; in lot${c.inLots.length === 1 ? '' : 's'} ${c.inLots.map(mdCode).join(', ')}` : '';
  return `- ${mdCode(c.id)}${c.title ? `: ${mdText(c.title)}` : ''} (verdict ${c.verdict}; cases/${mdText(c.planFile)}${lots})`;
}

/** The lists of worked cases under "Cases that exercise it", each with its lead-in; the same for every format. */
export const CASE_LISTS = [
  ['fires', 'Worked cases it fires in:'],
  ['holds', 'Worked cases in which the route holds on it (the report says why):'],
  ['route', 'Worked cases whose route it describes:'],
  ['conditions', 'Worked cases in which it is a condition on the authority:'],
  ['silent', 'Worked cases checked not to give it as a finding:'],
] as const;

/** A rule's facts with their kinds: what happens when the plan leaves each out. */
export const FACTS_LEAD =
  'A fact about the world the plan does not state leaves the rule open, with a question naming it, never a guess; a claim the plan leaves out is not relied on; an act of the authority the plan leaves open is a condition:';

/** The kind note after a fact in a rule's list: the claim's default or the act's condition. */
export function factNote(v: RuleView, fact: string): string | null {
  return v.claims.find((c) => c.fact === fact && c.via === null)?.text ?? v.acts.find((a) => a.fact === fact && a.via === null)?.text ?? null;
}

/** Claims and acts the rule reaches only through a derived fact. */
export const throughFacts = (v: RuleView) => [...v.claims, ...v.acts].filter((x) => x.via !== null);

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
    `- **Shown as:** ${mdText(v.showsText)}`,
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
    out.push(`The facts it reads. ${FACTS_LEAD}`, '');
    for (const r of v.requires) {
      const note = factNote(v, r.fact);
      out.push(`- ${mdText(r.description)}${r.planPath ? ` (plan: ${mdCode(r.planPath)})` : ''}${note ? `. ${mdText(note)}` : ''}`);
    }
    const through = throughFacts(v);
    if (through.length) {
      out.push('', 'And through the facts it reads, which are worked out from them:', '');
      for (const x of through) out.push(`- ${mdText(x.description)}${x.planPath ? ` (plan: ${mdCode(x.planPath)})` : ''}. ${mdText(x.text)}`);
    }
    out.push('');
  }
  out.push(`${sub} Reason given`, '', `> ${mdText(v.reasonInWords)}`, '');
  if (v.readings.length) {
    out.push(
      `${sub} On each reading`,
      '',
      'After the reason (when the rule fires, or when the plan leaves it open), the report says what the law requires on each reading the plan’s facts do not rule out:',
      '',
    );
    for (const r of v.readings) {
      out.push(`- “${mdText(r.inWords)}”`);
      if (r.when) out.push(...mdPhrase({ ...r.when, text: `When: ${r.when.text}` }, '  '));
    }
    out.push('');
  }
  out.push(`${sub} Left open`, '', mdText(v.open.text), '');
  if (v.asCondition) out.push(`${sub} As a condition`, '', mdText(v.asCondition.sentence), '', mdText(v.asCondition.note), '');
  if (v.holds.length) {
    out.push(
      `${sub} Why the route holds`,
      '',
      'When the rule applies and its test fails on the plan’s own figures and dates, the report says why the route holds on it, in the first of these whose condition holds:',
      '',
    );
    for (const h of v.holds) {
      out.push(`- ${h.whenText === 'otherwise' ? 'Otherwise: ' : ''}“${mdText(h.inWords)}”`);
      if (h.when) out.push(...mdPhrase({ ...h.when, text: `When: ${h.when.text}` }, '  '));
    }
    out.push('');
  }
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
  for (const [key, lead] of CASE_LISTS) if (v.cases[key].length) out.push(lead, '', ...v.cases[key].map(caseLine), '');
  if (!exercised(v.cases)) out.push('No worked case in cases/ names this rule.', '');
  return out;
}

export const CATALOGUE_INTRO =
  'Each rule is shown as procheck runs it: when it applies, the test that makes it fire (in words), the law it cites, the facts it reads and what happens when a plan leaves each out (a question, a claim not relied on, or a condition on the authority’s own act), the reason a report gives, the question it asks when the plan leaves it open, the condition it puts on the authority’s act, why the route holds when its test fails, the steps it adds, the dated parameters it reads with their sources, and the cases that exercise it: its own rule test and the worked cases (cases/).';

/** What the claims-and-acts section says before its lists, in every format. */
export const FACT_KINDS_TITLE = 'Claims and acts: what a plan may leave out';
export const FACT_KINDS_INTRO = [
  'Most facts are facts about the world: a plan that does not state one gets a question naming it, never a guess. Two kinds of fact are different, and the fact catalogue (src/plan/fact-catalogue.ts) marks them; this section is generated from it.',
];
export const CLAIMS_INTRO =
  'An exception, justification, ground or determination the authority must itself invoke and substantiate. A plan that leaves one out does not rely on it, and the general rule decides; the report says so (report.notClaimed). A plan that states it as not known (null) gets a question, and so does a plan whose route is itself the claim.';
export const ACTS_INTRO =
  'Something the authority itself will do: enter into the contract, publish the award decision, keep a record. Left open, it is not a doubt but a condition of compliance: for a date, the window every rule allows, with the earliest and latest day and why; for a yes/no act, doing it as the law requires (report.conditions, verdict compliant-if).';

export function claimLines(c: ClaimView): string[] {
  return [
    `Left out of a plan: not relied on; the fact is taken as ${c.notClaimedText}.`,
    `Whose burden: ${sentence(c.burden)}`,
    `To rely on it, the plan states ${c.claim}.`,
    ...(c.claimedBy.length ? [`Stays a question where the plan's route is the ${joinWords(c.claimedBy.map((p) => p.label))}: choosing that route is itself the claim.`] : []),
  ];
}

export function actLines(a: ActView): string[] {
  return a.done === null
    ? [`A date. Left open, a condition: ${a.condition}; the report gives the earliest and latest day, each with the rule that sets it and why.`]
    : [`Done as the law requires, it is ${a.done ? 'yes' : 'no'}. Left open, a condition: ${a.condition}.`];
}

function mdFactKinds(k: FactKinds): string[] {
  const readBy = (ids: string[]) => (ids.length ? `Read by ${ids.map((id) => `[${mdCode(id)}](#${id})`).join(', ')}.` : 'Read by no rule.');
  const head = (x: { fact: string; description: string; planPath: string | null }) => [
    `<a id="fact-${x.fact}"></a>`,
    '',
    `#### ${mdText(x.description)}`,
    '',
    `${mdCode(x.fact)}${x.planPath ? `, plan: ${mdCode(x.planPath)}` : ''}`,
    '',
  ];
  return [
    '<a id="claims-and-acts"></a>',
    '',
    `## ${FACT_KINDS_TITLE}`,
    '',
    ...FACT_KINDS_INTRO.flatMap((p) => [mdText(p), '']),
    `### Claims (${k.claims.length}): not relied on unless the plan says so`,
    '',
    mdText(CLAIMS_INTRO),
    '',
    ...k.claims.flatMap((c) => [...head(c), ...claimLines(c).map((l) => `- ${mdText(l)}`), `- ${readBy(c.readBy)}`, '']),
    `### Acts of the authority (${k.acts.length}): left open, a condition`,
    '',
    mdText(ACTS_INTRO),
    '',
    ...k.acts.flatMap((a) => [...head(a), ...actLines(a).map((l) => `- ${mdText(l)}`), `- ${readBy(a.readBy)}`, '']),
  ];
}

export function renderCatalogueMarkdown(cat: Catalogue): string {
  const out = [
    '# procheck rule catalogue',
    '',
    `Rule set version ${mdCode(cat.version)}: ${cat.ruleCount} rules, ${cat.caseCount} worked cases.`,
    '',
    CATALOGUE_INTRO,
    '',
    '## Contents',
    '',
  ];
  for (const s of cat.sections) {
    out.push(`- [${mdText(s.title)}](#${s.anchor})`);
    for (const r of s.rules) out.push(`  - [${mdText(r.title)}](#${r.id}) (${mdCode(r.id)})`);
  }
  out.push(`- [${mdText(FACT_KINDS_TITLE)}](#claims-and-acts)`);
  out.push('- [Every parameter, with its dated values and sources](#parameters)', '');
  for (const s of cat.sections) {
    out.push(`<a id="${s.anchor}"></a>`, '', `## ${mdText(s.title)}`, '');
    for (const p of s.intro) out.push(mdText(p), '');
    if (s.source) out.push(`Source: ${s.source.url ? `[${mdText(s.source.text)}](${s.source.url})` : mdText(s.source.text)}.`, '');
    for (const r of s.rules) out.push(...ruleMarkdown(r));
  }
  out.push(...mdFactKinds(cat.facts));
  out.push('<a id="parameters"></a>', '', '## Every parameter, with its dated values and sources', '');
  for (const p of cat.params) out.push(`<a id="param-${p.id}"></a>`, '', ...mdParam(p));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
