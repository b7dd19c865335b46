/**
 * A focused reader for SPSS system files (.sav and zlib-compressed .zsav),
 * following the "System File Format" chapter of the GNU PSPP developers'
 * guide: the file header, variable records (with long-string continuation
 * records), value labels, documents, the extension records this project needs
 * (machine integer info 3, display parameters 11, long variable names 13, very
 * long strings 14, extended case count 16, character encoding 20, long-string
 * value labels 21 and missing values 22), and the data in all three layouts
 * (uncompressed, bytecode-compressed, zlib-compressed).
 *
 * Strings are decoded only after all of their bytes are joined, so characters
 * that straddle the 8-byte pieces of the format come out intact.
 *
 * Everything that can be wrong with the bytes is a UserInputError naming the
 * file and what was being read; nothing is written anywhere.
 */
import * as zlib from 'node:zlib';
import { UserInputError } from '../../util/errors';
import {
  BYTECODE,
  DATE_FORMATS,
  DATETIME_FORMATS,
  decodeFormat,
  HIGHEST,
  LOWEST,
  MeasurementLevel,
  SavMissing,
  SavValueLabel,
  SavVariable,
  segmentCount,
  segmentWidth,
  SYSMIS,
} from './format';
import { decodeText, encodingOfCodePage, isAscii, isKnownEncoding, normaliseEncoding, withoutIncompleteEnd } from './text';

export interface ParseSavOptions {
  /** Read strings in this encoding instead of the one the file declares (e.g. 'windows-1252'). */
  encoding?: string;
}

/** What `parseSav` returns: the dictionary and the raw data, column by column. */
export interface ParsedSav {
  /** The product that wrote the file (`@(#) SPSS DATA FILE ...` without the prefix). */
  product: string;
  /** Creation date and time as stored: `29 Nov 26 11:56:24`. */
  created: string;
  fileLabel: string;
  /** The character encoding used to read the strings, normalised (`utf-8`, `windows-1252`, ...). */
  encoding: string;
  compression: 'none' | 'bytecode' | 'zlib';
  bigEndian: boolean;
  cases: number;
  variables: SavVariable[];
  /**
   * One array per variable, in dictionary order: numbers (null = system
   * missing) for numeric variables, strings without trailing spaces for string
   * variables. User-missing values are still here; see `isUserMissing`.
   */
  columns: Array<Array<number | string | null>>;
  /** The weight variable, if the file is weighted. */
  weight: string | null;
  /** Lines of the file's DOCUMENT record, if any. */
  documents: string[];
  warnings: string[];
}

/** One variable record as stored (a continuation record has type -1). */
interface RawVariable {
  type: number;
  shortNameBytes: Uint8Array;
  labelBytes: Uint8Array | null;
  nMissing: number;
  missingRaw: Uint8Array[];
  print: number;
  write: number;
}

/** A variable record with its continuations: one segment of a variable. */
interface Segment {
  raw: RawVariable;
  width: number;
  /** Index of the segment's first 8-byte slot in a case. */
  slot: number;
  slots: number;
  shortName: string;
}

interface Extension {
  subtype: number;
  size: number;
  count: number;
  data: Uint8Array;
  offset: number;
}

/** Reads numbers and bytes from the file, with a clear error when it ends too soon. */
class Cursor {
  pos = 0;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
    public littleEndian = true,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  need(n: number, what: string): void {
    if (!(n >= 0) || this.pos < 0 || this.pos + n > this.bytes.length) throw truncated(this.file, this.bytes.length, what);
  }

  int32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  int64(what: string): number {
    this.need(8, what);
    const v = Number(this.view.getBigInt64(this.pos, this.littleEndian));
    this.pos += 8;
    return v;
  }

  float64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.littleEndian);
    this.pos += 8;
    return v;
  }

  uint8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }

  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function truncated(file: string, length: number, what: string): UserInputError {
  return new UserInputError(
    `${file}: the file ends too soon (after ${length} bytes) while reading ${what}. ` +
      'The .sav file is incomplete, e.g. an interrupted download or copy; save or copy it again from SPSS.',
  );
}

