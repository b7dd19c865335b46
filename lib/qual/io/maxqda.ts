/**
 * MAXQDA's table of coded segments ("Overview of Coded Segments" / "Retrieved
 * Segments", exported to Excel or as CSV). One row per coded segment, with
 * the columns (English interface; German names also accepted):
 *
 *   Color | Document group | Document name | Code | Begin | End | Weight score |
 *   Segment | Comment | Modified by | Modified | Created by | Created | ...
 *
 * - Code is the code path, levels separated by " > " (recent versions) or "\"
 *   (older ones): "Vertrouwen als bindmiddel > Wat hindert".
 * - Begin and End are PARAGRAPH numbers for text documents (MAXQDA numbers
 *   every line of a text from 1), not character positions. To get the
 *   character positions the rest of the project works with, the reader needs
 *   the documents' texts and finds the Segment text inside paragraphs
 *   Begin..End (ignoring differences in white space, which spreadsheets change).
 * - Created by is the coder. MAXQDA's intercoder check compares copies of a
 *   document with the same name in different document groups; the Document
 *   group column keeps those copies apart.
 *
 * Only required: Document name, Code, Segment. Columns with other names can be
 * mapped with the option `columns`. The file is read once and never written.
 */
import * as path from 'node:path';
import { ProblemList, showValue, suggestName } from '../../util/problems';
import { columnLetter, decodeCsvBytes, detectDelimiter, parseCsv, type CsvDelimiter } from '../../io/csv';
import { writeCsv } from '../../io/writeCsv';
import { UserInputError } from '../../util/errors';
import { stableGuid } from '../guid';
import { checkProject, codePath, splitCodePath, type CodedSegment, type QualCode, type QualDocument, type QualProject } from '../model';
import { paragraphs, textIndex } from '../text';
import { readBytes, type ReadResult } from './refiQda';
import { isBadCell, openXlsx, type XlsxValue } from '../../io/xlsx';

export type MaxqdaColumn = 'group' | 'document' | 'code' | 'begin' | 'end' | 'segment' | 'coder' | 'created' | 'color';

/** Column names MAXQDA writes, per language of its interface (English first). */
export const MAXQDA_COLUMNS: Record<MaxqdaColumn, readonly string[]> = {
  color: ['Color', 'Colour', 'Farbe'],
  group: ['Document group', 'Dokumentgruppe'],
  document: ['Document name', 'Dokumentname'],
  code: ['Code'],
  begin: ['Begin', 'Beginning', 'Anfang'],
  end: ['End', 'Ende'],
  segment: ['Segment', 'Coded segment'],
  coder: ['Created by', 'Erstellt von'],
  created: ['Created', 'Erstellt am', 'Erstellt'],
};

const REQUIRED: readonly MaxqdaColumn[] = ['document', 'code', 'segment'];

/** A document text the reader can locate segments in. */
export interface TextDocument {
  name: string;
  text: string;
  /** Document group; when given, a row is matched on group and name first. */
  group?: string;
  network?: string | null;
}

export interface ReadMaxqdaOptions {
  /**
   * The documents' texts: a list of { name, text, group? }, a project (e.g. from
   * readQdpx), or name -> text (e.g. readTextFolder('interviews/')). Required: the
   * export holds paragraph numbers, and character positions need the text.
   */
  documents: readonly TextDocument[] | QualProject | Readonly<Record<string, string>>;
  /** Code system to map the Code paths onto (e.g. readQdc(...).codes); default: built from the paths in the file. */
  codes?: readonly QualCode[];
  /** Coder for every row when the file has no "Created by" column. */
  coder?: string;
  /** Use the Document group as the coder (MAXQDA teams sometimes name groups after coders). Default false. */
  coderFromGroup?: boolean;
  /** Column names in the file for the fields, when they differ from MAXQDA's. */
  columns?: Partial<Record<MaxqdaColumn, string>>;
  /** Known network names, assigned to documents whose name contains one; default: the ten of the report. */
  networks?: readonly string[];
  /** CSV only: force the delimiter (default: detected from the header). */
  delimiter?: CsvDelimiter;
  /** XLSX only: the sheet (name or 1-based number); default the first. */
  sheet?: string | number;
  /** Name in messages when text or bytes are given. */
  file?: string;
  /** Project name (default: the file name). */
  projectName?: string;
  /** data_origin of the result (e.g. the synthetic mark), default: taken from a data_origin column if every row has the same value. */
  dataOrigin?: string | null;
  /** How many problems the error lists (default 20). */
  maxProblems?: number;
}

