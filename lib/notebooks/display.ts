/**
 * Tables in notebooks: an Arquero table (or plain rows) as an HTML table in
 * the tslab kernel, numbers rounded for reading, missing values as "–".
 * Outside a notebook (a script, a test) the same table is printed as text
 * with Arquero's `print`.
 */
import * as aq from 'arquero';
import type { HtmlDisplay } from '../render/show';
import { escapeHtml } from '../util/html';

export interface ShowTableOptions {
  /** Decimals of non-whole numbers (default 2). */
  digits?: number;
  /** Largest number of rows shown (default all). */
  limit?: number;
  /** A caption above the table. */
  caption?: string;
  /** Where the HTML goes (default tslab's display); for tests. */
  display?: HtmlDisplay;
}

type Rows = ReadonlyArray<Readonly<Record<string, unknown>>>;

/** Plain rows (or an Arquero table) as an Arquero table. */
export function asTable(rows: aq.ColumnTable | Rows): aq.ColumnTable {
  return Array.isArray(rows) ? aq.from(rows as Rows as Record<string, unknown>[]) : (rows as aq.ColumnTable);
}

/** A number for reading: whole numbers as they are, others with `digits` decimals; null as "–". */
export function formatCell(v: unknown, digits = 2): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => formatCell(x, digits)).join(', ');
  return String(v);
}

/** The HTML of a table as `showTable` displays it (pure, for tests). */
/**
 * Formatters per column: a column with any non-whole number shows every
 * number with `digits` decimals (3 as 3.00), a column of whole numbers shows
 * them as they are.
 */
function columnFormats(table: aq.ColumnTable, digits: number): Record<string, (v: unknown) => string> {
  const format: Record<string, (v: unknown) => string> = {};
  for (const name of table.columnNames()) {
    const values = table.array(name) as unknown as unknown[];
    const fractional = Array.from(values).some((v) => typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v));
    format[name] = (v: unknown) => (fractional && typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : formatCell(v, digits));
  }
  return format;
}

export function tableHtml(rows: aq.ColumnTable | Rows, options: Omit<ShowTableOptions, 'display'> = {}): string {
  const table = asTable(rows);
  const digits = options.digits ?? 2;
  // Arquero escapes the formatted text itself
  const format = columnFormats(table, digits);
  const html = table.toHTML({ limit: options.limit ?? Infinity, format, null: () => '–' });
  const caption = options.caption ? `<p style="font-weight:bold;margin:0.5em 0 0.2em">${escapeHtml(options.caption)}</p>` : '';
  const more = options.limit !== undefined && table.numRows() > options.limit ? `<p style="color:#5b6270">${table.numRows() - options.limit} more rows</p>` : '';
  return `${caption}${html}${more}`;
}

function tslabDisplay(): HtmlDisplay | null {
  try {
    // Only the notebook kernel has tslab.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('tslab') as { display: HtmlDisplay }).display;
  } catch {
    return null;
  }
}

/**
 * Shows a table: HTML in a tslab notebook, Arquero's text print elsewhere.
 *
 * @example
 *   showTable(study.surveyTable.groupby('network').count(), { caption: 'Rows per network' });
 */
export function showTable(rows: aq.ColumnTable | Rows, options: ShowTableOptions = {}): void {
  const display = options.display ?? tslabDisplay();
  if (display) {
    try {
      display.html(tableHtml(rows, options));
      return;
    } catch {
      // tslab is installed but this is no kernel (a script): print instead
    }
  }
  const table = asTable(rows);
  if (options.caption) console.log(options.caption);
  const format = columnFormats(table, options.digits ?? 2);
  const text = (table.objects() as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, format[k](v)])));
  aq.from(text).print({ limit: Math.min(options.limit ?? table.numRows(), table.numRows()) });
}

/** The table with those of `columns` it has, in that order (a user's file may lack some). */
export function pickColumns(table: aq.ColumnTable, columns: readonly string[]): aq.ColumnTable {
  const have = new Set(table.columnNames());
  return table.select(columns.filter((c) => have.has(c)));
}
