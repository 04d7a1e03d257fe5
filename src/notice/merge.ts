// The releases of one procurement (one ocid) merged in date order, as OCDS
// compiles a record: a later release's fields replace the earlier ones, objects
// merge field by field, and lists of objects with ids merge by id. So a
// modification is read against the award it modifies, and an update release
// (which carries only what changed) keeps what the first release said.
import type { LinkedRelease, ReadRelease, Release } from './read-ocds.js';

export interface ReleaseInfo {
  id: string | null;
  date: string | null;
  tag: string[];
  where: string;
}

export interface Procurement {
  ocid: string;
  /** Every release merged into it, in date order. */
  releases: ReleaseInfo[];
  compiled: Release;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (v: unknown[]) => v.length > 0 && v.every((x) => isObject(x) && (typeof x.id === 'string' || typeof x.id === 'number'));

/** An id as a key: 7 and "7" are the same award. */
const idKey = (x: Record<string, unknown>) => String(x.id as string | number);

function mergeValue(old: unknown, next: unknown): unknown {
  if (isObject(old) && isObject(next)) return mergeObject(old, next);
  if (Array.isArray(old) && Array.isArray(next) && hasIds(old) && hasIds(next)) {
    // Matched by id through a map: linear in the two lists (a search per item was quadratic: 2 x 40,000 awards took 24 s).
    const out = old.slice() as Record<string, unknown>[];
    const at = new Map<string, number>();
    out.forEach((x, k) => {
      if (!at.has(idKey(x))) at.set(idKey(x), k);
    });
    for (const item of next as Record<string, unknown>[]) {
      const k = at.get(idKey(item));
      if (k === undefined) {
        at.set(idKey(item), out.length);
        out.push(item);
      } else out[k] = mergeObject(out[k]!, item);
    }
    return out;
  }
  return next;
}

function mergeObject(old: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(next)) {
    if (k === '__proto__') continue;
    if (v === null) delete out[k];
    else out[k] = k in out ? mergeValue(out[k], v) : v;
  }
  return out;
}

const info = (r: ReadRelease): ReleaseInfo => ({
  id: typeof r.release.id === 'string' ? r.release.id : null,
  date: typeof r.release.date === 'string' ? r.release.date : null,
  tag: Array.isArray(r.release.tag) ? r.release.tag.filter((t): t is string => typeof t === 'string') : [],
  where: r.where,
});

/** One procurement per ocid, in the order each ocid first appears; its releases merged oldest first (undated ones first, in file order). */
export function mergeByOcid(releases: readonly ReadRelease[], links: readonly LinkedRelease[] = []): Procurement[] {
  const groups = new Map<string, ReadRelease[]>();
  // A record's linked releases by the procurement they date: matched once, not searched for each procurement.
  const linksOf = new Map<string, LinkedRelease[]>();
  for (const l of links) {
    const g = linksOf.get(l.ocid);
    if (g) g.push(l);
    else linksOf.set(l.ocid, [l]);
  }
  for (const r of releases) {
    const g = groups.get(r.release.ocid);
    if (g) g.push(r);
    else groups.set(r.release.ocid, [r]);
  }
  return [...groups].map(([ocid, group]) => {
    const ordered = group
      .map((r, k) => ({ r, k, t: typeof r.release.date === 'string' ? Date.parse(r.release.date) : Number.NEGATIVE_INFINITY }))
      .sort((a, b) => (a.t === b.t || (Number.isNaN(a.t) && Number.isNaN(b.t)) ? a.k - b.k : Number.isNaN(a.t) ? -1 : Number.isNaN(b.t) ? 1 : a.t - b.t))
      .map((x) => x.r);
    let compiled: Record<string, unknown> = {};
    for (const r of ordered) compiled = mergeObject(compiled, r.release);
    // A record's linked releases date the notices its compiled release was made from.
    const linked: ReleaseInfo[] = (linksOf.get(ocid) ?? []).map((l) => ({ id: l.id, date: l.date, tag: l.tag, where: l.where }));
    const all = [...ordered.map(info), ...linked].sort((a, b) => (a.date && b.date ? Date.parse(a.date) - Date.parse(b.date) : 0));
    return { ocid, releases: all, compiled: { ...compiled, ocid } };
  });
}
