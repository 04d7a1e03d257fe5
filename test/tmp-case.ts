import { readFileSync } from 'node:fs';
import { checker } from './support/checker.js';
for (const name of process.argv.slice(2)) {
  const exp = JSON.parse(readFileSync(`cases/${name}.expected.json`, 'utf8'));
  const r = await checker().check(JSON.parse(readFileSync(`cases/${name}.json`, 'utf8')));
  console.log(name, 'expected', exp.verdict, exp.findings, 'absent', exp.absentFindings ?? [], 'got', r.verdict);
  for (const f of r.findings.filter((f) => f.severity !== 'info' || f.missingFacts.length)) console.log('  ', f.severity, f.ruleId, f.missingFacts.map((m) => m.planPath).join(','));
}
for (const name of process.argv.slice(2)) {
  const exp = JSON.parse(readFileSync(`cases/${name}.expected.json`, 'utf8'));
  const r = await checker().check(JSON.parse(readFileSync(`cases/${name}.json`, 'utf8')));
  const ids = r.findings.map((f) => f.ruleId);
  console.log(name, 'MISSING', exp.findings.filter((i: string) => !ids.includes(i)), 'UNWANTED', (exp.absentFindings ?? []).filter((i: string) => ids.includes(i)), 'steps missing', (exp.steps ?? []).filter((s: string) => !r.steps.map((x) => x.id).includes(s)));
}
