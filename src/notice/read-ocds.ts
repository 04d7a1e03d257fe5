// An OCDS file as the releases it holds. Find a Tender and Contracts Finder
// publish releases, release packages, records and record packages, and their
// APIs answer with a package per line; each is read to its releases, with
// where each came from, so a release that cannot be read is named, not lost.
import { parseJsonPrefix, positionOf, type Position } from './json-prefix.js';
import { withinDepth } from '../plan/json-depth.js';

/** Deeper than any OCDS document (a release is a few levels; a record package some ten), and shallow enough to walk. */
export const MAX_NOTICE_DEPTH = 64;

export type Release = Record<string, unknown> & { ocid: string };

export interface ReadRelease {
  release: Release;
  /** Where in the file: "line 3" of NDJSON, or "releases[2]" of a package. */
  where: string;
  /** A compiled release (a record's compiledRelease, or tagged "compiled"): already merged. */
  compiled: boolean;
}

export interface CutShort {
  where: string;
  /** The field being read when the file ended, e.g. tender.lots[0].description. */
  path: string;
  /** The words of a string the file ends inside, so far. */
  partial: string | null;
  /** The procurements the cut document holds, and where their releases are. */
  releases: { ocid: string; where: string }[];
}

export interface UnreadItem {
  where: string;
  why: string;
}

/** A record's link to a release published elsewhere: its date and tags say when each notice came out. */
export interface LinkedRelease {
  ocid: string;
  id: string | null;
  date: string | null;
  tag: string[];
  where: string;
}

export interface OcdsFile {
  releases: ReadRelease[];
  links: LinkedRelease[];
  /** Parts of the file that are not releases procheck can read, each with where and why. */
  unread: UnreadItem[];
  /** Set when the file (or a line of it) ends before the document does. */
  cutShort: CutShort[];
}