/** The ten networks of the report. */
export const NETWORKS = ['Aparctias', 'Apeliotes', 'Argestes', 'Caecias', 'Erus', 'Lips', 'Meses', 'Notos', 'Thrascias', 'Zephyrus'] as const;

/**
 * Reads a MAXQDA coded-segments export (.csv, .txt or .xlsx) into a project.
 * Async because Excel files are unpacked asynchronously.
 *
 * @example
 *   const texts = readTextFolder('data/interviews/texts');
 *   const { project } = await readMaxqdaCodedSegments('data/interviews/coded-segments.csv', { documents: texts });
 */
export async function readMaxqdaCodedSegments(input: string | Uint8Array, options: ReadMaxqdaOptions): Promise<ReadResult> {
  const file = typeof input === 'string' ? input : options.file ?? 'coded segments';
  const bytes = typeof input === 'string' ? readBytes(input) : input;
  const isZip = bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    const grid = await xlsxGrid(bytes, file, options.sheet);
    return parseMaxqdaGrid(grid, { ...options, file });
  }
  if (typeof input === 'string' && /\.xlsx?$/i.test(input)) {
    throw new UserInputError(`${file}: the file has an Excel extension but is not an .xlsx workbook (an .xlsx is a ZIP archive). Save it again from Excel as .xlsx or as CSV.`);
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  const result = parseMaxqdaCsv(text, { ...options, file });
  if (encoding !== 'utf-8') result.warnings.unshift('The file is not valid UTF-8; it was read as Windows-1252. Check that accented letters look right.');
  return result;
}

/** Parses the CSV text of a MAXQDA coded-segments export (synchronous). */
export function parseMaxqdaCsv(text: string, options: ReadMaxqdaOptions): ReadResult {
  const file = options.file ?? 'coded segments';
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new UserInputError(`${file}: the file is empty; expected a header row with the columns ${REQUIRED.map((c) => `"${MAXQDA_COLUMNS[c][0]}"`).join(', ')}, then one row per coded segment.`);
  const delimiter = options.delimiter ?? detectDelimiter(clean);
  const records = parseCsv(clean, delimiter, file);
  return parseMaxqdaGrid(records.map((r) => ({ row: r.row, cells: r.cells })), { ...options, file });
}

async function xlsxGrid(bytes: Uint8Array, file: string, sheet?: string | number): Promise<Array<{ row: number; cells: string[] }>> {
  // The project's own sparse reader: only the sheet asked for is unpacked, within the ZIP caps.
  const book = openXlsx(bytes, file);
  const names = book.sheetNames;
  const name = sheet === undefined ? names[0] : typeof sheet === 'number' ? names[sheet - 1] : names.find((n) => n === sheet) ?? names.find((n) => n.toLowerCase() === String(sheet).toLowerCase());
  if (name === undefined) {
    throw new UserInputError(`${file}: there is no sheet ${typeof sheet === 'number' ? `number ${sheet}` : JSON.stringify(sheet ?? 1)}; the workbook has ${names.map((n) => `"${n}"`).join(', ') || 'no sheets'}.`);
  }
  const text = (v: XlsxValue): string => (isBadCell(v) ? (v.bad === 'error' ? v.text : '') : v instanceof Date ? v.toISOString() : String(v));
  return book.sheet(name).rows.map((r) => {
    const cells: string[] = [];
    r.columns.forEach((c, k) => {
      while (cells.length < c - 1) cells.push('');
      cells[c - 1] = text(r.values[k]);
    });
    return { row: r.row, cells };
  });
}

