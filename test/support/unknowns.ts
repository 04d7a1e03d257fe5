// The facts a plan leaves unknown, and ways to fill them in: for properties
// that ask whether a verdict, a question or a finding survives the answers.
//
// An "unknown fact" of a plan is a plan field the schema lets the plan leave
// unknown (an `unknownable(...)` field: `.nullable().optional()`, found from
// the plan's JSON Schema, so a new such field is picked up here) that is null
// or absent where its parent exists, plus dates.awardDecision and
// dates.contractSigned when absent. The parent rules:
//  - a list entry's field (services[].healthCare, services[].lightTouch,
//    term.extensions[].statedInContract) exists for each entry;
//  - an object whose presence is itself a fact the rules read (incumbent:
//    hasIncumbent, change: hasChange, justification: hasJustification,
//    frameworkAgreement: hasFrameworkAgreement, urgency: hasUrgency; taken
//    from the fact catalogue: a fact whose planPath is the object) has unknown
//    fields only when the plan has it: creating it would change a known fact;
//  - any other optional object (directAward, governance, staff,
//    mixedProcurement) absent has all its unknownable fields unknown, and
//    filling one in creates the object.
// Also filled: services[].valueShare (needed only for mixed services) and
// justification.originalContractAwarded (needed only for a repeat award),
// optional fields whose absence there leaves a fact unknown.
// Not unknown facts, by design: fields whose absence the schema documents as
// a default (staff.transferDate defaults to dates.contractStart, value.lifetime
// is derived) and the plan's own planning choices (timetable.* stage lengths,
// term.mobilisationMonths, dates.decision, dates.statedRepresentationsDeadline
// and its time, dates.awardNoticePublished, route.frameworkTermMonths):
// none of them is `unknownable`, so none is listed; nor are change.effectiveDate,
// change.extensionMonths and frameworkAgreement.endDate. Three
// unknownable fields also have a documented default and are left out of the
// unknown facts (see DEFAULTED): services[].lightTouch (from the CPV codes),
// services[].healthCare left out where the CPV codes settle it,
// change.cumulativeValueChange (defaults to change.valueChange),
// directAward.replacesExpiringContract where the dates settle it,
// dates.mspIntentionSubmitted (defaults to dates.procurementStart), and every
// claim the authority must itself invoke (src/plan/claims.ts) left out:
// not relied on. Set to null, each is still an unknown fact.
//
// A finding's question may name a field of an object the plan lacks (e.g.
// justification.ground with no justification): slotsForPlanPath creates it,
// since filling it in is what the finding asks; an object the schema then
// rejects (an incumbent with no contract end) is skipped.
import fc from 'fast-check';
import { planJsonSchema } from '../../src/plan/json-schema.js';
import { alternatives, leafFields, typesOf, type Schema } from '../../src/plan/schema-walk.js';
import { FACT_CATALOGUE } from '../../src/plan/fact-catalogue.js';
import { parsePlan, PlanValidationError } from '../../src/plan/parse.js';
import type { PlanInput } from '../../src/plan/schema.js';
import type { Report } from '../../src/report/schema.js';
import { checker } from './checker.js';
import { healthCareFromCodes } from '../../src/plan/schedule-1.js';
import { CLAIMS, claimLeftOut } from '../../src/plan/claims.js';

/** How a field is filled in. */
export type FieldKind =
  | { type: 'boolean' }
  | { type: 'enum'; values: string[] }
  /** Annual value: GBP 0..20m, and values whose lifetime value sits next to a threshold. */
  | { type: 'annual-money' }
  /** The existing contract's lifetime value: GBP 0..20m, and values next to the ratios the law tests. */
  | { type: 'original-money' }
  /** A change in value, GBP, either sign, and values next to the thresholds and ratios. */
  | { type: 'signed-money' }
  | { type: 'months'; min: number }
  /** A service's share of the contract value, 0..1. */
  | { type: 'share' }
  /** A number of people (e.g. proposed redundancies), with the counts the law tests either side. */
  | { type: 'count' }
  | { type: 'date' };

/** A field of the plan, in the fact catalogue's planPath notation (services[].healthCare). */
export interface UnknownField {
  field: string;
  kind: FieldKind;
}

