import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPilotCsv } from '../../lib/io/readPilotCsv';
import { readInstrument, pilotItems } from '../../lib/io/instrument';
import { tempDir } from '../tempDirs';

const dataDir = path.resolve(__dirname, '..', '..', 'data');
const instrument = readInstrument();

describe('readPilotCsv', () => {
  it('reads the shipped pilot: 81 respondents, every item of the long pool, "weet niet" as missing', () => {
    const pilot = readPilotCsv(path.join(dataDir, 'pilot.csv'));
    expect(pilot.rows).toBe(81);
    const pool = pilotItems(instrument).map((i) => i.id);
    expect(pilot.table.columnNames()).toEqual(['respondent_id', 'sector', 'data_origin', ...pool]);
    const [header, ...lines] = fs.readFileSync(path.join(dataDir, 'pilot.csv'), 'utf8').trimEnd().split('\n');
    const names = header.split(',');
    const nines = lines.flatMap((line, r) => line.split(',').map((c, k) => (c === '9' ? { r, name: names[k] } : null)).filter((x) => x !== null));
    expect(nines.length).toBeGreaterThan(0); // the shipped pilot has some "weet niet" answers
    for (const x of nines) expect(pilot.table.get(x!.name, x!.r)).toBeNull();
  });

  it('refuses a survey file with a message naming the survey-only columns', () => {
    expect(() => readPilotCsv(path.join(dataDir, 'survey.csv'))).toThrow(/pilot file:[\s\S]*unknown column "network"/);
  });

  it('lists missing pool items', () => {
    const dir = tempDir('pilot-');
    const file = path.join(dir, 'pilot.csv');
    fs.writeFileSync(file, 'respondent_id,trust_1\nP1,4\n');
    expect(() => readPilotCsv(file)).toThrow(/item columns are missing: [\s\S]*trust_6[\s\S]*pilot's item pool needs a column/);
  });
});
