/**
 * Figures of the report as plotly.js specs: pure builders from analysis
 * results to `{ data, layout }`, with a house theme and captions in Dutch and
 * English. Drawing them (SVG/PNG export, `show` in a notebook) is lib/render.
 */
export type { FigureSpec, NamedFigure, FigureOptions, InstrumentFigureOptions, PlotlyTrace, PlotlyLayout } from './types';
export { THEME, SYNTHETIC_ANNOTATION, formatNumber } from './theme';
export { CAPTIONS, LANGUAGES, checkLang, figureTitle } from './i18n';
export { portraitFigure, portraitFigures, PORTRAIT_RANGE } from './portrait';
export { portraitOverviewFigure } from './portraitOverview';
export type { PortraitOptions } from './portrait';
export { motivationFigure } from './motivation';
export type { MotivationFigureOptions } from './motivation';
export { boundariesFigure } from './boundaries';
export type { BoundariesFigureOptions } from './boundaries';
export { yearsFigure } from './years';
export type { YearsFigureOptions, YearsRow } from './years';
export { overlapFigure } from './overlap';
export type { OverlapFigureOptions } from './overlap';
export { patternsFigure, patternOrder, reportPattern } from './patterns';
export type { PatternsFigureOptions, PatternPreset } from './patterns';
export { responseFigure } from './response';
export type { ResponseFigureOptions, ResponseRow } from './response';
export { screeFigure, factorsRetained } from './scree';
export type { ScreeInput } from './scree';
export { loadingsFigure } from './loadings';
export type { LoadingsInput } from './loadings';
export { itemRestFigure } from './itemRest';
export type { ItemRestInput, ItemRestOptions } from './itemRest';
export { iccForestFigure } from './iccForest';
export type { IccForestRow, IccForestOptions } from './iccForest';
export { correlationMatrixFigure } from './correlationMatrix';
export type { CorrelationMatrixInput, CorrelationMatrixOptions } from './correlationMatrix';
export { dendrogramFigure } from './dendrogram';
export type { HclustResult, DendrogramOptions } from './dendrogram';
export { looScatterFigure } from './looScatter';
export type { LooScatterInput, LooScatterOptions } from './looScatter';
export { reportFigures, REPORT_FIGURE_NAMES } from './reportFigures';
export type { ReportData, ReportFigures, ReportFiguresOptions } from './reportFigures';
export { skipReasons, skippedLine } from './skipReasons';
export type { SkipReasons } from './skipReasons';
