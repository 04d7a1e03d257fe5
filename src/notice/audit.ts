// A file of published notices audited: each procurement's releases merged,
// read as a plan, checked like any plan, and its findings given with the
// notice's own words. A buyer whose kind the notice does not tell is judged as
// every kind, and only what holds for all of them is decided, so the verdict
// stays a promise.
import type { Checker } from '../engine/checker.js';
import { verdictOf } from '../engine/checker.js';
import { parsePlan, MAX_PLAN_DEPTH, PlanValidationError } from '../plan/parse.js';
import { PlanSchema } from '../plan/schema.js';
import { withinDepth } from '../plan/json-depth.js';
import { factSource, howComputed, regimeOpenFacts, type PlanFactSource } from '../plan/facts.js';
import type { ConditionT, RuleDefinition } from '../engine/rule-schema.js';
import { PARTITION_FACTS, canApply, type PlanKind } from '../engine/partition.js';
import { formulaOf } from '../plan/fact-formulas.js';
import { OPERATORS } from '../engine/operators.js';
import { notShownBy } from './mapping.js';
import { FACT_CATALOGUE, isFactName, type FactName } from '../plan/fact-catalogue.js';
import type { FindingT, Report } from '../report/schema.js';
import type { Plan } from '../plan/schema.js';
import { PROCHECK_VERSION } from '../version.js';
import { addDays } from '../plan/dates.js';
import { readOcdsFiles, type OcdsFile, type OcdsLimits } from './read-ocds.js';
import { mergeByOcid, type Procurement } from './merge.js';
import { noticeToPlan, type NoticePlan, type Source } from './to-plan.js';
import type { NoticeAudit, NoticeReport } from './schema.js';
import { summariseNotices as summarise } from './summary.js';

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

/** A field's value by dotted path. */
const valueAt = (plan: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), plan);

const bare = (path: string) => path.replace(/\[\d*\]/g, '[]');

/** The facts that make the kind of plan a check runs rules for: every variant's are compared (rulesKey), not assumed. */
const KIND_FACTS = new Set<string>([...PARTITION_FACTS, 'applicableRegime']);

/**
 * The plan fields behind a fact: its own field, the fields its function reads itself, and those of the facts it reads
 * (the functions' registry in fact-formulas.ts, which a test holds each function to; the catalogue's sources for the
 * facts the rule set's steps define). Worked out once a fact.
 */
const PATHS = new Map<string, string[]>();
function planPathsOf(fact: FactName, through: 'all' | 'not-the-kind' = 'all'): string[] {
  let found = PATHS.get(`${through}:${fact}`);
  if (!found) {
    const seen = new Set<FactName>();
    const walk = (f: FactName): string[] => {
      if (seen.has(f)) return [];
      seen.add(f);
      // The kind of plan (regime, scope, process, threshold...) is compared across the variants themselves (rulesKey).
      if (through === 'not-the-kind' && KIND_FACTS.has(f)) return [];
      const info = FACT_CATALOGUE[f] as { planPath?: string; from?: readonly string[] };
      const formula = formulaOf(f);
      const own = [...(info.planPath ? info.planPath.split(/,\s*/) : []), ...(formula?.plan ?? [])].map(bare);
      const reads = [...(formula?.reads ?? []), ...(info.from ?? [])];
      return [...own, ...reads.filter(isFactName).flatMap(walk)];
    };
    PATHS.set(`${through}:${fact}`, (found = [...new Set(walk(fact))]));
  }
  return found;
}

/** A rule's entry in a report's trace (the first for the rule and lot), looked up by an index made once a trace. */
const TRACE_INDEX = new WeakMap<object, Map<string, NonNullable<Report['trace']>[number]>>();
function traceEntry(report: Report, finding: FindingT): NonNullable<Report['trace']>[number] | undefined {
  if (!report.trace) return undefined;
  let index = TRACE_INDEX.get(report.trace);
  if (!index) {
    index = new Map();
    for (const t of report.trace) {
      const k = `${t.lot ?? '\u0001'}\u0000${t.ruleId}`;
      if (!index.has(k)) index.set(k, t);
    }
    TRACE_INDEX.set(report.trace, index);
  }
  return index.get(`${finding.lot ?? '\u0001'}\u0000${finding.ruleId}`);
}

/**
 * The notice's words behind the facts a rule read. The facts its tests read are those a trace of the report's check
 * names: where that check read the rule (it can apply to the plan's kind, `kind`), every fact its gate and test read or
 * compare with; else none. Without the kind (a plan in lots, each lot of its own kind, or under an overlay), the
 * report's trace says.
 */
