// An OCDS file as the releases it holds. Find a Tender and Contracts Finder
// publish releases, release packages, records and record packages, and their
// APIs answer with a package per line; each is read to its releases, with
// where each came from, so a release that cannot be read is named, not lost.
import { parseJsonPrefix, positionOf, type Position } from './json-prefix.js';
import { withinDepth } from '../plan/json-depth.js';

/** Deeper than any OCDS document (a release is a few levels; a record package some ten), and shallow enough to walk. */
export const MAX_NOTICE_DEPTH = 64;

const TOO_DEEP = `nested deeper than ${MAX_NOTICE_DEPTH} levels, far more than any OCDS document`;

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

/**
 * What one reading takes, each a limit on the work a file can ask for. Past
 * the releases limit the whole is refused (OcdsLimitError); a release past one
 * of the others is not read, and is listed with the field and the limit.
 */
export interface OcdsLimits {
  /** Releases read from all the files together, embedded or linked from a record. */
  releases: number;
  /** Awards in one release. */
  awards: number;
  /** Amendments in one release, wherever they are (tender, awards, contracts). */
  amendments: number;
  /** Entries in any other list of one release. */
  list: number;
}

/** The reader's own limits: far past any real notice, so only a file made to hurt meets them. A server sets releases too. */
export const OCDS_LIMITS: OcdsLimits = { releases: Number.POSITIVE_INFINITY, awards: 1000, amendments: 1000, list: 10_000 };

/** The limits given, the reader's own for the rest (a limit left undefined is the reader's). */
const limitsOf = (given: Partial<OcdsLimits>): OcdsLimits => ({
  releases: given.releases ?? OCDS_LIMITS.releases,
  awards: given.awards ?? OCDS_LIMITS.awards,
  amendments: given.amendments ?? OCDS_LIMITS.amendments,
  list: given.list ?? OCDS_LIMITS.list,
});

/** Parts of a file not read that are listed one by one; past it they are counted. */
export const MAX_UNREAD_LISTED = 1000;

