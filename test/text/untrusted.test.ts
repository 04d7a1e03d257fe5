// The one way text is read from JSON nobody vouched for: a value's type is
// looked at before it is turned into text, so {"toString": 1} is shown as
// what it is, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownAs, textOf } from '../../src/text/untrusted.js';
import { hostileJson } from '../support/fuzz.js';

describe('text from untrusted JSON', () => {
  it('textOf reads a string, a finite number or a boolean, and nothing else', () => {
    expect(textOf('Adult treatment')).toBe('Adult treatment');
    expect(textOf(14357)).toBe('14357');
    expect(textOf(false)).toBe('false');
    for (const v of [null, undefined, {}, [], { toString: 1 }, Number.NaN, Number.POSITIVE_INFINITY]) expect(textOf(v)).toBeNull();
  });

  it('shownAs shows any value as it was sent: an object as its JSON', () => {
    expect(() => String({ toString: 1 })).toThrow(TypeError);
    expect(shownAs({ toString: 1 })).toBe('{"toString":1}');
    expect(shownAs([{ toString: 1 }, 2])).toBe('[{"toString":1},2]');
    expect(shownAs(null)).toBe('null');
    expect(shownAs(undefined)).toBe('');
    expect(shownAs('GBP')).toBe('GBP');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(shownAs(cycle)).toBe('an object');
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, fc.anything()), (v) => {
        expect(typeof shownAs(v)).toBe('string');
        const t = textOf(v);
        expect(t === null || typeof t === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
