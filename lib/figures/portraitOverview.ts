/**
 * The portraits of many groups in one figure: for every characteristic of
 * the portrait, each group's mean as a dot over a box of their spread, on
 * the portrait's fixed 1-5 scale. It replaces one portrait per group when
 * there are too many groups to read one figure each (reportFigures:
 * above 40); hover names the group. The dots carry their values to 3
 * decimals and one hover template per characteristic (lib/figures/groups.ts),
 * so 2,000 groups make a figure of a few hundred kB.
 */
import type { NetworkSummaryRow } from '../analysis/networkSummary';
import { requireInstrument, resolveOptions, titleOf } from './common';
import { figureLabel, readingTicks, thousands, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { PORTRAIT_RANGE } from './portrait';
import { stripTrace, templateText } from './groups';
import { axis, axisTitle, baseLayout, THEME } from './theme';
import type { FigureSpec, InstrumentFigureOptions } from './types';
import { checkNonEmpty, checkScaleValue } from './validate';

const FIGURE = 'portraitOverviewFigure';

const CAPTION = { nl: (n: number) => `Kenmerken van ${thousands(n, '.')} netwerken (één punt per netwerk)`, en: (n: number) => `Characteristics of ${thousands(n, ',')} networks (one dot per network)` };

/**
 * @example
 *   const summary = networkSummary(rows, instrument);   // 400 networks
 *   const spec = portraitOverviewFigure(summary, { instrument });
 *   // one box per characteristic, 400 dots each
 */
export function portraitOverviewFigure(summary: readonly NetworkSummaryRow[], options: InstrumentFigureOptions): FigureSpec {
  checkNonEmpty(summary, 'the network summary', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  const ids = summary[0].scores.map((s) => s.construct);
  const o = resolveOptions(options, FIGURE, { width: 1000, height: Math.max(420, 160 + 62 * ids.length) }, 1);
  const w = WORDS[o.lang];
  const labels = ids.map((id) => figureLabel(instrument, id, o.lang));
  const at = summary.map((row) => new Map(row.scores.map((sc) => [sc.construct, sc])));
  const names = summary.map((row) => row.network);
  const shown = names.map(plotlyText);
  const data = ids.map((id, k) => {
    const scores = at.map((m) => m.get(id));
    const values = scores.map((sc, j) => checkScaleValue(sc?.mean ?? null, `the mean of ${names[j]} on "${id}"`, FIGURE));
    return stripTrace({
      name: labels[k],
      values,
      groups: shown,
      customdata: scores.map((sc) => sc?.n ?? 0),
      hovertemplate: `<b>%{text}</b><br>${templateText(labels[k])}: %{x:.2f}<br>${w.n} = %{customdata}<extra></extra>`,
    });
  });
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTION[o.lang](summary.length)), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 230, r: 40, t: 80, b: 90 } });
  layout.xaxis = axis({ range: [...PORTRAIT_RANGE], autorange: false, tickmode: 'array', ...readingTicks(instrument, o.lang), title: axisTitle(w.score, 6) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text } });
  layout.showlegend = false;
  return { data, layout };
}
