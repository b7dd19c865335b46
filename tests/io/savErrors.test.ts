/**
 * Bad input to the .sav reader: files that are not system files, truncated
 * files (cut at every byte), and damaged bytes. Every one must end in one
 * clear UserInputError naming the file, never a crash or a wrong table.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSav, readSavBytes } from '../../lib/io';
import { UserInputError } from '../../lib/util/errors';
import { savFixture, tmpDir, userErrorOf } from './helpers';

let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('readSav: files that are not .sav files', () => {
  it('names a missing file', () => {
    expect(userErrorOf(() => readSav(path.join(dir, 'nope.sav'))).message).toMatch(/nope\.sav: the file does not exist/);
  });

  it('says a CSV file is a text file and points to readSurveyCsv', () => {
    const file = write('survey.sav', 'respondent_id,network\nR1,Noord\n');
    const msg = userErrorOf(() => readSav(file)).message;
    expect(msg).toMatch(/survey\.sav: this is not an SPSS data file \(\.sav\): it is a text file/);
    expect(msg).toMatch(/readSurveyCsv/);
  });

  it('says an Excel workbook is one and points to readSurveyXlsx', () => {
    const file = write('book.sav', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    expect(userErrorOf(() => readSav(file)).message).toMatch(/zip archive, such as an Excel workbook.*readSurveyXlsx/);
  });

  it('recognises an SPSS portable file (.por)', () => {
    const file = write('old.por', Buffer.concat([Buffer.alloc(200, 0x20), Buffer.alloc(256, 0x30), Buffer.from('SPSSPORT'), Buffer.alloc(50)]));
    expect(userErrorOf(() => readSav(file)).message).toMatch(/SPSS portable file \(\.por\)/);
  });

  it('names an empty file and other binary files', () => {
    expect(userErrorOf(() => readSav(write('empty.sav', ''))).message).toMatch(/empty\.sav: the file is empty/);
    expect(userErrorOf(() => readSav(write('bin.sav', Buffer.from([0, 1, 2, 3, 200, 201, 0, 7])))).message).toMatch(/does not start with "\$FL2"/);
  });
});

describe('readSav: truncated files', () => {
  for (const name of ['labels-uncompressed.sav', 'labels-compressed.sav', 'labels-zcompressed.sav', 'survey-nl.sav']) {
    it(`${name}: cut at every byte, always a UserInputError that says the file is incomplete`, () => {
      const bytes = fs.readFileSync(savFixture(name));
      for (let cut = 4; cut < bytes.length; cut++) {
        let caught: unknown;
        try {
          readSavBytes(bytes.subarray(0, cut), name);
        } catch (e) {
          caught = e;
        }
        if (!(caught instanceof UserInputError)) throw new Error(`cut at ${cut} of ${bytes.length}: expected a UserInputError, got ${String(caught)}`);
        expect(caught.message.startsWith(`${name}: `)).toBe(true);
        expect(caught.message).toMatch(/incomplete|ends too soon|damaged/);
      }
    });
  }

  it('names the case that is cut off in the data', () => {
    const bytes = fs.readFileSync(savFixture('labels-uncompressed.sav'));
    const msg = userErrorOf(() => readSavBytes(bytes.subarray(0, bytes.length - 10), 'cut.sav')).message;
    expect(msg).toMatch(/^cut\.sav: case 4 is incomplete/);
    expect(msg).toMatch(/save or copy it again/);
  });

  it('reads a file cut in its header from disk with the same message', () => {
    const bytes = fs.readFileSync(savFixture('labels-compressed.sav'));
    const file = write('half.sav', bytes.subarray(0, 100));
    expect(userErrorOf(() => readSav(file)).message).toMatch(/half\.sav: the file ends too soon \(after 100 bytes\) while reading the file header/);
  });
});

describe('readSav: damaged bytes', () => {
  it('turns damaged dictionary bytes into a UserInputError or a still-readable file, never a crash', () => {
    const bytes = fs.readFileSync(savFixture('labels-compressed.sav'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 4, max: 2600 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const damaged = Buffer.from(bytes);
          for (const [at, value] of edits) damaged[at] = value;
          try {
            readSavBytes(damaged, 'damaged.sav');
          } catch (e) {
            if (!(e instanceof UserInputError)) throw e;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports an unknown record type with its byte offset', () => {
    const bytes = Buffer.from(fs.readFileSync(savFixture('labels-uncompressed.sav')));
    bytes.writeInt32LE(5, 176); // the first record after the header: a variable record (2)
    expect(userErrorOf(() => readSavBytes(bytes, 'x.sav')).message).toMatch(/^x\.sav: the \.sav file is damaged at byte 176: unknown record type 5/);
  });
});
