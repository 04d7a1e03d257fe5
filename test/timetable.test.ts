// The timetable: each timing rule on both sides of its limit, the backward
// dates (latest award decision, contract, tender deadline, procurement start,
// decision) and `proposeTimetable`.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { merge, plan, type Patch } from './support/plans.js';
import { basePcr, notLightTouch } from './rules/pcr2015.cases.js';
import { basePa } from './rules/pa2023.cases.js';
import { proposeTimetable, proposeTimetableForPlan } from '../src/timetable/propose.js';
import { PlanValidationError } from '../src/plan/parse.js';
import type { PlanInput } from '../src/plan/schema.js';
import type { Report } from '../src/report/schema.js';

const ruleIds = (r: Report) => r.findings.filter((f) => f.missingFacts.length === 0).map((f) => f.ruleId);
const dueOf = (r: Report, id: string) => r.steps.find((s) => s.id === id)?.due;
const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

/** For each regime: a plan with 3 months' mobilisation, and the rule that fires when the contract is signed inside the standstill. */
const REGIMES: [string, PlanInput, string, string][] = [
  ['PSR (competitive)', plan({ term: { mobilisationMonths: 3 } }), 'psr.standstill.contract-too-early', '2026-01-01'],
  ['PCR 2015 (open)', merge(basePcr, merge(notLightTouch, { route: { process: 'open' }, term: { mobilisationMonths: 3 } })), 'pcr2015.standstill.contract-too-early', '2024-01-01'],
  ['Procurement Act (open)', merge(basePa, { term: { mobilisationMonths: 3 } }), 'pa2023.standstill.contract-too-early', '2026-07-01'],
];

describe.each(REGIMES)('the latest award decision under %s', (_name, base, tooEarly, threeMonthsBefore) => {
  it('is the last day whose standstill ends by the latest contract date: a day later it does not', async () => {
    const report = await checker().check(base);
    const latestContract = dueOf(report, 'timetable.contract-signature')!;
    const latestAward = dueOf(report, 'timetable.award-decision')!;
    expect(latestContract).toBe(threeMonthsBefore);
    const onTime = await checker().check(merge(base, { dates: { awardDecision: latestAward, contractSigned: latestContract } } as Patch));
    expect(ruleIds(onTime)).not.toContain(tooEarly);
    expect(ruleIds(onTime)).not.toContain('timetable.award-too-late-for-mobilisation');
    const late = await checker().check(merge(base, { dates: { awardDecision: addDays(latestAward, 1), contractSigned: latestContract } } as Patch));
    expect(ruleIds(late)).toContain(tooEarly);
  });
});

describe('standstill: the contract on the last day of the standstill breaks it, on the day after it does not', () => {
  // PSR: notice Mon 3 Nov 2025, representations to the end of Fri 14 Nov. PCR 2015: notices Mon 2 Oct 2023, period to
  // the end of Thu 12 Oct. Procurement Act: notice Mon 1 Jun 2026, 8 working days beginning that day end Wed 10 Jun.
  const cases: [string, PlanInput, string, string][] = [
    ['PSR', plan(), '2025-11-14', 'psr.standstill.contract-too-early'],
    ['PCR 2015', merge(basePcr, merge(notLightTouch, { route: { process: 'open' } })), '2023-10-12', 'pcr2015.standstill.contract-too-early'],
    ['Procurement Act', basePa, '2026-06-10', 'pa2023.standstill.contract-too-early'],
  ];
  it.each(cases)('%s', async (_n, base, lastDay, rule) => {
    expect(ruleIds(await checker().check(merge(base, { dates: { contractSigned: lastDay } } as Patch)))).toContain(rule);
    const after = await checker().check(merge(base, { dates: { contractSigned: addDays(lastDay, 1) } } as Patch));
    expect(ruleIds(after)).not.toContain(rule);
    // The timetable row of the standstill end says whether the plan's contract date meets it.
    const row = after.timetable.find((r) => r.kind === 'earliest' && r.stepId.endsWith('standstill-end'));
    expect(row).toMatchObject({ date: addDays(lastDay, 1), planned: addDays(lastDay, 1), met: true });
  });
});

describe('employee liability information: at least the parameter\'s days before the transfer', () => {
  const staffed = (signed: string) => plan({ staff: { assignedToService: true }, dates: { contractSigned: signed } });
  it('a contract 28 days before the transfer on 1 April 2026 meets it, 27 days does not', async () => {
    const onTime = await checker().check(staffed('2026-03-04'));
    expect(ruleIds(onTime)).not.toContain('tupe.eli-timetable');
    expect(onTime.timetable.find((r) => r.stepId === 'tupe.employee-liability-information')).toMatchObject({ date: '2026-03-04', met: true });
    const late = await checker().check(staffed('2026-03-05'));
    expect(ruleIds(late)).toContain('tupe.eli-timetable');
    expect(late.timetable.find((r) => r.stepId === 'tupe.employee-liability-information')).toMatchObject({ met: false, planned: '2026-03-05' });
  });
  it('too few days is a planning risk for the authority (review), saying the duty is the outgoing provider\'s and the remedy compensation', async () => {
    const late = await checker().check(staffed('2026-03-05'));
    const finding = late.findings.find((f) => f.ruleId === 'tupe.eli-timetable');
    expect(finding?.severity).toBe('review');
    expect(finding?.reason).toMatch(/The duty is the outgoing provider's, not the authority's/);
    expect(finding?.reason).toMatch(/compensated to the new provider, at least £500 an employee unless a tribunal finds less just \(reg 12\(3\)-\(5\)\)/);
    expect(late.verdict).toBe('review');
  });
});

describe('publication within a number of days of the award', () => {
  it('the PSR notice of award is due 30 days after the contract is entered into', async () => {
    expect(dueOf(await checker().check(plan()), 'psr.award-notice')).toBe('2025-12-31');
  });
});

