/**
 * `npm run bench` reads reproduce's progress lines (scripts/bench/reproduce.ts):
 * the step times and each notebook's time must be found in what reproduce
 * prints, or the benchmark would silently report nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseReproduceOutput } from '../../scripts/bench/reproduce';

const SAMPLE = `Delicate verbanden: reproduce on data, labels Dutch
Built dist/ (npm run build) in 2.4 s.

Data: data
All data checks pass.

Notebooks: 10, kernel tslab registered for this project in .jupyter-env/ (nbconvert 6.5.3), DV_DATA_DIR=data, DV_LANG=nl
  [ 1/10] 01-study-and-data                 9.1 s  14 code cells
  [ 2/10] 02-scales-on-the-pilot           11.6 s  17 code cells
  [10/10] 10-interviews                    10.2 s  12 code cells
  static images for 61 figures in 6.3 s (one Chromium session)
  wrote 10 executed notebooks to out/notebooks/ in 58.0 s

Figures: 18 figures of the report to out/figures/
  wrote 36 files (SVG and PNG) in 4.1 s

Report:
  wrote out/report.html

Done in 79.5 s: out/notebooks/, out/figures/, out/report.html.
`;

describe('parseReproduceOutput', () => {
  it('finds every step time and each notebook', () => {
    const { steps, perNotebook } = parseReproduceOutput(SAMPLE);
    expect(steps).toEqual({ build: 2.4, 'static images': 6.3, 'notebooks (with static images)': 58, figures: 4.1, 'whole run': 79.5 });
    expect(perNotebook).toEqual([
      { name: '01-study-and-data', s: 9.1 },
      { name: '02-scales-on-the-pilot', s: 11.6 },
      { name: '10-interviews', s: 10.2 },
    ]);
  });
  it('reads the build step when dist/ was up to date', () => {
    const { steps } = parseReproduceOutput('dist/ is up to date (no file of lib/ changed since the last build; checked in 0.0 s).\nDone in 70.1 s: out/');
    expect(steps).toEqual({ 'build (dist/ up to date)': 0, 'whole run': 70.1 });
  });
  it('finds nothing in output that is not reproduce', () => {
    expect(parseReproduceOutput('npm ERR! missing script: reproduce')).toEqual({ steps: {}, perNotebook: [] });
  });
});
