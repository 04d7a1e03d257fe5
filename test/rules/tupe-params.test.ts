// TUPE 2006 and TULRCA 1992 dated parameters (issue 20.16): each value on
// either side of the day it changes, as read in the texts (TUPE reg 11(6)
// and reg 12(5); TULRCA s.188(1)-(1A) as SI 1995/2587 and SI 2013/763 left
// it), and what the findings say on a staffed re-tender: pre-transfer
// consultation is TULRCA s.198A (inserted by SI 2014/16), not TUPE reg 13A.
import { describe, expect, it } from 'vitest';
import { checker } from '../support/checker.js';
import { merge, plan, type Patch } from '../support/plans.js';

const params = () => checker().ruleSet.params;
const staffed = (staff: Patch = {}, more: Patch = {}) => plan(merge({ staff: { assignedToService: true, ...staff } } as Patch, more));

describe('TUPE and TULRCA parameters, on each side of their dates', () => {
  it('employee liability information: 14 days for a transfer on 30 April 2014, 28 from 1 May 2014 (SI 2014/16 reg 10)', () => {
    expect(params().valueOn('tupe.eli.days-before-transfer', '2014-04-30')).toBe(14);
    expect(params().valueOn('tupe.eli.days-before-transfer', '2014-05-01')).toBe(28);
  });
  it('the least compensation per employee for information not given is £500 (reg 12(5))', () => {
    expect(params().valueOn('tupe.eli.min-compensation-per-employee-gbp', '2006-04-06')).toBe(500);
    expect(params().valueOn('tupe.eli.min-compensation-per-employee-gbp', '2006-04-05')).toBeUndefined();
  });
  it('collective consultation: 20 and 100 redundancies and 30 days from 1 March 1996 (SI 1995/2587); 90 days at 100 or more until 5 April 2013, 45 from 6 April 2013 (SI 2013/763)', () => {
    for (const id of ['tulrca.collective.min-redundancies', 'tulrca.collective.large-redundancies', 'tulrca.collective.days'])
      expect(params().valueOn(id, '1996-02-29'), id).toBeUndefined();
    expect(params().valueOn('tulrca.collective.min-redundancies', '1996-03-01')).toBe(20);
    expect(params().valueOn('tulrca.collective.large-redundancies', '1996-03-01')).toBe(100);
    expect(params().valueOn('tulrca.collective.days', '1996-03-01')).toBe(30);
    expect(params().valueOn('tulrca.collective.days-large', '2013-04-05')).toBe(90);
    expect(params().valueOn('tulrca.collective.days-large', '2013-04-06')).toBe(45);
  });
});

describe('what the TUPE findings say', () => {
  it('pre-transfer collective consultation is the incoming provider\'s election with the outgoing one\'s agreement (TULRCA s.198A), and the Secretary of State is notified (s.193)', async () => {
    for (const [n, rule] of [
      [20, 'tupe.collective-consultation'],
      [100, 'tupe.collective-consultation-large'],
    ] as const) {
      const report = await checker().check(staffed({ proposedRedundancies: n }));
      const finding = report.findings.find((f) => f.ruleId === rule);
      expect(finding?.reason).toMatch(/TULRCA s\.198A/);
      expect(finding?.reason).toMatch(/s\.193\(\d\)/);
      expect(finding?.reason).not.toMatch(/reg 13A/);
      expect(finding?.citation.provision).toMatch(/s\.198A/);
    }
  });
  it('a contract too close to the transfer for employee liability information names the least compensation a tribunal awards (reg 12(5))', async () => {
    const report = await checker().check(staffed({}, { dates: { contractSigned: '2026-03-05' } }));
    expect(report.findings.find((f) => f.ruleId === 'tupe.eli-timetable')?.reason).toMatch(/at least £500 an employee/);
  });
});
