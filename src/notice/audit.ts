// A file of published notices audited: each procurement's releases merged,
// read as a plan, checked like any plan, and its findings given with the
// notice's own words. A buyer whose kind the notice does not tell is judged as
// every kind, and only what holds for all of them is decided, so the verdict
// stays a promise.
import type { Checker } from '../engine/checker.js';
import { verdictOf } from '../engine/checker.js';
import { PlanValidationError } from '../plan/parse.js';
import { FACT_CATALOGUE, isFactName, type FactName } from '../plan/fact-catalogue.js';
import type { FindingT, Report } from '../report/schema.js';
import { PROCHECK_VERSION } from '../version.js';
import { addDays } from '../plan/dates.js';
import { readOcdsFiles, type OcdsFile, type OcdsLimits } from './read-ocds.js';
import { mergeByOcid, type Procurement } from './merge.js';
import { noticeToPlan, type NoticePlan, type Source } from './to-plan.js';
import type { NoticeAudit, NoticeReport, NoticeSummary } from './schema.js';

/** The plan with one field set (or left out, for undefined), by dotted path. */
function withField(plan: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const out = { ...plan };
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else out[head] = value;
    return out;
  }
  out[head] = withField((plan[head] as Record<string, unknown> | undefined) ?? {}, rest.join('.'), value);
  return out;
}

const bare = (path: string) => path.replace(/\[\d*\]/g, '[]');

/** The plan fields behind a fact: its own, and those of the facts it is derived from. */
function planPathsOf(fact: FactName, seen = new Set<FactName>()): string[] {
  if (seen.has(fact)) return [];
  seen.add(fact);
  const info = FACT_CATALOGUE[fact] as { planPath?: string; from?: readonly string[] };
  const own = info.planPath ? info.planPath.split(/,\s*/).map(bare) : [];
  return [...own, ...(info.from ?? []).filter(isFactName).flatMap((f) => planPathsOf(f, seen))];
}

/** The notice's words behind the facts a rule read. */
function evidenceFor(finding: FindingT, report: Report, sources: Source[]): Source[] {
  const entry = report.trace?.find((t) => t.ruleId === finding.ruleId && t.lot === finding.lot);
  const facts = new Set<string>();
  for (const c of entry?.conditions ?? []) {
    facts.add(c.fact);
    const e = c.expected as { fact?: unknown } | null;
    if (e && typeof e === 'object' && typeof e.fact === 'string') facts.add(e.fact);
  }
  for (const m of finding.missingFacts) facts.add(m.fact);
  const paths = new Set([...facts].filter(isFactName).flatMap((f) => planPathsOf(f)));
  const seen = new Set<string>();
  return sources.filter((s) => {
    const p = bare(s.planPath);
    const said = `${s.ocds}\u0000${s.quote}`;
    if (seen.has(said) || ![...paths].some((q) => p === q || p.startsWith(`${q}.`) || q.startsWith(`${p}.`))) return false;
    seen.add(said);
    return true;
  });
}

const key = (f: FindingT) => `${f.lot ?? ''} ${f.ruleId}`;

/**
 * Findings every reading gives alike stand; one that differs between readings
 * (or is absent from some) is a review, saying so. The verdict is decided only
 * where every reading gives it and a finding that stands carries it.
 */
function mergeReadings(reports: Report[], readings: string[]): { findings: FindingT[]; verdict: Report['verdict'] } {
  if (reports.length === 1) return { findings: reports[0]!.findings, verdict: reports[0]!.verdict };
  const all = new Map<string, { f: FindingT; in: string[] }>();
  reports.forEach((r, k) => {
    for (const f of r.findings) {
      const seen = all.get(key(f));
      if (!seen) all.set(key(f), { f, in: [readings[k]!] });
      else {
        seen.in.push(readings[k]!);
        if (seen.f.severity !== f.severity) seen.f = { ...seen.f, severity: 'review' };
      }
    }
  });
  const findings = [...all.values()].map(({ f, in: inReadings }) => {
    const everywhere = inReadings.length === reports.length && reports.every((r) => r.findings.some((g) => key(g) === key(f) && g.severity === f.severity));
    if (everywhere) return f;
    const note = `This depends on what the notice leaves open: it holds ${inReadings.length < reports.length ? `in ${inReadings.length} of the ${reports.length} readings (${inReadings.slice(0, 3).join(' | ')}${inReadings.length > 3 ? ' | ...' : ''}), not in the others` : 'in every reading, but not with the same outcome in each'}.`;
    return { ...f, severity: f.severity === 'info' ? ('info' as const) : ('review' as const), reason: `${note} ${f.reason}`, steps: [] };
  });
  const verdicts = new Set(reports.map((r) => r.verdict));
  const only = [...verdicts][0]!;
  const given = verdictOf(findings);
  // compliant-if: the findings say compliant, and the conditions (not findings) say if.
  const verdict = verdicts.size === 1 && (given === only || (only === 'compliant-if' && given === 'compliant')) ? only : 'review';
  return { findings, verdict };
}

