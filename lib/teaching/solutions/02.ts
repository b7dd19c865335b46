/** Solutions of notebook 02's exercises (left out of a student edition). */
import { reduceScale } from '../../analysis/scaleReduction';
import { requirePilot } from '../../notebooks/context';
import { bi } from '../answers';
import { argmax, argmin } from '../exercises/common';
import { poolReliability } from '../exercises/02';
import type { Solution } from '../types';

export const SOLUTIONS_02: Record<string, Solution> = {
  '02-1': {
    code: `const trustPool = poolAdequacy(pilot, study.instrument, 'trust').reliability;
const weakest = [...trustPool.items].sort((a, b) => a.itemRestR! - b.itemRestR!)[0];
const answer_02_1 = { item: weakest.name, r: weakest.itemRestR };`,
    reading: bi(
      'Op de standaarddata is trust_6 (negatief geformuleerd, al omgescoord) het zwakste item, met een item-rest r rond .58; de andere items liggen duidelijk hoger. Een lage item-rest r zegt: dit item meet minder van wat de rest meet.',
      'On the default data trust_6 (negatively worded, already reversed) is the weakest item, with an item-rest r around .58; the other items lie clearly higher. A low item-rest r says: this item measures less of what the rest measures.',
    ),
    solve: (ctx) => {
      const rel = poolReliability(requirePilot(ctx.study), ctx.study.instrument, 'trust');
      const w = argmin(rel.items, (i) => i.itemRestR ?? Infinity);
      return { item: w.name, r: w.itemRestR };
    },
  },
  '02-2': {
    code: `const trustRel = poolAdequacy(pilot, study.instrument, 'trust').reliability;
const answer_02_2 = trustRel.items.filter((i) => i.alphaIfDeleted! > trustRel.alpha).map((i) => i.name);`,
    reading: bi(
      'Alleen items met een lage item-rest r verhogen alpha als ze wegvallen. Dat is één van de criteria van het rapport; notebook 02 laat zien dat de reductie ook naar kruisladingen en inhoud kijkt, dus "alpha stijgt" is een reden om te kijken, geen automatisme.',
      'Only items with a low item-rest r raise alpha when deleted. That is one of the report\'s criteria; notebook 02 shows that the reduction also looks at cross-loadings and content, so "alpha rises" is a reason to look, not an automatism.',
    ),
    solve: (ctx) => {
      const rel = poolReliability(requirePilot(ctx.study), ctx.study.instrument, 'trust');
      return rel.items.filter((i) => (i.alphaIfDeleted ?? -Infinity) > rel.alpha).map((i) => i.name);
    },
  },
  '02-3': {
    code: `import { reliability } from '../dist';
import { pilotItems } from '../dist/notebooks';
const raw = pilotItems(pilot, study.instrument, 'trust', { reverse: false });
const wrongRel = reliability(raw.matrix, { names: raw.names, missing: 'pairwise' });
const goodRel = poolAdequacy(pilot, study.instrument, 'trust').reliability;
showTable(itemTable(wrongRel), { digits: 3 });
const culprit = [...wrongRel.items].sort((a, b) => a.itemRestR! - b.itemRestR!)[0];
const answer_02_3 = { item: culprit.name, r: culprit.itemRestR, alphaDrop: goodRel.alpha - wrongRel.alpha };`,
    reading: bi(
      'trust_6 krijgt een negatieve item-rest r en een alpha if deleted die hoger is dan alpha: het item loopt tegen de rest in. Een negatieve item-rest r is bijna altijd een codeerfout (een vergeten omscoring), geen inhoudelijk resultaat. Alpha zakt merkbaar; de fout is in de tabel te vinden, niet in alpha alleen.',
      'trust_6 gets a negative item-rest r and an alpha if deleted above alpha: the item runs against the rest. A negative item-rest r is almost always a coding error (a forgotten reversal), not a substantive result. Alpha drops noticeably; the error is found in the table, not in alpha alone.',
    ),
    solve: (ctx) => {
      const pilot = requirePilot(ctx.study);
      const w = poolReliability(pilot, ctx.study.instrument, 'trust', { reverse: false });
      const g = poolReliability(pilot, ctx.study.instrument, 'trust');
      const c = argmin(w.items, (i) => i.itemRestR ?? Infinity);
      return { item: c.name, r: c.itemRestR, alphaDrop: g.alpha - w.alpha };
    },
  },
  '02-4': {
    code: `const dm = reduceScale(pilot, study.instrument, 'decision_making');
showTable(reductionSteps(dm), { digits: 3 });
const firstOut = [...dm.removed].sort((a, b) => a.step - b.step)[0];
const answer_02_4 = { item: firstOut.item, reason: firstOut.reason };`,
    reading: bi(
      'De eerste stap van de reductie is de controle op kruisladingen; daarna valt item voor item het zwakste item af. Het negatief geformuleerde item (decision_making_5) valt op door zijn lage item-rest r. Lees de kolom detail: daar staan de getallen achter elke beslissing.',
      'The reduction\'s first step is the cross-loading check; then the weakest item goes, one at a time. The negatively worded item (decision_making_5) stands out with its low item-rest r. Read the column detail: it holds the numbers behind each decision.',
    ),
    solve: (ctx) => {
      const red = reduceScale(requirePilot(ctx.study), ctx.study.instrument, 'decision_making');
      const f = [...red.removed].sort((a, b) => a.step - b.step)[0];
      return { item: f.item, reason: f.reason };
    },
  },
  '02-5': {
    code: `import { reliability } from '../dist';
import { pilotItems } from '../dist/notebooks';
const finalTrust = pilotItems(pilot, study.instrument, 'trust', { pool: false });
const finalRel = reliability(finalTrust.matrix, { names: finalTrust.names, missing: 'pairwise' });
showTable(itemTable(finalRel), { digits: 3 });
const candidate = [...finalRel.items].sort((a, b) => b.alphaIfDeleted! - a.alphaIfDeleted!)[0];
const answer_02_5 = { item: candidate.name, because: 'Without this item alpha stays highest of all choices, so reliability suffers least, and its content group keeps another item, so the scale still covers every aspect of trust.' };`,
    reading: bi(
      'Kies het item waarvan alpha if deleted het hoogst is (de schaal verliest het minst) en controleer of zijn inhoudsgroep nog een item houdt. Als het beste item statistisch het laatste van zijn groep is, gaat de inhoud voor: kies dan het volgende. Een verdediging noemt beide argumenten.',
      'Choose the item whose alpha if deleted is highest (the scale loses least) and check that its content group keeps an item. If the statistically best item is the last of its group, content wins: choose the next. A defence names both arguments.',
    ),
    solve: (ctx) => {
      const rel = poolReliability(requirePilot(ctx.study), ctx.study.instrument, 'trust', { finalOnly: true });
      const finals = ctx.study.instrument.constructs.find((c) => c.id === 'trust')!.items.filter((i) => i.final);
      const allowed = rel.items.filter((i) => {
        const g = finals.find((f) => f.id === i.name)!.contentGroup;
        return g === undefined || finals.some((f) => f.id !== i.name && f.contentGroup === g);
      });
      return { item: argmax(allowed, (i) => i.alphaIfDeleted ?? -Infinity).name, because: 'Without this item alpha stays highest of all choices, so reliability suffers least, and its content group keeps another item, so the scale still covers every aspect of trust.' };
    },
  },
};
