/**
 * Reads a survey kept in Excel (.xlsx), first sheet or a named one, with
 * read-excel-file, into the same table `readSurveyCsv` gives, with the same
 * checks and the same mapping as `readSurveySav`. The header is the first
 * non-empty row; problems are reported by spreadsheet row and column header.
 */
import * as aq from 'arquero';
import { columnLetter } from './csv';
import { UserInputError } from '../util/errors';
import { readInputBytes } from './files';
import { SourceColumn, surveyFromColumns, SurveyMappingOptions } from './surveyColumns';

export interface ReadSurveyXlsxOptions extends SurveyMappingOptions {
  /** The sheet to read: its name, or its number counting from 1 (default: the first sheet). */
  sheet?: string | number;
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
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    // Loaded on first use: most processes that import this library never read Excel.
    const { default: readXlsxFile } = await import('read-excel-file/node');
    sheets = (await readXlsxFile(bytes)) as Array<{ sheet: string; data: unknown[][] }>;
  } catch (e) {
    throw new UserInputError(`${file}: cannot read the workbook (${(e as Error).message}). Is it an Excel workbook (.xlsx)? Open it in Excel and save it again.`);
  }
  const names = sheets.map((s) => s.sheet);
  let chosen: { sheet: string; data: unknown[][] } | undefined;
  if (options.sheet === undefined) chosen = sheets[0];
  else if (typeof options.sheet === 'number') chosen = sheets[options.sheet - 1];
  else chosen = sheets.find((s) => s.sheet === options.sheet) ?? sheets.find((s) => s.sheet.toLowerCase() === String(options.sheet).toLowerCase());
  if (!chosen) {
    throw new UserInputError(
      `${file}: there is no sheet ${typeof options.sheet === 'number' ? `number ${options.sheet}` : `"${options.sheet}"`}; ` +
        `the workbook has ${names.length} sheet${names.length === 1 ? '' : 's'}: ${names.map((n) => `"${n}"`).join(', ')}.`,
    );
  }

  const data = chosen.data;
  const blank = (row: unknown[] | undefined) => !row || row.every((c) => cellText(c).trim() === '');
  const headerIndex = data.findIndex((r) => !blank(r));
  const where = `${file}, sheet "${chosen.sheet}"`;
  if (headerIndex < 0) throw new UserInputError(`${where}: the sheet is empty. Expected a header row with the columns respondent_id, network and one per item, then one row per respondent.`);
  const warnings: string[] = [];
  const problems: string[] = [];
  const headerRow = headerIndex + 1;
  if (headerIndex > 0) warnings.push(`The header is on row ${headerRow}; rows above it are empty and were skipped.`);
  const body = data.slice(headerIndex + 1).map((cells, i) => ({ row: headerRow + 1 + i, cells }));
  const dataRows = body.filter((r) => !blank(r.cells));
  const blankRows = body.filter((r) => blank(r.cells)).map((r) => r.row);
  if (blankRows.length > 0) warnings.push(`Skipped ${blankRows.length} empty row${blankRows.length === 1 ? '' : 's'} (row${blankRows.length === 1 ? '' : 's'} ${blankRows.slice(0, 5).join(', ')}${blankRows.length > 5 ? ', ...' : ''}).`);
  if (dataRows.length === 0) problems.push('the sheet has a header row but no data rows; expected one row per respondent below the header');

  const width = Math.max(...[data[headerIndex], ...dataRows.map((r) => r.cells)].map((r) => r.length));
  const header = Array.from({ length: width }, (_, j) => cellText(data[headerIndex][j]).trim());
  const columns: SourceColumn[] = [];
  const seen = new Map<string, number>();
  for (let j = 0; j < width; j++) {
    const cells = dataRows.map((r) => cellText(r.cells[j]).trim());
    const name = header[j];
    if (name === '') {
      if (cells.some((c) => c !== '')) problems.push(`column ${columnLetter(j + 1)} has values but no name in the header row; give it a name or delete it`);
      continue;
    }
    if (seen.has(name)) {
      problems.push(`the column name "${name}" is used twice (columns ${columnLetter(seen.get(name)! + 1)} and ${columnLetter(j + 1)})`);
      continue;
    }
    seen.set(name, j);
    columns.push({ name, cells });
  }

  const result = surveyFromColumns(
    { file: where, format: 'xlsx', columns, rowNumbers: dataRows.map((r) => r.row), headerRow, problems, warnings },
    options,
  );
  return { table: result.table, file, sheet: chosen.sheet, rows: dataRows.length, warnings: result.warnings, sources: result.sources };
}
