/**
 * Fuzz tests (fast-check, fixed seed: tests/setup.ts) for every reader of
 * lib/io (issue 16): whatever the input, the reader gives a result or a
 * UserInputError, never another exception (a TypeError, a RangeError, a
 * stack overflow).
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { readNetworksCsvText, readSavBytes, readSurveyCsvText, validateInstrument, validateMapping } from '../../lib/io';
import { readInstrument } from '../../lib/io/instrument';
import { openXlsx } from '../../lib/io/xlsx';
import { ZipArchive } from '../../lib/io/zip';
import { resultOrUserError, savFixture } from './helpers';

const instrument = readInstrument();


/** Text built from the characters that matter to a CSV reader. */
const csvText = fc
  .array(fc.oneof(fc.constantFrom(';', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '#N/A', '1.000', '3,5', '\uFEFF', 'é', '9', 'network', 'respondent_id', 'trust_1', 'members', 'Noord', 'noord'), fc.string({ maxLength: 6 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

describe('fuzz: CSV readers', () => {
  it('readSurveyCsvText: a table or a UserInputError', () => {
    fc.assert(fc.property(csvText, (text) => resultOrUserError(() => readSurveyCsvText(text, { instrument, allowMissingItemColumns: true }))));
  });

  it('readSurveyCsvText with a header in front: a table or a UserInputError', () => {
    fc.assert(fc.property(csvText, (text) => resultOrUserError(() => readSurveyCsvText(`respondent_id;network;trust_1\n${text}`, { instrument, allowMissingItemColumns: true }))));
  });

  it('readNetworksCsvText: a table or a UserInputError', () => {
    fc.assert(fc.property(csvText, (text) => resultOrUserError(() => readNetworksCsvText(`network;years;members\n${text}`))));
  });
});

describe('fuzz: codebook and mapping', () => {
  const base = JSON.parse(JSON.stringify(instrument)) as Record<string, unknown> & { constructs: Array<Record<string, unknown>>; responseScales: Record<string, Record<string, unknown>> };
  const names = ['toString', '__proto__', 'constructor', 'valueOf', 'agree5', ''];

  it('validateInstrument on any JSON value: an instrument or a UserInputError', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => resultOrUserError(() => validateInstrument(v, 'cb.json'))));
  });

  it('validateInstrument with one field of a construct or a scale replaced: an instrument or a UserInputError', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: base.constructs.length - 1 }),
        fc.constantFrom('responseScale', 'items', 'kind', 'id', 'min', 'max', 'labels', 'missing', 'type'),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...names), fc.integer({ min: -3, max: 3_000_000_000 })),
        (ci, field, value) => {
          const v = JSON.parse(JSON.stringify(base)) as typeof base;
          if (['min', 'max', 'labels', 'missing', 'type'].includes(field)) {
            const scale = Object.keys(v.responseScales)[ci % Object.keys(v.responseScales).length];
            v.responseScales[scale][field] = value;
          } else v.constructs[ci][field] = value;
          resultOrUserError(() => validateInstrument(v, 'cb.json'));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('validateMapping on any JSON value: a mapping or a UserInputError', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 2 }), (v) => resultOrUserError(() => validateMapping(v))));
  });
});

describe('fuzz: .sav reader', () => {
  const fixtures = ['labels-compressed.sav', 'labels-uncompressed.sav', 'labels-zcompressed.sav', 'labels-cp1252.sav'].map((n) => fs.readFileSync(savFixture(n)));

  it('bytes overwritten with any values (int32s in the header and records included): a table or a UserInputError', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(fc.tuple(fc.nat({ max: 5000 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { minLength: 1, maxLength: 4 }),
        (k, edits) => {
          const bytes = Buffer.from(fixtures[k]);
          for (const [at, value] of edits) if (at + 4 <= bytes.length) bytes.writeInt32LE(value, at - (at % 4));
          resultOrUserError(() => readSavBytes(bytes, 'f.sav'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cut, or with bytes inserted: a table or a UserInputError', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.nat({ max: 5000 }), fc.uint8Array({ maxLength: 40 }), (k, at, insert) => {
        const b = fixtures[k];
        const cut = Math.min(at, b.length);
        resultOrUserError(() => readSavBytes(Buffer.concat([b.subarray(0, cut), insert, b.subarray(cut)]), 'f.sav'));
        resultOrUserError(() => readSavBytes(b.subarray(0, cut), 'f.sav'));
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzz: .xlsx and ZIP readers', () => {
  const sheetText = fc
    .array(
      fc.oneof(
        fc.constantFrom('<row r="2">', '</row>', '<row/>', '<c r="B2" t="s"><v>7</v></c>', '<c t="e"><v>#N/A</v></c>', '<c><f>A1</f></c>', '<c r="XFD9"/>', '<c r="A1" s="3"><v>45000</v></c>', '<c t="inlineStr"><is><t>x &amp; y</t></is></c>', '<v>', '</c>', '<c r="ZZZZ1">', '&#x0;', '_x000D_'),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>respondent_id</t></is></c></row>${parts.join('')}</sheetData></worksheet>`);

  const book = (sheet: string, extra: Record<string, string> = {}) =>
    zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/styles" Target="styles.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
    });

  it('any sheet XML: rows or a UserInputError', () => {
    fc.assert(fc.property(sheetText, fc.string({ maxLength: 40 }), (sheet, styles) => resultOrUserError(() => openXlsx(book(sheet, { 'xl/styles.xml': styles }), 'b.xlsx').sheet('s'))));
  });

  it('any bytes changed in a workbook: rows or a UserInputError', () => {
    const good = book('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = Buffer.from(good);
        for (const [at, v] of edits) bytes[at] = v;
        resultOrUserError(() => {
          const b = openXlsx(bytes, 'b.xlsx');
          for (const n of b.sheetNames) b.sheet(n);
        });
      }),
    );
  });

  it('any bytes after "PK": a ZIP listing or a UserInputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        resultOrUserError(() => {
          const z = new ZipArchive(Buffer.concat([Buffer.from('PK'), tail]), 'z.zip', { kind: 'archive', advice: '' });
          for (const n of z.names) z.read(n);
        });
      }),
    );
  });
});
