/**
 * The .sav writer: what we write reads back with our reader (always) and in
 * GNU PSPP with its labels, missing values and data (when `pspp` is on the
 * machine); PSPP's own re-save of our file reads back the same again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readSav, savBytes, writeSav } from '../../lib/io';
import { HAS_PSPP, runPspp, tmpDir, userErrorOf } from './helpers';

const instrument = readInstrument();
let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

const LONG = `Samen opleiden ${'é'.repeat(140)} geïnterviewd ${'ü'.repeat(150)} einde`; // > 255 bytes: a very long string
const TABLE = {
  respondent_id: ['R001', 'R002', 'R003', 'R004'],
  network: ['Twee éénpitters', 'Noord-Holland Noord', 'Zeeuwse éénpitters', 'Twee éénpitters'],
  functie: ['dir', 'onbekend', 'bestuur', null],
  trust_1: [4, 9, null, 1],
  score: [3.25, -1.5, null, 4.125],
  ingevuld: [new Date(Date.UTC(2024, 2, 14)), null, new Date(Date.UTC(2023, 9, 1)), new Date(Date.UTC(2024, 1, 29))],
  toelichting: [LONG, 'Niet geïnterviewd; reünie in België', '', null],
};
const OPTIONS = {
  variableLabels: { network: 'Netwerk (één van tien)', trust_1: 'Vertrouwen: ik vertrouw de anderen', functie: 'Functie – geïnterviewd?' },
  valueLabels: {
    trust_1: { 1: 'helemaal mee oneens', 4: 'mee eens', 9: 'weet niet' },
    functie: { dir: 'directeur', onbekend: 'onbekend (ü)' },
    network: { 'Twee éénpitters': 'Zeeland en Brabant (ë)' },
  },
  missingValues: { trust_1: { values: [9] }, functie: { values: ['onbekend'] } },
  created: new Date(2024, 3, 1, 12, 0, 0),
};

describe('writeSav: round trip through our own reader', () => {
  for (const compression of ['bytecode', 'none'] as const) {
    it(`${compression}: values, labels, value labels, missing values and dates come back`, () => {
      const file = path.join(dir, `round-${compression}.sav`);
      const written = writeSav(file, TABLE, { ...OPTIONS, compression });
      expect(written.warnings).toEqual([]);
      expect(written.rows).toBe(4);
      const sav = readSav(file, { userMissing: 'keep' });
      expect(sav.compression).toBe(compression);
      expect(sav.encoding).toBe('utf-8');
      expect(sav.warnings).toEqual([]);
      expect(sav.variables.map((v) => [v.name, v.type, v.width, v.format.type])).toEqual([
        ['respondent_id', 'string', 4, 'A'],
        ['network', 'string', Buffer.byteLength('Zeeuwse éénpitters'), 'A'], // 20 bytes: é is two
        ['functie', 'string', 8, 'A'],
        ['trust_1', 'numeric', 0, 'F'],
        ['score', 'numeric', 0, 'F'],
        ['ingevuld', 'numeric', 0, 'EDATE'],
        ['toelichting', 'string', Buffer.byteLength(LONG), 'A'],
      ]);
      expect(sav.table.array('respondent_id')).toEqual(TABLE.respondent_id);
      expect(sav.table.array('network')).toEqual(TABLE.network);
      expect(sav.table.array('functie')).toEqual(TABLE.functie);
      expect(sav.table.array('trust_1')).toEqual([4, 9, null, 1]);
      expect(sav.table.array('score')).toEqual([3.25, -1.5, null, 4.125]);
      expect(sav.table.array('ingevuld')).toEqual(['2024-03-14', null, '2023-10-01', '2024-02-29']);
      expect(sav.table.array('toelichting')).toEqual([LONG, 'Niet geïnterviewd; reünie in België', null, null]);
      expect(sav.variableLabels).toEqual(OPTIONS.variableLabels);
      expect(sav.valueLabels).toEqual({
        trust_1: { '1': 'helemaal mee oneens', '4': 'mee eens', '9': 'weet niet' },
        functie: { dir: 'directeur', onbekend: 'onbekend (ü)' },
        network: { 'Twee éénpitters': 'Zeeland en Brabant (ë)' },
      });
      // User-missing values as declared; by default they read as missing.
      expect(readSav(file).table.array('trust_1')).toEqual([4, null, null, 1]);
      expect(readSav(file).table.array('functie')).toEqual(['dir', null, 'bestuur', null]);
      expect(sav.variables.find((v) => v.name === 'score')!.format).toEqual({ type: 'F', width: 8, decimals: 2 });
      expect(sav.variables.find((v) => v.name === 'trust_1')!.measure).toBe('ordinal');
      expect(sav.variables.find((v) => v.name === 'score')!.measure).toBe('scale');
    });
  }

  it('round-trips the whole shipped survey (182 respondents, 74 columns) unchanged', () => {
    const survey = readSurveyCsv('data/survey.csv', { instrument });
    const { bytes } = savBytes(survey.table);
    const file = path.join(dir, 'survey.sav');
    fs.writeFileSync(file, bytes);
    expect(readSav(file).table.objects()).toEqual(survey.table.objects());
  });

  it('writes the same bytes for the same table and time stamp', () => {
    expect(savBytes(TABLE, OPTIONS).bytes.equals(savBytes(TABLE, OPTIONS).bytes)).toBe(true);
  });

  it('compresses small whole numbers (bytecode) and keeps other numbers exact', () => {
    const values = [0, 1, -99, 151, 152, -100, 0.1, 1e300, -0.5, Number.MIN_VALUE];
    const { bytes } = savBytes({ x: values });
    const file = path.join(dir, 'numbers.sav');
    fs.writeFileSync(file, bytes);
    expect(readSav(file).table.array('x')).toEqual(values);
  });

  it('makes names valid and unique for SPSS, and says so', () => {
    const r = savBytes({ 'mijn score!': [1], and: [2], AND: [3], '1e_meting': [4], 'geïnterviewd': [5] });
    expect(r.variables.map((v) => v.name)).toEqual(['mijn_score_', 'and_', 'AND__2', 'v1e_meting', 'geïnterviewd']);
    expect(r.warnings).toHaveLength(4);
    expect(r.variables.map((v) => v.shortName)).toEqual(['MIJN_SCO', 'AND_', 'AND__2', 'V1E_METI', 'GEINTERV']);
  });

  it('reports a column that mixes numbers and text, and bad labels, as UserInputErrors', () => {
    expect(userErrorOf(() => savBytes({ x: [1, 'twee'] })).message).toMatch(/Column "x": row 1 holds the number 1 but row 2 the text "twee"/);
    expect(userErrorOf(() => savBytes({ x: [1] }, { valueLabels: { x: { een: 'één' } } })).message).toMatch(/"een" is not a number/);
    expect(userErrorOf(() => savBytes({ x: [1] }, { missingValues: { x: { values: [1, 2, 3, 4] } } })).message).toMatch(/at most three values/);
    expect(userErrorOf(() => savBytes({ x: [1, 2], y: [1] })).message).toMatch(/every column needs one value per row/);
    expect(userErrorOf(() => savBytes({})).message).toMatch(/at least one variable/);
  });

  it('warns about labels for columns that are not in the table', () => {
    expect(savBytes({ x: [1] }, { variableLabels: { y: 'Y' } }).warnings).toEqual(['The option variableLabels names "y", which is not a column of the table; it was not used.']);
  });
});

describe.skipIf(!HAS_PSPP)('writeSav: GNU PSPP reads what we write', () => {
  for (const compression of ['bytecode', 'none'] as const) {
    it(`${compression}: DISPLAY DICTIONARY shows the labels, LIST the data`, () => {
      writeSav(path.join(dir, `pspp-${compression}.sav`), TABLE, { ...OPTIONS, compression });
      const out = runPspp(dir, `GET FILE='pspp-${compression}.sav'.\nDISPLAY DICTIONARY.\nLIST.\n`);
      for (const text of [
        'Netwerk (één van tien)',
        'Vertrouwen: ik vertrouw de anderen',
        'Functie – geïnterviewd?',
        'weet niet',
        'onbekend (ü)',
        'Zeeland en Brabant (ë)',
        'Twee éénpitters',
        'Noord-Holland Noord',
        'Niet geïnterviewd; reünie in België',
        '14.03.2024',
        '29.02.2024',
        'EDATE10',
        'A8',
        `A${Buffer.byteLength(LONG)}`,
        'Ordinal',
      ]) {
        expect(out, text).toContain(text);
      }
      expect(out).toMatch(/trust_1\s*\|[^\n]*\|9\s*\|/); // the missing value 9 in the dictionary table
    });
  }

  it("PSPP's re-save of our file reads back the same (values and labels)", () => {
    writeSav(path.join(dir, 'ours.sav'), TABLE, OPTIONS);
    runPspp(dir, "GET FILE='ours.sav'.\nSAVE OUTFILE='theirs.sav' /COMPRESSED.\nSAVE OUTFILE='theirs-z.sav' /ZCOMPRESSED.\n");
    const ours = readSav(path.join(dir, 'ours.sav'));
    for (const name of ['theirs.sav', 'theirs-z.sav']) {
      const theirs = readSav(path.join(dir, name));
      expect(theirs.table.objects()).toEqual(ours.table.objects());
      expect(theirs.variableLabels).toEqual(ours.variableLabels);
      expect(theirs.valueLabels).toEqual(ours.valueLabels);
      expect(theirs.variables.map((v) => v.missing)).toEqual(ours.variables.map((v) => v.missing));
    }
  });

  it('PSPP computes the same means from the shipped survey written as .sav', () => {
    const survey = readSurveyCsv('data/survey.csv', { instrument });
    writeSav(path.join(dir, 'survey-pspp.sav'), survey.table);
    const out = runPspp(dir, "GET FILE='survey-pspp.sav'.\nDESCRIPTIVES trust_1 other_networks /STATISTICS=MEAN.\n");
    const mean = (col: string) => {
      const v = (survey.table.array(col) as Array<number | null>).filter((x): x is number => x !== null);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(out).toMatch(new RegExp(`trust_1\\s*\\|\\s*\\d+\\|\\s*${mean('trust_1').toFixed(2)}`));
    expect(out).toMatch(new RegExp(`other_networks\\s*\\|\\s*\\d+\\|\\s*${mean('other_networks').toFixed(2)}`));
  });
});
