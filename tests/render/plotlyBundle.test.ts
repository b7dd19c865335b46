import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundleMark,
  CARTESIAN_TRACES,
  inlinedBundleKind,
  PLOTLY_PACKAGES,
  plotlyBundleForPages,
  plotlyBundleKind,
  plotlyBundlePath,
  plotlyBundleText,
  plotlyBundleVersion,
  widerBundle,
} from '../../lib/render/plotlyBundle';
import { reportFigures } from '../../lib/figures/reportFigures';
import { loadDefault, methodFigures } from '../figures/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');

describe('plotly bundles', () => {
  it('both packages are pinned to the same plotly.js version, and package.json pins them exactly', () => {
    expect(plotlyBundleVersion('cartesian')).toBe(plotlyBundleVersion('full'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies[PLOTLY_PACKAGES.cartesian]).toBe(plotlyBundleVersion('cartesian'));
    expect(pkg.dependencies[PLOTLY_PACKAGES.full]).toBe(plotlyBundleVersion('full'));
  });

  it('the cartesian bundle is the partial one, with the trace types its README lists, and a third of the size', () => {
    expect(plotlyBundleText('cartesian').slice(0, 200)).toContain(`plotly.js (cartesian - minified) v${plotlyBundleVersion('cartesian')}`);
    expect(plotlyBundleText('full').slice(0, 200)).toContain(`plotly.js v${plotlyBundleVersion('full')}`);
    const readme = fs.readFileSync(path.join(path.dirname(plotlyBundlePath('cartesian')), 'README.md'), 'utf8');
    const listed = /Contains trace modules (.*)\./.exec(readme)![1].match(/`([a-z0-9]+)`/g)!.map((s) => s.slice(1, -1));
    expect([...CARTESIAN_TRACES].sort()).toEqual(listed.sort());
    expect(plotlyBundleText('cartesian').length).toBeLessThan(plotlyBundleText('full').length / 2.5);
  });

  it('every figure of the report and every method figure needs only the cartesian bundle', () => {
    const d = loadDefault();
    for (const lang of ['nl', 'en'] as const) {
      const { figures } = reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: true, lang });
      expect(plotlyBundleKind(figures.map((f) => f.spec))).toBe('cartesian');
    }
    expect(plotlyBundleKind(methodFigures(d).map((f) => f.spec))).toBe('cartesian');
  });

  it('plotlyBundleKind: a trace without a type is a scatter; any other trace type needs the full bundle', () => {
    expect(plotlyBundleKind({ data: [{ y: [1, 2] }], layout: {} } as never)).toBe('cartesian');
    expect(plotlyBundleKind({ data: [], layout: {} })).toBe('cartesian');
    expect(plotlyBundleKind([{ data: [{ type: 'bar' }], layout: {} }, { data: [{ type: 'sankey' }], layout: {} }])).toBe('full');
    expect(plotlyBundleKind({ data: [{ type: 'scattergl' }], layout: {} })).toBe('full');
    expect(plotlyBundleKind({ data: [{ type: 42 }], layout: {} } as never)).toBe('full');
    expect(widerBundle('cartesian', 'cartesian')).toBe('cartesian');
    expect(widerBundle('cartesian', 'full')).toBe('full');
    expect(widerBundle('full', 'cartesian')).toBe('full');
  });

  it('the mark of an inlined bundle names its package, and is read back', () => {
    expect(inlinedBundleKind(`<script>${bundleMark('cartesian')}, inlined */</script>`)).toBe('cartesian');
    expect(inlinedBundleKind(`<script>${bundleMark('full')}, inlined */</script>`)).toBe('full');
    expect(inlinedBundleKind('<div class="dv-figure"></div>')).toBeNull();
  });

  it('the export pages get both bundles with the text-size cache hook, and nothing else changed', () => {
    for (const kind of ['cartesian', 'full'] as const) {
      const { text, hooked } = plotlyBundleForPages(kind);
      expect(hooked).toBe(true);
      const original = plotlyBundleText(kind);
      const hook = /__dvHook=\(typeof window!=="undefined"&&\(window\.__dvResetBBoxes=function\(\)\{[\w$]+\.savedBBoxes=\{\};[\w$]+=0;\}\)\),/;
      expect(text.replace(hook, '')).toBe(original);
    }
  });
});
