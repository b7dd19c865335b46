import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetter, decodeCsvBytes, detectDelimiter, parseCsv } from '../../lib/io/csv';
import { UserInputError } from '../../lib/util/errors';
import { csvField, errorOf } from './surveyFixtures';

describe('decodeCsvBytes', () => {
  it('reads valid UTF-8 as UTF-8', () => {
    const r = decodeCsvBytes(Buffer.from('network\nZeeuwse éénpitters\n', 'utf8'));
    expect(r).toEqual({ text: 'network\nZeeuwse éénpitters\n', encoding: 'utf-8', bom: false });
  });

  it('removes a UTF-8 byte-order mark and says it was there', () => {
    const r = decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('respondent_id,network\n')]));
    expect(r.text).toBe('respondent_id,network\n');
    expect(r.text.charCodeAt(0)).toBe('r'.charCodeAt(0));
    expect(r.bom).toBe(true);
    expect(r.encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (Dutch Excel)', () => {
    const r = decodeCsvBytes(Buffer.from('Zeeuwse \xe9\xe9npitters;ge\xefnterviewd\n', 'latin1'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('Zeeuwse éénpitters;geïnterviewd\n');
  });

  it('maps the Windows-1252 bytes 0x80-0x9F to their characters, not to control codes', () => {
    // € ‘ ’ “ ” – — as Excel writes them
    const r = decodeCsvBytes(Buffer.from([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xeb]));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('€‘’“”–—ë');
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from('a,b\n1,2\n')).encoding).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  it('finds comma, semicolon and tab from the header line', () => {
    expect(detectDelimiter('respondent_id,network,trust_1\nR1,A;B;C;D,4\n')).toBe(',');
    expect(detectDelimiter('respondent_id;network;trust_1\r\nR1;"A, B";4')).toBe(';');
    expect(detectDelimiter('respondent_id\tnetwork\ttrust_1\n')).toBe('\t');
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b;c;d",x,y\n')).toBe(',');
  });

  it('gives a comma for a single-column header', () => {
    expect(detectDelimiter('respondent_id\nR1\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('parses quoted fields with embedded delimiters, line breaks and doubled quotes', () => {
    const recs = parseCsv('id;note\r\nR1;"ja; dus ""zo""\nklaar"\r\nR2;gewoon\r\n', ';');
    expect(recs).toEqual([
      { row: 1, cells: ['id', 'note'] },
      { row: 2, cells: ['R1', 'ja; dus "zo"\nklaar'] },
      { row: 3, cells: ['R2', 'gewoon'] },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('splits %s line endings', (_name, eol) => {
    const recs = parseCsv(['a,b', '1,2', '3,4'].join(eol) + eol, ',');
    expect(recs.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps the last record when the text does not end with a line break', () => {
    expect(parseCsv('a,b\n1,2', ',').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('numbers rows as a spreadsheet does: empty lines count, a multi-line field is one row', () => {
    const recs = parseCsv('a,b\n\n"x\ny",2\n3,4\n', ',');
    expect(recs.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(recs[1].cells).toEqual(['']);
    expect(recs[3].cells).toEqual(['3', '4']);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n', ',')[0].cells).toEqual(['a', '', 'c', '']);
    expect(parseCsv('"",x\n', ',')[0].cells).toEqual(['', 'x']);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(parseCsv('a,5" scherm\n', ',')[0].cells).toEqual(['a', '5" scherm']);
  });

  it('returns no records for empty text', () => {
    expect(parseCsv('', ',')).toEqual([]);
  });

  it('reports a quoted field that is never closed, with file and row', () => {
    const e = errorOf(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n', ',', 'survey.csv'));
    expect(e).toBeInstanceOf(UserInputError);
    expect(e.message).toMatch(/^survey\.csv: row 3 opens a quoted field/);
    expect(e.message).toContain('never closed');
  });

  it('reads back what a writer quoting by RFC 4180 wrote (any text, any delimiter)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '\n', '\r', '1') });
    fc.assert(
      fc.property(fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'), fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (d, rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        // A one-cell empty record is indistinguishable from an empty line; keep records non-empty.
        table.forEach((r) => (r[0] = `k${r[0]}`));
        const text = table.map((r) => r.map((c) => csvField(c, d)).join(d)).join('\r\n') + '\r\n';
        expect(parseCsv(text, d).map((r) => r.cells)).toEqual(table);
      }),
    );
  });
});

describe('columnLetter', () => {
  it('gives spreadsheet column letters', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
