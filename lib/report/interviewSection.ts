/**
 * The interview strand in the self-contained report (internal to
 * lib/report): intercoder agreement (code presence per document and per
 * paragraph, segment overlap as MAXQDA, per code and overall, per coder pair),
 * the code-by-network heatmap, the joint display (each theme's networks beside
 * their survey score) and a few quotes per theme. Everything is computed by
 * lib/qual (presenceAgreement, segmentAgreement, codeMatrix, jointDisplay,
 * quotesByNetwork and their figures); this file only lays it out in Dutch or
 * English. Pure: a project in, HTML out; the bootstraps are seeded.
 *
 * Only network-level numbers and the interview reports' own text appear: no
 * survey respondent's row. With privacy 'suppress' the networks left out of
 * the survey part are left out here too.
 */
import type { NetworkSummaryRow } from '../analysis/networkSummary';
import type { NetworkTableRow } from '../analysis/networkTable';
import type { Language } from '../io/instrument';
import { slug } from '../figures/common';
import type { FigureSpec } from '../figures/types';
import { presenceAgreement, type AgreementCoefficients, type PresenceAgreementResult } from '../qual/agreement/presenceAgreement';
import { segmentAgreement, type SegmentAgreementResult } from '../qual/agreement/segmentAgreement';
import { codeMatrix } from '../qual/analysis/codeMatrix';
import { jointDisplay, type JointDisplay } from '../qual/analysis/jointDisplay';
import { quotesByNetwork } from '../qual/analysis/quotes';
import { codeLabel, themeConstructs } from '../qual/codebook';
import { codeMatrixFigure } from '../qual/figures/codeMatrixFigure';
import { jointDisplayFigure } from '../qual/figures/jointDisplayFigure';
import { codeNames, findCode, themes, type QualCode, type QualProject } from '../qual/model';
import { UserInputError } from '../util/errors';
import { escapeHtml as esc } from '../util/html';
import { formatDecimal } from '../util/formatNumber';

/** Options of the interview section (BuildReportOptions.interviews). */
export interface InterviewReportOptions {
  /** 'theme' (default): subcodes count for their theme; 'code': every code its own row. */
  level?: 'theme' | 'code';
  /** Minimum overlap in percent for two segments to agree (segmentAgreement); default 90, MAXQDA's default. */
  minOverlap?: number;
  /** Bootstrap resamples for Krippendorff's alpha (presenceAgreement); default 2000. */
  bootstrap?: number;
  /** Seed of those bootstraps; default 'delicate-verbanden/interviews'. */
  seed?: string;
  /** Themes shown as joint-display figures (code: theme by id, name or path; construct: survey construct); default trust and topic overlap. */
  jointFigures?: ReadonlyArray<{ code: string; construct?: string }>;
  /** Quotes per theme (from different networks); default 3, 0 for none. */
  quotes?: number;
  /** Longest quote shown, in characters (cut at a word with "…"); default 220. */
  quoteLength?: number;
}

/** The defaults, so that a test can call lib/qual with exactly the report's options. */
export const INTERVIEW_REPORT_DEFAULTS = {
  level: 'theme',
  minOverlap: 90,
  bootstrap: 2000,
  seed: 'delicate-verbanden/interviews',
  jointFigures: [
    { code: 'Vertrouwen als bindmiddel', construct: 'trust' },
    { code: 'Overlap', construct: 'topic_overlap' },
  ],
  quotes: 3,
  quoteLength: 220,
} as const satisfies Required<InterviewReportOptions>;

/** The figure names (div id: reportFigureId(name)) of the interview section. */
export const INTERVIEW_MATRIX_FIGURE = 'interviews-code-matrix';
export const interviewJointFigureName = (themeName: string): string => `interviews-joint-${slug(themeName)}`;

export interface InterviewSectionContext {
  lang: Language;
  /** Survey rows after privacy 'suppress' (network-level summaries are made from them). */
  summaryFor: (constructs: readonly string[]) => NetworkSummaryRow[];
  /** The network table (years and members come from networks.csv). */
  table: readonly NetworkTableRow[];
  /** Whether networks.csv was given (years, members). */
  hasNetworks: boolean;
  /** Survey constructs of the codebook. */
  constructs: readonly string[];
  /** Label of a survey construct or of 'years'/'members'. */
  variableLabel: (id: string) => string;
  /** Networks left out by privacy 'suppress' and flagged by 'warn'. */
  suppressed: readonly string[];
  flagged: readonly string[];
  minComplete: number;
  /** The HTML of one figure (same mechanism as the report's other figures). */
  figure: (name: string, spec: FigureSpec, caption: string) => string;
}

