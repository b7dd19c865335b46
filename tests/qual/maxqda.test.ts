/**
 * MAXQDA's coded-segments table (CSV and XLSX): the shipped CSV gives the same
 * codings as the .qdpx; German headers, "\" code paths, semicolons and
 * Windows-1252 are read; broken rows give row, column and what was expected;
 * the file is never changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { generateInterviewProject } from '../../lib/qual/defaultData/generate';
import { parseCsv } from '../../lib/io/csv';
import { parseMaxqdaCsv, readMaxqdaCodedSegments, writeMaxqdaCodedSegments } from '../../lib/qual/io/maxqda';
import { readQdc } from '../../lib/qual/io/refiQda';
import { readTextFolder } from '../../lib/qual/io/texts';
import { codePath, type QualProject } from '../../lib/qual/model';
import { UserInputError } from '../../lib/util/errors';

const DATA = path.resolve(__dirname, '..', '..', 'data', 'interviews');
const CSV = path.join(DATA, 'coded-segments.csv');
const texts = readTextFolder(path.join(DATA, 'texts'));
const { codes } = readQdc(path.join(DATA, 'codebook.qdc'));
const generated = generateInterviewProject();

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qual-maxqda-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** One line per segment: group, document, code path, coder, positions, text. */
function keys(p: QualProject): string[] {
  return p.segments
    .map((s) => {
      const d = p.documents.find((x) => x.id === s.documentId)!;
      return [d.group, d.name, d.network, codePath(p.codes, s.codeId), s.coder, s.start, s.end, s.text].join('|');
    })
    .sort();
}

async function messageOf(file: string, options: Parameters<typeof readMaxqdaCodedSegments>[1]): Promise<string | null> {
  const before = sha(file);
  let message: string | null = null;
  try {
    await readMaxqdaCodedSegments(file, options);
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    message = e.message;
  }
  expect(sha(file), `${file} was changed`).toBe(before);
  return message;
}

