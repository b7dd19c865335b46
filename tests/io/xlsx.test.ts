/**
 * Excel in and out: readSurveyXlsx (read-excel-file) with the CSV loader's
 * checks and the SPSS reader's mapping, and writeXlsx (write-excel-file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readSurveyXlsx, writeXlsx } from '../../lib/io';
import { savFixture, sha256, tmpDir, userErrorOfAsync } from './helpers';

const instrument = readInstrument();
let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

/** A workbook from rows of cells (null = empty), sheet "antwoorden" first. */
async function workbook(name: string, rows: unknown[][], extraSheet = false): Promise<string> {
  const file = path.join(dir, name);
  const sheets = [{ data: rows as never, sheet: 'antwoorden', dateFormat: 'dd-mm-yyyy' }];
  if (extraSheet) sheets.push({ data: [['toelichting'], ['Twee éénpitters']] as never, sheet: 'uitleg', dateFormat: 'dd-mm-yyyy' });
  fs.writeFileSync(file, await writeXlsxFile(sheets).toBuffer());
  return file;
}

const HEADER = ['Respondent', 'Netwerk', 'Status', 'Vertrouwen 1', 'Vertrouwen 2', 'trust_3', 'trust_4', 'Andere netwerken'];
const MAPPING = { Respondent: 'respondent_id', Netwerk: 'network', Status: 'response_status', 'Vertrouwen 1': 'trust_1', 'Vertrouwen 2': 'trust_2', 'Andere netwerken': 'other_networks' };

