// Procurement Act 2023 s.74: each route to a lawful change, at the boundary
// of each of its numbers, as the Act's text sets them (issue 20 point 11):
// (a) a Schedule 8 ground, (b) not a substantial modification (s.74(3)),
// (c) a below-threshold modification (s.74(4)); and s.77's publication.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { merge, type Patch } from './support/plans.js';
import { PA2023_SUITE } from './rules/pa2023.cases.js';

/** A modification of a £400,000 contract awarded under the Act, maximum term on award 100 months, on no Schedule 8 ground. */
const base: Patch = {
  route: { process: 'modification' },
  incumbent: { awardedUnder: 'pa2023', originalLifetimeValue: 400_000, originalMaxTermMonths: 100, extensionRemainingMonths: 0 },
  change: {
    description: 'Change',
    effectiveDate: '2026-07-01',
    valueChange: 20_000,
    providedForInContract: false,
    providedForInNotice: false,
    materiallyDifferent: false,
    scopeChanged: false,
    economicBalanceToSupplier: false,
  },
};
const plan = (patch: Patch) => PA2023_SUITE.plan(merge(base, patch));
const check = (patch: Patch) => checker().check(plan(patch));
/** The findings and the reasons the route holds, by rule. */
async function outcome(patch: Patch) {
  const report = await check(patch);
  return {
    verdict: report.verdict,
    finding: (id: string) => report.findings.find((f) => f.ruleId === id),
    holds: (id: string) => report.holds.find((h) => h.ruleId === id),
    report,
  };
}
const NO_ROUTE = 'pa2023.modification.substantial-no-ground';
/** 25% of the value and a shift of the economic balance: substantial and not below threshold, so only a ground can permit it. */
const onlyAGround: Patch = { change: { valueChange: 100_000, economicBalanceToSupplier: true } };

describe('s.74(3)(a): a term changed by more than 10% of the maximum term on award is substantial', () => {
  // 25% of the value rules out a below-threshold modification, so only s.74(1)(b) can permit the extension.
  const extend = (months: number) => ({ route: { process: 'extension' }, change: { extensionMonths: months, valueChange: 100_000 } });
  it('10 months of a 100-month maximum term (10%) is not substantial: s.74(1)(b) permits it, and says why', async () => {
    const o = await outcome(extend(10));
    expect(o.finding(NO_ROUTE)).toBeUndefined();
    expect(o.holds('pa2023.modification.not-substantial')?.reason).toMatch(/changes the term by 10% of the maximum term provided for on award \(more than 10% would be substantial\)/);
  });
  it('11 months (11%) is substantial, and with no other route non-compliant', async () => {
    const o = await outcome(extend(11));
    expect(o.finding(NO_ROUTE)?.severity).toBe('non-compliant');
    expect(o.finding(NO_ROUTE)?.reason).toMatch(/changes the term by 11% of the maximum term/);
    expect(o.verdict).toBe('non-compliant');
  });
  it('a change in value alone is not a limb of s.74(3): a 75% rise that adds nothing new and shifts no balance is not substantial', async () => {
    const o = await outcome({ change: { valueChange: 300_000 } });
    expect(o.finding(NO_ROUTE)).toBeUndefined();
    expect(o.holds('pa2023.modification.not-substantial')).toBeDefined();
  });
  it('an extension whose economic balance is left open asks only that, and the answer decides it', async () => {
    const open = await outcome({ route: { process: 'extension' }, change: { extensionMonths: 5, valueChange: 60_000, economicBalanceToSupplier: undefined } });
    expect(open.finding(NO_ROUTE)?.severity).toBe('review');
    expect(open.report.questions.map((q) => q.planPath)).toContain('change.economicBalanceToSupplier');
    expect(open.finding(NO_ROUTE)?.missingFacts.map((m) => m.planPath)).toEqual(['change.economicBalanceToSupplier']);
    expect((await outcome({ route: { process: 'extension' }, change: { extensionMonths: 5, valueChange: 60_000, economicBalanceToSupplier: true } })).finding(NO_ROUTE)?.severity).toBe('non-compliant');
  });
});

