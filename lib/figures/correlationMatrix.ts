/**
 * Method figure: the correlation matrix of network-level variables (the
 * report's N = 10 networks, report 5.4 "repeated in SPSS with correlations") as a heatmap,
 * blue negative - white zero - red positive, each r printed in its cell.
 */
import { formatR } from '../analysis/evaluateFindings';
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, baseLayout, font, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkNumber } from './validate';

export interface CorrelationMatrixInput {
  names: readonly string[];
  /** matrix[i][j] = r between names[i] and names[j]; null where undefined. */
  matrix: readonly (readonly (number | null)[])[];
  /** The number of networks the correlations are computed over; the title says "N = n" only when it is given. */
  n?: number;
}

export interface CorrelationMatrixOptions extends FigureOptions {
  /** Show only the lower triangle (default true: each pair once). */
  lowerOnly?: boolean;
}

const FIGURE = 'correlationMatrixFigure';

/**
 * @example
 *   correlationMatrixFigure({ names: ['impact', 'trust'], matrix: [[1, -.4], [-.4, 1]] });
 */
export function correlationMatrixFigure(input: CorrelationMatrixInput, options: CorrelationMatrixOptions = {}): FigureSpec {
  checkNonEmpty(input?.names, 'names', FIGURE);
  const n = input.names.length;
  const matrix: ReadonlyArray<ReadonlyArray<number | null>> = Array.isArray(input.matrix) ? input.matrix : [];
  if (matrix.length !== n || matrix.some((r) => !Array.isArray(r) || r.length !== n)) {
    throw new UserInputError(`${FIGURE}: the matrix must be ${n} x ${n}, one row and one column per name.`);
  }
  matrix.forEach((row, i) =>
    row.forEach((v: number | null, j: number) => {
      const x = checkNumber(v, `r(${input.names[i]}, ${input.names[j]})`, FIGURE, true);
      if (x !== null && (x < -1 - 1e-9 || x > 1 + 1e-9)) throw new UserInputError(`${FIGURE}: r(${input.names[i]}, ${input.names[j]}) is ${x}; a correlation lies from -1 to 1.`);
    }),
  );
  const lowerOnly = options.lowerOnly ?? true;
  const o = resolveOptions(options, FIGURE, { width: Math.max(520, 260 + 62 * n), height: Math.max(460, 200 + 52 * n) });
  const w = WORDS[o.lang];
  const names = input.names.map(plotlyText);
  const z: Array<Array<number | null>> = matrix.map((row, i) => row.map((v, j) => (lowerOnly && j > i ? null : v)));
  if (input.n !== undefined && (!Number.isInteger(input.n) || input.n < 2)) throw new UserInputError(`${FIGURE}: n is ${JSON.stringify(input.n)}; expected the whole number of networks (>= 2) the correlations are computed over.`);
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, input.n === undefined ? w.corrTitle : `${w.corrTitle} (N = ${input.n})`), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 200, b: 170 } });
  layout.xaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: names, tickangle: -45, showgrid: false, showline: false, ticks: '', tickfont: font(12) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, showline: false, ticks: '', tickfont: font(12) });
  return {
    data: [
      {
        type: 'heatmap',
        name: w.correlation,
        x: names,
        y: names,
        z,
        zmin: -1,
        zmax: 1,
        zmid: 0,
        colorscale: THEME.diverging,
        xgap: 2,
        ygap: 2,
        hoverongaps: false,
        // r as the findings table writes it: no leading zero, a decimal comma in Dutch (-,40)
        text: z.map((row) => row.map((v) => (v === null ? '' : formatR(v, o.lang)))),
        texttemplate: '%{text}',
        textfont: font(11),
        colorbar: { title: { text: 'r', font: font(12) }, thickness: 12, tickfont: font(11) },
        hovertext: z.map((row, i) => row.map((v, j) => `${names[i]} · ${names[j]}: r = ${formatR(v, o.lang)}`)),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
