/**
 * The calibration table: every number and ordering of the report that the
 * synthetic default data are generated to reproduce, each with the section of
 * the report it comes from. `data/PROVENANCE.md` is the readable account of
 * this table; `tests/data/targets.test.ts` checks every target on the
 * generated files.
 *
 * Where the report gives a band in words ("enige tot veel" = 3-4), the
 * generator aims at a mean inside that band; where the report contradicts
 * itself, `conflict` names the conflict (numbered as in facts.md) and the
 * target follows the side chosen in PROVENANCE.md.
 */

/** A closed interval on the 1-5 scale. */
export type Interval = readonly [number, number];

export interface NetworkCalibration {
  network: string;
  /** Letter in Figure 18 (report 5.3). The report does not publish the mapping; this one is ours (PROVENANCE.md). */
  fig18Letter: string;
  /** Response rate printed in Figure 18, in percent. */
  fig18Percent: number;
  /** Members approached = member organisations (one board member or director each). */
  approached: number;
  responded: number;
  complete: number;
  /** Years the network exists, as in the portrait (chapter 2). */
  years: number;
  /** Figure 13's prose class where it gives one (section 3.3), else null. */
  yearsFig13: string | null;
  hogeschool: number;
  university: number;
  mbo: number;
  schoolBoards: number;
  /** The report's band for the number of school boards (chapter 2). */
  schoolBoardsBand: string;
  lead: string;
  website: string;
  boundaries: string;
  notes: string;
  section: string;
}

/**
 * The ten networks (chapter 2). Member counts are ours: the report gives bands
 * only ("tien tot twintig schoolbesturen"); each count lies inside its band,
 * the counts add up to the 182 members approached (5.3), and the response
 * counts reproduce every percentage of Figure 18 under the stated letter
 * mapping and add up to 129 responses, 112 of them complete (5.3, 5.4).
 */
export const NETWORKS: readonly NetworkCalibration[] = [
  { network: 'Aparctias', fig18Letter: 'G', fig18Percent: 67, approached: 30, responded: 20, complete: 17, years: 4, yearsFig13: '<= 5', hogeschool: 1, university: 0, mbo: 1, schoolBoards: 28, schoolBoardsBand: '20-30', lead: 'hogeschool', website: 'yes, with shared vision', boundaries: 'administrative divisions', notes: 'member and involved-member boards; 3-7 regional execution groups; predecessor: board partnership of about 15 years', section: '2.1' },
  { network: 'Apeliotes', fig18Letter: 'B', fig18Percent: 80, approached: 10, responded: 8, complete: 7, years: 4, yearsFig13: null, hogeschool: 1, university: 0, mbo: 0, schoolBoards: 9, schoolBoardsBand: '1-10', lead: 'hogeschool', website: 'yes; covenant', boundaries: 'administrative divisions; socio-cultural second; natural borders too', notes: 'at most 3 schools per board join at once', section: '2.2' },
  { network: 'Argestes', fig18Letter: 'A', fig18Percent: 89, approached: 9, responded: 8, complete: 7, years: 10, yearsFig13: null, hogeschool: 1, university: 0, mbo: 0, schoolBoards: 8, schoolBoardsBand: '1-10', lead: 'hogeschool', website: 'no', boundaries: 'administrative divisions', notes: 'joining costs money: mostly large boards', section: '2.3' },
  { network: 'Caecias', fig18Letter: 'H', fig18Percent: 84, approached: 19, responded: 16, complete: 14, years: 11, yearsFig13: '5-10', hogeschool: 1, university: 0, mbo: 0, schoolBoards: 18, schoolBoardsBand: '10-20', lead: 'hogeschool', website: 'no; shared vision on paper', boundaries: 'administrative divisions; proximity', notes: 'started from a financial impulse', section: '2.4' },
  { network: 'Erus', fig18Letter: 'C', fig18Percent: 81, approached: 21, responded: 17, complete: 15, years: 9, yearsFig13: null, hogeschool: 1, university: 0, mbo: 0, schoolBoards: 20, schoolBoardsBand: '10-20', lead: 'hogeschool', website: 'yes', boundaries: 'socio-cultural lines, then reputation, then administrative divisions', notes: 'one-school boards cannot join alone; stop on growth', section: '2.5' },
  { network: 'Lips', fig18Letter: 'D', fig18Percent: 45, approached: 38, responded: 17, complete: 13, years: 9, yearsFig13: null, hogeschool: 1, university: 1, mbo: 0, schoolBoards: 36, schoolBoardsBand: '> 30', lead: 'hogeschool', website: 'yes', boundaries: '', notes: 'membership tripled recently; waiting list again', section: '2.6' },
  { network: 'Meses', fig18Letter: 'E', fig18Percent: 64, approached: 22, responded: 14, complete: 12, years: 22, yearsFig13: '<= 5', hogeschool: 1, university: 0, mbo: 1, schoolBoards: 20, schoolBoardsBand: '10-20', lead: 'the school boards', website: 'yes; covenant', boundaries: 'administrative divisions', notes: 'small financial contribution to join', section: '2.7' },
  { network: 'Notos', fig18Letter: 'F', fig18Percent: 77, approached: 13, responded: 10, complete: 9, years: 17, yearsFig13: '> 15', hogeschool: 1, university: 1, mbo: 0, schoolBoards: 11, schoolBoardsBand: '10-20', lead: 'a school board', website: 'no', boundaries: 'administrative divisions', notes: "some boards left: 'too academic'", section: '2.8' },
  { network: 'Thrascias', fig18Letter: 'I', fig18Percent: 100, approached: 11, responded: 11, complete: 10, years: 10, yearsFig13: '5-10', hogeschool: 1, university: 0, mbo: 0, schoolBoards: 10, schoolBoardsBand: '10-20', lead: 'hogeschool', website: 'no; covenant', boundaries: 'administrative divisions; natural borders too', notes: 'merger of two partnerships; growing', section: '2.9' },
  { network: 'Zephyrus', fig18Letter: 'J', fig18Percent: 89, approached: 9, responded: 8, complete: 8, years: 4, yearsFig13: '<= 5', hogeschool: 1, university: 0, mbo: 0, schoolBoards: 8, schoolBoardsBand: '1-10 (was 10-20)', lead: 'hogeschool', website: 'yes', boundaries: '', notes: 'execution group of directors does not get going', section: '2.10' },
];

