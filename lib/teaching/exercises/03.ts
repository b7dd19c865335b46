/**
 * Notebook 03, agreement and aggregation: reading the ICC table, a band by
 * hand, Spearman-Brown, choosing the band rule for your own data and
 * defending it, and which network means are least reliable.
 */
import { iccByNetwork, aggregationByConstruct } from '../../analysis/agreementByNetwork';
import { scaleScores } from '../../analysis/scaleScores';
import { describe } from '../../stats/descriptives/describe';
import { asChoice, asNumber, asRecord, bi, fmt, near, part, reasonPart, right, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { argmax, argmin, constructOf, networkNames, OWN_DATA_DIR, requireOwnStudy } from './common';

/** One network's scores on a construct (respondents with a score). */
export function networkScores(ctx: TeachingContext, network: string, construct: string): number[] {
  const scores = scaleScores(ctx.study.survey, ctx.study.instrument);
  return scores.flatMap((s, k) => (ctx.study.survey[k].network === network && typeof s[construct] === 'number' ? [s[construct] as number] : []));
}

export const EXERCISES_03: ExerciseDefinition[] = [
  {
    id: '03-1',
    title: bi('De ICC-tabel lezen', 'Reading the ICC table'),
    prompt: bi('Welk netwerk heeft de laagste ICC(A,k), en wat is de ondergrens van zijn 95%-interval?', 'Which network has the lowest ICC(A,k), and what is the lower bound of its 95% interval?'),
    answerForm: bi('`{ network: naam, lower: getal }`', '`{ network: name, lower: number }`'),
    hint: bi('`iccTable(iccByNetwork(...))`: de kolommen van de vorm van het rapport (ICC(A,k)) en zijn interval.', "`iccTable(iccByNetwork(...))`: the columns of the report's form (ICC(A,k)) and its interval."),
    check(answer, ctx) {
      const a = asRecord(answer, ['network', 'lower'], bi('netwerk en ondergrens', 'network and lower bound'));
      const iccs = iccByNetwork(ctx.study.survey, ctx.study.instrument, networkNames(ctx));
      const given = iccs.find((r) => r.network.toLowerCase() === String(a.network).trim().toLowerCase());
      const lower = asNumber(a.lower, bi('lower', 'lower'));
      const low = argmin(iccs, (r) => r.icc);
      if (!given) return [wrong(`"${String(a.network)}" staat niet in de ICC-tabel (${iccs.map((r) => r.network).join(', ')}).`, `"${String(a.network)}" is not in the ICC table (${iccs.map((r) => r.network).join(', ')}).`)];
      const parts: FeedbackPart[] = [];
      if (given.network === low.network) parts.push(right(`${given.network}: ICC(A,k) = ${fmt(given.icc, 3)}, de laagste.`, `${given.network}: ICC(A,k) = ${fmt(given.icc, 3)}, the lowest.`));
      else if (given.single === Math.min(...iccs.map((r) => r.single))) parts.push(wrong(`${given.network} heeft de laagste ICC(A,1) (één lid); de vraag gaat over ICC(A,k), het gemiddelde van de leden (laagste: ${fmt(low.icc, 3)}).`, `${given.network} has the lowest ICC(A,1) (one member); the question is about ICC(A,k), the mean of the members (lowest: ${fmt(low.icc, 3)}).`));
      else parts.push(wrong(`${given.network} heeft ICC(A,k) = ${fmt(given.icc, 3)}; de laagste is ${fmt(low.icc, 3)}.`, `${given.network} has ICC(A,k) = ${fmt(given.icc, 3)}; the lowest is ${fmt(low.icc, 3)}.`));
      parts.push(part(near(lower, given.lower ?? NaN), bi(`Ondergrens ${fmt(given.lower, 3)}.`, `Lower bound ${fmt(given.lower, 3)}.`), bi(`De ondergrens van ${given.network} is ${fmt(given.lower, 3)}, niet ${fmt(lower, 3)}.`, `The lower bound of ${given.network} is ${fmt(given.lower, 3)}, not ${fmt(lower, 3)}.`)));
      return parts;
    },
  },
  {
    id: '03-2',
    requires: ['impact'],
    title: bi('Een band met de hand', 'A band by hand'),
    prompt: bi(
      'Bereken de band van het rapport (gemiddelde ± 2 x de standaardfout) voor *ingeschatte impact* (`impact`) van het eerste netwerk in de tabel, met de hand uit n, gemiddelde en SD van zijn scores.',
      "Compute the report's band (mean ± 2 x the standard error) for *estimated impact* (`impact`) of the first network in the table, by hand from n, mean and SD of its scores.",
    ),
    answerForm: bi('`{ lower: getal, upper: getal }`', '`{ lower: number, upper: number }`'),
    hint: bi('SE = SD / √n. De band gebruikt de SE, niet de SD.', 'SE = SD / √n. The band uses the SE, not the SD.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['lower', 'upper'], bi('ondergrens en bovengrens', 'lower and upper bound'));
      const lower = asNumber(a.lower, bi('lower', 'lower'));
      const upper = asNumber(a.upper, bi('upper', 'upper'));
      const network = networkNames(ctx)[0];
      const d = describe(networkScores(ctx, network, 'impact'));
      if (d.mean === null || d.sd === null) return [wrong(`${network} heeft te weinig impactscores voor een band.`, `${network} has too few impact scores for a band.`)];
      if (near(lower, d.mean - 2 * d.sd) && near(upper, d.mean + 2 * d.sd)) return [wrong(`Dat is gemiddelde ± 2 SD (${fmt(d.mean - 2 * d.sd)} – ${fmt(d.mean + 2 * d.sd)}): de spreiding van de leden. De band van het rapport gebruikt de standaardfout SE = SD/√n = ${fmt(d.se, 3)}.`, `That is mean ± 2 SD (${fmt(d.mean - 2 * d.sd)} – ${fmt(d.mean + 2 * d.sd)}): the spread of the members. The report's band uses the standard error SE = SD/√n = ${fmt(d.se, 3)}.`)];
      const t = describe(networkScores(ctx, network, 'impact'), { band: 't95' });
      const parts = [
        part(near(lower, d.lower!, 0.011), bi(`Ondergrens ${fmt(d.lower)} (${network}: n = ${d.n}, gemiddelde ${fmt(d.mean)}, SE ${fmt(d.se, 3)}).`, `Lower bound ${fmt(d.lower)} (${network}: n = ${d.n}, mean ${fmt(d.mean)}, SE ${fmt(d.se, 3)}).`), bi(`De ondergrens is ${fmt(d.lower)}, niet ${fmt(lower)}${near(lower, t.lower!, 0.011) ? ': jij gebruikte de t-waarde; het rapport gebruikt 2' : ''}.`, `The lower bound is ${fmt(d.lower)}, not ${fmt(lower)}${near(lower, t.lower!, 0.011) ? ': you used the t value; the report uses 2' : ''}.`)),
        part(near(upper, d.upper!, 0.011), bi(`Bovengrens ${fmt(d.upper)}.`, `Upper bound ${fmt(d.upper)}.`), bi(`De bovengrens is ${fmt(d.upper)}, niet ${fmt(upper)}.`, `The upper bound is ${fmt(d.upper)}, not ${fmt(upper)}.`)),
      ];
      return parts;
    },
  },
  {
    id: '03-3',
    title: bi('Van één lid naar het gemiddelde: Spearman-Brown', 'From one member to the mean: Spearman-Brown'),
    prompt: bi(
      'Neem het netwerk met de meeste complete vragenlijsten. Bereken uit zijn ICC(A,1) en het aantal leden k met de formule van Spearman-Brown, k·ICC / (1 + (k−1)·ICC), de betrouwbaarheid van het gemiddelde van k leden. Vergelijk met ICC(A,k) in de tabel.',
      'Take the network with the most complete questionnaires. From its ICC(A,1) and the number of members k, compute with the Spearman-Brown formula, k·ICC / (1 + (k−1)·ICC), the reliability of the mean of k members. Compare with ICC(A,k) in the table.',
    ),
    answerForm: bi('een getal', 'a number'),
    hint: bi('In `iccByNetwork(...)`: `single` is ICC(A,1), `raters` is k, het aantal leden.', 'In `iccByNetwork(...)`: `single` is ICC(A,1), `raters` is k.'),
    check(answer, ctx) {
      const x = asNumber(answer, bi('de betrouwbaarheid van het gemiddelde', 'the reliability of the mean'));
      const iccs = iccByNetwork(ctx.study.survey, ctx.study.instrument, networkNames(ctx));
      const big = argmax(iccs, (r) => r.raters);
      const sb = (big.raters * big.single) / (1 + (big.raters - 1) * big.single);
      if (near(x, sb, 0.003)) return [right(`${big.network}: ${big.raters} x ${fmt(big.single, 3)} / (1 + ${big.raters - 1} x ${fmt(big.single, 3)}) = ${fmt(sb, 3)}, gelijk aan ICC(A,k) = ${fmt(big.icc, 3)}: de stap van één lid naar het gemiddelde van k leden is precies Spearman-Brown.`, `${big.network}: ${big.raters} x ${fmt(big.single, 3)} / (1 + ${big.raters - 1} x ${fmt(big.single, 3)}) = ${fmt(sb, 3)}, equal to ICC(A,k) = ${fmt(big.icc, 3)}: the step from one member to the mean of k members is exactly Spearman-Brown.`)];
      if (near(x, big.single, 0.003)) return [wrong(`${fmt(x, 3)} is ICC(A,1), de betrouwbaarheid van één lid; vul hem in de formule in met k = ${big.raters}.`, `${fmt(x, 3)} is ICC(A,1), the reliability of one member; put it into the formula with k = ${big.raters}.`)];
      return [wrong(`Met ICC(A,1) = ${fmt(big.single, 3)} en k = ${big.raters} (${big.network}) geeft de formule ${fmt(sb, 3)}, niet ${fmt(x, 3)}.`, `With ICC(A,1) = ${fmt(big.single, 3)} and k = ${big.raters} (${big.network}) the formula gives ${fmt(sb, 3)}, not ${fmt(x, 3)}.`)];
    },
  },
  {
    id: '03-4',
    title: bi('Kies de bandregel, en verdedig hem', 'Choose the band rule, and defend it'),
    prompt: bi(
      `Op je eigen data (\`writeStudentStudy('je-studentnummer', '${OWN_DATA_DIR}')\`): kies de band om de netwerkgemiddelden van \`impact\`: \`'2se'\` (het rapport) of \`'t95'\` (het t-interval). Zoek eerst het kleinste aantal respondenten met een impactscore in één netwerk van jouw studie, en vergelijk voor dat netwerk de twee banden met \`describe(x, { band })\`. Verdedig je keuze.`,
      `On your own data (\`writeStudentStudy('your-student-number', '${OWN_DATA_DIR}')\`): choose the band around the network means of \`impact\`: \`'2se'\` (the report's) or \`'t95'\` (the t interval). First find the smallest number of respondents with an impact score in one network of your study, and compare the two bands for that network with \`describe(x, { band })\`. Defend your choice.`,
    ),
    answerForm: bi("`{ rule: '2se' | 't95', smallestN: getal, because: 'je argumenten' }`", "`{ rule: '2se' | 't95', smallestN: number, because: 'your arguments' }`"),
    hint: bi('Bij n = 7 is t(.975, 6) = 2.45, niet 2: ±2 SE dekt dan minder dan 95%. Wie toch 2se kiest, noemt de vergelijkbaarheid met het rapport.', 'At n = 7, t(.975, 6) = 2.45, not 2: ±2 SE then covers less than 95%. Who still chooses 2se names the comparability with the report.'),
    ownData: true,
    starter: `// first make your own data (use your student number):\n// import { writeStudentStudy } from '../dist/teaching';\n// writeStudentStudy('1234567', '${OWN_DATA_DIR}'); const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' });`,
    check(answer, ctx) {
      requireOwnStudy(ctx);
      const a = asRecord(answer, ['rule', 'smallestN', 'because'], bi('regel, kleinste n en onderbouwing', 'rule, smallest n and defence'));
      const rule = asChoice(a.rule, ['2se', 't95'] as const, bi('een bandregel', 'a band rule'));
      const smallest = asNumber(a.smallestN, bi('smallestN', 'smallestN'));
      const ns = networkNames(ctx).map((n) => ({ network: n, n: networkScores(ctx, n, 'impact').length }));
      const min = argmin(ns, (x) => x.n);
      const x = networkScores(ctx, min.network, 'impact');
      const two = describe(x);
      const t = describe(x, { band: 't95' });
      const ratio = (t.upper! - t.lower!) / (two.upper! - two.lower!);
      const because = typeof a.because === 'string' ? a.because : '';
      const parts: FeedbackPart[] = [
        part(smallest === min.n, bi(`Het kleinste netwerk is ${min.network} met n = ${min.n}; daar is de t-band ${fmt((ratio - 1) * 100, 0)}% breder dan ±2 SE.`, `The smallest network is ${min.network} with n = ${min.n}; there the t band is ${fmt((ratio - 1) * 100, 0)}% wider than ±2 SE.`), bi(`Het kleinste aantal impactscores in één netwerk is ${min.n} (${min.network}), niet ${smallest}.`, `The smallest number of impact scores in one network is ${min.n} (${min.network}), not ${smallest}.`)),
      ];
      if (rule === 't95') parts.push(right(`'t95' is bij n = ${min.n} een echt 95%-interval; zeg erbij dat het rapport ±2 SE gebruikt, zodat lezers niet verkeerd vergelijken.`, `'t95' is a true 95% interval at n = ${min.n}; say that the report uses ±2 SE, so readers do not compare wrongly.`));
      else if (min.n >= 30) parts.push(right(`Bij n >= 30 verschillen de banden nauwelijks; '2se' houdt je vergelijkbaar met het rapport.`, `At n >= 30 the bands hardly differ; '2se' keeps you comparable with the report.`));
      else parts.push(part(/rapport|report|vergelijk|compar/i.test(because), bi("'2se' kan, om vergelijkbaar te blijven met het rapport, zoals je schrijft; noem dan dat de band bij kleine n smaller is dan een 95%-interval.", "'2se' is defensible to stay comparable with the report, as you write; then say that at small n the band is narrower than a 95% interval."), bi(`Met '2se' bij n = ${min.n} is je band ${fmt((1 - 1 / ratio) * 100, 0)}% smaller dan een 95%-interval; verdedig dat (bijv. vergelijkbaarheid met het rapport) of kies 't95'.`, `With '2se' at n = ${min.n} your band is ${fmt((1 - 1 / ratio) * 100, 0)}% narrower than a 95% interval; defend that (e.g. comparability with the report) or choose 't95'.`)));
      parts.push(reasonPart(a.because));
      return parts;
    },
  },
  {
    id: '03-5',
    title: bi('Welke netwerkgemiddelden zijn het minst betrouwbaar?', 'Which network means are least reliable?'),
    prompt: bi('Welke schaal heeft de laagste ICC(2) (de betrouwbaarheid van de netwerkgemiddelden), en wat betekent dat voor een rangorde van de netwerken op die schaal?', 'Which scale has the lowest ICC(2) (the reliability of the network means), and what does that mean for ranking the networks on that scale?'),
    answerForm: bi("het id van de schaal, bijv. `'trust'`", "the scale's id, e.g. `'trust'`"),
    hint: bi('`aggregationByConstruct(study.survey, study.instrument)`: kolom icc2. ICC(2) is laag als de netwerken weinig van elkaar verschillen (lage ICC(1)).', '`aggregationByConstruct(study.survey, study.instrument)`: column icc2. ICC(2) is low when the networks differ little from each other (low ICC(1)).'),
    check(answer, ctx) {
      const agg = aggregationByConstruct(ctx.study.survey, ctx.study.instrument, { lang: ctx.study.lang });
      const id = constructOf(answer, ctx, agg.map((r) => r.construct));
      const low = argmin(agg, (r) => r.icc2);
      const given = agg.find((r) => r.construct === id)!;
      const lowRwg = argmin(agg.filter((r) => r.rwgMean !== null), (r) => r.rwgMean!);
      if (given.construct === low.construct) return [right(`${given.label}: ICC(2) = ${fmt(given.icc2, 3)} (ICC(1) = ${fmt(given.icc1, 2)}): de netwerken verschillen hier het minst, hun volgorde op deze schaal is het onzekerst.`, `${given.label}: ICC(2) = ${fmt(given.icc2, 3)} (ICC(1) = ${fmt(given.icc1, 2)}): the networks differ least here, their order on this scale is least certain.`)];
      if (given.construct === lowRwg.construct) return [wrong(`${given.label} heeft de laagste rwg(j) (overeenstemming *binnen* netwerken); de vraag gaat over ICC(2), de betrouwbaarheid van de verschillen *tussen* netwerken (laagste ${fmt(low.icc2, 3)}).`, `${given.label} has the lowest rwg(j) (agreement *within* networks); the question is about ICC(2), the reliability of the differences *between* networks (lowest ${fmt(low.icc2, 3)}).`)];
      return [wrong(`${given.label} heeft ICC(2) = ${fmt(given.icc2, 3)}; de laagste is ${fmt(low.icc2, 3)}.`, `${given.label} has ICC(2) = ${fmt(given.icc2, 3)}; the lowest is ${fmt(low.icc2, 3)}.`)];
    },
  },
];
