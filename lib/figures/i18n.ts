/**
 * Labels of the figures in Dutch (default, as in the report) and English.
 * Construct and item names come from the codebook (`instrument.json`); this
 * file holds only the words the codebook does not: figure captions (the
 * report's, Figures 1-18) and axis words.
 */
import { codebookLabel, isLanguage, LANGUAGES, type Instrument, type Language } from '../io/instrument';
import { UserInputError } from '../util/errors';
import { plotlyText } from './plotlyText';
import { groupThousands } from '../util/formatNumber';

export { LANGUAGES };

/** Checks the `lang` option: 'nl' (default) or 'en'. */
export function checkLang(lang: unknown): Language {
  if (lang === undefined) return 'nl';
  if (isLanguage(lang)) return lang;
  throw new UserInputError(`Unknown language ${JSON.stringify(lang)}: expected "nl" (Dutch, the default) or "en" (English).`);
}

/** The report's captions (Figures 1-18), shortened where the report continues in a subtitle. */
export const CAPTIONS = {
  portrait: { nl: (network: string) => `Kenmerken van het netwerk ${network}`, en: (network: string) => `Characteristics of the network ${network}` },
  motivation: { nl: 'Motivatie voor vorming netwerk ‘Samen opleiden en professionaliseren’', en: 'Motivation for forming a ‘Samen opleiden en professionaliseren’ network' },
  boundaries: { nl: 'Begrenzing van de netwerken ‘Samen opleiden en professionaliseren’', en: 'Boundaries of the ‘Samen opleiden en professionaliseren’ networks' },
  years: { nl: 'Aantal jaren dat netwerk bestaat', en: 'Number of years the network exists' },
  overlap: { nl: 'Overlap van de netwerken ‘Samen opleiden en professionaliseren’', en: 'Overlap of the ‘Samen opleiden en professionaliseren’ networks' },
  patternsBoundaries: { nl: 'Patronen in begrenzing', en: 'Patterns in boundaries' },
  patternsImpact: { nl: 'Patronen in impact', en: 'Patterns in impact' },
  patternsDecisions: {
    nl: 'Patronen in naleving besluiten bewaken, impact, en hoe lang een netwerk bestaat',
    en: 'Patterns in monitoring compliance with decisions, impact, and how long a network exists',
  },
  response: { nl: 'Respons op de online vragenlijst per met een letter geanonimiseerd netwerk', en: 'Response to the online questionnaire per network, anonymised by letter' },
  responseByNetwork: { nl: 'Respons op de online vragenlijst per netwerk', en: 'Response to the online questionnaire per network' },
} as const;

/** "Figuur 16: Patronen in impact" / "Figure 16: Patterns in impact"; without a number just the caption. */
export function figureTitle(lang: Language, number: number | undefined, caption: string): string {
  if (number === undefined) return caption;
  return `${lang === 'nl' ? 'Figuur' : 'Figure'} ${number}: ${caption}`;
}

/** A whole number with a thousands separator (2.000, 2,000), without depending on the runtime's locale data. */
export function thousands(n: number, sep: string): string {
  return groupThousands(n, sep);
}

