// A year of notices audited as a stream: a file of OCDS releases a line each
// (NDJSON, the shape of a Find a Tender bulk download) read twice and never
// whole. The first pass notes, for each line, its place in the file and the
// procurements (ocids) it holds; the second reads each procurement's lines
// back, merges its releases, audits it, and hands the result on before the
// next: the notices are written as they are audited, and only the summary's
// counts are kept. Memory stays with one procurement's releases and the index.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Checker } from '../engine/checker.js';
import { PROCHECK_VERSION } from '../version.js';
import { auditProcurement, cutsOf, type AuditOptions } from './audit.js';
import { mergeByOcid } from './merge.js';
import { readOcds, type OcdsFile } from './read-ocds.js';
import { parseJsonPrefix } from './json-prefix.js';
import type { NoticeReport, NoticeSummary } from './schema.js';
import { SummaryCounter } from './summary.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The ocids a parsed line holds: a release's, a package's releases', a record's or a record package's records'. */
function ocidsOf(doc: unknown): string[] {
  if (!isObject(doc)) return [];
  const out: string[] = [];
  if (typeof doc.ocid === 'string') out.push(doc.ocid);
  for (const key of ['releases', 'records'] as const) {
    const list = doc[key];
    if (Array.isArray(list)) for (const r of list) if (isObject(r) && typeof r.ocid === 'string') out.push(r.ocid);
  }
  return out;
}

/** A line of the file: where it starts and ends, in bytes. */
interface Line {
  start: number;
  end: number;
  /** Its line number, for what is said of it. */
  number: number;
}

const CHUNK = 1 << 20;

/** The longest line read: a page of a hundred releases, or a record with its history, is a few megabytes. */
export const MAX_NOTICE_LINE_BYTES = 64 * 1_048_576;

/** Every line of a file, with where it is, read a chunk at a time; a line past the limit is not kept (text null). */
function* linesOf(path: string, limit = MAX_NOTICE_LINE_BYTES): Generator<{ text: string | null; at: Line }> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    // The line read so far, in pieces joined once at its end: joining them at every chunk was quadratic in a long
    // line (a line of 96 MB took 10 s, one of 250 MB over a minute).
    let parts: Buffer[] = [];
    let size = 0;
    let start = 0; // the byte offset of the line being read
    let offset = 0; // the byte offset of buf[0]
    let number = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n <= 0) break;
      const data = buf.subarray(0, n);
      let from = 0;
      for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, from)) {
        const whole = size + i - from <= limit;
        if (whole) parts.push(data.subarray(from, i));
        number++;
        yield { text: whole ? Buffer.concat(parts).toString('utf8') : null, at: { start, end: offset + i, number } };
        parts = [];
        size = 0;
        from = i + 1;
        start = offset + from;
      }
      // The rest of the chunk begins the next line: kept as a copy, since the chunk's buffer is read into again; past
      // the limit, only counted.
      if (from < n) {
        size += n - from;
        if (size <= limit) parts.push(Buffer.from(data.subarray(from)));
        else parts = [];
      }
      offset += n;
    }
    if (size > 0) {
      number++;
      yield { text: size <= limit ? Buffer.concat(parts).toString('utf8') : null, at: { start, end: offset, number } };
    }
  } finally {
    closeSync(fd);
  }
}

export interface StreamedAudit {
  procheck: string;
  ruleSetVersion: string;
  file: string;
  summary: NoticeSummary;
}

/**
 * Audits every procurement in an NDJSON file of releases, in the order each first appears, handing each notice to
 * `onNotice` as it is done; the notices are not kept. The summary (by verdict, by authority, by kind of defect, and
 * the lines not read) comes back at the end.
 */
export async function auditNdjsonFile(
  path: string,
  checker: Checker,
  onNotice: (n: NoticeReport) => void | Promise<void>,
  options: AuditOptions & { onProgress?: (done: number, total: number) => void } = {},
): Promise<StreamedAudit> {
  // First pass: each procurement's lines, in the order it first appears; a line that is not JSON is read as OCDS here
  // (a line cut short still holds the releases read whole), so what cannot be read is named now.
  const lines: Line[] = [];
  const byOcid = new Map<string, number[]>();
  const unread: OcdsFile['unread'] = [];
  for (const { text, at } of linesOf(path)) {
    const number = at.number;
    if (text === null) {
      unread.push({ where: `line ${number}`, why: `longer than ${MAX_NOTICE_LINE_BYTES / 1_048_576} MB, more than any OCDS document a line` });
      continue;
    }
    if (text.trim() === '') continue;
    let ocids: string[];
    // parseJsonPrefix, not JSON.parse: a line of nothing but brackets is refused at the first too deep, not walked to its end.
    const whole = parseJsonPrefix(text);
    if (whole.ok && !whole.cut) ocids = ocidsOf(whole.value);
    else {
      try {
        ocids = readOcds(text, `line ${number}`).releases.map((r) => r.release.ocid);
      } catch (e) {
        unread.push({ where: `line ${number}`, why: (e as Error).message });
        continue;
      }
    }
    if (!ocids.length) {
      unread.push({ where: `line ${number}`, why: 'no OCDS release (a release, a package or a record with an ocid)' });
      continue;
    }
    const k = lines.push(at) - 1;
    for (const ocid of new Set(ocids)) {
      const mine = byOcid.get(ocid);
      if (mine) mine.push(k);
      else byOcid.set(ocid, [k]);
    }
  }
  // Second pass: one procurement at a time, its lines read back from the file.
  const counter = new SummaryCounter();
  const total = byOcid.size;
  let done = 0;
  options.onProgress?.(0, total);
  const fd = openSync(path, 'r');
  const said = new Set<number>();
  try {
    for (const [ocid, mine] of byOcid) {
      const file: OcdsFile = { releases: [], links: [], unread: [], cutShort: [] };
      for (const k of mine) {
        const at = lines[k]!;
        const buf = Buffer.alloc(at.end - at.start);
        readSync(fd, buf, 0, buf.length, at.start);
        let one: OcdsFile;
        try {
          one = readOcds(buf.toString('utf8'), `line ${at.number}`);
        } catch (e) {
          if (!said.has(at.number)) unread.push({ where: `line ${at.number}`, why: (e as Error).message });
          said.add(at.number);
          continue;
        }
        // What a line holds that is not read (a release past a limit, say) is said once, whichever procurement reads it.
        if (!said.has(at.number)) for (const u of one.unread) unread.push({ where: `line ${at.number}: ${u.where}`, why: u.why });
        said.add(at.number);
        for (const r of one.releases) if (r.release.ocid === ocid) file.releases.push(r);
        for (const l of one.links) if (l.ocid === ocid) file.links.push(l);
        for (const c of one.cutShort) file.cutShort.push(c);
      }
      const [p] = mergeByOcid(file.releases, file.links);
      if (p) {
        const n = await auditProcurement(p, checker, cutsOf(ocid, file.cutShort), options);
        counter.add(n);
        await onNotice(n);
      }
      options.onProgress?.(++done, total);
    }
  } finally {
    closeSync(fd);
  }
  return { procheck: PROCHECK_VERSION, ruleSetVersion: checker.ruleSet.version, file: path, summary: counter.summary(unread) };
}
