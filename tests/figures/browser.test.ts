/**
 * Renders every figure of the report (and the method figures) in a real
 * headless Chromium, in one session, and checks the SVG and PNG output.
 * Skipped, with a message, only when Chromium is not installed.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefault, methodFigures } from './fixtures';
import { reportFigures } from '../../lib/figures/reportFigures';
import { DEFAULT_CHROMIUM, renderFigures, RenderResult } from '../../lib/figures/export';
import { resetShow, show } from '../../lib/figures/notebook';
import type { FigureSpec, NamedFigure } from '../../lib/figures/types';

const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const hasChromium = fs.existsSync(chromium);
if (!hasChromium) {
  console.warn(`tests/figures/browser.test.ts: SKIPPED - no Chromium at ${chromium} (Debian/Ubuntu: apt-get install chromium fonts-liberation, or set CHROMIUM_PATH).`);
}

/** Texts plotly writes into the SVG: entities for &, <, > and quotes. */
const svgText = (s: string) => s.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const axisTitles = (spec: FigureSpec) =>
  Object.keys(spec.layout)
    .filter((k) => /^[xy]axis\d*$/.test(k))
    .map((k) => (spec.layout[k] as { title?: { text?: string } }).title?.text)
    .filter((t): t is string => typeof t === 'string');
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe.skipIf(!hasChromium)('figures in a real browser (one Chromium session)', () => {
  const d = loadDefault();
  const nl = reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: d.synthetic }).figures;
  const en = reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: d.synthetic, lang: 'en' }).figures.map((f) => ({ name: `${f.name}-en`, spec: f.spec }));
  const methods = methodFigures(d);
  const all: NamedFigure[] = [...nl, ...en, ...methods, { name: 'again-fig01', spec: nl[0].spec }];
  let result: RenderResult;

  /** The network names (or letters) a figure must show. */
  const expectedNames = (name: string): string[] => {
    const base = name.replace(/-en$/, '');
    if (base.startsWith('fig0') || base.startsWith('fig10')) return [d.names.find((n) => base.endsWith(n.toLowerCase()))!];
    if (base === 'fig11-motivation') return [];
    if (base === 'fig18-response') return ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    if (base.startsWith('method-') && !['method-icc', 'method-dendrogram', 'method-loo-scatter'].includes(base)) return [];
    return d.names;
  };

  it('renders every figure to SVG and PNG', { timeout: 240_000 }, async () => {
    result = await renderFigures(all, { scale: 2 });
    expect(result.figures.map((f) => f.name)).toEqual(all.map((f) => f.name));
    expect(result.plotlyVersion).toMatch(/^\d+\.\d+\.\d+$/);
    for (const f of result.figures) {
      expect(f.ms).toBeGreaterThan(0);
      expect(f.svgMs).not.toBeNull();
      expect(f.pngMs).not.toBeNull();
    }
  });

  it('each SVG holds the title, the axis titles, every network name and the synthetic mark', () => {
    for (const f of result.figures.filter((x) => !x.name.startsWith('again'))) {
      const spec = all.find((x) => x.name === f.name)!.spec;
      const svg = f.svg!;
      expect(svg.startsWith('<svg'), f.name).toBe(true);
      const has = (text: string, what: string) => expect(svg.includes(text), `${f.name}: ${what} ${JSON.stringify(text)}`).toBe(true);
      has(`width="${spec.layout.width}"`, 'width');
      has(svgText((spec.layout.title as { text: string }).text), 'title');
      for (const t of axisTitles(spec)) has(svgText(t), 'axis title');
      const portrait = /^fig(0\d|10)-/.test(f.name);
      for (const n of expectedNames(f.name)) has(portrait ? `${n}</text>` : `>${n}<`, 'network');
      has(f.name.endsWith('-en') ? 'synthetic data' : 'synthetische data', 'mark');
    }
    // spot checks of what the figures say
    const fig16 = result.figures.find((f) => f.name === 'fig16-patterns-impact')!.svg!;
    for (const t of ['Ingeschatte impact', 'Gedeelde visie', 'Onderlinge affectiviteit', 'Onderling vertrouwen', 'Leden']) expect(fig16).toContain(t);
    expect(result.figures.find((f) => f.name === 'fig16-patterns-impact-en')!.svg!).toContain('Shared vision');
    expect(result.figures.find((f) => f.name === 'fig11-motivation')!.svg!).toContain('niet alleen');
  });

  it('PNGs have the spec size at scale 2, and the same spec gives the same files', () => {
    for (const f of result.figures) {
      expect(f.png!.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(pngSize(f.png!)).toEqual({ width: 2 * f.width, height: 2 * f.height });
    }
    const [a, b] = [result.figures[0], result.figures.at(-1)!];
    expect(b.svg === a.svg, 'the same SVG twice').toBe(true);
    expect(Buffer.compare(a.png!, b.png!)).toBe(0);
  });

  it('show() in a notebook carries a static SVG of the figure for front ends without JavaScript', { timeout: 120_000 }, async () => {
    resetShow();
    const sent: string[] = [];
    await show(nl[15].spec, { display: { html: (s) => sent.push(s) } });
    const m = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(sent[0]);
    expect(m).not.toBeNull();
    const svg = Buffer.from(m![1], 'base64').toString('utf8');
    expect(svg).toContain('Figuur 16: Patronen in impact');
    expect(svg).toContain('Apeliotes');
    resetShow();
  });
});
