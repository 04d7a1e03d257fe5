import { describe, expect, it } from 'vitest';
import { parseCsv } from './read.js';

describe('parseCsv', () => {
  it('reads plain records with their line numbers', async () => {
    expect((await parseCsv('a,b,c\n1,2,3\n'))).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields with commas and doubled quotes', async () => {
    expect((await parseCsv('"a,b","say ""hi""",""\n'))).toEqual([{ line: 1, fields: ['a,b', 'say "hi"', ''] }]);
  });

  it('keeps a line break inside quotes and counts it, so later records have their true line', async () => {
    const records = (await parseCsv('h1,h2\n"two\nlines",x\r\n"three\r\nmore\nlines",y\nlast,z'));
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 7]);
    expect(records[1]!.fields).toEqual(['two\nlines', 'x']);
    expect(records[2]!.fields).toEqual(['three\r\nmore\nlines', 'y']);
    expect(records[3]!.fields).toEqual(['last', 'z']);
  });

  it('handles CRLF, a lone CR and a missing final line break', async () => {
    expect((await parseCsv('a,b\r\n1,2\r3,4')).map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('drops a UTF-8 byte order mark', async () => {
    expect((await parseCsv('\uFEFFid,title\n'))[0]!.fields).toEqual(['id', 'title']);
  });

  it('skips blank lines but keeps counting them', async () => {
    expect((await parseCsv('a\n\n\r\nb\n\n')).map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [4, ['b']],
    ]);
  });

  it('keeps empty fields, including a trailing one', async () => {
    expect((await parseCsv(',x,\n'))[0]!.fields).toEqual(['', 'x', '']);
  });

  it('reports text after a closing quote, and reads on from the next line', async () => {
    const records = (await parseCsv('"a"b,c\nd,e\n'));
    expect(records[0]).toMatchObject({ line: 1, error: expect.stringContaining('after a closing quote') });
    expect(records[1]).toEqual({ line: 2, fields: ['d', 'e'] });
  });

  it('reports a quoted field that is never closed, at the line it starts, and reads every line after it as rows (none is lost)', async () => {
    const records = await parseCsv('a,b\n1,"open\n2,3\n\n4,5\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: [], error: expect.stringContaining('not closed') },
      { line: 3, fields: ['2', '3'] },
      { line: 5, fields: ['4', '5'] },
    ]);
  });

  it('a row over the size limit is reported by its line, in bounded memory, and the next rows are read', async () => {
    const records = await parseCsv(`a,b\n${'x'.repeat(5000)},1\n"${'y'.repeat(5000)}\n2,3\n`, 1024);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: [], error: expect.stringContaining('longer than 1 KB') },
      { line: 3, fields: [], error: expect.stringMatching(/longer than 1 KB|not closed/) },
      { line: 4, fields: ['2', '3'] },
    ]);
  });

  it('a quote opened by mistake that closes lines later: the row says where it runs to', async () => {
    const records = await parseCsv('a,b\n1,"x\n2,3\n4,5",6\n7,8\n');
    expect(records[1]).toEqual({ line: 2, fields: ['1', 'x\n2,3\n4,5', '6'], endLine: 4 });
    expect(records[2]).toEqual({ line: 5, fields: ['7', '8'] });
  });
});