function writeCsvFile(name: string, text: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const shipped = fs.readFileSync(CSV, 'utf8');
const header = shipped.split('\n')[0];
const rows = shipped.trimEnd().split('\n').slice(1);

describe('readMaxqdaCodedSegments: the shipped CSV', () => {
  it('gives the same coded segments as the .qdpx (character positions found from paragraph numbers), file unchanged', async () => {
    const before = sha(CSV);
    const { project, warnings } = await readMaxqdaCodedSegments(CSV, { documents: texts, codes });
    expect(sha(CSV)).toBe(before);
    expect(warnings).toEqual([]);
    expect(keys(project)).toEqual(keys(generated));
    expect(project.coders).toEqual(['A', 'B', 'C']);
    expect(project.dataOrigin).toBe(generated.dataOrigin);
  });

  it('without a code system, builds the code tree from the paths', async () => {
    const { project } = await readMaxqdaCodedSegments(CSV, { documents: texts });
    expect(keys(project)).toEqual(keys(generated));
    expect(project.codes.filter((c) => c.parentId === null).length).toBe(10);
  });

  it('accepts the documents as a project (e.g. read from the .qdpx)', () => {
    expect(keys(parseMaxqdaCsv(shipped, { documents: generated, codes }).project)).toEqual(keys(generated));
  });

  it('reads the same table from an Excel workbook', async () => {
    const grid = parseCsv(shipped, ',').map((r) => r.cells.map((c, j) => (r.row > 1 && (j === 4 || j === 5 || j === 6) ? { value: Number(c), type: Number } : { value: c })));
    const file = path.join(tmp, 'coded-segments.xlsx');
    fs.writeFileSync(file, await writeXlsxFile(grid as never).toBuffer());
    const before = sha(file);
    const { project } = await readMaxqdaCodedSegments(file, { documents: texts, codes });
    expect(sha(file)).toBe(before);
    expect(keys(project)).toEqual(keys(generated));
  });

  it('reads German column names, "\\" code paths, semicolons and Windows-1252', async () => {
    const german = [
      'Farbe;Dokumentgruppe;Dokumentname;Code;Anfang;Ende;Gewicht;Segment;Erstellt von',
      '#fff;Interviews;Notos;Overlap\\Met andere netwerken;7;7;0;"De besturen ontmoeten elkaar in veel andere netwerken, en de coördinatoren zien sommige onderwerpen op meerdere tafels terugkomen.";B',
    ].join('\r\n');
    const file = writeCsvFile('german.csv', Buffer.from(german, 'latin1'));
    const { project, warnings } = await readMaxqdaCodedSegments(file, { documents: texts, codes });
    expect(warnings.join(' ')).toMatch(/Windows-1252/);
    expect(project.segments).toHaveLength(1);
    expect(codePath(project.codes, project.segments[0].codeId)).toBe('Overlap > Met andere netwerken');
    expect(project.segments[0].text).toMatch(/^De besturen ontmoeten/);
    expect(project.documents[0].network).toBe('Notos');
  });

  it('finds a segment whose white space a spreadsheet changed, and one without Begin/End when it is unique', () => {
    const text = 'Header,Document name,Code,Segment,Created by\nx,Meses,Geld > Inleg en bijdrage,"Nieuwe  leden betalen een\nkleine bijdrage om aan te sluiten.",B\n';
    const { project } = parseMaxqdaCsv(text, { documents: texts, codes });
    expect(project.segments[0].text).toBe('Nieuwe leden betalen een kleine bijdrage om aan te sluiten.');
  });

  it('writes what it reads: write(read(csv)) gives the shipped CSV back', async () => {
    // The document ids differ (the table has no GUIDs), the rows do not.
    const { project } = await readMaxqdaCodedSegments(CSV, { documents: texts, codes });
    expect(writeMaxqdaCodedSegments(project)).toBe(shipped);
  });
});

describe('readMaxqdaCodedSegments: errors give row, column and what was expected', () => {
  it('requires the texts, and says why', async () => {
    await expect(readMaxqdaCodedSegments(CSV, {} as never)).rejects.toThrow(/option documents is required\. MAXQDA's Begin and End are paragraph numbers/);
  });

  it('a missing required column, with a suggestion', async () => {
    const file = writeCsvFile('nocol.csv', [header.replace('Segment', 'Segmnt'), ...rows.slice(0, 2)].join('\n'));
    expect(await messageOf(file, { documents: texts })).toMatch(/the header has no column "Segment" \(or "Coded segment"\); did you mean "Segmnt"\? Then pass \{ columns: \{ segment: "Segmnt" \} \}/);
    const { project } = await readMaxqdaCodedSegments(file, { documents: texts, columns: { segment: 'Segmnt' } });
    expect(project.segments).toHaveLength(2);
  });

  it('a Begin that is no paragraph number, an unknown document, an empty coder', async () => {
    const cells = parseCsv(shipped, ',').map((r) => r.cells);
    const bad1 = cells[1].slice();
    bad1[4] = 'vier';
    const bad2 = cells[2].slice();
    bad2[2] = 'Notoss';
    const bad3 = cells[3].slice();
    bad3[8] = '';
    const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const file = writeCsvFile('bad.csv', [header, ...[bad1, bad2, bad3].map((r) => r.map(quote).join(','))].join('\n'));
    const msg = await messageOf(file, { documents: texts });
    expect(msg).toMatch(/bad\.csv: 3 problems in the MAXQDA coded-segments table/);
    expect(msg).toMatch(/row 2, column "Begin": found "vier", expected a paragraph number \(a whole number from 1\)/);
    expect(msg).toMatch(/row 3, column "Document name": the document "Notoss" is not among the given texts \(did you mean "Notos"\?\)/);
    expect(msg).toMatch(/row 4, column "Created by": found an empty cell, expected the coder's name/);
  });

  it('a segment that is not in the given paragraphs, and paragraphs beyond the text', async () => {
    const file = writeCsvFile('where.csv', [header, rows[0].replace(',4,4,0,', ',6,6,0,'), rows[1].replace(',4,4,0,', ',40,41,0,')].join('\n'));
    const msg = await messageOf(file, { documents: texts });
    expect(msg).toMatch(/row 2: the segment "In deze vorm bestaat Aparctias.*" is not found in paragraphs 6-6 of "Aparctias"/);
    expect(msg).toMatch(/row 3: Begin\/End 40-41 point beyond the last paragraph of "Aparctias" \(9 paragraphs\)/);
  });

  it('a segment that occurs twice and has no Begin/End cannot be placed', () => {
    const text = 'Document name,Code,Segment,Created by\nLips,Grootte en groei,groei,A\n';
    expect(() => parseMaxqdaCsv(text, { documents: { Lips: 'groei en groei' }, file: 'twice.csv' })).toThrow(/row 2: the segment "groei" occurs 2 times in "Lips"; add the Begin and End columns/);
  });

  it('a code path that is not in the given code system', () => {
    const text = 'Document name,Code,Segment,Created by\nLips,Vertrouwen als bindmiddel > Wat hinderd,wachtlijst,A\n';
    expect(() => parseMaxqdaCsv(text, { documents: texts, codes, file: 'code.csv' })).toThrow(/row 2, column "Code": found "Vertrouwen als bindmiddel > Wat hinderd", expected a code of the given code system/);
  });

  it('an empty file, a header without rows, an .xlsx that is not a workbook', async () => {
    expect(() => parseMaxqdaCsv('', { documents: texts, file: 'empty.csv' })).toThrow(/empty\.csv: the file is empty/);
    expect(() => parseMaxqdaCsv(`${header}\n`, { documents: texts, file: 'h.csv' })).toThrow(/header row but no data rows/);
    const fake = writeCsvFile('fake.xlsx', shipped);
    expect(await messageOf(fake, { documents: texts })).toMatch(/has an Excel extension but is not an \.xlsx workbook/);
  });
});
