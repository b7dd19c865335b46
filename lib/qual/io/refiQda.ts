/**
 * REFI-QDA, the exchange standard of MAXQDA, ATLAS.ti, NVivo, QualCoder and
 * others (www.qdasoftware.org; schema "Project.xsd", QDA-XML 1.0, 2019):
 *
 * - a project file `.qdpx` is a ZIP archive with `project.qde` (XML, namespace
 *   urn:QDA-XML:project:1.0) and the sources under `Sources/`; a text source
 *   refers to its file as plainTextPath="internal://<name>.txt" or holds its
 *   text inline in <PlainTextContent>;
 * - a codebook `.qdc` is XML in namespace urn:QDA-XML:codebook:1.0:
 *   <CodeBook><Codes><Code guid name isCodable color><Description/><Code .../></Code></Codes></CodeBook>.
 *
 * What is read: users, the code system, text sources with their document
 * variables and sets (as document groups), and <PlainTextSelection
 * startPosition endPosition> with its <Coding><CodeRef targetGUID/></Coding>
 * (one coded segment per Coding; the coder is the creatingUser of the Coding,
 * else of the selection). Positions are character (code point) positions, end
 * exclusive. Picture, PDF, audio and video sources are skipped with a warning.
 *
 * The readers never write to the input (they read it once with readFileSync)
 * and report every problem with the file, the element and what was expected.
 * The writers are deterministic: the same project gives the same bytes (fixed
 * ZIP timestamps, no compression, GUIDs from ids).
 */
import * as fs from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { ZipArchive, type ZipLimits } from '../../io/zip';
import { decodeCsvBytes } from '../../io/csv';
import { ProblemList } from '../../util/problems';
import { UserInputError } from '../../util/errors';
import { GUID_PATTERN, stableGuid } from '../guid';
import { checkProject, type CodedSegment, type QualCode, type QualDocument, type QualProject } from '../model';
import { sliceCodePoints, textIndex } from '../text';
import { attr, child, children, escapeXml, hasInvalidXmlChars, LineIndex, parseXml, textOf, type XmlNode } from './xml';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface ReadQdpxOptions {
  /** Name of the file in messages when bytes are given (default "project.qdpx"). */
  file?: string;
  /**
   * Known network names: a document without a "netwerk"/"network" variable is
   * assigned the first of these its name contains. Default: none (network null).
   */
  networks?: readonly string[];
  /** Coder for codings without a creatingUser (default: an error lists them). */
  defaultCoder?: string;
  /** Caps on unpacking the archive (default 256 MB per member, 512 MB in all; see lib/io/zip.ts). */
  zipLimits?: Partial<ZipLimits>;
}

export interface ReadResult {
  project: QualProject;
  /** Things worth knowing that are not errors (skipped sources, ...). */
  warnings: string[];
}

/** Reads a file's bytes without touching it; a clear message when it cannot. */
export function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `the file does not exist (looked from the folder ${process.cwd()})` : code === 'EISDIR' ? 'this is a folder, not a file' : `cannot read it (${code ?? String(e)})`;
    throw new UserInputError(`${file}: ${why}. Check the path.`);
  }
}

/**
 * Reads a REFI-QDA project (.qdpx) from a path or from its bytes.
 *
 * @example
 *   const { project, warnings } = readQdpx('data/interviews/interviews.qdpx');
 *   project.documents.length; // 16 (10 interviews + 2 x 3 calibration copies)
 */
