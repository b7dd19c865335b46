/**
 * The default codebook of the interviews: the themes of chapter 3 of the
 * report, each with two subcodes. The report's codebook itself is not public
 * ("derived from the interview guide", 5.4); this one was written for the
 * project from the chapter's headings and what the chapter says helps or
 * hinders. Names are Dutch, as coders in the study worked; `en` gives the
 * English label the figures use with `lang: 'en'`.
 *
 * Themes (report section):
 *   ontstaan (3.3 ONTSTAAN), ontwikkeling (3.3 ONTWIKKELING), vertrouwen (3.4),
 *   leiden zonder macht (3.4), gelaagd en complex (3.5), overlap (3.6),
 *   informeel en formeel (3.9 balans), grootte en groei (3.9), geld (3.9 Geld),
 *   grote en kleine besturen, éénpitters (3.10).
 */
import type { Language } from '../io/instrument';
import { stableGuid } from './guid';
import type { QualCode } from './model';

export interface CodebookEntry {
  /** Stable key, also the seed of the code's GUID: 'vertrouwen', 'vertrouwen.hindert'. */
  key: string;
  nl: string;
  en: string;
  /** Definition (Dutch), with the English label in brackets. */
  description: string;
  color: string;
  /** Survey constructs (data/instrument.json) that speak to the theme, for the joint display; themes only. */
  constructs?: string[];
  children?: CodebookEntry[];
}

