// The draft's words are data: the phrase files load and validate, a bad phrase
// is refused naming it, every file is used, and no sentence of the draft is
// written in the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPhrases, PhraseError, PHRASE_FILES, USED_PHRASES, fill } from '../../src/draft/phrases.js';
import { renderDraft } from '../../src/draft/render.js';
import { SHIPPED_PLANS } from '../support/fuzz.js';
import { draftOf, readCase, sentencesOf } from './support.js';

const DRAFT_SRC = join(import.meta.dirname, '..', '..', 'src', 'draft');

describe('phrases', () => {
  it('load and validate: every file under src/draft/phrases/ is loaded, every phrase names the values it uses', () => {
    const files = readdirSync(join(DRAFT_SRC, 'phrases')).map((f) => f.replace(/\.json$/, ''));
    expect(Object.keys(PHRASE_FILES).sort()).toEqual(files.sort());
    const phrases = loadPhrases();
    expect(phrases.size).toBeGreaterThan(100);
    for (const p of phrases.values()) for (const u of p.uses) expect(p.text, p.id).toContain(`{{${u}}}`);
  });

  it('refuses a placeholder not in uses, a use not in the text, and a file misnamed, naming the phrase', () => {
    const bad = () =>
      loadPhrases({
        'legal.psr': { regime: { text: 'The {{law}} applies.', uses: [] }, other: { text: 'No placeholder.', uses: ['route'] } },
        'legal.nowhere': {},
      });
    expect(bad).toThrow(PhraseError);
    expect(bad).toThrow(/legal\.psr\.regime\.text: the text uses \{\{law\}\}, which "uses" does not list/);
    expect(bad).toThrow(/legal\.psr\.other\.uses: "uses" lists route, which the text does not use/);
    expect(bad).toThrow(/legal\.nowhere: a phrase file is called/);
    expect(() => fill('legal.common.route-lawful', {})).toThrow(/legal\.common\.route-lawful: no value given for \{\{route\}\}/);
  });

  it('every phrase file is used in drafting the shipped cases (and every sentence names a phrase that exists)', async () => {
    const phrases = loadPhrases();
    const plans = [...SHIPPED_PLANS];
    for (const plan of plans) {
      const draft = await draftOf({ plan });
      for (const { sentence } of sentencesOf(draft)) expect(phrases.has(sentence.phrase), sentence.phrase).toBe(true);
      await renderDraft(draft, 'markdown');
    }
    const norfolk = (readCase('options/norfolk-2017.json').options as string[]).map(readCase);
    await draftOf({ plan: norfolk[0], options: norfolk.slice(1) });
    const used = new Set([...USED_PHRASES].map((id) => id.split('.').slice(0, 2).join('.')));
    expect(Object.keys(PHRASE_FILES).filter((f) => !used.has(f))).toEqual([]);
  });

  it('no sentence of the draft is written in the code: the modules quote no English but through the phrases', () => {
    // A string literal of three or more words, outside comments and the messages refusing bad input, is a sentence written inline.
    const inline: string[] = [];
    for (const f of readdirSync(DRAFT_SRC).filter((f) => f.endsWith('.ts') && !['render-html.ts', 'render-docx.ts', 'render-parts.ts', 'schema.ts', 'phrases.ts'].includes(f))) {
      const code = readFileSync(join(DRAFT_SRC, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\/\/ .*$/gm, '')
        .replace(/^.*(message: |\.refine\().*$/gm, '');
      for (const m of code.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) if (/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(m[2]!)) inline.push(`${f}: ${m[0]}`);
    }
    expect(inline).toEqual([]);
  });
});
