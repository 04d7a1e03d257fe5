// Pension protection on a staff transfer (issue 20.13): what the tender and
// contract will require of the new provider is the authority's own act, so
// left out it is a condition; said to be less than the staff's scheme needs,
// it is a breach where the Best Value Authorities Staff Transfers (Pensions)
// Direction 2007 paras 4-6 plainly reach the staff (a council contracting out
// its own employees' service), and a review where it turns on their history
// or on New Fair Deal (policy, not statute).
import { describe, expect, it } from 'vitest';
import { checker } from '../support/checker.js';
import { plan, type Patch } from '../support/plans.js';

/** Staff assigned to the service, in these schemes, the tender's pension terms as given. */
const staffed = (staff: Patch, more: Patch = {}) => plan({ staff: { assignedToService: true, activitiesFundamentallyChanged: false, ...staff }, ...more });
const inHouse = { incumbent: undefined };
const ids = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);

describe('LGPS members transferring', () => {
  it('a council contracting out its own service with a defined contribution scheme only: non-compliant (Direction 2007 paras 4-6); with LGPS admission or a broadly comparable scheme required, the reason it holds', async () => {
    const breach = await checker().check(staffed({ pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: false }, inHouse));
    const finding = breach.findings.find((f) => f.ruleId === 'tupe.pensions-lgps-direction');
    expect(finding?.severity).toBe('non-compliant');
    expect(finding?.reason).toMatch(/paras 4-6/);
    expect(breach.verdict).toBe('non-compliant');
    const kept = await checker().check(staffed({ pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: true }, inHouse));
    expect(ids(kept)).not.toContain('tupe.pensions-lgps-direction');
    expect(kept.holds.map((h) => h.ruleId)).toContain('tupe.pensions-lgps-direction');
    expect(kept.verdict).toBe('compliant');
  });
  it('re-letting a contract, or an NHS body buying: a review, since whether the Direction reaches the staff turns on their history', async () => {
    const retender = await checker().check(staffed({ pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: false }));
    expect(retender.findings.find((f) => f.ruleId === 'tupe.pensions-lgps-not-required')?.severity).toBe('review');
    expect(ids(retender)).not.toContain('tupe.pensions-lgps-direction');
    const icb = await checker().check(staffed({ pensionSchemes: ['lgps'], tenderRequiresLgpsProtection: false }, { ...inHouse, authority: { type: 'icb' } }));
    expect(ids(icb)).toContain('tupe.pensions-lgps-not-required');
    expect(ids(icb)).not.toContain('tupe.pensions-lgps-direction');
  });
  it('the terms left open: a condition, not a question; done, compliant', async () => {
    const open = await checker().check(staffed({ pensionSchemes: ['lgps'] }, inHouse));
    const condition = open.conditions.find((c) => c.rules.includes('tupe.pensions-lgps-direction'));
    expect(condition?.instruction).toMatch(/Local Government Pension Scheme/);
    expect(open.questions.map((q) => q.planPath)).not.toContain('staff.tenderRequiresLgpsProtection');
    expect(open.verdict).toBe('compliant-if');
  });
  it('staff in no such scheme: nothing to require', async () => {
    const none = await checker().check(staffed({ pensionSchemes: ['defined-contribution'], tenderRequiresLgpsProtection: false, tenderRequiresNhsPensionAccess: false }, inHouse));
    expect(ids(none).filter((id) => id.startsWith('tupe.pensions'))).toEqual([]);
    expect(none.verdict).toBe('compliant');
  });
});

describe('NHS Pension Scheme members transferring', () => {
  it('continued access not required: a review under New Fair Deal; required, the reason it holds', async () => {
    const review = await checker().check(staffed({ pensionSchemes: ['nhs-pension-scheme'], tenderRequiresNhsPensionAccess: false }));
    expect(review.findings.find((f) => f.ruleId === 'tupe.pensions-nhs-access-not-required')?.severity).toBe('review');
    expect(review.verdict).toBe('review');
    const kept = await checker().check(staffed({ pensionSchemes: ['nhs-pension-scheme'], tenderRequiresNhsPensionAccess: true }));
    expect(kept.holds.map((h) => h.ruleId)).toContain('tupe.pensions-nhs-access-not-required');
  });
  it('schemes not known: a member may be in either, so a tender requiring neither is a review until they are found out', async () => {
    const unknown = await checker().check(staffed({ pensionSchemes: ['unknown'], tenderRequiresLgpsProtection: false, tenderRequiresNhsPensionAccess: false }));
    expect(ids(unknown)).toEqual(expect.arrayContaining(['tupe.pensions-lgps-not-required', 'tupe.pensions-nhs-access-not-required']));
    expect(unknown.verdict).toBe('review');
  });
});
