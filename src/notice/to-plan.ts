// A published notice read as a plan, by the mapping in ocds-mapping.json. Each
// fact taken from the notice keeps where it came from and the notice's words,
// so a finding can quote them. What the notice does not say is left out (an
// unknown fact), never guessed; a fact the plan format cannot do without is
// named as missing, and the notice is then read but not checked.
import { DateTime } from 'luxon';
import { isDeepStrictEqual } from 'node:util';
import { addDays, monthsBetween } from '../plan/dates.js';
import type { z } from 'zod';
import { AuthorityType } from '../plan/schema.js';
import { isPsrRelevantAuthority } from '../plan/facts.js';
import { MAPPING, re, wordPatternsFor, type ReaderName, type WordFill } from './mapping.js';
import { dateOrderOf, extentsOf, monthsOf, readDate, readMoney, readsBothWays, readTime, type DateOrder } from './words.js';
import type { Procurement } from './merge.js';
import { shownAs } from '../text/untrusted.js';

type AuthorityTypeT = z.infer<typeof AuthorityType>;

/** One fact the notice leaves open, and the values it could take (undefined: the field left out). */
export interface Reading {
  field: string;
  /** Why it is open, for the report. */
  why: string;
  /** Each value the fact could take; `patch` sets several plan fields at once (a date read two ways moves the start and the term together). */
  values: { label: string; value: unknown; patch?: Record<string, unknown> }[];
}

export interface Source {
  planPath: string;
  ocds: string;
  quote: string;
  /** Read from the notice's words (its description), not from a field that holds the value. */
  fromWords: boolean;
}

export interface NoticePlan {
  /** The plan as read: a plan, or a partial one when `missing` is not empty. */
  plan: Record<string, unknown>;
  sources: Source[];
  /** Facts the plan format needs that the notice does not give: the notice is not checked without them. */
  missing: { planPath: string; why: string }[];
  /**
   * Facts the notice leaves open that the plan format cannot leave unknown (the buyer's kind; whether
   * there is an existing contract): each way they could be, and the plan is judged under every combination.
   */
  readings: Reading[];
  /** For a date the notice does not give: the latest it can be (the procurement started no later than its first dated notice). */
  bounds: Record<string, string>;
  /** Things the notice says that the plan cannot hold (options of unknown length, say): no compliant verdict while they stand. */
  cautions: string[];
  /** Fields of the notice no entry of the mapping reads. */
  notUnderstood: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** An OCDS date-time as the calendar date it fell on in England; a date that cannot be read is null. */
export function londonDate(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  let d = LONDON_DATES.get(s);
  if (d === undefined) {
    // A notice's dates repeat across its releases and a year's file: each is worked out once (a few thousand kept).
    if (LONDON_DATES.size >= 5000) LONDON_DATES.clear();
    LONDON_DATES.set(s, (d = londonDateOf(s)));
  }
  return d;
}
const LONDON_DATES = new Map<string, string | null>();

function londonDateOf(s: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return DateTime.fromISO(s).isValid ? s : null;
  const d = DateTime.fromISO(s, { setZone: true });
  if (!d.isValid) return null;
  return d.setZone('Europe/London').toISODate();
}

/** A date as a notice writes it in words: 25/04/2025 (day first, as in England), 1st October 2025, 01 April 2026. */
export const wordsDate = (s: string): string | null => readDate(s, 'day-first');

/** The sentence of `text` around `index`, for a quote: a line break (<br/> in Find a Tender's text) ends one too. */
function sentenceAt(text: string, index: number): string {
  let start = 0;
  let stop = text.length;
  for (const m of text.matchAll(/<br\s*\/?>|\n|\.\s/g)) {
    if (m.index + m[0].length <= index) start = m.index + m[0].length;
    else if (m.index >= index) {
      stop = m[0].startsWith('.') ? m.index + 1 : m.index;
      break;
    }
  }
  const s = text.slice(start, stop).trim();
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

interface Hit {
  ocds: string;
  match: RegExpExecArray;
  quote: string;
}

interface Words {
  ocds: string;
  text: string;
  /** The words of a field the file ends inside: a match that runs to their end may itself be cut (25/04/20 of 25/04/2025). */
  cut?: boolean;
}

class NoticeReading {
  readonly plan: Record<string, unknown> = {};
  readonly sources: Source[] = [];
  readonly missing: { planPath: string; why: string }[] = [];
  readonly cautions: string[] = [];
  readonly readings: Reading[] = [];
  readonly bounds: Record<string, string> = {};
  readonly r: Record<string, unknown>;
  readonly tender: Record<string, unknown>;
  readonly awards: Record<string, unknown>[];
  readonly contracts: Record<string, unknown>[];
  readonly lots: Record<string, unknown>[];
  readonly words: Words[];
  readonly buyer: Record<string, unknown> | null;
  readonly cutShort: boolean;
  /** How the notice writes dates in figures, where it tells (one of them reads only one way); null where each reads both ways. */
  readonly told: DateOrder | null;
  /** Set where a date in figures that reads both ways was read: the notice is then read the other way too. */
  readBothWays = false;

  constructor(
    readonly p: Procurement,
    cuts: readonly { within: string | null; partial: string | null }[],
    /** The order dates in figures are read in, where the notice does not tell. */
    readonly order: DateOrder = 'day-first',
  ) {
    this.r = p.compiled;
    this.cutShort = cuts.length > 0;
    this.tender = isObject(this.r.tender) ? this.r.tender : {};
    this.awards = list(this.r.awards);
    this.contracts = list(this.r.contracts);
    this.lots = list(this.tender.lots);
    const words: Words[] = [];
    const add = (ocds: string, v: unknown, cut = false) => {
      const t = str(v);
      if (t) words.push({ ocds, text: t, cut });
    };
    add('description', this.r.description);
    add('tender.description', this.tender.description);
    add('tender.procurementMethodDetails', this.tender.procurementMethodDetails);
    add('tender.procurementMethodRationale', this.tender.procurementMethodRationale);
    this.lots.forEach((l, k) => add(`tender.lots[${k}].description`, l.description));
    this.awards.forEach((a, k) => add(`awards[${k}].description`, a.description));
    this.contracts.forEach((c, k) => add(`contracts[${k}].description`, c.description));
    // The words of a text field the file ends inside: what they say so far is the notice's, though not all of it.
    for (const c of cuts) if (c.within && c.partial && /description|rationale|title/i.test(c.within.split('.').at(-1) ?? '')) add(`${c.within} (cut short)`, c.partial, true);
    this.words = words;
    this.told = dateOrderOf(words.map((w) => w.text));
    const parties = list(this.r.parties);
    const buyerRef = isObject(this.r.buyer) ? this.r.buyer : null;
    this.buyer =
      parties.find((x) => Array.isArray(x.roles) && x.roles.includes('buyer')) ??
      (buyerRef ? (parties.find((x) => x.id !== undefined && x.id === buyerRef.id) ?? buyerRef) : null);
  }

  set(planPath: string, value: unknown, ocds: string, quote: string, fromWords = false): void {
    const keys = planPath.split('.');
    let o = this.plan;
    for (const k of keys.slice(0, -1)) {
      if (!isObject(o[k])) o[k] = {};
      o = o[k] as Record<string, unknown>;
    }
    o[keys.at(-1)!] = value;
    this.sources.push({ planPath, ocds, quote: quote.length > 300 ? `${quote.slice(0, 297)}...` : quote, fromWords });
  }

  /** A value read from the notice's words: set, with the words quoted and marked as read from words. */
  said(planPath: string, value: unknown, hit: Hit): void {
    this.set(planPath, value, hit.ocds, hit.quote, true);
  }

  /** The notice's words behind a fact set otherwise (a reading, a value derived from them). */
  note(planPath: string, hit: Hit): void {
    this.sources.push({ planPath, ocds: hit.ocds, quote: hit.quote, fromWords: true });
  }

  /** A date in the notice's words, figures read in the order the notice tells, else this reading's. */
  date(text: string | undefined): string | null {
    if (!text) return null;
    if (!this.told && readsBothWays(text)) this.readBothWays = true;
    return readDate(text, this.told ?? this.order);
  }

  /**
   * The first words that a pattern filling `fills` finds (in the mapping's order, each pattern over all the words) and
   * the value they make; a pattern whose words make no value (31 April) gives way to the next.
   */
  fromWords<T>(fills: WordFill, value: (g: Record<string, string | undefined>, hit: Hit) => T | null, only?: (w: Words) => boolean): { hit: Hit; value: T } | null {
    for (const w of wordPatternsFor(fills)) {
      const hit = this.find(w.pattern, only);
      const v = hit ? value(hit.match.groups ?? {}, hit) : null;
      if (hit && v !== null) return { hit, value: v };
    }
    return null;
  }

  get(planPath: string): unknown {
    return planPath.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), this.plan);
  }

