/**
 * REFI-QDA import and export: the shipped project, round trips, and clear
 * errors on broken files (file, element, what was expected) that leave the
 * file untouched (hash before = hash after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { defaultCodes } from '../../lib/qual/codebook';
import { generateInterviewProject, QUAL_SYNTHETIC_MARK } from '../../lib/qual/defaultData/generate';
import { parseProjectXml, parseQdc, readQdc, readQdpx, writeQdc, writeQdpx } from '../../lib/qual/io/refiQda';
import type { QualProject } from '../../lib/qual/model';
import { UserInputError } from '../../lib/util/errors';

const DATA = path.resolve(__dirname, '..', '..', 'data', 'interviews');
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qual-refi-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Reads a file with `read`, returns the error message (or null), and checks the file is unchanged. */
function readUnchanged(file: string, read: (f: string) => unknown): string | null {
  const before = sha(file);
  let message: string | null = null;
  try {
    read(file);
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    message = e.message;
  }
  expect(sha(file), `${file} was changed by reading it`).toBe(before);
  return message;
}

const U = '11111111-1111-4111-8111-111111111111';
const C1 = '22222222-2222-4222-8222-222222222222';
const C2 = '22222222-2222-4222-8222-222222222223';
const S = '33333333-3333-4333-8333-333333333333';
const P = '44444444-4444-4444-8444-444444444444';
const K = '55555555-5555-4555-8555-555555555555';
const TEXT = 'Eerste regel.\nTweede regel over vertrouwen.\n';

function projectQde(parts: { codes?: string; selection?: string; source?: string; users?: string; doctype?: boolean } = {}): string {
  const users = parts.users ?? `<Users><User guid="${U}" name="A"/></Users>`;
  const codes = parts.codes ?? `<Code guid="${C1}" name="Vertrouwen" isCodable="true"><Code guid="${C2}" name="Wat hindert" isCodable="true"/></Code>`;
  const selection = parts.selection ?? `<PlainTextSelection guid="${S}" startPosition="14" endPosition="43" creatingUser="${U}"><Coding guid="${K}" creatingUser="${U}"><CodeRef targetGUID="${C2}"/></Coding></PlainTextSelection>`;
  const source = parts.source ?? `<TextSource guid="${P}" name="Notos" plainTextPath="internal://${P}.txt">${selection}</TextSource>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n${parts.doctype ? '<!DOCTYPE Project [<!ENTITY x "xxxxxxxx">]>\n' : ''}<Project xmlns="urn:QDA-XML:project:1.0" name="test">\n${users}\n<CodeBook><Codes>${codes}</Codes></CodeBook>\n<Sources>${source}</Sources>\n</Project>\n`;
}

function writeZip(name: string, files: Record<string, string>): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
  return file;
}

const qdpx = (name: string, qde: string, extra: Record<string, string> = { [`Sources/${P}.txt`]: TEXT }) => writeZip(name, { 'project.qde': qde, ...extra });

describe('readQdpx: the shipped project', () => {
  it('reads data/interviews/interviews.qdpx into the generated project, unchanged on disk', () => {
    const file = path.join(DATA, 'interviews.qdpx');
    let project: QualProject | null = null;
    expect(readUnchanged(file, (f) => (project = readQdpx(f).project))).toBeNull();
    expect(project).toEqual(generateInterviewProject());
    expect(project!.documents).toHaveLength(16);
    expect(project!.coders).toEqual(['A', 'B', 'C']);
    expect(project!.dataOrigin).toBe(QUAL_SYNTHETIC_MARK);
  });

  it('reads a minimal hand-written project: positions are characters, end exclusive', () => {
    const { project, warnings } = readQdpx(qdpx('mini.qdpx', projectQde()));
    expect(warnings).toEqual([]);
    expect(project.segments).toHaveLength(1);
    expect(project.segments[0]).toMatchObject({ coder: 'A', start: 14, end: 43, text: 'Tweede regel over vertrouwen.', codeId: C2.toLowerCase() });
    expect(project.codes.map((c) => c.name)).toEqual(['Vertrouwen', 'Wat hindert']);
  });
});

