/**
 * The self-contained report: ONE HTML page that works offline, with every
 * figure of the report (Figures 1-18) interactive (plotly.js from
 * node_modules, inlined once; never a CDN), the network table with bands
 * (mean +/- 2 SE per portrait characteristic), the report's pattern claims
 * checked on the data (evaluateFindings), the privacy rule for small networks,
 * the interview strand (intercoder agreement, themes per network, joint
 * display with the survey, quotes; optional, see interviewSection.ts) and a
 * colophon (code, software, data hashes, time).
 *
 * Building is pure: data, colophon and options in, a string out; the same
 * input gives the same page (the colophon's time is an input). Reading the
 * plotly.js bundle from node_modules is the one exception; pass
 * `options.plotlyBundle` to avoid it.
 *
 * Only network-level numbers appear: counts and means per network, and
 * correlations across networks; from the interviews, agreement coefficients,
 * counts per network and quotes of the (synthetic) reports. No survey
 * respondent's row is ever written.
 */
import { evaluateFindings, FINDING_DEFAULTS, findingRules, formatCi, formatP, formatR, VERDICT_LABELS, type EvaluateFindingsOptions, type FindingResult } from '../analysis/evaluateFindings';
import { variableLabel } from '../analysis/networkLevel';
import { networkSummary, type NetworkSummaryRow } from '../analysis/networkSummary';
import { networkTable } from '../analysis/networkTable';
import { privacyCheck, resolvePrivacy, type PrivacyCheck, type PrivacyOptions } from '../analysis/privacy';
import type { SurveyRow } from '../analysis/scaleScores';
import type { Instrument, Language } from '../io/instrument';
import { reportStudyDefinition, type StudyDefinition } from '../io/studyDefinition';
import { isSyntheticOrigin, SYNTHETIC_MARK } from '../io/synthetic';
import { PLOTLY_PACKAGES, plotlyBundleKind, plotlyBundleText, widerBundle, type PlotlyBundleKind } from '../render/plotlyBundle';
import { slug } from '../figures/common';
import { checkLang, constructLabel } from '../figures/i18n';
import { figureHtml } from '../render/show';
import type { FigureSpec } from '../figures/types';
import { reportFigures } from '../figures/reportFigures';
import { skippedLine } from '../figures/skipReasons';
import type { QualProject } from '../qual/model';
import { UserInputError } from '../util/errors';
import type { Colophon } from './colophon';
import { checkProject, INTERVIEW_WORDS, interviewSectionHtml, resolveInterviewOptions, type InterviewReportOptions } from './interviewSection';
import { escapeHtml as esc } from '../util/html';
import { formatDecimal, formatWhole } from '../util/formatNumber';
import { explorerData, explorerSection } from '../explorer';

export interface ReportInput {
  instrument: Instrument;
  /** survey.csv rows (`readSurveyCsv(...).table.objects()`). */
  survey: readonly SurveyRow[];
  /** networks.csv rows (order, members, years, letters); optional. */
  networks?: readonly SurveyRow[];
  /** From `collectColophon(dataDir)` (or written by hand in a test). */
  colophon: Colophon;
  /** The study definition (default: the report's study, data/study.json). */
  study?: StudyDefinition;
  /** Where the study definition came from, in one line (loadStudyData's `study.line`); shown under "About". */
  studyLine?: string;
  /** Mark the page as synthetic data; default: the survey's data_origin column (isSyntheticOrigin). */
  synthetic?: boolean;
  /**
   * The coded interviews (`loadInterviews(folder)` from lib/qual); optional:
   * without them the interview section says that none were given.
   */
  interviews?: QualProject | null;
}

export interface BuildReportOptions {
  /** 'nl' (default, as the report) or 'en'. */
  lang?: Language | string;
  /** Networks with fewer complete questionnaires: default { minComplete: 5, action: 'warn' }. */
  privacy?: PrivacyOptions;
  /** Passed to evaluateFindings (seed, bootstrap iterations, method, exclude). */
  findings?: Pick<EvaluateFindingsOptions, 'seed' | 'iterations' | 'method' | 'exclude'>;
  /** The plotly.js bundle text (default: read from node_modules, the cartesian bundle unless a figure needs the full one: see lib/render/plotlyBundle.ts). */
  plotlyBundle?: string;
  /** The interview section: agreement level and minimum overlap, bootstrap, joint-display figures, quotes (INTERVIEW_REPORT_DEFAULTS). */
  interviews?: InterviewReportOptions;
}

/** The id of a figure's div in the page: `plot-<figure name>`. */
export const reportFigureId = (name: string): string => `plot-${name}`;

/** Above this many groups the network table is compact (mean and band in plain cells) and scrolls in a box of its own. */
export const COMPACT_TABLE_ABOVE = 100;

/** A number as the language writes it (4,59 / 4.59); '-' when missing. */
const num = (x: number | null | undefined, lang: Language, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '-' : formatDecimal(x, digits, lang));
/** A band or interval: [4,21; 4,97] in Dutch (the comma is the decimal separator), [4.21, 4.97] in English. */
const band = (lo: number | null | undefined, hi: number | null | undefined, lang: Language): string => `[${num(lo, lang)}${lang === 'nl' ? ';' : ','} ${num(hi, lang)}]`;

