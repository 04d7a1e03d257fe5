// The draft's words are data: every sentence is written from a phrase in
// src/draft/phrases/<section>.<regime|common>.json, so a legal team can reword
// them without touching code. Each phrase names the values it uses; a
// placeholder not in `uses`, or a use not in the text, is an error naming the
// phrase, found when the files are loaded (and by the tests).
import { z } from 'zod';
import type { Citation } from '../law/citation.js';
import { Asserts, type DraftSentence, type DraftTrace } from './schema.js';
import appendixCommon from './phrases/appendix.common.json' with { type: 'json' };
import coverCommon from './phrases/cover.common.json' with { type: 'json' };
import legalCommon from './phrases/legal.common.json' with { type: 'json' };
import legalPa2023 from './phrases/legal.pa2023.json' with { type: 'json' };
import legalPcr2015 from './phrases/legal.pcr2015.json' with { type: 'json' };
import legalPsr from './phrases/legal.psr.json' with { type: 'json' };
import optionsCommon from './phrases/options.common.json' with { type: 'json' };
import recommendationsCommon from './phrases/recommendations.common.json' with { type: 'json' };
import risksCommon from './phrases/risks.common.json' with { type: 'json' };
import timetableCommon from './phrases/timetable.common.json' with { type: 'json' };
import wordsCommon from './phrases/words.common.json' with { type: 'json' };

/** Every phrase file, by its name (the file name without .json): the first two parts of its phrases' ids. */
export const PHRASE_FILES: Readonly<Record<string, unknown>> = {
  'appendix.common': appendixCommon,
  'cover.common': coverCommon,
  'legal.common': legalCommon,
  'legal.pa2023': legalPa2023,
  'legal.pcr2015': legalPcr2015,
  'legal.psr': legalPsr,
  'options.common': optionsCommon,
  'recommendations.common': recommendationsCommon,
  'risks.common': risksCommon,
  'timetable.common': timetableCommon,
  'words.common': wordsCommon,
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

const PhraseEntry = z
  .strictObject({
    text: z.string().min(1),
    uses: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a value name is letters and digits')),
    asserts: Asserts.optional(),
    note: z.string().optional().meta({ description: 'For the legal team: when the phrase is used.' }),
  })
  .superRefine((p, ctx) => {
    const named = new Set([...p.text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
    for (const n of named) if (!p.uses.includes(n)) ctx.addIssue({ code: 'custom', path: ['text'], message: `the text uses {{${n}}}, which "uses" does not list` });
    for (const u of p.uses) if (!named.has(u)) ctx.addIssue({ code: 'custom', path: ['uses'], message: `"uses" lists ${u}, which the text does not use` });
    if (/\{\{|\}\}/.test(p.text.replace(PLACEHOLDER, ''))) ctx.addIssue({ code: 'custom', path: ['text'], message: 'a placeholder is not written {{name}}' });
  });

const PhraseFile = z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a phrase name is lower-case words joined by hyphens'), PhraseEntry);

export interface Phrase {
  id: string;
  text: string;
  uses: string[];
  asserts?: z.infer<typeof Asserts>;
}

export class PhraseError extends Error {
  constructor(readonly problems: string[]) {
    super(`procheck: the draft's phrases are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PhraseError';
  }
}

/** Load and validate phrase files (by default the shipped ones): every problem named by the phrase it is in. */
export function loadPhrases(files: Readonly<Record<string, unknown>> = PHRASE_FILES): Map<string, Phrase> {
  const phrases = new Map<string, Phrase>();
  const problems: string[] = [];
  for (const [file, raw] of Object.entries(files)) {
    if (!/^[a-z0-9]+\.(common|psr|pcr2015|pa2023)$/.test(file)) problems.push(`${file}: a phrase file is called <section>.<common|psr|pcr2015|pa2023>`);
    const parsed = PhraseFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${[file, ...issue.path.map(String)].join('.')}: ${issue.message}`);
      continue;
    }
    for (const [name, p] of Object.entries(parsed.data)) {
      const id = `${file}.${name}`;
      phrases.set(id, { id, text: p.text, uses: p.uses, ...(p.asserts ? { asserts: p.asserts } : {}) });
    }
  }
  if (problems.length) throw new PhraseError(problems);
  return phrases;
}

let shipped: Map<string, Phrase> | undefined;
/** The shipped phrases, loaded once. */
export function phrases(): Map<string, Phrase> {
  return (shipped ??= loadPhrases());
}

/** Phrases looked up while drafting: the tests read it to show every phrase file is used. */
export const USED_PHRASES = new Set<string>();

function phrase(id: string): Phrase {
  const p = phrases().get(id);
  if (!p) throw new PhraseError([`${id}: no such phrase`]);
  USED_PHRASES.add(id);
  return p;
}

/** A phrase's text with its values filled in (each value already written as a report writes it). */
export function fill(id: string, values: Readonly<Record<string, string>> = {}): string {
  const p = phrase(id);
  for (const u of p.uses) if (values[u] === undefined) throw new PhraseError([`${id}: no value given for {{${u}}}`]);
  return p.text.replace(PLACEHOLDER, (_raw, name: string) => values[name]!);
}

/** The citations a sentence cites, until the draft numbers its footnotes in order of first use. */
export const CITES = new WeakMap<DraftSentence, Citation[]>();

export interface SayOptions {
  /** The law the sentence states: each becomes a footnote. */
  cites?: readonly Citation[];
}

/** A sentence of the draft from a phrase: its text filled, the first letter a capital, with what it comes from. */
export function say(id: string, values: Readonly<Record<string, string>>, traces: readonly DraftTrace[], opts: SayOptions = {}): DraftSentence {
  if (traces.length === 0) throw new PhraseError([`${id}: a sentence must trace to something the check found`]);
  const text = fill(id, values);
  const p = phrase(id);
  const sentence: DraftSentence = {
    text: text.charAt(0).toUpperCase() + text.slice(1),
    phrase: id,
    traces: [...traces],
    ...(p.asserts ? { asserts: p.asserts } : {}),
    footnotes: [],
  };
  if (opts.cites?.length) CITES.set(sentence, [...opts.cites]);
  return sentence;
}
