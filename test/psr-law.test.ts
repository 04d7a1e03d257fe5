// The PSR's numbers tested at both sides of each boundary (one day, £1, one
// percentage point), beyond the one pair each rule has in test/rules/psr.cases.ts.
import { describe, expect, it } from 'vitest';
import { checker } from './support/checker.js';
import { merge, plan, modification, directAwardC, type Patch } from './support/plans.js';
import { PCR2015_SUITE } from './rules/pcr2015.cases.js';
import { callOff, co } from './rules/psr.cases.js';
import { PA2023_SUITE } from './rules/pa2023.cases.js';

const mod = (p: Patch) => merge(modification as Patch, p);

/** The rules whose test held on the plan (findings, and rules that describe the route or why it holds). */
async function fired(patch: Patch): Promise<string[]> {
  const report = await checker().check(plan(patch), { trace: true });
  return report.trace!.filter((t) => t.outcome === 'fired').map((t) => t.ruleId);
}

describe('PSR reg 13: the cumulative change in lifetime value is measured by its size, a cut as a rise', () => {
  // The base contract's original lifetime value is £5m.
  it.each([
    [500_000, true],
    [499_999, false],
    [-500_000, true],
    [-499_999, false],
  ])('a change of %d attributable to the authority: a modification notice is due (reg 13(4)): %s', async (valueChange, due) => {
    expect((await fired(mod({ change: { valueChange } }))).includes('psr.modification.notice')).toBe(due);
  });

  // With an original value of £1m, 25% is £250,000: the £500,000 limit decides.
  it.each([
    [500_000, true],
    [499_999, false],
    [-500_000, true],
    [-499_999, false],
  ])('on a £1m contract, a change of %d not provided for is past the reg 13(2)(b) limits: %s', async (valueChange, past) => {
    const patch = mod({ incumbent: { originalLifetimeValue: 1_000_000 }, change: { providedForInContract: false, valueChange } });
    expect((await fired(patch)).includes('psr.modification.value-limit')).toBe(past);
  });

  // With an original value of £5m, £500,000 is 10%: the 25% limit decides.
  it.each([
    [1_250_000, true],
    [1_200_000, false],
    [-1_250_000, true],
    [-1_200_000, false],
  ])('on a £5m contract, a change of %d (25%%, or 24%%) not provided for is past the reg 13(2)(b) limits: %s', async (valueChange, past) => {
    const patch = mod({ change: { providedForInContract: false, valueChange } });
    expect((await fired(patch)).includes('psr.modification.value-limit')).toBe(past);
  });

  it('a cut past the limits says so, with its size', async () => {
    const report = await checker().check(plan(mod({ change: { providedForInContract: false, valueChange: -1_250_000 } })));
    const f = report.findings.find((x) => x.ruleId === 'psr.modification.value-limit')!;
    expect(f.severity).toBe('non-compliant');
    expect(f.reason).toContain('-£1,250,000, a change of £1,250,000 (25% of the original £5,000,000)');
  });

  it('a cut of £600,000 needs the modification notice within 30 days: submitted for publication a day late, it is late', async () => {
    const late = await fired(mod({ change: { valueChange: -600_000, effectiveDate: '2026-03-01' }, dates: { modificationNoticeSubmitted: '2026-04-01' } }));
    expect(late).toEqual(expect.arrayContaining(['psr.modification.notice', 'psr.notices.modification-notice-late']));
  });
});

