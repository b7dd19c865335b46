/**
 * A writer for SPSS system files (.sav), uncompressed or bytecode-compressed,
 * little-endian, in UTF-8 with the character encoding record, following the
 * "System File Format" chapter of the GNU PSPP developers' guide and the
 * record layout PSPP itself writes (which SPSS reads): variable records with
 * labels and missing values, value labels (record 3/4 for numbers and short
 * strings, extension 21 for longer strings), long variable names (13), very
 * long strings (14), display parameters (11: measurement level), and the
 * encoding record (20).
 */
import { UserInputError } from '../../util/errors';
import {
  BYTECODE,
  COMPRESSION_BIAS,
  dateToSpssSeconds,
  encodeFormat,
  HIGHEST,
  LOWEST,
  MEASURE_CODES,
  MeasurementLevel,
  RESERVED_NAMES,
  SavFormat,
  SavMissing,
  SavValueLabel,
  SavVariable,
  segmentCount,
  segmentWidth,
  SYSMIS,
} from './format';
import { encodeUtf8, utf8Prefix } from './text';

/** One column to write: its values and the SPSS dictionary information for it. */
export interface SavColumn {
  name: string;
  /**
   * Numbers (null, undefined and NaN are system-missing), strings, JavaScript
   * Dates (written as SPSS dates, EDATE10: dd.mm.yyyy) or booleans (1/0).
   * A column holds numbers or strings, not both.
   */
  values: ArrayLike<unknown>;
  /** Variable label (at most 255 bytes are kept). */
  label?: string | null;
  /** Value labels: `{ "1": "helemaal mee oneens", ... }` or a list of `{ value, label }`. */
  valueLabels?: Record<string, string> | readonly SavValueLabel[];
  /** User-missing values (numbers, or short strings), and/or a numeric range. */
  missing?: SavMissing;
  /** Measurement level; default: nominal for strings, ordinal for numbers with value labels, else scale. */
  measure?: MeasurementLevel;
  /** Decimals shown for a numeric column (default 0 when every value is whole, else 2). */
  decimals?: number;
}

export interface BuildSavOptions {
  /** `bytecode` (default, what SPSS writes) or `none`. */
  compression?: 'none' | 'bytecode';
  /** The file label SPSS shows (at most 64 bytes). */
  fileLabel?: string;
  /** Creation time stamp in the header (default: now). */
  created?: Date;
}

