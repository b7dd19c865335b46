/**
 * Renders figure specs to SVG and PNG in one headless Chromium session
 * (playwright-core, the system's /usr/bin/chromium). plotly.js is loaded from
 * node_modules into a blank page; nothing is fetched from the network (every
 * request the page makes is refused). Each figure is drawn once, the way
 * Plotly.toImage draws it, at the spec's own width and height, with Math.random
 * seeded afresh for every figure; the SVG and the PNG (that SVG rasterised at a
 * fixed scale) both come from that one drawing, so the same spec gives the same
 * files (byte for byte the files two separate toImage calls give).
 *
 * This is the only module of lib/figures that does I/O; the builders stay pure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import type { FigureSpec, NamedFigure } from './types';

export type ImageFormat = 'svg' | 'png';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Chromium flags: headless, no sandbox (containers, root), nothing phoned home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RenderOptions {
  /** Formats to render (default both, svg and png). */
  formats?: readonly ImageFormat[];
  /** Pixel ratio of the PNG (default 2: a 820 px wide figure gives a 1640 px PNG). */
  scale?: number;
  /** Chromium binary (default $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  /** Called after each figure, e.g. to print a progress line. */
  onProgress?: (p: RenderProgress) => void;
  /** Called with each rendered figure before onProgress; returns the files it wrote (exportFigures writes here). */
  onRendered?: (f: RenderedFigure) => string[] | void;
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
  totalMs: number;
  browserVersion: string;
  plotlyVersion: string;
}