// Numbers as the language writes them (lib/util/formatNumber): 0,81 and [0,70; 0,90] in Dutch, 0.81 and [0.70, 0.90] in English.
const fix = (x: number | null | undefined, lang: Language, d = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : formatDecimal(x, d, lang));
const pct = (x: number | null | undefined, lang: Language): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${formatDecimal(100 * x, 1, lang)}%`);
const interval = (lo: number, hi: number, lang: Language): string => `[${fix(lo, lang)}${lang === 'nl' ? ';' : ','} ${fix(hi, lang)}]`;
const ci = (lo: number | null | undefined, hi: number | null | undefined, lang: Language): string =>
  lo === null || lo === undefined || hi === null || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) ? '' : ` <span class="ci">${interval(lo, hi, lang)}</span>`;
/** A numeric cell: shown rounded, the unrounded value in data-value (what lib/qual returned). */
const cell = (stat: string, value: number | null | undefined, shown: string, extra = ''): string =>
  `<td class="num" data-stat="${stat}"${value === null || value === undefined || !Number.isFinite(value) ? '' : ` data-value="${value}"`}>${shown}${extra}</td>`;

const W = {
  nl: {
    heading: 'Interviews: overeenstemming, thema’s per netwerk, citaten',
    contents: 'Interviews',
    absent:
      'Bij deze data zijn geen interviews meegegeven, dus dit deel blijft leeg. Zet een REFI-QDA-export van de gecodeerde interviews als interviews/interviews.qdpx in de datamap om het te vullen (zie docs/interviews.md in het project).',
    intro: (docs: number, networks: number, themesN: number, codes: number, segs: number, coders: string) =>
      `Het kwalitatieve deel van het onderzoek (5.3, 5.4): ${docs} interviewverslagen over ${networks} netwerken, gecodeerd met een codeboek van ${themesN} thema’s (${codes} codes) in ${segs} gecodeerde segmenten door de codeurs ${coders}.`,
    syntheticNote:
      'SYNTHETISCHE INTERVIEWS: de verslagen zijn voor dit project geschreven en door gesimuleerde codeurs gecodeerd. Het zijn geen verslagen van echte interviews; citaten hieronder zijn synthetische tekst.',
    privacyNote: 'Dit deel toont alleen aantallen per netwerk, overeenstemming tussen codeurs en citaten uit de verslagen; geen enkele rij van een respondent van de vragenlijst.',
    agreement: 'Overeenstemming tussen codeurs',
    agreementOn: (groups: string, docs: string, coders: string, level: string) =>
      `Berekend op de documenten die door meer codeurs zijn gecodeerd: ${docs} (documentgroepen ${groups}), codeurs ${coders}; ${level}.`,
    levelTheme: 'op themaniveau (een subcode telt voor zijn thema)',
    levelCode: 'per code (elke subcode apart)',
    presenceCaption: 'Aanwezigheid van een code, per document en per alinea',
    presenceIntro: (docs: number, paragraphs: number) =>
      `Per eenheid en code: heeft de codeur de code daar gegeven (ja/nee)? Per document (MAXQDA’s “code existence”) zijn dat ${docs} eenheden per code, te weinig voor een coëfficiënt die iets zegt; per alinea ${paragraphs}. Percentage overeenstemming, Cohens kappa met 95%-betrouwbaarheidsinterval (twee codeurs), kappa van Brennan & Prediger (kans 1/2, zoals MAXQDA) en Krippendorffs alfa (nominaal, bootstrap-interval over eenheden).`,
    cohenThree: (k: number) => `Cohens kappa is voor twee codeurs; met ${k} codeurs staat hij per codeurpaar in de derde tabel (–). Percentage en Brennan & Prediger zijn het gemiddelde over paren, alfa gebruikt alle codeurs.`,
    perDocument: 'Per document',
    perParagraph: 'Per alinea',
    code: 'Code',
    theme: 'Thema',
    overall: 'Alle codes samen',
    overallTheme: 'Alle thema’s samen',
    percent: '% overeenst.',
    cohen: 'κ Cohen [95%-BI]',
    bp: 'κ Brennan & Prediger',
    alpha: 'α Krippendorff [95%-BI]',
    units: 'n',
    segmentCaption: (min: number) => `Segmenten, zoals MAXQDA’s “segmentovereenstemming” (minimaal ${min}% overlap)`,
    segmentIntro: (min: number) =>
      `Een segment van de ene codeur stemt overeen als de andere codeur dezelfde code gaf aan een segment dat het voor minstens ${min}% overlapt (overlap gemeten over de tekst die de twee samen beslaan). Per codeurpaar het percentage overeenstemmende segmenten van beide codeurs (tussen haakjes: overeenstemmend / alle segmenten); onderaan MAXQDA’s kappa (Brennan & Prediger met kans 1/q, q = aantal vergeleken codes). Cohens kappa en Krippendorffs alfa bestaan op dit niveau niet: geen segment is “door geen van beiden gecodeerd”.`,
    allPairs: 'alle paren',
    segKappa: (q: number) => `κ Brennan & Prediger (q = ${q}) [95%-BI]`,
    pairsCaption: 'Per codeurpaar, alle codes samen',
    pairs: 'Codeurs',
    allCoders: (c: string) => `alle codeurs (${c})`,
    segmentsCol: (min: number) => `Segmenten (≥ ${min}%)`,
    pairsNote: 'Alfa per paar zonder bootstrap-interval (dat staat bij alle codeurs in de eerste tabel).',
    failed: (what: string, msg: string) => `${what} kon niet worden berekend: ${msg}`,
    matrix: 'Thema’s per netwerk',
    matrixIntro: (docs: number) =>
      `Hoeveel gecodeerde segmenten van elk thema het interview van elk netwerk heeft (${docs} verslagen; de kalibratiekopieën tellen niet mee, elk netwerk één keer). Een aantal segmenten is geen maat voor belang: lees de citaten.`,
    joint: 'Vragenlijst naast interview (joint display)',
    jointIntro:
      'Per thema de netwerken met hun score op een kenmerk uit de vragenlijst dat bij het thema hoort (gemiddelde met band ± 2 SE, zoals Figuur 1-10) naast de segmenten van dat thema in hun interview, per subcode. Met tien netwerken en één interview per netwerk is dit een manier om de gevallen te lezen, geen toets. In de figuren geeft de muis de citaten.',
    jointTables: 'Alle thema’s als tabel',
    jointTableSummary: (theme: string, construct: string) => `${theme} ↔ ${construct}`,
    noConstruct: (list: string) => `Zonder gekoppeld kenmerk uit de vragenlijst (geen joint display): ${list}.`,
    network: 'Netwerk',
    mean: 'gemiddelde',
    band: 'band',
    segments: 'segmenten',
    notInterviewed: 'geen interview',
    quotes: 'Citaten per thema',
    quotesIntro: (n: number, synthetic: boolean) =>
      `Per thema tot ${n} citaten uit verschillende netwerken (het eerste segment van het thema in elk verslag)${synthetic ? '; synthetische tekst, geschreven voor dit project' : ''}.`,
    syntheticText: 'synthetische tekst',
    noQuotes: 'geen gecodeerde segmenten',
    figureWarn: (list: string, min: number) => `⚠ In deze figuur: ${list} met minder dan ${min} volledige vragenlijsten.`,
  },
  en: {
    heading: 'Interviews: agreement, themes per network, quotes',
    contents: 'Interviews',
    absent:
      'No interviews were given with these data, so this part stays empty. Put a REFI-QDA export of the coded interviews as interviews/interviews.qdpx in the data folder to fill it (see docs/interviews.md in the project).',
    intro: (docs: number, networks: number, themesN: number, codes: number, segs: number, coders: string) =>
      `The qualitative part of the study (5.3, 5.4): ${docs} interview reports about ${networks} networks, coded with a codebook of ${themesN} themes (${codes} codes) in ${segs} coded segments by the coders ${coders}.`,
    syntheticNote:
      'SYNTHETIC INTERVIEWS: the reports were written for this project and coded by simulated coders. They are not reports of real interviews; the quotes below are synthetic text.',
    privacyNote: "This part shows only counts per network, agreement between coders and quotes from the reports; no survey respondent's row.",
    agreement: 'Agreement between coders',
    agreementOn: (groups: string, docs: string, coders: string, level: string) =>
      `Computed on the documents coded by more than one coder: ${docs} (document groups ${groups}), coders ${coders}; ${level}.`,
    levelTheme: 'at theme level (a subcode counts for its theme)',
    levelCode: 'per code (every subcode on its own)',
    presenceCaption: 'Presence of a code, per document and per paragraph',
    presenceIntro: (docs: number, paragraphs: number) =>
      `Per unit and code: did the coder give the code there (yes/no)? Per document (MAXQDA's "code existence") that is ${docs} units per code, too few for a coefficient to mean much; per paragraph ${paragraphs}. Percent agreement, Cohen's kappa with 95% confidence interval (two coders), Brennan & Prediger's kappa (chance 1/2, as MAXQDA) and Krippendorff's alpha (nominal, bootstrap interval over units).`,
    cohenThree: (k: number) => `Cohen's kappa is for two coders; with ${k} coders it is given per coder pair in the third table (–). Percent and Brennan & Prediger are the mean over pairs, alpha uses all coders.`,
    perDocument: 'Per document',
    perParagraph: 'Per paragraph',
    code: 'Code',
    theme: 'Theme',
    overall: 'All codes together',
    overallTheme: 'All themes together',
    percent: '% agreement',
    cohen: "Cohen's κ [95% CI]",
    bp: 'Brennan & Prediger κ',
    alpha: "Krippendorff's α [95% CI]",
    units: 'n',
    segmentCaption: (min: number) => `Segments, as MAXQDA's "segment agreement" (at least ${min}% overlap)`,
    segmentIntro: (min: number) =>
      `A segment of one coder agrees when the other coder gave the same code to a segment that overlaps it by at least ${min}% (overlap measured over the text the two cover together). Per coder pair the percentage of agreeing segments of both coders (in brackets: agreeing / all segments); at the bottom MAXQDA's kappa (Brennan & Prediger with chance 1/q, q = number of codes compared). Cohen's kappa and Krippendorff's alpha do not exist at this level: no segment is "coded by neither".`,
    allPairs: 'all pairs',
    segKappa: (q: number) => `Brennan & Prediger κ (q = ${q}) [95% CI]`,
    pairsCaption: 'Per coder pair, all codes together',
    pairs: 'Coders',
    allCoders: (c: string) => `all coders (${c})`,
    segmentsCol: (min: number) => `Segments (≥ ${min}%)`,
    pairsNote: 'Alpha per pair without a bootstrap interval (the all-coders one is in the first table).',
    failed: (what: string, msg: string) => `${what} could not be computed: ${msg}`,
    matrix: 'Themes per network',
    matrixIntro: (docs: number) =>
      `How many coded segments of each theme the interview of each network has (${docs} reports; the calibration copies are left out, each network counts once). A number of segments is not a measure of importance: read the quotes.`,
    joint: 'Questionnaire beside interview (joint display)',
    jointIntro:
      'Per theme the networks with their score on a questionnaire characteristic that belongs to the theme (mean with band ± 2 SE, as Figures 1-10) beside the segments of that theme in their interview, per subcode. With ten networks and one interview each this is a way to read the cases, not a test. In the figures, hovering shows the quotes.',
    jointTables: 'Every theme as a table',
    jointTableSummary: (theme: string, construct: string) => `${theme} ↔ ${construct}`,
    noConstruct: (list: string) => `Without a linked questionnaire characteristic (no joint display): ${list}.`,
    network: 'Network',
    mean: 'mean',
    band: 'band',
    segments: 'segments',
    notInterviewed: 'no interview',
    quotes: 'Quotes per theme',
    quotesIntro: (n: number, synthetic: boolean) =>
      `Per theme up to ${n} quotes from different networks (the theme's first segment in each report)${synthetic ? '; synthetic text, written for this project' : ''}.`,
    syntheticText: 'synthetic text',
    noQuotes: 'no coded segments',
    figureWarn: (list: string, min: number) => `⚠ In this figure: ${list} with fewer than ${min} complete questionnaires.`,
  },
} as const;