/** Totals of report section 5.3 / 5.4. */
export const TOTALS = { approached: 182, responded: 129, complete: 112, pilot: 81 } as const;

export interface MeanTarget {
  construct: string;
  network: string;
  /** The mean the generator aims at. */
  mean: number;
  /** The interval the mean must lie in: the report's verbal band, or the conflict resolution's. */
  band: Interval;
  /** The report's words for the band, as facts.md gives them. */
  reportBand: string;
  source: string;
  /** Number of the conflict in facts.md / PROVENANCE.md that moved this target off the portrait band. */
  conflict?: number;
}

/**
 * A verbal band as an interval: "X-Y" is [X, Y]; a single "X" is the values
 * that read as X, [X - .5, X + .5], clipped to 1-5.
 */
export function bandInterval(words: string): Interval {
  const m = /^(\d)(?:\s*[-–]\s*(\d))?$/.exec(words.trim());
  if (!m) throw new Error(`Cannot read band "${words}"`);
  const lo = Number(m[1]);
  if (m[2] !== undefined) return [lo, Number(m[2])];
  return [Math.max(1, lo - 0.5), Math.min(5, lo + 0.5)];
}

type Row = [network: string, ...cells: Array<[band: string, mean: number]>];

/**
 * Portrait characteristics (Figures 1-10, facts.md "Network portraits"):
 * [band in words, target mean]. Means sit inside the band and are placed so
 * that the chapter 3-4 orderings hold (see the ordering targets below).
 */
const PORTRAIT_COLUMNS = ['persons_turnover', 'org_turnover', 'trust', 'shared_vision', 'topic_overlap', 'network_overlap', 'decision_making', 'impact'] as const;
const PORTRAIT_ROWS: Row[] = [
  ['Aparctias', ['2-3', 2.5], ['2', 2.0], ['4', 4.05], ['4', 4.0], ['3-4', 3.45], ['4', 4.0], ['4', 3.9], ['4', 3.85]],
  ['Apeliotes', ['1-4', 2.4], ['1', 1.3], ['4-5', 4.04], ['5', 4.7], ['1-4', 2.9], ['2-4', 3.0], ['5', 4.6], ['5', 4.7]],
  ['Argestes', ['4', 3.9], ['2', 2.1], ['3-4', 3.96], ['3-4', 3.6], ['2-4', 3.0], ['2-3', 2.5], ['3-4', 3.7], ['3-4', 3.65]],
  ['Caecias', ['2-4', 3.0], ['2-3', 2.5], ['3-4', 3.72], ['4', 4.05], ['2-4', 3.0], ['4-5', 4.4], ['3-5', 3.8], ['4', 4.1]],
  ['Erus', ['2-3', 2.5], ['2-3', 2.5], ['4-5', 3.54], ['4-5', 4.4], ['2-4', 3.4], ['3-4', 3.5], ['4', 4.1], ['4-5', 4.45]],
  ['Lips', ['3-4', 3.5], ['3-4', 3.4], ['3-4', 3.92], ['3-4', 3.95], ['2-3', 2.4], ['2-5', 3.5], ['3-4', 3.5], ['3-4', 3.3]],
  ['Meses', ['2-3', 2.5], ['1-2', 1.5], ['4', 3.54], ['4', 4.25], ['3-5', 4.2], ['3-4', 3.4], ['3-4', 3.45], ['4', 4.3]],
  ['Notos', ['3-4', 3.5], ['2-3', 2.6], ['3-4', 4.72], ['3-4', 3.4], ['2-3', 2.35], ['3-5', 4.1], ['3-4', 3.55], ['3-4', 3.25]],
  ['Thrascias', ['3-4', 3.4], ['2-3', 2.5], ['3-4', 3.96], ['3-4', 3.6], ['3-4', 3.5], ['3-4', 3.4], ['3-4', 3.45], ['3-4', 3.7]],
  ['Zephyrus', ['1', 1.2], ['1', 1.2], ['4-5', 4.04], ['4-5', 4.15], ['2-4', 3.0], ['2-3', 2.5], ['4-5', 4.3], ['4', 3.9]],
];

