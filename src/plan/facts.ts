// A plan's facts: the flat set of named facts the rules test, each computed
// from the plan (and the dated parameters) only when something reads it, and
// then kept for the rest of the check. No legal judgement is made here beyond
// arithmetic and classification; the rules (data) decide what the facts mean.
//
// A fact is one of three things (src/plan/README.md, "Facts"):
//  - read straight from its plan field, the catalogue's planPath
//    (fact-catalogue.ts), by one generic reader; a claim the plan leaves out
//    takes its "not relied on" value (claims.ts);
//  - a small function of other facts, with what it reads (fact-formulas.ts);
//  - defined by the rule set's own steps (the standstill, the latest dates):
//    the engine computes those (src/engine/timetable-facts.ts).
import { FACT_CATALOGUE, type FactInfo, type FactName } from './fact-catalogue.js';
import { FORMULAS, RULE_SET_FACTS, type FactContext, type FactValue, type Formula } from './fact-formulas.js';
import { CLAIMS, claimLeftOut, type Claim } from './claims.js';
import type { ParamTable } from '../law/params.js';
import type { Plan } from './schema.js';
import type { LotContext } from './lots.js';
import { changeWhilePsrInForce, decideRegime, healthCareScope, processKind, psrScope } from './regime.js';
import { healthCareFlags } from './schedule-1.js';

export type { FactValue } from './fact-formulas.js';
export type Facts = Record<FactName, FactValue>;

export { isPsrRelevantAuthority, processKind, processRegime, providerMayChange, decideRegime, whyNotPsr } from './regime.js';
export type { ApplicableRegime, HealthCareScope, ProcessKind, RegimeDecision } from './regime.js';
export { lifetimeValue } from './value.js';
export { lotContext, type LotContext } from './lots.js';

export interface DeriveOptions {
  /**
   * "open": a claim the plan leaves out stays unknown rather than not relied on: for a plan read from a source
   * that cannot show the authority's own determinations (a published notice), whose silence is not a claim not made.
   */
  claims?: 'not-relied-on' | 'open';
}

/** A fact computed from others (a rule-set step's date, in the engine): what it reads and how. */
export interface FactFormula {
  reads: readonly string[];
  compute: (get: (f: string) => unknown) => unknown;
}

export interface FactSourceOptions extends DeriveOptions {
  /** How the facts the rule set's steps define are computed (the engine's timetableFormulas), for a source derived with `with`. */
  ruleSetFormulas?: ReadonlyMap<string, FactFormula>;
}

/** A plan's facts, each computed when first read and kept. */
export interface PlanFactSource {
  /** A fact's value by name; undefined for a name that is not a fact. */
  readonly get: (name: string) => FactValue | undefined;
  /**
   * The facts as an object, each computed when first read; the engine sets
   * the facts the rule set defines on it (addTimetableFacts).
   */
  readonly facts: Facts;
  /** Every fact, computed now, as a plain object. */
  all(): Facts;
  /**
   * The same plan with some facts read from plan fields set to other values
   * (the authority's acts, tried one way or another): the facts that follow
   * from them are computed again, every other fact is this source's own.
   */
  with(values: Readonly<Record<string, unknown>>): PlanFactSource;
}

// ---- how each fact is computed ----------------------------------------------------

interface Ctx extends FactContext {
  readonly claimsOpen: boolean;
  readonly ruleSetFormulas: ReadonlyMap<string, FactFormula> | undefined;
}

type Compute = (get: (f: FactName) => unknown, ctx: Ctx) => FactValue;

const CATALOGUE: Readonly<Record<FactName, FactInfo>> = FACT_CATALOGUE;
const NAMES = Object.keys(FACT_CATALOGUE) as FactName[];
const INDEX = new Map<string, number>(NAMES.map((n, i) => [n, i]));
const FORMULA_OF = FORMULAS as Partial<Record<FactName, Formula>>;

/** Is this plan path one field (not a list's entries, not two fields)? */
const isFieldPath = (path: string | undefined): path is string => path !== undefined && /^[A-Za-z]+(\.[A-Za-z]+)?$/.test(path);

/** The generic reader of a fact held in one plan field: its value, unknown (null) when the plan leaves it out. */
function fieldReader(path: string): (plan: Plan) => FactValue {
  const [a, b] = path.split('.') as [string, string | undefined];
  if (b === undefined) return (plan) => ((plan as unknown as Record<string, FactValue | undefined>)[a] ?? null);
  return (plan) => {
    const parent = (plan as unknown as Record<string, Record<string, FactValue | undefined> | undefined>)[a];
    if (parent === undefined || parent === null) return null;
    const v = parent[b];
    return v === undefined ? null : v;
  };
}