/** One place in one plan where a field is (or could be) filled in. */
export interface Slot {
  /** Dotted path in this plan, with list indexes: services.1.healthCare. */
  key: string;
  /** The field, as a fact's planPath names it: services[].healthCare. */
  field: string;
  path: (string | number)[];
  kind: FieldKind;
}

/** Values filled in, by slot key. */
export type Completion = Record<string, unknown>;

// Numeric unknownable fields need to be told what their numbers mean; a new one fails here until it is.
const NUMERIC: Record<string, FieldKind> = {
  'value.annual': { type: 'annual-money' },
  'incumbent.originalLifetimeValue': { type: 'original-money' },
  'incumbent.extensionRemainingMonths': { type: 'months', min: 0 },
  'incumbent.originalMaxTermMonths': { type: 'months', min: 1 },
  'change.valueChange': { type: 'signed-money' },
  'change.cumulativeValueChange': { type: 'signed-money' },
  'staff.proposedRedundancies': { type: 'count' },
};

/** Dates the schema lets a plan leave unknown (a published notice may name the existing provider but not when its contract ends). */
const UNKNOWNABLE_DATES = ['incumbent.contractEnd', 'dates.mspIntentionSubmitted'];

/** The two dates a plan may leave out that the law's steps are timed from; optional rather than unknownable, but facts the plan has not fixed yet. */
const DATE_FIELDS = ['dates.awardDecision', 'dates.contractSigned', 'justification.originalContractAwarded'];

/**
 * Optional, not unknownable, but needed only when services are mixed: absent
 * there, the mix of the contract (health care, light-touch) is unknown.
 */
const SHARE_FIELDS = ['services[].valueShare'];

/** Counts either side of the collective consultation limits (20 and 100 redundancies, TULRCA s.188). */
const COUNTS = [0, 1, 19, 20, 99, 100, 250];

function fieldsFromSchema(): UnknownField[] {
  const out: UnknownField[] = [];
  for (const f of leafFields(planJsonSchema() as Schema)) {
    if (!f.nullable) continue;
    const field = f.path.replace(/\.0(?=\.|$)/g, '[]');
    let kind: FieldKind;
    if (f.enum) kind = { type: 'enum', values: f.enum };
    else if (f.types.includes('boolean')) kind = { type: 'boolean' };
    else if (NUMERIC[field.replace(/^lots\[\]\./, '')]) kind = NUMERIC[field.replace(/^lots\[\]\./, '')]!;
    else if (UNKNOWNABLE_DATES.includes(field.replace(/^lots\[\]\./, ''))) kind = { type: 'date' };
    else throw new Error(`test/support/unknowns.ts: the unknownable field ${field} (${f.types.join('/')}) needs a FieldKind in NUMERIC`);
    out.push({ field, kind });
  }
  // A lot states these for itself where it states their object (lots[].dates, lots[].services).
  const inLots = (fields: string[]) => [...fields, ...fields.map((f) => `lots[].${f}`)];
  return [
    ...out,
    ...inLots(DATE_FIELDS).map((field) => ({ field, kind: { type: 'date' } as FieldKind })),
    ...inLots(SHARE_FIELDS).map((field) => ({ field, kind: { type: 'share' } as FieldKind })),
  ];
}

/** Every field that can be an unknown fact, in schema order. */
export const UNKNOWN_FIELDS: readonly UnknownField[] = fieldsFromSchema();
const BY_FIELD = new Map(UNKNOWN_FIELDS.map((f) => [f.field, f]));

/** Objects whose presence is a fact the rules read (hasIncumbent, hasChange, ...): never created by filling in. */
export const PRESENCE_IS_A_FACT: ReadonlySet<string> = new Set(
  Object.values(FACT_CATALOGUE as Record<string, { planPath?: string }>)
    .map((i) => i.planPath)
    .filter((p): p is string => p !== undefined && /^[a-zA-Z]+$/.test(p)),
);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUnknown = (v: unknown) => v === null || v === undefined;

/**
 * Each place a field can be set in this plan: one per list entry; none when
 * its parent's presence is a fact the plan says is absent, unless `create`
 * (for a field a finding asks for: filling it in is what the finding asks; a
 * plan the schema then rejects, e.g. an incumbent with no provider, is skipped).
 */