function evidenceFor(finding: FindingT, report: Report, sources: Source[], checker: Checker, kind: PlanKind | null): Source[] {
  const facts = new Set<string>();
  const rule = kind ? rulesById(checker).get(finding.ruleId) : undefined;
  if (kind) {
    if (rule && canApply(rule, kind)) for (const f of testedBy(rule)) facts.add(f);
  } else
    for (const c of traceEntry(report, finding)?.conditions ?? []) {
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
  // Each reading's findings by key, with the severities they have there.
  const byKey = reports.map((r) => {
    const m = new Map<string, Set<string>>();
    for (const g of r.findings) {
      const k = key(g);
      const s = m.get(k);
      if (s) s.add(g.severity);
      else m.set(k, new Set([g.severity]));
    }
    return m;
  });
  const findings = [...all.values()].map(({ f, in: inReadings }) => {
    const everywhere = inReadings.length === reports.length && byKey.every((m) => m.get(key(f))?.has(f.severity) === true);
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
  const notJudged = n.notJudged.length ? ` Not judged from a notice: ${n.notJudged.map((x) => x.what).join('; ')}.` : '';
  const decisive = n.findings.filter((f) => f.severity === n.verdict || (n.verdict === 'review' && f.severity === 'review'));
  const words: Record<string, string> = {
    compliant: 'Nothing the notice shows breaks the rules procheck checks.',
    'compliant-if': 'Nothing the notice shows breaks the rules procheck checks, if the authority does its own acts as the conditions say.',
    'non-compliant': 'The notice shows a breach',
    review: 'A person must check',
    'out-of-scope': 'Outside the regimes procheck checks',
  };
  const head = words[n.verdict] ?? n.verdict;
  const said =
    n.verdict === 'compliant' || n.verdict === 'compliant-if'
      ? head
      : decisive.length
        ? `${head}: ${decisive.slice(0, 3).map((f) => f.title).join('; ')}${decisive.length > 3 ? `; and ${decisive.length - 3} more` : ''}.`
        : n.verdict === 'review'
          ? 'Nothing the notice shows is a breach, but it does not give all a check needs, so a person must check.'
          : `${head}.`;
  return said + part + notJudged;
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
    return anchor ? spread(anchor, [-400, 1, 45, 400, 2000]) : null;
  },
  'term.initialMonths': () => [1, 12, 36, 60, 120],
  // No later than the first date the notice gives: that day, and days and months before it. The probes are a second
  // guard; the first is that a finding whose rule reads the start (by the fact catalogue) is never given.
  'dates.procurementStart': (_plan, bounds) => {
    const latest = bounds['dates.procurementStart'];
    return latest ? spread(latest, [0, -7, -30, -90, -365]) : null;
  },
};

/** Dates these many days from a date, each list worked out once a date (every reading and variant of a notice asks again). */
const SPREADS = new Map<string, string[]>();
function spread(from: string, days: readonly number[]): string[] {
  const k = `${from} ${days.join(' ')}`;
  let found = SPREADS.get(k);
  if (!found) {
    if (SPREADS.size >= 1024) SPREADS.clear();
    SPREADS.set(k, (found = days.map((n) => (n === 0 ? from : addDays(from, n)))));
  }
  return found;
}

/**
 * The values tried for the facts the notice lacks, as a diagonal: the i-th variant takes the i-th value of each (the
 * last, where a fact has fewer), the procurement's start first, since the service start's values are spread about the
 * dates the notice gives. Every value of every fact is tried, in five checks rather than the 125 of every combination:
 * the first guard is that a finding whose rule reads one of these facts (by the fact catalogue) is never given; the
 * variants are the second, for what the catalogue cannot say (the regime a date puts the plan under, a dated parameter).
 */
function variantsOf(plan: Record<string, unknown>, fields: readonly string[], bounds: Record<string, string>, every = false, firstOnly = false): Record<string, unknown>[] {
  const order = [...fields].sort((a, b) => Number(b === 'dates.procurementStart') - Number(a === 'dates.procurementStart'));
  if (every) {
    // Every combination: the reference the diagonal is tested against.
    let all = [plan];
    for (const f of order) all = all.flatMap((p) => (JUDGED_WITHOUT[f]!(p, bounds) ?? []).map((v) => withField(p, f, v)));
    return all;
  }
  const out: Record<string, unknown>[] = [];
  for (let i = 0; ; i++) {
    let p = plan;
    let more = false;
    for (const f of order) {
      const values = JUDGED_WITHOUT[f]!(p, bounds) ?? [];
      if (!values.length) return [];
      more ||= i + 1 < values.length;
      p = withField(p, f, values[Math.min(i, values.length - 1)]);
    }
    out.push(p);
    // The first alone, for a reading whose check another reading's stands for: whether a fact has values to try is the
    // same for every variant (the procurement's start, set first, is in each; the service start is spread about dates
    // each has), so the first stands or falls as the whole list does.
    if (!more || firstOnly) return out;
  }
}

/** The plan format's fields, each with its own schema. */
const FIELD_SCHEMAS = (PlanSchema as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> }).shape;

/**
 * A top-level field validated by its own schema, the result kept by its value as JSON for the procurement's other
 * readings (`kept`: they give the same few values again, a buyer's kind, a process). JSON does not tell a field left
 * undefined from one left out, as a schema does, nor NaN from null: a value holding either is validated afresh. The
 * result is shared: nothing changes a validated plan.
 */
type FieldParses = Map<string, { success: boolean; data?: unknown }>;
/** Does a value hold what its JSON does not say: undefined, or a number JSON writes otherwise (NaN, an infinity, -0)? */
const notAsJson = (v: unknown): boolean =>
  v === undefined ||
  (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) ||
  (typeof v === 'object' && v !== null && (Array.isArray(v) ? v : Object.values(v)).some(notAsJson));
function fieldParse(k: string, value: unknown, kept: FieldParses): { success: boolean; data?: unknown } {
  if (notAsJson(value)) return FIELD_SCHEMAS[k]!.safeParse(value);
  const id = `${k}\u0000${JSON.stringify(value)}`;
  let found = kept.get(id);
  if (!found) kept.set(id, (found = FIELD_SCHEMAS[k]!.safeParse(value)));
  return found;
}

/**
 * A plan made from a validated one by setting some of its fields (another reading of what the notice leaves open),
 * validated as parsePlan validates it: the top-level fields it shares with `from` (the input `parsed` was validated from)
 * are `parsed`'s, and each other one is validated by its own schema. The plan format's one test across fields is of its
 * lots: a plan with lots, or a field that fails or is not the format's, is validated whole, so that the plan and any
 * error are parsePlan's.
 */
function parseLike(input: Record<string, unknown>, from: Record<string, unknown>, parsed: Plan, kept: FieldParses): Plan {
  if (Object.hasOwn(input, 'lots') || Object.keys(input).some((k) => !Object.hasOwn(FIELD_SCHEMAS, k))) return parsePlan(input);
  const was = parsed as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(FIELD_SCHEMAS)) {
    if (input[k] === from[k] && Object.hasOwn(input, k) === Object.hasOwn(from, k)) {
      if (Object.hasOwn(was, k)) out[k] = was[k];
      continue;
    }
    if (!withinDepth(input[k], MAX_PLAN_DEPTH - 1)) return parsePlan(input);
    const r = fieldParse(k, input[k], kept);
    if (!r.success) return parsePlan(input);
    // As an object's schema gives it: a field given is kept (undefined too), a field left out only where a default fills it.
    if (Object.hasOwn(input, k) || r.data !== undefined) out[k] = r.data;
  }
  return out as unknown as Plan;
}

