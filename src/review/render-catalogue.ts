// The rule catalogue: every rule's id, title, regime, severity and citation,
// and the local contract procedure rules overlays with theirs.
import type { RuleSet } from '../engine/rule-set.js';
import type { RuleDefinition } from '../engine/rule-schema.js';
import type { OverlaySourceT } from '../engine/overlay.js';

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

export interface OverlayCatalogueEntry {
  id: string;
  authority: string;
  example: boolean;
  source: OverlaySourceT;
  file: string;
  params: string[];
  rules: CatalogueEntry[];
}

const entry = (r: RuleDefinition, file: string): CatalogueEntry => ({
  id: r.id,
  title: r.title,
  regime: r.regime,
  severity: r.severity,
  instrument: r.citation.instrument,
  provision: r.citation.provision,
  url: r.citation.url,
  file,
});

export function catalogue(ruleSet: RuleSet): CatalogueEntry[] {
  return ruleSet.rules.map((r) => entry(r, ruleSet.ruleFiles.get(r.id) ?? ''));
}

/** The overlays under rules/local/: a plan applies one by naming it in authority.overlay. */
export function overlayCatalogue(ruleSet: RuleSet): OverlayCatalogueEntry[] {
  return [...ruleSet.overlays.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((o) => ({
      id: o.id,
      authority: o.authority,
      example: o.example,
      source: o.source,
      file: o.file,
      params: o.params.map((p) => p.id),
      rules: o.rules.map((r) => entry(r, o.file)),
    }));
}

function ruleLines(e: CatalogueEntry, indent = ''): string[] {
  return [`${indent}${e.id}  [${e.regime}, ${e.severity}]`, `${indent}  ${e.title}`, `${indent}  ${e.instrument}, ${e.provision}`, `${indent}  ${e.url}`];
}

export function renderCatalogueText(ruleSet: RuleSet): string {
  const lines = [`procheck rule set ${ruleSet.version}: ${ruleSet.rules.length} rules`, ''];
  for (const e of catalogue(ruleSet)) lines.push(...ruleLines(e));
  const overlays = overlayCatalogue(ruleSet);
  lines.push('', `Local contract procedure rules overlays (rules/local/; a plan names one in authority.overlay): ${overlays.length}`);
  for (const o of overlays) {
    lines.push('', `${o.id}: ${o.authority}${o.example ? ' (EXAMPLE, built from a committee report)' : ''}  [${o.file}]`);
    lines.push(`  Source: ${[o.source.document, o.source.section].filter(Boolean).join(', ')}`);
    for (const r of o.rules) lines.push(...ruleLines(r, '  '));
  }
  return lines.join('\n') + '\n';
}
