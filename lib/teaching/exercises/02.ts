/**
 * Notebook 02, from item pool to scales: reading the item-total table,
 * alpha if deleted, a reverse-keyed item recoded wrongly, the reduction's
 * first decision, and which item to drop (defended).
 */
import { pilotItems, reduceScale } from '../../analysis/scaleReduction';
import { requirePilot } from '../../notebooks/context';
import { reliability, type ReliabilityResult } from '../../stats/reliability/reliability';
import type { Instrument } from '../../io/instrument';
import type { SurveyRow } from '../../analysis/scaleScores';
import { asChoice, asNumber, asRecord, asTextList, bi, fmt, near, part, reasonPart, right, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { argmin, constructOf } from './common';

/** The reliability of a pilot pool as notebook 02 shows it (reverse-keyed items reversed unless `reverse: false`). */
export function poolReliability(pilot: readonly SurveyRow[], instrument: Instrument, scale: string, options: { reverse?: boolean; finalOnly?: boolean } = {}): ReliabilityResult {
  const p = pilotItems(pilot, instrument, scale, { reverse: options.reverse, pool: options.finalOnly ? false : true });
  return reliability(p.matrix, { names: p.names, missing: 'pairwise' });
}

const itemIds = (ctx: TeachingContext, scale: string) => ctx.study.instrument.constructs.find((c) => c.id === scale)!.items.map((i) => i.id);

export const EXERCISES_02: ExerciseDefinition[] = [
  {
    id: '02-1',
    title: bi('De item-totaaltabel lezen', 'Reading the item-total table'),
    prompt: bi(
      'In de tabel van stap 3 (de trust-pool): welk item heeft de laagste item-restcorrelatie, en hoe hoog is die?',
      'In the table of step 3 (the trust pool): which item has the lowest item-rest correlation, and how high is it?',
    ),
    answerForm: bi("`{ item: 'trust_..', r: getal }`", "`{ item: 'trust_..', r: number }`"),
    hint: bi('Kolom `item-rest r` van `itemTable(pool.reliability)`: de correlatie van het item met de som van de andere items.', 'Column `item-rest r` of `itemTable(pool.reliability)`: the correlation of the item with the sum of the other items.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['item', 'r'], bi('item en r', 'item and r'));
      const item = constructOf(a.item, ctx, itemIds(ctx, 'trust'));
      const r = asNumber(a.r, bi('r', 'r'));
      const rel = poolReliability(requirePilot(ctx.study), ctx.study.instrument, 'trust');
      const low = argmin(rel.items, (i) => i.itemRestR ?? Infinity);
      const given = rel.items.find((i) => i.name === item)!;
      const lowestAlpha = argmin(rel.items, (i) => i.alphaIfDeleted ?? Infinity);
      const parts: FeedbackPart[] = [];
      if (item === low.name) parts.push(right(`${item} heeft de laagste item-rest r.`, `${item} has the lowest item-rest r.`));
      else if (item === lowestAlpha.name) parts.push(wrong(`${item} heeft de laagste *alpha if deleted* (het sterkste item); de laagste item-rest r is ${fmt(low.itemRestR, 3)}.`, `${item} has the lowest *alpha if deleted* (the strongest item); the lowest item-rest r is ${fmt(low.itemRestR, 3)}.`));
      else parts.push(wrong(`${item} heeft item-rest r = ${fmt(given.itemRestR, 3)}; er is een item met ${fmt(low.itemRestR, 3)}.`, `${item} has item-rest r = ${fmt(given.itemRestR, 3)}; one item has ${fmt(low.itemRestR, 3)}.`));
      parts.push(part(near(r, given.itemRestR ?? NaN, 0.006), bi(`r = ${fmt(given.itemRestR, 3)} voor ${item}.`, `r = ${fmt(given.itemRestR, 3)} for ${item}.`), bi(`De item-rest r van ${item} is ${fmt(given.itemRestR, 3)}, niet ${fmt(r, 3)}${near(r, given.alphaIfDeleted ?? NaN) ? ' (dat is zijn alpha if deleted)' : ''}.`, `The item-rest r of ${item} is ${fmt(given.itemRestR, 3)}, not ${fmt(r, 3)}${near(r, given.alphaIfDeleted ?? NaN) ? ' (that is its alpha if deleted)' : ''}.`)));
      return parts;
    },
  },
  {
    id: '02-2',
    title: bi('Alpha als het item wegvalt', 'Alpha if the item is deleted'),
    prompt: bi(
      'Welke items van de trust-pool zouden alpha *verhogen* als je ze weglaat? Noem ze allemaal (het kunnen er ook nul zijn).',
      'Which items of the trust pool would *raise* alpha if you deleted them? Name all of them (there may be none).',
    ),
    answerForm: bi("een lijst item-ids, bijv. `['trust_5']` (of `[]`)", "a list of item ids, e.g. `['trust_5']` (or `[]`)"),
    hint: bi('Vergelijk de kolom `alpha if deleted` met de alpha van de hele pool erboven. Een item waarvan de item-rest r laag is, staat daar meestal hoog.', 'Compare the column `alpha if deleted` with the alpha of the whole pool above it. An item with a low item-rest r usually stands high there.'),
    check(answer, ctx) {
      const list = asTextList(answer, bi('item-ids', 'item ids')).map((x) => constructOf(x, ctx, itemIds(ctx, 'trust')));
      const rel = poolReliability(requirePilot(ctx.study), ctx.study.instrument, 'trust');
      const raise = rel.items.filter((i) => (i.alphaIfDeleted ?? -Infinity) > rel.alpha).map((i) => i.name!);
      const parts: FeedbackPart[] = [];
      for (const item of rel.items) {
        const name = item.name!;
        const listed = list.includes(name);
        const raises = raise.includes(name);
        if (listed && raises) parts.push(right(`${name}: alpha zonder dit item ${fmt(item.alphaIfDeleted, 3)} > ${fmt(rel.alpha, 3)}; zijn item-rest r is ${fmt(item.itemRestR, 2)}.`, `${name}: alpha without it ${fmt(item.alphaIfDeleted, 3)} > ${fmt(rel.alpha, 3)}; its item-rest r is ${fmt(item.itemRestR, 2)}.`));
        else if (listed) parts.push(wrong(`${name}: alpha zonder dit item is ${fmt(item.alphaIfDeleted, 3)}, lager dan ${fmt(rel.alpha, 3)}: weglaten kost betrouwbaarheid (item-rest r ${fmt(item.itemRestR, 2)}).`, `${name}: alpha without it is ${fmt(item.alphaIfDeleted, 3)}, lower than ${fmt(rel.alpha, 3)}: deleting it costs reliability (item-rest r ${fmt(item.itemRestR, 2)}).`));
        else if (raises) parts.push(wrong(`alpha if deleted is hoger voor ${name} (${fmt(item.alphaIfDeleted, 3)} > ${fmt(rel.alpha, 3)}): kijk naar zijn item-rest r (${fmt(item.itemRestR, 2)}).`, `alpha if deleted is higher for ${name} (${fmt(item.alphaIfDeleted, 3)} > ${fmt(rel.alpha, 3)}): look at its item-rest r (${fmt(item.itemRestR, 2)}).`));
      }
      if (parts.length === 0) parts.push(right(`Geen item verhoogt alpha (${fmt(rel.alpha, 3)}) als het wegvalt.`, `No item raises alpha (${fmt(rel.alpha, 3)}) when deleted.`));
      return parts;
    },
  },
  {
    id: '02-3',
    title: bi('Een fout gehercodeerd item vinden', 'Finding a wrongly recoded item'),
    prompt: bi(
      "Een collega vergat de negatief geformuleerde items om te scoren. Doe hetzelfde: `const raw = pilotItems(pilot, study.instrument, 'trust', { reverse: false })` en `reliability(raw.matrix, { names: raw.names, missing: 'pairwise' })`. Welk item verraadt de fout in de betrouwbaarheidstabel, en wat is zijn item-rest r nu? Hoeveel lager is alpha dan met de juiste hercodering?",
      "A colleague forgot to reverse the negatively worded items. Do the same: `const raw = pilotItems(pilot, study.instrument, 'trust', { reverse: false })` and `reliability(raw.matrix, { names: raw.names, missing: 'pairwise' })`. Which item gives the error away in the reliability table, and what is its item-rest r now? How much lower is alpha than with the right recoding?",
    ),
    answerForm: bi("`{ item: 'trust_..', r: getal, alphaDrop: getal }`", "`{ item: 'trust_..', r: number, alphaDrop: number }`"),
    hint: bi('Een item dat de andere kant op gescoord is, correleert *negatief* met de rest van de schaal. alphaDrop = alpha (goed gehercodeerd) - alpha (fout).', 'An item scored the other way round correlates *negatively* with the rest of the scale. alphaDrop = alpha (recoded right) - alpha (wrong).'),
    check(answer, ctx) {
      const a = asRecord(answer, ['item', 'r', 'alphaDrop'], bi('item, r en alphaDrop', 'item, r and alphaDrop'));
      const item = constructOf(a.item, ctx, itemIds(ctx, 'trust'));
      const r = asNumber(a.r, bi('r', 'r'));
      const drop = asNumber(a.alphaDrop, bi('alphaDrop', 'alphaDrop'));
      const pilot = requirePilot(ctx.study);
      const wrongRel = poolReliability(pilot, ctx.study.instrument, 'trust', { reverse: false });
      const rightRel = poolReliability(pilot, ctx.study.instrument, 'trust');
      const reversed = ctx.study.instrument.constructs.find((c) => c.id === 'trust')!.items.filter((i) => i.reverse).map((i) => i.id);
      const given = wrongRel.items.find((i) => i.name === item)!;
      const culprit = wrongRel.items.find((i) => reversed.includes(i.name!));
      const parts: FeedbackPart[] = [];
      if (reversed.includes(item)) parts.push(right(`${item} is negatief geformuleerd: zonder hercodering is zijn item-rest r ${fmt(given.itemRestR, 2)}, het teken verraadt de fout.`, `${item} is negatively worded: without recoding its item-rest r is ${fmt(given.itemRestR, 2)}; the sign gives the error away.`));
      else parts.push(wrong(`${item} heeft in de foute analyse item-rest r = ${fmt(given.itemRestR, 2)}. Zoek het item met een *negatieve* item-rest r${culprit ? ` (${fmt(culprit.itemRestR, 2)})` : ''}: dat is het item dat andersom gescoord is.`, `${item} has item-rest r = ${fmt(given.itemRestR, 2)} in the wrong analysis. Look for the item with a *negative* item-rest r${culprit ? ` (${fmt(culprit.itemRestR, 2)})` : ''}: that is the item scored the wrong way round.`));
      parts.push(part(near(r, given.itemRestR ?? NaN), bi(`item-rest r = ${fmt(given.itemRestR, 3)}.`, `item-rest r = ${fmt(given.itemRestR, 3)}.`), bi(`De item-rest r van ${item} zonder hercodering is ${fmt(given.itemRestR, 3)}, niet ${fmt(r, 3)}${near(r, -(given.itemRestR ?? NaN)) ? ': let op het teken' : ''}.`, `The item-rest r of ${item} without recoding is ${fmt(given.itemRestR, 3)}, not ${fmt(r, 3)}${near(r, -(given.itemRestR ?? NaN)) ? ': mind the sign' : ''}.`)));
      const expected = rightRel.alpha - wrongRel.alpha;
      parts.push(part(near(drop, expected, 0.006), bi(`alpha zakt van ${fmt(rightRel.alpha, 3)} naar ${fmt(wrongRel.alpha, 3)} (${fmt(expected, 3)}).`, `alpha drops from ${fmt(rightRel.alpha, 3)} to ${fmt(wrongRel.alpha, 3)} (${fmt(expected, 3)}).`), bi(`alpha is ${fmt(rightRel.alpha, 3)} goed en ${fmt(wrongRel.alpha, 3)} fout gehercodeerd: het verschil is ${fmt(expected, 3)}, niet ${fmt(drop, 3)}.`, `alpha is ${fmt(rightRel.alpha, 3)} recoded right and ${fmt(wrongRel.alpha, 3)} wrong: the difference is ${fmt(expected, 3)}, not ${fmt(drop, 3)}.`)));
      return parts;
    },
  },
  {
    id: '02-4',
    title: bi('De eerste beslissing van de reductie', "The reduction's first decision"),
    prompt: bi(
      "Voer de reductie uit voor `decision_making` (`reduceScale(pilot, study.instrument, 'decision_making')`). Welk item gaat er als eerste uit, en om welke reden?",
      "Run the reduction for `decision_making` (`reduceScale(pilot, study.instrument, 'decision_making')`). Which item goes first, and for which reason?",
    ),
    answerForm: bi("`{ item: 'decision_making_..', reason: 'cross_loading' | 'negatively_worded' | 'low_inter_item_r' | 'alpha_if_deleted' }` (de reden zoals in de code)", "`{ item: 'decision_making_..', reason: 'cross_loading' | 'negatively_worded' | 'low_inter_item_r' | 'alpha_if_deleted' }`"),
    hint: bi('`reductionSteps(...)`: de eerste rij met action `remove`. De reductie zoekt eerst naar items die ook op een andere factor laden.', '`reductionSteps(...)`: the first row with action `remove`. The reduction first looks for items that also load on another factor.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['item', 'reason'], bi('item en reden', 'item and reason'));
      const item = constructOf(a.item, ctx, itemIds(ctx, 'decision_making'));
      const reason = asChoice(a.reason, ['cross_loading', 'negatively_worded', 'low_inter_item_r', 'alpha_if_deleted'] as const, bi('een reden', 'a reason'));
      const red = reduceScale(requirePilot(ctx.study), ctx.study.instrument, 'decision_making');
      const first = [...red.removed].sort((x, y) => x.step - y.step)[0];
      if (!first) return [wrong('Op deze data verwijdert de reductie geen enkel item van decision_making.', 'On these data the reduction removes no item of decision_making.')];
      const later = red.removed.find((x) => x.item === item);
      return [
        part(item === first.item, bi(`${item} gaat er als eerste uit (stap ${first.step}).`, `${item} goes first (step ${first.step}).`), bi(later ? `${item} gaat er pas in stap ${later.step} uit; lees de stappen op volgorde.` : `${item} blijft in de schaal; de eerste die gaat is een ander item.`, later ? `${item} goes only in step ${later.step}; read the steps in order.` : `${item} stays in the scale; the first to go is another item.`)),
        part(item === first.item ? reason === first.reason : reason === later?.reason, bi(`Reden: ${reason.replace(/_/g, ' ')}.`, `Reason: ${reason.replace(/_/g, ' ')}.`), bi(`De reden in de tabel is niet ${reason.replace(/_/g, ' ')}; kijk in de kolom reason en detail.`, `The reason in the table is not ${reason.replace(/_/g, ' ')}; look at the columns reason and detail.`)),
      ];
    },
  },
  {
    id: '02-5',
    title: bi('Eén item korter: welk item, en waarom?', 'One item shorter: which item, and why?'),
    prompt: bi(
      'De vragenlijst moet korter: de *definitieve* trust-schaal mag één item verliezen. Kies het item en verdedig je keuze met de betrouwbaarheid (alpha zonder het item) én de inhoud (face validity: elke inhoudsgroep `contentGroup` houdt minstens één item).',
      'The questionnaire must get shorter: the *final* trust scale may lose one item. Choose the item and defend the choice with reliability (alpha without the item) and content (face validity: every content group `contentGroup` keeps at least one item).',
    ),
    answerForm: bi("`{ item: 'trust_..', because: 'je argumenten' }`", "`{ item: 'trust_..', because: 'your arguments' }`"),
    hint: bi("`poolReliability` op alleen de definitieve items: `pilotItems(pilot, study.instrument, 'trust', { pool: false })` en `reliability(...)`; kijk naar alpha if deleted, en in `study.instrument` naar `contentGroup`.", "Reliability of the final items only: `pilotItems(pilot, study.instrument, 'trust', { pool: false })` and `reliability(...)`; look at alpha if deleted, and at `contentGroup` in `study.instrument`."),
    check(answer, ctx) {
      const a = asRecord(answer, ['item', 'because'], bi('item en onderbouwing', 'item and defence'));
      const construct = ctx.study.instrument.constructs.find((c) => c.id === 'trust')!;
      const finals = construct.items.filter((i) => i.final);
      const item = constructOf(a.item, ctx, finals.map((i) => i.id));
      const rel = poolReliability(requirePilot(ctx.study), ctx.study.instrument, 'trust', { finalOnly: true });
      const best = Math.max(...rel.items.map((i) => i.alphaIfDeleted ?? -Infinity));
      const given = rel.items.find((i) => i.name === item)!;
      const group = finals.find((i) => i.id === item)!.contentGroup;
      const groupLeft = finals.filter((i) => i.id !== item && i.contentGroup === group).length;
      return [
        part(
          (given.alphaIfDeleted ?? -Infinity) >= best - 0.01,
          bi(`Zonder ${item} blijft alpha ${fmt(given.alphaIfDeleted, 3)} (de hoogste alpha if deleted is ${fmt(best, 3)}; nu ${fmt(rel.alpha, 3)}).`, `Without ${item} alpha stays ${fmt(given.alphaIfDeleted, 3)} (the highest alpha if deleted is ${fmt(best, 3)}; now ${fmt(rel.alpha, 3)}).`),
          bi(`Zonder ${item} zakt alpha naar ${fmt(given.alphaIfDeleted, 3)}; een ander item laat ${fmt(best, 3)} over. Kies het item met de hoogste alpha if deleted, tenzij de inhoud het verbiedt.`, `Without ${item} alpha falls to ${fmt(given.alphaIfDeleted, 3)}; another item leaves ${fmt(best, 3)}. Choose the item with the highest alpha if deleted unless its content forbids it.`),
        ),
        part(
          group === undefined || groupLeft > 0,
          bi(group ? `Inhoudsgroep ${group} houdt ${groupLeft} item(s).` : 'Dit item heeft geen inhoudsgroep in het codeboek.', group ? `Content group ${group} keeps ${groupLeft} item(s).` : 'This item has no content group in the codebook.'),
          bi(`${item} is het laatste item van inhoudsgroep ${group}: zonder dit item meet de schaal dat aspect niet meer (face validity).`, `${item} is the last item of content group ${group}: without it the scale no longer measures that aspect (face validity).`),
        ),
        reasonPart(a.because),
      ];
    },
  },
];
