/**
 * Renders figure specs to SVG and PNG in one headless Chromium session
 * (the system's /usr/bin/chromium, driven over the DevTools protocol:
 * chromium.ts). plotly.js is loaded from
 * node_modules (its cartesian bundle, or the full one for a figure that needs
 * it: see plotlyBundle.ts) into blank pages (DV_FIGURE_PAGES of them, default one per
 * core, each its own renderer process, drawing at the same time); nothing is
 * fetched from the network (every request the pages make is refused). Each figure is drawn
 * once, the way Plotly.toImage draws it, at the spec's own width and height,
 * with Math.random seeded and plotly's text-size cache emptied afresh for
 * every figure; the SVG and the PNG (that SVG rasterised at a fixed scale, as
 * toImage does) both come from that one drawing. So the same spec gives the
 * same files whatever was drawn before it, in which page or session: byte for
 * byte what Plotly.toImage gives in a fresh page (SVG, and PNG at that scale).
 *
 * This is the only module of lib/figures that does I/O; the builders stay pure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import { Chromium, ChromiumError } from './chromium';
import { plotlyBundleForPages, plotlyBundleKind, type PlotlyBundleKind } from './plotlyBundle';
import { axis, axisTitle, baseLayout, font, THEME } from '../figures/theme';
import type { FigureSpec, NamedFigure } from '../figures/types';

export type ImageFormat = 'svg' | 'png';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium flags: headless, no sandbox (containers, root), nothing phoned
 * home, colours in sRGB whatever the machine's profile (the PNG's pixels depend
 * on it; playwright sets the same), no field trials (the same features on
 * every run), and pages that keep full speed while not in front.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--force-color-profile=srgb',
  '--disable-field-trial-config',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

export interface RenderOptions {
  /** Formats to render (default both, svg and png). */
  formats?: readonly ImageFormat[];
  /** Pixel ratio of the PNG (default 2: a 820 px wide figure gives a 1640 px PNG). */
  scale?: number;
  /** Chromium binary (default $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  /** Pages (renderer processes) drawing at the same time (default figurePages(): $DV_FIGURE_PAGES, else one per core, at most 4). */
  pages?: number;
  /** Called after each figure, e.g. to print a progress line. */
  onProgress?: (p: RenderProgress) => void;
  /** Called with each rendered figure before onProgress; returns the files it wrote (exportFigures writes here). */
  onRendered?: (f: RenderedFigure) => string[] | void;
  /**
   * A renderer already started (FigureRenderer.launch), used instead of a
   * browser of this call's own and left open: several exports share one
   * browser start (npm run reproduce). executablePath and pages are then the renderer's.
   */
  renderer?: FigureRenderer;
}

export interface RenderProgress {
  name: string;
  /** 1-based position and count. */
  index: number;
  total: number;
  /** Milliseconds this figure took (all formats). */
  ms: number;
  /** Files written (exportFigures only). */
  files: string[];
}

export interface RenderedFigure {
  name: string;
  width: number;
  height: number;
  svg?: string;
  png?: Buffer;
  /** Milliseconds for this figure, after the browser started: all formats, and each. */
  ms: number;
  svgMs: number | null;
  pngMs: number | null;
}

export interface FigureTiming {
  name: string;
  ms: number;
  svgMs: number | null;
  pngMs: number | null;
}

export interface RenderResult {
  figures: RenderedFigure[];
  /** Milliseconds to start Chromium and load plotly.js. */
  startupMs: number;
  /** Milliseconds from then until the last figure was handed on (wall clock, all figures). */
  renderMs: number;
  /** Milliseconds in all, start to close. */
  totalMs: number;
  browserVersion: string;
  plotlyVersion: string;
}

export interface ExportOptions extends RenderOptions {
  /** Folder to write `<name>.svg` and `<name>.png` into (created if needed). */
  outDir: string;
}

export interface ExportResult {
  /** Every file written, in order. */
  files: string[];
  /** Per-figure milliseconds after browser start (what `npm run bench` prints). */
  timings: FigureTiming[];
  startupMs: number;
  /** Wall-clock milliseconds for all figures (SVG and PNG, files written) after the browser started. */
  renderMs: number;
  totalMs: number;
  browserVersion: string;
  plotlyVersion: string;
}