export function readQdpx(input: string | Uint8Array, options: ReadQdpxOptions = {}): ReadResult {
  const file = typeof input === 'string' ? input : options.file ?? 'project.qdpx';
  const bytes = typeof input === 'string' ? readBytes(input) : input;
  if (!(bytes instanceof Uint8Array)) throw new UserInputError(`readQdpx: expected a path or the bytes of a .qdpx file.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const looksXml = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart().startsWith('<');
    throw new UserInputError(
      `${file}: this is not a ZIP archive; a .qdpx project is a ZIP file holding project.qde and a Sources folder.` +
        (looksXml ? ' The file looks like XML: if it is a project.qde or a codebook (.qdc), read it with parseProjectXml or readQdc.' : ''),
    );
  }
  // Members are listed from the archive's table of contents and inflated one
  // by one within a cap per member and a cap for all together, each checked
  // against its CRC-32: a damaged or altered member is refused, never read.
  const zip = new ZipArchive(bytes, file, { kind: 'project', advice: 'Export the project again from the QDA program.', limits: options.zipLimits });
  const names = zip.names;
  const qdeName = zip.has('project.qde') ? 'project.qde' : names.find((n) => n.toLowerCase().endsWith('.qde') && !n.includes('/'));
  if (!qdeName) {
    throw new UserInputError(`${file}: the archive has no project.qde; expected the REFI-QDA project XML at its top level. Found: ${names.length ? names.slice(0, 10).join(', ') : 'no files'}.`);
  }
  const sources = new Map<string, Uint8Array>();
  for (const name of names) {
    if (name !== qdeName && !name.endsWith('/') && name.toLowerCase().startsWith('sources/')) sources.set(name, zip.read(name));
  }
  const xmlBytes = zip.read(qdeName);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(xmlBytes);
  } catch {
    throw new UserInputError(`${file} > ${qdeName}: the XML is not valid UTF-8; REFI-QDA files are UTF-8. Export the project again.`);
  }
  return parseProjectXml(xml, { ...options, file: `${file} > ${qdeName}`, sources });
}

export interface ParseProjectOptions extends ReadQdpxOptions {
  /** Archive members by path (e.g. "Sources/<guid>.txt"), for plainTextPath="internal://...". */
  sources?: ReadonlyMap<string, Uint8Array>;
}

/**
 * Parses the XML of a REFI-QDA project (the project.qde inside a .qdpx).
 * Throws one UserInputError listing every problem.
 */
export function parseProjectXml(xml: string, options: ParseProjectOptions = {}): ReadResult {
  const file = options.file ?? 'project.qde';
  const root = parseXml(xml, file);
  const project = root.Project as XmlNode | undefined;
  if (!project || typeof project !== 'object') {
    const tags = Object.keys(root).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
    throw new UserInputError(`${file}: the root element is <${tags[0] ?? '?'}>; expected <Project xmlns="${PROJECT_NAMESPACE}">${tags[0] === 'CodeBook' ? ' (this is a codebook: read it with readQdc)' : ''}.`);
  }
  const problems = new ProblemList();
  const warnings: string[] = [];
  // The line of each GUID, for messages: found in one pass over the XML (a
  // search per element would make reading quadratic in the number of selections).
  let guidLines: Map<string, number> | undefined;
  let lines: LineIndex | undefined;
  let searches = 0;
  const lineOfGuid = (guid: string | undefined) => {
    if (!guid) return '';
    lines ??= new LineIndex(xml);
    if (!guidLines) {
      guidLines = new Map();
      for (const m of xml.matchAll(/"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"/g)) {
        if (!guidLines.has(m[1])) guidLines.set(m[1], m.index! + 1);
      }
    }
    let at = guidLines.get(guid);
    // Not a well-formed GUID (it is being reported): a search, for the first few only.
    if (at === undefined && searches++ < 100) {
      const i = xml.indexOf(`"${guid}"`);
      if (i >= 0) at = i + 1;
    }
    return at === undefined ? '' : ` (line ${lines.lineOf(at)})`;
  };
  const dec = (where: string) => () => `${file}: ${where}`;
  const ns = attr(project, 'xmlns', dec('<Project>'));
  if (ns !== undefined && ns !== PROJECT_NAMESPACE) warnings.push(`The project namespace is "${ns}", not "${PROJECT_NAMESPACE}"; read anyway.`);

  // Users
  const users = new Map<string, string>();
  children(child(project, 'Users'), 'User').forEach((u, i) => {
    const where = `Users/User[${i + 1}]`;
    const guid = attr(u, 'guid', dec(where));
    if (!guid || !GUID_PATTERN.test(guid)) problems.add(`${where}${lineOfGuid(guid)}: guid ${JSON.stringify(guid ?? null)}; expected a GUID such as 0E4E2C9B-...`);
    else users.set(guid.toLowerCase(), attr(u, 'name', dec(where)) || attr(u, 'id', dec(where)) || guid);
  });

  // Code system
  const codes: QualCode[] = [];
  const codeIds = new Set<string>();
  const walk = (node: XmlNode, parentId: string | null, path: string) => {
    children(node, 'Code').forEach((c, i) => {
      const where = `${path}/Code[${i + 1}]`;
      const d = dec(where);
      const guid = attr(c, 'guid', d);
      const name = attr(c, 'name', d);
      const codable = attr(c, 'isCodable', d);
      const color = attr(c, 'color', d);
      const loc = `${where}${name ? ` "${name}"` : ''}${lineOfGuid(guid)}`;
      if (!guid || !GUID_PATTERN.test(guid)) problems.add(`${loc}: guid ${JSON.stringify(guid ?? null)}; expected a GUID`);
      else if (codeIds.has(guid.toLowerCase())) problems.add(`${loc}: the guid ${guid} is used by another code`);
      if (name === undefined || name.trim() === '') problems.add(`${loc}: no name; expected the attribute name="..."`);
      if (codable === undefined) problems.add(`${loc}: no isCodable attribute; expected isCodable="true" or "false" (required by the schema)`);
      else if (!['true', 'false', '1', '0'].includes(codable)) problems.add(`${loc}: isCodable="${codable}"; expected "true" or "false"`);
      if (color !== undefined && !/^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color)) problems.add(`${loc}: color="${color}"; expected #rrggbb`);
      const id = guid && GUID_PATTERN.test(guid) ? guid.toLowerCase() : `invalid-${path}-${i}`;
      codeIds.add(id);
      codes.push({ id, name: (name ?? '').trim(), parentId, description: textOf(child(c, 'Description'), d).trim(), color: color ?? null, codable: codable === 'true' || codable === '1' });
      walk(c, id, where);
    });
  };
  const codebook = child(project, 'CodeBook');
  walk(child(codebook, 'Codes') ?? {}, null, 'CodeBook/Codes');

  // Variables
  const variables = new Map<string, string>();
  children(child(project, 'Variables'), 'Variable').forEach((v, i) => {
    const where = `Variables/Variable[${i + 1}]`;
    const guid = attr(v, 'guid', dec(where));
    const name = attr(v, 'name', dec(where));
    if (!guid || !GUID_PATTERN.test(guid)) problems.add(`${where}${lineOfGuid(guid)}: guid ${JSON.stringify(guid ?? null)}; expected a GUID`);
    else if (!name) problems.add(`${where}${lineOfGuid(guid)}: no name; expected name="..."`);
    else variables.set(guid.toLowerCase(), name);
  });

  // Sets as document groups
  const groupOf = new Map<string, string>();
  children(child(project, 'Sets'), 'Set').forEach((s, i) => {
    const where = `Sets/Set[${i + 1}]`;
    const name = attr(s, 'name', dec(where)) ?? '';
    for (const m of children(s, 'MemberSource')) {
      const target = attr(m, 'targetGUID', dec(where))?.toLowerCase();
      if (target && !groupOf.has(target)) groupOf.set(target, name);
    }
  });

  // Sources
  const sourcesNode = child(project, 'Sources');
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    const n = children(sourcesNode, kind).length;
    if (n > 0) warnings.push(`Skipped ${n} ${kind} element${n === 1 ? '' : 's'}: only text sources are read.`);
  }
  const documents: QualDocument[] = [];
  const segments: CodedSegment[] = [];
  const missingCoder: string[] = [];
  const segmentIds = new Set<string>();
  children(sourcesNode, 'TextSource').forEach((src, i) => {
    const guid = attr(src, 'guid', dec(`Sources/TextSource[${i + 1}]`));
    const name = attr(src, 'name', dec(`Sources/TextSource[${i + 1}]`)) ?? '';
    const where = `Sources/TextSource[${i + 1}]${name ? ` "${name}"` : ''}${lineOfGuid(guid)}`;
    const d = dec(where);
    if (!guid || !GUID_PATTERN.test(guid)) {
      problems.add(`${where}: guid ${JSON.stringify(guid ?? null)}; expected a GUID`);
      return;
    }
    const inline = child(src, 'PlainTextContent');
    const textPath = attr(src, 'plainTextPath', d);
    let text: string | null = null;
    if (inline !== undefined && textPath !== undefined) problems.add(`${where}: has both <PlainTextContent> and plainTextPath; the schema allows only one`);
    if (inline !== undefined) text = textOf(inline, d);
    else if (textPath !== undefined) text = sourceText(textPath, options.sources, where, problems, warnings);
    else problems.add(`${where}: no text; expected plainTextPath="internal://....txt" or a <PlainTextContent> element`);
    if (text === null) return;
    const index = textIndex(text);
    const vars: Record<string, string> = {};
    children(src, 'VariableValue').forEach((vv, k) => {
      const ref = attr(child(vv, 'VariableRef'), 'targetGUID', d)?.toLowerCase();
      const vname = ref ? variables.get(ref) : undefined;
      if (!vname) {
        problems.add(`${where}, VariableValue[${k + 1}]: refers to variable ${JSON.stringify(ref ?? null)}, which is not declared under <Variables>`);
        return;
      }
      const valueNode = ['TextValue', 'IntegerValue', 'FloatValue', 'BooleanValue', 'DateValue', 'DateTimeValue'].map((t) => child(vv, t)).find((x) => x !== undefined);
      vars[vname] = textOf(valueNode, d);
    });
    const networkVar = Object.keys(vars).find((k) => ['netwerk', 'network'].includes(k.trim().toLowerCase()));
    const network = networkVar ? vars[networkVar].trim() || null : options.networks?.find((nw) => name.toLowerCase().includes(nw.toLowerCase())) ?? null;
    if (networkVar) delete vars[networkVar];
    const docId = guid.toLowerCase();
    documents.push({ id: docId, name, group: groupOf.get(docId) ?? '', network, text, description: textOf(child(src, 'Description'), d).trim(), variables: vars });

    const addCoding = (coding: XmlNode, k: number, start: number, end: number, selUser: string | undefined, selWhere: string, created: string | null) => {
      const cw = `${selWhere}, Coding[${k + 1}]`;
      const cd = dec(cw);
      const cguid = attr(coding, 'guid', cd);
      const target = attr(child(coding, 'CodeRef'), 'targetGUID', cd)?.toLowerCase();
      if (!target) {
        problems.add(`${cw}: no <CodeRef targetGUID="..."/>; expected the code's GUID`);
        return;
      }
      if (!codeIds.has(target)) {
        problems.add(`${cw}: CodeRef targetGUID="${target}" is not a code of the <CodeBook>`);
        return;
      }
      const userGuid = (attr(coding, 'creatingUser', cd) ?? selUser)?.toLowerCase();
      let coder = userGuid ? users.get(userGuid) : undefined;
      if (userGuid && !coder) {
        problems.add(`${cw}: creatingUser="${userGuid}" is not a <User> of the project`);
        return;
      }
      if (!coder) {
        if (options.defaultCoder) coder = options.defaultCoder;
        else {
          missingCoder.push(cw);
          return;
        }
      }
      let id = cguid && GUID_PATTERN.test(cguid) ? cguid.toLowerCase() : stableGuid(`coding/${docId}/${start}/${end}/${target}/${coder}`);
      if (segmentIds.has(id)) id = stableGuid(`coding/${id}/${segments.length}`);
      segmentIds.add(id);
      segments.push({ id, documentId: docId, codeId: target, coder, start, end, text: sliceCodePoints(text!, start, end, index), created: attr(coding, 'creationDateTime', cd) ?? created });
    };

    children(src, 'PlainTextSelection').forEach((sel, j) => {
      const sguid = attr(sel, 'guid', d);
      const selWhere = `${where} > PlainTextSelection[${j + 1}]${lineOfGuid(sguid)}`;
      const sd = dec(selWhere);
      const rawStart = attr(sel, 'startPosition', sd);
      const rawEnd = attr(sel, 'endPosition', sd);
      const start = rawStart !== undefined && /^\s*\d+\s*$/.test(rawStart) ? Number(rawStart) : NaN;
      const end = rawEnd !== undefined && /^\s*\d+\s*$/.test(rawEnd) ? Number(rawEnd) : NaN;
      if (!Number.isInteger(start)) return problems.add(`${selWhere}: startPosition=${JSON.stringify(rawStart ?? null)}; expected a whole number >= 0 (a character position)`);
      if (!Number.isInteger(end)) return problems.add(`${selWhere}: endPosition=${JSON.stringify(rawEnd ?? null)}; expected a whole number >= 0 (a character position)`);
      if (end <= start) return problems.add(`${selWhere}: endPosition ${end} is not after startPosition ${start}; expected start < end`);
      if (end > index.length) return problems.add(`${selWhere}: endPosition ${end} is beyond the end of the text of "${name}" (${index.length} characters)`);
      const codings = children(sel, 'Coding');
      if (codings.length === 0) warnings.push(`${selWhere}: a selection without codes was skipped.`);
      codings.forEach((c, k) => addCoding(c, k, start, end, attr(sel, 'creatingUser', sd), selWhere, attr(sel, 'creationDateTime', sd) ?? null));
    });
    children(src, 'Coding').forEach((c, k) => addCoding(c, k, 0, index.length, undefined, `${where} (whole document)`, null));
  });
  if (missingCoder.length > 0) {
    problems.add(`${missingCoder.length} coding(s) have no creatingUser, so their coder is unknown (first: ${missingCoder[0]}); pass the option defaultCoder to name one`);
  }
  const origins = new Set(documents.map((d) => d.variables.data_origin).filter((v) => v !== undefined));
  const coders = [...new Set([...users.values()].filter((u) => segments.some((s) => s.coder === u)))];
  for (const s of segments) if (!coders.includes(s.coder)) coders.push(s.coder);
  const result: QualProject = {
    name: attr(project, 'name', dec('<Project>')) ?? '',
    description: textOf(child(project, 'Description'), dec('<Project> Description')).trim(),
    origin: attr(project, 'origin', dec('<Project>')) ?? '',
    dataOrigin: origins.size === 1 ? [...origins][0] : null,
    codes,
    documents,
    segments,
    coders,
  };
  if (problems.length === 0) checkProject(result, problems);
  problems.throwIfAny(file, 'REFI-QDA project');
  return { project: result, warnings };
}

