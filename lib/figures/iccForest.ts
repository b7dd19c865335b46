/**
 * Method figure: agreement within each network, ICC with its confidence
 * interval as a forest plot (report 5.4: ICC two-way, absolute agreement,
 * average measures > .90 in every network), with the .90 line.
 */
import type { IccResult } from '../stats/agreement/icc';
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { categoryTicks, COMPACT_ABOVE, ROW_PX } from './groups';
import { WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkNumber, checkRange } from './validate';

export interface IccForestRow {
  network: string;
  icc: number;
  lower: number | null;
  upper: number | null;
}

export interface IccForestOptions extends FigureOptions {
  /** Reference line (default .90, the report's threshold); null for none. */
  reference?: number | null;
}

const FIGURE = 'iccForestFigure';

function isIccResult(input: unknown): input is IccResult {
  const r = input as IccResult | null;
  return typeof r === 'object' && r !== null && !Array.isArray(r) && Array.isArray(r.table) && typeof r.anova === 'object';
}

/**
 * One row per network (`iccByNetwork` rows have network, icc, lower and
 * upper), or one `icc()` result: its six forms as rows (ICC(1,1) ...
 * ICC(3,k)), to see how the form changes the agreement.
 *
 * @example
 *   iccForestFigure([{ network: 'Notos', icc: .95, lower: .92, upper: .97 }]);
 *   iccForestFigure(icc(ratings));
 */
export function iccForestFigure(input: readonly IccForestRow[] | IccResult, options: IccForestOptions = {}): FigureSpec {
  const forms = isIccResult(input);
  const rows: readonly IccForestRow[] = forms ? input.table.map((f) => ({ network: f.shroutFleiss, icc: f.icc, lower: f.lower, upper: f.upper })) : input;
  checkNonEmpty(rows, 'the ICC rows', FIGURE);
  for (const r of rows) {
    if (typeof r?.network !== 'string' || r.network === '') throw new UserInputError(`${FIGURE}: every row needs a network name, found ${JSON.stringify(r?.network)}.`);
    // the average-measures forms of icc() are unbounded below (raters who disagree more than chance)
    if (forms) checkNumber(r.icc, `the ICC of ${r.network}`, FIGURE);
    else checkRange(r.icc, `the ICC of ${r.network}`, FIGURE, -1, 1);
    const lo = checkNumber(r.lower, `the lower limit of ${r.network}`, FIGURE, true);
    const hi = checkNumber(r.upper, `the upper limit of ${r.network}`, FIGURE, true);
    if ((lo !== null && lo > r.icc + 1e-12) || (hi !== null && hi < r.icc - 1e-12)) {
      throw new UserInputError(`${FIGURE}: the interval of ${r.network} [${lo}, ${hi}] does not contain its ICC ${r.icc}.`);
    }
  }
  const reference = options.reference === undefined ? 0.9 : options.reference;
  const o = resolveOptions(options, FIGURE, { width: 760, height: Math.max(360, 150 + (rows.length > COMPACT_ABOVE ? ROW_PX : 34) * rows.length) });
  const w = WORDS[o.lang];
  const names = rows.map((r) => plotlyText(r.network));
  const lows = rows.map((r) => r.lower ?? r.icc);
  const xmin = Math.min(...lows, reference ?? 1);
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, forms ? w.iccFormsTitle : w.iccTitle), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 110 } });
  layout.xaxis = axis({ range: [Math.max(-1, Math.floor(xmin * 20) / 20 - 0.025), 1], autorange: false, title: axisTitle(forms ? w.icc : `${w.icc} (${o.lang === 'nl' ? 'twee-weg, absolute overeenstemming, gemiddelde' : 'two-way, absolute agreement, average'})`) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, ticks: '', tickfont: font(13), ...categoryTicks(names, o.height - 154, 13) });
  layout.showlegend = false;
  if (reference !== null) {
    (layout.shapes as unknown[]).push({ type: 'line', xref: 'x', yref: 'paper', x0: reference, x1: reference, y0: 0, y1: 1, line: { color: THEME.colors.accent, width: 1.5, dash: 'dash' } });
    (layout.annotations as unknown[]).push({ text: formatNumber(reference, 2, o.lang), xref: 'x', yref: 'paper', x: reference, y: 1, yanchor: 'bottom', showarrow: false, font: font(12, THEME.colors.accent) });
  }
  return {
    data: [
      {
        type: 'scatter',
        name: w.icc,
        mode: 'markers',
        y: names,
        x: rows.map((r) => r.icc),
        error_x: {
          type: 'data',
          symmetric: false,
          array: rows.map((r) => (r.upper === null ? 0 : r.upper - r.icc)),
          arrayminus: rows.map((r) => (r.lower === null ? 0 : r.icc - r.lower)),
          color: THEME.colors.band,
          thickness: 2,
          width: 5,
        },
        marker: { symbol: 'square', size: 10, color: THEME.colors.band },
        cliponaxis: false,
        hovertext: rows.map((r, k) => `<b>${names[k]}</b><br>${w.icc} ${formatNumber(r.icc, 3, o.lang)}<br>${w.ci} ${formatNumber(r.lower, 3, o.lang)} – ${formatNumber(r.upper, 3, o.lang)}`),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
