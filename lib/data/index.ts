/**
 * The default data (`require('../dist/data')`): the generator that writes the
 * synthetic, calibrated files of data/ (`npm run data`), the mark every
 * generated row carries, and the seeded random numbers it uses.
 */
export { generateDefaultData } from './generateDefaultData';
export { generateStudy, GENERATED_STUDY_MARK } from './generateStudy';
export type { GenerateStudyOptions } from './generateStudy';
export { SYNTHETIC_MARK, isSyntheticOrigin } from '../io/synthetic';
export { createRandom } from '../util/random';
export type { Random } from '../util/random';