function damaged(file: string, offset: number, what: string): UserInputError {
  return new UserInputError(`${file}: the .sav file is damaged at byte ${offset}: ${what}. Save it again from SPSS (File > Save As > SPSS Statistics).`);
}

/** Decodes the 8-byte value of a numeric variable. */
function float64Of(bytes: Uint8Array, littleEndian: boolean): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, littleEndian);
}

/** Latin-1 text of bytes (for the ASCII parts of the file: magic, names in records, encoding names). */
function ascii(bytes: Uint8Array): string {
  // Not String.fromCharCode(...bytes): a spread of a large record overflows the call stack.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Why a file is not a system file, in words a researcher understands:
 * an Excel workbook, a portable file, a text (CSV) file, or just not SPSS.
 */
function notSavMessage(bytes: Uint8Array, file: string): string {
  const start = `${file}: this is not an SPSS data file (.sav)`;
  if (bytes.length === 0) return `${file}: the file is empty; expected an SPSS data file (.sav).`;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return `${start}: it is a zip archive, such as an Excel workbook (.xlsx). Read a workbook with readSurveyXlsx, or save the data from SPSS as .sav.`;
  }
  const head = ascii(bytes.subarray(0, Math.min(bytes.length, 1024)));
  if (head.includes('SPSSPORT')) {
    return `${start}: it is an SPSS portable file (.por). Open it in SPSS or PSPP and save it as .sav (SAVE OUTFILE='file.sav').`;
  }
  if (head.startsWith('$FL')) return `${start}: it starts with "${head.slice(0, 4)}", a system-file version this reader does not know (expected "$FL2" or "$FL3").`;
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  const texty = sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (texty) {
    return `${start}: it is a text file (it does not start with "$FL2"). If it is a CSV file, read it with readSurveyCsv; from SPSS, use File > Save As > SPSS Statistics (*.sav).`;
  }
  return `${start}: it does not start with "$FL2", as every .sav file does. From SPSS, use File > Save As > SPSS Statistics (*.sav).`;
}

/**
 * Parses the bytes of a system file. `file` names it in messages.
 *
 * @example
 *   const sav = parseSav(fs.readFileSync('survey.sav'), 'survey.sav');
 *   sav.variables.map((v) => v.name); // ['respondent_id', 'network', ...]
 */
