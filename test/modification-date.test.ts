// When is a contract modified? When the variation is agreed (change.agreedDate),
// which may be before or after the day it takes effect: the notice periods
// run from then (PSR reg 13(5)(a), reg 14(5)(a); Procurement Act s.75(1)).
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { merge, modification, plan } from './support/plans.js';
import { basePa } from './rules/pa2023.cases.js';
import type { Report } from '../src/report/schema.js';

const fired = (r: Report, id: string) => r.findings.some((f) => f.ruleId === id && f.severity !== 'info');
const psrChange = (change: Record<string, unknown>, published: string) =>
  checker().check(plan(merge(modification as Record<string, unknown>, { change: { valueChange: 600_000, effectiveDate: '2026-03-01', ...change }, dates: { modificationNoticePublished: published } })));

describe('the date of the modification', () => {
  it('PSR reg 13(5)(a): 30 days from the variation agreed with retrospective effect, not from the day it takes effect', async () => {
    // Takes effect 1 March; published 1 May: late counted from 1 March, in time from an agreement on 15 April.
    expect(fired(await psrChange({}, '2026-05-01'), 'psr.notices.modification-notice-late')).toBe(true);
    const agreedLater = await psrChange({ agreedDate: '2026-04-15' }, '2026-05-01');
    expect(fired(agreedLater, 'psr.notices.modification-notice-late')).toBe(false);
    expect(agreedLater.steps.find((s) => s.id === 'psr.modification-notice')?.due).toBe('2026-05-15');
  });

  it('a variation agreed ahead of the day it takes effect: the period runs from the agreement', async () => {
    const agreedAhead = await psrChange({ agreedDate: '2026-01-15' }, '2026-03-01');
    expect(fired(agreedAhead, 'psr.notices.modification-notice-late')).toBe(true);
    expect(agreedAhead.findings.find((f) => f.ruleId === 'psr.notices.modification-notice-late')?.reason).toContain('modified on 15 January 2026');
  });

  it('Procurement Act s.75(1): the change notice comes before the contract is modified, i.e. before the variation is agreed', async () => {
    const paChange = (agreedDate: string | undefined, published: string) =>
      checker().check(
        merge(basePa, {
          route: { process: 'modification' },
          incumbent: { awardedUnder: 'pa2023', originalLifetimeValue: 400_000, originalMaxTermMonths: 48 },
          change: { description: 'Add a reporting module', effectiveDate: '2026-07-01', agreedDate, valueChange: 100_000, providedForInContract: true, providedForInNotice: true, materiallyDifferent: false, substantial: false },
          dates: { modificationNoticePublished: published },
        }),
      );
    expect(fired(await paChange(undefined, '2026-06-20'), 'pa2023.notices.change-notice-after-modification')).toBe(false);
    expect(fired(await paChange('2026-06-10', '2026-06-20'), 'pa2023.notices.change-notice-after-modification')).toBe(true);
  });
});
