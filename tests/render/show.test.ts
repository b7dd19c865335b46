import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { figureHtml, resetShow, show } from '../../lib/render/show';
import { patternsFigure } from '../../lib/figures/patterns';

const d = loadDefault();
const spec = patternsFigure(d.table, { instrument: d.instrument, figure: 16, synthetic: true });

describe('figureHtml (the HTML behind show)', () => {
  it('holds a div, the static fallback image, and a script that draws the spec', () => {
    const html = figureHtml(spec, { id: 'fig16', fallback: { format: 'svg', svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>Figuur 16</text></svg>' } });
    expect(html).toMatch(/^<div class="dv-figure" id="fig16"/);
    expect(html).toContain('<img alt="Figuur 16: Patronen in impact" width="1400" height="600"');
    expect(html).toContain(`src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>Figuur 16</text></svg>').toString('base64')}"`);
    expect(html).toContain('window.Plotly.newPlot(el, spec.data, spec.layout');
    expect(html).toContain('"Patronen in impact"'.slice(1, -1));
    // nothing is loaded from elsewhere
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/cdn\.plot\.ly|cdnjs|jsdelivr|unpkg/);
    // the spec cannot close its script tag early
    const tricky = structuredClone(spec);
    (tricky.layout.title as { text: string }).text = 'a </script><script>alert(1)</script>';
    const h2 = figureHtml(tricky, { id: 'x1' });
    expect(h2.match(/<\/script>/g)).toHaveLength(1);
    expect(h2).toContain('\\u003c/script>');
  });

  it('inlines the plotly bundle only when given, and falls back to text without an image', () => {
    const withBundle = figureHtml(spec, { id: 'a', bundle: { kind: 'cartesian', text: 'window.Plotly = { newPlot: function () {} }; // </script>' } });
    expect(withBundle).toContain('/* plotly.js from node_modules (plotly.js-cartesian-dist-min), inlined once per notebook session */');
    expect(withBundle).toContain('if (!window.Plotly) {\nwindow.Plotly = { newPlot: function () {} }; // <\\/script>\nwindow.__dvPlotlyBundle = "cartesian";\n}');
    // the full bundle also replaces a cartesian one loaded before
    const withFull = figureHtml(spec, { id: 'a', bundle: { kind: 'full', text: 'window.Plotly = {};' } });
    expect(withFull).toContain("/* plotly.js from node_modules (plotly.js-dist-min), inlined once per notebook session */\nif (!window.Plotly || window.__dvPlotlyBundle !== 'full') {\nwindow.Plotly = {};\nwindow.__dvPlotlyBundle = \"full\";\n}");
    expect(withBundle.includes('inlined once per notebook session')).toBe(true);
    expect(figureHtml(spec, { id: 'a' }).includes('inlined once per notebook session')).toBe(false);
    expect(figureHtml(spec, { id: 'a' })).toContain('interactive figure: it needs JavaScript');
    expect(() => figureHtml(spec, { id: '1 bad' })).toThrow(/id "1 bad" must start with a letter/);
  });
});

describe('show', () => {
  it('sends HTML to the display; the bundle from node_modules goes with the first figure only', async () => {
    resetShow();
    const sent: string[] = [];
    const display = { html: (s: string) => sent.push(s) };
    await show(spec, { display, fallback: 'none' });
    await show(spec, { display, fallback: 'none' });
    expect(sent).toHaveLength(2);
    expect(sent[0].length).toBeGreaterThan(1_000_000); // plotly.js inlined
    expect(sent[0].length).toBeLessThan(2_000_000); // the cartesian bundle, not the full one
    expect(sent[0].includes('plotly.js (cartesian - minified) v')).toBe(true);
    expect(sent[1].length).toBeLessThan(200_000);
    expect(sent[1].includes('plotly.js (cartesian')).toBe(false);
    const ids = sent.map((s) => /id="([^"]+)"/.exec(s)![1]);
    expect(ids[0]).not.toBe(ids[1]);
    resetShow();
  });

  it('sends the full bundle once for a figure with a trace type the cartesian bundle lacks, and no bundle after it', async () => {
    resetShow();
    const sent: string[] = [];
    const display = { html: (s: string) => sent.push(s) };
    const surface = { data: [{ type: 'scatter3d', x: [1, 2], y: [1, 2], z: [1, 2] }], layout: { title: { text: '3D' } } };
    await show(spec, { display, fallback: 'none' });
    await show(surface, { display, fallback: 'none' });
    await show(surface, { display, fallback: 'none' });
    await show(spec, { display, fallback: 'none' });
    expect(sent.map((s) => (s.includes('(plotly.js-dist-min)') ? 'full' : s.includes('(plotly.js-cartesian-dist-min)') ? 'cartesian' : 'none'))).toEqual(['cartesian', 'full', 'none', 'none']);
    expect(sent[1].includes('plotly.js v')).toBe(true);
    resetShow();
  });
});
