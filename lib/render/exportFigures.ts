/**
 * exportFigures: renders figures in one browser session (renderFigures) and
 * writes each as `<outDir>/<name>.svg` and `.png`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import type { NamedFigure } from '../figures/types';
import { renderFigures, type FigureTiming, type RenderOptions } from './renderer';

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
