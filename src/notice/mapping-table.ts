// The OCDS -> plan mapping as a Markdown table, for src/notice/README.md (kept equal by a test; `npm run docs` rewrites it).
import { MAPPING } from './mapping.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function mappingTable(): string {
  const rows = MAPPING.fields.map((f) => `| \`${f.plan}\` | ${f.ocds.map((o) => `\`${cell(o)}\``).join(', ')} | ${cell(f.how)} |`);
  return ['| plan field | OCDS fields read (UK extension names included) | how |', '|---|---|---|', ...rows].join('\n');
}