const T = {
  nl: {
    title: 'Delicate verbanden: netwerken in cijfers',
    subtitle: 'Figuren, netwerktabel en patronen uit het rapport Delicate verbanden (2024), berekend op de geladen data.',
    syntheticBanner: 'SYNTHETISCHE DATA (SYNTHETIC DATA): alle cijfers op deze pagina komen uit gegevens die dit project heeft gegenereerd en gekalibreerd op het rapport. Het zijn geen antwoorden van echte personen.',
    syntheticBannerGenerated: 'SYNTHETISCHE DATA (SYNTHETIC DATA): alle cijfers op deze pagina komen uit gegevens die dit project heeft gegenereerd (generateStudy), op niets gekalibreerd. Het zijn geen antwoorden van echte personen.',
    contents: 'Inhoud',
    about: 'Over deze pagina',
    aboutText: (n: number, resp: number, complete: number) =>
      `Deze pagina toont alleen cijfers op netwerkniveau: aantallen en gemiddelden per netwerk en samenhang tussen netwerken. Geen enkele rij van een respondent staat erin. Data: ${formatWhole(n, 'nl')} netwerken, ${formatWhole(resp, 'nl')} respondenten, ${formatWhole(complete, 'nl')} volledige vragenlijsten.`,
    privacy: 'Privacy',
    privacyRule: (min: number, action: string) =>
      `Regel: een netwerk met minder dan ${min} volledige vragenlijsten wordt ${action === 'warn' ? 'getoond met een waarschuwing (⚠)' : 'weggelaten uit tabellen, figuren en patronen'}.`,
    privacyNone: 'Alle netwerken halen dit minimum.',
    privacyWarned: (list: string) => `Met waarschuwing getoond: ${list}.`,
    privacySuppressed: (list: string) => `Weggelaten: ${list}.`,
    complete: 'volledig',
    networksSection: 'Netwerken: gemiddelden met band',
    networksIntro: 'Per netwerk het gemiddelde van elk portretkenmerk (schaal 1-5) met de band van het rapport: gemiddelde ± 2 × standaardfout (noot 1 bij Figuur 1-10).',
    compactNote: (n: number) => `Met ${formatWhole(n, 'nl')} netwerken staat de tabel in een eigen schuifvak (koppen blijven staan); zoek een netwerk met Ctrl+F. Als bestand: exportResults(networkSummary(...), { file: 'netwerken.csv' }) in een notebook.`,
    placeholder: (title: string) => `${title} (interactieve figuur: daarvoor zijn JavaScript en plotly.js nodig)`,
    network: 'Netwerk',
    approached: 'benaderd',
    responded: 'respons',
    completeCol: 'volledig',
    rate: 'respons %',
    flagTitle: (c: number, min: number) => `minder dan ${min} volledige vragenlijsten (${c})`,
    figures: 'Figuren',
    explore: 'Zelf verkennen',
    figuresIntro: 'Alle figuren zijn interactief: beweeg over een punt voor de waarde, sleep om in te zoomen, dubbelklik om terug te gaan.',
    figureWarn: (list: string, min: number) => `⚠ In deze figuur: ${list} met minder dan ${min} volledige vragenlijsten.`,
    findingsWarn: (list: string, min: number) => `⚠ De patronen rekenen ook met ${list}, met minder dan ${min} volledige vragenlijsten.`,
    findings: 'Patronen uit hoofdstuk 4, getoetst op deze data',
    findingsIntro: (n: number) =>
      `Elke bewering van het rapport over samenhang tussen kenmerken van netwerken, getoetst op de netwerkgemiddelden (N = ${n}). Met zo weinig netwerken zegt een toets weinig: lees "zwak" als "te weinig netwerken om het te zeggen".`,
    claims: 'Beweringen van de studie, getoetst op deze data',
    claimsIntro: (n: number) =>
      `Elke bewering van de studie (study.json) over samenhang tussen kenmerken van netwerken, getoetst op de netwerkgemiddelden (N = ${n}).${n < 30 ? ' Met zo weinig netwerken zegt een toets weinig: lees "zwak" als "te weinig netwerken om het te zeggen".' : ''}`,
    noClaims: 'De studie noemt geen beweringen om te toetsen (claims in study.json).',
    cols: ['#', 'Bewering (rapport)', 'Variabelen', 'Verwacht', 'N', 'r', 'rho', 'p', 'p (1-zijdig)', '95%-BI (BCa)', 'Stabiel', 'Oordeel', 'Toelichting'],
    calibratedMark: 'de synthetische data zijn hierop gekalibreerd',
    rules: 'Beslisregels',
    colophon: 'Colofon',
    generatedAt: 'Gemaakt op',
    commit: 'Git-commit',
    versions: 'Versies',
    dataDir: 'Datamap',
    dataFiles: 'Databestanden (sha256)',
    file: 'bestand',
    bytes: 'bytes',
    settings: 'Instellingen',
    settingsText: (findings: string, method: string, min: number, action: string, exclude: string) =>
      `${findings}; coëfficiënt ${method}; privacy: minimaal ${min} volledige vragenlijsten, actie "${action}"${exclude ? `; weggelaten bij de patronen: ${exclude}` : ''}.`,
    pExact: 'p: exacte permutatietoets (alle N! volgordes)',
    pMonteCarlo: (k: number) => `p: Monte-Carlo-permutatietoets (${formatWhole(k, 'nl')} volgordes)`,
    pT: 'p: t-verdeling met N - 2 vrijheidsgraden',
    ciBootstrap: (it: number, percentile: boolean) => `BI: BCa-bootstrap (${formatWhole(it, 'nl')} trekkingen${percentile ? '; percentielinterval waar BCa niet bestaat' : ''})`,
    ciJackknife: (fisher: boolean) => `BI: Fisher-z met de jackknife-SE${fisher ? ' (de normaaltheorie-SE waar die niet bestaat)' : ''}`,
    seed: (seed: string) => `seed "${seed}"`,
    noneEvaluated: 'geen bewering getoetst',
    synthetic: 'synthetische data',
    real: 'data zonder synthetisch kenmerk',
    dataKind: 'Soort data',
    yes: 'ja',
  },
  en: {
    title: 'Delicate verbanden: the networks in numbers',
    subtitle: 'Figures, network table and patterns of the report Delicate verbanden (2024), computed on the loaded data.',
    syntheticBanner: 'SYNTHETIC DATA: every number on this page comes from data generated by this project and calibrated to the report. They are not answers of real people.',
    syntheticBannerGenerated: 'SYNTHETIC DATA: every number on this page comes from data generated by this project (generateStudy), calibrated to nothing. They are not answers of real people.',
    contents: 'Contents',
    about: 'About this page',
    aboutText: (n: number, resp: number, complete: number) =>
      `This page shows network-level numbers only: counts and means per network and associations across networks. No respondent's row appears in it. Data: ${formatWhole(n, 'en')} networks, ${formatWhole(resp, 'en')} respondents, ${formatWhole(complete, 'en')} complete questionnaires.`,
    privacy: 'Privacy',
    privacyRule: (min: number, action: string) =>
      `Rule: a network with fewer than ${min} complete questionnaires is ${action === 'warn' ? 'shown with a warning (⚠)' : 'left out of tables, figures and patterns'}.`,
    privacyNone: 'Every network reaches this minimum.',
    privacyWarned: (list: string) => `Shown with a warning: ${list}.`,
    privacySuppressed: (list: string) => `Left out: ${list}.`,
    complete: 'complete',
    networksSection: 'Networks: means with bands',
    networksIntro: "Per network the mean of each portrait characteristic (scale 1-5) with the report's band: mean ± 2 × standard error (note 1 under Figures 1-10).",
    compactNote: (n: number) => `With ${formatWhole(n, 'en')} networks the table scrolls in a box of its own (headers stay in place); find a network with Ctrl+F. As a file: exportResults(networkSummary(...), { file: 'networks.csv' }) in a notebook.`,
    placeholder: (title: string) => `${title} (interactive figure: it needs JavaScript and plotly.js)`,
    network: 'Network',
    approached: 'approached',
    responded: 'responded',
    completeCol: 'complete',
    rate: 'response %',
    flagTitle: (c: number, min: number) => `fewer than ${min} complete questionnaires (${c})`,
    figures: 'Figures',
    explore: 'Explore it yourself',
    figuresIntro: 'Every figure is interactive: hover over a point for its value, drag to zoom, double-click to reset.',
    figureWarn: (list: string, min: number) => `⚠ In this figure: ${list} with fewer than ${min} complete questionnaires.`,
    findingsWarn: (list: string, min: number) => `⚠ The patterns include ${list}, with fewer than ${min} complete questionnaires.`,
    findings: 'Patterns of chapter 4, tested on these data',
    findingsIntro: (n: number) =>
      `Every claim of the report about an association between characteristics of networks, tested on the network means (N = ${n}). With so few networks a test says little: read "weak" as "too few networks to tell".`,
    claims: 'Claims of the study, tested on these data',
    claimsIntro: (n: number) =>
      `Every claim of the study (study.json) about an association between characteristics of networks, tested on the network means (N = ${n}).${n < 30 ? ' With so few networks a test says little: read "weak" as "too few networks to tell".' : ''}`,
    noClaims: 'The study declares no claims to test (claims in study.json).',
    cols: ['#', 'Claim (report)', 'Variables', 'Expected', 'N', 'r', 'rho', 'p', 'p (one-sided)', '95% CI (BCa)', 'Stable', 'Verdict', 'Notes'],
    calibratedMark: 'the synthetic data were calibrated to this',
    rules: 'Decision rules',
    colophon: 'Colophon',
    generatedAt: 'Generated at',
    commit: 'Git commit',
    versions: 'Versions',
    dataDir: 'Data folder',
    dataFiles: 'Data files (sha256)',
    file: 'file',
    bytes: 'bytes',
    settings: 'Settings',
    settingsText: (findings: string, method: string, min: number, action: string, exclude: string) =>
      `${findings}; coefficient ${method}; privacy: at least ${min} complete questionnaires, action "${action}"${exclude ? `; left out of the patterns: ${exclude}` : ''}.`,
    pExact: 'p: exact permutation test (all N! orderings)',
    pMonteCarlo: (k: number) => `p: Monte Carlo permutation test (${formatWhole(k, 'en')} orderings)`,
    pT: 'p: t distribution on N - 2 degrees of freedom',
    ciBootstrap: (it: number, percentile: boolean) => `CI: BCa bootstrap (${formatWhole(it, 'en')} resamples${percentile ? '; the percentile interval where BCa is undefined' : ''})`,
    ciJackknife: (fisher: boolean) => `CI: Fisher's z with the jackknife SE${fisher ? ' (the normal-theory SE where that is undefined)' : ''}`,
    seed: (seed: string) => `seed "${seed}"`,
    noneEvaluated: 'no claim evaluated',
    synthetic: 'synthetic data',
    real: 'data without the synthetic mark',
    dataKind: 'Kind of data',
    yes: 'yes',
  },
} as const;

