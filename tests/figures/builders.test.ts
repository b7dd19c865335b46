import { describe, expect, it } from 'vitest';
import { loadDefault } from './fixtures';
import { reportFigures, REPORT_FIGURE_NAMES } from '../../lib/figures/reportFigures';
import { portraitFigure, portraitFigures, PORTRAIT_RANGE } from '../../lib/figures/portrait';
import { patternsFigure, patternOrder } from '../../lib/figures/patterns';
import { motivationFigure } from '../../lib/figures/motivation';
import { boundariesFigure } from '../../lib/figures/boundaries';
import { yearsFigure } from '../../lib/figures/years';
import { overlapFigure } from '../../lib/figures/overlap';
import { responseFigure } from '../../lib/figures/response';
import { SYNTHETIC_ANNOTATION } from '../../lib/figures/theme';
import { motivationSummary } from '../../lib/analysis/motivationSummary';
import { boundaryProfile } from '../../lib/analysis/boundaryProfile';
import type { FigureSpec } from '../../lib/figures/types';

const d = loadDefault();
const { instrument } = d;
const nl = reportFigures({ instrument, survey: d.rows, networks: d.networkRows }, { synthetic: d.synthetic });
const en = reportFigures({ instrument, survey: d.rows, networks: d.networkRows }, { synthetic: d.synthetic, lang: 'en' });
const byName = (figs: typeof nl, name: string) => figs.figures.find((f) => f.name === name)!.spec;
const title = (s: FigureSpec) => (s.layout.title as { text: string }).text;
const ax = (s: FigureSpec, name: string) => s.layout[name] as Record<string, any>;
const label = (id: string, lang: 'nl' | 'en') => instrument.constructs.find((c) => c.id === id)![lang];
const mean = (network: string, id: string) => d.table.find((r) => r.network === network)!.means[id] as number;

/** A small, stable view of a spec for snapshots: no hover texts, numbers to 3 decimals. */
function trim(spec: FigureSpec) {
  const round = (v: unknown): unknown =>
    typeof v === 'number' ? Math.round(v * 1000) / 1000 : Array.isArray(v) ? v.map(round) : v;
  const pick = (o: Record<string, any> | undefined, keys: string[]) =>
    o ? Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, round(o[k])])) : undefined;
  const axes = Object.keys(spec.layout).filter((k) => /^[xy]axis\d*$/.test(k)).sort();
  return {
    title: title(spec),
    size: [spec.layout.width, spec.layout.height],
    axes: Object.fromEntries(axes.map((k) => [k, pick(spec.layout[k] as Record<string, any>, ['range', 'categoryarray', 'tickvals', 'domain'])])),
    annotations: (spec.layout.annotations as Array<{ text: string }>).map((a) => a.text),
    traces: spec.data.map((t) => pick(t as Record<string, any>, ['type', 'name', 'orientation', 'x', 'y', 'base', 'xaxis', 'yaxis'])),
  };
}

describe('report figures', () => {
  it('builds every figure of the report, named and numbered as in the report', () => {
    expect(nl.skipped).toEqual([]);
    const names = nl.figures.map((f) => f.name);
    expect(names.slice(0, 10)).toEqual(d.names.map((n, k) => `fig${String(k + 1).padStart(2, '0')}-portrait-${n.toLowerCase()}`));
    expect(names.slice(10)).toEqual([...REPORT_FIGURE_NAMES]);
    nl.figures.forEach((f, k) => expect(title(f.spec)).toMatch(new RegExp(`^Figuur ${k + 1}: `)));
    en.figures.forEach((f, k) => expect(title(f.spec)).toMatch(new RegExp(`^Figure ${k + 1}: `)));
    expect(title(byName(nl, 'fig16-patterns-impact'))).toBe('Figuur 16: Patronen in impact');
    expect(title(byName(en, 'fig16-patterns-impact'))).toBe('Figure 16: Patterns in impact');
    expect(title(byName(nl, 'fig01-portrait-aparctias'))).toBe('Figuur 1: Kenmerken van het netwerk Aparctias');
  });

  it('specs are plain JSON (no functions, no class instances)', () => {
    for (const f of [...nl.figures, ...en.figures]) expect(JSON.parse(JSON.stringify(f.spec))).toEqual(f.spec);
  });

  it('marks synthetic data, in the language of the figure, and only when asked', () => {
    expect(d.synthetic).toBe(true);
    for (const [figs, text] of [[nl, 'synthetische data'], [en, 'synthetic data']] as const) {
      for (const f of figs.figures) {
        const marks = (f.spec.layout.annotations as Array<{ name?: string; text: string }>).filter((a) => a.name === SYNTHETIC_ANNOTATION);
        expect(marks.map((m) => m.text), f.name).toEqual([text]);
      }
    }
    const real = reportFigures({ instrument, survey: d.rows, networks: d.networkRows }, { synthetic: false });
    for (const f of real.figures) expect((f.spec.layout.annotations as Array<{ name?: string }>).some((a) => a.name === SYNTHETIC_ANNOTATION)).toBe(false);
  });

  it('builders do not change their input', () => {
    const copy = structuredClone(d.table);
    const summary = structuredClone(d.summary);
    patternsFigure(d.table, { instrument, figure: 16 });
    portraitFigures(d.summary, { instrument });
    expect(d.table).toEqual(copy);
    expect(d.summary).toEqual(summary);
  });
});

