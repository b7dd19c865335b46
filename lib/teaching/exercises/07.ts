/**
 * Notebook 07, patterns in impact: the strongest correlate, Pearson against
 * Spearman, and dropping a network to see which findings survive.
 */
import { correlationTable } from '../../analysis/networkLevel';
import { evaluateFindings } from '../../analysis/evaluateFindings';
import { claimsOf } from '../../notebooks/context';
import { asChoice, asNumber, asRecord, asTextList, bi, fmt, near, part, reasonPart, right, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { argmax, constructOf, nameOf, networkOf, valuesOf } from './common';

export const impactVariables = (ctx: TeachingContext) => ['shared_vision', 'affectivity', 'trust', 'members', 'effectiveness', 'effect_education'].filter((v) => valuesOf(ctx.study.networkRows, v).length >= 3);

/** The claims read from Figure 16 ('impact'), evaluated with or without some networks. */
export function impactFindings(ctx: TeachingContext, options: { exclude?: string[]; method?: 'pearson' | 'spearman' } = {}) {
  return evaluateFindings(ctx.study.networkRows, { findings: claimsOf(ctx.study, ['impact']), exclude: options.exclude, method: options.method, lang: ctx.study.lang });
}

export const EXERCISES_07: ExerciseDefinition[] = [
  {
    id: '07-1',
    requires: ['impact'],
    title: bi('Wat hangt het sterkst samen met impact?', 'What relates most strongly to impact?'),
    prompt: bi('Welke variabele hangt over de netwerken het sterkst samen met ingeschatte impact (grootste |r|)?', 'Which variable is most strongly related to estimated impact across the networks (largest |r|)?'),
    answerForm: bi("het id, bijv. `'trust'`", "the id, e.g. `'trust'`"),
    hint: bi("`correlationTable(study.networkRows, ['impact', ...])`: alleen de paren met impact.", "`correlationTable(study.networkRows, ['impact', ...])`: only the pairs with impact."),
    check(answer, ctx) {
      const vars = impactVariables(ctx);
      const id = constructOf(answer, ctx, vars);
      const pairs = correlationTable(ctx.study.networkRows, ['impact', ...vars]).filter((p) => p.x === 'impact' || p.y === 'impact');
      const other = (p: { x: string; y: string }) => (p.x === 'impact' ? p.y : p.x);
      const top = argmax(pairs, (p) => Math.abs(p.r));
      const given = pairs.find((p) => other(p) === id)!;
      return [part(given === top, bi(`${nameOf(ctx, id)}: r = ${fmt(given.r)}, de sterkste samenhang met impact.`, `${nameOf(ctx, id)}: r = ${fmt(given.r)}, the strongest relation with impact.`), bi(`${nameOf(ctx, id)}: r = ${fmt(given.r)}; ${nameOf(ctx, other(top))}: r = ${fmt(top.r)}${given.r > 0 && top.r < 0 ? ' (een negatieve r telt even zwaar)' : ''}.`, `${nameOf(ctx, id)}: r = ${fmt(given.r)}; ${nameOf(ctx, other(top))}: r = ${fmt(top.r)}${given.r > 0 && top.r < 0 ? ' (a negative r counts as much)' : ''}.`))];
    },
  },
  {
    id: '07-2',
    requires: ['impact', 'shared_vision'],
    title: bi('Pearson of Spearman', 'Pearson or Spearman'),
    prompt: bi('Geef voor impact en gedeelde visie (`shared_vision`) Pearsons r en Spearmans rho over de netwerken.', "Give Pearson's r and Spearman's rho across the networks for impact and shared vision (`shared_vision`)."),
    answerForm: bi('`{ r: getal, rho: getal }`', '`{ r: number, rho: number }`'),
    hint: bi("`correlationTable(study.networkRows, ['impact', 'shared_vision'])[0]`: r en rho.", "`correlationTable(study.networkRows, ['impact', 'shared_vision'])[0]`: r and rho."),
    check(answer, ctx) {
      const a = asRecord(answer, ['r', 'rho'], bi('r en rho', 'r and rho'));
      const r = asNumber(a.r, bi('r', 'r'));
      const rho = asNumber(a.rho, bi('rho', 'rho'));
      const c = correlationTable(ctx.study.networkRows, ['impact', 'shared_vision'])[0];
      if (near(r, c.rho) && near(rho, c.r) && !near(c.r, c.rho)) return [wrong(`Omgewisseld: r = ${fmt(c.r)}, rho = ${fmt(c.rho)}.`, `Swapped: r = ${fmt(c.r)}, rho = ${fmt(c.rho)}.`)];
      return [
        part(near(r, c.r), bi(`r = ${fmt(c.r)}.`, `r = ${fmt(c.r)}.`), bi(`Pearsons r is ${fmt(c.r)}, niet ${fmt(r)}.`, `Pearson's r is ${fmt(c.r)}, not ${fmt(r)}.`)),
        part(near(rho, c.rho), bi(`rho = ${fmt(c.rho)}: de rangorde vertelt hetzelfde verhaal als de waarden${Math.abs(c.r - c.rho) > 0.1 ? ', maar zwakker of sterker: één netwerk weegt in r zwaar' : ''}.`, `rho = ${fmt(c.rho)}: the ranks tell the same story as the values${Math.abs(c.r - c.rho) > 0.1 ? ', but weaker or stronger: one network weighs heavily in r' : ''}.`), bi(`Spearmans rho is ${fmt(c.rho)}, niet ${fmt(rho)}.`, `Spearman's rho is ${fmt(c.rho)}, not ${fmt(rho)}.`)),
      ];
    },
  },
  {
    id: '07-3',
    requires: ['impact'],
    title: bi('Laat een netwerk weg: welke bevindingen blijven staan?', 'Drop a network: which findings survive?'),
    prompt: bi(
      "Kies één netwerk om weg te laten en evalueer de bevindingen van figuur 16 opnieuw: `evaluateFindings(study.networkRows, { findings: claimsOf(study, ['impact']), exclude: ['netwerk'], lang: study.lang })`. Welke bevindingen houden dan nog stand (verdict *holds*)?",
      "Choose one network to drop and evaluate the findings of Figure 16 again: `evaluateFindings(study.networkRows, { findings: claimsOf(study, ['impact']), exclude: ['network'], lang: study.lang })`. Which findings still hold (verdict *holds*)?",
    ),
    answerForm: bi("`{ dropped: 'netwerk', survive: ['finding-id', ...] }`", "`{ dropped: 'network', survive: ['finding id', ...] }`"),
    hint: bi('Filter de resultaten op `verdict === \'holds\'` en neem de `id`s. Vergelijk met de evaluatie op alle netwerken.', "Filter the results on `verdict === 'holds'` and take the `id`s. Compare with the evaluation on all networks."),
    check(answer, ctx) {
      const a = asRecord(answer, ['dropped', 'survive'], bi('weggelaten netwerk en bevindingen', 'dropped network and findings'));
      const dropped = networkOf(a.dropped, ctx);
      const survive = asTextList(a.survive, bi('finding-ids', 'finding ids'));
      const all = impactFindings(ctx);
      const without = impactFindings(ctx, { exclude: [dropped] });
      const parts: FeedbackPart[] = [];
      for (const f of without) {
        const before = all.find((x) => x.id === f.id)!;
        const listed = survive.includes(f.id);
        const holds = f.verdict === 'holds';
        if (listed === holds) parts.push(right(`${f.id}: ${holds ? 'houdt stand' : `niet meer: ${f.verdict}`} zonder ${dropped} (r ${fmt(before.r)} → ${fmt(f.r)}).`, `${f.id}: ${holds ? 'holds' : `no longer: ${f.verdict}`} without ${dropped} (r ${fmt(before.r)} → ${fmt(f.r)}).`));
        else parts.push(wrong(`${f.id}: zonder ${dropped} is het verdict ${f.verdict} (r ${fmt(before.r)} → ${fmt(f.r)}; ${f.reason})${listed ? '' : ': hij houdt wel stand'}.`, `${f.id}: without ${dropped} the verdict is ${f.verdict} (r ${fmt(before.r)} → ${fmt(f.r)}; ${f.reason})${listed ? '' : ': it does hold'}.`));
      }
      const unknown = survive.filter((s) => !without.some((f) => f.id === s));
      if (unknown.length > 0) parts.push(wrong(`Geen bevinding van figuur 16: ${unknown.join(', ')} (ids: ${without.map((f) => f.id).join(', ')}).`, `Not a finding of Figure 16: ${unknown.join(', ')} (ids: ${without.map((f) => f.id).join(', ')}).`));
      return parts;
    },
  },
  {
    id: '07-4',
    requires: ['impact'],
    title: bi('Verdedig je keuze van coëfficiënt', 'Defend your choice of coefficient'),
    prompt: bi(
      "Evalueer de bevindingen van figuur 16 met Pearson en met Spearman (`method: 'spearman'`). Welke bevindingen krijgen een ander verdict? Kies de coëfficiënt die je zou rapporteren en verdedig hem.",
      "Evaluate the findings of Figure 16 with Pearson and with Spearman (`method: 'spearman'`). Which findings get another verdict? Choose the coefficient you would report and defend it.",
    ),
    answerForm: bi("`{ changed: ['finding-id', ...], method: 'pearson' | 'spearman', because: 'je argumenten' }`", "`{ changed: ['finding id', ...], method: 'pearson' | 'spearman', because: 'your arguments' }`"),
    hint: bi('Met tien gemiddelden op een 1-5-schaal kan één netwerk r bepalen; rho kijkt alleen naar de rangorde.', 'With ten means on a 1-5 scale one network can decide r; rho only looks at the ranks.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['changed', 'method', 'because'], bi('veranderde bevindingen, methode en onderbouwing', 'changed findings, method and defence'));
      const changed = asTextList(a.changed, bi('finding-ids', 'finding ids'));
      asChoice(a.method, ['pearson', 'spearman'] as const, bi('een methode', 'a method'));
      const p = impactFindings(ctx);
      const s = impactFindings(ctx, { method: 'spearman' });
      const expected = p.filter((f) => s.find((x) => x.id === f.id)!.verdict !== f.verdict).map((f) => f.id);
      const missing = expected.filter((id) => !changed.includes(id));
      const extra = changed.filter((id) => !expected.includes(id));
      const describeIds = (ids: string[]) => ids.map((id) => `${id} (${p.find((f) => f.id === id)?.verdict ?? '?'} → ${s.find((f) => f.id === id)?.verdict ?? '?'})`).join(', ');
      return [
        part(missing.length === 0 && extra.length === 0, bi(expected.length ? `Ander verdict met Spearman: ${describeIds(expected)}.` : 'Geen enkel verdict verandert: de keuze doet er hier niet toe, en dat is ook een argument.', expected.length ? `Another verdict with Spearman: ${describeIds(expected)}.` : 'No verdict changes: the choice does not matter here, which is an argument too.'), bi(`${missing.length ? `Ook veranderd: ${describeIds(missing)}. ` : ''}${extra.length ? `Niet veranderd: ${extra.join(', ')}.` : ''}`, `${missing.length ? `Also changed: ${describeIds(missing)}. ` : ''}${extra.length ? `Not changed: ${extra.join(', ')}.` : ''}`)),
        reasonPart(a.because),
      ];
    },
  },
];
