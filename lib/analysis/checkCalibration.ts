/**
 * Checks the synthetic default data against every number and ordering of the
 * report they were calibrated to (data/PROVENANCE.md, sections 1-6). Used by
 * `npm run reproduce` (printed) and by tests/data/targets.test.ts (asserted).
 *
 * Each check is a row: what the report says, where, what was expected, what
 * the data give, and whether it passes. On a researcher's own data the same
 * function tells which of the report's statements their data share, but the
 * totals and bands are those of the report's networks, so `reproduce` only
 * runs it on the shipped data.
 */
import { Instrument } from '../io/instrument';
import { NETWORKS, TOTALS, PORTRAIT_TARGETS, MOTIVATION_MEANS, OTHER_NETWORKS } from '../data/calibration';
import { networkMeans } from './networkMeans';
import { SurveyRow } from './scaleScores';
import { correlate, icc, reliability } from '../stats';
import { leastSquares } from '../stats/internal/moments';

export interface CalibrationCheck {
  id: string;
  /** Section (and figure) of the report. */
  section: string;
  claim: string;
  expected: string;
  observed: string;
  pass: boolean;
}

export interface CalibrationInput {
  instrument: Instrument;
  survey: readonly SurveyRow[];
  networks: readonly SurveyRow[];
  pilot?: readonly SurveyRow[];
}

const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));

