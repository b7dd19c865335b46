/**
 * The pattern claims of the report (chapter 4, "Patronen", and the summary's
 * "Patronen" that repeats it) are data: the `claims` of the report's study
 * definition (`data/study.json`): which two network-level variables, which
 * direction the report states, the report's own words, and any exception or
 * comparison it adds. `evaluateFindings` checks each claim on whatever data
 * are loaded; a researcher declares their own claims in the same form in the
 * `study.json` of their data folder.
 *
 * The claims about effectiveness and effect on education spell out "similar
 * patterns with the other three characteristics" (shared vision,
 * affectivity, trust), each weaker than the same relation with impact.
 *
 * Chapter 3 compares the networks one characteristic at a time (orderings such
 * as "topic overlap highest by far in Meses"); it states no relation between
 * two characteristics across networks. Those orderings are checked by
 * `checkCalibration` (PROVENANCE.md, section 5), not here.
 */
import { reportStudyDefinition, type Finding } from '../io/studyDefinition';

export type { Finding, FindingDirection } from '../io/studyDefinition';

/** Every pattern claim of chapter 4, in the report's order (the report's study, `data/study.json`). */
export const FINDINGS: readonly Finding[] = reportStudyDefinition().claims;

/** Labels of the two non-construct variables (constructs are named by the codebook). */
export const FINDING_VARIABLES = {
  members: { nl: 'omvang (aantal leden)', en: 'size (number of members)' },
  years: { nl: 'aantal jaren dat het netwerk bestaat', en: 'years the network exists' },
} as const;
