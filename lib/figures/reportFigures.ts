/**
 * Every figure of a study's report from loaded data, in one call: the
 * analysis steps (networkSummary, motivationSummary, boundaryProfile,
 * networkTable) and the builders, as the study definition lays them out
 * (the report's study: Figures 1-18). Pure: rows in, named specs out.
 *
 * Figures are numbered in the study's order: one portrait per group, then
 * motivation, boundaries, years, overlap, the pattern figures and response.
 * A figure that cannot be drawn from these data keeps its number and is
 * listed in `skipped` with one line that says what is missing, in the
 * `lang` of the options (lib/figures/skipReasons.ts). File names
 * carry the number (`fig16-patterns-impact`), so they never collide, and
 * the number has as many digits as the last figure needs.
 */
import { boundaryProfile } from '../analysis/boundaryProfile';
import { motivationSummary } from '../analysis/motivationSummary';
import { networkSummary, type NetworkSummaryRow } from '../analysis/networkSummary';
import { networkTable, type NetworkTableRow } from '../analysis/networkTable';
import type { SurveyRow } from '../analysis/scaleScores';
import type { Bilingual, Instrument } from '../io/instrument';
import { GROUP_VARIABLES, reportStudyDefinition, type StudyDefinition } from '../io/studyDefinition';
import { UserInputError } from '../util/errors';
import { boundariesFigure } from './boundaries';
import { slug } from './common';
import { checkLang } from './i18n';
import { motivationFigure } from './motivation';
import { overlapFigure } from './overlap';
import { patternsFigure } from './patterns';
import { portraitFigure } from './portrait';
import { portraitOverviewFigure } from './portraitOverview';
import { responseFigure } from './response';
import { skipReasons } from './skipReasons';
import type { FigureSpec, NamedFigure } from './types';
import { yearsFigure } from './years';

export interface ReportData {
  instrument: Instrument;
  /** survey.csv rows (`readSurveyCsv(...).table.objects()`). */
  survey: readonly SurveyRow[];
  /** networks.csv rows; without them the years figures are skipped and the response figure names the groups. */
  networks?: readonly SurveyRow[];
  /** The study definition (default: the report's study, data/study.json). */
  study?: StudyDefinition;
  /** `networkTable(survey, instrument, { networks })` when the caller has it already (buildReport), so that it is not computed twice. */
  table?: readonly NetworkTableRow[];
  /** `networkSummary(...)` of the study's portrait characteristics in the codebook, likewise. */
  portraitSummary?: readonly NetworkSummaryRow[];
}

export interface ReportFiguresOptions {
  lang?: string;
  synthetic?: boolean;
  /**
   * Up to this many groups each gets a portrait of its own; above it one
   * overview figure shows every group's means (default 40).
   */
  maxPortraits?: number;
}

export interface ReportFigures {
  figures: NamedFigure[];
  /** Figures that could not be drawn (or were drawn without some panels) from these data, with the reason in the options' language (without a final full stop). */
  skipped: Array<{ name: string; reason: string }>;
}

/** The file names of the report's figures after the portraits, in order (the report's study on its ten networks). */
export const REPORT_FIGURE_NAMES = [
  'fig11-motivation',
  'fig12-boundaries',
  'fig13-years',
  'fig14-overlap',
  'fig15-patterns-boundaries',
  'fig16-patterns-impact',
  'fig17-patterns-decisions',
  'fig18-response',
] as const;

export const DEFAULT_MAX_PORTRAITS = 40;

/** Captions for a study whose definition gives none (the report's mention its networks by name). */
export const GENERIC_CAPTIONS: Record<'motivation' | 'boundaries' | 'overlap', Bilingual> = {
  motivation: { nl: 'Motivatie voor deelname', en: 'Motivation for taking part' },
  boundaries: { nl: 'Begrenzing', en: 'Boundaries' },
  overlap: { nl: 'Overlap', en: 'Overlap' },
};

interface Planned {
  key: string;
  /** A spec, or the reason it cannot be drawn. */
  make: (number: number) => FigureSpec | string;
  /** Drawn, but without something the study asks for. */
  note?: string;
}

/**
 * @example
 *   const { figures, skipped } = reportFigures({ instrument, survey: survey.table.objects(), networks: networks.table.objects() }, { synthetic: true });
 *   figures.map((f) => f.name); // fig01-portrait-aparctias, ..., fig18-response
 */
