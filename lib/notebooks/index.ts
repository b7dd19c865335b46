/**
 * Helpers for the notebooks (`import { openStudy, showTable } from '../dist/notebooks'`):
 * opening the study from DV_DATA_DIR / DV_LANG, tables, and the analysis
 * steps that take more than a line in a cell (the scale reduction on the
 * pilot, agreement per network, the network level with N = 10).
 *
 * The runner that executes the notebooks headless (runner.ts, jupyter.ts,
 * staticFigures.ts) is for scripts and tests and is not exported here.
 */
export { openStudy, studyBanner, studyDataDir, studyLanguage, constructLabel, figureOptions, requirePilot } from './context';
export type { Study } from './context';
export { showTable, tableHtml, asTable, formatCell, pickColumns } from './display';
export type { ShowTableOptions } from './display';
export { REDUCTION_CRITERIA, CROSS_LOADING_PARTNERS, pilotItems, poolAdequacy, nearestConstructs, crossLoadingCheck, reduceScale, reduceAllScales, reductionTable, reductionSteps, itemTable, kmoLabel } from './pilot';
export type { PilotItems, PoolAdequacy, CrossLoadingCheck, ReductionStep, ScaleReduction } from './pilot';
export { iccMatrix, iccByNetwork, iccTable, iccFormsTable, aggregationByConstruct } from './agreement';
export type { IccMatrix, NetworkIcc, ConstructAggregation } from './agreement';
export { networkValue, variableLabel, pairedValues, correlationTable, correlationMatrix, leaveOneNetworkOut, leaveOneOutTable, clusterNetworks, networkLevelTable, correlationRows, silhouetteTable } from './networkLevel';
export type { PairCorrelation, NetworkClustering } from './networkLevel';
export { instrumentTable, responseTable, missingTable, calibrationChecks, calibrationSummary, summaryRows, portraitTable, motivationTable } from './studyTables';
