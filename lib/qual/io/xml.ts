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
  return parser.parse(text) as XmlNode;
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