  /** The first of the notice's words that a pattern matches: where, the match and its sentence. */
  find(pattern: string, only?: (w: Words) => boolean): Hit | null {
    for (const w of this.words) {
      if (only && !only(w)) continue;
      const m = re(pattern).exec(w.text);
      if (m && !(w.cut && m.index + m[0].length >= w.text.trimEnd().length)) return { ocds: w.ocds, match: m, quote: sentenceAt(w.text, m.index) };
    }
    return null;
  }

  lack(planPath: string, why: string): void {
    this.missing.push({ planPath, why });
  }
}

/** A period's length in whole months (a part month counts as a month), and its start when it has one. */
function periodMonths(p: Record<string, unknown>): { months: number; start: string | null; quote: string } | null {
  const start = londonDate(p.startDate);
  const end = londonDate(p.endDate);
  if (start && end && end >= start) {
    const months = Math.ceil(monthsBetween(start, addDays(end, 1)) - 0.005);
    return { months: Math.max(1, months), start, quote: `${p.startDate} to ${p.endDate}` };
  }
  const months = num(p.durationInMonths);
  if (months) return { months: Math.ceil(months), start, quote: `durationInMonths ${months}` };
  const days = num(p.durationInDays);
  if (days) return { months: Math.max(1, days % 30 === 0 ? days / 30 : Math.ceil(days / 30.4375)), start, quote: `durationInDays ${days}` };
  return null;
}

/** From a start to an end date (both in the period), in whole months: a part month counts as a month. */
const monthsFromTo = (start: string, end: string) => Math.max(1, Math.ceil(monthsBetween(start, addDays(end, 1)) - 0.005));

interface WordsPeriod {
  start?: { value: string; hit: Hit };
  months?: { value: number; hit: Hit };
}
const PERIODS = new WeakMap<NoticeReading, WordsPeriod>();

/**
 * The contract period as the notice's words give it (wordPatterns): a period from one date to another (or from a date
 * for a length), else its length alone, its start alone, and an end date given with a start.
 */
