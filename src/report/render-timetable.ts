// The timetable as a table: one row per date, in date order, for the text
// and Markdown reports and for `procheck plan`; and as a timeline picture
// for the HTML report and the web page.
import type { ProposedTimetable, TimetableRowT } from './schema.js';
import { formatValue } from './format.js';
import { html, type Html } from './html.js';

export const KIND_WORDS: Record<TimetableRowT['kind'], string> = { deadline: 'by', earliest: 'not before', latest: 'latest' };

/** Whether the plan meets the date, in words. */
export function metText(row: TimetableRowT): string {
  if (row.met === null) return row.planned ? `? (plan: by ${formatValue(row.planned, 'date')})` : '';
  return row.met ? 'yes' : `NO (plan: ${formatValue(row.planned, 'date')})`;
}

const dateText = (d: string) => formatValue(d, 'date');

/** A fixed-width table for a terminal. */
export function timetableText(rows: TimetableRowT[]): string[] {
  const cols = rows.map((r) => [dateText(r.date), KIND_WORDS[r.kind], metText(r), `${r.what} (${r.stepId})`]);
  const head = ['date', 'when', 'plan meets it', 'step'];
  const widths = head.map((h, i) => Math.max(h.length, ...cols.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...cols.map(line)].map((l) => `  ${l}`);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function timetableMarkdown(rows: TimetableRowT[]): string[] {
  return [
    '| Date | When | Plan meets it | Step | Id |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${dateText(r.date)} | ${KIND_WORDS[r.kind]} | ${cell(metText(r))} | ${cell(r.what)} | \`${r.stepId}\` |`),
  ];
}

export type PlanFormat = 'text' | 'markdown' | 'json';
export const PLAN_FORMATS: readonly PlanFormat[] = ['text', 'markdown', 'json'];

/** What `procheck plan` prints. */
export function renderProposedTimetable(t: ProposedTimetable, format: PlanFormat): string {
  if (format === 'json') return JSON.stringify(t, null, 2) + '\n';
  const heading = `Proposed timetable: service start ${dateText(t.contractStart)}, ${t.regime}${t.process ? ` (${t.process})` : ''}`;
  if (format === 'markdown')
    return [`# ${heading}`, '', ...t.assumptions.map((a) => `- ${a}`), '', ...timetableMarkdown(t.timetable), '', `procheck ${t.procheck}, rule set ${t.ruleSetVersion}`].join('\n') + '\n';
  return [`procheck ${t.procheck} | rule set ${t.ruleSetVersion}`, heading, ...t.assumptions.map((a) => `  - ${a}`), '', ...timetableText(t.timetable)].join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// The timeline picture: the plan's dates and the legal dates on one time
// axis, for the eye; the timetable table beside it says the same in words
// and is the picture's text alternative. Each date has its own lane, so no
// label is drawn over another, and a label too long for the room beside
// its dot is wrapped between words, never cut.

/** The plan's own dates the picture shows besides the timetable's. */
export interface TimelinePlanDates {
  procurementStart?: string;
  /** The existing contract's end, when there is one. */
  incumbentEnd?: string;
  contractSigned?: string;
  serviceStart?: string;
}

const isoOrUndefined = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const partOf = (v: unknown, key: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined);

/** The dates the picture needs from a plan (a report's input, or the plan checked), whatever else it holds. */
export function timelinePlanDates(plan: unknown): TimelinePlanDates {
  const dates = partOf(plan, 'dates');
  return {
    procurementStart: isoOrUndefined(partOf(dates, 'procurementStart')),
    incumbentEnd: isoOrUndefined(partOf(partOf(plan, 'incumbent'), 'contractEnd')),
    contractSigned: isoOrUndefined(partOf(dates, 'contractSigned')),
    serviceStart: isoOrUndefined(partOf(dates, 'contractStart')),
  };
}

/** One lane of the picture: a date (or a span of dates) and what happens then. */
export interface TimelineEvent {
  from: string;
  /** The end of a span (the mobilisation window). */
  to?: string;
  text: string;
  mark: 'legal' | 'missed' | 'plan' | 'span';
}

/** The step whose date is the latest day to enter into the contract, kept for the mobilisation window when the plan gives no contract date. */
const CONTRACT_SIGNATURE_STEP = 'timetable.contract-signature';

/** What the picture shows: the plan's own dates, each timetable row, and the mobilisation window, in date order. */
export function timelineEvents(rows: readonly TimetableRowT[], plan: TimelinePlanDates): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (plan.procurementStart) events.push({ from: plan.procurementStart, text: `${dateText(plan.procurementStart)}: the procurement starts (the plan's date)`, mark: 'plan' });
  if (plan.incumbentEnd) events.push({ from: plan.incumbentEnd, text: `${dateText(plan.incumbentEnd)}: the existing contract ends`, mark: 'plan' });
  for (const r of rows)
    events.push({
      from: r.date,
      text: `${dateText(r.date)} (${KIND_WORDS[r.kind]}): ${r.what}${r.met === false ? `. Missed: the plan says ${formatValue(r.planned, 'date')}` : ''}`,
      mark: r.met === false ? 'missed' : 'legal',
    });
  const signed = plan.contractSigned ?? rows.find((r) => r.stepId === CONTRACT_SIGNATURE_STEP)?.date;
  if (signed && plan.serviceStart && signed <= plan.serviceStart)
    events.push({
      from: signed,
      to: plan.serviceStart,
      text: `Mobilisation: from entering into the contract (${plan.contractSigned ? dateText(signed) : `latest ${dateText(signed)}`}) to the service start (${dateText(plan.serviceStart)})`,
      mark: 'span',
    });
  // Stable: lanes in date order, a span after the single dates of its first day.
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.from.localeCompare(b.e.from) || Number(a.e.mark === 'span') - Number(b.e.mark === 'span') || a.i - b.i).map(({ e }) => e);
}

/**
 * Arial's advance widths, in ems, near enough to wrap text before drawing it
 * (the picture is drawn in Arial, which every browser has): narrow letters,
 * capitals and the rest. Erring wide keeps a line inside its room.
 */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const c of text) {
    if (/[ijlftI.,;:'!|()[\] ]/.test(c)) ems += 0.3;
    else if (/[mwMW]/.test(c)) ems += 0.86;
    else if (/[A-Z]/.test(c)) ems += 0.7;
    else ems += 0.57;
  }
  return ems * size;
}

/** Words into lines no wider than `width`; a word longer than a line stands on its own line rather than being cut. */
export function wrapWords(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The picture's measures, in the SVG's own units (CSS pixels at its natural width): one for a page as wide as a desktop's column, one for a phone's. */
export interface TimelineSize {
  width: number;
  margin: number;
  axisY: number;
  fontSize: number;
  lineHeight: number;
  lanePad: number;
  tickFontSize: number;
  /** The least room a span's label is given. */
  spanRoom: number;
}
export const TIMELINE_WIDE: TimelineSize = { width: 640, margin: 16, axisY: 34, fontSize: 14, lineHeight: 17, lanePad: 10, tickFontSize: 12, spanRoom: 260 };
export const TIMELINE_NARROW: TimelineSize = { width: 340, margin: 6, axisY: 30, fontSize: 13, lineHeight: 16, lanePad: 8, tickFontSize: 11, spanRoom: 220 };

export interface TimelineLane {
  event: TimelineEvent;
  top: number;
  /** The dot's x, or the span's start and end. */
  x: number;
  x2?: number;
  /** Where the label's lines start, and which way they run from there. */
  textX: number;
  anchor: 'start' | 'end';
  /** The room the label was wrapped to. */
  room: number;
  lines: string[];
  height: number;
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Each event's lane: its dot on the time axis and its label wrapped beside it, on whichever side has the more room. */
export function timelineLayout(events: readonly TimelineEvent[], size: TimelineSize): { lanes: TimelineLane[]; height: number; x: (iso: string) => number; first: string; last: string } {
  const { width, margin, axisY, fontSize, lineHeight, lanePad, spanRoom } = size;
  const days = events.flatMap((e) => [e.from, e.to ?? e.from]).sort();
  const [first, last] = [days[0]!, days.at(-1)!];
  const left = margin + 8;
  const right = width - margin - 8;
  const x = (iso: string) => left + ((dayOf(iso) - dayOf(first)) / Math.max(1, dayOf(last) - dayOf(first))) * (right - left);
  let top = axisY + 16;
  const lanes = events.map((event) => {
    const x1 = x(event.from);
    const x2 = event.to ? x(event.to) : undefined;
    const after = (x2 ?? x1) + 12;
    const roomRight = width - margin - after;
    const roomLeft = x1 - 12 - margin;
    // A span's label sits under it, from its start (or further left, to have room); a date's beside its dot.
    const spanX = Math.max(margin, Math.min(x1, width - margin - spanRoom));
    const [textX, anchor, room]: [number, 'start' | 'end', number] = event.to
      ? [spanX, 'start', width - margin - spanX]
      : roomRight >= roomLeft
        ? [after, 'start', roomRight]
        : [x1 - 12, 'end', roomLeft];
    const lines = wrapWords(event.text, room, fontSize);
    const height = (event.to ? lineHeight + 4 : 0) + lines.length * lineHeight + lanePad;
    const lane = { event, top, x: x1, ...(x2 !== undefined ? { x2 } : {}), textX, anchor, room, lines, height };
    top += height;
    return lane;
  });
  return { lanes, height: top + 8, x, first, last };
}

/** Ticks on the axis: the first of every month, quarter, half-year or year, as many as fit with their labels apart. */
function axisTicks(first: string, last: string, x: (iso: string) => number, size: TimelineSize): { iso: string; label: string }[] {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const span = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
  const fit = Math.max(1, Math.floor((size.width - 2 * size.margin) / 72));
  const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => span / s <= fit) ?? 120;
  const ticks: { iso: string; label: string }[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  // Start at the first month of a step (January for yearly ticks), after the first date.
  m += 1;
  while ((m - 1) % Math.min(step, 12) !== 0) m += 1;
  for (; ; m += step) {
    y += Math.floor((m - 1) / 12);
    m = ((m - 1) % 12) + 1;
    const iso = `${y}-${String(m).padStart(2, '0')}-01`;
    if (iso > last) break;
    ticks.push({ iso, label: step >= 12 ? String(y) : `${months[m - 1]} ${y}` });
  }
  // A label centred on its tick keeps clear of the picture's edges.
  return ticks.filter((t) => x(t.iso) >= size.margin + 28 && x(t.iso) <= size.width - size.margin - 28);
}

const COLOURS = { legal: '#1d70b8', missed: '#d4351c', plan: '#0b0c0c', span: '#1d70b8' } as const;

/** One drawing of the picture, at one size. */
function timelineSvg(events: readonly TimelineEvent[], size: TimelineSize, p: { id: string; title: string; className: string; hidden: boolean }): Html {
  const { lanes, height, x, first, last } = timelineLayout(events, size);
  const { width, margin, axisY, fontSize, lineHeight, tickFontSize } = size;
  const f = (n: number) => n.toFixed(1);
  const dotY = (l: TimelineLane) => l.top + 8;
  // Guides from the axis to each date are drawn first, under every mark and label; each label has a white edge so a guide behind it never hides a letter.
  const guide = (l: TimelineLane): Html => html`<line x1="${f(l.x)}" y1="${axisY}" x2="${f(l.x)}" y2="${f(dotY(l))}" stroke="#b1b4b6" stroke-dasharray="2 3"/>`;
  const lane = (l: TimelineLane): Html => {
    const y = dotY(l);
    const textTop = l.event.to ? y + lineHeight + 2 : y + 5;
    const mark =
      l.event.mark === 'span'
        ? html`<rect x="${f(l.x)}" y="${f(y - 7)}" width="${f(Math.max(2, l.x2! - l.x))}" height="14" fill="${COLOURS.span}" fill-opacity="0.25" stroke="${COLOURS.span}"/>`
        : l.event.mark === 'plan'
          ? html`<rect x="${f(l.x - 6)}" y="${f(y - 6)}" width="12" height="12" fill="${COLOURS.plan}" transform="rotate(45 ${f(l.x)} ${f(y)})"/>`
          : html`<circle cx="${f(l.x)}" cy="${f(y)}" r="6" fill="${COLOURS[l.event.mark]}"/>`;
    return html`<g class="procheck-timeline__lane">${mark}<text x="${f(l.textX)}" y="${f(textTop)}" text-anchor="${l.anchor}" font-size="${fontSize}" fill="${l.event.mark === 'missed' ? '#aa2a16' : '#0b0c0c'}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${l.lines.map((line, i) => html`<tspan x="${f(l.textX)}" dy="${i === 0 ? 0 : lineHeight}">${line}</tspan>`)}</text></g>`;
  };
  // The phone's drawing is hidden by its display attribute, which any style sheet overrides: a page without the web page's styles (the printable report) shows the desktop's drawing alone.
  return html`<svg class="${p.className}" role="img" aria-labelledby="${p.id}" viewBox="0 0 ${width} ${Math.ceil(height)}" width="${width}" height="${Math.ceil(height)}" font-family="arial, sans-serif"${p.hidden ? html` display="none"` : ''} xmlns="http://www.w3.org/2000/svg">
<title id="${p.id}">${p.title}</title>
<line x1="${margin}" y1="${axisY}" x2="${width - margin}" y2="${axisY}" stroke="#0b0c0c" stroke-width="2"/>
${axisTicks(first, last, x, size).map((t) => html`<line x1="${f(x(t.iso))}" y1="${axisY - 5}" x2="${f(x(t.iso))}" y2="${axisY + 5}" stroke="#0b0c0c"/><text x="${f(x(t.iso))}" y="${axisY - 10}" text-anchor="middle" font-size="${tickFontSize}" fill="#505a5f">${t.label}</text>`)}
${lanes.map(guide)}
${lanes.map(lane)}
</svg>`;
}

/** What each kind of mark means, for the marks the picture has. */
function legend(events: readonly TimelineEvent[]): string {
  const has = (mark: TimelineEvent['mark']) => events.some((e) => e.mark === mark);
  const parts = [
    has('legal') ? "blue circles: the steps' dates" : '',
    has('missed') ? 'red circles: dates the plan misses (each says so in words)' : '',
    has('plan') ? "black diamonds: the plan's own dates" : '',
    has('span') ? 'the band: mobilisation' : '',
  ].filter(Boolean);
  return `${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/**
 * The timeline as a figure: the picture drawn for a desktop and for a
 * phone (the web page's style sheet shows the one that fits; each has the
 * same title), and a caption pointing to the table that says it in words.
 */
export function timelineFigure(rows: readonly TimetableRowT[], plan: TimelinePlanDates = {}): Html {
  const events = timelineEvents(rows, plan);
  const days = events.flatMap((e) => [e.from, e.to ?? e.from]).sort();
  if (new Set(days).size < 2) return html``;
  const missed = rows.filter((r) => r.met === false).length;
  const title = `Timeline from ${dateText(days[0]!)} to ${dateText(days.at(-1)!)}: ${rows.length} date${rows.length === 1 ? '' : 's'} from the timetable${missed ? `, ${missed} of them missed by the plan` : ''}${plan.procurementStart ? ', the procurement start' : ''}${plan.incumbentEnd ? ', the end of the existing contract' : ''}${events.some((e) => e.to) ? ' and the mobilisation window' : ''}.`;
  return html`<figure class="procheck-timeline">
${timelineSvg(events, TIMELINE_WIDE, { id: 'timeline-title', title, className: 'procheck-timeline__wide', hidden: false })}
${timelineSvg(events, TIMELINE_NARROW, { id: 'timeline-title-narrow', title, className: 'procheck-timeline__narrow', hidden: true })}
<figcaption class="govuk-body-s">${title} ${legend(events)} The timetable below gives every date in words.</figcaption>
</figure>`;
}
