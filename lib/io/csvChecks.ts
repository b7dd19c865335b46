/**
 * What `readSurveyCsv` and `readNetworksCsv` share: reading a file without
 * touching it, turning CSV text into a header plus rows, collecting every
 * problem and throwing them as one readable `UserInputError`, suggesting
 * near column names, and reading whole numbers the way Dutch Excel writes them.
 */
import { readInputBytes } from './files';
import { DEFAULT_MAX_PROBLEMS, ProblemList } from '../util/problems';
import { UserInputError } from '../util/errors';
import { columnLetter, CsvDelimiter, CsvEncoding, decodeCsvBytes, delimiterName, detectDelimiter, parseCsv, stripBom } from './csv';

/** What every reader reports besides its table. */
export interface CsvReadInfo {
  /** The path (or name) the messages use. */
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Number of data rows (respondents, networks) in the table. */
  rows: number;
  /** Things worth knowing that are not errors (skipped empty rows, encoding used, ...). */
  warnings: string[];
}

/** Options every reader accepts. */
export interface CsvReadOptions {
  /** Force the delimiter instead of detecting it from the header. */
  delimiter?: CsvDelimiter;
  /** How many problems the error message lists (default 20); the rest are counted. */
  maxProblems?: number;
}

/**
 * Reads a file's bytes (`readInputBytes`: read only, the researcher's file is
 * never written to; a missing file or folder gets a message) and decodes them.
 */
export function readCsvFile(file: string): { text: string; encoding: CsvEncoding; warnings: string[] } {
  const bytes = readInputBytes(file);
  const { text, encoding } = decodeCsvBytes(bytes);
  const warnings =
    encoding === 'windows-1252'
      ? ['The file is not valid UTF-8; it was read as Windows-1252 (the encoding Dutch Excel uses for CSV). Check that accented letters look right.']
      : [];
  return { text, encoding, warnings };
}

/** A data row of the CSV: its spreadsheet row number and one cell per header column. */
export interface GridRow {
  row: number;
  cells: string[];
}

/** A CSV split into a trimmed header and complete data rows. */
export interface CsvGrid {
  header: string[];
  /** The spreadsheet row of the header: 1 unless empty lines precede it. */
  headerRow: number;
  rows: GridRow[];
  delimiter: CsvDelimiter;
  warnings: string[];
}

/**
 * Splits CSV text into header and data rows, reporting what is wrong with the
 * shape of the file. An empty file throws at once (there is nothing else to
 * check); a header without data rows, unnamed or repeated column names, and
 * rows with more or fewer cells than the header are added to `problems`.
 * Rows whose cells are all empty are skipped (with a warning), so a spreadsheet's
 * trailing empty lines do no harm. Rows with the wrong number of cells are left
 * out of `rows` because their cells cannot be matched to columns.
 */
