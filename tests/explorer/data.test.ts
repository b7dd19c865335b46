/**
 * The explorer's data (every group-level variable as compact JSON) against
 * the analyses they come from, the privacy minimum of the subgroup cells,
 * the study's patterns as saved views, and the page built from them: the
 * same bytes for the same inputs, its static fallback, the notebook output
 * and the command's file rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { tempDir } from '../tempDirs';
import { explorerData } from '../../lib/explorer/explorerData';
import { explorerHtml } from '../../lib/explorer/explorerHtml';
import { explorerSection } from '../../lib/explorer/explorerSection';
import { panelStats } from '../../lib/explorer/panelStats';
import { showExplorer } from '../../lib/explorer/showExplorer';
import { explorerViewFigure } from '../../lib/explorer/viewFigure';
import { patternOrder } from '../../lib/figures/patterns';
import { writeExplorer, isExplorerFile } from '../../lib/explorer/writeExplorer';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { motivationSummary } from '../../lib/analysis/motivationSummary';
import { criticalR, formatP, formatR } from '../../lib/analysis/evaluateFindings';
import { completeCount } from '../../lib/analysis/privacy';
import { reportStudyDefinition } from '../../lib/io/studyDefinition';
import { correlate } from '../../lib/stats/correlation/correlate';
import { permutationTest } from '../../lib/stats/resampling/permutationTest';
import { UserInputError } from '../../lib/util/errors';

const d = loadDefault();
const definition = reportStudyDefinition();
const data = explorerData({ survey: d.rows, networks: d.networkRows, instrument: d.instrument, definition, synthetic: d.synthetic });
const round6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
const values = (id: string) => data.variables.find((v) => v.id === id)!.values;

describe('explorerData', () => {
  it("orders the groups on every variable as the full-precision values do (ties that rounding would make keep more decimals)", () => {
    const order = (xs: ReadonlyArray<number | null>) => xs.map((v, i) => [v ?? -Infinity, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
    for (const c of d.instrument.constructs.filter((k) => k.kind === 'scale')) {
      expect(order(values(c.id)), c.id).toEqual(order(d.table.map((r) => r.means[c.id] ?? null)));
    }
    // administrative divisions: Apeliotes and Thrascias agree to six decimals on the shipped data
    const bnd = values('bnd_administrative');
    const [a, t] = [d.names.indexOf('Apeliotes'), d.names.indexOf('Thrascias')];
    expect(bnd[a]).not.toBe(bnd[t]);
    expect(round6(bnd[a])).toBe(round6(bnd[t]));
  });

  it('holds every group-level variable: construct means, size, years, response, motivation, networks.csv columns', () => {
    expect(data.groups).toEqual(d.names);
    for (const c of d.instrument.constructs.filter((k) => k.kind === 'scale' || k.kind === 'count')) {
      expect(values(c.id).map(round6), c.id).toEqual(d.table.map((r) => round6(r.means[c.id])));
    }
    expect(values('members')).toEqual(d.table.map((r) => r.members));
    expect(values('years')).toEqual(d.table.map((r) => r.years));
    expect(values('response_rate')).toEqual(d.table.map((r) => round6(r.responseRate)));
    expect(data.variables.find((v) => v.id === 'bnd_natural')!.source).toBe('boundary');
    const motivation = motivationSummary(d.rows, d.instrument, { byNetwork: true });
    expect(data.variables.filter((v) => v.source === 'motivation')).toHaveLength(11);
    expect(values('motivation_3')).toEqual(d.names.map((n) => round6(motivation.find((m) => m.item === 'motivation_3' && m.network === n)!.mean)));
    expect(values('school_boards')).toEqual(d.networkRows.map((r) => Number(r.school_boards)));
    expect(data.categories.map((c) => c.id)).toContain('lead');
    expect(data.variables.find((v) => v.id === 'impact')!.range).toEqual([1, 5]);
  });

  it("has the study's three patterns (Figures 15-17) as saved views, and the findings' critical r per N", () => {
    expect(data.savedViews.map((s) => s.id)).toEqual(definition.patterns.map((p) => p.id));
    expect(data.savedViews[1].view).toEqual({ mode: 'patterns', orderBy: 'impact', panels: ['shared_vision', 'affectivity', 'trust'], colour: 'members' });
    expect(data.critical.oneSided[10]).toBeCloseTo(criticalR(10, false), 4);
    expect(data.critical.twoSided[7]).toBeCloseTo(criticalR(7, true), 4);
  });

  it('gives the portraits the bands of networkSummary, and leaves subgroup cells below the privacy minimum out of the page', () => {
    const summary = networkSummary(d.rows, d.instrument, { constructs: definition.portrait });
    expect(data.portrait.constructs).toEqual(definition.portrait);
    const s = summary[3].scores[2];
    // bands are only drawn: three decimals
    const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1e3) / 1e3);
    expect(data.portrait.bands[3][2]).toEqual([round3(s.mean), round3(s.lower), round3(s.upper), s.n]);
    const split = data.splits.find((x) => x.id === 'org_type')!;
    let shown = 0;
    let hidden = 0;
    split.levels.forEach((level, li) => {
      d.names.forEach((g, gi) => {
        const own = d.rows.filter((r) => r.network === g && r.org_type === level.code);
        const cell = split.cells[gi][li];
        if (completeCount(own) >= 5) {
          shown++;
          expect(cell, `${g} ${level.code}`).not.toBeNull();
        } else {
          hidden++;
          expect(cell, `${g} ${level.code}`).toBeNull();
        }
      });
    });
    expect(shown).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(0);
    const strict = explorerData({ survey: d.rows, networks: d.networkRows, instrument: d.instrument, definition }, { privacy: { minComplete: 1000 } });
    expect(strict.splits.every((sp) => sp.cells.every((row) => row.every((c) => c === null)))).toBe(true);
  });

  it('says what is wrong with its input', () => {
    expect(() => explorerData({ survey: [], networks: null, instrument: d.instrument, definition })).toThrow(/the survey is empty/);
    expect(() => explorerData({ survey: d.rows, instrument: d.instrument } as never)).toThrow(/definition/);
  });
});

describe('panelStats (the reference the page is checked against)', () => {
  it('is correlate and the exact permutation p on the groups not dropped', () => {
    const [row] = panelStats(data, { mode: 'patterns', orderBy: 'impact', panels: ['trust'], dropped: ['Meses'] });
    const keep = d.names.map((n, k) => k).filter((k) => d.names[k] !== 'Meses');
    const x = keep.map((k) => values('impact')[k] as number);
    const y = keep.map((k) => values('trust')[k] as number);
    expect(row).toEqual({ variable: 'trust', n: 9, r: correlate(x, y).r, rho: correlate(x, y, { method: 'spearman' }).r, p: permutationTest(x, y).p, pMethod: 'exact' });
  });
});

describe('explorerHtml', () => {
  const bundle = '/* a stand-in for plotly.js */ window.Plotly = {};';
  it('gives the same bytes for the same inputs, with labelled controls and a static fallback computed by lib/stats', () => {
    const a = explorerHtml(data, { lang: 'en', plotly: bundle });
    expect(explorerHtml(data, { lang: 'en', plotly: bundle })).toBe(a);
    for (const id of ['mode', 'saved', 'order', 'colour', 'search', 'group', 'split', 'compare', 'lang']) expect(a, id).toContain(`<label for="dv-explorer-${id}"`);
    expect(a).toContain('<meta name="generator" content="delicate-verbanden explorer">');
    const rows = panelStats(data, data.savedViews[0].view);
    const r = rows[0].r as number;
    expect(a).toContain(`<td>${Math.abs(r).toFixed(2).replace(/^0/, '').replace(/^/, r < 0 ? '-' : '')}</td>`);
    expect(a).not.toMatch(/<script[^>]+src=/);
    expect(a).not.toMatch(/<link[^>]+href=/);
  });

  it('as a section of another page: no <html>, no plotly.js; in a notebook: a unique id per output', () => {
    const s = explorerSection(data, { lang: 'nl' });
    expect(s.startsWith('<section class="dv-explorer" id="dv-explorer"')).toBe(true);
    expect(s).not.toContain('<html');
    expect(s).not.toContain('plotly.js from node_modules');
  });

  it('in a notebook: a unique id per output, and the first view as a figure spec for the static image of a headless run', async () => {
    const out: string[] = [];
    const display = { html: (h: string) => out.push(h) };
    const before = process.env.DV_STATIC_FIGURES;
    process.env.DV_STATIC_FIGURES = '0'; // as in headless runs: the notebooks' static-figure step renders the image afterwards
    try {
      await showExplorer(data, '#view=patterns&order=trust&panels=impact', { display });
      await showExplorer(data, '#view=portrait&order=impact&focus=Notos', { display });
      await expect(showExplorer(data, '#view=patterns&order=impakt', { display })).rejects.toThrow(/showExplorer: view: 1 problem:\n  orderBy: "impakt" is not a variable of the data; did you mean "impact"\?/);
    } finally {
      if (before === undefined) delete process.env.DV_STATIC_FIGURES;
      else process.env.DV_STATIC_FIGURES = before;
    }
    const ids = out.map((h) => /<section class="dv-explorer" id="([^"]+)"/.exec(h)![1]);
    expect(ids[0]).not.toBe(ids[1]);
    expect(out[0]).toContain('plotly.js from node_modules');
    const spec = JSON.parse(/<script type="application\/json" class="dv-explorer-static-spec">([^<]*)<\/script>/.exec(out[0])![1]);
    expect(spec).toEqual(explorerViewFigure(data, { mode: 'patterns', orderBy: 'trust', panels: ['impact'] }, 'nl'));
    // a portrait view has no image: its static part keeps the table
    expect(out[1]).not.toContain('dv-explorer-static-spec');
  });

  it('the static image of a patterns view: the groups in the order of the report\'s figure, r, rho and p in the panel titles', () => {
    const view = { mode: 'patterns' as const, orderBy: 'bnd_administrative', panels: ['bnd_reputation', 'bnd_sociocultural', 'bnd_natural'] };
    const spec = explorerViewFigure(data, view, 'en')!;
    expect(spec.data).toHaveLength(4);
    expect((spec.layout.yaxis as { categoryarray: string[] }).categoryarray).toEqual(patternOrder(d.table, 'bnd_administrative').map((r) => r.network));
    const titles = (spec.layout.annotations as Array<{ text: string }>).map((a) => a.text);
    const reputation = panelStats(data, view).find((s) => s.variable === 'bnd_reputation')!;
    expect(titles[1]).toContain(`r = ${formatR(reputation.r, 'en')} · ρ = ${formatR(reputation.rho, 'en')} · p = ${formatP(reputation.p, 'en')}`);
    expect(explorerViewFigure(data, { ...view, dropped: ['Meses'] }, 'en')!.data[0].y).not.toContain('Meses');
    expect(explorerViewFigure(data, { mode: 'portrait', orderBy: 'impact', panels: [], focus: 'Notos' }, 'en')).toBeNull();
  });

  it('rejects a bad option with a message', () => {
    expect(() => explorerHtml(data, { lang: 'de' as never })).toThrow(/expected "nl" or "en"/);
    expect(() => explorerHtml(data, { id: '1x' })).toThrow(/must start with a letter/);
    expect(() => explorerHtml({} as never)).toThrow(UserInputError);
  });
});

describe('writeExplorer (npm run explorer)', () => {
  it('writes the page, replaces its own page, and never a file it did not write', () => {
    const dir = tempDir('dv-explorer-');
    const out = path.join(dir, 'explorer.html');
    const result = writeExplorer({ dataDir: path.resolve(__dirname, '..', '..', 'data'), out, lang: 'en' });
    expect(result.groups).toBe(10);
    expect(isExplorerFile(out)).toBe(true);
    writeExplorer({ dataDir: path.resolve(__dirname, '..', '..', 'data'), out });
    const other = path.join(dir, 'notes.html');
    fs.writeFileSync(other, '<p>my notes</p>');
    expect(() => writeExplorer({ dataDir: path.resolve(__dirname, '..', '..', 'data'), out: other })).toThrow(/is not an explorer page of this tool; it is never overwritten/);
    expect(fs.readFileSync(other, 'utf8')).toBe('<p>my notes</p>');
    expect(() => writeExplorer({ dataDir: dir, out })).toThrow(/has no survey\.csv or survey\.sav/);
  });
});
