/**
 * The self-contained report: every figure, the network table, the findings
 * table, privacy, the colophon, offline (no URL loads anything), plotly.js
 * inlined once, deterministic; collectColophon; the `npm run report` script.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { FINDINGS } from '../../lib/analysis/findings';
import { evaluateFindings } from '../../lib/analysis/evaluateFindings';
import { reportFigures } from '../../lib/figures/reportFigures';
import { plotlyBundlePath } from '../../lib/render/plotlyBundle';
import { buildReport, reportFigureId } from '../../lib/report/buildReport';
import { collectColophon, type Colophon } from '../../lib/report/colophon';
import { writeReport } from '../../lib/report/writeReport';
import { writeSav } from '../../lib/io';
import { generateStudy } from '../../lib/data/generateStudy';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { tempDir } from '../tempDirs';
import { UserInputError } from '../../lib/util/errors';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, 'data');
const d = loadDefault();
const colophon: Colophon = collectColophon(DATA, { now: new Date('2024-04-01T12:00:00Z') });
const input = { instrument: d.instrument, survey: d.rows, networks: d.networkRows, colophon };
const bundle = fs.readFileSync(plotlyBundlePath(), 'utf8');
const FAST = { findings: { iterations: 1000 } };

/** The page without the inlined plotly.js bundle (the only script of that size). */
const withoutBundle = (html: string) => html.replace(/<script type="text\/javascript">\/\* plotly\.js[\s\S]*?<\/script>/, '<script>BUNDLE</script>');
const count = (s: string, sub: string) => s.split(sub).length - 1;

