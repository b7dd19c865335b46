/**
 * Intercoder agreement per code as a forest plot: Krippendorff's alpha with
 * its bootstrap interval, and (for two coders) Cohen's kappa with its
 * asymptotic interval, beside reference lines at .667 and .80 (Krippendorff's
 * lowest acceptable and good reliability).
 */
import { resolveOptions, titleOf } from '../../figures/common';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME, wrapLabel } from '../../figures/theme';
import { plotlyText } from '../../figures/plotlyText';
import type { FigureOptions, FigureSpec, PlotlyTrace } from '../../figures/types';
import { UserInputError } from '../../util/errors';
import type { PresenceAgreementResult } from '../agreement/presenceAgreement';
import { QUAL_WORDS } from './words';

const FIGURE = 'agreementFigure';

/**
 * @example
 *   show(agreementFigure(presenceAgreement(project, { unit: 'paragraph', level: 'theme', coders: ['A', 'B'] })));
 */
export function agreementFigure(result: PresenceAgreementResult, options: FigureOptions & { thresholds?: number[] } = {}): FigureSpec {
  if (!result || !Array.isArray(result.perCode) || result.perCode.length === 0) throw new UserInputError(`${FIGURE}: expected the result of presenceAgreement(project, ...) with at least one code.`);
  const thresholds = options.thresholds ?? [0.667, 0.8];
  const o = resolveOptions({ synthetic: result.synthetic, ...options }, FIGURE, { width: 900, height: Math.max(380, 170 + 34 * result.perCode.length) });
  const w = QUAL_WORDS[o.lang];
  const names = result.perCode.map((c) => wrapLabel(result.level === 'theme' ? c.label : c.path, 40));
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, w.agreementTitle), subtitle: `${w.units[result.unit]}; ${result.coders.join(', ')}; ${result.documents.join(', ')}`, synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 250, b: 90 } });
  layout.xaxis = axis({ range: [-1, 1.02], autorange: false, title: axisTitle(w.coefficient) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, ticks: '' });
  layout.legend = { orientation: 'h', x: 0, y: -0.14, yanchor: 'top', font: font(12) };
  for (const t of thresholds) {
    (layout.shapes as unknown[]).push({ type: 'line', xref: 'x', yref: 'paper', x0: t, x1: t, y0: 0, y1: 1, line: { color: THEME.colors.accent, width: 1, dash: 'dot' } });
    (layout.annotations as unknown[]).push({ text: formatNumber(t, 2, o.lang), xref: 'x', yref: 'paper', x: t, y: 1, yanchor: 'bottom', showarrow: false, font: font(11, THEME.colors.accent) });
  }
  const alpha = result.perCode.map((c) => c.alpha);
  const data: PlotlyTrace[] = [
    {
      type: 'scatter',
      mode: 'markers',
      name: w.alpha,
      y: names,
      x: alpha.map((a) => a.alpha),
      error_x: { type: 'data', symmetric: false, array: alpha.map((a) => (a.ci && a.alpha !== null ? a.ci.upper - a.alpha : 0)), arrayminus: alpha.map((a) => (a.ci && a.alpha !== null ? a.alpha - a.ci.lower : 0)), color: THEME.colors.band, thickness: 2, width: 4 },
      marker: { symbol: 'square', size: 10, color: THEME.colors.band },
      hovertext: result.perCode.map((c) => `<b>${plotlyText(c.path)}</b><br>alpha ${formatNumber(c.alpha.alpha, 2, o.lang)}${c.alpha.ci ? ` [${formatNumber(c.alpha.ci.lower, 2, o.lang)}, ${formatNumber(c.alpha.ci.upper, 2, o.lang)}]` : ''}<br>n = ${c.n}${c.alpha.note ? `<br>${wrapLabel(c.alpha.note, 60)}` : ''}`),
      hoverinfo: 'text',
    },
  ];
  if (result.coders.length === 2) {
    const k = result.perCode.map((c) => c.cohen);
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: w.kappa,
      y: names,
      x: k.map((c) => c?.kappa ?? null),
      error_x: { type: 'data', symmetric: false, array: k.map((c) => (c?.kappa != null && c.upper != null ? c.upper - c.kappa : 0)), arrayminus: k.map((c) => (c?.kappa != null && c.lower != null ? c.kappa - c.lower : 0)), color: THEME.colors.lightBlue, thickness: 1.5, width: 3 },
      marker: { symbol: 'circle', size: 8, color: THEME.colors.lightBlue },
      hovertext: result.perCode.map((c) => `<b>${plotlyText(c.path)}</b><br>kappa ${formatNumber(c.cohen?.kappa, 2, o.lang)}${c.cohen?.note ? `<br>${wrapLabel(c.cohen.note, 60)}` : ''}`),
      hoverinfo: 'text',
    });
  }
  return { data, layout };
}