const CLAIM_OF = new Map<string, Claim>(CLAIMS.map((c) => [c.fact, c]));

/** A fact read from its plan field, a claim left out taking its "not relied on" value. */
function readField(name: FactName, path: string): Compute {
  const read = fieldReader(path);
  const claim = CLAIM_OF.get(name);
  if (!claim) return (_, ctx) => read(ctx.plan);
  return (_, ctx) => {
    const v = read(ctx.plan);
    // An exception the plan does not invoke is not relied on: the general rule decides (src/plan/claims.ts).
    return v === null && !ctx.claimsOpen && claimLeftOut(ctx.plan, claim) ? claim.info.notClaimed : v;
  };
}

/** A fact the rule set defines: by the engine's formula when it gave one, else unknown until the engine sets it. */
function ruleSetFact(name: FactName): Compute {
  return (get, ctx) => {
    const f = ctx.ruleSetFormulas?.get(name);
    return f ? ((f.compute(get as (f: string) => unknown) ?? null) as FactValue) : null;
  };
}

/** How each fact (by its index in the catalogue) is computed. */
const COMPUTE: readonly Compute[] = NAMES.map((name): Compute => {
  const formula = FORMULA_OF[name];
  if (formula) return formula.compute as Compute;
  if (RULE_SET_FACTS.has(name)) return ruleSetFact(name);
  const path = CATALOGUE[name].planPath;
  if (isFieldPath(path)) return readField(name, path);
  throw new Error(`fact "${name}" has neither a formula (fact-formulas.ts) nor a plan field to be read from`);
});

/** How a fact is computed: by a function of other facts, read from its plan field, or by the rule set's steps. */
export function howComputed(name: FactName): 'formula' | 'field' | 'rule-set' {
  return FORMULA_OF[name] ? 'formula' : RULE_SET_FACTS.has(name) ? 'rule-set' : 'field';
}

/** The plan fields the functions read themselves (their `plan`): a fact held in one of them cannot be set apart from the plan. */
const READ_BY_FUNCTIONS = new Set(Object.values(FORMULA_OF).flatMap((f) => f?.plan ?? []));

/**
 * Facts a source can be derived with another value of (`with`): those read from
 * their plan field, which every function reads through the fact.
 */
export const SETTABLE_FACTS: ReadonlySet<FactName> = new Set(
  NAMES.filter((n) => howComputed(n) === 'field' && !READ_BY_FUNCTIONS.has(CATALOGUE[n].planPath!)),
);

// ---- the facts that follow from a fact ------------------------------------------------

const PLAN_READS: readonly (readonly [string, readonly string[]])[] = Object.entries(FORMULA_OF).map(([f, x]) => [f, x!.reads] as const);
const NO_FORMULAS: ReadonlyMap<string, FactFormula> = new Map();
/** For each set of the rule set's formulas: which facts read each fact, and the followers found so far. */
const graphs = new WeakMap<object, { readers: Map<string, string[]>; followers: Map<string, ReadonlySet<string>> }>();

/**
 * The facts that follow from `fact`: those that read it, directly or through
 * others (the functions' reads, and the rule set's formulas where given). What
 * must be computed again when it is set another way.
 */
export function followersOf(fact: string, ruleSetFormulas: ReadonlyMap<string, FactFormula> = NO_FORMULAS): ReadonlySet<string> {
  let graph = graphs.get(ruleSetFormulas);
  if (!graph) {
    const readers = new Map<string, string[]>();
    for (const [f, reads] of [...PLAN_READS, ...[...ruleSetFormulas].map(([f, x]) => [f, x.reads] as const)])
      for (const r of reads) readers.set(r, [...(readers.get(r) ?? []), f]);
    graphs.set(ruleSetFormulas, (graph = { readers, followers: new Map() }));
  }
  let found = graph.followers.get(fact);
  if (!found) {
    const out = new Set<string>();
    const visit = (f: string) => {
      for (const r of graph.readers.get(f) ?? []) if (!out.has(r)) (out.add(r), visit(r));
    };
    visit(fact);
    graph.followers.set(fact, (found = out));
  }
  return found;
}

// ---- sources -----------------------------------------------------------------------------