describe('PSR notices: the 30 days run to submission for publication, not to publication (issue 20.6)', () => {
  // Direct award A entered into on Monday 1 December 2025: the notice of award is to be submitted by 31 December
  // (reg 7(2)(b)). Regs 8(2)(b), 9(11)(b), 10(15)(b), 11(17)(b), 13(5)(a) and 14(5)(a) say the same.
  const daA = { route: { process: 'direct-award-a' }, directAward: { onlyProviderCapable: true } };
  const award = (dates: Patch) => checker().check(plan(merge(daA as Patch, { dates })));
  const finding = (r: Awaited<ReturnType<typeof award>>, id = 'psr.notices.award-notice-late') => r.findings.find((f) => f.ruleId === id);

  it.each([
    ['2025-12-31', undefined],
    ['2026-01-01', 'non-compliant'],
  ])('submitted for publication on %s: %s', async (submitted, severity) => {
    expect(finding(await award({ awardNoticeSubmitted: submitted }))?.severity).toBe(severity);
  });

  it('a notice published within the 30 days was submitted within them: it holds, and says the plan gives only the publication', async () => {
    const r = await award({ awardNoticePublished: '2025-12-31' });
    expect(finding(r)).toBeUndefined();
    expect(r.holds.find((h) => h.ruleId === 'psr.notices.award-notice-late')?.reason).toMatch(/published on 31 December 2025, by 31 December 2025, so it was submitted for publication no later than that.*gives no submission date/);
    expect(r.timetable.find((t) => t.stepId === 'psr.award-notice')).toMatchObject({ planned: '2025-12-31', met: true });
    expect(r.verdict).toBe('compliant');
  });

  it('a notice published after them may still have been submitted in time: a review asking the submission date, never a breach', async () => {
    const r = await award({ awardNoticePublished: '2026-01-01' });
    const f = finding(r)!;
    expect(f.severity).toBe('review');
    expect(f.missingFacts.map((m) => m.planPath)).toEqual(['dates.awardNoticeSubmitted']);
    expect(f.reason).toContain('gives only the day the notice of award is published, 1 January 2026, after 31 December 2025');
    expect(r.questions.map((q) => q.planPath)).toEqual(['dates.awardNoticeSubmitted']);
    // The timetable does not call it missed: the publication is only the latest the submission can have been.
    expect(r.timetable.find((t) => t.stepId === 'psr.award-notice')).toMatchObject({ planned: '2026-01-01', met: null });
    expect(r.verdict).toBe('review');
  });

  it('the submission date decides, whatever the publication', async () => {
    expect(finding(await award({ awardNoticeSubmitted: '2025-12-31', awardNoticePublished: '2026-01-09' }))).toBeUndefined();
    expect(finding(await award({ awardNoticeSubmitted: '2026-01-01', awardNoticePublished: '2026-01-01' }))?.severity).toBe('non-compliant');
  });

  it('a notice cannot be submitted after it is published: an error naming the field', async () => {
    await expect(award({ awardNoticeSubmitted: '2026-01-02', awardNoticePublished: '2026-01-01' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'dates.awardNoticeSubmitted' })],
    });
  });

  it.each([
    ['2026-03-31', undefined],
    ['2026-04-01', 'review'],
  ])('a modification notice (modified 1 March 2026) published on %s, no submission date: %s', async (published, severity) => {
    const r = await checker().check(plan(mod({ change: { valueChange: 600_000, effectiveDate: '2026-03-01' }, dates: { modificationNoticePublished: published } })));
    const f = r.findings.find((x) => x.ruleId === 'psr.notices.modification-notice-late');
    expect(f?.severity).toBe(severity);
    if (f) expect(f.missingFacts.map((m) => m.planPath)).toEqual(['dates.modificationNoticeSubmitted']);
  });

  it('the Procurement Act contract change notice is still judged on its publication (s.75(1)): a submission date does not move it', async () => {
    const paChange = (dates: Patch) =>
      checker().check(
        merge(PA2023_SUITE.plan(), {
          route: { process: 'modification' },
          incumbent: { awardedUnder: 'pa2023', originalLifetimeValue: 400_000, originalMaxTermMonths: 48 },
          change: { description: 'Add a reporting module', effectiveDate: '2026-07-01', agreedDate: '2026-06-10', valueChange: 100_000, providedForInContract: true, providedForInNotice: true, materiallyDifferent: false, substantial: false },
          dates,
        }),
      );
    const late = await paChange({ modificationNoticeSubmitted: '2026-06-05', modificationNoticePublished: '2026-06-20' });
    expect(late.findings.find((f) => f.ruleId === 'pa2023.notices.change-notice-after-modification')?.severity).toBe('non-compliant');
  });
});

// The same signed-value fault, checked where the other regimes' rules read the cumulative ratio: the size of the
// change is compared (changeCumulativeRatio is the size of the cumulative change as a share of the original value).

async function firedIn(build: (p: Patch) => unknown, patch: Patch): Promise<string[]> {
  const report = await checker().check(build(patch) as ReturnType<typeof plan>, { trace: true });
  return report.trace!.filter((t) => t.outcome === 'fired').map((t) => t.ruleId);
}

