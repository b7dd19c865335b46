/**
 * A patterns view of the explorer as a plotly figure: one panel per variable,
 * the groups in the view's order (highest first, missing last, ties by name,
 * as the page orders them), each panel titled with r, rho and p against the
 * ordering variable (panelStats: the page's numbers). It is the image shown
 * where scripts do not run (an executed notebook on GitHub or nbviewer); the
 * page itself draws with its own script. Portrait and compare views have no
 * image (their static part keeps its table).
 */
import { formatP, formatR } from '../analysis/evaluateFindings';
import type { Language } from '../io/instrument';
import { compareForPattern } from '../figures/patterns';
import { plotlyText } from '../figures/plotlyText';
import { THEME } from '../figures/theme';
import type { FigureSpec } from '../figures/types';
import { panelStats } from './panelStats';
import type { ExplorerData, View } from './types';
import { EXPLORER_WORDS } from './words';

/** Above this many groups the panels show dots without names (as the page does above 100). */
const ROWS_UP_TO = 100;

/**
 * @example
 *   const data = explorerDataOf(loadStudyData());
 *   const spec = explorerViewFigure(data, data.savedViews[0].view, 'en'); // Figure 16's view, for a static image
 */
export function explorerViewFigure(data: ExplorerData, view: View, lang: Language): FigureSpec | null {
  if (view.mode !== 'patterns') return null;
  const dropped = new Set(view.dropped ?? []);
  const valuesOf = (id: string) => data.variables.find((v) => v.id === id)!.values;
  const order = valuesOf(view.orderBy);
  const keep = data.groups.map((_, k) => k).filter((k) => !dropped.has(data.groups[k]));
  keep.sort((a, b) => compareForPattern(order[a], order[b], data.groups[a], data.groups[b]));
  const names = keep.map((k) => plotlyText(data.groups[k]));
  const rows = keep.length <= ROWS_UP_TO;
  const ids = [view.orderBy, ...view.panels];
  const stats = new Map(panelStats(data, view).map((s) => [s.variable, s]));
  const words = EXPLORER_WORDS[lang];
  const gap = 0.04;
  const span = (1 - gap * (ids.length - 1)) / ids.length;
  const font = (size: number, color: string = THEME.colors.text) => ({ family: THEME.fontFamily, size, color });
  const traces: FigureSpec['data'] = [];
  const layout: FigureSpec['layout'] = {
    width: Math.max(720, Math.min(1400, 260 * ids.length + 200)),
    height: rows ? Math.max(330, 130 + keep.length * (keep.length <= 10 ? 30 : 18)) : 430,
    margin: { l: rows ? 130 : 50, r: 20, t: 70, b: 40 },
    paper_bgcolor: THEME.colors.background,
    plot_bgcolor: THEME.colors.background,
    font: font(THEME.fontSize),
    showlegend: false,
    annotations: [],
  };
  ids.forEach((id, k) => {
    const variable = data.variables.find((v) => v.id === id)!;
    const values = keep.map((g) => valuesOf(id)[g]);
    const axis = k === 0 ? '' : String(k + 1);
    const x = `x${axis}`;
    const y = `y${axis}`;
    const start = k * (span + gap);
    layout[`xaxis${axis}`] = { domain: [start, start + span], range: variable.range, showgrid: true, gridcolor: THEME.colors.grid, zeroline: false, tickfont: font(11), anchor: y };
    layout[`yaxis${axis}`] = rows
      ? { type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showticklabels: k === 0, tickfont: font(11), anchor: x }
      : { range: [keep.length + 1, 0], showticklabels: false, showgrid: false, zeroline: false, anchor: x };
    traces.push(
      rows
        ? { type: 'bar', orientation: 'h', x: values, y: names, xaxis: x, yaxis: y, marker: { color: k === 0 ? THEME.colors.band : THEME.colors.bar }, hoverinfo: 'skip' }
        : { type: 'scatter', mode: 'markers', x: values, y: keep.map((_, i) => i + 1), xaxis: x, yaxis: y, marker: { color: THEME.colors.bar, size: 3 }, hoverinfo: 'skip' },
    );
    const s = stats.get(id);
    const second = k === 0 ? words.ordering : s ? `r = ${formatR(s.r, lang)} · ρ = ${formatR(s.rho, lang)} · p ${s.p !== null && s.p < 0.001 ? '' : '= '}${formatP(s.p, lang)}` : '';
    (layout.annotations as unknown[]).push({
      text: `<b>${plotlyText(variable.label[lang])}</b><br>${plotlyText(second)}`,
      x: start + span / 2,
      y: 1,
      xref: 'paper',
      yref: 'paper',
      xanchor: 'center',
      yanchor: 'bottom',
      yshift: 6,
      showarrow: false,
      font: font(12),
    });
  });
  return { data: traces, layout };
}