function sourceText(textPath: string, sources: ReadonlyMap<string, Uint8Array> | undefined, where: string, problems: ProblemList, warnings: string[]): string | null {
  const m = /^internal:\/\/(.+)$/.exec(textPath);
  if (!m) {
    problems.add(`${where}: plainTextPath="${textPath}" points outside the archive; expected "internal://<file>.txt". Export the project with its sources included`);
    return null;
  }
  if (!sources) {
    problems.add(`${where}: plainTextPath="${textPath}" needs the archive's Sources folder; read the .qdpx with readQdpx`);
    return null;
  }
  const wanted = `sources/${m[1]}`.toLowerCase();
  const key = [...sources.keys()].find((k) => k.toLowerCase() === wanted);
  if (key === undefined) {
    problems.add(`${where}: plainTextPath="${textPath}" but the archive has no Sources/${m[1]}`);
    return null;
  }
  const { text, encoding } = decodeCsvBytes(sources.get(key)!);
  if (encoding !== 'utf-8') warnings.push(`${key} is not valid UTF-8 and was read as Windows-1252; check accented letters.`);
  return text;
}

// ---------------------------------------------------------------- writing

const ZIP_TIME = () => new Date(2024, 3, 1, 12, 0, 0); // local time: DOS timestamps are local, so the bytes do not depend on the time zone

