// The three-valued reading of rule conditions (src/engine/three-valued.ts):
// unit tests on small hand-made conditions, small properties of Kleene's
// logic over random conditions, and the property that json-rules-engine is
// the engine of record: wherever the three-valued reading decides a rule, it
// decides it as json-rules-engine does, and on every fact known they agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from 'json-rules-engine';
import { decidingFacts, leafResults, ruleDecidingFacts, ruleTruth, truth, type FactSource, type Truth } from '../../src/engine/three-valued.js';
import type { ConditionT, FactConditionT, OperatorT, RuleDefinition } from '../../src/engine/rule-schema.js';
import { loadRuleSet, type RuleSet } from '../../src/engine/rule-set.js';
import { withOverlay } from '../../src/engine/with-overlay.js';
import { buildEngine, factsOfRule } from '../../src/engine/compile.js';
import { addTimetableFacts } from '../../src/engine/timetable-facts.js';
import { makeCalendars } from '../../src/engine/day-counter.js';
import { deriveFacts, type Facts } from '../../src/plan/facts.js';
import { FACT_CATALOGUE, type FactName } from '../../src/plan/fact-catalogue.js';
import { parsePlan, PlanValidationError } from '../../src/plan/parse.js';
import type { PlanInput } from '../../src/plan/schema.js';
import { planArbitrary } from '../support/arbitrary.js';
import { SUITES } from '../rules/suites.js';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

/** A fact source over a plain record: absent or null is unknown. */
function source(facts: Record<string, unknown>, params: Record<string, unknown> = {}): FactSource {
  return { fact: (n) => facts[n], param: (id) => params[id] };
}

const f = (fact: string, operator: OperatorT, value: FactConditionT['value']): ConditionT => ({ fact, operator, value });
const isTrue = (fact: string) => f(fact, 'equal', true);

describe('truth(): one fact test', () => {
  it('an unknown fact (null or absent) makes the test unknown', () => {
    expect(truth(isTrue('a'), source({ a: null }))).toBeNull();
    expect(truth(isTrue('a'), source({}))).toBeNull();
    expect(truth(f('n', 'lessThan', 5), source({ n: null }))).toBeNull();
  });

  it('a known fact is tested as json-rules-engine tests it', () => {
    expect(truth(isTrue('a'), source({ a: true }))).toBe(true);
    expect(truth(isTrue('a'), source({ a: false }))).toBe(false);
    expect(truth(f('n', 'lessThan', 5), source({ n: 4 }))).toBe(true);
    expect(truth(f('n', 'greaterThanInclusive', 5), source({ n: 4 }))).toBe(false);
    expect(truth(f('s', 'in', ['x', 'y']), source({ s: 'y' }))).toBe(true);
    expect(truth(f('s', 'notIn', ['x', 'y']), source({ s: 'y' }))).toBe(false);
    expect(truth(f('d', 'dateBefore', '2025-01-01'), source({ d: '2024-12-31' }))).toBe(true);
  });

  it('a comparison with another fact is unknown when either is unknown', () => {
    const c = f('d', 'dateBefore', { fact: 'e' });
    expect(truth(c, source({ d: '2024-01-01', e: null }))).toBeNull();
    expect(truth(c, source({ d: null, e: '2024-01-01' }))).toBeNull();
    expect(truth(c, source({ d: '2024-01-01', e: '2024-01-02' }))).toBe(true);
  });

  it('a comparison with a parameter reads the parameter', () => {
    const c = f('n', 'greaterThan', { param: 'limit' });
    expect(truth(c, source({ n: 11 }, { limit: 10 }))).toBe(true);
    expect(truth(c, source({ n: 10 }, { limit: 10 }))).toBe(false);
    expect(truth(c, source({ n: null }, { limit: 10 }))).toBeNull();
  });

  it('isUnknown and isKnown are decided whatever the fact is', () => {
    expect(truth(f('a', 'isUnknown', true), source({ a: null }))).toBe(true);
    expect(truth(f('a', 'isUnknown', true), source({ a: false }))).toBe(false);
    expect(truth(f('a', 'isKnown', true), source({}))).toBe(false);
    expect(truth(f('a', 'isKnown', true), source({ a: 0 }))).toBe(true);
  });
});

