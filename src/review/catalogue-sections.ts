// The catalogue's chapters: one per regime of the law, then one per local
// overlay, so a reviewer responsible for one regime reads one chapter.
import type { RuleSet } from '../engine/rule-set.js';
import { EMPTY_CASE_BOOK, type CaseBook } from './rule-cases.js';
import { ruleViews, type RuleView } from './rule-view.js';
import { paramView, type ParamView } from './rule-params.js';
import { REGIME_TITLES } from './words.js';
import { factKinds, type FactKinds } from './fact-kinds.js';

export interface CatalogueSection {
  /** Anchor for the chapter: "regime-psr", "overlay-coventry". */
  anchor: string;
  title: string;
  /** Paragraphs before the rules (an overlay's source and status). */
  intro: string[];
  /** Where an overlay comes from. */
  source: { text: string; url: string | null } | null;
  rules: RuleView[];
}

export interface Catalogue {
  version: string;
  ruleCount: number;
  caseCount: number;
  sections: CatalogueSection[];
  /**
   * Every parameter, law and overlays: some (thresholds, VAT, the light-touch
   * codes, the dates regimes came into force) are read by the facts procheck
   * derives from the plan rather than by a rule, and a reviewer must see them too.
   */
  params: ParamView[];
  /**
   * The facts that are not facts about the world, from the fact catalogue:
   * the claims (left out of a plan, not relied on) and the authority's own
   * acts (left open, conditions), each with the rules that turn on it.
   */
  facts: FactKinds;
}

const LAW_ORDER = ['general', 'psr', 'pcr2015', 'pa2023', 'tupe'];

export function buildCatalogue(ruleSet: RuleSet, book: CaseBook = EMPTY_CASE_BOOK): Catalogue {
  const views = ruleViews(ruleSet, book);
  const law = views.filter((v) => v.overlay === null);
  const regimes = [...new Set([...LAW_ORDER, ...law.map((v) => v.regime)])];
  const sections: CatalogueSection[] = regimes
    .map((regime) => ({
      anchor: `regime-${regime}`,
      title: REGIME_TITLES[regime] ?? regime,
      intro: [],
      source: null,
      rules: law.filter((v) => v.regime === regime),
    }))
    .filter((s) => s.rules.length > 0);
  for (const o of [...ruleSet.overlays.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const source = [o.source.document, o.source.section].filter(Boolean).join(', ');
    sections.push({
      anchor: `overlay-${o.id}`,
      title: `Local rules: ${o.authority} (overlay ${o.id}${o.example ? ', an example' : ''})`,
      intro: [
        ...(o.example
          ? ['This overlay is an EXAMPLE built from a committee report, not the authority’s own constitution or contract procedure rules: check those before relying on it.']
          : []),
        ...(o.description ? [o.description] : []),
        `Its rules run only for plans that name it (authority.overlay “${o.id}”), on top of the law.`,
      ],
      source: { text: source, url: o.source.url ?? null },
      rules: views.filter((v) => v.overlay?.id === o.id),
    });
  }
  const readBy = new Map<string, string[]>();
  for (const v of views) for (const p of v.params) readBy.set(p.id, [...(readBy.get(p.id) ?? []), v.id]);
  const defs = [...ruleSet.params.all(), ...[...ruleSet.overlays.values()].flatMap((o) => o.params)];
  const params = defs.map((d) => paramView(d, [], readBy.get(d.id) ?? []));
  const facts = factKinds(views.map((v) => ({ id: v.id, facts: v.requires.map((r) => r.fact) })));
  return { version: ruleSet.version, ruleCount: views.length, caseCount: book.worked.length, sections, params, facts };
}
