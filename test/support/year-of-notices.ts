// A year of notices in the shape of a Find a Tender bulk download, built from
// the shipped fixtures: NDJSON, a release a line, each procurement's releases
// spread through the file (a tender, then updates, an award, a contract...)
// as a year's daily files put them. For the bench (npm run bench).
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonPrefix } from '../../src/notice/json-prefix.js';

const TAGS = [['tenderUpdate'], ['award'], ['awardUpdate'], ['contract']];

/** Writes `releases` releases of `procurements` procurements to `file`; returns how many fixtures they were made from. */
export function writeYearOfNotices(file: string, releases = 100_000, procurements = 4_000): number {
  const dir = join(import.meta.dirname, '..', '..', 'cases', 'notices');
  const bases = readdirSync(dir)
    .filter((f) => f.endsWith('.ocds.json'))
    .sort()
    .map((f) => parseJsonPrefix(readFileSync(join(dir, f), 'utf8')))
    .flatMap((r) => (r.ok && typeof (r.value as { ocid?: unknown }).ocid === 'string' ? [r.value as Record<string, unknown>] : []));
  const each = Math.ceil(releases / procurements);
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    for (let k = 0; k < each && written < releases; k++)
      for (let i = 0; i < procurements && written < releases; i++) {
        const base = bases[i % bases.length]!;
        const first = Array.isArray(base.tag) ? base.tag.filter((t) => t !== 'compiled') : [];
        const release = {
          ...base,
          ocid: `ocds-h6vhtk-y${i.toString(36).padStart(5, '0')}`,
          id: `y${i}-${k}`,
          date: new Date(Date.UTC(2025, 0, 1) + ((i * 7 + k * 13) % 365) * 86_400_000).toISOString(),
          tag: k === 0 ? (first.length ? first : ['tender']) : TAGS[k % TAGS.length],
        };
        writeSync(fd, `${JSON.stringify(release)}\n`);
        written++;
      }
  } finally {
    closeSync(fd);
  }
  return bases.length;
}