const CSS = `
:root { --ink: #1f2430; --muted: #5b6270; --line: #d8dbe2; --accent: #3b5b92; --warn: #9a6700; --bad: #b03a2e; --good: #2e7d32; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
main { max-width: 1180px; margin: 0 auto; padding: 0 20px 60px; }
header.dv-header { max-width: 1180px; margin: 0 auto; padding: 24px 20px 8px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.subtitle { color: var(--muted); margin: 0; }
.synthetic-banner { background: #8a1c1c; color: #fff; font-weight: bold; padding: 10px 20px; text-align: center; letter-spacing: .02em; }
.table-wrap { overflow-x: auto; }
.table-scroll { max-height: 70vh; overflow-y: auto; border: 1px solid var(--line); }
.table-scroll thead th { position: sticky; top: 0; z-index: 1; }
#network-table.compact td:not(:first-child), #network-table.compact th:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
#network-table.compact td { white-space: nowrap; }
#network-table.compact small { display: block; color: var(--muted); font-size: .78rem; }
.power-note { font-weight: bold; color: var(--warn); }
#findings-table { font-size: .82rem; } #findings-table th, #findings-table td { padding: 4px 4px; }
#findings-table th { white-space: normal; vertical-align: bottom; hyphens: auto; }
#findings-table td:nth-child(2) { width: 24%; min-width: 200px; } #findings-table td:nth-child(3) { width: 10%; } #findings-table td:nth-child(13) { width: 22%; min-width: 180px; }
#findings-table .claim-id { overflow-wrap: anywhere; }
#network-table th { white-space: normal; vertical-align: bottom; }
nav ol { columns: 2; color: var(--accent); } nav a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .86rem; margin: 10px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .band { color: var(--muted); font-size: .78rem; display: block; }
tr.privacy-flag td { background: #fff7e0; }
.flag { color: var(--warn); font-weight: bold; }
.verdict { display: inline-block; padding: 1px 7px; border-radius: 10px; font-weight: bold; white-space: nowrap; }
.verdict-holds { background: #e3f1e4; color: var(--good); } .verdict-weak { background: #fff3cd; color: var(--warn); }
.verdict-does-not-hold { background: #f8e0dd; color: var(--bad); } .verdict-not-evaluated { background: #eceef2; color: var(--muted); }
.claim-id { color: var(--muted); font-size: .75rem; font-family: "Liberation Mono", monospace; }
.note { color: var(--muted); font-size: .8rem; }
figure.dv-report-figure { margin: 24px 0; overflow-x: auto; }
figure.dv-report-figure figcaption { color: var(--warn); font-size: .85rem; }
.privacy-box { border-left: 4px solid var(--warn); background: #fffaf0; padding: 8px 14px; }
h3 { font-size: 1.1rem; margin-top: 1.8rem; } h4 { font-size: .95rem; margin: 1.2rem 0 .3rem; }
table.agreement th.group { text-align: center; border-left: 1px solid var(--line); }
table.agreement tr.overall td { font-weight: bold; border-top: 2px solid var(--line); }
.ci { color: var(--muted); font-size: .78rem; font-weight: normal; } table.agreement .ci { display: block; } table.agreement th.num { white-space: normal; } table.agreement td:first-child { min-width: 150px; }
.synthetic-note { border-left: 4px solid #8a1c1c; background: #fbeeee; padding: 8px 14px; font-weight: bold; }
details.joint { margin: 6px 0; } details.joint summary { cursor: pointer; color: var(--accent); }
.quotes { margin: 10px 0 16px; } .quotes h4 { margin-bottom: 4px; }
blockquote.quote { margin: 6px 0 6px 10px; padding: 4px 12px; border-left: 3px solid var(--line); }
blockquote.quote p { margin: 0; font-style: italic; } blockquote.quote footer { color: var(--muted); font-size: .8rem; }
.synthetic-mark { color: #8a1c1c; font-weight: bold; }
dl.colophon dt { font-weight: bold; margin-top: 8px; } dl.colophon dd { margin-left: 0; font-family: "Liberation Mono", monospace; font-size: .85rem; word-break: break-all; }
`;

