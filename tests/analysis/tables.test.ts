/**
 * Tables in, tables out (lib/analysis/tables.ts): the Arquero tables carry
 * the same numbers as scaleScores, networkSummary and evaluateFindings on the
 * shipped default data, an Arquero pipeline on the scores gives
 * networkSummary's means, and wrong input is a UserInputError that names
 * what was expected.
 */
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import * as path from 'node:path';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readNetworksCsv } from '../../lib/io/readNetworksCsv';
import { scaleScores } from '../../lib/analysis/scaleScores';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { networkTable } from '../../lib/analysis/networkTable';
import { evaluateFindings } from '../../lib/analysis/evaluateFindings';
import { describeByGroup } from '../../lib/stats';
import { scoreTableOf, groupSummaryTable, findingsTable } from '../../lib/analysis/tables';
import * as main from '../../lib/index';
import { UserInputError } from '../../lib/util/errors';

const op = aq.op;
const DATA = path.resolve(__dirname, '..', '..', 'data');
const instrument = readInstrument();
const networks = readNetworksCsv(path.join(DATA, 'networks.csv'));
const survey = readSurveyCsv(path.join(DATA, 'survey.csv'), { instrument, networks: networks.table.array('network') as string[] });
const rows = survey.table.objects() as Record<string, unknown>[];
const networkRows = networks.table.objects() as Record<string, unknown>[];
const scales = instrument.constructs.filter((c) => c.kind === 'scale').map((c) => c.id);

describe('scoreTableOf', () => {
  const scores = scoreTableOf(survey.table, instrument);

  it('has one row per respondent: respondent_id, network, one column per scale', () => {
    expect(scores.numRows()).toBe(rows.length);
    expect(scores.columnNames()).toEqual(['respondent_id', 'network', ...scales]);
    expect(scores.array('respondent_id')).toEqual(rows.map((r) => String(r.respondent_id)));
    expect(scores.array('network')).toEqual(rows.map((r) => String(r.network)));
  });

  it('holds the numbers of scaleScores, missing as null (Arquero table or rows in)', () => {
    const expected = scaleScores(rows, instrument);
    const fromRows = scoreTableOf(rows, instrument);
    for (const id of scales) {
      const want = expected.map((s) => s[id]);
      expect(Array.from(scores.array(id))).toEqual(want);
      expect(Array.from(fromRows.array(id))).toEqual(want);
    }
    // the shipped data have respondents without a score (partial questionnaires): they stay null, never NaN
    const nulls = scales.reduce((k, id) => k + Array.from(scores.array(id)).filter((v) => v === null).length, 0);
    expect(nulls).toBeGreaterThan(0);
    expect(scales.some((id) => Array.from(scores.array(id)).some((v) => typeof v === 'number' && Number.isNaN(v)))).toBe(false);
  });

  it('passes the options of scaleScores on (constructs, minAnswered)', () => {
    const t = scoreTableOf(rows, instrument, { constructs: ['trust'], minAnswered: 'half' });
    expect(t.columnNames()).toEqual(['respondent_id', 'network', 'trust']);
    expect(Array.from(t.array('trust'))).toEqual(scaleScores(rows, instrument, { constructs: ['trust'], minAnswered: 'half' }).map((s) => s.trust));
  });

  it('an Arquero pipeline on it gives networkSummary\'s means', () => {
    const rolled = scores.groupby('network').rollup({ m: op.mean('trust'), n: op.valid('trust') }).objects() as Array<{ network: string; m: number; n: number }>;
    const summary = networkSummary(rows, instrument, { networks: networkRows, constructs: ['trust'] });
    expect(rolled.length).toBe(summary.length);
    for (const s of summary) {
      const r = rolled.find((x) => x.network === s.network)!;
      expect(r.n).toBe(s.scores[0].n);
      expect(r.m).toBeCloseTo(s.scores[0].mean!, 12);
    }
    // and a join of two pipelines keeps one row per network
    const sizes = aq.from(networkRows).select('network', 'members');
    expect(scores.groupby('network').rollup({ trust: op.mean('trust') }).join(sizes, 'network').numRows()).toBe(networkRows.length);
  });

  it('keeps a respondent without id or network as null, and takes another group column', () => {
    const t = scoreTableOf([{ school: 'A', trust_1: 4, trust_2: 5, trust_3: 3, trust_4: 4 }, { school: null, trust_1: 1, trust_2: 1, trust_3: 1, trust_4: 1 }], instrument, { constructs: ['trust'], group: 'school' });
    expect(t.objects()).toEqual([
      { respondent_id: null, school: 'A', trust: 4 },
      { respondent_id: null, school: null, trust: 1 },
    ]);
  });

  it('refuses wrong input with a UserInputError that names what was expected', () => {
    expect(() => scoreTableOf('survey.csv' as never, instrument)).toThrow(UserInputError);
    expect(() => scoreTableOf('survey.csv' as never, instrument)).toThrow(/expected the survey as an Arquero table \(survey.table\) or an array of row objects; got string "survey.csv"/);
    expect(() => scoreTableOf([1, 2] as never, instrument)).toThrow(/row 1 is number 1; expected the survey/);
    expect(() => scoreTableOf(rows, undefined as never)).toThrow(/expected the codebook \(readInstrument\(\)\) as the second argument; got undefined/);
    expect(() => scoreTableOf(rows, instrument, { group: 'netwerk' })).toThrow(/the survey has no column "netwerk" \(the group\); expected one of its columns/);
    expect(() => scoreTableOf(survey.table, instrument, { constructs: ['motivation'] })).toThrow(UserInputError);
  });
});

