/**
 * Hostile and unusual input to the REFI-QDA and MAXQDA readers and writers
 * (issue 16): deep code trees, altered or oversized archive members, many
 * coded segments, and code names that a MAXQDA table cannot hold.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseMaxqdaCsv, writeMaxqdaCodedSegments } from '../../lib/qual/io/maxqda';
import { parseQdc, readQdc, readQdpx, writeQdc, writeQdpx } from '../../lib/qual/io/refiQda';
import { MAX_XML_DEPTH } from '../../lib/qual/io/xml';
import { stableGuid } from '../../lib/qual/guid';
import type { QualProject } from '../../lib/qual/model';
import { crc32, ZipArchive } from '../../lib/io/zip';
import { userErrorOf } from '../io/helpers';


const guid = (k: string) => stableGuid(`hostile/${k}`);

/** A small project: one document, codes A > B, `n` coded segments of one character each. */
function project(n: number, codeNames: [string, string] = ['Vertrouwen', 'Wat hindert']): QualProject {
  const text = 'x'.repeat(Math.max(n, 10));
  const [a, b] = [guid('code-a'), guid('code-b')];
  return {
    name: 'test',
    description: '',
    origin: '',
    dataOrigin: null,
    codes: [
      { id: a, name: codeNames[0], parentId: null, description: '', color: null, codable: true },
      { id: b, name: codeNames[1], parentId: a, description: '', color: null, codable: true },
    ],
    documents: [{ id: guid('doc'), name: 'Notos', group: '', network: null, text, description: '', variables: {} }],
    segments: Array.from({ length: n }, (_, i) => ({ id: guid(`seg-${i}`), documentId: guid('doc'), codeId: b, coder: 'A', start: i, end: i + 1, text: 'x', created: null })),
    coders: ['A'],
  };
}

describe('REFI-QDA: a code tree nested far too deep', () => {
  const deepCodes = (depth: number) => {
    let xml = '';
    for (let i = 0; i < depth; i++) xml += `<Code guid="${guid(`deep-${i}`)}" name="level ${i} &gt; x" isCodable="true">`;
    for (let i = 0; i < depth; i++) xml += '</Code>';
    return xml;
  };

  it('a .qdc 120 levels deep is a UserInputError naming the line and the limit', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>${deepCodes(120)}</Codes></CodeBook>\n`;
    const msg = userErrorOf(() => parseQdc(xml, 'deep.qdc')).message;
    expect(msg).toMatch(new RegExp(`^deep\\.qdc, line 3, column \\d+: elements are nested ${MAX_XML_DEPTH + 1} or more levels deep`));
    expect(msg).toMatch(/flatten the code tree/);
  });

  it('a .qdpx 120 levels deep likewise; 40 levels (with ">" inside attribute values) are read', () => {
    const qde = (codes: string) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="t"><CodeBook><Codes>${codes}</Codes></CodeBook><Sources/></Project>\n`;
    const zip = (codes: string) => zipSync({ 'project.qde': strToU8(qde(codes)) });
    expect(userErrorOf(() => readQdpx(zip(deepCodes(120)), { file: 'deep.qdpx' })).message).toMatch(/^deep\.qdpx > project\.qde, line 2, column \d+: elements are nested/);
    const raw = deepCodes(40).replace(/&gt;/g, '>'); // a raw ">" in an attribute value is allowed in XML
    expect(readQdpx(zip(raw)).project.codes).toHaveLength(40);
  });
});

