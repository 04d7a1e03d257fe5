// CPV (Common Procurement Vocabulary) codes are hierarchical: trailing zeros
// mark the level, so 85000000 (health and social work services) covers
// 85312500 (rehabilitation services). A list in the law names parent codes;
// where it names a code without the codes under it (PCR 2015 Schedule 3 lists
// 64000000 for postal services, not telecommunications), the list entry is
// written "=64000000" and matches that code only.

// A check meets the same few codes (the plan's, and the lists' entries) again and again: each stem is worked out once.
const STEMS = new Map<string, string>();
const STEM_CACHE_LIMIT = 20_000;

/** The significant digits of a code: "85312500-4" -> "853125"; division codes keep two digits. */
function stem(code: string): string {
  let s = STEMS.get(code);
  if (s === undefined) {
    const digits = code.slice(0, 8);
    const trimmed = digits.replace(/0+$/, '');
    s = trimmed.length < 2 ? digits.slice(0, 2) : trimmed;
    if (STEMS.size >= STEM_CACHE_LIMIT) STEMS.clear();
    STEMS.set(code, s);
  }
  return s;
}

/** A list's entries as stems, each "=" entry marked to match its code only: worked out once per list (the lists are dated parameters). */
const ENTRIES = new WeakMap<readonly string[], readonly { stem: string; exact: boolean }[]>();
const RAW_STEMS = new WeakMap<readonly string[], readonly string[]>();

function entriesOf(listed: readonly string[]): readonly { stem: string; exact: boolean }[] {
  let entries = ENTRIES.get(listed);
  if (!entries) ENTRIES.set(listed, (entries = listed.map((e) => (e.startsWith('=') ? { stem: stem(e.slice(1)), exact: true } : { stem: stem(e), exact: false }))));
  return entries;
}

/** Does `code` equal one of `listed` or fall under one of them ("=" entries: equal only)? */
export function cpvWithin(code: string, listed: readonly string[]): boolean {
  const s = stem(code);
  for (const e of entriesOf(listed)) if (e.exact ? s === e.stem : s.startsWith(e.stem)) return true;
  return false;
}

/** Does one of `listed` equal `code` or fall under it (a list entry narrower than the code): `listed.some((l) => cpvWithin(l, [code]))`? */
export function cpvCovers(code: string, listed: readonly string[]): boolean {
  let stems = RAW_STEMS.get(listed);
  if (!stems) RAW_STEMS.set(listed, (stems = listed.map(stem)));
  const exact = code.startsWith('=');
  const s = stem(exact ? code.slice(1) : code);
  for (const l of stems) if (exact ? l === s : l.startsWith(s)) return true;
  return false;
}