describe('the report timetable', () => {
  it('lists every dated step in date order, with the contract\'s earliest and latest dates', async () => {
    const report = await checker().check(plan({ term: { mobilisationMonths: 4 }, timetable: { evaluationWeeks: 8, tenderPeriodDays: 60, approvalWeeks: 4 } }));
    const dates = report.timetable.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(report.timetable.map((r) => r.stepId)).toEqual(
      expect.arrayContaining(['timetable.decision', 'timetable.procurement-start', 'timetable.tender-deadline', 'timetable.award-decision', 'timetable.service-start']),
    );
    expect(report.steps.find((s) => s.id === 'timetable.contract-signature')).toMatchObject({ due: '2025-12-01', dueKind: 'latest', earliest: '2025-11-15' });
    for (const s of report.steps) if (s.due) expect(report.timetable.some((r) => r.stepId === s.id && r.date === s.due)).toBe(true);
  });

  it('marks a date the plan misses', async () => {
    const report = await checker().check(plan({ term: { mobilisationMonths: 4 }, dates: { contractSigned: '2025-12-02' } }));
    expect(report.timetable.find((r) => r.stepId === 'timetable.contract-signature')).toMatchObject({ date: '2025-12-01', planned: '2025-12-02', met: false });
  });
});

describe('proposeTimetable', () => {
  it('plans back from the start: latest date for each step, in date order', () => {
    const t = proposeTimetable({ contractStart: '2026-04-01', regime: 'psr', process: 'competitive', mobilisationMonths: 5, evaluationWeeks: 8, tenderPeriodDays: 42, approvalWeeks: 6 });
    const by = Object.fromEntries(t.timetable.map((r) => [`${r.stepId}:${r.kind}`, r.date]));
    expect(by).toMatchObject({
      'timetable.contract-signature:latest': '2025-11-01',
      // Notice Mon 20 Oct: the standstill begins Tue 21, ends with the 8th working day after it (Fri 31 Oct).
      'timetable.award-decision:latest': '2025-10-20',
      'psr.standstill-end:earliest': '2025-11-01',
      'timetable.tender-deadline:latest': '2025-08-25',
      'timetable.procurement-start:latest': '2025-07-14',
      'timetable.decision:latest': '2025-06-02',
      'tupe.employee-liability-information:deadline': '2026-03-04',
      'timetable.service-start:deadline': '2026-04-01',
    });
    expect(t.timetable.map((r) => r.date)).toEqual(t.timetable.map((r) => r.date).sort());
  });

  it('counts the Procurement Act standstill in working days anywhere in the UK', () => {
    const t = proposeTimetable({ contractStart: '2026-10-01', regime: 'pa2023', mobilisationMonths: 3, staffTransfer: false });
    const award = t.timetable.find((r) => r.stepId === 'timetable.award-decision')!.date;
    const end = t.timetable.find((r) => r.stepId === 'pa2023.standstill-end')!.date;
    expect(end <= '2026-07-01').toBe(true);
    expect(proposeTimetable({ contractStart: '2026-10-02', regime: 'pa2023', mobilisationMonths: 3, staffTransfer: false }).timetable.find((r) => r.stepId === 'timetable.award-decision')!.date >= award).toBe(true);
    expect(t.timetable.some((r) => r.stepId.startsWith('tupe.'))).toBe(false);
  });

  it('flags the employee liability information when the mobilisation is shorter than its notice', () => {
    const t = proposeTimetable({ contractStart: '2026-04-01', regime: 'psr', mobilisationMonths: 0.5 });
    expect(t.timetable.find((r) => r.stepId === 'tupe.employee-liability-information')).toMatchObject({ met: false });
  });

  it('for a plan: uses its start, regime and lengths and ignores its other dates', () => {
    const t = proposeTimetableForPlan(plan({ route: { regime: 'auto' }, term: { mobilisationMonths: 4 }, dates: { awardDecision: '2026-03-01' } }));
    expect(t.regime).toBe('psr');
    expect(t.timetable.find((r) => r.stepId === 'timetable.contract-signature')?.date).toBe('2025-12-01');
  });

  it('rejects bad input naming the field', () => {
    expect(() => proposeTimetable({ contractStart: '2026-02-30', regime: 'psr' })).toThrow(PlanValidationError);
    try {
      proposeTimetable({ contractStart: '2026-04-01', regime: 'psr', mobilisationMonths: -1 });
    } catch (e) {
      expect((e as PlanValidationError).issues.map((i) => i.path)).toEqual(['mobilisationMonths']);
    }
  });
});

describe('TUPE reg 13(4) measures and collective consultation (TULRCA s.188) when staff transfer', () => {
  const staffed = (proposedRedundancies: number) =>
    plan({ staff: { assignedToService: true, activitiesFundamentallyChanged: false, pensionSchemes: [], proposedRedundancies } });
  it('the incoming provider tells the outgoing one of its measures; 20 redundancies start consultation 30 days before the 1 April 2026 transfer, 100 start it 45 days before', async () => {
    const twenty = await checker().check(staffed(20));
    expect(twenty.steps.map((s) => s.id)).toContain('tupe.measures-to-transferor');
    expect(twenty.steps.find((s) => s.id === 'tupe.collective-consultation')).toMatchObject({ due: '2026-03-02', dueKind: 'latest' });
    const hundred = await checker().check(staffed(100));
    expect(hundred.steps.find((s) => s.id === 'tupe.collective-consultation-large')).toMatchObject({ due: '2026-02-15', dueKind: 'latest' });
    expect((await checker().check(staffed(19))).steps.map((s) => s.id)).not.toContain('tupe.collective-consultation');
  });
});
