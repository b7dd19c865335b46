/**
 * Hostile and unusual Excel workbooks (issue 16): many rows, a sheet too large
 * to unpack, one cell at the far corner, huge sheets that are not read, and
 * error cells or formulas without a stored result. The workbooks are written
 * by hand (the smallest valid SpreadsheetML), so every case is exact.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSurveyXlsx } from '../../lib/io';
import { openXlsx } from '../../lib/io/xlsx';
import { tmpDir, userErrorOfAsync } from './helpers';
import { runWithHeapLimit } from './heapLimit';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A cell: text inline, numbers as numbers; raw XML when the value starts with '<'. */
function cellXml(ref: string, v: string | number): string {
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  if (v.startsWith('<')) return v.replace('<c ', `<c r="${ref}" `);
  return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
}

const letter = (c: number) => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The XML of a sheet from rows (row 1 first); extra raw XML goes at the end of sheetData. */
function sheetXml(rows: Array<Array<string | number>>, extra = ''): string {
  const body = rows.map((cells, i) => `<row r="${i + 1}">${cells.map((v, j) => cellXml(`${letter(j + 1)}${i + 1}`, v)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}${extra}</sheetData></worksheet>`;
}

/** A workbook of sheets (name -> sheet XML), as bytes. */
function workbook(sheets: Record<string, string>): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheets[n])));
  return zipSync(files, { level: 6 });
}

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const OPTS = { allowMissingItemColumns: true } as const;

describe('readSurveyXlsx: large and sparse sheets', () => {
  it('reads 200,000 rows (no spread of every row into Math.max)', async () => {
    const rows: Array<Array<string | number>> = [['respondent_id', 'network', 'trust_1']];
    for (let i = 0; i < 200_000; i++) rows.push([`R${i}`, i % 2 ? 'Noord' : 'Zuid', (i % 5) + 1]);
    const file = save('many.xlsx', workbook({ data: sheetXml(rows) }));
    const x = await readSurveyXlsx(file, OPTS);
    expect(x.rows).toBe(200_000);
    expect(x.table.get('trust_1', 199_999)).toBe(5);
  });

  it('a sheet larger than the cap is refused as too large, naming the limit and what to do', async () => {
    const rows: Array<Array<string | number>> = [['respondent_id', 'network']];
    for (let i = 0; i < 40_000; i++) rows.push([`R${i}`, 'Noord']);
    const file = save('huge.xlsx', workbook({ data: sheetXml(rows) }));
    const msg = (await userErrorOfAsync(() => readSurveyXlsx(file, { ...OPTS, zipLimits: { maxMemberBytes: 1024 * 1024 } }))).message;
    expect(msg).toMatch(/huge\.xlsx: refused to unpack xl\/worksheets\/sheet1\.xml: it is \d+ MB, larger than the 1 MB this reader accepts for one member\. Save the sheet as CSV/);
    expect(msg).not.toMatch(/Is it an Excel workbook/);
  });

  it('a huge sheet that is not asked for is never unpacked', async () => {
    const big: Array<Array<string | number>> = [['x']];
    for (let i = 0; i < 40_000; i++) big.push([`waarde ${i}`]);
    const file = save('unused.xlsx', workbook({ data: sheetXml([['respondent_id', 'network'], ['R1', 'Noord']]), archief: sheetXml(big) }));
    const limits = { zipLimits: { maxMemberBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 } };
    expect((await readSurveyXlsx(file, { ...OPTS, ...limits })).rows).toBe(1);
    expect((await userErrorOfAsync(() => readSurveyXlsx(file, { ...OPTS, ...limits, sheet: 'archief' }))).message).toMatch(/refused to unpack xl\/worksheets\/sheet2\.xml/);
  });

  it('one cell at the far corner (XFD1048576) costs one cell: read in a 96 MB heap with a clear message', () => {
    const xml = sheetXml([['respondent_id', 'network'], ['R1', 'Noord']], '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>');
    const file = save('corner.xlsx', workbook({ data: xml }));
    const run = runWithHeapLimit(
      `const { readSurveyXlsx } = require(ROOT + '/lib/io');
       try { await readSurveyXlsx(${JSON.stringify(file)}, { allowMissingItemColumns: true }); console.log('no error'); }
       catch (e) { console.log(e.name + ': ' + e.message); }`,
      96,
    );
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.stdout).toMatch(/UserInputError: .*corner\.xlsx, sheet "data": \d+ problems/);
    expect(run.stdout).toContain('column XFD has values but no name in the header row');
    expect(run.stdout).toContain('row 1048576, column "respondent_id"');
    expect(run.status).toBe(0);
  });

  it('the sparse reader keeps only the cells that are there', () => {
    const book = openXlsx(workbook({ s: sheetXml([['a']], '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>') }), 'b.xlsx');
    expect(book.sheet('s').rows).toEqual([
      { row: 1, columns: [1], values: ['a'] },
      { row: 1048576, columns: [16384], values: [7] },
    ]);
  });
});

describe('readSurveyXlsx: error cells and formulas without a result are problems, not empty cells', () => {
  it('reports #N/A and an uncalculated formula by row and column, as CSV reports "#N/A"', async () => {
    const xml = sheetXml([
      ['respondent_id', 'network', 'trust_1'],
      ['R1', 'Noord', '<c t="e"><f>VLOOKUP(A2,B:B,2,FALSE)</f><v>#N/A</v></c>'],
      ['R2', 'Noord', '<c><f>A1+1</f></c>'],
      ['R3', 'Noord', '<c><f>1+1</f><v>2</v></c>'],
    ]);
    const file = save('errors.xlsx', workbook({ data: xml }));
    const msg = (await userErrorOfAsync(() => readSurveyXlsx(file, OPTS))).message;
    expect(msg).toBe(
      [
        `${file}, sheet "data": 2 problems in the survey file:`,
        '  - row 2, column "trust_1": found the Excel error #N/A (a formula that failed), expected a value; correct the formula or its input in Excel, or clear the cell',
        '  - row 3, column "trust_1": found a formula (=A1+1) without a computed value: the program that saved the workbook did not calculate it. Open the workbook in Excel and save it again, or paste the values',
      ].join('\n'),
    );
  });
});
