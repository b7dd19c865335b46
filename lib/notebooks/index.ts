/**
 * Helpers for the notebooks (`import { openStudy, showTable } from '../dist/notebooks'`):
 * opening the study from DV_DATA_DIR / DV_LANG and tables for display. It also
 * passes on the report's methods that the notebooks call (they live in
 * lib/analysis: scaleReduction, agreementByNetwork, networkLevel).
 *
 * The runner that executes the notebooks headless lives with the scripts that
 * use it (scripts/jupyter).
 */
export { openStudy, studyBanner, studyDataDir, studyLanguage, constructLabel, figureOptions, requirePilot, present, studyPattern, claimsOf, whyAbsent, skipLine, patternSkipLine, figureNumber, figureCaption, scoreTable } from './context';
export { DEFAULT_MAX_PORTRAITS } from '../figures/reportFigures';
export type { Study } from './context';
export { showTable, tableHtml, asTable, formatCell, pickColumns } from './display';
export type { ShowTableOptions } from './display';
export { REDUCTION_CRITERIA, CROSS_LOADING_PARTNERS, pilotItems, poolAdequacy, nearestConstructs, crossLoadingCheck, reduceScale, reduceAllScales, reductionTable, reductionSteps, itemTable, kmoLabel } from '../analysis/scaleReduction';
export type { PilotItems, PoolAdequacy, CrossLoadingCheck, ReductionStep, ScaleReduction } from '../analysis/scaleReduction';
export { iccMatrix, iccByNetwork, iccTable, iccFormsTable, aggregationByConstruct } from '../analysis/agreementByNetwork';
export type { IccMatrix, NetworkIcc, ConstructAggregation } from '../analysis/agreementByNetwork';
export { networkValue, variableLabel, pairedValues, correlationTable, correlationMatrix, leaveOneNetworkOut, leaveOneOutTable, clusterNetworks, networkLevelTable, correlationRows, silhouetteTable } from '../analysis/networkLevel';
export type { PairCorrelation, NetworkClustering } from '../analysis/networkLevel';
export { instrumentTable, responseTable, missingTable, calibrationChecks, calibrationSummary, summaryRows, portraitTable, motivationTable } from './studyTables';