describe('truth(): all, any, not with unknowns', () => {
  const src = source({ t: true, f: false, u: null });
  const T = isTrue('t');
  const F = isTrue('f');
  const U = isTrue('u');

  it('all: false if any part is false, else unknown if any part is unknown, else true', () => {
    expect(truth({ all: [T, T] }, src)).toBe(true);
    expect(truth({ all: [T, U] }, src)).toBeNull();
    expect(truth({ all: [U, F] }, src)).toBe(false); // a known false decides it, even after an unknown
    expect(truth({ all: [F, U] }, src)).toBe(false);
    expect(truth({ all: [U, U] }, src)).toBeNull();
  });

  it('any: true if any part is true, else unknown if any part is unknown, else false', () => {
    expect(truth({ any: [F, F] }, src)).toBe(false);
    expect(truth({ any: [F, U] }, src)).toBeNull();
    expect(truth({ any: [U, T] }, src)).toBe(true); // a known true decides it, even after an unknown
    expect(truth({ any: [T, U] }, src)).toBe(true);
  });

  it('not keeps unknown and flips a known answer', () => {
    expect(truth({ not: U }, src)).toBeNull();
    expect(truth({ not: T }, src)).toBe(false);
    expect(truth({ not: F }, src)).toBe(true);
    expect(truth({ not: { all: [U, F] } }, src)).toBe(true);
    expect(truth({ not: { any: [U, F] } }, src)).toBeNull();
  });

  it('nests', () => {
    expect(truth({ all: [T, { any: [U, { not: F }] }] }, src)).toBe(true);
    expect(truth({ all: [T, { any: [U, { not: T }] }] }, src)).toBeNull();
    expect(truth({ any: [F, { all: [U, F] }] }, src)).toBe(false);
  });
});

describe('decidingFacts(): the unknown facts that could still change the answer', () => {
  const sorted = (s: Set<string>) => [...s].sort();

  it('names nothing once the condition is decided', () => {
    expect(sorted(decidingFacts({ all: [isTrue('u'), isTrue('f')] }, source({ u: null, f: false })))).toEqual([]);
    expect(sorted(decidingFacts({ any: [isTrue('u'), isTrue('t')] }, source({ u: null, t: true })))).toEqual([]);
    expect(sorted(decidingFacts(isTrue('t'), source({ t: true })))).toEqual([]);
  });

  it('names every unknown fact of an open condition', () => {
    expect(sorted(decidingFacts({ all: [isTrue('a'), isTrue('b'), isTrue('t')] }, source({ t: true })))).toEqual(['a', 'b']);
    expect(sorted(decidingFacts({ any: [isTrue('a'), { not: isTrue('b') }] }, source({})))).toEqual(['a', 'b']);
  });

  it('does not name a fact under a part already decided', () => {
    // the `all` holding b is false (f is false): b cannot change anything
    expect(sorted(decidingFacts({ any: [isTrue('a'), { all: [isTrue('b'), isTrue('f')] }] }, source({ f: false })))).toEqual(['a']);
    // the `any` holding b is true (t is true): b cannot change anything
    expect(sorted(decidingFacts({ all: [isTrue('a'), { any: [isTrue('b'), isTrue('t')] }] }, source({ t: true })))).toEqual(['a']);
    // not a known fact
    expect(sorted(decidingFacts({ all: [isTrue('a'), isTrue('t')] }, source({ t: true })))).toEqual(['a']);
  });

  it('names both sides of a comparison of two facts when both are unknown, and only the unknown side otherwise', () => {
    expect(sorted(decidingFacts(f('d', 'dateBefore', { fact: 'e' }), source({})))).toEqual(['d', 'e']);
    expect(sorted(decidingFacts(f('d', 'dateBefore', { fact: 'e' }), source({ d: '2024-01-01' })))).toEqual(['e']);
  });

  it('never names a fact under isUnknown or isKnown, which are always decided', () => {
    expect(sorted(decidingFacts({ all: [isTrue('a'), f('b', 'isUnknown', true)] }, source({})))).toEqual(['a']);
  });
});

describe('ruleTruth() and ruleDecidingFacts(): gate and test together', () => {
  it('a gate that is false decides the rule, whatever the test', () => {
    expect(ruleTruth(isTrue('f'), isTrue('u'), source({ f: false }))).toBe(false);
    expect(ruleDecidingFacts(isTrue('f'), isTrue('u'), source({ f: false }))).toEqual([]);
  });
  it('a test that is false decides the rule while the gate is open', () => {
    expect(ruleTruth(isTrue('u'), isTrue('f'), source({ f: false }))).toBe(false);
  });
  it('an open gate and a true test leave the rule open on the gate', () => {
    expect(ruleTruth(isTrue('g'), isTrue('t'), source({ t: true }))).toBeNull();
    expect(ruleDecidingFacts(isTrue('g'), isTrue('t'), source({ t: true }))).toEqual(['g']);
  });
  it('no gate: the test alone', () => {
    expect(ruleTruth(undefined, isTrue('t'), source({ t: true }))).toBe(true);
  });
  it('leafResults reports each test as it saw it, in the order written', () => {
    const r = leafResults({ all: [isTrue('t'), f('n', 'lessThan', { param: 'p' })] }, source({ t: true, n: null }, { p: 3 }));
    expect(r.map((x) => [x.fact, x.result, x.comparedWith])).toEqual([
      ['t', true, true],
      ['n', null, 3],
    ]);
  });
});

