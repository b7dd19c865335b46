/**
 * Method figure: factor loadings as a heatmap (items down, factors across),
 * blue negative - white zero - red positive, each loading printed in its cell.
 * A cross-loading item (report 5.3: removed when it also loads on another
 * factor) shows as two coloured cells in one row.
 */
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkNumber } from './validate';

/** The loadings, item and factor names; an `efa()` result is one. */
export interface LoadingsInput {
  /** loadings[item][factor]. */
  loadings: readonly (readonly number[])[];
  items: readonly string[];
  factors: readonly string[];
}

const FIGURE = 'loadingsFigure';

/**
 * @example
 *   loadingsFigure(efa(data, { nfactors: 2, names }));
 *   loadingsFigure({ loadings: [[.8, .1], [.7, .5]], items: ['trust_1', 'trust_5'], factors: ['F1', 'F2'] });
 */
export function loadingsFigure(input: LoadingsInput, options: FigureOptions = {}): FigureSpec {
  checkNonEmpty(input?.loadings, 'the loadings matrix', FIGURE);
  checkNonEmpty(input.items, 'items', FIGURE);
  checkNonEmpty(input.factors, 'factors', FIGURE);
  if (input.loadings.length !== input.items.length) throw new UserInputError(`${FIGURE}: the loadings matrix has ${input.loadings.length} rows but there are ${input.items.length} item names; one row per item.`);
  input.loadings.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== input.factors.length) throw new UserInputError(`${FIGURE}: row ${i + 1} (${input.items[i]}) has ${Array.isArray(row) ? row.length : 0} loadings but there are ${input.factors.length} factors.`);
    row.forEach((v, j) => checkNumber(v, `loading of ${input.items[i]} on ${input.factors[j]}`, FIGURE));
  });
  const o = resolveOptions(options, FIGURE, { width: 320 + 90 * input.factors.length, height: Math.max(360, 150 + 28 * input.items.length) });
  const w = WORDS[o.lang];
  const layout = baseLayout({ lang: o.lang, title: titleOf({ ...o, title: undefined }, o.title ? `${w.loadingsTitle}: ${o.title}` : w.loadingsTitle), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 170, b: 50 } });
  layout.xaxis = axis({ type: 'category', side: 'top', showgrid: false, showline: false, ticks: '', tickfont: font(12) });
  layout.yaxis = axis({ type: 'category', autorange: 'reversed', showgrid: false, showline: false, ticks: '', tickfont: font(12) });
  const z = input.loadings.map((r) => [...r]);
  const items = input.items.map(plotlyText);
  const factors = input.factors.map(plotlyText);
  return {
    data: [
      {
        type: 'heatmap',
        name: w.loading,
        x: factors,
        y: items,
        z,
        zmin: -1,
        zmax: 1,
        zmid: 0,
        colorscale: THEME.diverging,
        xgap: 2,
        ygap: 2,
        text: z.map((r) => r.map((v) => formatNumber(v, 2, o.lang))),
        texttemplate: '%{text}',
        textfont: font(11),
        colorbar: { title: { text: w.loading, font: font(12) }, thickness: 12, tickfont: font(11) },
        hovertext: z.map((r, i) => r.map((v, j) => `${items[i]} · ${factors[j]}: ${formatNumber(v, 2, o.lang)}`)),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