/** Where plotly.js-dist-min's bundle is (node_modules). */
export function plotlyBundlePath(): string {
  return require.resolve('plotly.js-dist-min');
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

function sizeOf(spec: FigureSpec): { width: number; height: number } {
  const w = spec.layout.width;
  const h = spec.layout.height;
  return { width: typeof w === 'number' ? w : 900, height: typeof h === 'number' ? h : 550 };
}

/** Pages (renderers) that draw figures at the same time. */
const PAGES = Math.max(1, Number(process.env.DV_FIGURE_PAGES) || 1);

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

interface PageRenderArgs {
  spec: FigureSpec;
  width: number;
  height: number;
  scale: number;
  wantSvg: boolean;
  wantPng: boolean;
}
interface PageRenderResult {
  svg?: string;
  png?: string;
  svgMs: number;
}

/**
 * Runs in the page: draws the figure once, exactly as Plotly.toImage does
 * (off-screen div, staticPlot, colorbar redraw, Snapshot.toSVG), and derives
 * both outputs from that one drawing: the SVG text, and the PNG by drawing
 * that SVG on a canvas at the given scale (what toImage does for 'png').
 */
type PageEl = { style: Record<string, string> };
const RENDER_IN_PAGE = async ({ spec, width, height, scale, wantSvg, wantPng }: PageRenderArgs): Promise<PageRenderResult> => {
  type Snap = {
    getRedrawFunc: (gd: unknown) => () => void;
    getDelay: (fl: unknown) => number;
    toSVG: (gd: unknown, format: string, scale: number) => string;
    svgToImg: (o: unknown) => Promise<string>;
  };
  const w = globalThis as unknown as {
    Plotly: { newPlot: (gd: unknown, d: unknown, l: unknown, c: unknown) => Promise<unknown>; purge: (gd: unknown) => void; Snapshot: Snap };
    __dvResetRandom: () => void;
    document: { createElement: (t: string) => PageEl; body: { appendChild: (e: PageEl) => void; removeChild: (e: PageEl) => void } };
  };
  const t0 = performance.now();
  w.__dvResetRandom();
  const S = w.Plotly.Snapshot;
  const gd = w.document.createElement('div') as PageEl & { _fullLayout: { width: number; height: number } };
  gd.style.position = 'absolute';
  gd.style.left = '-5000px';
  w.document.body.appendChild(gd);
  const layout = { ...spec.layout, width, height };
  const config = { staticPlot: true, _exportedPlot: true, setBackground: false };
  await w.Plotly.newPlot(gd, spec.data, layout, config);
  S.getRedrawFunc(gd)();
  await new Promise((res) => setTimeout(res, S.getDelay(gd._fullLayout)));
  const fw = gd._fullLayout.width;
  const fh = gd._fullLayout.height;
  // toImage passes scale 1 for 'svg': width/height stay, a viewBox is added.
  const svgText = S.toSVG(gd, wantSvg ? 'svg' : 'png', 1);
  w.Plotly.purge(gd);
  w.document.body.removeChild(gd);
  const t2 = performance.now();
  const out: PageRenderResult = { svgMs: t2 - t0 };
  if (wantSvg) out.svg = svgText;
  if (wantPng) {
    // The 'png' drawing of toImage is the same SVG without that viewBox.
    const pngSvg = wantSvg ? svgText.replace(/ viewBox="0 0 [0-9.]+ [0-9.]+"/, '') : svgText;
    const canvas = w.document.createElement('canvas');
    const url = await S.svgToImg({ format: 'png', width: fw, height: fh, scale, canvas, svg: pngSvg, promise: true });
    out.png = url.slice(url.indexOf(',') + 1);
  }
  return out;
};

/**
 * Renders every figure in one browser session and returns the images in
 * memory (SVG text, PNG bytes) with per-figure timings.
 */
export async function renderFigures(figures: readonly NamedFigure[], options: RenderOptions = {}): Promise<RenderResult> {
  checkFigures(figures);
  const formats = options.formats ?? ['svg', 'png'];
  for (const f of formats) if (f !== 'svg' && f !== 'png') throw new UserInputError(`renderFigures: unknown format ${JSON.stringify(f)}; expected "svg" or "png".`);
  const scale = options.scale ?? 2;
  if (typeof scale !== 'number' || !(scale > 0 && scale <= 8)) throw new UserInputError(`renderFigures: scale ${JSON.stringify(scale)} must be a number above 0 and at most 8.`);
  const executablePath = findChromium(options.executablePath);
  const t0 = performance.now();
  // Loaded lazily: the builders and their tests never need a browser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-figures-'));
  const context = await chromium.launchPersistentContext(userDir, { executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    // Nothing from the network: every request is refused (plotly comes from node_modules below).
    await context.route('**/*', (route) => route.abort());
    const nPages = Math.max(1, Math.min(PAGES, figures.length));
    const first = context.pages()[0] ?? (await context.newPage());
    const pages = [first];
    while (pages.length < nPages) pages.push(await context.newPage());
    const warmSpec = JSON.parse(JSON.stringify(figures[0].spec)) as FigureSpec;
    const warmSize = sizeOf(figures[0].spec);
    const wantSvg = formats.includes('svg');
    const wantPng = formats.includes('png');
    await Promise.all(
      pages.map(async (page) => {
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
        await page.addScriptTag({ content: SEED_SCRIPT });
        await page.addScriptTag({ path: plotlyBundlePath() });
        // Warm-up: plotly's first drawing in a page differs in small ways (attribute
        // order) from later ones, so one throw-away drawing makes every figure's
        // output independent of its place in the list (and of the page it is drawn
        // in). A second one through the real path warms the JIT and the PNG encoder.
        await page.evaluate(async (spec) => {
          const w = globalThis as unknown as { Plotly: { toImage: (fig: unknown, opts: unknown) => Promise<string> } };
          await w.Plotly.toImage({ data: spec.data, layout: spec.layout }, { format: 'svg', width: 400, height: 300 });
        }, warmSpec);
        await page.evaluate(RENDER_IN_PAGE, { spec: warmSpec, ...warmSize, scale, wantSvg, wantPng });
      }),
    );
    const plotlyVersion = await first.evaluate(() => (globalThis as unknown as { Plotly: { version: string } }).Plotly.version);
    const browserVersion = context.browser()?.version() ?? 'chromium';
    const startupMs = performance.now() - t0;

    // Figures are drawn in several pages at once (each page its own renderer);
    // results are handed on (onRendered, onProgress) in list order.
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
    const worker = async (page: (typeof pages)[number]) => {
      while (next < figures.length) {
        const k = next++;
        const { name, spec } = figures[k];
        const { width, height } = sizeOf(spec);
        const started = performance.now();
        const r: RenderedFigure = { name, width, height, ms: 0, svgMs: null, pngMs: null };
        const res = await page.evaluate(RENDER_IN_PAGE, { spec: JSON.parse(JSON.stringify(spec)) as FigureSpec, width, height, scale, wantSvg, wantPng });
        if (wantSvg) {
          r.svg = res.svg!;
          r.svgMs = res.svgMs;
        }
        if (wantPng) {
          r.png = Buffer.from(res.png!, 'base64');
          r.pngMs = performance.now() - started - (wantSvg ? res.svgMs : 0);
        }
        r.ms = performance.now() - started;
        done[k] = r;
        emit();
      }
    };
    await Promise.all(pages.map(worker));
    return { figures: out, startupMs, totalMs: performance.now() - t0, browserVersion, plotlyVersion };
  } finally {
    await context.close().catch(() => undefined);
    fs.rmSync(userDir, { recursive: true, force: true });
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
    totalMs: result.totalMs,
    browserVersion: result.browserVersion,
    plotlyVersion: result.plotlyVersion,
  };
}