// ---- Kleene's logic on random conditions -------------------------------------

const FACT_NAMES = ['a', 'b', 'c', 'd'] as const;
const leafArbitrary: fc.Arbitrary<ConditionT> = fc
  .record({
    fact: fc.constantFrom(...FACT_NAMES),
    operator: fc.constantFrom<OperatorT>('equal', 'notEqual', 'lessThan', 'greaterThanInclusive', 'in', 'notIn'),
    literal: fc.constantFrom(0, 1, 2),
    list: fc.constantFrom<number[]>([0], [1, 2]),
    other: fc.option(fc.constantFrom(...FACT_NAMES), { freq: 4 }),
  })
  .map(({ fact, operator, literal, list, other }): ConditionT => {
    if (operator === 'in' || operator === 'notIn') return { fact, operator, value: list };
    return { fact, operator, value: other === null ? literal : { fact: other } };
  });
const { condition: conditionArbitrary } = fc.letrec<{ condition: ConditionT }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('condition').map((not) => ({ not })),
  ),
}));
const valueArbitrary = fc.constantFrom<number | null>(0, 1, 2, null);
const factsArbitrary = fc.record({ a: valueArbitrary, b: valueArbitrary, c: valueArbitrary, d: valueArbitrary });
const completionOf = (facts: Record<string, number | null>) =>
  fc.record({ a: fc.constantFrom(0, 1, 2), b: fc.constantFrom(0, 1, 2), c: fc.constantFrom(0, 1, 2), d: fc.constantFrom(0, 1, 2) }).map((fill) =>
    Object.fromEntries(FACT_NAMES.map((k) => [k, facts[k] ?? fill[k]])),
  );

