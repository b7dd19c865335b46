/**
 * Static images for the figures of executed notebooks, rendered afterwards in
 * ONE headless Chromium session for all notebooks.
 *
 * `show(spec)` gives every figure a static SVG for front ends without
 * JavaScript (GitHub, nbviewer), rendered by one Chromium per kernel. Headless
 * runs execute several notebooks at once, so instead of a browser in every
 * kernel they switch that off (DV_STATIC_FIGURES=0, see STATIC_FIGURES_OFF in lib/render/sharedRenderer.ts)
 * and this step puts the images in: it reads each figure's spec back from the output
 * (the script `figureHtml` wrote), renders all of them together, and rebuilds
 * the output with `figureHtml` and the SVG: the same HTML `show` would have
 * written.
 */
import * as fs from 'node:fs';
import { figureHtml } from '../../lib/render/show';
import { EXPLORER_STATIC_SPEC, explorerStaticImage } from '../../lib/explorer/explorerHtml';
import { findChromium } from '../../lib/render/browser';
import { renderFigures, type FigureRenderer } from '../../lib/render/renderer';
import { inlinedBundleKind, plotlyBundleText, type PlotlyBundleKind } from '../../lib/render/plotlyBundle';
import type { FigureSpec } from '../../lib/figures/types';
import { notebookText, type NotebookJson } from './runner';


export interface FigureOutput {
  cell: number;
  output: number;
  id: string;
  spec: FigureSpec;
  /** The plotly bundle the output inlines (the first figure of a session), else null. */
  bundle: PlotlyBundleKind | null;
  hasStatic: boolean;
}

const htmlOf = (v: unknown): string | null => (typeof v === 'string' ? v : Array.isArray(v) ? v.join('') : null);

/** The figure outputs of a notebook (HTML outputs written by show/figureHtml). */
export function findFigureOutputs(nb: NotebookJson): FigureOutput[] {
  const found: FigureOutput[] = [];
  nb.cells.forEach((cell, c) => {
    (cell.outputs ?? []).forEach((o, k) => {
      const html = htmlOf(o.data?.['text/html']);
      if (!html || !html.includes('class="dv-figure"')) return;
      const id = /<div class="dv-figure" id="([^"]+)"/.exec(html)?.[1];
      const spec = /\n {2}var spec = (.*);\n/.exec(html)?.[1];
      if (!id || !spec) return;
      found.push({ cell: c, output: k, id, spec: JSON.parse(spec) as FigureSpec, bundle: inlinedBundleKind(html), hasStatic: html.includes('<img alt=') });
    });
  });
  return found;
}

/** An explorer output (showExplorer) that carries its first view's spec instead of an image. */
export interface ExplorerStaticOutput {
  cell: number;
  output: number;
  /** The script element with the spec, as it stands in the HTML. */
  script: string;
  spec: FigureSpec;
}

const STATIC_SPEC = new RegExp(`<script type="application/json" class="${EXPLORER_STATIC_SPEC}">([^<]*)</script>`);

/** The explorer outputs of a notebook that still carry a spec for their static image. */
export function findExplorerOutputs(nb: NotebookJson): ExplorerStaticOutput[] {
  const found: ExplorerStaticOutput[] = [];
  nb.cells.forEach((cell, c) => {
    (cell.outputs ?? []).forEach((o, k) => {
      const html = htmlOf(o.data?.['text/html']);
      const m = html === null ? null : STATIC_SPEC.exec(html);
      if (m) found.push({ cell: c, output: k, script: m[0], spec: JSON.parse(m[1]) as FigureSpec });
    });
  });
  return found;
}

export interface StaticFiguresResult {
  figures: number;
  ms: number;
  /** Why nothing was rendered (no Chromium), else null. */
  skipped: string | null;
}

export interface StaticFiguresOptions {
  /** Chromium binary (default $CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  /** A renderer already started, used and left open (npm run reproduce shares one browser). */
  renderer?: FigureRenderer;
}

/**
 * Adds the static SVG to every figure output of the notebooks that lacks one
 * (in place). Without Chromium the notebooks stay as they are (the figures
 * are still interactive) and `skipped` says why.
 */
export async function addStaticFigures(notebooks: NotebookJson[], options: StaticFiguresOptions = {}): Promise<StaticFiguresResult> {
  const start = Date.now();
  const todo = notebooks.flatMap((nb, n) => findFigureOutputs(nb).filter((f) => !f.hasStatic).map((f) => ({ ...f, n })));
  const explorers = notebooks.flatMap((nb, n) => findExplorerOutputs(nb).map((e) => ({ ...e, n })));
  if (todo.length === 0 && explorers.length === 0) return { figures: 0, ms: 0, skipped: null };
  let executablePath: string | undefined;
  if (!options.renderer) {
    try {
      executablePath = findChromium(options.executablePath);
    } catch (e) {
      return { figures: 0, ms: Date.now() - start, skipped: (e as Error).message };
    }
  }
  const rendered = await renderFigures(
    [...todo.map((f, k) => ({ name: `figure-${k + 1}`, spec: f.spec })), ...explorers.map((e, k) => ({ name: `explorer-${k + 1}`, spec: e.spec }))],
    { formats: ['svg'], executablePath, scale: 1, renderer: options.renderer },
  );
  // an explorer output keeps its HTML; only the spec's script becomes the image
  explorers.forEach((e, k) => {
    const output = notebooks[e.n].cells[e.cell].outputs![e.output];
    const html = htmlOf(output.data!['text/html'])!;
    output.data!['text/html'] = html.replace(e.script, () => explorerStaticImage(rendered.figures[todo.length + k].svg ?? '', e.spec));
  });
  todo.forEach((f, k) => {
    const svg = rendered.figures[k].svg ?? '';
    const html = figureHtml(f.spec, { id: f.id, bundle: f.bundle ? { kind: f.bundle, text: plotlyBundleText(f.bundle) } : null, fallback: { format: 'svg', svg } });
    const output = notebooks[f.n].cells[f.cell].outputs![f.output];
    output.data!['text/html'] = html;
  });
  return { figures: todo.length + explorers.length, ms: Date.now() - start, skipped: null };
}

/** addStaticFigures on notebook files: reads them, adds the images, writes them back. */
export async function addStaticFiguresToFiles(files: readonly string[], options: StaticFiguresOptions = {}): Promise<StaticFiguresResult> {
  const notebooks = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as NotebookJson);
  const result = await addStaticFigures(notebooks, options);
  if (result.figures > 0) files.forEach((f, k) => fs.writeFileSync(f, notebookText(notebooks[k])));
  return result;
}