describe('portraits (Figures 1-10)', () => {
  const portraits = nl.figures.slice(0, 10).map((f) => f.spec);

  it('have identical axes, rows and size, on the 1-5 scale', () => {
    expect(PORTRAIT_RANGE).toEqual([1, 5]);
    for (const p of portraits) {
      expect(ax(p, 'xaxis').range).toEqual([1, 5]);
      expect(ax(p, 'xaxis').autorange).toBe(false);
      expect(ax(p, 'xaxis')).toEqual(ax(portraits[0], 'xaxis'));
      expect(ax(p, 'yaxis')).toEqual(ax(portraits[0], 'yaxis'));
      expect([p.layout.width, p.layout.height]).toEqual([portraits[0].layout.width, portraits[0].layout.height]);
    }
    expect(ax(portraits[0], 'yaxis').categoryarray).toEqual(['Wisselingen in personen', 'Wisselingen in organisaties', 'Onderling vertrouwen', 'Gedeelde visie', 'Overlap in onderwerpen', 'Overlap met andere netwerken', 'Besluitvorming', 'Ingeschatte impact']);
  });

  it('draw the band (mean +/- 2 SE, clipped to the scale) as a dark block and the mean as a mark', () => {
    d.summary.forEach((s, k) => {
      const [band, marks] = portraits[k].data as Array<Record<string, any>>;
      expect(band.type).toBe('bar');
      expect(band.marker.color).toBe('#1d2b53');
      expect(marks.type).toBe('scatter');
      s.scores.forEach((x, j) => {
        expect(marks.x[j]).toBe(x.mean);
        expect(band.base[j]).toBeCloseTo(Math.max(1, x.lower!), 12);
        expect(band.base[j] + band.x[j]).toBeCloseTo(Math.min(5, x.upper!), 12);
      });
    });
  });

  it('label the rows with the codebook names in English with lang en', () => {
    const p = portraitFigure(d.summary, { instrument, network: 'Notos', lang: 'en' });
    expect(title(p)).toBe('Figure 8: Characteristics of the network Notos');
    expect(ax(p, 'yaxis').categoryarray[0]).toBe('Turnover of persons');
    expect(ax(p, 'xaxis').ticktext[0]).toBe('1<br>very little<br>very low');
    expect(p.layout.separators).toBe('.,');
  });

  it('snapshot (trimmed)', () => {
    expect(trim(portraits[0])).toMatchSnapshot();
  });
});

