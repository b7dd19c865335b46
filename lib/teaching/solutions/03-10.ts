/** Solutions of notebooks 03-10's exercises (left out of a student edition). */
import { iccByNetwork, aggregationByConstruct } from '../../analysis/agreementByNetwork';
import { motivationSummary } from '../../analysis/motivationSummary';
import { correlationTable, leaveOneNetworkOut } from '../../analysis/networkLevel';
import { criticalR, evaluateFindings } from '../../analysis/evaluateFindings';
import { claimsOf } from '../../notebooks/context';
import { segmentAgreement } from '../../qual/agreement/segmentAgreement';
import { codeMatrix } from '../../qual/analysis/codeMatrix';
import { describe } from '../../stats/descriptives/describe';
import { bi } from '../answers';
import { argmax, argmin, mean, networkNames, OWN_DATA_DIR, sd, valuesOf } from '../exercises/common';
import { networkScores } from '../exercises/03';
import { studySummary } from '../exercises/04';
import { YEAR_CLASSES, yearClass } from '../exercises/05';
import { boundaryPairs } from '../exercises/06';
import { impactFindings, impactVariables } from '../exercises/07';
import { allFindings, portraitClustering } from '../exercises/09';
import { coderPairs, KAPPA_THEME, OVERLAPS, paragraphAgreement } from '../exercises/10';
import type { Solution, TeachingContext } from '../types';

const OWN = `import { writeStudentStudy } from '../dist/teaching';
writeStudentStudy('1234567', '${OWN_DATA_DIR}');
const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' });`;
const BECAUSE = 'I weighed what the numbers of this study show against what a reader needs, and the other choice would claim more than ten networks can carry.';

