/**
 * Everything that draws a figure spec (`require('../dist/render')`): export to
 * SVG and PNG in one headless Chromium session, the browser it needs, the
 * plotly.js bundles, and `show`/`figureHtml` for notebooks (`show` is also in
 * the main entry).
 *
 *   exportFigures(figures, { outDir })   write <name>.svg and .png
 *   renderFigures(figures)               the same images in memory
 *   show(spec)                           a figure in a tslab notebook cell
 */
export { show, figureHtml } from './show';
export type { ShowOptions, FigureHtmlOptions, HtmlDisplay } from './show';
export { exportFigures } from './exportFigures';
export type { ExportOptions, ExportResult } from './exportFigures';
export { renderFigures, FigureRenderer } from './renderer';
export type { RenderOptions, RenderResult, RenderedFigure, RenderProgress, FigureTiming, ImageFormat } from './renderer';
export { findChromium, figurePages, CHROMIUM_ARGS } from './browser';
export { plotlyBundleKind, plotlyBundlePath, CARTESIAN_TRACES, PLOTLY_PACKAGES } from './plotlyBundle';
export type { PlotlyBundleKind } from './plotlyBundle';
