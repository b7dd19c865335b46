/**
 * The explorer where scripts do not run (an executed notebook on GitHub or
 * nbviewer): the notebooks' static-figure step (scripts/jupyter/staticFigures)
 * turns the spec a headless run's showExplorer carries into an image of the
 * first view, inside the explorer's static part, and leaves the rest of its
 * HTML as it was.
 */
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { explorerData } from '../../lib/explorer/explorerData';
import { explorerHtml } from '../../lib/explorer/explorerHtml';
import { explorerViewFigure } from '../../lib/explorer/viewFigure';
import { reportStudyDefinition } from '../../lib/io/studyDefinition';
import { findChromium } from '../../lib/render/browser';
import { addStaticFigures, findExplorerOutputs } from '../../scripts/jupyter/staticFigures';
import type { NotebookJson } from '../../scripts/jupyter/runner';

const chromium = (() => {
  try {
    return findChromium();
  } catch {
    return null;
  }
})();

const d = loadDefault();
const data = explorerData({ survey: d.rows, networks: d.networkRows, instrument: d.instrument, definition: reportStudyDefinition(), synthetic: d.synthetic });
const view = { mode: 'patterns' as const, orderBy: 'impact', panels: ['shared_vision', 'trust'], dropped: ['Meses'] };

describe.skipIf(!chromium)('the explorer in an executed notebook without scripts', () => {
  it('gets an image of its first view in its static part; the rest of its HTML is unchanged', { timeout: 60_000 }, async () => {
    const html = explorerHtml(data, { lang: 'en', view, page: false, plotly: null, id: 'dv-explorer-test', staticFigure: 'spec' });
    const nb = { cells: [{ cell_type: 'code', source: [], metadata: {}, outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': html } }] }], metadata: {}, nbformat: 4, nbformat_minor: 5 } as unknown as NotebookJson;
    expect(findExplorerOutputs(nb)).toHaveLength(1);
    expect(findExplorerOutputs(nb)[0].spec).toEqual(explorerViewFigure(data, view, 'en'));
    const result = await addStaticFigures([nb]);
    expect(result).toMatchObject({ figures: 1, skipped: null });
    const after = (nb.cells[0].outputs![0].data as Record<string, string>)['text/html'];
    expect(findExplorerOutputs(nb)).toHaveLength(0);
    const img = /<img alt="" width="(\d+)" height="(\d+)" style="max-width:100%;height:auto" src="data:image\/svg\+xml;base64,([^"]+)">/.exec(after)!;
    const svg = Buffer.from(img[3], 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg/);
    // the panel titles and the groups of the view, drawn
    expect(svg).toContain('Estimated impact');
    expect(svg).toContain('Apeliotes');
    expect(svg).not.toContain('>Meses<');
    // only the spec's script was replaced, inside the static part
    const [before, rest] = html.split(findExplorerOutputs({ cells: [{ outputs: [{ data: { 'text/html': html } }] }] } as unknown as NotebookJson)[0].script);
    expect(after.startsWith(before + img[0])).toBe(true);
    expect(after.endsWith(rest)).toBe(true);
    expect(before).toContain('class="dv-explorer-static"');
  });
});