const UNSET: unique symbol = Symbol('not yet computed');

/** A source's facts by their index in the catalogue. */
interface Indexed {
  at(i: number): FactValue;
  put(i: number, v: FactValue): void;
  all(): Facts;
}

/** The facts as an object: each property computes its fact on first read (and may be set, by the engine). */
class FactsView {
  constructor(readonly source: Indexed) {}
  toJSON(): Facts {
    return this.source.all();
  }
}
NAMES.forEach((name, i) =>
  Object.defineProperty(FactsView.prototype, name, {
    get(this: FactsView) {
      return this.source.at(i);
    },
    set(this: FactsView, v: FactValue) {
      this.source.put(i, v);
    },
    enumerable: true,
  }),
);

function allOf(get: (name: string) => FactValue | undefined): Facts {
  const out = {} as Record<string, FactValue>;
  for (const n of NAMES) out[n] = get(n) as FactValue;
  return out as Facts;
}

const staleCache = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/** The facts that follow from any of `names` (each a fact that can be set), found once for each set of names. */
function stale(names: readonly string[], formulas: ReadonlyMap<string, FactFormula> = NO_FORMULAS): ReadonlySet<string> {
  for (const n of names)
    if (!SETTABLE_FACTS.has(n as FactName))
      throw new Error(`fact "${n}" cannot be set apart from the plan: it is not read from a plan field, or a function reads that field itself`);
  if (names.length === 1) return followersOf(names[0]!, formulas);
  let cache = staleCache.get(formulas);
  if (!cache) staleCache.set(formulas, (cache = new Map()));
  const key = names.join(',');
  let found = cache.get(key);
  if (!found) {
    const out = new Set<string>();
    for (const n of names) for (const f of followersOf(n, formulas)) out.add(f);
    cache.set(key, (found = out));
  }
  return found;
}

class BaseSource implements PlanFactSource, Indexed {
  private readonly memo: (FactValue | typeof UNSET)[] = new Array<FactValue | typeof UNSET>(NAMES.length).fill(UNSET);
  private scratch: Map<string, unknown> | undefined;
  private view: FactsView | undefined;
  readonly ctx: Ctx;

  constructor(plan: Plan, params: ParamTable, lots: LotContext | undefined, options: FactSourceOptions) {
    this.ctx = {
      plan,
      params,
      lots,
      claimsOpen: options.claims === 'open',
      ruleSetFormulas: options.ruleSetFormulas,
      once: <T>(key: string, compute: () => T): T => {
        const scratch = (this.scratch ??= new Map());
        if (scratch.has(key)) return scratch.get(key) as T;
        const v = compute();
        scratch.set(key, v);
        return v;
      },
    };
  }

  readonly get = (name: string): FactValue | undefined => {
    const i = INDEX.get(name);
    return i === undefined ? undefined : this.at(i);
  };

  at(i: number): FactValue {
    const v = this.memo[i]!;
    if (v !== UNSET) return v;
    const computed = COMPUTE[i]!(this.get as (f: FactName) => unknown, this.ctx);
    this.memo[i] = computed;
    return computed;
  }

  put(i: number, v: FactValue): void {
    this.memo[i] = v;
  }

  get facts(): Facts {
    return (this.view ??= new FactsView(this)) as unknown as Facts;
  }

  all(): Facts {
    return allOf(this.get);
  }

  with(values: Readonly<Record<string, unknown>>): PlanFactSource {
    const names = Object.keys(values);
    return names.length === 0 ? this : new DerivedSource(this, values, stale(names, this.ctx.ruleSetFormulas), this.ctx);
  }
}

/** A source with some plan-field facts set: their followers computed again, everything else the parent's. */
class DerivedSource implements PlanFactSource, Indexed {
  /** The facts that follow from those set, once computed (or set on its facts object). */
  private readonly memo = new Map<string, FactValue>();
  private view: FactsView | undefined;

  constructor(
    private readonly parent: PlanFactSource,
    private readonly values: Readonly<Record<string, unknown>>,
    private readonly staleFacts: ReadonlySet<string>,
    private readonly ctx: Ctx,
  ) {}

  readonly get = (name: string): FactValue | undefined => {
    if (Object.hasOwn(this.values, name)) return this.values[name] as FactValue;
    const kept = this.memo.get(name);
    if (kept !== undefined) return kept;
    if (!this.staleFacts.has(name)) return this.parent.get(name);
    const i = INDEX.get(name);
    if (i === undefined) return undefined;
    const v = COMPUTE[i]!(this.get as (f: FactName) => unknown, this.ctx);
    this.memo.set(name, v);
    return v;
  };