/** The Chromium binary to use, or a UserInputError that says how to install it. */
export function findChromium(executablePath?: string): string {
  const p = executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!fs.existsSync(p)) {
    throw new UserInputError(
      `Chromium not found at ${p}. The figures are rendered by a headless Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-liberation) or set CHROMIUM_PATH to its binary.`,
    );
  }
  return p;
}

function checkFigures(figures: readonly NamedFigure[]): void {
  if (!Array.isArray(figures) || figures.length === 0) throw new UserInputError('renderFigures: no figures given; pass a list of { name, spec }.');
  const seen = new Set<string>();
  for (const f of figures) {
    if (!f || typeof f.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(f.name)) {
      throw new UserInputError(`renderFigures: figure name ${JSON.stringify(f?.name)} is not a usable file name (letters, digits, '.', '_', '-').`);
    }
    if (seen.has(f.name)) throw new UserInputError(`renderFigures: the name "${f.name}" is used twice.`);
    seen.add(f.name);
    if (!f.spec || !Array.isArray(f.spec.data) || typeof f.spec.layout !== 'object') {
      throw new UserInputError(`renderFigures: "${f.name}" has no figure spec { data, layout }.`);
    }
  }
}

/**
 * The order in which the pages take the figures: the largest first (by
 * pixels, which the PNG's time follows, then by the size of the spec), so that
 * no page is left drawing one big figure at the end while the others idle
 * (longest-processing-time-first scheduling). Results are still handed on in
 * list order.
 */
export function drawingOrder(figures: readonly NamedFigure[]): number[] {
  const cost = figures.map((f) => {
    const { width, height } = sizeOf(f.spec);
    return { area: width * height, json: JSON.stringify(f.spec.data).length };
  });
  return figures.map((_, k) => k).sort((a, b) => cost[b].area - cost[a].area || cost[b].json - cost[a].json || a - b);
}

function sizeOf(spec: FigureSpec): { width: number; height: number } {
  const w = spec.layout.width;
  const h = spec.layout.height;
  return { width: typeof w === 'number' ? w : 900, height: typeof h === 'number' ? h : 550 };
}

/**
 * Pages (renderer processes) that draw figures at the same time:
 * $DV_FIGURE_PAGES, else one per CPU core, at most 4. (On 2 cores, 2 pages
 * export the report's figures about 1.5x faster than 1; 3 are no faster.)
 */
export function figurePages(): number {
  const n = Number(process.env.DV_FIGURE_PAGES);
  if (process.env.DV_FIGURE_PAGES !== undefined && process.env.DV_FIGURE_PAGES !== '') {
    if (!Number.isInteger(n) || n < 1 || n > 16) throw new UserInputError(`DV_FIGURE_PAGES=${JSON.stringify(process.env.DV_FIGURE_PAGES)}: expected a whole number of pages from 1 to 16.`);
    return n;
  }
  return Math.max(1, Math.min(4, os.cpus().length));
}

/** Installed in the page before plotly: a seeded Math.random that each figure resets. */
const SEED_SCRIPT = `
(function () {
  var state = 0;
  window.__dvResetRandom = function () { state = 20240401; };
  window.__dvResetRandom();
  Math.random = function () {
    state = (state + 0x6d2b79f5) | 0;
    var t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
`;

const PAGE_HTML = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>';

/**
 * Small made-up figures that every page draws before its first real one (see
 * makeLanes), built from the house theme (theme.ts) the way the figure
 * builders build theirs: a portrait-like one (horizontal bars on a base, a
 * marker per row, multi-line tick labels, a legend), a patterns-like one (four
 * panels of bars and lines, a shared colour axis and its colour bar, slanted
 * category labels, panel titles, a frame) and a heatmap with text (the
 * method figures). All use automatic margins, the title with a subtitle and
 * the synthetic-data mark, as the builders do. A page's first drawing of each
 * kind compiles plotly's code for it; this moves that to the start-up, before
 * the clock of the figures starts. The output does not depend on it: every
 * figure is drawn as in a fresh page (see plotlyBundleForPages).
 *
 * Measured in 6 alternating runs: the report's figures took 90.2 ms each
 * (median) after these, 93.0 ms after three generic plotly figures (bars,
 * lines, heatmap without the theme); the start-up took 170 ms longer. A
 * second or fourth round of the same warm-up gained nothing.
 */