function checkColophon(c: unknown): asserts c is Colophon {
  const k = c as Colophon;
  if (!k || typeof k !== 'object' || typeof k.generatedAt !== 'string' || typeof k.gitCommit !== 'string' || !k.versions || !Array.isArray(k.dataFiles)) {
    throw new UserInputError('buildReport: input.colophon is required: collectColophon(dataDir) gives { generatedAt, gitCommit, versions, dataDir, dataFiles }.');
  }
}

function networkTableHtml(summary: readonly NetworkSummaryRow[], instrument: Instrument, lang: Language, privacy: PrivacyCheck): string {
  const t = T[lang];
  const constructs = summary[0]?.scores.map((s) => s.construct) ?? [];
  // Many groups: the same numbers in plain cells (no attributes per cell), about half the bytes per row.
  const compact = summary.length > COMPACT_TABLE_ABOVE;
  const numTh = compact ? '<th>' : '<th class="num">';
  const head = [
    `<th>${t.network}</th>`,
    `${numTh}${t.approached}</th>`,
    `${numTh}${t.responded}</th>`,
    `${numTh}${t.completeCol}</th>`,
    `${numTh}${t.rate}</th>`,
    ...constructs.map((c) => `<th${compact ? '' : ' class="num"'} data-construct="${esc(c)}">${esc(constructLabel(instrument, c, lang))}</th>`),
  ].join('');
  const td = compact ? '<td>' : '<td class="num">';
  const body = summary
    .map((s) => {
      const flagged = s.privacy?.belowMinimum === true;
      const flag = flagged ? ` <span class="flag" title="${esc(t.flagTitle(s.complete, privacy.minComplete))}">⚠</span>` : '';
      const cells = s.scores.map((x) =>
        compact
          ? `<td>${num(x.mean, lang)}<small>${band(x.lower, x.upper, lang)}</small>`
          : `<td class="num" data-construct="${esc(x.construct)}">${num(x.mean, lang)}<span class="band">${band(x.lower, x.upper, lang)}</span></td>`,
      );
      // compact: HTML ends a cell at the next <td> and a row at the next <tr>, so neither is closed (70 bytes a row)
      const end = compact ? '' : '</td>';
      return `<tr data-network="${esc(s.network)}"${flagged ? ' class="privacy-flag"' : ''}><td>${esc(s.network)}${flag}</td>${td}${s.members}${end}${td}${s.responded}${end}${td}${s.complete}${end}${td}${Math.round(s.responseRate)}${end}${cells.join('')}${compact ? '' : '</tr>'}`;
    })
    .join('\n');
  const table = `<table id="network-table"${compact ? ' class="compact"' : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  return compact ? `<p class="note" id="network-table-note">${esc(t.compactNote(summary.length))}</p>\n<div class="table-wrap table-scroll">${table}</div>` : `<div class="table-wrap">${table}</div>`;
}

function findingsTableHtml(results: readonly FindingResult[], instrument: Instrument, lang: Language, calibrated: boolean, figureOf: (pattern: string | null) => number | null): string {
  const t = T[lang];
  const head = t.cols.map((c, k) => `<th${k >= 4 && k <= 10 ? ' class="num"' : ''}>${esc(c)}</th>`).join('');
  const dir = (d: number) => (d > 0 ? '+' : d < 0 ? '−' : '0');
  // the power note once above the table when every finding has the same N, else per row
  const notes = [...new Set(results.map((r) => r.note).filter((x) => x !== ''))];
  const showNote = notes.length > 1;
  const power = notes.length === 1 ? `<p class="power-note" id="findings-power">${esc(notes[0])}</p>` : '';
  const body = results
    .map((r, k) => {
      const verdictClass = `verdict verdict-${r.verdict.replace(/ /g, '-')}`;
      const mark = calibrated && r.calibrated ? ` <span title="${esc(t.calibratedMark)}">†</span>` : '';
      const ci = formatCi(r.ci, lang);
      return [
        `<tr data-finding="${esc(r.id)}" data-verdict="${esc(r.verdict)}">`,
        `<td class="num">${k + 1}</td>`,
        `<td>${esc(r.claim)}<br><span class="claim-id">${esc(r.id)} · ${esc(r.section)}${figureOf(r.pattern) !== null ? ` · ${lang === 'nl' ? 'Figuur' : 'Figure'} ${figureOf(r.pattern)}` : ''}</span></td>`,
        `<td>${esc(variableLabel(instrument, r.x, lang))} ~ ${esc(variableLabel(instrument, r.y, lang))}</td>`,
        `<td class="num">${dir(r.direction)}</td>`,
        `<td class="num">${r.n}</td>`,
        `<td class="num">${formatR(r.r, lang)}</td>`,
        `<td class="num">${formatR(r.rho, lang)}</td>`,
        `<td class="num">${formatP(r.p, lang)}</td>`,
        `<td class="num">${formatP(r.pOneSided, lang)}</td>`,
        `<td class="num">${ci}</td>`,
        `<td class="num">${r.stable === null ? '-' : `${r.stable}/${r.of}`}</td>`,
        `<td><span class="${verdictClass}">${esc(VERDICT_LABELS[lang][r.verdict])}</span>${mark}</td>`,
        `<td class="note">${esc(r.reason)}.${r.remarks ? ` ${esc(r.remarks)}` : ''}${showNote ? ` ${esc(r.note)}` : ''}</td>`,
        '</tr>',
      ].join('');
    })
    .join('\n');
  const foot = calibrated ? `<p class="note">† ${esc(t.calibratedMark)} (data/PROVENANCE.md, 5).</p>` : '';
  return `${power}<div class="table-wrap"><table id="findings-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${foot}`;
}