describe('patterns (Figures 15-17)', () => {
  it('Figure 16 orders the networks by estimated impact, highest left, one panel per variable', () => {
    const s = byName(nl, 'fig16-patterns-impact');
    const expected = [...d.names].sort((a, b) => mean(b, 'impact') - mean(a, 'impact'));
    expect(expected[0]).toBe('Apeliotes'); // the report: Apeliotes, Erus, Meses highest; Lips, Notos lowest
    expect(expected.slice(-2)).toEqual(['Lips', 'Notos']);
    for (const k of ['xaxis', 'xaxis2', 'xaxis3', 'xaxis4']) expect(ax(s, k).categoryarray).toEqual(expected);
    const panels = (s.layout.annotations as Array<{ text: string }>).map((a) => a.text).filter((t) => t.startsWith('<b>'));
    expect(panels).toEqual(['impact', 'shared_vision', 'affectivity', 'trust'].map((id) => `<b>${label(id, 'nl')}</b>`));
    // bars per panel: values in the same order, coloured by members on the purple scale
    const bars = s.data.filter((t) => t.type === 'bar') as Array<Record<string, any>>;
    expect(bars).toHaveLength(4);
    expect(bars[3].y).toEqual(expected.map((n) => mean(n, 'trust')));
    expect(bars[0].marker.color).toEqual(expected.map((n) => d.table.find((r) => r.network === n)!.members));
    expect(bars[0].marker.coloraxis).toBe('coloraxis');
    const ca = s.layout.coloraxis as Record<string, any>;
    const luminance = (hex: string) => [1, 3, 5].reduce((sum, i, k) => sum + [0.2126, 0.7152, 0.0722][k] * parseInt(hex.slice(i, i + 2), 16), 0);
    const stops = (ca.colorscale as Array<[number, string]>).map(([, c]) => luminance(c));
    expect([...stops].sort((a, b) => b - a)).toEqual(stops); // darker purple = more members
    expect(ca.colorbar.title.text).toBe('Leden');
    // light-blue lines through each panel
    const lines = s.data.filter((t) => t.type === 'scatter') as Array<Record<string, any>>;
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l.line.color).toBe('#5fa8e0');
    for (const k of ['yaxis', 'yaxis2', 'yaxis3', 'yaxis4']) expect(ax(s, k).range).toEqual([1, 5]);
  });

  it('Figure 15 orders by administrative divisions; Figure 17 by impact with years on its own axis', () => {
    const s15 = byName(nl, 'fig15-patterns-boundaries');
    expect(ax(s15, 'xaxis').categoryarray).toEqual(patternOrder(d.table, 'bnd_administrative').map((r) => r.network));
    expect(ax(s15, 'xaxis').categoryarray.at(-1)).toBe('Erus'); // administrative divisions matter least in Erus (3.2)
    const s17 = byName(en, 'fig17-patterns-decisions');
    expect(ax(s17, 'xaxis').categoryarray).toEqual(patternOrder(d.table, 'impact').map((r) => r.network));
    const panels = (s17.layout.annotations as Array<{ text: string }>).map((a) => a.text).filter((t) => t.startsWith('<b>'));
    expect(panels).toEqual(['<b>Estimated impact</b>', '<b>Monitoring compliance with decisions</b>', '<b>Decision making</b>', '<b>Years the network exists</b>']);
    expect(ax(s17, 'yaxis4').range[0]).toBe(0);
    expect(ax(s17, 'yaxis4').range[1]).toBeGreaterThanOrEqual(22);
    const years = s17.data.filter((t) => t.type === 'bar')[3] as Record<string, any>;
    expect(years.hovertext.find((h: string) => h.includes('Meses'))).toContain('&lt;= 5');
  });

  it('takes a custom ordering and variables', () => {
    const s = patternsFigure(d.table, { instrument, orderBy: 'trust', variables: ['impact', 'members'], number: 3, title: 'Vertrouwen' });
    expect(title(s)).toBe('Figuur 3: Vertrouwen');
    expect(ax(s, 'xaxis').categoryarray[0]).toBe('Notos'); // highest trust (4.1, conflict 3)
    expect((s.layout.annotations as Array<{ text: string }>).filter((a) => a.text.startsWith('<b>')).map((a) => a.text)).toEqual(['<b>Onderling vertrouwen</b>', '<b>Ingeschatte impact</b>', '<b>Leden</b>']);
  });

  it('snapshot of Figure 16 (trimmed)', () => {
    expect(trim(byName(nl, 'fig16-patterns-impact'))).toMatchSnapshot();
  });
});

