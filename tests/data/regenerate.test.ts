import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInstrument } from '../../lib/io/instrument';
import { generateDefaultData } from '../../lib/data/generateDefaultData';
import { SYNTHETIC_MARK } from '../../lib/io/synthetic';

const dataDir = path.resolve(__dirname, '..', '..', 'data');

describe('npm run data', () => {
  const files = generateDefaultData(readInstrument());

  it('regenerates every shipped data file byte for byte', () => {
    for (const [name, text] of Object.entries(files)) {
      const shipped = fs.readFileSync(path.join(dataDir, name), 'utf8');
      expect(shipped, `data/${name} differs from the generator's output: run npm run data`).toBe(text);
    }
  });

  it('gives identical output on a second run in the same process', () => {
    expect(generateDefaultData(readInstrument())).toEqual(files);
  });

  it('gives different data for a different seed (the seed is really used)', () => {
    const other = generateDefaultData(readInstrument(), 'another-seed');
    expect(other['survey.csv']).not.toBe(files['survey.csv']);
    expect(other['pilot.csv']).not.toBe(files['pilot.csv']);
  });

  it('marks every row of every data file as synthetic', () => {
    for (const [name, text] of Object.entries(files)) {
      const lines = text.trimEnd().split('\n');
      expect(lines[0].split(',').at(-1), name).toBe('data_origin');
      for (const line of lines.slice(1)) expect(line.endsWith(SYNTHETIC_MARK), `${name}: ${line.slice(0, 40)}`).toBe(true);
    }
  });
});
