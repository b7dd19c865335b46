/**
 * The report says why a figure is missing or incomplete in its own language:
 * writeReport (npm run report) on generated studies without networks.csv and
 * without some of the report's constructs, in Dutch and in English.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument, type Instrument } from '../../lib/io/instrument';
import { writeReport } from '../../lib/report/writeReport';
import { tempDir } from '../tempDirs';
import { codebookWithout } from '../codebooks';

const instrument = readInstrument();
const DROPPED = ['motivation', 'network_overlap', 'bnd_administrative', 'bnd_natural', 'monitoring', 'decision_making', 'persons_turnover', 'shared_vision', 'trust', 'affectivity'];

function writeStudy(networksCsv: boolean, codebook?: Instrument): string {
  const dir = tempDir('dv-report-skip-');
  for (const [name, text] of Object.entries(generateStudy(codebook ?? instrument, { groups: 6, networksCsv, seed: 'report-skip-reasons', respondents: [5, 8] }))) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  if (codebook) fs.writeFileSync(path.join(dir, 'instrument.json'), JSON.stringify(codebook));
  return dir;
}

const shorterCodebook = () => codebookWithout(instrument, DROPPED);

/** The notes of the figures section that say what is missing or incomplete (unescaped). */
function skipNotes(dataDir: string, lang: 'nl' | 'en'): string[] {
  const out = path.join(tempDir('dv-report-skip-out-'), 'report.html');
  writeReport({ dataDir, out, lang });
  const html = fs.readFileSync(out, 'utf8');
  return [...html.matchAll(/<p class="note">(fig\d+-[a-z0-9-]+ [^<]*)<\/p>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

describe('the report says why a figure is missing, in its language', () => {
  it('a study without networks.csv', () => {
    const dir = writeStudy(false);
    expect(skipNotes(dir, 'nl')).toEqual([
      'fig09-years ontbreekt: de datamap heeft geen networks.csv, waarin de jaren staan.',
      'fig13-patterns-decisions is onvolledig: getekend zonder years (de datamap heeft geen networks.csv, waarin de jaren staan).',
    ]);
    expect(skipNotes(dir, 'en')).toEqual([
      'fig09-years is missing: no networks.csv in the data folder, which gives the years.',
      'fig13-patterns-decisions is incomplete: drawn without years (no networks.csv in the data folder, which gives the years).',
    ]);
  });

  it('a study without some of the report\'s constructs', () => {
    const dir = writeStudy(true, shorterCodebook());
    const nl = skipNotes(dir, 'nl');
    const en = skipNotes(dir, 'en');
    expect(nl).toEqual([
      'fig01-portrait-group-1 is onvolledig: getekend zonder persons_turnover, trust, shared_vision, network_overlap, decision_making (het codeboek heeft geen "persons_turnover", "trust", "shared_vision", "network_overlap", "decision_making").',
      'fig07-motivation ontbreekt: het codeboek heeft geen "motivation".',
      'fig08-boundaries is onvolledig: getekend zonder bnd_administrative, bnd_natural (het codeboek heeft geen "bnd_administrative", "bnd_natural").',
      'fig10-overlap ontbreekt: het codeboek heeft geen "network_overlap".',
      'fig11-patterns-boundaries ontbreekt: de figuur is geordend op "bnd_administrative": het codeboek heeft geen "bnd_administrative".',
      'fig12-patterns-impact ontbreekt: minder dan twee van de variabelen van de figuur staan in de data (shared_vision: het codeboek heeft geen "shared_vision"; affectivity: het codeboek heeft geen "affectivity"; trust: het codeboek heeft geen "trust").',
      'fig13-patterns-decisions is onvolledig: getekend zonder monitoring (het codeboek heeft geen "monitoring"), decision_making (het codeboek heeft geen "decision_making").',
    ]);
    expect(en).toEqual([
      'fig01-portrait-group-1 is incomplete: drawn without persons_turnover, trust, shared_vision, network_overlap, decision_making (the codebook has no "persons_turnover", "trust", "shared_vision", "network_overlap", "decision_making").',
      'fig07-motivation is missing: the codebook has no "motivation".',
      'fig08-boundaries is incomplete: drawn without bnd_administrative, bnd_natural (the codebook has no "bnd_administrative", "bnd_natural").',
      'fig10-overlap is missing: the codebook has no "network_overlap".',
      'fig11-patterns-boundaries is missing: the figure is ordered by "bnd_administrative": the codebook has no "bnd_administrative".',
      'fig12-patterns-impact is missing: fewer than two of its variables are in the data (shared_vision: the codebook has no "shared_vision"; affectivity: the codebook has no "affectivity"; trust: the codebook has no "trust").',
      'fig13-patterns-decisions is incomplete: drawn without monitoring (the codebook has no "monitoring"), decision_making (the codebook has no "decision_making").',
    ]);
  });

  it('a study whose portrait names no construct of the codebook: the report is written, the portraits skipped with their reason', () => {
    // the codebook without any of the report's portrait constructs (lib/io/studyDefinition: the report's study)
    const portrait = ['persons_turnover', 'org_turnover', 'trust', 'shared_vision', 'topic_overlap', 'network_overlap', 'decision_making', 'impact'];
    const dir = writeStudy(true, codebookWithout(instrument, portrait));
    const notes = skipNotes(dir, 'en');
    expect(notes.find((n) => n.includes('portrait'))).toMatch(/^fig\d+-portrait is missing: .*the codebook has no "persons_turnover"/);
  });
});
