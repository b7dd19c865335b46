/**
 * Notebook 08, decisions: monitoring and impact, who carries the relation
 * with years, and what one network does to a verdict.
 */
import { correlationTable, leaveOneNetworkOut } from '../../analysis/networkLevel';
import { criticalR, evaluateFindings } from '../../analysis/evaluateFindings';
import { claimsOf } from '../../notebooks/context';
import { asNumber, asRecord, bi, fmt, near, part, wrong } from '../answers';
import type { ExerciseDefinition } from '../types';
import { networkOf, OWN_DATA_DIR, requireOwnStudy, valuesOf } from './common';

export const EXERCISES_08: ExerciseDefinition[] = [
  {
    id: '08-1',
    requires: ['impact', 'monitoring'],
    title: bi('Monitoring en impact', 'Monitoring and impact'),
    prompt: bi('Geef r en de permutatie-p tussen monitoring (`monitoring`) en impact over de netwerken.', 'Give r and the permutation p between monitoring (`monitoring`) and impact across the networks.'),
    answerForm: bi('`{ r: getal, p: getal }`', '`{ r: number, p: number }`'),
    hint: bi("`correlationTable(study.networkRows, ['impact', 'monitoring'])[0]`: r en p (niet pT).", "`correlationTable(study.networkRows, ['impact', 'monitoring'])[0]`."),
    check(answer, ctx) {
      const a = asRecord(answer, ['r', 'p'], bi('r en p', 'r and p'));
      const r = asNumber(a.r, bi('r', 'r'));
      const p = asNumber(a.p, bi('p', 'p'));
      const c = correlationTable(ctx.study.networkRows, ['impact', 'monitoring'])[0];
      return [
        part(near(r, c.r), bi(`r = ${fmt(c.r)}.`, `r = ${fmt(c.r)}.`), bi(`r is ${fmt(c.r)}, niet ${fmt(r)}.`, `r is ${fmt(c.r)}, not ${fmt(r)}.`)),
        part(near(p, c.p, 0.003), bi(`p = ${fmt(c.p, 3)} (exacte permutatie over alle ordeningen).`, `p = ${fmt(c.p, 3)} (exact permutation over all orderings).`), bi(`De permutatie-p is ${fmt(c.p, 3)}, niet ${fmt(p, 3)}${near(p, c.pT, 0.003) ? ' (dat is de p van de t-toets)' : ''}.`, `The permutation p is ${fmt(c.p, 3)}, not ${fmt(p, 3)}${near(p, c.pT, 0.003) ? " (that is the t test's p)" : ''}.`)),
      ];
    },
  },
  {
    id: '08-2',
    requires: ['years', 'impact'],
    title: bi('Wie draagt het (niet-)verband met jaren?', 'Who carries the (non-)relation with years?'),
    prompt: bi("Bereken `leaveOneNetworkOut(study.networkRows, 'years', 'impact')`. Zonder welk netwerk verandert r het meest, en wat wordt r dan?", "Compute `leaveOneNetworkOut(study.networkRows, 'years', 'impact')`. Without which network does r change most, and what does r become?"),
    answerForm: bi('`{ network: naam, r: getal }`', '`{ network: name, r: number }`'),
    hint: bi('`.result.mostInfluential`: `dropped` en `r`.', '`.result.mostInfluential`: `dropped` and `r`.'),
    check(answer, ctx) {
      if (valuesOf(ctx.study.networkRows, 'years').length < 4) return [wrong('Deze studie heeft geen jaren.', 'This study has no years.')];
      const a = asRecord(answer, ['network', 'r'], bi('netwerk en r', 'network and r'));
      const network = networkOf(a.network, ctx);
      const r = asNumber(a.r, bi('r', 'r'));
      const loo = leaveOneNetworkOut(ctx.study.networkRows, 'years', 'impact').result;
      const row = loo.rows.find((x) => x.dropped === network);
      return [
        part(network === loo.mostInfluential.dropped, bi(`${network}: zonder dit netwerk gaat r van ${fmt(loo.r)} naar ${fmt(loo.mostInfluential.r)}. Eén netwerk met een afwijkende leeftijd kan een "geen verband" maken of breken.`, `${network}: without it r goes from ${fmt(loo.r)} to ${fmt(loo.mostInfluential.r)}. One network of unusual age can make or break "no relation".`), bi(`Zonder ${network} wordt r ${fmt(row?.r ?? null)}; zonder ${loo.mostInfluential.dropped} verandert hij meer (${fmt(loo.mostInfluential.r)}).`, `Without ${network} r becomes ${fmt(row?.r ?? null)}; without ${loo.mostInfluential.dropped} it changes more (${fmt(loo.mostInfluential.r)}).`)),
        part(row !== undefined && near(r, row.r ?? NaN), bi(`r = ${fmt(row?.r ?? null)}.`, `r = ${fmt(row?.r ?? null)}.`), bi(`r zonder ${network} is ${fmt(row?.r ?? null)}, niet ${fmt(r)}.`, `r without ${network} is ${fmt(row?.r ?? null)}, not ${fmt(r)}.`)),
      ];
    },
  },
  {
    id: '08-3',
    requires: ['decision_making', 'impact'],
    title: bi('Eén netwerk en een verdict', 'One network and a verdict'),
    prompt: bi("Laat voor de bevinding `decisions_impact` (besluitvorming en impact) het netwerk weg dat r het meest verandert, en evalueer opnieuw: welk verdict krijgt de bevinding dan?", "For the finding `decisions_impact` (decision making and impact), drop the network that changes r most and evaluate again: which verdict does the finding get then?"),
    answerForm: bi("`{ network: naam, verdict: 'holds' | 'weak' | 'does not hold' | 'not evaluated' }`", "`{ network: name, verdict: 'holds' | 'weak' | 'does not hold' | 'not evaluated' }`"),
    hint: bi("`evaluateFindings(study.networkRows, { findings: claimsOf(study, ['decisions']) })`: `mostInfluential.network`; daarna met `exclude: [dat netwerk]`.", "`evaluateFindings(study.networkRows, { findings: claimsOf(study, ['decisions']) })`: `mostInfluential.network`; then with `exclude: [that network]`."),
    check(answer, ctx) {
      const a = asRecord(answer, ['network', 'verdict'], bi('netwerk en verdict', 'network and verdict'));
      const network = networkOf(a.network, ctx);
      const claims = claimsOf(ctx.study, ['decisions']).filter((c) => c.id === 'decisions_impact');
      if (claims.length === 0) return [wrong('Deze studie heeft geen bevinding decisions_impact.', 'This study has no finding decisions_impact.')];
      const all = evaluateFindings(ctx.study.networkRows, { findings: claims, lang: ctx.study.lang })[0];
      const infl = all.mostInfluential?.network ?? null;
      const without = evaluateFindings(ctx.study.networkRows, { findings: claims, exclude: [network], lang: ctx.study.lang })[0];
      return [
        part(network === infl, bi(`${network} verandert r het meest (${fmt(all.r)} → ${fmt(all.mostInfluential?.r ?? null)}).`, `${network} changes r most (${fmt(all.r)} → ${fmt(all.mostInfluential?.r ?? null)}).`), bi(`Het invloedrijkste netwerk is ${infl}, niet ${network}.`, `The most influential network is ${infl}, not ${network}.`)),
        part(String(a.verdict).trim().toLowerCase() === without.verdict, bi(`Zonder ${network}: ${without.verdict} (${without.reason}); met alle netwerken: ${all.verdict}.`, `Without ${network}: ${without.verdict} (${without.reason}); with all networks: ${all.verdict}.`), bi(`Zonder ${network} is het verdict ${without.verdict}, niet ${String(a.verdict)} (${without.reason}).`, `Without ${network} the verdict is ${without.verdict}, not ${String(a.verdict)} (${without.reason}).`)),
      ];
    },
  },
  {
    id: '08-4',
    title: bi('Jaren en impact op jouw data', 'Years and impact on your data'),
    prompt: bi(`Op je eigen data (\`writeStudentStudy('je-studentnummer', '${OWN_DATA_DIR}')\`): wat is r tussen years en impact, en ligt |r| boven de kritieke r (tweezijdig, p < .05) voor jouw aantal netwerken?`, `On your own data (\`writeStudentStudy('your-student-number', '${OWN_DATA_DIR}')\`): what is r between years and impact, and is |r| above the critical r (two-sided, p < .05) for your number of networks?`),
    answerForm: bi('`{ r: getal, aboveCritical: true | false }`', '`{ r: number, aboveCritical: true | false }`'),
    hint: bi("`correlationTable(mine.networkRows, ['years', 'impact'])[0].r` en `criticalR(mine.networkRows.length, true)`.", "`correlationTable(mine.networkRows, ['years', 'impact'])[0].r` and `criticalR(mine.networkRows.length, true)`."),
    ownData: true,
    starter: `// first make your own data (use your student number):\n// import { writeStudentStudy } from '../dist/teaching';\n// writeStudentStudy('1234567', '${OWN_DATA_DIR}'); const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' });`,
    check(answer, ctx) {
      requireOwnStudy(ctx);
      const a = asRecord(answer, ['r', 'aboveCritical'], bi('r en aboveCritical', 'r and aboveCritical'));
      const r = asNumber(a.r, bi('r', 'r'));
      const c = correlationTable(ctx.study.networkRows, ['years', 'impact'])[0];
      const crit = criticalR(c.n, true);
      return [
        part(near(r, c.r), bi(`r = ${fmt(c.r)} op jouw ${c.n} netwerken.`, `r = ${fmt(c.r)} on your ${c.n} networks.`), bi(`Op jouw data is r = ${fmt(c.r)}, niet ${fmt(r)}.`, `On your data r = ${fmt(c.r)}, not ${fmt(r)}.`)),
        part(a.aboveCritical === Math.abs(c.r) > crit, bi(`De kritieke r is ${fmt(crit)}: |r| ligt er ${Math.abs(c.r) > crit ? 'boven' : 'onder'}.`, `The critical r is ${fmt(crit)}: |r| lies ${Math.abs(c.r) > crit ? 'above' : 'below'} it.`), bi(`De kritieke r bij N = ${c.n} is ${fmt(crit)}; |r| = ${fmt(Math.abs(c.r))} ligt er ${Math.abs(c.r) > crit ? 'boven' : 'onder'}.`, `The critical r at N = ${c.n} is ${fmt(crit)}; |r| = ${fmt(Math.abs(c.r))} lies ${Math.abs(c.r) > crit ? 'above' : 'below'} it.`)),
      ];
    },
  },
];
