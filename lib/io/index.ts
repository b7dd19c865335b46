/**
 * Readers and writers (`require('../dist/io')`): the codebook, the survey,
 * networks and pilot CSV files, SPSS (.sav) and Excel (.xlsx). The readers are
 * also in the main entry; the writers and the .sav internals only here.
 *
 *   readSurveyCsv(file, { instrument })             the survey, every problem with row and column
 *   loadStudyData(dir)                              a data folder: survey, networks, pilot, codebook
 *   readSav(file)                                   any .sav file: table + labels, user-missing -> null
 *   readSurveySav(file, { mapping, instrument })    a survey in SPSS, checked like readSurveyCsv
 *   readSurveyXlsx(file, { sheet, mapping })        a survey in Excel, checked like readSurveyCsv (async)
 *   readMapping(file)                               {"their_name": "trust_1", ...} from JSON
 *   writeSav(file, table, { variableLabels, valueLabels })
 *   writeXlsx(file, table)                          (async)
 */
export { readInstrument, validateInstrument } from './instrument';
export { readSurveyCsv, readSurveyCsvText } from './readSurveyCsv';
export { readNetworksCsv, readNetworksCsvText } from './readNetworksCsv';
export { readPilotCsv } from './readPilotCsv';
export { loadStudyData, DEFAULT_DATA_DIR } from './loadStudyData';
export { readSav, readSavBytes, labelKey } from './readSav';
export type { ReadSavOptions, SavData } from './readSav';
export { readSurveySav } from './readSurveySav';
export type { ReadSurveySavOptions, SurveySav } from './readSurveySav';
export { readSurveyXlsx } from './readSurveyXlsx';
export type { ReadSurveyXlsxOptions, SurveyXlsx } from './readSurveyXlsx';
export type { SurveyMappingOptions } from './surveyColumns';
export { readMapping, validateMapping } from './mapping';
export type { VariableMapping } from './mapping';
export { writeCsv } from './writeCsv';
export { writeSav, savBytes } from './writeSav';
export type { WriteSavOptions, WrittenSav } from './writeSav';
export { writeXlsx, xlsxBytes } from './writeXlsx';
export type { WriteXlsxOptions } from './writeXlsx';
export type { TableInput } from './tableInput';
export { isUserMissing, spssSecondsToIso, dateToSpssSeconds } from './sav/format';
export type { SavVariable, SavFormat, SavMissing, SavValueLabel, MeasurementLevel } from './sav/format';
export { parseSav } from './sav/readSavBytes';
export { buildSav } from './sav/writeSavBytes';