function summaryLine(n: Omit<NoticeReport, 'summary'>): string {
  if (!n.checked) return `Not checked: the notice does not give ${n.missing.map((m) => m.planPath).join(', ')}.`;
  const part = n.judgedWithout.length ? ` (Checked in part: the notice does not give ${n.judgedWithout.join(' or ')}, so only what does not turn on them is decided.)` : '';
  const decisive = n.findings.filter((f) => f.severity === n.verdict || (n.verdict === 'review' && f.severity === 'review'));
  const words: Record<string, string> = {
    compliant: 'Nothing the notice shows breaks the rules procheck checks.',
    'compliant-if': 'Nothing the notice shows breaks the rules procheck checks, if the authority does its own acts as the conditions say',
    'non-compliant': 'The notice shows a breach',
    review: 'A person must check',
    'out-of-scope': 'Outside the regimes procheck checks',
  };
  const head = words[n.verdict] ?? n.verdict;
  return (n.verdict === 'compliant' || n.verdict === 'compliant-if' ? head : `${head}: ${decisive.slice(0, 3).map((f) => f.title).join('; ')}${decisive.length > 3 ? `; and ${decisive.length - 3} more` : ''}.`) + part;
}

/** Audits one procurement. */
export interface Cut {
  where: string;
  path: string;
  /** The field the cut is in, within this procurement's release; null when the cut is elsewhere in the document. */
  within: string | null;
  partial: string | null;
}

/**
 * Facts a check can go without, in part: the findings that do not turn on them are still decided. A notice
 * that gives the rest is judged with each of a spread of values for them, and only the findings that are the
 * same for every value, and read none of these fields, are given.
 */
const JUDGED_WITHOUT: Record<string, (p: Record<string, unknown>, bounds: Record<string, string>) => unknown[] | null> = {
  'dates.contractStart': (plan) => {
    const d = plan.dates as Record<string, string | undefined>;
    const anchor = [d.awardDecision, d.awardNoticePublished, d.contractSigned, d.procurementStart].find((x) => typeof x === 'string');
    return anchor ? [addDays(anchor, -400), addDays(anchor, 1), addDays(anchor, 45), addDays(anchor, 400), addDays(anchor, 2000)] : null;
  },
  'term.initialMonths': () => [1, 12, 36, 60, 120],
  // No later than the first date the notice gives: that day, and days and months before it. The probes are a second
  // guard; the first is that a finding whose rule reads the start (by the fact catalogue) is never given.
  'dates.procurementStart': (_plan, bounds) => {
    const latest = bounds['dates.procurementStart'];
    return latest ? [latest, addDays(latest, -7), addDays(latest, -30), addDays(latest, -90), addDays(latest, -365)] : null;
  },
};

function combinations(plan: Record<string, unknown>, fields: readonly string[], bounds: Record<string, string>): Record<string, unknown>[] {
  let out = [plan];
  // The procurement start first: the service start's values are spread about the dates the notice gives.
  for (const f of [...fields].sort((a, b) => Number(b === 'dates.procurementStart') - Number(a === 'dates.procurementStart'))) out = out.flatMap((p) => (JUDGED_WITHOUT[f]!(p, bounds) ?? []).map((v) => withField(p, f, v)));
  return out;
}

/** The findings a reading gives alike whatever the values put in for the facts the notice lacks. */
function stableFindings(reports: Report[]): FindingT[] {
  const [first, ...rest] = reports;
  return first!.findings.filter((f) => rest.every((r) => r.findings.some((g) => key(g) === key(f) && g.severity === f.severity && g.reason === f.reason)));
}

/** Whether a finding's rule read a fact that comes from one of these plan fields. */
function readsAny(finding: FindingT, report: Report, fields: readonly string[]): boolean {
  const entry = report.trace?.find((t) => t.ruleId === finding.ruleId && t.lot === finding.lot);
  const facts = new Set<string>(finding.missingFacts.map((m) => m.fact));
  for (const c of entry?.conditions ?? []) {
    facts.add(c.fact);
    const e = c.expected as { fact?: unknown } | null;
    if (e && typeof e === 'object' && typeof e.fact === 'string') facts.add(e.fact);
  }
  const paths = [...facts].filter(isFactName).flatMap((f) => planPathsOf(f));
  // A term is its initial months and its options together: a fact of either reads the term.
  const within = (p: string, q: string) => p === q || p.startsWith(`${q}.`) || (q.startsWith('term.') && (p === 'term' || p.startsWith('term.')));
  return paths.some((p) => fields.some((q) => within(p, q)));
}

