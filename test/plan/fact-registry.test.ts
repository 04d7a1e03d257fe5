// The facts as small functions (issue 19.7): every catalogue fact is computed
// somehow (a function, its plan field, or the rule set's steps); each function
// reads exactly the facts it names in `reads` and the plan fields it names in
// `plan`, nothing else; the lazy source gives deriveFacts' values whatever is
// read first; and a source with one of the authority's acts set another way
// is the plan with that field set, derived again, for the plan's own facts and
// for the rule set's step facts the engine adds, so the engine's conditions
// never read a stale value.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_CATALOGUE, isFactName, sourcesOf, type FactInfo, type FactName } from '../../src/plan/fact-catalogue.js';
import { FORMULAS, RULE_SET_FACTS, type FactContext, type Formula } from '../../src/plan/fact-formulas.js';
import { deriveFacts, factSource, followersOf, howComputed, lotContext, regimeOpenFacts, SETTABLE_FACTS, type Facts } from '../../src/plan/facts.js';
import { lotPlans, type LotContext } from '../../src/plan/lots.js';
import { parsePlan, PlanValidationError } from '../../src/plan/parse.js';
import type { Plan, PlanInput } from '../../src/plan/schema.js';
import { planJsonSchema } from '../../src/plan/json-schema.js';
import { leafFields, type Schema } from '../../src/plan/schema-walk.js';
import { withValues } from '../../src/plan/with-values.js';
import { loadRuleSet } from '../../src/engine/rule-set.js';
import { makeCalendars } from '../../src/engine/day-counter.js';
import { addTimetableFacts, timetableFormulas } from '../../src/engine/timetable-facts.js';
import { addDays } from '../../src/plan/dates.js';
import { planArbitrary } from '../support/arbitrary.js';

const ruleSet = loadRuleSet();
const params = ruleSet.params;
const calendars = makeCalendars(ruleSet.holidays);
const stepFormulas = timetableFormulas(ruleSet, calendars);
const catalogue = FACT_CATALOGUE as Record<FactName, FactInfo>;
const names = Object.keys(catalogue) as FactName[];
const formulas = Object.entries(FORMULAS) as [FactName, Formula][];

