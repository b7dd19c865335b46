/**
 * Figure 12: the four boundary dimensions per network - how much
 * administrative divisions, the reputation of members, socio-cultural lines
 * and natural borders decide who can join (1 = plays no role ... 5 = a very
 * large role). Bars per network, one colour per dimension, the band as a thin
 * error bar.
 */
import type { BoundaryRow } from '../analysis/boundaryProfile';
import { requireInstrument, resolveOptions, titleOf } from './common';
import { CAPTIONS, constructLabel, scaleTicks, WORDS } from './i18n';
import { axis, axisTitle, baseLayout, formatNumber, THEME, wrapLabel } from './theme';
import type { FigureSpec, InstrumentFigureOptions } from './types';
import { checkNonEmpty, checkScaleValue } from './validate';

export interface BoundariesFigureOptions extends InstrumentFigureOptions {
  /** Draw the band (mean +/- 2 SE) as error bars (default true). */
  bands?: boolean;
}

const FIGURE = 'boundariesFigure';

/**
 * @example
 *   const spec = boundariesFigure(boundaryProfile(rows, instrument, { networks }), { instrument });
 */
export function boundariesFigure(rows: readonly BoundaryRow[], options: BoundariesFigureOptions): FigureSpec {
  checkNonEmpty(rows, 'the boundary profile', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  const o = resolveOptions(options, FIGURE, { width: 1100, height: 560 }, 12);
  const w = WORDS[o.lang];
  for (const r of rows) checkScaleValue(r.mean, `the mean of ${r.network} on "${r.dimension}"`, FIGURE);
  const networks = [...new Set(rows.map((r) => r.network))];
  const dimensions = [...new Set(rows.map((r) => r.dimension))];
  const bands = options.bands ?? true;
  const ticks = scaleTicks(instrument, instrument.constructs.find((c) => c.id === dimensions[0])?.responseScale ?? 'role5', o.lang);

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.boundaries[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 150, b: 90, t: 100 } });
  layout.xaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: networks, showgrid: false, tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text }, title: axisTitle(w.network) });
  layout.yaxis = axis({ range: [1, 5], autorange: false, fixedrange: true, tickmode: 'array', tickvals: ticks.tickvals, ticktext: ticks.ticktext.map((t) => wrapLabel(t.replace('<br>', ' '), 18)), title: axisTitle(w.role) });
  layout.barmode = 'group';
  layout.bargap = 0.25;
  layout.bargroupgap = 0.06;
  layout.showlegend = true;
  layout.legend = { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', font: { family: THEME.fontFamily, size: 12, color: THEME.colors.text } };

  const data: FigureSpec['data'] = dimensions.map((d, k) => {
    const own = networks.map((nw) => rows.find((r) => r.network === nw && r.dimension === d) ?? null);
    const label = constructLabel(instrument, d, o.lang);
    return {
      type: 'bar',
      name: label,
      x: networks,
      y: own.map((r) => r?.mean ?? null),
      marker: { color: THEME.categorical[k % THEME.categorical.length] },
      ...(bands
        ? {
            error_y: {
              type: 'data',
              symmetric: false,
              array: own.map((r) => (r && r.mean !== null && r.upper !== null ? Math.max(0, Math.min(5, r.upper) - r.mean) : null)),
              arrayminus: own.map((r) => (r && r.mean !== null && r.lower !== null ? Math.max(0, r.mean - Math.max(1, r.lower)) : null)),
              color: THEME.colors.muted,
              thickness: 1,
              width: 2,
            },
          }
        : {}),
      hovertext: own.map((r, j) =>
        r === null
          ? `${networks[j]}: ${w.unknown}`
          : `<b>${networks[j]}</b><br>${label}<br>${w.mean} ${formatNumber(r.mean, 2, o.lang)}` +
            (r.lower !== null && r.upper !== null ? `<br>${w.band}: ${formatNumber(r.lower, 2, o.lang)} – ${formatNumber(r.upper, 2, o.lang)}` : '') +
            `<br>${w.n} = ${r.n}`,
      ),
      hoverinfo: 'text',
    };
  });
  return { data, layout };
}
