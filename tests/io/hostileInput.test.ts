/**
 * Hostile and unusual input to the CSV, codebook and .sav readers (issue 16):
 * never a crash (always a UserInputError that names the file and says what
 * to do), never a silent change of meaning, and memory proportional to the
 * data (checked in a child process with a small heap, see heapLimit.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNetworksCsvText, readSav, readSavBytes, readSurveyCsvText, savBytes, validateInstrument } from '../../lib/io';
import { parseCsv } from '../../lib/io/csv';
import { parseWholeNumber } from '../../lib/io/csvChecks';
import { readInstrument } from '../../lib/io/instrument';
import { MAX_KEPT_PROBLEMS, ProblemList } from '../../lib/util/problems';
import { savFixture, tmpDir, userErrorOf } from './helpers';
import { runWithHeapLimit } from './heapLimit';

const instrument = readInstrument();
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

describe('CSV: files without a single non-empty cell', () => {
  for (const [what, text] of [
    ['only delimiters', ';;;\n;;;\n;;;\n'],
    ['only empty quoted fields', '"";"";""\r\n"";""\r\n'],
    ['only commas and spaces', ' , , \n,,\n'],
  ] as const) {
    it(`${what}: a UserInputError that says every row is empty`, () => {
      for (const read of [() => readSurveyCsvText(text, { file: 'x.csv' }), () => readNetworksCsvText(text, { file: 'x.csv' })]) {
        const msg = userErrorOf(read).message;
        expect(msg).toMatch(/^x\.csv: every row is empty/);
        expect(msg).toMatch(/Expected a header row/);
      }
    });
  }
});

describe('CSV: the parser cuts fields as slices', () => {
  it('gives the same records as before for quotes, doubled quotes, line breaks and stray quotes', () => {
    expect(parseCsv('a;"b;""c""\nd"x;e"f;""\r\n;\rlast', ';')).toEqual([
      { row: 1, cells: ['a', 'b;"c"\ndx', 'e"f', ''] },
      { row: 2, cells: ['', ''] },
      { row: 3, cells: ['last'] },
    ]);
    expect(userErrorOf(() => parseCsv('a\n"open', ',', 'f.csv')).message).toMatch(/f\.csv: row 2 opens a quoted field/);
  });

  it('reads a few MB of long cells in a 64 MB heap', () => {
    const run = runWithHeapLimit(
      `const { parseCsv } = require(ROOT + '/lib/io/csv');
       const cell = 'x'.repeat(1_000_000);
       const text = 'id;note\\n' + Array.from({ length: 8 }, (_, i) => 'R' + i + ';"' + cell + '"').join('\\n');
       const records = parseCsv(text, ';', 'big.csv');
       console.log('records', records.length, records[8].cells[1].length);`,
      64,
    );
    expect(run.stdout + run.stderr).toContain('records 9 1000000');
    expect(run.status).toBe(0);
  });
});

describe('problem lists are capped', () => {
  it('keeps at most MAX_KEPT_PROBLEMS messages but counts them all', () => {
    const p = new ProblemList();
    for (let i = 0; i < 100_000; i++) p.add(`problem ${i} ${'x'.repeat(5000)}`);
    expect(p.length).toBe(100_000);
    expect(p.items.length).toBe(MAX_KEPT_PROBLEMS);
    const msg = userErrorOf(() => p.throwIfAny('f.csv', 'survey file')).message;
    expect(msg).toMatch(/^f\.csv: 100000 problems in the survey file \(the first 20 are listed\)/);
    expect(msg).toMatch(/\.\.\. and 99980 more problems$/);
    expect(msg.length).toBeLessThan(50_000);
  });

  it('a survey with a bad cell in every row of thousands of distinct long network names gives a short message', () => {
    const networks = Array.from({ length: 3000 }, (_, i) => `Netwerk ${i} ${'n'.repeat(200)}`);
    const rows = Array.from({ length: 3000 }, (_, i) => `R${i};Onbekend ${i} ${'o'.repeat(200)};4`);
    const text = `respondent_id;network;trust_1\n${rows.join('\n')}\n`;
    const msg = userErrorOf(() => readSurveyCsvText(text, { file: 's.csv', networks, allowMissingItemColumns: true })).message;
    expect(msg).toMatch(/^s\.csv: 3000 problems/);
    expect(msg.length).toBeLessThan(200_000);
  });
});

describe('codebook: own properties only, bounded scales', () => {
  for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
    it(`a responseScale named "${name}" is a validation error, not a crash later`, () => {
      const bad = clone(instrument) as unknown as { constructs: Array<{ responseScale: string }> };
      bad.constructs[0].responseScale = name;
      const msg = userErrorOf(() => validateInstrument(bad, 'cb.json')).message;
      expect(msg).toMatch(/^cb\.json: the codebook has 1 problem/);
      expect(msg).toContain(`responseScale: expected one of`);
      expect(msg).toContain(JSON.stringify(name));
    });
  }

  it('a scale whose labels object inherits "1" from Object.prototype still needs its own labels', () => {
    const bad = clone(instrument) as unknown as { responseScales: Record<string, { labels: Record<string, unknown> }> };
    const [name] = Object.keys(bad.responseScales).filter((k) => Object.keys(bad.responseScales[k].labels).length > 0);
    delete bad.responseScales[name].labels['1'];
    expect(userErrorOf(() => validateInstrument(bad, 'cb.json')).message).toMatch(/label for answer 1 is missing/);
  });

  it('an ordinal scale with a max of two billion is refused at once, naming the limit', () => {
    const bad = clone(instrument) as unknown as { responseScales: Record<string, { type: string; max: number }> };
    const [name] = Object.keys(bad.responseScales).filter((k) => bad.responseScales[k].type === 'ordinal');
    bad.responseScales[name].max = 2_000_000_000;
    const msg = userErrorOf(() => validateInstrument(bad, 'cb.json')).message;
    expect(msg).toMatch(/has 2000000000 answers; expected at most 101/);
    expect(msg.length).toBeLessThan(5000);
  });

  it('thousands of problems give a message listing 20 and counting the rest', () => {
    const bad = clone(instrument) as unknown as { responseScales: Record<string, unknown> };
    for (let i = 0; i < 5000; i++) bad.responseScales[`s${i}`] = { type: 'ordinal', min: 1, max: 100, labels: {}, missing: [] };
    const msg = userErrorOf(() => validateInstrument(bad, 'cb.json')).message;
    expect(msg).toMatch(/^cb\.json: the codebook has 500000 problems \(the first 20 are listed\)/);
    expect(msg).toMatch(/\.\.\. and 499980 more problems$/);
    expect(msg.length).toBeLessThan(10_000);
  });
});

describe('no silent change of meaning in CSV files', () => {
  it('refuses network names that differ only in capitals, naming both spellings and rows', () => {
    const text = 'respondent_id;network;trust_1\nR1;Aparctias;4\nR2;Notos;3\nR3;aparctias;2\nR4;aparctias;2\nR5;APARCTIAS;1\n';
    const msg = userErrorOf(() => readSurveyCsvText(text, { file: 's.csv', allowMissingItemColumns: true })).message;
    expect(msg).toMatch(/^s\.csv: 2 problems/);
    expect(msg).toContain('row 4, column "network": found "aparctias" (differs from "Aparctias" in row 2 only in capital letters), expected one spelling per network: write "Aparctias" as in row 2');
    expect(msg).toContain('row 6, column "network": found "APARCTIAS"');
  });

  it('refuses two networks in networks.csv whose names differ only in capitals', () => {
    const msg = userErrorOf(() => readNetworksCsvText('network;members\nNoord;4\nnoord;5\n', { file: 'n.csv' })).message;
    expect(msg).toContain('row 3, column "network": found "noord"');
    expect(msg).toContain('"Noord" in row 2 differs only in capital letters');
  });

  it('refuses a Dutch thousands separator as it refuses 2.500: never reads 1.000 as 1', () => {
    expect(parseWholeNumber('1.000')).toEqual({ kind: 'grouped', thousands: 1000 });
    expect(parseWholeNumber('2,500')).toEqual({ kind: 'grouped', thousands: 2500 });
    expect(parseWholeNumber('1.000.000')).toEqual({ kind: 'grouped', thousands: 1000000 });
    expect(parseWholeNumber('3,0')).toEqual({ kind: 'whole', value: 3 });
    expect(parseWholeNumber('1000')).toEqual({ kind: 'whole', value: 1000 });
    const msg = userErrorOf(() => readNetworksCsvText('network;members\nNoord;1.000\nZuid;2.500\nOost;12\n', { file: 'n.csv' })).message;
    expect(msg).toMatch(/^n\.csv: 2 problems/);
    expect(msg).toContain('row 2, column "members": found "1.000" (a thousands separator or three decimals? Write 1000 without a separator');
    expect(msg).toContain('row 3, column "members": found "2.500"');
  });
});

/** The bytes of a small .sav file our writer makes, uncompressed so that values are at known places. */
function smallSav(table: Record<string, unknown[]>): Buffer {
  return savBytes(table, { compression: 'none', created: new Date(2024, 3, 1) }).bytes;
}