export const INTERVIEW_WORDS = W;

/** Checks the interview options and fills in the defaults. */
export function resolveInterviewOptions(o: InterviewReportOptions | undefined): Required<InterviewReportOptions> {
  const d = INTERVIEW_REPORT_DEFAULTS;
  const r = { ...d, ...(o ?? {}) } as Required<InterviewReportOptions>;
  const fn = 'buildReport: options.interviews';
  if (r.level !== 'theme' && r.level !== 'code') throw new UserInputError(`${fn}.level is ${JSON.stringify(r.level)}; expected "theme" or "code".`);
  if (typeof r.minOverlap !== 'number' || !(r.minOverlap > 0 && r.minOverlap <= 100)) throw new UserInputError(`${fn}.minOverlap is ${JSON.stringify(r.minOverlap)}; expected a percentage above 0 and at most 100.`);
  if (!Number.isInteger(r.bootstrap) || r.bootstrap < 0) throw new UserInputError(`${fn}.bootstrap is ${JSON.stringify(r.bootstrap)}; expected a whole number of resamples (0 for none).`);
  if (!Number.isInteger(r.quotes) || r.quotes < 0) throw new UserInputError(`${fn}.quotes is ${JSON.stringify(r.quotes)}; expected a whole number >= 0.`);
  if (!Number.isInteger(r.quoteLength) || r.quoteLength < 20) throw new UserInputError(`${fn}.quoteLength is ${JSON.stringify(r.quoteLength)}; expected a whole number of at least 20.`);
  if (!Array.isArray(r.jointFigures) || r.jointFigures.some((j) => !j || typeof j.code !== 'string')) throw new UserInputError(`${fn}.jointFigures: expected a list like [{ code: 'Vertrouwen als bindmiddel', construct: 'trust' }].`);
  return r;
}