describe('the de minimis and below-threshold ratios count a cut as a rise', () => {
  // A PCR 2015 modification of a £2m non-clinical contract, not provided for in it (reg 72(1)(f), (5): below 10%).
  const pcrMod = (valueChange: number): Patch => ({
    route: { process: 'modification' },
    services: [{ description: "Young people's outreach support (non-clinical)", cpv: ['85312000'], healthCare: false }],
    dates: { procurementStart: '2024-09-01' },
    incumbent: { contractEnd: '2027-03-31', awardedUnder: 'pcr2015', originalLifetimeValue: 2_000_000 },
    change: { description: 'Reduce the outreach hours', effectiveDate: '2024-10-01', valueChange, providedForInContract: false, materiallyDifferent: false, substantial: true, additionalServices: false, changeOfSupplierImpracticable: false, unforeseeable: false, providerSuccessionOnly: false },
  });
  it.each([
    [-180_000, true],
    [-200_000, false],
    [180_000, true],
    [200_000, false],
  ])('PCR 2015: a change of %d on a £2m contract (9%% or 10%%) is de minimis: %s', async (valueChange, deMinimis) => {
    expect((await firedIn(PCR2015_SUITE.plan, pcrMod(valueChange))).includes('pcr2015.modification.de-minimis')).toBe(deMinimis);
  });

  // A Procurement Act modification of a £400,000 contract, not provided for in the notice (s.74(4)(a): not more than 10%).
  const paMod = (valueChange: number): Patch => ({
    route: { process: 'modification' },
    incumbent: { awardedUnder: 'pa2023', originalLifetimeValue: 400_000, originalMaxTermMonths: 48 },
    change: { description: 'Reduce the reporting module', effectiveDate: '2026-07-01', valueChange, providedForInContract: true, providedForInNotice: false, materiallyDifferent: false, substantial: false, unforeseeable: false, additionalServices: false, providerSuccessionOnly: false },
  });
  it.each([
    [-40_000, true],
    [-44_000, false],
    [40_000, true],
    [44_000, false],
  ])('Procurement Act: a change of %d on a £400,000 contract (10%% or 11%%) is a below-threshold modification: %s', async (valueChange, below) => {
    expect((await firedIn(PA2023_SUITE.plan, paMod(valueChange))).includes('pa2023.modification.below-threshold')).toBe(below);
  });
});

describe('a stated representations deadline that is too early: its level follows the provision', () => {
  // Intention notice Monday 3 November 2025: reg 12(3) gives until midnight at the end of Friday 14 November.
  const stated = (process: string, deadline: string, extra: Patch = {}) =>
    merge({ route: { process }, ...(process === 'most-suitable-provider' ? { directAward: { mostSuitableProviderIdentifiable: true }, dates: { procurementStart: '2025-10-20' } } : {}) } as Patch, merge({ dates: { statedRepresentationsDeadline: deadline } } as Patch, extra));
  it.each([
    ['competitive', '2025-11-13', 'psr.standstill.stated-deadline-too-early', 'non-compliant'],
    ['direct-award-c', '2025-11-13', 'psr.standstill.stated-deadline-misstated', 'review'],
    ['most-suitable-provider', '2025-11-13', 'psr.standstill.stated-deadline-misstated', 'review'],
  ])('%s stating %s: %s, %s', async (process, deadline, ruleId, severity) => {
    const base = process === 'direct-award-c' ? merge(directAwardC as Patch, stated(process, deadline)) : stated(process, deadline);
    const report = await checker().check(plan(base));
    expect(report.findings.find((f) => f.ruleId === ruleId)?.severity).toBe(severity);
    expect(report.findings.map((f) => f.ruleId)).not.toContain(ruleId === 'psr.standstill.stated-deadline-too-early' ? 'psr.standstill.stated-deadline-misstated' : 'psr.standstill.stated-deadline-too-early');
  });
  it.each([
    ['competitive', '2025-11-14'],
    ['direct-award-c', '2025-11-14'],
    ['most-suitable-provider', '2025-11-14'],
  ])('%s stating %s, the last day: nothing to correct', async (process, deadline) => {
    const base = process === 'direct-award-c' ? merge(directAwardC as Patch, stated(process, deadline)) : stated(process, deadline);
    const ids = (await checker().check(plan(base))).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('psr.standstill.stated-deadline-too-early');
    expect(ids).not.toContain('psr.standstill.stated-deadline-misstated');
  });
  it('direct award C stating the last day but a 5pm cut-off: a review, as the date is; midnight: nothing', async () => {
    const at = async (time: string) => (await checker().check(plan(merge(directAwardC as Patch, { dates: { statedRepresentationsDeadline: '2025-11-14', statedRepresentationsTime: time } })))).findings.map((f) => [f.ruleId, f.severity]);
    expect(await at('17:00')).toContainEqual(['psr.standstill.stated-deadline-misstated', 'review']);
    expect((await at('24:00')).map(([id]) => id)).not.toContain('psr.standstill.stated-deadline-misstated');
    expect((await at('17:00')).map(([id]) => id)).not.toContain('psr.standstill.stated-cut-off-before-midnight');
  });
  it('acting on the earlier date: a contract on 14 November breaks reg 12(1), once only; on 15 November the standstill has ended', async () => {
    const on = async (contractSigned: string) =>
      (await checker().check(plan(merge(directAwardC as Patch, { dates: { statedRepresentationsDeadline: '2025-11-13', contractSigned } })))).findings.filter((f) => f.severity === 'non-compliant').map((f) => f.ruleId);
    expect(await on('2025-11-14')).toEqual(['psr.standstill.acted-on-misstated-deadline']);
    expect(await on('2025-11-15')).toEqual([]);
  });
  it('left without a contract date, the misstated deadline makes the contract date a condition: after the standstill reg 12(3) gives', async () => {
    const report = await checker().check(plan(merge(directAwardC as Patch, { dates: { statedRepresentationsDeadline: '2025-11-13', contractSigned: undefined } })));
    const c = report.conditions.find((x) => x.id === 'contractSigned')!;
    expect(c.earliest?.date).toBe('2025-11-15');
    expect(report.verdict).toBe('review');
  });
});