describe('s.74(4): a below-threshold modification', () => {
  // Substantial (the economic balance), so s.74(1)(c) is the route that decides.
  const tilted = (change: Patch, extra: Patch = {}) => merge({ change: { economicBalanceToSupplier: true, ...change } }, extra);
  it('(a) this change alone: 10% of the value (£40,000 of £400,000) qualifies, £1 more does not', async () => {
    const within = await outcome(tilted({ valueChange: 40_000 }));
    expect(within.finding(NO_ROUTE)).toBeUndefined();
    expect(within.holds('pa2023.modification.below-threshold')?.reason).toMatch(/this change alone moves the estimated value by £40,000, 10% of the original £400,000/);
    expect(within.verdict).toBe('compliant');
    expect((await outcome(tilted({ valueChange: 40_001 }))).finding(NO_ROUTE)?.severity).toBe('non-compliant');
    expect((await outcome(tilted({ valueChange: -40_001 }))).finding(NO_ROUTE)?.severity).toBe('non-compliant');
  });
  it('(a) for works, 15%: £60,000 qualifies, £60,001 does not', async () => {
    const works = { contractType: 'works' };
    expect((await outcome(tilted({ valueChange: 60_000 }, works))).finding(NO_ROUTE)).toBeUndefined();
    expect((await outcome(tilted({ valueChange: 60_001 }, works))).finding(NO_ROUTE)?.severity).toBe('non-compliant');
  });
  it('(a) is this change, not the changes since award: an earlier change does not count against the 10%', async () => {
    const o = await outcome(tilted({ valueChange: 40_000, cumulativeValueChange: 120_000 }));
    expect(o.finding(NO_ROUTE)).toBeUndefined();
    expect(o.holds('pa2023.modification.below-threshold')).toBeDefined();
  });
  it('(b) the aggregate must be less than the threshold (£207,720): £207,719 qualifies, £207,720 does not', async () => {
    const big = { incumbent: { originalLifetimeValue: 3_000_000 } };
    expect((await outcome(tilted({ valueChange: 100_000, cumulativeValueChange: 207_719 }, big))).finding(NO_ROUTE)).toBeUndefined();
    expect((await outcome(tilted({ valueChange: 100_000, cumulativeValueChange: 207_720 }, big))).finding(NO_ROUTE)?.severity).toBe('non-compliant');
  });
  it('(c) goods or services of a new kind rule it out', async () => {
    const o = await outcome(tilted({ valueChange: 20_000, scopeChanged: true }));
    expect(o.finding(NO_ROUTE)?.severity).toBe('non-compliant');
    expect(o.finding(NO_ROUTE)?.reason).toMatch(/goods, services or works of a new kind \(yes\)/);
  });
  it('under the Act an extension beyond the options left is judged by s.74, not refused as a new award: 8% of the value and 5% of the term is permitted', async () => {
    const o = await outcome({ route: { process: 'extension' }, change: { extensionMonths: 5, valueChange: 32_000, economicBalanceToSupplier: undefined } });
    expect(o.finding('terms.extension-beyond-options')).toBeUndefined();
    expect(o.holds('pa2023.modification.below-threshold')).toBeDefined();
    expect(o.verdict).toBe('compliant');
  });
});

describe('Schedule 8: each ground the authority claims, at its cap', () => {
  it('para 4 (unforeseeable): 50% is within the cap, a review of the judgement; £1 more, with no other route, non-compliant', async () => {
    const para4 = (valueChange: number) => merge(onlyAGround, { change: { unforeseeable: true, valueChange } });
    const at = await outcome(para4(200_000));
    expect(at.finding('pa2023.modification.unforeseeable')?.severity).toBe('review');
    expect(at.finding('pa2023.modification.unforeseeable-not-permitted')).toBeUndefined();
    expect((await outcome(para4(200_001))).finding('pa2023.modification.unforeseeable-not-permitted')?.severity).toBe('non-compliant');
  });
  it('a ground over its cap is no breach where the change is not substantial anyway (s.74(1)(b))', async () => {
    const o = await outcome({ change: { unforeseeable: true, valueChange: 300_000 } });
    expect(o.finding('pa2023.modification.unforeseeable-not-permitted')).toBeUndefined();
    expect(o.finding('pa2023.modification.unforeseeable')).toBeUndefined();
    expect(o.holds('pa2023.modification.not-substantial')).toBeDefined();
    expect(o.verdict).toBe('compliant');
  });
  it('para 5 (a known risk): only one the notice identified, and within 50%', async () => {
    const para5 = (valueChange: number, knownRiskInNotice: boolean) => merge(onlyAGround, { change: { knownRiskMaterialised: true, knownRiskInNotice, valueChange } });
    expect((await outcome(para5(200_000, true))).finding('pa2023.modification.known-risk')?.severity).toBe('review');
    expect((await outcome(para5(200_001, true))).finding('pa2023.modification.known-risk-not-permitted')?.severity).toBe('non-compliant');
    const unnamed = await outcome(para5(100_000, false));
    expect(unnamed.finding('pa2023.modification.known-risk-not-permitted')?.reason).toMatch(/here identified: no/);
  });
  it('para 8 (additional goods or services): within 50%, and only where another supplier would bring the difficulties and duplicated costs', async () => {
    const para8 = (valueChange: number, changeOfSupplierImpracticable: boolean) =>
      merge(onlyAGround, { change: { additionalServices: true, changeOfSupplierImpracticable, valueChange } });
    expect((await outcome(para8(200_000, true))).finding('pa2023.modification.additional')?.severity).toBe('review');
    expect((await outcome(para8(200_001, true))).finding('pa2023.modification.additional-not-permitted')?.severity).toBe('non-compliant');
    expect((await outcome(para8(100_000, false))).finding('pa2023.modification.additional-not-permitted')?.severity).toBe('non-compliant');
  });
  it('a ground not claimed is not relied on: the no-route finding says the grounds are the authority\'s to claim', async () => {
    const o = await outcome(onlyAGround);
    expect(o.finding(NO_ROUTE)?.reason).toMatch(/relies on none of the grounds the authority must claim itself/);
  });
});