/** The project without the documents (and their segments) of the networks named. */
export function withoutNetworks(project: QualProject, networks: readonly string[]): QualProject {
  if (networks.length === 0) return project;
  const keep = project.documents.filter((d) => !networks.includes(d.network ?? d.name));
  const ids = new Set(keep.map((d) => d.id));
  return { ...project, documents: keep, segments: project.segments.filter((s) => ids.has(s.documentId)) };
}

/** Throws a UserInputError when `value` is not a QualProject. */
export function checkProject(value: unknown): asserts value is QualProject {
  const p = value as QualProject;
  if (!p || typeof p !== 'object' || !Array.isArray(p.documents) || !Array.isArray(p.codes) || !Array.isArray(p.segments) || !Array.isArray(p.coders)) {
    throw new UserInputError('buildReport: input.interviews must be a coded interview project (loadInterviews(folder) from lib/qual), or left out.');
  }
}

/** Label of a code in a language: the theme's label, or "Theme > Subcode" with each part labelled. */
function labelOf(project: QualProject, code: QualCode, level: 'theme' | 'code', lang: Language): string {
  if (level === 'theme' || code.parentId === null) return codeLabel(code, lang);
  const names = codeNames(project.codes, code.id);
  let c: QualCode | undefined = code;
  const labels: string[] = [];
  while (c) {
    labels.unshift(codeLabel(c, lang));
    const parent: string | null = c.parentId;
    c = parent === null ? undefined : project.codes.find((x) => x.id === parent);
  }
  return labels.length === names.length ? labels.join(' > ') : names.join(' > ');
}