export function parseSav(bytes: Uint8Array, file: string, options: ParseSavOptions = {}): ParsedSav {
  const warnings: string[] = [];
  const magic = ascii(bytes.subarray(0, 4));
  if (magic !== '$FL2' && magic !== '$FL3') throw new UserInputError(notSavMessage(bytes, file));
  const c = new Cursor(bytes, file);
  c.pos = 4;

  // --- File header (176 bytes) ---
  const productBytes = c.take(60, 'the file header');
  const layoutLE = new DataView(bytes.buffer, bytes.byteOffset + 64, 4);
  c.need(4, 'the file header');
  const le = layoutLE.getInt32(0, true);
  const be = layoutLE.getInt32(0, false);
  if (le === 2 || le === 3) c.littleEndian = true;
  else if (be === 2 || be === 3) c.littleEndian = false;
  else throw damaged(file, 64, `the layout code is ${le}, expected 2 or 3`);
  c.int32('the file header');
  c.int32('the file header'); // nominal case size (recomputed from the variables)
  const compressionCode = c.int32('the file header');
  const weightIndex = c.int32('the file header');
  let nCases = c.int32('the file header');
  const bias = c.float64('the file header');
  const createdBytes = c.take(17, 'the file header');
  const labelBytes = c.take(64, 'the file header');
  c.take(3, 'the file header');
  const compression = compressionCode === 0 ? 'none' : compressionCode === 1 ? 'bytecode' : compressionCode === 2 ? 'zlib' : undefined;
  if (compression === undefined) throw damaged(file, 72, `unknown compression code ${compressionCode}`);
  if (compression === 'zlib' && magic !== '$FL3') warnings.push('The file is zlib-compressed but starts with "$FL2" instead of "$FL3"; read anyway.');

  // --- Dictionary records, up to the termination record 999 ---
  const raws: RawVariable[] = [];
  const labelSets: Array<{ labels: Array<{ value: Uint8Array; label: Uint8Array }>; indexes: number[]; offset: number }> = [];
  const documentsRaw: Uint8Array[] = [];
  const extensions = new Map<number, Extension[]>();
  for (;;) {
    const offset = c.pos;
    const recType = c.int32('the dictionary (the variable records)');
    if (recType === 999) {
      c.int32('the dictionary termination record');
      break;
    }
    switch (recType) {
      case 2: {
        const what = `variable record ${raws.length + 1}`;
        const type = c.int32(what);
        const hasLabel = c.int32(what);
        const nMissing = c.int32(what);
        const print = c.int32(what);
        const write = c.int32(what);
        const shortNameBytes = c.take(8, what);
        let label: Uint8Array | null = null;
        if (hasLabel === 1) {
          const len = c.int32(`the label of ${what}`);
          if (len < 0 || len > 65535) throw damaged(file, c.pos - 4, `a variable label of ${len} bytes`);
          label = c.take(len, `the label of ${what}`);
          c.take((4 - (len % 4)) % 4, `the label of ${what}`);
        } else if (hasLabel !== 0) throw damaged(file, offset + 8, `has_var_label is ${hasLabel}, expected 0 or 1`);
        if (![0, 1, 2, 3, -2, -3].includes(nMissing)) throw damaged(file, offset + 12, `${nMissing} missing values in ${what}`);
        const missingRaw: Uint8Array[] = [];
        for (let i = 0; i < Math.abs(nMissing); i++) missingRaw.push(c.take(8, `the missing values of ${what}`));
        if (type < -1 || type > 255) throw damaged(file, offset + 4, `variable type ${type}, expected -1 to 255`);
        raws.push({ type, shortNameBytes, labelBytes: label, nMissing, missingRaw, print, write });
        break;
      }
      case 3: {
        const n = c.int32('a value label record');
        if (n < 0 || n * 9 > c.remaining) throw n < 0 ? damaged(file, offset + 4, `${n} value labels`) : truncated(file, bytes.length, 'a value label record');
        const labels: Array<{ value: Uint8Array; label: Uint8Array }> = [];
        for (let i = 0; i < n; i++) {
          const value = c.take(8, 'a value label');
          const len = c.uint8('a value label');
          const label = c.take(len, 'a value label');
          c.take((8 - ((len + 1) % 8)) % 8, 'a value label');
          labels.push({ value, label });
        }
        const t4 = c.int32('the variables of a value label record');
        if (t4 !== 4) throw damaged(file, c.pos - 4, `a value label record is followed by record type ${t4}, expected 4 (the variables it applies to)`);
        const nVars = c.int32('the variables of a value label record');
        if (nVars < 0 || nVars * 4 > c.remaining) throw nVars < 0 ? damaged(file, c.pos - 4, `${nVars} variables`) : truncated(file, bytes.length, 'the variables of a value label record');
        const indexes: number[] = [];
        for (let i = 0; i < nVars; i++) indexes.push(c.int32('the variables of a value label record'));
        labelSets.push({ labels, indexes, offset });
        break;
      }
      case 6: {
        const lines = c.int32('a document record');
        if (lines < 0 || lines * 80 > c.remaining) throw lines < 0 ? damaged(file, offset + 4, `${lines} document lines`) : truncated(file, bytes.length, 'a document record');
        for (let i = 0; i < lines; i++) documentsRaw.push(c.take(80, 'a document record'));
        break;
      }
      case 7: {
        const subtype = c.int32('an extension record');
        const size = c.int32('an extension record');
        const count = c.int32('an extension record');
        if (size < 0 || count < 0) throw damaged(file, offset, `extension record ${subtype} has size ${size} and count ${count}`);
        const data = c.take(size * count, `extension record ${subtype}`);
        const list = extensions.get(subtype) ?? [];
        list.push({ subtype, size, count, data, offset });
        extensions.set(subtype, list);
        break;
      }
      default:
        throw damaged(file, offset, `unknown record type ${recType} in the dictionary`);
    }
  }
  const dataStart = c.pos;

  // --- Character encoding: the option, the encoding record (20), the code page (3), or a default ---
  const ext = (subtype: number) => extensions.get(subtype)?.[0];
  const integerInfo = ext(3);
  let codePage: number | undefined;
  if (integerInfo && integerInfo.size === 4 && integerInfo.count >= 8) {
    codePage = new DataView(integerInfo.data.buffer, integerInfo.data.byteOffset, 32).getInt32(28, c.littleEndian);
  }
  const declared = ext(20) ? normaliseEncoding(ascii(ext(20)!.data)) : codePage !== undefined ? encodingOfCodePage(codePage) : undefined;
  let encoding = options.encoding ? normaliseEncoding(options.encoding) : declared;
  if (encoding === undefined) {
    encoding = 'windows-1252';
    warnings.push('The file does not say which character encoding it uses; it was read as Windows-1252 (older Western SPSS files). Check that accented letters look right, or pass the option encoding.');
  }
  if (!isKnownEncoding(encoding)) {
    if (options.encoding) throw new UserInputError(`${file}: unknown character encoding "${options.encoding}" (option encoding); use e.g. "utf-8" or "windows-1252".`);
    warnings.push(`The file declares the character encoding "${encoding}", which this reader does not know; it was read as Windows-1252.`);
    encoding = 'windows-1252';
  }
  // Text that is not valid in the declared UTF-8 (e.g. Windows-1252 bytes in a
  // file that says UTF-8) is counted, so that the U+FFFD it becomes is not silent.
  let invalidUtf8 = 0;
  let invalidExample = '';
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
  const text = (b: Uint8Array): string => {
    if (encoding === 'utf-8' && !isAscii(b)) {
      try {
        strictUtf8.decode(withoutIncompleteEnd(b));
      } catch {
        const t = decodeText(b, encoding);
        if (invalidUtf8++ === 0) invalidExample = t.replace(/\s+/g, ' ').trim().slice(0, 40);
        return t;
      }
    }
    return decodeText(b, encoding!);
  };

  // --- Segments: each variable record with its continuation records ---
  const segments: Segment[] = [];
  const segmentAtSlot = new Map<number, number>();
  let slot = 0;
  for (let i = 0; i < raws.length; ) {
    const r = raws[i];
    if (r.type === -1) throw damaged(file, 176, `variable record ${i + 1} continues a string, but no string variable precedes it`);
    const width = r.type;
    const slots = width === 0 ? 1 : Math.ceil(width / 8);
    for (let k = 1; k < slots; k++) {
      if (raws[i + k]?.type !== -1) throw damaged(file, 176, `the ${width}-byte string variable ${ascii(r.shortNameBytes).trim()} should be followed by ${slots - 1} continuation records`);
    }
    segmentAtSlot.set(slot, segments.length);
    segments.push({ raw: r, width, slot, slots, shortName: text(r.shortNameBytes).trimEnd() });
    slot += slots;
    i += slots;
  }
  const caseSlots = slot;

  // --- Very long strings (14): join segments; long names (13) ---
  const veryLong = new Map<string, number>();
  if (ext(14)) {
    for (const entry of text(ext(14)!.data).split('\t')) {
      const clean = entry.replace(/\0/g, '').trim();
      if (clean === '') continue;
      const eq = clean.indexOf('=');
      const width = Number(clean.slice(eq + 1));
      if (eq <= 0 || !Number.isInteger(width) || width < 256) {
        warnings.push(`Ignored an entry of the very long string record: "${clean}".`);
        continue;
      }
      veryLong.set(clean.slice(0, eq).toUpperCase(), width);
    }
  }
  const longNames = new Map<string, string>();
  if (ext(13)) {
    for (const entry of text(ext(13)!.data).split('\t')) {
      const eq = entry.indexOf('=');
      if (eq > 0) longNames.set(entry.slice(0, eq).toUpperCase(), entry.slice(eq + 1));
    }
  }

  interface Built {
    variable: SavVariable;
    segments: Segment[];
  }
  const built: Built[] = [];
  const variableOfSegment = new Map<number, number>();
  for (let s = 0; s < segments.length; ) {
    const seg = segments[s];
    const vlsWidth = veryLong.get(seg.shortName.toUpperCase());
    const n = vlsWidth !== undefined ? segmentCount(vlsWidth) : 1;
    if (n > 1) {
      for (let k = 0; k < n; k++) {
        const part = segments[s + k];
        if (!part || part.width === 0 || part.width < Math.min(segmentWidth(vlsWidth!, k), 255) - 8) {
          throw damaged(file, 176, `the very long string ${seg.shortName} (${vlsWidth} bytes) should have ${n} string segments`);
        }
      }
    }
    const width = vlsWidth ?? seg.width;
    const raw = seg.raw;
    const print = decodeFormat(raw.print);
    const write = decodeFormat(raw.write);
    const type: 'numeric' | 'string' = width === 0 ? 'numeric' : 'string';
    const missing: SavMissing = { values: [] };
    if (type === 'numeric') {
      const vals = raw.missingRaw.map((b) => float64Of(b, c.littleEndian));
      if (raw.nMissing < 0) {
        const low = vals[0] <= LOWEST ? -Infinity : vals[0];
        const high = vals[1] >= HIGHEST ? Infinity : vals[1];
        missing.range = { low, high };
        if (raw.nMissing === -3) missing.values.push(vals[2]);
      } else missing.values.push(...vals);
    } else {
      if (raw.nMissing < 0) warnings.push(`Variable ${seg.shortName}: a missing-value range on a string variable was ignored.`);
      else missing.values.push(...raw.missingRaw.map((b) => text(b).trimEnd()));
    }
    const dateKind = DATE_FORMATS.has(print.type) ? 'date' : DATETIME_FORMATS.has(print.type) ? 'datetime' : null;
    const variable: SavVariable = {
      name: longNames.get(seg.shortName.toUpperCase()) ?? seg.shortName,
      shortName: seg.shortName,
      type,
      width,
      label: raw.labelBytes ? text(raw.labelBytes) : null,
      format: type === 'string' ? { ...print, width } : print,
      writeFormat: type === 'string' ? { ...write, width } : write,
      measure: null,
      valueLabels: [],
      missing,
      dateKind: type === 'numeric' ? dateKind : null,
    };
    for (let k = 0; k < n; k++) variableOfSegment.set(s + k, built.length);
    built.push({ variable, segments: segments.slice(s, s + n) });
    s += n;
  }
  const variables = built.map((b) => b.variable);
  const byName = new Map<string, SavVariable>();
  for (const v of variables) {
    const twin = byName.get(v.name.toUpperCase());
    if (twin) {
      // Two columns of one name: the table would keep only one of them.
      throw damaged(
        file,
        176,
        `the variables ${twin.shortName} and ${v.shortName} both have the name "${v.name}" (SPSS names ignore case); ` +
          'a file has one variable per name. Rename one of them in SPSS (or PSPP) and save the file again',
      );
    }
    byName.set(v.name.toUpperCase(), v);
  }

  // --- Value labels (record 3/4: numbers and short strings) ---
  for (const set of labelSets) {
    const targets: SavVariable[] = [];
    for (const index of set.indexes) {
      const segIndex = segmentAtSlot.get(index - 1);
      const b = segIndex !== undefined ? built[variableOfSegment.get(segIndex)!] : undefined;
      if (!b || b.segments[0] !== segments[segIndex!]) {
        warnings.push(`Ignored value labels for variable position ${index}, which is not the start of a variable.`);
        continue;
      }
      targets.push(b.variable);
    }
    for (const v of targets) {
      for (const { value, label } of set.labels) {
        v.valueLabels.push({ value: v.type === 'numeric' ? float64Of(value, c.littleEndian) : text(value).trimEnd(), label: text(label) });
      }
    }
  }

  // --- Long-string value labels (21) and missing values (22), by long name ---
  const rec21 = ext(21);
  if (rec21) {
    const r = new Cursor(rec21.data, file, c.littleEndian);
    while (r.remaining > 0) {
      const what = 'the long string value labels (extension record 21)';
      const name = text(r.take(r.int32(what), what));
      r.int32(what); // width
      const n = r.int32(what);
      const labels: SavValueLabel[] = [];
      for (let i = 0; i < n; i++) {
        const value = text(r.take(r.int32(what), what)).trimEnd();
        const label = text(r.take(r.int32(what), what));
        labels.push({ value, label });
      }
      const v = byName.get(name.toUpperCase());
      if (v) v.valueLabels.push(...labels);
      else warnings.push(`Ignored value labels for an unknown variable "${name}".`);
    }
  }
  const rec22 = ext(22);
  if (rec22) {
    const r = new Cursor(rec22.data, file, c.littleEndian);
    while (r.remaining > 0) {
      const what = 'the long string missing values (extension record 22)';
      const name = text(r.take(r.int32(what), what));
      const n = r.uint8(what);
      const len = r.int32(what);
      const values: string[] = [];
      for (let i = 0; i < n; i++) values.push(text(r.take(len, what)).trimEnd());
      const v = byName.get(name.toUpperCase());
      if (v) v.missing.values.push(...values);
      else warnings.push(`Ignored missing values for an unknown variable "${name}".`);
    }
  }

  // --- Display parameters (11): measurement level, per segment (PSPP, SPSS) or per variable ---
  const rec11 = ext(11);
  if (rec11 && rec11.size === 4) {
    const view = new DataView(rec11.data.buffer, rec11.data.byteOffset, rec11.data.byteLength);
    const per = rec11.count === 3 * segments.length || rec11.count === 3 * variables.length ? 3 : rec11.count === 2 * segments.length || rec11.count === 2 * variables.length ? 2 : 0;
    const perSegment = rec11.count === per * segments.length;
    if (per === 0) warnings.push(`Ignored the variable display record: ${rec11.count} values for ${variables.length} variables.`);
    else {
      const levels: Array<MeasurementLevel | null> = [null, 'nominal', 'ordinal', 'scale'];
      built.forEach((b, i) => {
        const at = perSegment ? segments.indexOf(b.segments[0]) : i;
        b.variable.measure = levels[view.getInt32(at * per * 4, c.littleEndian)] ?? null;
      });
    }
  }

  // --- Case count: the header, or the extended count (16) ---
  const rec16 = ext(16);
  if (nCases < 0 && rec16 && rec16.size === 8 && rec16.count === 2) {
    const n = Number(new DataView(rec16.data.buffer, rec16.data.byteOffset, 16).getBigInt64(8, c.littleEndian));
    if (n >= 0) nCases = n;
  }

  // --- Data ---
  let data: Uint8Array;
  if (compression === 'none') data = bytes.subarray(dataStart);
  else {
    const stream = compression === 'zlib' ? inflateZsav(bytes, dataStart, c.littleEndian, file) : bytes.subarray(dataStart);
    data = decompressBytecode(stream, bias, c.littleEndian, caseSlots, file);
  }
  const caseBytes = caseSlots * 8;
  let available = caseBytes === 0 ? 0 : Math.floor(data.length / caseBytes);
  if (caseBytes > 0 && data.length % caseBytes !== 0 && (nCases < 0 || available < nCases)) {
    throw new UserInputError(
      `${file}: case ${available + 1} is incomplete: the file ends inside it (after ${bytes.length} bytes). ` +
        'The .sav file is incomplete, e.g. an interrupted download or copy; save or copy it again from SPSS.',
    );
  }
  if (nCases >= 0 && available < nCases) {
    throw new UserInputError(
      `${file}: the file says it holds ${nCases} cases, but it ends after case ${available}. ` +
        'The .sav file is incomplete, e.g. an interrupted download or copy; save or copy it again from SPSS.',
    );
  }
  if (nCases >= 0 && available > nCases) {
    warnings.push(`The file has data after its ${nCases} cases; the rest was ignored.`);
    available = nCases;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const columns = built.map((b) => {
    const out: Array<number | string | null> = new Array(available);
    const v = b.variable;
    for (let k = 0; k < available; k++) {
      const base = k * caseBytes;
      if (v.type === 'numeric') {
        const x = view.getFloat64(base + b.segments[0].slot * 8, c.littleEndian);
        out[k] = x === SYSMIS || Number.isNaN(x) ? null : x;
      } else {
        const parts: Uint8Array[] = b.segments.map((seg) => data.subarray(base + seg.slot * 8, base + seg.slot * 8 + seg.width));
        const joined = parts.length === 1 ? parts[0] : Buffer.concat(parts).subarray(0, v.width);
        out[k] = text(joined).replace(/[ \0]+$/, '');
      }
    }
    return out;
  });

  if (invalidUtf8 > 0) {
    warnings.push(
      `${invalidUtf8} text${invalidUtf8 === 1 ? '' : 's'} in the file ${invalidUtf8 === 1 ? 'is' : 'are'} not valid UTF-8, although the file declares UTF-8 ` +
        `(e.g. "${invalidExample}"); the bytes that are not UTF-8 became \uFFFD. The file may be Windows-1252: read it with the option encoding: 'windows-1252' and check that accented letters look right.`,
    );
  }
  const productText = ascii(productBytes).replace(/\0/g, ' ').trim();
  const weightSeg = weightIndex > 0 ? segmentAtSlot.get(weightIndex - 1) : undefined;
  return {
    product: productText.replace(/^@\(#\) SPSS DATA FILE\s*/, ''),
    created: ascii(createdBytes).slice(0, 9).trim() + ' ' + ascii(createdBytes).slice(9).trim(),
    fileLabel: text(labelBytes).replace(/[ \0]+$/, ''),
    encoding,
    compression,
    bigEndian: !c.littleEndian,
    cases: available,
    variables,
    columns,
    weight: weightSeg !== undefined ? built[variableOfSegment.get(weightSeg)!].variable.name : null,
    documents: documentsRaw.map((d) => text(d).trimEnd()),
    warnings,
  };
}

/**
 * Turns bytecode-compressed data into the uncompressed layout: 8 bytes per
 * slot. Stops at the end-of-file code or at the end of the bytes.
 */
function decompressBytecode(stream: Uint8Array, bias: number, littleEndian: boolean, caseSlots: number, file: string): Uint8Array {
  // One output buffer, grown by doubling: never an object per 8-byte value.
  let out = Buffer.alloc(Math.min(Math.max(64, stream.length * 2), 64 * 1024 * 1024));
  let length = 0;
  const reserve = () => {
    if (length + 8 <= out.length) return;
    const next = Buffer.alloc(out.length * 2);
    out.copy(next, 0, 0, length);
    out = next;
  };
  let pos = 0;
  let slots = 0;
  outer: while (pos < stream.length) {
    if (pos + 8 > stream.length) {
      throw new UserInputError(
        `${file}: case ${caseSlots > 0 ? Math.floor(slots / caseSlots) + 1 : 1} is incomplete: the compressed data end in the middle of a block. ` +
          'The .sav file is incomplete, e.g. an interrupted download or copy; save or copy it again from SPSS.',
      );
    }
    const commandsAt = pos;
    pos += 8;
    for (let k = 0; k < 8; k++) {
      const code = stream[commandsAt + k];
      if (code === BYTECODE.PADDING) continue;
      if (code === BYTECODE.END_OF_FILE) break outer;
      reserve();
      if (code === BYTECODE.RAW) {
        if (pos + 8 > stream.length) {
          throw new UserInputError(
            `${file}: case ${caseSlots > 0 ? Math.floor(slots / caseSlots) + 1 : 1} is incomplete: the file ends inside it. ` +
              'The .sav file is incomplete, e.g. an interrupted download or copy; save or copy it again from SPSS.',
          );
        }
        out.set(stream.subarray(pos, pos + 8), length);
        pos += 8;
      } else if (code === BYTECODE.SPACES) out.fill(0x20, length, length + 8);
      else {
        const x = code === BYTECODE.SYSMIS ? SYSMIS : code - bias;
        if (littleEndian) out.writeDoubleLE(x, length);
        else out.writeDoubleBE(x, length);
      }
      length += 8;
      slots++;
    }
  }
  return out.subarray(0, length);
}

/** The largest a zlib block may inflate to (SPSS writes blocks of about 1 MB). */
const MAX_ZLIB_BLOCK_BYTES = 64 * 1024 * 1024;
/** The most the data of a .zsav file may inflate to, over all blocks. */
const MAX_ZSAV_DATA_BYTES = 1024 * 1024 * 1024;

/** Inflates the zlib blocks of a .zsav file (compression 2) into one bytecode stream. */
function inflateZsav(bytes: Uint8Array, start: number, littleEndian: boolean, file: string): Uint8Array {
  const c = new Cursor(bytes, file, littleEndian);
  c.pos = start;
  const what = 'the zlib data header';
  const zheaderOfs = c.int64(what);
  const ztrailerOfs = c.int64(what);
  const ztrailerLen = c.int64(what);
  if (zheaderOfs !== start) throw damaged(file, start, `the zlib header says it is at byte ${zheaderOfs}`);
  if (!Number.isSafeInteger(ztrailerOfs) || !Number.isSafeInteger(ztrailerLen) || ztrailerOfs < start + 24 || ztrailerLen < 24) {
    throw damaged(file, start + 8, `the zlib header points to a block index at byte ${ztrailerOfs} of ${ztrailerLen} bytes, outside the data`);
  }
  if (ztrailerOfs + ztrailerLen > bytes.length) throw truncated(file, bytes.length, 'the zlib data (the file is shorter than its block index says)');
  const t = new Cursor(bytes, file, littleEndian);
  t.pos = ztrailerOfs;
  t.int64('the zlib trailer');
  t.int64('the zlib trailer');
  t.int32('the zlib trailer');
  const nBlocks = t.int32('the zlib trailer');
  if (nBlocks < 0 || 24 + nBlocks * 24 > ztrailerLen) throw damaged(file, ztrailerOfs, `the zlib trailer lists ${nBlocks} blocks`);
  const parts: Buffer[] = [];
  let total = 0;
  for (let i = 0; i < nBlocks; i++) {
    t.int64('the zlib trailer');
    const compressedOfs = t.int64('the zlib trailer');
    t.int32('the zlib trailer');
    const compressedSize = t.int32('the zlib trailer');
    if (!Number.isSafeInteger(compressedOfs) || compressedOfs < start + 24 || compressedSize < 0) {
      throw damaged(file, t.pos - 12, `zlib block ${i + 1} is said to be at byte ${compressedOfs} with ${compressedSize} bytes, outside the data`);
    }
    if (compressedOfs + compressedSize > bytes.length) throw truncated(file, bytes.length, `zlib block ${i + 1}`);
    try {
      parts.push(zlib.inflateSync(bytes.subarray(compressedOfs, compressedOfs + compressedSize), { maxOutputLength: MAX_ZLIB_BLOCK_BYTES }));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw damaged(file, compressedOfs, `zlib block ${i + 1} inflates to more than ${MAX_ZLIB_BLOCK_BYTES / 1024 / 1024} MB, the most a block may hold (SPSS writes blocks of about 1 MB)`);
      }
      throw damaged(file, compressedOfs, `zlib block ${i + 1} cannot be decompressed (${(e as Error).message})`);
    }
    total += parts[parts.length - 1].length;
    if (total > MAX_ZSAV_DATA_BYTES) {
      throw new UserInputError(
        `${file}: refused to unpack the compressed data: they inflate to more than ${MAX_ZSAV_DATA_BYTES / 1024 / 1024 / 1024} GB, the limit of this reader. ` +
          'Save the file from SPSS without compression, or split the cases over several files.',
      );
    }
  }
  return Buffer.concat(parts);
}
