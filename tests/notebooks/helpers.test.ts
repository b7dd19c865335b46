/**
 * The notebook helpers of lib/notebooks/ on the shipped data: opening the
 * study from the environment, tables, the scale reduction on the pilot,
 * agreement per network, and the network level.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openStudy,
  studyDataDir,
  studyLanguage,
  tableHtml,
  reduceAllScales,
  reduceScale,
  REDUCTION_CRITERIA,
  iccByNetwork,
  aggregationByConstruct,
  correlationTable,
  clusterNetworks,
  leaveOneNetworkOut,
  responseTable,
  portraitTable,
  requirePilot,
  figureNumber,
  figureCaption,
  whyAbsent,
  skipLine,
  studyPattern,
  patternSkipLine,
  scoreTable,
} from '../../lib/notebooks';
import { op } from 'arquero';
import { reportFigures } from '../../lib/figures/reportFigures';
import { tempDir } from '../tempDirs';
import { writeOtherStudy } from './otherStudy';
import { DEFAULT_DATA_DIR } from '../../lib/io/loadStudyData';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { checkCalibration } from '../../lib/analysis/checkCalibration';
import { permutationTest } from '../../lib/stats';
import { UserInputError } from '../../lib/util/errors';

const study = openStudy({ dataDir: DEFAULT_DATA_DIR, lang: 'nl' });

describe('openStudy and the environment', () => {
  it('reads DV_DATA_DIR and DV_LANG, with the shipped data and Dutch as defaults', () => {
    expect(studyDataDir({})).toBe(DEFAULT_DATA_DIR);
    expect(studyDataDir({ DV_DATA_DIR: 'my-study' })).toBe(path.resolve('my-study'));
    expect(studyLanguage({})).toBe('nl');
    expect(studyLanguage({ DV_LANG: 'EN' })).toBe('en');
    expect(() => studyLanguage({ DV_LANG: 'de' })).toThrow(UserInputError);
  });

  it('opens the shipped data as synthetic, with the network-level rows', () => {
    expect(study).toMatchObject({ isDefault: true, synthetic: true, lang: 'nl' });
    expect(study.survey).toHaveLength(182);
    expect(study.networkRows.map((r) => r.network)).toHaveLength(10);
    expect(requirePilot(study)).toHaveLength(81);
    expect(() => requirePilot({ pilot: null, dataDir: '/x' })).toThrow(/has no pilot\.csv/);
  });
});

describe('tables', () => {
  it('rounds a column with fractions throughout, keeps whole-number columns whole, shows missing as a dash and escapes text', () => {
    const html = tableHtml([{ n: 3, mean: 3, name: '<b>' }, { n: 4, mean: 3.14159, name: null }], { digits: 2 });
    expect(html).toContain('<td style="text-align: right;">3.00</td>');
    expect(html).toContain('<td style="text-align: right;">3.14</td>');
    expect(html).toContain('<td style="text-align: right;">4</td>');
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('–');
  });

  it('response per network adds up to the report totals', () => {
    const total = responseTable(study.networkRows).at(-1)!;
    expect(total).toMatchObject({ network: 'total', approached: 182, responded: 129, complete: 112, 'response %': 71, 'complete %': 62 });
  });

  it("a portrait table sets the report's words beside the means, and the conflict's interval where the report contradicts itself", () => {
    const summary = networkSummary(study.survey, study.instrument, { networks: study.networks ?? undefined });
    const notos = portraitTable(summary, study.instrument, 'Notos', 'en');
    expect(notos).toHaveLength(8);
    expect(notos.every((r) => r['in band'] === true)).toBe(true);
    expect(notos.find((r) => r.characteristic === 'Mutual trust')).toMatchObject({ report: '3-4', 'checked against': '4-5 (conflict 3)' });
  });
});

describe('the scale reduction on the pilot', () => {
  const all = reduceAllScales(requirePilot(study), study.instrument);

  it("ends with the codebook's final items on every scale, each meeting the report's criteria", () => {
    expect(all).toHaveLength(16);
    expect(all.filter((r) => !r.matchesCodebook).map((r) => r.differences)).toEqual([]);
    for (const r of all) {
      expect(r.after.alpha).toBeGreaterThan(REDUCTION_CRITERIA.alpha);
      expect(r.after.averageR).toBeGreaterThan(REDUCTION_CRITERIA.interItemR);
      expect(r.kept.length).toBeGreaterThanOrEqual(REDUCTION_CRITERIA.minItems);
    }
  });

  it('records each decision with its reason; two reasons differ from the codebook, as the notebook explains', () => {
    expect(all.flatMap((r) => r.reasonDifferences)).toEqual([
      { item: 'topic_overlap_4', reduction: 'alpha_if_deleted', codebook: 'cross_loading' },
      { item: 'effectiveness_4', reduction: 'alpha_if_deleted', codebook: 'low_inter_item_r' },
    ]);
    const trust = reduceScale(requirePilot(study), study.instrument, 'trust');
    expect(trust.removed).toEqual([
      { item: 'trust_5', reason: 'cross_loading', step: 1 },
      { item: 'trust_6', reason: 'negatively_worded', step: 2 },
    ]);
    expect(trust.steps.at(-1)).toMatchObject({ action: 'stop', reason: 'criteria_met' });
  });

  it('names a construct that is not a scale', () => {
    expect(() => reduceScale(requirePilot(study), study.instrument, 'motivation')).toThrow(/not a scale/);
  });
});

describe('agreement within networks', () => {
  it("gives the ICC(A,k) the calibration checks (the report's form), above .90 everywhere", () => {
    const iccs = iccByNetwork(study.survey, study.instrument, study.networkRows.map((r) => r.network));
    const checks = checkCalibration({ instrument: study.instrument, survey: study.survey, networks: study.networks!, pilot: study.pilot ?? undefined }).filter((c) => c.id.startsWith('icc.'));
    for (const r of iccs) {
      expect(r.icc).toBeGreaterThan(0.9);
      expect(r.single).toBeLessThan(r.icc);
      expect(checks.find((c) => c.id === `icc.${r.network}`)!.observed.startsWith(r.icc.toFixed(3))).toBe(true);
    }
  });

  it('gives ICC(1), ICC(2) and rwg(j) for every scale', () => {
    const rows = aggregationByConstruct(study.survey, study.instrument);
    expect(rows).toHaveLength(16);
    for (const r of rows) {
      expect(r.icc2).toBeGreaterThan(r.icc1);
      expect(r.rwgMean).toBeGreaterThan(0.9);
    }
  });
});

describe('the network level', () => {
  it('correlations carry the exact permutation p', () => {
    const [pair] = correlationTable(study.networkRows, ['shared_vision', 'impact']);
    const x = study.networkRows.map((r) => r.means.shared_vision as number);
    const y = study.networkRows.map((r) => r.means.impact as number);
    expect(pair.p).toBe(permutationTest(x, y).p);
    expect(pair.r).toBeCloseTo(0.87, 2);
  });

  it('leave one network out shows Meses carrying the exception of monitoring and impact', () => {
    expect(leaveOneNetworkOut(study.networkRows, 'monitoring', 'impact').result.mostInfluential.dropped).toBe('Meses');
  });

  it('finds no substantial cluster structure, the same on every run', () => {
    const vars = ['persons_turnover', 'org_turnover', 'trust', 'shared_vision', 'topic_overlap', 'network_overlap', 'decision_making', 'impact', 'affectivity', 'monitoring', 'effectiveness', 'effect_education'];
    const a = clusterNetworks(study.networkRows, vars, { randomSets: 50 });
    const b = clusterNetworks(study.networkRows, vars, { randomSets: 50 });
    expect(a.best.averageWidth).toBeLessThanOrEqual(0.25);
    expect(a.reading).toBe('no substantial structure');
    expect(a.randomBest).toBe(b.randomBest);
    expect(a.silhouettes.map((s) => s.k)).toEqual([2, 3, 4, 5]);
  });
});

describe('the study definition in the notebooks', () => {
  const other = openStudy({ dataDir: writeOtherStudy(tempDir('dv-nb-helpers-'), 12), lang: 'en' });
  const figureNames = (s: typeof study) =>
    reportFigures({ instrument: s.instrument, survey: s.survey, networks: s.networks ?? undefined, study: s.definition }, { lang: s.lang, synthetic: s.synthetic });

  it('numbers each figure as reportFigures (npm run figures) names it, on the report\'s study and on another', () => {
    for (const s of [study, other]) {
      const { figures, skipped } = figureNames(s);
      const named = new Map([...figures.map((f) => f.name), ...skipped.map((x) => x.name)].map((n) => [n.replace(/^fig\d+-/, ''), Number(/^fig(\d+)/.exec(n)![1])]));
      const keys = ['motivation', 'boundaries', 'years', 'overlap', 'response', ...s.definition.patterns.map((p) => `patterns-${p.id}`)] as const;
      for (const key of keys) expect(figureNumber(s, key as Parameters<typeof figureNumber>[1]), key).toBe(named.get(key));
      expect(figureNumber(s, 'portrait')).toBe(1);
    }
    expect(figureNumber(study, 'patterns-boundaries')).toBe(15);
    expect(() => figureNumber(other, 'patterns-impact')).toThrow(/no figure "patterns-impact"/);
  });

  it('says why a variable is absent, and skips a pattern figure the study does not define in one line', () => {
    expect(whyAbsent(study, 'years')).toBeNull();
    expect(whyAbsent(other, 'years')).toBe('no networks.csv in the data folder, which gives the years');
    expect(whyAbsent(other, 'impact')).toBe('the codebook has no "impact"');
    expect(whyAbsent(other, 'members')).toBeNull();
    expect(skipLine(other, 'the years figure', ['years'])).toBe('Skipped the years figure: no networks.csv in the data folder, which gives the years.');
    expect(studyPattern(other, 'decisions', 2)).toBeNull();
    expect(patternSkipLine(other, 'decisions', 2)).toBe('Skipped the pattern figure "decisions": the study defines 2 pattern figures and none with id "decisions" (study.json "patterns").');
    expect(studyPattern(other, 'impact', 1)).toMatchObject({ id: 'effect', variables: ['c_effectiveness', 'c_shared_vision', 'c_trust'] });
    expect(patternSkipLine(study, 'impact', 1)).toBeNull();
  });

  it('gives the scale scores as an Arquero table whose group means are networkSummary\'s', () => {
    const scores = scoreTable(study);
    expect(scores.numRows()).toBe(study.survey.length);
    expect(scores.columnNames().slice(0, 3)).toEqual(['respondent_id', 'network', 'persons_turnover']);
    const means = scores.groupby('network').rollup({ impact: op.mean('impact') }).objects() as Array<{ network: string; impact: number }>;
    const summary = networkSummary(study.survey, study.instrument, { networks: study.networks ?? undefined, constructs: ['impact'] });
    for (const s of summary) expect(means.find((m) => m.network === s.network)!.impact).toBeCloseTo(s.scores[0].mean!, 12);
    expect(figureCaption(other, 'motivation')).toBe('Motivation for taking part');
    expect(figureCaption(study, 'motivation')).toBe(study.definition.captions.motivation?.nl);
  });
});
