// `procheck diff` output: a change list a lawyer can approve line by line.
import type { ItemChange, PartChange, RuleSetDiff } from './rule-set-diff.js';
import type { ParamView } from './rule-params.js';
import type { RuleView } from './rule-view.js';
import { phraseLines } from './describe-condition.js';
import { dateInWords } from './words.js';
import { mdCitation, mdCode, mdParam, mdPhrase, mdText } from './catalogue-markdown.js';

const PART_NAMES: Record<string, string> = {
  appliesWhen: 'when it applies',
  conditions: 'the test (conditions)',
  requires: 'facts it needs',
  appliesBy: 'date that picks the value',
  planDate: 'plan date compared',
  planDateAtLatest: 'plan date compared as the latest it can be',
  openTitle: 'the question when the plan leaves it open (openTitle)',
  openReason: 'what it says before the questions when left open (openReason)',
  asCondition: 'the condition on the authority’s act (asCondition)',
  holds: 'why the route holds (holds)',
  readings: 'what the law requires on each reading (readings)',
  shows: 'how it is shown (shows)',
  instead: 'what to do instead (instead)',
  reviewed: 'who reviewed it (reviewed)',
};

/** Parts shown before and after as blocks of lines, even when short. */
const BLOCK_PARTS = new Set(['steps', 'requires', 'rules', 'holds', 'readings', 'instead']);
const partName = (p: string) => PART_NAMES[p] ?? p;

function summaryLine(d: RuleSetDiff): string {
  if (d.identical) return `No changes: the two rule sets are identical (version ${d.new.version}).`;
  if (d.changeCount === 0)
    return 'No changes to rules, parameters, steps, overlays or the calendar: the files differ only in descriptions, layout or formatting.';
  return `${d.changeCount} change${d.changeCount === 1 ? '' : 's'}.`;
}

function partText(p: PartChange, indent: string): string[] {
  if (p.before.length <= 1 && p.after.length <= 1 && !BLOCK_PARTS.has(p.part))
    return [`${indent}${partName(p.part)}: ${p.before[0] ?? '(none)'} -> ${p.after[0] ?? '(none)'}`];
  return [
    `${indent}${partName(p.part)}:`,
    `${indent}  before:`,
    ...(p.before.length ? p.before : ['(none)']).map((l) => `${indent}    ${l}`),
    `${indent}  after:`,
    ...(p.after.length ? p.after : ['(none)']).map((l) => `${indent}    ${l}`),
  ];
}

function addedRuleText(v: RuleView): string[] {
  return [
    `  + ${v.id}  [${v.regime}, ${v.severity}]  (${v.file})`,
    `    ${v.title}`,
    `    Law: ${v.citation.instrument}, ${v.citation.provision} <${v.citation.url}>`,
    ...(v.appliesWhen ? ['    When it applies:', ...phraseLines(v.appliesWhen, '      ', false)] : []),
    '    It fires when:',
    ...phraseLines(v.conditions, '      ', false),
    `    Reason: “${v.reason}”`,
    `    Shown as: ${v.showsText}`,
    ...(v.open.title ? [`    Left open, it asks: ${v.open.title}`] : []),
    ...(v.asCondition ? [`    ${v.asCondition.sentence}`] : []),
    ...(v.holds.length ? ['    Why the route holds:', ...v.holds.flatMap((h) => holdsText(h, '      '))] : []),
    ...(v.readings.length
      ? ['    On each reading:', ...v.readings.flatMap((r) => [`      - “${r.inWords}”`, ...(r.when ? phraseLines({ ...r.when, text: `when: ${r.when.text}` }, '        ', false) : [])])]
      : []),
    ...(v.steps.length ? [`    Steps: ${v.steps.map((s) => s.id).join(', ')}`] : []),
  ];
}

function holdsText(h: RuleView['holds'][number], indent: string): string[] {
  return [
    `${indent}- ${h.whenText === 'otherwise' ? 'otherwise: ' : ''}“${h.inWords}”`,
    ...(h.when ? phraseLines({ ...h.when, text: `when: ${h.when.text}` }, `${indent}  `, false) : []),
  ];
}

