/**
 * The interview section of the self-contained report: the agreement tables
 * hold exactly what lib/qual's presenceAgreement and segmentAgreement return on
 * the same project with the report's options, the heatmap and joint-display
 * figures are interactive plots like the others, the joint-display tables
 * match jointDisplay, quotes are short and marked synthetic, English works,
 * the section says so when there are no interviews, privacy 'suppress' leaves
 * networks out here too, and the page stays deterministic. Expectations come
 * from lib functions, never from numbers of the survey data (which may be
 * regenerated).
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { presenceAgreement, type AgreementCoefficients } from '../../lib/qual/agreement/presenceAgreement';
import { segmentAgreement } from '../../lib/qual/agreement/segmentAgreement';
import { codeMatrix } from '../../lib/qual/analysis/codeMatrix';
import { jointDisplay } from '../../lib/qual/analysis/jointDisplay';
import { codeLabel } from '../../lib/qual/codebook';
import { loadInterviews } from '../../lib/qual/load';
import { themes } from '../../lib/qual/model';
import { buildReport, reportFigureId } from '../../lib/report/buildReport';
import { collectColophon } from '../../lib/report/colophon';
import { INTERVIEW_MATRIX_FIGURE, INTERVIEW_REPORT_DEFAULTS, interviewJointFigureName } from '../../lib/report/interviewSection';
import { UserInputError } from '../../lib/util/errors';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, 'data');
const d = loadDefault();
const project = loadInterviews(path.join(DATA, 'interviews'));
const colophon = collectColophon(DATA, { now: new Date('2024-04-01T12:00:00Z') });
const input = { instrument: d.instrument, survey: d.rows, networks: d.networkRows, colophon, interviews: project };
const BOOT = 300;
const OPTIONS = { findings: { iterations: 500 }, interviews: { bootstrap: BOOT } };

const withoutBundle = (html: string) => html.replace(/<script type="text\/javascript">\/\* plotly\.js[\s\S]*?<\/script>/, '<script>BUNDLE</script>');
const count = (s: string, sub: string) => s.split(sub).length - 1;
/** As the Dutch page writes a number (decimal comma) and an interval ([0,35; 0,56]). */
const nl = (x: number, digits = 2) => x.toFixed(digits).replace('.', ',');
const nlCi = (lo: number, hi: number) => `[${nl(lo)}; ${nl(hi)}]`;
const section = (page: string, id: string) => {
  const start = page.indexOf(`<section id="${id}">`);
  expect(start, id).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</section>', start));
};
const table = (page: string, id: string) => {
  const start = page.indexOf(`<table id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</table>', start));
};
/** data-stat -> data-value (undefined when the cell shows "–") of the row `<tr data-<attr>="value">`. */
function rowValues(html: string, attr: string, value: string): Map<string, string | undefined> {
  const m = new RegExp(`<tr data-${attr}="${value}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  expect(m, `${attr}=${value}`).not.toBeNull();
  return new Map([...m![1].matchAll(/data-stat="([^"]+)"(?: data-value="([^"]*)")?/g)].map((x) => [x[1], x[2]]));
}
const same = (shown: string | undefined, expected: number | null | undefined, what: string) => {
  if (expected === null || expected === undefined || !Number.isFinite(expected)) expect(shown, what).toBeUndefined();
  else expect(Number(shown), what).toBe(expected);
};
function checkPresence(cells: Map<string, string | undefined>, prefix: string, c: AgreementCoefficients, withCi: boolean, what: string) {
  if (cells.has(`${prefix}-n`)) same(cells.get(`${prefix}-n`), c.n, `${what} n`);
  same(cells.get(`${prefix}-percent`), c.percent, `${what} percent`);
  same(cells.get(`${prefix}-cohen`), c.cohen?.kappa, `${what} cohen`);
  same(cells.get(`${prefix}-bp`), c.brennanPrediger.kappa, `${what} bp`);
  same(cells.get(`${prefix}-alpha`), c.alpha.alpha, `${what} alpha`);
  if (withCi) expect(c.alpha.ci === undefined || c.alpha.ci === null || c.alpha.alpha === null || Number.isFinite(c.alpha.ci.lower)).toBe(true);
}

