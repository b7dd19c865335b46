/**
 * The explorer in a real headless Chromium (playwright-core, as
 * tests/report/browser.test.ts), opened from a file:// URL with every other
 * request refused and recorded: the ordering control reorders the groups in
 * the drawn figure; panels can be picked; a click on a group highlights it
 * in every panel; a dropped group changes r and p to what correlate and
 * permutationTest give without it; the view's link opens the same figure;
 * portraits split by organisation type leave out the cells below the
 * privacy minimum; compare overlays groups; at 2,000 groups the panels show
 * the density of the dots and the search box finds a group; and nothing
 * leaves the page.
 * Skipped, with a message, only when Chromium is not installed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDefault } from '../figures/fixtures';
import { tempDir } from '../tempDirs';
import { defaultExplorerData, manyGroups } from './fixtures';
import { explorerHtml } from '../../lib/explorer/explorerHtml';
import { panelStats } from '../../lib/explorer/panelStats';
import { viewFromFragment, viewToFragment } from '../../lib/explorer/view';
import { formatP, formatR } from '../../lib/analysis/evaluateFindings';
import type { ExplorerData } from '../../lib/explorer/types';
import { patternOrder } from '../../lib/figures/patterns';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../lib/render/browser';
import { correlate } from '../../lib/stats/correlation/correlate';
import { permutationTest } from '../../lib/stats/resampling/permutationTest';

const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const hasChromium = fs.existsSync(chromium);
if (!hasChromium) console.warn(`tests/explorer/browser.test.ts: SKIPPED - no Chromium at ${chromium} (Debian/Ubuntu: apt-get install chromium fonts-liberation, or set CHROMIUM_PATH).`);

/** The page's objects, typed just enough for the checks (tsconfig has no "dom" lib). */
interface El {
  getAttribute(n: string): string | null;
  getBoundingClientRect(): { top: number; left: number };
  textContent: string | null;
  querySelectorAll(s: string): ArrayLike<El>;
  data?: Array<{ name?: string; type: string; x?: unknown[]; y?: unknown[] }>;
}
type Doc = { getElementById(id: string): El | null; querySelectorAll(s: string): ArrayLike<El> };