export const DEFAULT_CODEBOOK: readonly CodebookEntry[] = [
  {
    key: 'ontstaan', nl: 'Ontstaan', en: 'Origins', color: '#1d2b53', constructs: ['years'],
    description: 'Hoe het netwerk is begonnen: eerdere samenwerking en het moment dat het officieel werd. (Origins)',
    children: [
      { key: 'ontstaan.voorgeschiedenis', nl: 'Voorgeschiedenis', en: 'Earlier collaboration', color: '#34426b', description: 'Eerdere initiatieven, opleidingsscholen of partnerschappen waaruit het netwerk voortkomt; fusies van partnerschappen. (Earlier collaboration)' },
      { key: 'ontstaan.formalisering', nl: 'Formalisering', en: 'Formalisation', color: '#4a5a8a', description: 'Subsidie, erkenning of een convenant als officieel startpunt; taken, rollen en criteria vastleggen. (Formalisation)' },
    ],
  },
  {
    key: 'ontwikkeling', nl: 'Ontwikkeling', en: 'Development', color: '#603a9f', constructs: ['years', 'impact'],
    description: 'Hoe het netwerk zich ontwikkelt: tempo, geduld, en laveren langs landelijk beleid. (Development)',
    children: [
      { key: 'ontwikkeling.tijd', nl: 'Tijd en tempo', en: 'Time and pace', color: '#7a55b5', description: 'Ontwikkeling kost tijd; bewust langzaam of stap voor stap; iedereen aangehaakt houden. (Time and pace)' },
      { key: 'ontwikkeling.beleid', nl: 'Landelijk beleid', en: 'National policy', color: '#8f6fc4', description: 'Regelingen, subsidievoorwaarden, regio-indelingen en onderwijsregio\u2019s die het netwerk raken, als kans of zorg. (National policy)' },
    ],
  },
  {
    key: 'vertrouwen', nl: 'Vertrouwen als bindmiddel', en: 'Trust as binding agent', color: '#c8553d', constructs: ['trust', 'affectivity'],
    description: 'Onderling vertrouwen en relaties als wat het netwerk bijeenhoudt. (Trust as binding agent)',
    children: [
      { key: 'vertrouwen.helpt', nl: 'Wat helpt', en: 'What helps', color: '#d9735d', description: 'Wat vertrouwen bevordert: gedeelde identiteit (levensbeschouwing, streek), bestaande lijntjes, weinig wisselingen. (What helps)' },
      { key: 'vertrouwen.hindert', nl: 'Wat hindert', en: 'What hinders', color: '#e8957f', description: 'Wat vertrouwen bemoeilijkt: concurrentie tussen besturen, wij-zijgevoel, veel wisselingen van personen. (What hinders)' },
    ],
  },
  {
    key: 'leiden', nl: 'Leiden zonder macht', en: 'Leading without power', color: '#5fa8e0', constructs: ['decision_making', 'monitoring'],
    description: 'Hoe coördinatoren leiding geven zonder hiërarchie. (Leading without power)',
    children: [
      { key: 'leiden.relatie', nl: 'Via de relatie', en: 'Through relations', color: '#7fbbe8', description: 'Zorgvuldig bouwen, pas op de plaats, nagaan of iedereen erbij is, één op één draagvlak zoeken. (Through relations)' },
      { key: 'leiden.extern', nl: 'Hulp van buiten', en: 'Outside help', color: '#a3cff0', description: 'Een externe, onafhankelijke begeleider om relaties te herstellen of het netwerk vlot te trekken. (Outside help)' },
    ],
  },
  {
    key: 'gelaagd', nl: 'Gelaagd en complex', en: 'Layered and complex', color: '#2f7f6f', constructs: ['decision_making', 'monitoring'],
    description: 'Niveaus, gremia en subnetwerken, en de weg van besluit naar uitvoering. (Layered and complex)',
    children: [
      { key: 'gelaagd.lagen', nl: 'Lagen en gremia', en: 'Layers and bodies', color: '#3f9a87', description: 'Strategisch, tactisch, operationeel niveau; stuurgroepen, werkgroepen, subnetwerken; het overzicht houden. (Layers and bodies)' },
      { key: 'gelaagd.doorwerking', nl: 'Van besluit naar uitvoering', en: 'From decision to practice', color: '#62b3a2', description: 'Of besluiten in de eigen besturen en op de werkvloer landen; lege besluiten. (From decision to practice)' },
    ],
  },
  {
    key: 'overlap', nl: 'Overlap', en: 'Overlap', color: '#a3a86b', constructs: ['topic_overlap', 'network_overlap'],
    description: 'Overlap in onderwerpen (smal logistiek of breed inhoudelijk) en met andere netwerken. (Overlap)',
    children: [
      { key: 'overlap.onderwerpen', nl: 'In onderwerpen', en: 'In topics', color: '#b7bb83', description: 'Waar het netwerk aan werkt: plaatsen en studenten verdelen, of ook professionalisering, visie, onderzoek. (In topics)' },
      { key: 'overlap.netwerken', nl: 'Met andere netwerken', en: 'With other networks', color: '#cacd9f', description: 'Elkaar ook in andere verbanden tegenkomen; lijntjes kort, of dubbele agenda\u2019s. (With other networks)' },
    ],
  },
  {
    key: 'balans', nl: 'Informeel en formeel', en: 'Informal and formal', color: '#8c564b', constructs: ['decision_making', 'monitoring'],
    description: 'De balans tussen werken op de relatie en werken met afspraken. (Informal and formal)',
    children: [
      { key: 'balans.informeel', nl: 'Informeel', en: 'Informal', color: '#a7766b', description: 'Organisch werken, via de relatie, besluiten die in het gesprek ontstaan. (Informal)' },
      { key: 'balans.formeel', nl: 'Formeel', en: 'Formal', color: '#c29a91', description: 'Afspraken op papier, procedures, convenant, kwaliteitseisen; duidelijk wie besluit. (Formal)' },
    ],
  },
  {
    key: 'groei', nl: 'Grootte en groei', en: 'Size and growth', color: '#d4a017', constructs: ['members', 'persons_turnover', 'org_turnover'],
    description: 'Uitbreiding van het netwerk en de keuze om (nog) niet te groeien. (Size and growth)',
    children: [
      { key: 'groei.uitbreiding', nl: 'Uitbreiding', en: 'Expansion', color: '#e0b84a', description: 'Nieuwe leden en wat dat vraagt: een rijdende trein, verschillende snelheden, aanzuigende werking. (Expansion)' },
      { key: 'groei.rem', nl: 'Bewust begrenzen', en: 'Deliberate limits', color: '#ebcf80', description: 'Niet of langzaam uitbreiden, instroom beperken, wachtlijst; schaarste verdelen. (Deliberate limits)' },
    ],
  },
  {
    key: 'geld', nl: 'Geld', en: 'Money', color: '#7f7f7f', constructs: ['impact'],
    description: 'Geld als bindmiddel en als bron van spanning. (Money)',
    children: [
      { key: 'geld.inleg', nl: 'Inleg en bijdrage', en: 'Contribution to join', color: '#999999', description: 'Een bijdrage om aan te sluiten, als investering en als manier om te committeren. (Contribution to join)' },
      { key: 'geld.verdeling', nl: 'Verdeling', en: 'Distribution', color: '#b3b3b3', description: 'Wie betaalt wat en wie krijgt wat; wie betaalt, bepaalt; onenigheid en wantrouwen over geld. (Distribution)' },
    ],
  },
  {
    key: 'besturen', nl: 'Grote en kleine besturen', en: 'Large and small boards', color: '#17becf', constructs: ['members'],
    description: 'Verschillen in omvang tussen besturen en de plaats van éénpitters. (Large and small boards)',
    children: [
      { key: 'besturen.omvang', nl: 'Verschil in omvang', en: 'Difference in size', color: '#4dcfdb', description: 'Wat grote en kleine besturen kunnen inbrengen en hoe sterk ze gebonden zijn. (Difference in size)' },
      { key: 'besturen.eenpitters', nl: 'Éénpitters', en: 'One-school boards', color: '#85dfe7', description: 'Besturen met één school: uitgesloten, gebundeld in een subnetwerk of onder de paraplu van een groter bestuur. (One-school boards)' },
    ],
  },
];

