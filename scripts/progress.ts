/**
 * `npm run progress`: the exercises checked in executed notebooks and their
 * last result (read from the markers `check` leaves in the outputs), as a
 * Markdown or HTML file a student hands in. Options: lib/teaching/cli.ts.
 */
import { progressMain } from '../lib/teaching/cli';

progressMain(process.argv.slice(2));
