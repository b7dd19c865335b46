/**
 * The pattern claims of the report (chapter 4, "Patronen", and the summary's
 * "Patronen" that repeats it) as data: which two network-level variables,
 * which direction the report states, the report's own words, and any
 * exception or comparison it adds. `evaluateFindings` checks each claim on
 * whatever data are loaded.
 *
 * Chapter 3 compares the networks one characteristic at a time (orderings such
 * as "topic overlap highest by far in Meses"); it states no relation between
 * two characteristics across networks. Those orderings are checked by
 * `checkCalibration` (PROVENANCE.md, section 5), not here.
 *
 * Variables are network-level: `members` and `years` (networkTable columns)
 * or a construct id whose network mean networkTable gives (`means[id]`).
 */

/** +1: positive relation; -1: negative relation; 0: "no (direct) relation". */
export type FindingDirection = 1 | -1 | 0;

export interface Finding {
  /** Stable id, e.g. 'vision_impact'. */
  id: string;
  /** Section of the report ('4.1'; the summary's 'Patronen' repeats chapter 4). */
  section: string;
  /** The number of the figure the claim is read from (16 for Figuur 16), or null. */
  figure: number | null;
  /** The report's words (quote or close paraphrase, Dutch). */
  nl: string;
  /** The same in English (our translation). */
  en: string;
  /** Network-level variables: 'members', 'years', or a construct id (network mean). */
  x: string;
  y: string;
  /** The direction the report states. */
  direction: FindingDirection;
  /** The report's own qualifier of strength, where it gives one. */
  strength?: 'weak' | 'very weak';
  /** Networks the report names as exceptions to the pattern. */
  except?: readonly string[];
  /** Id of a finding whose relation the report calls stronger ("more than", "more clearly"). */
  weakerThan?: string;
  /** The shipped synthetic data were calibrated to show this claim (PROVENANCE.md, section 5). */
  calibrated: boolean;
  /** A caveat of the report itself (a conflict, a qualifier), in both languages. */
  caveat?: { nl: string; en: string };
}

const SIZE_NL = 'Bovendien lijkt de omvang van het netwerk niet direct samen te hangen met impact, gedeelde visie, onderlinge affectiviteit en onderling vertrouwen.';
const SIZE_EN = 'Moreover, the size of the network does not seem to be directly related to impact, shared vision, mutual affectivity and mutual trust.';
const SAME_NL = '‘Ingeschatte effectiviteit’ en ‘ingeschat effect op onderwijs’ laten vergelijkbare patronen van samenhang zien met de andere drie kenmerken; voor ‘ingeschatte impact van het netwerk’ zijn deze patronen duidelijker.';
const SAME_EN = '‘Estimated effectiveness’ and ‘estimated effect on education’ show similar patterns of association with the other three characteristics; for ‘estimated impact of the network’ these patterns are clearer.';

/**
 * Every pattern claim of chapter 4, in the report's order. The claims about
 * effectiveness and effect on education spell out "similar patterns with the
 * other three characteristics" (shared vision, affectivity, trust), each
 * weaker than the same relation with impact.
 */
