/**
 * Heatmap of the code-by-network matrix: themes (or codes) down, networks
 * across, the number of coded segments in each cell (white = the theme does
 * not occur in that network's interview).
 */
import { resolveOptions, titleOf } from '../../figures/common';
import { axis, baseLayout, font, THEME, wrapLabel } from '../../figures/theme';
import { plotlyText } from '../../figures/plotlyText';
import type { FigureOptions, FigureSpec } from '../../figures/types';
import { UserInputError } from '../../util/errors';
import type { CodeMatrix } from '../analysis/codeMatrix';
import { QUAL_WORDS } from './words';

export interface CodeMatrixFigureOptions extends FigureOptions {
  /** 'counts' (default): segments per cell; 'presence': occurs or not. */
  measure?: 'counts' | 'presence';
}

const FIGURE = 'codeMatrixFigure';

/**
 * @example
 *   show(codeMatrixFigure(codeMatrix(loadInterviews()), { synthetic: true }));
 */
export function codeMatrixFigure(matrix: CodeMatrix, options: CodeMatrixFigureOptions = {}): FigureSpec {
  if (!matrix || !Array.isArray(matrix.counts) || !Array.isArray(matrix.networks) || !Array.isArray(matrix.codes)) {
    throw new UserInputError(`${FIGURE}: expected the result of codeMatrix(project).`);
  }
  if (matrix.codes.length === 0 || matrix.networks.length === 0) throw new UserInputError(`${FIGURE}: the matrix is empty (no codes or no networks); check that the project has coded segments.`);
  const measure = options.measure ?? 'counts';
  if (measure !== 'counts' && measure !== 'presence') throw new UserInputError(`${FIGURE}: option measure is ${JSON.stringify(measure)}; expected "counts" or "presence".`);
  const o = resolveOptions({ synthetic: matrix.synthetic, ...options }, FIGURE, { width: Math.max(640, 260 + 62 * matrix.networks.length), height: Math.max(420, 170 + 40 * matrix.codes.length) });
  const w = QUAL_WORDS[o.lang];
  const networks = matrix.networks.map(plotlyText);
  const rows = matrix.codes.map((c) => wrapLabel(matrix.level === 'theme' ? (c[o.lang] ?? c.label) : c.path, 34));
  const z = measure === 'counts' ? matrix.counts.map((r) => r.map((v) => v)) : matrix.presence.map((r) => r.map((v) => v));
  const max = Math.max(1, ...matrix.counts.flat());
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, matrix.level === 'theme' ? w.matrixTitle : w.matrixTitleCode), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 230, b: 110 } });
  layout.xaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: networks, tickangle: -35, showgrid: false, showline: false, ticks: '', side: 'bottom' });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: rows, autorange: 'reversed', showgrid: false, showline: false, ticks: '' });
  return {
    data: [
      {
        type: 'heatmap',
        name: w.segments,
        x: networks,
        y: rows,
        z,
        zmin: 0,
        zmax: measure === 'counts' ? max : 1,
        colorscale: [[0, '#ffffff'], ...THEME.purples.map(([p, c]) => [Math.max(0.001, p), c])],
        xgap: 2,
        ygap: 2,
        text: matrix.counts.map((r) => r.map((v) => (v === 0 ? '' : String(v)))),
        texttemplate: '%{text}',
        // no fixed colour: plotly picks dark or light text for each cell's colour (a dark cell keeps a readable number)
        textfont: { family: font(12).family, size: 12, color: 'auto' },
        showscale: measure === 'counts',
        colorbar: { title: { text: w.segments, font: font(12) }, thickness: 12, tickfont: font(11), ...(max <= 10 ? { dtick: 1 } : {}) },
        hovertext: matrix.counts.map((r, i) => r.map((v, j) => `<b>${networks[j]}</b><br>${plotlyText(matrix.codes[i].path)}<br>${v} ${w.segments}`)),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