function locations(plan: PlanInput, field: string, create = false): (string | number)[][] {
  const parts = field.split('.');
  let paths: (string | number)[][] = [[]];
  let at: unknown[] = [plan];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    const nextPaths: (string | number)[][] = [];
    const nextAt: unknown[] = [];
    for (const [j, obj] of at.entries()) {
      const child = isObject(obj) ? obj[name] : undefined;
      if (list) {
        if (!Array.isArray(child)) continue;
        child.forEach((entry, k) => {
          nextPaths.push([...paths[j]!, name, k]);
          nextAt.push(entry);
        });
      } else if (last || isObject(child)) {
        nextPaths.push([...paths[j]!, name]);
        nextAt.push(child);
      } else if (child === undefined && i === 0 && (create || !PRESENCE_IS_A_FACT.has(name))) {
        // An absent object no fact reads the presence of: all its fields are unknown.
        nextPaths.push([...paths[j]!, name]);
        nextAt.push(undefined);
      }
    }
    paths = nextPaths;
    at = nextAt;
  }
  return paths;
}

function get(plan: unknown, path: (string | number)[]): unknown {
  let at = plan;
  for (const p of path) at = (at as Record<string | number, unknown> | undefined)?.[p];
  return at;
}

/** The slots of one field in this plan, known or not. */
export function fieldSlots(plan: PlanInput, field: string, create = false): Slot[] {
  const f = BY_FIELD.get(field);
  if (!f) return [];
  return locations(plan, field, create).map((path) => ({ key: path.join('.'), field, path, kind: f.kind }));
}

/** Every slot of every unknown-fact field in this plan, known or not. */
export function allSlots(plan: PlanInput): Slot[] {
  return UNKNOWN_FIELDS.flatMap((f) => fieldSlots(plan, f.field));
}

/**
 * Fields whose absence the schema documents as a default, so that leaving
 * them out is not leaving a fact unknown, and stating them is overriding the
 * default rather than answering a question:
 *  - services[].lightTouch: "Derived from the CPV codes when absent" (against
 *    the regime's light-touch CPV list, checked against the Regulations'
 *    Table 1; pa2023.light-touch.qualified-group asks for review where the
 *    list reaches a service only through a qualified group);
 *  - services[].healthCare left out (not null): it follows the CPV codes
 *    against PSR Schedule 1, and is unknown only where they do not settle it;
 *  - change.cumulativeValueChange: "Defaults to valueChange", so it is unknown
 *    only while change.valueChange is too;
 *  - change.scopeChanged and change.economicBalanceToSupplier left out (not
 *    null): the Procurement Act's s.74(3)(b)-(c) limbs follow the plan's other
 *    answers where they settle them (an extension of the term does not change
 *    the scope, a change that alters the contract's overall nature does, and
 *    a change the plan says is not substantial, and not altering the overall
 *    nature, meets neither limb);
 *  - timetable.qualifyingPlannedProcurementNotice left out where the plan
 *    dates its planned procurement notice (dates.plannedProcurementNotice):
 *    the dates decide whether it qualifies, with its content
 *    (timetable.plannedProcurementNoticeContent).
 * Without these exclusions the soundness property fails on every plan whose
 * CPV codes settle light touch (a stated lightTouch contrary to the CPV list
 * changes the threshold) and on every change with a stated valueChange: not
 * rule bugs. Such fields are still "unstated" (see unstatedSlots): a finding
 * may ask for them, and filling them in must answer it.
 */
/** Left out (not null), a service's health care flag follows the CPV codes where they settle it. */
const healthCareByCodes = (plan: PlanInput, slot: Slot) => {
  const service = get(plan, slot.path.slice(0, -1)) as PlanInput['services'][number] | undefined;
  return service !== undefined && service.healthCare === undefined && healthCareFromCodes(service, plan.authority.type, params(), plan.dates.procurementStart) !== null;
};

/** Not stated (left out or null), directAward.replacesExpiringContract follows the dates where the service starts the day after the existing contract ends: the plan's own dates answer it. */
const replacesByDates = (plan: PlanInput) => typeof plan.incumbent?.contractEnd === 'string' && addDays(plan.incumbent.contractEnd, 1) === plan.dates.contractStart;

/**
 * An exception, justification or determination the authority must itself
 * claim (the catalogue's kind "claim", src/plan/claims.ts): left out of the
 * plan (not null), it is not relied on, which is part of what the plan says,
 * not an open fact; unless the plan's route is itself the claim.
 */