/** The report's header facts and regime as every value put in gives them; what differs is not known (null), never a value put in. */
function stableHeader(variants: Report[]): Report {
  const [first, ...rest] = variants;
  if (!rest.length) return first!;
  const facts = Object.fromEntries(Object.entries(first!.facts).map(([k, v]) => [k, rest.every((r) => r.facts[k] === v) ? v : null]));
  const same = rest.every((r) => r.regime.applicable === first!.regime.applicable && r.regime.basis === first!.regime.basis);
  const agreed = rest.every((r) => r.regime.applicable === first!.regime.applicable);
  const regime = same
    ? first!.regime
    : {
        ...first!.regime,
        applicable: agreed ? first!.regime.applicable : null,
        basis: agreed ? 'The same regime applies whichever way the facts the notice does not give turn out.' : 'Which regime applies turns on facts the notice does not give.',
      };
  return { ...first!, facts, regime };
}

export async function auditProcurement(p: Procurement, checker: Checker, cuts: Cut[] = []): Promise<NoticeReport> {
  const read: NoticePlan = noticeToPlan(p, cuts);
  const cutShort = cuts.map((c) => ({ where: c.where, path: c.path }));
  const without = read.missing.map((m) => m.planPath).filter((f) => f in JUDGED_WITHOUT);
  const base = {
    ocid: p.ocid,
    title: typeof read.plan.title === 'string' ? read.plan.title : p.ocid,
    authority: typeof (read.plan.authority as { name?: unknown } | undefined)?.name === 'string' ? ((read.plan.authority as { name: string }).name) : null,
    url: ((read.plan.source as { url?: string } | undefined)?.url ?? null) as string | null,
    releases: p.releases,
    cutShort,
    missing: read.missing,
    judgedWithout: without,
    readings: read.readings.map((r) => ({ field: r.field, why: r.why, values: r.values.map((v) => v.label) })),
    cautions: read.cautions,
    notUnderstood: read.notUnderstood,
    sources: read.sources,
    plan: read.plan,
  };
  const notChecked = (missing: NoticeReport['missing']): NoticeReport => {
    const n = { ...base, missing, judgedWithout: [], checked: false, verdict: 'not-checked' as const, findings: [], report: null };
    return { ...n, summary: summaryLine(n) };
  };
  // Each fact gone without needs values to try: a date the notice bounds, or one to spread them about.
  const bounded = without.includes('dates.procurementStart') ? withField(read.plan, 'dates.procurementStart', read.bounds['dates.procurementStart']) : read.plan;
  const tryable = without.every((f) => (JUDGED_WITHOUT[f]!(bounded, read.bounds) ?? []).length > 0);
  if (read.missing.length > without.length || !tryable) return notChecked(read.missing);
  if (!base.authority) read.plan.authority = { ...(read.plan.authority as object), name: 'the buyer (not named in the part of the notice read)' };
  if (without.includes('term.initialMonths')) read.plan.term = { ...(read.plan.term as object), extensions: [] };
  // Every combination of the open readings (at most the buyer's seven kinds, with and without an existing contract).
  let combos: { labels: string[]; plan: Record<string, unknown> }[] = [{ labels: [], plan: read.plan }];
  for (const r of read.readings)
    combos = combos.flatMap((c) => r.values.map((v) => ({ labels: [...c.labels, `${r.field}: ${v.label}`], plan: withField(c.plan, r.field, v.value) })));
  const readings = combos.map((c) => c.labels.join('; ') || 'as read');
  const reports: Report[] = [];
  try {
    for (const c of combos) {
      // Judged with each value put in for the facts it lacks: what holds for all of them, and reads none of them, stands.
      const variants: Report[] = [];
      for (const plan of combinations(c.plan, without, read.bounds)) variants.push(await checker.check(plan, { trace: true, untrusted: true, claims: 'open' }));
      const stable = without.length ? stableFindings(variants).filter((f) => !readsAny(f, variants[0]!, without)) : variants[0]!.findings;
      // A breach is not the verdict where some values would put the procurement outside the regimes procheck checks.
      const outOfScopeSometimes = variants.some((v) => v.verdict === 'out-of-scope') && !variants.every((v) => v.verdict === 'out-of-scope');
      const verdict = !without.length ? variants[0]!.verdict : outOfScopeSometimes ? 'review' : verdictOf(stable);
      reports.push({ ...stableHeader(variants), findings: stable, verdict });
    }
  } catch (e) {
    if (e instanceof PlanValidationError) return notChecked(e.issues.map((i) => ({ planPath: i.path, why: `as read from the notice: ${i.message}` })));
    throw e;
  }
  const merged = mergeReadings(reports, readings);
  // Something the notice says that the plan cannot hold, or a fact it lacks, leaves a compliant verdict open.
  const verdict = merged.verdict === 'compliant' && (read.cautions.length || without.length) ? 'review' : merged.verdict;
  const first = reports[0]!;
  const findings = merged.findings.map((f) => ({ ...f, evidence: evidenceFor(f, first, read.sources) }));
  // Steps every reading requires (a step only some need is not a promise), and their timetable rows; none dated from a fact put in.
  const common = first.steps.filter((s) => reports.every((r) => r.steps.some((t) => t.id === s.id && t.lot === s.lot)));
  const steps = without.length ? common.map((s) => ({ ...s, due: null, dueKind: null, earliest: undefined, latest: undefined })) : common;
  const timetable = without.length ? [] : first.timetable.filter((row) => common.some((s) => s.id === row.stepId));
  const header = stableHeader(reports);
  const report: Report = { ...first, facts: header.facts, regime: header.regime, verdict, findings: merged.findings, steps: steps.map((s) => JSON.parse(JSON.stringify(s))), timetable };
  delete report.trace;
  const n = { ...base, checked: true, verdict, findings, report };
  return { ...n, summary: summaryLine(n) };
}

