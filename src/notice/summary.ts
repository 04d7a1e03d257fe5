// The summary of many audited notices, counted a notice at a time, so a year
// of notices can be summarised without keeping them: by verdict, by
// authority (with the defects each one's procurements show, for the chart and
// the CSV) and by kind of defect.
import type { NoticeReport, NoticeSummary } from './schema.js';

type Unread = NoticeSummary['unread'];
type Severity = 'non-compliant' | 'review';

export const UNNAMED_BUYER = '(buyer not named)';

interface AuthorityCount {
  notices: number;
  byVerdict: Record<string, number>;
  breaches: number;
  reviews: number;
  defects: Record<string, number>;
}

/** The kinds of defect a notice shows: each rule once, at its worst (a breach in one lot and a review in another is a breach). */
export function defectsOf(n: Pick<NoticeReport, 'findings'>): Map<string, { title: string; severity: Severity }> {
  const out = new Map<string, { title: string; severity: Severity }>();
  for (const f of n.findings) {
    if (f.severity !== 'non-compliant' && f.severity !== 'review') continue;
    const seen = out.get(f.ruleId);
    if (!seen || (seen.severity === 'review' && f.severity === 'non-compliant')) out.set(f.ruleId, { title: f.title, severity: f.severity });
  }
  return out;
}

export class SummaryCounter {
  private notices = 0;
  private readonly byVerdict: Record<string, number> = {};
  private readonly authorities = new Map<string, AuthorityCount>();
  private readonly defects = new Map<string, { ruleId: string; title: string; severity: string; notices: number }>();

  add(n: NoticeReport): void {
    this.notices++;
    this.byVerdict[n.verdict] = (this.byVerdict[n.verdict] ?? 0) + 1;
    const name = n.authority ?? UNNAMED_BUYER;
    let a = this.authorities.get(name);
    if (!a) this.authorities.set(name, (a = { notices: 0, byVerdict: {}, breaches: 0, reviews: 0, defects: {} }));
    a.notices++;
    a.byVerdict[n.verdict] = (a.byVerdict[n.verdict] ?? 0) + 1;
    for (const [ruleId, f] of defectsOf(n)) {
      if (f.severity === 'non-compliant') a.breaches++;
      else a.reviews++;
      a.defects[ruleId] = (a.defects[ruleId] ?? 0) + 1;
      const d = this.defects.get(ruleId) ?? { ruleId, title: f.title, severity: f.severity, notices: 0 };
      d.notices++;
      if (f.severity === 'non-compliant') d.severity = 'non-compliant';
      this.defects.set(ruleId, d);
    }
  }

  summary(unread: Unread): NoticeSummary {
    return {
      notices: this.notices,
      byVerdict: { ...this.byVerdict },
      byAuthority: [...this.authorities.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([authority, a]) => ({ authority, notices: a.notices, byVerdict: a.byVerdict, breaches: a.breaches, reviews: a.reviews, defects: a.defects })),
      byDefect: [...this.defects.values()].sort((a, b) =>
        a.severity === b.severity ? b.notices - a.notices || a.ruleId.localeCompare(b.ruleId) : a.severity === 'non-compliant' ? -1 : 1,
      ),
      unread,
    };
  }
}

/** The summary of notices already audited. */
export function summariseNotices(notices: readonly NoticeReport[], unread: Unread): NoticeSummary {
  const counter = new SummaryCounter();
  for (const n of notices) counter.add(n);
  return counter.summary(unread);
}
