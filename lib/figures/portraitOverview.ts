/**
 * The portraits of many groups in one figure: for every characteristic of
 * the portrait, each group's mean as a dot over a box of their spread, on
 * the portrait's fixed 1-5 scale. It replaces one portrait per group when
 * there are too many groups to read one figure each (reportFigures:
 * above 40); hover names the group.
 */
import type { NetworkSummaryRow } from '../analysis/networkSummary';
import { requireInstrument, resolveOptions, titleOf } from './common';
import { constructLabel, readingTicks, WORDS } from './i18n';
import { PORTRAIT_RANGE } from './portrait';
import { axis, axisTitle, baseLayout, formatNumber, THEME } from './theme';
import type { FigureSpec, InstrumentFigureOptions } from './types';
import { checkNonEmpty, checkScaleValue } from './validate';

const FIGURE = 'portraitOverviewFigure';

const CAPTION = { nl: (n: number) => `Kenmerken van ${n} netwerken (één punt per netwerk)`, en: (n: number) => `Characteristics of ${n} networks (one dot per network)` };

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
  const labels = ids.map((id) => constructLabel(instrument, id, o.lang));
  const data = ids.map((id, k) => {
    const x: Array<number | null> = [];
    const text: string[] = [];
    for (const row of summary) {
      const s = row.scores.find((sc) => sc.construct === id);
      const mean = checkScaleValue(s?.mean ?? null, `the mean of ${row.network} on "${id}"`, FIGURE);
      if (mean === null) continue;
      x.push(mean);
      text.push(`<b>${row.network}</b><br>${labels[k]}: ${formatNumber(mean, 2, o.lang)}<br>${w.n} = ${s?.n ?? 0}`);
    }
    return {
      type: 'box',
      orientation: 'h',
      name: labels[k],
      x,
      y: x.map(() => labels[k]),
      text,
      hoverinfo: 'text',
      boxpoints: 'all',
      jitter: 0.6,
      pointpos: 0,
      fillcolor: 'rgba(0,0,0,0)',
      line: { color: THEME.colors.muted, width: 1 },
      marker: { color: THEME.colors.mean, size: 5, opacity: summary.length > 500 ? 0.35 : 0.6 },
      showlegend: false,
    };
  });
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTION[o.lang](summary.length)), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 230, r: 40, t: 80, b: 90 } });
  layout.xaxis = axis({ range: [...PORTRAIT_RANGE], autorange: false, tickmode: 'array', ...readingTicks(instrument, o.lang), title: axisTitle(w.score, 6) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text } });
  layout.showlegend = false;
  return { data, layout };
}
