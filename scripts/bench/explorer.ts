/**
 * The explorer's bench (`npm run bench -- --only explorer`, and part of every
 * run): in headless Chromium, the time from a control change (the ordering
 * variable, so every panel's statistics are computed again) to the redrawn
 * figure, one animation frame included, at 10 groups (the default data), 40
 * and 2,000 (generated studies, lib/data/generateStudy), median of several
 * changes; beside it the floor of the same run: plotly.js drawing the same
 * figure (Plotly.newPlot of the drawn data and layout in a fresh element,
 * one frame included), so the ratio is the explorer's own cost on top of
 * drawing; and the time to plotly having drawn (the event's figureMs: the
 * rest is waiting for the worker's statistics and filling them in).
 * EXPLORER_CHANGES=n times n changes instead of 9 (at most one per scale,
 * 16 for the report's instrument; the medians of a loaded machine need more). Goals (issue 14): < 100 ms at 40 groups, < 300 ms at 2,000. Also
 * the page weight: the page, its data and the inlined plotly.js.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explorerData, explorerDataOf } from '../../lib/explorer/explorerData';
import { explorerHtml } from '../../lib/explorer/explorerHtml';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument } from '../../lib/io/instrument';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { readNetworksCsvText } from '../../lib/io/readNetworksCsv';
import { readSurveyCsvText } from '../../lib/io/readSurveyCsv';
import { reportStudyDefinition } from '../../lib/io/studyDefinition';
import { CHROMIUM_ARGS, findChromium } from '../../lib/render/browser';
import { plotlyBundleText } from '../../lib/render/plotlyBundle';
import type { ExplorerData } from '../../lib/explorer/types';
import type { SurveyRow } from '../../lib/analysis/scaleScores';

/** Changes the ordering control to each id in turn; times each redraw and plotly's own drawing of the same figure. */
const IN_PAGE = `async function (ids) {
  var frame = function () { return new Promise(function (r) { requestAnimationFrame(function () { r(); }); }); };
  var root = document.getElementById('dv-explorer'), sel = document.getElementById('dv-explorer-order');
  var change = [], figure = [], floor = [];
  for (var k = 1; k < ids.length; k++) {
    var t0 = performance.now();
    await new Promise(function (resolve) {
      root.addEventListener('dv-explorer-drawn', function (e) { figure.push(e.detail.figureMs); resolve(); }, { once: true });
      sel.value = ids[k];
      sel.dispatchEvent(new Event('change'));
    });
    await frame();
    change.push(performance.now() - t0);
    var fig = document.getElementById('dv-explorer-figure');
    var spec = JSON.parse(JSON.stringify({ data: fig.data, layout: fig.layout }));
    var el = document.createElement('div');
    document.body.appendChild(el);
    var t1 = performance.now();
    await Plotly.newPlot(el, spec.data, spec.layout, { responsive: false, displaylogo: false });
    await frame();
    floor.push(performance.now() - t1);
    Plotly.purge(el);
    el.remove();
  }
  return { change: change, figure: figure, floor: floor };
}`;

export interface ExplorerBenchRow {
  groups: number;
  /** Median ms from a change of the ordering control to the redrawn figure with its numbers (one frame included). */
  changeMs: number;
  /** Median ms from the change to plotly having drawn the figure (its numbers may still be computing; no frame). */
  figureMs: number;
  /** Median ms of plotly drawing the same figure in a fresh element (the floor). */
  floorMs: number;
  /** changeMs / floorMs. */
  ratio: number;
  /** Bytes of the page, of its data (JSON) and of the inlined plotly.js. */
  pageBytes: number;
  dataBytes: number;
  plotlyBytes: number;
  /** The goal of issue 14 at this size (ms), or null. */
  goalMs: number | null;
}

function generated(groups: number): ExplorerData {
  const instrument = readInstrument();
  const files = generateStudy(instrument, { groups, respondents: [8, 60] });
  const networks = readNetworksCsvText(files['networks.csv']);
  const survey = readSurveyCsvText(files['survey.csv'], { instrument, networks: networks.table.array('network') as string[] });
  return explorerData({ survey: survey.table.objects() as SurveyRow[], networks: networks.table.objects() as SurveyRow[], instrument, definition: reportStudyDefinition(), synthetic: true });
}

export async function benchExplorer(changes = Number(process.env.EXPLORER_CHANGES) || 9): Promise<ExplorerBenchRow[]> {
  const executablePath = findChromium();
  const { chromium } = await import('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delicate-bench-explorer-'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const rows: ExplorerBenchRow[] = [];
  try {
    for (const groups of [10, 40, 2000]) {
      const data = groups === 10 ? explorerDataOf(loadStudyData()) : generated(groups);
      const html = explorerHtml(data, { lang: 'nl' });
      const file = path.join(dir, `explorer-${groups}.html`);
      fs.writeFileSync(file, html);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`file://${file}`);
      await page.waitForSelector('#dv-explorer[data-drawn="1"]', { timeout: 60_000 });
      // order by each scale in turn (not the saved view's own): every change recomputes every panel's statistics (at most one round of the scales: after it the cache would hold them)
      const scales = data.variables.filter((v) => v.source === 'construct' || v.source === 'boundary').map((v) => v.id);
      const order = scales.slice(0, Math.min(changes, scales.length - 1) + 1);
      // plain JavaScript text: tsx would wrap a TypeScript function's inner functions in __name(), which the page lacks
      const times = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(order)})`)) as { change: number[]; figure: number[]; floor: number[] };
      await page.close();
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const changeMs = median(times.change);
      const floorMs = median(times.floor);
      const figureMs = median(times.figure);
      rows.push({
        groups,
        changeMs,
        figureMs,
        floorMs,
        ratio: changeMs / floorMs,
        pageBytes: Buffer.byteLength(html),
        dataBytes: Buffer.byteLength(JSON.stringify(data)),
        plotlyBytes: Buffer.byteLength(plotlyBundleText('cartesian')),
        goalMs: groups === 40 ? 100 : groups === 2000 ? 300 : null,
      });
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function printExplorerBench(rows: readonly ExplorerBenchRow[]): void {
  for (const r of rows) {
    console.log(
      `explorer at ${String(r.groups).padStart(4)} groups: control change -> redrawn figure ${r.changeMs.toFixed(0)} ms` +
        (r.goalMs === null ? '' : ` (goal < ${r.goalMs} ms: ${r.changeMs < r.goalMs ? 'met' : 'NOT met'})`) +
        `, of which plotly done after ${r.figureMs.toFixed(0)} ms` +
        `; plotly drawing the same figure ${r.floorMs.toFixed(0)} ms (${r.ratio.toFixed(2)}x); page ${(r.pageBytes / 1e6).toFixed(2)} MB = data ${(r.dataBytes / 1e6).toFixed(2)} MB + plotly.js ${(r.plotlyBytes / 1e6).toFixed(2)} MB + the rest`,
    );
  }
}