describe('the interview section of the report', () => {
  const html = buildReport(input, OPTIONS);
  const page = withoutBundle(html);
  const part = section(page, 'interviews');
  const common = { level: INTERVIEW_REPORT_DEFAULTS.level, bootstrap: BOOT, seed: INTERVIEW_REPORT_DEFAULTS.seed } as const;

  it('is in the contents, after the findings and before the colophon, and says the interviews are synthetic', () => {
    expect(page).toMatch(/<li><a href="#findings">[^<]*<\/a><\/li><li><a href="#interviews">Interviews: overeenstemming, thema’s per netwerk, citaten<\/a><\/li><li><a href="#colophon">/);
    expect(page.indexOf('<section id="findings">')).toBeLessThan(page.indexOf('<section id="interviews">'));
    expect(page.indexOf('<section id="interviews">')).toBeLessThan(page.indexOf('<section id="colophon">'));
    expect(part).toContain('<p class="synthetic-note" id="interviews-synthetic">SYNTHETISCHE INTERVIEWS');
    expect(part).toContain(`${project.documents.length} interviewverslagen over 10 netwerken`);
    expect(part).not.toContain('id="interviews-absent"');
  });

  it('names the coders, documents and groups the agreement is computed on', () => {
    const doc = presenceAgreement(project, { ...common, unit: 'document' });
    expect(doc.coders).toEqual(['A', 'B', 'C']);
    expect(part).toContain(`<p id="agreement-basis" data-coders="${doc.coders.join(',')}" data-documents="${doc.documents.join(',')}" data-groups="${doc.groups.join(',')}">`);
    expect(part).toContain('Berekend op de documenten die door meer codeurs zijn gecodeerd: Erus, Lips (documentgroepen “Kalibratie A”, “Kalibratie B”, “Kalibratie C”), codeurs A, B, C; op themaniveau');
  });

  it('the presence table holds what presenceAgreement returns, per document and per paragraph, per theme and overall', () => {
    const doc = presenceAgreement(project, { ...common, unit: 'document' });
    const par = presenceAgreement(project, { ...common, unit: 'paragraph' });
    const t = table(part, 'agreement-presence');
    expect(count(t, '<tr data-code=')).toBe(doc.perCode.length + 1);
    expect(doc.perCode).toHaveLength(10);
    for (const c of doc.perCode) {
      const cells = rowValues(t, 'code', c.codeId);
      checkPresence(cells, 'document', c, false, `document ${c.path}`);
      checkPresence(cells, 'paragraph', par.perCode.find((x) => x.codeId === c.codeId)!, true, `paragraph ${c.path}`);
      expect(t).toContain(`<tr data-code="${c.codeId}"><td>${c.label}</td>`);
    }
    const overall = rowValues(t, 'code', 'overall');
    checkPresence(overall, 'document', doc.overall, false, 'document overall');
    checkPresence(overall, 'paragraph', par.overall, true, 'paragraph overall');
    // shown rounded: percent with one decimal, alpha with its bootstrap interval
    const a = par.overall.alpha;
    expect(t).toContain(`data-stat="paragraph-alpha" data-value="${a.alpha}">${nl(a.alpha!)} <span class="ci">${nlCi(a.ci!.lower, a.ci!.upper)}</span></td>`);
    expect(t).toContain(`data-stat="paragraph-percent" data-value="${par.overall.percent}">${nl(100 * par.overall.percent!, 1)}%</td>`);
    // three coders: no Cohen's kappa for all together (it is per pair, below)
    expect(overall.has('paragraph-cohen')).toBe(true);
    expect(overall.get('paragraph-cohen')).toBeUndefined();
    expect(part).toContain('Cohens kappa is voor twee codeurs; met 3 codeurs staat hij per codeurpaar');
  });

  it('the segment table holds what segmentAgreement returns (90% overlap), per pair and pooled, with its kappa', () => {
    const seg = segmentAgreement(project, { level: 'theme', minOverlap: 90 });
    const t = table(part, 'agreement-segments');
    expect(part).toContain('<h4>Segmenten, zoals MAXQDA’s “segmentovereenstemming” (minimaal 90% overlap)</h4>');
    expect(seg.pairs.map((p) => p.coders.join('-'))).toEqual(['A-B', 'A-C', 'B-C']);
    for (const p of seg.pairs) {
      const key = p.coders.join('-');
      for (const c of p.perCode) same(rowValues(t, 'code', c.codeId).get(`segments-${key}`), c.percent, `${key} ${c.path}`);
      same(rowValues(t, 'code', 'overall').get(`segments-${key}`), p.overall.percent, `${key} overall`);
      same(rowValues(t, 'code', 'kappa').get(`segments-kappa-${key}`), p.overall.brennanPrediger.kappa, `${key} kappa`);
    }
    same(rowValues(t, 'code', 'overall').get('segments-all'), seg.overall.percent, 'all pairs');
    same(rowValues(t, 'code', 'kappa').get('segments-kappa-all'), seg.overall.brennanPrediger.kappa, 'all pairs kappa');
    // pooled per code = the pairs' agreeing segments over their segments
    for (const c of seg.pairs[0].perCode) {
      const rows = seg.pairs.map((p) => p.perCode.find((x) => x.codeId === c.codeId)!);
      const total = rows.reduce((s, r) => s + r.segments[0] + r.segments[1], 0);
      const agreeing = rows.reduce((s, r) => s + r.agreeing[0] + r.agreeing[1], 0);
      same(rowValues(t, 'code', c.codeId).get('segments-all'), total > 0 ? agreeing / total : null, `pooled ${c.path}`);
    }
    const k = seg.overall.brennanPrediger;
    expect(t).toContain(`κ Brennan &amp; Prediger (q = ${seg.codes}) [95%-BI]`);
    expect(t).toContain(`${nl(k.kappa!)} <span class="ci">${nlCi(k.lower!, k.upper!)}</span>`);
  });

  it("the pair table has Cohen's kappa with its interval for each pair, as presenceAgreement with those two coders", () => {
    const t = table(part, 'agreement-pairs');
    const seg = segmentAgreement(project, { level: 'theme', minOverlap: 90 });
    for (const coders of [['A', 'B'], ['A', 'C'], ['B', 'C']]) {
      const doc = presenceAgreement(project, { ...common, bootstrap: 0, coders, unit: 'document' });
      const par = presenceAgreement(project, { ...common, bootstrap: 0, coders, unit: 'paragraph' });
      const cells = rowValues(t, 'pair', coders.join('-'));
      checkPresence(cells, 'document', doc.overall, false, `${coders} document`);
      checkPresence(cells, 'paragraph', par.overall, false, `${coders} paragraph`);
      expect(par.overall.cohen?.kappa).not.toBeNull();
      const c = par.overall.cohen!;
      expect(t).toContain(`data-stat="paragraph-cohen" data-value="${c.kappa}">${nl(c.kappa!)} <span class="ci">${nlCi(c.lower!, c.upper!)}</span>`);
      const s = seg.pairs.find((p) => p.coders.join('-') === coders.join('-'))!;
      same(cells.get('segments-percent'), s.overall.percent, `${coders} segments`);
      same(cells.get('segments-kappa'), s.overall.brennanPrediger.kappa, `${coders} segment kappa`);
    }
    expect(count(t, '<tr data-pair=')).toBe(4);
  });

  it('holds the code-by-network heatmap and the joint displays as interactive figures, plotly inlined once', () => {
    const names = [INTERVIEW_MATRIX_FIGURE, interviewJointFigureName('Vertrouwen als bindmiddel'), interviewJointFigureName('Overlap')];
    expect(names).toEqual(['interviews-code-matrix', 'interviews-joint-vertrouwen-als-bindmiddel', 'interviews-joint-overlap']);
    for (const n of names) {
      expect(count(part, `<figure class="dv-report-figure" data-figure="${n}">`), n).toBe(1);
      expect(count(part, `id="${reportFigureId(n)}"`), n).toBe(1);
    }
    expect(count(part, 'window.Plotly.newPlot(')).toBe(3);
    expect(count(page, 'window.Plotly.newPlot(')).toBe(18 + 3);
    expect(count(html, '/* plotly.js')).toBe(1);
    // the heatmap's numbers are codeMatrix's
    const m = codeMatrix(project, { lang: 'nl' });
    const script = part.slice(part.indexOf(`id="${reportFigureId(INTERVIEW_MATRIX_FIGURE)}"`));
    expect(script).toContain(`"x":${JSON.stringify(m.networks)}`);
    expect(script).toContain(`"z":${JSON.stringify(m.counts)}`);
  });

  it('has a joint-display table for every theme with a linked characteristic, matching jointDisplay', () => {
    const tables = part.slice(part.indexOf('<div id="joint-display-tables">'));
    expect(count(tables, '<details class="joint"')).toBe(themes(project.codes).length);
    const summary = networkSummary(d.rows, d.instrument, { networks: d.networkRows, constructs: ['trust'] });
    const jd = jointDisplay(project, summary, { code: 'Vertrouwen als bindmiddel', construct: 'trust', quotes: 0 });
    const t = table(tables, 'joint-vertrouwen-als-bindmiddel');
    // rows in jointDisplay's order (highest survey mean first), mean and segments as it gives them
    expect([...t.matchAll(/<tr data-network="([^"]+)"/g)].map((x) => x[1])).toEqual(jd.rows.map((r) => r.network));
    for (const r of jd.rows) {
      const cells = rowValues(t, 'network', r.network);
      same(cells.get('mean'), r.mean, `${r.network} mean`);
      same(cells.get('segments'), r.segments, `${r.network} segments`);
      expect(t).toContain(nlCi(r.lower!, r.upper!));
    }
    expect(tables).toContain('<summary>Vertrouwen als bindmiddel ↔ Onderling vertrouwen</summary>');
    expect(tables).toContain('<summary>Ontstaan ↔ aantal jaren dat het netwerk bestaat</summary>');
  });

  it('quotes at most three short quotes per theme from different networks, each a coded segment, marked synthetic', () => {
    const quotes = part.slice(part.indexOf('<div id="interview-quotes">'));
    const texts = project.segments.map((s) => s.text.replace(/\s+/g, ' ').trim());
    for (const theme of themes(project.codes)) {
      const start = quotes.indexOf(`<div class="quotes" data-theme="${theme.id}">`);
      expect(start, theme.name).toBeGreaterThan(0);
      const block = quotes.slice(start, quotes.indexOf('</div>', start));
      const items = [...block.matchAll(/<blockquote class="quote" data-network="([^"]+)"><p>“([^”]*)”<\/p><footer>([^<]*)<span class="synthetic-mark">synthetische tekst<\/span><\/footer><\/blockquote>/g)];
      expect(items.length, theme.name).toBeGreaterThan(0);
      expect(items.length, theme.name).toBeLessThanOrEqual(3);
      expect(new Set(items.map((x) => x[1])).size).toBe(items.length);
      for (const [, , q] of items) {
        const text = q.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
        expect([...text].length).toBeLessThanOrEqual(INTERVIEW_REPORT_DEFAULTS.quoteLength + 1);
        const body = text.endsWith('…') ? text.slice(0, -1) : text;
        expect(texts.some((t) => (text.endsWith('…') ? t.startsWith(body) : t === body)), body).toBe(true);
      }
    }
  });

  it('never writes a respondent-level row', () => {
    for (const id of d.rows.map((r) => String(r.respondent_id))) expect(part.includes(id), id).toBe(false);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('is deterministic: the same input gives the same page', () => {
    expect(buildReport(input, OPTIONS)).toBe(html);
  });
});

describe('the interview section: English, absent, privacy, bad input', () => {
  it('speaks English', () => {
    const page = withoutBundle(buildReport(input, { ...OPTIONS, lang: 'en' }));
    const part = section(page, 'interviews');
    expect(page).toContain('<li><a href="#interviews">Interviews: agreement, themes per network, quotes</a></li>');
    expect(part).toContain('SYNTHETIC INTERVIEWS: the reports were written for this project');
    expect(part).toContain('<h3 id="interviews-agreement">Agreement between coders</h3>');
    expect(part).toContain('Computed on the documents coded by more than one coder: Erus, Lips');
    expect(part).toContain("Cohen's κ [95% CI]");
    const trust = themes(project.codes).find((t) => t.name === 'Vertrouwen als bindmiddel')!;
    expect(codeLabel(trust, 'en')).toBe('Trust as binding agent');
    expect(part).toContain(`<tr data-code="${trust.id}"><td>Trust as binding agent</td>`);
    expect(part).toContain('<summary>Trust as binding agent ↔ Mutual trust</summary>');
    expect(part).toContain('<span class="synthetic-mark">synthetic text</span>');
    expect(part).toContain('Themes in the interviews per network');
    expect(part).not.toMatch(/SYNTHETISCHE|Overeenstemming tussen/);
    // English numbers: a decimal point and intervals [0.35, 0.56]; no decimal comma in a number cell
    const k = segmentAgreement(project, { level: 'theme', minOverlap: 90 }).overall.brennanPrediger;
    expect(part).toContain(`${k.kappa!.toFixed(2)} <span class="ci">[${k.lower!.toFixed(2)}, ${k.upper!.toFixed(2)}]</span>`);
    expect(part).not.toMatch(/<td class="num"[^>]*>\d+,\d/);
  });

  it('without interviews the section says so briefly, in either language, and the rest is unchanged', () => {
    const without = buildReport({ ...input, interviews: undefined }, OPTIONS);
    const part = section(withoutBundle(without), 'interviews');
    expect(part).toContain('<p id="interviews-absent">Bij deze data zijn geen interviews meegegeven, dus dit deel blijft leeg.');
    expect(part).not.toContain('dv-report-figure');
    expect(count(without, 'window.Plotly.newPlot(')).toBe(18);
    expect(buildReport({ ...input, interviews: null }, OPTIONS)).toBe(without);
    const { interviews: _i, ...noKey } = input;
    expect(buildReport(noKey, OPTIONS)).toBe(without);
    expect(section(withoutBundle(buildReport(noKey, { ...OPTIONS, lang: 'en' })), 'interviews')).toContain('<p id="interviews-absent">No interviews were given with these data');
  });

  // a minimum that the smallest network(s) miss, whatever the survey data are
  const fewest = Math.min(...d.table.map((r) => r.complete));
  const below = d.table.filter((r) => r.complete === fewest).map((r) => r.network);

  it("privacy 'suppress' leaves the networks out of the interview section too", () => {
    const page = withoutBundle(buildReport(input, { ...OPTIONS, privacy: { minComplete: fewest + 1, action: 'suppress' } }));
    const suppressed = [...page.matchAll(/id="privacy-suppressed">Weggelaten: ([^<]*)\./g)].map((m) => m[1])[0] ?? '';
    const names = suppressed.split(', ').map((s) => s.replace(/ \(\d+ volledig\)$/, '')).filter(Boolean);
    expect(names).toEqual(below);
    expect(section(page, 'interviews')).toContain('id="agreement-presence"');
    for (const n of names) {
      expect(count(page, n), n).toBe(1); // only in the privacy note
      expect(section(page, 'interviews')).not.toContain(n);
    }
  });

  it("privacy 'warn' flags the networks in the joint displays", () => {
    const page = withoutBundle(buildReport(input, { ...OPTIONS, privacy: { minComplete: fewest + 1, action: 'warn' } }));
    const part = section(page, 'interviews');
    const flagged = [...page.matchAll(/<tr data-network="([^"]+)" class="privacy-flag">/g)].map((m) => m[1]);
    expect(flagged).toEqual(below);
    expect(part).toMatch(/data-figure="interviews-joint-vertrouwen-als-bindmiddel">[\s\S]*?<figcaption>⚠ In deze figuur: /);
    for (const n of flagged) expect(part).toContain(`<tr data-network="${n}"><td>${n} <span class="flag">⚠</span></td>`);
  });

  it('refuses what is not an interview project, and bad options, with a UserInputError', () => {
    expect(() => buildReport({ ...input, interviews: {} as never }, OPTIONS)).toThrow(/input\.interviews must be a coded interview project/);
    expect(() => buildReport(input, { ...OPTIONS, interviews: { minOverlap: 0 } })).toThrow(UserInputError);
    expect(() => buildReport(input, { ...OPTIONS, interviews: { level: 'x' as never } })).toThrow(UserInputError);
    expect(() => buildReport(input, { ...OPTIONS, interviews: { quotes: -1 } })).toThrow(UserInputError);
  });

  it('a project whose documents no two coders share still gets its heatmap, with a note instead of the agreement', () => {
    const analysisOnly = { ...project, documents: project.documents.filter((x) => x.group === 'Interviews') };
    const ids = new Set(analysisOnly.documents.map((x) => x.id));
    const p = { ...analysisOnly, segments: project.segments.filter((s) => ids.has(s.documentId)) };
    const part = section(withoutBundle(buildReport({ ...input, interviews: p }, OPTIONS)), 'interviews');
    expect(part).toMatch(/<p class="note interviews-failed">Overeenstemming tussen codeurs kon niet worden berekend: /);
    expect(part).toContain(`id="${reportFigureId(INTERVIEW_MATRIX_FIGURE)}"`);
  });
});
