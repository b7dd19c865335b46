/**
 * The figures at any number of groups (issue 13 point 3, lib/figures/groups.ts):
 * the report's ten networks byte for byte as before, every group labelled at
 * 40 groups, compact and small figures at 2,000.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument } from '../../lib/io/instrument';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { reportFigures } from '../../lib/figures/reportFigures';
import { categoryTicks, COMPACT_ABOVE, groupScale, REPORT_GROUPS } from '../../lib/figures/groups';
import { responseFigure } from '../../lib/figures/response';
import type { FigureSpec } from '../../lib/figures/types';
import { tempDir } from '../tempDirs';
import { loadDefault } from './fixtures';

/** A generated study of `groups` groups, loaded as the commands load a data folder. */
function study(groups: number, respondents: number | [number, number]) {
  const dir = tempDir('dv-fig-groups-');
  const files = generateStudy(readInstrument(), { groups, respondents, seed: `figures/${groups}` });
  for (const f of ['survey.csv', 'networks.csv']) fs.writeFileSync(path.join(dir, f), files[f]);
  const s = loadStudyData(dir);
  return { instrument: s.instrument, survey: s.survey.table.objects() as Record<string, unknown>[], networks: s.networks?.table.objects() as Record<string, unknown>[] };
}

const axes = (spec: FigureSpec) => Object.keys(spec.layout).filter((k) => /^[xy]axis\d*$/.test(k)).map((k) => [k, spec.layout[k] as Record<string, any>] as const);

/** Every text a reader sees that is not data: title, subtitle, annotations, axis titles. */
function texts(spec: FigureSpec): string[] {
  const t = spec.layout.title as { text: string; subtitle?: { text: string } };
  return [
    t.text,
    t.subtitle?.text ?? '',
    ...(spec.layout.annotations as Array<{ text: string }>).map((a) => a.text),
    ...axes(spec).map(([, a]) => (a.title?.text as string) ?? ''),
  ];
}

describe('the rule', () => {
  it('keeps the report layout up to 10 groups, rows up to 100, compact above', () => {
    expect([2, REPORT_GROUPS, REPORT_GROUPS + 1, COMPACT_ABOVE, COMPACT_ABOVE + 1, 10_000].map(groupScale)).toEqual(['report', 'report', 'rows', 'rows', 'compact', 'compact']);
  });

  it('lists every category as a tick above ten categories, or when plotly would skip some; adds nothing otherwise', () => {
    const ten = Array.from({ length: 10 }, (_, k) => `N${k}`);
    expect(categoryTicks(ten, 400, 13)).toEqual({});
    expect(categoryTicks(ten, 100, 13)).toEqual({ tickmode: 'array', tickvals: ten });
    const forty = Array.from({ length: 40 }, (_, k) => `N${k}`);
    expect(categoryTicks(forty, 4000, 13)).toEqual({ tickmode: 'array', tickvals: forty });
  });
});

describe('the report on its ten networks', () => {
  // The default figures must not move when the rule changes: a hash of every spec, both languages.
  // Figure 18 changed on purpose with the rule (a label the dashed total line crossed went inside its bar);
  // everything else equals the specs before it. If a deliberate change moves them, update the hashes here.
  it('gives the same specs as before (hash of every figure, nl and en)', () => {
    const d = loadDefault();
    const hash = (lang: 'nl' | 'en') =>
      createHash('sha256')
        .update(JSON.stringify(reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: d.synthetic, lang })))
        .digest('hex')
        .slice(0, 16);
    expect({ nl: hash('nl'), en: hash('en') }).toEqual(DEFAULT_HASHES);
  });

  it('Figure 18: no label the dashed total line runs through', () => {
    const d = loadDefault();
    const spec = reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: true }).figures.find((f) => f.name === 'fig18-response')!.spec;
    const overall = (spec.layout.shapes as Array<{ y0: number }>)[0].y0;
    const bar = spec.data[0] as unknown as { y: number[]; textposition: string[] };
    // A label above its bar spans about 1-6 percentage points above the bar's top (12 px text on 3.1 px per point).
    bar.y.forEach((p, k) => {
      const outside = bar.textposition[k] === 'outside';
      if (outside) expect(overall < p || overall > p + 6.5, `bar ${k} (${p}%) with the line at ${overall}%`).toBe(true);
    });
    expect(bar.textposition.filter((t) => t === 'inside').length).toBeGreaterThan(0);
  });
});