/** What the agreement tables show, computed by lib/qual with the report's options. */
export interface InterviewAgreement {
  document: PresenceAgreementResult;
  paragraph: PresenceAgreementResult;
  segments: SegmentAgreementResult;
  /** Two coders at a time (only with more than two coders); alpha without bootstrap. */
  pairs: Array<{ coders: [string, string]; document: PresenceAgreementResult; paragraph: PresenceAgreementResult }>;
}

/**
 * The agreement results of the report's tables: presenceAgreement per document
 * and per paragraph (all coders sharing documents), segmentAgreement, and with
 * more than two coders presenceAgreement per pair (bootstrap 0).
 */
export function interviewAgreement(project: QualProject, options: InterviewReportOptions = {}): InterviewAgreement {
  const o = resolveInterviewOptions(options);
  const common = { level: o.level, bootstrap: o.bootstrap, seed: o.seed } as const;
  const document = presenceAgreement(project, { ...common, unit: 'document' });
  const paragraph = presenceAgreement(project, { ...common, unit: 'paragraph' });
  const segments = segmentAgreement(project, { level: o.level, minOverlap: o.minOverlap });
  const pairs: InterviewAgreement['pairs'] = [];
  if (document.coders.length > 2) {
    for (let i = 0; i < document.coders.length; i++) {
      for (let j = i + 1; j < document.coders.length; j++) {
        const coders: [string, string] = [document.coders[i], document.coders[j]];
        try {
          pairs.push({
            coders,
            document: presenceAgreement(project, { ...common, bootstrap: 0, coders, unit: 'document' }),
            paragraph: presenceAgreement(project, { ...common, bootstrap: 0, coders, unit: 'paragraph' }),
          });
        } catch (e) {
          if (!(e instanceof UserInputError)) throw e; // a pair that shares no document
        }
      }
    }
  }
  return { document, paragraph, segments, pairs };
}

function presenceCells(prefix: string, c: AgreementCoefficients, lang: Language): string {
  return [
    cell(`${prefix}-n`, c.n, String(c.n)),
    cell(`${prefix}-percent`, c.percent, pct(c.percent, lang)),
    cell(`${prefix}-cohen`, c.cohen?.kappa, fix(c.cohen?.kappa, lang), ci(c.cohen?.lower, c.cohen?.upper, lang)),
    cell(`${prefix}-bp`, c.brennanPrediger.kappa, fix(c.brennanPrediger.kappa, lang)),
    cell(`${prefix}-alpha`, c.alpha.alpha, fix(c.alpha.alpha, lang), ci(c.alpha.ci?.lower, c.alpha.ci?.upper, lang)),
  ].join('');
}

