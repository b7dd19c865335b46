/**
 * Regenerates every shipped data file from the codebook and the calibration
 * table. `npm run data` writes them to `data/`; a test checks that the
 * committed files equal this output byte for byte.
 */
import { Instrument } from '../io/instrument';
import { GENERATION } from './calibration';
import { generateNetworksCsv } from './generateNetworks';
import { generateSurveyCsv } from './generateSurvey';
import { generatePilotCsv } from './generatePilot';

/** File name (inside `data/`) -> exact contents. */
export function generateDefaultData(instrument: Instrument, seed: string = GENERATION.seed): Record<string, string> {
  return {
    'networks.csv': generateNetworksCsv(),
    'survey.csv': generateSurveyCsv(instrument, seed),
    'pilot.csv': generatePilotCsv(instrument, seed),
  };
}
