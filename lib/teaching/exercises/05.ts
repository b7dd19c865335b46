/**
 * Notebook 05, comparing networks: motivation, the boundary dimensions,
 * the years in classes, and a correlation of two background variables.
 */
import { motivationSummary } from '../../analysis/motivationSummary';
import { correlationTable } from '../../analysis/networkLevel';
import { asNumber, asRecord, bi, fmt, near, part, right, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart } from '../types';
import { argmax, constructOf, nameOf, sd, valuesOf } from './common';

export const YEAR_CLASSES = ['0-5', '6-10', '>10'] as const;
export const yearClass = (y: number): (typeof YEAR_CLASSES)[number] => (y <= 5 ? '0-5' : y <= 10 ? '6-10' : '>10');

export const EXERCISES_05: ExerciseDefinition[] = [
  {
    id: '05-1',
    title: bi('De belangrijkste reden om mee te doen', 'The main reason to take part'),
    prompt: bi('Welke reden om deel te nemen (motivatie-item) krijgt over alle respondenten het hoogste gemiddelde?', 'Which reason to take part (motivation item) gets the highest mean over all respondents?'),
    answerForm: bi("het item-id, bijv. `'motivation_3'`", "the item id, e.g. `'motivation_3'`"),
    hint: bi('`motivationSummary(study.survey, study.instrument)`: de rijen met network null zijn het totaal.', '`motivationSummary(study.survey, study.instrument)`: the rows with network null are the total.'),
    check(answer, ctx) {
      const rows = motivationSummary(ctx.study.survey, ctx.study.instrument).filter((r) => r.network === null && r.mean !== null);
      const id = constructOf(answer, ctx, rows.map((r) => r.item));
      const top = argmax(rows, (r) => r.mean!);
      const given = rows.find((r) => r.item === id)!;
      return [part(given.mean === top.mean, bi(`${nameOf(ctx, id)}: gemiddeld ${fmt(given.mean)}, de hoogste.`, `${nameOf(ctx, id)}: mean ${fmt(given.mean)}, the highest.`), bi(`${nameOf(ctx, id)} heeft ${fmt(given.mean)}; de hoogste is ${nameOf(ctx, top.item)} met ${fmt(top.mean)}.`, `${nameOf(ctx, id)} has ${fmt(given.mean)}; the highest is ${nameOf(ctx, top.item)} with ${fmt(top.mean)}.`))];
    },
  },
  {
    id: '05-2',
    title: bi('Waar verschillen de netwerken het meest?', 'Where do the networks differ most?'),
    prompt: bi('Welke begrenzingsdimensie verschilt het meest *tussen* de netwerken? Vergelijk de standaarddeviatie van de netwerkgemiddelden van de vier dimensies.', 'Which boundary dimension differs most *between* the networks? Compare the standard deviation of the network means of the four dimensions.'),
    answerForm: bi('een construct-id uit `study.definition.boundaries`', 'a construct id from `study.definition.boundaries`'),
    hint: bi('Per dimensie: de tien waarden `study.networkRows[k].means[dimensie]`, en daarvan de SD. Niet de SD van de leden binnen een netwerk.', 'Per dimension: the ten values `study.networkRows[k].means[dimension]`, and their SD. Not the SD of the members within a network.'),
    check(answer, ctx) {
      const dims = ctx.study.definition.boundaries.filter((d) => valuesOf(ctx.study.networkRows, d).length >= 2);
      const id = constructOf(answer, ctx, dims);
      const spread = (d: string) => sd(valuesOf(ctx.study.networkRows, d).map((v) => v.value));
      const top = argmax(dims, spread);
      return [part(id === top, bi(`${nameOf(ctx, id)}: SD van de netwerkgemiddelden ${fmt(spread(id), 3)}, de grootste.`, `${nameOf(ctx, id)}: SD of the network means ${fmt(spread(id), 3)}, the largest.`), bi(`${nameOf(ctx, id)}: SD ${fmt(spread(id), 3)}; ${nameOf(ctx, top)}: ${fmt(spread(top), 3)}.`, `${nameOf(ctx, id)}: SD ${fmt(spread(id), 3)}; ${nameOf(ctx, top)}: ${fmt(spread(top), 3)}.`))];
    },
  },
  {
    id: '05-3',
    title: bi('Jaren in klassen', 'Years in classes'),
    prompt: bi("Figuur 13 deelt de netwerken in naar leeftijd. Tel hoeveel netwerken 0-5 jaar, 6-10 jaar en langer dan 10 jaar bestaan (volgens `years`).", 'Figure 13 classes the networks by age. Count how many networks exist 0-5 years, 6-10 years and longer than 10 years (by `years`).'),
    answerForm: bi("`{ '0-5': getal, '6-10': getal, '>10': getal }`", "`{ '0-5': number, '6-10': number, '>10': number }`"),
    hint: bi('`study.networkRows.map((r) => r.years)`; let op de grenzen: 5 hoort bij 0-5, 10 bij 6-10.', '`study.networkRows.map((r) => r.years)`; mind the bounds: 5 belongs to 0-5, 10 to 6-10.'),
    check(answer, ctx) {
      const a = asRecord(answer, [...YEAR_CLASSES], bi('de drie aantallen', 'the three counts'));
      const years = valuesOf(ctx.study.networkRows, 'years');
      if (years.length === 0) return [wrong('Deze studie heeft geen jaren (networks.csv zonder years).', 'This study has no years (networks.csv without years).')];
      const parts: FeedbackPart[] = [];
      for (const c of YEAR_CLASSES) {
        const n = asNumber(a[c], bi(c, c));
        const members = years.filter((y) => yearClass(y.value) === c);
        parts.push(part(n === members.length, bi(`${c}: ${members.length}.`, `${c}: ${members.length}.`), bi(`${c}: ${members.length} netwerken (${members.map((m) => `${m.network} ${m.value}`).join(', ') || 'geen'}), niet ${n}.`, `${c}: ${members.length} networks (${members.map((m) => `${m.network} ${m.value}`).join(', ') || 'none'}), not ${n}.`)));
      }
      return parts;
    },
  },
  {
    id: '05-4',
    title: bi('Oud en groot?', 'Old and large?'),
    prompt: bi('Zijn oudere netwerken groter? Geef Pearsons r tussen `years` en `members` over de netwerken, en de exacte permutatie-p.', 'Are older networks larger? Give Pearson r between `years` and `members` across the networks, and the exact permutation p.'),
    answerForm: bi('`{ r: getal, p: getal }`', '`{ r: number, p: number }`'),
    hint: bi("`correlationTable(study.networkRows, ['years', 'members'])`: kolommen r en p.", "`correlationTable(study.networkRows, ['years', 'members'])`."),
    check(answer, ctx) {
      const a = asRecord(answer, ['r', 'p'], bi('r en p', 'r and p'));
      const r = asNumber(a.r, bi('r', 'r'));
      const p = asNumber(a.p, bi('p', 'p'));
      if (valuesOf(ctx.study.networkRows, 'years').length < 3) return [wrong('Deze studie heeft geen jaren.', 'This study has no years.')];
      const c = correlationTable(ctx.study.networkRows, ['years', 'members'])[0];
      return [
        near(r, c.r, 0.006) ? right(`r = ${fmt(c.r)} over ${c.n} netwerken.`, `r = ${fmt(c.r)} over ${c.n} networks.`) : near(r, c.rho, 0.006) ? wrong(`${fmt(r)} is Spearmans rho; Pearsons r is ${fmt(c.r)}.`, `${fmt(r)} is Spearman's rho; Pearson's r is ${fmt(c.r)}.`) : wrong(`r is ${fmt(c.r)}, niet ${fmt(r)}.`, `r is ${fmt(c.r)}, not ${fmt(r)}.`),
        near(p, c.p, 0.006) ? right(`p = ${fmt(c.p, 3)} (permutatie): ${c.p < 0.05 ? 'een verband dat met N = 10 opvalt' : 'met N = 10 geen aantoonbaar verband'}.`, `p = ${fmt(c.p, 3)} (permutation): ${c.p < 0.05 ? 'a relation that stands out with N = 10' : 'with N = 10 no demonstrable relation'}.`) : near(p, c.pT, 0.006) ? wrong(`${fmt(p, 3)} is de p van de t-toets; gevraagd is de exacte permutatie-p (${fmt(c.p, 3)}).`, `${fmt(p, 3)} is the t test's p; asked is the exact permutation p (${fmt(c.p, 3)}).`) : wrong(`p is ${fmt(c.p, 3)}, niet ${fmt(p, 3)}.`, `p is ${fmt(c.p, 3)}, not ${fmt(p, 3)}.`),
      ];
    },
  },
];
