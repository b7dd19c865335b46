/**
 * Every figure of the report (Figures 1-18) from loaded data, in one call:
 * the analysis steps (networkSummary, motivationSummary, boundaryProfile,
 * networkTable) and the builders. Pure: rows in, named specs out.
 */
import { boundaryProfile } from '../analysis/boundaryProfile';
import { motivationSummary } from '../analysis/motivationSummary';
import { networkSummary } from '../analysis/networkSummary';
import { networkTable } from '../analysis/networkTable';
import type { SurveyRow } from '../analysis/scaleScores';
import type { Instrument } from '../io/instrument';
import { UserInputError } from '../util/errors';
import { boundariesFigure } from './boundaries';
import { checkLang } from './i18n';
import { motivationFigure } from './motivation';
import { overlapFigure } from './overlap';
import { patternsFigure } from './patterns';
import { portraitFigures } from './portrait';
import { responseFigure } from './response';
import type { NamedFigure } from './types';
import { yearsFigure } from './years';

export interface ReportData {
  instrument: Instrument;
  /** survey.csv rows (`readSurveyCsv(...).table.objects()`). */
  survey: readonly SurveyRow[];
  /** networks.csv rows; without them Figures 13 and 17 (years) are skipped and Figure 18 names the networks. */
  networks?: readonly SurveyRow[];
}

export interface ReportFiguresOptions {
  lang?: string;
  synthetic?: boolean;
}

export interface ReportFigures {
  figures: NamedFigure[];
  /** Figures that could not be drawn from these data, with the reason. */
  skipped: Array<{ name: string; reason: string }>;
}

/** The file names of the report's figures, in order (portraits: one per network). */
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

/**
 * @example
 *   const { figures } = reportFigures({ instrument, survey: survey.table.objects(), networks: networks.table.objects() }, { synthetic: true });
 *   figures.map((f) => f.name); // fig01-portrait-aparctias, ..., fig18-response
 */
export function reportFigures(data: ReportData, options: ReportFiguresOptions = {}): ReportFigures {
  const lang = checkLang(options.lang);
  const synthetic = options.synthetic ?? false;
  if (!data || !data.instrument) throw new UserInputError('reportFigures: data.instrument (the codebook) is required.');
  if (!Array.isArray(data.survey) || data.survey.length === 0) throw new UserInputError('reportFigures: the survey table is empty; there is nothing to draw.');
  const { instrument, survey, networks } = data;
  const common = { instrument, lang, synthetic };
  const figures: NamedFigure[] = [];
  const skipped: ReportFigures['skipped'] = [];

  const summary = networkSummary(survey, instrument, { networks });
  figures.push(...portraitFigures(summary, common));
  const order = summary.map((s) => s.network);
  figures.push({ name: 'fig11-motivation', spec: motivationFigure(motivationSummary(survey, instrument, { networkOrder: order }), common) });
  figures.push({ name: 'fig12-boundaries', spec: boundariesFigure(boundaryProfile(survey, instrument, { networks }), common) });
  const table = networkTable(survey, instrument, { networks });
  const hasYears = table.some((r) => r.years !== null);
  if (hasYears) figures.push({ name: 'fig13-years', spec: yearsFigure(table, common) });
  else skipped.push({ name: 'fig13-years', reason: 'no "years" column in networks.csv' });
  figures.push({ name: 'fig14-overlap', spec: overlapFigure(table, common) });
  figures.push({ name: 'fig15-patterns-boundaries', spec: patternsFigure(table, { ...common, figure: 15 }) });
  figures.push({ name: 'fig16-patterns-impact', spec: patternsFigure(table, { ...common, figure: 16 }) });
  if (hasYears) figures.push({ name: 'fig17-patterns-decisions', spec: patternsFigure(table, { ...common, figure: 17 }) });
  else skipped.push({ name: 'fig17-patterns-decisions', reason: 'no "years" column in networks.csv' });
  const letters = table.filter((r) => r.approached > 0).every((r) => r.letter !== null);
  figures.push({ name: 'fig18-response', spec: responseFigure(table, { lang, synthetic, by: letters ? 'letter' : 'network' }) });
  return { figures, skipped };
}