describe('writeQdpx / readQdpx round trip', () => {
  it('gives back the generated project exactly, and the same bytes twice', () => {
    const p = generateInterviewProject();
    const bytes = writeQdpx(p);
    expect(readQdpx(bytes).project).toEqual(p);
    expect(Buffer.from(writeQdpx(p)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps characters outside the BMP, CRLF line ends and XML special characters', () => {
    const p = generateInterviewProject();
    const doc = p.documents[0];
    const text = 'Regel één 🙂 met <tekens> & "aanhalingstekens"\r\nTweede regel.\r\n';
    const tricky: QualProject = {
      ...p,
      name: 'Project <A> & "B"',
      description: 'Beschrijving\nmet twee regels & een <teken>',
      documents: [{ ...doc, name: 'Doc & <1>', text, description: 'x "y" z', variables: { opmerking: 'a < b & c' } }],
      segments: [{ id: 'seg-1', documentId: doc.id, codeId: p.codes[1].id, coder: 'Jo "J" & co', start: 10, end: 11, text: '🙂', created: null }],
      coders: ['Jo "J" & co'],
    };
    const back = readQdpx(writeQdpx(tricky)).project;
    expect(back.documents[0].text).toBe(text);
    expect(back.documents[0].name).toBe('Doc & <1>');
    expect(back.documents[0].variables).toEqual({ opmerking: 'a < b & c' });
    expect(back.name).toBe(tricky.name);
    expect(back.description).toBe(tricky.description);
    expect(back.segments[0]).toMatchObject({ text: '🙂', start: 10, end: 11, coder: 'Jo "J" & co' });
  });

  it('refuses to write an inconsistent project', () => {
    const p = generateInterviewProject();
    const broken = { ...p, segments: [{ ...p.segments[0], text: 'not the text' }] };
    expect(() => writeQdpx(broken)).toThrow(/differs from the document's characters/);
  });
});

describe('codebooks (.qdc)', () => {
  it('the shipped codebook is the default code system; write and re-read give it back', () => {
    expect(readQdc(path.join(DATA, 'codebook.qdc')).codes).toEqual(defaultCodes());
    const xml = writeQdc(defaultCodes(), { origin: 'test' });
    expect(parseQdc(xml)).toEqual({ codes: defaultCodes(), origin: 'test' });
  });

  it('explains a codebook given as a project and the other way round', () => {
    expect(() => parseQdc(projectQde())).toThrow(/expected <CodeBook .*this is a project/);
    expect(() => parseProjectXml(writeQdc(defaultCodes()))).toThrow(/expected <Project .*read it with readQdc/);
  });

  it('reports a code without isCodable and a bad colour, file unchanged', () => {
    const file = path.join(tmp, 'bad.qdc');
    fs.writeFileSync(file, `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${C1}" name="Vertrouwen" color="red"/></Codes></CodeBook>`);
    const msg = readUnchanged(file, (f) => readQdc(f));
    expect(msg).toMatch(/bad\.qdc: 2 problems in the REFI-QDA codebook/);
    expect(msg).toMatch(/CodeBook\/Codes\/Code\[1\] "Vertrouwen": no isCodable attribute; expected isCodable="true" or "false"/);
    expect(msg).toMatch(/color="red"; expected #rrggbb/);
  });
});

describe('readQdpx: errors name the file, the element and what was expected; the file is unchanged', () => {
  it('not a ZIP archive (with a hint when it is XML)', () => {
    const file = path.join(tmp, 'plain.qdpx');
    fs.writeFileSync(file, projectQde());
    expect(readUnchanged(file, (f) => readQdpx(f))).toMatch(/plain\.qdpx: this is not a ZIP archive; a \.qdpx project is a ZIP file holding project\.qde.*looks like XML/);
  });

  it('a ZIP without project.qde', () => {
    expect(readUnchanged(writeZip('noqde.qdpx', { 'other.xml': '<a/>' }), (f) => readQdpx(f))).toMatch(/noqde\.qdpx: the archive has no project\.qde.*Found: other\.xml/);
  });

  it('XML that is not well-formed: line and column', () => {
    const broken = projectQde().replace('</CodeBook>', '</Codebook>');
    expect(readUnchanged(qdpx('broken.qdpx', broken), (f) => readQdpx(f))).toMatch(/broken\.qdpx > project\.qde, line 4, column \d+: the XML is not well-formed/);
  });

  it('a DOCTYPE is refused (no entity expansion)', () => {
    expect(readUnchanged(qdpx('doctype.qdpx', projectQde({ doctype: true })), (f) => readQdpx(f))).toMatch(/line 2, column 1: the file has a DOCTYPE declaration/);
  });

  it('a position that is not a number, and one beyond the text', () => {
    const sel = (a: string, b: string) => `<PlainTextSelection guid="${S}" startPosition="${a}" endPosition="${b}" creatingUser="${U}"><Coding guid="${K}"><CodeRef targetGUID="${C2}"/></Coding></PlainTextSelection>`;
    expect(readUnchanged(qdpx('pos1.qdpx', projectQde({ selection: sel('abc', '10') })), (f) => readQdpx(f))).toMatch(
      /pos1\.qdpx > project\.qde: 1 problem in the REFI-QDA project:\n {2}- Sources\/TextSource\[1\] "Notos" \(line \d+\) > PlainTextSelection\[1\] \(line \d+\): startPosition="abc"; expected a whole number >= 0/,
    );
    expect(readUnchanged(qdpx('pos2.qdpx', projectQde({ selection: sel('10', '500') })), (f) => readQdpx(f))).toMatch(/endPosition 500 is beyond the end of the text of "Notos" \(44 characters\)/);
    expect(readUnchanged(qdpx('pos3.qdpx', projectQde({ selection: sel('20', '10') })), (f) => readQdpx(f))).toMatch(/endPosition 10 is not after startPosition 20/);
  });

  it('a CodeRef to no code, an unknown user, and several problems in one message', () => {
    const selection = `<PlainTextSelection guid="${S}" startPosition="0" endPosition="5" creatingUser="${U}"><Coding guid="${K}"><CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/></Coding><Coding guid="${K.replace('5555-4', '5556-4')}" creatingUser="66666666-6666-4666-8666-666666666666"><CodeRef targetGUID="${C1}"/></Coding></PlainTextSelection>`;
    const msg = readUnchanged(qdpx('refs.qdpx', projectQde({ selection })), (f) => readQdpx(f));
    expect(msg).toMatch(/2 problems/);
    expect(msg).toMatch(/Coding\[1\]: CodeRef targetGUID="99999999-9999-4999-8999-999999999999" is not a code of the <CodeBook>/);
    expect(msg).toMatch(/Coding\[2\]: creatingUser="66666666-6666-4666-8666-666666666666" is not a <User> of the project/);
  });

  it('a coding without any creatingUser asks for defaultCoder', () => {
    const selection = `<PlainTextSelection guid="${S}" startPosition="0" endPosition="5"><Coding guid="${K}"><CodeRef targetGUID="${C1}"/></Coding></PlainTextSelection>`;
    const file = qdpx('nouser.qdpx', projectQde({ selection }));
    expect(readUnchanged(file, (f) => readQdpx(f))).toMatch(/coder is unknown .*pass the option defaultCoder/);
    expect(readQdpx(file, { defaultCoder: 'X' }).project.segments[0].coder).toBe('X');
  });

  it('a text source that points outside the archive, or to a missing file', () => {
    const outside = projectQde({ source: `<TextSource guid="${P}" name="Notos" plainTextPath="relative://Notos.txt"/>` });
    expect(readUnchanged(qdpx('outside.qdpx', outside), (f) => readQdpx(f))).toMatch(/plainTextPath="relative:\/\/Notos\.txt" points outside the archive; expected "internal:\/\/<file>\.txt"/);
    expect(readUnchanged(qdpx('missing.qdpx', projectQde(), {}), (f) => readQdpx(f))).toMatch(/but the archive has no Sources\/44444444-4444-4444-8444-444444444444\.txt/);
  });

  it('inline PlainTextContent works; picture sources are skipped with a warning', () => {
    const source = `<TextSource guid="${P}" name="Notos"><PlainTextContent>${TEXT}</PlainTextContent><PlainTextSelection guid="${S}" startPosition="0" endPosition="6" creatingUser="${U}"><Coding guid="${K}"><CodeRef targetGUID="${C1}"/></Coding></PlainTextSelection></TextSource><PictureSource guid="${K.replace('5555-4', '7777-4')}" name="foto"/>`;
    const { project, warnings } = readQdpx(qdpx('inline.qdpx', projectQde({ source }), {}));
    expect(project.segments[0].text).toBe('Eerste');
    expect(warnings.join(' ')).toMatch(/Skipped 1 PictureSource/);
  });
});
