import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefault } from './fixtures';
import { UserInputError } from '../../lib/util/errors';
import { portraitFigure, portraitFigures } from '../../lib/figures/portrait';
import { patternsFigure } from '../../lib/figures/patterns';
import { motivationFigure } from '../../lib/figures/motivation';
import { boundariesFigure } from '../../lib/figures/boundaries';
import { yearsFigure } from '../../lib/figures/years';
import { overlapFigure } from '../../lib/figures/overlap';
import { responseFigure } from '../../lib/figures/response';
import { reportFigures } from '../../lib/figures/reportFigures';
import { screeFigure } from '../../lib/figures/scree';
import { loadingsFigure } from '../../lib/figures/loadings';
import { itemRestFigure } from '../../lib/figures/itemRest';
import { iccForestFigure } from '../../lib/figures/iccForest';
import { correlationMatrixFigure } from '../../lib/figures/correlationMatrix';
import { dendrogramFigure } from '../../lib/figures/dendrogram';
import { looScatterFigure } from '../../lib/figures/looScatter';
import { exportFigures } from '../../lib/render/exportFigures';
import { renderFigures } from '../../lib/render/renderer';
import { show } from '../../lib/render/show';
import { networkTable } from '../../lib/analysis/networkTable';
import { motivationSummary } from '../../lib/analysis/motivationSummary';
import { boundaryProfile } from '../../lib/analysis/boundaryProfile';

const d = loadDefault();
const { instrument } = d;

/** Runs f and returns its UserInputError message (fails if it throws anything else or nothing). */
function userError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return (e as Error).message;
  }
  throw new Error('expected a UserInputError, nothing was thrown');
}

