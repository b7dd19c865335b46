import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadStudyData, DEFAULT_DATA_DIR } from '../../lib/io/loadStudyData';
import { writeSav } from '../../lib/io';
import { tempDir } from '../tempDirs';

describe('loadStudyData', () => {
  it('loads the shipped study and knows it is synthetic', () => {
    const study = loadStudyData();
    expect(study.dataDir).toBe(DEFAULT_DATA_DIR);
    expect(study.survey.rows).toBe(182);
    expect(study.networks!.rows).toBe(10);
    expect(study.pilot!.rows).toBe(81);
    expect(study.synthetic).toBe(true);
  });

  it('loads a folder with only survey.csv, using the shipped codebook, and calls it not synthetic', () => {
    const dir = tempDir('study-');
    const lines = fs.readFileSync(path.join(DEFAULT_DATA_DIR, 'survey.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    const keep = header.map((_, k) => k).filter((k) => header[k] !== 'data_origin');
    fs.writeFileSync(path.join(dir, 'survey.csv'), lines.map((l) => keep.map((k) => l.split(',')[k]).join(',')).join('\n') + '\n');
    const study = loadStudyData(dir);
    expect(study.networks).toBeNull();
    expect(study.pilot).toBeNull();
    expect(study.synthetic).toBe(false);
    expect(study.survey.rows).toBe(182);
  });

  it('says what a study folder needs when it is not one', () => {
    const dir = tempDir('study-');
    expect(() => loadStudyData(dir)).toThrow(/has no survey\.csv or survey\.sav\. A study folder holds survey\.csv/);
    expect(() => loadStudyData(path.join(dir, 'nope'))).toThrow(/is not a folder/);
  });

  it('checks the survey networks against networks.csv', () => {
    const dir = tempDir('study-');
    fs.copyFileSync(path.join(DEFAULT_DATA_DIR, 'survey.csv'), path.join(dir, 'survey.csv'));
    const nets = fs.readFileSync(path.join(DEFAULT_DATA_DIR, 'networks.csv'), 'utf8').split('\n').filter((l) => !l.startsWith('Notos')).join('\n');
    fs.writeFileSync(path.join(dir, 'networks.csv'), nets);
    expect(() => loadStudyData(dir)).toThrow(/column "network": found "Notos"/);
  });
});

describe('loadStudyData with an SPSS file', () => {
  it('reads survey.sav (written from the default data) when the folder has no survey.csv, giving the same table', () => {
    const dir = tempDir('study-sav-');
    const csv = loadStudyData();
    const table = csv.survey.table.select(csv.survey.table.columnNames().filter((c) => c !== 'data_origin'));
    writeSav(path.join(dir, 'survey.sav'), table);
    fs.copyFileSync(path.join(DEFAULT_DATA_DIR, 'networks.csv'), path.join(dir, 'networks.csv'));
    const study = loadStudyData(dir);
    expect(study.synthetic).toBe(false);
    expect(study.survey.rows).toBe(182);
    expect(study.survey.table.objects()).toEqual(table.objects());
  });
});
