/**
 * Renders every figure of the report (and the method figures) in a real
 * headless Chromium, in one session, and checks the SVG and PNG output.
 * Skipped, with a message, only when Chromium is not installed.
 */
import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefault, methodFigures } from '../figures/fixtures';
import { reportFigures } from '../../lib/figures/reportFigures';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../lib/render/browser';
import { FigureRenderer, renderFigures, type RenderedFigure, RenderResult } from '../../lib/render/renderer';
import { plotlyBundleForPages, plotlyBundlePath } from '../../lib/render/plotlyBundle';
import { resetShow, show } from '../../lib/render/show';
import { closeSharedRenderer } from '../../lib/render/sharedRenderer';
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
  afterAll(() => closeSharedRenderer());

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

  it('a fresh browser session gives the same bytes, whatever the order, page or scale of the other figures', { timeout: 240_000 }, async () => {
    const pick = ['fig16-patterns-impact', 'fig18-response-en', 'method-dendrogram', 'fig01-portrait-aparctias'];
    const again = await renderFigures(
      pick.map((n) => all.find((f) => f.name === n)!),
      { scale: 2, pages: 1 },
    );
    for (const f of again.figures) {
      const before = result.figures.find((x) => x.name === f.name)!;
      expect(f.svg === before.svg, `${f.name}: the same SVG`).toBe(true);
      expect(Buffer.compare(f.png!, before.png!), `${f.name}: the same PNG`).toBe(0);
    }
  });

  it('each SVG and PNG is byte for byte what Plotly.toImage gives in a fresh page', { timeout: 240_000 }, async () => {
    expect(plotlyBundleForPages('cartesian').hooked, 'the text-size cache reset is installed in the cartesian bundle').toBe(true);
    expect(plotlyBundleForPages('full').hooked, 'the text-size cache reset is installed in the full bundle').toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium: pw } = require('playwright-core') as typeof import('playwright-core');
    const browser = await pw.launch({ executablePath: chromium, args: CHROMIUM_ARGS });
    try {
      for (const name of ['fig01-portrait-aparctias', 'fig16-patterns-impact', 'method-dendrogram']) {
        const spec = all.find((f) => f.name === name)!.spec;
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
        // the same seeded Math.random as the renderer's pages
        await page.evaluate(() => {
          let state = 20240401;
          Math.random = () => {
            state = (state + 0x6d2b79f5) | 0;
            let t = Math.imul(state ^ (state >>> 15), 1 | state);
            t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
          };
        });
        await page.addScriptTag({ path: plotlyBundlePath('cartesian') });
        const url = await page.evaluate(
          (s) => (globalThis as unknown as { Plotly: { toImage: (f: unknown, o: unknown) => Promise<string> } }).Plotly.toImage({ data: s.data, layout: s.layout }, { format: 'svg', width: s.layout.width, height: s.layout.height }),
          spec,
        );
        const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
        const ours = result.figures.find((f) => f.name === name)!;
        expect(svg === ours.svg, `${name}: toImage's SVG`).toBe(true);
        const png = await page.evaluate(
          (s) => (globalThis as unknown as { Plotly: { toImage: (f: unknown, o: unknown) => Promise<string> } }).Plotly.toImage({ data: s.data, layout: s.layout }, { format: 'png', width: s.layout.width, height: s.layout.height, scale: 2 }),
          spec,
        );
        expect(Buffer.compare(Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'), ours.png!), `${name}: toImage's PNG`).toBe(0);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('a trace type outside the cartesian bundle gets the full bundle in that page; the same figure drawn by either bundle gives the same bytes', { timeout: 120_000 }, async () => {
    // sankey: drawn in SVG (no WebGL), and not in the cartesian bundle
    const flows: FigureSpec = { data: [{ type: 'sankey', node: { label: ['Opleiding', 'Scholen', 'Bestuur'] }, link: { source: [0, 0], target: [1, 2], value: [3, 1] } }], layout: { title: { text: 'Stromen' }, width: 500, height: 400 } };
    const fig16 = nl.find((f) => f.name === 'fig16-patterns-impact')!.spec;
    // one page, three calls: the order within a call is the pages' business (drawingOrder)
    const renderer = await FigureRenderer.launch({ pages: 1 });
    let first: RenderedFigure, flowsOut: RenderedFigure, after: RenderedFigure;
    try {
      [first] = await renderer.render([{ name: 'cartesian-first', spec: fig16 }], { scale: 1 });
      [flowsOut] = await renderer.render([{ name: 'flows', spec: flows }], { scale: 1 });
      [after] = await renderer.render([{ name: 'after-the-full-bundle', spec: fig16 }], { scale: 1 });
    } finally {
      await renderer.close();
    }
    expect(flowsOut.svg).toContain('Stromen');
    // drawn by the sankey module of the full bundle, not left empty by the cartesian one
    expect(flowsOut.svg).toContain('class="sankey"');
    for (const label of ['Opleiding', 'Scholen', 'Bestuur']) expect(flowsOut.svg).toContain(label);
    expect(flowsOut.png!.length).toBeGreaterThan(1000);
    expect(after.svg === first.svg, 'fig16: the same SVG from the cartesian and the full bundle').toBe(true);
    expect(Buffer.compare(after.png!, first.png!), 'fig16: the same PNG from the cartesian and the full bundle').toBe(0);
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