describe('buildReport on the default data', () => {
  const t0 = performance.now();
  const html = buildReport(input);
  const ms = performance.now() - t0;
  const page = withoutBundle(html);
  const figures = reportFigures({ instrument: d.instrument, survey: d.rows, networks: d.networkRows }, { synthetic: true }).figures;

  it('holds every report figure as an interactive plot', () => {
    console.log(`buildReport (default options, 10,000 bootstrap resamples): ${ms.toFixed(0)} ms, ${(html.length / 1e6).toFixed(2)} MB`);
    expect(figures).toHaveLength(18);
    for (const f of figures) expect(count(page, `id="${reportFigureId(f.name)}"`), f.name).toBe(1);
    expect(count(page, 'window.Plotly.newPlot(')).toBe(figures.length);
    expect(count(page, 'class="dv-report-figure"')).toBe(figures.length);
  });

  it('holds the findings table, one row per finding, and the rules', () => {
    expect(count(page, 'id="findings-table"')).toBe(1);
    expect(count(page, '<tr data-finding=')).toBe(FINDINGS.length);
    for (const f of FINDINGS) expect(page).toContain(`data-finding="${f.id}"`);
    // the verdicts depend on the survey data: take them from evaluateFindings with the report's settings
    for (const r of evaluateFindings(d.table, { seed: 'delicate-verbanden/findings', iterations: 10_000, method: 'pearson' })) {
      expect(page).toContain(`data-finding="${r.id}" data-verdict="${r.verdict}"`);
    }
    expect(page).toContain('id="finding-rules"');
    expect(page).toContain('Met N = 10 moet r boven ,55 (eenzijdig) of ,63 (tweezijdig) liggen voor p &lt; ,05.');
  });

  it('writes Dutch numbers in the findings table: decimal comma, intervals with a semicolon', () => {
    const start = page.indexOf('<table id="findings-table"');
    const table = page.slice(start, page.indexOf('</table>', start));
    const vision = evaluateFindings(d.table, { seed: 'delicate-verbanden/findings', iterations: 10_000, lang: 'nl' }).find((r) => r.id === 'vision_impact')!;
    const apa = (x: number, digits = 2) => (x < 0 ? '-' : '') + Math.abs(x).toFixed(digits).replace(/^0\./, ',');
    const row = /<tr data-finding="vision_impact"[^>]*>([^]*?)<\/tr>/.exec(table)![1];
    expect(row).toContain(`<td class="num">${apa(vision.r!)}</td><td class="num">${apa(vision.rho!)}</td><td class="num">${apa(vision.p!, 3)}</td>`);
    expect(row).toContain(`<td class="num">[${apa(vision.ci!.lower)}; ${apa(vision.ci!.upper)}]</td>`);
    expect(row).toContain('eenzijdige p &lt; ,001, stabiel in 10 van 10');
    // no statistic with a decimal point anywhere in the table's text (section numbers such as 4.1 have one digit)
    expect(table.replace(/<[^>]*>/g, ' ')).not.toMatch(/\.\d\d/);
    expect(page).toContain('<p style="font-family:sans-serif;color:#5b6270">Figuur 16: Patronen in impact (interactieve figuur: daarvoor zijn JavaScript en plotly.js nodig)</p>');
  });

  it('holds the explorer as a section of its own, without a second plotly.js', () => {
    expect(count(page, '<section id="explore">')).toBe(1);
    expect(page).toContain('<li><a href="#explore">Zelf verkennen</a></li>');
    expect(count(page, 'class="dv-explorer"')).toBe(1);
    expect(count(page, 'inlined for the explorer')).toBe(0);
  });

  it('holds the network table with mean and band per portrait characteristic', () => {
    expect(count(page, 'id="network-table"')).toBe(1);
    expect(count(page, '<tr data-network=')).toBe(10);
    const aparctias = d.summary.find((s) => s.network === 'Aparctias')!;
    const trust = aparctias.scores.find((s) => s.construct === 'trust')!;
    const nl = (x: number) => x.toFixed(2).replace('.', ',');
    expect(page).toContain(`<td class="num" data-construct="trust">${nl(trust.mean!)}<span class="band">[${nl(trust.lower!)}; ${nl(trust.upper!)}]</span></td>`);
    expect(count(page, 'class="privacy-flag"')).toBe(0);
    expect(page).toContain('Alle netwerken halen dit minimum.');
  });

  it('holds the colophon: commit, versions, data hashes, time', () => {
    expect(page).toContain(`<dd id="colophon-commit">${colophon.gitCommit}</dd>`);
    expect(colophon.gitCommit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(page).toContain('<dd id="colophon-time">2024-04-01T12:00:00.000Z</dd>');
    // what was done for the findings at N = 10: exact p, BCa bootstrap with 10.000 resamples
    expect(page).toContain('<dd>p: exacte permutatietoets (alle N! volgordes); BI: BCa-bootstrap (10.000 trekkingen); seed &quot;delicate-verbanden/findings&quot;; coëfficiënt pearson;');
    expect(page).toMatch(/node \d+\.\d+\.\d+; arquero \d+\.\d+\.\d+; plotly\.js \d+\.\d+\.\d+; delicate-verbanden \d+\.\d+\.\d+/);
    for (const f of ['instrument.json', 'networks.csv', 'survey.csv', 'pilot.csv']) {
      const sha = createHash('sha256').update(fs.readFileSync(path.join(DATA, f))).digest('hex');
      expect(page).toContain(`<tr data-file="${f}"><td>${f}</td>`);
      expect(page).toContain(sha);
    }
  });

  it('says SYNTHETIC DATA in a banner', () => {
    expect(page).toContain('<body data-synthetic="true">');
    expect(page).toMatch(/<div class="synthetic-banner" id="synthetic-banner" role="alert">SYNTHETISCHE DATA \(SYNTHETIC DATA\)/);
    expect(page).toMatch(/<title>[^<]*synthetische data[^<]*<\/title>/);
  });

  it('works offline: no http(s) source anywhere outside plotly.js, none that loads anything inside it', () => {
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  });

  it('inlines plotly.js exactly once', () => {
    const chunk = bundle.slice(1000, 1300);
    expect(count(html, chunk)).toBe(1);
    expect(count(html, '/* plotly.js')).toBe(1);
  });

  it('never writes a respondent-level row', () => {
    const ids = d.rows.map((r) => String(r.respondent_id));
    expect(ids.length).toBe(182);
    for (const id of ids) expect(page.includes(id), id).toBe(false);
  });
});

describe('buildReport options', () => {
  it('is deterministic apart from the colophon time', () => {
    const a = buildReport(input, FAST);
    const b = buildReport(input, FAST);
    expect(b).toBe(a);
    const later = buildReport({ ...input, colophon: { ...colophon, generatedAt: '2025-01-01T00:00:00.000Z' } }, FAST);
    expect(later.replace('2025-01-01T00:00:00.000Z', '2024-04-01T12:00:00.000Z')).toBe(a);
  });

  it('speaks English', () => {
    const page = withoutBundle(buildReport(input, { ...FAST, lang: 'en' }));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('SYNTHETIC DATA: every number');
    expect(page).toContain('Patterns of chapter 4, tested on these data');
    expect(page).toContain('With N = 10, r must exceed .55 (one-sided)');
    // English numbers: decimal point, intervals [.48, .98], no decimal comma in the tables
    expect(page).toMatch(/<tr data-finding="vision_impact"[^>]*>[^]*?<td class="num">\.\d\d<\/td>[^]*?<td class="num">\[\.\d\d, \.\d\d\]<\/td>/);
    expect(page).toMatch(/<td class="num" data-construct="trust">\d\.\d\d<span class="band">\[\d\.\d\d, \d\.\d\d\]<\/span>/);
    expect(page).not.toMatch(/<td class="num"[^>]*>-?\d*,\d/);
    expect(page).toContain('<dd>p: exact permutation test (all N! orderings); CI: BCa bootstrap (1,000 resamples); seed &quot;delicate-verbanden/findings&quot;; coefficient pearson;');
    expect(page).toContain('(interactive figure: it needs JavaScript and plotly.js)</p>');
    expect(page).toContain('Figure 1: Characteristics of the network Aparctias');
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('has no banner for data without the synthetic mark', () => {
    const survey = d.rows.map(({ data_origin: _o, ...r }) => r);
    const page = withoutBundle(buildReport({ ...input, survey }, FAST));
    expect(page).toContain('<body data-synthetic="false">');
    expect(page).not.toContain('class="synthetic-banner"');
    expect(page).not.toMatch(/SYNTHETI/);
    expect(withoutBundle(buildReport({ ...input, synthetic: false }, FAST))).not.toContain('class="synthetic-banner"');
  });

  it("privacy 'warn': networks below the minimum are flagged in the table and under the figures", () => {
    const page = withoutBundle(buildReport(input, { ...FAST, privacy: { minComplete: 8, action: 'warn' } }));
    expect(page).toContain('<tr data-network="Apeliotes" class="privacy-flag">');
    expect(page).toContain('<tr data-network="Argestes" class="privacy-flag">');
    expect(count(page, 'class="privacy-flag"')).toBe(2);
    expect(page).toContain('id="privacy-flagged">Met waarschuwing getoond: Apeliotes (7 volledig), Argestes (7 volledig).');
    expect(page).toContain(`id="${reportFigureId('fig02-portrait-apeliotes')}"`);
    // the flagged portrait and every comparison figure say so; the other portraits do not
    expect(page).toMatch(/data-figure="fig02-portrait-apeliotes">[\s\S]*?<figcaption>⚠ In deze figuur: Apeliotes met minder dan 8/);
    expect(page).toMatch(/data-figure="fig16-patterns-impact">[\s\S]*?<figcaption>⚠ In deze figuur: Apeliotes, Argestes met minder dan 8/);
    expect(page).not.toMatch(/data-figure="fig01-portrait-aparctias">[^]*?<figcaption>[^]*?data-figure="fig02/);
    expect(count(page, '<tr data-finding=')).toBe(FINDINGS.length);
    expect(page).toContain('id="findings-privacy">⚠ De patronen rekenen ook met Apeliotes, Argestes, met minder dan 8 volledige vragenlijsten.');
  });

  it("privacy 'suppress': networks below the minimum are left out of table, figures and findings", () => {
    const page = withoutBundle(buildReport(input, { ...FAST, privacy: { minComplete: 8, action: 'suppress' } }));
    expect(page).toContain('id="privacy-suppressed">Weggelaten: Apeliotes (7 volledig), Argestes (7 volledig).');
    expect(page).not.toContain('data-network="Apeliotes"');
    expect(page).not.toContain('data-network="Argestes"');
    expect(count(page, '<tr data-network=')).toBe(8);
    expect(page).not.toMatch(/id="plot-fig\d\d-portrait-(apeliotes|argestes)"/);
    expect(count(page, 'class="dv-report-figure"')).toBe(16);
    expect(page).toContain('Met N = 8 moet r boven');
    // the suppressed networks' names appear only in the privacy note
    expect(count(page, 'Apeliotes')).toBe(1);
  });

  it('without networks.csv says that the file is missing (not that a column is), and which figure is incomplete', () => {
    const page = withoutBundle(buildReport({ ...input, networks: undefined }, FAST));
    expect(page).toContain('<p class="note">fig13-years ontbreekt: de datamap heeft geen networks.csv, waarin de jaren staan.</p>');
    expect(page).toMatch(/<p class="note">fig17-patterns-decisions is onvolledig: getekend zonder years \(de datamap heeft geen networks\.csv/);
    expect(page).not.toContain('no &quot;years&quot; column');
    expect(page).not.toContain('geen kolom &quot;years&quot;');
    expect(page).toContain('data-finding="years_impact" data-verdict="not evaluated"');
  });

  it('refuses bad input with a UserInputError', () => {
    expect(() => buildReport({ ...input, colophon: undefined as unknown as Colophon })).toThrow(/colophon is required/);
    expect(() => buildReport({ ...input, survey: [] })).toThrow(UserInputError);
    expect(() => buildReport(input, { lang: 'de' })).toThrow(UserInputError);
    expect(() => buildReport(input, { privacy: { minComplete: 0 } })).toThrow(UserInputError);
    expect(() => buildReport(input, { privacy: { minComplete: 100, action: 'suppress' } })).toThrow(/nothing is left to report/);
    expect(() => buildReport(input, { ...FAST, plotlyBundle: '' })).toThrow(/plotlyBundle/);
  });
});

describe('collectColophon', () => {
  it('hashes the data files, finds the commit and the versions', () => {
    expect(colophon.dataFiles.map((f) => f.file)).toEqual([
      'instrument.json',
      'networks.csv',
      'pilot.csv',
      'study.json',
      'survey.csv',
      'interviews/codebook.qdc',
      'interviews/coded-segments.csv',
      'interviews/interviews.qdpx',
    ]);
    for (const f of colophon.dataFiles) {
      const bytes = fs.readFileSync(path.join(DATA, f.file));
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(f.bytes).toBe(bytes.length);
    }
    expect(colophon.versions.node).toBe(process.versions.node);
    expect(colophon.versions.plotly).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/plotly.js-cartesian-dist-min/package.json'), 'utf8')).version);
    expect(colophon.versions.arquero).toMatch(/^\d+\.\d+\.\d+/);
    expect(colophon.versions.package).toMatch(/^delicate-verbanden \d/);
    expect(colophon.generatedAt).toBe('2024-04-01T12:00:00.000Z');
  });

  it("says 'unknown' outside git, hashes only the files asked for, and refuses a missing folder", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-colophon-'));
    try {
      fs.writeFileSync(path.join(tmp, 'survey.csv'), 'respondent_id,network\n');
      const c = collectColophon(tmp, { repo: tmp });
      expect(c.gitCommit).toBe('unknown');
      expect(c.dataFiles).toEqual([{ file: 'survey.csv', bytes: 22, sha256: createHash('sha256').update('respondent_id,network\n').digest('hex') }]);
      expect(collectColophon(DATA, { files: ['survey.csv'] }).dataFiles.map((f) => f.file)).toEqual(['survey.csv']);
      expect(() => collectColophon(DATA, { files: ['nope.csv'] })).toThrow(UserInputError);
      expect(() => collectColophon(path.join(tmp, 'missing'))).toThrow(UserInputError);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('writeReport', () => {
  it('reads survey.sav when the folder has no survey.csv (as loadStudyData does), and replaces its own page whole', { timeout: 120_000 }, () => {
    const data = tempDir('dv-report-sav-');
    const survey = loadStudyData().survey.table;
    const table = survey.select(survey.columnNames().filter((c) => c !== 'data_origin'));
    writeSav(path.join(data, 'survey.sav'), table);
    fs.copyFileSync(path.join(DATA, 'networks.csv'), path.join(data, 'networks.csv'));
    const outDir = tempDir('dv-report-sav-out-');
    const out = path.join(outDir, 'report.html');
    writeReport({ dataDir: data, out, lang: 'en' });
    const { lines } = writeReport({ dataDir: data, out, lang: 'en' }); // its own earlier page is replaced
    expect(lines.at(-1)).toMatch(/^Wrote .*report\.html/);
    const page = fs.readFileSync(out, 'utf8');
    expect(page).toContain('<tr data-file="survey.sav"><td>survey.sav</td>');
    expect(page).not.toContain('data-file="survey.csv"');
    expect(fs.readdirSync(outDir)).toEqual(['report.html']); // no temporary file left
    expect(fs.readdirSync(data).sort()).toEqual(['networks.csv', 'survey.sav']);
  });
});

describe('the report at 250 groups (generateStudy)', () => {
  it('says how p and the CI were obtained (t distribution, jackknife), shows a compact network table, and writes console numbers in the language', { timeout: 120_000 }, () => {
    const data = tempDir('dv-report-250-');
    for (const [name, text] of Object.entries(generateStudy(d.instrument, { groups: 250, respondents: [5, 8] }))) fs.writeFileSync(path.join(data, name), text);
    const outDir = tempDir('dv-report-250-out-');
    const nl = writeReport({ dataDir: data, out: path.join(outDir, 'nl.html'), lang: 'nl' });
    const en = writeReport({ dataDir: data, out: path.join(outDir, 'en.html'), lang: 'en' });
    expect(nl.lines.at(-1)).toMatch(/\(\d+,\d MB, works offline\) in \d+,\d s\.$/);
    expect(en.lines.at(-1)).toMatch(/\(\d+\.\d MB, works offline\) in \d+\.\d s\.$/);
    const page = withoutBundle(fs.readFileSync(path.join(outDir, 'nl.html'), 'utf8'));
    // above ASYMPTOTIC_ABOVE groups no resampling was done, and the colophon says so
    expect(page).toContain('<dd>p: t-verdeling met N - 2 vrijheidsgraden; BI: Fisher-z met de jackknife-SE; coëfficiënt pearson;');
    expect(page).not.toMatch(/trekkingen|seed &quot;/);
    expect(withoutBundle(fs.readFileSync(path.join(outDir, 'en.html'), 'utf8'))).toContain("<dd>p: t distribution on N - 2 degrees of freedom; CI: Fisher's z with the jackknife SE; coefficient pearson;");
    // every group in a compact table (no attributes per cell), in a scrolling box, with the Dutch numbers
    expect(page).toContain('<table id="network-table" class="compact">');
    expect(count(page, '<tr data-network=')).toBe(250);
    // cells and rows are not closed (HTML closes them at the next <td>/<tr>)
    expect(page).toMatch(/<td>\d,\d\d<small>\[\d,\d\d; \d,\d\d\]<\/small><td>/);
    expect(page).toContain('id="network-table-note">Met 250 netwerken staat de tabel in een eigen schuifvak');
    expect(page).not.toMatch(/<td class="num" data-construct=/);
  });
});

describe('npm run report (scripts/report.ts)', () => {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (args: string[]) => spawnSync(tsx, [path.join(ROOT, 'scripts', 'report.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

  it('writes one offline page with the options given', { timeout: 120_000 }, () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-report-'));
    try {
      const out = path.join(tmp, 'sub', 'report.html');
      const r = run(['--out', out, '--lang', 'en', '--min-complete', '8', '--privacy', 'suppress']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/SYNTHETIC DATA/);
      expect(r.stdout).toMatch(/16 figures, 17 findings/);
      const page = withoutBundle(fs.readFileSync(out, 'utf8'));
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('id="privacy-suppressed">Left out: Apeliotes (7 complete), Argestes (7 complete).');
      expect(page).toContain('<dd>data</dd>'); // the data folder relative to the project, not a home path
      expect(page).not.toMatch(/https?:\/\//);
      // the shipped interviews are loaded, hashed in the colophon, and shown in English
      expect(r.stdout).toMatch(/interviews: data\/interviews\/interviews\.qdpx, 16 documents, \d+ coded segments, coders A, B, C \(SYNTHETIC\); 3 figures/);
      const qdpx = path.join(DATA, 'interviews', 'interviews.qdpx');
      expect(page).toContain(`<tr data-file="interviews/interviews.qdpx"><td>interviews/interviews.qdpx</td><td class="num">${fs.statSync(qdpx).size}</td><td><code>${createHash('sha256').update(fs.readFileSync(qdpx)).digest('hex')}</code></td></tr>`);
      expect(page).toContain('id="agreement-presence"');
      expect(page).toContain(`id="${reportFigureId('interviews-code-matrix')}"`);
      expect(page).toContain('SYNTHETIC INTERVIEWS');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reports a data folder without interviews, saying so', { timeout: 120_000 }, () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-report-noint-'));
    try {
      const data = path.join(tmp, 'data');
      fs.mkdirSync(data);
      for (const f of ['instrument.json', 'networks.csv', 'survey.csv']) fs.copyFileSync(path.join(DATA, f), path.join(data, f));
      // (never into the data folder: tests/scripts/outputs.test.ts)
      const out = path.join(tmp, 'report.html');
      const r = run(['--data', data, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/interviews: none \(no .*interviews\.qdpx\); the report says so/);
      const page = withoutBundle(fs.readFileSync(out, 'utf8'));
      expect(page).toContain('<p id="interviews-absent">Bij deze data zijn geen interviews meegegeven');
      expect(page).not.toContain('data-file="interviews/');
      expect(page).not.toContain('id="agreement-presence"');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('exits 1 with a message (no stack trace) on a bad option', { timeout: 60_000 }, () => {
    for (const args of [['--privacy', 'hide'], ['--data', '/nonexistent']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
