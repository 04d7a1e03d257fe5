// Files of notices of any size, read in bounded time and memory (issue 21.4,
// 21.5): a file nested past any document is refused at once, a file of many
// releases never overflows the stack, merging is linear, and each limit is
// refused naming its field. Small limits here; the full sizes are figures in
// `npm run bench`.
import { describe, expect, it } from 'vitest';
import { OcdsLimitError, OcdsReadError, readOcds, readOcdsFiles } from '../src/notice/read-ocds.js';
import { parseJsonPrefix } from '../src/notice/json-prefix.js';
import { mergeByOcid } from '../src/notice/merge.js';
import { buildServer, NOTICE_RELEASES_LIMIT } from '../src/server/app.js';
import { auditNdjsonFile, MAX_NOTICE_LINE_BYTES } from '../src/notice/stream.js';
import { checker } from './support/checker.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const release = (ocid: string, extra: Record<string, unknown> = {}) => ({ ocid, id: `${ocid}-1`, date: '2025-06-02T10:00:00+01:00', tag: ['tender'], ...extra });
const ndjson = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

describe('reading files of any size', () => {
  it('a file of "[" nested far past any document is refused at once, naming where, not parsed to its end (16 MB took 6 s)', () => {
    const text = '['.repeat(16 * 1024 * 1024);
    expect(() => readOcds(text)).toThrow(/the file is nested deeper than 64 levels, far more than any OCDS document \(line 1, column 202\)/);
    const r = parseJsonPrefix(`{"a":${'['.repeat(300)}`);
    expect(r).toMatchObject({ ok: false, error: 'nested deeper than 200 levels' });
    // Brackets inside strings are text, not nesting.
    expect(parseJsonPrefix(JSON.stringify({ text: '['.repeat(1000) })).ok).toBe(true);
  });

  it('NDJSON of 200,000 releases is read and merged (past some 125,000 it overflowed the stack)', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `{"ocid":"ocds-x-${i % 5000}","id":"${i}"}`).join('\n');
    const file = readOcdsFiles([{ text, name: 'year.ndjson' }]);
    expect(file.releases).toHaveLength(200_000);
    const procurements = mergeByOcid(file.releases, file.links);
    expect(procurements).toHaveLength(5000);
    expect(procurements[0]!.releases).toHaveLength(40);
  });

  it('a record package linking 20,000 releases of 20,000 procurements is merged in linear time (links were matched per procurement)', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ ocid: `ocds-x-${i}`, releases: [{ url: `https://x/${i}`, date: '2025-01-01T00:00:00Z', tag: ['tender'] }, release(`ocds-x-${i}`)] }));
    const file = readOcds(JSON.stringify({ records }));
    const procurements = mergeByOcid(file.releases, file.links);
    expect(procurements).toHaveLength(20_000);
    expect(procurements[19_999]!.releases.map((r) => r.where)).toEqual(['records[19999].releases[0]', 'records[19999].releases[1]']);
  });

  it('two releases of 20,000 awards each merge by id in linear time (2 x 40,000 took 24 s): a later release updates an award it names, adds one it does not, ids 7 and "7" alike', () => {
    const awards = (n: number, from: number, status: string) => Array.from({ length: n }, (_, i) => ({ id: from + i, status }));
    const first = release('ocds-x-1', { date: '2025-01-01T00:00:00Z', awards: awards(20_000, 0, 'pending') });
    const second = release('ocds-x-1', { id: 'b', date: '2025-02-01T00:00:00Z', awards: [...awards(19_999, 1, 'active').map((a) => ({ ...a, id: String(a.id) })), { id: 20_000, status: 'active' }] });
    const [p] = mergeByOcid([
      { release: second, where: 'line 2', compiled: false },
      { release: first, where: 'line 1', compiled: false },
    ]);
    const merged = p!.compiled.awards as { id: string | number; status: string }[];
    expect(merged).toHaveLength(20_001);
    expect(merged[0]).toEqual({ id: 0, status: 'pending' });
    expect(merged[1]).toEqual({ id: '1', status: 'active' });
    expect(merged[20_000]).toEqual({ id: 20_000, status: 'active' });
    expect(merged.filter((a) => a.status === 'active')).toHaveLength(20_000);
  });
});