const claimDefaults: Record<string, (plan: PlanInput, slot: Slot) => boolean> = Object.fromEntries(
  CLAIMS.flatMap((c) => {
    const left = (plan: PlanInput, slot: Slot) => get(plan, slot.path) === undefined && claimLeftOut(plan, c);
    return [
      [c.planPath, left],
      [`lots[].${c.planPath}`, left],
    ];
  }),
);

const DEFAULTED: Record<string, (plan: PlanInput, slot: Slot) => boolean> = {
  'services[].lightTouch': () => true,
  'lots[].services[].lightTouch': () => true,
  'services[].healthCare': healthCareByCodes,
  'lots[].services[].healthCare': healthCareByCodes,
  'change.cumulativeValueChange': (plan) => plan.change?.valueChange != null,
  'directAward.replacesExpiringContract': replacesByDates,
  'change.scopeChanged': (plan, slot) =>
    get(plan, slot.path) === undefined &&
    (plan.route.process === 'extension' || plan.change?.materiallyDifferent === true || (plan.change?.materiallyDifferent === false && plan.change?.substantial === false)),
  'change.economicBalanceToSupplier': (plan, slot) => get(plan, slot.path) === undefined && plan.change?.substantial === false,
  // Left out, the step 1 notice was submitted on the procurement start; null, not known.
  'dates.mspIntentionSubmitted': (plan, slot) => get(plan, slot.path) === undefined,
  'lots[].dates.mspIntentionSubmitted': (plan, slot) => get(plan, slot.path) === undefined,
  'timetable.qualifyingPlannedProcurementNotice': (plan, slot) => get(plan, slot.path) === undefined && plan.dates.plannedProcurementNotice !== undefined,
  ...claimDefaults,
};

/** The fields this plan leaves out or null, its unknown facts and any with a documented default. */
export function unstatedSlots(plan: PlanInput): Slot[] {
  return allSlots(plan).filter((s) => isUnknown(get(plan, s.path)));
}

/** The unknown facts of the plan. */
export function unknownSlots(plan: PlanInput): Slot[] {
  return unstatedSlots(plan).filter((s) => !DEFAULTED[s.field]?.(plan, s));
}

/** The unknown-fact fields the plan states, which could be blanked to make them unknown. */
export function knownSlots(plan: PlanInput): Slot[] {
  return allSlots(plan).filter((s) => !isUnknown(get(plan, s.path)));
}

/**
 * The required free-text fields of each top-level object (change.description,
 * urgency.reason, frameworkAgreement.name, ...), from the JSON Schema: no rule
 * reads them, so an object created to answer a question gets a placeholder.
 * Required fields that are facts (incumbent.contractEnd) are not filled: such
 * an object cannot be created by filling in, and the plan is skipped.
 */
const REQUIRED_TEXT: ReadonlyMap<string, string[]> = (() => {
  const root = planJsonSchema() as Schema;
  const out = new Map<string, string[]>();
  const plan = alternatives(root, root).find((n) => n.properties);
  for (const [name, node] of Object.entries((plan?.properties ?? {}) as Record<string, unknown>)) {
    for (const obj of alternatives(node, root).filter((n) => n.properties)) {
      const required = (obj.required as string[] | undefined) ?? [];
      const props = obj.properties as Record<string, unknown>;
      const text = required.filter((k) => alternatives(props[k], root).every((n) => typesOf(n).join() === 'string' && !n.format && !n.pattern && !n.enum));
      if (text.length) out.set(name, text);
    }
  }
  return out;
})();

/** The plan with the completion's values set (creating any object on the way), as a fresh copy. */
export function applyCompletion(plan: PlanInput, completion: Completion): PlanInput {
  const out = structuredClone(plan) as unknown as Json;
  for (const [key, value] of Object.entries(completion)) {
    const path = key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let at: Record<string | number, unknown> = out;
    for (const [i, p] of path.slice(0, -1).entries()) {
      if (at[p] === undefined) {
        at[p] = {};
        if (i === 0) for (const k of REQUIRED_TEXT.get(String(p)) ?? []) (at[p] as Json)[k] = 'Filled in by a property test';
      }
      at = at[p] as Record<string | number, unknown>;
    }
    at[path.at(-1)!] = value;
  }
  return out as unknown as PlanInput;
}

