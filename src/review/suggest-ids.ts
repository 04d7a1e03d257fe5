// "Did you mean": rule ids are long and dotted, so a typo in one segment, a
// missing prefix or a partial id should still find the rule meant.

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `limit` ids closest to `wanted`: those containing it first, then by edit distance within a third of its length. */
export function closeIds(wanted: string, ids: readonly string[], limit = 5): string[] {
  const w = wanted.toLowerCase();
  const containing = ids.filter((id) => id.includes(w) || (w.length > 3 && w.includes(id)));
  const near = ids
    .map((id) => ({ id, d: Math.min(editDistance(w, id), ...id.split('.').map((_, i, parts) => editDistance(w, parts.slice(i).join('.')) + i)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(w.length / 3)))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .map((x) => x.id);
  return [...new Set([...containing.sort(), ...near])].slice(0, limit);
}