describe('.sav: no crash on damaged or unusual values', () => {
  it('a date far outside the calendar becomes missing with a warning naming the variable and case', () => {
    const bytes = smallSav({ id: [1, 2], ingevuld: [new Date(Date.UTC(2024, 2, 14)), new Date(Date.UTC(2024, 2, 15))] });
    bytes.writeDoubleLE(1e20, bytes.length - 8); // the last value: case 2's date
    const sav = readSavBytes(bytes, 'd.sav');
    expect(sav.table.array('ingevuld')).toEqual(['2024-03-14', null]);
    expect(sav.warnings.join('\n')).toMatch(/Variable ingevuld: 1 date lies outside the calendar .* became missing \(case 2\)/);
    expect(readSavBytes(bytes, 'd.sav', { dates: 'date' }).table.array('ingevuld')[1]).toBeNull();
    expect(readSavBytes(bytes, 'd.sav', { dates: 'seconds' }).table.array('ingevuld')[1]).toBe(1e20);
  });

  it('a .zsav whose zlib header points outside the file, or before it, is a damaged file', () => {
    const good = fs.readFileSync(savFixture('labels-zcompressed.sav'));
    // The zlib header is the first int64 that holds its own offset.
    let at = -1;
    for (let i = 176; i + 8 <= good.length; i++) if (Number(good.readBigInt64LE(i)) === i) (at = i), (i = good.length);
    expect(at).toBeGreaterThan(0);
    for (const [ofs, len] of [[-8n, 48n], [BigInt(good.length) * 4n, 48n], [2n ** 62n, 48n], [BigInt(at) + 24n, -1n]]) {
      const bad = Buffer.from(good);
      bad.writeBigInt64LE(ofs, at + 8);
      bad.writeBigInt64LE(len, at + 16);
      const msg = userErrorOf(() => readSavBytes(bad, 'z.zsav')).message;
      expect(msg).toMatch(/^z\.zsav: the (\.sav file is damaged|file ends too soon)/);
    }
  });

  it('a very large character-encoding record (2 MB) is read without overflowing the call stack', () => {
    const bytes = smallSav({ id: [1] });
    const record = Buffer.concat([Buffer.from([7, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0]), Buffer.from('UTF-8')]);
    const at = bytes.indexOf(record);
    expect(at).toBeGreaterThan(0);
    const huge = Buffer.alloc(16 + 2_000_000, 0x41);
    record.copy(huge, 0, 0, 12);
    huge.writeInt32LE(2_000_000, 12);
    const bad = Buffer.concat([bytes.subarray(0, at), huge, bytes.subarray(at + record.length)]);
    const sav = readSavBytes(bad, 'e.sav');
    expect(sav.rows).toBe(1);
    expect(sav.warnings.join('\n')).toMatch(/declares the character encoding "a{10}/);
  });
});

describe('.sav: no silent change of meaning', () => {
  it('a file that declares UTF-8 but holds Windows-1252 bytes gives a warning, like the CSV loader', () => {
    const bytes = smallSav({ network: ['Twee éé', 'Noord'] });
    const utf8 = Buffer.from('éé');
    const at = bytes.lastIndexOf(utf8);
    Buffer.from([0xe9, 0xe9, 0x20, 0x20]).copy(bytes, at); // Windows-1252 "éé" plus padding, same length
    const sav = readSavBytes(bytes, 'w.sav');
    expect(sav.encoding).toBe('utf-8');
    expect(sav.warnings.join('\n')).toMatch(/1 text in the file is not valid UTF-8, although the file declares UTF-8 .*encoding: 'windows-1252'/);
    expect(readSavBytes(bytes, 'w.sav', { encoding: 'windows-1252' }).table.array('network')[0]).toBe('Twee éé');
  });

  it('two variables with the same long name are an error naming both, not one column dropped', () => {
    const bytes = smallSav({ vraag_nummer_1: [1, 2], vraag_nummer_2: [3, 4] });
    const at = bytes.indexOf('=vraag_nummer_2');
    expect(at).toBeGreaterThan(0);
    Buffer.from('=vraag_nummer_1').copy(bytes, at);
    const file = path.join(dir, 'twins.sav');
    fs.writeFileSync(file, bytes);
    const msg = userErrorOf(() => readSav(file)).message;
    expect(msg).toMatch(/twins\.sav: the \.sav file is damaged .*the variables \S+ and \S+ both have the name "vraag_nummer_1"/);
    expect(msg).toMatch(/Rename one of them/);
  });
});

describe('.sav: memory proportional to the data', () => {
  it('writes and reads back 200,000 cases in a 160 MB heap (no object per 8-byte value)', () => {
    const run = runWithHeapLimit(
      `const { savBytes, readSavBytes } = require(ROOT + '/lib/io');
       const n = 200_000;
       const table = {
         a: Float64Array.from({ length: n }, (_, i) => i + 0.5),
         b: Float64Array.from({ length: n }, (_, i) => i % 5),
         c: Float64Array.from({ length: n }, (_, i) => i * 1000.25),
         d: Float64Array.from({ length: n }, (_, i) => -i - 0.125),
       };
       const { bytes } = savBytes(table, { compression: 'bytecode' });
       const sav = readSavBytes(bytes, 'big.sav');
       console.log('cases', sav.rows, sav.table.get('c', n - 1));`,
      160,
    );
    expect(run.stdout + run.stderr).toContain(`cases 200000 ${199_999 * 1000.25}`);
    expect(run.status).toBe(0);
  });
});