/** The plan with these slots made unknown: deleted, or set to null where the schema allows it. */
export function blank(plan: PlanInput, slots: Slot[], asNull = false): PlanInput {
  const out = structuredClone(plan) as unknown as Json;
  for (const s of slots) {
    const parent = get(out, s.path.slice(0, -1)) as Record<string | number, unknown> | undefined;
    if (!parent) continue;
    if (asNull && s.kind.type !== 'date') parent[s.path.at(-1)!] = null;
    else delete parent[s.path.at(-1)!];
  }
  return out as unknown as PlanInput;
}

// ---- values ---------------------------------------------------------------

const params = () => checker().ruleSet.params;

/** Every GBP amount the law names (thresholds, publication limits, modification caps), each period. */
let gbpAnchorsMemo: number[] | undefined;
function gbpAnchors(): number[] {
  gbpAnchorsMemo ??= [
    ...new Set(
      params()
        .all()
        .filter((p) => p.unit === 'GBP')
        .flatMap((p) => p.values.map((v) => v.value))
        .filter((v): v is number => typeof v === 'number'),
    ),
  ].sort((a, b) => a - b);
  return gbpAnchorsMemo;
}

let ratioAnchorsMemo: number[] | undefined;
function ratioAnchors(): number[] {
  ratioAnchorsMemo ??= [
    ...new Set(
      params()
        .all()
        .filter((p) => p.unit === 'ratio')
        .flatMap((p) => p.values.map((v) => v.value))
        .filter((v): v is number => typeof v === 'number' && v > 0),
    ),
  ].sort((a, b) => a - b);
  return ratioAnchorsMemo;
}

const MAX_MONEY = 20_000_000;
const clampMoney = (v: number) => Math.max(0, Math.min(MAX_MONEY, Math.round(v)));
const VAT = 1.2;

/** Months over which the plan's lifetime value is counted from its annual value. */
function termMonths(plan: PlanInput): number {
  return plan.term.initialMonths + (plan.term.extensions ?? []).reduce((s, e) => s + e.months, 0);
}

/** The plan's lifetime value as procheck derives it, when the plan gives enough (possibleAnnual ignored when annual is unknown). */
function lifetimeOf(plan: PlanInput): number | null {
  if (plan.value.lifetime !== undefined) return plan.value.lifetime;
  if (plan.value.annual == null) return null;
  return Math.round(((plan.value.annual + (plan.value.possibleAnnual ?? 0)) * termMonths(plan)) / 12);
}

/** Annual values whose lifetime value falls just either side of each GBP amount (with and without VAT). */
function annualNearAnchors(plan: PlanInput): number[] {
  const months = termMonths(plan);
  const possible = plan.value.possibleAnnual ?? 0;
  return gbpAnchors().flatMap((a) =>
    [a, a / VAT, a * VAT].flatMap((t) => {
      const annual = (t * 12) / months - possible;
      return [Math.floor(annual) - 1, Math.ceil(annual) + 1];
    }),
  );
}

/** Annual values whose lifetime value is just either side of the existing contract's value plus each GBP amount and ratio the law tests (PSR considerable change). */
function annualNearOriginal(plan: PlanInput): number[] {
  const original = plan.incumbent?.originalLifetimeValue;
  if (typeof original !== 'number' || plan.value.lifetime !== undefined) return [];
  const months = termMonths(plan);
  const possible = plan.value.possibleAnnual ?? 0;
  const targets = [original, ...gbpAnchors().map((a) => original + a), ...ratioAnchors().flatMap((r) => [original * (1 + r), original * (1 - r)])];
  return targets.flatMap((t) => {
    const annual = (t * 12) / months - possible;
    return [Math.floor(annual) - 1, Math.ceil(annual) + 1];
  });
}

/** Original lifetime values that put the plan's increase just either side of each ratio and GBP amount. */
function originalNearAnchors(plan: PlanInput): number[] {
  const lv = lifetimeOf(plan);
  const out: number[] = [];
  if (lv !== null) {
    for (const r of ratioAnchors()) out.push(Math.floor(lv / (1 + r)) - 1, Math.ceil(lv / (1 + r)) + 1);
    for (const a of gbpAnchors()) out.push(lv - a - 1, lv - a + 1);
    out.push(lv, lv + 1);
  }
  const change = plan.change?.cumulativeValueChange ?? plan.change?.valueChange;
  if (typeof change === 'number' && change !== 0)
    for (const r of ratioAnchors()) out.push(Math.floor(Math.abs(change) / r) - 1, Math.ceil(Math.abs(change) / r) + 1);
  return out;
}