export function reportFigures(data: ReportData, options: ReportFiguresOptions = {}): ReportFigures {
  const lang = checkLang(options.lang);
  const synthetic = options.synthetic ?? false;
  if (!data || !data.instrument) throw new UserInputError('reportFigures: data.instrument (the codebook) is required.');
  if (!Array.isArray(data.survey) || data.survey.length === 0) throw new UserInputError('reportFigures: the survey table is empty; there is nothing to draw.');
  const maxPortraits = options.maxPortraits ?? DEFAULT_MAX_PORTRAITS;
  if (!Number.isInteger(maxPortraits) || maxPortraits < 0) throw new UserInputError(`reportFigures: maxPortraits must be a whole number >= 0, found ${JSON.stringify(maxPortraits)}.`);
  const { instrument, survey, networks } = data;
  const study = data.study ?? reportStudyDefinition();
  const common = { instrument, lang, synthetic };
  const kindOf = new Map(instrument.constructs.map((c) => [c.id, c.kind]));
  const has = (id: string) => kindOf.has(id);
  const say = skipReasons(lang);
  const missingText = say.codebookLacks;
  const caption = (key: 'motivation' | 'boundaries' | 'overlap') => (study.captions[key] ?? (study === reportStudyDefinition() ? undefined : GENERIC_CAPTIONS[key]))?.[lang];

  const table = data.table ?? networkTable(survey, instrument, { networks });
  const groups = table.filter((r) => r.approached > 0).length;
  const hasYears = table.some((r) => r.years !== null);
  const noYears = networks ? say.noYearsColumn : say.noNetworksCsv;
  /** Is a group-level variable in the data? null when it is, else why not. */
  const absent = (v: string): string | null => {
    if (v === 'years') return hasYears ? null : noYears;
    if ((GROUP_VARIABLES as readonly string[]).includes(v)) return null;
    return has(v) ? null : missingText([v]);
  };
  const plan: Planned[] = [];

  // Portraits: one per group, or one overview above maxPortraits groups.
  const portrait = study.portrait.filter(has);
  const portraitMissing = study.portrait.filter((c) => !has(c));
  const portraitNote = portraitMissing.length > 0 ? say.drawnWithout(portraitMissing.join(', '), missingText(portraitMissing)) : undefined;
  if (portrait.length === 0) {
    plan.push({ key: 'portrait', make: () => say.noPortrait(missingText(study.portrait)) });
  } else {
    const summary = data.portraitSummary ?? networkSummary(survey, instrument, { networks, constructs: portrait });
    if (summary.length <= maxPortraits) {
      summary.forEach((s, k) => plan.push({ key: `portrait-${slug(s.network)}`, make: (number) => portraitFigure(summary, { ...common, network: s.network, number }), note: k === 0 ? portraitNote : undefined }));
    } else {
      plan.push({ key: 'portraits', make: (number) => portraitOverviewFigure(summary, { ...common, number }), note: portraitNote });
    }
  }

  const motivation = study.motivation;
  plan.push({
    key: 'motivation',
    make: (number) => {
      if (motivation === null) return say.noMotivation;
      if (!has(motivation)) return missingText([motivation]);
      const order = table.map((r) => r.network);
      return motivationFigure(motivationSummary(survey, instrument, { construct: motivation, networkOrder: order }), { ...common, number, title: caption('motivation') });
    },
  });

  const dims = study.boundaries.filter(has);
  const dimsMissing = study.boundaries.filter((c) => !has(c));
  plan.push({
    key: 'boundaries',
    make: (number) => {
      if (study.boundaries.length === 0) return say.noBoundaries;
      if (dims.length === 0) return missingText(dimsMissing);
      return boundariesFigure(boundaryProfile(survey, instrument, { networks, dimensions: dims }), { ...common, number, title: caption('boundaries') });
    },
    note: dims.length > 0 && dimsMissing.length > 0 ? say.drawnWithout(dimsMissing.join(', '), missingText(dimsMissing)) : undefined,
  });

  plan.push({ key: 'years', make: (number) => (hasYears ? yearsFigure(table, { ...common, number }) : noYears) });

  const overlap = study.overlap;
  plan.push({
    key: 'overlap',
    make: (number) => {
      if (overlap === null) return say.noOverlap;
      const need = [...overlap.constructs, ...(overlap.count ? [overlap.count] : [])].filter((c) => !has(c));
      if (need.length > 0) return missingText(need);
      return overlapFigure(table, { ...common, number, constructs: overlap.constructs, count: overlap.count, title: caption('overlap') });
    },
  });

  for (const pattern of study.patterns) {
    const gone = pattern.variables.map((v) => ({ v, why: absent(v) })).filter((x): x is { v: string; why: string } => x.why !== null);
    const variables = pattern.variables.filter((v) => absent(v) === null);
    const orderGone = absent(pattern.orderBy);
    plan.push({
      key: `patterns-${pattern.id}`,
      make: (number) => {
        if (orderGone !== null) return say.orderedBy(pattern.orderBy, orderGone);
        if (variables.length < 2) return say.fewerThanTwo(gone);
        return patternsFigure(table, { ...common, number, pattern: { ...pattern, variables } });
      },
      note: orderGone === null && variables.length >= 2 && gone.length > 0 ? say.drawnWithoutEach(gone) : undefined,
    });
  }

  const letters = groups > 0 && table.filter((r) => r.approached > 0).every((r) => r.letter !== null);
  plan.push({ key: 'response', make: (number) => responseFigure(table, { lang, synthetic, number, by: letters ? 'letter' : 'network' }) });

  const digits = Math.max(2, String(plan.length).length);
  const figures: NamedFigure[] = [];
  const skipped: ReportFigures['skipped'] = [];
  plan.forEach((p, k) => {
    const number = k + 1;
    const name = `fig${String(number).padStart(digits, '0')}-${p.key}`;
    const made = p.make(number);
    if (typeof made === 'string') skipped.push({ name, reason: made });
    else {
      figures.push({ name, spec: made });
      if (p.note) skipped.push({ name, reason: p.note });
    }
  });
  return { figures, skipped };
}