const sameFinding = (f: FindingT, g: FindingT) => key(g) === key(f) && g.severity === f.severity && g.reason === f.reason;

const BY_ID = new WeakMap<object, Map<string, RuleDefinition>>();
const rulesById = (checker: Checker): Map<string, RuleDefinition> => {
  let m = BY_ID.get(checker.ruleSet);
  if (!m) BY_ID.set(checker.ruleSet, (m = new Map(checker.ruleSet.rules.map((r) => [r.id, r]))));
  return m;
};

/** The facts a rule's words name ({{fact}} in its reason, its words when open, its steps): what it says may read them. */
const NAMED = new WeakMap<object, Set<string>>();
function namedIn(rule: object): Set<string> {
  let found = NAMED.get(rule);
  if (!found) NAMED.set(rule, (found = new Set([...JSON.stringify(rule).matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]!))));
  return found;
}

/** The facts a rule's gate and test read, and those they compare with: the facts a trace's entry for it names, where the rule was read. */
function testedBy(rule: RuleDefinition): string[] {
  const walk = (c: ConditionT | undefined): string[] => {
    if (!c) return [];
    if ('all' in c) return c.all.flatMap(walk);
    if ('any' in c) return c.any.flatMap(walk);
    if ('not' in c) return walk(c.not);
    const v = c.value as { fact?: unknown } | null;
    return v && typeof v === 'object' && typeof v.fact === 'string' ? [c.fact, v.fact] : [c.fact];
  };
  return [...walk(rule.appliesWhen), ...walk(rule.conditions)];
}