function colophonHtml(c: Colophon, lang: Language, banner: string | null, settings: string): string {
  const t = T[lang];
  const files = c.dataFiles
    .map((f) => `<tr data-file="${esc(f.file)}"><td>${esc(f.file)}</td><td class="num">${f.bytes}</td><td><code>${esc(f.sha256)}</code></td></tr>`)
    .join('\n');
  return [
    banner !== null ? `<p class="synthetic-banner">${esc(banner)}</p>` : '',
    '<dl class="colophon">',
    `<dt>${t.generatedAt}</dt><dd id="colophon-time">${esc(c.generatedAt)}</dd>`,
    `<dt>${t.commit}</dt><dd id="colophon-commit">${esc(c.gitCommit)}</dd>`,
    `<dt>${t.versions}</dt><dd id="colophon-versions">node ${esc(c.versions.node)}; arquero ${esc(c.versions.arquero)}; plotly.js ${esc(c.versions.plotly)}; ${esc(c.versions.package)}</dd>`,
    `<dt>${t.dataKind}</dt><dd>${banner !== null ? t.synthetic : t.real}</dd>`,
    `<dt>${t.dataDir}</dt><dd>${esc(c.dataDir)}</dd>`,
    `<dt>${t.settings}</dt><dd>${esc(settings)}</dd>`,
    '</dl>',
    `<h3>${t.dataFiles}</h3>`,
    `<table id="colophon-files"><thead><tr><th>${t.file}</th><th class="num">${t.bytes}</th><th>sha256</th></tr></thead><tbody>\n${files}\n</tbody></table>`,
  ].join('\n');
}