const asGuid = (id: string, kind: string) => (GUID_PATTERN.test(id) ? id.toLowerCase() : stableGuid(`${kind}/${id}`));

export interface WriteQdpxOptions {
  /** Project creation time written to project.qde (ISO); omitted when not given. */
  created?: string;
}

function indent(level: number): string {
  return '  '.repeat(level);
}

function codeXml(codes: readonly QualCode[], parentId: string | null, level: number, out: string[]): void {
  for (const c of codes.filter((k) => k.parentId === parentId)) {
    const attrs = `guid="${asGuid(c.id, 'code')}" name="${escapeXml(c.name, true)}" isCodable="${c.codable ? 'true' : 'false'}"${c.color ? ` color="${escapeXml(c.color, true)}"` : ''}`;
    const kids: string[] = [];
    if (c.description) kids.push(`${indent(level + 1)}<Description>${escapeXml(c.description)}</Description>`);
    codeXml(codes, c.id, level + 1, kids);
    out.push(kids.length ? `${indent(level)}<Code ${attrs}>\n${kids.join('\n')}\n${indent(level)}</Code>` : `${indent(level)}<Code ${attrs}/>`);
  }
}

/** Code names and descriptions that would not read back the same from XML. */
function checkCodesWritable(codes: readonly QualCode[], problems: ProblemList): void {
  for (const c of codes) {
    if (typeof c.name !== 'string') continue;
    if (hasInvalidXmlChars(c.name) || hasInvalidXmlChars(c.description ?? '')) problems.add(`code ${JSON.stringify(c.name)}: holds control characters that XML cannot store`);
    else if (c.name !== c.name.trim()) problems.add(`code ${JSON.stringify(c.name)}: the name starts or ends with white space, which readers drop; remove it`);
  }
}