// isUnknown/isKnown ask what the plan knows, not what the world is, so filling a fact in may flip them: they are left out here.
describe("Kleene's logic on random conditions (no isKnown/isUnknown)", () => {
  it('a decided condition stays decided, the same way, whatever the unknown facts turn out to be', () => {
    fc.assert(
      fc.property(conditionArbitrary, factsArbitrary.chain((facts) => fc.tuple(fc.constant(facts), completionOf(facts))), (c, [facts, full]) => {
        const t = truth(c, source(facts));
        if (t !== null) expect(truth(c, source(full))).toBe(t);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('filling in only facts it does not name leaves an open condition open; a fully known one is decided', () => {
    fc.assert(
      fc.property(conditionArbitrary, factsArbitrary.chain((facts) => fc.tuple(fc.constant(facts), completionOf(facts))), (c, [facts, full]) => {
        const src = source(facts);
        if (truth(c, src) !== null) return;
        const named = decidingFacts(c, src);
        expect(named.size).toBeGreaterThan(0);
        for (const n of named) expect(facts[n as keyof typeof facts]).toBeNull();
        const others = Object.fromEntries(FACT_NAMES.map((k) => [k, named.has(k) ? null : full[k]]));
        expect(truth(c, source(others))).toBeNull();
        expect(truth(c, source(full))).not.toBeNull();
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});

// ---- json-rules-engine is the engine of record ------------------------------------

interface Judging {
  label: string;
  ruleSet: RuleSet;
  engine: Engine;
  overlay?: string;
}

const LAW = loadRuleSet();
const CALENDARS = makeCalendars(LAW.holidays);
let judgingsMemo: Judging[] | undefined;
/** The law, and the law with each local overlay: one unpartitioned engine each (gate included), as compile.ts builds it. */
function judgings(): Judging[] {
  judgingsMemo ??= [
    { label: 'law', ruleSet: LAW, engine: buildEngine(LAW.rules, LAW.params) },
    ...[...LAW.overlays.values()].map((o) => {
      const rs = withOverlay(LAW, o);
      return { label: `overlay ${o.id}`, ruleSet: rs, engine: buildEngine(rs.rules, rs.params), overlay: o.id };
    }),
  ];
  return judgingsMemo;
}

/** The facts as src/engine/checker.ts derives them: deriveFacts, then the timetable facts from the rule set's steps. */
function factsFor(input: PlanInput, ruleSet: RuleSet): { facts: Facts; src: FactSource } | null {
  let plan;
  try {
    plan = parsePlan(input);
  } catch (e) {
    if (e instanceof PlanValidationError) return null;
    throw e;
  }
  const facts = deriveFacts(plan, ruleSet.params);
  const paramDate = (id: string) => (facts[ruleSet.params.get(id).appliesBy as FactName] as string | null) ?? plan.dates.procurementStart;
  const param = (id: string) => (ruleSet.params.has(id) ? ruleSet.params.valueForRule(id, paramDate(id)) : undefined);
  addTimetableFacts(facts, ruleSet, CALENDARS, param);
  const src: FactSource = { fact: (n) => (Object.hasOwn(facts, n) ? facts[n as FactName] : undefined), param };
  return { facts, src };
}

/** The rule's whole condition as compile.ts gives it to json-rules-engine: scope and regime gate, appliesWhen, then the test. */
function compiledCondition(rule: RuleDefinition): ConditionT {
  const gate: ConditionT[] = [];
  if (rule.scope === 'in-scope') gate.push({ fact: 'inScope', operator: 'equal', value: true });
  if (rule.regime === 'psr' || rule.regime === 'pcr2015' || rule.regime === 'pa2023') gate.push({ fact: 'regime', operator: 'equal', value: rule.regime });
  return { all: [...gate, ...(rule.appliesWhen ? [rule.appliesWhen] : []), rule.conditions] };
}

/** Every fact the compiled rule reads. */
function factsReadByCompiled(rule: RuleDefinition): string[] {
  return [...new Set([...(rule.scope === 'in-scope' ? ['inScope'] : []), ...(['psr', 'pcr2015', 'pa2023'].includes(rule.regime) ? ['regime'] : []), ...factsOfRule(rule)])];
}

const SUITE_PLANS: PlanInput[] = SUITES.flatMap((s) => [s.plan(), ...Object.values(s.cases).flatMap(([fires, quiet]) => [s.plan(fires), s.plan(quiet)])]);

describe('json-rules-engine is the engine of record', () => {
  it(
    'where the three-valued reading decides a rule it agrees with json-rules-engine, and with every fact the rule reads known it always decides',
    async () => {
      const problems = new Map<string, string>();
      let decidedPairs = 0;
      let fullyKnownPairs = 0;
      const planSource = fc.oneof({ arbitrary: planArbitrary, weight: 3 }, { arbitrary: fc.constantFrom(...SUITE_PLANS), weight: 1 });
      await fc.assert(
        fc.asyncProperty(planSource, fc.nat(), async (input, which) => {
          const judging = judgings()[which % judgings().length]!;
          const plan: PlanInput = judging.overlay ? { ...input, authority: { ...input.authority, overlay: judging.overlay } } : input;
          const derived = factsFor(plan, judging.ruleSet);
          if (!derived) return;
          const { facts, src } = derived;
          // Every catalogue fact, null when unknown (json-rules-engine is told not to allow undefined facts).
          const almanacFacts = Object.fromEntries(Object.keys(FACT_CATALOGUE).map((k) => [k, facts[k as FactName] ?? null]));
          const run = await judging.engine.run(almanacFacts);
          const fired = new Set(run.results.map((r) => r.name));
          for (const rule of judging.ruleSet.rules) {
            const t: Truth = truth(compiledCondition(rule), src);
            const jre = fired.has(rule.id);
            const allKnown = factsReadByCompiled(rule).every((n) => src.fact(n) !== null && src.fact(n) !== undefined);
            if (allKnown) fullyKnownPairs++;
            if (t !== null) decidedPairs++;
            const bad = t !== null ? t !== jre : allKnown ? true : false;
            if (!bad) continue;
            const key = `${judging.label}: ${rule.id}`;
            if (problems.has(key)) continue;
            const read = factsReadByCompiled(rule).map((n) => `${n}=${JSON.stringify(src.fact(n) ?? null)}`);
            problems.set(
              key,
              `${key}: three-valued ${String(t)}, json-rules-engine ${jre ? 'fires' : 'does not fire'}${allKnown ? ' (every fact it reads is known)' : ''}\n    facts read: ${read.join(', ')}\n    plan: ${JSON.stringify(plan)}`,
            );
          }
        }),
        { numRuns: 100, seed: SEED },
      );
      if (problems.size)
        throw new Error(`The three-valued reading and json-rules-engine disagree (fast-check seed ${SEED}):\n${[...problems.values()].sort().join('\n\n')}`);
      // Not vacuous: many rules were decided, and many read only known facts.
      expect(decidedPairs).toBeGreaterThan(1000);
      expect(fullyKnownPairs).toBeGreaterThan(100);
    },
    60_000,
  );
});