describe('s.77: a qualifying modification of a contract of more than £5 million is published within 90 days', () => {
  // Every change here moves the value by more than 10%, so a contract change notice is needed (s.75(2)) and s.77(2)(a) is met.
  const publish = (original: number, valueChange: number) => ({ incumbent: { originalLifetimeValue: original }, change: { valueChange } });
  it('a £4,000,000 contract raised by £1,000,000 to exactly £5,000,000 is not more than it; £1 more is', async () => {
    expect((await outcome(publish(4_000_000, 1_000_000))).finding('pa2023.modification.publish')).toBeUndefined();
    const over = await outcome(publish(4_000_000, 1_000_001));
    expect(over.finding('pa2023.modification.publish')?.reason).toMatch(/after the change £5,000,001/);
    // 90 days beginning with the day the contract is modified, 1 July 2026: by 28 September 2026.
    expect(over.report.steps.find((s) => s.id === 'pa2023.publish-modification')?.due).toBe('2026-09-28');
  });
  it('a change s.75(2) exempts from a contract change notice is not a qualifying modification, however large the contract', async () => {
    expect((await outcome(publish(8_000_000, 400_000))).finding('pa2023.modification.publish')).toBeUndefined();
  });
});

describe('s.74(3)(b), (5): a change whose effect on the overall nature is not known may change the scope', () => {
  // Found by the verdict soundness property (fixed seed): a plan saying the change is not substantial, with
  // change.materiallyDifferent left open, was compliant, and non-compliant once the change was said to alter
  // the contract's overall nature (which changes its scope). The scope stays open until that is known.
  const open = { change: { materiallyDifferent: null, scopeChanged: undefined, economicBalanceToSupplier: undefined, substantial: false } };
  it('not substantial, the overall nature left open: the route is a question, not compliant', async () => {
    const o = await outcome(open);
    expect(o.verdict).toBe('review');
    expect(o.finding(NO_ROUTE)?.missingFacts.map((m) => m.planPath)).toContain('change.scopeChanged');
  });
  it('answered: not altering the overall nature, the change holds as not substantial; altering it, no route permits it', async () => {
    expect((await outcome(merge(open, { change: { materiallyDifferent: false } }))).finding(NO_ROUTE)).toBeUndefined();
    expect((await outcome(merge(open, { change: { materiallyDifferent: true } }))).finding(NO_ROUTE)?.severity).toBe('non-compliant');
  });
});

describe('s.74(5): a longer term provides for nothing of a new kind', () => {
  it('an extension of 8% of the value and 5% of the term, its overall nature left open, is a below-threshold modification: nothing asked', async () => {
    const o = await outcome({ route: { process: 'extension' }, change: { extensionMonths: 5, valueChange: 32_000, materiallyDifferent: undefined, scopeChanged: undefined, economicBalanceToSupplier: undefined } });
    expect(o.holds('pa2023.modification.below-threshold')).toBeDefined();
    expect(o.verdict).toBe('compliant');
    expect(o.report.questions).toEqual([]);
  });
});
