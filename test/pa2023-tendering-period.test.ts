// The Procurement Act's minimum tendering periods (s.54(4)) for the open
// procedure: each row of the table, read from the plan's own tender period.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { addDays } from '../src/plan/dates.js';
import type { Patch } from './support/plans.js';
import { PA2023_SUITE } from './rules/pa2023.cases.js';

const RULE = 'pa2023.procedure.tendering-period-too-short';
type Facts = { electronicTenders?: boolean | null; documentsWithNotice?: boolean | null; qualifyingPlannedProcurementNotice?: boolean | null; urgencyShortensTenderPeriod?: boolean | null };
const none: Facts = { qualifyingPlannedProcurementNotice: false, urgencyShortensTenderPeriod: false };

async function finding(days: number, facts: Facts, extra: object = {}) {
  const report = await checker().check(PA2023_SUITE.plan({ timetable: { tenderPeriodDays: days, ...facts }, ...extra }));
  return report.findings.find((f) => f.ruleId === RULE);
}

describe('Procurement Act s.54(4): minimum tendering period in the open procedure', () => {
  it.each([
    ['electronic, documents with the notice', { electronicTenders: true, documentsWithNotice: true }, 25],
    ['electronic, documents later', { electronicTenders: true, documentsWithNotice: false }, 30],
    ['paper, documents with the notice', { electronicTenders: false, documentsWithNotice: true }, 30],
    ['paper, documents later', { electronicTenders: false, documentsWithNotice: false }, 35],
  ] as const)('%s', async (_label, facts, min) => {
    expect((await finding(min - 1, { ...none, ...facts }))?.severity).toBe('non-compliant');
    expect(await finding(min, { ...none, ...facts })).toBeUndefined();
  });

  it('a qualifying planned procurement notice or urgency brings it down to 10 days, and no lower', async () => {
    const paper = { electronicTenders: false, documentsWithNotice: false };
    expect(await finding(10, { ...paper, ...none, qualifyingPlannedProcurementNotice: true })).toBeUndefined();
    expect(await finding(10, { ...paper, ...none, urgencyShortensTenderPeriod: true })).toBeUndefined();
    expect((await finding(9, { ...paper, qualifyingPlannedProcurementNotice: true, urgencyShortensTenderPeriod: true }))?.severity).toBe('non-compliant');
  });

  it('a period that meets every row needs no answers; a shorter one asks only what decides it', async () => {
    expect(await finding(35, {})).toBeUndefined();
    expect(await finding(28, { electronicTenders: true, documentsWithNotice: true })).toBeUndefined();
    const open = await finding(20, { electronicTenders: true, documentsWithNotice: true });
    expect(open?.severity).toBe('review');
    // Urgency is the authority's to invoke (s.54(4) entry 5): not claimed, it is not asked; a planned procurement notice is a fact to ask.
    expect(open?.missingFacts.map((m) => m.planPath).sort()).toEqual(['timetable.qualifyingPlannedProcurementNotice']);
    expect(open?.reason).not.toMatch(/urgency/i);
    const claimed = await finding(20, { electronicTenders: true, documentsWithNotice: true, urgencyShortensTenderPeriod: true });
    expect(claimed).toBeUndefined();
  });

  it('a short period with no planned procurement notice and no urgency claimed is a breach, saying urgency is not relied on', async () => {
    const short = await finding(20, { electronicTenders: true, documentsWithNotice: true, qualifyingPlannedProcurementNotice: false });
    expect(short?.severity).toBe('non-compliant');
    expect(short?.reason).toMatch(/unless the authority claims a state of urgency .*, which the plan does not \(/);
  });

  it('light-touch contracts have no minimum', async () => {
    const lightTouch = { services: [{ description: 'Family support service', cpv: ['85311300'], healthCare: false, lightTouch: true }], value: { annual: 200_000 } };
    expect(await finding(5, { ...none, electronicTenders: false, documentsWithNotice: false }, lightTouch)).toBeUndefined();
  });
});

describe('Procurement Act s.54(3)-(4): the competitive flexible procedure', () => {
  const CF = 'pa2023.procedure.cf-tendering-period-too-short';
  const cf = async (timetable: object, extra: object = {}) =>
    (await checker().check(PA2023_SUITE.plan({ route: { process: 'competitive-flexible' }, timetable, ...extra }))).findings.find((f) => f.ruleId === CF);
  const table = { electronicTenders: true, documentsWithNotice: true, ...none };

  it('a council agreeing the tendering period with pre-selected suppliers has no minimum', async () => {
    expect(await cf({ tenderPeriodDays: 2, negotiatedTenderingPeriod: true, preselectedSuppliersOnly: true })).toBeUndefined();
  });
  it('a council taking tenders from pre-selected suppliers only needs 10 days', async () => {
    const short = await cf({ tenderPeriodDays: 9, negotiatedTenderingPeriod: false, preselectedSuppliersOnly: true });
    expect(short?.severity).toBe('non-compliant');
    // The finding names that reading's minimum, not the open procedure's rows it displaces.
    expect(short?.reason).toMatch(/taking tenders only from pre-selected suppliers, has a minimum of 10 days \(entry 3\)/);
    expect(short?.reason).not.toMatch(/entry 7|entry 10/);
    expect(await cf({ tenderPeriodDays: 10, negotiatedTenderingPeriod: false, preselectedSuppliersOnly: true })).toBeUndefined();
  });
  it('without pre-selection, or for a central government authority, the open procedure rows apply', async () => {
    expect((await cf({ tenderPeriodDays: 24, negotiatedTenderingPeriod: false, preselectedSuppliersOnly: false, ...table }))?.severity).toBe('non-compliant');
    const icb = { authority: { name: 'Test ICB', type: 'icb' } };
    expect((await cf({ tenderPeriodDays: 24, negotiatedTenderingPeriod: true, preselectedSuppliersOnly: true, ...table }, icb))?.severity).toBe('non-compliant');
    expect(await cf({ tenderPeriodDays: 25, negotiatedTenderingPeriod: true, preselectedSuppliersOnly: true, ...table }, icb)).toBeUndefined();
  });
  it('a short period with the pre-selection facts left open asks only for them', async () => {
    const open = await cf({ tenderPeriodDays: 12, ...table });
    expect(open?.severity).toBe('review');
    expect(open?.missingFacts.map((m) => m.planPath).sort()).toEqual(['timetable.negotiatedTenderingPeriod', 'timetable.preselectedSuppliersOnly']);
  });
  it('the participation period is at least 25 days, or 10 in urgency', async () => {
    const pp = async (days: number, urgent: boolean) =>
      (await checker().check(PA2023_SUITE.plan({ route: { process: 'competitive-flexible' }, timetable: { participationPeriodDays: days, urgencyShortensTenderPeriod: urgent } }))).findings.find(
        (f) => f.ruleId === 'pa2023.procedure.participation-period-too-short',
      );
    expect((await pp(24, false))?.severity).toBe('non-compliant');
    expect(await pp(25, false)).toBeUndefined();
    expect(await pp(10, true)).toBeUndefined();
    expect((await pp(9, true))?.severity).toBe('non-compliant');
  });
});

describe('s.54(4) on each reading, and whether a planned procurement notice qualifies (s.15(2)-(3), Procurement Regulations 2024 reg 16)', () => {
  const all = { electronicTenders: true, documentsWithNotice: true };
  /** An open procedure whose planned procurement notice starts it on 2 February 2026, the tender notice `after` days later, tenders due 12 days after that. */
  const noticed = (after: number, timetable: object = {}) => ({
    dates: { procurementStart: '2026-02-02', plannedProcurementNotice: '2026-02-02', tenderNotice: addDays('2026-02-02', after) },
    timetable: { tenderPeriodDays: after + 12, ...all, plannedProcurementNoticeContent: true, ...timetable },
  });
  const check = async (patch: object) => {
    const report = await checker().check(PA2023_SUITE.plan(patch as Patch));
    return { finding: report.findings.find((f) => f.ruleId === RULE), holds: report.holds.find((h) => h.ruleId === RULE) };
  };

  it('the tendering period runs from the day after the tender notice, not from the planned procurement notice that starts the procurement', async () => {
    // 52 days from the start to the deadline, 12 of them after the tender notice: within the 10 days of entry 4, not the 25 of entry 7.
    expect((await check(noticed(40))).holds?.reason).toMatch(/^The plan allows 12 days for tenders, at least the 10 days/);
    expect((await check(noticed(39))).finding?.reason).toMatch(/^The plan allows 12 days for tenders in the open procedure, counted from the day after the tender notice/);
  });

  it('40 days before the tender notice qualifies, with the dates in why it holds; 39 does not, and the finding says why and what the minimum then is', async () => {
    const at = await check(noticed(40));
    expect(at.finding).toBeUndefined();
    expect(at.holds?.reason).toMatch(/the notice of 2 February 2026 was published 40 days \(1\.\d+ months\) before the tender notice of 14 March 2026/);
    const short = await check(noticed(39));
    expect(short.finding?.severity).toBe('non-compliant');
    expect(short.finding?.reason).toMatch(/The planned procurement notice of 2 February 2026 does not qualify, so entry 4's 10 days is not available: a qualifying notice is published at least 40 days and not more than 12 months before the tender notice/);
    expect(short.finding?.reason).toMatch(/this one was published 39 days .* before the tender notice of 13 March 2026/);
    expect(short.finding?.reason).toMatch(/the minimum is 25 days \(entry 7\)/);
  });

  it('12 months before the tender notice qualifies; a day more does not', async () => {
    // Tender notice (the start) on 16 March 2026; the planned procurement notice the same day a year before, or the day before that.
    const yearBefore = (ppn: string) => ({ dates: { procurementStart: '2026-03-16', plannedProcurementNotice: ppn }, timetable: { tenderPeriodDays: 12, ...all, plannedProcurementNoticeContent: true } });
    expect((await check(yearBefore('2025-03-16'))).finding).toBeUndefined();
    expect((await check(yearBefore('2025-03-15'))).finding?.severity).toBe('non-compliant');
  });

  it('a notice without the content reg 16 requires is not a planned procurement notice, so it does not qualify', async () => {
    const r = await check(noticed(45, { plannedProcurementNoticeContent: false }));
    expect(r.finding?.severity).toBe('non-compliant');
    expect(r.finding?.reason).toMatch(/with that content: no/);
  });

  it('with the content left open it asks; the plan\'s answer on the whole notice answers it; its dates decide the timing whatever that answer says', async () => {
    const open = await check(noticed(45, { plannedProcurementNoticeContent: undefined }));
    expect(open.finding?.severity).toBe('review');
    expect(open.finding?.missingFacts.map((m) => m.planPath)).toEqual(['timetable.qualifyingPlannedProcurementNotice']);
    expect(open.finding?.reason).toMatch(/If the planned procurement notice of 2 February 2026 qualifies, the minimum is 10 days \(s\.54\(4\) entry 4\)/);
    expect((await check(noticed(45, { plannedProcurementNoticeContent: undefined, qualifyingPlannedProcurementNotice: true }))).finding).toBeUndefined();
    expect((await check(noticed(39, { plannedProcurementNoticeContent: undefined, qualifyingPlannedProcurementNotice: true }))).finding?.severity).toBe('non-compliant');
  });

  it('names the minimum on every reading the facts leave open, and none they rule out', async () => {
    // 27 days meets entry 7 (electronic) but not entry 9 (paper): the answer on electronic submission decides it.
    const r = await check({ timetable: { tenderPeriodDays: 27, electronicTenders: null, documentsWithNotice: true, qualifyingPlannedProcurementNotice: false } });
    expect(r.finding?.severity).toBe('review');
    expect(r.finding?.reason).toMatch(/all the tender documents provided with the tender notice, the minimum is 25 days \(entry 7\)/);
    expect(r.finding?.reason).toMatch(/no electronic submission, it is 30 days \(entry 9\)/);
    expect(r.finding?.reason).not.toMatch(/entry 8|entry 10|entry 4/);
  });

  it('a tender notice dated before the procurement start is refused, naming the field', async () => {
    await expect(checker().check(PA2023_SUITE.plan({ dates: { tenderNotice: '2026-01-30' } } as Patch))).rejects.toThrow(/dates\.tenderNotice/);
  });
});
