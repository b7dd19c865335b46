/**
 * Loading the interview data: the shipped synthetic default (data/interviews)
 * or your own folder with the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INTERVIEW_DATA_DIR } from './defaultData/paths';
import { readMaxqdaCodedSegments } from './io/maxqda';
import { readQdc, readQdpx } from './io/refiQda';
import { readTextFolder } from './io/texts';
import type { QualProject } from './model';

export { INTERVIEW_DATA_DIR };

/**
 * The interview folder the notebooks use: DV_INTERVIEWS_DIR when set; else
 * the `interviews` folder inside DV_DATA_DIR when that has an interviews.qdpx
 * (so `--data DIR` brings your interviews along); else the shipped
 * data/interviews.
 */
export function interviewDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = (env.DV_INTERVIEWS_DIR ?? '').trim();
  if (own !== '') return path.resolve(own);
  const data = (env.DV_DATA_DIR ?? '').trim();
  if (data !== '' && fs.existsSync(path.join(data, 'interviews', 'interviews.qdpx'))) return path.resolve(data, 'interviews');
  return INTERVIEW_DATA_DIR;
}

/**
 * Reads `interviews.qdpx` from a folder (default: `interviewDir()`, i.e. the
 * shipped data/interviews unless DV_INTERVIEWS_DIR or DV_DATA_DIR say otherwise).
 *
 * @example
 *   const project = loadInterviews();
 *   project.dataOrigin; // 'synthetic - interview reports written and coded by ...'
 */
export function loadInterviews(dir: string = interviewDir()): QualProject {
  return readQdpx(path.join(dir, 'interviews.qdpx')).project;
}

/**
 * The same data through the MAXQDA route: `coded-segments.csv` (MAXQDA's
 * coded-segments export), the texts in `texts/` and the codebook `codebook.qdc`.
 *
 * @example
 *   const viaMaxqda = await loadInterviewsFromMaxqda();
 */
export async function loadInterviewsFromMaxqda(dir: string = interviewDir()): Promise<QualProject> {
  const { codes } = readQdc(path.join(dir, 'codebook.qdc'));
  const { project } = await readMaxqdaCodedSegments(path.join(dir, 'coded-segments.csv'), { documents: readTextFolder(path.join(dir, 'texts')), codes });
  return project;
}