function checkWritable(project: QualProject): void {
  const problems = new ProblemList();
  checkProject(project, problems);
  // Everything written must read back the same: XML cannot hold most control
  // characters, and the reader trims code names.
  const texts = (d: QualProject['documents'][number]) => [d.name, d.text, d.group, d.description, d.network ?? '', ...Object.entries(d.variables).flat()];
  for (const d of project.documents) if (texts(d).some((t) => typeof t === 'string' && hasInvalidXmlChars(t))) problems.add(`document "${d.name}": holds control characters that XML cannot store`);
  checkCodesWritable(project.codes, problems);
  for (const coder of project.coders) if (typeof coder === 'string' && hasInvalidXmlChars(coder)) problems.add(`coder ${JSON.stringify(coder)}: holds control characters that XML cannot store`);
  problems.throwIfAny('writeQdpx', 'project to write');
}

/** The project.qde XML and the source files of a project (paths inside the archive). */
export function projectXml(project: QualProject, options: WriteQdpxOptions = {}): { xml: string; sources: Array<[string, string]> } {
  checkWritable(project);
  const userGuid = (name: string) => stableGuid(`user/${name}`);
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  lines.push(`<Project xmlns="${PROJECT_NAMESPACE}" name="${escapeXml(project.name, true)}"${project.origin ? ` origin="${escapeXml(project.origin, true)}"` : ''}${options.created ? ` creationDateTime="${escapeXml(options.created, true)}"` : ''}>`);
  const coders = [...project.coders];
  for (const s of project.segments) if (!coders.includes(s.coder)) coders.push(s.coder);
  if (coders.length) {
    lines.push('  <Users>');
    for (const c of coders) lines.push(`    <User guid="${userGuid(c)}" name="${escapeXml(c, true)}"/>`);
    lines.push('  </Users>');
  }
  lines.push('  <CodeBook>', '    <Codes>');
  codeXml(project.codes, null, 3, lines);
  lines.push('    </Codes>', '  </CodeBook>');
  const varNames: string[] = [];
  if (project.documents.some((d) => d.network !== null)) varNames.push('netwerk');
  for (const d of project.documents) for (const k of Object.keys(d.variables)) if (!varNames.includes(k)) varNames.push(k);
  if (varNames.length) {
    lines.push('  <Variables>');
    for (const v of varNames) lines.push(`    <Variable guid="${stableGuid(`variable/${v}`)}" name="${escapeXml(v, true)}" typeOfVariable="Text"/>`);
    lines.push('  </Variables>');
  }
  const sources: Array<[string, string]> = [];
  lines.push('  <Sources>');
  const segmentsOf = new Map<string, QualProject['segments']>();
  for (const s of project.segments) {
    const list = segmentsOf.get(s.documentId);
    if (list) list.push(s);
    else segmentsOf.set(s.documentId, [s]);
  }
  for (const d of project.documents) {
    const guid = asGuid(d.id, 'source');
    const file = `${guid}.txt`;
    sources.push([`Sources/${file}`, d.text]);
    lines.push(`    <TextSource guid="${guid}" name="${escapeXml(d.name, true)}" plainTextPath="internal://${file}">`);
    if (d.description) lines.push(`      <Description>${escapeXml(d.description)}</Description>`);
    for (const s of segmentsOf.get(d.id) ?? []) {
      const name = s.text.length > 80 ? `${[...s.text].slice(0, 77).join('')}...` : s.text;
      lines.push(
        `      <PlainTextSelection guid="${stableGuid(`selection/${s.id}`)}" name="${escapeXml(name, true)}" startPosition="${s.start}" endPosition="${s.end}" creatingUser="${userGuid(s.coder)}"${s.created ? ` creationDateTime="${escapeXml(s.created, true)}"` : ''}>`,
        `        <Coding guid="${asGuid(s.id, 'coding')}" creatingUser="${userGuid(s.coder)}"${s.created ? ` creationDateTime="${escapeXml(s.created, true)}"` : ''}>`,
        `          <CodeRef targetGUID="${asGuid(s.codeId, 'code')}"/>`,
        '        </Coding>',
        '      </PlainTextSelection>',
      );
    }
    const values: Array<[string, string]> = [];
    if (d.network !== null) values.push(['netwerk', d.network]);
    for (const [k, v] of Object.entries(d.variables)) if (k !== 'netwerk') values.push([k, v]);
    for (const [k, v] of values) {
      lines.push('      <VariableValue>', `        <VariableRef targetGUID="${stableGuid(`variable/${k}`)}"/>`, `        <TextValue>${escapeXml(v)}</TextValue>`, '      </VariableValue>');
    }
    lines.push('    </TextSource>');
  }
  lines.push('  </Sources>');
  const groups = [...new Set(project.documents.map((d) => d.group).filter((g) => g !== ''))];
  if (groups.length) {
    lines.push('  <Sets>');
    for (const g of groups) {
      lines.push(`    <Set guid="${stableGuid(`set/${g}`)}" name="${escapeXml(g, true)}">`);
      for (const d of project.documents.filter((x) => x.group === g)) lines.push(`      <MemberSource targetGUID="${asGuid(d.id, 'source')}"/>`);
      lines.push('    </Set>');
    }
    lines.push('  </Sets>');
  }
  if (project.description) lines.push(`  <Description>${escapeXml(project.description)}</Description>`);
  lines.push('</Project>', '');
  return { xml: lines.join('\n'), sources };
}