/** Finds each field's column: the option `columns`, else MAXQDA's names (case and spaces ignored). */
function mapColumns(header: string[], options: ReadMaxqdaOptions, file: string, problems: ProblemList, warnings: string[]): Partial<Record<MaxqdaColumn, number>> {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const out: Partial<Record<MaxqdaColumn, number>> = {};
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const k = norm(h);
    if (k === '') return;
    if (seen.has(k)) warnings.push(`The column "${h}" occurs twice (columns ${columnLetter(seen.get(k)! + 1)} and ${columnLetter(i + 1)}); the first is used.`);
    else seen.set(k, i);
  });
  for (const field of Object.keys(MAXQDA_COLUMNS) as MaxqdaColumn[]) {
    const custom = options.columns?.[field];
    if (custom !== undefined) {
      const i = seen.get(norm(custom));
      if (i === undefined) problems.add(`the option columns.${field} names the column "${custom}", but the header has no such column`);
      else out[field] = i;
      continue;
    }
    for (const name of MAXQDA_COLUMNS[field]) {
      const i = seen.get(norm(name));
      if (i !== undefined) {
        out[field] = i;
        break;
      }
    }
  }
  for (const field of REQUIRED) {
    if (out[field] !== undefined || options.columns?.[field] !== undefined) continue;
    const names = MAXQDA_COLUMNS[field];
    const near = header.map((h) => suggestName(h, [...names])).find((s) => s !== undefined);
    const nearHeader = header.find((h) => suggestName(names[0], [h]) !== undefined);
    problems.add(
      `the header has no column "${names[0]}"${names.length > 1 ? ` (or ${names.slice(1).map((n) => `"${n}"`).join(', ')})` : ''}` +
        `${nearHeader ? `; did you mean "${nearHeader}"? Then pass { columns: { ${field}: ${JSON.stringify(nearHeader)} } }` : near ? '' : ''}. Found the columns: ${header.filter((h) => h.trim()).map((h) => `"${h}"`).join(', ')}`,
    );
  }
  if (problems.length > 0) problems.throwIfAny(file, 'MAXQDA coded-segments table', options.maxProblems);
  return out;
}

function toTextDocuments(docs: ReadMaxqdaOptions['documents'], file: string): TextDocument[] {
  if (docs === undefined || docs === null) {
    throw new UserInputError(
      `${file}: the option documents is required. MAXQDA's Begin and End are paragraph numbers, so the reader needs the texts to find each segment's characters: ` +
        "pass { documents: readTextFolder('folder with the .txt files') } or the project read from the .qdpx.",
    );
  }
  if (Array.isArray(docs)) return docs.map((d) => ({ name: String(d.name), text: String(d.text), group: d.group, network: d.network }));
  const maybeProject = docs as QualProject;
  if (Array.isArray(maybeProject.documents)) return maybeProject.documents.map((d) => ({ name: d.name, text: d.text, group: d.group, network: d.network }));
  return Object.entries(docs as Record<string, string>).map(([name, text]) => ({ name, text: String(text) }));
}

/** Regex that finds `needle` in a text with any run of white space standing for any other. */
function spaceInsensitive(needle: string): RegExp | null {
  const parts = needle.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  return new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
}

