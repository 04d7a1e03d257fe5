import { describe, expect, it } from 'vitest';
import { columnLetter, readHeader, RegisterHeaderError } from '../../src/batch/csv-plan.js';
import { parseCsvRegister } from './read.js';
import { PlanValidationError } from '../../src/plan/parse.js';
import { basePsrCompetitive } from '../support/plans.js';
import { toCsv } from './csv-writer.js';

const HEADER =
  'id,title,authority.name,authority.type,services.0.description,services.0.cpv,services.0.healthCare,value.annual,value.vatIncluded,term.initialMonths,term.extensions.0.months,term.extensions.0.exercise,route.regime,route.process,dates.procurementStart,dates.contractStart,incumbent.provider,incumbent.contractEnd,staff.assignedToService';

async function one(csv: string) {
  const rows = (await parseCsvRegister(csv));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('a CSV register row as a plan', () => {
  it('types each cell by the plan schema: numbers, integers, booleans, lists, dates', async () => {
    const row = (await one(
      `${HEADER}\nx-1,Treatment,Test Council,local-authority,Treatment,85312500;85100000-0,yes,1500000.5,FALSE,60,24,authority-option,psr,competitive,2025-05-01,2026-04-01,Current,2026-03-31,No\n`,
    ));
    expect(row).toEqual({
      line: 2,
      plan: {
        id: 'x-1',
        title: 'Treatment',
        authority: { name: 'Test Council', type: 'local-authority' },
        services: [{ description: 'Treatment', cpv: ['85312500', '85100000-0'], healthCare: true }],
        value: { annual: 1500000.5, vatIncluded: false },
        term: { initialMonths: 60, extensions: [{ months: 24, exercise: 'authority-option' }] },
        route: { regime: 'psr', process: 'competitive' },
        dates: { procurementStart: '2025-05-01', contractStart: '2026-04-01' },
        incumbent: { provider: 'Current', contractEnd: '2026-03-31' },
        staff: { assignedToService: false },
      },
    });
  });

  it('reads unknown or null as null where the schema allows null, and an empty cell as absent', async () => {
    const row = (await one('id,value.annual,staff.assignedToService,incumbent.awardedUnder,value.possibleAnnual\na,Unknown,null,UNKNOWN,\n'));
    expect(row).toEqual({ line: 2, plan: { id: 'a', value: { annual: null }, staff: { assignedToService: null }, incumbent: { awardedUnder: null } } });
  });

  it('leaves an all-empty group or list entry out, closing up the gap', async () => {
    const row = (await one('id,services.0.description,services.1.description,services.2.description,incumbent.provider\na,,Second,Third,\n'));
    expect(row).toEqual({ line: 2, plan: { id: 'a', services: [{ description: 'Second' }, { description: 'Third' }] } });
  });

  it('keeps "unknown" as text in a list whose entries may say so (pension schemes)', async () => {
    expect((await one('staff.pensionSchemes\nlgps; unknown\n'))).toEqual({ line: 2, plan: { staff: { pensionSchemes: ['lgps', 'unknown'] } } });
  });

  it('accepts services[0].cpv as well as services.0.cpv', async () => {
    expect((await one('services[0].cpv\n85312500\n'))).toEqual({ line: 2, plan: { services: [{ cpv: ['85312500'] }] } });
  });

  it('reports a non-number, a non-boolean and a null for a field that cannot be unknown, naming column and field', async () => {
    const row = (await one('id,value.annual,value.vatIncluded,value.possibleAnnual\na,"£1,000",maybe,unknown\n'));
    expect(row).toMatchObject({ line: 2, partial: { id: 'a' } });
    expect('issues' in row && row.issues).toEqual([
      { path: 'value.annual', message: expect.stringMatching(/"£1,000" is not a number .*\(column B\)$/) },
      { path: 'value.vatIncluded', message: '"maybe" is not true, false, yes or no (column C)' },
      { path: 'value.possibleAnnual', message: expect.stringMatching(/cannot be unknown.*\(column D\)$/) },
    ]);
  });

  it('reports a row with the wrong number of cells, and checks the others', async () => {
    const rows = (await parseCsvRegister('id,title\na,A\nb\nc,C\n'));
    expect(rows).toEqual([
      { line: 2, plan: { id: 'a', title: 'A' } },
      { line: 3, issues: [{ path: '', message: 'has 1 cells, the header has 2' }] },
      { line: 4, plan: { id: 'c', title: 'C' } },
    ]);
  });

  it('reports bad CSV syntax in a row by its line', async () => {
    const rows = (await parseCsvRegister('id,title\n"a"x,A\nb,B\n'));
    expect(rows[0]).toMatchObject({ line: 2, issues: [{ path: '', message: expect.stringContaining('not valid CSV') }] });
    expect(rows[1]).toEqual({ line: 3, plan: { id: 'b', title: 'B' } });
  });
});

describe('a CSV register header', () => {
  it('rejects the whole file for a header that names no plan field, naming the column once', async () => {
    const run = () => parseCsvRegister('id,authority.nmae,value.annual\na,b,1\nc,d,2\n', 'reg.csv');
    await expect(run()).rejects.toThrow(RegisterHeaderError);
    await expect(run()).rejects.toThrow(PlanValidationError);
    try {
      await run();
    } catch (e) {
      const err = e as RegisterHeaderError;
      expect(err.issues).toEqual([{ path: 'authority.nmae', message: 'names no plan field (column B)' }]);
      expect(err.message).toContain('reg.csv');
    }
  });

  it('rejects a group, a list of groups, an empty header, duplicates and overlaps', async () => {
    const read = readHeader(['authority', 'services', '', 'id', 'id', 'staff.pensionSchemes', 'staff.pensionSchemes.0', 'services.description']);
    expect('issues' in read && read.issues.map((i) => [i.path, i.message])).toEqual([
      ['authority', expect.stringContaining('group of fields')],
      ['services', expect.stringContaining('list of groups')],
      ['column C', expect.stringContaining('no header')],
      ['services.description', expect.stringContaining('services.0.description')],
      ['id', expect.stringContaining('overlaps column D')],
      ['staff.pensionSchemes.0', expect.stringContaining('overlaps column F')],
    ]);
  });

  it('derives the fields from the schema: every field the base plan uses is a column', async () => {
    const csv = toCsv([basePsrCompetitive]);
    expect((await parseCsvRegister(csv))).toEqual([{ line: 2, plan: basePsrCompetitive }]);
  });

  it('rejects an empty file', async () => {
    await expect(parseCsvRegister('')).rejects.toThrow(/empty/);
  });

  it('names columns as a spreadsheet does', async () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