describe.skipIf(!hasChromium)('the explorer in a real browser, offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  const refused: string[] = [];
  let dir: string;
  const d = loadDefault();
  const data = defaultExplorerData();
  /** The network table with the explorer's values (6 decimals: 3.9999999999999996 and 4 tie, and ties go by name). */
  const table = d.table.map((r, k) => ({ ...r, means: Object.fromEntries(data.variables.map((v) => [v.id, v.values[k]])) }));

  beforeAll(async () => {
    dir = tempDir('dv-explorer-browser-');
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(x: ExplorerData, name: string, hash = '', lang: 'nl' | 'en' = 'nl'): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
    const file = path.join(dir, `${name}.html`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, explorerHtml(x, { lang }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      if (/^WARN/.test(m.text())) warnings.push(m.text());
    });
    await page.goto(`file://${file}${hash}`);
    await page.waitForSelector('#dv-explorer[data-drawn="1"]', { timeout: 20_000 });
    return { page, errors, warnings };
  }
  /** Runs `act` and waits for the redraw it causes. */
  async function redraw(page: Page, act: () => Promise<unknown>): Promise<void> {
    const before = Number(await page.getAttribute('#dv-explorer', 'data-drawn'));
    await act();
    await page.waitForFunction((n) => Number((globalThis as unknown as { document: Doc }).document.getElementById('dv-explorer')!.getAttribute('data-drawn')) > n, before, { timeout: 20_000 });
  }
  /** The group names of the first panel's axis, top to bottom, as drawn. */
  const drawnOrder = (page: Page) =>
    page.evaluate(() => {
      const ticks = Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('#dv-explorer-figure .subplot.xy .yaxislayer-above .ytick text'));
      return ticks.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((t) => t.textContent);
    });
  const statsRows = (page: Page) =>
    page.evaluate(() =>
      Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('#dv-explorer-stats tbody tr')).map((tr) => ({
        variable: tr.getAttribute('data-variable'),
        n: Number(tr.getAttribute('data-n')),
        r: Number(tr.getAttribute('data-r')),
        rho: Number(tr.getAttribute('data-rho')),
        p: Number(tr.getAttribute('data-p')),
      })),
    );
  /** The panel titles above the figure, left to right: variable and text. */
  const titles = (page: Page) =>
    page.evaluate(() => Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('#dv-explorer-titles .dv-explorer-title')).map((t) => ({ variable: t.getAttribute('data-variable'), text: t.textContent as string })));
  const link = async (page: Page) => (await page.getAttribute('#dv-explorer-link', 'href')) as string;

  it('patterns at 10 groups: order, panels, click to focus, drop and r/p, the link opens the same figure, nothing leaves the page', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(data, 'ten');
    const first = data.savedViews[0].view;
    expect(viewFromFragment(await link(page))).toEqual(first);
    expect(await drawnOrder(page)).toEqual(patternOrder(table, first.orderBy).map((r) => r.network));

    // the ordering control reorders the groups in the drawn figure
    await redraw(page, () => page.selectOption('#dv-explorer-order', 'trust'));
    expect(await drawnOrder(page)).toEqual(patternOrder(table, 'trust').map((r) => r.network));

    // pick panels: add years, take away the natural borders
    await redraw(page, () => page.check('#dv-explorer-panel-years'));
    await redraw(page, () => page.uncheck('#dv-explorer-panel-bnd_natural'));
    const view = viewFromFragment(await link(page));
    expect(view.panels.sort()).toEqual(['bnd_reputation', 'bnd_sociocultural', 'years'].sort());
    expect((await statsRows(page)).map((r) => r.variable)).toEqual(view.panels);
    expect(await titles(page)).toHaveLength(1 + view.panels.length);
    expect((await titles(page)).map((t) => t.variable)).toEqual(['trust', ...view.panels]);

    // click a group's bar in the second panel: it is highlighted in every panel
    const names = patternOrder(table, 'trust').map((r) => r.network);
    const target = names[3];
    await redraw(page, () => page.locator('#dv-explorer-figure .subplot.x2y2 .barlayer .point').nth(3).click({ force: true }));
    expect(viewFromFragment(await link(page)).focus).toBe(target);
    const focus = await page.evaluate(() => ((globalThis as unknown as { document: Doc }).document.getElementById('dv-explorer-figure')!.data ?? []).filter((t) => t.name === 'focus').map((t) => t.y![0]));
    expect(focus).toEqual(Array(1 + view.panels.length).fill(target));

    // drop it: r, rho and p are those of lib/stats on the other nine
    await redraw(page, () => page.click('#dv-explorer-drop'));
    const dropped = viewFromFragment(await link(page));
    expect(dropped.dropped).toEqual([target]);
    expect(await drawnOrder(page)).toEqual(names.filter((n) => n !== target));
    const rows = await statsRows(page);
    const keep = data.groups.map((_, k) => k).filter((k) => data.groups[k] !== target);
    for (const row of rows) {
      const col = (id: string) => keep.map((k) => data.variables.find((v) => v.id === id)!.values[k] as number);
      const x = col('trust');
      const y = col(row.variable!);
      expect(row.n).toBe(9);
      expect(row.r, row.variable!).toBe(correlate(x, y).r);
      expect(row.rho, row.variable!).toBe(correlate(x, y, { method: 'spearman' }).r);
      expect(row.p, row.variable!).toBe(permutationTest(x, y, { statistic: 'pearson' }).p);
    }
    expect(rows).toEqual(panelStats(data, dropped).map(({ pMethod: _, ...r }) => r));
    expect(await page.textContent('#dv-explorer-caution')).toMatch(/^Met N = 9 moet r boven ,58 \(eenzijdig\)/);

    // the view's link, opened in a new page, draws the same figure
    const fragment = await link(page);
    expect(fragment).toBe(viewToFragment(dropped));
    const figure = (p: Page) => p.evaluate(() => JSON.stringify(((globalThis as unknown as { document: Doc }).document.getElementById('dv-explorer-figure')!.data ?? []).map((t) => [t.type, t.name, t.x, t.y])));
    const other = await open(data, 'ten', fragment);
    expect(await figure(other.page)).toBe(await figure(page));
    expect(await statsRows(other.page)).toEqual(rows);

    // restore, switch language
    await redraw(page, () => page.click('#dv-explorer-restore'));
    expect(viewFromFragment(await link(page)).dropped).toBeUndefined();
    await redraw(page, () => page.selectOption('#dv-explorer-lang', 'en'));
    expect(await page.textContent('label[for="dv-explorer-order"]')).toBe('Order by');
    expect(await page.textContent('#dv-explorer-caution')).toMatch(/^With N = 10, r must exceed \.55 \(one-sided\)/);

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.evaluate(() => fetch('https://example.org/probe.js').catch(() => null));
    expect(refused).toEqual(['https://example.org/probe.js']);
    refused.length = 0;
    await page.close();
    await other.page.close();
  });

  it('portrait with a split by organisation type (privacy minimum) and compare mode', { timeout: 30_000 }, async () => {
    const { page, errors } = await open(data, 'ten');
    await redraw(page, () => page.selectOption('#dv-explorer-mode', 'portrait'));
    await redraw(page, () => page.selectOption('#dv-explorer-group', 'Notos'));
    await redraw(page, () => page.selectOption('#dv-explorer-split', 'org_type'));
    const split = data.splits.find((s) => s.id === 'org_type')!;
    const g = data.groups.indexOf('Notos');
    const shown = split.levels.filter((_, i) => split.cells[g][i] !== null).map((l) => l.label.nl);
    const hidden = split.levels.filter((_, i) => split.cells[g][i] === null).map((l) => l.label.nl);
    const bars = () => page.evaluate(() => ((globalThis as unknown as { document: Doc }).document.getElementById('dv-explorer-figure')!.data ?? []).filter((t) => t.type === 'bar').map((t) => t.name));
    expect(await bars()).toEqual(['Notos (alle respondenten)', ...shown]);
    if (hidden.length > 0) expect(await page.textContent('#dv-explorer-note')).toBe(`Niet getoond (minder dan 5 volledige vragenlijsten): ${hidden.join(', ')}.`);
    expect(viewFromFragment(await link(page))).toMatchObject({ mode: 'portrait', focus: 'Notos', split: 'org_type' });

    await redraw(page, () => page.selectOption('#dv-explorer-mode', 'compare'));
    await redraw(page, () => page.selectOption('#dv-explorer-compare', ['Notos', 'Meses', 'Lips']));
    const chosen = ['Notos', 'Meses', 'Lips'].sort((a, b) => data.groups.indexOf(a) - data.groups.indexOf(b));
    expect(await bars()).toEqual(chosen);
    expect(viewFromFragment(await link(page)).compare).toEqual(chosen);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('40 groups: the Monte Carlo p, computed in a worker while plotly draws, equals permutationTest with the same seed, in the table and the titles; colours by size without plotly warnings', { timeout: 30_000 }, async () => {
    const forty = manyGroups(40);
    const { page, errors, warnings } = await open(forty, 'forty', '', 'en');
    await redraw(page, () => page.selectOption('#dv-explorer-order', 'trust'));
    const view = viewFromFragment(await link(page));
    const want = panelStats(forty, view);
    expect(want.every((r) => r.pMethod === 'monte-carlo')).toBe(true);
    expect(await statsRows(page)).toEqual(want.map(({ pMethod: _, ...r }) => r));
    // the titles (HTML above the figure) carry the same numbers as the table, filled in when the worker has them
    const shown = await titles(page);
    expect(shown.map((t) => t.variable)).toEqual([view.orderBy, ...view.panels]);
    want.forEach((w, k) => expect(shown[k + 1].text).toContain(`r = ${formatR(w.r, 'en')} \u00b7 \u03c1 = ${formatR(w.rho, 'en')} \u00b7 p ${(w.p as number) < 0.001 ? '' : '= '}${formatP(w.p, 'en')}`));
    // coloured by size: the colours themselves (no plotly colour axis, whose numbers plotly 4 warns about bar by bar), the scale in HTML
    expect(view.colour).toBe('members');
    const colours = await page.evaluate(() => ((globalThis as unknown as { document: Doc }).document.getElementById('dv-explorer-figure')!.data ?? []).filter((t) => t.type === 'bar').map((t) => (t as unknown as { marker: { color: unknown } }).marker.color));
    expect(colours.every((c) => Array.isArray(c) && c.length === 40 && c.every((x) => typeof x === 'string' && /^rgb\(\d+,\d+,\d+\)$/.test(x)))).toBe(true);
    const members = forty.variables.find((v) => v.id === 'members')!.values.filter((x): x is number => x !== null);
    expect(await page.textContent('#dv-explorer-legend')).toBe(`Members: ${Math.min(...members)}  ${Math.max(...members)}`);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('2,000 groups: the density of the dots, the search box highlights a group, dropping it gives correlate r', { timeout: 60_000 }, async () => {
    const many = manyGroups(2000);
    const { page, errors } = await open(many, 'many', '', 'en');
    const heatmaps = await page.evaluate(() => ((globalThis as unknown as { document: Doc }).document.getElementById('dv-explorer-figure')!.data ?? []).filter((t) => t.type === 'heatmap').length);
    expect(heatmaps).toBe(1 + data.savedViews[0].view.panels.length);
    expect(await page.textContent('#dv-explorer-note')).toMatch(/^2000 groups: each panel shows how many groups lie at each rank and value/);
    const name = many.groups[1234];
    await page.fill('#dv-explorer-search', name);
    await redraw(page, () => page.press('#dv-explorer-search', 'Enter'));
    expect(viewFromFragment(await link(page)).focus).toBe(name);
    await redraw(page, () => page.click('#dv-explorer-drop'));
    const view = viewFromFragment(await link(page));
    expect(view.dropped).toEqual([name]);
    const rows = await statsRows(page);
    const want = panelStats(many, view);
    expect(rows.map((r) => r.r)).toEqual(want.map((r) => r.r));
    rows.forEach((r, k) => expect(Math.abs(r.p - (want[k].p as number))).toBeLessThanOrEqual(1e-12 * Math.max(1e-300, want[k].p as number)));
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });
});
