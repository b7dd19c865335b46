/**
 * Reads a survey kept in Excel (.xlsx), first sheet or a named one, with
 * the project's own sparse reader (lib/io/xlsx.ts), into the same table `readSurveyCsv` gives, with the same
 * checks and the same mapping as `readSurveySav`. The header is the first
 * non-empty row; problems are reported by spreadsheet row and column header.
 */
import * as aq from 'arquero';
import { columnLetter } from './csv';
import { UserInputError } from '../util/errors';
import { readInputBytes } from './files';
import { isBadCell, openXlsx, type XlsxBadCell, type XlsxRow } from './xlsx';
import type { ZipLimits } from './zip';
import { SourceColumn, surveyFromColumns, SurveyMappingOptions } from './surveyColumns';

export interface ReadSurveyXlsxOptions extends SurveyMappingOptions {
  /** The sheet to read: its name, or its number counting from 1 (default: the first sheet). */
  sheet?: string | number;
  /** Caps on unpacking the workbook (default 128 MB for one sheet, 256 MB in all; see lib/io/xlsx.ts). */
  zipLimits?: Partial<ZipLimits>;
}

export interface SurveyXlsx {
  /** One row per respondent, columns as `readSurveyCsv` gives them. */
  table: aq.ColumnTable;
  file: string;
  /** The name of the sheet that was read. */
  sheet: string;
  rows: number;
  warnings: string[];
  /** Table column -> the header of the Excel column it came from. */
  sources: Record<string, string>;
}

type XlsxCell = string | number | boolean | Date | null | undefined | unknown;

/** A cell as the text the CSV checks read: numbers as JavaScript writes them, dates as ISO dates. */
function cellText(v: XlsxCell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Why a file is not an .xlsx workbook, and what to do instead. */
function notXlsxMessage(bytes: Uint8Array, file: string): string {
  const start = `${file}: this is not an Excel workbook (.xlsx)`;
  if (bytes.length === 0) return `${file}: the file is empty; expected an Excel workbook (.xlsx).`;
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).toString('latin1') === '$FL2' || head.subarray(0, 4).toString('latin1') === '$FL3') return `${start}: it is an SPSS data file; read it with readSurveySav.`;
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return `${start}: it is an old Excel 97-2003 workbook (.xls). Open it in Excel and save it as "Excel Workbook (*.xlsx)".`;
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  if (sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32)) return `${start}: it is a text file; if it is a CSV file, read it with readSurveyCsv.`;
  return `${start}. Save it from Excel as "Excel Workbook (*.xlsx)".`;
}

/**
 * @example
 *   const survey = await readSurveyXlsx('data/enquete.xlsx', { sheet: 'antwoorden', mapping: { 'Vertrouwen 1': 'trust_1' } });
 *   survey.table.print();
 */