/** The GUID of a codebook key. */
export function codeGuid(key: string): string {
  return stableGuid(`code/${key}`);
}

/** The default codebook as a code system (flat list, parents first, in codebook order). */
export function defaultCodes(): QualCode[] {
  const out: QualCode[] = [];
  const add = (e: CodebookEntry, parentId: string | null) => {
    out.push({ id: codeGuid(e.key), name: e.nl, parentId, description: e.description, color: e.color, codable: true });
    for (const c of e.children ?? []) add(c, codeGuid(e.key));
  };
  for (const e of DEFAULT_CODEBOOK) add(e, null);
  return out;
}

function entries(): CodebookEntry[] {
  const out: CodebookEntry[] = [];
  const walk = (e: CodebookEntry) => {
    out.push(e);
    (e.children ?? []).forEach(walk);
  };
  DEFAULT_CODEBOOK.forEach(walk);
  return out;
}

/** The codebook entry of a code (by GUID, or by Dutch or English name), or undefined for codes not in the default codebook. */
export function codebookEntry(code: QualCode | string): CodebookEntry | undefined {
  const id = typeof code === 'string' ? code : code.id;
  const all = entries();
  return all.find((e) => codeGuid(e.key) === id) ?? (typeof code === 'string' ? all.find((e) => e.nl === code || e.en === code || e.key === code) : undefined);
}

/** A code's label in a language: the codebook's English label for default codes with lang 'en', else its name. */
export function codeLabel(code: QualCode, lang: Language = 'nl'): string {
  if (lang === 'nl') return code.name;
  const e = codebookEntry(code);
  return e && (e.nl === code.name) ? e.en : code.name;
}

/** Survey constructs that speak to a theme (default codebook), e.g. trust for "Vertrouwen als bindmiddel". */
export function themeConstructs(code: QualCode | string): string[] {
  return codebookEntry(code)?.constructs?.slice() ?? [];
}