/** Parses a MAXQDA coded-segments table given as rows of cells (header first). */
export function parseMaxqdaGrid(records: ReadonlyArray<{ row: number; cells: string[] }>, options: ReadMaxqdaOptions): ReadResult {
  const file = options.file ?? 'coded segments';
  const problems = new ProblemList();
  const warnings: string[] = [];
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonBlank.length === 0) throw new UserInputError(`${file}: the table is empty; expected a header row and one row per coded segment.`);
  const headerRecord = nonBlank[0];
  const header = headerRecord.cells.map((c) => c.trim());
  const col = mapColumns(header, options, file, problems, warnings);
  const documents = toTextDocuments(options.documents, file);
  const networks = options.networks ?? NETWORKS;
  const cell = (cells: string[], field: MaxqdaColumn) => (col[field] === undefined ? '' : (cells[col[field]!] ?? ''));
  const headerName = (field: MaxqdaColumn) => header[col[field]!] ?? MAXQDA_COLUMNS[field][0];
  const originCol = header.findIndex((h) => h.toLowerCase() === 'data_origin');

  // Code system: given, or built from the paths.
  const codes: QualCode[] = options.codes ? options.codes.map((c) => ({ ...c })) : [];
  const byPath = new Map<string, QualCode>();
  const keyOf = (names: string[]) => names.map((n) => n.toLowerCase()).join('\u0000');
  for (const c of codes) {
    const names: string[] = [];
    let k: QualCode | undefined = c;
    while (k) {
      names.unshift(k.name.trim());
      k = k.parentId === null ? undefined : codes.find((x) => x.id === k!.parentId);
    }
    byPath.set(keyOf(names), c);
  }
  const codeFor = (raw: string, row: number): QualCode | null => {
    const names = splitCodePath(raw);
    if (names.length === 0) {
      problems.cell(row, headerName('code'), raw, 'a code path such as "Theme > Subcode"');
      return null;
    }
    const hit = byPath.get(keyOf(names));
    if (hit) return hit;
    if (options.codes) {
      const leaf = names[names.length - 1].toLowerCase();
      const same = options.codes.filter((c) => c.name.trim().toLowerCase() === leaf);
      if (names.length === 1 && same.length === 1) return codes.find((c) => c.id === same[0].id)!;
      problems.cell(row, headerName('code'), raw, `a code of the given code system${same.length ? ` (did you mean "${codePath(codes, same[0].id)}"?)` : ''}`);
      return null;
    }
    let parentId: string | null = null;
    let made: QualCode | null = null;
    for (let i = 0; i < names.length; i++) {
      const key = keyOf(names.slice(0, i + 1));
      let c = byPath.get(key);
      if (!c) {
        c = { id: stableGuid(`code/${key}`), name: names[i], parentId, description: '', color: null, codable: true };
        codes.push(c);
        byPath.set(key, c);
      }
      parentId = c.id;
      made = c;
    }
    return made;
  };

  const docsOut = new Map<string, QualDocument>();
  const indexes = new Map<string, ReturnType<typeof textIndex>>();
  const paras = new Map<string, ReturnType<typeof paragraphs>>();
  const segments: CodedSegment[] = [];
  const coders: string[] = [];
  const origins = new Set<string>();
  const usedIds = new Set<string>();
  const body = records.filter((r) => r.row > headerRecord.row && r.cells.some((c) => c.trim() !== ''));
  if (body.length === 0) problems.add('the file has a header row but no data rows; expected one row per coded segment');
  const width = header.length;
  for (const r of body) {
    const cells = r.cells.length > width && r.cells.slice(width).every((c) => c.trim() === '') ? r.cells.slice(0, width) : r.cells;
    if (cells.length !== width) {
      problems.add(`row ${r.row}: found ${cells.length} cells, expected ${width} (one per column of the header); check the separators and the quotes in this row`);
      continue;
    }
    const docName = cell(cells, 'document').trim();
    const group = cell(cells, 'group').trim();
    const rawCode = cell(cells, 'code');
    const segText = cell(cells, 'segment');
    const coderCell = cell(cells, 'coder').trim();
    let ok = true;
    if (docName === '') {
      problems.cell(r.row, headerName('document'), '', 'the name of the document the segment comes from');
      ok = false;
    }
    if (segText.trim() === '') {
      problems.cell(r.row, headerName('segment'), '', 'the coded text');
      ok = false;
    }
    const coder = options.coderFromGroup ? group : coderCell || options.coder || '';
    if (coder === '') {
      problems.add(
        col.coder === undefined
          ? `row ${r.row}: no coder: the file has no "Created by" column; pass the option coder (one coder for the whole file) or coderFromGroup`
          : `row ${r.row}, column "${headerName('coder')}": found an empty cell, expected the coder's name`,
      );
      ok = false;
    }
    const code = codeFor(rawCode, r.row);
    const positions: number[] = [];
    for (const field of ['begin', 'end'] as const) {
      if (col[field] === undefined) continue;
      const raw = cell(cells, field).trim();
      if (raw === '') continue;
      if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        problems.cell(r.row, headerName(field), raw, 'a paragraph number (a whole number from 1)');
        ok = false;
      } else positions.push(Number(raw));
    }
    if (!code || !ok) continue;
    const candidates = documents.filter((d) => d.name === docName);
    const doc = candidates.find((d) => d.group !== undefined && d.group === group) ?? candidates.find((d) => d.group === undefined || d.group === '') ?? candidates[0];
    if (!doc) {
      const near = suggestName(docName, documents.map((d) => d.name));
      problems.add(`row ${r.row}, column "${headerName('document')}": the document ${showValue(docName)} is not among the given texts${near ? ` (did you mean "${near}"?)` : ''}; known documents: ${[...new Set(documents.map((d) => d.name))].slice(0, 12).join(', ')}`);
      continue;
    }
    const docKey = `${group}\u0000${docName}`;
    if (!docsOut.has(docKey)) {
      const network = doc.network ?? networks.find((n) => docName.toLowerCase().includes(n.toLowerCase())) ?? null;
      docsOut.set(docKey, { id: stableGuid(`document/${group}/${docName}`), name: docName, group, network, text: doc.text, description: '', variables: {} });
      indexes.set(docKey, textIndex(doc.text));
      paras.set(docKey, paragraphs(doc.text));
    }
    const out = docsOut.get(docKey)!;
    const index = indexes.get(docKey)!;
    const ps = paras.get(docKey)!;
    let fromUnit = 0;
    let toUnit = doc.text.length;
    if (positions.length > 0) {
      const begin = Math.min(...positions);
      const end = Math.max(...positions);
      if (end > ps.length) {
        problems.add(`row ${r.row}: Begin/End ${begin}-${end} point beyond the last paragraph of "${docName}" (${ps.length} paragraphs); is this the text that was coded?`);
        continue;
      }
      fromUnit = index.toUnit(ps[begin - 1].start);
      toUnit = index.toUnit(ps[end - 1].end);
    }
    const region = doc.text.slice(fromUnit, toUnit);
    let at = region.indexOf(segText);
    let len = segText.length;
    let count = at < 0 ? 0 : region.split(segText).length - 1;
    if (at < 0) {
      const re = spaceInsensitive(segText);
      const hits = re ? [...region.matchAll(re)] : [];
      count = hits.length;
      if (hits.length > 0) {
        at = hits[0].index!;
        len = hits[0][0].length;
      }
    }
    if (at < 0) {
      problems.add(`row ${r.row}: the segment ${showValue(segText)} is not found in ${positions.length ? `paragraphs ${Math.min(...positions)}-${Math.max(...positions)} of` : ''} "${docName}"; is the text the same as the one coded in MAXQDA?`);
      continue;
    }
    if (count > 1 && positions.length === 0) {
      problems.add(`row ${r.row}: the segment ${showValue(segText)} occurs ${count} times in "${docName}"; add the Begin and End columns (paragraph numbers) so that it can be placed`);
      continue;
    }
    const start = index.toCodePoint(fromUnit + at);
    const end = index.toCodePoint(fromUnit + at + len);
    let id = stableGuid(`segment/${group}/${docName}/${code.id}/${coder}/${start}/${end}`);
    for (let k = 1; usedIds.has(id); k++) id = stableGuid(`segment/${group}/${docName}/${code.id}/${coder}/${start}/${end}/${k}`);
    usedIds.add(id);
    if (!coders.includes(coder)) coders.push(coder);
    if (originCol >= 0) origins.add(cells[originCol] ?? '');
    const created = cell(cells, 'created').trim();
    segments.push({ id, documentId: out.id, codeId: code.id, coder, start, end, text: doc.text.slice(fromUnit + at, fromUnit + at + len), created: created || null });
  }
  problems.throwIfAny(file, 'MAXQDA coded-segments table', options.maxProblems);
  const project: QualProject = {
    name: options.projectName ?? path.basename(file).replace(/\.[^.]+$/, ''),
    description: '',
    origin: 'MAXQDA coded segments',
    dataOrigin: options.dataOrigin !== undefined ? options.dataOrigin : origins.size === 1 ? [...origins][0] || null : null,
    codes,
    documents: [...docsOut.values()],
    segments,
    coders,
  };
  if (project.dataOrigin) for (const d of project.documents) d.variables.data_origin = project.dataOrigin;
  const check = new ProblemList();
  checkProject(project, check);
  check.throwIfAny(file, 'project built from the MAXQDA table');
  return { project, warnings };
}

