/**
 * Notebook 01, the study and its data: from reading the response table to
 * making a file the loader rejects and generating a study of your own.
 */
import { readSurveyCsvText } from '../../io/readSurveyCsv';
import { asNumber, asRecord, asText, bi, fmt, part, right, wrong } from '../answers';
import type { ExerciseDefinition, FeedbackPart } from '../types';
import { argmax, argmin, networkOf, OWN_DATA_DIR, requireOwnStudy } from './common';

const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);

export const EXERCISES_01: ExerciseDefinition[] = [
  {
    id: '01-1',
    title: bi('Respons aflezen', 'Reading the response'),
    prompt: bi(
      'Lees uit `responseTable` hoeveel leden in totaal hebben gerespondeerd en welk percentage van de benaderde leden dat is.',
      'Read from `responseTable` how many members responded in total, and what percentage of the members approached that is.',
    ),
    answerForm: bi('`{ responded: getal, percent: getal }`', '`{ responded: number, percent: number }`'),
    hint: bi('De laatste rij van de tabel is het totaal. Respons telt complete én gedeeltelijke vragenlijsten.', 'The last row of the table is the total. Response counts complete and partial questionnaires.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['responded', 'percent'], bi('het aantal en het percentage', 'the count and the percentage'));
      const responded = asNumber(a.responded, bi('responded', 'responded'));
      const percent = asNumber(a.percent, bi('percent', 'percent'));
      const rows = ctx.study.networkRows;
      const total = rows.reduce((s, r) => s + r.responded, 0);
      const complete = rows.reduce((s, r) => s + r.complete, 0);
      const approached = rows.reduce((s, r) => s + r.approached, 0);
      const rate = pct(total, approached);
      const parts: FeedbackPart[] = [];
      if (responded === total) parts.push(right(`${total} leden hebben gerespondeerd.`, `${total} members responded.`));
      else if (responded === complete) parts.push(wrong(`${complete} is het aantal *complete* vragenlijsten; respons telt ook de gedeeltelijke (kolom responded).`, `${complete} is the number of *complete* questionnaires; response also counts the partial ones (column responded).`));
      else if (responded === approached) parts.push(wrong(`${approached} is het aantal benaderde leden, niet het aantal dat antwoordde.`, `${approached} is the number of members approached, not the number who answered.`));
      else parts.push(wrong(`${responded} staat niet in de totaalrij; kijk in de kolom responded van de rij total.`, `${responded} is not in the total row; look at the column responded of the row total.`));
      if (Math.abs(percent - rate) <= 0.6) parts.push(right(`${fmt(rate, 0)}% van ${approached} benaderde leden.`, `${fmt(rate, 0)}% of ${approached} members approached.`));
      else if (Math.abs(percent - pct(complete, approached)) <= 0.6) parts.push(wrong(`${fmt(percent, 0)}% is het aandeel complete vragenlijsten; de respons is ${fmt(rate, 0)}%.`, `${fmt(percent, 0)}% is the share of complete questionnaires; the response is ${fmt(rate, 0)}%.`));
      else parts.push(wrong(`Het percentage is respondenten / benaderd x 100; ${fmt(percent, 1)} klopt niet.`, `The percentage is responded / approached x 100; ${fmt(percent, 1)} is not it.`));
      return parts;
    },
  },
  {
    id: '01-2',
    title: bi('Laagste respons', 'Lowest response'),
    prompt: bi('Welk netwerk heeft de laagste respons (in procenten van de benaderde leden)?', 'Which network has the lowest response (as a percentage of the members approached)?'),
    answerForm: bi("de naam van het netwerk, bijv. `'Notos'`", "the network's name, e.g. `'Notos'`"),
    hint: bi('Kolom `response %` van `responseTable`; een groot netwerk is niet vanzelf het netwerk met de laagste respons.', 'Column `response %` of `responseTable`; a large network is not necessarily the one with the lowest response.'),
    check(answer, ctx) {
      const given = networkOf(answer, ctx);
      const rows = ctx.study.networkRows.filter((r) => r.responseRate !== null);
      const lowest = argmin(rows, (r) => r.responseRate!);
      const largest = argmax(rows, (r) => r.approached);
      const g = rows.find((r) => r.network === given)!;
      if (g.responseRate === lowest.responseRate) return [right(`${given}: ${fmt(g.responseRate, 0)}%, de laagste.`, `${given}: ${fmt(g.responseRate, 0)}%, the lowest.`)];
      if (given === largest.network) return [wrong(`${given} heeft de meeste benaderde leden (${largest.approached}), maar ${fmt(g.responseRate, 0)}% respons; de laagste is ${fmt(lowest.responseRate, 0)}%. Lees de percentages, niet de aantallen.`, `${given} has the most members approached (${largest.approached}) but ${fmt(g.responseRate, 0)}% response; the lowest is ${fmt(lowest.responseRate, 0)}%. Read the percentages, not the counts.`)];
      return [wrong(`${given} heeft ${fmt(g.responseRate, 0)}% respons; er is een netwerk met ${fmt(lowest.responseRate, 0)}%.`, `${given} has ${fmt(g.responseRate, 0)}% response; one network has ${fmt(lowest.responseRate, 0)}%.`)];
    },
  },
  {
    id: '01-3',
    title: bi('Respons of complete vragenlijsten', 'Response or complete questionnaires'),
    prompt: bi(
      'Welk netwerk heeft het laagste aandeel *complete* vragenlijsten onder zijn benaderde leden (`complete %`)? Hoeveel procentpunten ligt dat onder zijn respons? Dat verschil zijn de leden die halverwege stopten: hun antwoorden tellen niet mee in de ICC van notebook 03.',
      'Which network has the lowest share of *complete* questionnaires among its members approached (`complete %`)? How many percentage points below its response is that? The difference are the members who stopped halfway: their answers do not count in the ICC of notebook 03.',
    ),
    answerForm: bi('`{ network: naam, gap: procentpunten }`', '`{ network: name, gap: percentage points }`'),
    hint: bi('Vergelijk per netwerk `response %` en `complete %`; gap = response % - complete %.', 'Compare `response %` and `complete %` per network; gap = response % - complete %.'),
    check(answer, ctx) {
      const a = asRecord(answer, ['network', 'gap'], bi('netwerk en verschil', 'network and gap'));
      const given = networkOf(a.network, ctx);
      const gap = asNumber(a.gap, bi('gap', 'gap'));
      const rows = ctx.study.networkRows.filter((r) => r.approached > 0);
      const low = argmin(rows, (r) => pct(r.complete, r.approached));
      const lowResponse = argmin(rows, (r) => pct(r.responded, r.approached));
      const g = rows.find((r) => r.network === given)!;
      const share = pct(g.complete, g.approached);
      const parts: FeedbackPart[] = [];
      if (Math.abs(share - pct(low.complete, low.approached)) < 1e-9) parts.push(right(`${given}: ${fmt(share, 0)}% complete.`, `${given}: ${fmt(share, 0)}% complete.`));
      else if (given === lowResponse.network) parts.push(wrong(`${given} heeft de laagste *respons*; het laagste aandeel complete vragenlijsten is ${fmt(pct(low.complete, low.approached), 0)}%.`, `${given} has the lowest *response*; the lowest share of complete questionnaires is ${fmt(pct(low.complete, low.approached), 0)}%.`));
      else parts.push(wrong(`${given} heeft ${fmt(share, 0)}% complete; er is een lager aandeel (${fmt(pct(low.complete, low.approached), 0)}%).`, `${given} has ${fmt(share, 0)}% complete; there is a lower share (${fmt(pct(low.complete, low.approached), 0)}%).`));
      const expected = pct(g.responded, g.approached) - share;
      parts.push(
        part(
          Math.abs(gap - expected) <= 1.01,
          bi(`Verschil ${fmt(expected, 0)} procentpunten voor ${given}: ${g.responded - g.complete} leden stopten halverwege.`, `A gap of ${fmt(expected, 0)} percentage points for ${given}: ${g.responded - g.complete} members stopped halfway.`),
          bi(`Voor ${given} is response % - complete % = ${fmt(expected, 0)}, niet ${fmt(gap, 0)}.`, `For ${given}, response % - complete % = ${fmt(expected, 0)}, not ${fmt(gap, 0)}.`),
        ),
      );
      return parts;
    },
  },
  {
    id: '01-4',
    title: bi('Een bestand dat de lader weigert', 'A file the loader refuses'),
    prompt: bi(
      "Schrijf een klein survey-bestand als tekst (kolommen `respondent_id,network,trust_1`, een paar rijen) met precies **één** fout: een antwoord buiten de schaal. Controleer zelf met `readSurveyCsvText(tekst, { file: 'mijn.csv', instrument: study.instrument, allowMissingItemColumns: true })` welke rij en kolom de melding noemt.",
      "Write a small survey file as text (columns `respondent_id,network,trust_1`, a few rows) with exactly **one** error: an answer outside the scale. Check yourself with `readSurveyCsvText(text, { file: 'mine.csv', instrument: study.instrument, allowMissingItemColumns: true })` which row and column the message names.",
    ),
    answerForm: bi("de tekst van het bestand, bijv. `'respondent_id,network,trust_1\\nR1,Notos,4\\n'`", "the file's text, e.g. `'respondent_id,network,trust_1\\nR1,Notos,4\\n'`"),
    hint: bi('De items hebben een schaal van 1 tot 5; 9 betekent "weet niet" en is geen fout. Elke respondent heeft een eigen id.', 'The items are on a 1-5 scale; 9 means "don\'t know" and is no error. Every respondent needs an id of their own.'),
    check(answer, ctx) {
      const text = asText(answer, bi('de tekst van een CSV-bestand', "a CSV file's text"));
      try {
        readSurveyCsvText(text.endsWith('\n') ? text : `${text}\n`, { file: 'answer.csv', instrument: ctx.study.instrument, allowMissingItemColumns: true });
      } catch (e) {
        const problems = (e as Error).message.split('\n').filter((l) => /^\s+- /.test(l)).map((l) => l.replace(/^\s+- /, ''));
        const outside = problems.filter((p) => /outside|expected a whole number/.test(p));
        if (problems.length === 1 && outside.length === 1) return [right(`De lader weigert het bestand met precies één melding: ${problems[0]}.`, `The loader refuses the file with exactly one message: ${problems[0]}.`)];
        const parts: FeedbackPart[] = [
          part(outside.length >= 1, bi('Er zit een antwoord buiten de schaal in.', 'It holds an answer outside the scale.'), bi('De lader vindt geen antwoord buiten de schaal.', 'The loader finds no answer outside the scale.')),
        ];
        if (problems.length !== 1) parts.push(wrong(`De lader vindt ${problems.length} problemen, niet één: ${problems.join(' | ')}`, `The loader finds ${problems.length} problems, not one: ${problems.join(' | ')}`));
        return parts;
      }
      return [wrong('De lader accepteert dit bestand: er zit geen fout in. Een 9 is "weet niet" (ontbrekend), geen fout; probeer 0, 6 of 7.', 'The loader accepts this file: it has no error. A 9 is "don\'t know" (missing), not an error; try 0, 6 or 7.')];
    },
  },
  {
    id: '01-5',
    title: bi('Je eigen studie', 'Your own study'),
    prompt: bi(
      `Maak je eigen (synthetische) studie, met je studentnummer als seed: \`writeStudentStudy('je-studentnummer', '${OWN_DATA_DIR}')\`, en open hem: \`const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' })\` (importeer \`writeStudentStudy\` uit \`../dist/teaching\`). Hoeveel rijen heeft je survey, en welk netwerk heeft de meeste respondenten? Twee studenten krijgen verschillende data; de check rekent op die van jou.`,
      `Make your own (synthetic) study, seeded with your student number: \`writeStudentStudy('your-student-number', '${OWN_DATA_DIR}')\`, and open it: \`const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' })\` (import \`writeStudentStudy\` from \`../dist/teaching\`). How many rows does your survey have, and which network has the most respondents? Two students get different data; the check works on yours.`,
    ),
    answerForm: bi('`{ rows: getal, network: naam }`', '`{ rows: number, network: name }`'),
    hint: bi('`mine.survey.length`; `responseTable(mine.networkRows)` geeft per netwerk de kolom responded.', '`mine.survey.length`; `responseTable(mine.networkRows)` gives the column responded per network.'),
    ownData: true,
    starter: `// first make your own data (use your student number):\n// import { writeStudentStudy } from '../dist/teaching';\n// writeStudentStudy('1234567', '${OWN_DATA_DIR}'); const mine = openStudy({ dataDir: '${OWN_DATA_DIR}' });`,
    check(answer, ctx) {
      requireOwnStudy(ctx);
      const a = asRecord(answer, ['rows', 'network'], bi('aantal rijen en netwerk', 'rows and network'));
      const rows = asNumber(a.rows, bi('rows', 'rows'));
      const given = networkOf(a.network, ctx);
      const most = argmax(ctx.study.networkRows, (r) => r.responded);
      const g = ctx.study.networkRows.find((r) => r.network === given)!;
      return [
        part(
          rows === ctx.study.survey.length,
          bi(`${rows} rijen in je survey.csv.`, `${rows} rows in your survey.csv.`),
          bi(rows === ctx.study.networkRows.length ? `${rows} is het aantal netwerken, niet het aantal rijen (respondenten).` : `Je survey heeft ${ctx.study.survey.length} rijen, niet ${rows}: tel \`mine.survey.length\` (of heb je de data van een ander studentnummer?).`, rows === ctx.study.networkRows.length ? `${rows} is the number of networks, not of rows (respondents).` : `Your survey has ${ctx.study.survey.length} rows, not ${rows}: count \`mine.survey.length\` (or are these data of another student number?).`),
        ),
        part(
          g.responded === most.responded,
          bi(`${given} heeft de meeste respondenten (${g.responded}).`, `${given} has the most respondents (${g.responded}).`),
          bi(`${given} heeft ${g.responded} respondenten; het grootste netwerk heeft er ${most.responded}.`, `${given} has ${g.responded} respondents; the largest network has ${most.responded}.`),
        ),
      ];
    },
  },
];
