// Properties of the timetable over generated plans (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { planArbitrary } from './support/arbitrary.js';
import { createCalendar } from '../src/calendar/index.js';
import type { PlanInput } from '../src/plan/schema.js';
import { plan as psrPlan } from './support/plans.js';
import type { Report } from '../src/report/schema.js';

const RUNS = 300;
/** A fixed seed, as the verdict properties have, so CI checks the same plans every run; FC_SEED=<n> replays another. */
const SEED = Number(process.env.FC_SEED ?? 20_261_206);
const ruleSet = () => checker().ruleSet;

/** Generated plans with the plan's own stage lengths as well, so the backward dates are computed. */
const stagedPlan = fc
  .tuple(
    planArbitrary,
    fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    fc.record({
      evaluationWeeks: fc.option(fc.integer({ min: 0, max: 16 }), { nil: undefined }),
      tenderPeriodDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      approvalWeeks: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    }),
  )
  .map(([plan, mobilisation, stages]): PlanInput => {
    const timetable = Object.fromEntries(Object.entries(stages).filter(([, v]) => v !== undefined));
    return { ...plan, term: { ...plan.term, ...(mobilisation === undefined ? {} : { mobilisationMonths: mobilisation }) }, timetable };
  });

/**
 * PSR plans with an intention notice on any day 2024-2030 (few generated plans fall under the PSR, the regime whose
 * representations period is counted in working days without plusDays).
 */
const psrNotice = fc
  .tuple(fc.integer({ min: 0, max: 2400 }), fc.constantFrom('competitive', 'most-suitable-provider', 'direct-award-c'))
  .map(([offset, process]): PlanInput => {
    const notice = new Date(Date.UTC(2024, 0, 2) + offset * 86_400_000).toISOString().slice(0, 10);
    return psrPlan({
      route: { process },
      directAward: { mostSuitableProviderIdentifiable: true, replacesExpiringContract: true },
      dates: { procurementStart: '2024-01-02', awardDecision: notice, contractSigned: undefined, contractStart: '2030-12-01' },
    });
  });

describe('timetable properties', () => {
  // A step counted in working days ends on a working day. Steps with plusDays are left out: plusDays turns the last
  // working day of a period into the first day after it (e.g. the day a standstill has ended), which may be a weekend.
  it('a due date counted in working days is never on a weekend or bank holiday', async () => {
    const calendars = {
      'england-and-wales': createCalendar(ruleSet().holidays, 'england-and-wales'),
      'any-part-of-uk': createCalendar(ruleSet().holidays, 'any-part-of-uk'),
    };
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(stagedPlan, psrNotice), async (plan) => {
        const report = await checker().check(plan);
        for (const step of report.steps) {
          const t = ruleSet().steps.get(step.id)?.timing;
          if (!t || t.unit !== 'working-days' || t.plusDays || !step.due) continue;
          seen++;
          expect(calendars[t.calendar].isWorkingDay(step.due), `${step.id} due ${step.due}`).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen).toBeGreaterThan(0);
  });

  /**
   * Feasible: none of the timetable flags fires. These are the flags about fitting the steps in before the service
   * start. The continuity flags (a gap after the existing contract: terms.service-gap, psr.direct-award-c.gap-or-overlap,
   * timetable.extension-expires-before-start) are left out: a later start widens a gap by design.
   */
  const TIMETABLE_FLAGS = [
    'psr.standstill.service-starts-too-early',
    'pcr2015.standstill.service-starts-too-early',
    'pa2023.standstill.service-starts-too-early',
    'timetable.award-too-late-for-mobilisation',
    'timetable.procurement-starts-too-late',
    'timetable.decision-too-late',
    'timetable.procurement-after-incumbent-end',
    'tupe.eli-timetable',
  ];
  // A flag fires as a finding, or inside a contradiction between the conditions on an act left open (no contract date keeps it).
  const flags = (r: Report) => [
    ...r.findings.filter((f) => f.missingFacts.length === 0 && TIMETABLE_FLAGS.includes(f.ruleId)).map((f) => f.ruleId),
    ...r.conditions.flatMap((c) => c.conflict?.rules ?? []).filter((id) => TIMETABLE_FLAGS.includes(id)),
  ];

  it('the timetable flags exist in the rule set', () => {
    const ids = ruleSet().rules.map((r) => r.id);
    expect(TIMETABLE_FLAGS.filter((f) => !ids.includes(f))).toEqual([]);
  });

  /** A parameter read on the service start (e.g. the TUPE notice, 14 days before 1 May 2014, 28 after) that differs between two dates. */
  const lawChangesBetween = (a: string, b: string) =>
    ruleSet()
      .params.all()
      .some((p) => p.appliesBy === 'contractStart' && ruleSet().params.valueOn(p.id, a) !== ruleSet().params.valueOn(p.id, b));

  /** Whether every date the timetable may count from lies inside the bank-holiday data (outside it a working-day count is unknown, not feasible). */
  const inCalendar = (start: string, moved: string) => {
    const { from, to } = ruleSet().holidays.coverage;
    const earliestNeeded = new Date(Date.parse(start) - 3 * 365 * 86_400_000).toISOString().slice(0, 10);
    return earliestNeeded >= from && moved <= to;
  };

  // With everything else fixed, a later start leaves every step more time. The one exception is a change in the law
  // itself between the two starts (a longer notice period from a date), which the property leaves out; so are plans
  // whose backward dates would fall outside the bank-holiday data (2015-2030), where they are unknown.
  it('moving the contract start later never makes a feasible timetable infeasible', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(stagedPlan, fc.integer({ min: 1, max: 400 }), async (plan, later) => {
        const start = plan.dates.contractStart;
        const moved = new Date(Date.parse(start) + later * 86_400_000).toISOString().slice(0, 10);
        fc.pre(!lawChangesBetween(start, moved) && inCalendar(start, moved));
        const before = await checker().check(plan);
        fc.pre(flags(before).length === 0);
        const after = await checker().check({ ...plan, dates: { ...plan.dates, contractStart: moved } });
        expect(flags(after)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