function paramText(sign: string, p: ParamView): string[] {
  return [
    `  ${sign} ${p.id}: ${p.title}`,
    `    source: ${p.source.instrument}, ${p.source.provision} <${p.source.url}>`,
    ...p.periods.map((v) => `    ${v.period}: ${v.valueText}`),
    ...(p.usedIn.length ? [`    read by: ${p.usedIn.join(', ')}`] : []),
  ];
}

function itemText(sign: string, i: ItemChange): string[] {
  return [`  ${sign} ${i.id}: ${i.title}`, ...i.parts.flatMap((p) => partText(p, '    '))];
}

export function renderDiffText(d: RuleSetDiff): string {
  const out = [
    'Rule set changes',
    `  old: ${d.old.label}  ${d.old.version}`,
    `  new: ${d.new.label}  ${d.new.version}`,
    '',
    summaryLine(d),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', title, ...lines);
  };
  section(`Rules added (${d.rules.added.length})`, d.rules.added.flatMap(addedRuleText));
  section(`Rules removed (${d.rules.removed.length})`, d.rules.removed.flatMap((r) => [`  - ${r.id}  [${r.regime}, ${r.severity}]  (${r.file})`, `    ${r.title}`]));
  section(
    `Rules changed (${d.rules.changed.length})`,
    d.rules.changed.flatMap((r) => [`  ~ ${r.id}: ${r.title}`, `    changed: ${r.parts.map((p) => partName(p.part)).join(', ')}`, ...r.parts.flatMap((p) => partText(p, '    '))]),
  );
  section(`Parameters added (${d.params.added.length})`, d.params.added.flatMap((p) => paramText('+', p)));
  section(`Parameters removed (${d.params.removed.length})`, d.params.removed.flatMap((p) => paramText('-', p)));
  section(
    `Parameters changed (${d.params.changed.length})`,
    d.params.changed.flatMap((p) => [
      `  ~ ${p.id}: ${p.title}`,
      ...p.parts.flatMap((x) => partText(x, '    ')),
      ...(p.values.length ? ['    values:'] : []),
      ...p.values.flatMap((v) => [`      before: ${v.before ?? '(no such period)'}`, `      after:  ${v.after ?? '(no such period)'}`]),
      ...(p.readBy.length ? [`    read by: ${p.readBy.join(', ')}`] : []),
    ]),
  );
  section(`Steps added (${d.steps.added.length})`, d.steps.added.flatMap((s) => itemText('+', s)));
  section(`Steps removed (${d.steps.removed.length})`, d.steps.removed.flatMap((s) => itemText('-', s)));
  section(`Steps changed (${d.steps.changed.length})`, d.steps.changed.flatMap((s) => itemText('~', s)));
  section(`Overlays added (${d.overlays.added.length})`, d.overlays.added.flatMap((o) => itemText('+', o)));
  section(`Overlays removed (${d.overlays.removed.length})`, d.overlays.removed.flatMap((o) => itemText('-', o)));
  section(`Overlays changed (${d.overlays.changed.length})`, d.overlays.changed.flatMap((o) => itemText('~', o)));
  section(
    `Bank holidays changed (${d.calendar.length} regions)`,
    d.calendar.flatMap((c) => [`  ~ ${c.region}`, ...c.added.map((h) => `    + ${h}`), ...c.removed.map((h) => `    - ${h}`)]),
  );
  return out.join('\n') + '\n';
}

function partMd(p: PartChange): string[] {
  // Condition lines arrive as an indented "- " list already; other parts as plain lines.
  const list = (lines: string[]) =>
    (lines.length ? lines : ['(none)']).map((l) => {
      const m = /^(\s*)- (.*)$/.exec(l);
      return `    ${m ? m[1] : ''}- ${mdText(m ? m[2]! : l)}`;
    });
  return [`- **${mdText(partName(p.part))}**`, '  - before:', ...list(p.before), '  - after:', ...list(p.after)];
}

function itemMd(i: ItemChange): string[] {
  return [`### ${mdCode(i.id)}: ${mdText(i.title)}`, '', ...i.parts.flatMap(partMd), ''];
}