function wordsPeriod(x: NoticeReading): WordsPeriod {
  let found = PERIODS.get(x);
  if (found) return found;
  found = {};
  const period = x.fromWords('term.period', (g) => {
    const start = x.date(g.start);
    const end = g.end ? x.date(g.end) : null;
    if (!start || (g.end && (!end || end < start))) return null;
    return { start, months: end ? monthsFromTo(start, end) : g.count && g.unit ? monthsOf(g.count, g.unit) : null };
  });
  if (period) {
    found.start = { value: period.value.start, hit: period.hit };
    if (period.value.months) found.months = { value: period.value.months, hit: period.hit };
  }
  if (!found.months) {
    const length = x.fromWords('term.initialMonths', (g) => (g.count && g.unit ? monthsOf(g.count, g.unit) : null));
    if (length) found.months = length;
  }
  if (!found.start) {
    const start = x.fromWords('dates.contractStart', (g) => x.date(g.start));
    if (start) found.start = start;
  }
  const from = found.start?.value;
  if (from && !found.months) {
    const end = x.fromWords('dates.contractEnd', (g) => {
      const e = x.date(g.end);
      return e && e >= from ? monthsFromTo(from, e) : null;
    });
    if (end) found.months = { value: end.value, hit: { ...end.hit, quote: `${found.start!.hit.quote} ${end.hit.quote}` } };
  }
  PERIODS.set(x, found);
  return found;
}

type Reader = (x: NoticeReading) => void;

/** PSR processes with no notice of intention: what the notice dates is the notice of award, published after the award. */
const AWARD_NOTICE_ONLY = new Set<string>(MAPPING.awardNoticeOnlyProcesses.processes);
/** PSR processes that publish a notice of intention to award (and so a representations deadline). */
const INTENTION_PROCESSES: readonly string[] = MAPPING.intentionProcesses.processes;

