/**
 * The .sav reader on files written by GNU PSPP from the syntax in
 * tests/fixtures/sav/*.sps: uncompressed, bytecode- and zlib-compressed,
 * UTF-8 and Windows-1252, with labels and user-missing values.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSav, readSavBytes } from '../../lib/io';
import { longRemarkFromSyntax, savFixture, sha256 } from './helpers';

const LABEL_FILES = ['labels-uncompressed.sav', 'labels-compressed.sav', 'labels-zcompressed.sav'];

describe('readSav: the labels fixture (PSPP, UTF-8)', () => {
  const sav = readSav(savFixture('labels-compressed.sav'));

  it('reads every variable with its long name (case kept), type and width', () => {
    expect(sav.variables.map((v) => [v.name, v.type, v.width])).toEqual([
      ['respondentnummer', 'string', 6],
      ['netwerk', 'numeric', 0],
      ['vertrouwen_in_het_netwerk', 'numeric', 0],
      ['gesprek', 'numeric', 0],
      ['aantal_andere_netwerken', 'numeric', 0],
      ['Invuldatum', 'numeric', 0],
      ['functie', 'string', 8],
      ['organisatie', 'string', 24],
      ['toelichting', 'string', 320],
    ]);
    expect(sav.variables[2].shortName).toBe('VERTROUW');
    expect(sav.table.columnNames()).toEqual(sav.variables.map((v) => v.name));
    expect(sav.rows).toBe(4);
    expect(sav.encoding).toBe('utf-8');
    expect(sav.compression).toBe('bytecode');
    expect(sav.warnings).toEqual([]);
    expect(sav.product).toMatch(/pspp/i);
  });

  it('reads variable labels with their diacritics', () => {
    expect(sav.variableLabels).toEqual({
      respondentnummer: 'Respondentnummer',
      netwerk: 'Netwerk',
      vertrouwen_in_het_netwerk: 'Vertrouwen in het netwerk (één item)',
      gesprek: 'Geïnterviewd?',
      aantal_andere_netwerken: 'Aantal andere netwerken (ë, ü)',
      Invuldatum: 'Datum ingevuld',
      functie: 'Functie',
      organisatie: 'Organisatie',
      toelichting: 'Toelichting (vrije tekst)',
    });
  });

  it('reads value labels of numbers, short strings and long strings (record 21), diacritics intact', () => {
    expect(sav.valueLabels.netwerk).toEqual({ '1': 'Twee éénpitters', '2': 'Noord-Holland Noord', '3': 'Zuid-Limburg (België)' });
    expect(sav.valueLabels.gesprek).toEqual({ '0': 'onbekend', '1': 'Geïnterviewd', '2': 'Niet geïnterviewd', '3': 'Nog te interviewen (reünie)' });
    expect(sav.valueLabels.vertrouwen_in_het_netwerk['9']).toBe('weet niet');
    expect(sav.valueLabels.functie).toEqual({ bestuur: 'bestuurder', dir: 'directeur', onbekend: 'onbekend (ü)' });
    expect(sav.valueLabels.organisatie).toEqual({ hogeschool: 'hogeschool (pabo) – coördinatie', universiteit: 'universiteit' });
  });

  it('reads user-missing values: discrete, ranges (LO THRU x) and strings (record 22)', () => {
    const byName = Object.fromEntries(sav.variables.map((v) => [v.name, v.missing]));
    expect(byName.vertrouwen_in_het_netwerk).toEqual({ values: [8, 9] });
    expect(byName.gesprek).toEqual({ values: [9], range: { low: -Infinity, high: 0 } });
    expect(byName.aantal_andere_netwerken).toEqual({ values: [], range: { low: 97, high: 99 } });
    expect(byName.functie).toEqual({ values: ['onbekend'] });
    expect(byName.organisatie).toEqual({ values: ['onbekend'] });
  });

  it('makes user-missing values missing (null), never zero or the code', () => {
    expect(sav.table.array('vertrouwen_in_het_netwerk')).toEqual([4, null, null, 5]); // 9 and 8 are user-missing
    expect(sav.table.array('gesprek')).toEqual([1, 2, null, 3]); // 0 lies in LO THRU 0
    expect(sav.table.array('aantal_andere_netwerken')).toEqual([3, null, null, 0]); // 98 in 97 THRU 99; '.' is system-missing
    expect(sav.table.array('functie')).toEqual(['dir', null, 'bestuur', 'dir']);
    expect(sav.table.array('organisatie')).toEqual(['Twee éénpitters', null, 'hogeschool', 'universiteit']);
  });

  it("keeps the codes with userMissing: 'keep'", () => {
    const kept = readSav(savFixture('labels-compressed.sav'), { userMissing: 'keep' });
    expect(kept.table.array('vertrouwen_in_het_netwerk')).toEqual([4, 9, 8, 5]);
    expect(kept.table.array('gesprek')).toEqual([1, 2, 0, 3]);
    expect(kept.table.array('aantal_andere_netwerken')).toEqual([3, 98, null, 0]);
    expect(kept.table.array('functie')).toEqual(['dir', 'onbekend', 'bestuur', 'dir']);
  });

  it('reads dates as ISO dates (SPSS seconds since 1582-10-14), or as Dates or seconds on request', () => {
    expect(sav.variables[5].format).toEqual({ type: 'EDATE', width: 10, decimals: 0 });
    expect(sav.variables[5].dateKind).toBe('date');
    expect(sav.table.array('Invuldatum')).toEqual(['2024-03-14', '2023-10-01', null, '2024-02-29']);
    const asDates = readSav(savFixture('labels-compressed.sav'), { dates: 'date' }).table.array('Invuldatum') as Array<Date | null>;
    expect(asDates[0]).toEqual(new Date(Date.UTC(2024, 2, 14)));
    const seconds = readSav(savFixture('labels-compressed.sav'), { dates: 'seconds' }).table.array('Invuldatum') as Array<number | null>;
    expect(seconds[0]).toBe(((Date.UTC(2024, 2, 14) / 1000 + 141428 * 86400) as number));
  });

  it('joins strings before decoding: characters across 8-byte pieces and very long string segments stay intact', () => {
    const remark = longRemarkFromSyntax();
    expect(Buffer.byteLength(remark)).toBeGreaterThan(255);
    // The "ë" occupies bytes 254-255: it straddles the first segment (255 bytes) and the second.
    expect(Buffer.from(remark).subarray(254, 256).toString('utf8')).toBe('ë');
    expect(sav.table.get('toelichting', 0)).toBe(remark);
    // "Niet geïnterviewd": the "ï" occupies bytes 7-8, across the first 8-byte piece.
    expect(Buffer.from('Niet geïnterviewd').subarray(7, 9).toString('utf8')).toBe('ï');
    expect(sav.table.get('toelichting', 1)).toBe('Niet geïnterviewd; reünie in België, menü ü');
    expect(sav.table.get('toelichting', 2)).toBe('Zeeuwse éénpitters');
    expect(sav.table.get('toelichting', 3)).toBeNull(); // an empty string is missing, as an empty CSV cell
    // "Twee éénpitters": the second "é" occupies bytes 7-8.
    expect(sav.table.get('organisatie', 0)).toBe('Twee éénpitters');
  });

  it('reads the measurement levels of the display record', () => {
    const level = Object.fromEntries(sav.variables.map((v) => [v.name, v.measure]));
    expect(level).toMatchObject({ netwerk: 'nominal', vertrouwen_in_het_netwerk: 'ordinal', gesprek: 'ordinal', aantal_andere_netwerken: 'scale', respondentnummer: 'nominal' });
  });

  it('puts value labels in the table on request', () => {
    const labelled = readSav(savFixture('labels-compressed.sav'), { valueLabels: ['netwerk', 'gesprek'] });
    expect(labelled.table.array('netwerk')).toEqual(['Twee éénpitters', 'Noord-Holland Noord', 'Zuid-Limburg (België)', 'Twee éénpitters']);
    expect(labelled.table.array('gesprek')).toEqual(['Geïnterviewd', 'Niet geïnterviewd', null, 'Nog te interviewen (reünie)']);
    expect(labelled.table.array('vertrouwen_in_het_netwerk')).toEqual([4, null, null, 5]);
  });

  it.each(LABEL_FILES)('%s gives the same dictionary and data as the others', (name) => {
    const other = readSav(savFixture(name));
    expect(other.compression).toBe(name.includes('zcompressed') ? 'zlib' : name.includes('uncompressed') ? 'none' : 'bytecode');
    expect(other.variables).toEqual(sav.variables);
    expect(other.table.objects()).toEqual(sav.table.objects());
    expect(other.warnings).toEqual([]);
  });

  it('never writes to the file it reads', () => {
    for (const name of LABEL_FILES) {
      const file = savFixture(name);
      const before = sha256(file);
      const mtime = fs.statSync(file).mtimeMs;
      readSav(file);
      expect(sha256(file)).toBe(before);
      expect(fs.statSync(file).mtimeMs).toBe(mtime);
    }
  });

  it('reads bytes from memory the same way', () => {
    const bytes = fs.readFileSync(savFixture('labels-uncompressed.sav'));
    expect(readSavBytes(bytes, 'upload.sav').table.objects()).toEqual(sav.table.objects());
  });
});

describe('readSav: character encodings', () => {
  it('reads a Windows-1252 file (encoding record) with its diacritics', () => {
    const sav = readSav(savFixture('labels-cp1252.sav'));
    expect(sav.encoding).toBe('windows-1252');
    expect(sav.variableLabels).toEqual({ netwerk: 'Netwerk', gesprek: 'Geïnterviewd?', organisatie: 'Organisatie (ë, ü)' });
    expect(sav.valueLabels.netwerk['1']).toBe('Twee éénpitters');
    expect(sav.valueLabels.gesprek).toEqual({ '1': 'Geïnterviewd', '2': 'Niet geïnterviewd' });
    expect(sav.table.array('organisatie')).toEqual(['Twee éénpitters', 'Coördinatie België']);
    // Its bytes really are single-byte: é is 0xE9, not UTF-8's 0xC3 0xA9.
    const bytes = fs.readFileSync(savFixture('labels-cp1252.sav'));
    expect(bytes.includes(Buffer.from('Twee \xe9\xe9npitters', 'latin1'))).toBe(true);
  });

  it('lets the encoding be overridden', () => {
    const sav = readSav(savFixture('labels-cp1252.sav'), { encoding: 'utf-8' });
    expect(sav.encoding).toBe('utf-8');
    expect(sav.table.get('organisatie', 0)).not.toBe('Twee éénpitters');
  });
});