export function renderDiffMarkdown(d: RuleSetDiff): string {
  const out = [
    '# Rule set changes',
    '',
    '| | directory | version |',
    '|---|---|---|',
    `| old | ${mdText(d.old.label)} | ${mdCode(d.old.version)} |`,
    `| new | ${mdText(d.new.label)} | ${mdCode(d.new.version)} |`,
    '',
    mdText(summaryLine(d)),
    '',
  ];
  const section = (title: string, n: number, lines: string[]) => {
    if (n) out.push(`## ${title} (${n})`, '', ...lines);
  };
  section(
    'Rules added',
    d.rules.added.length,
    d.rules.added.flatMap((v) => [
      `### ${mdCode(v.id)}: ${mdText(v.title)}`,
      '',
      `${mdText(v.regimeTitle)}; ${mdText(v.severityText)}; ${mdCitation(v.citation)}; ${mdCode(v.file)}.`,
      '',
      ...(v.appliesWhen ? ['When it applies:', '', ...mdPhrase(v.appliesWhen), ''] : []),
      'It fires when:',
      '',
      ...mdPhrase(v.conditions),
      '',
      `> ${mdText(v.reason)}`,
      '',
      `Shown as: ${mdText(v.showsText)}.`,
      '',
      ...(v.open.title ? [`Left open, it asks: ${mdText(v.open.title)}`, ''] : []),
      ...(v.asCondition ? [mdText(v.asCondition.sentence), ''] : []),
      ...(v.holds.length
        ? [
            'Why the route holds:',
            '',
            ...v.holds.flatMap((h) => [
              `- ${h.whenText === 'otherwise' ? 'otherwise: ' : ''}“${mdText(h.inWords)}”`,
              ...(h.when ? mdPhrase({ ...h.when, text: `when: ${h.when.text}` }, '  ') : []),
            ]),
            '',
          ]
        : []),
    ]),
  );
  section(
    'Rules removed',
    d.rules.removed.length,
    [...d.rules.removed.map((r) => `- ${mdCode(r.id)}: ${mdText(r.title)} (${r.regime}, ${r.severity}; ${mdCitation(r.citation)})`), ''],
  );
  section(
    'Rules changed',
    d.rules.changed.length,
    d.rules.changed.flatMap((r) => [`### ${mdCode(r.id)}: ${mdText(r.title)}`, '', `Changed: ${mdText(r.parts.map((p) => partName(p.part)).join(', '))}.`, '', ...r.parts.flatMap(partMd), '']),
  );
  section('Parameters added', d.params.added.length, d.params.added.flatMap((p) => mdParam(p)));
  section('Parameters removed', d.params.removed.length, d.params.removed.flatMap((p) => mdParam(p)));
  section(
    'Parameters changed',
    d.params.changed.length,
    d.params.changed.flatMap((p) => [
      `### ${mdCode(p.id)}: ${mdText(p.title)}`,
      '',
      ...p.parts.flatMap(partMd),
      ...(p.values.length
        ? ['', '| period starting | before | after |', '|---|---|---|', ...p.values.map((v) => `| ${dateInWords(v.from)} | ${mdText(v.before ?? '(no such period)')} | ${mdText(v.after ?? '(no such period)')} |`)]
        : []),
      '',
      ...(p.readBy.length ? [`Read by: ${p.readBy.map(mdCode).join(', ')}.`, ''] : []),
    ]),
  );
  section('Steps added', d.steps.added.length, d.steps.added.flatMap(itemMd));
  section('Steps removed', d.steps.removed.length, d.steps.removed.flatMap(itemMd));
  section('Steps changed', d.steps.changed.length, d.steps.changed.flatMap(itemMd));
  section('Overlays added', d.overlays.added.length, d.overlays.added.flatMap(itemMd));
  section('Overlays removed', d.overlays.removed.length, d.overlays.removed.flatMap(itemMd));
  section('Overlays changed', d.overlays.changed.length, d.overlays.changed.flatMap(itemMd));
  section(
    'Bank holidays changed',
    d.calendar.length,
    d.calendar.flatMap((c) => [`- ${mdText(c.region)}`, ...c.added.map((h) => `  - added ${mdText(h)}`), ...c.removed.map((h) => `  - removed ${mdText(h)}`), '']),
  );
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