/**
 * Conflict 3 (facts.md): Figure 16's prose makes Notos the most trusting
 * network of all and Erus markedly less trusting than some others, against
 * the portraits (Notos 3-4, Erus 4-5). The data follow Figure 16 for these two
 * networks: the pattern claims are what chapter 4 and the summary rest on.
 */
const CONFLICT_BANDS: Record<string, { band: Interval; conflict: number }> = {
  'Notos/trust': { band: [4.0, 5.0], conflict: 3 },
  'Erus/trust': { band: [3.5, 4.0], conflict: 3 },
};

export const PORTRAIT_TARGETS: readonly MeanTarget[] = PORTRAIT_ROWS.flatMap(([network, ...cells]) =>
  cells.map(([words, mean], i) => {
    const construct = PORTRAIT_COLUMNS[i];
    const override = CONFLICT_BANDS[`${network}/${construct}`];
    return {
      construct,
      network,
      mean,
      band: override?.band ?? bandInterval(words),
      reportBand: words,
      source: `${NETWORKS.find((n) => n.network === network)!.section}, Figure ${NETWORKS.findIndex((n) => n.network === network) + 1}`,
      ...(override ? { conflict: override.conflict } : {}),
    };
  }),
);

/**
 * Chapter 4 constructs without portrait bands: the report gives only orderings
 * (4.1, Figures 16-17). Means are ours, set so that those orderings hold; the
 * band is the whole "some to much" range the prose implies.
 */
const FUNCTIONING_COLUMNS = ['affectivity', 'monitoring', 'effectiveness', 'effect_education'] as const;
const FUNCTIONING_MEANS: Record<string, number[]> = {
  Aparctias: [3.75, 3.7, 3.94, 3.64],
  Apeliotes: [4.2, 4.45, 4.27, 3.97],
  Argestes: [3.85, 3.45, 3.83, 3.57],
  Caecias: [3.6, 3.95, 3.87, 3.87],
  Erus: [4.0, 4.15, 4.12, 3.98],
  Lips: [3.55, 3.1, 3.47, 3.44],
  Meses: [4.1, 3.05, 3.9, 3.84],
  Notos: [3.7, 3.0, 3.33, 3.51],
  Thrascias: [3.5, 3.35, 3.7, 3.6],
  Zephyrus: [3.7, 3.85, 3.72, 3.64],
};
export const FUNCTIONING_TARGETS: readonly MeanTarget[] = Object.entries(FUNCTIONING_MEANS).flatMap(([network, means]) =>
  means.map((mean, i) => ({
    construct: FUNCTIONING_COLUMNS[i],
    network,
    mean,
    band: [2.5, 5] as Interval,
    reportBand: 'ordering only (4.1)',
    source: '4.1, Figures 16-17',
  })),
);

/**
 * Boundary dimensions (3.2, Figure 12; 4.1, Figure 15): administrative
 * divisions lead everywhere but Erus (socio-cultural, then reputation, then
 * administrative); Apeliotes has socio-cultural second; natural borders play a
 * role in Apeliotes and Thrascias; administrative and reputation form a very
 * weak negative pattern across networks.
 */
