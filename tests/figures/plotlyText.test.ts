/**
 * Markup in data (issue 16): group names, figure letters, codebook labels,
 * study captions and the caller's labels holding `<a href>`, `<b>`, `<br>` or
 * entities are drawn as written, in every figure at every number of groups.
 * plotly reads a subset of HTML in every text (lib/figures/plotlyText.ts), so
 * the test reads each string of a spec as plotly does: split on `<...>`, and
 * every tag must be one the builders add themselves.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../lib/data/generateStudy';
import type { Instrument } from '../../lib/io/instrument';
import { readInstrument } from '../../lib/io/instrument';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { reportStudyDefinition, type StudyDefinition } from '../../lib/io/studyDefinition';
import { correlationMatrixFigure } from '../../lib/figures/correlationMatrix';
import { dendrogramFigure } from '../../lib/figures/dendrogram';
import { iccForestFigure } from '../../lib/figures/iccForest';
import { itemRestFigure } from '../../lib/figures/itemRest';
import { loadingsFigure } from '../../lib/figures/loadings';
import { looScatterFigure } from '../../lib/figures/looScatter';
import { plotlyText } from '../../lib/figures/plotlyText';
import { reportFigures } from '../../lib/figures/reportFigures';
import { responseFigure } from '../../lib/figures/response';
import { screeFigure } from '../../lib/figures/scree';
import type { FigureSpec, NamedFigure } from '../../lib/figures/types';
import { DEFAULT_CHROMIUM } from '../../lib/render/browser';
import { exportFigures } from '../../lib/render/exportFigures';
import { tempDir } from '../tempDirs';
import { loadDefault } from './fixtures';

/** What a hostile study writes into its names and labels: a link, formatting, a line break and an entity that must stay text. */
const MARKUP = ' <a href="https://evil.example/">link</a> <b>bold</b> <i>it</i><br>R&amp;D';
/** The link as it must reach the spec: escaped, so plotly draws the characters. */
const ESCAPED_LINK = '&lt;a href="https://evil.example/"&gt;link&lt;/a&gt;';
/** The tags the builders write around text themselves. */
const OWN_TAGS = new Set(['<br>', '<b>', '</b>', '<extra>', '</extra>']);

/** Every string in a spec (titles, ticks, categories, names, hover, annotations). */
function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}

/** The tags plotly would act on (its svg_text_utils splits text on /(<[^<>]*>)/) that the builders did not write. */
function foreignTags(spec: FigureSpec): string[] {
  return strings(spec).flatMap((s) => (s.match(/<[^<>]*>/g) ?? []).filter((t) => !OWN_TAGS.has(t)));
}

/** Every `nl`/`en` text of a codebook or study definition with the markup appended. */
function hostileTexts<T>(x: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, (k === 'nl' || k === 'en') && typeof w === 'string' ? w + MARKUP : walk(w)]));
    return v;
  };
  return walk(x) as T;
}

/** A study's rows with every group renamed to carry the markup, and letters wrapped in <b>. */
function hostileStudy(instrument: Instrument, survey: Record<string, unknown>[], networks: Record<string, unknown>[]) {
  const rename = (n: unknown) => `${String(n)}${MARKUP}`;
  return {
    instrument: hostileTexts(instrument),
    survey: survey.map((r) => ({ ...r, network: rename(r.network) })),
    networks: networks.map((r) => ({ ...r, network: rename(r.network), ...(r.fig18_letter ? { fig18_letter: `<b>${String(r.fig18_letter)}</b>` } : {}) })),
    study: hostileTexts(reportStudyDefinition()) as StudyDefinition,
  };
}

function generated(groups: number) {
  const dir = tempDir('dv-fig-markup-');
  const files = generateStudy(readInstrument(), { groups, respondents: 4, seed: `markup/${groups}` });
  for (const f of ['survey.csv', 'networks.csv']) fs.writeFileSync(path.join(dir, f), files[f]);
  const s = loadStudyData(dir);
  return hostileStudy(s.instrument, s.survey.table.objects() as Record<string, unknown>[], s.networks!.table.objects() as Record<string, unknown>[]);
}

function expectLiteral(figures: readonly NamedFigure[]): void {
  for (const f of figures) expect(foreignTags(f.spec), f.name).toEqual([]);
  const all = figures.flatMap((f) => strings(f.spec));
  expect(all.some((s) => s.includes(ESCAPED_LINK))).toBe(true);
  expect(all.some((s) => s.includes('R&amp;amp;D'))).toBe(true);
}

