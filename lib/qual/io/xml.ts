/**
 * XML reading and writing for the REFI-QDA files (internal).
 *
 * Reading uses fast-xml-parser with entity processing switched off: the five
 * predefined entities and numeric character references are decoded here, and
 * a DOCTYPE is refused before parsing, so no entity can expand (REFI-QDA files
 * never need a DOCTYPE). Well-formedness is checked first, so a broken file
 * gives the line and column of the first error.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserInputError } from '../../util/errors';

/** A parsed element: attributes under '@_name', children by tag name, text under '#text'. */
export type XmlNode = Record<string, unknown>;

/** Elements that may repeat and are therefore always arrays. */
const REPEATED = new Set([
  'User', 'Code', 'Variable', 'Case', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource',
  'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue', 'Set', 'MemberSource', 'MemberCode', 'MemberNote',
  'SourceRef', 'SelectionRef', 'CodeRef', 'Note', 'Link', 'Graph', 'Vertex', 'Edge', 'Transcript', 'PDFSelection',
  'PictureSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection', 'SyncPoint',
]);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and numeric character references of XML text. */
export function decodeXmlText(s: string, where: () => string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new UserInputError(`${where()}: ${m} is not a valid character reference.`);
      return String.fromCodePoint(cp);
    }
    if (e in ENTITIES) return ENTITIES[e];
    throw new UserInputError(`${where()}: the entity ${m} is not defined; REFI-QDA files use only &lt; &gt; &amp; &quot; &apos; and numeric references.`);
  });
}

/** 1-based line and column of a string index. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: index - last };
}

/** Line numbers of string indexes, from the line starts found once (binary search per lookup). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line of a string index. */
  lineOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** How deep elements may nest: REFI-QDA code trees are a few levels deep; far deeper is refused with a clear message. */
export const MAX_XML_DEPTH = 64;

/**
 * Parses XML text into nested objects. `file` names the file in messages
 * ("interviews.qdpx > project.qde").
 */
export function parseXml(xml: string, file: string): XmlNode {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const at = lineColumn(text, doctype.index);
    throw new UserInputError(`${file}, line ${at.line}, column ${at.column}: the file has a DOCTYPE declaration; REFI-QDA files need none, and it is refused so that no entity can expand. Remove the <!DOCTYPE ...> part.`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new UserInputError(`${file}, line ${valid.err.line}, column ${valid.err.col}: the XML is not well-formed: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && REPEATED.has(name),
  });
  const depth = maxDepth(text);
  if (depth.depth > MAX_XML_DEPTH) {
    const at = lineColumn(text, depth.index);
    throw new UserInputError(
      `${file}, line ${at.line}, column ${at.column}: elements are nested ${MAX_XML_DEPTH + 1} or more levels deep here, more than this reader accepts (${MAX_XML_DEPTH}). ` +
        'A code tree of that depth is almost certainly a damaged or generated file; flatten the code tree in the QDA program and export again.',
    );
  }
  try {
    return parser.parse(text) as XmlNode;
  } catch (e) {
    // The parser's own limits (e.g. its nesting limit) are not the user's bug either.
    throw new UserInputError(`${file}: the XML cannot be read (${(e as Error).message}). Export the file again from the QDA program.`);
  }
}

/** The deepest nesting of elements in well-formed XML, and where it is first reached past MAX_XML_DEPTH. */
function maxDepth(text: string): { depth: number; index: number } {
  let depth = 0;
  let max = 0;
  let index = 0;
  // Tags only (a ">" inside a quoted attribute value does not end a tag): comments, CDATA and processing instructions are skipped whole.
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[^\s/>!?](?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] === undefined && m[2] === undefined) continue; // comment, CDATA, PI
    if (m[1] === '/') depth--;
    else if (m[2] !== '/') {
      depth++;
      if (depth > max) {
        max = depth;
        if (max === MAX_XML_DEPTH + 1) index = m.index;
      }
    }
  }
  return { depth: max, index };
}

/** The child elements of a node with a tag name (always an array). */
export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = node[tag];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : ({ '#text': String(x) } as XmlNode)));
}

/** The single child element with a tag name, if any. */
export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return children(node, tag)[0];
}

/** An attribute value, decoded; undefined when absent. */
export function attr(node: XmlNode | undefined, name: string, where: () => string): string | undefined {
  const v = node?.[`@_${name}`];
  if (v === undefined || v === null) return undefined;
  return decodeXmlText(String(v), where);
}

/** The text content of an element (entities decoded, CDATA kept as is); '' when empty. */
export function textOf(node: XmlNode | string | undefined, where: () => string): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return decodeXmlText(node, where);
  const t = node['#text'];
  const cdata = node['#cdata'];
  const cd = Array.isArray(cdata) ? cdata.join('') : cdata === undefined ? '' : String(cdata);
  return decodeXmlText(t === undefined ? '' : String(t), where) + cd;
}

/** Escapes text for XML content or a double-quoted attribute. Line breaks in attributes become character references. */
export function escapeXml(s: string, inAttribute = false): string {
  const out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return inAttribute ? out.replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : out.replace(/\r/g, '&#13;');
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks). */
export function hasInvalidXmlChars(s: string): boolean {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s);
}
