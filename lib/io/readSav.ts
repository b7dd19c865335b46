/**
 * Reads an SPSS data file (.sav, .zsav) into an Arquero table with its
 * dictionary: variable labels, value labels, user-missing values, formats.
 * User-missing values become missing (null), as in SPSS's analyses; dates
 * become ISO dates (`2024-03-14`); strings lose SPSS's trailing spaces.
 */
import * as aq from 'arquero';
import { readInputBytes } from './files';
import { isCalendarSeconds, isUserMissing, SavVariable, spssSecondsToIso, SPSS_EPOCH_OFFSET_SECONDS } from './sav/format';
import { parseSav } from './sav/readSavBytes';

export interface ReadSavOptions {
  /** User-missing values: `'missing'` (default) makes them null; `'keep'` keeps the codes (e.g. 9). */
  userMissing?: 'missing' | 'keep';
  /** Dates: `'iso'` (default) text `YYYY-MM-DD` (date-times `YYYY-MM-DDTHH:MM:SS`), `'date'` JavaScript Dates, `'seconds'` SPSS's own numbers. */
  dates?: 'iso' | 'date' | 'seconds';
  /** Put value labels instead of codes in the table: true for every labelled variable, or a list of variable names. */
  valueLabels?: boolean | readonly string[];
  /** Read strings in this character encoding instead of the one the file declares. */
  encoding?: string;
}

/** A .sav file read: the table and the SPSS dictionary. */
export interface SavData {
  /** The path the messages use. */
  file: string;
  /** One column per variable, named as in SPSS (long names), one row per case. */
  table: aq.ColumnTable;
  /** The dictionary: names, labels, value labels, missing values, formats, in file order. */
  variables: SavVariable[];
  /** Variable labels by variable name (variables without a label are left out). */
  variableLabels: Record<string, string>;
  /** Value labels by variable name, then by value (`'1'`, `'9'`, or the text of a string value). */
  valueLabels: Record<string, Record<string, string>>;
  /** Number of cases (rows). */
  rows: number;
  /** The character encoding the strings were read in (`utf-8`, `windows-1252`, ...). */
  encoding: string;
  compression: 'none' | 'bytecode' | 'zlib';
  /** The program that wrote the file and when, as stored in the file. */
  product: string;
  created: string;
  fileLabel: string;
  weight: string | null;
  documents: string[];
  /** Things worth knowing that are not errors. */
  warnings: string[];
}

/** A value label's key: numbers as JavaScript writes them (`1`, `2.5`), strings as they are. */
export function labelKey(value: number | string): string {
  return typeof value === 'number' ? String(value) : value;
}

/**
 * Reads a .sav file. The file is only read, never written to.
 *
 * @example
 *   const sav = readSav('data/enquete.sav');
 *   sav.table.print();
 *   sav.variableLabels.vertrouwen_1;     // 'Ik vertrouw de andere leden'
 *   sav.valueLabels.netwerk['1'];         // 'Zeeuwse éénpitters'
 */
export function readSav(file: string, options: ReadSavOptions = {}): SavData {
  const bytes = readInputBytes(file);
  return readSavBytes(bytes, file, options);
}

/** The same as `readSav` for bytes already in memory (an upload); `file` names them in messages. */
export function readSavBytes(bytes: Uint8Array, file = 'the .sav data', options: ReadSavOptions = {}): SavData {
  const parsed = parseSav(bytes, file, { encoding: options.encoding });
  const userMissing = options.userMissing ?? 'missing';
  const dates = options.dates ?? 'iso';
  const labelled = new Set(
    options.valueLabels === true ? parsed.variables.filter((v) => v.valueLabels.length > 0).map((v) => v.name) : Array.isArray(options.valueLabels) ? options.valueLabels : [],
  );
  const columns = new Map<string, unknown[]>();
  const warnings = [...parsed.warnings];
  parsed.variables.forEach((v, i) => {
    const outside: number[] = []; // cases whose date lies outside the calendar a Date can hold
    const labels = new Map(v.valueLabels.map((l) => [labelKey(l.value), l.label]));
    columns.set(
      v.name,
      parsed.columns[i].map((x, k) => {
        if (x === null) return null;
        if (userMissing === 'missing' && isUserMissing(v, x)) return null;
        if (labelled.has(v.name) && labels.has(labelKey(x))) return labels.get(labelKey(x));
        if (typeof x === 'string') return x === '' ? null : x;
        if (v.dateKind && dates !== 'seconds') {
          if (!isCalendarSeconds(x)) {
            outside.push(k + 1);
            return null;
          }
          return dates === 'iso' ? spssSecondsToIso(x, v.dateKind) : new Date((x - SPSS_EPOCH_OFFSET_SECONDS) * 1000);
        }
        return x;
      }),
    );
    if (outside.length > 0) {
      const cases = outside.length <= 5 ? outside.join(', ') : `${outside.slice(0, 5).join(', ')}, ... (${outside.length} in all)`;
      warnings.push(
        `Variable ${v.name}: ${outside.length} date${outside.length === 1 ? '' : 's'} lie${outside.length === 1 ? 's' : ''} outside the calendar (more than 270,000 years from 1970) and became missing (case${outside.length === 1 ? '' : 's'} ${cases}); ` +
          "check the values in SPSS, or read them as numbers with the option dates: 'seconds'.",
      );
    }
  });
  // Built with fromEntries (own properties): a variable named "__proto__" stays a key.
  const variableLabels: Record<string, string> = Object.fromEntries(parsed.variables.filter((v) => v.label).map((v) => [v.name, v.label!]));
  const valueLabels: Record<string, Record<string, string>> = Object.fromEntries(
    parsed.variables.filter((v) => v.valueLabels.length > 0).map((v) => [v.name, Object.fromEntries(v.valueLabels.map((l) => [labelKey(l.value), l.label]))]),
  );
  return {
    file,
    table: aq.table(columns),
    variables: parsed.variables,
    variableLabels,
    valueLabels,
    rows: parsed.cases,
    encoding: parsed.encoding,
    compression: parsed.compression,
    product: parsed.product,
    created: parsed.created,
    fileLabel: parsed.fileLabel,
    weight: parsed.weight,
    documents: parsed.documents,
    warnings,
  };
}
