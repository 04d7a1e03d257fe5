// npm run bench (issue 21): reading and merging files of notices at full size,
// each figure beside its target. The tests hold the same cases at small sizes.
import { performance } from 'node:perf_hooks';
import { readOcds, readOcdsFiles } from '../../src/notice/read-ocds.js';
import { mergeByOcid } from '../../src/notice/merge.js';

const line = (label: string, figure: string, target: string, met: boolean | null) =>
  console.log(`${label.padEnd(52)} ${figure.padStart(16)}   target ${target.padEnd(14)} ${met === null ? '' : met ? 'met' : 'NOT MET'}`);
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
};

// NDJSON of 125,000 releases (3.7 MB) overflowed the stack; 200,000 of some 2,000 procurements, read and merged.
{
  const text = Array.from({ length: 200_000 }, (_, i) => `{"ocid":"ocds-h6vhtk-${String(i % 2000).padStart(6, '0')}","id":"r${i}","date":"2025-01-01T00:00:00Z","tag":["tender"]}`).join('\n');
  const [file, read] = time(() => readOcdsFiles([{ text, name: 'bench.ndjson' }]));
  const [merged, merge] = time(() => mergeByOcid(file.releases, file.links));
  line(`NDJSON of 200,000 releases (${(text.length / 1e6).toFixed(1)} MB), read`, `${(read / 1000).toFixed(2)} s`, '≤ 3 s', read <= 3000);
  line(`  and merged into ${merged.length.toLocaleString('en-GB')} procurements`, `${(merge / 1000).toFixed(2)} s`, '≤ 1 s', merge <= 1000);
}

// Two releases of one procurement with 40,000 awards each (1.3 MB): the merge by id was quadratic (24 s).
{
  const awards = (status: string) => Array.from({ length: 40_000 }, (_, i) => ({ id: String(i), status }));
  const releases = [
    { release: { ocid: 'ocds-x-1', id: 'a', date: '2025-01-01T00:00:00Z', awards: awards('pending') }, where: 'line 1', compiled: false },
    { release: { ocid: 'ocds-x-1', id: 'b', date: '2025-02-01T00:00:00Z', awards: awards('active') }, where: 'line 2', compiled: false },
  ];
  const [, merge] = time(() => mergeByOcid(releases));
  line('2 releases x 40,000 awards, merged by id', `${merge.toFixed(0)} ms`, '≤ 500 ms', merge <= 500);
}

// A file of "[" (250 MB of it took 65 s and 10.8 GB): refused at the first bracket too deep.
{
  const text = '['.repeat(64 * 1024 * 1024);
  const [, refused] = time(() => {
    try {
      readOcds(text);
    } catch {
      // refused, as it should be
    }
  });
  line('64 MB of "[", refused', `${refused.toFixed(0)} ms`, '≤ 1,000 ms', refused <= 1000);
}
