// Safe HTML by construction: every interpolated value is escaped unless it is
// already Html, so a plan title or reason can never inject markup.
import { shownAs } from '../text/untrusted.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function partHtml(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(partHtml).join('');
  return escapeHtml(shownAs(part));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes text; arrays are joined; null, undefined and false print nothing. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((p, i) => (out += partHtml(p) + strings[i + 1]!));
  return new Html(out);
}

/** Markup that is trusted as it is (a constant, or built with html``). */
export const raw = (text: string): Html => new Html(text);