const BOUNDARY_COLUMNS = ['bnd_administrative', 'bnd_reputation', 'bnd_sociocultural', 'bnd_natural'] as const;
const BOUNDARY_MEANS: Record<string, number[]> = {
  Aparctias: [4.2, 2.5, 2.6, 1.8],
  Apeliotes: [4.0, 2.6, 3.4, 3.1],
  Argestes: [4.1, 2.4, 2.5, 1.7],
  Caecias: [3.9, 2.9, 2.8, 2.2],
  Erus: [2.9, 3.2, 3.9, 1.9],
  Lips: [3.6, 2.4, 2.7, 2.0],
  Meses: [4.3, 3.1, 3.0, 1.8],
  Notos: [3.8, 2.5, 2.4, 1.6],
  Thrascias: [4.0, 2.6, 2.6, 3.0],
  Zephyrus: [3.5, 2.6, 2.9, 2.1],
};
export const BOUNDARY_TARGETS: readonly MeanTarget[] = Object.entries(BOUNDARY_MEANS).flatMap(([network, means]) =>
  means.map((mean, i) => ({
    construct: BOUNDARY_COLUMNS[i],
    network,
    mean,
    band: [1, 5] as Interval,
    reportBand: 'ordering only (3.2, 4.1)',
    source: '3.2 (Figure 12), 4.1 (Figure 15)',
  })),
);

/**
 * Motivation (3.1, Figure 11): mean importance over all respondents. The
 * first three are the report's three most important reasons, in its order;
 * the last three are the reasons that "hardly play a role".
 */
export const MOTIVATION_MEANS: Readonly<Record<string, number>> = {
  motivation_1: 4.6,
  motivation_2: 4.35,
  motivation_3: 4.1,
  motivation_4: 3.8,
  motivation_5: 3.85,
  motivation_6: 3.7,
  motivation_7: 3.3,
  motivation_8: 3.1,
  motivation_9: 1.7,
  motivation_10: 1.45,
  motivation_11: 1.8,
};

/**
 * Number of other networks in which members meet (chapter 2 ranges; 3.6,
 * Figure 14: most about 7, Notos about 8, Zephyrus and Argestes about 5).
 * The portrait's range is read as the range of the answers.
 */
export const OTHER_NETWORKS: Readonly<Record<string, { range: Interval; mean: number }>> = {
  Aparctias: { range: [6, 9], mean: 7.2 },
  Apeliotes: { range: [3, 10], mean: 6.6 },
  Argestes: { range: [3, 6], mean: 4.9 },
  Caecias: { range: [7, 10], mean: 7.6 },
  Erus: { range: [6, 8], mean: 7.0 },
  Lips: { range: [5, 9], mean: 7.0 },
  Meses: { range: [4, 8], mean: 6.4 },
  Notos: { range: [5, 10], mean: 8.1 },
  Thrascias: { range: [5, 8], mean: 6.6 },
  Zephyrus: { range: [4, 6], mean: 5.1 },
};

/** All mean targets on the 1-5 scales. */
export const MEAN_TARGETS: readonly MeanTarget[] = [...PORTRAIT_TARGETS, ...FUNCTIONING_TARGETS, ...BOUNDARY_TARGETS];

/**
 * Generation settings. Person effects and answer noise are small enough that
 * respondents within a network agree as the report found (ICC(A,k) > .90 in
 * every network, 5.4) and large enough that bands have width.
 */
export const GENERATION = {
  seed: 'delicate-verbanden-2024-04',
  /** SD of a respondent's deviation from the network mean on a construct. */
  personSd: 0.3,
  /** SD of the answer noise per item. */
  itemSd: 0.4,
  /** SD of the fixed item offsets within a construct (centred to zero). */
  itemOffsetSd: 0.3,
  /** Share of "weet niet" answers (code 9 / 99) on motivation items and the count. */
  dontKnowRate: 0.02,
} as const;

/**
 * The pilot (5.3): 81 school board members, convenience sample, the long item
 * pool. Standardised loadings by item role; the weak items are the kinds the
 * report removed (5.3 criteria).
 */
export const PILOT = {
  respondents: 81,
  loadings: {
    final: 0.87,
    negatively_worded: 0.5,
    low_inter_item_r: 0.3,
    cross_loading_own: 0.55,
    cross_loading_other: 0.5,
    alpha_if_deleted: 0.45,
  },
  /** Correlations between construct factors in the pilot (others 0.15). */
  factorCorrelations: [
    ['trust', 'affectivity', 0.55],
    ['shared_vision', 'impact', 0.45],
    ['impact', 'effectiveness', 0.6],
    ['impact', 'effect_education', 0.55],
    ['effectiveness', 'effect_education', 0.5],
    ['decision_making', 'monitoring', 0.5],
    ['persons_turnover', 'org_turnover', 0.4],
    ['topic_overlap', 'network_overlap', 0.35],
    ['trust', 'shared_vision', 0.4],
  ] as ReadonlyArray<readonly [string, string, number]>,
  baseCorrelation: 0.15,
  dontKnowRate: 0.004,
} as const;