/** Words used on axes, legends and hover labels. */
export const WORDS = {
  nl: {
    network: 'Netwerk',
    networks: 'Netwerken',
    members: 'Leden',
    mean: 'gemiddelde',
    band: 'band (gem. ± 2 SE)',
    bandShort: 'band',
    n: 'n',
    clipped: 'afgekapt op de schaal',
    years: 'Aantal jaren dat het netwerk bestaat',
    yearsShort: 'Jaren',
    yearsFig13: 'klasse in de tekst bij figuur 13',
    yearsPortrait: 'jaren (portret, hoofdstuk 2)',
    unknown: 'onbekend',
    otherNetworks: 'Gemiddeld aantal andere netwerken',
    otherNetworksShort: 'andere netwerken (gem.)',
    responsePercent: 'Respons (%)',
    responseOverall: 'totaal',
    responded: 'respons',
    of: 'van',
    letter: 'Letter',
    importance: 'Belang (1-5)',
    role: 'Rol bij de begrenzing (1-5)',
    roleShort: 'Rol (1-5)',
    score: 'Score (1-5)',
    orderedBy: (v: string) => `Geordend op scores van netwerken op ‘${v}’, het linker omlijnde deel van de grafiek.`,
    allRespondents: 'alle respondenten',
    perNetwork: 'per netwerk',
    dimension: 'Dimensie',
    rank: 'volgorde',
    dotPerGroup: (n: number) => `${thousands(n, '.')} netwerken, één punt per netwerk`,
    rankBy: (v: string) => `Volgorde op ‘${v}’ (1 = hoogste)`,
    runningMean: 'lopend gemiddelde',
    // method figures
    screeTitle: 'Screeplot met parallelle analyse',
    factor: 'Factor',
    eigenvalue: 'Eigenwaarde',
    observed: 'geobserveerd',
    simulated: 'parallelle analyse (gesimuleerd)',
    loadingsTitle: 'Factorladingen',
    item: 'Item',
    loading: 'lading',
    itemRestTitle: 'Item-restcorrelaties',
    itemRest: 'Item-restcorrelatie',
    criterion: 'criterium',
    iccTitle: 'Overeenstemming binnen netwerken (ICC met betrouwbaarheidsinterval)',
    iccFormsTitle: 'De zes vormen van de ICC (Shrout & Fleiss) met betrouwbaarheidsinterval',
    iccForm: 'Vorm',
    icc: 'ICC',
    ci: 'interval',
    corrTitle: 'Correlaties tussen netwerkgemiddelden',
    correlation: 'correlatie',
    dendrogramTitle: 'Clusteranalyse van de netwerken (dendrogram)',
    height: 'Hoogte (afstand bij samenvoegen)',
    looTitle: 'Samenhang op netwerkniveau, met weglaten van één netwerk',
    rAll: 'r (alle netwerken)',
    rWithout: 'r zonder dit netwerk',
    fitAll: 'lijn door alle punten',
    fitWithout: (label: string) => `lijn zonder ${label}`,
    highlighted: 'grootste invloed',
  },
  en: {
    network: 'Network',
    networks: 'Networks',
    members: 'Members',
    mean: 'mean',
    band: 'band (mean ± 2 SE)',
    bandShort: 'band',
    n: 'n',
    clipped: 'clipped to the scale',
    years: 'Years the network exists',
    yearsShort: 'Years',
    yearsFig13: 'class in the text of Figure 13',
    yearsPortrait: 'years (portrait, chapter 2)',
    unknown: 'unknown',
    otherNetworks: 'Mean number of other networks',
    otherNetworksShort: 'other networks (mean)',
    responsePercent: 'Response (%)',
    responseOverall: 'overall',
    responded: 'responded',
    of: 'of',
    letter: 'Letter',
    importance: 'Importance (1-5)',
    role: 'Role in the boundaries (1-5)',
    roleShort: 'Role (1-5)',
    score: 'Score (1-5)',
    orderedBy: (v: string) => `Ordered by the networks' scores on ‘${v}’, the outlined left part of the graph.`,
    allRespondents: 'all respondents',
    perNetwork: 'per network',
    dimension: 'Dimension',
    rank: 'order',
    dotPerGroup: (n: number) => `${thousands(n, ',')} networks, one dot per network`,
    rankBy: (v: string) => `Order on ‘${v}’ (1 = highest)`,
    runningMean: 'running mean',
    screeTitle: 'Scree plot with parallel analysis',
    factor: 'Factor',
    eigenvalue: 'Eigenvalue',
    observed: 'observed',
    simulated: 'parallel analysis (simulated)',
    loadingsTitle: 'Factor loadings',
    item: 'Item',
    loading: 'loading',
    itemRestTitle: 'Item-rest correlations',
    itemRest: 'Item-rest correlation',
    criterion: 'criterion',
    iccTitle: 'Agreement within networks (ICC with confidence interval)',
    iccFormsTitle: 'The six forms of the ICC (Shrout & Fleiss) with confidence interval',
    iccForm: 'Form',
    icc: 'ICC',
    ci: 'interval',
    corrTitle: 'Correlations between network means',
    correlation: 'correlation',
    dendrogramTitle: 'Cluster analysis of the networks (dendrogram)',
    height: 'Height (distance at merging)',
    looTitle: 'Association at network level, leaving one network out',
    rAll: 'r (all networks)',
    rWithout: 'r without this network',
    fitAll: 'line through all points',
    fitWithout: (label: string) => `line without ${label}`,
    highlighted: 'largest influence',
  },
} as const;

/** The name of a variable as a figure gives it: the figure words for `years` and `members`, else the codebook's (codebookLabel; the id if unknown). */
export function constructLabel(instrument: Instrument, id: string, lang: Language): string {
  if (id === 'years') return WORDS[lang].years;
  if (id === 'members') return WORDS[lang].members;
  return codebookLabel(instrument, id, lang);
}

/** The name of a construct (or an item) as figure text: constructLabel escaped for plotly, so markup in the codebook is drawn as written. */
export function figureLabel(instrument: Instrument, id: string, lang: Language): string {
  return plotlyText(constructLabel(instrument, id, lang));
}

/** The reading labels of the 1-5 scale (instrument.reading), as two-line tick texts "1<br>zeer weinig" (labels escaped for plotly). */
export function readingTicks(instrument: Instrument, lang: Language): { tickvals: number[]; ticktext: string[] } {
  const tickvals = [1, 2, 3, 4, 5];
  const ticktext = tickvals.map((v) => {
    const l = instrument.reading?.labels?.[String(v)]?.[lang];
    return l ? `${v}<br>${plotlyText(l).replace(' / ', '<br>')}` : String(v);
  });
  return { tickvals, ticktext };
}

/** Tick texts for a response scale of the codebook ("1<br>speelt geen rol"; labels escaped for plotly). */
export function scaleTicks(instrument: Instrument, scaleName: string, lang: Language): { tickvals: number[]; ticktext: string[] } {
  const scale = instrument.responseScales[scaleName];
  const tickvals = [1, 2, 3, 4, 5];
  if (!scale) return { tickvals, ticktext: tickvals.map(String) };
  return { tickvals, ticktext: tickvals.map((v) => (scale.labels[String(v)] ? `${v}<br>${plotlyText(scale.labels[String(v)][lang])}` : String(v))) };
}
