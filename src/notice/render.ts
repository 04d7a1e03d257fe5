// An audit of published notices as text, Markdown or JSON: one notice in full;
// many as a line each and a summary by authority and by kind of defect.
import { longDate } from '../calendar/civil-date.js';
import type { NoticeAudit, NoticeReport, NoticeSummary } from './schema.js';
import { summaryCsv } from './csv.js';

/** What an audit's output says of itself: the versions and the file read. */
type Head = Pick<NoticeAudit, 'procheck' | 'ruleSetVersion' | 'file'>;

export const NOTICE_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
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

function summaryText(s: NoticeSummary): string {
  const out = [`Summary: ${s.notices} procurement${s.notices === 1 ? '' : 's'}: ${Object.entries(s.byVerdict).map(([v, k]) => `${k} ${v}`).join(', ') || 'none'}`];
  if (s.byAuthority.length > 1) {
    out.push('By authority:');
    for (const b of s.byAuthority)
      out.push(`  ${b.authority}: ${b.notices} (${Object.entries(b.byVerdict).map(([v, k]) => `${k} ${v}`).join(', ')}); ${b.breaches} breach${b.breaches === 1 ? '' : 'es'}, ${b.reviews} to review`);
  }
  if (s.byDefect.length) {
    out.push('By kind of defect:');
    for (const d of s.byDefect) out.push(`  ${d.notices} x [${d.severity}] ${d.title} (${d.ruleId})`);
  }
  for (const u of s.unread) out.push(`UNREAD ${u.where}: ${u.why}`);
  return out.join('\n');
}

const textHead = (a: Head) => `procheck ${a.procheck} | rule set ${a.ruleSetVersion} | notices in ${a.file}`;
/** A notice as a line of a list of many. */
const textLine = (n: NoticeReport) => `${LABEL[n.verdict]!.padEnd(13)} ${n.ocid}  ${n.authority ?? '(buyer not named)'}: ${n.title} | ${n.summary}`;

function text(a: NoticeAudit): string {
  if (a.notices.length === 1) return `${textHead(a)}\n\n${noticeText(a.notices[0]!)}\n\n${summaryText(a.summary)}\n`;
  return `${textHead(a)}\n\n${a.notices.map(textLine).join('\n')}\n\n${summaryText(a.summary)}\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const markdownHead = (a: Head) => [`# Published notices audited: ${md(a.file)}`, '', `procheck ${a.procheck}, rule set \`${a.ruleSetVersion}\`. Not legal advice.`, ''];
const markdownRow = (n: NoticeReport) => `| ${LABEL[n.verdict]} | ${n.url ? `[${n.ocid}](${n.url})` : n.ocid}: ${md(n.title)} | ${md(n.authority ?? '(not named)')} | ${md(n.summary)} |`;
const MARKDOWN_TABLE = ['| Verdict | Procurement | Buyer | Outcome |', '|---|---|---|---|'];
const markdownSummary = (s: NoticeSummary) => ['', '## Summary', '', '```', summaryText(s), '```', ''];

function markdown(a: NoticeAudit): string {
  const out = [...markdownHead(a), ...MARKDOWN_TABLE, ...a.notices.map(markdownRow)];
  for (const n of a.notices) out.push(...markdownNotice(n));
  out.push(...markdownSummary(a.summary));
  return out.join('\n');
}

function markdownNotice(n: NoticeReport): string[] {
  const out: string[] = [];
  {
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
  return out;
}

export function renderNotices(a: NoticeAudit, format: NoticeFormat): string {
  if (format === 'json') return `${JSON.stringify(a, null, 2)}\n`;
  if (format === 'csv') return summaryCsv(a.summary);
  return format === 'markdown' ? markdown(a) : text(a);
}

/**
 * An audit written as its notices come, for a file too long to keep (a year of notices): each notice is written when
 * it is audited and then dropped, and the summary comes last. The output is the format's own: JSON is one NoticeAudit
 * document, written in pieces; text lists a line a notice (one notice alone is shown in full, as renderNotices does);
 * Markdown gives each notice's section as it comes and the table of them with the summary at the end; CSV is the
 * summary alone.
 */
export class StreamedNotices {
  private first: NoticeReport | null = null;
  private count = 0;
  private readonly rows: string[] = [];

  constructor(
    private readonly head: Head,
    private readonly format: NoticeFormat,
    private readonly write: (text: string) => void,
  ) {
    if (format === 'json') write(`{\n  "procheck": ${JSON.stringify(head.procheck)},\n  "ruleSetVersion": ${JSON.stringify(head.ruleSetVersion)},\n  "file": ${JSON.stringify(head.file)},\n  "notices": [`);
    if (format === 'markdown') write(`${markdownHead(head).join('\n')}\n`);
  }

  notice(n: NoticeReport): void {
    this.count++;
    if (this.format === 'json') this.write(`${this.count > 1 ? ',' : ''}\n    ${JSON.stringify(n, null, 2).replace(/\n/g, '\n    ')}`);
    else if (this.format === 'markdown') {
      this.rows.push(markdownRow(n));
      this.write(`${markdownNotice(n).join('\n')}\n`);
    } else if (this.format === 'text') {
      // One notice alone is shown in full: the first is held until a second says there are several.
      if (this.count === 1) this.first = n;
      else {
        if (this.first) this.write(`${textHead(this.head)}\n\n${textLine(this.first)}\n`);
        this.first = null;
        this.write(`${textLine(n)}\n`);
      }
    }
  }

  end(summary: NoticeSummary): void {
    if (this.format === 'json') this.write(`${this.count ? '\n  ' : ''}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
    else if (this.format === 'markdown') this.write(`${['', '## The procurements', '', ...MARKDOWN_TABLE, ...this.rows, ...markdownSummary(summary)].join('\n')}`);
    else if (this.format === 'csv') this.write(summaryCsv(summary));
    else if (this.count === 1 && this.first) this.write(`${textHead(this.head)}\n\n${noticeText(this.first)}\n\n${summaryText(summary)}\n`);
    else this.write(`${this.count ? '' : `${textHead(this.head)}\n`}\n${summaryText(summary)}\n`);
  }
}