export interface WriteMaxqdaOptions {
  delimiter?: ',' | ';' | '\t';
  /** Add a data_origin column (default: when the project has a dataOrigin). */
  dataOrigin?: boolean;
}

/**
 * Writes a project's coded segments as a MAXQDA-style table (CSV text): one row
 * per segment, Begin/End as paragraph numbers, Code as "Theme > Subcode".
 *
 * @example
 *   fs.writeFileSync('coded-segments.csv', writeMaxqdaCodedSegments(project));
 */
export function writeMaxqdaCodedSegments(project: QualProject, options: WriteMaxqdaOptions = {}): string {
  const problems = new ProblemList();
  checkProject(project, problems);
  // A code path is one cell, its levels separated by " > " (or "\" in older
  // MAXQDA versions), and the reader trims each level: a name holding one of
  // these would come back as a different code tree, so it is refused here.
  for (const c of project.codes) {
    if (typeof c.name !== 'string') continue;
    const why = /[>\\]/.test(c.name)
      ? 'holds ">" or "\\", which separate the levels of a MAXQDA code path'
      : /[\r\n]/.test(c.name)
        ? 'holds a line break; a code path is one line'
        : c.name !== c.name.trim()
          ? 'starts or ends with white space, which MAXQDA and this reader drop'
          : undefined;
    if (why) problems.add(`code ${JSON.stringify(c.name)}: the name ${why}, so the table would be read back as a different code tree. Rename the code (e.g. "-" for ">") or write the project as .qdpx (writeQdpx)`);
  }
  problems.throwIfAny('writeMaxqdaCodedSegments', 'project');
  const withOrigin = options.dataOrigin ?? project.dataOrigin !== null;
  const header = ['Color', 'Document group', 'Document name', 'Code', 'Begin', 'End', 'Weight score', 'Segment', 'Created by', 'Created'];
  if (withOrigin) header.push('data_origin');
  const docs = new Map(project.documents.map((d) => [d.id, d]));
  const paraCache = new Map<string, ReturnType<typeof paragraphs>>();
  const rows = project.segments.map((s) => {
    const d = docs.get(s.documentId)!;
    if (!paraCache.has(d.id)) paraCache.set(d.id, paragraphs(d.text));
    const ps = paraCache.get(d.id)!;
    const paraOf = (pos: number) => (ps.find((p) => pos >= p.start && pos <= p.end) ?? ps[ps.length - 1]).number;
    const code = project.codes.find((c) => c.id === s.codeId)!;
    const row: Array<string | number | null> = [code.color ?? '', d.group, d.name, codePath(project.codes, s.codeId), paraOf(s.start), paraOf(Math.max(s.start, s.end - 1)), 0, s.text, s.coder, s.created ?? ''];
    if (withOrigin) row.push(project.dataOrigin ?? '');
    return row;
  });
  return writeCsv(header, rows, { delimiter: options.delimiter ?? ',' });
}