describe('comparison figures (11-14, 18)', () => {
  it('Figure 11 sorts the reasons by mean importance, most important on top', () => {
    const s = byName(nl, 'fig11-motivation');
    const bar = s.data[0] as Record<string, any>;
    const x = bar.x as number[];
    expect([...x].sort((a, b) => b - a)).toEqual(x);
    const rows = motivationSummary(d.rows, instrument).filter((r) => r.network === null);
    const top = [...rows].sort((a, b) => b.mean! - a.mean!).slice(0, 3).map((r) => r.item);
    expect(top).toEqual(['motivation_1', 'motivation_2', 'motivation_3']);
    expect(ax(s, 'yaxis').categoryarray[0]).toContain('niet alleen');
    expect(ax(s, 'xaxis').range).toEqual([1, 5]);
    const perNetwork = motivationFigure(motivationSummary(d.rows, instrument, { byNetwork: true }), { instrument, perNetwork: true, lang: 'en' });
    expect(perNetwork.data).toHaveLength(2);
    expect((perNetwork.data[1] as Record<string, any>).x).toHaveLength(110);
    expect(ax(perNetwork, 'yaxis').categoryarray[0]).toContain('on our own');
  });

  it('Figure 12 shows the four dimensions per network in both languages', () => {
    const s = byName(nl, 'fig12-boundaries');
    expect(s.data.map((t) => t.name)).toEqual(['Bestuurlijke indelingen', 'Reputatie van leden', 'Sociaal-culturele lijnen', 'Natuurlijke grenzen']);
    expect(byName(en, 'fig12-boundaries').data.map((t) => t.name)).toEqual(['Administrative divisions', 'Reputation of members', 'Socio-cultural lines', 'Natural borders']);
    expect(ax(s, 'xaxis').categoryarray).toEqual(d.names);
    expect(ax(s, 'yaxis').range).toEqual([1, 5]);
    const erus = d.names.indexOf('Erus');
    const y = s.data.map((t) => (t.y as number[])[erus]);
    expect(Math.max(...y)).toBe(y[2]); // Erus: socio-cultural first (3.2)
    const b = boundariesFigure(boundaryProfile(d.rows, instrument, { networks: d.networkRows }), { instrument, bands: false });
    expect((b.data[0] as Record<string, any>).error_y).toBeUndefined();
  });

  it('Figure 13 shows years, longest first, with the Figure 13 class in the hover', () => {
    const s = byName(nl, 'fig13-years');
    const bar = s.data[0] as Record<string, any>;
    expect(bar.y[0]).toBe('Meses');
    expect(bar.x[0]).toBe(22);
    expect(bar.hovertext[0]).toContain('years_fig13');
    expect(bar.hovertext[0]).toContain('&lt;= 5');
    expect(yearsFigure(d.table, { sort: 'table' }).data[0].y).toEqual(d.names);
  });

  it('Figure 14 shows both overlaps and the mean number of other networks', () => {
    const s = byName(nl, 'fig14-overlap');
    expect(s.data.map((t) => t.name)).toEqual(['Overlap in onderwerpen', 'Overlap met andere netwerken', 'Gemiddeld aantal andere netwerken']);
    const counts = s.data[2].x as number[];
    const byCount = d.names.map((n, k) => [n, counts[k]] as const).sort((a, b) => b[1] - a[1]);
    expect(byCount[0][0]).toBe('Notos'); // about 8 (3.6)
    expect(ax(s, 'xaxis').range).toEqual([1, 5]);
    expect(ax(s, 'xaxis2').range[0]).toBe(0);
    expect(overlapFigure(d.table, { instrument, lang: 'en' }).data[2].name).toBe('Mean number of other networks');
  });

  it('Figure 18 shows the response per letter (report percentages) or per network', () => {
    const s = byName(nl, 'fig18-response');
    expect(s.data[0].x).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect((s.data[0].y as number[]).map(Math.round)).toEqual([89, 80, 81, 45, 64, 77, 67, 84, 100, 89]);
    const byNetwork = responseFigure(d.table, { by: 'network', lang: 'en' });
    expect(byNetwork.data[0].x).toEqual(d.names);
    expect(ax(byNetwork, 'xaxis').title.text).toBe('Network');
  });

  it('snapshots (trimmed)', () => {
    for (const name of ['fig11-motivation', 'fig12-boundaries', 'fig13-years', 'fig14-overlap', 'fig18-response']) {
      expect(trim(byName(en, name))).toMatchSnapshot(name);
    }
  });
});
