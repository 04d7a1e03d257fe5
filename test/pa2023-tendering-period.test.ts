// The Procurement Act's minimum tendering periods (s.54(4)) for the open
// procedure: each row of the table, read from the plan's own tender period.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
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
    expect(short?.reason).toMatch(/unless the authority relies on a state of urgency .*, which the plan does not claim/);
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
    expect((await cf({ tenderPeriodDays: 9, negotiatedTenderingPeriod: false, preselectedSuppliersOnly: true }))?.severity).toBe('non-compliant');
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
