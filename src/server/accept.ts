// Content negotiation for a route that answers in several formats: which of
// the types it offers the request's Accept header prefers (RFC 9110 s.12.5.1).

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function ranges(accept: string): Range[] {
  return accept.split(',').flatMap((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const [type, subtype, ...rest] = range.toLowerCase().split('/');
    if (!type || !subtype || rest.length) return [];
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([0-9.]+)$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    return [{ type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 }];
  });
}

/**
 * The offered type the Accept header prefers: each offered type takes the
 * quality of the most specific range that matches it (type/subtype over
 * type/* over *\/*), the highest quality wins, and a tie goes to the type
 * offered first. No Accept header (or an empty one): the first offered. A
 * header that accepts none of them (every match at q=0, or no match): null.
 */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | null {
  if (accept === undefined || accept.trim() === '') return offered[0] ?? null;
  const asked = ranges(accept);
  let best: string | null = null;
  let bestQ = 0;
  for (const o of offered) {
    const [type, subtype] = o.toLowerCase().split('/');
    let specificity = -1;
    let q = 0;
    for (const r of asked) {
      const s = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
      if (s > specificity || (s === specificity && s >= 0 && r.q > q)) {
        specificity = s;
        q = r.q;
      }
    }
    if (q > bestQ) {
      best = o;
      bestQ = q;
    }
  }
  return best;
}
