import { describe, expect, it } from 'vitest';
import { createProgress, progressBar } from '../../src/batch/progress.js';

describe('progress bar', () => {
  it('draws the share done', () => {
    expect(progressBar(12, 40, 10)).toBe('[###.......] 12/40 plans');
    expect(progressBar(40, 40, 10)).toBe('[##########] 40/40 plans');
    expect(progressBar(0, 0, 4)).toBe('[####] 0/0 plans');
  });

  it('on a terminal redraws in place and clears itself at the end', () => {
    let written = '';
    const p = createProgress({ write: (t) => (written += t), isTTY: true, width: 4, intervalMs: 0 });
    p.update(0, 2);
    p.update(1, 2);
    p.update(2, 2);
    p.clear();
    expect(written).toBe('\r[....] 0/2 plans\r[##..] 1/2 plans\r[####] 2/2 plans\r' + ' '.repeat(16) + '\r');
  });

  it('redraws at most once an interval between the first and the last', () => {
    let t = 0;
    const frames: string[] = [];
    const p = createProgress({ write: (s) => frames.push(s), isTTY: true, intervalMs: 100, now: () => t });
    for (let done = 0; done <= 10; done++) {
      t += 30;
      p.update(done, 10);
    }
    expect(frames[0]).toContain(' 0/10 ');
    expect(frames.at(-1)).toContain(' 10/10 ');
    expect(frames.length).toBeLessThan(6);
  });

  it('writes nothing when not on a terminal', () => {
    let written = '';
    const p = createProgress({ write: (t) => (written += t), isTTY: false });
    p.update(0, 3);
    p.update(3, 3);
    p.clear();
    expect(written).toBe('');
  });
});
