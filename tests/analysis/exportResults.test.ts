/**
 * Results back out: the network summary and the scale scores per respondent
 * as CSV (comma and Dutch), Excel and SPSS, each read back.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { scaleScores } from '../../lib/analysis/scaleScores';
import { decodeCsvBytes, parseCsv } from '../../lib/io/csv';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readSav } from '../../lib/io';
import { exportResults, scoresTable, summaryTable } from '../../lib/analysis/exportResults';
import { HAS_PSPP, runPspp, tmpDir, userErrorOfAsync } from '../io/helpers';

const instrument = readInstrument();
const survey = readSurveyCsv('data/survey.csv', { instrument });
const rows = survey.table.objects() as Array<Record<string, unknown>>;
const summary = networkSummary(rows, instrument);
let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

/** The summary as one flat row per network, the way every export should carry it. */
function flat(): Array<Record<string, string | number | null>> {
  return summary.map((s) => {
    const row: Record<string, string | number | null> = { network: s.network, members: s.members, responded: s.responded, complete: s.complete, response_rate: s.responseRate };
    for (const x of s.scores) for (const k of ['n', 'mean', 'se', 'lower', 'upper'] as const) row[`${x.construct}_${k}`] = x[k];
    return row;
  });
}

describe('summaryTable and scoresTable', () => {
  it('flattens the network summary: one row per network, n/mean/se/band per characteristic, Dutch labels', () => {
    const t = summaryTable(summary, instrument);
    const expected = flat();
    expect(t.columns.map((c) => c.name)).toEqual(Object.keys(expected[0]));
    for (const c of t.columns) expect(c.values).toEqual(expected.map((r) => r[c.name]));
    expect(t.variableLabels.trust_mean).toBe('Onderling vertrouwen: gemiddelde');
    expect(t.variableLabels.trust_lower).toBe('Onderling vertrouwen: ondergrens band');
    expect(summaryTable(summary, instrument, 'en').variableLabels.trust_mean).toBe('Mutual trust: mean');
  });

  it('gives the scale scores per respondent with id and network in front', () => {
    const t = scoresTable(survey.table, instrument);
    const scores = scaleScores(rows, instrument);
    expect(t.columns.slice(0, 2).map((c) => c.name)).toEqual(['respondent_id', 'network']);
    for (const c of t.columns.slice(2)) expect(c.values).toEqual(scores.map((s) => s[c.name]));
    expect(t.variableLabels.trust).toBe('Onderling vertrouwen (gemiddelde van 4 items)');
    expect(scoresTable(rows, instrument, { constructs: ['trust'] }).columns.map((c) => c.name)).toEqual(['respondent_id', 'network', 'trust']);
  });
});

describe('exportResults', () => {
  it("'csv': comma-separated with decimal points, full precision, empty cells for missing", async () => {
    const file = path.join(dir, 'summary.csv');
    const r = await exportResults(summary, { format: 'csv', file });
    expect(r).toMatchObject({ file, format: 'csv', rows: 10, warnings: [] });
    const bytes = fs.readFileSync(file);
    expect(bytes[0]).not.toBe(0xef); // no byte-order mark
    const [header, ...body] = parseCsv(decodeCsvBytes(bytes).text, ',').map((x) => x.cells);
    const expected = flat();
    expect(header).toEqual(Object.keys(expected[0]));
    body.forEach((cells, i) => header.forEach((h, j) => expect(cells[j]).toBe(expected[i][h] === null ? '' : String(expected[i][h]))));
  });

  it("'csv-nl': semicolons, decimal commas and a byte-order mark, for Dutch Excel", async () => {
    const file = path.join(dir, 'summary-nl.csv');
    await exportResults(summary, { format: 'csv-nl', file });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.bom).toBe(true);
    const [header, ...body] = parseCsv(decoded.text, ';').map((x) => x.cells);
    const j = header.indexOf('trust_mean');
    expect(body[0][j]).toBe(String(summary[0].scores.find((s) => s.construct === 'trust')!.mean).replace('.', ','));
    expect(body[0][j]).toMatch(/^\d+,\d+$/);
  });

  it("'xlsx': numbers as numbers, and a labels sheet", async () => {
    const file = path.join(dir, 'summary.xlsx');
    await exportResults(summary, { file }); // the format from the extension
    const sheets = await readXlsxFile(fs.readFileSync(file));
    const expected = flat();
    expect(sheets[0].data[0]).toEqual(Object.keys(expected[0]));
    expect(sheets[0].data.slice(1)).toEqual(expected.map((r) => Object.values(r)));
    expect(sheets[1].data).toContainEqual(['trust_mean', 'Onderling vertrouwen: gemiddelde']);
  });

  it("'sav': values with variable labels, read back by our reader", async () => {
    const file = path.join(dir, 'summary.sav');
    await exportResults(summary, { format: 'sav', file, compression: 'none' });
    const sav = readSav(file);
    expect(sav.table.objects()).toEqual(flat());
    expect(sav.variableLabels.network).toBe('Netwerk');
    expect(sav.variableLabels.impact_upper).toBe('Ingeschatte impact: bovengrens band');
    expect(sav.variables.find((v) => v.name === 'trust_mean')!.format).toEqual({ type: 'F', width: 8, decimals: 2 });
    expect(sav.compression).toBe('none');
  });

  it('writes the scores per respondent to .sav with construct labels (English on request)', async () => {
    const file = path.join(dir, 'scores.sav');
    await exportResults(scoresTable(survey.table, instrument, { lang: 'en' }), { file });
    const sav = readSav(file);
    expect(sav.rows).toBe(182);
    expect(sav.variableLabels.trust).toBe('Mutual trust (mean of 4 items)');
    expect(sav.table.array('trust')).toEqual(scaleScores(rows, instrument).map((s) => s.trust));
  });

  it('rounds numbers for CSV and Excel with digits', async () => {
    const file = path.join(dir, 'rounded.csv');
    await exportResults({ x: [1.23456, null, 2] }, { file, digits: 2 });
    expect(fs.readFileSync(file, 'utf8')).toBe('x\n1.23\n\n2\n');
  });

  it('asks for a format it cannot infer, and for a file', async () => {
    expect((await userErrorOfAsync(() => exportResults(summary, { file: path.join(dir, 'x.txt') }))).message).toMatch(/cannot tell the format from the extension "\.txt"/);
    expect((await userErrorOfAsync(() => exportResults(summary, undefined as never))).message).toMatch(/needs the option file/);
  });
});

describe.skipIf(!HAS_PSPP)('exportResults: GNU PSPP reads the exported .sav', () => {
  it('shows the Dutch labels and the means', async () => {
    await exportResults(summary, { format: 'sav', file: path.join(dir, 'netwerken.sav') });
    const out = runPspp(dir, "GET FILE='netwerken.sav'.\nDISPLAY DICTIONARY /VARIABLES=network trust_mean trust_lower.\nLIST /VARIABLES=network members trust_mean.\n");
    expect(out).toContain('Onderling vertrouwen: gemiddelde');
    expect(out).toContain('Onderling vertrouwen: ondergrens band');
    const trust = summary[0].scores.find((s) => s.construct === 'trust')!.mean!;
    expect(out).toMatch(new RegExp(`${summary[0].network}\\s*\\|\\s*${summary[0].members}\\|\\s*${trust.toFixed(2)}\\|`));
  });
});