const READ: Record<ReaderName, Reader> = {
  ocid: (x) => x.set('id', x.p.ocid, 'ocid', x.p.ocid),
  title: (x) => {
    const t = str(x.tender.title) ?? str(isObject(x.r.planning) && isObject(x.r.planning.project) ? x.r.planning.project.title : null);
    if (t) x.set('title', t, 'tender.title', t);
    else {
      x.plan.title = `Notice ${x.p.ocid}`;
      x.lack('title', 'the notice gives no title; its ocid stands in');
      x.missing.pop(); // a title is a label, not a fact the law turns on
    }
  },
  description: (x) => {
    const d = str(x.r.description) ?? str(x.tender.description);
    if (d) x.plan.description = d.length > 2000 ? `${d.slice(0, 1997)}...` : d;
  },
  buyerName: (x) => {
    const name = str(x.buyer?.name);
    if (name) x.set('authority.name', name, 'parties[roles: buyer].name', name);
    // A name is a label: without one the buyer is called so, and the law's tests do not turn on it.
  },
  authorityType: (x) => {
    const name = str(x.buyer?.name);
    const hit = name ? MAPPING.authorityTypes.find((a) => re(a.pattern).test(name)) : undefined;
    if (hit && name) return x.set('authority.type', hit.type, 'parties[roles: buyer].name', name);
    // Unknown kind: judged as every kind, and only what holds for all is decided. A notice that awards under the PSR
    // says its buyer is a relevant authority (reg 2), as it says the service is health care: every kind but another public body.
    const psr = x.find(MAPPING.regimePatterns.find((p) => p.regime === 'psr')!.pattern);
    const kinds: AuthorityTypeT[] = AuthorityType.options.filter((k) => !psr || isPsrRelevantAuthority(k));
    const unnamed = name ? `the buyer's name ("${name}") does not say what kind of body it is` : 'the notice, as read, does not name the buyer';
    x.readings.push({ field: 'authority.type', why: psr ? `${unnamed}; as a PSR notice it is a relevant authority` : unnamed, values: kinds.map((k) => ({ label: k, value: k })) });
    if (psr) x.note('authority.type', psr);
  },
  thresholdTier: (x) => {
    const c = list(isObject(x.buyer?.details) ? (x.buyer!.details as Record<string, unknown>).classifications : undefined).find((k) => k.scheme === 'UK_CA_TYPE');
    const id = str(c?.id);
    if (id === 'publicAuthorityCentralGovernment') x.set('authority.thresholdTier', 'central', 'parties[roles: buyer].details.classifications', id);
    if (id === 'publicAuthoritySubCentralGovernment') x.set('authority.thresholdTier', 'sub-central', 'parties[roles: buyer].details.classifications', id);
  },
  specialRegime: (x) => {
    const regimes = Array.isArray(x.tender.specialRegime) ? x.tender.specialRegime.filter((s): s is string => typeof s === 'string') : [];
    const hit = regimes.find((s) => MAPPING.specialRegimes.some((p) => p.lightTouch && re(p.pattern).test(s)));
    const services = x.plan.services as Record<string, unknown>[] | undefined;
    if (hit && services?.length) {
      for (const s of services) s.lightTouch = true;
      x.sources.push({ planPath: 'services[0].lightTouch', ocds: 'tender.specialRegime', quote: hit, fromWords: false });
    }
  },
  contractType: (x) => {
    const c = str(x.tender.mainProcurementCategory);
    if (c === 'goods' || c === 'services' || c === 'works') x.set('contractType', c, 'tender.mainProcurementCategory', c);
  },
  cpv: (x) => {
    const codes: string[] = [];
    const where: string[] = [];
    const take = (v: unknown, path: string) => {
      if (isObject(v) && shownAs(v.scheme ?? 'CPV').toUpperCase() === 'CPV' && str(v.id)) {
        const code = shownAs(v.id).replace(/-\d$/, '');
        if (/^\d{8}$/.test(code) && !codes.includes(code)) {
          codes.push(code);
          where.push(`${path} ${v.id}${str(v.description) ? ` (${v.description})` : ''}`);
        }
      }
    };
    take(x.tender.classification, 'tender.classification');
    list(x.tender.additionalClassifications).forEach((c) => take(c, 'tender.additionalClassifications'));
    list(x.tender.items).forEach((it) => {
      take(it.classification, 'tender.items[].classification');
      list(it.additionalClassifications).forEach((c) => take(c, 'tender.items[].additionalClassifications'));
    });
    x.lots.forEach((l) => list(l.items).forEach((it) => take(it.classification, 'tender.lots[].items[].classification')));
    x.awards.forEach((a) => list(a.items).forEach((it) => take(it.classification, 'awards[].items[].classification')));
    if (codes.length === 0) return x.lack('services[0].cpv', 'the notice gives no CPV code');
    const description = str(x.tender.title) ?? 'The service the notice describes';
    x.plan.services = [{ description, cpv: codes }];
    x.sources.push({ planPath: 'services[0].cpv', ocds: 'tender.classification', quote: where.join('; '), fromWords: false });
  },
  value: (x) => {
    const pick = (v: unknown, path: string) => (isObject(v) && (num(v.amount) !== null || num(v.amountGross) !== null) ? { v, path } : null);
    const sum = (items: Record<string, unknown>[], path: string) => {
      const vs = items.map((i, k) => pick(i.value, `${path}[${k}].value`)).filter((v) => v !== null);
      return vs.length && vs.length === items.length ? vs : null;
    };
    const found = sum(x.contracts, 'contracts') ?? sum(x.awards, 'awards') ?? (pick(x.tender.value, 'tender.value') ? [pick(x.tender.value, 'tender.value')!] : null) ?? sum(x.lots, 'tender.lots');
    if (found) {
      const net = found.every((f) => num(f.v.amount) !== null);
      const total = found.reduce((s, f) => s + (net ? num(f.v.amount)! : num(f.v.amountGross)!), 0);
      x.plan.value = { annual: null, vatIncluded: !net, lifetime: total };
      x.sources.push({ planPath: 'value.lifetime', ocds: found.map((f) => f.path).join(', '), quote: `${found.map((f) => `${net ? 'amount' : 'amountGross'} ${net ? f.v.amount : f.v.amountGross} ${shownAs(f.v.currency)}`.trim()).join(' + ')}`, fromWords: false });
      return;
    }
    // The words: a value over the contract's life, else a value a year; net of VAT unless the sentence says it is included.
    const money = (g: Record<string, string | undefined>) => (g.amount ? readMoney(g.amount) : null);
    const lifetime = x.fromWords('value.lifetime', money);
    const annual = lifetime ? null : x.fromWords('value.annual', money);
    const hit = lifetime ?? annual;
    if (!hit) {
      x.plan.value = { annual: null, vatIncluded: false };
      return;
    }
    const vat = wordPatternsFor('value.vatIncluded').map((w) => re(w.pattern).exec(hit.hit.quote)).find(Boolean);
    x.plan.value = lifetime ? { annual: null, vatIncluded: vat?.groups?.gross !== undefined, lifetime: hit.value } : { annual: hit.value, vatIncluded: vat?.groups?.gross !== undefined };
    x.note(lifetime ? 'value.lifetime' : 'value.annual', hit.hit);
  },
  vatIncluded: () => {
    // Set with the value: amount is net of VAT, amountGross includes it.
  },
  termMonths: (x) => {
    const candidates: [unknown, string][] = [
      ...x.contracts.map((c, k) => [c.period, `contracts[${k}].period`] as [unknown, string]),
      ...x.awards.map((a, k) => [a.contractPeriod, `awards[${k}].contractPeriod`] as [unknown, string]),
      [x.tender.contractPeriod, 'tender.contractPeriod'],
    ];
    for (const [p, path] of candidates) {
      const m = isObject(p) ? periodMonths(p) : null;
      if (m) {
        x.set('term.initialMonths', m.months, path, m.quote);
        return;
      }
    }
    const lotTerms = x.lots.map((l, k) => (isObject(l.contractPeriod) ? { m: periodMonths(l.contractPeriod), k } : null)).filter((v) => v?.m);
    if (lotTerms.length) {
      const longest = lotTerms.reduce((a, b) => (b!.m!.months > a!.m!.months ? b : a))!;
      x.set('term.initialMonths', longest.m!.months, `tender.lots[${longest.k}].contractPeriod`, longest.m!.quote);
      return;
    }
    const words = wordsPeriod(x);
    if (words.months) return x.said('term.initialMonths', words.months.value, words.months.hit);
    x.lack('term.initialMonths', 'the notice gives no contract period');
  },
  extensions: (x) => {
    const says = x.lots.some((l) => l.hasRenewal === true || l.hasOptions === true) || [...x.contracts.map((c) => c.period), ...x.awards.map((a) => a.contractPeriod), x.tender.contractPeriod].some((p) => isObject(p) && str(p.maxExtentDate) && londonDate(p.maxExtentDate)! > (londonDate(p.endDate) ?? ''));
    // The words may give each option's length: options of the authority (2 + 2 years: two of 24 months).
    const words = x.fromWords('term.extensions', (g) => {
      const e = g.extents && g.unit ? extentsOf(g.extents, g.unit) : [];
      return e.length ? e : null;
    });
    if (says && !words) x.cautions.push('The notice says the contract may be renewed or extended, but not in a form procheck reads: the term and value may be longer than the period read, so no verdict of compliant is given.');
    const term = x.get('term.initialMonths');
    const extensions = words ? words.value.map((months) => ({ months, exercise: 'authority-option' })) : [];
    if (typeof term === 'number' || words) x.plan.term = { ...(isObject(x.plan.term) ? x.plan.term : {}), extensions };
    if (words) x.note('term.extensions', words.hit);
  },
  regime: (x) => {
    const basis = isObject(x.tender.legalBasis) ? x.tender.legalBasis : null;
    const psr = x.find(MAPPING.regimePatterns.find((p) => p.regime === 'psr')!.pattern);
    if (psr) {
      x.said('route.regime', 'psr', psr);
      // A notice that says it awards under the PSR says the authority holds the service to be health care in its scope.
      const services = x.plan.services as Record<string, unknown>[] | undefined;
      if (services?.length) {
        for (const s of services) s.healthCare = true;
        x.note('services[0].healthCare', psr);
      }
      return;
    }
    if (basis && shownAs(basis.id) === '2023/54') return x.set('route.regime', 'pa2023', 'tender.legalBasis', `${shownAs(basis.scheme)} ${shownAs(basis.id)}`);
    for (const p of MAPPING.regimePatterns.filter((q) => q.regime !== 'psr')) {
      const hit = x.find(p.pattern);
      if (hit) return x.said('route.regime', p.regime, hit);
    }
    if (basis && shownAs(basis.id) === '32014L0024') return x.set('route.regime', 'pcr2015', 'tender.legalBasis', `${shownAs(basis.scheme)} ${shownAs(basis.id)}`);
    x.plan.route = { ...(isObject(x.plan.route) ? x.plan.route : {}), regime: 'auto' };
  },
  process: (x) => {
    const regime = x.get('route.regime');
    const tags = x.p.releases.flatMap((r) => r.tag);
    const notices = [...list(x.tender.documents), ...x.awards.flatMap((a) => list(a.documents)), ...x.contracts.flatMap((c) => list(c.documents))].map((d) => d.noticeType);
    const byType = MAPPING.noticeTypes.find((n) => notices.includes(n.noticeType) && (!n.regime || regime === 'auto' || regime === n.regime));
    if (byType) {
      if (byType.regime && regime === 'auto') x.set('route.regime', byType.regime, 'documents[].noticeType', `${byType.noticeType}: ${byType.why}`);
      return x.set('route.process', byType.process, 'documents[].noticeType', `${byType.noticeType}: ${byType.why}`);
    }
    if (tags.includes('contractAmendment')) return x.set('route.process', 'modification', 'tag', 'contractAmendment');
    for (const p of MAPPING.processPatterns) {
      // A process only the PSR has (direct award A, B or C, most suitable provider) names the PSR, whatever the form's
      // legal basis said (Find a Tender carries PSR notices on its old forms, CELEX 32014L0024); not against the Act's.
      const psrOnly = p.regime === 'psr' && regime === 'pcr2015';
      if (regime !== 'auto' && p.regime !== regime && !psrOnly) continue;
      const hit = x.find(p.pattern);
      if (!hit) continue;
      if (p.regime === 'psr' && regime !== 'psr') {
        x.said('route.regime', 'psr', hit);
        for (const s of (x.plan.services as Record<string, unknown>[] | undefined) ?? []) s.healthCare = true;
      }
      return x.said('route.process', p.process, hit);
    }
    // A PSR intention to award notice that names no process is one of the three that have one (regs 9-11): each is judged.
    const intention = regime === 'psr' ? x.find(MAPPING.intentionPattern) : null;
    if (intention) {
      // Read as the most suitable provider process meanwhile (like the competitive process, a notice precedes its intention); each reading replaces it.
      x.plan.route = { ...(x.plan.route as object), process: 'most-suitable-provider' };
      x.note('route.process', intention);
      x.readings.push({
        field: 'route.process',
        why: 'the notice is a PSR intention to award notice but, as read, does not say which process it follows',
        values: INTENTION_PROCESSES.map((p) => ({ label: p, value: p })),
      });
      return;
    }
    x.lack('route.process', 'the notice does not say which process or procedure was used');
  },
  framework: (x) => {
    const t = isObject(x.tender.techniques) ? x.tender.techniques : null;
    if (t?.hasFrameworkAgreement === true) return x.set('route.framework', true, 'tender.techniques.hasFrameworkAgreement', 'true');
    const hit = x.find('\\bframework agreement\\b|\\bestablish(ing)? a framework\\b');
    if (hit) x.said('route.framework', true, hit);
  },
  frameworkTerm: (x) => {
    const term = x.get('term.initialMonths');
    if (x.get('route.framework') === true && typeof term === 'number') x.set('route.frameworkTermMonths', term, 'the period read for term.initialMonths', `${term} months`);
  },
  procurementStart: (x) => {
    // The first notice. A compiled release's own date is when it was last updated, not a notice's.
    const dated: { d: string; ocds: string; quote: string }[] = [];
    const take = (into: typeof dated, v: unknown, ocds: string) => {
      const d = londonDate(v);
      if (d) into.push({ d, ocds, quote: shownAs(v) });
    };
    x.p.releases.forEach((r) => {
      if (!r.tag.includes('compiled')) take(dated, r.date, `release ${r.id ?? r.where} date`);
    });
    take(dated, x.tender.datePublished, 'tender.datePublished');
    take(dated, isObject(x.tender.tenderPeriod) ? x.tender.tenderPeriod.startDate : null, 'tender.tenderPeriod.startDate');
    const awards: typeof dated = [];
    x.awards.forEach((a, k) => take(awards, a.date, `awards[${k}].date`));
    x.p.releases.forEach((r) => {
      if (r.tag.includes('award') && !r.tag.includes('compiled')) take(awards, r.date, `release ${r.id ?? r.where} date (tag award)`);
    });
    const earliest = (xs: typeof dated) => [...xs].sort((p, q) => (p.d < q.d ? -1 : 1))[0];
    const process = shownAs(x.get('route.process'));
    const firstAward = earliest(awards);
    // Direct award C's intention notice, and a Procurement Act direct award's notice, are the first notice.
    if (process === 'direct-award-c' || process === 'direct-award') {
      const first = earliest([...dated, ...awards]);
      if (first) return x.set('dates.procurementStart', first.d, first.ocds, first.quote);
    } else {
      // Otherwise the procurement began with a notice before the award (a tender notice, a notice of intention to follow
      // the most suitable provider process), or before a notice published only after the award: one the file must date.
      const before = earliest(dated.filter((d) => !firstAward || d.d < firstAward.d));
      // (A modification's earlier releases are the original procurement's, not its own.)
      if (before && process !== 'modification' && process !== 'urgent-modification') return x.set('dates.procurementStart', before.d, before.ocds, before.quote);
    }
    // Not dated: judged without it, with every start no later than the first date the notice gives.
    const known = [...dated, ...awards];
    x.contracts.forEach((c, k) => take(known, c.dateSigned, `contracts[${k}].dateSigned`));
    const start = x.sources.find((s) => s.planPath === 'dates.contractStart');
    if (start) take(known, x.get('dates.contractStart'), start.ocds);
    // A compiled release is made from the notices before it: its date (the record's last update) is no earlier than the first.
    x.p.releases.forEach((r) => {
      if (r.tag.includes('compiled')) take(known, r.date, `release ${r.id ?? r.where} date (compiled: when the record was last updated)`);
    });
    const latest = earliest(known);
    x.lack('dates.procurementStart', latest ? `the notice does not date the start of the procurement (its first notice), only that it was no later than ${latest.d}` : "the notice does not date its first notice (a compiled release's date is only when it was last updated)");
    if (latest) x.bounds['dates.procurementStart'] = latest.d;
  },
  mspIntentionSubmitted: (x) => {
    // OCDS dates a notice's publication only: the day the notice of intention to follow the process was submitted
    // (PSR reg 10(5) counts from it) is not known, and the procurement start is the latest it can have been.
    if (x.get('route.regime') === 'psr' && x.get('route.process') === 'most-suitable-provider')
      x.set('dates.mspIntentionSubmitted', null, 'release dates', 'a release gives the day a notice was published, not the day it was submitted for publication');
  },
  awardDecision: (x) => {
    const award = x.awards.map((a, k) => ({ d: londonDate(a.date), ocds: `awards[${k}].date`, quote: shownAs(a.date) })).find((a) => a.d);
    const rel = x.p.releases.find((r) => r.tag.includes('award') && !r.tag.includes('compiled'));
    const found = award ?? (rel && londonDate(rel.date) ? { d: londonDate(rel.date)!, ocds: `release ${rel.id ?? rel.where} date (tag award)`, quote: shownAs(rel.date) } : null);
    if (!found) return;
    // PSR direct awards A and B and urgent awards publish no intention: their award notice comes after the contract is awarded.
    if (x.get('route.regime') === 'psr' && AWARD_NOTICE_ONLY.has(shownAs(x.get('route.process')))) return x.set('dates.awardNoticePublished', found.d, found.ocds, found.quote);
    x.set('dates.awardDecision', found.d, found.ocds, found.quote);
  },
  representationsDeadline: (x) => {
    if (x.get('route.regime') !== 'psr') return;
    const words = x.fromWords('dates.statedRepresentationsDeadline', (g) => {
      const d = x.date(g.date);
      return d ? { d, time: readTime(g.time ?? g.timeAfter ?? '') } : null;
    });
    if (words) {
      x.said('dates.statedRepresentationsDeadline', words.value.d, words.hit);
      if (words.value.time) x.said('dates.statedRepresentationsTime', words.value.time, words.hit);
      return;
    }
    const s = x.awards.map((a) => (isObject(a.standstillPeriod) ? a.standstillPeriod.endDate : null)).find((v) => londonDate(v));
    if (s) x.set('dates.statedRepresentationsDeadline', londonDate(s), 'awards[].standstillPeriod.endDate', shownAs(s));
  },
  contractSigned: (x) => {
    const c = x.contracts.map((k, i) => ({ d: londonDate(k.dateSigned), ocds: `contracts[${i}].dateSigned`, quote: shownAs(k.dateSigned) })).find((v) => v.d);
    if (c) return x.set('dates.contractSigned', c.d, c.ocds, c.quote);
    const words = x.fromWords('dates.contractSigned', (g) => x.date(g.date));
    if (words) x.said('dates.contractSigned', words.value, words.hit);
  },
  contractStart: (x) => {
    const periods: [unknown, string][] = [
      ...x.contracts.map((c, k) => [c.period, `contracts[${k}].period.startDate`] as [unknown, string]),
      ...x.awards.map((a, k) => [a.contractPeriod, `awards[${k}].contractPeriod.startDate`] as [unknown, string]),
      ...x.lots.map((l, k) => [l.contractPeriod, `tender.lots[${k}].contractPeriod.startDate`] as [unknown, string]),
      [x.tender.contractPeriod, 'tender.contractPeriod.startDate'],
    ];
    for (const [p, path] of periods) {
      const d = isObject(p) ? londonDate(p.startDate) : null;
      if (d) return x.set('dates.contractStart', d, path, shownAs((p as Record<string, unknown>).startDate));
    }
    const words = wordsPeriod(x);
    if (words.start) return x.said('dates.contractStart', words.start.value, words.start.hit);
    x.lack('dates.contractStart', 'the notice does not say when the contract (the service) starts');
  },
  awardNoticePublished: (x) => {
    if (x.get('route.regime') !== 'psr' || x.get('dates.awardNoticePublished')) return;
    const award = x.get('dates.awardDecision');
    const later = x.p.releases.find((r) => r.tag.includes('contract') && !r.tag.includes('compiled') && typeof award === 'string' && (londonDate(r.date) ?? '') > award);
    if (later) x.set('dates.awardNoticePublished', londonDate(later.date), `release ${later.id ?? later.where} date (tag contract)`, shownAs(later.date));
  },
  modificationNoticePublished: (x) => {
    const rel = x.p.releases.find((r) => r.tag.includes('contractAmendment'));
    if (rel && londonDate(rel.date)) x.set('dates.modificationNoticePublished', londonDate(rel.date), `release ${rel.id ?? rel.where} date (tag contractAmendment)`, shownAs(rel.date));
  },
  change: (x) => {
    if (x.get('route.process') !== 'modification') return;
    const amendment = [...x.contracts.flatMap((c) => list(c.amendments)), ...list(x.tender.amendments)].at(-1);
    const description = str(amendment?.description) ?? str(amendment?.rationale) ?? x.words[0]?.text ?? null;
    if (!description) return x.lack('change.description', 'the notice does not describe the modification');
    x.set('change.description', description.length > 500 ? `${description.slice(0, 497)}...` : description, amendment ? 'contracts[].amendments[].description' : x.words[0]!.ocds, description);
    const when = londonDate(amendment?.date);
    if (when) x.set('change.effectiveDate', when, 'contracts[].amendments[].date', shownAs(amendment!.date));
  },
  incumbent: (x) => {
    // A modification changes the supplier's contract. Direct awards A and C are to an existing provider, but a
    // notice does not say there is an existing contract: with and without one are both judged.
    const process = x.get('route.process');
    if (process !== 'modification' && process !== 'direct-award-c' && process !== 'direct-award-a') return;
    const supplier = x.awards.flatMap((a) => list(a.suppliers)).map((s) => str(s.name)).find(Boolean);
    const provider = supplier ?? 'the existing provider (not named in what was read)';
    // The words may say the provider is the existing one: then there is an existing contract (its end not known).
    const existing = process === 'modification' ? null : x.fromWords('incumbent', () => true);
    if (existing) {
      x.said('incumbent', { provider }, existing.hit);
      if (supplier) x.sources.push({ planPath: 'incumbent.provider', ocds: 'awards[].suppliers[].name', quote: supplier, fromWords: false });
      return;
    }
    if (process !== 'modification') {
      x.readings.push({
        field: 'incumbent',
        why: 'the notice does not say whether there is an existing contract with the provider, nor when it ends',
        values: [
          { label: `an existing contract with ${provider}`, value: { provider } },
          { label: 'no existing contract', value: undefined },
        ],
      });
      if (supplier) x.sources.push({ planPath: 'incumbent.provider', ocds: 'awards[].suppliers[].name', quote: supplier, fromWords: false });
      return;
    }
    if (supplier) x.set('incumbent.provider', supplier, 'awards[].suppliers[].name', supplier);
    else x.plan.incumbent = { ...(isObject(x.plan.incumbent) ? x.plan.incumbent : {}), provider };
    const end =
      x.contracts.map((c, k) => ({ d: isObject(c.period) ? londonDate(c.period.endDate) : null, ocds: `contracts[${k}].period.endDate`, q: isObject(c.period) ? shownAs(c.period.endDate) : '' })).find((v) => v.d) ??
      x.awards.map((a, k) => ({ d: isObject(a.contractPeriod) ? londonDate(a.contractPeriod.endDate) : null, ocds: `awards[${k}].contractPeriod.endDate`, q: isObject(a.contractPeriod) ? shownAs(a.contractPeriod.endDate) : '' })).find((v) => v.d);
    if (end?.d) x.set('incumbent.contractEnd', end.d, end.ocds, end.q);
    const regime = x.get('route.regime');
    if (regime === 'psr' || regime === 'pcr2015' || regime === 'pa2023') x.set('incumbent.awardedUnder', regime, 'route.regime as read', shownAs(regime));
  },
  decisionMakers: (x) => noticeContent(x, 'intentionNotice.decisionMakersNamed'),
  conflicts: (x) => noticeContent(x, 'intentionNotice.conflictsDeclaredAndManaged'),
  urgency: (x) => {
    if (x.get('route.process') !== 'urgent-award') return;
    const w = x.words[0];
    if (w) x.set('urgency.reason', w.text.length > 500 ? `${w.text.slice(0, 497)}...` : w.text, w.ocds, w.text);
    else x.lack('urgency.reason', 'the notice gives no reason for the urgent award');
  },
  justification: (x) => {
    if (x.get('route.process') !== 'direct-award' || x.get('route.regime') !== 'pa2023') return;
    for (const p of MAPPING.justificationPatterns) {
      const hit = x.find(p.pattern, (w) => w.ocds.startsWith('tender.procurementMethodRationale') || w.ocds === 'description');
      if (hit) return x.said('justification.ground', p.ground, hit);
    }
  },
  source: (x) => {
    const ocid = x.p.ocid;
    // Contracts Finder's ocid ends in its notice's id; Find a Tender has no page for an ocid alone that we could
    // confirm, so without a notice id there is no link rather than a guessed one.
    const url = noticeUrl(x) ?? (ocid.startsWith('ocds-b5fd17-') ? `https://www.contractsfinder.service.gov.uk/Notice/${ocid.slice('ocds-b5fd17-'.length)}` : undefined);
    const ids = x.p.releases.map((r) => r.id).filter(Boolean);
    x.plan.source = { document: `Published notice ${ocid}${ids.length ? ` (releases ${ids.join(', ')})` : ''}`, ...(url ? { url } : {}) };
  },
};

