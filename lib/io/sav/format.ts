/**
 * Constants and types of the SPSS system file format (.sav), as documented in
 * the "System File Format" chapter of the GNU PSPP developers' guide. Shared
 * by the reader (`readSavBytes`) and the writer (`writeSavBytes`).
 */
import { UserInputError } from '../../util/errors';

/** The system-missing value: -DBL_MAX. */
export const SYSMIS = -Number.MAX_VALUE;
/** HIGHEST, the open upper end of a missing-value range: DBL_MAX. */
export const HIGHEST = Number.MAX_VALUE;
/** LOWEST, the open lower end of a missing-value range: the second-largest negative double. */
export const LOWEST = -1.7976931348623155e308;

/** Seconds from SPSS's day zero (1582-10-14) to the Unix epoch (1970-01-01): 141 428 days. */
export const SPSS_EPOCH_OFFSET_SECONDS = 141428 * 86400;

/** The compression bias of bytecode compression: a code c stands for the number c - bias. */
export const COMPRESSION_BIAS = 100;

/** Bytecode commands (compressed data). */
export const BYTECODE = {
  PADDING: 0,
  END_OF_FILE: 252,
  RAW: 253,
  SPACES: 254,
  SYSMIS: 255,
} as const;

/** Print/write format type codes (the high 16 bits of a format). */
export const FORMAT_NAMES: Record<number, string> = {
  1: 'A',
  2: 'AHEX',
  3: 'COMMA',
  4: 'DOLLAR',
  5: 'F',
  6: 'IB',
  7: 'PIBHEX',
  8: 'P',
  9: 'PIB',
  10: 'PK',
  11: 'RB',
  12: 'RBHEX',
  15: 'Z',
  16: 'N',
  17: 'E',
  20: 'DATE',
  21: 'TIME',
  22: 'DATETIME',
  23: 'ADATE',
  24: 'JDATE',
  25: 'DTIME',
  26: 'WKDAY',
  27: 'MONTH',
  28: 'MOYR',
  29: 'QYR',
  30: 'WKYR',
  31: 'PCT',
  32: 'DOT',
  33: 'CCA',
  34: 'CCB',
  35: 'CCC',
  36: 'CCD',
  37: 'CCE',
  38: 'EDATE',
  39: 'SDATE',
  40: 'MTIME',
  41: 'YMDHMS',
};

export const FORMAT_CODES: Record<string, number> = Object.fromEntries(Object.entries(FORMAT_NAMES).map(([code, name]) => [name, Number(code)]));

/** Formats whose values are calendar dates (seconds since 1582-10-14, whole days). */
export const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'MOYR', 'QYR', 'WKYR']);
/** Formats whose values are a date and a time of day. */
export const DATETIME_FORMATS = new Set(['DATETIME', 'YMDHMS']);

/** A print or write format: type, field width, decimals (`F8.2`, `A20`, `EDATE10`). */
export interface SavFormat {
  type: string;
  width: number;
  decimals: number;
}

/** `F8.2`, `A20`, `EDATE10`: how SPSS writes a format. */
export function formatToString(f: SavFormat): string {
  return f.type === 'A' || DATE_FORMATS.has(f.type) || f.decimals === 0 ? `${f.type}${f.width}` : `${f.type}${f.width}.${f.decimals}`;
}

/** Decodes the int32 of a variable record's print or write format. */
export function decodeFormat(code: number): SavFormat {
  const type = (code >>> 16) & 0xff;
  return { type: FORMAT_NAMES[type] ?? `format${type}`, width: (code >>> 8) & 0xff, decimals: code & 0xff };
}

/** Encodes a format into the int32 of a variable record. */
export function encodeFormat(f: SavFormat): number {
  const type = FORMAT_CODES[f.type];
  if (type === undefined) throw new Error(`unknown SPSS format type ${f.type}`);
  return ((type << 16) | ((f.width & 0xff) << 8) | (f.decimals & 0xff)) >>> 0;
}

export type MeasurementLevel = 'nominal' | 'ordinal' | 'scale';