describe('plotlyText', () => {
  it('writes <, > and & as entities and leaves other text as it is', () => {
    expect(plotlyText('<b>x</b> & <a href="y">')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;');
    expect(plotlyText('Aparctias – ‘vertrouwen’')).toBe('Aparctias – ‘vertrouwen’');
  });
});

describe('markup in names, letters and labels is drawn as written', () => {
  it('the report figures of ten groups, in both languages (letters in Figure 18)', () => {
    const d = loadDefault();
    const data = hostileStudy(d.instrument, d.rows, d.networkRows);
    for (const lang of ['nl', 'en'] as const) {
      const { figures } = reportFigures(data, { lang, synthetic: true });
      expect(figures.map((f) => f.name)).toContain('fig18-response');
      expectLiteral(figures);
    }
  });

  it('the report figures as rows (12 groups, Figure 18 by name) and compact (120 groups)', () => {
    for (const groups of [12, 120]) expectLiteral(reportFigures(generated(groups), { synthetic: true }).figures);
  });

  it('the method figures, with the caller title and axis labels', () => {
    const names = ['A', 'B', 'C'].map((n) => n + MARKUP);
    const title = `Schaal${MARKUP}`;
    const figures: NamedFigure[] = [
      { name: 'scree', spec: screeFigure({ observed: [2, 0.5, 0.2], simulated: [1.2, 1, 0.8] }, { title }) },
      { name: 'loadings', spec: loadingsFigure({ loadings: [[0.8], [0.7], [0.6]], items: names, factors: [`F1${MARKUP}`] }, { title }) },
      { name: 'item-rest', spec: itemRestFigure({ items: names, r: [0.6, 0.5, 0.2] }, { title }) },
      { name: 'icc', spec: iccForestFigure(names.map((network) => ({ network, icc: 0.9, lower: 0.85, upper: 0.95 })), { title }) },
      { name: 'correlations', spec: correlationMatrixFigure({ names, matrix: [[1, 0.5, 0.2], [0.5, 1, 0.1], [0.2, 0.1, 1]] }, { title }) },
      { name: 'dendrogram', spec: dendrogramFigure({ merge: [[-1, -2], [-3, 1]], height: [0.5, 1.2], order: [3, 1, 2], labels: names }, { title }) },
      { name: 'loo', spec: looScatterFigure({ x: [1, 2, 3], y: [1, 3, 2], labels: names, rWithout: [0.9, -1, 1] }, { title, xLabel: `x${MARKUP}`, yLabel: `y${MARKUP}`, highlight: [names[0]] }) },
      { name: 'response', spec: responseFigure(names.map((network) => ({ network, approached: 10, responded: 5, letter: null })), { by: 'network', title }) },
    ];
    expectLiteral(figures);
  });
});

/** The SVG with the serializer's numeric entities for < and > written as the named ones. */
const xmlText = (svg: string) => svg.replace(/&#60;/g, '&lt;').replace(/&#62;/g, '&gt;');

const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM);

describe.skipIf(!hasChromium)('an exported SVG', () => {
  it('holds the markup as text: no link element, the characters in the text', async () => {
    const d = loadDefault();
    const { figures } = reportFigures(hostileStudy(d.instrument, d.rows, d.networkRows), { synthetic: true });
    const chosen = figures.filter((f) => f.name.startsWith('fig01-portrait-') || f.name === 'fig18-response');
    expect(chosen).toHaveLength(2);
    const dir = tempDir('dv-fig-markup-svg-');
    await exportFigures(chosen, { outDir: dir, formats: ['svg'], pages: 1 });
    for (const f of chosen) {
      const svg = xmlText(fs.readFileSync(path.join(dir, `${f.name}.svg`), 'utf8'));
      expect(svg, f.name).not.toMatch(/<a[\s>]|xlink:href/);
      // a live <b> would be a tspan of its own holding just "bold"
      expect(svg, f.name).not.toMatch(/>bold<\/tspan>/);
    }
    // the characters "<a href=..." as the text of a <text> element: the portrait's title and codebook labels, Figure 18's letters
    const portrait = xmlText(fs.readFileSync(path.join(dir, `${chosen[0].name}.svg`), 'utf8'));
    expect(portrait).toContain('&lt;a href="https://evil.example/"&gt;link&lt;/a&gt; &lt;b&gt;bold&lt;/b&gt; &lt;i&gt;it&lt;/i&gt;&lt;br&gt;R&amp;amp;D');
    const fig18 = xmlText(fs.readFileSync(path.join(dir, 'fig18-response.svg'), 'utf8'));
    expect(fig18).toContain('&lt;b&gt;A&lt;/b&gt;');
  }, 60_000);
});