/**
 * Writes a project as a REFI-QDA .qdpx archive (bytes). Deterministic: no
 * compression and a fixed timestamp, so the same project gives the same bytes.
 *
 * @example
 *   fs.writeFileSync('out/interviews.qdpx', writeQdpx(project));
 */
export function writeQdpx(project: QualProject, options: WriteQdpxOptions = {}): Uint8Array {
  const { xml, sources } = projectXml(project, options);
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const [p, t] of sources) files[p] = strToU8(t);
  return zipSync(files, { level: 0, mtime: ZIP_TIME() });
}

// ---------------------------------------------------------------- codebooks (.qdc)

export interface WriteQdcOptions {
  /** The origin attribute (who made the codebook). */
  origin?: string;
}

/**
 * A code system as a REFI-QDA codebook (.qdc XML text).
 *
 * @example
 *   fs.writeFileSync('codebook.qdc', writeQdc(defaultCodes(), { origin: 'delicate-verbanden' }));
 */
export function writeQdc(codes: readonly QualCode[], options: WriteQdcOptions = {}): string {
  const problems = new ProblemList();
  checkProject({ name: '', description: '', origin: '', dataOrigin: null, codes: [...codes], documents: [], segments: [], coders: [] }, problems);
  checkCodesWritable(codes, problems);
  problems.throwIfAny('writeQdc', 'code system');
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${CODEBOOK_NAMESPACE}"${options.origin ? ` origin="${escapeXml(options.origin, true)}"` : ''}>`, '  <Codes>'];
  codeXml(codes, null, 2, lines);
  lines.push('  </Codes>', '</CodeBook>', '');
  return lines.join('\n');
}

