import { checker } from './support/checker.js';
import { SUITES } from './rules/suites.js';
const [suiteId, ruleId, which] = process.argv.slice(2);
const s = SUITES.find((x) => x.id === suiteId)!;
const r = await checker().check(s.plan(s.cases[ruleId]![Number(which)]), { trace: true });
console.log(r.verdict, JSON.stringify(r.facts));
for (const f of r.findings) console.log('  ', f.severity, f.ruleId, f.missingFacts.map((m) => m.planPath).join(','));
const t = r.trace!.find((t) => t.ruleId === ruleId); console.log(JSON.stringify(t));
