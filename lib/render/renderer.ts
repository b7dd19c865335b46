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
 * The builders of lib/figures stay pure; everything that draws lives in lib/render.
 */
import { UserInputError } from '../util/errors';
import type { FigureSpec, NamedFigure } from '../figures/types';
import { CHROMIUM_ARGS, figurePages, findChromium } from './browser';
import { Chromium, ChromiumError } from './chromium';
import { DRAW_IN_PAGE, PAGE_HTML, SEED_SCRIPT, type DrawArgs, type DrawResult } from './pageScript';
import { plotlyBundleForPages, plotlyBundleKind, type PlotlyBundleKind } from './plotlyBundle';
import { drawingOrder, sizeOf } from './schedule';
import { WARM_SPECS } from './warmup';

export type ImageFormat = 'svg' | 'png';

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
        // The pages are tabs of one window: a window per page starts an
        // omnibox page in a renderer of its own, a third process kept busy
        // while figures are drawn (docs/benchmarks.md).
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
