/**
 * Loads a study folder the way every command and notebook does: the codebook
 * (the folder's own `instrument.json`, else the shipped one), `networks.csv`
 * when present, the survey (required; its networks checked against
 * networks.csv): `survey.csv`, or else an SPSS file `survey.sav` with an
 * optional `mapping.json` from its variable names to the codebook's,
 * `pilot.csv` when present; the study definition (`study.json`, else the
 * report's study for the report's codebook, else one derived from the
 * codebook: resolveStudyDefinition); and whether the data are the project's synthetic
 * data (their `data_origin` column says so).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Instrument, readInstrument, DEFAULT_INSTRUMENT_PATH } from './instrument';
import { readSurveyCsv, SurveyCsv } from './readSurveyCsv';
import { readNetworksCsv, NetworksCsv } from './readNetworksCsv';
import { readPilotCsv } from './readPilotCsv';
import { readSurveySav, SurveySav } from './readSurveySav';
import { isSyntheticOrigin } from './synthetic';
import { resolveStudyDefinition, type ResolvedStudy } from './studyDefinition';
import { UserInputError } from '../util/errors';

/** The shipped default data folder. */
export const DEFAULT_DATA_DIR = path.resolve(__dirname, '..', '..', 'data');

export interface StudyData {
  dataDir: string;
  instrument: Instrument;
  instrumentFile: string;
  /** From survey.csv, or survey.sav (then with the SPSS variable of each column). */
  survey: SurveyCsv | SurveySav;
  networks: NetworksCsv | null;
  pilot: SurveyCsv | null;
  /** The study definition and where it came from (`study.definition`, `study.line`). */
  study: ResolvedStudy;
  /** True when every survey row's data_origin marks it as the project's synthetic data. */
  synthetic: boolean;
  /** Loader warnings of all files. */
  warnings: string[];
}

/**
 * @example
 *   const study = loadStudyData();            // the shipped synthetic data
 *   const mine = loadStudyData('my-study');   // a folder with survey.csv
 *   study.survey.table.objects();
 */
export function loadStudyData(dataDir: string = DEFAULT_DATA_DIR): StudyData {
  const dir = path.resolve(dataDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserInputError(`${dir} is not a folder. Give a folder holding survey.csv (and optionally networks.csv, pilot.csv, instrument.json).`);
  }
  const csvFile = path.join(dir, 'survey.csv');
  const savFile = path.join(dir, 'survey.sav');
  if (!fs.existsSync(csvFile) && !fs.existsSync(savFile)) {
    throw new UserInputError(`${dir} has no survey.csv or survey.sav. A study folder holds survey.csv (or survey.sav with an optional mapping.json) and optionally networks.csv, pilot.csv and instrument.json.`);
  }
  const ownInstrument = path.join(dir, 'instrument.json');
  const instrumentFile = fs.existsSync(ownInstrument) ? ownInstrument : DEFAULT_INSTRUMENT_PATH;
  const instrument = readInstrument(instrumentFile);
  const study = resolveStudyDefinition(dir, instrument);
  const networksFile = path.join(dir, 'networks.csv');
  const networks = fs.existsSync(networksFile) ? readNetworksCsv(networksFile) : null;
  const knownNetworks = networks ? (networks.table.array('network') as string[]) : undefined;
  const mappingFile = path.join(dir, 'mapping.json');
  const survey: SurveyCsv | SurveySav = fs.existsSync(csvFile)
    ? readSurveyCsv(csvFile, { instrument, networks: knownNetworks })
    : readSurveySav(savFile, { instrument, networks: knownNetworks, mapping: fs.existsSync(mappingFile) ? mappingFile : undefined });
  const pilotFile = path.join(dir, 'pilot.csv');
  const pilot = fs.existsSync(pilotFile) ? readPilotCsv(pilotFile, { instrument }) : null;
  const synthetic = survey.table.columnNames().includes('data_origin') && isSyntheticOrigin(survey.table.array('data_origin') as unknown[]);
  return {
    dataDir: dir,
    instrument,
    instrumentFile,
    survey,
    networks,
    pilot,
    study,
    synthetic,
    warnings: [...(networks?.warnings ?? []), ...survey.warnings, ...(pilot?.warnings ?? [])],
  };
}