export const SOLUTIONS_03_10: Record<string, Solution> = {
  '03-1': {
    code: `import { iccByNetwork } from '../dist/notebooks';
const lowIcc = [...iccByNetwork(study.survey, study.instrument, study.networkRows.map((r) => r.network))].sort((a, b) => a.icc - b.icc)[0];
const answer_03_1 = { network: lowIcc.network, lower: lowIcc.lower };`,
    reading: bi('Ook het laagste ICC(A,k) ligt op de standaarddata boven .90 (Thrascias, ondergrens ongeveer .88): de leden van elk netwerk antwoorden eensgezind genoeg om hun gemiddelde als netwerkscore te gebruiken.', 'Even the lowest ICC(A,k) lies above .90 on the default data (Thrascias, lower bound about .88): the members of each network answer alike enough to use their mean as the network score.'),
    solve: (ctx) => {
      const low = argmin(iccByNetwork(ctx.study.survey, ctx.study.instrument, networkNames(ctx)), (r) => r.icc);
      return { network: low.network, lower: low.lower };
    },
  },
  '03-2': {
    code: `import { scaleScores, describe } from '../dist';
const first = study.networkRows[0].network;
const x = scaleScores(study.survey, study.instrument).filter((_, k) => study.survey[k].network === first).map((s) => s.impact).filter((v): v is number => v !== null);
const d = describe(x);
const answer_03_2 = { lower: d.mean! - 2 * d.sd! / Math.sqrt(d.n), upper: d.mean! + 2 * d.sd! / Math.sqrt(d.n) };`,
    reading: bi('De band is smal omdat hij de onzekerheid van het *gemiddelde* beschrijft (SE = SD/√n), niet de spreiding van de leden. Met ±2 SD zou hij bijna de hele schaal beslaan.', 'The band is narrow because it describes the uncertainty of the *mean* (SE = SD/√n), not the spread of the members. With ±2 SD it would cover almost the whole scale.'),
    solve: (ctx) => {
      const d = describe(networkScores(ctx, networkNames(ctx)[0], 'impact'));
      return { lower: d.lower, upper: d.upper };
    },
  },
  '03-3': {
    code: `import { iccByNetwork } from '../dist/notebooks';
const big = [...iccByNetwork(study.survey, study.instrument, study.networkRows.map((r) => r.network))].sort((a, b) => b.raters - a.raters)[0];
const answer_03_3 = (big.raters * big.single) / (1 + (big.raters - 1) * big.single);`,
    reading: bi('Spearman-Brown geeft precies ICC(A,k): de betrouwbaarheid van het gemiddelde van k leden volgt uit die van één lid. Een ICC(A,1) van .6 wordt met 17 leden ruim .95.', 'Spearman-Brown gives exactly ICC(A,k): the reliability of the mean of k members follows from that of one member. An ICC(A,1) of .6 becomes well over .95 with 17 members.'),
    solve: (ctx) => {
      const big = argmax(iccByNetwork(ctx.study.survey, ctx.study.instrument, networkNames(ctx)), (r) => r.raters);
      return (big.raters * big.single) / (1 + (big.raters - 1) * big.single);
    },
  },
  '03-4': {
    code: `${OWN}
import { scaleScores } from '../dist';
const mineScores = scaleScores(mine.survey, mine.instrument);
const perNetwork = mine.networkRows.map((r) => mineScores.filter((s, k) => mine.survey[k].network === r.network && s.impact !== null).length);
const answer_03_4 = { rule: 't95', smallestN: Math.min(...perNetwork), because: 'With so few respondents in the smallest network the t value is well above 2, so plus or minus 2 SE covers less than 95%; I report the t interval and say that the report used 2 SE.' };`,
    reading: bi("Met 6 tot 14 respondenten per netwerk is t(.975, n−1) tussen 2.16 en 2.57: ±2 SE is dan een smallere band dan een 95%-interval. 't95' is eerlijker; '2se' is verdedigbaar als je met het rapport wilt vergelijken, mits je dat zegt.", "With 6 to 14 respondents per network t(.975, n−1) lies between 2.16 and 2.57: ±2 SE is then narrower than a 95% interval. 't95' is more honest; '2se' is defensible to compare with the report, provided you say so."),
    solve: (ctx) => ({ rule: 't95', smallestN: Math.min(...networkNames(ctx).map((n) => networkScores(ctx, n, 'impact').length)), because: 'With so few respondents in the smallest network the t value is well above 2, so plus or minus 2 SE covers less than 95%; I report the t interval and say that the report used 2 SE.' }),
  },
  '03-5': {
    code: `import { aggregationByConstruct } from '../dist/notebooks';
const answer_03_5 = [...aggregationByConstruct(study.survey, study.instrument)].sort((a, b) => a.icc2 - b.icc2)[0].construct;`,
    reading: bi('Waar de netwerken weinig van elkaar verschillen (lage ICC(1)), zijn hun gemiddelden moeilijk uit elkaar te houden (lage ICC(2)), ook als de leden binnen elk netwerk het eens zijn. Een rangorde van netwerken op die schaal is dan zwak onderbouwd.', 'Where the networks differ little (low ICC(1)), their means are hard to tell apart (low ICC(2)), even when members agree within each network. A ranking of networks on that scale is then weakly founded.'),
    solve: (ctx) => argmin(aggregationByConstruct(ctx.study.survey, ctx.study.instrument), (r) => r.icc2).construct,
  },
  '04-1': {
    code: `import { networkSummary } from '../dist';
const firstScores = networkSummary(study.survey, study.instrument, { networks: study.networks ?? undefined })[0].scores.filter((s) => s.mean !== null).sort((a, b) => b.mean! - a.mean!);
const answer_04_1 = { highest: firstScores[0].construct, lowest: firstScores.at(-1)!.construct };`,
    reading: bi('Een portret leest als een profiel: waar steekt het netwerk uit, waar blijft het achter. Kijk bij elk uiterste ook naar de band: een hoog gemiddelde met een brede band is minder zeker.', 'A portrait reads as a profile: where does the network stand out, where does it lag. At each extreme look at the band too: a high mean with a wide band is less certain.'),
    solve: (ctx) => {
      const s = studySummary(ctx)[0].scores.filter((x) => x.mean !== null);
      return { highest: argmax(s, (x) => x.mean!).construct, lowest: argmin(s, (x) => x.mean!).construct };
    },
  },
  '04-2': {
    code: `import { networkSummary } from '../dist';
const sum4 = networkSummary(study.survey, study.instrument, { networks: study.networks ?? undefined });
const widths = sum4[0].scores.map((s) => ({ construct: s.construct, width: sum4.flatMap((n) => n.scores.filter((x) => x.construct === s.construct && x.lower !== null).map((x) => x.upper! - x.lower!)).reduce((a, b) => a + b, 0) / sum4.length }));
const answer_04_2 = [...widths].sort((a, b) => b.width - a.width)[0].construct;`,
    reading: bi('De breedste banden horen bij het kenmerk waarop leden binnen hun netwerk het meest verschillen; n speelt mee, maar is voor alle kenmerken van één netwerk bijna gelijk.', 'The widest bands belong to the characteristic on which members differ most within their network; n plays a part but is almost the same for all characteristics of one network.'),
    solve: (ctx) => {
      const summary = studySummary(ctx);
      const ids = summary[0].scores.map((x) => x.construct);
      return argmax(ids, (c) => mean(summary.flatMap((s) => s.scores.filter((x) => x.construct === c && x.lower !== null).map((x) => x.upper! - x.lower!))));
    },
  },
  '04-3': {
    code: `import { networkSummary } from '../dist';
const trustRows = networkSummary(study.survey, study.instrument, { networks: study.networks ?? undefined }).map((n) => ({ network: n.network, ...n.scores.find((s) => s.construct === 'trust')! })).sort((a, b) => b.mean! - a.mean!);
const [t1, t2] = trustRows;
const answer_04_3 = { networks: [t1.network, t2.network], overlap: t1.lower! <= t2.upper! && t2.lower! <= t1.upper! };`,
    reading: bi('Overlappende banden: zet de twee netwerken niet in een volgorde op dit kenmerk. Dat is de regel die het rapport zelf noemt bij de figuren 1-10.', 'Overlapping bands: do not put the two networks in an order on this characteristic. That is the rule the report itself gives with Figures 1-10.'),
    solve: (ctx) => {
      const rows = studySummary(ctx).map((s) => ({ network: s.network, ...s.scores.find((x) => x.construct === 'trust')! })).filter((x) => x.mean !== null).sort((x, y) => y.mean! - x.mean!);
      return { networks: [rows[0].network, rows[1].network], overlap: rows[0].lower! <= rows[1].upper! && rows[1].lower! <= rows[0].upper! };
    },
  },
  '04-4': {
    code: `const answer_04_4 = { minimum: 8, below: study.networkRows.filter((r) => r.complete < 8).map((r) => r.network), because: 'Below eight complete questionnaires the band gets wide and single members become recognisable in a small network, so I show those portraits only with a warning.' };`,
    reading: bi('Er is geen juist minimum; wel een verdedigbaar: de bibliotheek gebruikt 5 voor privacy, de ICC van het rapport had er minstens 7. Noem de netwerken die eronder vallen en wat je met hen doet (weglaten, samenvoegen, met waarschuwing tonen).', 'There is no right minimum, only a defensible one: the library uses 5 for privacy, the report\'s ICC had at least 7. Name the networks that fall below it and what you do with them (leave out, merge, show with a warning).'),
    solve: (ctx) => ({ minimum: 8, below: ctx.study.networkRows.filter((r) => r.complete < 8).map((r) => r.network), because: 'Below eight complete questionnaires the band gets wide and single members become recognisable in a small network, so I show those portraits only with a warning.' }),
  },
  '04-5': {
    code: `const rows5 = study.networkRows;
const scales5 = study.instrument.constructs.filter((c) => c.kind === 'scale').map((c) => c.id).filter((id) => rows5.every((r) => typeof r.means[id] === 'number'));
const lead5 = (c: string) => rows5[0].means[c]! - rows5.reduce((s, r) => s + r.means[c]!, 0) / rows5.length;
const answer_04_5 = { network: rows5[0].network, construct: [...scales5].sort((a, b) => lead5(b) - lead5(a))[0] };`,
    reading: bi('Het verschil met het gemiddelde van alle netwerken zegt meer dan het gemiddelde zelf: een 4.2 is hoog op een schaal waar iedereen 3 scoort, gewoon waar iedereen 4 scoort.', 'The difference from the mean of all networks says more than the mean itself: a 4.2 is high on a scale where everyone scores 3, ordinary where everyone scores 4.'),
    solve: (ctx) => {
      const rows = ctx.study.networkRows;
      const ids = ctx.study.instrument.constructs.filter((c) => c.kind === 'scale').map((c) => c.id).filter((id) => rows.every((r) => typeof r.means[id] === 'number'));
      return { network: rows[0].network, construct: argmax(ids, (c) => rows[0].means[c]! - mean(rows.map((r) => r.means[c]!))) };
    },
  },
  '05-1': {
    code: `import { motivationSummary } from '../dist';
const answer_05_1 = motivationSummary(study.survey, study.instrument).filter((r) => r.network === null).sort((a, b) => b.mean! - a.mean!)[0].item;`,
    reading: bi('De belangrijkste reden is op de standaarddata dezelfde als in figuur 11 van het rapport. Lees de verschillen tussen de redenen met hun SE: kleine verschillen bovenaan zijn geen volgorde.', 'On the default data the main reason is the same as in Figure 11 of the report. Read the differences between reasons with their SE: small differences at the top are no order.'),
    solve: (ctx) => argmax(motivationSummary(ctx.study.survey, ctx.study.instrument).filter((r) => r.network === null && r.mean !== null), (r) => r.mean!).item,
  },
  '05-2': {
    code: `const sd5 = (xs: number[]) => { const m = xs.reduce((a, b) => a + b, 0) / xs.length; return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)); };
const answer_05_2 = [...study.definition.boundaries].sort((a, b) => sd5(study.networkRows.map((r) => r.means[b]!)) - sd5(study.networkRows.map((r) => r.means[a]!)))[0];`,
    reading: bi('De dimensie met de grootste spreiding tussen netwerken is de dimensie waarop netwerken zich het duidelijkst van elkaar onderscheiden; een dimensie waarop ze allemaal gelijk scoren kan in figuur 15 geen patroon dragen.', 'The dimension with the largest spread between networks is the one on which networks set themselves apart most clearly; a dimension on which all score alike cannot carry a pattern in Figure 15.'),
    solve: (ctx) => argmax(ctx.study.definition.boundaries.filter((d) => valuesOf(ctx.study.networkRows, d).length >= 2), (d) => sd(valuesOf(ctx.study.networkRows, d).map((v) => v.value))),
  },
  '05-3': {
    code: `const years5 = study.networkRows.map((r) => r.years).filter((y): y is number => y !== null);
const answer_05_3 = { '0-5': years5.filter((y) => y <= 5).length, '6-10': years5.filter((y) => y > 5 && y <= 10).length, '>10': years5.filter((y) => y > 10).length };`,
    reading: bi('Klassen maken een figuur leesbaar, maar verbergen wat er binnen een klasse gebeurt; de correlaties van notebook 08 gebruiken daarom het aantal jaren zelf.', 'Classes make a figure readable but hide what happens within a class; the correlations of notebook 08 therefore use the number of years itself.'),
    solve: (ctx) => {
      const ys = valuesOf(ctx.study.networkRows, 'years').map((v) => v.value);
      return Object.fromEntries(YEAR_CLASSES.map((c) => [c, ys.filter((y) => yearClass(y) === c).length]));
    },
  },
  '05-4': {
    code: `import { correlationTable } from '../dist/notebooks';
const ym = correlationTable(study.networkRows, ['years', 'members'])[0];
const answer_05_4 = { r: ym.r, p: ym.p };`,
    reading: bi('Met tien netwerken moet een verband sterk zijn om op te vallen; de permutatie-p rekent alle ordeningen van de tien netwerken door en vraagt geen normaliteit.', 'With ten networks a relation must be strong to stand out; the permutation p goes through all orderings of the ten networks and needs no normality.'),
    solve: (ctx) => {
      const c = correlationTable(ctx.study.networkRows, ['years', 'members'])[0];
      return { r: c.r, p: c.p };
    },
  },
  '06-1': {
    code: `import { correlationTable } from '../dist/notebooks';
const bp = [...correlationTable(study.networkRows, study.definition.boundaries)].sort((a, b) => Math.abs(b.r) - Math.abs(a.r))[0];
const answer_06_1 = [bp.x, bp.y];`,
    reading: bi('De sterkste samenhang kan negatief zijn: netwerken die langs de ene lijn begrensd zijn, zijn het dan minder langs de andere.', 'The strongest relation may be negative: networks bounded along one line are then less so along the other.'),
    solve: (ctx) => {
      const t = argmax(boundaryPairs(ctx), (p) => Math.abs(p.r));
      return [t.x, t.y];
    },
  },
  '06-2': {
    code: `import { correlationTable, leaveOneNetworkOut } from '../dist/notebooks';
const bp2 = [...correlationTable(study.networkRows, study.definition.boundaries)].sort((a, b) => Math.abs(b.r) - Math.abs(a.r))[0];
const loo6 = leaveOneNetworkOut(study.networkRows, bp2.x, bp2.y).result.mostInfluential;
const answer_06_2 = { network: loo6.dropped, r: loo6.r };`,
    reading: bi('Als één netwerk r sterk verandert, rust de samenhang op dat netwerk: rapporteer hem dan met die kanttekening, of helemaal niet.', 'If one network changes r a lot, the relation rests on that network: report it with that caveat, or not at all.'),
    solve: (ctx) => {
      const t = argmax(boundaryPairs(ctx), (p) => Math.abs(p.r));
      const m = leaveOneNetworkOut(ctx.study.networkRows, t.x, t.y).result.mostInfluential;
      return { network: m.dropped, r: m.r };
    },
  },
  '06-3': {
    code: `import { criticalR } from '../dist';
const answer_06_3 = criticalR(study.networkRows.length, true);`,
    reading: bi('Met tien netwerken moet |r| boven ongeveer .63 liggen voor p < .05: alleen sterke verbanden zijn aantoonbaar, en een "geen verband" is bijna nooit een bewijs van afwezigheid.', 'With ten networks |r| must exceed about .63 for p < .05: only strong relations can be shown, and "no relation" is almost never proof of absence.'),
    solve: (ctx) => criticalR(ctx.study.networkRows.length, true),
  },
  '06-4': {
    code: `${OWN}
import { correlationTable } from '../dist/notebooks';
const minePairs = correlationTable(mine.networkRows, mine.definition.boundaries);
const mineTop = [...minePairs].sort((a, b) => Math.abs(b.r) - Math.abs(a.r))[0];
const answer_06_4 = { significant: minePairs.filter((p) => p.p < 0.05).length, strongest: [mineTop.x, mineTop.y] };`,
    reading: bi('Je eigen data hebben een gedeelde groepsfactor: veel paren hangen samen, zonder dat iemand dat zo bedoelde. Wat significant is, hangt af van je seed: vergelijk met een medestudent.', 'Your own data have a shared group factor: many pairs are related without anyone meaning them to be. What is significant depends on your seed: compare with a fellow student.'),
    solve: (ctx) => {
      const pairs = boundaryPairs(ctx);
      const t = argmax(pairs, (p) => Math.abs(p.r));
      return { significant: pairs.filter((p) => p.p < 0.05).length, strongest: [t.x, t.y] };
    },
  },
  '07-1': {
    code: `import { correlationTable } from '../dist/notebooks';
const vars7 = ['shared_vision', 'affectivity', 'trust', 'members', 'effectiveness', 'effect_education'];
const top7 = correlationTable(study.networkRows, ['impact', ...vars7]).filter((p) => p.x === 'impact' || p.y === 'impact').sort((a, b) => Math.abs(b.r) - Math.abs(a.r))[0];
const answer_07_1 = top7.x === 'impact' ? top7.y : top7.x;`,
    reading: bi('Op de standaarddata hangt gedeelde visie het sterkst samen met impact (r ongeveer .87), zoals het rapport zegt; onthoud dat de data daarop gekalibreerd zijn.', 'On the default data shared vision relates most strongly to impact (r about .87), as the report says; remember that the data were calibrated to show it.'),
    solve: (ctx) => {
      const pairs = correlationTable(ctx.study.networkRows, ['impact', ...impactVariables(ctx)]).filter((p) => p.x === 'impact' || p.y === 'impact');
      const t = argmax(pairs, (p) => Math.abs(p.r));
      return t.x === 'impact' ? t.y : t.x;
    },
  },
  '07-2': {
    code: `import { correlationTable } from '../dist/notebooks';
const iv = correlationTable(study.networkRows, ['impact', 'shared_vision'])[0];
const answer_07_2 = { r: iv.r, rho: iv.rho };`,
    reading: bi('Liggen r en rho dicht bij elkaar, dan draagt geen enkel netwerk het verband alleen; wijken ze af, kijk dan naar de spreidingsfiguur welk netwerk r trekt.', 'When r and rho lie close, no single network carries the relation; when they differ, look in the scatter which network pulls r.'),
    solve: (ctx) => {
      const c = correlationTable(ctx.study.networkRows, ['impact', 'shared_vision'])[0];
      return { r: c.r, rho: c.rho };
    },
  },
  '07-3': {
    code: `import { evaluateFindings } from '../dist';
import { claimsOf } from '../dist/notebooks';
const dropped7 = study.networkRows[0].network;
const without7 = evaluateFindings(study.networkRows, { findings: claimsOf(study, ['impact']), exclude: [dropped7], lang: study.lang });
const answer_07_3 = { dropped: dropped7, survive: without7.filter((f) => f.verdict === 'holds').map((f) => f.id) };`,
    reading: bi('Een bevinding die het weglaten van elk afzonderlijk netwerk overleeft, rust niet op één geval. Een bevinding die verdwijnt, rapporteer je met dat netwerk erbij genoemd.', 'A finding that survives dropping any single network does not rest on one case. A finding that disappears you report naming that network.'),
    solve: (ctx) => {
      const d = networkNames(ctx)[0];
      return { dropped: d, survive: impactFindings(ctx, { exclude: [d] }).filter((f) => f.verdict === 'holds').map((f) => f.id) };
    },
  },
  '07-4': {
    code: `import { evaluateFindings } from '../dist';
import { claimsOf } from '../dist/notebooks';
const p7 = evaluateFindings(study.networkRows, { findings: claimsOf(study, ['impact']), lang: study.lang });
const s7 = evaluateFindings(study.networkRows, { findings: claimsOf(study, ['impact']), method: 'spearman', lang: study.lang });
const answer_07_4 = { changed: p7.filter((f) => s7.find((x) => x.id === f.id)!.verdict !== f.verdict).map((f) => f.id), method: 'spearman', because: 'Ten means on a five-point scale are few and one network can decide Pearson r, while rho only uses the ranks; I report rho and show r beside it.' };`,
    reading: bi('Beide keuzes zijn verdedigbaar. Spearman is bij tien gemiddelden robuuster tegen één afwijkend netwerk; Pearson sluit aan bij het rapport. Een verdict dat met de keuze verandert, is zwak onderbouwd: zeg dat.', 'Both choices are defensible. With ten means Spearman is more robust against one deviant network; Pearson matches the report. A verdict that changes with the choice is weakly founded: say so.'),
    solve: (ctx) => {
      const p = impactFindings(ctx);
      const s = impactFindings(ctx, { method: 'spearman' });
      return { changed: p.filter((f) => s.find((x) => x.id === f.id)!.verdict !== f.verdict).map((f) => f.id), method: 'spearman', because: BECAUSE };
    },
  },
  '08-1': {
    code: `import { correlationTable } from '../dist/notebooks';
const mi = correlationTable(study.networkRows, ['impact', 'monitoring'])[0];
const answer_08_1 = { r: mi.r, p: mi.p };`,
    reading: bi('Monitoring hangt op de standaarddata sterk samen met impact, zoals het rapport zegt; leave-one-out (notebook 09) laat zien of dat op Meses rust.', 'On the default data monitoring relates strongly to impact, as the report says; leave-one-out (notebook 09) shows whether that rests on Meses.'),
    solve: (ctx) => {
      const c = correlationTable(ctx.study.networkRows, ['impact', 'monitoring'])[0];
      return { r: c.r, p: c.p };
    },
  },
  '08-2': {
    code: `import { leaveOneNetworkOut } from '../dist/notebooks';
const yi = leaveOneNetworkOut(study.networkRows, 'years', 'impact').result.mostInfluential;
const answer_08_2 = { network: yi.dropped, r: yi.r };`,
    reading: bi('Op de standaarddata is dat Meses, het oudste netwerk (22 jaar): zonder Meses verandert het "geen verband met jaren" het meest. Een uitschieter op de x-as weegt zwaar in r.', 'On the default data that is Meses, the oldest network (22 years): without Meses "no relation with years" changes most. An outlier on the x axis weighs heavily in r.'),
    solve: (ctx) => {
      const m = leaveOneNetworkOut(ctx.study.networkRows, 'years', 'impact').result.mostInfluential;
      return { network: m.dropped, r: m.r };
    },
  },
  '08-3': {
    code: `import { evaluateFindings } from '../dist';
import { claimsOf } from '../dist/notebooks';
const di = claimsOf(study, ['decisions']).filter((c) => c.id === 'decisions_impact');
const infl8 = evaluateFindings(study.networkRows, { findings: di, lang: study.lang })[0].mostInfluential!.network;
const answer_08_3 = { network: infl8, verdict: evaluateFindings(study.networkRows, { findings: di, exclude: [infl8], lang: study.lang })[0].verdict };`,
    reading: bi('Eén netwerk kan het verdict van een bevinding veranderen als N = 10: de bevinding is dan minder stevig dan haar r doet denken.', 'One network can change the verdict of a finding when N = 10: the finding is then less firm than its r suggests.'),
    solve: (ctx) => {
      const claims = claimsOf(ctx.study, ['decisions']).filter((c) => c.id === 'decisions_impact');
      const infl = evaluateFindings(ctx.study.networkRows, { findings: claims, lang: ctx.study.lang })[0].mostInfluential!.network;
      return { network: infl, verdict: evaluateFindings(ctx.study.networkRows, { findings: claims, exclude: [infl], lang: ctx.study.lang })[0].verdict };
    },
  },
  '08-4': {
    code: `${OWN}
import { correlationTable } from '../dist/notebooks';
import { criticalR } from '../dist';
const myr = correlationTable(mine.networkRows, ['years', 'impact'])[0];
const answer_08_4 = { r: myr.r, aboveCritical: Math.abs(myr.r) > criticalR(myr.n, true) };`,
    reading: bi('In de gegenereerde data hangt years niet samen met de schalen (jaren zijn los getrokken): een r onder de kritieke grens is hier het verwachte resultaat, en een r erboven toeval.', 'In the generated data years are unrelated to the scales (drawn independently): an r below the critical bound is the expected result here, and one above it chance.'),
    solve: (ctx) => {
      const c = correlationTable(ctx.study.networkRows, ['years', 'impact'])[0];
      return { r: c.r, aboveCritical: Math.abs(c.r) > criticalR(c.n, true) };
    },
  },
  '09-1': {
    code: `import { criticalR } from '../dist';
const answer_09_1 = [0, 1, 2, 3].map((k) => criticalR(study.networkRows.length - k, true));`,
    reading: bi('Met elk netwerk minder stijgt de drempel: met 7 netwerken moet |r| al boven .75. Wie netwerken weglaat, maakt bevindingen moeilijker aantoonbaar.', 'With each network fewer the threshold rises: with 7 networks |r| must exceed .75. Dropping networks makes findings harder to show.'),
    solve: (ctx) => [0, 1, 2, 3].map((k) => criticalR(ctx.study.networkRows.length - k, true)),
  },
  '09-2': {
    code: `import { evaluateFindings } from '../dist';
const all9 = evaluateFindings(study.networkRows, { lang: study.lang });
const answer_09_2 = { holds: all9.filter((f) => f.verdict === 'holds').length, weak: all9.filter((f) => f.verdict === 'weak').length };`,
    reading: bi('Op de standaarddata houden de meeste bevindingen stand: de data zijn erop gekalibreerd. De zwakke bevindingen zijn de interessante: daar zegt het rapport meer dan tien netwerken kunnen dragen.', 'On the default data most findings hold: the data were calibrated to them. The weak ones are the interesting ones: there the report says more than ten networks can carry.'),
    solve: (ctx) => {
      const f = allFindings(ctx);
      return { holds: f.filter((x) => x.verdict === 'holds').length, weak: f.filter((x) => x.verdict === 'weak').length };
    },
  },
  '09-3': {
    code: `import { evaluateFindings } from '../dist';
const dropped9 = 'Meses';
const before9 = evaluateFindings(study.networkRows, { lang: study.lang });
const after9 = evaluateFindings(study.networkRows, { exclude: [dropped9], lang: study.lang });
const answer_09_3 = { dropped: dropped9, changed: before9.filter((f) => after9.find((x) => x.id === f.id)!.verdict !== f.verdict).map((f) => f.id) };`,
    reading: bi('De bevindingen die veranderen rusten (deels) op het weggelaten netwerk. Wat blijft staan na het weglaten van elk netwerk afzonderlijk, is wat je met N = 10 het stevigst kunt zeggen.', 'The findings that change rest (partly) on the dropped network. What survives dropping each network in turn is what you can say most firmly with N = 10.'),
    solve: (ctx) => {
      const d = networkNames(ctx).includes('Meses') ? 'Meses' : networkNames(ctx)[0];
      const before = allFindings(ctx);
      const after = allFindings(ctx, [d]);
      return { dropped: d, changed: before.filter((f) => after.find((x) => x.id === f.id)!.verdict !== f.verdict).map((f) => f.id) };
    },
  },
  '09-4': {
    code: `import { clusterNetworks } from '../dist/notebooks';
const cl9 = clusterNetworks(study.networkRows, study.definition.portrait);
const answer_09_4 = { k: cl9.best.k, reading: cl9.reading };`,
    reading: bi('Een beste k bestaat altijd; de vraag is of de breedte boven die van ruis uitkomt. Op de standaarddata niet: het rapport vond terecht geen groepen.', 'A best k always exists; the question is whether its width beats that of noise. On the default data it does not: the report rightly found no groups.'),
    solve: (ctx) => {
      const c = portraitClustering(ctx);
      return { k: c.best.k, reading: c.reading };
    },
  },
  '10-1': {
    code: `const cm = codeMatrix(project, { lang: lang });
const byNetworks = cm.codes.map((c, i) => ({ theme: c.label, networks: cm.totals[i].networks })).sort((a, b) => b.networks - a.networks);
const answer_10_1 = { most: byNetworks[0].theme, fewest: byNetworks.at(-1)!.theme };`,
    reading: bi('Vertrouwen komt in alle tien interviews voor, geld en leiden zonder macht in vier. Hoe vaak een thema voorkomt, zegt niet hoe belangrijk het is: lees de citaten.', 'Trust occurs in all ten interviews, money and leading without power in four. How often a theme occurs does not say how important it is: read the quotes.'),
    solve: (ctx) => {
      const m = codeMatrix(ctx.interviews(), { lang: ctx.study.lang });
      return { most: m.codes[m.totals.indexOf(argmax(m.totals, (t) => t.networks))].label, fewest: m.codes[m.totals.indexOf(argmin(m.totals, (t) => t.networks))].label };
    },
  },
  '10-2': {
    code: `const pairs10 = [['A', 'B'], ['A', 'C'], ['B', 'C']].map((p) => ({ p, alpha: presenceAgreement(project, { unit: 'paragraph', level: 'theme', coders: p }).overall.alpha.alpha! }));
const answer_10_2 = [...pairs10].sort((a, b) => a.alpha - b.alpha)[0].p;`,
    reading: bi('Het paar met de laagste alpha bespreek je eerst, en binnen dat paar het thema met de meeste verschillen (`perCode`). Kalibratie gaat om het gesprek over die verschillen, niet om het getal.', 'The pair with the lowest alpha you discuss first, and within it the theme with most differences (`perCode`). Calibration is about the conversation on those differences, not the number.'),
    solve: (ctx) => argmin(coderPairs(ctx), (p) => paragraphAgreement(ctx, p).overall.alpha.alpha ?? Infinity),
  },
  '10-3': {
    code: `const trustTable = pairAB.perCode.find((c) => c.label === '${KAPPA_THEME}')!.table!;
const nUnits = trustTable.both + trustTable.first + trustTable.second + trustTable.neither;
const po10 = (trustTable.both + trustTable.neither) / nUnits;
const pA = (trustTable.both + trustTable.first) / nUnits;
const pB = (trustTable.both + trustTable.second) / nUnits;
const pe10 = pA * pB + (1 - pA) * (1 - pB);
const answer_10_3 = { po: po10, pe: pe10, kappa: (po10 - pe10) / (1 - pe10) };`,
    reading: bi('po is hoog omdat de meeste alinea\'s voor beide codeurs "nee" zijn; pe is daardoor ook hoog, en kappa houdt over wat boven die toevalsovereenstemming uitkomt. Bij een zeldzaam thema kan één verschil kappa sterk verlagen: rapporteer po en kappa naast elkaar.', 'po is high because most paragraphs are "no" for both coders; pe is therefore high too, and kappa keeps what lies above that chance agreement. For a rare theme one difference can lower kappa a lot: report po and kappa side by side.'),
    solve: (ctx) => {
      const t = paragraphAgreement(ctx, ['A', 'B']).perCode.find((c) => c.label === KAPPA_THEME)!.table!;
      const n = t.both + t.first + t.second + t.neither;
      const po = (t.both + t.neither) / n;
      const pa = (t.both + t.first) / n;
      const pb = (t.both + t.second) / n;
      const pe = pa * pb + (1 - pa) * (1 - pb);
      return { po, pe, kappa: (po - pe) / (1 - pe) };
    },
  },
  '10-4': {
    code: `const series10 = [90, 80, 70, 60, 50].map((m) => ({ m, percent: segmentAgreement(project, { minOverlap: m }).overall.percent! }));
console.log(series10);
const answer_10_4 = series10.find((s) => s.percent > 0.5)?.m ?? null;`,
    reading: bi('De overeenstemming stijgt sterk als de eis aan de overlap daalt: de codeurs zien vaak hetzelfde, maar trekken de grenzen van een segment anders. Dat is een punt voor de kalibratie (spreek af: hele zinnen, of hele alinea\'s).', 'Agreement rises steeply as the overlap demanded falls: the coders often see the same thing but draw a segment\'s boundaries differently. That is a point for the calibration (agree: whole sentences, or whole paragraphs).'),
    solve: (ctx: TeachingContext) => OVERLAPS.find((o) => (segmentAgreement(ctx.interviews(), { minOverlap: o }).overall.percent ?? 0) > 0.5) ?? null,
  },
  '10-5': {
    code: `const answer_10_5 = { level: 'paragraph', because: 'A paragraph is a passage, which is what the claim is about, and the two calibration reports give eighteen paragraphs per theme instead of two documents, enough units for a coefficient.' };`,
    reading: bi('Per alinea: de eenheid past bij de bewering en er zijn genoeg eenheden. Per document zijn er twee eenheden per thema (te weinig); per segment meet je of de gecodeerde tekst dezelfde is, een strengere en andere vraag.', 'Per paragraph: the unit fits the claim and there are enough units. Per document there are two units per theme (too few); per segment you measure whether the coded text is the same, a stricter and different question.'),
    solve: () => ({ level: 'paragraph', because: 'A paragraph is a passage, which is what the claim is about, and the two calibration reports give eighteen paragraphs per theme instead of two documents, enough units for a coefficient.' }),
  },
};