/** Value changes just either side of each GBP amount and each ratio of the original value. */
function changeNearAnchors(plan: PlanInput): number[] {
  const original = plan.incumbent?.originalLifetimeValue;
  const out: number[] = [];
  for (const a of gbpAnchors()) out.push(a - 1, a + 1, Math.round(a / VAT) + 1, Math.round(a * VAT) - 1);
  if (typeof original === 'number' && original > 0) for (const r of ratioAnchors()) out.push(Math.floor(original * r) - 1, Math.ceil(original * r) + 1);
  return out;
}

const money = fc.integer({ min: 0, max: MAX_MONEY });

function moneyArbitrary(plan: PlanInput, kind: FieldKind): fc.Arbitrary<number> {
  if (kind.type === 'signed-money') {
    const near = changeNearAnchors(plan);
    return fc.oneof(
      fc.integer({ min: -MAX_MONEY, max: MAX_MONEY }),
      fc.constantFrom(...near).chain((v) => fc.constantFrom(v, -v)),
      fc.constant(0),
    );
  }
  const near = (kind.type === 'annual-money' ? [...annualNearAnchors(plan), ...annualNearOriginal(plan)] : originalNearAnchors(plan)).map(clampMoney);
  return near.length ? fc.oneof(money, fc.constantFrom(...near), fc.constantFrom(0, 1, MAX_MONEY)) : fc.oneof(money, fc.constantFrom(0, 1, MAX_MONEY));
}

function moneyCandidates(plan: PlanInput, kind: FieldKind, rand: () => number): number[] {
  const sample = (xs: number[], n: number) => [...xs].sort(() => rand() - 0.5).slice(0, n);
  if (kind.type === 'signed-money') {
    const near = sample(changeNearAnchors(plan), 8);
    return [0, 1, -1, 100_000, -100_000, 5_000_000, -5_000_000, MAX_MONEY, -MAX_MONEY, ...near, ...near.map((v) => -v)];
  }
  const near = sample((kind.type === 'annual-money' ? [...annualNearAnchors(plan), ...annualNearOriginal(plan)] : originalNearAnchors(plan)).map(clampMoney), 10);
  return [0, 1, 50_000, 1_000_000, 5_000_000, MAX_MONEY, ...near];
}

// ---- dates ----------------------------------------------------------------

const DAY = 86_400_000;
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A date as an offset from one of the plan's dates, resolved once the completion's own award date is known. */
interface DateChoice {
  base: 'procurementStart' | 'contractStart' | 'awardDecision';
  offset: number;
}

const offsets = fc.oneof(
  fc.integer({ min: -30, max: 30 }),
  fc.integer({ min: -400, max: 400 }),
  fc.integer({ min: -730, max: 730 }),
);

function dateChoiceArbitrary(field: string): fc.Arbitrary<DateChoice> {
  const bases: DateChoice['base'][] = field === 'dates.contractSigned' ? ['awardDecision', 'awardDecision', 'procurementStart', 'contractStart'] : ['procurementStart', 'contractStart'];
  return fc.record({ base: fc.constantFrom(...bases), offset: offsets });
}

function resolveDate(plan: PlanInput, choice: DateChoice, award: string | undefined): string {
  const base = choice.base === 'awardDecision' ? award ?? plan.dates.procurementStart : plan.dates[choice.base];
  return addDays(base, choice.offset);
}

function dateCandidates(plan: PlanInput, field: string, completion: Completion): string[] {
  const start = plan.dates.procurementStart;
  const service = plan.dates.contractStart;
  const award = (completion['dates.awardDecision'] as string | undefined) ?? plan.dates.awardDecision;
  const out = [start, addDays(start, -30), addDays(start, 30), addDays(start, 180), service, addDays(service, -1), addDays(service, -30), addDays(service, -90), addDays(service, 30)];
  if (field === 'dates.contractSigned' && award) for (const d of [0, 1, 5, 8, 10, 11, 12, 14, 15, 30, -1]) out.push(addDays(award, d));
  if (field === 'dates.awardDecision') out.push(addDays(service, -10), addDays(service, -20), addDays(service, -60), addDays(start, -400), addDays(service, 400));
  // The original contract of a repeat award: around the three and five years the law allows (PCR 2015 reg 32(11); PA 2023 Sch 5 para 8).
  if (field === 'justification.originalContractAwarded') for (const years of [1, 3, 5, 6]) out.push(addDays(start, -365 * years), addDays(start, -365 * years - 30));
  return [...new Set(out)];
}

