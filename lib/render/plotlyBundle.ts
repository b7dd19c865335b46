/**
 * Which plotly.js bundle draws a figure, and where it is (node_modules, never
 * a CDN).
 *
 * plotly.js ships partial bundles. Every figure of the report and of the
 * notebooks uses cartesian traces only (scatter, bar, heatmap), so they are
 * drawn with `plotly.js-cartesian-dist-min` (1.5 MB) instead of the full
 * `plotly.js-dist-min` (4.8 MB): a notebook's output, the report and each
 * export page carry a third of the code and load it in about half the time
 * (docs/benchmarks.md). A figure
 * with any other trace type (scatter3d, sankey, a map, ...) gets the full
 * bundle, which draws everything the cartesian one does. Both packages are
 * pinned to the same plotly.js version (package.json; a test checks it), so a
 * figure looks the same whichever bundle draws it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FigureSpec } from '../figures/types';

export type PlotlyBundleKind = 'cartesian' | 'full';

/** The npm package of each bundle. */
export const PLOTLY_PACKAGES: Readonly<Record<PlotlyBundleKind, string>> = {
  cartesian: 'plotly.js-cartesian-dist-min',
  full: 'plotly.js-dist-min',
};

/**
 * The trace types of the cartesian bundle (its README: "Contains trace
 * modules bar, box, contour, heatmap, histogram, histogram2d,
 * histogram2dcontour, image, pie, scatter, scatterternary and violin").
 */
export const CARTESIAN_TRACES: ReadonlySet<string> = new Set([
  'bar',
  'box',
  'contour',
  'heatmap',
  'histogram',
  'histogram2d',
  'histogram2dcontour',
  'image',
  'pie',
  'scatter',
  'scatterternary',
  'violin',
]);

/**
 * The smallest bundle that draws all the figures: 'cartesian' when every trace
 * is one of CARTESIAN_TRACES (a trace without a type is a scatter, as in
 * plotly), else 'full'.
 *
 * @example
 *   plotlyBundleKind([{ data: [{ type: 'bar', y: [1, 2] }], layout: {} }]); // 'cartesian'
 *   plotlyBundleKind([{ data: [{ type: 'scatter3d', x: [1], y: [2], z: [3] }], layout: {} }]); // 'full'
 */
export function plotlyBundleKind(figures: FigureSpec | readonly FigureSpec[]): PlotlyBundleKind {
  const list = Array.isArray(figures) ? (figures as readonly FigureSpec[]) : [figures as FigureSpec];
  for (const f of list) {
    for (const trace of f?.data ?? []) {
      const type = (trace as { type?: unknown }).type ?? 'scatter';
      if (typeof type !== 'string' || !CARTESIAN_TRACES.has(type)) return 'full';
    }
  }
  return 'cartesian';
}

/** The larger of two bundle kinds (the full bundle draws what the cartesian one draws). */
export function widerBundle(a: PlotlyBundleKind, b: PlotlyBundleKind): PlotlyBundleKind {
  return a === 'full' || b === 'full' ? 'full' : 'cartesian';
}

/** Where a bundle is (node_modules). */
export function plotlyBundlePath(kind: PlotlyBundleKind = 'cartesian'): string {
  return require.resolve(PLOTLY_PACKAGES[kind]);
}

const texts = new Map<PlotlyBundleKind, string>();

/** A bundle's text (read once per process). */
export function plotlyBundleText(kind: PlotlyBundleKind = 'cartesian'): string {
  let text = texts.get(kind);
  if (text === undefined) {
    text = fs.readFileSync(plotlyBundlePath(kind), 'utf8');
    texts.set(kind, text);
  }
  return text;
}

/** The plotly.js version of a bundle (its package.json). */
export function plotlyBundleVersion(kind: PlotlyBundleKind = 'cartesian'): string {
  const pkg = path.join(path.dirname(plotlyBundlePath(kind)), 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** The first line of the comment that marks an inlined bundle (notebook outputs, the report). */
export function bundleMark(kind: PlotlyBundleKind): string {
  return `/* plotly.js from node_modules (${PLOTLY_PACKAGES[kind]})`;
}

/** The kind of the bundle a piece of HTML inlines (by its mark), or null. */
export function inlinedBundleKind(html: string): PlotlyBundleKind | null {
  if (html.includes(bundleMark('full'))) return 'full';
  if (html.includes(bundleMark('cartesian'))) return 'cartesian';
  return null;
}

const patched = new Map<PlotlyBundleKind, { text: string; hooked: boolean }>();

/**
 * A bundle with one hook added, for the export pages: window.__dvResetBBoxes()
 * empties plotly's cache of text sizes (Drawing.savedBBoxes) and its counter.
 * plotly draws some things in a different order when a text's size is already
 * cached (e.g. the attributes of a legend's background), so without the
 * reset a figure's SVG would depend on the figures drawn before it in the
 * same page. Reset before every figure, each is drawn as in a fresh page,
 * which is what Plotly.toImage gives there. `hooked` is false if the bundle
 * does not have the expected code (another plotly version): then figures are
 * drawn without the reset (a test fails, so an upgrade notices).
 */
export function plotlyBundleForPages(kind: PlotlyBundleKind = 'cartesian'): { text: string; hooked: boolean } {
  let p = patched.get(kind);
  if (!p) {
    const text = plotlyBundleText(kind);
    const re = /([A-Za-z_$][\w$]*)\.savedBBoxes=\{\};var ([A-Za-z_$][\w$]*)=0,/;
    const m = re.exec(text);
    p = m
      ? { text: text.replace(re, `${m[0]}__dvHook=(typeof window!=="undefined"&&(window.__dvResetBBoxes=function(){${m[1]}.savedBBoxes={};${m[2]}=0;})),`), hooked: true }
      : { text, hooked: false };
    patched.set(kind, p);
  }
  return p;
}
