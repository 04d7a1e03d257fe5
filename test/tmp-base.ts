import { checker } from './support/checker.js';
import { SUITES } from './rules/suites.js';
for (const s of SUITES) {
  const r = await checker().check(s.plan());
  console.log(s.name, r.verdict);
  for (const f of r.findings.filter((f) => f.severity !== 'info' || f.missingFacts.length)) console.log('  ', f.severity, f.ruleId, f.missingFacts.map((m) => m.planPath).join(','));
}
