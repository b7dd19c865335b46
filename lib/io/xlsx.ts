/**
 * A focused reader for Excel workbooks (.xlsx, Office Open XML
 * SpreadsheetML): sheet names, and the cells of ONE sheet, as they are
 * stored. Built for hostile and unusual files:
 *
 * - only the members needed are unpacked (the workbook, its relations, the
 *   shared strings, the styles and the one sheet asked for), each within the
 *   caps of `ZipArchive`, with a clear refusal naming the limit; unused
 *   sheets, however large, are never inflated;
 * - cells are kept sparse (row and column numbers as stored), so a single
 *   cell at the sheet's far corner costs one cell, not a grid of a billion;
 * - an error cell (#N/A, #DIV/0!, ...) and a formula without a stored result
 *   are returned as such (`XlsxBadCell`), never as an empty cell, so that a
 *   caller can report them.
 *
 * Numbers in date formats become JavaScript Dates (UTC), as Excel shows them.
 */
import { UserInputError } from '../util/errors';
import { ZipArchive, type ZipLimits } from './zip';

/** An error value (#N/A) or a formula whose result the file does not hold. */
export interface XlsxBadCell {
  bad: 'error' | 'uncalculated';
  /** The error as Excel shows it (#N/A), or the formula (without "="). */
  text: string;
}

export type XlsxValue = string | number | boolean | Date | XlsxBadCell;

/** One stored row: its spreadsheet row number and its cells, by 1-based column number. */
export interface XlsxRow {
  row: number;
  columns: number[];
  values: XlsxValue[];
}

export interface XlsxSheet {
  name: string;
  /** The rows that hold at least one cell, top to bottom. */
  rows: XlsxRow[];
}

/** The caps for workbooks: 128 MB for one member (a sheet's XML), 256 MB for all members read. */
export const XLSX_ZIP_LIMITS: ZipLimits = { maxMemberBytes: 128 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

const ADVICE = 'Open it in Excel and save it again as "Excel Workbook (*.xlsx)", or save the sheet as CSV.';

export function isBadCell(v: unknown): v is XlsxBadCell {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as XlsxBadCell).bad === 'string';
}

/** Decodes XML character references and entities, and Excel's _xHHHH_ escapes. */
function decodeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
      }
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The attributes of a start tag's text, by name without namespace prefix. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1].includes(':') && !m[1].startsWith('xmlns') ? m[1].slice(m[1].indexOf(':') + 1) : m[1];
    if (!(name in out)) out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The texts of <t> elements in a fragment (rich text runs joined; phonetic runs left out). */
function runText(fragment: string): string {
  const clean = fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of clean.matchAll(/<(?:\w+:)?t(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += decodeXml(m[1] ?? '');
  return out;
}

/** 'AB' -> 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a custom number format shows a date or time (d, m, y, h or s outside quotes, brackets and escapes). */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel's serial day number -> a UTC Date (1900 system with its 29 Feb 1900, or the 1904 system); undefined outside the calendar. */
function serialToDate(serial: number, date1904: boolean): Date | undefined {
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86400000);
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms) : undefined;
}

/**
 * An opened workbook: its sheet names, and `sheet(name)` that reads one.
 *
 * @example
 *   const book = openXlsx(fs.readFileSync('enquete.xlsx'), 'enquete.xlsx');
 *   book.sheetNames;                      // ['antwoorden', 'uitleg']
 *   book.sheet('antwoorden').rows[0];     // { row: 1, columns: [1, 2], values: ['Respondent', 'Netwerk'] }
 */
export class XlsxWorkbook {
  readonly sheetNames: string[] = [];
  private readonly sheetPaths: string[] = [];
  private readonly zip: ZipArchive;
  private readonly date1904: boolean;
  private readonly sharedStringsPath?: string;
  private readonly stylesPath?: string;
  private shared?: string[];
  private dateStyles?: boolean[];

