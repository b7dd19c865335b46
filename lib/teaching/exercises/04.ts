/**
 * Notebook 04, network portraits: reading a portrait, the widest bands,
 * whether two bands overlap, and which networks to show (defended).
 */
import { networkSummary } from '../../analysis/networkSummary';
import { asNumber, asRecord, asTextList, bi, fmt, part, reasonPart, right, sameSet, unknownNames, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart, TeachingContext } from '../types';
import { argmax, constructOf, mean, nameOf, networkNames, networkOf } from './common';

export function studySummary(ctx: TeachingContext) {
  return networkSummary(ctx.study.survey, ctx.study.instrument, { networks: ctx.study.networks ?? undefined });
}

const overlaps = (a: { lower: number | null; upper: number | null }, b: { lower: number | null; upper: number | null }) => a.lower !== null && b.lower !== null && a.lower <= b.upper! && b.lower <= a.upper!;

export const EXERCISES_04: ExerciseDefinition[] = [
  {
    id: '04-1',
    title: bi('Een portret lezen', 'Reading a portrait'),
    prompt: bi('Op welk kenmerk van het portret scoort het eerste netwerk in de tabel het hoogst, en op welk het laagst?', 'On which characteristic of the portrait does the first network in the table score highest, and on which lowest?'),
    answerForm: bi("`{ highest: 'construct-id', lowest: 'construct-id' }`", "`{ highest: 'construct id', lowest: 'construct id' }`"),
    hint: bi('`portraitTable(summary, study.instrument, netwerk)` of `summary[0].scores`: kolom mean.', '`portraitTable(summary, study.instrument, network)` or `summary[0].scores`: column mean.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['highest', 'lowest'], bi('hoogste en laagste kenmerk', 'highest and lowest characteristic'));
      const s = studySummary(ctx)[0];
      const scored = s.scores.filter((x) => x.mean !== null);
      const ids = scored.map((x) => x.construct);
      const hi = constructOf(a.highest, ctx, ids);
      const lo = constructOf(a.lowest, ctx, ids);
      const max = Math.max(...scored.map((x) => x.mean!));
      const min = Math.min(...scored.map((x) => x.mean!));
      const m = (id: string) => scored.find((x) => x.construct === id)!.mean!;
      return [
        part(m(hi) === max, bi(`${s.network} scoort het hoogst op ${nameOf(ctx, hi)} (${fmt(max)}).`, `${s.network} scores highest on ${nameOf(ctx, hi)} (${fmt(max)}).`), bi(`${nameOf(ctx, hi)}: ${fmt(m(hi))}; het hoogste gemiddelde van ${s.network} is ${fmt(max)}.`, `${nameOf(ctx, hi)}: ${fmt(m(hi))}; the highest mean of ${s.network} is ${fmt(max)}.`)),
        part(m(lo) === min, bi(`Het laagst op ${nameOf(ctx, lo)} (${fmt(min)}).`, `Lowest on ${nameOf(ctx, lo)} (${fmt(min)}).`), bi(`${nameOf(ctx, lo)}: ${fmt(m(lo))}; het laagste gemiddelde van ${s.network} is ${fmt(min)}.`, `${nameOf(ctx, lo)}: ${fmt(m(lo))}; the lowest mean of ${s.network} is ${fmt(min)}.`)),
      ];
    },
  },
  {
    id: '04-2',
    title: bi('De breedste banden', 'The widest bands'),
    prompt: bi('Welk kenmerk heeft gemiddeld over de netwerken de breedste band? Waarom juist dat kenmerk?', 'Which characteristic has the widest band, averaged over the networks? Why that one?'),
    answerForm: bi("het construct-id, bijv. `'trust'`", "the construct id, e.g. `'trust'`"),
    hint: bi('Bandbreedte = band high − band low = 4 SE = 4 SD/√n: ze groeit met de spreiding van de antwoorden binnen een netwerk.', 'Band width = band high − band low = 4 SE = 4 SD/√n: it grows with the spread of the answers within a network.'),
    check(answer, ctx) {
      const summary = studySummary(ctx);
      const ids = summary[0].scores.map((x) => x.construct);
      const id = constructOf(answer, ctx, ids);
      const width = (c: string) => mean(summary.flatMap((s) => s.scores.filter((x) => x.construct === c && x.lower !== null).map((x) => x.upper! - x.lower!)));
      const widest = argmax(ids, width);
      if (id === widest) return [right(`${nameOf(ctx, id)}: gemiddelde bandbreedte ${fmt(width(id))}. De leden lopen hier binnen hun netwerk het meest uiteen (of het netwerk heeft weinig respondenten).`, `${nameOf(ctx, id)}: mean band width ${fmt(width(id))}. Members disagree most within their network here (or the network has few respondents).`)];
      return [wrong(`${nameOf(ctx, id)} heeft een gemiddelde bandbreedte van ${fmt(width(id))}; ${nameOf(ctx, widest)} heeft ${fmt(width(widest))}.`, `${nameOf(ctx, id)} has a mean band width of ${fmt(width(id))}; ${nameOf(ctx, widest)} has ${fmt(width(widest))}.`)];
    },
  },
  {
    id: '04-3',
    title: bi('Overlappen de banden?', 'Do the bands overlap?'),
    prompt: bi('Neem de twee netwerken met het hoogste gemiddelde vertrouwen (`trust`). Overlappen hun banden? Mag je zeggen dat het eerste meer vertrouwen heeft dan het tweede?', 'Take the two networks with the highest mean trust (`trust`). Do their bands overlap? May you say that the first has more trust than the second?'),
    answerForm: bi('`{ networks: [naam, naam], overlap: true | false }`', '`{ networks: [name, name], overlap: true | false }`'),
    hint: bi('Twee banden overlappen als de ondergrens van elk onder de bovengrens van de ander ligt.', "Two bands overlap when each one's lower bound lies below the other's upper bound."),
    check(answer, ctx) {
      const a = asRecord(answer, ['networks', 'overlap'], bi('netwerken en overlap', 'networks and overlap'));
      const given = asTextList(a.networks, bi('twee netwerken', 'two networks'));
      const unknown = unknownNames(given, networkNames(ctx));
      if (unknown.length > 0) return [wrong(`Onbekend netwerk: ${unknown.join(', ')}.`, `Unknown network: ${unknown.join(', ')}.`)];
      const rows = studySummary(ctx).map((s) => ({ network: s.network, ...s.scores.find((x) => x.construct === 'trust')! })).filter((x) => x.mean !== null).sort((x, y) => y.mean! - x.mean!);
      const [first, second] = rows;
      const overlap = overlaps(first, second);
      const parts: FeedbackPart[] = [part(sameSet(given, [first.network, second.network]), bi(`${first.network} (${fmt(first.mean)}) en ${second.network} (${fmt(second.mean)}).`, `${first.network} (${fmt(first.mean)}) and ${second.network} (${fmt(second.mean)}).`), bi(`De twee hoogste zijn ${first.network} (${fmt(first.mean)}) en ${second.network} (${fmt(second.mean)}).`, `The two highest are ${first.network} (${fmt(first.mean)}) and ${second.network} (${fmt(second.mean)}).`))];
      if (typeof a.overlap !== 'boolean') parts.push(wrong('overlap is true of false.', 'overlap is true or false.'));
      else parts.push(part(a.overlap === overlap, bi(overlap ? `Ze overlappen (${fmt(first.lower)}–${fmt(first.upper)} en ${fmt(second.lower)}–${fmt(second.upper)}): zet ze niet in een volgorde.` : `Ze overlappen niet (${fmt(first.lower)}–${fmt(first.upper)} en ${fmt(second.lower)}–${fmt(second.upper)}): het verschil is groter dan de onzekerheid.`, overlap ? `They overlap (${fmt(first.lower)}–${fmt(first.upper)} and ${fmt(second.lower)}–${fmt(second.upper)}): do not put them in an order.` : `They do not overlap (${fmt(first.lower)}–${fmt(first.upper)} and ${fmt(second.lower)}–${fmt(second.upper)}): the difference is larger than the uncertainty.`), bi(`Vergelijk de grenzen: ${fmt(first.lower)}–${fmt(first.upper)} en ${fmt(second.lower)}–${fmt(second.upper)}.`, `Compare the bounds: ${fmt(first.lower)}–${fmt(first.upper)} and ${fmt(second.lower)}–${fmt(second.upper)}.`)));
      return parts;
    },
  },
  {
    id: '04-4',
    title: bi('Welke portretten laat je zien?', 'Which portraits do you show?'),
    prompt: bi(
      'Een portret op heel weinig complete vragenlijsten is onzeker en kan leden herkenbaar maken. Kies een minimum aantal complete vragenlijsten voor een portret, noem de netwerken die eronder vallen, en verdedig je minimum.',
      'A portrait on very few complete questionnaires is uncertain and may make members recognisable. Choose a minimum number of complete questionnaires for a portrait, name the networks that fall below it, and defend your minimum.',
    ),
    answerForm: bi("`{ minimum: getal, below: [namen], because: 'je argumenten' }`", "`{ minimum: number, below: [names], because: 'your arguments' }`"),
    hint: bi('Kolom complete van `responseTable(study.networkRows)`; `privacyCheck` in de bibliotheek gebruikt standaard 5.', 'Column complete of `responseTable(study.networkRows)`; `privacyCheck` in the library uses 5 by default.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['minimum', 'below', 'because'], bi('minimum, netwerken en onderbouwing', 'minimum, networks and defence'));
      const minimum = asNumber(a.minimum, bi('minimum', 'minimum'));
      const below = asTextList(a.below, bi('netwerken', 'networks'));
      const expected = ctx.study.networkRows.filter((r) => r.complete < minimum).map((r) => r.network);
      const parts: FeedbackPart[] = [part(Number.isInteger(minimum) && minimum >= 2, bi(`Minimum ${minimum}.`, `Minimum ${minimum}.`), bi('Een minimum is een heel getal van 2 of meer (een gemiddelde en een band hebben minstens 2 leden nodig).', 'A minimum is a whole number of 2 or more (a mean and a band need at least 2 members).'))];
      const missing = expected.filter((n) => !below.some((b) => b.toLowerCase() === n.toLowerCase()));
      const extra = below.filter((b) => !expected.some((n) => n.toLowerCase() === b.toLowerCase()));
      parts.push(part(missing.length === 0 && extra.length === 0, bi(expected.length === 0 ? `Geen netwerk heeft minder dan ${minimum} complete vragenlijsten.` : `Onder ${minimum}: ${expected.join(', ')}.`, expected.length === 0 ? `No network has fewer than ${minimum} complete questionnaires.` : `Below ${minimum}: ${expected.join(', ')}.`), bi([missing.length > 0 ? `ontbreekt: ${missing.map((n) => `${n} (${ctx.study.networkRows.find((r) => r.network === n)!.complete} compleet)`).join(', ')}` : '', extra.length > 0 ? `niet onder het minimum: ${extra.join(', ')}` : ''].filter(Boolean).join('; ') + '.', [missing.length > 0 ? `missing: ${missing.map((n) => `${n} (${ctx.study.networkRows.find((r) => r.network === n)!.complete} complete)`).join(', ')}` : '', extra.length > 0 ? `not below the minimum: ${extra.join(', ')}` : ''].filter(Boolean).join('; ') + '.')));
      parts.push(reasonPart(a.because));
      return parts;
    },
  },
  {
    id: '04-5',
    title: bi('Een netwerk in één zin', 'A network in one sentence'),
    prompt: bi('Kies een netwerk en geef het kenmerk waarop het het meest *boven* het gemiddelde van alle netwerken uitsteekt (verschil van zijn gemiddelde met het gemiddelde over de netwerken).', 'Choose a network and give the characteristic on which it stands out most *above* the mean of all networks (its mean minus the mean over the networks).'),
    answerForm: bi("`{ network: naam, construct: 'construct-id' }`", "`{ network: name, construct: 'construct id' }`"),
    hint: bi('Bereken per kenmerk het gemiddelde van de netwerkgemiddelden (`study.networkRows[k].means`) en trek het af van de waarde van jouw netwerk.', "Compute per characteristic the mean of the network means (`study.networkRows[k].means`) and subtract it from your network's value."),
    check(answer, ctx) {
      const a = asRecord(answer, ['network', 'construct'], bi('netwerk en kenmerk', 'network and characteristic'));
      const network = networkOf(a.network, ctx);
      const rows = ctx.study.networkRows;
      const ids = ctx.study.instrument.constructs.filter((c) => c.kind === 'scale').map((c) => c.id).filter((id) => rows.every((r) => typeof r.means[id] === 'number'));
      const id = constructOf(a.construct, ctx, ids);
      const row = rows.find((r) => r.network === network)!;
      const lead = (c: string) => row.means[c]! - mean(rows.map((r) => r.means[c]!));
      const best = argmax(ids, lead);
      return [part(id === best, bi(`${network} steekt het meest uit op ${nameOf(ctx, id)}: ${fmt(lead(id))} boven het gemiddelde van de netwerken.`, `${network} stands out most on ${nameOf(ctx, id)}: ${fmt(lead(id))} above the mean of the networks.`), bi(`${network} ligt op ${nameOf(ctx, id)} ${fmt(lead(id))} boven (of onder) het gemiddelde; op ${nameOf(ctx, best)} is dat ${fmt(lead(best))}.`, `${network} lies ${fmt(lead(id))} above (or below) the mean on ${nameOf(ctx, id)}; on ${nameOf(ctx, best)} it is ${fmt(lead(best))}.`))];
    },
  },
];