/** Parses the XML text of a REFI-QDA codebook (.qdc). */
export function parseQdc(xml: string, file = 'codebook.qdc'): { codes: QualCode[]; origin: string } {
  const root = parseXml(xml, file);
  const book = root.CodeBook as XmlNode | undefined;
  if (!book || typeof book !== 'object') {
    const tags = Object.keys(root).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
    throw new UserInputError(`${file}: the root element is <${tags[0] ?? '?'}>; expected <CodeBook xmlns="${CODEBOOK_NAMESPACE}">${tags[0] === 'Project' ? ' (this is a project: read it with parseProjectXml, or the .qdpx with readQdpx)' : ''}.`);
  }
  if (!child(book, 'Codes')) throw new UserInputError(`${file}: <CodeBook> has no <Codes> element; expected <Codes> with at least one <Code>.`);
  // Reuse the project parser for the code tree: wrap the codes in a minimal project.
  const inner = xml.replace(/^[\s\S]*?<CodeBook\b[^>]*>/, '').replace(/<\/CodeBook>\s*$/, '');
  const wrapped = `<Project xmlns="${PROJECT_NAMESPACE}" name="codebook"><CodeBook>${inner}</CodeBook></Project>`;
  let codes: QualCode[];
  try {
    codes = parseProjectXml(wrapped, { file }).project.codes;
  } catch (e) {
    if (e instanceof UserInputError) throw new UserInputError(e.message.replace('REFI-QDA project', 'REFI-QDA codebook').replace(/ \(line \d+\)/g, ''));
    throw e;
  }
  if (codes.length === 0) throw new UserInputError(`${file}: the codebook has no codes; expected at least one <Code guid="..." name="..." isCodable="true"/>.`);
  return { codes, origin: attr(book, 'origin', () => file) ?? '' };
}

/**
 * Reads a REFI-QDA codebook (.qdc) from a path or its bytes.
 *
 * @example
 *   const { codes } = readQdc('data/interviews/codebook.qdc');
 */
export function readQdc(input: string | Uint8Array, options: { file?: string } = {}): { codes: QualCode[]; origin: string } {
  const file = typeof input === 'string' ? input : options.file ?? 'codebook.qdc';
  const bytes = typeof input === 'string' ? readBytes(input) : input;
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserInputError(`${file}: not valid UTF-8 text; a .qdc codebook is UTF-8 XML.`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new UserInputError(`${file}: this is a ZIP archive, not a codebook; a .qdpx project is read with readQdpx.`);
  return parseQdc(xml, file);
}