export async function readSurveyXlsx(file: string, options: ReadSurveyXlsxOptions = {}): Promise<SurveyXlsx> {
  const bytes = readInputBytes(file);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new UserInputError(notXlsxMessage(bytes, file));
  // Only the sheet asked for is unpacked and parsed, and its cells are kept
  // sparse: a huge unused sheet or one cell at the far corner cost nothing.
  const book = openXlsx(bytes, file, options.zipLimits);
  const names = book.sheetNames;
  let chosen: string | undefined;
  if (options.sheet === undefined) chosen = names[0];
  else if (typeof options.sheet === 'number') chosen = names[options.sheet - 1];
  else chosen = names.find((n) => n === options.sheet) ?? names.find((n) => n.toLowerCase() === String(options.sheet).toLowerCase());
  if (chosen === undefined) {
    throw new UserInputError(
      `${file}: there is no sheet ${typeof options.sheet === 'number' ? `number ${options.sheet}` : `"${options.sheet}"`}; ` +
        `the workbook has ${names.length} sheet${names.length === 1 ? '' : 's'}: ${names.map((n) => `"${n}"`).join(', ')}.`,
    );
  }
  const sheet = book.sheet(chosen);

  const blank = (r: XlsxRow) => r.values.every((v) => !isBadCell(v) && cellText(v).trim() === '');
  const headerRecord = sheet.rows.find((r) => !blank(r));
  const where = `${file}, sheet "${chosen}"`;
  if (!headerRecord) throw new UserInputError(`${where}: the sheet is empty. Expected a header row with the columns respondent_id, network and one per item, then one row per respondent.`);
  const warnings: string[] = [];
  const problems: string[] = [];
  const headerRow = headerRecord.row;
  if (headerRow > 1) warnings.push(`The header is on row ${headerRow}; rows above it are empty and were skipped.`);
  const dataRows = sheet.rows.filter((r) => r.row > headerRow && !blank(r));
  // Rows between the header and the last row that hold nothing (whether stored or not) are skipped, as in CSV.
  const lastRow = sheet.rows.reduce((m, r) => Math.max(m, r.row), headerRow);
  const nBlank = lastRow - headerRow - dataRows.length;
  if (nBlank > 0) {
    const dataSet = new Set(dataRows.map((r) => r.row));
    const first: number[] = [];
    for (let r = headerRow + 1; r <= lastRow && first.length < 6; r++) if (!dataSet.has(r)) first.push(r);
    warnings.push(`Skipped ${nBlank} empty row${nBlank === 1 ? '' : 's'} (row${nBlank === 1 ? '' : 's'} ${first.slice(0, 5).join(', ')}${nBlank > 5 ? ', ...' : ''}).`);
  }
  if (dataRows.length === 0) problems.push('the sheet has a header row but no data rows; expected one row per respondent below the header');

  // One pass over the cells present: a column exists when its header or one of its cells holds something.
  const headerText = new Map<number, string>();
  headerRecord.columns.forEach((c, k) => headerText.set(c, cellText(headerRecord.values[k]).trim()));
  const cellsOf = new Map<number, string[]>();
  const invalidOf = new Map<number, Array<{ row: number; problem: string }>>();
  for (const c of headerRecord.columns) cellsOf.set(c, new Array<string>(dataRows.length).fill(''));
  dataRows.forEach((r, i) => {
    r.columns.forEach((c, k) => {
      let cells = cellsOf.get(c);
      if (!cells) cellsOf.set(c, (cells = new Array<string>(dataRows.length).fill('')));
      const v = r.values[k];
      if (isBadCell(v)) {
        const list = invalidOf.get(c) ?? [];
        if (list.length === 0) invalidOf.set(c, list);
        list.push({ row: r.row, problem: badCellProblem(v) });
      } else cells[i] = cellText(v).trim();
    });
  });
  const columns: SourceColumn[] = [];
  const seen = new Map<string, number>();
  for (const j of [...cellsOf.keys()].sort((x, y) => x - y)) {
    const cells = cellsOf.get(j)!;
    const name = headerText.get(j) ?? '';
    if (name === '') {
      if (cells.some((c) => c !== '') || invalidOf.has(j)) problems.push(`column ${columnLetter(j)} has values but no name in the header row; give it a name or delete it`);
      continue;
    }
    if (seen.has(name)) {
      problems.push(`the column name "${name}" is used twice (columns ${columnLetter(seen.get(name)!)} and ${columnLetter(j)})`);
      continue;
    }
    seen.set(name, j);
    columns.push({ name, cells, invalid: invalidOf.get(j) });
  }

  const result = surveyFromColumns(
    { file: where, format: 'xlsx', columns, rowNumbers: dataRows.map((r) => r.row), headerRow, problems, warnings },
    options,
  );
  return { table: result.table, file, sheet: chosen, rows: dataRows.length, warnings: result.warnings, sources: result.sources };
}

/** What is wrong with an error cell or a formula without a result, and how to fix it. */
function badCellProblem(cell: XlsxBadCell): string {
  return cell.bad === 'error'
    ? `found the Excel error ${cell.text} (a formula that failed), expected a value; correct the formula or its input in Excel, or clear the cell`
    : `found a formula (=${cell.text.length > 40 ? `${cell.text.slice(0, 37)}...` : cell.text}) without a computed value: the program that saved the workbook did not calculate it. Open the workbook in Excel and save it again, or paste the values`;
}