export function checkCalibration(input: CalibrationInput): CalibrationCheck[] {
  const { instrument, survey, networks } = input;
  const checks: CalibrationCheck[] = [];
  const add = (c: CalibrationCheck) => checks.push(c);

  // 1. Totals (5.3, 5.4)
  const responded = survey.filter((r) => r.response_status === 'complete' || r.response_status === 'partial');
  const complete = survey.filter((r) => r.response_status === 'complete');
  for (const [id, label, n, expected] of [
    ['totals.approached', 'members approached', survey.length, TOTALS.approached],
    ['totals.responded', 'responses', responded.length, TOTALS.responded],
    ['totals.complete', 'complete questionnaires', complete.length, TOTALS.complete],
  ] as const) {
    add({ id, section: '5.3-5.4', claim: `${TOTALS[id.split('.')[1] as keyof typeof TOTALS]} ${label}`, expected: String(expected), observed: String(n), pass: n === expected });
  }
  if (input.pilot) {
    add({ id: 'totals.pilot', section: '5.3', claim: '81 pilot respondents', expected: '81', observed: String(input.pilot.length), pass: input.pilot.length === TOTALS.pilot });
  }

  // 2. Response per network (Figure 18) and sizes inside the report's bands (chapter 2)
  for (const n of NETWORKS) {
    const rows = survey.filter((r) => r.network === n.network);
    const resp = rows.filter((r) => r.response_status === 'complete' || r.response_status === 'partial').length;
    const pct = rows.length > 0 ? (100 * resp) / rows.length : NaN;
    add({
      id: `response.${n.network}`,
      section: '5.3, Figure 18',
      claim: `${n.network} (letter ${n.fig18Letter}) response ${n.fig18Percent}%`,
      expected: `${n.fig18Percent}%`,
      observed: `${resp}/${rows.length} = ${fmt(pct, 1)}%`,
      pass: Math.round(pct) === n.fig18Percent,
    });
    const row = networks.find((r) => r.network === n.network);
    const boards = row ? Number(row.school_boards) : NaN;
    const [lo, hi] = boardBand(n.schoolBoardsBand);
    add({
      id: `size.${n.network}`,
      section: n.section,
      claim: `${n.network}: ${n.schoolBoardsBand} school boards; members = rows in the survey`,
      expected: `${lo}-${hi === Infinity ? '' : hi} boards, ${n.approached} members`,
      observed: `${boards} boards, ${rows.length} members (networks.csv: ${row?.members ?? 'n/a'})`,
      pass: boards >= lo && boards <= hi && rows.length === Number(row?.members),
    });
  }

  // 3. Portrait bands (Figures 1-10)
  const means = networkMeans(survey, instrument);
  const m = (network: string, construct: string) => means.get(network)?.[construct] ?? null;
  for (const t of PORTRAIT_TARGETS) {
    const v = m(t.network, t.construct);
    add({
      id: `band.${t.network}.${t.construct}`,
      section: t.source,
      claim: `${t.network} ${t.construct} "${t.reportBand}"${t.conflict ? ` (conflict ${t.conflict})` : ''}`,
      expected: `mean in [${t.band[0]}, ${t.band[1]}]`,
      observed: fmt(v),
      pass: v !== null && v >= t.band[0] && v <= t.band[1],
    });
  }

  // 4. Orderings and patterns across networks (chapters 3-4)
  const names = NETWORKS.map((n) => n.network);
  const col = (construct: string) => names.map((nw) => m(nw, construct) ?? NaN);
  const order = (construct: string) => [...names].sort((a, b) => (m(b, construct) ?? -Infinity) - (m(a, construct) ?? -Infinity));
  const rho = (x: number[], y: number[]) => correlate(x, y, { method: 'spearman' }).r;
  const r = (x: number[], y: number[]) => correlate(x, y, { method: 'pearson' }).r;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const impact = col('impact');

  const topic = order('topic_overlap');
  add({ id: 'order.topic_overlap', section: '3.6, Figure 14', claim: 'topic overlap highest by far in Meses; much less in Lips and Notos', expected: 'Meses first; Lips, Notos last two', observed: `first ${topic[0]}; last two ${topic.slice(-2).join(', ')}`, pass: topic[0] === 'Meses' && same(topic.slice(-2), ['Lips', 'Notos']) });
  const imp = order('impact');
  add({ id: 'order.impact', section: '4.1, Figure 16', claim: 'impact lowest in Lips and Notos (Notos lowest of all), highest in Apeliotes, Erus, Meses', expected: 'top three Apeliotes, Erus, Meses; last two Lips, Notos; Notos last', observed: `top three ${imp.slice(0, 3).join(', ')}; last two ${imp.slice(-2).join(', ')}`, pass: same(imp.slice(0, 3), ['Apeliotes', 'Erus', 'Meses']) && same(imp.slice(-2), ['Lips', 'Notos']) && imp[9] === 'Notos' });
  const trust = order('trust');
  add({ id: 'order.trust', section: '4.1, Figure 16 (conflict 3)', claim: 'Notos has the highest trust of all networks', expected: 'Notos first', observed: `${trust[0]} first (${fmt(m(trust[0], 'trust'))})`, pass: trust[0] === 'Notos' });
  const rSv = rho(col('shared_vision'), impact);
  const rAff = rho(col('affectivity'), impact);
  const rTrust = rho(col('trust'), impact);
  add({ id: 'pattern.vision_affectivity', section: '4.1, Figure 16', claim: 'shared vision and affectivity go with higher impact, shared vision more so', expected: 'rho(vision, impact) > rho(affectivity, impact) > 0', observed: `${fmt(rSv)} and ${fmt(rAff)}`, pass: rSv > rAff && rAff > 0 });
  add({ id: 'pattern.trust', section: '4.1, Figure 16', claim: 'trust goes rather with lower impact', expected: 'rho(trust, impact) < 0', observed: fmt(rTrust), pass: rTrust < 0 });
  for (const other of ['effectiveness', 'effect_education']) {
    const y = col(other);
    const sv = rho(col('shared_vision'), y);
    const tr = rho(col('trust'), y);
    add({ id: `pattern.${other}`, section: '4.1', claim: `${other} shows the same patterns as impact, less clearly`, expected: `rho with vision > 0 but < ${fmt(rSv)}; rho with trust < 0`, observed: `vision ${fmt(sv)}, trust ${fmt(tr)}`, pass: sv > 0 && sv < rSv && tr < 0 });
  }
  const sizes = names.map((nw) => Number(networks.find((x) => x.network === nw)?.members));
  const rSize = rho(sizes, impact);
  add({ id: 'pattern.size', section: '4.1, Figure 16', claim: 'network size shows no direct relation with impact', expected: 'abs(rho(members, impact)) < .30', observed: fmt(rSize), pass: Math.abs(rSize) < 0.3 });
  const rMon = rho(col('monitoring'), impact);
  const rDm = rho(col('decision_making'), impact);
  add({ id: 'pattern.monitoring_vs_decisions', section: '4.1, Figure 17', claim: 'impact goes with monitoring compliance more than with taking decisions', expected: 'rho(monitoring, impact) > rho(decision making, impact)', observed: `${fmt(rMon)} vs ${fmt(rDm)}`, pass: rMon > rDm });
  {
    const others = names.filter((nw) => nw !== 'Meses');
    const x = others.map((nw) => m(nw, 'impact')!);
    const y = others.map((nw) => m(nw, 'monitoring')!);
    const rr = r(x, y);
    const fit = leastSquares(x, y);
    const resid = (nw: string) => m(nw, 'monitoring')! - (fit.a + fit.b * m(nw, 'impact')!);
    const meses = resid('Meses');
    const worst = Math.max(...others.map((nw) => Math.abs(resid(nw))));
    add({ id: 'pattern.monitoring_except_meses', section: '4.1, Figure 17', claim: 'monitoring goes with impact for every network except Meses', expected: 'r without Meses > .80; Meses furthest below that line', observed: `r = ${fmt(rr)}; Meses residual ${fmt(meses)}, largest other ${fmt(worst)}`, pass: rr > 0.8 && meses < 0 && -meses > worst });
  }
  const years = names.map((nw) => Number(networks.find((x) => x.network === nw)?.years));
  const rYears = rho(years, impact);
  add({ id: 'pattern.years', section: '4.1, Figure 17 (conflict 4)', claim: 'no pattern between impact and the years a network exists', expected: 'abs(rho(years, impact)) < .30', observed: fmt(rYears), pass: Math.abs(rYears) < 0.3 });

  // Boundaries (3.2, 4.1)
  const bnd = ['bnd_administrative', 'bnd_reputation', 'bnd_sociocultural', 'bnd_natural'];
  const ranked = (nw: string) => [...bnd].sort((a, b) => m(nw, b)! - m(nw, a)!);
  const adminFirst = names.filter((nw) => ranked(nw)[0] === 'bnd_administrative');
  add({ id: 'boundary.administrative_leads', section: '3.2, Figure 12', claim: 'administrative divisions bound every network mainly, except Erus', expected: 'first in the nine networks other than Erus', observed: `first in ${adminFirst.length}: not in ${names.filter((nw) => !adminFirst.includes(nw)).join(', ')}`, pass: adminFirst.length === 9 && !adminFirst.includes('Erus') });
  add({ id: 'boundary.erus', section: '3.2, Figure 12', claim: 'Erus: socio-cultural first, reputation second, administrative third', expected: 'sociocultural > reputation > administrative > natural', observed: ranked('Erus').map((c) => c.replace('bnd_', '')).join(' > '), pass: ranked('Erus').join() === ['bnd_sociocultural', 'bnd_reputation', 'bnd_administrative', 'bnd_natural'].join() });
  add({ id: 'boundary.apeliotes', section: '3.2, Figure 12', claim: 'Apeliotes: socio-cultural lines second, after administrative divisions', expected: 'administrative > sociocultural > others', observed: ranked('Apeliotes').map((c) => c.replace('bnd_', '')).join(' > '), pass: ranked('Apeliotes')[0] === 'bnd_administrative' && ranked('Apeliotes')[1] === 'bnd_sociocultural' });
  const natural = order('bnd_natural');
  add({ id: 'boundary.natural', section: '3.2, Figure 12', claim: 'natural borders also play a role in Apeliotes and Thrascias', expected: 'Apeliotes and Thrascias highest on natural borders', observed: `highest two: ${natural.slice(0, 2).join(', ')}`, pass: same(natural.slice(0, 2), ['Apeliotes', 'Thrascias']) });
  const rAdmRep = r(col('bnd_administrative'), col('bnd_reputation'));
  add({ id: 'boundary.admin_reputation', section: '4.1, Figure 15', claim: 'a very weak negative pattern between administrative divisions and reputation', expected: '-.50 < r < 0', observed: fmt(rAdmRep), pass: rAdmRep > -0.5 && rAdmRep < 0 });

  // Other networks (chapter 2 ranges; 3.6, Figure 14)
  const counts = (nw: string) =>
    complete.filter((row) => row.network === nw).map((row) => row.other_networks).filter((v): v is number => typeof v === 'number');
  const countMean = (nw: string) => {
    const c = counts(nw);
    return c.reduce((a, b) => a + b, 0) / c.length;
  };
  const byCount = [...names].sort((a, b) => countMean(b) - countMean(a));
  const middle = names.filter((nw) => !['Notos', 'Zephyrus', 'Argestes'].includes(nw));
  add({ id: 'other_networks.order', section: '3.6, Figure 14', claim: 'most meet in about 7 other networks, Notos about 8, Zephyrus and Argestes about 5', expected: 'Notos highest; Zephyrus, Argestes lowest two; the others 6-8', observed: `highest ${byCount[0]} (${fmt(countMean(byCount[0]), 1)}); lowest ${byCount.slice(-2).join(', ')}; others ${fmt(Math.min(...middle.map(countMean)), 1)}-${fmt(Math.max(...middle.map(countMean)), 1)}`, pass: byCount[0] === 'Notos' && same(byCount.slice(-2), ['Zephyrus', 'Argestes']) && middle.every((nw) => countMean(nw) >= 6 && countMean(nw) <= 8) });
  const outside = names.flatMap((nw) => counts(nw).filter((v) => v < OTHER_NETWORKS[nw].range[0] || v > OTHER_NETWORKS[nw].range[1]).map((v) => `${nw}: ${v}`));
  add({ id: 'other_networks.ranges', section: '2.1-2.10', claim: 'answers inside each portrait range ("meets in 6-9 other networks")', expected: 'no answer outside its network range', observed: outside.length === 0 ? 'none outside' : outside.slice(0, 5).join('; '), pass: outside.length === 0 });

  // Motivation (3.1, Figure 11)
  const motivationMeans = Object.keys(MOTIVATION_MEANS).map((id) => {
    const v = responded.map((row) => row[id]).filter((x): x is number => typeof x === 'number');
    return { id, mean: v.reduce((a, b) => a + b, 0) / v.length };
  });
  const mot = [...motivationMeans].sort((a, b) => b.mean - a.mean).map((x) => x.id);
  add({ id: 'motivation.top', section: '3.1, Figure 11', claim: 'most important: cannot solve it alone, extra resources, cross-sector issue (in that order)', expected: 'motivation_1, motivation_2, motivation_3', observed: mot.slice(0, 3).join(', '), pass: mot.slice(0, 3).join() === 'motivation_1,motivation_2,motivation_3' });
  add({ id: 'motivation.bottom', section: '3.1, Figure 11', claim: 'hardly a role: prevent government intervention, mandatory membership, government cannot solve it', expected: 'motivation_9, 10, 11 lowest three', observed: mot.slice(-3).join(', '), pass: same(mot.slice(-3), ['motivation_9', 'motivation_10', 'motivation_11']) });

  // Agreement within networks (5.4)
  // Targets: every item answered on a 1-5 rating scale (the 16 scales and the
  // 11 motivation reasons); raters: the complete respondents. An item with a
  // "weet niet" from one of them is left out (listwise over targets).
  const scaleItems = instrument.constructs
    .filter((c) => instrument.responseScales[c.responseScale].type === 'ordinal')
    .flatMap((c) => c.items.filter((i) => i.final).map((i) => ({ i, scale: instrument.responseScales[c.responseScale] })));
  for (const nw of names) {
    const raters = complete.filter((row) => row.network === nw);
    const matrix = scaleItems.map(({ i, scale }) => raters.map((row) => (typeof row[i.id] === 'number' ? (i.reverse ? scale.min + scale.max - (row[i.id] as number) : (row[i.id] as number)) : null)));
    const result = icc(matrix, { missing: 'listwise' });
    const row = result.table.find((x) => x.type === 'ICC2k')!;
    add({ id: `icc.${nw}`, section: '5.4', claim: `${nw}: ICC two-way, absolute agreement, average measures > .90`, expected: '> .90', observed: `${fmt(row.icc, 3)} [${fmt(row.lower, 3)}, ${fmt(row.upper, 3)}], ${raters.length} raters x ${result.anova.n} items`, pass: row.icc > 0.9 });
  }

  // Pilot (5.3)
  if (input.pilot) {
    let failingBefore = 0;
    const failingNames: string[] = [];
    for (const c of instrument.constructs.filter((k) => k.kind === 'scale')) {
      const scale = instrument.responseScales[c.responseScale];
      const run = (items: typeof c.items) =>
        reliability(
          input.pilot!.map((row) => items.map((i) => (typeof row[i.id] === 'number' ? (row[i.id] as number) : null))),
          { missing: 'listwise', reverse: items.map((i) => i.reverse), min: scale.min, max: scale.max, names: items.map((i) => i.id) },
        );
      const after = run(c.items.filter((i) => i.final));
      add({ id: `pilot.${c.id}`, section: '5.3', claim: `${c.id}: after reduction alpha > .80 and mean inter-item r > .30`, expected: 'alpha > .80, r > .30', observed: `alpha ${fmt(after.alpha)}, r ${fmt(after.averageR)}`, pass: after.alpha > 0.8 && after.averageR > 0.3 });
      if (c.items.some((i) => !i.final)) {
        const before = run(c.items);
        if (!(before.alpha > 0.8 && before.averageR > 0.3)) {
          failingBefore++;
          failingNames.push(`${c.id} (alpha ${fmt(before.alpha)}, r ${fmt(before.averageR)})`);
        }
      }
    }
    add({ id: 'pilot.before', section: '5.3', claim: 'before reduction some scales miss the criteria, so the reduction has decisions to make', expected: 'at least 3 scales miss alpha > .80 or r > .30 on the whole pool', observed: `${failingBefore}: ${failingNames.join('; ')}`, pass: failingBefore >= 3 });
  }
  return checks;
}

function boardBand(words: string): [number, number] {
  const over = /^>\s*(\d+)/.exec(words);
  if (over) return [Number(over[1]) + 1, Infinity];
  const m = /^(\d+)-(\d+)/.exec(words);
  if (!m) throw new Error(`Cannot read the board band "${words}"`);
  return [Number(m[1]), Number(m[2])];
}


