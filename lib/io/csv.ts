/**
 * Low-level CSV reading: turn the bytes of a file into text (UTF-8 or the
 * Windows-1252 that Dutch Excel writes), find the delimiter, and split the
 * text into records following RFC 4180 (quoted fields with embedded
 * delimiters, line breaks and doubled quotes). Nothing here knows about the
 * survey; validation lives in `readSurveyCsv` and `readNetworksCsv`.
 */
import { UserInputError } from '../util/errors';

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

/** The delimiters `detectDelimiter` recognises, in order of preference on a tie. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

/** One record of a CSV file. */
export interface CsvRecord {
  /** The row number a spreadsheet shows for this record (the first record, usually the header, is row 1). */
  row: number;
  /** The raw cell texts, quotes removed, not trimmed. */
  cells: string[];
}

/**
 * The characters of bytes 0x80-0x9F in Windows-1252. Node's TextDecoder (20.x)
 * decodes the label 'windows-1252' as ISO-8859-1, which turns these bytes into
 * invisible C1 control characters instead of €, ‘ ’, “ ” and the dashes that
 * Excel writes. The five bytes Windows-1252 leaves undefined keep their C1 code
 * point, as the WHATWG Encoding standard prescribes.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Decodes the bytes of a CSV file. Valid UTF-8 (with or without a byte-order
 * mark) is read as UTF-8; anything else is read as Windows-1252, the encoding
 * Dutch Excel uses for "CSV (gescheiden door lijstscheidingsteken)". Every
 * byte is a character in Windows-1252, so this never fails. A leading BOM is
 * removed.
 *
 * @example
 *   decodeCsvBytes(Buffer.from('network\nZeeuwse \xe9\xe9npitters\n', 'latin1'))
 *   // => { text: 'network\nZeeuwse éénpitters\n', encoding: 'windows-1252', bom: false }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding; bom: boolean } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // `fatal: true` makes invalid UTF-8 throw instead of producing U+FFFD;
    // `ignoreBOM: true` keeps the BOM in the text so it is removed below, in one place.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: stripBom(text), encoding: 'utf-8', bom };
  } catch {
    const latin = new TextDecoder('windows-1252').decode(bytes);
    const text = latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
    return { text, encoding: 'windows-1252', bom: false };
  }
}

/** Removes a leading byte-order mark (U+FEFF) from decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Guesses the delimiter from the first record (the header): the most frequent
 * of semicolon, comma and tab outside quotes. A header without any of them
 * (a single column) gives a comma.
 *
 * @example
 *   detectDelimiter('respondent_id;network;trust_1\r\nR1;"A, B";4') // => ';'
 *   detectDelimiter('respondent_id,network\n')                      // => ','
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes; // a doubled quote toggles twice: no net change
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    if (counts.get(d)! > bestCount) {
      best = d;
      bestCount = counts.get(d)!;
    }
  }
  return best;
}

/**
 * Splits CSV text into records (RFC 4180). Fields may be quoted with `"`;
 * inside quotes the delimiter and line breaks are data and `""` is one quote.
 * Line breaks may be CRLF, LF or CR. Empty lines are kept as records with one
 * empty cell, so that `row` matches the row a spreadsheet shows; a final line
 * break does not start a new record. A quote inside an unquoted field is kept
 * as a character (lenient, as Excel does). A quoted field that is never closed
 * is an error naming the row where it opened.
 *
 * @example
 *   parseCsv('id;note\r\nR1;"ja; dus ""zo""\nklaar"\r\n', ';', 'answers.csv')
 *   // => [ { row: 1, cells: ['id', 'note'] },
 *   //      { row: 2, cells: ['R1', 'ja; dus "zo"\nklaar'] } ]
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, file = 'the CSV text'): CsvRecord[] {
  // Fields are cut out of the text as slices (never built a character at a
  // time), so memory stays proportional to the text, however long a cell is.
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let parts: string[] = []; // the pieces of the current field (one, unless it holds doubled quotes)
  let partsLength = 0;
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const takeField = (): string => {
    const f = parts.length === 0 ? '' : parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    partsLength = 0;
    return f;
  };
  let i = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && partsLength === 0) {
      // Only a quote at the start of a field opens a quoted field (RFC 4180).
      const openedInRow = records.length + 1;
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          throw new UserInputError(
            `${file}: row ${openedInRow} opens a quoted field (starting with ") that is never closed. ` +
              'Add the closing quote, or write a quote inside a quoted field as two quotes ("").',
          );
        }
        if (q > j) {
          parts.push(text.slice(j, q));
          partsLength += q - j;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts.push('"');
          partsLength++;
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    } else if (ch === delim) {
      cells.push(takeField());
      i++;
    } else if (ch === CR || ch === LF) {
      cells.push(takeField());
      records.push({ row: records.length + 1, cells });
      cells = [];
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // An unquoted run up to the next delimiter or line break; a quote inside it is data.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      parts.push(text.slice(i, j));
      partsLength += j - i;
      i = j;
    }
  }
  // The last record, unless the text ended with a line break (or is empty).
  if (partsLength > 0 || cells.length > 0) {
    cells.push(takeField());
    records.push({ row: records.length + 1, cells });
  }
  return records;
}

/** Spreadsheet column letters for a 1-based column number: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** How a delimiter is called in messages. */
export function delimiterName(delimiter: CsvDelimiter): string {
  return delimiter === ';' ? 'semicolon (;)' : delimiter === ',' ? 'comma (,)' : 'tab';
}
