// Answers merged into a plan at the questions' plan paths (src/plan/answers.ts),
// as the command line's --ask, the API and the web page merge them.
import { describe, expect, it } from 'vitest';
import { applyAnswers } from '../../src/plan/answers.js';
import { PlanValidationError, parsePlan } from '../../src/plan/parse.js';
import { plan } from '../support/plans.js';

/** The issues applyAnswers throws, or [] when it does not. */
function issues(p: unknown, answers: { planPath: string; value: unknown }[]) {
  try {
    applyAnswers(p, answers);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(PlanValidationError);
    return (e as PlanValidationError).issues;
  }
}

describe('applyAnswers', () => {
  it('sets a value at a dotted path, creating the objects above it, and leaves the plan given unchanged', () => {
    const base = plan({ staff: undefined });
    const out = applyAnswers(base, [
      { planPath: 'staff.proposedRedundancies', value: 3 },
      { planPath: 'incumbent.contractEnd', value: '2026-06-30' },
    ]) as ReturnType<typeof plan>;
    expect(out.staff).toEqual({ proposedRedundancies: 3 });
    expect(out.incumbent!.contractEnd).toBe('2026-06-30');
    expect(base.staff).toBeUndefined();
    expect(base.incumbent!.contractEnd).toBe('2026-03-31');
    expect(() => parsePlan(out)).not.toThrow();
  });

  it('[] sets the field in every entry; [n] and .n in one', () => {
    const base = plan({ services: [{ description: 'a', cpv: ['85312500'] }, { description: 'b', cpv: ['85312500'], healthCare: false }] });
    const every = applyAnswers(base, [{ planPath: 'services[].healthCare', value: true }]) as ReturnType<typeof plan>;
    expect(every.services.map((s) => s.healthCare)).toEqual([true, true]);
    const one = applyAnswers(base, [{ planPath: 'services[0].healthCare', value: true }]) as ReturnType<typeof plan>;
    expect(one.services.map((s) => s.healthCare)).toEqual([true, false]);
    const dotted = applyAnswers(base, [{ planPath: 'services.1.cpv', value: ['85100000'] }]) as ReturnType<typeof plan>;
    expect(dotted.services[1]!.cpv).toEqual(['85100000']);
    expect(issues(base, [{ planPath: 'services[2].healthCare', value: true }])[0]!.message).toMatch(/no entry 2/);
    expect(issues(plan({ lots: undefined }), [{ planPath: 'term.extensions[].months', value: 12 }])).toEqual([]);
  });

  it('lots[] sets the field in every lot that states its own copy of its group and leaves it unknown, as the report asks it', () => {
    const lot = (id: string, own?: object) => ({ id, title: id, ...(own ? { value: own } : {}) });
    const base = plan({ lots: [lot('a', { annual: null, vatIncluded: false }), lot('b'), lot('c', { annual: 5, vatIncluded: false }), lot('d', { vatIncluded: false })] });
    const out = applyAnswers(base, [{ planPath: 'lots[].value.annual', value: 200_000 }]) as { lots: { value?: { annual: number } }[]; value: { annual: number } };
    // Lot b shares the plan's value; lot c states its own, which is not answered over.
    expect(out.lots.map((l) => l.value?.annual)).toEqual([200_000, undefined, 5, 200_000]);
    expect(out.value.annual).toBe(1_000_000);
    expect(issues(plan({ lots: [lot('a'), lot('b')] }), [{ planPath: 'lots[].value.annual', value: 1 }])[0]).toEqual({
      path: 'lots[].value.annual',
      message: expect.stringMatching(/no lot states its own value.*answer value\.annual/),
    });
    expect(issues(plan({ lots: [lot('a', { annual: 1, vatIncluded: false }), lot('b')] }), [{ planPath: 'lots[].value.annual', value: 2 }])[0]!.message).toMatch(
      /every lot that states its own value states value\.annual too: answer one lot's as lots\[<n>\]\.value\.annual/,
    );
    // One lot by its number: set whatever it stated.
    const one = applyAnswers(base, [{ planPath: 'lots[2].value.annual', value: 7 }]) as { lots: { value?: { annual: number } }[] };
    expect(one.lots[2]!.value!.annual).toBe(7);
    expect(issues(base, [{ planPath: 'lots[].colour', value: 1 }])[0]!.message).toMatch(/lots has no field "colour"/);
  });

  it('answers the shipped lots case\'s question of the lot whose value is unknown, leaving the other lot\'s value as it was', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { checker } = await import('../support/checker.js');
    const lots = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cases', 'example-pcr2015-2023-lots-small-lot.json'), 'utf8'));
    lots.lots[2].value.annual = null;
    const report = await checker().check(lots, { untrusted: true });
    expect(report.questions.map((q) => [q.planPath, q.lot])).toEqual([['lots[].value.annual', 'peer-mentoring']]);
    const answered = applyAnswers(lots, [{ planPath: 'lots[].value.annual', value: 11_000 }]) as typeof lots;
    expect(answered.lots.map((l: { value?: { annual: number } }) => l.value?.annual)).toEqual([undefined, 80_000, 11_000]);
    expect((await checker().check(answered, { untrusted: true })).questions).toEqual([]);
  });

  it('null is "not known": null where the field allows it, left out where it may be, refused where the plan must state it', () => {
    const base = plan({ staff: { transferDate: '2026-04-01', assignedToService: true } });
    const out = applyAnswers(base, [
      { planPath: 'staff.assignedToService', value: null },
      { planPath: 'staff.transferDate', value: null },
    ]) as { staff: Record<string, unknown> };
    expect(out.staff.assignedToService).toBeNull();
    expect('transferDate' in out.staff).toBe(false);
    expect(() => parsePlan(out)).not.toThrow();
    expect(issues(base, [{ planPath: 'value.vatIncluded', value: null }])).toEqual([{ path: 'value.vatIncluded', message: expect.stringMatching(/must state this field/) }]);
  });

  it('checks each value against the field: type, enum, date, bounds; each bad answer named by its plan path', () => {
    const found = issues(plan(), [
      { planPath: 'staff.proposedRedundancies', value: 2.5 },
      { planPath: 'incumbent.contractEnd', value: '2026-02-30' },
      { planPath: 'dates.contractSigned', value: '1 April 2026' },
      { planPath: 'route.process', value: 'auction' },
      { planPath: 'value.annual', value: -1 },
      { planPath: 'services[].healthCare', value: 'yes' },
      { planPath: 'staff.pensionSchemes', value: ['lgps', 'gold'] },
      { planPath: 'term.initialMonths', value: 60 },
    ]);
    expect(found).toEqual([
      { path: 'staff.proposedRedundancies', message: 'the answer must be a whole number from 0 to 1000000, or null for not known' },
      { path: 'incumbent.contractEnd', message: 'the answer is not a real calendar date' },
      { path: 'dates.contractSigned', message: 'the answer must be a date written YYYY-MM-DD, or null for not known' },
      { path: 'route.process', message: expect.stringMatching(/^the answer must be one of "direct-award-a", /) },
      { path: 'value.annual', message: 'the answer must be a number from 0 to 1000000000000, or null for not known' },
      { path: 'services[].healthCare', message: 'the answer must be true or false, or null for not known' },
      { path: 'staff.pensionSchemes', message: expect.stringMatching(/^the answer entry 1 must be one of "lgps"/) },
    ]);
  });

  it('refuses a path the plan format has no field at, naming the field', () => {
    expect(issues(plan(), [{ planPath: 'value.anual', value: 1 }])).toEqual([
      { path: 'value.anual', message: 'is not a field of the plan: value has no field "anual" (its fields: annual, vatIncluded, possibleAnnual, lifetime)' },
    ]);
    for (const planPath of ['value.annual.x', 'services[]', 'value[].annual', '__proto__.polluted', 'constructor.prototype', '', 'a..b'])
      expect(issues(plan(), [{ planPath, value: 1 }]).map((i) => i.path), planPath).toEqual([planPath]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a question that reads two fields ("a and b") at its first, as its answer schema does', () => {
    const out = applyAnswers(plan(), [{ planPath: 'incumbent.originalLifetimeValue and value.annual', value: 4_000_000 }]) as ReturnType<typeof plan>;
    expect(out.incumbent!.originalLifetimeValue).toBe(4_000_000);
    expect(out.value.annual).toBe(1_000_000);
  });

  it('refuses answers that are not {planPath, value}, a plan that is not an object, and a value nested past any plan', () => {
    expect(issues(plan(), [{ value: 1 } as never, { planPath: 'value.annual' } as never]).map((i) => i.path)).toEqual(['answers.0', 'value.annual']);
    expect(issues([], [])).toEqual([{ path: '', message: 'the plan must be a JSON object' }]);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(issues(plan(), [{ planPath: 'staff.pensionSchemes', value: deep }])[0]!.message).toMatch(/nested more than/);
  });
});
