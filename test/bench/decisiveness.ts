// npm run decisiveness: how decisive the reports are over the shipped cases
// (issue 19), with their plans as they stand: the verdicts, the review
// findings and the questions a plan gets, on average and at worst, beside the
// targets the issue sets. A question is one the report asks to decide a
// finding (report.questions); the open facts information findings mention
// are counted apart, since no answer to them changes a verdict.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker } from '../../src/engine/checker.js';
import type { Report } from '../../src/report/schema.js';

const dir = join(import.meta.dirname, '..', '..', 'cases');
const checker = createChecker();
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .sort();

const verdicts: Record<string, number> = {};
const rows: { file: string; verdict: string; reviews: number; questions: number; infoAsks: number; conditions: number; holds: number; findings: number }[] = [];
for (const file of files) {
  const report: Report = await checker.check(JSON.parse(readFileSync(join(dir, file), 'utf8')), { untrusted: true });
  verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
  const asked = new Set(report.questions.map((q) => q.planPath ?? q.fact));
  const infoAsks = new Set(report.findings.filter((f) => f.severity === 'info').flatMap((f) => f.missingFacts.map((m) => m.planPath ?? m.fact)).filter((p) => !asked.has(p)));
  rows.push({
    file,
    verdict: report.verdict,
    reviews: report.findings.filter((f) => f.severity === 'review').length,
    questions: report.questions.length,
    infoAsks: infoAsks.size,
    conditions: report.conditions.length,
    holds: report.holds.length,
    findings: report.findings.length,
  });
}

const mean = (k: keyof (typeof rows)[number]) => rows.reduce((s, r) => s + (r[k] as number), 0) / rows.length;
const max = (k: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => r[k] as number));
const line = (label: string, figure: string, target = '', met: boolean | null = null) =>
  console.log(`${label.padEnd(48)} ${figure.padStart(10)}   ${target ? `target ${target.padEnd(8)} ${met ? 'met' : 'NOT MET'}` : ''}`);

console.log(`procheck decisiveness: ${rows.length} shipped cases (cases/*.json), plans as they stand`);
console.log(`verdicts: ${Object.entries(verdicts).map(([v, n]) => `${n} ${v}`).join(', ')}`);
line('review findings per plan, mean', mean('reviews').toFixed(2), '≤ 1.5', mean('reviews') <= 1.5);
line('questions per plan (report.questions), mean', mean('questions').toFixed(2), '≤ 2', mean('questions') <= 2);
line('review findings per plan, most', String(max('reviews')));
line('questions per plan, most', String(max('questions')));
line('open facts only information findings mention, mean', mean('infoAsks').toFixed(2));
line('conditions per plan, mean', mean('conditions').toFixed(2));
line('reasons the route holds per plan, mean', mean('holds').toFixed(2));
line('findings per plan, mean', mean('findings').toFixed(2));
if (process.argv.includes('--each'))
  for (const r of rows) console.log(`  ${r.file.padEnd(72)} ${r.verdict.padEnd(14)} review ${r.reviews}  questions ${r.questions}  conditions ${r.conditions}  holds ${r.holds}`);
