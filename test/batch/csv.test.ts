import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/batch/csv.js';

describe('parseCsv', () => {
  it('reads plain records with their line numbers', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('"a,b","say ""hi""",""\n')).toEqual([{ line: 1, fields: ['a,b', 'say "hi"', ''] }]);
  });

  it('keeps a line break inside quotes and counts it, so later records have their true line', () => {
    const records = parseCsv('h1,h2\n"two\nlines",x\r\n"three\r\nmore\nlines",y\nlast,z');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 7]);
    expect(records[1]!.fields).toEqual(['two\nlines', 'x']);
    expect(records[2]!.fields).toEqual(['three\r\nmore\nlines', 'y']);
    expect(records[3]!.fields).toEqual(['last', 'z']);
  });

  it('handles CRLF, a lone CR and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r3,4').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(parseCsv('\uFEFFid,title\n')[0]!.fields).toEqual(['id', 'title']);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('a\n\n\r\nb\n\n').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a']],
      [4, ['b']],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv(',x,\n')[0]!.fields).toEqual(['', 'x', '']);
  });

  it('reports text after a closing quote, and reads on from the next line', () => {
    const records = parseCsv('"a"b,c\nd,e\n');
    expect(records[0]).toMatchObject({ line: 1, error: expect.stringContaining('after a closing quote') });
    expect(records[1]).toEqual({ line: 2, fields: ['d', 'e'] });
  });

  it('reports a quoted field that is never closed, at the line it starts', () => {
    const records = parseCsv('a,b\n1,"open\n2,3\n');
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringContaining('not closed') });
    expect(records).toHaveLength(2);
  });
});