describe('REFI-QDA: archive members are checked', () => {
  it('a member whose bytes no longer match its CRC is refused, not read into the quotes', () => {
    const bytes = Buffer.from(writeQdpx(project(3)));
    const at = bytes.indexOf('xxxxxxxxxx'); // the document text, stored uncompressed
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 0x79; // 'y'
    const msg = userErrorOf(() => readQdpx(bytes, { file: 'altered.qdpx' })).message;
    expect(msg).toMatch(/^altered\.qdpx: the project \(a ZIP archive\) is damaged: the bytes of Sources\/\S+\.txt do not match its checksum \(CRC-32\)/);
    expect(msg).toMatch(/Export the project again/);
  });

  it('members each under the cap that together inflate past the total cap are refused, naming the limit', () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    const files: Record<string, Uint8Array> = { 'project.qde': strToU8('<Project/>') };
    for (let i = 0; i < 4; i++) files[`Sources/${i}.txt`] = big;
    const bytes = zipSync(files, { level: 9 });
    expect(bytes.length).toBeLessThan(200_000);
    const msg = userErrorOf(() => readQdpx(bytes, { file: 'bomb.qdpx', zipLimits: { maxMemberBytes: 4 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 } })).message;
    expect(msg).toMatch(/^bomb\.qdpx: refused to unpack Sources\/3\.txt: together with the members read before it, the project inflates to more than 10 MB, the limit of this reader/);
  });

  it('a member that inflates past the per-member cap although it declares a small size is refused', () => {
    const bytes = Buffer.from(zipSync({ 'a.txt': new Uint8Array(2 * 1024 * 1024).fill(0x62) }, { level: 9 }));
    // Make the table of contents claim 100 bytes.
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(100, cd + 24);
    const zip = new ZipArchive(bytes, 'lie.zip', { kind: 'archive', advice: 'Make it again.', limits: { maxMemberBytes: 1024 * 1024 } });
    expect(userErrorOf(() => zip.read('a.txt')).message).toMatch(/^lie\.zip: refused to unpack a\.txt: it inflates to more than the 1 MB this reader accepts for one member/);
    const roomy = new ZipArchive(bytes, 'lie.zip', { kind: 'archive', advice: 'Make it again.' });
    expect(userErrorOf(() => roomy.read('a.txt')).message).toMatch(/a\.txt holds 2097152 bytes, but its table of contents says 100/);
  });

  it('crc32 agrees with the ZIP checksum of known text', () => {
    expect(crc32(strToU8('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('REFI-QDA: many coded segments are read in linear time', () => {
  it('20,000 selections round-trip', () => {
    const p = project(20_000);
    const back = readQdpx(writeQdpx(p)).project;
    expect(back.segments).toHaveLength(20_000);
    expect(back.segments[19_999]).toMatchObject({ start: 19_999, end: 20_000, text: 'x' });
  });
});

describe('MAXQDA: code names the table cannot hold are refused when writing', () => {
  for (const [what, name] of [
    ['the path separator ">"', 'Vertrouwen > wantrouwen'],
    ['the old separator "\\"', 'A\\B'],
    ['a line break', 'Wat\nhindert'],
    ['white space at the end', 'Wat hindert '],
  ] as const) {
    it(`${what}: an error naming the code, never a file that reads back as another code tree`, () => {
      const msg = userErrorOf(() => writeMaxqdaCodedSegments(project(2, ['Thema', name]))).message;
      expect(msg).toMatch(/^writeMaxqdaCodedSegments: 1 problem in the project/);
      expect(msg).toContain(`code ${JSON.stringify(name)}: the name`);
      expect(msg).toMatch(/Rename the code/);
    });
  }

  it('ordinary names (accents, quotes, semicolons) read back as the same code tree', () => {
    const p = project(3, ['Vertrouwen; "echt"', 'Wat hindert – één']);
    const csv = writeMaxqdaCodedSegments(p);
    const back = parseMaxqdaCsv(csv, { documents: { Notos: p.documents[0].text } }).project;
    expect(back.codes.map((c) => c.name)).toEqual(['Vertrouwen; "echt"', 'Wat hindert – één']);
    expect(back.segments).toHaveLength(3);
  });
});

describe('REFI-QDA: the writers refuse what their reader would read back differently', () => {
  it('code names with outer white space or control characters, in .qdpx and .qdc', () => {
    for (const name of [' Vertrouwen', 'Wat\u0001hindert']) {
      const p = project(2, ['Thema', name]);
      expect(userErrorOf(() => writeQdpx(p)).message).toMatch(/^writeQdpx: 1 problem in the project to write/);
      expect(userErrorOf(() => writeQdc(p.codes)).message).toContain(`code ${JSON.stringify(name)}:`);
    }
  });

  it('names with ">", quotes and line breaks round-trip through .qdc and .qdpx unchanged', () => {
    const p = project(2, ['Thema > "A"', 'Wat\nhindert & <zo>']);
    expect(readQdc(strToU8(writeQdc(p.codes))).codes.map((c) => c.name)).toEqual(['Thema > "A"', 'Wat\nhindert & <zo>']);
    expect(readQdpx(writeQdpx(p)).project.codes.map((c) => c.name)).toEqual(['Thema > "A"', 'Wat\nhindert & <zo>']);
  });
});
