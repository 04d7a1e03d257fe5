// The draft as Markdown (GitHub-flavoured: tables, footnotes), for a report
// writer to paste from. Every word comes from the draft or its phrases.
import type { Draft, DraftBlock, DraftSentence } from './schema.js';
import { fill } from './phrases.js';
import { date } from './words.js';

/** Text from a plan or a check written so Markdown shows it as it is (no links, emphasis or HTML of its own). */
export const mdText = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n+/g, ' ');

const sentence = (s: DraftSentence) => `${mdText(s.text)}${s.footnotes.map((n) => `[^${n}]`).join('')}`;

function block(b: DraftBlock): string[] {
  switch (b.kind) {
    case 'heading':
      // Under the section's ##: a decision ###, a part of it ####.
      return [`${'#'.repeat(2 + b.level)} ${mdText(b.text)}`, ''];
    case 'paragraph':
      return [`${b.number ? `**${b.number}** ` : ''}${b.sentences.map(sentence).join(' ')}`, ''];
    case 'table':
      return [
        `*${mdText(b.caption)}*`,
        '',
        `| ${b.head.map(mdText).join(' | ')} |`,
        `|${b.head.map(() => '---').join('|')}|`,
        ...b.rows.map((r) => `| ${r.cells.map(mdText).join(' | ')} |`),
        '',
      ];
  }
}

export function renderDraftMarkdown(draft: Draft): string {
  const out: string[] = [`# ${mdText(draft.title)}`, '', `> ${mdText(draft.cover.notice)}`, '>', `> ${mdText(draft.cover.checkBy)}`, ''];
  out.push(mdText(fill('cover.common.drafted', { date: date(draft.drafted), version: draft.procheck, ruleSet: draft.ruleSetVersion })), '');
  for (const s of draft.sections) {
    out.push(`## ${mdText(s.title)}`, '');
    for (const b of s.blocks) out.push(...block(b));
  }
  if (draft.footnotes.length) {
    out.push(`## ${mdText(fill('cover.common.footnotes'))}`, '');
    for (const f of draft.footnotes)
      out.push(`[^${f.n}]: ${mdText(fill('cover.common.footnote', { instrument: f.citation.instrument, provision: f.citation.provision }))}: <${f.citation.url}>`);
    out.push('');
  }
  return out.join('\n');
}
