// Properties over generated plans (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { planArbitrary } from './support/arbitrary.js';
import { fuzzOne, mutatedPlanArbitrary } from './support/fuzz.js';
import { PlanValidationError } from '../src/plan/parse.js';
import type { PlanInput } from '../src/plan/schema.js';

const RUNS = 300;

/** Procurement Act duties of a regulated below-threshold contract (ss.85-86), not notices: nothing above the threshold replaces them one for one. */
const BELOW_THRESHOLD_DUTIES: ReadonlySet<string> = new Set(['pa2023.below-threshold-no-suitability-shortlisting', 'pa2023.below-threshold-sme-barriers']);

describe('properties of checking', () => {
  // Its runs are work, not a timing (the bench holds speed): a time budget of its own, so a loaded machine does not fail it.
  it('a traced check (every condition kept) finds exactly what an untraced one (settled conditions left out) finds', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const plain = await checker().check(plan);
        const traced = await checker().check(plan, { trace: true });
        expect(traced.findings).toEqual(plain.findings);
        expect(traced.verdict).toBe(plain.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  it('any plan the schema accepts yields a report without throwing, and the same report twice', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const first = await checker().check(plan);
        const second = await checker().check(structuredClone(plan));
        expect(second).toEqual(first);
        expect(['compliant', 'compliant-if', 'review', 'non-compliant', 'out-of-scope']).toContain(first.verdict);
      }),
      { numRuns: RUNS },
    );
  });

  // Crossing a procurement threshold legitimately replaces the below-threshold
  // steps (e.g. Procurement Act s.86-87 notices) with the above-threshold ones:
  // on one side of the threshold no step goes; across it, none is lost in number.
  it('raising the value or lengthening the term never removes a required step', async () => {
    await fc.assert(
      fc.asyncProperty(
        planArbitrary,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 60 }),
        async (plan, more, longer) => {
          const bigger: PlanInput = structuredClone(plan);
          if (bigger.value.annual != null) bigger.value.annual += more;
          if (bigger.value.lifetime !== undefined) bigger.value.lifetime += more;
          bigger.term.initialMonths += longer;
          const small = await checker().check(plan);
          const large = await checker().check(bigger);
          // A route the larger plan may not use gets only what to do instead; steps of rules the plan leaves open may come and go.
          if (large.findings.some((f) => f.missingFacts.length === 0 && f.reason.includes(' Instead: '))) return;
          const decided = (r: typeof small) => {
            const open = new Set(r.findings.filter((f) => f.missingFacts.length > 0).map((f) => f.ruleId));
            return r.steps.filter((s) => s.addedBy.some((id) => !open.has(id))).map((s) => s.id);
          };
          // A below-threshold contract's own duties have no counterpart step: the Act's procedures take their place above the
          // threshold, and s.85(3) lifts the bar on suitability shortlisting for a works contract from a figure below it.
          const before = decided(small).filter((id) => !BELOW_THRESHOLD_DUTIES.has(id));
          const after = decided(large);
          if (small.facts.aboveThreshold === large.facts.aboveThreshold) expect(after).toEqual(expect.arrayContaining(before));
          // Crossing the threshold swaps each below-threshold notice for its above-threshold one, never for fewer steps.
          else if (small.facts.aboveThreshold === false && large.facts.aboveThreshold === true) expect(after.length).toBeGreaterThanOrEqual(before.length);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** Ways to break a valid plan, each with the field path the error must name. */
const breakages: [string, (p: Record<string, any>) => void][] = [
  ['dates.procurementStart', (p) => (p.dates.procurementStart = '2024-02-30')],
  ['dates.contractStart', (p) => (p.dates.contractStart = 20240101)],
  ['value.annual', (p) => (p.value.annual = -5)],
  ['value.vatIncluded', (p) => (p.value.vatIncluded = 'no')],
  ['term.initialMonths', (p) => (p.term.initialMonths = 0)],
  ['route.process', (p) => (p.route.process = 'handshake')],
  ['route.regime', (p) => (p.route.regime = 'pcr2006')],
  ['authority.type', (p) => (p.authority.type = 'parish')],
  ['services.0.cpv.0', (p) => (p.services[0].cpv = ['8531'])],
  ['services', (p) => (p.services = [])],
  ['colour', (p) => (p.colour = 'blue')],
  ['dates.tenderDeadline', (p) => (p.dates.tenderDeadline = '2025-01-01')],
  ['id', (p) => (p.id = 'Has Spaces')],
];

describe('properties of rejecting', () => {
  it('any input the schema rejects yields an error naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.constantFrom(...breakages), async (plan, [path, breakIt]) => {
        const broken = structuredClone(plan) as Record<string, any>;
        breakIt(broken);
        const error = await checker().check(broken, { untrusted: true }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(PlanValidationError);
        expect((error as PlanValidationError).issues.map((i) => i.path)).toContain(path);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary JSON is either a plan or a PlanValidationError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (input) => {
        const error = await checker().check(input, { untrusted: true }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(PlanValidationError);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('one answer: the verdict agrees with the timetable', () => {
  it('every "No" in the timetable is a finding of a rule its step names (missedBy), and never sits under a compliant verdict', async () => {
    const steps = checker().ruleSet.steps;
    const overlaySteps = new Map([...checker().ruleSet.overlays.values()].flatMap((o) => o.steps.map((s) => [s.id, s] as const)));
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const report = await checker().check(plan);
        for (const row of report.timetable.filter((r) => r.met === false)) {
          const def = steps.get(row.stepId) ?? overlaySteps.get(row.stepId);
          const reporters = def?.missedBy ?? [];
          expect(reporters, row.stepId).not.toEqual([]);
          expect(report.findings.some((f) => reporters.includes(f.ruleId)), `${row.stepId} missed, but none of ${reporters.join(', ')} reports it`).toBe(true);
          expect(report.verdict).not.toBe('compliant');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('nothing crashes: shipped plans with fields set to random JSON and to values past the bounds', () => {
  // npm run fuzz runs the same at a million plans; here a few thousand, on a fixed seed.
  it('each gives a report that passes ReportSchema and renders in every format, or an error naming a field', async () => {
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(mutatedPlanArbitrary, async (plan) => {
        const outcome = await fuzzOne(checker(), plan);
        if (outcome.kind === 'crash' || outcome.kind === 'bad-report') found.push(`${outcome.kind}: ${outcome.detail.split('\n').slice(0, 3).join(' | ')}\n  plan: ${JSON.stringify(plan).slice(0, 400)}`);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
    expect(found.slice(0, 5)).toEqual([]);
    // 3,000 checks, each rendered four ways: seconds of work, not a timing (the bench holds speed).
  }, 60_000);
});
