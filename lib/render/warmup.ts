/** The warm-up figures every export page draws before its first real one. */
import { axis, axisTitle, baseLayout, font, THEME } from '../figures/theme';
import type { FigureSpec } from '../figures/types';

/**
 * Small made-up figures that every page draws before its first real one (see
 * makeLanes), built from the house theme (theme.ts) the way the figure
 * builders build theirs: a portrait-like one (horizontal bars on a base, a
 * marker per row, multi-line tick labels, a legend), a patterns-like one (four
 * panels of bars and lines, a shared colour axis and its colour bar, slanted
 * category labels, panel titles, a frame) and a heatmap with text (the
 * method figures). All use automatic margins, the title with a subtitle and
 * the synthetic-data mark, as the builders do. A page's first drawing of each
 * kind compiles plotly's code for it; this moves that to the start-up, before
 * the clock of the figures starts. The output does not depend on it: every
 * figure is drawn as in a fresh page (see plotlyBundleForPages).
 * What it gains is measured in docs/benchmarks.md.
 */
export const WARM_SPECS: readonly FigureSpec[] = (() => {
  const rows = ['Gedeelde visie', 'Onderling vertrouwen', 'Affectiviteit', 'Besluitvorming'];
  const scale = { range: [1, 5], autorange: false, tickmode: 'array', tickvals: [1, 2, 3, 4, 5], ticktext: ['1<br>laag', '2', '3<br>matig', '4', '5<br>hoog'] };
  const portrait: FigureSpec = {
    data: [
      { type: 'bar', name: 'band', orientation: 'h', y: rows, x: [0.4, 0.3, 0.5, 0.2], base: [2.1, 3.2, 2.6, 3.9], marker: { color: THEME.colors.band, line: { width: 0 } }, hoverinfo: 'text', hovertext: rows },
      { type: 'scatter', name: 'gemiddelde', mode: 'markers', y: rows, x: [2.3, 3.35, 2.85, 4], marker: { symbol: 'diamond', size: 13, color: THEME.colors.mean, line: { color: THEME.colors.meanOutline, width: 2 } }, cliponaxis: false },
    ],
    layout: {
      ...baseLayout({ lang: 'nl', title: 'Figuur 0: opwarmen', synthetic: true, width: 620, height: 380, margin: { l: 180, b: 110 } }),
      xaxis: axis({ ...scale, title: axisTitle('Score (1-5)', 6) }),
      yaxis: axis({ showgrid: false, ticks: '', type: 'category', categoryorder: 'array', categoryarray: rows, autorange: 'reversed' }),
      bargap: 0.45,
      showlegend: true,
      legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.3, yanchor: 'top', font: font(12, THEME.colors.muted) },
    },
  };
  const names = ['Aa', 'Bb', 'Cc', 'Dd', 'Ee'];
  const panels = [1, 2, 3, 4];
  const ax = (k: number) => (k === 1 ? '' : String(k));
  const patterns: FigureSpec = {
    data: panels.flatMap((k) => {
      const y = names.map((_, i) => 1.5 + ((i * 7 + k * 3) % 10) / 3);
      return [
        { type: 'bar', name: `v${k}`, x: names, y, xaxis: `x${ax(k)}`, yaxis: `y${ax(k)}`, marker: { color: [10, 14, 20, 26, 33], coloraxis: 'coloraxis', line: { color: '#ffffff', width: 0.5 } }, showlegend: false },
        { type: 'scatter', name: `v${k}`, mode: 'lines+markers', x: names, y, xaxis: `x${ax(k)}`, yaxis: `y${ax(k)}`, line: { color: THEME.colors.lightBlue, width: 2.5 }, marker: { color: THEME.colors.lightBlue, size: 6 }, cliponaxis: false, showlegend: false },
      ];
    }),
    layout: (() => {
      const base = baseLayout({ lang: 'nl', title: 'Figuur 0: panelen', subtitle: 'Geordend op de eerste variabele', synthetic: true, width: 900, height: 420, margin: { r: 110, t: 140, b: 120 } });
      const layout: Record<string, unknown> = { ...base, showlegend: false, bargap: 0.2 };
      for (const k of panels) {
        const d0 = (k - 1) / 4 + (k > 1 ? 0.02 : 0);
        layout[`xaxis${ax(k)}`] = axis({ showgrid: false, tickfont: font(11), domain: [d0, k / 4 - 0.02], anchor: `y${ax(k)}`, type: 'category', categoryorder: 'array', categoryarray: names, tickangle: -60 });
        layout[`yaxis${ax(k)}`] = axis({ tickfont: font(11), anchor: `x${ax(k)}`, range: [1, 5], autorange: false, dtick: 1, ...(k === 1 ? { title: axisTitle('Score (1-5)', 4) } : {}) });
        (layout.annotations as unknown[]).push({ text: `<b>Variabele ${k}</b>`, xref: `x${ax(k)} domain`, yref: 'paper', x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom', showarrow: false, font: font(13) });
      }
      (layout.shapes as unknown[]).push({ type: 'rect', xref: 'paper', yref: 'paper', x0: -0.045, x1: 0.23, y0: -0.3, y1: 1.09, line: { color: THEME.colors.muted, width: 1.2 }, fillcolor: 'rgba(0,0,0,0)', layer: 'below' });
      layout.coloraxis = { colorscale: THEME.purples, cmin: 9, cmax: 38, colorbar: { title: { text: 'Leden', font: font(12) }, thickness: 14, len: 0.8, x: 1.01, xanchor: 'left', y: 0.5, tickfont: font(11) } };
      return layout;
    })(),
  };
  const heatmap: FigureSpec = {
    data: [{ type: 'heatmap', z: [[1, -0.5], [-0.5, 1]], x: ['u', 'v'], y: ['u', 'v'], zmin: -1, zmax: 1, xgap: 2, ygap: 2, text: [['1', '-,5'], ['-,5', '1']], texttemplate: '%{text}', colorscale: THEME.diverging, colorbar: { title: { text: 'r' } } }],
    layout: { ...baseLayout({ lang: 'nl', title: 'Figuur 0: matrix', synthetic: true, width: 420, height: 360 }), xaxis: axis({ showgrid: false }), yaxis: axis({ showgrid: false, autorange: 'reversed' }) },
  };
  return [portrait, patterns, heatmap];
})();
