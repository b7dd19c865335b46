/**
 * Loading the interview data: the shipped synthetic default (data/interviews)
 * or your own folder with the same files.
 */
import * as path from 'node:path';
import { INTERVIEW_DATA_DIR } from './defaultData/paths';
import { readMaxqdaCodedSegments } from './io/maxqda';
import { readQdc, readQdpx } from './io/refiQda';
import { readTextFolder } from './io/texts';
import type { QualProject } from './model';

export { INTERVIEW_DATA_DIR };

/**
 * Reads `interviews.qdpx` from a folder (default: the shipped data/interviews,
 * or the folder in the environment variable DV_INTERVIEWS_DIR).
 *
 * @example
 *   const project = loadInterviews();
 *   project.dataOrigin; // 'synthetic - interview reports written and coded by ...'
 */
export function loadInterviews(dir: string = process.env.DV_INTERVIEWS_DIR || INTERVIEW_DATA_DIR): QualProject {
  return readQdpx(path.join(dir, 'interviews.qdpx')).project;
}

/**
 * The same data through the MAXQDA route: `coded-segments.csv` (MAXQDA's
 * coded-segments export), the texts in `texts/` and the codebook `codebook.qdc`.
 *
 * @example
 *   const viaMaxqda = await loadInterviewsFromMaxqda();
 */
export async function loadInterviewsFromMaxqda(dir: string = process.env.DV_INTERVIEWS_DIR || INTERVIEW_DATA_DIR): Promise<QualProject> {
  const { codes } = readQdc(path.join(dir, 'codebook.qdc'));
  const { project } = await readMaxqdaCodedSegments(path.join(dir, 'coded-segments.csv'), { documents: readTextFolder(path.join(dir, 'texts')), codes });
  return project;
}
