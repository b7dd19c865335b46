/**
 * Writes a table to an Excel workbook (.xlsx) with write-excel-file: a bold,
 * frozen header row, numbers as numbers (Excel shows them with the reader's
 * own decimal separator), dates as dates, empty cells for missing values.
 * Variable labels, when given, go to a second sheet, so that the first sheet
 * stays a plain table that `readSurveyXlsx` and other programs read back.
 */
import type { Cell, Row, SheetData } from 'write-excel-file/node';
import { UserInputError } from '../util/errors';
import { writeOutputBytes } from './files';
import { TableInput, toColumns } from './tableInput';

export interface WriteXlsxOptions {
  /** Name of the data sheet (default "data"). */
  sheet?: string;
  /** Variable labels by column name, written to a second sheet "labels" (column, label). */
  variableLabels?: Record<string, string>;
  /** Name of the labels sheet (default "labels"). */
  labelsSheet?: string;
  /** Excel number format for numbers that are not whole, e.g. "0.00" (default: General, full precision). */
  numberFormat?: string;
}

/** Excel limits a sheet name to 31 characters without : \ / ? * [ ]. */
function sheetName(name: string, what: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
  if (clean.trim() === '') throw new UserInputError(`The ${what} sheet needs a name.`);
  return clean;
}

/** The cells of a table as write-excel-file sheet data, header first. */
export function xlsxSheetData(table: TableInput, options: Pick<WriteXlsxOptions, 'numberFormat'> = {}): SheetData {
  const columns = toColumns(table);
  const n = columns[0]?.values.length ?? 0;
  const header: Row = columns.map((c) => ({ value: c.name, type: String, fontWeight: 'bold' }));
  const rows: SheetData = [header];
  for (let i = 0; i < n; i++) {
    rows.push(
      columns.map((c): Cell => {
        const v = c.values[i];
        if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
        if (typeof v === 'number') return Number.isInteger(v) || !options.numberFormat ? { value: v, type: Number } : { value: v, type: Number, format: options.numberFormat };
        if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { value: v, type: Date, format: 'yyyy-mm-dd' };
        if (typeof v === 'boolean') return { value: v, type: Boolean };
        return { value: String(v), type: String };
      }),
    );
  }
  return rows;
}

/** The bytes of the workbook `writeXlsx` writes. */
export async function xlsxBytes(table: TableInput, options: WriteXlsxOptions = {}): Promise<Buffer> {
  const columns = toColumns(table);
  if (columns.length === 0) throw new UserInputError('Nothing to write: the table has no columns.');
  const widths = columns.map((c) => ({ width: Math.min(50, Math.max(8, c.name.length + 2)) }));
  const sheets = [{ data: xlsxSheetData(table, options), sheet: sheetName(options.sheet ?? 'data', 'data'), columns: widths, stickyRowsCount: 1 }];
  if (options.variableLabels && Object.keys(options.variableLabels).length > 0) {
    const labelRows: SheetData = [
      [
        { value: 'column', type: String, fontWeight: 'bold' },
        { value: 'label', type: String, fontWeight: 'bold' },
      ],
      ...columns.filter((c) => options.variableLabels![c.name] !== undefined).map((c): Row => [c.name, options.variableLabels![c.name]]),
    ];
    sheets.push({ data: labelRows, sheet: sheetName(options.labelsSheet ?? 'labels', 'labels'), columns: [{ width: 30 }, { width: 60 }], stickyRowsCount: 1 });
  }
  // Loaded on first use: most processes that import this library (notebook kernels) never write Excel.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile(sheets).toBuffer();
}

/**
 * @example
 *   await writeXlsx('out/scores.xlsx', scores, { variableLabels: { trust: 'Vertrouwen' } });
 */
export async function writeXlsx(file: string, table: TableInput, options: WriteXlsxOptions = {}): Promise<{ file: string; rows: number }> {
  const bytes = await xlsxBytes(table, options);
  writeOutputBytes(file, bytes);
  return { file, rows: toColumns(table)[0]?.values.length ?? 0 };
}
