/**
 * A study that is not the report's, for the notebook tests: 40 generated
 * groups, only survey.csv (no networks.csv, no pilot, no interviews), a
 * codebook with other construct ids and four constructs fewer, and a
 * study.json of its own (no overlap figure, two pattern figures, claims on
 * other variables).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateStudy } from '../../lib/data/generateStudy';
import { readInstrument, type Instrument } from '../../lib/io/instrument';

/** The report's codebook with construct ids renamed (trust -> c_trust) and four constructs dropped. */
export function otherCodebook(): Instrument {
  const c = structuredClone(readInstrument());
  const drop = new Set(['network_overlap', 'monitoring', 'bnd_natural', 'affectivity']);
  c.id = 'other-codebook';
  c.constructs = c.constructs.filter((k) => !drop.has(k.id));
  for (const k of c.constructs) {
    // a pilot item whose cross-loading partner is gone names another construct
    const other = c.constructs.find((x) => x.id !== k.id)!.id;
    for (const item of k.items) if (item.crossLoadsOn && drop.has(item.crossLoadsOn)) item.crossLoadsOn = other;
  }
  for (const k of c.constructs) {
    k.id = `c_${k.id}`;
    for (const item of k.items) {
      item.id = `c_${item.id}`;
      if (item.crossLoadsOn) item.crossLoadsOn = `c_${item.crossLoadsOn}`;
    }
  }
  return c;
}

/** A study definition of its own for that codebook. */
export const OTHER_STUDY = {
  id: 'other-study',
  title: { nl: 'Een andere studie', en: 'Another study' },
  portrait: ['c_trust', 'c_shared_vision', 'c_decision_making', 'c_impact', 'c_topic_overlap'],
  boundaries: ['c_bnd_administrative', 'c_bnd_reputation', 'c_bnd_sociocultural'],
  motivation: 'c_motivation',
  overlap: null,
  patterns: [
    { id: 'borders', orderBy: 'c_bnd_reputation', variables: ['c_bnd_reputation', 'c_bnd_administrative', 'c_bnd_sociocultural'], caption: { nl: 'Grenzen', en: 'Borders' } },
    { id: 'effect', orderBy: 'c_effectiveness', variables: ['c_effectiveness', 'c_shared_vision', 'c_trust', 'years'], caption: { nl: 'Effect', en: 'Effect' } },
  ],
  claims: [
    { id: 'vision_effect', pattern: 'effect', x: 'c_shared_vision', y: 'c_effectiveness', direction: 1, nl: 'Visie gaat samen met effect.', en: 'Vision goes with effect.' },
    { id: 'size_effect', pattern: null, x: 'members', y: 'c_effectiveness', direction: 0, nl: 'Grootte staat los van effect.', en: 'Size is unrelated to effect.' },
    { id: 'borders', pattern: 'borders', x: 'c_bnd_reputation', y: 'c_bnd_administrative', direction: -1, nl: 'Reputatie tegen bestuur.', en: 'Reputation against administration.' },
  ],
};

/** Writes the study folder: survey.csv, instrument.json, study.json. */
export function writeOtherStudy(dir: string, groups = 40): string {
  const codebook = otherCodebook();
  const files = generateStudy(codebook, { groups, networksCsv: false, seed: 'notebooks/other-study', respondents: [5, 9] });
  fs.writeFileSync(path.join(dir, 'survey.csv'), files['survey.csv']);
  fs.writeFileSync(path.join(dir, 'instrument.json'), JSON.stringify(codebook));
  fs.writeFileSync(path.join(dir, 'study.json'), JSON.stringify(OTHER_STUDY));
  return dir;
}