/** A notice's page on Find a Tender or Contracts Finder, and nothing else (the address comes from the notice). */
const NOTICE_PAGE = /^https:\/\/www\.(?:find-tender|contractsfinder)\.service\.gov\.uk\/Notice\/[A-Za-z0-9-]{1,64}$/;

/**
 * The latest notice of the procurement on Find a Tender or Contracts Finder: a Find a Tender release's id is its notice's
 * (041267-2026, at /Notice/041267-2026); otherwise the latest document that links a notice's page there.
 */
function noticeUrl(x: NoticeReading): string | undefined {
  if (x.p.ocid.startsWith('ocds-h6vhtk-')) {
    const id = [...x.p.releases].reverse().map((r) => r.id).find((i) => typeof i === 'string' && /^\d{6}-\d{4}$/.test(i));
    if (id) return `https://www.find-tender.service.gov.uk/Notice/${id}`;
  }
  const planning = isObject(x.r.planning) ? x.r.planning : {};
  const docs = [planning.documents, x.tender.documents, ...x.awards.map((a) => a.documents), ...x.contracts.map((c) => c.documents)].flatMap(list);
  const linked = docs
    .filter((d) => typeof d.url === 'string' && NOTICE_PAGE.test(d.url))
    .sort((a, b) => (str(a.datePublished) ?? '').localeCompare(str(b.datePublished) ?? ''));
  return linked.at(-1)?.url as string | undefined;
}