describe('limits, each refused naming its field', () => {
  const limits = { releases: 3, awards: 2, amendments: 2, list: 5 };

  it('releases per request: past the limit the whole request is refused, naming releases and the limit', () => {
    const text = ndjson([release('a'), release('b'), release('c'), release('d')]);
    expect(readOcds(ndjson([release('a'), release('b'), release('c')]), 'f', '', limits).releases).toHaveLength(3);
    let error: unknown;
    try {
      readOcds(text, 'the request body', '', limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OcdsLimitError);
    expect(error).toBeInstanceOf(OcdsReadError);
    expect(error).toMatchObject({ field: 'releases', limit: 3, message: expect.stringMatching(/more than 3 releases.*line 4/) });
    // Several files count together.
    expect(() => readOcdsFiles([{ text: ndjson([release('a'), release('b')]), name: 'one' }, { text: ndjson([release('c'), release('d')]), name: 'two' }], limits)).toThrow(OcdsLimitError);
  });

  it('awards, amendments and any other list in one release: past the limit the release is not read, and says which field', () => {
    const file = readOcds(
      ndjson([
        release('a', { awards: [{ id: '1' }, { id: '2' }] }),
        release('b', { awards: [{ id: '1' }, { id: '2' }, { id: '3' }] }),
        release('c', { tender: { amendments: [{ id: '1' }] }, contracts: [{ id: 'k', amendments: [{ id: '2' }, { id: '3' }] }] }),
        release('d', { parties: Array.from({ length: 6 }, (_, i) => ({ id: String(i) })) }),
      ]),
      'f',
      '',
      limits,
    );
    expect(file.releases.map((r) => r.release.ocid)).toEqual(['a']);
    expect(file.unread).toEqual([
      { where: 'line 2: the document.awards', why: '3 awards, more than the 2 procheck reads in one release' },
      { where: 'line 3: the document', why: '3 amendments (tender.amendments, contracts[0].amendments), more than the 2 procheck reads in one release' },
      { where: 'line 4: the document.parties', why: '6 entries, more than the 5 procheck reads in one list of a release' },
    ]);
  });

  it('a release over a limit, and nothing else, is an error naming it', () => {
    expect(() => readOcds(JSON.stringify(release('b', { awards: [{ id: '1' }, { id: '2' }, { id: '3' }] })), 'the file', '', limits)).toThrow(/the document.awards: 3 awards, more than the 2/);
  });

  it('what could not be read is listed up to a limit, then counted', () => {
    const file = readOcds(ndjson([release('a'), ...Array.from({ length: 1200 }, (_, i) => ({ not: i }))]));
    expect(file.unread).toHaveLength(1001);
    expect(file.unread.at(-1)).toEqual({ where: 'line 1002 to line 1201', why: '200 more parts not read' });
  });
});

describe('the releases limit on the API and the web page', () => {
  const three = ndjson([release('ocds-x-a'), release('ocds-x-b'), release('ocds-x-c')]);

  it('the API refuses a request over it with a 413 problem naming releases and the limit; at the limit it audits', async () => {
    const app = await buildServer({ noticeReleases: 2 });
    const over = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/x-ndjson' }, payload: three });
    expect(over.statusCode).toBe(413);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(over.json()).toMatchObject({ type: '/problems/over-limit', status: 413, issues: [{ path: 'releases', message: expect.stringMatching(/more than 2 releases.*line 3/) }] });
    const at = await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/x-ndjson' }, payload: ndjson([release('ocds-x-a'), release('ocds-x-b')]) });
    expect(at.statusCode).toBe(200);
    // The web page says it by the box, with the same words.
    const page = await app.inject({ method: 'POST', url: '/notices', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ noticeText: three }).toString() });
    expect(page.statusCode).toBe(413);
    expect(page.body).toMatch(/more than 2 releases/);
    await app.close();
  });

  it('by default it is NOTICE_RELEASES_LIMIT', async () => {
    const app = await buildServer({ web: false });
    const many = ndjson([...Array.from({ length: NOTICE_RELEASES_LIMIT + 1 }, (_, i): unknown => ({ not: 'a release', i })), release('ocds-x-a')]);
    // Parts that are not releases do not count; releases do.
    expect((await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/x-ndjson' }, payload: many })).statusCode).toBe(200);
    const over = ndjson(Array.from({ length: NOTICE_RELEASES_LIMIT + 1 }, (_, i) => ({ ocid: `ocds-x-${i}`, id: '1' })));
    expect((await app.inject({ method: 'POST', url: '/v1/notices/check', headers: { 'content-type': 'application/x-ndjson' }, payload: over })).json().issues[0].path).toBe('releases');
    await app.close();
  });
});

describe('a year of notices on the command line, a line at a time', () => {
  const file = (lines: string[]) => {
    const path = join(mkdtempSync(join(tmpdir(), 'procheck-limits-')), 'year.ndjson');
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
  const ok = JSON.stringify(release('ocds-x-1'));

  it('a line of brackets is refused at the first too deep, and a line past 64 MB is not kept (JSON.parse walked them, and each chunk of a long line was joined to the rest again)', async () => {
    const deep = file([ok, '['.repeat(1_000_000), '['.repeat(MAX_NOTICE_LINE_BYTES + 1), ok]);
    const audit = await auditNdjsonFile(deep, checker(), () => {});
    expect(audit.summary.unread).toEqual([
      { where: 'line 2', why: expect.stringContaining('nested deeper than 64 levels') },
      { where: 'line 3', why: 'longer than 64 MB, more than any OCDS document a line' },
    ]);
    expect(audit.summary.notices).toBe(1);
  });
});
