// An audit of published notices as text, Markdown or JSON: one notice in full;
// many as a line each and a summary by authority and by kind of defect.
import { longDate } from '../calendar/civil-date.js';
import type { NoticeAudit, NoticeReport } from './schema.js';

export const NOTICE_FORMATS = ['text', 'markdown', 'json'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

const LABEL: Record<string, string> = {
  compliant: 'COMPLIANT',
  'compliant-if': 'COMPLIANT IF',
  review: 'REVIEW',
  'non-compliant': 'NON-COMPLIANT',
  'out-of-scope': 'OUT-OF-SCOPE',
  'not-checked': 'NOT CHECKED',
};

const wrap = (text: string, indent: string, width = 96): string => {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
};

const dated = (iso: string | null) => {
  if (!iso) return 'undated';
  const d = iso.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? longDate(d) : iso;
};

function noticeText(n: NoticeReport): string {
  const out: string[] = [];
  out.push(`${LABEL[n.verdict]}  ${n.ocid}  ${n.authority ?? '(buyer not named in what was read)'}: ${n.title}`);
  if (n.url) out.push(`  ${n.url}`);
  out.push(wrap(n.summary, '  '));
  out.push(`  Releases read: ${n.releases.map((r) => `${r.id ?? r.where} (${r.tag.join(', ') || 'no tag'}, ${dated(r.date)})`).join('; ')}`);
  for (const c of n.cutShort) out.push(wrap(`The file is cut short (${c.where}, inside ${c.path || 'the document'}): what was read whole is used; what follows is not known.`, '  '));
  for (const m of n.missing) out.push(wrap(`Not given: ${m.planPath}: ${m.why}.`, '  '));
  for (const r of n.readings) out.push(wrap(`Open: ${r.field}, since ${r.why}: judged as each of ${r.values.join(', ')}; only what holds for all is decided.`, '  '));
  for (const c of n.cautions) out.push(wrap(c, '  '));
  if (n.findings.some((f) => f.severity !== 'info')) out.push('  Findings (where they say "the plan", read: the notice, read as a plan):');
  for (const f of n.findings.filter((f) => f.severity !== 'info')) {
    out.push(`  - [${f.severity.toUpperCase()}] ${f.title}  (${f.ruleId})`);
    out.push(wrap(f.reason, '      '));
    out.push(wrap(`${f.citation.instrument}, ${f.citation.provision}`, '      '));
    for (const e of f.evidence) out.push(wrap(`The notice (${e.ocds}${e.fromWords ? ', read from its words' : ''}): "${e.quote}"`, '      '));
  }
  if (n.notJudged.length) {
    out.push('  Not judged from a notice (no notice shows these; a person who knows them must judge them):');
    for (const x of n.notJudged) out.push(wrap(`- ${x.what}: ${x.why} (${x.rules.map((r) => r.ruleId).join(', ')})`, '    '));
  }
  const words = n.sources.filter((s) => s.fromWords);
  if (words.length) out.push(wrap(`Read from the notice's words: ${[...new Set(words.map((s) => s.planPath))].join(', ')} (the JSON output quotes each with where).`, '  '));
  const info = n.findings.filter((f) => f.severity === 'info').length;
  if (info) out.push(`  (${info} more finding${info === 1 ? '' : 's'} for information: --format json lists them)`);
  if (n.notUnderstood.length) out.push(wrap(`Fields procheck does not read: ${n.notUnderstood.join(', ')}.`, '  '));
  return out.join('\n');
}

function summaryText(a: NoticeAudit): string {
  const s = a.summary;
  const out = [`Summary: ${s.notices} procurement${s.notices === 1 ? '' : 's'}: ${Object.entries(s.byVerdict).map(([v, k]) => `${k} ${v}`).join(', ') || 'none'}`];
  if (s.byAuthority.length > 1) {
    out.push('By authority:');
    for (const b of s.byAuthority) out.push(`  ${b.authority}: ${b.notices} (${Object.entries(b.byVerdict).map(([v, k]) => `${k} ${v}`).join(', ')})`);
  }
  if (s.byDefect.length) {
    out.push('By kind of defect:');
    for (const d of s.byDefect) out.push(`  ${d.notices} x [${d.severity}] ${d.title} (${d.ruleId})`);
  }
  for (const u of s.unread) out.push(`UNREAD ${u.where}: ${u.why}`);
  return out.join('\n');
}

function text(a: NoticeAudit): string {
  const head = `procheck ${a.procheck} | rule set ${a.ruleSetVersion} | notices in ${a.file}`;
  if (a.notices.length === 1) return `${head}\n\n${noticeText(a.notices[0]!)}\n\n${summaryText(a)}\n`;
  const lines = a.notices.map((n) => `${LABEL[n.verdict]!.padEnd(13)} ${n.ocid}  ${n.authority ?? '(buyer not named)'}: ${n.title} | ${n.summary}`);
  return `${head}\n\n${lines.join('\n')}\n\n${summaryText(a)}\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdown(a: NoticeAudit): string {
  const out = [`# Published notices audited: ${md(a.file)}`, '', `procheck ${a.procheck}, rule set \`${a.ruleSetVersion}\`. Not legal advice.`, ''];
  out.push('| Verdict | Procurement | Buyer | Outcome |', '|---|---|---|---|');
  for (const n of a.notices) out.push(`| ${LABEL[n.verdict]} | ${n.url ? `[${n.ocid}](${n.url})` : n.ocid}: ${md(n.title)} | ${md(n.authority ?? '(not named)')} | ${md(n.summary)} |`);
  for (const n of a.notices) {
    out.push('', `## ${n.ocid}: ${md(n.title)}`, '', `**${LABEL[n.verdict]}**. ${n.summary}`, '');
    for (const c of n.cutShort) out.push(`- The file is cut short (${c.where}, inside \`${c.path}\`): what follows is not known.`);
    for (const m of n.missing) out.push(`- Not given: \`${m.planPath}\`: ${m.why}.`);
    for (const c of n.cautions) out.push(`- ${c}`);
    if (n.findings.some((f) => f.severity !== 'info')) out.push('', 'Where a finding says "the plan", read: the notice, read as a plan.');
    for (const f of n.findings.filter((f) => f.severity !== 'info')) {
      out.push('', `### [${f.severity}] ${md(f.title)} (\`${f.ruleId}\`)`, '', f.reason, '', `${f.citation.instrument}, [${f.citation.provision}](${f.citation.url})`);
      for (const e of f.evidence) out.push(`> The notice (\`${e.ocds}\`${e.fromWords ? ', read from its words' : ''}): "${md(e.quote)}"`, '>');
    }
    if (n.notJudged.length) {
      out.push('', '**Not judged from a notice** (no notice shows these; a person who knows them must judge them):', '');
      for (const x of n.notJudged) out.push(`- ${md(x.what)}: ${md(x.why)} (${x.rules.map((r) => `\`${r.ruleId}\``).join(', ')})`);
    }
    const words = n.sources.filter((s) => s.fromWords);
    if (words.length) {
      out.push('', "Read from the notice's words:", '');
      for (const s of words) out.push(`- \`${s.planPath}\` (\`${md(s.ocds)}\`): "${md(s.quote)}"`);
    }
  }
  out.push('', '## Summary', '', '```', summaryText(a), '```', '');
  return out.join('\n');
}

export function renderNotices(a: NoticeAudit, format: NoticeFormat): string {
  if (format === 'json') return `${JSON.stringify(a, null, 2)}\n`;
  return format === 'markdown' ? markdown(a) : text(a);
}