describe('PSR reg 18: a call-off without a competition, and the framework\'s terms', () => {
  const DIRECT = 'psr.call-off.direct-not-allowed';
  // The base call-off: direct, from a framework whose terms do not provide for a call-off without a competition.
  it.each([
    [true, false, false],
    [false, false, true],
    [false, true, false],
    [true, true, false],
  ])('a single provider: %s, terms providing for it: %s; a direct call-off breaks reg 18(3)-(4): %s', async (singleOperator, termsAllowDirectAward, breaks) => {
    expect((await fired(co({ frameworkAgreement: { singleOperator, termsAllowDirectAward } }))).includes(DIRECT)).toBe(breaks);
  });

  it('a call-off by the competitive process among the framework\'s providers is not judged by the direct call-off rule', async () => {
    const report = await checker().check(plan(co({ frameworkAgreement: { singleOperator: false, callOff: 'mini-competition' } })));
    expect(report.findings.map((f) => f.ruleId)).not.toContain(DIRECT);
    expect(report.holds.map((h) => h.ruleId)).not.toContain(DIRECT);
  });

  it('says why the call-off holds: a single provider (reg 18(3)), or terms that provide for it (reg 18(4))', async () => {
    const single = await checker().check(plan(callOff));
    expect(single.holds.find((h) => h.ruleId === DIRECT)?.reason).toMatch(/single provider: reg 18\(3\)/);
    const terms = await checker().check(plan(co({ frameworkAgreement: { singleOperator: false, termsAllowDirectAward: true } })));
    expect(terms.holds.find((h) => h.ruleId === DIRECT)?.reason).toMatch(/terms provide for a call-off without a competition/);
    expect(terms.verdict).toBe('compliant');
  });

  it('whether the framework has a single provider is asked only where it can change the answer: not where the terms provide for the call-off', async () => {
    const asked = async (termsAllowDirectAward: boolean) =>
      (await checker().check(plan(co({ frameworkAgreement: { singleOperator: null, termsAllowDirectAward } })))).questions.map((q) => q.planPath);
    expect(await asked(false)).toContain('frameworkAgreement.singleOperator');
    expect(await asked(true)).not.toContain('frameworkAgreement.singleOperator');
  });

  it('the call-off\'s own terms are the authority\'s act: left out, a condition (reg 18(2)); stated as a substantial modification, non-compliant', async () => {
    const open = await checker().check(plan(co({ frameworkAgreement: { callOffSubstantiallyModifiesTerms: undefined } })));
    expect(open.verdict).toBe('compliant-if');
    expect(open.conditions.map((c) => c.fact)).toEqual(['callOffSubstantiallyModifiesTerms']);
    expect(open.conditions[0]!.rules).toEqual(['psr.call-off.substantial-modification']);
    const breaks = await checker().check(plan(co({ frameworkAgreement: { callOffSubstantiallyModifiesTerms: true, callOff: 'mini-competition' } })));
    expect(breaks.findings.find((f) => f.ruleId === 'psr.call-off.substantial-modification')?.severity).toBe('non-compliant');
    expect(breaks.verdict).toBe('non-compliant');
  });
});