describe('40 groups', () => {
  const s = study(40, [6, 14]);
  const { figures } = reportFigures(s, { synthetic: true });
  const names = [...new Set(s.survey.map((r) => String(r.network)))].sort();
  const byKey = (key: string) => figures.find((f) => f.name.endsWith(key))!;

  it('draws a portrait per group and labels every group on every group axis (explicit ticks, no dtick)', () => {
    expect(figures.filter((f) => f.name.includes('-portrait-'))).toHaveLength(40);
    const groupFigures = ['-boundaries', '-years', '-overlap', '-patterns-boundaries', '-patterns-impact', '-patterns-decisions', '-response'].map(byKey);
    for (const f of groupFigures) {
      const groupAxes = axes(f.spec).filter(([, a]) => Array.isArray(a.categoryarray) && a.categoryarray.length === 40);
      expect(groupAxes.length, f.name).toBeGreaterThan(0);
      for (const [k, a] of groupAxes) {
        expect([...a.categoryarray].sort(), `${f.name} ${k}`).toEqual(names);
        expect(a.tickmode, `${f.name} ${k}`).toBe('array');
        expect(a.tickvals, `${f.name} ${k}`).toEqual(a.categoryarray);
        expect(a.dtick, `${f.name} ${k}`).toBeUndefined();
        expect(k.startsWith('y'), `${f.name} ${k}: groups are rows`).toBe(true);
      }
      // Room for each label: at least 1.2 x its font size per group (plotly's own rule), on the figure's height.
      const m = f.spec.layout.margin as { t: number; b: number };
      const font = (groupAxes[0][1].tickfont as { size: number }).size;
      expect(((f.spec.layout.height as number) - m.t - m.b) / 40, f.name).toBeGreaterThanOrEqual(font * 1.2);
    }
  });

  it('says nothing of letters, of ten networks or N = 10', () => {
    for (const f of figures) {
      for (const t of texts(f.spec)) expect(t, f.name).not.toMatch(/letter|geanonimiseerd|anonymised|tien netwerken|ten networks|N = 10/i);
    }
  });

  it('Figure 18 as rows keeps its labels in a column right of 100%, clear of the total line', () => {
    const rows = Array.from({ length: 40 }, (_, k) => ({ network: `School ${k + 1}`, approached: 20, responded: 8 + (k % 13), letter: null }));
    const spec = responseFigure(rows, { by: 'network' });
    const labels = spec.data.find((t) => t.mode === "text") as unknown as { x: number[] };
    expect(labels.x.every((x) => x > 100)).toBe(true);
    expect((spec.data[0] as { text?: unknown }).text).toBeUndefined();
  });
});

describe('2,000 groups', () => {
  // Figure sizes depend on the number of groups, not of respondents: 6 each keeps the test quick.
  const s = study(2000, 6);
  const { figures } = reportFigures(s, { synthetic: true });
  const sizes = figures.map((f) => [f.name, JSON.stringify(f.spec).length] as const);

  it('switches every figure to its compact form: one trace per row, no per-point hover strings, values to 3 decimals', () => {
    expect(figures.map((f) => f.name)).toEqual(['fig01-portraits', 'fig02-motivation', 'fig03-boundaries', 'fig04-years', 'fig05-overlap', 'fig06-patterns-boundaries', 'fig07-patterns-impact', 'fig08-patterns-decisions', 'fig09-response']);
    for (const f of figures) {
      for (const t of f.spec.data as Array<Record<string, any>>) {
        if (Array.isArray(t.hovertext)) expect(t.hovertext.length, `${f.name}: one hover string per group`).toBeLessThan(100);
        for (const key of ['x', 'y']) {
          if (!Array.isArray(t[key]) || t[key].length < 100) continue; // per-group traces (motivation's 11 reasons are not)
          for (const v of t[key]) if (typeof v === 'number') expect(Math.abs(v * 1000 - Math.round(v * 1000)), `${f.name} ${key}`).toBeLessThan(1e-6);
        }
        if (Array.isArray(t.text) && t.text.length === 2000) expect(t.hovertemplate, f.name).toMatch(/%\{text\}/);
      }
      for (const [, a] of axes(f.spec)) expect(Array.isArray(a.categoryarray) && a.categoryarray.length > 100, f.name).toBe(false);
    }
  });

  it('keeps each figure under 400 kB and all of them under 1.5 MB of JSON', () => {
    // The budget: the report at 2,000 groups must stay under 5 MB; plotly.js takes 1.5 MB of it and the
    // network table about 1.8 MB, so the figures get 1.5 MB. The largest figure, the portrait overview, holds
    // 8 characteristics x 2,000 dots at about 22 bytes each (a value to 3 decimals, the group's name, its n):
    // 350 kB; 400 kB leaves room for longer names, not for a second copy of anything.
    for (const [name, size] of sizes) expect(size, name).toBeLessThan(400_000);
    expect(sizes.reduce((t, [, size]) => t + size, 0)).toBeLessThan(1_500_000);
  });

  it('titles say how many groups one dot each stands for', () => {
    const title = (name: string) => (figures.find((f) => f.name === name)!.spec.layout.title as { text: string }).text;
    expect(title('fig03-boundaries')).toMatch(/2\.000 netwerken, één punt per netwerk/);
    expect(title('fig01-portraits')).toMatch(/2\.000 netwerken/);
    for (const f of figures) for (const t of texts(f.spec)) expect(t, f.name).not.toMatch(/letter|geanonimiseerd|tien netwerken|N = 10/i);
  });
});

const DEFAULT_HASHES = { nl: 'f6b17cc14b27d9b2', en: 'b8a5557cf93fc161' };