const CASES_DIR = join(import.meta.dirname, '..', '..', 'cases');
/** The shipped worked cases, each as the contracts it is judged as (a plan in lots: each lot, with the lots' context). */
const CASES: { name: string; plan: Plan; lots?: LotContext }[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .sort()
  .flatMap((f) => judged(f, JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8'))));

function judged(name: string, input: unknown): { name: string; plan: Plan; lots?: LotContext }[] {
  let plan: Plan;
  try {
    plan = parsePlan(input);
  } catch (e) {
    if (e instanceof PlanValidationError) return [];
    throw e;
  }
  if (!plan.lots) return [{ name, plan }];
  const lots = lotPlans(plan);
  const context = lotContext(lots, params);
  return lots.map((p) => ({ name: `${name} (${p.id})`, plan: p, lots: context }));
}

/** Generated plans (test/support/arbitrary.ts), a fixed sample. */
const GENERATED = fc
  .sample(planArbitrary, { numRuns: 800, seed: 20_261_207 })
  .flatMap((p: PlanInput, i) => judged(`generated #${i}`, p));
/** The shipped cases with their dates still to be set (the contract date and the award decision left out), as conditions see them. */
const UNDATED = CASES.map(({ name, plan, lots }) => {
  const { contractSigned: _signed, awardDecision: _award, ...dates } = plan.dates;
  return { name: `${name}, undated`, plan: { ...plan, dates } as Plan, lots };
});
const PLANS = [...CASES, ...UNDATED, ...GENERATED];

// ---- what each function reads, recorded ------------------------------------------

/** A plan whose every read is recorded as a plan path (`services[].cpv`; an array's own length or methods as the array's path). */
function recording<T>(value: T, path: string, seen: Set<string>): T {
  if (typeof value !== 'object' || value === null) return value;
  const list = Array.isArray(value);
  return new Proxy(value as object, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol') return v;
      const at = list ? (/^\d+$/.test(key) ? `${path}[]` : path) : path ? `${path}.${key}` : key;
      seen.add(at);
      return typeof v === 'function' ? v : recording(v, at, seen);
    },
    has(target, key) {
      if (typeof key === 'string') seen.add(list ? path : path ? `${path}.${key}` : key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      seen.add(path);
      return Reflect.ownKeys(target);
    },
  }) as T;
}

/** A read plan path is declared when it is one of the declared paths, an entry of a declared list of values, or on the way to one (an object read to reach its field). */
const covered = (read: string, declared: readonly string[]) =>
  declared.some((d) => d === read || read === `${d}[]` || d.startsWith(`${read}.`) || d.startsWith(`${read}[]`));

/** Computes one function on a plan, with the facts as deriveFacts gives them, recording the facts and plan fields it reads. */
function computeRecorded(formula: Formula, plan: Plan, lots: LotContext | undefined, facts: Facts) {
  const facts_: string[] = [];
  const planPaths = new Set<string>();
  const scratch = new Map<string, unknown>();
  const ctx: FactContext = {
    plan: recording(plan, '', planPaths),
    params,
    lots,
    once: <T>(key: string, compute: () => T): T => {
      if (!scratch.has(key)) scratch.set(key, compute());
      return scratch.get(key) as T;
    },
  };
  const value = formula.compute((f) => {
    facts_.push(f);
    return facts[f as FactName];
  }, ctx);
  return { value, facts: new Set(facts_), planPaths };
}

describe('every fact is computed', () => {
  const fields = new Map(leafFields(planJsonSchema() as Schema).map((f) => [f.path.replace(/\.0(?=\.|$)/g, '[]'), f]));

  it('by a function, from its plan field, or by the rule set: each fact exactly one way', () => {
    const none = names.filter((f) => !Object.hasOwn(FORMULAS, f) && !RULE_SET_FACTS.has(f) && catalogue[f].planPath === undefined);
    expect(none).toEqual([]);
    expect([...RULE_SET_FACTS].filter((f) => Object.hasOwn(FORMULAS, f))).toEqual([]);
  });

  it('a fact read from its plan field names one scalar field the plan format has', () => {
    const bad = names
      .filter((f) => howComputed(f) === 'field')
      .filter((f) => {
        const field = fields.get(catalogue[f].planPath!);
        return !field || field.list || catalogue[f].planPath!.includes('[]');
      });
    expect(bad).toEqual([]);
  });

  it('the facts the rule set defines are those its step formulas compute, and whether a standstill applies', () => {
    expect([...RULE_SET_FACTS].sort()).toEqual([...stepFormulas.keys(), 'standstillApplies'].sort());
  });

  it('the rule set\'s facts keep their sources in the catalogue; a function\'s are its reads, never written twice', () => {
    expect([...RULE_SET_FACTS].filter((f) => f !== 'standstillApplies' && !catalogue[f as FactName].from && !catalogue[f as FactName].question)).toEqual([]);
    for (const [f, formula] of formulas) {
      // The function's own list, not a copy written beside it; none for a fact that is itself a question.
      if (catalogue[f].question !== undefined || formula.reads.length === 0) expect(catalogue[f].from, f).toBeUndefined();
      else expect(catalogue[f].from === formula.reads, f).toBe(true);
      if (catalogue[f].question === undefined) expect(sourcesOf(f) ?? [], f).toEqual(formula.reads);
    }
  });

  it('no function reads a fact the rule set defines (those are set after the plan\'s facts)', () => {
    expect(formulas.filter(([, x]) => x.reads.some((r) => RULE_SET_FACTS.has(r))).map(([f]) => f)).toEqual([]);
  });
});

describe('each function reads exactly what it names', () => {
  it('its reads are catalogue facts, each once, not itself', () => {
    for (const [f, x] of formulas) {
      expect(x.reads.filter((r) => !isFactName(r)), f).toEqual([]);
      expect(new Set(x.reads).size, f).toBe(x.reads.length);
      expect(x.reads, f).not.toContain(f);
    }
  });

  it(`reads nothing else, on every shipped case (dated and not) and ${GENERATED.length} generated plans; and each fact and plan field it names is read on one of them`, () => {
    const extraFacts = new Map<string, Set<string>>();
    const extraPaths = new Map<string, Set<string>>();
    const factsUsed = new Map<string, Set<string>>(formulas.map(([f]) => [f, new Set()]));
    const pathsUsed = new Map<string, Set<string>>(formulas.map(([f]) => [f, new Set()]));
    for (const { plan, lots } of PLANS) {
      const facts = deriveFacts(plan, params, lots);
      for (const [f, formula] of formulas) {
        const r = computeRecorded(formula, plan, lots, facts);
        expect(r.value, `${f} on ${plan.id}`).toEqual(facts[f]);
        for (const read of r.facts) {
          if (!formula.reads.includes(read as FactName)) extraFacts.set(f, (extraFacts.get(f) ?? new Set()).add(read));
          factsUsed.get(f)!.add(read);
        }
        for (const p of r.planPaths) {
          if (!covered(p, formula.plan ?? [])) extraPaths.set(f, (extraPaths.get(f) ?? new Set()).add(p));
          pathsUsed.get(f)!.add(p);
        }
      }
    }
    expect(Object.fromEntries([...extraFacts].map(([f, s]) => [f, [...s]])), 'facts read but not in `reads`').toEqual({});
    expect(Object.fromEntries([...extraPaths].map(([f, s]) => [f, [...s]])), 'plan fields read but not in `plan`').toEqual({});
    const unusedFacts = formulas.flatMap(([f, x]) => x.reads.filter((r) => !factsUsed.get(f)!.has(r)).map((r) => `${f} <- ${r}`));
    expect(unusedFacts, 'facts in `reads` never read').toEqual([]);
    const unusedPaths = formulas.flatMap(([f, x]) => (x.plan ?? []).filter((p) => !pathsUsed.get(f)!.has(p)).map((p) => `${f} <- ${p}`));
    expect(unusedPaths, 'plan fields in `plan` never read').toEqual([]);
  });
});

describe('the lazy source', () => {
  it('gives deriveFacts\' value for every fact, read alone or in any order, on every shipped case', () => {
    for (const { name, plan, lots } of CASES) {
      const all = deriveFacts(plan, params, lots);
      const backwards = factSource(plan, params, lots);
      for (const f of [...names].reverse()) expect(backwards.get(f), `${f} read last to first on ${name}`).toEqual(all[f]);
      for (const f of names) expect(factSource(plan, params, lots).get(f), `${f} read alone on ${name}`).toEqual(all[f]);
      const viewed = factSource(plan, params, lots).facts;
      for (const f of names) expect(viewed[f], `${f} through the facts object on ${name}`).toEqual(all[f]);
      for (const claims of ['open', 'not-relied-on'] as const)
        expect(factSource(plan, params, lots, { claims }).all(), name).toEqual(deriveFacts(plan, params, lots, { claims }));
    }
  });

  it('computes a fact only when it is read', () => {
    const { plan } = CASES[0]!;
    const source = factSource(plan, params);
    source.get('daysFromAwardToTransfer');
    // Reading one fact computes what it reads and no more: a fact nothing read stays to be computed.
    const computed = (source as unknown as { memo: unknown[] }).memo.filter((v) => typeof v !== 'symbol').length;
    expect(computed).toBeLessThan(10);
  });

  it('a name that is not a fact is undefined, as the rules\' fact source needs', () => {
    expect(factSource(CASES[0]!.plan, params).get('noSuchFact')).toBeUndefined();
  });
});

/** The authority's acts (the catalogue's kind "act"), each with its plan field. */
const ACTS = names.filter((f) => catalogue[f].kind === 'act').map((f) => ({ fact: f, planPath: catalogue[f].planPath! }));

/** Values to try an act with: for a date, days about the plan's own dates; for a yes/no act, each answer; always unknown. */
function trials(plan: Plan, act: FactName): unknown[] {
  if (catalogue[act].act!.done === undefined) {
    const start = plan.dates.procurementStart;
    const service = plan.dates.contractStart;
    return [addDays(start, 30), addDays(service, -1), addDays(service, -60), addDays(service, 10), null];
  }
  return [true, false, null];
}

/** An act inside an object the plan leaves out would bring the object in with it (hasIncumbent, hasIntentionNotice): no act does that. */
const parentPresent = (plan: Plan, planPath: string) => planPath.split('.').length === 1 || (plan as unknown as Record<string, unknown>)[planPath.split('.')[0]!] !== undefined;

describe('a source with one of the authority\'s acts set another way', () => {
  it('every act can be set, and is read through its fact by every function', () => {
    expect(ACTS.length).toBeGreaterThan(0);
    expect(ACTS.filter((a) => !SETTABLE_FACTS.has(a.fact)).map((a) => a.fact)).toEqual([]);
  });

  it('is the plan with that field set, derived again, on every shipped case', () => {
    let tried = 0;
    for (const { name, plan, lots } of CASES) {
      const source = factSource(plan, params, lots);
      for (const { fact, planPath } of ACTS) {
        if (!parentPresent(plan, planPath)) continue;
        for (const v of trials(plan, fact)) {
          const expected = deriveFacts(withValues(plan, [[planPath, v]]), params, lots);
          const withAct = source.with({ [fact]: v });
          expect(withAct.all(), `${fact} = ${String(v)} on ${name}`).toEqual(expected);
          for (const f of followersOf(fact)) expect(withAct.facts[f as FactName], `${f} through the facts object`).toEqual(expected[f as FactName]);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
  });

  it('with the rule set\'s step facts the engine adds, as the engine tries its conditions (src/engine/checker.ts)', () => {
    const engineFacts = (plan: Plan, lots: LotContext | undefined) => {
      const source = factSource(plan, params, lots, { ruleSetFormulas: stepFormulas });
      const param = (id: string) => {
        if (!params.has(id)) return undefined;
        const on = source.get(params.get(id).appliesBy);
        return params.valueForRule(id, typeof on === 'string' ? on : (source.get('procurementStart') as string));
      };
      addTimetableFacts(source.facts, ruleSet, calendars, param);
      return source;
    };
    for (const { name, plan, lots } of CASES) {
      const base = engineFacts(plan, lots);
      for (const { fact, planPath } of ACTS) {
        if (!parentPresent(plan, planPath)) continue;
        for (const v of trials(plan, fact)) {
          const expected = engineFacts(withValues(plan, [[planPath, v]]), lots).all();
          expect(base.with({ [fact]: v }).all(), `${fact} = ${String(v)} on ${name}`).toEqual(expected);
        }
      }
      // Two acts at once, as the engine tries a date with the other acts done.
      const pair = { contractSigned: addDays(plan.dates.contractStart, -30), awardDecision: addDays(plan.dates.contractStart, -60) };
      const expected = engineFacts(withValues(plan, [['dates.contractSigned', pair.contractSigned], ['dates.awardDecision', pair.awardDecision]]), lots).all();
      expect(base.with(pair).all(), `both dates on ${name}`).toEqual(expected);
    }
  });

  it('recomputes only the facts that follow from the act', () => {
    expect([...followersOf('contractSigned')].sort()).toEqual(['callOffAfterFrameworkEnd', 'daysFromAwardToTransfer', 'monthsSinceOriginalContract']);
    expect(followersOf('recordsKept').size).toBe(0);
    // Through the rule set's formulas: the award decision moves the end of its standstill.
    expect(followersOf('awardDecision', stepFormulas)).toContain('earliestContractDate');
  });

  it('refuses a fact that does not come from one plan field read through the fact', () => {
    const source = factSource(CASES[0]!.plan, params);
    expect(() => source.with({ lifetimeValue: 1 })).toThrow(/cannot be set/);
    expect(() => source.with({ procurementStart: '2026-01-01' })).toThrow(/cannot be set/);
  });
});

describe('the facts the rule set defines', () => {
  it('computed when read (the engine\'s way) are those addTimetableFacts sets, on every case and generated plan', () => {
    for (const { name, plan, lots } of PLANS) {
      const eager = deriveFacts(plan, params, lots);
      const param = (id: string) => (params.has(id) ? params.valueForRule(id, ((eager[params.get(id).appliesBy as FactName] as string | null) ?? plan.dates.procurementStart)) : undefined);
      const eagerOpen = addTimetableFacts(eager, ruleSet, calendars, param);
      const source = factSource(plan, params, lots, { ruleSetFormulas: stepFormulas });
      const lazyOpen = addTimetableFacts(source.facts, ruleSet, calendars, param, true);
      expect(source.all(), name).toEqual(eager);
      expect(lazyOpen, name).toEqual(eagerOpen);
    }
  });
});

describe('regimeOpenFacts', () => {
  it('names plan-field facts, the same from the plan or from its fact source, on every case and generated plan', () => {
    for (const { name, plan, lots } of PLANS) {
      const open = regimeOpenFacts(plan, params);
      expect(regimeOpenFacts(plan, params, factSource(plan, params, lots).get), name).toEqual(open);
      for (const [f, via] of open) {
        expect(isFactName(f)).toBe(true);
        expect(via.filter((v) => catalogue[v].question === undefined), f).toEqual([]);
      }
    }
  });
});