/** The bytes of a system file, the variables as written, and what had to be adapted. */
export interface BuiltSav {
  bytes: Buffer;
  variables: SavVariable[];
  warnings: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_VALUE_LABEL_BYTES = 120; // SPSS's limit (the format allows 255)
const MAX_VARIABLE_LABEL_BYTES = 255;
const MAX_STRING_WIDTH = 32767;

/**
 * Grows one buffer of little-endian values (doubling its size when full), so
 * that a file of N values costs about its own size in memory, not an object
 * per value.
 */
class ByteWriter {
  private buf = Buffer.alloc(64 * 1024);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = Buffer.alloc(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  byte(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }
  int32(v: number): void {
    this.reserve(4);
    this.buf.writeInt32LE(v | 0, this.length);
    this.length += 4;
  }
  float64(v: number): void {
    this.reserve(8);
    this.buf.writeDoubleLE(v, this.length);
    this.length += 8;
  }
  /** Text (UTF-8, or Latin-1 for ASCII-only record parts) padded with spaces or cut to exactly `n` bytes. */
  padded(text: string | Uint8Array, n: number, pad = 0x20): void {
    const src = typeof text === 'string' ? encodeUtf8(text) : text;
    this.reserve(n);
    this.buf.fill(pad, this.length, this.length + n);
    this.buf.set(src.subarray(0, Math.min(n, src.length)), this.length);
    this.length += n;
  }
  zeros(n: number): void {
    this.reserve(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }
  toBuffer(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

type Kind = 'numeric' | 'string' | 'date';

interface Planned {
  column: SavColumn;
  name: string;
  shortNames: string[];
  kind: Kind;
  width: number;
  /** Numbers (seconds for dates) or null; or the texts (encoded as UTF-8 when written) for strings. */
  numbers?: Array<number | null>;
  strings?: string[];
  format: SavFormat;
  label: Buffer | null;
  valueLabels: Array<{ value: number | string; label: Buffer }>;
  missing: SavMissing;
  measure: MeasurementLevel;
}

/**
 * Makes a valid, unique SPSS variable name: letters (including accented
 * ones), digits and `_ . $ # @`, starting with a letter, at most 64 bytes,
 * not a reserved word, unique ignoring case.
 */
export function spssVariableName(name: string, taken: Set<string>): string {
  let n = name.trim().replace(/[^\p{L}\p{N}_.$#@]/gu, '_');
  if (!/^\p{L}/u.test(n)) n = `v${n}`;
  n = n.replace(/\.+$/, '');
  if (RESERVED_NAMES.has(n.toUpperCase())) n = `${n}_`;
  n = utf8Prefix(n, 64).bytes.toString('utf8');
  let candidate = n;
  for (let i = 2; taken.has(candidate.toUpperCase()); i++) {
    const suffix = `_${i}`;
    candidate = utf8Prefix(n, 64 - suffix.length).bytes.toString('utf8') + suffix;
  }
  taken.add(candidate.toUpperCase());
  return candidate;
}

/** An 8-byte upper-case ASCII short name derived from `name`, unique in `taken`. */
function shortName(name: string, taken: Set<string>): string {
  let base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9_.$#@]/g, '_');
  if (!/^[A-Z]/.test(base)) base = `V${base}`;
  base = base.slice(0, 8).replace(/\.+$/, '');
  let candidate = base;
  for (let i = 1; taken.has(candidate) || RESERVED_NAMES.has(candidate); i++) {
    const suffix = `_${i.toString(36).toUpperCase()}`;
    candidate = base.slice(0, 8 - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}` : `the ${typeof v} ${String(v)}`;
}

/** Decides a column's type and converts its values. */
function planValues(col: SavColumn, n: number): Pick<Planned, 'kind' | 'width' | 'numbers' | 'strings'> & { allWhole: boolean; maxAbs: number; negative: boolean } {
  let kind: Kind | undefined;
  let firstRow = 0;
  for (let i = 0; i < n; i++) {
    const v = col.values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    const k: Kind = typeof v === 'string' ? 'string' : v instanceof Date ? 'date' : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? 'numeric' : 'string';
    if (typeof v === 'object' && !(v instanceof Date)) {
      throw new UserInputError(`Column "${col.name}", row ${i + 1}: found ${JSON.stringify(v)}, expected a number, a text, a date or an empty value.`);
    }
    if (kind === undefined) {
      kind = k;
      firstRow = i;
    } else if (kind !== k) {
      throw new UserInputError(
        `Column "${col.name}": row ${firstRow + 1} holds ${describe(col.values[firstRow])} but row ${i + 1} ${describe(v)}; ` +
          'an SPSS variable holds either numbers, dates or text. Convert the column to one type first.',
      );
    }
  }
  kind ??= 'numeric';
  if (kind === 'string') {
    // Kept as text and encoded row by row when written: a Buffer per cell would cost far more than the text.
    const strings: string[] = [];
    let width = 1;
    for (let i = 0; i < n; i++) {
      const v = col.values[i];
      const t = v === null || v === undefined ? '' : String(v).replace(/ +$/, '');
      strings.push(t);
      width = Math.max(width, Buffer.byteLength(t, 'utf8'));
    }
    if (width > MAX_STRING_WIDTH) throw new UserInputError(`Column "${col.name}": a text of ${width} bytes is longer than SPSS allows (${MAX_STRING_WIDTH} bytes).`);
    return { kind, width, strings, allWhole: false, maxAbs: 0, negative: false };
  }
  const numbers: Array<number | null> = [];
  let allWhole = true;
  let maxAbs = 0;
  let negative = false;
  for (let i = 0; i < n; i++) {
    const v = col.values[i];
    let x: number | null;
    if (v === null || v === undefined) x = null;
    else if (v instanceof Date) x = Number.isNaN(v.getTime()) ? null : dateToSpssSeconds(v);
    else x = Number(v);
    if (x !== null && !Number.isFinite(x)) x = null;
    numbers.push(x);
    if (x !== null) {
      if (!Number.isInteger(x)) allWhole = false;
      maxAbs = Math.max(maxAbs, Math.abs(x));
      if (x < 0) negative = true;
    }
  }
  return { kind, width: 0, numbers, allWhole, maxAbs, negative };
}

/** Normalises value labels to a list, keyed by number for numeric variables. */
function planValueLabels(col: SavColumn, kind: Kind, warnings: string[], name: string): Array<{ value: number | string; label: Buffer }> {
  const list: SavValueLabel[] = Array.isArray(col.valueLabels)
    ? [...(col.valueLabels as readonly SavValueLabel[])]
    : Object.entries((col.valueLabels ?? {}) as Record<string, string>).map(([value, label]) => ({ value, label }));
  const out: Array<{ value: number | string; label: Buffer }> = [];
  for (const { value, label } of list) {
    let v: number | string = value;
    if (kind !== 'string') {
      v = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (String(value).trim() === '' || !Number.isFinite(v)) {
        throw new UserInputError(`Value labels of "${col.name}": the value ${JSON.stringify(value)} is not a number, but the variable is numeric.`);
      }
    } else v = String(value);
    const { bytes, cut } = utf8Prefix(String(label), MAX_VALUE_LABEL_BYTES);
    if (cut) warnings.push(`Variable ${name}: the value label of ${JSON.stringify(value)} was shortened to ${MAX_VALUE_LABEL_BYTES} bytes, the SPSS limit.`);
    out.push({ value: v, label: bytes });
  }
  return out;
}

/**
 * Builds a system file from columns.
 *
 * @example
 *   const { bytes } = buildSav([
 *     { name: 'network', values: ['Noord', 'Zeeuwse éénpitters'], label: 'Netwerk' },
 *     { name: 'trust', values: [3.25, null], label: 'Vertrouwen', decimals: 2 },
 *   ]);
 */
export function buildSav(columns: readonly SavColumn[], options: BuildSavOptions = {}): BuiltSav {
  const warnings: string[] = [];
  if (columns.length === 0) throw new UserInputError('Nothing to write: an SPSS file needs at least one variable (column).');
  const nRows = columns[0].values.length;
  for (const col of columns) {
    if (col.values.length !== nRows) {
      throw new UserInputError(`Column "${col.name}" has ${col.values.length} values, but column "${columns[0].name}" has ${nRows}; every column needs one value per row.`);
    }
  }
  const compression = options.compression ?? 'bytecode';
  const longTaken = new Set<string>();
  const shortTaken = new Set<string>();

  const planned: Planned[] = columns.map((col) => {
    const name = spssVariableName(col.name, longTaken);
    if (name !== col.name) warnings.push(`Column "${col.name}" is written as variable "${name}" (a valid, unique SPSS name).`);
    const values = planValues(col, nRows);
    const width = values.width;
    const shortNames = Array.from({ length: values.kind === 'string' ? segmentCount(width) : 1 }, (_, k) => shortName(k === 0 ? name : `${name}_${k}`, shortTaken));
    let format: SavFormat;
    if (values.kind === 'string') format = { type: 'A', width: Math.min(width, 255), decimals: 0 };
    else if (values.kind === 'date') format = { type: 'EDATE', width: 10, decimals: 0 };
    else {
      const decimals = Math.max(0, Math.min(16, col.decimals ?? (values.allWhole ? 0 : 2)));
      const intDigits = values.maxAbs >= 1 ? Math.floor(Math.log10(values.maxAbs)) + 1 : 1;
      const fieldWidth = Math.min(40, Math.max(8, intDigits + (decimals > 0 ? decimals + 1 : 0) + (values.negative ? 1 : 0)));
      format = { type: 'F', width: fieldWidth, decimals: Math.min(decimals, fieldWidth - 1) };
    }
    let label: Buffer | null = null;
    if (col.label) {
      const p = utf8Prefix(col.label, MAX_VARIABLE_LABEL_BYTES);
      if (p.cut) warnings.push(`Variable ${name}: the label was shortened to ${MAX_VARIABLE_LABEL_BYTES} bytes, the SPSS limit.`);
      label = p.bytes;
    }
    let valueLabels = planValueLabels(col, values.kind, warnings, name);
    if (values.kind === 'string' && width > 255 && valueLabels.length > 0) {
      warnings.push(`Variable ${name}: value labels were left out; SPSS has no value labels for texts longer than 255 bytes.`);
      valueLabels = [];
    }
    if (values.kind === 'string') {
      for (const vl of valueLabels) {
        if (encodeUtf8(String(vl.value)).length > width) {
          throw new UserInputError(`Value labels of "${col.name}": the value ${JSON.stringify(vl.value)} is longer than the variable's ${width} bytes.`);
        }
      }
    }
    const missing: SavMissing = { values: [...(col.missing?.values ?? [])], range: col.missing?.range };
    checkMissing(col.name, missing, values.kind, width);
    const measure = col.measure ?? (values.kind === 'string' ? 'nominal' : valueLabels.length > 0 ? 'ordinal' : 'scale');
    return { column: col, name, shortNames, kind: values.kind, width, numbers: values.numbers, strings: values.strings, format, label, valueLabels, missing, measure };
  });

  const w = new ByteWriter();
  const caseSlots = planned.reduce((sum, p) => sum + slotsOf(p), 0);

  // --- File header ---
  const created = options.created ?? new Date();
  const two = (x: number) => String(x).padStart(2, '0');
  w.padded('$FL2', 4);
  w.padded('@(#) SPSS DATA FILE delicate-verbanden (lib/io/sav)', 60);
  w.int32(2); // layout code
  w.int32(caseSlots);
  w.int32(compression === 'bytecode' ? 1 : 0);
  w.int32(0); // not weighted
  w.int32(nRows);
  w.float64(COMPRESSION_BIAS);
  w.padded(`${two(created.getDate())} ${MONTHS[created.getMonth()]} ${two(created.getFullYear() % 100)}`, 9);
  w.padded(`${two(created.getHours())}:${two(created.getMinutes())}:${two(created.getSeconds())}`, 8);
  const fileLabel = utf8Prefix(options.fileLabel ?? '', 64);
  if (fileLabel.cut) warnings.push('The file label was shortened to 64 bytes, the SPSS limit.');
  w.padded(fileLabel.bytes, 64);
  w.zeros(3);

  // --- Variable records ---
  const firstSlot = new Map<Planned, number>();
  let slot = 0;
  for (const p of planned) {
    firstSlot.set(p, slot);
    const segments = p.kind === 'string' ? segmentCount(p.width) : 1;
    for (let k = 0; k < segments; k++) {
      const segWidth = p.kind === 'string' ? segmentWidth(p.width, k) : 0;
      const fmt = k === 0 ? p.format : { type: 'A', width: segWidth, decimals: 0 };
      const code = encodeFormat(p.kind === 'string' ? { ...fmt, width: Math.min(segWidth, 255) } : fmt);
      const missing = k === 0 ? recordMissing(p) : { n: 0, raw: [] as Buffer[] };
      w.int32(2);
      w.int32(segWidth);
      w.int32(k === 0 && p.label ? 1 : 0);
      w.int32(missing.n);
      w.int32(code);
      w.int32(code);
      w.padded(p.shortNames[k], 8);
      if (k === 0 && p.label) {
        w.int32(p.label.length);
        w.bytes(p.label);
        w.zeros((4 - (p.label.length % 4)) % 4);
      }
      for (const m of missing.raw) w.bytes(m);
      const slots = p.kind === 'string' ? Math.ceil(segWidth / 8) : 1;
      for (let j = 1; j < slots; j++) {
        w.int32(2);
        w.int32(-1);
        w.int32(0);
        w.int32(0);
        w.int32(0);
        w.int32(0);
        w.zeros(8);
      }
      slot += slots;
    }
  }

  // --- Value labels of numbers and strings up to 8 bytes (records 3 and 4) ---
  for (const p of planned) {
    if (p.valueLabels.length === 0 || (p.kind === 'string' && p.width > 8)) continue;
    w.int32(3);
    w.int32(p.valueLabels.length);
    for (const vl of p.valueLabels) {
      if (p.kind === 'string') w.padded(String(vl.value), 8);
      else w.float64(vl.value as number);
      w.bytes(Buffer.from([vl.label.length]));
      w.bytes(vl.label);
      w.zeros((8 - ((vl.label.length + 1) % 8)) % 8);
    }
    w.int32(4);
    w.int32(1);
    w.int32(firstSlot.get(p)! + 1);
  }

  // --- Extension records, in the order PSPP writes them ---
  const extension = (subtype: number, size: number, data: Buffer) => {
    w.int32(7);
    w.int32(subtype);
    w.int32(size);
    w.int32(data.length / size);
    w.bytes(data);
  };
  const ints = (values: number[]) => {
    const b = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    return b;
  };
  // 3: machine integer info: version 1.0.0, machine -1, IEEE 754, compression 1, little-endian, UTF-8 (65001).
  extension(3, 4, ints([1, 0, 0, -1, 1, 1, 2, 65001]));
  // 4: machine floating-point info: SYSMIS, HIGHEST, LOWEST.
  const floats = Buffer.alloc(24);
  floats.writeDoubleLE(SYSMIS, 0);
  floats.writeDoubleLE(HIGHEST, 8);
  floats.writeDoubleLE(LOWEST, 16);
  extension(4, 8, floats);
  // 11: display parameters per segment: measure, display width, alignment (0 left, 1 right).
  const display: number[] = [];
  for (const p of planned) {
    const segments = p.kind === 'string' ? segmentCount(p.width) : 1;
    const displayWidth = p.kind === 'string' ? Math.min(Math.max(p.width, 1), 32) : p.format.width;
    for (let k = 0; k < segments; k++) display.push(MEASURE_CODES[p.measure], displayWidth, p.kind === 'string' ? 0 : 1);
  }
  extension(11, 4, ints(display));
  // 13: long variable names.
  extension(13, 1, encodeUtf8(planned.map((p) => `${p.shortNames[0]}=${p.name}`).join('\t')));
  // 14: very long strings.
  const veryLong = planned.filter((p) => p.kind === 'string' && p.width > 255);
  if (veryLong.length > 0) extension(14, 1, encodeUtf8(veryLong.map((p) => `${p.shortNames[0]}=${String(p.width).padStart(5, '0')}\0\t`).join('')));
  // 21: value labels of strings longer than 8 bytes.
  const longLabelled = planned.filter((p) => p.kind === 'string' && p.width > 8 && p.width <= 255 && p.valueLabels.length > 0);
  if (longLabelled.length > 0) {
    const b = new ByteWriter();
    for (const p of longLabelled) {
      const name = encodeUtf8(p.name);
      b.int32(name.length);
      b.bytes(name);
      b.int32(p.width);
      b.int32(p.valueLabels.length);
      for (const vl of p.valueLabels) {
        b.int32(p.width);
        b.padded(String(vl.value), p.width);
        b.int32(vl.label.length);
        b.bytes(vl.label);
      }
    }
    extension(21, 1, b.toBuffer());
  }
  // 22: missing values of strings longer than 8 bytes.
  const longMissing = planned.filter((p) => p.kind === 'string' && p.width > 8 && p.missing.values.length > 0);
  if (longMissing.length > 0) {
    const b = new ByteWriter();
    for (const p of longMissing) {
      const name = encodeUtf8(p.name);
      b.int32(name.length);
      b.bytes(name);
      b.bytes(Buffer.from([p.missing.values.length]));
      b.int32(8);
      for (const v of p.missing.values) b.padded(String(v), 8);
    }
    extension(22, 1, b.toBuffer());
  }
  // 20: character encoding.
  extension(20, 1, encodeUtf8('UTF-8'));
  // 999: end of the dictionary.
  w.int32(999);
  w.int32(0);

  // --- Data ---
  const data = compression === 'bytecode' ? new BytecodeWriter(w) : undefined;
  const slotBuf = Buffer.alloc(8);
  for (let r = 0; r < nRows; r++) {
    for (const p of planned) {
      if (p.kind !== 'string') {
        const x = p.numbers![r];
        if (data) data.number(x);
        else w.float64(x ?? SYSMIS);
        continue;
      }
      const bytes = encodeUtf8(p.strings![r]);
      const segments = segmentCount(p.width);
      for (let k = 0; k < segments; k++) {
        const segWidth = segmentWidth(p.width, k);
        const region = Buffer.alloc(Math.ceil(segWidth / 8) * 8, 0x20);
        bytes.copy(region, 0, Math.min(k * 255, bytes.length), Math.min(k * 255 + Math.min(segWidth, 255), bytes.length));
        for (let j = 0; j < region.length; j += 8) {
          region.copy(slotBuf, 0, j, j + 8);
          if (data) data.string(slotBuf);
          else w.bytes(slotBuf);
        }
      }
    }
  }
  data?.finish();

  const variables: SavVariable[] = planned.map((p) => ({
    name: p.name,
    shortName: p.shortNames[0],
    type: p.kind === 'string' ? 'string' : 'numeric',
    width: p.width,
    label: p.label ? p.label.toString('utf8') : null,
    format: p.format,
    writeFormat: p.format,
    measure: p.measure,
    valueLabels: p.valueLabels.map((vl) => ({ value: vl.value, label: vl.label.toString('utf8') })),
    missing: p.missing,
    dateKind: p.kind === 'date' ? 'date' : null,
  }));
  return { bytes: w.toBuffer(), variables, warnings };
}

function slotsOf(p: Pick<Planned, 'kind' | 'width'>): number {
  if (p.kind !== 'string') return 1;
  let n = 0;
  for (let k = 0; k < segmentCount(p.width); k++) n += Math.ceil(segmentWidth(p.width, k) / 8);
  return n;
}

function checkMissing(column: string, m: SavMissing, kind: Kind, width: number): void {
  const max = m.range ? 1 : 3;
  if (m.values.length > max) {
    throw new UserInputError(`Missing values of "${column}": SPSS allows ${m.range ? 'a range plus one value' : 'at most three values'}, found ${m.values.length}${m.range ? ' values and a range' : ''}.`);
  }
  if (kind === 'string') {
    if (m.range) throw new UserInputError(`Missing values of "${column}": a text variable cannot have a missing-value range.`);
    for (const v of m.values) {
      if (typeof v !== 'string' || encodeUtf8(v).length > Math.min(8, width)) {
        throw new UserInputError(`Missing values of "${column}": ${JSON.stringify(v)} must be a text of at most ${Math.min(8, width)} bytes.`);
      }
    }
  } else {
    for (const v of m.values) if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserInputError(`Missing values of "${column}": ${JSON.stringify(v)} is not a number.`);
    if (m.range && !(m.range.low <= m.range.high)) throw new UserInputError(`Missing values of "${column}": the range ${m.range.low} to ${m.range.high} is empty.`);
  }
}

/** The n_missing_values code and 8-byte values of a variable record. */
function recordMissing(p: Planned): { n: number; raw: Buffer[] } {
  const m = p.missing;
  if (p.kind === 'string') {
    if (p.width > 8 || m.values.length === 0) return { n: 0, raw: [] };
    return {
      n: m.values.length,
      raw: m.values.map((v) => {
        const b = Buffer.alloc(8, 0x20);
        encodeUtf8(String(v)).copy(b);
        return b;
      }),
    };
  }
  const num = (x: number) => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    return b;
  };
  if (m.range) {
    const low = m.range.low === -Infinity ? LOWEST : m.range.low;
    const high = m.range.high === Infinity ? HIGHEST : m.range.high;
    return { n: m.values.length === 0 ? -2 : -3, raw: [num(low), num(high), ...m.values.map((v) => num(v as number))] };
  }
  return { n: m.values.length, raw: m.values.map((v) => num(v as number)) };
}

/** Bytecode compression: blocks of 8 command bytes, each followed by the raw 8-byte values they announce. */
class BytecodeWriter {
  private commands: number[] = [];
  /** The raw 8-byte values of the current block (at most 8), reused for every block. */
  private readonly rawBytes = Buffer.alloc(64);
  private rawCount = 0;

