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

/** Does `code` equal one of `listed` or fall under one of them ("=" entries: equal only)? */
export function cpvWithin(code: string, listed: readonly string[]): boolean {
  const s = stem(code);
  return listed.some((entry) => (entry.startsWith('=') ? s === stem(entry.slice(1)) : s.startsWith(stem(entry))));
}