/** A PSR intention notice's contents: said where the words say it; not said only when the whole notice was read. */
function noticeContent(x: NoticeReading, planPath: 'intentionNotice.decisionMakersNamed' | 'intentionNotice.conflictsDeclaredAndManaged'): void {
  const process = shownAs(x.get('route.process'));
  if (x.get('route.regime') !== 'psr' || !INTENTION_PROCESSES.includes(process)) return;
  const said = x.fromWords(planPath, () => true, (w) => w.ocds === 'description' || w.ocds.startsWith('awards'));
  if (said) return x.said(planPath, true, said.hit);
  if (!x.cutShort && x.words.some((w) => w.ocds === 'description')) x.set(planPath, false, 'description', 'the notice\'s words do not say it');
}

/** The fields of the release no entry of the mapping reads. */
function notUnderstood(r: Record<string, unknown>): string[] {
  const read = new Set(MAPPING.read);
  const out: string[] = [];
  for (const [k, v] of Object.entries(r)) {
    if (k === 'tender' && isObject(v)) {
      for (const t of Object.keys(v)) if (!read.has(`tender.${t}`)) out.push(`tender.${t}`);
    } else if (!read.has(k)) out.push(k);
  }
  return out;
}

function readAs(p: Procurement, cuts: readonly { within: string | null; partial: string | null }[], order: DateOrder): NoticeReading {
  const x = new NoticeReading(p, cuts, order);
  for (const f of MAPPING.fields) READ[f.reader](x);
  if (!x.get('route.process') && !x.missing.some((m) => m.planPath === 'route.process')) x.lack('route.process', 'the notice does not say which process or procedure was used');
  return x;
}