/** Measurement level codes of the variable display parameter record (subtype 11). */
export const MEASURE_CODES: Record<MeasurementLevel, number> = { nominal: 1, ordinal: 2, scale: 3 };

/** A variable's user-missing values: up to three discrete values, or a range with at most one discrete value. */
export interface SavMissing {
  values: Array<number | string>;
  /** A numeric range; `low` is -Infinity for LOWEST ("LO THRU x"), `high` Infinity for HIGHEST ("x THRU HI"). */
  range?: { low: number; high: number };
}

export interface SavValueLabel {
  value: number | string;
  label: string;
}

/** One variable of a system file, after very long strings are joined and long names applied. */
export interface SavVariable {
  /** The (long) variable name, as SPSS shows it. */
  name: string;
  /** The 8-byte short name the file also stores. */
  shortName: string;
  type: 'numeric' | 'string';
  /** Width in bytes for strings; 0 for numbers. */
  width: number;
  label: string | null;
  format: SavFormat;
  writeFormat: SavFormat;
  /** Measurement level from the display parameter record, when the file has one. */
  measure: MeasurementLevel | null;
  valueLabels: SavValueLabel[];
  missing: SavMissing;
  /** `date` for date formats, `datetime` for date-and-time formats, otherwise null. */
  dateKind: 'date' | 'datetime' | null;
}

/**
 * A value (number or string) is user-missing for a variable: one of its
 * discrete missing values or inside its missing range.
 */
export function isUserMissing(variable: Pick<SavVariable, 'missing'>, value: number | string): boolean {
  const m = variable.missing;
  if (typeof value === 'string') {
    const v = value.trimEnd();
    return m.values.some((x) => typeof x === 'string' && x.trimEnd() === v);
  }
  if (m.values.some((x) => x === value)) return true;
  return m.range !== undefined && value >= m.range.low && value <= m.range.high;
}

/** The largest distance from 1970 a JavaScript Date holds: 100,000,000 days, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/** True when SPSS seconds are a date a JavaScript Date (and an ISO text) can hold. */
export function isCalendarSeconds(seconds: number): boolean {
  const ms = Math.round((seconds - SPSS_EPOCH_OFFSET_SECONDS) * 1000);
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/** SPSS seconds since 1582-10-14 -> `YYYY-MM-DD` (dates) or `YYYY-MM-DDTHH:MM:SS` (date-times). */
export function spssSecondsToIso(seconds: number, kind: 'date' | 'datetime'): string {
  if (!isCalendarSeconds(seconds)) {
    throw new UserInputError(`The SPSS date value ${seconds} lies outside the calendar (more than 270,000 years from 1970); check the value in SPSS.`);
  }
  const ms = Math.round((seconds - SPSS_EPOCH_OFFSET_SECONDS) * 1000);
  const iso = new Date(ms).toISOString(); // UTC: SPSS dates have no time zone
  return kind === 'date' ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A JavaScript Date (its UTC day and time) -> SPSS seconds since 1582-10-14. */
export function dateToSpssSeconds(date: Date): number {
  return date.getTime() / 1000 + SPSS_EPOCH_OFFSET_SECONDS;
}

/** Reserved words that cannot be variable names. */
export const RESERVED_NAMES = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

/** Number of segments of a string of `width` bytes (very long strings > 255 bytes have several). */
export function segmentCount(width: number): number {
  return width <= 255 ? 1 : Math.ceil(width / 252);
}

/** Width in bytes of segment `i` of a string of `width` bytes. */
export function segmentWidth(width: number, i: number): number {
  const n = segmentCount(width);
  if (n === 1) return width;
  return i < n - 1 ? 255 : width - (n - 1) * 252;
}

/** Number of 8-byte slots a variable of this width (0 = numeric) occupies in a case, over all its segments. */
export function slotCount(width: number): number {
  if (width === 0) return 1;
  let n = 0;
  for (let i = 0; i < segmentCount(width); i++) n += Math.ceil(segmentWidth(width, i) / 8);
  return n;
}