  at(i: number): FactValue {
    return this.get(NAMES[i]!)!;
  }

  put(i: number, v: FactValue): void {
    this.memo.set(NAMES[i]!, v);
  }

  get facts(): Facts {
    return (this.view ??= new FactsView(this)) as unknown as Facts;
  }

  all(): Facts {
    return allOf(this.get);
  }

  with(values: Readonly<Record<string, unknown>>): PlanFactSource {
    const names = Object.keys(values);
    return names.length === 0 ? this : new DerivedSource(this, values, stale(names, this.ctx.ruleSetFormulas), this.ctx);
  }
}

/** The plan's facts, each computed when first read (see PlanFactSource). */
export function factSource(plan: Plan, params: ParamTable, lots?: LotContext, options: FactSourceOptions = {}): PlanFactSource {
  return new BaseSource(plan, params, lots, options);
}

/** Every fact of the plan, computed now (the facts the rule set defines are null until the engine computes them). */
export function deriveFacts(plan: Plan, params: ParamTable, lots?: LotContext, options: DeriveOptions = {}): Facts {
  return factSource(plan, params, lots, options).all();
}

// ---- the questions that decide an open regime ---------------------------------------------------

/**
 * Could the contract turn out to be outside the PSR, however the services'
 * unknown health care flags are answered? (A call-off's framework regime
 * matters only then.) With too many unknown flags to try, assume it could.
 */
function psrScopeCouldBeFalse(plan: Plan, params: ParamTable): boolean {
  const open = healthCareFlags(plan, params).flatMap((f, i) => (f === null ? [i] : []));
  if (open.length > 8) return true;
  for (let m = 0; m < 1 << open.length; m++) {
    const services = plan.services.map((s, i) => (open.includes(i) ? { ...s, healthCare: (m & (1 << open.indexOf(i))) !== 0 } : s));
    const answered = { ...plan, services };
    if (psrScope(answered, healthCareScope(answered, params), params) !== true) return true;
  }
  return false;
}

/**
 * The plan-field facts whose being unknown leaves the PSR scope, and so the
 * regime, unknown: a review asks exactly these (see unknownSources' `open`).
 */
export function regimeOpenFacts(plan: Plan, params: ParamTable, facts?: (f: FactName) => unknown): Map<FactName, FactName[]> {
  // The plan's own facts where the caller has them (the engine's fact source), else worked out from the plan.
  let inPsr: boolean | null, allKnown: boolean, share: unknown, regime: unknown;
  if (facts) {
    inPsr = facts('psrScope') as boolean | null;
    allKnown = facts('servicesHealthCareKnown') === true;
    share = facts('healthCareShare');
    regime = facts('applicableRegime');
  } else {
    const hc = healthCareScope(plan, params);
    inPsr = psrScope(plan, hc, params);
    allKnown = hc.allKnown;
    share = hc.share;
    regime = decideRegime(plan, params, inPsr).regime;
  }
  // Mixed services: the main subject matter by value alone decides (PSR reg 3(3)(a), 3(4)(a)), whatever the answer on separability.
  const scope: FactName[] = inPsr !== null ? [] : !allKnown ? ['servicesHealthCareKnown'] : share === null ? ['serviceSharesStated'] : [];
  const open = new Map<FactName, FactName[]>();
  if (inPsr === null) {
    open.set('psrScope', scope);
    // Whether a change falls under the PSR (reg 29(2)), and so whether the regime named is a mismatch, turns on the same facts.
    open.set('regimeMismatch', scope);
  }
  if (regime === null) {
    const why: FactName[] =
      processKind(plan.route.process) === 'change'
        ? inPsr === null && plan.incumbent?.awardedUnder !== 'psr' && changeWhilePsrInForce(plan.change?.effectiveDate ?? null, plan.dates.procurementStart, params)
          ? scope
          : ['incumbentAwardedUnder']
        : plan.route.process === 'framework-call-off' && (plan.frameworkAgreement?.awardedUnder ?? null) === null && psrScopeCouldBeFalse(plan, params)
          ? ['frameworkAwardedUnder', ...scope]
          : scope;
    open.set('applicableRegime', why);
    open.set('regime', why);
  }
  return open;
}

export { FACT_CATALOGUE };