/** The plan fields whose values differ between two plans, as dotted paths. */
function differing(a: unknown, b: unknown, path = ''): string[] {
  if (isObject(a) && isObject(b)) return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differing(a[k], b[k], path ? `${path}.${k}` : k));
  return isDeepStrictEqual(a, b) ? [] : [path];
}

/** Reads one procurement's compiled release as a plan. */
export function noticeToPlan(p: Procurement, cuts: readonly { within: string | null; partial: string | null }[] = []): NoticePlan {
  let x = readAs(p, cuts, 'day-first');
  // A date in figures that reads two ways (01/04/2024 is 1 April, or 4 January), where no other date in figures in the
  // notice tells which: the notice is read both ways, and judged both ways. A way that makes a period end before it
  // starts is no reading of it.
  if (x.readBothWays) {
    const y = readAs(p, cuts, 'month-first');
    if (y.missing.length < x.missing.length) x = y;
    else if (y.missing.length === x.missing.length) {
      const paths = differing(x.plan, y.plan).filter((q) => !q.startsWith('source') && !q.startsWith('description'));
      if (paths.length) {
        const tops = [...new Set(paths.map((q) => q.split('.')[0]!))];
        const patch = (z: NoticeReading) => Object.fromEntries(tops.map((k) => [k, z.plan[k]]));
        const said = (z: NoticeReading) => paths.map((q) => `${q} ${JSON.stringify(q.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), z.plan))}`).join(', ');
        x.readings.push({
          field: paths.join(', '),
          why: 'the notice writes dates in figures that read two ways (01/04/2024 is 1 April, or 4 January), and no other date in it tells which',
          values: [
            { label: `day first, as in England: ${said(x)}`, value: undefined, patch: patch(x) },
            { label: `month first: ${said(y)}`, value: undefined, patch: patch(y) },
          ],
        });
      }
    }
  }
  return { plan: x.plan, sources: x.sources, missing: x.missing, bounds: x.bounds, readings: x.readings, cautions: x.cautions, notUnderstood: notUnderstood(p.compiled) };
}