function count<T>(xs: T[], by: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[by(x)] = (out[by(x)] ?? 0) + 1;
  return out;
}

export function summariseNotices(notices: NoticeReport[], unread: OcdsFile['unread']): NoticeSummary {
  const authorities = [...new Set(notices.map((n) => n.authority ?? '(buyer not named)'))].sort();
  const defects = new Map<string, { ruleId: string; title: string; severity: string; notices: number }>();
  for (const n of notices) {
    for (const f of new Map(n.findings.filter((f) => f.severity === 'non-compliant' || f.severity === 'review').map((f) => [f.ruleId, f])).values()) {
      const d = defects.get(f.ruleId) ?? { ruleId: f.ruleId, title: f.title, severity: f.severity, notices: 0 };
      d.notices++;
      if (f.severity === 'non-compliant') d.severity = 'non-compliant';
      defects.set(f.ruleId, d);
    }
  }
  return {
    notices: notices.length,
    byVerdict: count(notices, (n) => n.verdict),
    byAuthority: authorities.map((a) => {
      const mine = notices.filter((n) => (n.authority ?? '(buyer not named)') === a);
      return { authority: a, notices: mine.length, byVerdict: count(mine, (n) => n.verdict) };
    }),
    byDefect: [...defects.values()].sort((a, b) => (a.severity === b.severity ? b.notices - a.notices || a.ruleId.localeCompare(b.ruleId) : a.severity === 'non-compliant' ? -1 : 1)),
    unread,
  };
}

/** The cuts in the documents that hold this procurement, each with the field it ends in, as a path within the release. */
function cutsOf(ocid: string, cuts: OcdsFile['cutShort']): Cut[] {
  return cuts.flatMap((c) => {
    const mine = c.releases.filter((r) => r.ocid === ocid);
    if (!mine.length) return [];
    const holder = mine.find((r) => r.where === 'the document' || c.path.startsWith(`${r.where}.`));
    const within = !holder || holder.where === 'the document' ? c.path : c.path.slice(holder.where.length + 1);
    return [{ where: c.where, path: c.path, within: holder ? within : null, partial: c.partial }];
  });
}

/** Audits every procurement in an OCDS file's text, in the order each first appears. */
export async function auditNotices(text: string, checker: Checker, name = 'the file', onProgress?: (done: number, total: number) => void, limits?: Partial<OcdsLimits>): Promise<NoticeAudit> {
  return auditNoticeFiles([{ text, name }], checker, onProgress, limits);
}

/** Audits the procurements of several files read as one: releases of the same ocid merge across them. */
export async function auditNoticeFiles(files: readonly { text: string; name: string }[], checker: Checker, onProgress?: (done: number, total: number) => void, limits?: Partial<OcdsLimits>): Promise<NoticeAudit> {
  const file = readOcdsFiles(files, limits);
  const notices: NoticeReport[] = [];
  const procurements = mergeByOcid(file.releases, file.links);
  onProgress?.(0, procurements.length);
  for (const p of procurements) {
    notices.push(await auditProcurement(p, checker, cutsOf(p.ocid, file.cutShort)));
    onProgress?.(notices.length, procurements.length);
  }
  // Links to releases of a procurement no file holds: said, not dropped.
  const held = new Set(procurements.map((p) => p.ocid));
  const orphans = file.links.filter((l) => !held.has(l.ocid)).map((l) => ({ where: l.where, why: `a link to a release of ${l.ocid}, which no file given holds` }));
  const unread = [...file.unread, ...orphans];
  return { procheck: PROCHECK_VERSION, ruleSetVersion: checker.ruleSet.version, file: files.map((f) => f.name).join(', '), notices, summary: summariseNotices(notices, unread) };
}