/** A request or files over the releases limit: refused whole, naming the field and the limit. */
export class OcdsLimitError extends OcdsReadError {
  constructor(
    message: string,
    readonly field: string,
    readonly limit: number,
  ) {
    super(message);
    this.name = 'OcdsLimitError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record's entry that only links to a release published elsewhere ({url, date, tag}), with none of its content. */
const isLinkedRelease = (r: unknown) => isObject(r) && typeof r.url === 'string' && Object.keys(r).every((k) => ['url', 'date', 'tag'].includes(k));

const count = (n: number) => n.toLocaleString('en-GB');

/** What has been read so far, of one file or several read as one, within the limits. */
class Reading {
  readonly out: OcdsFile = { releases: [], links: [], unread: [], cutShort: [] };
  /** Parts not read past those listed: how many, and the first and last of them. */
  private more: { count: number; first: string; last: string } | null = null;
  private read = 0;

  constructor(
    readonly limits: OcdsLimits,
    /** How the files are named in what is said of them. */
    readonly name: string,
  ) {}

  unread(item: UnreadItem): void {
    if (this.out.unread.length < MAX_UNREAD_LISTED) {
      this.out.unread.push(item);
      return;
    }
    const where = item.where.split(':')[0]!;
    if (this.more) {
      this.more.count++;
      this.more.last = where;
    } else this.more = { count: 1, first: where, last: where };
  }

  /** One more release (or link to one) read: past the limit, the whole is refused. */
  private counted(where: string): void {
    if (++this.read <= this.limits.releases) return;
    const limit = count(this.limits.releases);
    throw new OcdsLimitError(`${this.name} holds more than ${limit} releases, the most procheck reads at once (the first past the limit is at ${where}): send at most ${limit} at a time`, 'releases', this.limits.releases);
  }

  release(item: ReadRelease): void {
    const over = overLimit(item.release, this.limits);
    if (over) return this.unread({ where: `${item.where}${over.path ? `.${over.path}` : ''}`, why: over.why });
    this.counted(item.where);
    this.out.releases.push(item);
  }

  link(item: LinkedRelease): void {
    this.counted(item.where);
    this.out.links.push(item);
  }

  /** The file read: the parts not read past those listed, counted in one last entry. */
  done(): OcdsFile {
    if (this.more) this.out.unread.push({ where: this.more.count === 1 ? this.more.first : `${this.more.first} to ${this.more.last}`, why: `${count(this.more.count)} more part${this.more.count === 1 ? '' : 's'} not read` });
    this.more = null;
    return this.out;
  }
}

/**
 * The first limit a release is over: its awards, its amendments (all of them, wherever they are), or any other of its
 * lists; with the field, as a path within the release. Walked without recursion, and paths are made only for what is said.
 */
function overLimit(release: Record<string, unknown>, limits: OcdsLimits): { path: string; why: string } | null {
  if (Array.isArray(release.awards) && release.awards.length > limits.awards)
    return { path: 'awards', why: `${count(release.awards.length)} awards, more than the ${count(limits.awards)} procheck reads in one release` };
  interface Node {
    v: unknown;
    key: string | number;
    up: Node | null;
  }
  const pathOf = (n: Node): string => {
    const keys: (string | number)[] = [];
    for (let m: Node | null = n; m && m.up; m = m.up) keys.push(m.key);
    return keys.reverse().map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  };
  const amendments: Node[] = [];
  let amended = 0;
  const stack: Node[] = [{ v: release, key: '', up: null }];
  while (stack.length) {
    const n = stack.pop()!;
    if (Array.isArray(n.v)) {
      if (n.key === 'amendments') {
        amendments.push(n);
        amended += n.v.length;
      } else if (n.v.length > limits.list && !(n.key === 'awards' && n.up?.up === null))
        return { path: pathOf(n), why: `${count(n.v.length)} entries, more than the ${count(limits.list)} procheck reads in one list of a release` };
      for (let i = n.v.length - 1; i >= 0; i--) if (typeof n.v[i] === 'object' && n.v[i] !== null) stack.push({ v: n.v[i], key: i, up: n });
    } else if (isObject(n.v)) {
      const keys = Object.keys(n.v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = n.v[keys[i]!];
        if (typeof child === 'object' && child !== null) stack.push({ v: child, key: keys[i]!, up: n });
      }
    }
  }
  if (amended > limits.amendments) {
    const where = amendments.map(pathOf);
    return { path: '', why: `${count(amended)} amendments (${where.slice(0, 5).join(', ')}${where.length > 5 ? ', ...' : ''}), more than the ${count(limits.amendments)} procheck reads in one release` };
  }
  return null;
}

/** The releases of one parsed document (a release, record, or either kind of package). */
function releasesOf(doc: unknown, where: string, into: Reading): void {
  if (!withinDepth(doc, MAX_NOTICE_DEPTH)) {
    into.unread({ where: where.replace(/[.: ]+$/, '') || 'the document', why: TOO_DEEP });
    return;
  }
  if (!isObject(doc)) {
    into.unread({ where: where || 'the document', why: 'not a JSON object' });
    return;
  }
  if (Array.isArray(doc.records)) {
    doc.records.forEach((r, k) => releasesOf(r, `${where}records[${k}].`, into));
    if (doc.records.length === 0) into.unread({ where: where || 'the document', why: 'a package with no records' });
    return;
  }
  const isRecord = typeof doc.ocid === 'string' && ('compiledRelease' in doc || Array.isArray(doc.releases));
  if (isRecord) {
    const ocid = doc.ocid as string;
    const releases = Array.isArray(doc.releases) ? doc.releases : [];
    // Linked releases date the notices; embedded ones are read; with none embedded, the compiled release is what the record says.
    let embedded = 0;
    releases.forEach((r, k) => {
      if (!isLinkedRelease(r)) {
        embedded++;
        releaseOf(r, `${where}releases[${k}]`, into, false, ocid);
        return;
      }
      const l = r as Record<string, unknown>;
      into.link({ ocid, id: typeof l.url === 'string' ? l.url : null, date: typeof l.date === 'string' ? l.date : null, tag: Array.isArray(l.tag) ? l.tag.filter((x): x is string => typeof x === 'string') : [], where: `${where}releases[${k}]` });
    });
    if (embedded === 0 && isObject(doc.compiledRelease)) releaseOf(doc.compiledRelease, `${where}compiledRelease`, into, true, ocid);
    return;
  }
  if (Array.isArray(doc.releases)) {
    doc.releases.forEach((r, k) => releaseOf(r, `${where}releases[${k}]`, into, false));
    if (doc.releases.length === 0) into.unread({ where: where || 'the document', why: 'a package with no releases' });
    return;
  }
  releaseOf(doc, `${where}the document`, into, false);
}

function releaseOf(r: unknown, where: string, into: Reading, compiled: boolean, ocid?: string): void {
  if (!isObject(r)) {
    into.unread({ where, why: 'not a JSON object' });
    return;
  }
  const id = typeof r.ocid === 'string' ? r.ocid : ocid;
  if (!id) {
    into.unread({ where, why: 'no ocid: not an OCDS release' });
    return;
  }
  const tags = Array.isArray(r.tag) ? r.tag : [];
  into.release({ release: { ...r, ocid: id }, where, compiled: compiled || tags.includes('compiled') });
}

/** Reads several files as one: their releases are merged by ocid across them (a week of daily files, or a record and a release). */
export function readOcdsFiles(files: readonly { text: string; name: string }[], limits: Partial<OcdsLimits> = {}): OcdsFile {
  const names = files.map((f) => f.name).join(', ');
  const reading = new Reading(limitsOf(limits), files.length === 1 ? files[0]!.name : `the files (${names})`);
  for (const f of files) readInto(reading, f.text, f.name, files.length > 1 ? `${f.name}: ` : '');
  const out = reading.done();
  if (out.releases.length === 0) throw new OcdsReadError(`${names}: no OCDS release, only links to releases published elsewhere`);
  return out;
}

/** Reads an OCDS file's text: one JSON document, or one per line (NDJSON, as the APIs page them). */
export function readOcds(raw: string, name = 'the file', prefix = '', limits: Partial<OcdsLimits> = {}): OcdsFile {
  const reading = new Reading(limitsOf(limits), name);
  readInto(reading, raw, name, prefix);
  return reading.done();
}

function readInto(reading: Reading, raw: string, name: string, prefix: string): void {
  // A byte order mark (as some editors save UTF-8) is not part of the JSON.
  const text = raw.replace(/^\uFEFF/, '');
  const out = reading.out;
  const whole = parseJsonPrefix(text);
  if (whole.ok) {
    const before = [out.releases.length, out.links.length] as const;
    releasesOf(whole.value, prefix, reading);
    if (whole.cut) out.cutShort.push({ where: `${name}, line ${whole.cut.at.line}`, path: whole.cut.path, partial: whole.cut.partial, releases: out.releases.slice(before[0]).map((r) => ({ ocid: r.release.ocid, where: r.where.slice(prefix.length) })) });
    return finish(reading, name, before);
  }
  // Not one document: a document a line, if the first line is one.
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new OcdsReadError(`${name} is empty`);
  const firstLine = parseJsonPrefix(lines[first]!);
  // A first line nested too deep spoils only itself: the lines after it may be releases.
  if ((firstLine.ok ? firstLine.cut !== null : !firstLine.tooDeep) || lines.slice(first + 1).every((l) => l.trim() === '')) {
    if (!whole.ok && whole.tooDeep) throw new OcdsReadError(`${name} is ${TOO_DEEP}`, whole.at);
    throw new OcdsReadError(`${name} is not JSON: ${whole.error}`, whole.at);
  }
  const before = [out.releases.length, out.links.length] as const;
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    const where = `${prefix}line ${k + 1}`;
    const doc = parseJsonPrefix(line);
    if (!doc.ok) {
      reading.unread({ where, why: doc.tooDeep ? TOO_DEEP : `not JSON: ${doc.error} at column ${doc.at.column}` });
      return;
    }
    const had = out.releases.length;
    releasesOf(doc.value, `${where}: `, reading);
    if (doc.cut) out.cutShort.push({ where, path: doc.cut.path, partial: doc.cut.partial, releases: out.releases.slice(had).map((r) => ({ ocid: r.release.ocid, where: r.where.slice(`${where}: `.length) })) });
  });
  finish(reading, name, before);
}

/** A file with no release and no link to one is refused, saying why (the first few parts not read). */
function finish(reading: Reading, name: string, [releases, links]: readonly [number, number]): void {
  const out = reading.out;
  if (out.releases.length > releases || out.links.length > links) return;
  const unread = reading.done().unread;
  const why = unread.slice(0, 10).map((u) => `${u.where}: ${u.why}`).join('; ') + (unread.length > 10 ? `; and ${count(unread.length - 10)} more` : '');
  throw new OcdsReadError(`${name} holds no OCDS release (a release, release package, record or record package)${why ? `: ${why}` : ''}`);
}

export { positionOf };