function agreementHtml(project: QualProject, a: InterviewAgreement, o: Required<InterviewReportOptions>, lang: Language): string {
  const w = W[lang];
  const { document: doc, paragraph: par, segments: seg } = a;
  const codeById = new Map(project.codes.map((c) => [c.id, c]));
  const label = (id: string) => esc(labelOf(project, codeById.get(id)!, o.level, lang));
  const first = o.level === 'theme' ? w.theme : w.code;
  const overallLabel = o.level === 'theme' ? w.overallTheme : w.overall;
  const sub = `<th class="num">${w.units}</th><th class="num">${esc(w.percent)}</th><th class="num">${esc(w.cohen)}</th><th class="num">${esc(w.bp)}</th><th class="num">${esc(w.alpha)}</th>`;
  const presenceRows = doc.perCode.map((c) => {
    const p = par.perCode.find((x) => x.codeId === c.codeId);
    return `<tr data-code="${esc(c.codeId)}"><td>${label(c.codeId)}</td>${presenceCells('document', c, lang)}${p ? presenceCells('paragraph', p, lang) : '<td colspan="5"></td>'}</tr>`;
  });
  presenceRows.push(`<tr data-code="overall" class="overall"><td>${overallLabel}</td>${presenceCells('document', doc.overall, lang)}${presenceCells('paragraph', par.overall, lang)}</tr>`);
  const presence = [
    `<h4>${esc(w.presenceCaption)}</h4>`,
    `<p>${esc(w.presenceIntro(doc.units, par.units))}</p>`,
    `<div class="table-wrap"><table id="agreement-presence" class="agreement"><thead>`,
    `<tr><th rowspan="2">${first}</th><th colspan="5" class="group">${w.perDocument} (${doc.units})</th><th colspan="5" class="group">${w.perParagraph} (${par.units})</th></tr>`,
    `<tr>${sub}${sub}</tr></thead><tbody>`,
    ...presenceRows,
    '</tbody></table></div>',
    doc.coders.length > 2 ? `<p class="note">${esc(w.cohenThree(doc.coders.length))}</p>` : '',
  ].join('\n');

  // segments: per code, the percentage per pair and pooled over pairs
  const pairKeys = seg.pairs.map((p) => p.coders.join('–'));
  const segHead = `<tr><th>${first}</th>${pairKeys.map((k) => `<th class="num">${esc(k)}</th>`).join('')}${seg.pairs.length > 1 ? `<th class="num">${w.allPairs}</th>` : ''}</tr>`;
  const segCell = (stat: string, agreeing: number, total: number, percent: number | null) =>
    cell(stat, percent, pct(percent, lang), ` <span class="ci">(${agreeing}/${total})</span>`);
  const codeIds = seg.pairs[0]?.perCode.map((c) => c.codeId) ?? [];
  const segRows = codeIds.map((id) => {
    let agr = 0;
    let tot = 0;
    const cells = seg.pairs.map((p) => {
      const c = p.perCode.find((x) => x.codeId === id)!;
      const n = c.segments[0] + c.segments[1];
      const k = c.agreeing[0] + c.agreeing[1];
      agr += k;
      tot += n;
      return segCell(`segments-${p.coders.join('-')}`, k, n, c.percent);
    });
    if (seg.pairs.length > 1) cells.push(segCell('segments-all', agr, tot, tot > 0 ? agr / tot : null));
    return `<tr data-code="${esc(id)}"><td>${label(id)}</td>${cells.join('')}</tr>`;
  });
  const overallCells = seg.pairs.map((p) => segCell(`segments-${p.coders.join('-')}`, p.overall.agreeing[0] + p.overall.agreeing[1], p.overall.segments[0] + p.overall.segments[1], p.overall.percent));
  if (seg.pairs.length > 1) overallCells.push(segCell('segments-all', seg.overall.agreeing[0] + seg.overall.agreeing[1], seg.overall.segments[0] + seg.overall.segments[1], seg.overall.percent));
  segRows.push(`<tr data-code="overall" class="overall"><td>${overallLabel}</td>${overallCells.join('')}</tr>`);
  const kCell = (stat: string, k: SegmentAgreementResult['overall']['brennanPrediger']) => cell(stat, k.kappa, fix(k.kappa, lang), ci(k.lower, k.upper, lang));
  const kCells = seg.pairs.map((p) => kCell(`segments-kappa-${p.coders.join('-')}`, p.overall.brennanPrediger));
  if (seg.pairs.length > 1) kCells.push(kCell('segments-kappa-all', seg.overall.brennanPrediger));
  segRows.push(`<tr data-code="kappa" class="overall"><td>${esc(w.segKappa(seg.codes))}</td>${kCells.join('')}</tr>`);
  const segments = [
    `<h4>${esc(w.segmentCaption(seg.minOverlap))}</h4>`,
    `<p>${esc(w.segmentIntro(seg.minOverlap))}</p>`,
    `<div class="table-wrap"><table id="agreement-segments" class="agreement"><thead>${segHead}</thead><tbody>`,
    ...segRows,
    '</tbody></table></div>',
  ].join('\n');

  let pairs = '';
  if (a.pairs.length > 0) {
    const short = `<th class="num">${esc(w.percent)}</th><th class="num">${esc(w.cohen)}</th><th class="num">${esc(w.bp)}</th><th class="num">α</th>`;
    const four = (prefix: string, c: AgreementCoefficients) =>
      [
        cell(`${prefix}-percent`, c.percent, pct(c.percent, lang)),
        cell(`${prefix}-cohen`, c.cohen?.kappa, fix(c.cohen?.kappa, lang), ci(c.cohen?.lower, c.cohen?.upper, lang)),
        cell(`${prefix}-bp`, c.brennanPrediger.kappa, fix(c.brennanPrediger.kappa, lang)),
        cell(`${prefix}-alpha`, c.alpha.alpha, fix(c.alpha.alpha, lang)),
      ].join('');
    const segTwo = (percent: number | null, k: SegmentAgreementResult['overall']['brennanPrediger']) => cell('segments-percent', percent, pct(percent, lang)) + kCell('segments-kappa', k);
    const rows = a.pairs.map((p) => {
      const s = seg.pairs.find((x) => x.coders[0] === p.coders[0] && x.coders[1] === p.coders[1]);
      return `<tr data-pair="${esc(p.coders.join('-'))}"><td>${esc(p.coders.join('–'))}</td>${four('document', p.document.overall)}${four('paragraph', p.paragraph.overall)}${s ? segTwo(s.overall.percent, s.overall.brennanPrediger) : '<td colspan="2"></td>'}</tr>`;
    });
    rows.push(
      `<tr data-pair="all" class="overall"><td>${esc(w.allCoders(doc.coders.join(', ')))}</td>${four('document', doc.overall)}${four('paragraph', par.overall)}${segTwo(seg.overall.percent, seg.overall.brennanPrediger)}</tr>`,
    );
    pairs = [
      `<h4>${esc(w.pairsCaption)}</h4>`,
      `<div class="table-wrap"><table id="agreement-pairs" class="agreement"><thead>`,
      `<tr><th rowspan="2">${w.pairs}</th><th colspan="4" class="group">${w.perDocument}</th><th colspan="4" class="group">${w.perParagraph}</th><th colspan="2" class="group">${esc(w.segmentsCol(seg.minOverlap))}</th></tr>`,
      `<tr>${short}${short}<th class="num">${esc(w.percent)}</th><th class="num">κ BP [95%-${lang === 'nl' ? 'BI' : 'CI'}]</th></tr></thead><tbody>`,
      ...rows,
      '</tbody></table></div>',
      `<p class="note">${esc(w.pairsNote)}</p>`,
    ].join('\n');
  }
  const on = w.agreementOn(
    doc.groups.map((g) => `“${g}”`).join(', '),
    doc.documents.join(', '),
    doc.coders.join(', '),
    o.level === 'theme' ? w.levelTheme : w.levelCode,
  );
  return [
    `<p id="agreement-basis" data-coders="${esc(doc.coders.join(','))}" data-documents="${esc(doc.documents.join(','))}" data-groups="${esc(doc.groups.join(','))}">${esc(on)}</p>`,
    presence,
    segments,
    pairs,
  ].join('\n');
}

