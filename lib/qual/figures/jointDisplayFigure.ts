/**
 * The joint display as a figure: left, each network's survey band (mean +/-
 * 2 SE, the dark block of Figures 1-10) on the 1-5 scale; right, the segments
 * of the theme in its interview, stacked by subcode; the quotes in the hover.
 */
import { resolveOptions, titleOf } from '../../figures/common';
import { axis, axisTitle, baseLayout, escapeLabel, font, formatNumber, THEME, wrapLabel } from '../../figures/theme';
import { plotlyText } from '../../figures/plotlyText';
import type { FigureOptions, FigureSpec, PlotlyTrace } from '../../figures/types';
import { UserInputError } from '../../util/errors';
import type { JointDisplay } from '../analysis/jointDisplay';
import { QUAL_WORDS } from './words';

const FIGURE = 'jointDisplayFigure';

/** Colours of the subcodes: the first dark, then lighter. */
const STACK = ['#1d2b53', '#8f6fc4', '#5fa8e0', '#a3a86b', '#c8553d'];

/**
 * @example
 *   show(jointDisplayFigure(jointDisplay(project, summary, { code: 'Vertrouwen als bindmiddel', construct: 'trust' })));
 */
export function jointDisplayFigure(display: JointDisplay, options: FigureOptions & { constructLabel?: string } = {}): FigureSpec {
  if (!display || !Array.isArray(display.rows) || display.rows.length === 0) throw new UserInputError(`${FIGURE}: expected the result of jointDisplay(project, survey, { code, construct }) with at least one network.`);
  const o = resolveOptions({ synthetic: display.synthetic, ...options }, FIGURE, { width: 980, height: Math.max(420, 170 + 38 * display.rows.length) });
  const w = QUAL_WORDS[o.lang];
  const names = display.rows.map((r) => plotlyText(r.network));
  const construct = options.constructLabel ?? display.construct;
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, w.jointTitle(display.code[o.lang], construct)), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 110, b: 90 } });
  const cats = { type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, ticks: '' };
  layout.yaxis = axis({ ...cats, tickfont: font(13) });
  layout.yaxis2 = axis({ ...cats, anchor: 'x2', showticklabels: false });
  layout.xaxis = axis({ domain: [0, 0.46], range: [1, 5], autorange: false, dtick: 1, title: axisTitle(w.survey) });
  const maxCount = Math.max(1, ...display.rows.map((r) => r.segments));
  layout.xaxis2 = axis({ domain: [0.54, 1], anchor: 'y2', range: [0, maxCount + 0.5], autorange: false, dtick: 1, title: axisTitle(w.interview) });
  layout.barmode = 'stack';
  layout.legend = { orientation: 'h', traceorder: 'normal', x: 0.54, xanchor: 'left', y: -0.12, yanchor: 'top', font: font(12) };
  const withBand = display.rows.filter((r) => r.lower !== null && r.upper !== null);
  const data: PlotlyTrace[] = [];
  if (withBand.length > 0) {
    data.push({
      type: 'bar',
      orientation: 'h',
      name: w.band,
      y: withBand.map((r) => plotlyText(r.network)),
      x: withBand.map((r) => Math.min(5, r.upper!) - Math.max(1, r.lower!)),
      base: withBand.map((r) => Math.max(1, r.lower!)),
      marker: { color: THEME.colors.band },
      width: 0.45,
      showlegend: false,
      hovertext: withBand.map((r) => `<b>${plotlyText(r.network)}</b><br>${w.band} ${formatNumber(r.lower, 2, o.lang)} – ${formatNumber(r.upper, 2, o.lang)}`),
      hoverinfo: 'text',
    });
  }
  const withMean = display.rows.filter((r) => r.mean !== null);
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: w.mean,
    y: withMean.map((r) => plotlyText(r.network)),
    x: withMean.map((r) => r.mean),
    marker: { symbol: 'line-ns', size: 16, line: { width: 3, color: withBand.length ? THEME.colors.mean : THEME.colors.band } },
    showlegend: false,
    hovertext: withMean.map((r) => `<b>${plotlyText(r.network)}</b><br>${w.mean} ${formatNumber(r.mean, 2, o.lang)}${r.n !== null ? ` (n = ${r.n})` : ''}`),
    hoverinfo: 'text',
  });
  const quoteHover = (r: JointDisplay['rows'][number]) =>
    `<b>${plotlyText(r.network)}</b>${r.interviewed ? '' : ` (${w.noInterview})`}<br>${display.subcodes.map((s) => `${escapeLabel(s[o.lang])}: ${r.bySubcode[s.key] ?? 0}`).join('<br>')}${r.quotes.length ? `<br><br>${r.quotes.map((q) => `“${wrapLabel(q, 60)}”`).join('<br>')}` : ''}`;
  display.subcodes.forEach((s, i) => {
    data.push({
      type: 'bar',
      orientation: 'h',
      name: s[o.lang],
      xaxis: 'x2',
      yaxis: 'y2',
      y: names,
      x: display.rows.map((r) => r.bySubcode[s.key] ?? 0),
      marker: { color: STACK[i % STACK.length] },
      hovertext: display.rows.map(quoteHover),
      hoverinfo: 'text',
    });
  });
  return { data, layout };
}
