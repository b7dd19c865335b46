/**
 * `show(spec)` for the tslab notebook kernel: the figure as interactive
 * plotly.js in the notebook, with a static image for front ends that run no
 * scripts (nbconvert without JavaScript, GitHub's notebook view).
 *
 * plotly.js comes from node_modules, never from a CDN: the first figure of a
 * kernel session inlines the bundle in its output (the cartesian bundle, 1.5
 * MB, which draws every figure of this project; the full one, 4.8 MB, for a
 * figure with other trace types: see plotlyBundle.ts), the later ones use the
 * `window.Plotly` it defined. After a kernel restart the next figure inlines
 * it again. If the first figure's output is cleared, later figures show their
 * static image and say so.
 *
 * The HTML is built by the pure `figureHtml`, so it can be tested (and saved)
 * without a kernel.
 */
import { UserInputError } from '../util/errors';
import { findChromium } from './browser';
import { bundleMark, plotlyBundleKind, plotlyBundleText, type PlotlyBundleKind } from './plotlyBundle';
import { staticFiguresEnabled, withSharedRenderer } from './sharedRenderer';
import type { FigureSpec } from '../figures/types';
import { escapeHtml } from '../util/html';

export interface FigureHtmlOptions {
  /** The id of the figure's div (unique in the notebook). */
  id: string;
  /** The plotly.js bundle to inline (its kind and text), or null when an earlier output already defined window.Plotly. */
  bundle?: { kind: PlotlyBundleKind; text: string } | null;
  /** A static rendering shown until (and unless) the script draws the interactive figure. */
  fallback?: { format: 'svg'; svg: string } | { format: 'png'; png: Uint8Array } | null;
  /** Without a fallback image: the text shown until (and unless) the script draws the figure (default, in English: "<title> (interactive figure: it needs JavaScript and plotly.js)"). */
  placeholder?: string;
  /** plotly config (default: responsive, no plotly logo). */
  config?: Record<string, unknown>;
}

/** Height of the strip above a figure that holds plotly's mode bar (its buttons are about 24 px). */
const MODEBAR_STRIP_PX = 28;

