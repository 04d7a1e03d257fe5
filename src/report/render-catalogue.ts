// The rule catalogue: every rule's id, title, regime, severity and citation.
import type { RuleSet } from '../engine/rule-set.js';

export interface CatalogueEntry {
  id: string;
  title: string;
  regime: string;
  severity: string;
  instrument: string;
  provision: string;
  url: string;
  file: string;
}

export function catalogue(ruleSet: RuleSet): CatalogueEntry[] {
  return ruleSet.rules.map((r) => ({
    id: r.id,
    title: r.title,
    regime: r.regime,
    severity: r.severity,
    instrument: r.citation.instrument,
    provision: r.citation.provision,
    url: r.citation.url,
    file: ruleSet.ruleFiles.get(r.id) ?? '',
  }));
}

export function renderCatalogueText(ruleSet: RuleSet): string {
  const lines = [`procheck rule set ${ruleSet.version}: ${ruleSet.rules.length} rules`, ''];
  for (const e of catalogue(ruleSet)) {
    lines.push(`${e.id}  [${e.regime}, ${e.severity}]`);
    lines.push(`  ${e.title}`);
    lines.push(`  ${e.instrument}, ${e.provision}`);
    lines.push(`  ${e.url}`);
  }
  return lines.join('\n') + '\n';
}