describe('PSR reg 6(3): direct award A is required only where the award does not conclude a framework', () => {
  const MANDATORY = 'psr.direct-award-a.mandatory';
  it.each([
    [false, true],
    [true, false],
  ])('only the existing provider can provide the services, the competitive process concludes a framework: %s; direct award A required: %s', async (framework, required) => {
    const report = await checker().check(plan({ route: { framework, frameworkTermMonths: 48 }, directAward: { onlyProviderCapable: true } }));
    expect(report.findings.map((f) => f.ruleId).includes(MANDATORY)).toBe(required);
    if (!required) {
      expect(report.holds.find((h) => h.ruleId === MANDATORY)?.reason).toMatch(/concludes a framework agreement \(reg 6\(3\)\(c\)\)/);
      expect(report.verdict).toBe('compliant');
    }
  });
});

describe('PSR call-offs: the framework\'s duration and parties (reg 16(1)(b), (4)), the notice of award (reg 18(5)-(6)) and the standstill of a call-off by competition (reg 18(7), reg 12(1))', () => {
  const competition = { frameworkAgreement: { callOff: 'mini-competition' } };
  it('a call-off without a competition has no standstill: its steps are the contract and the notice of award within 30 days, not the intention notice', async () => {
    const report = await checker().check(plan(callOff));
    expect(report.facts.standstillApplies).toBe(false);
    const steps = report.steps.map((s) => s.id);
    expect(steps).toEqual(expect.arrayContaining(['psr.enter-contract', 'psr.award-notice', 'psr.records']));
    expect(steps).not.toContain('psr.intention-to-award-notice');
    expect(steps).not.toContain('psr.standstill-end');
    expect(steps).not.toContain('psr.assess-basic-selection-criteria');
    // The contract is entered into on 1 December 2025: the notice is due by 31 December.
    expect(report.steps.find((s) => s.id === 'psr.award-notice')?.due).toBe('2025-12-31');
    expect(report.verdict).toBe('compliant');
  });

  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
  ])('a call-off without a competition entered into on 1 December 2025, the notice of award submitted for publication on %s: late: %s', async (awardNoticeSubmitted, late) => {
    expect((await fired(co({ dates: { awardNoticeSubmitted, awardNoticePublished: awardNoticeSubmitted } }))).includes('psr.notices.award-notice-late')).toBe(late);
  });

  it('a call-off by the competitive process invites every provider on the framework and has the standstill: a contract on 14 November 2025 is too early, on 15 November it is not', async () => {
    const report = await checker().check(plan(co(competition)));
    expect(report.facts.standstillApplies).toBe(true);
    const steps = report.steps.map((s) => s.id);
    expect(steps).toEqual(expect.arrayContaining(['psr.call-off-invite-offers', 'psr.intention-to-award-notice', 'psr.standstill-end', 'psr.award-notice']));
    expect(steps).not.toContain('psr.contract-notice');
    // Intention notice Monday 3 November 2025: representations until midnight at the end of Friday 14 November.
    expect((await fired(co({ ...competition, dates: { contractSigned: '2025-11-14' } })))).toContain('psr.standstill.contract-too-early');
    expect((await fired(co({ ...competition, dates: { contractSigned: '2025-11-15' } })))).not.toContain('psr.standstill.contract-too-early');
  });

  it('how the call-off is made left open: whether there is a standstill is asked, not guessed', async () => {
    const report = await checker().check(plan(co({ frameworkAgreement: { callOff: null }, dates: { contractSigned: '2025-11-14' } })));
    expect(report.facts.standstillApplies).toBeNull();
    expect(report.questions.map((q) => q.planPath)).toContain('frameworkAgreement.callOff');
    expect(report.verdict).toBe('review');
  });
});

