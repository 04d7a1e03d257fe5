// The coverage table's other half: what the rule set leaves to a person. A rule
// whose severity is `review` is a judgement the law puts on the authority or its
// lawyers (a claim it must evidence, a planning risk no statute fixes), so it is
// listed here from the rules themselves; `npm run docs` rewrites the list in
// rules/README.md and test/docs.test.ts keeps it current.
import { join } from 'node:path';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { rewriteSection, withSection } from './generated-section.js';

export const RULES_PAGE = join(import.meta.dirname, '..', '..', 'rules', 'README.md');

const REGIME_NAMES: Record<string, string> = {
  general: 'Which regime',
  psr: 'Provider Selection Regime',
  pcr2015: 'Public Contracts Regulations 2015',
  pa2023: 'Procurement Act 2023',
  terms: 'Terms',
  tupe: 'TUPE and pensions',
  timetable: 'Timetable',
};

export function leftToAPersonTable(): string {
  const ruleSet = loadRuleSet();
  const reviews = ruleSet.rules.filter((r) => r.severity === 'review');
  // The area is the rule's folder under rules/ (timetable and terms rules run under the regime "general").
  const area = (id: string) => (ruleSet.ruleFiles.get(id) ?? 'general').split(/[\\/]/)[0]!;
  const order = Object.keys(REGIME_NAMES);
  const regimes = [...new Set(reviews.map((r) => area(r.id)))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = regimes.flatMap((regime) =>
    reviews
      .filter((r) => area(r.id) === regime)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => `| ${REGIME_NAMES[regime] ?? regime} | \`${r.id}\` | ${cell(r.title)} | ${cell(r.citation.provision)} |`),
  );
  return [
    `${reviews.length} rules leave the answer to a person whenever they apply: a judgement the law puts on the authority or its lawyers, or a planning risk no statute fixes. procheck states the facts and the test; a person decides. (Generated from the rules' severity by \`npm run docs\`.)`,
    '',
    '| area | rule | what a person decides | law |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export const pageWithLeftToAPerson = (text: string) => withSection(text, 'left-to-a-person', leftToAPersonTable(), RULES_PAGE);

if (process.argv[1] === import.meta.filename) rewriteSection(RULES_PAGE, 'left-to-a-person', leftToAPersonTable());