/** A term is its initial months and its options together: a fact of either reads the term. */
const within = (p: string, q: string) => p === q || p.startsWith(`${q}.`) || (q.startsWith('term.') && (p === 'term' || p.startsWith('term.')));
/** Whether a fact comes from one of these plan fields (the kind of plan aside: rulesKey compares it); kept a fact and fields. */
const FROM_FIELDS = new Map<string, boolean>();
function comesFrom(fact: string, fields: readonly string[]): boolean {
  const k = `${fact}\u0000${fields.join('\u0000')}`;
  let found = FROM_FIELDS.get(k);
  if (found === undefined) FROM_FIELDS.set(k, (found = isFactName(fact) && planPathsOf(fact, 'not-the-kind').some((p) => fields.some((q) => within(p, q)))));
  return found;
}

/** Whether a rule's tests or words read a fact from one of these plan fields; kept a rule and fields. */
const RULE_READS = new WeakMap<RuleDefinition, Map<string, boolean>>();
function ruleReadsAny(rule: RuleDefinition, fields: readonly string[]): boolean {
  let byFields = RULE_READS.get(rule);
  if (!byFields) RULE_READS.set(rule, (byFields = new Map()));
  const k = fields.join('\u0000');
  let found = byFields.get(k);
  if (found === undefined) byFields.set(k, (found = [...namedIn(rule), ...testedBy(rule)].some((f) => comesFrom(f, fields))));
  return found;
}

/**
 * Whether a finding's rule read a fact that comes from one of these plan fields: in its tests, its questions or its
 * words. The finding is the report's, so its rule was read: its tests are those written in it (a rule the checker's
 * rule set does not hold, an overlay's, is looked up in the report's trace).
 */
