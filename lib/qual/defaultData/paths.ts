import * as path from 'node:path';

/** data/interviews of the project, found from lib/qual/defaultData or dist/qual/defaultData alike. */
export const INTERVIEW_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'interviews');