export const WARM_SPECS: readonly FigureSpec[] = (() => {
  const rows = ['Gedeelde visie', 'Onderling vertrouwen', 'Affectiviteit', 'Besluitvorming'];
  const scale = { range: [1, 5], autorange: false, tickmode: 'array', tickvals: [1, 2, 3, 4, 5], ticktext: ['1<br>laag', '2', '3<br>matig', '4', '5<br>hoog'] };
  const portrait: FigureSpec = {
    data: [
      { type: 'bar', name: 'band', orientation: 'h', y: rows, x: [0.4, 0.3, 0.5, 0.2], base: [2.1, 3.2, 2.6, 3.9], marker: { color: THEME.colors.band, line: { width: 0 } }, hoverinfo: 'text', hovertext: rows },
      { type: 'scatter', name: 'gemiddelde', mode: 'markers', y: rows, x: [2.3, 3.35, 2.85, 4], marker: { symbol: 'diamond', size: 13, color: THEME.colors.mean, line: { color: THEME.colors.meanOutline, width: 2 } }, cliponaxis: false },
    ],
    layout: {
      ...baseLayout({ lang: 'nl', title: 'Figuur 0: opwarmen', synthetic: true, width: 620, height: 380, margin: { l: 180, b: 110 } }),
      xaxis: axis({ ...scale, title: axisTitle('Score (1-5)', 6) }),
      yaxis: axis({ showgrid: false, ticks: '', type: 'category', categoryorder: 'array', categoryarray: rows, autorange: 'reversed' }),
      bargap: 0.45,
      showlegend: true,
      legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.3, yanchor: 'top', font: font(12, THEME.colors.muted) },
    },
  };
  const names = ['Aa', 'Bb', 'Cc', 'Dd', 'Ee'];
  const panels = [1, 2, 3, 4];
  const ax = (k: number) => (k === 1 ? '' : String(k));
  const patterns: FigureSpec = {
    data: panels.flatMap((k) => {
      const y = names.map((_, i) => 1.5 + ((i * 7 + k * 3) % 10) / 3);
      return [
        { type: 'bar', name: `v${k}`, x: names, y, xaxis: `x${ax(k)}`, yaxis: `y${ax(k)}`, marker: { color: [10, 14, 20, 26, 33], coloraxis: 'coloraxis', line: { color: '#ffffff', width: 0.5 } }, showlegend: false },
        { type: 'scatter', name: `v${k}`, mode: 'lines+markers', x: names, y, xaxis: `x${ax(k)}`, yaxis: `y${ax(k)}`, line: { color: THEME.colors.lightBlue, width: 2.5 }, marker: { color: THEME.colors.lightBlue, size: 6 }, cliponaxis: false, showlegend: false },
      ];
    }),
    layout: (() => {
      const base = baseLayout({ lang: 'nl', title: 'Figuur 0: panelen', subtitle: 'Geordend op de eerste variabele', synthetic: true, width: 900, height: 420, margin: { r: 110, t: 140, b: 120 } });
      const layout: Record<string, unknown> = { ...base, showlegend: false, bargap: 0.2 };
      for (const k of panels) {
        const d0 = (k - 1) / 4 + (k > 1 ? 0.02 : 0);
        layout[`xaxis${ax(k)}`] = axis({ showgrid: false, tickfont: font(11), domain: [d0, k / 4 - 0.02], anchor: `y${ax(k)}`, type: 'category', categoryorder: 'array', categoryarray: names, tickangle: -60 });
        layout[`yaxis${ax(k)}`] = axis({ tickfont: font(11), anchor: `x${ax(k)}`, range: [1, 5], autorange: false, dtick: 1, ...(k === 1 ? { title: axisTitle('Score (1-5)', 4) } : {}) });
        (layout.annotations as unknown[]).push({ text: `<b>Variabele ${k}</b>`, xref: `x${ax(k)} domain`, yref: 'paper', x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom', showarrow: false, font: font(13) });
      }
      (layout.shapes as unknown[]).push({ type: 'rect', xref: 'paper', yref: 'paper', x0: -0.045, x1: 0.23, y0: -0.3, y1: 1.09, line: { color: THEME.colors.muted, width: 1.2 }, fillcolor: 'rgba(0,0,0,0)', layer: 'below' });
      layout.coloraxis = { colorscale: THEME.purples, cmin: 9, cmax: 38, colorbar: { title: { text: 'Leden', font: font(12) }, thickness: 14, len: 0.8, x: 1.01, xanchor: 'left', y: 0.5, tickfont: font(11) } };
      return layout;
    })(),
  };
  const heatmap: FigureSpec = {
    data: [{ type: 'heatmap', z: [[1, -0.5], [-0.5, 1]], x: ['u', 'v'], y: ['u', 'v'], zmin: -1, zmax: 1, xgap: 2, ygap: 2, text: [['1', '-,5'], ['-,5', '1']], texttemplate: '%{text}', colorscale: THEME.diverging, colorbar: { title: { text: 'r' } } }],
    layout: { ...baseLayout({ lang: 'nl', title: 'Figuur 0: matrix', synthetic: true, width: 420, height: 360 }), xaxis: axis({ showgrid: false }), yaxis: axis({ showgrid: false, autorange: 'reversed' }) },
  };
  return [portrait, patterns, heatmap];
})();

interface DrawArgs {
  /** The figure spec as JSON (one string crosses to the page faster than the object). */
  specJson: string;
  width: number;
  height: number;
  scale: number;
  wantSvg: boolean;
  wantPng: boolean;
}
interface DrawResult {
  svg?: string;
  /** The PNG as a Blob, read by the browser process (IO.read), never by the page. */
  png?: unknown;
  svgMs: number;
}

/**
 * Runs in the page (installed once per page as window.__dvDraw): draws the
 * figure once, exactly as Plotly.toImage does (off-screen div, staticPlot,
 * colorbar redraw, Snapshot.toSVG), and derives both outputs from that one
 * drawing: the SVG text, and the PNG by drawing that SVG on a canvas at the
 * given scale (what toImage does for 'png', in Snapshot.svgToImg).
 */
const DRAW_IN_PAGE = String(async function dvDraw(a: DrawArgs): Promise<DrawResult> {
  type El = { style: Record<string, string>; _fullLayout: { width: number; height: number } };
  type Img = { onload: unknown; onerror: unknown; src: string };
  type Canvas = {
    width: number;
    height: number;
    getContext: (t: '2d', o: unknown) => { drawImage: (i: Img, x: number, y: number, w: number, h: number) => void; clearRect: (x: number, y: number, w: number, h: number) => void };
    toBlob: (cb: (b: unknown) => void, type: string) => void;
  };
  const w = globalThis as unknown as {
    Plotly: {
      newPlot: (gd: unknown, d: unknown, l: unknown, c: unknown) => Promise<unknown>;
      purge: (gd: unknown) => void;
      Snapshot: {
        getRedrawFunc: (gd: unknown) => () => void;
        getDelay: (fl: unknown) => number;
        toSVG: (gd: unknown, format: string, scale: number) => string;
      };
    };
    __dvResetRandom: () => void;
    __dvResetBBoxes?: () => void;
    Image: new () => Img;
    __dvCanvas?: Canvas;
    document: { createElement: (t: string) => El; body: { appendChild: (e: El) => void; removeChild: (e: El) => void } };
  };
  const t0 = performance.now();
  const spec = JSON.parse(a.specJson) as FigureSpec;
  w.__dvResetRandom();
  if (w.__dvResetBBoxes) w.__dvResetBBoxes();
  const S = w.Plotly.Snapshot;
  const gd = w.document.createElement('div');
  gd.style.position = 'absolute';
  gd.style.left = '-5000px';
  w.document.body.appendChild(gd);
  const layout = Object.assign({}, spec.layout, { width: a.width, height: a.height });
  const config = { staticPlot: true, _exportedPlot: true, setBackground: false };
  await w.Plotly.newPlot(gd, spec.data, layout, config);
  S.getRedrawFunc(gd)();
  await new Promise((res) => setTimeout(res, S.getDelay(gd._fullLayout)));
  const fw = gd._fullLayout.width;
  const fh = gd._fullLayout.height;
  // toImage passes scale 1 for 'svg': width/height stay, a viewBox is added.
  const svgText = S.toSVG(gd, a.wantSvg ? 'svg' : 'png', 1);
  w.Plotly.purge(gd);
  w.document.body.removeChild(gd);
  const out: DrawResult = { svgMs: performance.now() - t0 };
  if (a.wantSvg) out.svg = svgText;
  if (a.wantPng) {
    // The 'png' drawing of toImage is the same SVG without that viewBox.
    const pngSvg = a.wantSvg ? svgText.replace(/ viewBox="0 0 [0-9.]+ [0-9.]+"/, '') : svgText;
    // What Snapshot.svgToImg does (the SVG loaded as an image, drawn on a
    // canvas at the scale), with two changes that keep the bytes: the image
    // comes from a data: URL, which the page decodes itself, instead of a blob:
    // URL, which goes to the browser process's blob store and back (4-5% less
    // time per figure, measured over 6 alternating runs); and the PNG is
    // encoded with toBlob, which is faster than toDataURL here.
    const img = new w.Image();
    await new Promise((res, rej) => {
      img.onload = res;
      img.onerror = () => rej(new Error('the SVG did not load as an image'));
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(pngSvg);
    });
    // One canvas per page, cleared, instead of a new one (13 MB at 1400 x 600,
    // scale 2) per figure.
    const cw = a.scale * fw;
    const ch = a.scale * fh;
    const canvas = w.__dvCanvas ?? (w.document.createElement('canvas') as unknown as Canvas);
    w.__dvCanvas = canvas;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (canvas.width !== cw || canvas.height !== ch) {
      canvas.width = cw;
      canvas.height = ch;
    } else {
      ctx.clearRect(0, 0, cw, ch);
    }
    ctx.drawImage(img, 0, 0, cw, ch);
    // The Blob stays in the browser's blob store; Node reads it from there
    // (IO.read), so the page neither reads it back nor base64-encodes it.
    out.png = await new Promise<unknown>((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error('the canvas gave no PNG'))), 'image/png'));
  }
  return out;
});

