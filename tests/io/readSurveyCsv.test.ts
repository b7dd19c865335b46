import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { finalItems, readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv, readSurveyCsvText } from '../../lib/io/readSurveyCsv';
import { UserInputError } from '../../lib/util/errors';
import { errorOf, NETWORKS, sha256, surveyHeader, tmpDir, toCsvText, validSurveyRows } from './surveyFixtures';

const instrument = readInstrument();
const items = finalItems(instrument);
const header = surveyHeader(instrument);
const agreeItem = items.find((it) => it.scale.type === 'ordinal' && it.scale.missing.length > 0)!; // e.g. trust_1 / persons_turnover_1
const countItem = items.find((it) => it.scale.type === 'count')!; // other_networks
let dir: string;

beforeAll(() => {
  dir = tmpDir();
});

/** Writes CSV text (UTF-8) or raw bytes to a fixture file and returns its path. */
function fixture(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Valid rows with some cells replaced: `edits` maps row index -> {column: value}. */
function rowsWith(n: number, edits: Record<number, Record<string, string>> = {}): Array<Record<string, string>> {
  return validSurveyRows(instrument, n).map((r, i) => ({ ...r, ...(edits[i] ?? {}) }));
}

/** The message of the UserInputError reading `text` throws. */
function problemOf(name: string, text: string | Buffer, options: Parameters<typeof readSurveyCsv>[1] = {}): string {
  const file = fixture(name, text);
  const e = errorOf(() => readSurveyCsv(file, options));
  expect(e).toBeInstanceOf(UserInputError);
  expect(e.message).not.toMatch(/\n\s+at /); // no stack trace in the message
  return e.message;
}

describe('readSurveyCsv: good files', () => {
  it('reads comma-separated UTF-8 with every column, typed and in codebook order', () => {
    const rows = rowsWith(6);
    const file = fixture('good.csv', toCsvText(header, rows));
    const r = readSurveyCsv(file, { networks: NETWORKS });
    expect(r.file).toBe(file);
    expect(r.encoding).toBe('utf-8');
    expect(r.delimiter).toBe(',');
    expect(r.rows).toBe(6);
    expect(r.warnings).toEqual([]);
    expect(r.table.numRows()).toBe(6);
    expect(r.table.columnNames()).toEqual(header);
    expect(r.table.array('respondent_id')).toEqual(rows.map((x) => x.respondent_id));
    expect(r.table.array('network')).toEqual(rows.map((x) => x.network));
    for (const it of items) {
      const col = Array.from(r.table.array(it.id) as ArrayLike<unknown>);
      expect(col).toEqual(rows.map((x) => Number(x[it.id])));
      for (const v of col) expect(typeof v === 'number' && Number.isInteger(v) && v >= it.scale.min && v <= it.scale.max).toBe(true);
    }
  });

  it('turns declared missing codes (9 "weet niet", 99 for counts) into null, never 0 or the code', () => {
    const missingAgree = String(agreeItem.scale.missing[0].code);
    const missingCount = String(countItem.scale.missing[0].code);
    expect(missingAgree).toBe('9');
    expect(missingCount).toBe('99');
    const rows = rowsWith(3, {
      0: { [agreeItem.id]: missingAgree, [countItem.id]: missingCount },
      1: { [agreeItem.id]: '', [countItem.id]: '   ' },
      2: { [agreeItem.id]: ' 4 ', [countItem.id]: '0' },
    });
    const r = readSurveyCsv(fixture('missing.csv', toCsvText(header, rows)));
    expect(r.table.get(agreeItem.id, 0)).toBeNull();
    expect(r.table.get(countItem.id, 0)).toBeNull();
    expect(r.table.get(agreeItem.id, 1)).toBeNull();
    expect(r.table.get(countItem.id, 1)).toBeNull();
    expect(r.table.get(agreeItem.id, 2)).toBe(4); // whitespace trimmed
    expect(r.table.get(countItem.id, 2)).toBe(0); // a real 0 stays 0
  });

  it('reads semicolons, decimal commas and Windows-1252 with Dutch diacritics (Dutch Excel)', () => {
    const rows = rowsWith(3, {
      0: { network: 'Zeeuwse éénpitters', [agreeItem.id]: '3,0', notitie: 'geïnterviewd, € 5 vergoed' },
      1: { [countItem.id]: '12,0', notitie: 'café' },
    });
    const text = toCsvText([...header, 'notitie'], rows, ';', '\r\n');
    // Windows-1252 bytes: latin1 for the accented letters, 0x80 for '€' (latin1 has no euro sign).
    const bytes = Buffer.from(text.replace(/€/g, '\x80'), 'latin1');
    expect(bytes.includes(0xe9)).toBe(true); // 'é' as one byte: not UTF-8
    const r = readSurveyCsv(fixture('excel-nl.csv', bytes), { networks: NETWORKS, extraColumns: ['notitie'] });
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.warnings.join('\n')).toContain('Windows-1252');
    expect(r.table.get('network', 0)).toBe('Zeeuwse éénpitters');
    expect(r.table.get('notitie', 0)).toBe('geïnterviewd, € 5 vergoed');
    expect(r.table.get('notitie', 1)).toBe('café');
    expect(r.table.get('notitie', 2)).toBeNull();
    expect(r.table.get(agreeItem.id, 0)).toBe(3);
    expect(r.table.get(countItem.id, 1)).toBe(12);
    expect(r.table.columnNames().at(-1)).toBe('notitie'); // extras come last
  });

  it('reads a UTF-8 file with a byte-order mark and CRLF line endings', () => {
    const text = toCsvText(header, rowsWith(2), ',', '\r\n');
    const r = readSurveyCsv(fixture('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])));
    expect(r.encoding).toBe('utf-8');
    expect(r.table.columnNames()[0]).toBe('respondent_id'); // not '\uFEFFrespondent_id'
    expect(r.table.array('respondent_id')).toEqual(['R001', 'R002']);
  });

  it('reads old-Mac CR line endings and tab-separated files', () => {
    const cr = readSurveyCsv(fixture('cr.csv', toCsvText(header, rowsWith(2), ',', '\r')));
    expect(cr.rows).toBe(2);
    const tab = readSurveyCsv(fixture('tab.tsv', toCsvText(header, rowsWith(2), '\t')));
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows).toBe(2);
  });

  it('reads quoted fields with embedded semicolons, line breaks and quotes', () => {
    const rows = rowsWith(2, {
      0: { network: 'Noord; west', opmerking: 'regel 1\nregel 2; met "aanhalingstekens"' },
      1: { network: 'Zuid', opmerking: 'gewoon' },
    });
    const r = readSurveyCsv(fixture('quoted.csv', toCsvText([...header, 'opmerking'], rows, ';', '\r\n')), { extraColumns: ['opmerking'] });
    expect(r.table.get('network', 0)).toBe('Noord; west');
    expect(r.table.get('opmerking', 0)).toBe('regel 1\nregel 2; met "aanhalingstekens"');
    expect(r.rows).toBe(2);
  });

  it('skips empty rows (also rows of only delimiters) with a warning', () => {
    const text = toCsvText(header, rowsWith(2)) + '\n' + ','.repeat(header.length - 1) + '\n';
    const r = readSurveyCsv(fixture('blank-rows.csv', text));
    expect(r.rows).toBe(2);
    expect(r.warnings.join('\n')).toMatch(/Skipped 2 empty rows/);
  });

  it('allows a subset of item columns with allowMissingItemColumns and names the absent ones', () => {
    const some = ['respondent_id', 'network', agreeItem.id, countItem.id];
    const r = readSurveyCsv(fixture('subset.csv', toCsvText(some, rowsWith(2))), { allowMissingItemColumns: true });
    expect(r.table.columnNames()).toEqual(some);
    const absent = items.filter((it) => !some.includes(it.id)).map((it) => it.id);
    expect(r.warnings.join('\n')).toContain(`${absent.length} item columns are not in the file: ${absent.join(', ')}`);
  });

  it('never writes to the input file (sha256 and mtime unchanged)', () => {
    const file = fixture('unchanged.csv', toCsvText(header, rowsWith(4), ';', '\r\n'));
    const before = sha256(file);
    const mtime = fs.statSync(file).mtimeMs;
    readSurveyCsv(file);
    const bad = fixture('unchanged-bad.csv', toCsvText(header, rowsWith(2, { 0: { [agreeItem.id]: '77' } })));
    const badBefore = sha256(bad);
    expect(() => readSurveyCsv(bad)).toThrow(UserInputError);
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(sha256(bad)).toBe(badBefore);
  });

  it('readSurveyCsvText gives the same table as reading the file', () => {
    const text = toCsvText(header, rowsWith(3), ';');
    const fromFile = readSurveyCsv(fixture('same.csv', text));
    const fromText = readSurveyCsvText(text, { file: 'pasted' });
    expect(fromText.file).toBe('pasted');
    expect(fromText.table.objects()).toEqual(fromFile.table.objects());
    const e = errorOf(() => readSurveyCsvText('respondent_id\n', { file: 'pasted cell' }));
    expect(e.message).toMatch(/^pasted cell: /);
  });
});

describe('readSurveyCsv: bad files', () => {
  it('starts the message with the file path and the number of problems', () => {
    const msg = problemOf('count.csv', toCsvText(header, rowsWith(3, { 1: { [agreeItem.id]: '6' }, 2: { [agreeItem.id]: '0' } })));
    expect(msg.startsWith(`${path.join(dir, 'count.csv')}: 2 problems in the survey file`)).toBe(true);
  });

  it('reports an unknown column with a "did you mean" suggestion (case, underscore)', () => {
    const id = agreeItem.id; // e.g. persons_turnover_1
    const upper = id[0].toUpperCase() + id.slice(1);
    const noUnderscore = 'respondentid';
    const bad = header.map((h) => (h === id ? upper : h === 'respondent_id' ? noUnderscore : h));
    const msg = problemOf('unknown-col.csv', toCsvText(bad, rowsWith(2).map((r) => bad.map((h) => r[h === upper ? id : h === noUnderscore ? 'respondent_id' : h]))));
    expect(msg).toContain('unknown-col.csv: 2 problems');
    expect(msg).toContain(`row 1 (header): unknown column "${upper}"; did you mean "${id}"?`);
    expect(msg).toContain(`unknown column "${noUnderscore}"; did you mean "respondent_id"?`);
    // the misspelt column is not reported a second time as missing
    expect(msg).not.toContain('missing');
  });

  it('suggests trust_1 for trust1 and Trust_1', () => {
    const msg = problemOf('trust.csv', toCsvText(header.map((h) => (h === 'trust_1' ? 'trust1' : h)), rowsWith(1)));
    expect(msg).toContain('unknown column "trust1"; did you mean "trust_1"?');
    const msg2 = problemOf('trust2.csv', toCsvText(header.map((h) => (h === 'trust_1' ? 'Trust_1' : h)), rowsWith(1)));
    expect(msg2).toContain('unknown column "Trust_1"; did you mean "trust_1"?');
  });

  it('checks the cells of a misspelt column as the column it was meant to be', () => {
    const bad = header.map((h) => (h === 'trust_1' ? 'Trust_1' : h));
    const rows = rowsWith(2, { 1: { trust_1: '8' } }).map((r) => bad.map((h) => r[h === 'Trust_1' ? 'trust_1' : h]));
    const msg = problemOf('misspelt-cells.csv', toCsvText(bad, rows));
    expect(msg).toContain('row 3, column "Trust_1": found "8" (outside 1-5)');
  });

  it('reports an unknown column without a near name, and keeps it with extraColumns', () => {
    const rows = rowsWith(2).map((r) => ({ ...r, leeftijd: '45' }));
    const msg = problemOf('extra.csv', toCsvText([...header, 'leeftijd'], rows));
    expect(msg).toContain('unknown column "leeftijd"');
    expect(msg).toContain('extraColumns');
    expect(msg).not.toContain('did you mean');
    const ok = readSurveyCsv(path.join(dir, 'extra.csv'), { extraColumns: ['leeftijd'] });
    expect(ok.table.array('leeftijd')).toEqual(['45', '45']); // kept as text
  });

  it('reports a pilot-only item column as not in the final questionnaire', () => {
    const pilot = instrument.constructs.flatMap((c) => c.items).find((it) => !it.final)!;
    const rows = rowsWith(1).map((r) => ({ ...r, [pilot.id]: '3' }));
    const msg = problemOf('pilot.csv', toCsvText([...header, pilot.id], rows));
    expect(msg).toContain(`column "${pilot.id}" is an item of the pilot's long item pool`);
  });

  it('reports missing required and item columns by name', () => {
    const without = header.filter((h) => h !== 'network' && h !== agreeItem.id && h !== countItem.id);
    const msg = problemOf('missing-cols.csv', toCsvText(without, rowsWith(2)));
    expect(msg).toContain('missing-cols.csv: 2 problems');
    expect(msg).toContain('row 1 (header): the required column "network" is missing');
    expect(msg).toContain(`2 item columns are missing: "${agreeItem.id}" and "${countItem.id}"`);
    expect(msg).toContain('allowMissingItemColumns');
  });

  it('reports an out-of-range answer with row, column, value and the valid range', () => {
    const msg = problemOf('range.csv', toCsvText(header, rowsWith(4, { 2: { [agreeItem.id]: '6' }, 3: { [countItem.id]: '31' } })));
    expect(msg).toContain(`row 4, column "${agreeItem.id}": found "6" (outside 1-5), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell`);
    expect(msg).toContain(`row 5, column "${countItem.id}": found "31" (outside 0-30), expected a whole number from 0 to 30, 99 (weet niet) or an empty cell`);
  });

  it('reports a non-numeric answer, and points from an answer label to its code', () => {
    const msg = problemOf('text.csv', toCsvText(header, rowsWith(2, { 0: { [agreeItem.id]: 'vier' }, 1: { [agreeItem.id]: 'mee eens' } })));
    expect(msg).toContain(`row 2, column "${agreeItem.id}": found "vier" (not a number), expected a whole number from 1 to 5`);
    expect(msg).toContain(`row 3, column "${agreeItem.id}": found "mee eens" (an answer label; write its code 4)`);
  });

  it('reports a decimal that is not a whole number ("3,5"), but accepts "3,0"', () => {
    const msg = problemOf('fraction.csv', toCsvText(header, rowsWith(2, { 0: { [agreeItem.id]: '3,5' }, 1: { [agreeItem.id]: '3,0' } }), ';'));
    expect(msg).toContain('fraction.csv: 1 problem in the survey file');
    expect(msg).toContain(`row 2, column "${agreeItem.id}": found "3,5" (not a whole number), expected a whole number from 1 to 5`);
  });

  it('reports a duplicate respondent id naming both rows', () => {
    const msg = problemOf('dup.csv', toCsvText(header, rowsWith(5, { 4: { respondent_id: 'R002' } })));
    expect(msg).toContain('row 6, column "respondent_id": found "R002", expected a unique respondent id; "R002" is also used in row 3');
  });

  it('reports an empty respondent id or network', () => {
    const msg = problemOf('empty-id.csv', toCsvText(header, rowsWith(2, { 1: { respondent_id: ' ', network: '' } })));
    expect(msg).toContain('row 3, column "respondent_id": found an empty cell, expected a respondent id');
    expect(msg).toContain('row 3, column "network": found an empty cell, expected the name of a network');
  });

  it('reports an unknown network, listing the known networks', () => {
    const msg = problemOf('network.csv', toCsvText(header, rowsWith(3, { 2: { network: 'Zeeuwse eenpitters' } })), { networks: NETWORKS });
    expect(msg).toContain('row 4, column "network": found "Zeeuwse eenpitters" (not a known network), expected one of the known networks');
    for (const n of NETWORKS) expect(msg).toContain(`"${n}"`);
    expect(msg).toContain('did you mean "Zeeuwse éénpitters"?');
  });

  it('reports unknown response_status and background codes, listing the valid codes', () => {
    const bg = instrument.background[0]; // org_type
    const msg = problemOf('codes.csv', toCsvText(header, rowsWith(3, { 0: { response_status: 'klaar' }, 2: { [bg.id]: 'gemeente' }, 1: { response_status: 'Complete' } })));
    expect(msg).toContain('row 2, column "response_status": found "klaar" (not a known code), expected one of the response status codes "complete", "partial", "none" or an empty cell');
    expect(msg).toContain('row 3, column "response_status": found "Complete" (not a known code)');
    expect(msg).toContain('write "complete"');
    expect(msg).toContain(`row 4, column "${bg.id}": found "gemeente" (not a known code), expected one of the ${bg.id} codes`);
    for (const l of bg.levels) expect(msg).toContain(`"${l.code}"`);
  });

  it('reports an empty file, a whitespace-only file and a header-only file clearly', () => {
    const empty = problemOf('empty.csv', '');
    expect(empty).toMatch(/empty\.csv: the file is empty/);
    expect(empty).toContain('respondent_id');
    expect(problemOf('spaces.csv', '  \r\n\r\n')).toMatch(/spaces\.csv: the file is empty/);
    const headerOnly = problemOf('header-only.csv', toCsvText(header, []));
    expect(headerOnly).toContain('header-only.csv: 1 problem');
    expect(headerOnly).toContain('the file has a header row but no data rows');
  });

  it('reports a file that does not exist, without a stack trace', () => {
    const missing = path.join(dir, 'nope.csv');
    const e = errorOf(() => readSurveyCsv(missing));
    expect(e).toBeInstanceOf(UserInputError);
    expect(e.message).toBe(`${missing}: the file does not exist (looked from the folder ${process.cwd()}). Check the path.`);
    expect(errorOf(() => readSurveyCsv(dir)).message).toContain('this is a folder, not a file');
  });

  it('reports rows with more or fewer cells than the header', () => {
    const text = toCsvText(header, rowsWith(2)) + 'R9,Noord\n';
    const msg = problemOf('ragged.csv', text);
    expect(msg).toContain(`row 4: found 2 cells, expected ${header.length} (one per column of the header)`);
  });

  it('reports a file that is split by the wrong delimiter as one column', () => {
    const msg = problemOf('wrong-delim.csv', toCsvText(header, rowsWith(2), ';'), { delimiter: ',' });
    expect(msg).toContain('found only one column');
    expect(msg).toContain('comma (,)');
  });

  it('reports an unclosed quote with the row', () => {
    const msg = problemOf('quote.csv', toCsvText(header, rowsWith(2)) + 'R9,"Noord\n');
    expect(msg).toMatch(/quote\.csv: row 4 opens a quoted field/);
  });

  it('lists the first 20 of more problems and counts the rest', () => {
    const edits: Record<number, Record<string, string>> = {};
    for (let i = 0; i < 25; i++) edits[i] = { [agreeItem.id]: '7' };
    const msg = problemOf('many.csv', toCsvText(header, rowsWith(25, edits)));
    expect(msg).toMatch(/many\.csv: 25 problems in the survey file \(the first 20 are listed\):/);
    expect(msg.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(20);
    expect(msg).toContain('row 21, column'); // the 20th problem (row 2 + 19)
    expect(msg).not.toContain('row 22, column');
    expect(msg.trimEnd().endsWith('... and 5 more problems')).toBe(true);
    const few = problemOf('many2.csv', toCsvText(header, rowsWith(25, edits)), { maxProblems: 3 });
    expect(few).toContain('... and 22 more problems');
  });

  it('gives numbers in range or null, or a UserInputError, for any cell text (never NaN)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -200, max: 200 }).map(String),
      fc.double({ noNaN: false }).map((d) => String(d).replace('.', ',')),
      fc.constantFrom('9', '99', '3,0', ' 2 ', 'NaN', 'Infinity', '1e1', '0x3', '', '+4', '-0'),
    );
    fc.assert(
      fc.property(cell, (value) => {
        const text = toCsvText(header, rowsWith(1, { 0: { [agreeItem.id]: value, [countItem.id]: value } }));
        let result;
        try {
          result = readSurveyCsvText(text, { file: 'prop.csv' });
        } catch (e) {
          expect(e).toBeInstanceOf(UserInputError);
          expect((e as Error).message).toMatch(/^prop\.csv: /);
          return;
        }
        for (const it of [agreeItem, countItem]) {
          const v = result.table.get(it.id, 0);
          if (v !== null) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(it.scale.min);
            expect(v).toBeLessThanOrEqual(it.scale.max);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