describe('groupSummaryTable', () => {
  const summary = networkSummary(rows, instrument, { networks: networkRows });
  const table = groupSummaryTable(summary);

  it('is tidy: one row per network x construct, in networkSummary\'s order, with its numbers', () => {
    expect(table.columnNames()).toEqual(['network', 'construct', 'n', 'mean', 'sd', 'se', 'lower', 'upper']);
    const expected = summary.flatMap((s) => s.scores.map((x) => ({ network: s.network, construct: x.construct, n: x.n, mean: x.mean, se: x.se, lower: x.lower, upper: x.upper })));
    expect(table.numRows()).toBe(expected.length);
    expect(table.numRows()).toBe(networkRows.length * summary[0].scores.length);
    expect(table.select('network', 'construct', 'n', 'mean', 'se', 'lower', 'upper').objects()).toEqual(expected);
  });

  it('gives the sd of describeByGroup (se x sqrt(n))', () => {
    const constructs = summary[0].scores.map((x) => x.construct);
    const scored = scaleScores(rows, instrument, { constructs }).map((s, k) => ({ network: String(rows[k].network), ...s }));
    const described = describeByGroup(scored, 'network', constructs);
    for (const d of table.objects() as Array<{ network: string; construct: string; sd: number | null }>) {
      const want = described.find((x) => x.group === d.network && x.variable === d.construct)!;
      if (want.sd === null) expect(d.sd).toBeNull();
      else expect(d.sd).toBeCloseTo(want.sd, 12);
    }
  });

  it('reads as a pipeline: pivot to one row per network, the means of networkSummary', () => {
    const wide = table.groupby('network').pivot('construct', 'mean').objects() as Array<Record<string, number>>;
    for (const s of summary) {
      const w = wide.find((r) => r.network === (s.network as unknown))!;
      for (const x of s.scores) expect(w[x.construct]).toBe(x.mean);
    }
  });

  it('refuses wrong input with a UserInputError that names what was expected', () => {
    expect(() => groupSummaryTable(undefined as never)).toThrow(UserInputError);
    expect(() => groupSummaryTable(undefined as never)).toThrow(/expected the result of networkSummary\(rows, instrument\).*; got undefined/);
    expect(() => groupSummaryTable(rows as never)).toThrow(/row 1 has the keys .*; expected the result of networkSummary/);
    expect(() => groupSummaryTable(survey.table as never)).toThrow(/row 1 has the keys respondent_id/);
  });
});

describe('findingsTable', () => {
  const results = evaluateFindings(networkTable(rows, instrument, { networks: networkRows }), { iterations: 500 });
  const table = findingsTable(results);

  it('has one row per claim with the numbers of evaluateFindings', () => {
    expect(table.columnNames()).toEqual(['id', 'x', 'y', 'method', 'n', 'r', 'rho', 'p', 'pMethod', 'ci_lower', 'ci_upper', 'verdict']);
    expect(table.objects()).toEqual(
      results.map((f) => ({ id: f.id, x: f.x, y: f.y, method: f.method, n: f.n, r: f.r, rho: f.rho, p: f.p, pMethod: f.pMethod, ci_lower: f.ci?.lower ?? null, ci_upper: f.ci?.upper ?? null, verdict: f.verdict })),
    );
    expect(table.numRows()).toBeGreaterThan(5);
    expect(new Set(table.array('pMethod'))).toEqual(new Set(['exact']));
  });

  it('reads as a pipeline: counts by verdict equal the results\'', () => {
    const counts = table.groupby('verdict').count().objects() as Array<{ verdict: string; count: number }>;
    for (const c of counts) expect(c.count).toBe(results.filter((f) => f.verdict === c.verdict).length);
    expect(counts.reduce((k, c) => k + c.count, 0)).toBe(results.length);
  });

  it('refuses wrong input with a UserInputError that names what was expected', () => {
    expect(() => findingsTable({} as never)).toThrow(UserInputError);
    expect(() => findingsTable({} as never)).toThrow(/expected the result of evaluateFindings\(table\).*; got an object that is neither an Arquero table nor an array/);
    expect(() => findingsTable(networkTable(rows, instrument) as never)).toThrow(/findingsTable\(results\): row 1 has the keys network.*; expected the result of evaluateFindings/);
  });
});

describe('the main entry', () => {
  it('exports the table functions', () => {
    expect(main.scoreTableOf).toBe(scoreTableOf);
    expect(main.groupSummaryTable).toBe(groupSummaryTable);
    expect(main.findingsTable).toBe(findingsTable);
  });
});
