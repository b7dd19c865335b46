/**
 * The public barrel: what scripts and notebooks import
 * (`import { readSurveyCsv, icc } from '../dist'` in a notebook).
 * Keep it small: one name per verb.
 */
export { readInstrument, validateInstrument, getConstruct, finalItems, pilotItems, PORTRAIT_CONSTRUCTS, BOUNDARY_CONSTRUCTS } from './data/instrument';
export type { Instrument, Construct, Item, ResponseScale, Bilingual, Language } from './data/instrument';
export { readSurveyCsv, readSurveyCsvText } from './data/readSurveyCsv';
export type { SurveyCsv, ReadSurveyCsvOptions } from './data/readSurveyCsv';
export { readPilotCsv } from './data/readPilotCsv';
export { loadStudyData, DEFAULT_DATA_DIR } from './data/loadStudyData';
export type { StudyData } from './data/loadStudyData';
export { readNetworksCsv, readNetworksCsvText } from './data/readNetworksCsv';
export { writeCsv } from './data/writeCsv';
export { generateDefaultData } from './data/generateDefaultData';
export { isSyntheticOrigin, SYNTHETIC_MARK } from './data/synthetic';
export { scaleScores } from './analysis/scaleScores';
export { networkMeans } from './analysis/networkMeans';
export { networkSummary, formatNetworkSummary } from './analysis/networkSummary';
export { checkCalibration } from './analysis/checkCalibration';
export type { CalibrationCheck } from './analysis/checkCalibration';
export { createRandom } from './util/random';
export type { Random } from './util/random';
export { UserInputError } from './util/errors';
export * from './stats';
export * from './figures';
export { networkTable } from './analysis/networkTable';
export { motivationSummary } from './analysis/motivationSummary';
export { boundaryProfile } from './analysis/boundaryProfile';
export { FINDINGS, FINDING_VARIABLES } from './analysis/findings';
export type { Finding, FindingDirection } from './analysis/findings';
export { evaluateFindings, formatFindings, FINDING_RULES, VERDICT_LABELS, criticalR } from './analysis/evaluateFindings';
export type { EvaluateFindingsOptions, FindingResult, FindingVerdict } from './analysis/evaluateFindings';
export { privacyCheck, DEFAULT_MIN_COMPLETE } from './analysis/privacy';
export type { PrivacyOptions, PrivacyAction, PrivacyFlag, PrivacyCheck } from './analysis/privacy';
export * from './report';
export * from './io';
