// A procurement in lots, for reading: each finding, step and timetable row
// names its lot, and the lots' own verdicts are listed, so a reader of any
// format sees which contract each line is about.
import type { Report } from './schema.js';

/** The report with every lot's finding titles, step titles and timetable rows headed by the lot's title. */
export function labelLots(report: Report): Report {
  if (!report.lots) return report;
  const titles = new Map(report.lots.map((l) => [l.id, l.title]));
  const head = (text: string, lot: string | undefined) => (lot === undefined ? text : `${titles.get(lot) ?? lot}: ${text}`);
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, title: head(f.title, f.lot) })),
    steps: report.steps.map((s) => ({ ...s, title: head(s.title, s.lot) })),
    timetable: report.timetable.map((r) => ({ ...r, what: head(r.what, r.lot) })),
  };
}

/** One line a lot: its title, id, verdict and regime. */
export function lotLines(report: Report): string[] {
  return (report.lots ?? []).map((l) => `${l.title} (${l.id}): ${l.verdict}; regime ${l.regime.applicable ?? 'undetermined'}`);
}