describe('PSR reg 10(4)-(5): the most suitable provider process completes step 2 no earlier than 14 days after step 1 is submitted (issue 20.8)', () => {
  // Step 1, the notice of intention to follow the process, submitted for publication on Monday 20 October 2025: "the day
  // which is 14 days after" is Monday 3 November, the first day step 2 may be completed. The intention to award is on
  // 7 November.
  const msp = { route: { process: 'most-suitable-provider' }, directAward: { mostSuitableProviderIdentifiable: true } };
  const mspPlan = (dates: Patch) => checker().check(plan(merge(msp as Patch, { dates: { procurementStart: '2025-10-20', awardDecision: '2025-11-07', ...dates } })));
  const of = (r: Awaited<ReturnType<typeof mspPlan>>, id: string) => r.findings.find((f) => f.ruleId === id);
  const EARLY = 'psr.most-suitable-provider.step-2-too-early';
  const PROXY = 'psr.most-suitable-provider.identified-too-early';

  it.each([
    ['2025-11-02', 'non-compliant'],
    ['2025-11-03', undefined],
  ])('step 2 completed on %s: %s', async (identified, severity) => {
    const r = await mspPlan({ mspProvidersIdentified: identified });
    expect(of(r, EARLY)?.severity).toBe(severity);
    if (severity) expect(of(r, EARLY)!.reason).toContain('must not be completed before 3 November 2025');
    // The day is the plan's: the intention-based rule, which stands in for it, gives way.
    expect(of(r, PROXY)).toBeUndefined();
  });

  it('counts from the submission the plan states, not the procurement start', async () => {
    // Submitted a week after the procurement start: step 2 may be completed from 10 November.
    expect(of(await mspPlan({ mspIntentionSubmitted: '2025-10-27', mspProvidersIdentified: '2025-11-09', awardDecision: '2025-11-12' }), EARLY)?.severity).toBe('non-compliant');
    expect(of(await mspPlan({ mspIntentionSubmitted: '2025-10-27', mspProvidersIdentified: '2025-11-10', awardDecision: '2025-11-12' }), EARLY)).toBeUndefined();
  });

  it('with the day of submission not known, the procurement start is the latest it can be: on or after the 14th day holds, before it is a question, never a breach', async () => {
    const before = await mspPlan({ mspIntentionSubmitted: null, mspProvidersIdentified: '2025-11-02' });
    expect(of(before, EARLY)?.severity).toBe('review');
    expect(of(before, EARLY)!.missingFacts.map((m) => m.planPath)).toEqual(['dates.mspIntentionSubmitted']);
    expect(of(before, EARLY)!.reason).toContain('only that it was no later than 20 October 2025');
    const after = await mspPlan({ mspIntentionSubmitted: null, mspProvidersIdentified: '2025-11-03' });
    expect(of(after, EARLY)).toBeUndefined();
    expect(after.holds.find((h) => h.ruleId === EARLY)?.reason).toContain('the plan does not give the day of submission');
  });

  it('step 2 after the intention to award is out of order; on its day it is not', async () => {
    expect(of(await mspPlan({ mspProvidersIdentified: '2025-11-08' }), 'psr.most-suitable-provider.intention-before-step-2')?.severity).toBe('non-compliant');
    expect(of(await mspPlan({ mspProvidersIdentified: '2025-11-07' }), 'psr.most-suitable-provider.intention-before-step-2')).toBeUndefined();
  });

  it('left out, step 2 is the authority\'s act: a condition between the 14th day and the intention to award', async () => {
    const r = await mspPlan({});
    const c = r.conditions.find((x) => x.id === 'mspProvidersIdentified')!;
    expect(c.earliest?.date).toBe('2025-11-03');
    expect(c.latest?.date).toBe('2025-11-07');
    expect(c.instruction).toMatch(/^Complete step 2 of the most suitable provider process \(identifying the potential providers\) on or after 3 November 2025 \(not before the day 14 days after the notice of intention to follow the process is submitted for publication, 20 October 2025: PSR regulation 10\(5\)\) and by 7 November 2025/);
    expect(r.findings.map((f) => f.ruleId)).not.toContain(EARLY);
  });

  it('an intention to award before the 14th day: the step 2 rules cannot both hold, and the intention rule says so, as before', async () => {
    const r = await mspPlan({ awardDecision: '2025-11-02' });
    expect(of(r, PROXY)?.severity).toBe('non-compliant');
    expect(r.conditions.find((x) => x.id === 'mspProvidersIdentified')?.conflict).toBeDefined();
    expect(r.verdict).toBe('non-compliant');
  });

  it('the intention rule, with the day of submission not known: a question, not a breach', async () => {
    const r = await mspPlan({ mspIntentionSubmitted: null, awardDecision: '2025-11-02' });
    expect(of(r, PROXY)?.severity).toBe('review');
    expect(of(r, PROXY)!.missingFacts.map((m) => m.planPath)).toEqual(['dates.mspIntentionSubmitted']);
  });
});
