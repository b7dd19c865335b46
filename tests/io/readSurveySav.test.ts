/**
 * readSurveySav: a survey kept in SPSS, mapped to the codebook and checked by
 * the same rules as a CSV file, with problems reported by case number and
 * SPSS variable name; and readMapping.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkSummary } from '../../lib/analysis/networkSummary';
import type { SurveyRow } from '../../lib/analysis/scaleScores';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readMapping, readSurveySav, validateMapping, writeSav } from '../../lib/io';
import { exportResults } from '../../lib/analysis/exportResults';
import { savFixture, sha256, tmpDir, userErrorOf } from './helpers';

const instrument = readInstrument();
const NETWORKS = ['Zeeuwse éénpitters', 'Noordelijk netwerk', 'Randstad-Oost'];
const MAPPING = savFixture('survey-nl.mapping.json');
let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

describe('readSurveySav: a Dutch SPSS file with a mapping', () => {
  const survey = readSurveySav(savFixture('survey-nl.sav'), { mapping: MAPPING, instrument, networks: NETWORKS, allowMissingItemColumns: true });

  it('gives the table readSurveyCsv would: codebook names and order', () => {
    expect(survey.table.columnNames()).toEqual([
      'respondent_id',
      'network',
      'response_status',
      'org_type',
      'role',
      'trust_1',
      'trust_2',
      'trust_3',
      'trust_4',
      'decision_making_1',
      'impact_1',
      'impact_2',
      'impact_3',
      'impact_4',
      'other_networks',
    ]);
    expect(survey.rows).toBe(8);
    expect(survey.encoding).toBe('utf-8');
    expect(survey.table.array('respondent_id')).toEqual(['R001', 'R002', 'R003', 'R004', 'R005', 'R006', 'R007', 'R008']);
  });

  it('reads labelled network and background codes by their value labels, as codebook codes', () => {
    expect(survey.table.array('network')).toEqual([...Array(3).fill('Zeeuwse éénpitters'), ...Array(2).fill('Noordelijk netwerk'), ...Array(3).fill('Randstad-Oost')]);
    expect(survey.table.array('org_type')).toEqual(['school_board', 'hogeschool', 'university', 'mbo', 'school_board', 'hogeschool', 'school_board', 'university']);
    expect(survey.table.array('role')).toEqual(['board_member', 'director', 'other', 'director', 'board_member', 'other', 'director', 'board_member']);
    expect(survey.warnings.some((w) => w.includes('netwerk') && w.includes('1 = Zeeuwse éénpitters'))).toBe(true);
  });

  it('makes user-missing (9, 99) and system-missing answers null, and keeps the rest as numbers', () => {
    expect(survey.table.array('trust_1')).toEqual([4, 3, null, 2, 3, 5, null, 4]);
    expect(survey.table.array('other_networks')).toEqual([3, null, 1, 0, 5, 2, null, 7]);
    expect(survey.table.array('impact_1')).toEqual([3, 4, null, 3, 4, 5, null, 4]);
  });

  it('matches SPSS names to the codebook ignoring case (DECISION_MAKING_1)', () => {
    expect(survey.sources.decision_making_1).toBe('DECISION_MAKING_1');
    expect(survey.table.array('decision_making_1')).toEqual([2, 3, 4, 3, 2, 5, null, 4]);
  });

  it("keeps the SPSS labels of each column, and value labels where the column still holds SPSS's codes", () => {
    expect(survey.sources.trust_1).toBe('vertrouwen_1');
    expect(survey.variableLabels.trust_1).toBe('Ik vertrouw de andere leden van het netwerk');
    expect(survey.variableLabels.impact_1).toBe('Het netwerk heeft invloed op het opleiden (één van vier items)');
    expect(survey.valueLabels.trust_1['9']).toBe('weet niet');
    expect(survey.valueLabels.network).toBeUndefined(); // the table holds the labels themselves
    expect(survey.variables.map((v) => v.name)).toContain('invuldatum');
  });

  it('accepts the mapping as an object, and keeps extra variables as text', () => {
    const mapping = readMapping(MAPPING);
    delete mapping.invuldatum;
    const s = readSurveySav(savFixture('survey-nl.sav'), { mapping, instrument, allowMissingItemColumns: true, extraColumns: ['invuldatum'] });
    expect(s.table.columnNames().at(-1)).toBe('invuldatum');
    expect(s.table.array('invuldatum').slice(0, 2)).toEqual(['2024-03-14', '2024-03-15']);
  });

  it('feeds networkSummary like a CSV file does', () => {
    const summary = networkSummary(survey.table.objects() as SurveyRow[], instrument, { constructs: ['trust', 'impact'] });
    expect(summary.map((s) => [s.network, s.members, s.responded, s.complete])).toEqual([
      ['Zeeuwse éénpitters', 3, 3, 2],
      ['Noordelijk netwerk', 2, 2, 2],
      ['Randstad-Oost', 3, 2, 2],
    ]);
    expect(summary[0].scores[0]).toMatchObject({ construct: 'trust', n: 2, mean: (4.25 + 3.5) / 2 });
  });

  it('saved as survey.csv (exportResults), it loads with readSurveyCsv into the same table: the way into the notebooks', async () => {
    const file = path.join(dir, 'study', 'survey.csv');
    await exportResults(survey.table, { format: 'csv', file });
    const csv = readSurveyCsv(file, { instrument, networks: NETWORKS, allowMissingItemColumns: true });
    expect(csv.table.objects()).toEqual(survey.table.objects());
  });

  it('never writes to the .sav file or the mapping', () => {
    const before = [sha256(savFixture('survey-nl.sav')), sha256(MAPPING)];
    readSurveySav(savFixture('survey-nl.sav'), { mapping: MAPPING, instrument, allowMissingItemColumns: true });
    expect([sha256(savFixture('survey-nl.sav')), sha256(MAPPING)]).toEqual(before);
  });
});

describe('readSurveySav: the whole shipped survey through SPSS', () => {
  it('written as .sav and read back gives the CSV loader’s table and network summary', () => {
    const csv = readSurveyCsv('data/survey.csv', { instrument });
    const file = path.join(dir, 'survey.sav');
    writeSav(file, csv.table);
    const sav = readSurveySav(file, { instrument });
    expect(sav.table.objects()).toEqual(csv.table.objects());
    expect(sav.warnings).toEqual(csv.warnings);
    expect(networkSummary(sav.table.objects() as SurveyRow[], instrument)).toEqual(networkSummary(csv.table.objects() as SurveyRow[], instrument));
  });
});

describe('readSurveySav: problems, all at once, by case and variable', () => {
  it('lists unmapped variables, out-of-range answers, fractions and repeated ids with case numbers', () => {
    const e = userErrorOf(() => readSurveySav(savFixture('survey-bad.sav'), { mapping: MAPPING, instrument, networks: NETWORKS, allowMissingItemColumns: true }));
    const file = savFixture('survey-bad.sav');
    expect(e.message).toBe(
      [
        `${file}: 5 problems in the survey file:`,
        '  - the file\'s variables: variable "leeftijd" is not a column of the codebook and not in the mapping. Add {"leeftijd": "<codebook column>"} to the mapping, map it to null to leave it out, or list it in extraColumns to keep it as text',
        '  - case 3 (R003), variable "vertrouwen_1" (trust_1): found "6" (outside 1-5), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell',
        '  - case 4 (R002), variable "respnr" (respondent_id): found "R002", expected a unique respondent id; "R002" is also used in case 2',
        '  - case 5 (R005), variable "vertrouwen_2" (trust_2): found "2.5" (not a whole number), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell',
        '  - case 5 (R005), variable "aantal_netwerken" (other_networks): found "45" (outside 0-30), expected a whole number from 0 to 30, 99 (weet niet) or an empty cell',
      ].join('\n'),
    );
  });

  it('leaves unmapped variables out with a warning when asked (ignoreUnmapped)', () => {
    const e = userErrorOf(() => readSurveySav(savFixture('survey-bad.sav'), { mapping: MAPPING, instrument, allowMissingItemColumns: true, ignoreUnmapped: true }));
    expect(e.message).not.toMatch(/leeftijd/);
    expect(e.message).toMatch(/4 problems/);
  });

  it('without a mapping, says which variables need one, with suggestions', () => {
    const e = userErrorOf(() => readSurveySav(savFixture('survey-nl.sav'), { instrument }));
    expect(e.message).toMatch(/15 variables are neither columns of the codebook nor in the mapping: "respnr", "netwerk" \(network\?\), "status", "orgtype" \(org_type\?\)/);
    expect(e.message).toMatch(/the required column "respondent_id" is missing/);
    expect(e.message).toMatch(/the required column "network" is missing/);
  });

  it('checks the mapping against the file and the codebook', () => {
    const e = userErrorOf(() =>
      readSurveySav(savFixture('survey-nl.sav'), {
        instrument,
        allowMissingItemColumns: true,
        mapping: { ...readMapping(MAPPING), vertrouwen_5: 'trust_4', vertrouwen_4: 'trust_04', aantal_netwerken: 'other_network', functie: 'role', status: 'role' },
      }),
    );
    expect(e.message).toMatch(/the mapping names the variable "vertrouwen_5", which is not in the file \(the file has "respnr", "netwerk", /);
    expect(e.message).toMatch(/the mapping maps "vertrouwen_4" to "trust_04", which is not a column of the codebook/);
    expect(e.message).toMatch(/the mapping maps "aantal_netwerken" to "other_network", which is not a column of the codebook; did you mean "other_networks"\?/);
    expect(e.message).toMatch(/variables "status" and "functie" both become the column "role"; map one of them to another column or to null/);
    expect(e.message).not.toMatch(/case \d/); // the cells of a column claimed twice are not checked
    expect(e.message).toMatch(/^\S+: 4 problems/);
  });

  it('checks networks against the given list', () => {
    const e = userErrorOf(() => readSurveySav(savFixture('survey-nl.sav'), { mapping: MAPPING, instrument, allowMissingItemColumns: true, networks: ['Zeeuwse eenpitters', 'Noordelijk netwerk', 'Randstad-Oost'] }));
    expect(e.message).toMatch(/case 1 \(R001\), variable "netwerk" \(network\): found "Zeeuwse éénpitters" \(not a known network\)/);
  });

  it('gives a clear error for a file that is not a .sav file', () => {
    expect(userErrorOf(() => readSurveySav('data/survey.csv', { instrument })).message).toMatch(/data\/survey\.csv: this is not an SPSS data file/);
  });
});

describe('readMapping and validateMapping', () => {
  function mappingFile(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it('reads a JSON object, with a byte-order mark, trimming names', () => {
    expect(readMapping(mappingFile('m.json', '\uFEFF{ " respnr ": "respondent_id", "filter_$": null }'))).toEqual({ respnr: 'respondent_id', filter_$: null });
  });

  it('says what is wrong with a bad mapping file', () => {
    expect(userErrorOf(() => readMapping(path.join(dir, 'none.json'))).message).toMatch(/none\.json: cannot read the mapping \(the file does not exist\)/);
    expect(userErrorOf(() => readMapping(mappingFile('bad.json', "{ 'respnr': 'respondent_id' }"))).message).toMatch(/bad\.json: the mapping is not valid JSON/);
    expect(userErrorOf(() => readMapping(mappingFile('list.json', '["respnr"]'))).message).toMatch(/list\.json: expected an object that maps your variable names/);
    const e = userErrorOf(() => readMapping(mappingFile('types.json', '{ "a": 1, "b": "", "": "trust_1" }')));
    expect(e.message).toBe(
      [
        `${path.join(dir, 'types.json')}: 3 problems in the mapping:`,
        '  - "a": found 1, expected the name of a codebook column (text, e.g. "trust_1") or null to leave the variable out',
        '  - "b": found "", expected the name of a codebook column (text, e.g. "trust_1") or null to leave the variable out',
        '  - an empty variable name; every key names one of your variables',
      ].join('\n'),
    );
  });

  it('validates an object from a notebook cell', () => {
    expect(validateMapping({ vertrouwen_1: 'trust_1' })).toEqual({ vertrouwen_1: 'trust_1' });
    expect(userErrorOf(() => validateMapping('trust_1')).message).toMatch(/expected an object/);
  });
});
