/**
 * The main entry: what a notebook cell imports
 * (`import { readSurveyCsv, icc, networkSummary, portraitFigure, show } from '../dist'`):
 * the readers, the statistics verbs, the report's analyses, the figure
 * builders and `show`. The rest has sub-entries: `../dist/io` (writers and the
 * .sav internals), `../dist/render` (export, Chromium), `../dist/data` (the
 * default data's generator), `../dist/notebooks`, `../dist/qual`, `../dist/report`.
 */
export { readInstrument, validateInstrument, getConstruct, finalItems, pilotItems, PORTRAIT_CONSTRUCTS, BOUNDARY_CONSTRUCTS } from './io/instrument';
export { readStudyDefinition, validateStudyDefinition, resolveStudyDefinition, deriveStudyDefinition, reportStudyDefinition } from './io/studyDefinition';
export type { StudyDefinition, PatternDefinition, ResolvedStudy } from './io/studyDefinition';
export type { Instrument, Construct, Item, ResponseScale, Bilingual, Language } from './io/instrument';
export { readSurveyCsv, readSurveyCsvText } from './io/readSurveyCsv';
export type { SurveyCsv, ReadSurveyCsvOptions } from './io/readSurveyCsv';
export { readPilotCsv } from './io/readPilotCsv';
export { loadStudyData, DEFAULT_DATA_DIR } from './io/loadStudyData';
export type { StudyData } from './io/loadStudyData';
export { readNetworksCsv, readNetworksCsvText } from './io/readNetworksCsv';
export { isSyntheticOrigin } from './io/synthetic';
export { scaleScores } from './analysis/scaleScores';
export { networkMeans } from './analysis/networkMeans';
export { networkSummary, formatNetworkSummary } from './analysis/networkSummary';
export { scoreTableOf, groupSummaryTable, findingsTable, type ScoreTableOptions } from './analysis/tables';
export { checkCalibration } from './analysis/checkCalibration';
export type { CalibrationCheck } from './analysis/checkCalibration';
export { UserInputError } from './util/errors';
export * from './stats';
export * from './figures';
export { show, figureHtml } from './render/show';
export type { ShowOptions } from './render/show';
export { networkTable } from './analysis/networkTable';
export { motivationSummary } from './analysis/motivationSummary';
export { boundaryProfile } from './analysis/boundaryProfile';
export { FINDINGS, FINDING_VARIABLES } from './analysis/findings';
export type { Finding, FindingDirection } from './analysis/findings';
export { verdict } from './analysis/verdict';
export type { VerdictInput, VerdictRule } from './analysis/verdict';
export { evaluateFindings, formatFindings, FINDING_RULES, findingRules, VERDICT_LABELS, criticalR } from './analysis/evaluateFindings';
export type { EvaluateFindingsOptions, FindingResult, FindingVerdict } from './analysis/evaluateFindings';
export { privacyCheck, DEFAULT_MIN_COMPLETE } from './analysis/privacy';
export type { PrivacyOptions, PrivacyAction, PrivacyFlag, PrivacyCheck } from './analysis/privacy';
export * from './report';
export { readSav, readSurveySav, readSurveyXlsx, readMapping, validateMapping } from './io';
export type { SavData, ReadSavOptions, SurveySav, ReadSurveySavOptions, SurveyXlsx, ReadSurveyXlsxOptions, VariableMapping } from './io';
export { exportResults, summaryTable, scoresTable } from './analysis/exportResults';
export type { ExportFormat, ExportResultsOptions, ExportedResults, ResultTable } from './analysis/exportResults';
