/**
 * The report in a real headless Chromium, opened from a file:// URL with every
 * other request refused and recorded: plotly.js (inlined) draws every figure
 * as an SVG (the report's 18 and the interview section's heatmap and joint
 * displays), the findings and agreement tables have their rows, and the page
 * asks for nothing from the network. Skipped, with a message, only when Chromium is not
 * installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { FINDINGS } from '../../lib/analysis/findings';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM, findChromium } from '../../lib/render/browser';
import { reportFigures } from '../../lib/figures/reportFigures';
import { buildReport, reportFigureId } from '../../lib/report/buildReport';
import { collectColophon } from '../../lib/report/colophon';
import { INTERVIEW_MATRIX_FIGURE, interviewJointFigureName } from '../../lib/report/interviewSection';
import { loadInterviews } from '../../lib/qual/load';

/** The page's DOM, typed just enough for the checks (tsconfig has no "dom" lib). */
interface El {
  querySelector(s: string): El | null;
  getBoundingClientRect(): { width: number };
  data?: unknown[];
}
type Doc = { getElementById(id: string): El | null; querySelectorAll(s: string): { length: number } };
const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const hasChromium = fs.existsSync(chromium);
if (!hasChromium) {
  console.warn(`tests/report/browser.test.ts: SKIPPED - no Chromium at ${chromium} (Debian/Ubuntu: apt-get install chromium fonts-liberation, or set CHROMIUM_PATH).`);
}

describe.skipIf(!hasChromium)('the report in a real browser, offline', () => {
  it('renders every figure as an SVG and shows one findings row per finding, without any network request', { timeout: 180_000 }, async () => {
    const d = loadDefault();
    const colophon = collectColophon(path.resolve(__dirname, '..', '..', 'data'), { now: new Date('2024-04-01T12:00:00Z') });
    const interviews = loadInterviews(path.resolve(__dirname, '..', '..', 'data', 'interviews'));
    const html = buildReport({ instrument: d.instrument, survey: d.rows, networks: d.networkRows, colophon, interviews }, { findings: { iterations: 1000 }, interviews: { bootstrap: 200 } });
    // the report's figures and the interview section's: heatmap and two joint displays
    const interviewNames = [INTERVIEW_MATRIX_FIGURE, interviewJointFigureName('Vertrouwen als bindmiddel'), interviewJointFigureName('Overlap')];
    const names = [...reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }).figures.map((f) => f.name), ...interviewNames];
    expect(names).toHaveLength(18 + 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-report-browser-'));
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, html);
    const { chromium: pw } = await import('playwright-core');
    const browser = await pw.launch({ executablePath: findChromium(chromium), headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const refused: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        refused.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`file://${file}`);
      await page.waitForFunction((n) => (globalThis as unknown as { document: Doc }).document.querySelectorAll('.dv-figure .main-svg').length >= n, names.length, { timeout: 120_000 });

      const rendered = await page.evaluate((ids) => ids.map((id) => {
        const el = (globalThis as unknown as { document: Doc }).document.getElementById(id);
        const svg = el?.querySelector('svg.main-svg');
        return { id, svg: !!svg, width: svg ? svg.getBoundingClientRect().width : 0, traces: el ? (el.data ?? []).length : 0 };
      }), names.map(reportFigureId));
      for (const r of rendered) {
        expect(r.svg, r.id).toBe(true);
        expect(r.width, r.id).toBeGreaterThan(300);
        expect(r.traces, r.id).toBeGreaterThan(0);
      }
      expect(await page.evaluate(() => typeof (globalThis as unknown as { Plotly?: { version: string } }).Plotly?.version)).toBe('string');
      expect(await page.locator('#findings-table tbody tr').count()).toBe(FINDINGS.length);
      expect(await page.locator('#network-table tbody tr').count()).toBe(10);
      // the explorer section (lib/explorer) draws with the page's one plotly.js: ten groups, r in Dutch in its table
      await page.waitForFunction(() => ((globalThis as unknown as { document: Doc }).document.querySelectorAll('#dv-explorer-figure .subplot.xy .yaxislayer-above .ytick').length === 10));
      expect(await page.locator('#explore #dv-explorer-stats tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('#explore #dv-explorer-stats tbody td').nth(1).textContent()).toMatch(/^-?,\d\d$/);
      expect(await page.locator('#synthetic-banner').isVisible()).toBe(true);
      expect(await page.locator('#colophon-commit').textContent()).toBe(colophon.gitCommit);
      // the interview section: agreement tables and, in the heatmap, one cell per theme x network
      expect(await page.locator('#agreement-presence tbody tr').count()).toBe(11);
      expect(await page.locator('#agreement-segments tbody tr').count()).toBeGreaterThan(2);
      expect(await page.locator('#agreement-pairs tbody tr').count()).toBe(4);
      expect(await page.locator('#interview-quotes blockquote.quote').count()).toBeGreaterThan(10);
      const heat = await page.evaluate((id) => {
        const el = (globalThis as unknown as { document: Doc }).document.getElementById(id) as unknown as { data?: Array<{ type: string; z: number[][] }> } | null;
        return el?.data?.[0] ? { type: el.data[0].type, rows: el.data[0].z.length, cols: el.data[0].z[0].length } : null;
      }, reportFigureId(INTERVIEW_MATRIX_FIGURE));
      expect(heat).toEqual({ type: 'heatmap', rows: 10, cols: 10 });
      expect(await page.locator(`#${reportFigureId(INTERVIEW_MATRIX_FIGURE)} .heatmaplayer image, #${reportFigureId(INTERVIEW_MATRIX_FIGURE)} .hm image`).count()).toBeGreaterThan(0);
      // interactive, not static: every figure has plotly's mode bar, and hovering a bar of Figure 13 shows a hover label
      expect(await page.locator('.dv-figure .modebar-container').count()).toBe(names.length);
      const bar = page.locator(`#${reportFigureId('fig13-years')} .bars .point path`).first();
      await bar.scrollIntoViewIfNeeded();
      await bar.hover({ force: true });
      await page.waitForSelector(`#${reportFigureId('fig13-years')} .hoverlayer .hovertext`, { timeout: 10_000 });
      expect(refused).toEqual([]);
      expect(errors).toEqual([]);
      // positive control: a request to the network would have been seen (and refused)
      await page.evaluate(() => fetch('https://example.org/probe.js').catch(() => null));
      expect(refused).toEqual(['https://example.org/probe.js']);
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