  constructor(
    bytes: Uint8Array,
    readonly file: string,
    limits: Partial<ZipLimits> = {},
  ) {
    try {
      this.zip = new ZipArchive(bytes, file, {
        kind: 'workbook',
        advice: ADVICE,
        limits: { ...XLSX_ZIP_LIMITS, ...limits },
        tooLargeAdvice: 'Save the sheet as CSV (File > Save As > CSV), which has no such limit, and read it with readSurveyCsv.',
      });
    } catch (e) {
      if (e instanceof UserInputError) throw new UserInputError(e.message.replace(`${file}: `, `${file}: cannot read the workbook: `));
      throw e;
    }
    const rootRels = this.zip.text('_rels/.rels');
    const main = rootRels ? this.relations(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target : undefined;
    const workbookPath = main && this.zip.find(main) ? this.zip.find(main)! : this.zip.find('xl/workbook.xml');
    if (!workbookPath) {
      throw new UserInputError(
        `${file}: cannot read the workbook: the ZIP archive has no workbook part (xl/workbook.xml); it is not an Excel workbook. ${ADVICE}`,
      );
    }
    const workbook = this.zip.text(workbookPath)!;
    const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
    const relsPath = `${folder}_rels/${workbookPath.slice(folder.length)}.rels`;
    const rels = this.relations(this.zip.text(relsPath) ?? '', folder);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbook);
    const d1904 = pr ? attributes(pr[1]).date1904 : undefined;
    this.date1904 = d1904 === '1' || d1904 === 'true';
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const rel = byId.get(a.id ?? '');
      this.sheetNames.push(a.name ?? `Sheet${this.sheetNames.length + 1}`);
      this.sheetPaths.push(rel?.target ?? '');
    }
    this.sharedStringsPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
    this.stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
  }

  /** Relationships of a .rels part, targets resolved to member names. */
  private relations(xml: string, folder: string): Array<{ id: string; type: string; target: string }> {
    const out: Array<{ id: string; type: string; target: string }> = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      if (a.TargetMode === 'External') continue;
      let target = a.Target ?? '';
      target = target.startsWith('/') ? target.slice(1) : folder + target;
      // Resolve "../" segments.
      const parts: string[] = [];
      for (const p of target.split('/')) {
        if (p === '..') parts.pop();
        else if (p !== '.') parts.push(p);
      }
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: parts.join('/') });
    }
    return out;
  }

  private sharedStrings(): string[] {
    if (this.shared) return this.shared;
    this.shared = [];
    const xml = this.sharedStringsPath ? this.zip.text(this.sharedStringsPath) : undefined;
    if (xml) for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) this.shared.push(runText(m[1] ?? ''));
    return this.shared;
  }

  /** For each cell style (xf) index: does it show dates? */
  private styles(): boolean[] {
    if (this.dateStyles) return this.dateStyles;
    this.dateStyles = [];
    const xml = this.stylesPath ? this.zip.text(this.stylesPath) : undefined;
    if (!xml) return this.dateStyles;
    const custom = new Map<number, string>();
    for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    }
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
    if (xfs) {
      for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
        const id = Number(attributes(m[1]).numFmtId ?? 0);
        this.dateStyles.push(custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id));
      }
    }
    return this.dateStyles;
  }

  /** Reads one sheet by its name. */
  sheet(name: string): XlsxSheet {
    const index = this.sheetNames.indexOf(name);
    const stored = index >= 0 ? this.zip.find(this.sheetPaths[index]) : undefined;
    if (stored === undefined) {
      throw new UserInputError(`${this.file}: cannot read the workbook: sheet "${name}" has no data part in the archive. ${ADVICE}`);
    }
    const xml = this.zip.text(stored)!;
    const shared = this.sharedStrings();
    const dateStyles = this.styles();
    const rows: XlsxRow[] = [];
    const start = xml.search(/<(?:\w+:)?sheetData\b/);
    const data = start < 0 ? '' : xml.slice(start);
    const byRow = new Map<number, XlsxRow>();
    let current: XlsxRow | undefined;
    let nextRow = 1;
    let nextColumn = 1;
    const rowOf = (n: number): XlsxRow => {
      let r = byRow.get(n);
      if (!r) {
        r = { row: n, columns: [], values: [] };
        byRow.set(n, r);
        rows.push(r);
      }
      return r;
    };
    const re = /<(?:\w+:)?row\b([^>]*?)(\/?)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
    for (let m = re.exec(data); m !== null; m = re.exec(data)) {
      if (m[1] !== undefined) {
        const r = Number(attributes(m[1]).r);
        const n = Number.isInteger(r) && r > 0 ? r : nextRow;
        nextRow = n + 1;
        nextColumn = 1;
        current = m[2] !== '/' ? rowOf(n) : undefined;
        continue;
      }
      const a = attributes(m[3]);
      const ref = /^([A-Za-z]{1,3})(\d+)$/.exec(a.r ?? '');
      const column = ref ? columnNumber(ref[1]) : nextColumn;
      const rowNumber = ref ? Number(ref[2]) : current?.row ?? nextRow - 1;
      nextColumn = column + 1;
      const body = m[4] ?? '';
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
      const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(body);
      const t = a.t ?? 'n';
      let value: XlsxValue | undefined;
      if (t === 'inlineStr') value = runText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] ?? '');
      else if (!v) value = f ? { bad: 'uncalculated', text: decodeXml(f[1] ?? '').trim() } : undefined;
      else {
        const raw = decodeXml(v[1]);
        if (t === 's') value = shared[Number(raw)] ?? '';
        else if (t === 'str') value = raw;
        else if (t === 'b') value = raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
        else if (t === 'e') value = { bad: 'error', text: raw.trim() };
        else if (t === 'd') {
          const d = new Date(raw.trim());
          value = Number.isNaN(d.getTime()) ? raw : d;
        } else {
          const x = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(x)) value = raw;
          else if (dateStyles[Number(a.s ?? 0)]) value = serialToDate(x, this.date1904) ?? x;
          else value = x;
        }
      }
      if (value === undefined || value === '') continue; // an empty (styled) cell
      const row = rowOf(rowNumber);
      row.columns.push(column);
      row.values.push(value);
    }
    rows.sort((x, y) => x.row - y.row);
    return { name, rows };
  }
}

/** Opens a workbook's bytes (a ZIP archive); `file` names it in messages. */
export function openXlsx(bytes: Uint8Array, file: string, limits: Partial<ZipLimits> = {}): XlsxWorkbook {
  return new XlsxWorkbook(bytes, file, limits);
}