export class OcdsReadError extends Error {
  constructor(
    message: string,
    readonly at?: Position,
  ) {
    super(at ? `${message} (line ${at.line}, column ${at.column})` : message);
    this.name = 'OcdsReadError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record's entry that only links to a release published elsewhere ({url, date, tag}), with none of its content. */
const isLinkedRelease = (r: unknown) => isObject(r) && typeof r.url === 'string' && Object.keys(r).every((k) => ['url', 'date', 'tag'].includes(k));

/** The releases of one parsed document (a release, record, or either kind of package). */
export function releasesOf(doc: unknown, where: string, out: OcdsFile): void {
  if (!withinDepth(doc, MAX_NOTICE_DEPTH)) {
    out.unread.push({ where: where.replace(/[.: ]+$/, '') || 'the document', why: `nested deeper than ${MAX_NOTICE_DEPTH} levels, far more than any OCDS document` });
    return;
  }
  if (!isObject(doc)) {
    out.unread.push({ where: where || 'the document', why: 'not a JSON object' });
    return;
  }
  if (Array.isArray(doc.records)) {
    doc.records.forEach((r, k) => releasesOf(r, `${where}records[${k}].`, out));
    if (doc.records.length === 0) out.unread.push({ where: where || 'the document', why: 'a package with no records' });
    return;
  }
  const isRecord = typeof doc.ocid === 'string' && ('compiledRelease' in doc || Array.isArray(doc.releases));
  if (isRecord) {
    const ocid = doc.ocid as string;
    const releases = Array.isArray(doc.releases) ? doc.releases : [];
    // Linked releases date the notices; embedded ones are read; with none embedded, the compiled release is what the record says.
    releases.forEach((r, k) => {
      if (!isLinkedRelease(r)) return;
      const l = r as Record<string, unknown>;
      out.links.push({ ocid, id: typeof l.url === 'string' ? l.url : null, date: typeof l.date === 'string' ? l.date : null, tag: Array.isArray(l.tag) ? l.tag.filter((x): x is string => typeof x === 'string') : [], where: `${where}releases[${k}]` });
    });
    const embedded = releases.filter((r) => !isLinkedRelease(r));
    embedded.forEach((r) => releaseOf(r, `${where}releases[${releases.indexOf(r)}]`, out, false, ocid));
    if (embedded.length === 0 && isObject(doc.compiledRelease)) releaseOf(doc.compiledRelease, `${where}compiledRelease`, out, true, ocid);
    return;
  }
  if (Array.isArray(doc.releases)) {
    doc.releases.forEach((r, k) => releaseOf(r, `${where}releases[${k}]`, out, false));
    if (doc.releases.length === 0) out.unread.push({ where: where || 'the document', why: 'a package with no releases' });
    return;
  }
  releaseOf(doc, `${where}the document`, out, false);
}

function releaseOf(r: unknown, where: string, out: OcdsFile, compiled: boolean, ocid?: string): void {
  if (!isObject(r)) {
    out.unread.push({ where, why: 'not a JSON object' });
    return;
  }
  const id = typeof r.ocid === 'string' ? r.ocid : ocid;
  if (!id) {
    out.unread.push({ where, why: 'no ocid: not an OCDS release' });
    return;
  }
  const tags = Array.isArray(r.tag) ? r.tag : [];
  out.releases.push({ release: { ...r, ocid: id }, where, compiled: compiled || tags.includes('compiled') });
}

/** Reads several files as one: their releases are merged by ocid across them (a week of daily files, or a record and a release). */
export function readOcdsFiles(files: readonly { text: string; name: string }[]): OcdsFile {
  const out: OcdsFile = { releases: [], links: [], unread: [], cutShort: [] };
  for (const f of files) {
    const one = readOcds(f.text, f.name, files.length > 1 ? `${f.name}: ` : '');
    out.releases.push(...one.releases);
    out.links.push(...one.links);
    out.unread.push(...one.unread);
    out.cutShort.push(...one.cutShort);
  }
  if (out.releases.length === 0) throw new OcdsReadError(`${files.map((f) => f.name).join(', ')}: no OCDS release, only links to releases published elsewhere`);
  return out;
}

/** Reads an OCDS file's text: one JSON document, or one per line (NDJSON, as the APIs page them). */
export function readOcds(raw: string, name = 'the file', prefix = ''): OcdsFile {
  // A byte order mark (as some editors save UTF-8) is not part of the JSON.
  const text = raw.replace(/^\uFEFF/, '');
  const out: OcdsFile = { releases: [], links: [], unread: [], cutShort: [] };
  const whole = parseJsonPrefix(text);
  if (whole.ok) {
    releasesOf(whole.value, prefix, out);
    if (whole.cut) out.cutShort.push({ where: `${name}, line ${whole.cut.at.line}`, path: whole.cut.path, partial: whole.cut.partial, releases: out.releases.map((r) => ({ ocid: r.release.ocid, where: r.where.slice(prefix.length) })) });
    return finish(out, name);
  }
  // Not one document: a document a line, if the first line is one.
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new OcdsReadError(`${name} is empty`);
  const firstLine = parseJsonPrefix(lines[first]!);
  if (!firstLine.ok || firstLine.cut || lines.slice(first + 1).every((l) => l.trim() === '')) {
    throw new OcdsReadError(`${name} is not JSON: ${whole.error}`, whole.at);
  }
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    const where = `${prefix}line ${k + 1}`;
    const doc = parseJsonPrefix(line);
    if (!doc.ok) {
      out.unread.push({ where, why: `not JSON: ${doc.error} at column ${doc.at.column}` });
      return;
    }
    const before = out.releases.length;
    releasesOf(doc.value, `${where}: `, out);
    if (doc.cut) out.cutShort.push({ where, path: doc.cut.path, partial: doc.cut.partial, releases: out.releases.slice(before).map((r) => ({ ocid: r.release.ocid, where: r.where.slice(`${where}: `.length) })) });
  });
  return finish(out, name);
}

function finish(out: OcdsFile, name: string): OcdsFile {
  if (out.releases.length === 0 && out.links.length === 0) {
    const why = out.unread.map((u) => `${u.where}: ${u.why}`).join('; ');
    throw new OcdsReadError(`${name} holds no OCDS release (a release, release package, record or record package)${why ? `: ${why}` : ''}`);
  }
  return out;
}

export { positionOf };