function truncate(text: string, max: number): string {
  const cps = [...text.replace(/\s+/g, ' ').trim()];
  if (cps.length <= max) return cps.join('');
  const cut = cps.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** k indices spread evenly over 0..n-1 (first and last included). */
function spread(n: number, k: number): number[] {
  if (k >= n) return [...Array(n).keys()];
  if (k === 1) return [0];
  return [...new Set([...Array(k).keys()].map((i) => Math.round((i * (n - 1)) / (k - 1))))];
}

/** The construct set beside a theme: the first one linked (default codebook) that the data have. */
function constructFor(code: QualCode, ctx: InterviewSectionContext, wanted?: string): { construct: string; source: 'summary' | 'table' } | null {
  const candidates = wanted ? [wanted] : themeConstructs(code);
  for (const c of candidates) {
    if (ctx.constructs.includes(c)) return { construct: c, source: 'summary' };
    if ((c === 'years' || c === 'members') && ctx.hasNetworks) return { construct: c, source: 'table' };
  }
  return null;
}

/**
 * The body of the report's interview section and the names of its figures.
 * `project` null or undefined: a short note that no interviews were given.
 */
export function interviewSectionHtml(input: QualProject | null | undefined, options: InterviewReportOptions | undefined, ctx: InterviewSectionContext): { html: string; figures: string[] } {
  const { lang } = ctx;
  const w = W[lang];
  const o = resolveInterviewOptions(options);
  if (input === null || input === undefined) return { html: `<p id="interviews-absent">${esc(w.absent)}</p>`, figures: [] };
  checkProject(input);
  const project = withoutNetworks(input, ctx.suppressed);
  const synthetic = project.dataOrigin?.startsWith('synthetic') ?? false;
  const figures: string[] = [];
  const parts: string[] = [];
  const failed = (what: string, e: unknown) => {
    if (!(e instanceof UserInputError)) throw e;
    return `<p class="note interviews-failed">${esc(w.failed(what, e.message))}</p>`;
  };

  // introduction
  const analysis = codeMatrix(project, { lang, level: o.level });
  const themeList = themes(project.codes);
  parts.push(
    synthetic ? `<p class="synthetic-note" id="interviews-synthetic">${esc(w.syntheticNote)}</p>` : '',
    `<p>${esc(w.intro(project.documents.length, analysis.networks.length, themeList.length, project.codes.length, project.segments.length, project.coders.join(', ')))} ${esc(w.privacyNote)}</p>`,
  );

  // (a) agreement
  parts.push(`<h3 id="interviews-agreement">${esc(w.agreement)}</h3>`);
  try {
    parts.push(agreementHtml(project, interviewAgreement(project, o), o, lang));
  } catch (e) {
    parts.push(failed(w.agreement, e));
  }

  // (b) code-by-network heatmap
  parts.push(`<h3 id="interviews-matrix">${esc(w.matrix)}</h3>`);
  try {
    const docs = analysis.documents.reduce((s, d) => s + d.documents, 0);
    parts.push(`<p>${esc(w.matrixIntro(docs))}</p>`);
    parts.push(ctx.figure(INTERVIEW_MATRIX_FIGURE, codeMatrixFigure(analysis, { lang, synthetic }), ''));
    figures.push(INTERVIEW_MATRIX_FIGURE);
  } catch (e) {
    parts.push(failed(w.matrix, e));
  }

  // (c) joint display: figures for the themes asked for, a table for every theme with a linked construct
  parts.push(`<h3 id="interviews-joint">${esc(w.joint)}</h3>`, `<p>${esc(w.jointIntro)}</p>`);
  const summaries = new Map<string, NetworkSummaryRow[]>();
  const survey = (source: 'summary' | 'table', construct: string): readonly NetworkSummaryRow[] | readonly NetworkTableRow[] => {
    if (source === 'table') return ctx.table;
    if (!summaries.has(construct)) summaries.set(construct, ctx.summaryFor([construct]));
    return summaries.get(construct)!;
  };
  const display = (code: QualCode, pick: { construct: string; source: 'summary' | 'table' }, quotesPer: number): JointDisplay =>
    jointDisplay(project, survey(pick.source, pick.construct), { code: code.id, construct: pick.construct, lang, quotes: quotesPer });
  for (const j of o.jointFigures) {
    const code = findCode(project.codes, j.code);
    if (!code) continue; // a project with its own codebook: the default themes are not there
    const pick = constructFor(code, ctx, j.construct);
    if (!pick) continue;
    try {
      const jd = display(code, pick, 2);
      const name = interviewJointFigureName(code.name);
      const inFigure = jd.rows.map((r) => r.network).filter((n) => ctx.flagged.includes(n));
      const caption = inFigure.length > 0 ? w.figureWarn(inFigure.join(', '), ctx.minComplete) : '';
      parts.push(ctx.figure(name, jointDisplayFigure(jd, { lang, synthetic, constructLabel: ctx.variableLabel(pick.construct) }), caption));
      figures.push(name);
    } catch (e) {
      parts.push(failed(`${w.joint} (${codeLabel(code, lang)})`, e));
    }
  }
  const tables: string[] = [];
  const without: string[] = [];
  for (const theme of themeList) {
    const pick = constructFor(theme, ctx);
    if (!pick) {
      without.push(codeLabel(theme, lang));
      continue;
    }
    try {
      const jd = display(theme, pick, 0);
      // a survey scale: mean with band; years or members (networks.csv): the number itself
      const scale = pick.source === 'summary';
      const head = `<tr><th>${w.network}</th><th class="num">${esc(ctx.variableLabel(pick.construct))}${scale ? `: ${w.mean}` : ''}</th>${scale ? `<th class="num">${w.band}</th>` : ''}<th class="num">${w.segments}</th>${jd.subcodes.map((s) => `<th class="num">${esc(s[lang])}</th>`).join('')}</tr>`;
      const body = jd.rows.map((r) => {
        const flag = ctx.flagged.includes(r.network) ? ' <span class="flag">⚠</span>' : '';
        const score = scale ? `${cell('mean', r.mean, fix(r.mean, lang))}<td class="num">${r.lower === null || r.upper === null ? '' : interval(r.lower, r.upper, lang)}</td>` : cell('mean', r.mean, r.mean !== null && Number.isInteger(r.mean) ? String(r.mean) : fix(r.mean, lang));
        return `<tr data-network="${esc(r.network)}"><td>${esc(r.network)}${flag}</td>${score}${r.interviewed ? cell('segments', r.segments, String(r.segments)) : `<td class="num note">${w.notInterviewed}</td>`}${jd.subcodes.map((s) => `<td class="num">${r.interviewed ? (r.bySubcode[s.key] ?? 0) : ''}</td>`).join('')}</tr>`;
      });
      tables.push(
        `<details class="joint" data-theme="${esc(theme.id)}" data-construct="${esc(pick.construct)}"><summary>${esc(w.jointTableSummary(codeLabel(theme, lang), ctx.variableLabel(pick.construct)))}</summary>\n<div class="table-wrap"><table id="joint-${slug(theme.name)}" class="joint-table"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table></div></details>`,
      );
    } catch (e) {
      tables.push(failed(`${w.joint} (${codeLabel(theme, lang)})`, e));
    }
  }
  if (tables.length > 0) parts.push(`<h4>${esc(w.jointTables)}</h4>`, `<div id="joint-display-tables">`, ...tables, '</div>');
  if (without.length > 0) parts.push(`<p class="note">${esc(w.noConstruct(without.join(', ')))}</p>`);

  // (d) quotes
  if (o.quotes > 0) {
    parts.push(`<h3 id="interviews-quotes">${esc(w.quotes)}</h3>`, `<p>${esc(w.quotesIntro(o.quotes, synthetic))}</p>`);
    const blocks: string[] = [];
    for (const theme of themeList) {
      try {
        const withQuotes = quotesByNetwork(project, theme.id, { lang }).filter((g) => g.quotes.length > 0);
        const chosen = spread(withQuotes.length, o.quotes).map((k) => withQuotes[k].quotes[0]);
        const items = chosen.map(
          (q) =>
            `<blockquote class="quote" data-network="${esc(q.network)}"><p>“${esc(truncate(q.text, o.quoteLength))}”</p><footer>${esc(q.network)} · ${esc(q.label)}${synthetic ? ` · <span class="synthetic-mark">${w.syntheticText}</span>` : ''}</footer></blockquote>`,
        );
        blocks.push(`<div class="quotes" data-theme="${esc(theme.id)}"><h4>${esc(codeLabel(theme, lang))}</h4>${items.length > 0 ? items.join('\n') : `<p class="note">${w.noQuotes}</p>`}</div>`);
      } catch (e) {
        blocks.push(failed(`${w.quotes} (${codeLabel(theme, lang)})`, e));
      }
    }
    parts.push(`<div id="interview-quotes">`, ...blocks, '</div>');
  }
  return { html: parts.filter((p) => p !== '').join('\n'), figures };
}