/** One page (its own renderer process) with plotly loaded, and its CDP session. */
interface Lane {
  sessionId: string;
  /** The plotly bundle loaded in the page: cartesian first, full once a figure needs it. */
  bundle: PlotlyBundleKind;
}

interface RemoteObject {
  type?: string;
  value?: unknown;
  objectId?: string;
  description?: string;
}

export interface FigureRendererOptions {
  /** Chromium binary (default $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  /** Pages drawing at the same time (default figurePages(): $DV_FIGURE_PAGES, else one per core, at most 4). */
  pages?: number;
  /**
   * Kill the browser on SIGINT, SIGTERM and SIGHUP, then let the signal end
   * the process as usual (default true). False keeps the process's own
   * signal handling (a notebook kernel interrupts a cell with SIGINT): the
   * browser still ends with the process, when its pipe to Node closes.
   */
  handleSignals?: boolean;
}

export interface RenderCallOptions {
  formats?: readonly ImageFormat[];
  scale?: number;
  onProgress?: (p: RenderProgress) => void;
  onRendered?: (f: RenderedFigure) => string[] | void;
}

function checkFormats(formats: readonly ImageFormat[], scale: unknown): void {
  for (const f of formats) if (f !== 'svg' && f !== 'png') throw new UserInputError(`renderFigures: unknown format ${JSON.stringify(f)}; expected "svg" or "png".`);
  if (typeof scale !== 'number' || !(scale > 0 && scale <= 8)) throw new UserInputError(`renderFigures: scale ${JSON.stringify(scale)} must be a number above 0 and at most 8.`);
}

