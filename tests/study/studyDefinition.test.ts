/**
 * The study definition (lib/io/studyDefinition.ts): its schema with JSON
 * paths, the report's study as data, the study derived from a codebook
 * without one, and which definition a data folder gets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInstrument, type Instrument } from '../../lib/io/instrument';
import {
  deriveStudyDefinition,
  missingInStudy,
  reportStudyDefinition,
  resolveStudyDefinition,
  validateStudyDefinition,
} from '../../lib/io/studyDefinition';
import { FINDINGS } from '../../lib/analysis/findings';
import { UserInputError } from '../../lib/util/errors';
import { tempDir } from '../tempDirs';

const instrument = readInstrument();
const report = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/study.json'), 'utf8'));

function problems(value: unknown, inst: Instrument = instrument): string {
  try {
    validateStudyDefinition(value, inst, 'my/study.json');
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return (e as Error).message;
  }
  throw new Error('expected a UserInputError');
}

describe('the report study (data/study.json)', () => {
  it('holds the report\'s eight portrait characteristics, four boundary dimensions, three pattern figures and 17 claims', () => {
    const s = reportStudyDefinition();
    expect(s.portrait).toEqual(['persons_turnover', 'org_turnover', 'trust', 'shared_vision', 'topic_overlap', 'network_overlap', 'decision_making', 'impact']);
    expect(s.boundaries).toHaveLength(4);
    expect(s.patterns.map((p) => [p.id, p.orderBy])).toEqual([['boundaries', 'bnd_administrative'], ['impact', 'impact'], ['decisions', 'impact']]);
    expect(s.claims).toHaveLength(17);
    expect(FINDINGS).toBe(s.claims);
    expect(s.claims.filter((c) => c.pattern === 'impact').map((c) => c.id)).toContain('trust_impact');
    expect(missingInStudy(s, instrument)).toEqual([]);
  });
});

describe('validateStudyDefinition', () => {
  it('lists every problem with its JSON path, and a suggestion for a near miss', () => {
    const bad = structuredClone(report);
    bad.portrait[2] = 'trusst';
    bad.patterns[1].orderBy = 'motivation';
    bad.claims[0].direction = 2;
    bad.claims[1].pattern = 'impakt';
    bad.claims[2].weakerThan = 'nothing';
    bad.claims[3].colour = 'red';
    bad.captionz = {};
    const m = problems(bad);
    expect(m).toMatch(/^my\/study\.json: 7 problems in the study definition:/);
    expect(m).toMatch(/portrait\[2\]: "trusst" is not a construct of the codebook; did you mean "trust"\?/);
    expect(m).toMatch(/patterns\[1\]\.orderBy: "motivation" is an item set; expected a scale or a count/);
    expect(m).toMatch(/claims\[0\] \(administrative_reputation\)\.direction: expected 1 \(positive\), -1 \(negative\) or 0 \(no relation\), found 2/);
    expect(m).toMatch(/claims\[1\] \(vision_impact\)\.pattern: "impakt" is not the id of a pattern figure \(patterns: boundaries, impact, decisions\)/);
    expect(m).toMatch(/claims\[2\] \(affectivity_impact\)\.weakerThan: "nothing" is not the id of a claim/);
    expect(m).toMatch(/claims\[3\] \(trust_impact\)\.colour: unknown key/);
    expect(m).toMatch(/captionz: unknown key; did you mean "captions"\?/);
  });

  it('accepts a minimal study: a portrait and nothing else', () => {
    const s = validateStudyDefinition({ id: 'mine', title: { nl: 'Mijn studie', en: 'My study' }, portrait: ['trust', 'impact'] }, instrument);
    expect(s).toMatchObject({ portrait: ['trust', 'impact'], boundaries: [], motivation: null, overlap: null, patterns: [], claims: [] });
  });

  it('refuses a claim of a variable with itself, a list twice named, and a non-object', () => {
    expect(problems({ id: 'x', title: { nl: 'x', en: 'x' }, portrait: ['trust', 'trust'], claims: [{ id: 'a', x: 'trust', y: 'trust', direction: 1, nl: 'a', en: 'a' }] })).toMatch(
      /portrait\[1\]: "trust" is listed twice[\s\S]*claims\[0\] \(a\)\.y: x and y are both "trust"/,
    );
    expect(() => validateStudyDefinition([], instrument, 'f.json')).toThrow(/f\.json: expected a JSON object at the top level/);
  });

  it('keeps unknown constructs when lenient (the report\'s study on a shorter codebook) and names them', () => {
    const short = { ...instrument, constructs: instrument.constructs.filter((c) => !['trust', 'monitoring'].includes(c.id)) };
    expect(problems(report, short)).toMatch(/"trust" is not a construct of the codebook/);
    const s = validateStudyDefinition(report, short, 'study.json', { constructs: 'lenient' });
    expect(missingInStudy(s, short)).toEqual(['trust', 'monitoring']);
  });
});

describe('deriveStudyDefinition and resolveStudyDefinition', () => {
  const own: Instrument = {
    ...instrument,
    id: 'my-teams',
    constructs: instrument.constructs.filter((c) => ['trust', 'shared_vision', 'impact', 'bnd_natural'].includes(c.id)),
  };

  it('derives every scale as a portrait characteristic and one pattern figure ordered by the first scale, no claims', () => {
    const s = deriveStudyDefinition(own);
    expect(s.portrait).toEqual(['trust', 'shared_vision', 'impact', 'bnd_natural']);
    expect(s.boundaries).toEqual(['bnd_natural']);
    expect(s.patterns).toHaveLength(1);
    expect(s.patterns[0]).toMatchObject({ id: 'by-trust', orderBy: 'trust', variables: ['trust', 'shared_vision', 'impact', 'bnd_natural'] });
    expect(s.claims).toEqual([]);
    expect(s.motivation).toBeNull();
  });

  it('gives a folder its own study.json, else the report\'s study for the report\'s codebook, else a derived one, each said in one line', () => {
    const dir = tempDir('dv-study-');
    try {
      const same = resolveStudyDefinition(dir, instrument);
      expect(same.source).toBe('report');
      expect(same.line).toBe("study: no study.json in the data folder; the codebook is the report's, so the report's study is used");
      const derived = resolveStudyDefinition(dir, own);
      expect(derived.source).toBe('derived');
      expect(derived.line).toBe('study: no study.json in the data folder; derived from the codebook "my-teams": 4 scales as portrait characteristics, 1 pattern figure ordered by trust, no claims');
      fs.writeFileSync(path.join(dir, 'study.json'), JSON.stringify({ id: 'teams-2026', title: { nl: 'Teams', en: 'Teams' }, portrait: ['impact', 'trust'] }));
      const file = resolveStudyDefinition(dir, own);
      expect(file.source).toBe('file');
      expect(file.definition.portrait).toEqual(['impact', 'trust']);
      expect(file.line).toMatch(/^study: teams-2026 \(.*study\.json\)$/);
      fs.writeFileSync(path.join(dir, 'study.json'), '{ "id": ');
      expect(() => resolveStudyDefinition(dir, own)).toThrow(/study\.json: not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
