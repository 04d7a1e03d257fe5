// The timeline picture: every date on its own lane, labels wrapped between
// words and kept inside the picture, the procurement start, the existing
// contract's end and the mobilisation window shown, a drawing for a desktop
// and one for a phone, each with its title. (test/e2e/web-routes.e2e.ts
// measures the drawn text in Chromium.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/engine/checker.js';
import {
  TIMELINE_NARROW,
  TIMELINE_WIDE,
  textWidth,
  timelineEvents,
  timelineFigure,
  timelineLayout,
  timelinePlanDates,
  wrapWords,
} from '../src/report/render-timetable.js';

const root = join(import.meta.dirname, '..');
const checker = createChecker();
const caseNames = readdirSync(join(root, 'cases')).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'));
const readCase = (n: string) => JSON.parse(readFileSync(join(root, 'cases', n), 'utf8')) as Record<string, unknown>;
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the timeline picture', () => {
  it('wraps a label between words, never inside one', () => {
    const text = 'Begin the longer collective consultation for proposed redundancies at the higher threshold (TULRCA s.188(1A)(a)), for dismissals to take effect from the transfer';
    for (const width of [60, 150, 260, 600]) {
      const lines = wrapWords(text, width, 14);
      expect(lines.join(' ')).toBe(text);
      for (const line of lines) if (line.includes(' ')) expect(textWidth(line, 14), line).toBeLessThanOrEqual(width);
    }
    // A word longer than the room stands whole on its own line.
    expect(wrapWords('a supercalifragilisticexpialidocious word', 40, 14)).toEqual(['a', 'supercalifragilisticexpialidocious', 'word']);
  });

  it.each(caseNames)('%s: each date on its own lane, each label inside the picture, at both sizes', async (name) => {
    const plan = readCase(name);
    const report = await checker.check(plan, { untrusted: true });
    const events = timelineEvents(report.timetable, timelinePlanDates(plan));
    if (new Set(events.map((e) => e.from)).size < 2) return;
    for (const size of [TIMELINE_WIDE, TIMELINE_NARROW]) {
      const { lanes } = timelineLayout(events, size);
      lanes.forEach((lane, i) => {
        if (i > 0) expect(lane.top, `${name} lane ${i}`).toBeGreaterThanOrEqual(lanes[i - 1]!.top + lanes[i - 1]!.height);
        expect(lane.lines.join(' '), 'no word dropped or cut').toBe(lane.event.text.split(/\s+/).join(' '));
        const widest = Math.max(...lane.lines.map((l) => textWidth(l, size.fontSize)));
        // Beside its dot, within the picture's margins (a word too long for any line aside).
        if (lane.lines.every((l) => l.includes(' ') || textWidth(l, size.fontSize) <= lane.room)) {
          if (lane.anchor === 'start') expect(lane.textX + widest, lane.event.text).toBeLessThanOrEqual(size.width - size.margin + 0.01);
          else expect(lane.textX - widest, lane.event.text).toBeGreaterThanOrEqual(size.margin - 0.01);
        }
      });
    }
  });

  it('shows the procurement start, the existing contract\'s end and the mobilisation window, with a title, for a desktop and a phone', async () => {
    const plan = readCase('coventry-2024-competitive.json');
    const report = await checker.check(plan, { untrusted: true });
    const figure = decode(timelineFigure(report.timetable, timelinePlanDates(plan)).value);
    const svgs = [...figure.matchAll(/<svg class="(procheck-timeline__\w+)" role="img" aria-labelledby="([\w-]+)"[^>]*>\s*<title id="([\w-]+)">([^<]+)<\/title>/g)];
    expect(svgs.map((m) => m[1])).toEqual(['procheck-timeline__wide', 'procheck-timeline__narrow']);
    for (const m of svgs) expect(m[2]).toBe(m[3]);
    expect(new Set(svgs.map((m) => m[2])).size).toBe(2);
    expect(svgs[0]![4]).toBe(
      'Timeline from 16 April 2024 to 1 April 2025: 14 dates from the timetable, 1 of them missed by the plan, the procurement start, the end of the existing contract and the mobilisation window.',
    );
    // The phone's drawing is hidden unless a style sheet shows it, so the printable page shows one.
    expect(figure).toMatch(/<svg class="procheck-timeline__narrow"[^>]* display="none"/);
    expect(figure).not.toMatch(/<svg class="procheck-timeline__wide"[^>]* display="none"/);
    const words = (svg: string) => [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
    for (const svg of figure.split('</svg>').slice(0, 2)) {
      expect(words(svg)).toContain('1 May 2024: the procurement starts');
      expect(words(svg)).toContain('31 March 2025: the existing contract ends');
      expect(words(svg)).toContain('Mobilisation: from entering into the contract (latest 1 November 2024) to the service start (1 April 2025)');
      expect(words(svg)).toContain('Missed: the plan says 4 November 2024');
    }
    expect(figure).toContain('The timetable below gives every date in words.');
  });

  it('draws the mobilisation window from the plan\'s own contract date when it has one, and no existing contract when there is none', async () => {
    const plan = { ...readCase('coventry-2024-competitive.json'), dates: { ...(readCase('coventry-2024-competitive.json').dates as object), contractSigned: '2024-11-20' } } as Record<string, unknown>;
    delete plan.incumbent;
    const report = await checker.check(plan, { untrusted: true });
    const events = timelineEvents(report.timetable, timelinePlanDates(plan));
    expect(events.find((e) => e.mark === 'span')).toMatchObject({ from: '2024-11-20', to: '2025-04-01' });
    expect(events.some((e) => e.text.includes('existing contract ends'))).toBe(false);
  });

  it('draws nothing for fewer than two dates', () => {
    expect(timelineFigure([], {}).value).toBe('');
    expect(timelineFigure([], { procurementStart: '2025-01-01' }).value).toBe('');
  });
});