/**
 * A headless Chromium with plotly.js loaded in a few pages, that renders
 * figures on request until closed. `renderFigures` starts one for a list of
 * figures; `show()` keeps one per process (see sharedRenderer.ts).
 */
export class FigureRenderer {
  /** Milliseconds to start Chromium (the pages are prepared on first use). */
  readonly launchMs: number;
  readonly browserVersion: string;
  plotlyVersion = '';
  private lanes: Promise<Lane[]> | null = null;
  /** render() calls run one after the other (a page draws one figure at a time). */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly browser: Chromium,
    private readonly nPages: number,
    launchMs: number,
  ) {
    this.launchMs = launchMs;
    this.browserVersion = browser.version;
    // Nothing from the network: every request a page makes is refused (plotly
    // comes from node_modules, see makeLanes; blob: and data: URLs are not
    // requests). Pages ask for this with Fetch.enable.
    browser.on('Fetch.requestPaused', (params, sessionId) => {
      browser.send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'BlockedByClient' }, sessionId).catch(() => undefined);
    });
  }

  /** Starts Chromium (not yet any page). */
  static async launch(options: FigureRendererOptions = {}): Promise<FigureRenderer> {
    const executablePath = findChromium(options.executablePath);
    const t0 = performance.now();
    const browser = await Chromium.launch({ executablePath, args: CHROMIUM_ARGS, handleSignals: options.handleSignals ?? true });
    const pages = Math.max(1, Math.floor(options.pages ?? figurePages()));
    return new FigureRenderer(browser, pages, performance.now() - t0);
  }

  get isClosed(): boolean {
    return this.closed || !this.browser.isConnected;
  }

  /** The Chromium child process, so a caller can let Node exit while the browser idles (see sharedRenderer.ts). */
  childProcess(): import('node:child_process').ChildProcess {
    return this.browser.process;
  }

  /** Prepares the pages (once): plotly loaded, warmed up. */
  async prepare(): Promise<void> {
    await this.lanesFor();
  }

  private lanesFor(): Promise<Lane[]> {
    if (!this.lanes) {
      const p = this.makeLanes();
      this.lanes = p;
      p.catch(() => {
        if (this.lanes === p) this.lanes = null;
      });
    }
    return this.lanes;
  }

  /** Evaluates a script in a page; an exception there becomes an Error with its message. */
  private async evaluate(lane: Lane, expression: string, options: { awaitPromise?: boolean; returnByValue?: boolean; objectGroup?: string } = {}): Promise<RemoteObject> {
    const r = await this.browser.send('Runtime.evaluate', { expression, returnByValue: options.returnByValue ?? true, awaitPromise: options.awaitPromise ?? false, ...(options.objectGroup ? { objectGroup: options.objectGroup } : {}) }, lane.sessionId);
    const ex = r.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
    if (ex) throw new ChromiumError(`in the page: ${ex.exception?.description ?? ex.text ?? 'an exception'}`);
    return r.result as RemoteObject;
  }

  /** Runs a script's text in the page as a classic <script> element (as addScriptTag does). */
  private async addScript(lane: Lane, text: string): Promise<void> {
    await this.evaluate(lane, `(() => { const s = document.createElement('script'); s.textContent = ${JSON.stringify(text)}; document.head.appendChild(s); s.remove(); })()`);
  }

  private async makeLanes(): Promise<Lane[]> {
    const { browserContextId } = await this.browser.send('Target.createBrowserContext', { disposeOnDetach: true });
    const bundle = plotlyBundleForPages('cartesian').text;
    return Promise.all(
      Array.from({ length: this.nPages }, async () => {
        // The pages are tabs of one window. (A window per page costs more:
        // each window's own browser UI, an omnibox page in a renderer of its
        // own, kept a third process busy while figures were drawn; measured
        // 3 renderers at 62-71 ms CPU per figure against 2 at 61-66.)
        const { targetId } = await this.browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
        const { sessionId } = await this.browser.send('Target.attachToTarget', { targetId, flatten: true });
        const lane: Lane = { sessionId: String(sessionId), bundle: 'cartesian' };
        await this.browser.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, lane.sessionId);
        // Only the front tab of a window is visible; with focus emulation
        // (playwright sets it too) every page counts as focused and visible,
        // so none is throttled as a background tab.
        await this.browser.send('Emulation.setFocusEmulationEnabled', { enabled: true }, lane.sessionId);
        await this.evaluate(lane, `document.open(); document.write(${JSON.stringify(PAGE_HTML)}); document.close();`);
        await this.addScript(lane, SEED_SCRIPT);
        await this.addScript(lane, bundle);
        await this.addScript(lane, `window.__dvDraw = ${DRAW_IN_PAGE};`);
        const loaded = await this.evaluate(lane, 'typeof Plotly === "object" && typeof window.__dvDraw === "function" && Plotly.version');
        if (typeof loaded.value !== 'string') throw new ChromiumError('plotly.js did not load in the page');
        this.plotlyVersion = loaded.value;
        // Warm-up: plotly's code for each kind of drawing, the PNG encoder (see WARM_SPECS).
        for (const spec of WARM_SPECS) await this.drawOne(lane, spec, 2, true, true);
        return lane;
      }),
    );
  }

  /** Draws one figure in a page: SVG text and PNG bytes. */
  private async drawOne(lane: Lane, spec: FigureSpec, scale: number, wantSvg: boolean, wantPng: boolean): Promise<{ svg?: string; png?: Buffer; svgMs: number }> {
    if (lane.bundle !== 'full' && plotlyBundleKind(spec) === 'full') {
      // A trace type the cartesian bundle lacks: the full bundle replaces it in this page (once).
      await this.addScript(lane, plotlyBundleForPages('full').text);
      lane.bundle = 'full';
    }
    const { width, height } = sizeOf(spec);
    const args: DrawArgs = { specJson: JSON.stringify(spec), width, height, scale, wantSvg, wantPng };
    const call = `window.__dvDraw(${JSON.stringify(args)})`;
    if (!wantPng) {
      const r = (await this.evaluate(lane, call, { awaitPromise: true })).value as DrawResult;
      return { svg: r.svg, svgMs: r.svgMs };
    }
    // The result stays in the page (by reference); its PNG Blob is read by the browser process.
    const group = 'dv-figure';
    try {
      const ref = await this.evaluate(lane, call, { awaitPromise: true, returnByValue: false, objectGroup: group });
      const props = (await this.browser.send('Runtime.getProperties', { objectId: ref.objectId, ownProperties: true }, lane.sessionId)).result as { name: string; value?: RemoteObject }[];
      const prop = (name: string) => props.find((p) => p.name === name)?.value;
      const { uuid } = await this.browser.send('IO.resolveBlob', { objectId: prop('png')?.objectId }, lane.sessionId);
      const parts: Buffer[] = [];
      for (;;) {
        const chunk = await this.browser.send('IO.read', { handle: `blob:${String(uuid)}`, size: 1 << 26 }, lane.sessionId);
        parts.push(Buffer.from(String(chunk.data), chunk.base64Encoded ? 'base64' : 'utf8'));
        if (chunk.eof) break;
      }
      return { svg: prop('svg')?.value as string | undefined, png: parts.length === 1 ? parts[0] : Buffer.concat(parts), svgMs: Number(prop('svgMs')?.value) };
    } finally {
      // Frees the page's result and its Blob; the next command waits for nothing.
      this.browser.send('Runtime.releaseObjectGroup', { objectGroup: group }, lane.sessionId).catch(() => undefined);
    }
  }

  /**
   * Renders the figures (SVG text, PNG bytes) with per-figure timings; several
   * pages draw at once, results are handed on (onRendered, onProgress) and
   * returned in list order.
   */
  async render(figures: readonly NamedFigure[], options: RenderCallOptions = {}): Promise<RenderedFigure[]> {
    checkFigures(figures);
    const formats = options.formats ?? ['svg', 'png'];
    const scale = options.scale ?? 2;
    checkFormats(formats, scale);
    const run = this.queue.then(() => this.renderNow(figures, formats, scale, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(figures: readonly NamedFigure[], formats: readonly ImageFormat[], scale: number, options: RenderCallOptions): Promise<RenderedFigure[]> {
    if (this.isClosed) throw new Error('FigureRenderer: the browser is closed.');
    const lanes = await this.lanesFor();
    const wantSvg = formats.includes('svg');
    const wantPng = formats.includes('png');
    const out: RenderedFigure[] = [];
    const done: (RenderedFigure | undefined)[] = new Array(figures.length);
    let next = 0;
    let emitted = 0;
    const emit = () => {
      while (emitted < figures.length && done[emitted]) {
        const r = done[emitted]!;
        out.push(r);
        emitted++;
        const files = options.onRendered?.(r) ?? [];
        options.onProgress?.({ name: r.name, index: emitted, total: figures.length, ms: r.ms, files });
      }
    };
    let failed = false;
    const order = drawingOrder(figures);
    const worker = async (lane: Lane) => {
      while (next < figures.length && !failed) {
        const k = order[next++];
        const { name, spec } = figures[k];
        const { width, height } = sizeOf(spec);
        const started = performance.now();
        try {
          const res = await this.drawOne(lane, spec, scale, wantSvg, wantPng);
          const ms = performance.now() - started;
          done[k] = { name, width, height, svg: res.svg, png: res.png, ms, svgMs: wantSvg ? res.svgMs : null, pngMs: wantPng ? ms - (wantSvg ? res.svgMs : 0) : null };
        } catch (e) {
          failed = true;
          if (!(e instanceof ChromiumError)) throw e;
          // A page that crashed (or a browser that died) does not come back:
          // this renderer is closed, and a shared one is started afresh.
          if (this.browser.isGone(lane.sessionId)) void this.close();
          throw new ChromiumError(`figure "${name}": ${e.message}`);
        }
        emit();
      }
    };
    const nLanes = Math.min(lanes.length, figures.length);
    await Promise.all(lanes.slice(0, nLanes).map(worker));
    return out;
  }

  /** Closes the browser (idempotent). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.browser.close().catch(() => undefined);
  }
}

/**
 * Renders every figure in one browser session and returns the images in
 * memory (SVG text, PNG bytes) with per-figure timings.
 */
export async function renderFigures(figures: readonly NamedFigure[], options: RenderOptions = {}): Promise<RenderResult> {
  checkFigures(figures);
  const formats = options.formats ?? ['svg', 'png'];
  const scale = options.scale ?? 2;
  checkFormats(formats, scale);
  const t0 = performance.now();
  const given = options.renderer;
  const renderer = given ?? (await FigureRenderer.launch({ executablePath: options.executablePath, pages: options.pages }));
  try {
    // Pages are prepared before the clock of the figures starts.
    await renderer.prepare();
    const startupMs = performance.now() - t0;
    const out = await renderer.render(figures, { formats, scale, onRendered: options.onRendered, onProgress: options.onProgress });
    const renderMs = performance.now() - t0 - startupMs;
    return { figures: out, startupMs, renderMs, totalMs: performance.now() - t0, browserVersion: renderer.browserVersion, plotlyVersion: renderer.plotlyVersion };
  } finally {
    if (!given) await renderer.close();
  }
}

/**
 * Renders every figure in one browser session and writes `<outDir>/<name>.svg`
 * and `.png`. Returns the files and per-figure timings.
 *
 * @example
 *   const result = await exportFigures(reportFigures(data).figures, { outDir: 'out/figures',
 *     onProgress: (p) => console.log(`[${p.index}/${p.total}] ${p.name} ${p.ms.toFixed(0)} ms`) });
 */
export async function exportFigures(figures: readonly NamedFigure[], options: ExportOptions): Promise<ExportResult> {
  if (!options || typeof options.outDir !== 'string' || options.outDir === '') throw new UserInputError('exportFigures: options.outDir (the folder to write into) is required.');
  const outDir = options.outDir;
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new UserInputError(`exportFigures: cannot create the folder ${outDir} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  const files: string[] = [];
  const result = await renderFigures(figures, {
    ...options,
    // Each figure is written as soon as it is rendered, so progress lines come one by one.
    onRendered: (f) => {
      const written: string[] = [];
      if (f.svg !== undefined) {
        const file = path.join(outDir, `${f.name}.svg`);
        fs.writeFileSync(file, f.svg);
        written.push(file);
      }
      if (f.png !== undefined) {
        const file = path.join(outDir, `${f.name}.png`);
        fs.writeFileSync(file, f.png);
        written.push(file);
      }
      files.push(...written);
      return written;
    },
  });
  return {
    files,
    timings: result.figures.map((f) => ({ name: f.name, ms: f.ms, svgMs: f.svgMs, pngMs: f.pngMs })),
    startupMs: result.startupMs,
    renderMs: result.renderMs,
    totalMs: result.totalMs,
    browserVersion: result.browserVersion,
    plotlyVersion: result.plotlyVersion,
  };
}
