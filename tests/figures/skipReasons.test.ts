/**
 * Why a figure is skipped or incomplete, in the run's language: reportFigures'
 * `skipped` reasons in Dutch and English on studies made by the project's
 * generator that lack networks.csv or some of the report's constructs, on a
 * networks.csv without years, and on a study that defines no motivation,
 * boundaries or overlap; skippedLine as the report and `npm run figures` say it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument, type Instrument } from '../../lib/io/instrument';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { reportStudyDefinition } from '../../lib/io/studyDefinition';
import { reportFigures, type ReportData } from '../../lib/figures/reportFigures';
import { skippedLine, skipReasons } from '../../lib/figures/skipReasons';
import { tempDir } from '../tempDirs';
import { codebookWithout } from '../codebooks';
import { loadDefault } from './fixtures';

const instrument = readInstrument();

/** The constructs of the report's study that the "shorter" codebook lacks. */
const DROPPED = ['motivation', 'network_overlap', 'bnd_administrative', 'bnd_natural', 'monitoring', 'decision_making', 'persons_turnover', 'shared_vision', 'trust', 'affectivity'];

/** The report's codebook (same id, so the report's study is used) without DROPPED. */
const shorterCodebook = () => codebookWithout(instrument, DROPPED);

/** A generated study in a temporary folder: without networks.csv, or with a codebook of its own. */
function writeStudy(options: { networksCsv: boolean; codebook?: Instrument; groups?: number }): string {
  const dir = tempDir('dv-skip-');
  const codebook = options.codebook ?? instrument;
  for (const [name, text] of Object.entries(generateStudy(codebook, { groups: options.groups ?? 6, networksCsv: options.networksCsv, seed: 'skip-reasons', respondents: [5, 8] }))) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  if (options.codebook) fs.writeFileSync(path.join(dir, 'instrument.json'), JSON.stringify(codebook));
  return dir;
}

function dataOf(dir: string): ReportData {
  const s = loadStudyData(dir);
  return {
    instrument: s.instrument,
    survey: s.survey.table.objects() as Record<string, unknown>[],
    networks: s.networks ? (s.networks.table.objects() as Record<string, unknown>[]) : undefined,
    study: s.study.definition,
  };
}

/** name (without its number) -> reason. */
const reasons = (data: ReportData, lang: 'nl' | 'en') => Object.fromEntries(reportFigures(data, { lang, synthetic: true }).skipped.map((s) => [s.name.replace(/^fig\d+-/, ''), s.reason]));

/** Words that give an English sentence away. */
const ENGLISH = /\b(the|no|drawn|without|which|gives|fewer|than|its|defines|ordered|folder|column)\b/;

describe('skip reasons: a study without networks.csv', () => {
  const data = dataOf(writeStudy({ networksCsv: false }));

  it('says in Dutch that the data folder has no networks.csv, and which figure is drawn without the years', () => {
    expect(reasons(data, 'nl')).toEqual({
      years: 'de datamap heeft geen networks.csv, waarin de jaren staan',
      'patterns-decisions': 'getekend zonder years (de datamap heeft geen networks.csv, waarin de jaren staan)',
    });
  });

  it('says the same in English, as before', () => {
    expect(reasons(data, 'en')).toEqual({
      years: 'no networks.csv in the data folder, which gives the years',
      'patterns-decisions': 'drawn without years (no networks.csv in the data folder, which gives the years)',
    });
  });

  it('a networks.csv without years: the column is missing, not the file', () => {
    const d = loadDefault();
    const noYears = { instrument: d.instrument, survey: d.rows, networks: d.networkRows.map(({ years: _years, ...rest }) => rest) };
    expect(reasons(noYears, 'nl').years).toBe('networks.csv heeft geen kolom "years"');
    expect(reasons(noYears, 'en').years).toBe('no "years" column in networks.csv');
  });
});

