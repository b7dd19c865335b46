/**
 * A matrix of study variants made by the project's own generator
 * (generateStudy): 2, 3, 10, 40 and 400 groups, with and without
 * networks.csv, a shorter codebook, renamed construct ids with a matching
 * study.json, English labels. Each goes through the figures (reportFigures)
 * and the report (writeReport); none may crash, names never collide, and
 * what a variant lacks is said in one line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument, type Instrument } from '../../lib/io/instrument';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { reportFigures } from '../../lib/figures/reportFigures';
import { writeReport } from '../../lib/report/writeReport';
import { tempDir } from '../tempDirs';
import { codebookWith, codebookWithout } from '../codebooks';

const instrument = readInstrument();

interface Variant {
  name: string;
  groups: number;
  networksCsv?: boolean;
  codebook?: Instrument;
  study?: unknown;
  lang?: 'nl' | 'en';
}

/** The report's codebook with every construct id renamed (trust -> t_trust), items too. */
function renamed(): Instrument {
  const c = structuredClone(instrument);
  c.id = 'renamed-codebook';
  for (const k of c.constructs) {
    k.id = `t_${k.id}`;
    for (const it of k.items) {
      it.id = `t_${it.id}`;
      if (it.crossLoadsOn) it.crossLoadsOn = `t_${it.crossLoadsOn}`;
    }
  }
  return c;
}

const shorter = codebookWithout(instrument, ['network_overlap', 'monitoring', 'bnd_natural', 'affectivity']);

const VARIANTS: Variant[] = [
  { name: '2 groups', groups: 2 },
  { name: '3 groups without networks.csv', groups: 3, networksCsv: false },
  { name: '10 groups, English', groups: 10, lang: 'en' },
  { name: '40 groups, only survey.csv', groups: 40, networksCsv: false },
  { name: '400 groups', groups: 400 },
  { name: 'a shorter codebook (4 constructs fewer)', groups: 12, codebook: shorter },
  {
    name: 'renamed construct ids with a matching study.json',
    groups: 8,
    codebook: renamed(),
    study: {
      id: 'renamed-study',
      title: { nl: 'Hernoemd', en: 'Renamed' },
      portrait: ['t_trust', 't_shared_vision', 't_impact'],
      boundaries: ['t_bnd_administrative', 't_bnd_reputation'],
      motivation: 't_motivation',
      patterns: [{ id: 'impact', orderBy: 't_impact', variables: ['t_shared_vision', 't_trust', 'years'], caption: { nl: 'Patronen', en: 'Patterns' } }],
      claims: [{ id: 'vision', pattern: 'impact', x: 't_shared_vision', y: 't_impact', direction: 1, nl: 'Visie gaat samen met impact.', en: 'Vision goes with impact.' }],
    },
  },
  { name: 'a codebook of its own without study.json (derived study)', groups: 6, codebook: codebookWith(renamed(), (_, k) => k < 9) },
];

function writeVariant(v: Variant): string {
  const dir = tempDir('dv-variant-');
  const codebook = v.codebook ?? instrument;
  const files = generateStudy(codebook, { groups: v.groups, networksCsv: v.networksCsv ?? true, seed: `variant/${v.name}`, respondents: [5, 9] });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  if (v.codebook) fs.writeFileSync(path.join(dir, 'instrument.json'), JSON.stringify(codebook));
  if (v.study) fs.writeFileSync(path.join(dir, 'study.json'), JSON.stringify(v.study));
  return dir;
}

describe('study variants through figures and report', () => {
  for (const v of VARIANTS) {
    it(v.name, () => {
      const dir = writeVariant(v);
      const study = loadStudyData(dir);
      const { figures, skipped } = reportFigures(
        {
          instrument: study.instrument,
          survey: study.survey.table.objects() as Record<string, unknown>[],
          networks: study.networks ? (study.networks.table.objects() as Record<string, unknown>[]) : undefined,
          study: study.study.definition,
        },
        { lang: v.lang, synthetic: study.synthetic },
      );
      const names = figures.map((f) => f.name);
      expect(new Set([...names, ...skipped.map((s) => s.name)]).size).toBeGreaterThanOrEqual(names.length);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^fig\d{2,}-[a-z0-9-]+$/);
      for (const s of skipped) expect(s.reason).not.toMatch(/undefined|\[object/);
      for (const f of figures) expect(JSON.stringify(f.spec.layout.title)).not.toMatch(/anonymised by letter|geanonimiseerd/);
      if (v.groups > 40) expect(names.filter((n) => n.includes('portrait'))).toEqual([expect.stringMatching(/^fig\d+-portraits$/)]);
      else if (study.study.definition.portrait.length > 0) expect(names.filter((n) => n.includes('-portrait-'))).toHaveLength(v.groups);
      if (v.networksCsv === false) expect(skipped.find((s) => s.name.endsWith('-years'))?.reason).toBe(v.lang === 'en' ? 'no networks.csv in the data folder, which gives the years' : 'de datamap heeft geen networks.csv, waarin de jaren staan');

      const out = path.join(tempDir('dv-variant-out-'), 'report.html');
      const { lines } = writeReport({ dataDir: dir, out, lang: v.lang ?? 'nl' });
      const html = fs.readFileSync(out, 'utf8');
      expect(lines[0]).toMatch(/^study: /);
      // the study line in the report's language, without the folder's full path
      const studyLine = /<p class="note" id="study-line">([^<]*)<\/p>/.exec(html)![1];
      expect(studyLine).toMatch(v.lang === 'en' ? /^study: / : /^studie: /);
      expect(studyLine).not.toContain(dir);
      // generated data are synthetic but calibrated to nothing: the banner says so, and no finding carries the calibration mark
      const banner = /<div class="synthetic-banner" id="synthetic-banner" role="alert">([^<]*)<\/div>/.exec(html)![1];
      expect(banner).toContain(v.lang === 'en' ? 'calibrated to nothing' : 'op niets gekalibreerd');
      expect(html).not.toContain('†');
      const groupsN = study.survey.table.groupby('network').count().numRows();
      if (groupsN !== 10) {
        // what the page says, and the data it holds (not the code of plotly.js or of the explorer's script)
        const said = html.replace(/<script(?! type="application\/json")[^>]*>[^]*?<\/script>/g, '');
        expect(said).not.toMatch(/N = 10\b/);
        expect(said).not.toMatch(/9 (of|van) 10\b/);
      }
      const groups = groupsN;
      if (study.study.definition.claims.length === 0) expect(html).toContain('id="findings-none"');
      else if (groups < 5) {
        expect(html).toMatch(/data-verdict="not evaluated"/);
        expect(html).not.toMatch(/data-verdict="(holds|weak|does not hold)"/);
      } else expect(html).toMatch(new RegExp(`N = ${groups}\\b`));
    }, 120_000);
  }
});