export function toGrid(
  text: string,
  opts: {
    file: string;
    /** What one data row is, for messages: "respondent", "network". */
    rowNoun: string;
    delimiter?: CsvDelimiter;
    /** The columns the header should have, for the message about an empty file. */
    expectedColumns: string;
  },
  problems: ProblemList,
): CsvGrid {
  const clean = stripBom(text);
  const warnings: string[] = [];
  if (clean.trim() === '') {
    throw new UserInputError(`${opts.file}: the file is empty. Expected a header row with the columns ${opts.expectedColumns}, then one row per ${opts.rowNoun}.`);
  }
  const delimiter = opts.delimiter ?? detectDelimiter(clean);
  const records = parseCsv(clean, delimiter, opts.file);
  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
  // The header is the first non-blank record (leading empty lines are tolerated).
  const headerIndex = records.findIndex((r) => !isBlank(r.cells));
  if (headerIndex < 0) {
    throw new UserInputError(
      `${opts.file}: every row is empty (the file holds only ${delimiterName(delimiter)} separators, quotes or spaces). ` +
        `Expected a header row with the columns ${opts.expectedColumns}, then one row per ${opts.rowNoun}.`,
    );
  }
  const headerRecord = records[headerIndex];
  const header = headerRecord.cells.map((c) => c.trim());
  if (headerRecord.row > 1) warnings.push(`The header is on row ${headerRecord.row}; rows above it are empty and were skipped.`);

  const body = records.slice(headerIndex + 1);
  const blankRows = body.filter((r) => isBlank(r.cells)).map((r) => r.row);
  const dataRecords = body.filter((r) => !isBlank(r.cells));

  // Trailing unnamed columns with no values are an Excel artefact (a cleared column); drop them.
  let width = header.length;
  while (width > 1 && header[width - 1] === '' && dataRecords.every((r) => (r.cells[width - 1] ?? '').trim() === '')) width--;
  if (width < header.length) warnings.push(`Ignored ${header.length - width} empty column${header.length - width === 1 ? '' : 's'} without a name at the end of the header.`);
  header.length = width;

  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const where = `row ${headerRecord.row} (header), column ${columnLetter(i + 1)}`;
    if (name === '') problems.add(`${where}: found a column without a name, expected a column name`);
    else if (seen.has(name)) problems.add(`${where}: the column name "${name}" is used twice (also in column ${columnLetter(seen.get(name)! + 1)})`);
    else seen.set(name, i);
  });
  if (header.length === 1 && dataRecords.length > 0) {
    problems.add(
      `row ${headerRecord.row} (header): found only one column, "${header[0]}", when split by ${delimiterName(delimiter)}; ` +
        'expected several columns. Is the file separated by another character? Save it as CSV from the spreadsheet, or pass the option delimiter',
    );
  }
  if (dataRecords.length === 0) {
    problems.add(`the file has a header row but no data rows; expected one row per ${opts.rowNoun} below the header`);
  }

  const rows: GridRow[] = [];
  for (const r of dataRecords) {
    let cells = r.cells;
    // Extra cells that are empty (trailing delimiters) are harmless.
    if (cells.length > width && cells.slice(width).every((c) => c.trim() === '')) cells = cells.slice(0, width);
    if (cells.length !== width) {
      problems.add(
        `row ${r.row}: found ${cells.length} cell${cells.length === 1 ? '' : 's'}, expected ${width} (one per column of the header); ` +
          `check the ${delimiterName(delimiter)} separators and the quotes in this row`,
      );
      continue;
    }
    rows.push({ row: r.row, cells });
  }
  if (blankRows.length > 0) {
    warnings.push(`Skipped ${blankRows.length} empty row${blankRows.length === 1 ? '' : 's'} (row${blankRows.length === 1 ? '' : 's'} ${summariseRows(blankRows)}).`);
  }
  return { header, headerRow: headerRecord.row, rows, delimiter, warnings };
}

/** "3, 5, 9" or "3, 5, 9, ... (12 in all)" for long lists. */
function summariseRows(rows: number[]): string {
  return rows.length <= 5 ? rows.join(', ') : `${rows.slice(0, 5).join(', ')}, ... (${rows.length} in all)`;
}

/** The key under which names that differ only in capitals (or in how an accent is stored) are the same. */
export function caseKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The result of reading a cell as a whole number. */
export type WholeNumberCell =
  | { kind: 'empty' }
  | { kind: 'whole'; value: number }
  | { kind: 'fraction'; value: number }
  /**
   * Digits grouped by threes after a point or comma ("1.000", "2,500",
   * "1.000.000"): a thousands separator (Dutch 1.000 = one thousand) or three
   * decimals (English 1.000 = one)? Never guessed: the cell is refused.
   */
  | { kind: 'grouped'; thousands: number }
  | { kind: 'text' };

/** What a message says about a grouped number ("1.000"), and how to fix it. */
export function groupedNote(cell: string, thousands: number): string {
  return `a thousands separator or three decimals? Write ${thousands} without a separator${/^[+-]?\d+[.,]\d{3}$/.test(cell.trim()) ? `, or the number without its decimals` : ''}`;
}

/**
 * Reads a trimmed cell as a number, accepting a decimal comma ("3,0" = 3) as
 * Dutch Excel writes it. Only plain notation is accepted: an optional sign,
 * digits, and an optional decimal part; no exponents. Digits grouped by
 * threes after a point or comma ("1.000") are `grouped`: a thousands
 * separator and three decimals cannot be told apart, so neither is assumed.
 *
 * @example
 *   parseWholeNumber(' 4 ')   // => { kind: 'whole', value: 4 }
 *   parseWholeNumber('3,0')   // => { kind: 'whole', value: 3 }
 *   parseWholeNumber('3,5')   // => { kind: 'fraction', value: 3.5 }
 *   parseWholeNumber('1.000') // => { kind: 'grouped', thousands: 1000 }
 *   parseWholeNumber('vier')  // => { kind: 'text' }
 */
export function parseWholeNumber(cell: string): WholeNumberCell {
  const s = cell.trim();
  if (s === '') return { kind: 'empty' };
  if (/^[+-]?\d{1,3}([.,]\d{3})+$/.test(s)) return { kind: 'grouped', thousands: Number(s.replace(/[.,]/g, '')) };
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return { kind: 'text' };
  const value = Number(s.replace(',', '.'));
  if (Number.isInteger(value)) return { kind: 'whole', value: value === 0 ? 0 : value }; // no -0
  return { kind: 'fraction', value };
}