/**
 * How the findings' p and CI were obtained, as the results say (pMethod,
 * ci.type): with more than ASYMPTOTIC_ABOVE groups the t distribution and the
 * jackknife, not 10,000 resamples.
 */
function findingMethods(results: readonly FindingResult[], lang: Language, seed: string, iterations: number): string {
  const t = T[lang];
  const p = new Set(results.map((r) => r.pMethod));
  const ci = new Set(results.map((r) => r.ci?.type ?? null));
  const parts = [
    ...(p.has('exact') ? [t.pExact] : []),
    ...(p.has('monte-carlo') ? [t.pMonteCarlo(FINDING_DEFAULTS.permutations)] : []),
    ...(p.has('t') ? [t.pT] : []),
    ...(ci.has('bca') || ci.has('percentile') ? [t.ciBootstrap(iterations, ci.has('percentile'))] : []),
    ...(ci.has('jackknife-z') || ci.has('fisher-z') ? [t.ciJackknife(ci.has('fisher-z'))] : []),
  ];
  if (parts.length === 0) return t.noneEvaluated;
  const resampled = p.has('monte-carlo') || ci.has('bca') || ci.has('percentile');
  return [...parts, ...(resampled ? [t.seed(seed)] : [])].join('; ');
}

/** The plain text of a figure's title (for the text shown in place of a figure without JavaScript). */
function plainTitle(spec: FigureSpec): string {
  const title = spec.layout.title as { text?: string } | string | undefined;
  const text = typeof title === 'string' ? title : title?.text ?? '';
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Network names a figure shows: portraits show one, the comparisons all. */
function networksInFigure(name: string, all: readonly string[]): string[] {
  const m = /^fig\d+-portrait-(.+)$/.exec(name);
  if (!m) return [...all];
  return all.filter((n) => slug(n) === m[1]);
}

/**
 * @example
 *   const colophon = collectColophon('data');
 *   const html = buildReport({ instrument, survey: survey.table.objects(), networks: networks.table.objects(), colophon }, { lang: 'nl' });
 *   fs.writeFileSync('out/report.html', html);
 */
export function buildReport(input: ReportInput, options: BuildReportOptions = {}): string {
  if (!input || typeof input !== 'object') throw new UserInputError('buildReport: expected { instrument, survey, networks?, colophon }.');
  if (!input.instrument) throw new UserInputError('buildReport: input.instrument (the codebook) is required.');
  if (!Array.isArray(input.survey) || input.survey.length === 0) throw new UserInputError('buildReport: input.survey is empty; load survey.csv first.');
  checkColophon(input.colophon);
  const lang = checkLang(options.lang);
  const t = T[lang];
  const privacyOptions = resolvePrivacy(options.privacy);
  if (options.plotlyBundle !== undefined && (typeof options.plotlyBundle !== 'string' || options.plotlyBundle.length === 0)) {
    throw new UserInputError('buildReport: options.plotlyBundle must be the text of plotly.js (or left out: it is read from node_modules).');
  }
  const interviewOptions = resolveInterviewOptions(options.interviews);
  if (input.interviews !== undefined && input.interviews !== null) checkProject(input.interviews);
  const { instrument } = input;
  const synthetic =
    input.synthetic ?? (input.survey.some((r) => r.data_origin !== undefined && r.data_origin !== null) && isSyntheticOrigin(input.survey.map((r) => r.data_origin)));

  // the shipped data were calibrated to the report; data made by generateStudy (or others marked synthetic) to nothing
  const calibrated = synthetic && input.survey.every((r) => r.data_origin === SYNTHETIC_MARK);
  const banner = !synthetic ? null : calibrated ? t.syntheticBanner : t.syntheticBannerGenerated;

  // privacy: which networks fall below the minimum; with 'suppress' their rows go before anything is computed
  const check = privacyCheck(input.survey, privacyOptions);
  if (input.networks) {
    for (const n of input.networks) {
      const name = String(n.network);
      if (!check.networks.some((x) => x.network === name)) {
        check.networks.push({ network: name, complete: 0, belowMinimum: 0 < privacyOptions.minComplete });
        check.below.push(name);
      }
    }
  }
  const suppressed = privacyOptions.action === 'suppress' ? check.below : [];
  const flagged = privacyOptions.action === 'warn' ? check.below : [];
  const survey = suppressed.length > 0 ? input.survey.filter((r) => !suppressed.includes(String(r.network))) : input.survey;
  const networks = input.networks && suppressed.length > 0 ? input.networks.filter((n) => !suppressed.includes(String(n.network))) : input.networks;
  if (survey.length === 0) throw new UserInputError(`buildReport: every network has fewer than ${privacyOptions.minComplete} complete questionnaires, so with privacy "suppress" nothing is left to report.`);

  const study = input.study ?? reportStudyDefinition();
  const isReportStudy = study.id === reportStudyDefinition().id;
  const known = new Set(instrument.constructs.map((c) => c.id));
  const portraitIds = study.portrait.filter((c) => known.has(c));
  // no portrait construct in the codebook: the network table shows the codebook's scales (networkSummary's default), the portraits are skipped with their reason
  const summary = networkSummary(survey, instrument, { networks, privacy: privacyOptions, constructs: portraitIds.length > 0 ? portraitIds : undefined });
  const table = networkTable(survey, instrument, { networks, privacy: privacyOptions });
  const names = table.map((r) => r.network);
  // the figures get the table and the portrait summary made here (computed once: about 1 s at 2,000 groups)
  const { figures, skipped } = reportFigures({ instrument, survey, networks, study, table, portraitSummary: portraitIds.length > 0 ? summary : undefined }, { lang, synthetic });
  const findingOptions = { seed: FINDING_DEFAULTS.seed, iterations: FINDING_DEFAULTS.iterations, method: 'pearson' as const, ...(options.findings ?? {}) };
  const results = evaluateFindings(table, { ...findingOptions, lang, findings: study.claims });
  // The figure a claim is read from: its pattern's number in this report's figure list.
  const figureOf = (pattern: string | null): number | null => {
    if (pattern === null) return null;
    const f = figures.find((x) => x.name.endsWith(`-patterns-${pattern}`));
    return f ? Number(/^fig(\d+)-/.exec(f.name)?.[1]) : null;
  };


  const responded = survey.filter((r) => r.response_status === undefined || r.response_status === null || r.response_status === 'complete' || r.response_status === 'partial').length;
  const complete = table.reduce((s, r) => s + r.complete, 0);
  const list = (names: readonly string[]) =>
    names.map((n) => `${n} (${check.networks.find((x) => x.network === n)?.complete ?? 0} ${t.complete})`).join(', ');

  const privacyHtml = [
    `<div class="privacy-box" id="privacy" data-min-complete="${privacyOptions.minComplete}" data-action="${privacyOptions.action}">`,
    `<p>${esc(t.privacyRule(privacyOptions.minComplete, privacyOptions.action))}</p>`,
    check.below.length === 0
      ? `<p>${esc(t.privacyNone)}</p>`
      : privacyOptions.action === 'warn'
        ? `<p id="privacy-flagged">${esc(t.privacyWarned(list(flagged)))}</p>`
        : `<p id="privacy-suppressed">${esc(t.privacySuppressed(list(suppressed)))}</p>`,
    '</div>',
  ].join('\n');

  // The smallest plotly bundle that draws every figure of the report (cartesian for the project's own figures).
  let bundleKind: PlotlyBundleKind = 'cartesian';
  const figureBlock = (name: string, spec: FigureSpec, caption: string) => {
    bundleKind = widerBundle(bundleKind, plotlyBundleKind(spec));
    return `<figure class="dv-report-figure" data-figure="${esc(name)}">\n${figureHtml(spec, { id: reportFigureId(name), bundle: null, placeholder: t.placeholder(plainTitle(spec)) })}\n${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
  };
  const figureParts = figures.map((f) => {
    const inFigure = networksInFigure(f.name, names).filter((n) => flagged.includes(n));
    return figureBlock(f.name, f.spec, inFigure.length > 0 ? t.figureWarn(inFigure.join(', '), privacyOptions.minComplete) : '');
  });
  const constructIds = instrument.constructs.map((c) => c.id);
  const interviews = interviewSectionHtml(input.interviews, interviewOptions, {
    lang,
    summaryFor: (constructs) => networkSummary(survey, instrument, { networks, constructs }),
    table,
    hasNetworks: networks !== undefined,
    constructs: constructIds,
    variableLabel: (id) => variableLabel(instrument, id, lang),
    suppressed,
    flagged,
    minComplete: privacyOptions.minComplete,
    figure: figureBlock,
  });
  // a figure drawn without some panels is in the list too: "incomplete", not "missing"
  const skippedHtml = skipped.map((s) => `<p class="note">${esc(skippedLine(lang, s, figures.some((f) => f.name === s.name)))}</p>`).join('\n');
  const settings = t.settingsText(
    findingMethods(results, lang, findingOptions.seed, findingOptions.iterations),
    findingOptions.method,
    privacyOptions.minComplete,
    privacyOptions.action,
    (findingOptions.exclude ?? []).join(', '),
  );
  const findingsN = Math.max(0, ...results.map((r) => r.n));
  const findingsBody =
    results.length === 0
      ? `<p id="findings-none">${esc(t.noClaims)}</p>`
      : `<p>${esc(isReportStudy ? t.findingsIntro(findingsN) : t.claimsIntro(findingsN))}</p>\n${flagged.length > 0 ? `<p class="note" id="findings-privacy">${esc(t.findingsWarn(flagged.join(', '), privacyOptions.minComplete))}</p>\n` : ''}${findingsTableHtml(results, instrument, lang, calibrated, figureOf)}\n<h3>${t.rules}</h3>\n<ol id="finding-rules">${findingRules(findingsN, lang, { findings: study.claims }).map((r) => `<li>${esc(r)}</li>`).join('')}</ol>`;

  const sections: Array<[string, string, string]> = [
    ['about', t.about, `<p>${esc(t.aboutText(names.length, responded, complete))}</p>${input.studyLine ? `\n<p class="note" id="study-line">${esc(input.studyLine)}.</p>` : ''}`],
    ['privacy-section', t.privacy, privacyHtml],
    ['networks', t.networksSection, `<p>${esc(t.networksIntro)}</p>\n${networkTableHtml(summary, instrument, lang, check)}`],
    ['figures', t.figures, `<p>${esc(t.figuresIntro)}</p>\n${skippedHtml}\n${figureParts.join('\n')}`],
    ['explore', t.explore, `${explorerSection(explorerData({ survey, networks, instrument, definition: study, synthetic }, { privacy: privacyOptions }), { lang })}`],
    ['findings', isReportStudy ? t.findings : t.claims, findingsBody],
    ['interviews', INTERVIEW_WORDS[lang].heading, interviews.html],
    ['colophon', t.colophon, colophonHtml(input.colophon, lang, banner, settings)],
  ];

  const title = synthetic ? `${t.title} (${t.synthetic})` : t.title;
  const bundle = options.plotlyBundle ?? plotlyBundleText(bundleKind);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(input.colophon.versions.package)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    `<script type="text/javascript">/* plotly.js ${esc(input.colophon.versions.plotly)} from node_modules (${PLOTLY_PACKAGES[bundleKind]}), inlined once */\n${bundle.replace(/<\/script/gi, '<\\/script')}\n</script>`,
    '</head>',
    `<body data-synthetic="${synthetic}">`,
    banner !== null ? `<div class="synthetic-banner" id="synthetic-banner" role="alert">${esc(banner)}</div>` : '',
    `<header class="dv-header"><h1>${esc(t.title)}</h1><p class="subtitle">${esc(t.subtitle)}</p></header>`,
    '<main>',
    `<nav><h2>${t.contents}</h2><ol>${sections.map(([id, h]) => `<li><a href="#${id}">${esc(h)}</a></li>`).join('')}</ol></nav>`,
    ...sections.map(([id, h, body]) => `<section id="${id}">\n<h2>${esc(h)}</h2>\n${body}\n</section>`),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