describe('readSurveyXlsx', () => {
  it('reads back the whole shipped survey written by writeXlsx: the same table as from CSV', async () => {
    const csv = readSurveyCsv('data/survey.csv', { instrument });
    const file = path.join(dir, 'survey.xlsx');
    await writeXlsx(file, csv.table);
    const before = sha256(file);
    const x = await readSurveyXlsx(file, { instrument });
    expect(x.sheet).toBe('data');
    expect(x.rows).toBe(csv.rows);
    expect(x.warnings).toEqual(csv.warnings);
    expect(x.table.objects()).toEqual(csv.table.objects());
    expect(sha256(file)).toBe(before); // never written to
  });

  it('reads a named sheet with a mapping, skipping empty rows above the header and between rows', async () => {
    const file = await workbook(
      'mapped.xlsx',
      [
        [null],
        HEADER,
        ['R1', 'Twee éénpitters', 'complete', 4, 5, 3, 4, 2],
        [null, null],
        ['R2', 'Noord', 'partial', 9, null, 2, 2, 99],
        [101, 'Noord', 'complete', 1, 2, 3, 4, 0],
      ],
      true,
    );
    const x = await readSurveyXlsx(file, { sheet: 'antwoorden', mapping: MAPPING, instrument, allowMissingItemColumns: true });
    expect(x.sheet).toBe('antwoorden');
    expect(x.table.columnNames()).toEqual(['respondent_id', 'network', 'response_status', 'trust_1', 'trust_2', 'trust_3', 'trust_4', 'other_networks']);
    expect(x.table.array('respondent_id')).toEqual(['R1', 'R2', '101']);
    expect(x.table.array('network')).toEqual(['Twee éénpitters', 'Noord', 'Noord']);
    expect(x.table.array('trust_1')).toEqual([4, null, 1]); // 9 = weet niet
    expect(x.table.array('other_networks')).toEqual([2, null, 0]); // 99 = weet niet
    expect(x.sources.trust_1).toBe('Vertrouwen 1');
    expect(x.warnings[0]).toBe('The header is on row 2; rows above it are empty and were skipped.');
    expect(x.warnings[1]).toBe('Skipped 1 empty row (row 4).');
    // Sheet by number, and the first sheet by default.
    expect((await readSurveyXlsx(file, { sheet: 1, mapping: MAPPING, instrument, allowMissingItemColumns: true })).rows).toBe(3);
    expect((await readSurveyXlsx(file, { mapping: MAPPING, instrument, allowMissingItemColumns: true })).sheet).toBe('antwoorden');
  });

  it('lists every problem by spreadsheet row and the column header', async () => {
    const file = await workbook('bad.xlsx', [
      [...HEADER, 'Leeftijd', null],
      ['R1', 'Noord', 'complete', 6, 2.5, 3, 4, 2, 40, null],
      ['R1', 'Noord', 'klaar', 'mee eens', 3, 3, 3, 45, 50, 'x'],
      ['R3', 'Noord', 'complete', new Date(Date.UTC(2024, 0, 5)), 3, 3, 3, 1, 50, null],
    ]);
    const e = await userErrorOfAsync(() => readSurveyXlsx(file, { mapping: MAPPING, instrument, allowMissingItemColumns: true }));
    expect(e.message).toBe(
      [
        `${file}, sheet "antwoorden": 9 problems in the survey file:`,
        '  - row 1 (header): column J has values but no name in the header row; give it a name or delete it',
        '  - row 1 (header): column "Leeftijd" is not a column of the codebook and not in the mapping. Add {"Leeftijd": "<codebook column>"} to the mapping, map it to null to leave it out, or list it in extraColumns to keep it as text',
        '  - row 2, column "Vertrouwen 1" (trust_1): found "6" (outside 1-5), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell',
        '  - row 2, column "Vertrouwen 2" (trust_2): found "2.5" (not a whole number), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell',
        '  - row 3, column "Respondent" (respondent_id): found "R1", expected a unique respondent id; "R1" is also used in row 2',
        '  - row 3, column "Status" (response_status): found "klaar" (not a known code), expected one of the response status codes "complete", "partial", "none" or an empty cell',
        '  - row 3, column "Vertrouwen 1" (trust_1): found "mee eens" (an answer label; write its code 4), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell',
        '  - row 3, column "Andere netwerken" (other_networks): found "45" (outside 0-30), expected a whole number from 0 to 30, 99 (weet niet) or an empty cell',
        '  - row 4, column "Vertrouwen 1" (trust_1): found "2024-01-05" (not a number), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell',
      ].join('\n'),
    );
  });

  it('names a missing sheet, listing the sheets there are', async () => {
    const file = await workbook('sheets.xlsx', [HEADER], true);
    expect((await userErrorOfAsync(() => readSurveyXlsx(file, { sheet: 'Blad1' }))).message).toBe(`${file}: there is no sheet "Blad1"; the workbook has 2 sheets: "antwoorden", "uitleg".`);
    expect((await userErrorOfAsync(() => readSurveyXlsx(file, { sheet: 3 }))).message).toMatch(/there is no sheet number 3/);
  });

  it('says what a file is when it is not a workbook', async () => {
    expect((await userErrorOfAsync(() => readSurveyXlsx(savFixture('survey-nl.sav')))).message).toMatch(/not an Excel workbook \(\.xlsx\): it is an SPSS data file; read it with readSurveySav/);
    expect((await userErrorOfAsync(() => readSurveyXlsx('data/survey.csv'))).message).toMatch(/it is a text file; if it is a CSV file, read it with readSurveyCsv/);
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]));
    expect((await userErrorOfAsync(() => readSurveyXlsx(xls))).message).toMatch(/old Excel 97-2003 workbook \(\.xls\)/);
    const zip = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60)]));
    expect((await userErrorOfAsync(() => readSurveyXlsx(zip))).message).toMatch(/broken\.xlsx: cannot read the workbook/);
  });

  it('reports an empty sheet and a header without data', async () => {
    const empty = await workbook('empty.xlsx', [[null]]);
    expect((await userErrorOfAsync(() => readSurveyXlsx(empty))).message).toMatch(/sheet "antwoorden": the sheet is empty/);
    const headerOnly = await workbook('header.xlsx', [HEADER]);
    expect((await userErrorOfAsync(() => readSurveyXlsx(headerOnly, { mapping: MAPPING, allowMissingItemColumns: true }))).message).toMatch(
      /row 1 \(header\): the sheet has a header row but no data rows/,
    );
  });
});

describe('writeXlsx', () => {
  it('writes numbers as numbers, text with diacritics, empty cells for missing, and a labels sheet', async () => {
    const file = path.join(dir, 'out', 'scores.xlsx');
    await writeXlsx(
      file,
      [
        { network: 'Twee éénpitters', trust: 3.25, n: 4, when: new Date(Date.UTC(2024, 2, 14)) },
        { network: 'Niet geïnterviewd', trust: null, n: 0, when: null },
      ],
      { sheet: 'netwerken', variableLabels: { trust: 'Onderling vertrouwen (één)' } },
    );
    const sheets = await readXlsxFile(fs.readFileSync(file));
    expect(sheets.map((s) => s.sheet)).toEqual(['netwerken', 'labels']);
    expect(sheets[0].data).toEqual([
      ['network', 'trust', 'n', 'when'],
      ['Twee éénpitters', 3.25, 4, new Date(Date.UTC(2024, 2, 14))],
      ['Niet geïnterviewd', null, 0, null],
    ]);
    expect(sheets[1].data).toEqual([
      ['column', 'label'],
      ['trust', 'Onderling vertrouwen (één)'],
    ]);
  });
});