/** JSON that is safe inside <script>: no "</script>", no "<!--". */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Plain text of the spec's title (for alt texts). */
function titleText(spec: FigureSpec): string {
  const t = spec.layout.title as { text?: string } | string | undefined;
  const s = typeof t === 'string' ? t : t?.text ?? 'figure';
  return s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A static image as HTML (an <img> with the SVG or PNG as a data: URL, no
 * wider than its column): a figure's fallback, and the explorer's first view.
 * `alt` is HTML-escaped already.
 */
export function fallbackImageHtml(fb: NonNullable<FigureHtmlOptions['fallback']>, alt: string, width: number, height: number): string {
  return `<img alt="${alt}" width="${width}" height="${height}" style="max-width:100%;height:auto" src="data:${fb.format === 'svg' ? 'image/svg+xml' : 'image/png'};base64,${fb.format === 'svg' ? Buffer.from(fb.svg, 'utf8').toString('base64') : Buffer.from(fb.png).toString('base64')}">`;
}

/**
 * The HTML of one notebook output: a div holding the static image, the bundle
 * (when given), and a script that replaces the image by the interactive plot.
 */
export function figureHtml(spec: FigureSpec, options: FigureHtmlOptions): string {
  if (!spec || !Array.isArray(spec.data) || typeof spec.layout !== 'object') throw new UserInputError('figureHtml: expected a figure spec { data, layout } from one of the figure builders.');
  if (typeof options?.id !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(options.id)) throw new UserInputError(`figureHtml: id ${JSON.stringify(options?.id)} must start with a letter and hold only letters, digits, '_' and '-'.`);
  const id = options.id;
  const width = typeof spec.layout.width === 'number' ? spec.layout.width : 900;
  const height = typeof spec.layout.height === 'number' ? spec.layout.height : 550;
  const alt = escapeHtml(titleText(spec));
  const fb = options.fallback ?? null;
  const staticPart =
    fb === null
      ? `<p style="font-family:sans-serif;color:#5b6270">${options.placeholder !== undefined ? escapeHtml(options.placeholder) : `${alt} (interactive figure: it needs JavaScript and plotly.js)`}</p>`
      : fallbackImageHtml(fb, alt, width, height);
  // plotly's toolbar (mode bar) sits in a strip above the plot, not over the figure's title
  const parts = [
    `<div class="dv-figure" id="${id}" style="max-width:100%;padding-top:${MODEBAR_STRIP_PX}px"><div class="dv-figure-static">${staticPart}</div></div>`,
    `<style>#${id} .modebar-container { top: -${MODEBAR_STRIP_PX}px !important; }</style>`,
  ];
  if (options.bundle) {
    const { kind, text } = options.bundle;
    // The full bundle also replaces a cartesian one an earlier output loaded; a cartesian one never replaces anything.
    const needed = kind === 'full' ? `!window.Plotly || window.__dvPlotlyBundle !== 'full'` : '!window.Plotly';
    parts.push(
      `<script type="text/javascript">${bundleMark(kind)}, inlined once per notebook session */\nif (${needed}) {\n${text.replace(/<\/script/gi, '<\\/script')}\nwindow.__dvPlotlyBundle = ${JSON.stringify(kind)};\n}\n</script>`,
    );
  }
  const config = { responsive: true, displaylogo: false, ...(options.config ?? {}) };
  parts.push(
    `<script type="text/javascript">(function () {
  var el = document.getElementById(${JSON.stringify(id)});
  if (!el) return;
  if (!window.Plotly) {
    el.insertAdjacentHTML('beforeend', '<p style="font-family:sans-serif;color:#b03a2e">plotly.js is not loaded in this page: run the first figure cell of the notebook again.</p>');
    return;
  }
  var spec = ${scriptJson({ data: spec.data, layout: spec.layout })};
  el.innerHTML = '';
  // no wider than the column it sits in (a notebook's output area): the figure is drawn narrower, its fonts keep their size
  var column = el.parentElement ? el.parentElement.clientWidth : 0;
  var width = column > 0 && column < ${width} ? column : ${width};
  if (width < ${width}) spec.layout.width = width;
  el.style.width = width + 'px';
  window.Plotly.newPlot(el, spec.data, spec.layout, ${scriptJson(config)});
})();</script>`,
  );
  return parts.join('\n');
}

/** What `show` needs of tslab: `display.html`. */
export interface HtmlDisplay {
  html(s: string): void;
}

export interface ShowOptions {
  /**
   * Static image for front ends without JavaScript: 'svg' (default), 'png', or
   * 'none'. Needs Chromium (skipped without it) and is off with
   * DV_STATIC_FIGURES=0. One browser per process renders them all (started by
   * the first, closed when idle: see sharedRenderer.ts).
   */
  fallback?: 'svg' | 'png' | 'none';
  /** Chromium binary for the static image (default $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  /** Where to send the HTML (default tslab's `display`); for tests and other kernels. */
  display?: HtmlDisplay;
}

/** The bundles this kernel session has inlined so far. */
const bundlesSent = new Set<PlotlyBundleKind>();
let counter = 0;
const session = Date.now().toString(36);

/** Forget that the bundle was sent (the next `show` inlines it again), e.g. after clearing all outputs. */
export function resetShow(): void {
  bundlesSent.clear();
}

function tslabDisplay(): HtmlDisplay {
  try {
    // Required lazily: only the notebook kernel has tslab.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('tslab') as { display: HtmlDisplay }).display;
  } catch {
    throw new UserInputError('show() runs inside a tslab notebook kernel (npm install tslab; tslab install). Outside a notebook, export figures with exportFigures() or npm run figures.');
  }
}

/**
 * Shows a figure in a tslab notebook.
 *
 * @example
 *   import { show, portraitFigure } from '../dist/figures';
 *   await show(portraitFigure(summary, { instrument, network: 'Notos', synthetic: true }));
 */
export async function show(spec: FigureSpec, options: ShowOptions = {}): Promise<void> {
  const display = options.display ?? tslabDisplay();
  const want = options.fallback ?? 'svg';
  if (want !== 'svg' && want !== 'png' && want !== 'none') throw new UserInputError(`show: fallback ${JSON.stringify(want)}; expected "svg", "png" or "none".`);
  let fallback: FigureHtmlOptions['fallback'] = null;
  if (want !== 'none' && staticFiguresEnabled()) {
    let chromium: string | null = null;
    try {
      chromium = findChromium(options.executablePath);
    } catch {
      chromium = null; // no static image without a browser; the interactive figure still works
    }
    if (chromium) {
      const [f] = await withSharedRenderer((r) => r.render([{ name: 'figure', spec }], { formats: [want], scale: 1 }), { executablePath: chromium });
      fallback = want === 'svg' ? { format: 'svg', svg: f.svg ?? '' } : { format: 'png', png: f.png ?? new Uint8Array() };
    }
  }
  const kind = plotlyBundleKind(spec);
  const loaded = bundlesSent.has('full') || bundlesSent.has(kind);
  const bundle = loaded ? null : { kind, text: plotlyBundleText(kind) };
  const html = figureHtml(spec, { id: `dv-figure-${session}-${++counter}`, bundle, fallback });
  display.html(html);
  bundlesSent.add(kind);
}
