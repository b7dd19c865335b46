/**
 * Notebook 10, the interviews: the code matrix, which coder pair to send
 * back, Cohen's kappa by hand for one theme, where segment agreement jumps,
 * and which level of agreement to report (defended).
 */
import { codeMatrix } from '../../qual/analysis/codeMatrix';
import { presenceAgreement } from '../../qual/agreement/presenceAgreement';
import { segmentAgreement } from '../../qual/agreement/segmentAgreement';
import { asChoice, asNumber, asRecord, asText, asTextList, bi, fmt, near, part, reasonPart, right, sameSet, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { argmax, argmin } from './common';

export const KAPPA_THEME = 'Vertrouwen als bindmiddel';
export const OVERLAPS = [90, 80, 70, 60, 50] as const;

/** The presence agreement per paragraph on themes, for a pair of coders. */
export const paragraphAgreement = (ctx: TeachingContext, coders?: string[]) => presenceAgreement(ctx.interviews(), { unit: 'paragraph', level: 'theme', coders, bootstrap: 0 });

export function coderPairs(ctx: TeachingContext): string[][] {
  const coders = paragraphAgreement(ctx).coders;
  return coders.flatMap((a, i) => coders.slice(i + 1).map((b) => [a, b]));
}

export const EXERCISES_10: ExerciseDefinition[] = [
  {
    id: '10-1',
    title: bi('Het codeoverzicht lezen', 'Reading the code matrix'),
    prompt: bi('Welk thema komt in de meeste netwerken voor, en welk in de minste?', 'Which theme occurs in most networks, and which in fewest?'),
    answerForm: bi("`{ most: 'thema', fewest: 'thema' }` (de naam van het thema)", "`{ most: 'theme', fewest: 'theme' }` (the theme's name)"),
    hint: bi('`codeMatrix(project, { lang })`: `totals[i].networks` hoort bij `codes[i]`. Bij gelijke stand is elk van de gelijken goed.', '`codeMatrix(project, { lang })`: `totals[i].networks` belongs to `codes[i]`. On ties any of the tied is right.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['most', 'fewest'], bi('meeste en minste', 'most and fewest'));
      const m = codeMatrix(ctx.interviews(), { lang: ctx.study.lang });
      const find = (v: unknown) => {
        const t = asText(v, bi('een thema', 'a theme')).toLowerCase();
        return m.codes.findIndex((c) => [c.label, c.nl, c.en, c.id, c.path].some((s) => s.toLowerCase() === t));
      };
      const most = find(a.most);
      const fewest = find(a.fewest);
      const max = Math.max(...m.totals.map((t) => t.networks));
      const min = Math.min(...m.totals.map((t) => t.networks));
      const names = (n: number) => m.codes.filter((_, i) => m.totals[i].networks === n).map((c) => c.label).join(', ');
      if (most < 0 || fewest < 0) return [wrong(`Onbekend thema; thema's: ${m.codes.map((c) => c.label).join(', ')}.`, `Unknown theme; themes: ${m.codes.map((c) => c.label).join(', ')}.`)];
      const segMax = m.totals.indexOf(argmax(m.totals, (t) => t.segments));
      return [
        part(m.totals[most].networks === max, bi(`${m.codes[most].label}: in ${max} netwerken.`, `${m.codes[most].label}: in ${max} networks.`), bi(`${m.codes[most].label} komt in ${m.totals[most].networks} netwerken voor; in ${max}: ${names(max)}${most === segMax ? ' (jij nam het thema met de meeste *segmenten*; de vraag is in hoeveel netwerken)' : ''}.`, `${m.codes[most].label} occurs in ${m.totals[most].networks} networks; in ${max}: ${names(max)}${most === segMax ? ' (you took the theme with most *segments*; the question is in how many networks)' : ''}.`)),
        part(m.totals[fewest].networks === min, bi(`${m.codes[fewest].label}: in ${min} netwerken.`, `${m.codes[fewest].label}: in ${min} networks.`), bi(`${m.codes[fewest].label} komt in ${m.totals[fewest].networks} netwerken voor; in ${min}: ${names(min)}.`, `${m.codes[fewest].label} occurs in ${m.totals[fewest].networks} networks; in ${min}: ${names(min)}.`)),
      ];
    },
  },
  {
    id: '10-2',
    title: bi('Welk paar codeurs eerst?', 'Which pair of coders first?'),
    prompt: bi("Bereken de overeenstemming per alinea op thema's voor elk paar codeurs (`coders: ['A', 'C']`, ...). Welk paar heeft de laagste Krippendorffs alpha (overall)? Dat paar bespreek je eerst.", "Compute the agreement per paragraph on themes for each pair of coders (`coders: ['A', 'C']`, ...). Which pair has the lowest Krippendorff's alpha (overall)? That pair you discuss first."),
    answerForm: bi("twee codeurs, bijv. `['A', 'B']`", "two coders, e.g. `['A', 'B']`"),
    hint: bi("`presenceAgreement(project, { unit: 'paragraph', level: 'theme', coders: ['A', 'C'] }).overall.alpha.alpha`, voor elk paar.", "`presenceAgreement(project, { unit: 'paragraph', level: 'theme', coders: ['A', 'C'] }).overall.alpha.alpha`."),
    check(answer, ctx) {
      const pair = asTextList(answer, bi('twee codeurs', 'two coders')).map((c) => c.toUpperCase());
      const pairs = coderPairs(ctx).map((p) => ({ p, alpha: paragraphAgreement(ctx, p).overall.alpha.alpha ?? Infinity, percent: paragraphAgreement(ctx, p).overall.percent ?? Infinity }));
      const low = argmin(pairs, (x) => x.alpha);
      const given = pairs.find((x) => sameSet(x.p, pair));
      const all = pairs.map((x) => `${x.p.join('-')} ${fmt(x.alpha, 3)}`).join(', ');
      if (!given) return [wrong(`${pair.join('-')} is geen paar van codeurs van deze kalibratie (${all}).`, `${pair.join('-')} is not a pair of coders of this calibration (${all}).`)];
      return [part(given === low, bi(`${low.p.join('-')} heeft de laagste alpha (${all}).`, `${low.p.join('-')} has the lowest alpha (${all}).`), bi(`${given.p.join('-')} heeft alpha ${fmt(given.alpha, 3)}; de laagste is ${low.p.join('-')} (${all}).`, `${given.p.join('-')} has alpha ${fmt(given.alpha, 3)}; the lowest is ${low.p.join('-')} (${all}).`))];
    },
  },
  {
    id: '10-3',
    title: bi("Cohens kappa met de hand", "Cohen's kappa by hand"),
    prompt: bi(
      `Neem de codeurs A en B, per alinea, en het thema *${KAPPA_THEME}*. De 2x2-tabel staat in \`pairAB.perCode\` (\`table\`: both, first, second, neither). Bereken met de hand de geobserveerde overeenstemming po, de kansovereenstemming pe = p(A ja)·p(B ja) + p(A nee)·p(B nee), en kappa = (po − pe) / (1 − pe).`,
      `Take coders A and B, per paragraph, and the theme *${KAPPA_THEME}*. The 2x2 table is in \`pairAB.perCode\` (\`table\`: both, first, second, neither). Compute by hand the observed agreement po, the chance agreement pe = p(A yes)·p(B yes) + p(A no)·p(B no), and kappa = (po − pe) / (1 − pe).`,
    ),
    answerForm: bi('`{ po: getal, pe: getal, kappa: getal }`', '`{ po: number, pe: number, kappa: number }`'),
    hint: bi('po = (both + neither) / n. p(A ja) = (both + first) / n, p(B ja) = (both + second) / n.', 'po = (both + neither) / n. p(A yes) = (both + first) / n, p(B yes) = (both + second) / n.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['po', 'pe', 'kappa'], bi('po, pe en kappa', 'po, pe and kappa'));
      const po = asNumber(a.po, bi('po', 'po'));
      const pe = asNumber(a.pe, bi('pe', 'pe'));
      const kappa = asNumber(a.kappa, bi('kappa', 'kappa'));
      const code = paragraphAgreement(ctx, ['A', 'B']).perCode.find((c) => c.label === KAPPA_THEME || c.path === KAPPA_THEME || c.label.startsWith(KAPPA_THEME));
      if (!code || !code.table) return [wrong(`Het thema ${KAPPA_THEME} is niet door A en B vergeleken in deze data.`, `The theme ${KAPPA_THEME} was not compared by A and B in these data.`)];
      const t = code.table;
      const n = t.both + t.first + t.second + t.neither;
      const ePo = (t.both + t.neither) / n;
      const pa = (t.both + t.first) / n;
      const pb = (t.both + t.second) / n;
      const ePe = pa * pb + (1 - pa) * (1 - pb);
      const eK = (ePo - ePe) / (1 - ePe);
      const table = `both ${t.both}, first ${t.first}, second ${t.second}, neither ${t.neither}, n = ${n}`;
      const parts: FeedbackPart[] = [
        part(near(po, ePo, 0.003), bi(`po = (${t.both} + ${t.neither}) / ${n} = ${fmt(ePo, 3)}.`, `po = (${t.both} + ${t.neither}) / ${n} = ${fmt(ePo, 3)}.`), bi(`po is het aandeel alinea's waarin A en B het eens zijn (beide ja of beide nee): (${t.both} + ${t.neither}) / ${n} = ${fmt(ePo, 3)} (${table}).`, `po is the share of paragraphs where A and B agree (both yes or both no): (${t.both} + ${t.neither}) / ${n} = ${fmt(ePo, 3)} (${table}).`)),
        near(pe, 0.5, 0.003) && !near(ePe, 0.5, 0.003)
          ? wrong(`pe = .5 is de kans van Brennan & Prediger (1/q); Cohen neemt de kans uit de marges van beide codeurs: ${fmt(pa, 3)}·${fmt(pb, 3)} + ${fmt(1 - pa, 3)}·${fmt(1 - pb, 3)} = ${fmt(ePe, 3)}.`, `pe = .5 is Brennan & Prediger's chance (1/q); Cohen takes chance from both coders' margins: ${fmt(pa, 3)}·${fmt(pb, 3)} + ${fmt(1 - pa, 3)}·${fmt(1 - pb, 3)} = ${fmt(ePe, 3)}.`)
          : part(near(pe, ePe, 0.003), bi(`pe = ${fmt(pa, 3)}·${fmt(pb, 3)} + ${fmt(1 - pa, 3)}·${fmt(1 - pb, 3)} = ${fmt(ePe, 3)}: het thema is zeldzaam, dus "beide nee" is al vaak toeval.`, `pe = ${fmt(pa, 3)}·${fmt(pb, 3)} + ${fmt(1 - pa, 3)}·${fmt(1 - pb, 3)} = ${fmt(ePe, 3)}: the theme is rare, so "both no" is often chance already.`), bi(`pe = p(A ja)·p(B ja) + p(A nee)·p(B nee) = ${fmt(pa, 3)}·${fmt(pb, 3)} + ${fmt(1 - pa, 3)}·${fmt(1 - pb, 3)} = ${fmt(ePe, 3)}, niet ${fmt(pe, 3)}.`, `pe = p(A yes)·p(B yes) + p(A no)·p(B no) = ${fmt(pa, 3)}·${fmt(pb, 3)} + ${fmt(1 - pa, 3)}·${fmt(1 - pb, 3)} = ${fmt(ePe, 3)}, not ${fmt(pe, 3)}.`)),
        near(kappa, ePo, 0.003) && !near(ePo, eK, 0.003)
          ? wrong(`${fmt(kappa, 3)} is po, de ruwe overeenstemming; kappa corrigeert die voor toeval: (po − pe) / (1 − pe) = ${fmt(eK, 3)}.`, `${fmt(kappa, 3)} is po, the raw agreement; kappa corrects it for chance: (po − pe) / (1 − pe) = ${fmt(eK, 3)}.`)
          : part(near(kappa, eK, 0.003), bi(`kappa = (${fmt(ePo, 3)} − ${fmt(ePe, 3)}) / (1 − ${fmt(ePe, 3)}) = ${fmt(eK, 3)}${code.cohen?.kappa !== null && code.cohen ? `, gelijk aan cohenKappa (${fmt(code.cohen.kappa, 3)})` : ''}.`, `kappa = (${fmt(ePo, 3)} − ${fmt(ePe, 3)}) / (1 − ${fmt(ePe, 3)}) = ${fmt(eK, 3)}${code.cohen?.kappa !== null && code.cohen ? `, equal to cohenKappa (${fmt(code.cohen.kappa, 3)})` : ''}.`), bi(`kappa = (po − pe) / (1 − pe) = ${fmt(eK, 3)}, niet ${fmt(kappa, 3)}.`, `kappa = (po − pe) / (1 − pe) = ${fmt(eK, 3)}, not ${fmt(kappa, 3)}.`)),
      ];
      return parts;
    },
  },
  {
    id: '10-4',
    title: bi('Waar springt de segmentovereenstemming?', 'Where does segment agreement jump?'),
    prompt: bi('Verlaag `minOverlap` van `segmentAgreement` van 90 naar 50 in stappen van 10 (subcodes). Bij welke minimale overlap is de overeenstemming (overall percent) voor het eerst boven 50%?', 'Lower `minOverlap` of `segmentAgreement` from 90 to 50 in steps of 10 (subcodes). At which minimum overlap is the agreement (overall percent) above 50% for the first time?'),
    answerForm: bi('een van 90, 80, 70, 60, 50 (of `null` als het nooit gebeurt)', 'one of 90, 80, 70, 60, 50 (or `null` if it never happens)'),
    hint: bi('`segmentAgreement(project, { minOverlap: m }).overall.percent` voor m = 90, 80, ...', '`segmentAgreement(project, { minOverlap: m }).overall.percent` for m = 90, 80, ...'),
    check(answer, ctx) {
      const m = asNumber(answer, bi('een minimale overlap', 'a minimum overlap'));
      const series = OVERLAPS.map((o) => ({ o, percent: segmentAgreement(ctx.interviews(), { minOverlap: o }).overall.percent ?? 0 }));
      const first = series.find((s) => s.percent > 0.5);
      const text = series.map((s) => `${s.o}%: ${fmt(100 * s.percent, 0)}%`).join(', ');
      if (!first) return [wrong(`De overeenstemming komt nooit boven 50% (${text}).`, `Agreement never exceeds 50% (${text}).`)];
      return [part(m === first.o, bi(`Bij ${first.o}% overlap (${text}). Veel segmenten verschillen alleen in hun grenzen: de codeurs zien hetzelfde, maar knippen anders.`, `At ${first.o}% overlap (${text}). Many segments differ only in their boundaries: the coders see the same thing but cut differently.`), bi(`Voor het eerst boven 50% bij ${first.o}%, niet ${m} (${text}).`, `Above 50% for the first time at ${first.o}%, not ${m} (${text}).`))];
    },
  },
  {
    id: '10-5',
    title: bi('Welk niveau rapporteer je?', 'Which level do you report?'),
    prompt: bi(
      "Je schrijft: \"beide codeurs zien thema X in deze passage\". Welk niveau van overeenstemming rapporteer je daarbij: per document, per alinea of per segment? Verdedig je keuze met het aantal eenheden en wat het niveau meet.",
      'You write: "both coders see theme X in this passage". Which level of agreement do you report with it: per document, per paragraph or per segment? Defend your choice with the number of units and what the level measures.',
    ),
    answerForm: bi("`{ level: 'document' | 'paragraph' | 'segment', because: 'je argumenten' }`", "`{ level: 'document' | 'paragraph' | 'segment', because: 'your arguments' }`"),
    hint: bi("Vergelijk `units` van `presenceAgreement` per document en per alinea; de segmentvergelijking telt elke andere grens als onenigheid.", 'Compare `units` of `presenceAgreement` per document and per paragraph; the segment comparison counts every other boundary as a disagreement.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['level', 'because'], bi('niveau en onderbouwing', 'level and defence'));
      const level = asChoice(a.level, ['document', 'paragraph', 'segment'] as const, bi('een niveau', 'a level'));
      const docs = presenceAgreement(ctx.interviews(), { level: 'theme', bootstrap: 0 }).units;
      const paras = paragraphAgreement(ctx).units;
      const parts: FeedbackPart[] = [];
      if (level === 'paragraph') parts.push(right(`Per alinea: ${paras} eenheden per thema, en de eenheid is een passage, precies wat je bewering zegt.`, `Per paragraph: ${paras} units per theme, and the unit is a passage, exactly what your claim says.`));
      else if (level === 'document') parts.push(wrong(`Per document zijn er maar ${docs} eenheden per thema: te weinig voor een coëfficiënt, en een document is geen passage.`, `Per document there are only ${docs} units per theme: too few for a coefficient, and a document is not a passage.`));
      else parts.push(wrong('Per segment telt elke grens die één codeur een zin ruimer trok als onenigheid: dat past bij "de gecodeerde tekst is dezelfde", niet bij "beide zien het thema".', 'Per segment every boundary one coder drew a sentence wider counts as a disagreement: that fits "the coded text is the same", not "both see the theme".'));
      parts.push(reasonPart(a.because));
      return parts;
    },
  },
];