// ---- slots ----------------------------------------------------------------

const MONTHS = [0, 1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60, 120];

/** Values worth trying for one slot: every boolean and enum value, and numbers and dates either side of what the law tests (in ascending order, without repeats). */
export function candidateValues(plan: PlanInput, slot: Slot, rand: () => number = Math.random, completion: Completion = {}): unknown[] {
  const values = rawCandidates(plan, slot, rand, completion);
  if (slot.kind.type === 'boolean' || slot.kind.type === 'enum') return values;
  return [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
}

function rawCandidates(plan: PlanInput, slot: Slot, rand: () => number, completion: Completion): unknown[] {
  const k = slot.kind;
  switch (k.type) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return k.values;
    case 'months': {
      const near = [plan.change?.extensionMonths, plan.incumbent?.extensionRemainingMonths].filter((v): v is number => typeof v === 'number').flatMap((v) => [v - 1, v, v + 1]);
      // Terms either side of the one for which the extension is exactly 10% (Procurement Act s.74, s.75(2)).
      const ext = plan.change?.extensionMonths;
      if (typeof ext === 'number' && ext > 0) near.push(ext * 10 - 1, ext * 10, ext * 10 + 1);
      return [...new Set([...MONTHS, ...near])].filter((m) => m >= k.min && m <= 120);
    }
    case 'date':
      return dateCandidates(plan, slot.field, completion);
    case 'share':
      return [0.1, 0.5, 0.9];
    case 'count':
      return COUNTS;
    default:
      return moneyCandidates(plan, k, rand);
  }
}

type Raw = { date: DateChoice } | { value: unknown };

function rawArbitrary(plan: PlanInput, slot: Slot): fc.Arbitrary<Raw> {
  const k = slot.kind;
  switch (k.type) {
    case 'boolean':
      return fc.boolean().map((value) => ({ value }));
    case 'enum':
      return fc.constantFrom(...k.values).map((value) => ({ value }));
    case 'months':
      return fc.oneof(fc.integer({ min: k.min, max: 120 }), fc.constantFrom(...MONTHS.filter((m) => m >= k.min))).map((value) => ({ value }));
    case 'date':
      return dateChoiceArbitrary(slot.field).map((date) => ({ date }));
    case 'share':
      return fc.constantFrom(0.1, 0.3, 0.5, 0.7, 0.9).map((value) => ({ value }));
    case 'count':
      return fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(...COUNTS)).map((value) => ({ value }));
    default:
      return moneyArbitrary(plan, k).map((value) => ({ value }));
  }
}

function resolve(plan: PlanInput, slots: Slot[], raws: (Raw | null)[]): Completion {
  const out: Completion = {};
  // The award date first: the contract date is often drawn relative to it.
  const order = slots.map((s, i) => i).sort((a, b) => Number(slots[b]!.field === 'dates.awardDecision') - Number(slots[a]!.field === 'dates.awardDecision'));
  for (const i of order) {
    const raw = raws[i];
    if (!raw) continue;
    const slot = slots[i]!;
    out[slot.key] = 'date' in raw ? resolveDate(plan, raw.date, (out['dates.awardDecision'] as string | undefined) ?? plan.dates.awardDecision) : raw.value;
  }
  return out;
}

/**
 * Completions of the given slots (by default every unknown fact of the
 * plan): 'full' fills every one, 'some' a random subset, 'either' one or the other.
 */
export function completionArbitrary(plan: PlanInput, slots: Slot[] = unknownSlots(plan), mode: 'full' | 'some' | 'either' = 'either'): fc.Arbitrary<Completion> {
  if (slots.length === 0) return fc.constant({});
  const values = fc.tuple(...slots.map((s) => rawArbitrary(plan, s)));
  const full = values.map((raws) => resolve(plan, slots, raws));
  const some = fc
    .tuple(values, fc.array(fc.boolean(), { minLength: slots.length, maxLength: slots.length }))
    .map(([raws, keep]) => resolve(plan, slots, raws.map((r, i) => (keep[i] ? r : null))));
  return mode === 'full' ? full : mode === 'some' ? some : fc.oneof(full, some);
}

