import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNetworksCsv, readNetworksCsvText } from '../../lib/io/readNetworksCsv';
import { UserInputError } from '../../lib/util/errors';
import { errorOf, sha256, tmpDir } from './surveyFixtures';

/** A committed fixture as Dutch Excel saves it: Windows-1252, semicolons, CRLF, quoted fields. */
const EXCEL_NL = path.resolve(__dirname, '..', 'fixtures', 'csv', 'networks-excel-nl.csv');
let dir: string;

beforeAll(() => {
  dir = tmpDir();
});

function problemOf(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const e = errorOf(() => readNetworksCsv(file));
  expect(e).toBeInstanceOf(UserInputError);
  return e.message;
}

describe('readNetworksCsv', () => {
  it('reads a Dutch Excel file: Windows-1252, semicolons, quoted fields, decimal comma', () => {
    const before = sha256(EXCEL_NL);
    const r = readNetworksCsv(EXCEL_NL);
    expect(sha256(EXCEL_NL)).toBe(before); // never written to
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.rows).toBe(3);
    expect(r.table.columnNames()).toEqual(['network', 'years', 'members', 'composition', 'lead', 'website', 'boundary_notes', 'data_origin']);
    expect(r.table.array('network')).toEqual(['Noordelijk netwerk', 'Zeeuwse éénpitters', 'Randstad-Oost']);
    expect(r.table.array('years')).toEqual([8, 5, 12]);
    expect(r.table.array('members')).toEqual([14, 7, null]);
    expect(r.table.get('composition', 1)).toBe('kleine besturen;\nmbo-instelling');
    expect(r.table.get('lead', 1)).toBe('coördinator');
    expect(r.table.get('boundary_notes', 0)).toBe('afspraken over "opleiden in de school"; zie notulen');
    expect(r.table.get('boundary_notes', 1)).toBe('geïnterviewd, € 500 budget');
    expect(r.table.get('website', 1)).toBeNull();
  });

  it('reads comma-separated UTF-8 text; only network is required', () => {
    const r = readNetworksCsvText('network,lead\nNoord,bestuurder\nZuid,\n', { file: 'pasted' });
    expect(r.table.columnNames()).toEqual(['network', 'lead']);
    expect(r.table.array('lead')).toEqual(['bestuurder', null]);
    expect(r.encoding).toBe('utf-8');
  });

  it('reports a missing network column and a misspelt known column', () => {
    const msg = problemOf('no-network.csv', 'naam,years,Members\nNoord,3,4\n');
    expect(msg).toMatch(/no-network\.csv: 2 problems in the networks file/);
    expect(msg).toContain('the required column "network" is missing');
    expect(msg).toContain('column "Members" looks like "members"; rename it to "members"');
  });

  it('checks the cells of a misspelt network column (duplicates still found)', () => {
    const msg = problemOf('netwerk.csv', 'Netwerk;years\nNoord;3\nNoord;4\n');
    expect(msg).toContain('column "Netwerk" looks like "network"');
    expect(msg).toContain('row 3, column "Netwerk": found "Noord", expected a unique network name; "Noord" is also used in row 2');
    expect(msg).not.toContain('is missing');
  });

  it('reports duplicate and empty network names, naming both rows', () => {
    const msg = problemOf('dup.csv', 'network,years\nNoord,3\nZuid,4\nNoord,5\n ,6\n');
    expect(msg).toContain('row 4, column "network": found "Noord", expected a unique network name; "Noord" is also used in row 2');
    expect(msg).toContain('row 5, column "network": found an empty cell, expected the name of the network');
  });

  it('reports years and members that are not whole numbers >= 0', () => {
    const msg = problemOf('numbers.csv', 'network;years;members\nA;-1;3\nB;2,5;veel\nC;4;\n');
    expect(msg).toMatch(/numbers\.csv: 3 problems/);
    expect(msg).toContain('row 2, column "years": found "-1" (negative), expected a whole number >= 0 or an empty cell');
    expect(msg).toContain('row 3, column "years": found "2,5" (not a whole number)');
    expect(msg).toContain('row 3, column "members": found "veel" (not a number)');
  });

  it('reports empty, header-only and absent files clearly', () => {
    expect(problemOf('empty.csv', '')).toMatch(/empty\.csv: the file is empty\. Expected a header row with the columns network, years, members/);
    expect(problemOf('header.csv', 'network;years;members\r\n')).toContain('the file has a header row but no data rows');
    const e = errorOf(() => readNetworksCsv(path.join(dir, 'nope.csv')));
    expect(e).toBeInstanceOf(UserInputError);
    expect(e.message).toContain('nope.csv: the file does not exist');
  });
});
