// The words every layer shares about a rule: what its firing means for the
// verdict, and which regime it belongs to.
import { z } from 'zod';

export const Severity = z
  .enum(['out-of-scope', 'non-compliant', 'review', 'info'])
  .meta({ description: 'What a firing rule means for the verdict: info findings and steps do not change it.' });

/**
 * A rule's severity: a finding's, or "condition": a rule whose firing is an
 * instruction to the authority about its own act (find out the staff's
 * pension schemes before tendering), reported as a condition of compliance
 * rather than a finding.
 */
export const RuleSeverity = z
  .enum(['out-of-scope', 'non-compliant', 'review', 'condition', 'info'])
  .meta({ description: 'What a firing rule means: a finding at that severity, or (condition) something the authority must do, reported as a condition of compliance.' });

export const RuleRegime = z
  .enum(['psr', 'pcr2015', 'pa2023', 'tupe', 'general', 'local'])
  .meta({
    description:
      'psr/pcr2015/pa2023 rules run only when that regime governs the plan; tupe and general rules run for every plan in scope; local rules (an authority\'s contract procedure rules, rules/local/) run only for plans in scope that name their overlay (authority.overlay).',
  });

/** Each regime's name, as a reader knows it. */
export const REGIME_TITLES: Record<string, string> = {
  general: 'General: scope, regime, contract terms and timetable',
  psr: 'Provider Selection Regime (Health Care Services (Provider Selection Regime) Regulations 2023)',
  pcr2015: 'Public Contracts Regulations 2015',
  pa2023: 'Procurement Act 2023',
  pcr2006: 'Public Contracts Regulations 2006 (not checked by procheck)',
  tupe: 'TUPE 2006: staff transfer',
  local: 'Local contract procedure rules (overlays)',
};