export const FINDINGS: readonly Finding[] = [
  {
    id: 'administrative_reputation',
    section: '4.1',
    figure: 15,
    nl: 'Een heel zwak patroon is te zien tussen bestuurlijke indelingen en reputatie van leden: naarmate bestuurlijke indelingen een grotere rol spelen bij begrenzing, speelt reputatie van leden een kleinere rol. En vice versa.',
    en: 'A very weak pattern between administrative divisions and the reputation of members: the larger the role of administrative divisions in the boundaries, the smaller the role of reputation, and vice versa.',
    x: 'bnd_administrative',
    y: 'bnd_reputation',
    direction: -1,
    strength: 'very weak',
    calibrated: true,
    caveat: { nl: 'Het rapport noemt dit patroon zelf heel zwak.', en: 'The report itself calls this pattern very weak.' },
  },
  {
    id: 'vision_impact',
    section: '4.1',
    figure: 16,
    nl: 'Gedeelde visie van de leden van het netwerk lijkt positief samen te hangen met impact; voor gedeelde visie lijkt dat meer te gelden dan voor onderlinge affectiviteit.',
    en: 'Shared vision among the members seems positively related to impact, more so than mutual affectivity.',
    x: 'shared_vision',
    y: 'impact',
    direction: 1,
    calibrated: true,
  },
  {
    id: 'affectivity_impact',
    section: '4.1',
    figure: 16,
    nl: 'Onderlinge affectiviteit tussen de leden van het netwerk lijkt positief samen te hangen met impact, minder dan gedeelde visie.',
    en: 'Mutual affectivity among the members seems positively related to impact, less than shared vision.',
    x: 'affectivity',
    y: 'impact',
    direction: 1,
    weakerThan: 'vision_impact',
    calibrated: true,
  },
  {
    id: 'trust_impact',
    section: '4.1',
    figure: 16,
    nl: 'Onderling vertrouwen lijkt eerder negatief dan positief samen te hangen met impact: het vertrouwen bij Notos is het grootst van alle netwerken, de ingeschatte impact van Notos het kleinst.',
    en: 'Mutual trust seems related to impact negatively rather than positively: Notos has the highest trust of all networks and the lowest estimated impact.',
    x: 'trust',
    y: 'impact',
    direction: -1,
    calibrated: true,
    caveat: {
      nl: 'Het rapport spreekt zich hier voorzichtig uit ("lijkt eerder"); in de data volgt Notos Figuur 16, niet het portret (conflict 3).',
      en: 'The report is cautious here ("seems rather"); in the data Notos follows Figure 16, not its portrait (conflict 3).',
    },
  },
  { id: 'size_impact', section: '4.1', figure: 16, nl: SIZE_NL, en: SIZE_EN, x: 'members', y: 'impact', direction: 0, calibrated: true },
  { id: 'size_vision', section: '4.1', figure: 16, nl: SIZE_NL, en: SIZE_EN, x: 'members', y: 'shared_vision', direction: 0, calibrated: false },
  { id: 'size_affectivity', section: '4.1', figure: 16, nl: SIZE_NL, en: SIZE_EN, x: 'members', y: 'affectivity', direction: 0, calibrated: false },
  { id: 'size_trust', section: '4.1', figure: 16, nl: SIZE_NL, en: SIZE_EN, x: 'members', y: 'trust', direction: 0, calibrated: false },
  { id: 'vision_effectiveness', section: '4.1', figure: null, nl: SAME_NL, en: SAME_EN, x: 'shared_vision', y: 'effectiveness', direction: 1, weakerThan: 'vision_impact', calibrated: true },
  { id: 'vision_effect_education', section: '4.1', figure: null, nl: SAME_NL, en: SAME_EN, x: 'shared_vision', y: 'effect_education', direction: 1, weakerThan: 'vision_impact', calibrated: true },
  { id: 'affectivity_effectiveness', section: '4.1', figure: null, nl: SAME_NL, en: SAME_EN, x: 'affectivity', y: 'effectiveness', direction: 1, weakerThan: 'affectivity_impact', calibrated: false },
  { id: 'affectivity_effect_education', section: '4.1', figure: null, nl: SAME_NL, en: SAME_EN, x: 'affectivity', y: 'effect_education', direction: 1, weakerThan: 'affectivity_impact', calibrated: false },
  { id: 'trust_effectiveness', section: '4.1', figure: null, nl: SAME_NL, en: SAME_EN, x: 'trust', y: 'effectiveness', direction: -1, weakerThan: 'trust_impact', calibrated: true },
  { id: 'trust_effect_education', section: '4.1', figure: null, nl: SAME_NL, en: SAME_EN, x: 'trust', y: 'effect_education', direction: -1, weakerThan: 'trust_impact', calibrated: true },
  {
    id: 'monitoring_impact',
    section: '4.1',
    figure: 17,
    nl: 'De impact die een netwerk realiseert lijkt sterker samen te hangen met het bewaken dat genomen besluiten worden nageleefd dan met het nemen van besluiten als zodanig. De positieve samenhang gaat voor alle netwerken op, behalve voor Meses.',
    en: 'The impact a network achieves seems more strongly related to monitoring that decisions are complied with than to taking decisions as such. The positive relation holds for all networks except Meses.',
    x: 'monitoring',
    y: 'impact',
    direction: 1,
    except: ['Meses'],
    calibrated: true,
  },
  {
    id: 'decisions_impact',
    section: '4.1',
    figure: 17,
    nl: 'Het kenmerk ‘besluiten nemen’ laat een minder duidelijk patroon zien met impact dan het bewaken van de naleving van besluiten.',
    en: 'Taking decisions shows a less clear pattern with impact than monitoring compliance with decisions.',
    x: 'decision_making',
    y: 'impact',
    direction: 1,
    weakerThan: 'monitoring_impact',
    calibrated: true,
  },
  {
    id: 'years_impact',
    section: '4.1',
    figure: 17,
    nl: 'In Figuur 17 is geen patroon te zien met hoe lang het netwerk bestaat.',
    en: 'Figure 17 shows no pattern with how long the network exists.',
    x: 'years',
    y: 'impact',
    direction: 0,
    calibrated: true,
    caveat: {
      nl: 'Hoofdstuk 4 (inleiding) en 5.4 noemen de jaren juist onder de kenmerken met duidelijke samenhang (conflict 4); de data volgen 4.1.',
      en: 'The introduction of chapter 4 and 5.4 list years among the clearly associated characteristics (conflict 4); the data follow 4.1.',
    },
  },
];

/** Labels of the two non-construct variables (constructs are named by the codebook). */
export const FINDING_VARIABLES = {
  members: { nl: 'omvang (aantal leden)', en: 'size (number of members)' },
  years: { nl: 'aantal jaren dat het netwerk bestaat', en: 'years the network exists' },
} as const;
