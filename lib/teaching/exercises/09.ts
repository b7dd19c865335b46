/**
 * Notebook 09, how far N = 10 carries: the critical r as N shrinks, how
 * many findings hold, what dropping a network changes, and the clustering.
 */
import { criticalR, evaluateFindings } from '../../analysis/evaluateFindings';
import { clusterNetworks } from '../../analysis/networkLevel';
import { asChoice, asNumber, asRecord, asTextList, bi, fmt, near, part, right, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { networkOf } from './common';

export const allFindings = (ctx: TeachingContext, exclude?: string[]) => evaluateFindings(ctx.study.networkRows, { exclude, lang: ctx.study.lang });
export const portraitClustering = (ctx: TeachingContext) => clusterNetworks(ctx.study.networkRows, ctx.study.definition.portrait);

export const EXERCISES_09: ExerciseDefinition[] = [
  {
    id: '09-1',
    title: bi('De kritieke r als N krimpt', 'The critical r as N shrinks'),
    prompt: bi('Geef de kritieke r (tweezijdig, p < .05) voor N, N−1, N−2 en N−3 netwerken, met N het aantal netwerken van deze studie.', 'Give the critical r (two-sided, p < .05) for N, N−1, N−2 and N−3 networks, N being the number of networks of this study.'),
    answerForm: bi('vier getallen, bijv. `[0.63, 0.67, 0.71, 0.75]`', 'four numbers, e.g. `[0.63, 0.67, 0.71, 0.75]`'),
    hint: bi('`[0, 1, 2, 3].map((k) => criticalR(N - k, true))`, met N het aantal netwerken.', '`[0, 1, 2, 3].map((k) => criticalR(N - k, true))`.'),
    check(answer, ctx) {
      if (!Array.isArray(answer) || answer.length !== 4) return [wrong('Geef vier getallen, voor N, N−1, N−2 en N−3.', 'Give four numbers, for N, N−1, N−2 and N−3.')];
      const n = ctx.study.networkRows.length;
      return answer.map((v, k) => {
        const x = asNumber(v, bi(`de kritieke r bij N = ${n - k}`, `the critical r at N = ${n - k}`));
        const c = criticalR(n - k, true);
        return part(near(x, c), bi(`N = ${n - k}: ${fmt(c)}.`, `N = ${n - k}: ${fmt(c)}.`), bi(`Bij N = ${n - k} is de kritieke r ${fmt(c)}, niet ${fmt(x)}${near(x, criticalR(n - k, false)) ? ' (dat is de eenzijdige)' : ''}.`, `At N = ${n - k} the critical r is ${fmt(c)}, not ${fmt(x)}${near(x, criticalR(n - k, false)) ? ' (that is the one-sided one)' : ''}.`));
      });
    },
  },
  {
    id: '09-2',
    title: bi('Hoeveel bevindingen houden stand?', 'How many findings hold?'),
    prompt: bi('Hoeveel van de bevindingen van het rapport krijgen op deze data het verdict *holds*, en hoeveel *weak*?', "How many of the report's findings get the verdict *holds* on these data, and how many *weak*?"),
    answerForm: bi('`{ holds: getal, weak: getal }`', '`{ holds: number, weak: number }`'),
    hint: bi('`evaluateFindings(study.networkRows, { lang: study.lang })`: tel de verdicts.', '`evaluateFindings(study.networkRows, { lang: study.lang })`: count the verdicts.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['holds', 'weak'], bi('twee aantallen', 'two counts'));
      const holds = asNumber(a.holds, bi('holds', 'holds'));
      const weak = asNumber(a.weak, bi('weak', 'weak'));
      const f = allFindings(ctx);
      const h = f.filter((x) => x.verdict === 'holds').length;
      const w = f.filter((x) => x.verdict === 'weak').length;
      return [
        part(holds === h, bi(`${h} van ${f.length} houden stand.`, `${h} of ${f.length} hold.`), bi(`${h} van ${f.length} krijgen holds, niet ${holds}${holds === h + w ? ' (jij telde weak mee)' : ''}.`, `${h} of ${f.length} get holds, not ${holds}${holds === h + w ? ' (you counted weak as well)' : ''}.`)),
        part(weak === w, bi(`${w} zijn zwak: ${f.filter((x) => x.verdict === 'weak').map((x) => x.id).join(', ') || '–'}.`, `${w} are weak: ${f.filter((x) => x.verdict === 'weak').map((x) => x.id).join(', ') || '–'}.`), bi(`${w} krijgen weak, niet ${weak}.`, `${w} get weak, not ${weak}.`)),
      ];
    },
  },
  {
    id: '09-3',
    title: bi('Laat een netwerk weg: wat verandert er?', 'Drop a network: what changes?'),
    prompt: bi('Kies een netwerk, laat het weg (`exclude`) en evalueer alle bevindingen opnieuw. Welke bevindingen krijgen een ander verdict? Wat zegt dat over de bevindingen die blijven staan?', 'Choose a network, drop it (`exclude`) and evaluate all findings again. Which findings get another verdict? What does that say about the findings that survive?'),
    answerForm: bi("`{ dropped: 'netwerk', changed: ['finding-id', ...] }`", "`{ dropped: 'network', changed: ['finding id', ...] }`"),
    hint: bi('Vergelijk per id het verdict met en zonder het netwerk.', 'Compare the verdict per id with and without the network.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['dropped', 'changed'], bi('netwerk en bevindingen', 'network and findings'));
      const dropped = networkOf(a.dropped, ctx);
      const changed = asTextList(a.changed, bi('finding-ids', 'finding ids'));
      const before = allFindings(ctx);
      const after = allFindings(ctx, [dropped]);
      const expected = before.filter((f) => after.find((x) => x.id === f.id)!.verdict !== f.verdict);
      const parts: FeedbackPart[] = [];
      for (const f of expected) {
        const g = after.find((x) => x.id === f.id)!;
        parts.push(part(changed.includes(f.id), bi(`${f.id}: ${f.verdict} → ${g.verdict} zonder ${dropped}.`, `${f.id}: ${f.verdict} → ${g.verdict} without ${dropped}.`), bi(`Ook ${f.id} verandert: ${f.verdict} → ${g.verdict} (${g.reason}).`, `${f.id} changes too: ${f.verdict} → ${g.verdict} (${g.reason}).`)));
      }
      for (const id of changed.filter((c) => !expected.some((f) => f.id === c))) parts.push(wrong(`${id} houdt zonder ${dropped} hetzelfde verdict (${after.find((x) => x.id === id)?.verdict ?? 'onbekende id'}).`, `${id} keeps its verdict without ${dropped} (${after.find((x) => x.id === id)?.verdict ?? 'unknown id'}).`));
      if (parts.length === 0) parts.push(right(`Geen verdict verandert zonder ${dropped}: de bevindingen hangen niet aan dit ene netwerk.`, `No verdict changes without ${dropped}: the findings do not hang on this one network.`));
      return parts;
    },
  },
  {
    id: '09-4',
    title: bi('Groepen netwerken?', 'Groups of networks?'),
    prompt: bi('Cluster de netwerken op de kenmerken van het portret (`clusterNetworks(study.networkRows, study.definition.portrait)`). Wat is het beste aantal clusters volgens de silhouetbreedte, en hoe leest Kaufman & Rousseeuw die breedte?', 'Cluster the networks on the portrait characteristics (`clusterNetworks(study.networkRows, study.definition.portrait)`). What is the best number of clusters by silhouette width, and how do Kaufman & Rousseeuw read that width?'),
    answerForm: bi("`{ k: getal, reading: 'strong' | 'reasonable' | 'weak' | 'no substantial structure' }`", "`{ k: number, reading: 'strong' | 'reasonable' | 'weak' | 'no substantial structure' }`"),
    hint: bi('`.best.k` en `.reading`; vergelijk ook met `randomBest`: wat haalt ruis van dezelfde vorm?', '`.best.k` and `.reading`; compare with `randomBest` too: what does noise of the same shape reach?'),
    check(answer, ctx) {
      const a = asRecord(answer, ['k', 'reading'], bi('k en de lezing', 'k and the reading'));
      const k = asNumber(a.k, bi('k', 'k'));
      const reading = asChoice(a.reading, ['strong', 'reasonable', 'weak', 'no substantial structure'] as const, bi('een lezing', 'a reading'));
      const c = portraitClustering(ctx);
      return [
        part(k === c.best.k, bi(`k = ${c.best.k} (gemiddelde silhouetbreedte ${fmt(c.best.averageWidth)}; ruis haalt ${fmt(c.randomBest)}).`, `k = ${c.best.k} (mean silhouette width ${fmt(c.best.averageWidth)}; noise reaches ${fmt(c.randomBest)}).`), bi(`Het beste aantal is k = ${c.best.k}, niet ${k}.`, `The best number is k = ${c.best.k}, not ${k}.`)),
        part(reading === c.reading, bi(`Lezing: ${c.reading}.`, `Reading: ${c.reading}.`), bi(`Bij breedte ${fmt(c.best.averageWidth)} is de lezing ${c.reading}, niet ${reading}.`, `At width ${fmt(c.best.averageWidth)} the reading is ${c.reading}, not ${reading}.`)),
      ];
    },
  },
];
