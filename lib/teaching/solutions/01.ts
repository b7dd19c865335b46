/** Solutions of notebook 01's exercises (left out of a student edition). */
import { bi } from '../answers';
import type { Solution } from '../types';
import { argmax, argmin, OWN_DATA_DIR } from '../exercises/common';

const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);

export const SOLUTIONS_01: Record<string, Solution> = {
  '01-1': {
    code: `const total = responseTable(study.networkRows).at(-1)!;
const answer_01_1 = { responded: total.responded, percent: total['response %'] };`,
    reading: bi(
      'Op de standaarddata antwoordden 129 van de 182 leden (71%), zoals in het rapport; 112 vulden de vragenlijst helemaal in (62%). Respons en complete vragenlijsten zijn twee verschillende getallen: noem ze allebei.',
      'On the default data 129 of 182 members responded (71%), as in the report; 112 completed the questionnaire (62%). Response and complete questionnaires are two different numbers: report both.',
    ),
    solve: (ctx) => {
      const rows = ctx.study.networkRows;
      const responded = rows.reduce((s, r) => s + r.responded, 0);
      return { responded, percent: Math.round(pct(responded, rows.reduce((s, r) => s + r.approached, 0))) };
    },
  },
  '01-2': {
    code: `const answer_01_2 = [...responseTable(study.networkRows).slice(0, -1)].sort((a, b) => a['response %']! - b['response %']!)[0].network;`,
    reading: bi(
      'Op de standaarddata heeft Lips de laagste respons (45%): het grootste netwerk, pas verdrievoudigd. Zijn portret rust op minder dan de helft van zijn leden.',
      'On the default data Lips has the lowest response (45%): the largest network, recently tripled. Its portrait rests on fewer than half of its members.',
    ),
    solve: (ctx) => argmin(ctx.study.networkRows, (r) => r.responseRate ?? Infinity).network,
  },
  '01-3': {
    code: `const low = [...responseTable(study.networkRows).slice(0, -1)].sort((a, b) => a['complete %']! - b['complete %']!)[0];
const answer_01_3 = { network: low.network, gap: low['response %']! - low['complete %']! };`,
    reading: bi(
      'Op de standaarddata is dat Lips: 34% complete tegen 45% respons, ruim 10 procentpunten (4 leden stopten halverwege). Voor de ICC en de netwerkscores tellen alleen de complete vragenlijsten: het portret van Lips rust op 13 van de 38 leden.',
      'On the default data that is Lips: 34% complete against 45% response, about 10.5 percentage points (4 members stopped halfway). The ICC and the network scores use complete questionnaires only: the portrait of Lips rests on 13 of its 38 members.',
    ),
    solve: (ctx) => {
      const low = argmin(ctx.study.networkRows, (r) => pct(r.complete, r.approached));
      return { network: low.network, gap: pct(low.responded, low.approached) - pct(low.complete, low.approached) };
    },
  },
  '01-4': {
    code: `const answer_01_4 = 'respondent_id,network,trust_1\\nR1,Notos,4\\nR2,Notos,7\\nR3,Notos,9\\n';
try { readSurveyCsvText(answer_01_4, { file: 'mine.csv', instrument: study.instrument, allowMissingItemColumns: true }); } catch (e) { console.log((e as Error).message); }`,
    reading: bi(
      'De melding noemt rij 3 (de kopregel is rij 1), kolom trust_1, de gevonden waarde 7 en wat verwacht werd (1-5, 9 = weet niet, of leeg). De 9 van R3 is geen fout: "weet niet" wordt ontbrekend. De lader verandert je bestand nooit; je herstelt het zelf.',
      'The message names row 3 (the header is row 1), column trust_1, the value found (7) and what was expected (1-5, 9 = don\'t know, or empty). The 9 of R3 is no error: "don\'t know" becomes missing. The loader never changes your file; you fix it.',
    ),
    solve: () => 'respondent_id,network,trust_1\nR1,Notos,4\nR2,Notos,7\nR3,Notos,9\n',
  },
  '01-5': {
    code: `import { writeStudentStudy } from '../dist/teaching';
writeStudentStudy('1234567', '${OWN_DATA_DIR}');
const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' });
const answer_01_5 = { rows: mine.survey.length, network: [...mine.networkRows].sort((a, b) => b.responded - a.responded)[0].network };`,
    reading: bi(
      'Je eigen studie heeft tien netwerken (Network A tot J) met elk 6 tot 14 respondenten, allemaal compleet, en is gemarkeerd als synthetisch. Een ander studentnummer geeft andere aantallen: vergelijk met een medestudent.',
      'Your own study has ten networks (Network A to J) with 6 to 14 respondents each, all complete, and is marked synthetic. Another student number gives other counts: compare with a fellow student.',
    ),
    solve: (ctx) => ({ rows: ctx.study.survey.length, network: argmax(ctx.study.networkRows, (r) => r.responded).network }),
  },
};
