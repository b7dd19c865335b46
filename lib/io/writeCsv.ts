/**
 * Writes rows as RFC 4180 CSV text: comma-separated (or the Dutch semicolon
 * flavour), fields quoted only when they must be, `\n` line ends, missing
 * values as empty fields. Deterministic: the same rows give the same bytes.
 */
export type CsvCell = string | number | null | undefined;

export interface WriteCsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Write numbers with a decimal comma (Dutch Excel); implies nothing about the delimiter. */
  decimalComma?: boolean;
}

/**
 * @example
 *   writeCsv(['id', 'score'], [['a', 3.5], ['b', null]]);
 *   // 'id,score\na,3.5\nb,\n'
 */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, options: WriteCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (options.decimalComma && delimiter === ',') {
    throw new Error('A decimal comma needs another delimiter: use delimiter ";"');
  }
  const cell = (v: CsvCell): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`Cannot write the non-finite number ${v} to CSV`);
      const s = String(v);
      return options.decimalComma ? s.replace('.', ',') : s;
    }
    return /["\r\n]/.test(v) || v.includes(delimiter) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(delimiter));
  return lines.join('\n') + '\n';
}
