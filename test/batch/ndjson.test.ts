import { describe, expect, it } from 'vitest';
import { parseNdjson } from './read.js';
import { registerKind } from '../../src/batch/register.js';

describe('parseNdjson', () => {
  it('reads one value per line with its line number, skipping blank lines', async () => {
    expect((await parseNdjson('{"id":"a"}\n\n  \r\n{"id":"b"}\r\n'))).toEqual([
      { line: 1, plan: { id: 'a' } },
      { line: 4, plan: { id: 'b' } },
    ]);
  });

  it('reports a line that is not JSON by its number, with the parse message, and reads the rest', async () => {
    const rows = (await parseNdjson('{"id":"a"}\n{"id": \n{"id":"c"}'));
    expect(rows[0]).toEqual({ line: 1, plan: { id: 'a' } });
    expect(rows[1]).toMatchObject({ line: 2, issues: [{ path: '', message: expect.stringMatching(/^not valid JSON: .+/) }] });
    expect(rows[2]).toEqual({ line: 3, plan: { id: 'c' } });
  });

  it('drops a byte order mark', async () => {
    expect((await parseNdjson('\uFEFF{"id":"a"}'))).toEqual([{ line: 1, plan: { id: 'a' } }]);
  });
});

describe('registerKind', () => {
  it('tells a register by its extension, in any case', async () => {
    expect(['r.csv', 'R.CSV', 'p.ndjson', 'p.jsonl', 'plan.json', 'dir.csv/plan.json', 'noext'].map(registerKind)).toEqual([
      'csv',
      'csv',
      'ndjson',
      'ndjson',
      null,
      null,
      null,
    ]);
  });
});