function readsAny(finding: FindingT, report: Report, fields: readonly string[], checker: Checker): boolean {
  if (finding.missingFacts.some((m) => comesFrom(m.fact, fields))) return true;
  const rule = rulesById(checker).get(finding.ruleId);
  if (rule) return ruleReadsAny(rule, fields);
  const entry = traceEntry(report, finding);
  return (entry?.conditions ?? []).some((c) => {
    const e = c.expected as { fact?: unknown } | null;
    return comesFrom(c.fact, fields) || (!!e && typeof e === 'object' && typeof e.fact === 'string' && comesFrom(e.fact, fields));
  });
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

/**
 * One reading judged without the facts the notice lacks: checked with each variant of values for them, stopping as
 * soon as no finding is left that every variant so far gives alike (nothing more can stand, and the verdict is then a
 * review whatever the rest give). The findings that stand are those every variant gives alike and whose rule reads
 * none of these facts.
 */
/**
 * What decides which rules a check runs and what their dated parameters are: the kind of plan (the partition facts:
 * regime, scope, process, threshold...) and each parameter's period in force on the date it is taken by. Two variants
 * alike in these run the same rules with the same parameters, so a rule that reads none of the facts put in (by the fact
 * catalogue, its tests and its words) gives the same outcome in both.
 */
function rulesKey(facts: PlanFactSource, checker: Checker): string {
  const on = (by: string) => {
    const d = facts.get(by);
    return typeof d === 'string' ? d : (facts.get('procurementStart') as string);
  };
  const { groups } = paramsByDate(checker);
  return `${JSON.stringify([PARTITION_FACTS.map((f) => facts.get(f)), facts.get('applicableRegime')])}${groups.map((g) => g.on(on(g.by))).join('')}`;
}

/**
 * The rule set's dated parameters in groups by the fact whose date each is taken on, each group's values on a date
 * worked out once (as text, for rulesKey): every parameter's value on its date is the same wherever these are.
 */
const PARAM_GROUPS = new WeakMap<object, { groups: { by: string; on: (date: string) => string }[] }>();
function paramsByDate(checker: Checker): { groups: { by: string; on: (date: string) => string }[] } {
  let found = PARAM_GROUPS.get(checker.ruleSet);
  if (!found) {
    const params = checker.ruleSet.params;
    const ids = new Map<string, string[]>();
    for (const p of params.all()) ids.set(p.appliesBy as string, [...(ids.get(p.appliesBy as string) ?? []), p.id]);
    // The values on a date, as text, stand for themselves only by their number among the texts met (a list of codes is
    // a parameter: the text is long, and there are few of them, however many dates there are).
    const groups = [...ids].map(([by, list]) => {
      const memo = new Map<string, string>();
      const texts = new Map<string, string>();
      const on = (date: string) => {
        const k = `${typeof date}:${date}`;
        let found = memo.get(k);
        if (found === undefined) {
          if (memo.size >= 10_000) memo.clear();
          const text = JSON.stringify(list.map((id) => params.valueForRule(id, date)));
          let n = texts.get(text);
          if (n === undefined) texts.set(text, (n = `[${texts.size}]`));
          memo.set(k, (found = n));
        }
        return found;
      };
      return { by, on };
    });
    PARAM_GROUPS.set(checker.ruleSet, (found = { groups }));
  }
  return found;
}

/** The kind of plan a check finds (the partition facts), which decides the rules it reads (canApply). */
function kindOf(facts: PlanFactSource): PlanKind {
  return Object.fromEntries(PARTITION_FACTS.map((f) => [f, facts.get(f)])) as PlanKind;
}

/**
 * A plan's facts as the audit compares readings and variants by them (claims open, no lots, the facts the rule set's
 * steps define left unknown), each computed when first read: one source a reading, shared by signatureOf, kindOf and
 * rulesKey.
 */
function sourceOf(plan: Plan, checker: Checker): PlanFactSource {
  return factSource(plan, checker.ruleSet.params, undefined, { claims: 'open' });
}

/**
 * One reading judged without the facts the notice lacks: checked with the first variant of values for them, then with
 * each later variant that runs other rules or other parameters (a date that moves the regime, a term that moves the
 * value over the threshold); one that runs the same rules with the same parameters changes nothing a finding that
 * stands reads. It stops once no finding is left that every variant so far gives alike: nothing more can stand, and
 * the verdict is then a review whatever the rest give. The findings that stand are those every variant checked gives
 * alike and whose rule reads none of these facts.
 */
async function judgeWithout(
  parsed: Plan,
  variants: readonly Record<string, unknown>[],
  without: readonly string[],
  checker: Checker,
  shared: boolean,
  /** The first variant's rulesKey, where variants that run the same rules are not checked again. */
  key0: string | null,
  first: { whole: boolean; trace: boolean },
): Promise<Report> {
  const check = (p: Plan, whole: boolean, trace: boolean) => checker.checkParsed(p, { trace, claims: 'open', detail: whole ? 'whole' : 'outcome' });
  const v0 = await check(parsed, first.whole, first.trace);
  if (!without.length) return v0;
  const seen = [v0];
  let stable = v0.findings.filter((f) => !readsAny(f, v0, without, checker));
  const tried = new Set(key0 === null ? [] : [key0]);
  for (const v of variants.slice(1)) {
    if (shared && !stable.length) break;
    // The first variant validated; the others differ from it only in these facts, each set to a value the format takes.
    const plan = without.reduce<Record<string, unknown>>((p, f) => withField(p, f, valueAt(v, f)), parsed as unknown as Record<string, unknown>) as unknown as Plan;
    if (shared) {
      const k = rulesKey(sourceOf(plan, checker), checker);
      if (tried.has(k)) continue;
      tried.add(k);
    }
    const r = await check(plan, false, false);
    seen.push(r);
    stable = stable.filter((f) => r.findings.some((g) => sameFinding(f, g)));
  }
  // A breach is not the verdict where some values would put the procurement outside the regimes procheck checks.
  const outOfScopeSometimes = seen.some((v) => v.verdict === 'out-of-scope') && !seen.every((v) => v.verdict === 'out-of-scope');
  const header = stableHeader(seen);
  // A headline fact that follows from a fact put in is not known, whichever variants were checked.
  const facts = Object.fromEntries(Object.entries(header.facts).map(([k, v]) => [k, followsFrom(k, without) ? null : v]));
  return { ...header, facts, trace: v0.trace, findings: stable, verdict: outOfScopeSometimes ? 'review' : verdictOf(stable) };
}

/** Whether a headline fact follows from a fact put in (the kind of plan aside); kept a fact and facts put in. */
const FOLLOWS = new Map<string, boolean>();
function followsFrom(fact: string, without: readonly string[]): boolean {
  const k = `${fact}\u0000${without.join('\u0000')}`;
  let found = FOLLOWS.get(k);
  if (found === undefined)
    FOLLOWS.set(k, (found = isFactName(fact) && planPathsOf(fact, 'not-the-kind').some((p) => without.some((q) => p === q || p.startsWith(`${q}.`) || (q.startsWith('term.') && p.startsWith('term'))))));
  return found;
}

/** Every place a rule set reads each fact: the literal tests on it ({operator, value}), or null where it reads it some other way. */
const TESTS = new WeakMap<object, Map<string, { operator: string; value: unknown }[] | null>>();
function testsOn(ruleSet: Checker['ruleSet'], fact: string): { operator: string; value: unknown }[] | null {
  let byFact = TESTS.get(ruleSet);
  if (!byFact) TESTS.set(ruleSet, (byFact = new Map()));
  if (byFact.has(fact)) return byFact.get(fact)!;
  let tests: { operator: string; value: unknown }[] | null = [];
  const placeholder = new RegExp(`\\{\\{\\s*${fact}\\b`);
  const walk = (node: unknown): void => {
    if (tests === null) return;
    if (typeof node === 'string') {
      if (placeholder.test(node)) tests = null;
      return;
    }
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.fact === fact) {
      const literal = typeof o.operator === 'string' && o.operator in OPERATORS && !(o.value && typeof o.value === 'object' && !Array.isArray(o.value));
      if (!literal) tests = null;
      else tests.push({ operator: o.operator as string, value: o.value });
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(ruleSet.rules);
  walk(ruleSet.steps);
  byFact.set(fact, tests);
  return tests;
}

/**
 * What the rule set can tell of a reading: every fact of its plan, except that a fact read straight from a field the
 * readings set (the buyer's kind), which the rules only test against literal values, stands for the answers to those
 * tests. Two readings alike here give the same check: the rule set cannot tell a foundation trust from an NHS trust
 * unless a rule, a formula or a text names one of them. Only the facts that read the fields the readings set
 * themselves (`facts`, factsSetBy) are compared: every other fact follows from them and from fields every reading of
 * one notice shares.
 */
function signatureOf(parsed: Plan, source: PlanFactSource, fields: readonly string[], facts: readonly FactName[], checker: Checker): { sig: string; basis: string } {
  const out: Record<string, unknown> = {};
  for (const name of facts) {
    const value = source.get(name);
    const path = (FACT_CATALOGUE[name] as { planPath?: string }).planPath;
    const tests = path && fields.includes(path) ? testsOn(checker.ruleSet, name) : null;
    out[name] = tests ? tests.map((t) => OPERATORS[t.operator as keyof typeof OPERATORS](value, t.value)) : value;
  }
  return { sig: JSON.stringify([out, [...regimeOpenFacts(parsed, checker.ruleSet.params)]]), basis: String(source.get('regimeBasis')) };
}

/** Do two plan paths (bare: a list's entries as []) name the same field, or one a field within the other? */
const overlaps = (p: string, q: string) => p === q || p.startsWith(`${q}.`) || q.startsWith(`${p}.`) || p.startsWith(`${q}[`) || q.startsWith(`${p}[`);

/**
 * The facts that read these plan fields themselves: each fact whose own field, or a field its function reads (by the
 * functions' registry), is one of them or within one (the regime's basis in words aside: it names the buyer's kind, and
 * readings do not differ by it; no fact reads it). Every other fact of a reading is a function of these and of fields
 * every reading of a notice shares, so two readings alike in these are alike in every fact. The facts the rule set's
 * steps define are not among them: signatureOf derives no steps. Worked out once a set of fields.
 */
const READING_FACTS = new Map<string, FactName[]>();
function factsSetBy(fields: readonly string[]): FactName[] {
  const k = fields.join('\u0000');
  let found = READING_FACTS.get(k);
  if (!found) {
    const bareFields = fields.map(bare);
    const own = (f: FactName) => {
      const info = FACT_CATALOGUE[f] as { planPath?: string };
      return [...(info.planPath ? info.planPath.split(/,\s*/) : []), ...(formulaOf(f)?.plan ?? [])].map(bare);
    };
    found = (Object.keys(FACT_CATALOGUE) as FactName[]).filter((f) => f !== 'regimeBasis' && howComputed(f) !== 'rule-set' && own(f).some((p) => bareFields.some((q) => overlaps(p, q))));
    READING_FACTS.set(k, found);
  }
  return found;
}

export interface AuditOptions {
  /**
   * "every-reading": check every reading and every variant, sharing nothing and stopping at nothing (the reference
   * the shortcuts are tested against); "shared" (the default): readings the rule set cannot tell apart share one check,
   * and a reading's variants stop once the outcome is settled.
   */
  work?: 'shared' | 'every-reading';
}

/** What a notice cannot show for a plan field (notShownBy), looked up once a field. */
const NOT_SHOWN = new Map<string, ReturnType<typeof notShownBy>>();
function notShown(planPath: string): ReturnType<typeof notShownBy> {
  if (!NOT_SHOWN.has(planPath)) NOT_SHOWN.set(planPath, notShownBy(planPath));
  return NOT_SHOWN.get(planPath);
}

/** A finding left open only by what a notice cannot show: each question it asks is of a fact notShown names. */
function notJudgedAs(f: FindingT): ReturnType<typeof notShownBy> {
  if (f.severity !== 'review' || !f.missingFacts.length) return undefined;
  const entries = f.missingFacts.map((m) => (m.planPath ? notShown(m.planPath) : undefined));
  return entries.every((e) => e !== undefined) ? entries[0] : undefined;
}

/** A reading's report with the findings no notice can show set apart, and its verdict as the rest give it. */
function judgedOnly(r: Report): { report: Report; notJudged: FindingT[] } {
  const notJudged = r.findings.filter((f) => notJudgedAs(f));
  if (!notJudged.length) return { report: r, notJudged };
  const findings = r.findings.filter((f) => !notJudgedAs(f));
  const open = findings.some((f) => f.severity === 'review' || f.severity === 'non-compliant' || f.severity === 'out-of-scope');
  const verdict = r.verdict === 'review' && !open ? (r.conditions.length ? 'compliant-if' : 'compliant') : r.verdict;
  return { report: { ...r, findings, verdict }, notJudged };
}

export async function auditProcurement(p: Procurement, checker: Checker, cuts: Cut[] = [], options: AuditOptions = {}): Promise<NoticeReport> {
  const shared = options.work !== 'every-reading';
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
    const n = { ...base, missing, judgedWithout: [], checked: false, verdict: 'not-checked' as const, findings: [], notJudged: [], report: null };
    return { ...n, summary: summaryLine(n) };
  };
  // Each fact gone without needs values to try: a date the notice bounds, or one to spread them about.
  const bounded = without.includes('dates.procurementStart') ? withField(read.plan, 'dates.procurementStart', read.bounds['dates.procurementStart']) : read.plan;
  const tryable = without.every((f) => (JUDGED_WITHOUT[f]!(bounded, read.bounds) ?? []).length > 0);
  if (read.missing.length > without.length || !tryable) return notChecked(read.missing);
  if (!base.authority) read.plan.authority = { ...(read.plan.authority as object), name: 'the buyer (not named in the part of the notice read)' };
  if (without.includes('term.initialMonths')) read.plan.term = { extensions: [], ...(read.plan.term as object) };
  // Every combination of the open readings (at most the buyer's seven kinds, with and without an existing contract).
  let combos: { labels: string[]; plan: Record<string, unknown> }[] = [{ labels: [], plan: read.plan }];
  for (const r of read.readings)
    combos = combos.flatMap((c) =>
      r.values.map((v) => ({
        labels: [...c.labels, `${r.field}: ${v.label}`],
        plan: v.patch ? Object.entries(v.patch).reduce((plan, [path, value]) => withField(plan, path, value), c.plan) : withField(c.plan, r.field, v.value),
      })),
    );
  const readings = combos.map((c) => c.labels.join('; ') || 'as read');
  // Readings the rule set cannot tell apart are one check: the first of each kind stands for the others.
  const fields = read.readings.map((r) => r.field);
  // The fields the readings set (a reading of the dates in figures sets whole parts of the plan), and the facts that follow from them.
  const setBy = factsSetBy([...new Set(read.readings.flatMap((r) => r.values.flatMap((v) => (v.patch ? Object.keys(v.patch) : [r.field]))))]);
  const judged = new Map<string, Promise<Report>>();
  const reports: Report[] = [];
  const notJudged = new Map<string, FindingT>();
  const bases = new Set<string>();
  let validated: { input: Record<string, unknown>; parsed: Plan; fields: FieldParses } | null = null;
  // The notice's own report's kind of plan, which says which rules its check read (evidenceFor).
  let kind: PlanKind | null | undefined;
  try {
    for (const c of combos) {
      const first = without.length ? variantsOf(c.plan, without, read.bounds, !shared, shared)[0] : c.plan;
      // The first reading validated whole; the others differ from it only in the fields the readings set, validated alone.
      const parsed: Plan = validated ? parseLike(first!, validated.input, validated.parsed, validated.fields) : parsePlan(first);
      validated ??= { input: first!, parsed, fields: new Map() };
      const source = sourceOf(parsed, checker);
      const sig = shared && combos.length > 1 ? signatureOf(parsed, source, fields, setBy, checker) : null;
      if (sig) bases.add(sig.basis);
      if (kind === undefined) kind = parsed.lots || parsed.authority.overlay !== undefined ? null : kindOf(source);
      const k = sig?.sig ?? `#${judged.size}`;
      const key0 = !judged.has(k) && shared && without.length ? rulesKey(source, checker) : null;
      // The first reading's report is the notice's, checked whole; the others' outcomes alone are read. A trace is asked
      // for only where the rules read are not the law's for one kind of plan: an overlay's (readsAny), a plan in lots'.
      const whole = judged.size === 0;
      if (!judged.has(k)) {
        const variants = without.length ? variantsOf(c.plan, without, read.bounds, !shared) : [c.plan];
        judged.set(k, judgeWithout(parsed, variants, without, checker, shared, key0, { whole, trace: (whole && kind === null) || parsed.authority.overlay !== undefined }));
      }
      const { report, notJudged: aside } = judgedOnly(await judged.get(k)!);
      reports.push(report);
      for (const f of aside) if (!notJudged.has(f.ruleId)) notJudged.set(f.ruleId, f);
    }
  } catch (e) {
    if (e instanceof PlanValidationError) return notChecked(e.issues.map((i) => ({ planPath: i.path, why: `as read from the notice: ${i.message}` })));
    throw e;
  }
  const merged = mergeReadings(reports, readings);
  // A rule decided in some reading is judged: it is not also listed as not judged.
  for (const f of merged.findings) notJudged.delete(f.ruleId);
  // Something the notice says that the plan cannot hold, or a fact it lacks, leaves a compliant verdict open.
  const verdict = (merged.verdict === 'compliant' || merged.verdict === 'compliant-if') && (read.cautions.length || without.length) ? 'review' : merged.verdict;
  const first = reports[0]!;
  const findings = merged.findings.map((f) => ({ ...f, evidence: evidenceFor(f, first, read.sources, checker, kind ?? null) }));
  // Steps every reading requires (a step only some need is not a promise), and their timetable rows; none dated from a fact put in.
  const common = first.steps.filter((s) => reports.every((r) => r.steps.some((t) => t.id === s.id && t.lot === s.lot)));
  const steps = without.length ? common.map((s) => ({ ...s, due: null, dueKind: null, earliest: undefined, latest: undefined })) : common;
  const timetable = without.length ? [] : first.timetable.filter((row) => common.some((s) => s.id === row.stepId));
  const header = stableHeader(reports);
  // Readings that share a check still differ in the regime's basis in words (it names the buyer's kind): not one of theirs.
  if (bases.size > 1 && header.regime.basis === first.regime.basis && header.regime.applicable !== null)
    header.regime = { ...header.regime, basis: 'The same regime applies whichever way the facts the notice does not give turn out.' };
  const asked = new Set(merged.findings.map((f) => f.ruleId));
  const questions = first.questions.filter((q) => !(q.planPath && notShown(q.planPath)) && q.decides.some((id) => asked.has(id)));
  const report: Report = { ...first, facts: header.facts, regime: header.regime, verdict, findings: merged.findings, questions, steps: steps.map((s) => JSON.parse(JSON.stringify(s))), timetable };
  delete report.trace;
  const n = { ...base, checked: true, verdict, findings, notJudged: notJudgedList([...notJudged.values()]), report };
  return { ...n, summary: summaryLine(n) };
}

/** What was not judged from the notice, each kind once, with why and the rules it left open. */
function notJudgedList(findings: FindingT[]): NoticeReport['notJudged'] {
  const out: NoticeReport['notJudged'] = [];
  for (const f of findings) {
    const e = notJudgedAs(f)!;
    let item = out.find((x) => x.what === e.what);
    if (!item) out.push((item = { what: e.what, why: e.why, rules: [] }));
    item.rules.push({ ruleId: f.ruleId, title: f.title });
  }
  return out;
}

export { summariseNotices } from './summary.js';

/** The cuts in the documents that hold this procurement, each with the field it ends in, as a path within the release. */
export function cutsOf(ocid: string, cuts: OcdsFile['cutShort']): Cut[] {
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
export async function auditNoticeFiles(
  files: readonly { text: string; name: string }[],
  checker: Checker,
  onProgress?: (done: number, total: number) => void,
  limits?: Partial<OcdsLimits>,
  options: AuditOptions = {},
): Promise<NoticeAudit> {
  const file = readOcdsFiles(files, limits);
  const notices: NoticeReport[] = [];
  const procurements = mergeByOcid(file.releases, file.links);
  onProgress?.(0, procurements.length);
  for (const p of procurements) {
    notices.push(await auditProcurement(p, checker, cutsOf(p.ocid, file.cutShort), options));
    onProgress?.(notices.length, procurements.length);
  }
  // Links to releases of a procurement no file holds: said, not dropped.
  const held = new Set(procurements.map((p) => p.ocid));
  const orphans = file.links.filter((l) => !held.has(l.ocid)).map((l) => ({ where: l.where, why: `a link to a release of ${l.ocid}, which no file given holds` }));
  const unread = [...file.unread, ...orphans];
  return { procheck: PROCHECK_VERSION, ruleSetVersion: checker.ruleSet.version, file: files.map((f) => f.name).join(', '), notices, summary: summarise(notices, unread) };
}