describe('bad options give a clear UserInputError', () => {
  it('an unknown network name lists the known ones', () => {
    const m = userError(() => portraitFigure(d.summary, { instrument, network: 'Boreas' }));
    expect(m).toBe(`portraitFigure: unknown network "Boreas". Known networks: ${d.names.join(', ')}.`);
    expect(userError(() => looScatterFigure({ x: [1, 2, 3], y: [2, 1, 3], labels: ['Erus', 'Lips', 'Notos'], rWithout: [0, 0, 0] }, { highlight: ['Eres'] }))).toMatch(/unknown network "Eres". Known networks: Erus, Lips, Notos/);
  });

  it('a value outside 1-5 on a 1-5 figure', () => {
    const summary = structuredClone(d.summary);
    summary[2].scores[3].mean = 5.4;
    expect(userError(() => portraitFigure(summary, { instrument, network: 'Argestes' }))).toMatch(/the mean of Argestes on "shared_vision" is 5.4, outside the scale 1-5/);
    const table = structuredClone(d.table);
    table[6].means.impact = 0;
    expect(userError(() => patternsFigure(table, { instrument, figure: 16 }))).toMatch(/the mean of Meses on "impact" is 0, outside the scale 1-5/);
    expect(userError(() => overlapFigure(table.map((r) => ({ ...r, means: { ...r.means, topic_overlap: 7 } })), { instrument }))).toMatch(/outside the scale 1-5/);
    const mot = motivationSummary(d.rows, instrument);
    mot[0].mean = 6;
    expect(userError(() => motivationFigure(mot, { instrument }))).toMatch(/"motivation_1" is 6, outside the scale 1-5/);
    const bnd = boundaryProfile(d.rows, instrument);
    bnd[0].mean = -1;
    expect(userError(() => boundariesFigure(bnd, { instrument }))).toMatch(/outside the scale 1-5/);
    expect(userError(() => portraitFigure(structuredClone(d.summary).map((s) => ({ ...s, scores: s.scores.map((x) => ({ ...x, mean: '4' as unknown as number })) })), { instrument, network: 'Lips' }))).toMatch(/is "4"; expected a number from 1 to 5/);
  });

  it('an empty table', () => {
    expect(userError(() => portraitFigure([], { instrument, network: 'Lips' }))).toMatch(/portraitFigure: the network summary is empty/);
    expect(userError(() => portraitFigures([], { instrument }))).toMatch(/empty/);
    expect(userError(() => patternsFigure([], { instrument, figure: 16 }))).toMatch(/patternsFigure: the network table is empty/);
    expect(userError(() => yearsFigure([]))).toMatch(/empty/);
    expect(userError(() => responseFigure([]))).toMatch(/empty/);
    expect(userError(() => motivationFigure([], { instrument }))).toMatch(/empty/);
    expect(userError(() => boundariesFigure([], { instrument }))).toMatch(/empty/);
    expect(userError(() => overlapFigure([], { instrument }))).toMatch(/empty/);
    expect(userError(() => networkTable([], instrument))).toMatch(/survey table is empty/);
    expect(userError(() => reportFigures({ instrument, survey: [] }))).toMatch(/survey table is empty/);
    expect(userError(() => screeFigure({ observed: [], simulated: [] }))).toMatch(/observed is empty/);
    expect(userError(() => iccForestFigure([]))).toMatch(/empty/);
  });

  it('an unknown language', () => {
    const expected = /Unknown language "de": expected "nl" \(Dutch, the default\) or "en" \(English\)/;
    expect(userError(() => portraitFigure(d.summary, { instrument, network: 'Lips', lang: 'de' }))).toMatch(expected);
    expect(userError(() => patternsFigure(d.table, { instrument, figure: 16, lang: 'EN' }))).toMatch(/Unknown language "EN"/);
    expect(userError(() => responseFigure(d.table, { lang: 'fr' }))).toMatch(/Unknown language "fr"/);
    expect(userError(() => reportFigures({ instrument, survey: d.rows }, { lang: 'de' }))).toMatch(expected);
    expect(userError(() => screeFigure({ observed: [2, 1], simulated: [1, 1] }, { lang: 'xx' }))).toMatch(/Unknown language "xx"/);
  });

  it('other bad options and inputs', () => {
    expect(userError(() => portraitFigure(d.summary, { network: 'Lips' } as never))).toMatch(/options.instrument is required/);
    expect(userError(() => patternsFigure(d.table, { instrument, figure: 14 as never }))).toMatch(/figure is 14; the report's pattern figures are 15, 16 and 17/);
    expect(userError(() => patternsFigure(d.table, { instrument, variables: ['impact', 'trusst'] }))).toMatch(/unknown variable "trusst". Known variables: years \(Years the network exists\), members/);
    expect(userError(() => patternsFigure(d.table, { instrument, figure: 16, synthetic: 'yes' as never }))).toMatch(/option synthetic is "yes"; expected true or false/);
    expect(userError(() => patternsFigure(d.table, { instrument, figure: 16, width: 20 }))).toMatch(/option width is 20/);
    expect(userError(() => responseFigure(d.table.map((r) => ({ ...r, letter: null })), {}))).toMatch(/no Figure 18 letter for Aparctias, .*use \{ by: 'network' \}/);
    expect(userError(() => responseFigure(d.table, { by: 'name' as never }))).toMatch(/option by is "name"; expected one of "letter", "network"/);
    expect(userError(() => yearsFigure(d.table.map((r) => ({ ...r, years: null }))))).toMatch(/no network has a number of years/);
    expect(userError(() => motivationFigure(motivationSummary(d.rows, instrument), { instrument, perNetwork: true }))).toMatch(/byNetwork: true/);
    expect(userError(() => screeFigure({ observed: [2, 1, 0.5], simulated: [1, 1] }))).toMatch(/observed has 3 entries but simulated has 2/);
    expect(userError(() => loadingsFigure({ loadings: [[0.8, 0.1], [0.7]], items: ['a', 'b'], factors: ['F1', 'F2'] }))).toMatch(/row 2 \(b\) has 1 loadings but there are 2 factors/);
    expect(userError(() => itemRestFigure({ items: ['a', 'b'], r: [0.5, 1.5] }))).toMatch(/r of b is 1.5; expected a number from -1 to 1/);
    expect(userError(() => iccForestFigure([{ network: 'Lips', icc: 0.95, lower: 0.96, upper: 0.98 }]))).toMatch(/does not contain its ICC/);
    expect(userError(() => correlationMatrixFigure({ names: ['a', 'b'], matrix: [[1, 0.2]] }))).toMatch(/must be 2 x 2/);
    expect(userError(() => correlationMatrixFigure({ names: ['a', 'b'], matrix: [[1, 1.2], [1.2, 1]] }))).toMatch(/a correlation lies from -1 to 1/);
    expect(userError(() => dendrogramFigure({ merge: [[-1, -2], [-1, -3]], height: [1, 2], order: [1, 2, 3], labels: ['a', 'b', 'c'] }))).toMatch(/label 1 is out of range or merged twice/);
    expect(userError(() => dendrogramFigure({ merge: [[-1, -2], [2, -3]], height: [1, 2], order: [1, 2, 3], labels: ['a', 'b', 'c'] }))).toMatch(/step 2 is not an earlier step/);
    expect(userError(() => dendrogramFigure({ merge: [[-1, -2], [1, -3]], height: [1, 2], order: [1, 2, 2], labels: ['a', 'b', 'c'] }))).toMatch(/order must be a permutation of 1..3/);
  });

  it('export and show refuse what they cannot do', async () => {
    await expect(renderFigures([])).rejects.toThrow(/no figures given/);
    const spec = patternsFigure(d.table, { instrument, figure: 16 });
    await expect(renderFigures([{ name: 'a b', spec }])).rejects.toThrow(/not a usable file name/);
    await expect(renderFigures([{ name: 'x', spec }], { executablePath: '/nonexistent/chromium' })).rejects.toThrow(UserInputError);
    await expect(renderFigures([{ name: 'x', spec }], { executablePath: '/nonexistent/chromium' })).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium.*apt-get install chromium/);
    await expect(exportFigures([{ name: 'x', spec }], {} as never)).rejects.toThrow(/options.outDir/);
    await expect(show(spec, { fallback: 'gif' as never, display: { html: () => undefined } })).rejects.toThrow(/fallback "gif"/);
    // tslab is not installed outside the notebook kernel
    let hasTslab = true;
    try {
      require.resolve('tslab');
    } catch {
      hasTslab = false;
    }
    if (!hasTslab) await expect(show(spec, { fallback: 'none' })).rejects.toThrow(/show\(\) runs inside a tslab notebook kernel/);
  });
});

describe('npm run figures on bad options', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [require.resolve('tsx/cli'), path.resolve(__dirname, '../../scripts/figures.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('exits 1 with a clear message and no stack trace', () => {
    for (const [args, message] of [
      [['--lang', 'de'], 'error: --lang: expected "nl" or "en", found "de"'],
      [['--data', '/nonexistent/folder'], 'error: --data: /nonexistent/folder is not a folder'],
      [['--colour'], 'error: unknown option "--colour"; usage: npm run figures'],
    ] as const) {
      const r = run(...args);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
