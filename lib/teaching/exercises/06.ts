/**
 * Notebook 06, patterns in the boundaries: the strongest pair, the network
 * that carries it, the critical r at N, and significance on your own data.
 */
import { correlationTable, leaveOneNetworkOut } from '../../analysis/networkLevel';
import { criticalR } from '../../analysis/evaluateFindings';
import { asNumber, asRecord, asTextList, bi, fmt, near, part, right, sameSet, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { argmax, networkOf, OWN_DATA_DIR, requireOwnStudy, valuesOf } from './common';

export function boundaryPairs(ctx: TeachingContext) {
  const dims = ctx.study.definition.boundaries.filter((d) => valuesOf(ctx.study.networkRows, d).length >= 3);
  return correlationTable(ctx.study.networkRows, dims);
}

export const EXERCISES_06: ExerciseDefinition[] = [
  {
    id: '06-1',
    title: bi('Het sterkste paar', 'The strongest pair'),
    prompt: bi('Welk paar begrenzingsdimensies hangt over de netwerken het sterkst samen (grootste |r|, positief of negatief)?', 'Which pair of boundary dimensions is most strongly related across the networks (largest |r|, positive or negative)?'),
    answerForm: bi('twee construct-ids uit `study.definition.boundaries`, als lijst', 'two construct ids from `study.definition.boundaries`, as a list'),
    hint: bi('`correlationTable(study.networkRows, [...BOUNDARY_CONSTRUCTS])`; vergelijk de absolute waarden van r.', '`correlationTable(study.networkRows, [...BOUNDARY_CONSTRUCTS])`; compare the absolute values of r.'),
    check(answer, ctx) {
      const pair = asTextList(answer, bi('twee dimensies', 'two dimensions'));
      const pairs = boundaryPairs(ctx);
      const top = argmax(pairs, (p) => Math.abs(p.r));
      const given = pairs.find((p) => sameSet([p.x, p.y], pair));
      if (!given) return [wrong(`${pair.join(' en ')} is geen paar uit de tabel; noem twee van ${ctx.study.definition.boundaries.join(', ')}.`, `${pair.join(' and ')} is not a pair of the table; name two of ${ctx.study.definition.boundaries.join(', ')}.`)];
      const topPositive = argmax(pairs, (p) => p.r);
      if (given === top) return [right(`${top.x} en ${top.y}: r = ${fmt(top.r)}, de sterkste samenhang.`, `${top.x} and ${top.y}: r = ${fmt(top.r)}, the strongest relation.`)];
      if (given === topPositive) return [wrong(`${given.x}-${given.y} heeft de grootste *positieve* r (${fmt(given.r)}), maar ${top.x}-${top.y} heeft r = ${fmt(top.r)}: een negatieve samenhang is even sterk als |r| even groot is.`, `${given.x}-${given.y} has the largest *positive* r (${fmt(given.r)}), but ${top.x}-${top.y} has r = ${fmt(top.r)}: a negative relation is as strong when |r| is as large.`)];
      return [wrong(`${given.x}-${given.y}: r = ${fmt(given.r)}; ${top.x}-${top.y}: r = ${fmt(top.r)}.`, `${given.x}-${given.y}: r = ${fmt(given.r)}; ${top.x}-${top.y}: r = ${fmt(top.r)}.`)];
    },
  },
  {
    id: '06-2',
    title: bi('Laat een netwerk weg', 'Leave a network out'),
    prompt: bi('Neem het paar van 06-1. Welk netwerk draagt de samenhang het meest: zonder welk netwerk verandert r het meest, en wat is r dan?', 'Take the pair of 06-1. Which network carries the relation most: without which network does r change most, and what is r then?'),
    answerForm: bi('`{ network: naam, r: getal }`', '`{ network: name, r: number }`'),
    hint: bi('`leaveOneNetworkOut(study.networkRows, x, y)`: `result.mostInfluential`, of de tabel `leaveOneOutTable(...)`.', '`leaveOneNetworkOut(study.networkRows, x, y)`: `result.mostInfluential`, or the table `leaveOneOutTable(...)`.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['network', 'r'], bi('netwerk en r', 'network and r'));
      const network = networkOf(a.network, ctx);
      const r = asNumber(a.r, bi('r', 'r'));
      const top = argmax(boundaryPairs(ctx), (p) => Math.abs(p.r));
      const loo = leaveOneNetworkOut(ctx.study.networkRows, top.x, top.y).result;
      const most = loo.mostInfluential;
      const row = loo.rows.find((x) => x.dropped === network);
      const parts: FeedbackPart[] = [part(network === most.dropped, bi(`Zonder ${network} verandert r het meest (${fmt(top.r)} → ${fmt(most.r)}).`, `Without ${network} r changes most (${fmt(top.r)} → ${fmt(most.r)}).`), bi(`Zonder ${network} wordt r ${fmt(row?.r ?? null)}; zonder ${most.dropped} verandert hij meer (${fmt(most.r)}).`, `Without ${network} r becomes ${fmt(row?.r ?? null)}; without ${most.dropped} it changes more (${fmt(most.r)}).`))];
      parts.push(part(row !== undefined && near(r, row.r ?? NaN), bi(`r zonder ${network} = ${fmt(row?.r ?? null)}.`, `r without ${network} = ${fmt(row?.r ?? null)}.`), bi(`r zonder ${network} is ${fmt(row?.r ?? null)}, niet ${fmt(r)}${row && near(r, row.change ?? NaN) ? ' (dat is de verandering)' : ''}.`, `r without ${network} is ${fmt(row?.r ?? null)}, not ${fmt(r)}${row && near(r, row.change ?? NaN) ? ' (that is the change)' : ''}.`)));
      return parts;
    },
  },
  {
    id: '06-3',
    title: bi('Hoe groot moet r zijn?', 'How large must r be?'),
    prompt: bi('Hoe groot moet |r| minstens zijn voor p < .05 (tweezijdig) met het aantal netwerken van deze studie?', 'How large must |r| be at least for p < .05 (two-sided) with the number of networks of this study?'),
    answerForm: bi('een getal', 'a number'),
    hint: bi('`criticalR(n, true)` (uit `../dist`); n is het aantal netwerken. t = r√(n−2)/√(1−r²).', '`criticalR(n, true)` (from `../dist`); n is the number of networks. t = r√(n−2)/√(1−r²).'),
    check(answer, ctx) {
      const x = asNumber(answer, bi('de kritieke r', 'the critical r'));
      const n = ctx.study.networkRows.length;
      const two = criticalR(n, true);
      const one = criticalR(n, false);
      if (near(x, two, 0.006)) return [right(`Met N = ${n} moet |r| boven ${fmt(two)} liggen: alleen sterke verbanden halen p < .05.`, `With N = ${n}, |r| must exceed ${fmt(two)}: only strong relations reach p < .05.`)];
      if (near(x, one, 0.006)) return [wrong(`${fmt(one)} is de eenzijdige grens; tweezijdig is het ${fmt(two)}.`, `${fmt(one)} is the one-sided bound; two-sided it is ${fmt(two)}.`)];
      return [wrong(`Met N = ${n} is de tweezijdige grens ${fmt(two)}, niet ${fmt(x)}.`, `With N = ${n} the two-sided bound is ${fmt(two)}, not ${fmt(x)}.`)];
    },
  },
  {
    id: '06-4',
    title: bi('Jouw data: wat is significant?', 'Your data: what is significant?'),
    prompt: bi(`Op je eigen data (\`writeStudentStudy('je-studentnummer', '${OWN_DATA_DIR}')\`, \`openStudy({ dataDir: '${OWN_DATA_DIR}' })\`): hoeveel van de paren begrenzingsdimensies hebben p < .05 (permutatie), en welk paar heeft de grootste |r|?`, `On your own data (\`writeStudentStudy('your-student-number', '${OWN_DATA_DIR}')\`, \`openStudy({ dataDir: '${OWN_DATA_DIR}' })\`): how many of the pairs of boundary dimensions have p < .05 (permutation), and which pair has the largest |r|?`),
    answerForm: bi("`{ significant: getal, strongest: ['x', 'y'] }`", "`{ significant: number, strongest: ['x', 'y'] }`"),
    hint: bi("`correlationTable(mine.networkRows, mine.definition.boundaries)`: kolom p.", "`correlationTable(mine.networkRows, mine.definition.boundaries)`: column p."),
    ownData: true,
    starter: `// first make your own data (use your student number):\n// import { writeStudentStudy } from '../dist/teaching';\n// writeStudentStudy('1234567', '${OWN_DATA_DIR}'); const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' });`,
    check(answer, ctx) {
      requireOwnStudy(ctx);
      const a = asRecord(answer, ['significant', 'strongest'], bi('aantal en paar', 'count and pair'));
      const k = asNumber(a.significant, bi('significant', 'significant'));
      const pair = asTextList(a.strongest, bi('twee dimensies', 'two dimensions'));
      const pairs = boundaryPairs(ctx);
      const sig = pairs.filter((p) => p.p < 0.05);
      const pT = pairs.filter((p) => p.pT < 0.05).length;
      const top = argmax(pairs, (p) => Math.abs(p.r));
      return [
        part(k === sig.length, bi(`${sig.length} van ${pairs.length} paren hebben p < .05 op jouw data.`, `${sig.length} of ${pairs.length} pairs have p < .05 on your data.`), bi(`Op jouw data hebben ${sig.length} van ${pairs.length} paren een permutatie-p < .05, niet ${k}${k === pT && pT !== sig.length ? ' (jij telde de p van de t-toets)' : ''}.`, `On your data ${sig.length} of ${pairs.length} pairs have a permutation p < .05, not ${k}${k === pT && pT !== sig.length ? ' (you counted the t test p)' : ''}.`)),
        part(sameSet(pair, [top.x, top.y]), bi(`Sterkste paar: ${top.x}-${top.y} (r = ${fmt(top.r)}).`, `Strongest pair: ${top.x}-${top.y} (r = ${fmt(top.r)}).`), bi(`Het sterkste paar op jouw data is ${top.x}-${top.y} (r = ${fmt(top.r)}).`, `The strongest pair on your data is ${top.x}-${top.y} (r = ${fmt(top.r)}).`)),
      ];
    },
  },
];
