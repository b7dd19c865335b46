/**
 * Figures 1-10: the portrait of one network. The eight characteristics on the
 * 1-5 scale, each with its band (mean +/- 2 SE, note 1 of the report) as a dark
 * block and the mean as a mark. Every portrait has the same axes, rows and
 * size, so the ten can be laid side by side and compared.
 */
import type { NetworkSummaryRow } from '../analysis/networkSummary';
import { UserInputError } from '../util/errors';
import { requireInstrument, resolveOptions, slug, titleOf } from './common';
import { CAPTIONS, figureLabel, readingTicks, WORDS } from './i18n';
import { axis, axisTitle, baseLayout, formatNumber, THEME } from './theme';
import type { FigureSpec, InstrumentFigureOptions, NamedFigure } from './types';
import { checkNetwork, checkNonEmpty, checkScaleValue } from './validate';

export interface PortraitOptions extends InstrumentFigureOptions {
  /** The network to draw (one of the summary's networks). */
  network: string;
}

const FIGURE = 'portraitFigure';
/** The fixed scale of every portrait. */
export const PORTRAIT_RANGE: [number, number] = [1, 5];

/**
 * @example
 *   const summary = networkSummary(survey.table.objects(), instrument, { networks: networks.table.objects() });
 *   const spec = portraitFigure(summary, { instrument, network: 'Aparctias', synthetic: true });
 *   // spec.layout.title.text === 'Figuur 1: Kenmerken van het netwerk Aparctias'
 */
export function portraitFigure(summary: readonly NetworkSummaryRow[], options: PortraitOptions): FigureSpec {
  checkNonEmpty(summary, 'the network summary', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  const names = summary.map((s) => s.network);
  const network = checkNetwork(options?.network, names, FIGURE);
  const index = names.indexOf(network);
  const o = resolveOptions(options, FIGURE, { width: 820, height: 500 }, index + 1);
  const w = WORDS[o.lang];
  const row = summary[index];
  if (!Array.isArray(row.scores) || row.scores.length === 0) throw new UserInputError(`${FIGURE}: ${network} has no scores; build the summary with networkSummary().`);

  // The rows of the figure: the summary's constructs, in its order (the study's portrait).
  const ids = row.scores.map((s) => s.construct);
  const labels = ids.map((id) => figureLabel(instrument, id, o.lang));
  const [lo, hi] = PORTRAIT_RANGE;
  const clip = (x: number) => Math.min(hi, Math.max(lo, x));

  const bandBase: Array<number | null> = [];
  const bandWidth: Array<number | null> = [];
  const means: Array<number | null> = [];
  const hover: string[] = [];
  ids.forEach((id, k) => {
    const s = row.scores.find((x) => x.construct === id)!;
    const mean = checkScaleValue(s.mean, `the mean of ${network} on "${id}"`, FIGURE);
    means.push(mean);
    const hasBand = mean !== null && typeof s.lower === 'number' && typeof s.upper === 'number' && Number.isFinite(s.lower) && Number.isFinite(s.upper);
    bandBase.push(hasBand ? clip(s.lower as number) : null);
    bandWidth.push(hasBand ? clip(s.upper as number) - clip(s.lower as number) : null);
    const clipped = hasBand && ((s.lower as number) < lo || (s.upper as number) > hi);
    hover.push(
      mean === null
        ? `<b>${labels[k]}</b><br>${w.unknown} (${w.n} = ${s.n})`
        : `<b>${labels[k]}</b><br>${w.mean} ${formatNumber(mean, 2, o.lang)}` +
            (hasBand ? `<br>${w.band}: ${formatNumber(s.lower, 2, o.lang)} – ${formatNumber(s.upper, 2, o.lang)}${clipped ? ` (${w.clipped})` : ''}` : '') +
            `<br>${w.n} = ${s.n}`,
    );
  });

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.portrait[o.lang](network)), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 230, r: 40, t: 80, b: 110 } });
  const ticks = readingTicks(instrument, o.lang);
  layout.xaxis = axis({ range: [...PORTRAIT_RANGE], autorange: false, fixedrange: true, tickmode: 'array', ...ticks, title: axisTitle(`${w.score}`, 6) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text } });
  layout.bargap = 0.45;
  layout.showlegend = true;
  layout.legend = { orientation: 'h', x: 0, xanchor: 'left', y: -0.3, yanchor: 'top', font: { family: THEME.fontFamily, size: 12, color: THEME.colors.muted } };

  return {
    data: [
      {
        type: 'bar',
        name: w.band,
        orientation: 'h',
        y: labels,
        x: bandWidth,
        base: bandBase,
        marker: { color: THEME.colors.band, line: { width: 0 } },
        hovertext: hover,
        hoverinfo: 'text',
      },
      {
        type: 'scatter',
        name: w.mean,
        mode: 'markers',
        y: labels,
        x: means,
        marker: { symbol: 'diamond', size: 13, color: THEME.colors.mean, line: { color: THEME.colors.meanOutline, width: 2 } },
        cliponaxis: false,
        hovertext: hover,
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}

/**
 * Figures 1-10 at once: one portrait per network of the summary, numbered in
 * its order, named `fig01-portrait-aparctias`, ...
 */
export function portraitFigures(summary: readonly NetworkSummaryRow[], options: Omit<PortraitOptions, 'network'>): NamedFigure[] {
  checkNonEmpty(summary, 'the network summary', FIGURE);
  const first = options?.number ?? 1;
  return summary.map((s, k) => ({
    name: `fig${String(first + k).padStart(2, '0')}-portrait-${slug(s.network)}`,
    spec: portraitFigure(summary, { ...options, network: s.network, number: first + k }),
  }));
}