/** The slots a missing fact's planPath names in this plan ("a and b" names both), creating the parent object when it is absent. */
export function slotsForPlanPath(plan: PlanInput, planPath: string): Slot[] {
  return planPath.split(/\s+and\s+/).flatMap((f) => fieldSlots(plan, f.trim(), true));
}

/** Whether a slot is left out (or null) in the plan. */
export const isUnstated = (plan: PlanInput, slot: Slot) => isUnknown(get(plan, slot.path));

/** A slot's value in the plan. */
export const valueAt = (plan: PlanInput, slot: Slot) => get(plan, slot.path);

export const isUnknownField = (field: string) => BY_FIELD.has(field);

// ---- checking ---------------------------------------------------------------

/** Whether the schema accepts the plan. */
export function isValidPlan(plan: PlanInput): boolean {
  try {
    parsePlan(plan);
    return true;
  } catch (e) {
    if (e instanceof PlanValidationError) return false;
    throw e;
  }
}

/** The report on a plan, or null when the schema rejects it (a completion the schema does not allow is skipped). */
export async function reportOn(plan: PlanInput): Promise<Report | null> {
  try {
    parsePlan(plan);
  } catch (e) {
    if (e instanceof PlanValidationError) return null;
    throw e;
  }
  return checker().check(plan);
}

/** A finding as the properties compare it. */
export function findingLine(f: Report['findings'][number]): string {
  const asked = f.missingFacts.map((m) => m.planPath ?? m.fact);
  return `${f.ruleId} ${f.severity}${asked.length ? ` asks [${asked.join(', ')}]` : ''}`;
}

export function findingLines(r: Report | null): string[] {
  return r ? r.findings.map(findingLine) : ['(plan rejected by the schema)'];
}

/** A rule's finding as the report gives it: absent, or its severity, and whether it is decided or still open (asking for facts); for a plan in lots, each lot's. */
export function findingKey(r: Report, ruleId: string): string {
  const keys = r.findings.filter((x) => x.ruleId === ruleId).map((f) => `${f.lot ? `${f.lot}: ` : ''}${f.severity}${f.missingFacts.length ? ' (open)' : ''}`);
  return keys.length ? keys.join('; ') : 'absent';
}

/** Compact JSON of a plan without the fields no rule reads, for failure messages. */
export function showPlan(plan: PlanInput): string {
  const { id: _id, title: _title, ...rest } = plan as PlanInput & Json;
  void _id;
  void _title;
  return JSON.stringify(rest);
}

/** A seeded pseudo-random number in [0, 1), for sampling candidates reproducibly. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * Counterexamples grouped by class (e.g. rule id and field), keeping the
 * smallest example of each: a failing property shows every distinct problem
 * at once, each with the smallest plan it was seen on.
 */
export class Counterexamples {
  private readonly byClass = new Map<string, { size: number; count: number; text: string }>();

  add(cls: string, size: number, text: () => string): void {
    const seen = this.byClass.get(cls);
    if (!seen) this.byClass.set(cls, { size, count: 1, text: text() });
    else {
      seen.count++;
      if (size < seen.size) Object.assign(seen, { size, text: text() });
    }
  }

  get size(): number {
    return this.byClass.size;
  }

  /** How often a class has been seen. */
  seen(cls: string): number {
    return this.byClass.get(cls)?.count ?? 0;
  }

  classes(): string[] {
    return [...this.byClass.keys()].sort();
  }

  /** Throws listing every class with its smallest example, when there is any. */
  assertNone(title: string, seed?: number): void {
    if (this.byClass.size === 0) return;
    const parts = [...this.byClass.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([cls, { count, text }], i) => `--- ${i + 1}. ${cls}  (seen ${count}x; smallest example)\n${text}`);
    throw new Error(`${title}: ${this.byClass.size} distinct counterexample class(es)${seed === undefined ? '' : ` (fast-check seed ${seed})`}\n\n${parts.join('\n\n')}\n`);
  }
}
