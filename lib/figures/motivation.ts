/**
 * Figure 11: why members take part, as the mean importance of each reason
 * (1 = not at all important ... 5 = very important), most important at the
 * top. Optionally each network's mean as a dot on the bar.
 */
import type { MotivationRow } from '../analysis/motivationSummary';
import { UserInputError } from '../util/errors';
import { requireInstrument, resolveOptions, titleOf } from './common';
import { CAPTIONS, constructLabel, figureLabel, scaleTicks, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, formatNumber, THEME, wrapLabel, wrapText } from './theme';
import type { FigureSpec, InstrumentFigureOptions } from './types';
import { checkNonEmpty, checkScaleValue } from './validate';

export interface MotivationFigureOptions extends InstrumentFigureOptions {
  /** Draw each network's mean as a dot (needs rows from motivationSummary(..., { byNetwork: true })). Default false. */
  perNetwork?: boolean;
}

const FIGURE = 'motivationFigure';

/**
 * @example
 *   const spec = motivationFigure(motivationSummary(rows, instrument), { instrument, synthetic: true });
 */
export function motivationFigure(rows: readonly MotivationRow[], options: MotivationFigureOptions): FigureSpec {
  checkNonEmpty(rows, 'the motivation summary', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  const o = resolveOptions(options, FIGURE, { width: 1000, height: 760 }, 11);
  const w = WORDS[o.lang];
  const overall = rows.filter((r) => r.network === null);
  if (overall.length === 0) throw new UserInputError(`${FIGURE}: the summary has no rows for all respondents (network null); build it with motivationSummary().`);
  for (const r of rows) checkScaleValue(r.mean, `the mean of "${r.item}"${r.network ? ` in ${r.network}` : ''}`, FIGURE);
  const perNetwork = options.perNetwork ?? false;
  const networkRows = rows.filter((r) => r.network !== null);
  if (perNetwork && networkRows.length === 0) throw new UserInputError(`${FIGURE}: perNetwork needs rows per network; build the summary with motivationSummary(rows, instrument, { byNetwork: true }).`);

  // Most important first (top); items without answers last.
  const sorted = [...overall].sort((a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity) || a.item.localeCompare(b.item, 'en', { numeric: true }));
  const labels = sorted.map((r) => wrapLabel(constructLabel(instrument, r.item, o.lang), 46));
  const scaleName = instrument.constructs.find((c) => c.items.some((i) => i.id === sorted[0].item))?.responseScale ?? 'importance5';
  const ticks = scaleTicks(instrument, scaleName, o.lang);

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.motivation[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 360, r: 50, b: 110 } });
  layout.xaxis = axis({ range: [1, 5], autorange: false, fixedrange: true, tickmode: 'array', tickvals: ticks.tickvals, ticktext: ticks.ticktext.map((t) => wrapText(t.replace('<br>', ' '), 14).replace(/^(\d) /, '$1<br>')), title: axisTitle(w.importance, 6) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 12, color: THEME.colors.text } });
  layout.bargap = 0.35;
  layout.showlegend = perNetwork;
  layout.legend = { orientation: 'h', x: 0, y: -0.16, yanchor: 'top' };

  const data: FigureSpec['data'] = [
    {
      type: 'bar',
      name: w.allRespondents,
      orientation: 'h',
      y: labels,
      x: sorted.map((r) => r.mean),
      marker: { color: THEME.colors.bar },
      text: sorted.map((r) => formatNumber(r.mean, 2, o.lang)),
      textposition: 'inside',
      insidetextanchor: 'end',
      textfont: { family: THEME.fontFamily, size: 12, color: '#ffffff' },
      hovertext: sorted.map((r) => `${figureLabel(instrument, r.item, o.lang)}<br>${w.mean} ${formatNumber(r.mean, 2, o.lang)} (${w.n} = ${r.n})`),
      hoverinfo: 'text',
    },
  ];
  if (perNetwork) {
    const byItem = new Map(sorted.map((r, k) => [r.item, labels[k]]));
    const pts = networkRows.filter((r) => r.mean !== null && byItem.has(r.item));
    data.push({
      type: 'scatter',
      name: w.perNetwork,
      mode: 'markers',
      y: pts.map((r) => byItem.get(r.item)),
      x: pts.map((r) => r.mean),
      marker: { symbol: 'circle', size: 8, color: THEME.colors.lightBlue, line: { color: '#ffffff', width: 1 } },
      cliponaxis: false,
      hovertext: pts.map((r) => `${plotlyText(r.network as string)}: ${formatNumber(r.mean, 2, o.lang)} (${w.n} = ${r.n})`),
      hoverinfo: 'text',
    });
  }
  return { data, layout };
}