describe('skip reasons: a study without some of the report\'s constructs', () => {
  const data = dataOf(writeStudy({ networksCsv: true, codebook: shorterCodebook() }));
  const portraitGone = 'persons_turnover, trust, shared_vision, network_overlap, decision_making';
  const portraitQuoted = '"persons_turnover", "trust", "shared_vision", "network_overlap", "decision_making"';

  it('names every missing construct in Dutch', () => {
    expect(reasons(data, 'nl')).toEqual({
      'portrait-group-1': `getekend zonder ${portraitGone} (het codeboek heeft geen ${portraitQuoted})`,
      motivation: 'het codeboek heeft geen "motivation"',
      boundaries: 'getekend zonder bnd_administrative, bnd_natural (het codeboek heeft geen "bnd_administrative", "bnd_natural")',
      overlap: 'het codeboek heeft geen "network_overlap"',
      'patterns-boundaries': 'de figuur is geordend op "bnd_administrative": het codeboek heeft geen "bnd_administrative"',
      'patterns-impact':
        'minder dan twee van de variabelen van de figuur staan in de data (shared_vision: het codeboek heeft geen "shared_vision"; affectivity: het codeboek heeft geen "affectivity"; trust: het codeboek heeft geen "trust")',
      'patterns-decisions': 'getekend zonder monitoring (het codeboek heeft geen "monitoring"), decision_making (het codeboek heeft geen "decision_making")',
    });
  });

  it('and in English, as before', () => {
    expect(reasons(data, 'en')).toEqual({
      'portrait-group-1': `drawn without ${portraitGone} (the codebook has no ${portraitQuoted})`,
      motivation: 'the codebook has no "motivation"',
      boundaries: 'drawn without bnd_administrative, bnd_natural (the codebook has no "bnd_administrative", "bnd_natural")',
      overlap: 'the codebook has no "network_overlap"',
      'patterns-boundaries': 'the figure is ordered by "bnd_administrative": the codebook has no "bnd_administrative"',
      'patterns-impact':
        'fewer than two of its variables are in the data (shared_vision: the codebook has no "shared_vision"; affectivity: the codebook has no "affectivity"; trust: the codebook has no "trust")',
      'patterns-decisions': 'drawn without monitoring (the codebook has no "monitoring"), decision_making (the codebook has no "decision_making")',
    });
  });
});

describe('skip reasons: a study that defines no motivation, boundaries, overlap, nor a portrait in the codebook', () => {
  const d = loadDefault();
  const study = { ...reportStudyDefinition(), portrait: ['not_here'], motivation: null, boundaries: [], overlap: null };
  const data: ReportData = { instrument: d.instrument, survey: d.rows, networks: d.networkRows, study };

  it('says so in Dutch and in English', () => {
    expect(reasons(data, 'nl')).toMatchObject({
      portrait: 'geen van de portretkenmerken van het onderzoek staat in het codeboek (het codeboek heeft geen "not_here")',
      motivation: 'het onderzoek noemt geen set motivatie-items',
      boundaries: 'het onderzoek noemt geen dimensies van begrenzing',
      overlap: 'het onderzoek noemt geen figuur over overlap',
    });
    expect(reasons(data, 'en')).toMatchObject({
      portrait: 'no portrait characteristic of the study is in the codebook (the codebook has no "not_here")',
      motivation: 'the study defines no motivation item set',
      boundaries: 'the study defines no boundary dimensions',
      overlap: 'the study defines no overlap figure',
    });
  });
});

describe('skipReasons and skippedLine', () => {
  it('every Dutch reason is Dutch: no English sentence left in it', () => {
    const gone = [{ v: 'years', why: 'x' }];
    const texts = (lang: 'nl' | 'en') => {
      const r = skipReasons(lang);
      return [r.codebookLacks(['a']), r.noYearsColumn, r.noNetworksCsv, r.notInData('members'), r.noPortrait('x'), r.drawnWithout('a', 'x'), r.drawnWithoutEach(gone), r.noMotivation, r.noBoundaries, r.noOverlap, r.orderedBy('a', 'x'), r.fewerThanTwo(gone)];
    };
    expect(Object.keys(skipReasons('nl')).sort()).toEqual(Object.keys(skipReasons('en')).sort());
    const nl = texts('nl');
    const en = texts('en');
    nl.forEach((t, k) => {
      expect(t, t).not.toMatch(ENGLISH);
      expect(t).not.toBe(en[k]);
    });
    for (const t of en) expect(t, t).toMatch(ENGLISH);
  });

  it('says missing or incomplete, in the run\'s language, as the report does', () => {
    const s = { name: 'fig13-years', reason: 'r' };
    expect(skippedLine('nl', s, false)).toBe('fig13-years ontbreekt: r.');
    expect(skippedLine('nl', s, true)).toBe('fig13-years is onvolledig: r.');
    expect(skippedLine('en', s, false)).toBe('fig13-years is missing: r.');
    expect(skippedLine('en', s, true)).toBe('fig13-years is incomplete: r.');
  });
});