  constructor(private readonly out: ByteWriter) {}

  number(x: number | null): void {
    if (x === null) this.push(BYTECODE.SYSMIS);
    else if (Number.isInteger(x) && x >= 1 - COMPRESSION_BIAS && x <= 251 - COMPRESSION_BIAS) this.push(x + COMPRESSION_BIAS);
    else {
      this.rawBytes.writeDoubleLE(x, this.rawCount * 8);
      this.rawCount++;
      this.push(BYTECODE.RAW);
    }
  }

  string(slot: Buffer): void {
    if (slot.every((b) => b === 0x20)) this.push(BYTECODE.SPACES);
    else {
      slot.copy(this.rawBytes, this.rawCount * 8, 0, 8);
      this.rawCount++;
      this.push(BYTECODE.RAW);
    }
  }

  finish(): void {
    if (this.commands.length > 0) {
      while (this.commands.length < 8) this.commands.push(BYTECODE.PADDING);
      this.flush();
    }
  }

  private push(code: number): void {
    this.commands.push(code);
    if (this.commands.length === 8) this.flush();
  }

  private flush(): void {
    for (const c of this.commands) this.out.byte(c);
    this.out.bytes(this.rawBytes.subarray(0, this.rawCount * 8));
    this.commands = [];
    this.rawCount = 0;
  }
}
