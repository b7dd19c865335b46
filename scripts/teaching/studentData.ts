/**
 * A student's own study, seeded with the student number:
 *   npx tsx scripts/teaching/studentData.ts --student 1234567 [--out notebooks/my-study]
 * (in an edition folder: npm run student-data -- --student 1234567).
 */
import { studentDataMain } from '../../lib/teaching/cli';

studentDataMain(process.argv.slice(2));
