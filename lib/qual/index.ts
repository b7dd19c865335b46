/**
 * The qualitative half of the study (report 5.4, chapter 3): interview reports
 * coded with a codebook, read from REFI-QDA (.qdpx/.qdc) or MAXQDA's
 * coded-segments export, intercoder agreement, and the analysis per theme and
 * network beside the survey. Notebooks import it as `require('../dist/qual')`.
 *
 * - model:     QualProject (documents, codes, coded segments), code paths, validation
 * - codebook:  DEFAULT_CODEBOOK, the chapter-3 themes with subcodes
 * - io:        readQdpx / writeQdpx, readQdc / writeQdc, readMaxqdaCodedSegments /
 *              writeMaxqdaCodedSegments, readTextFolder
 * - (the coefficients percentAgreement, cohenKappa, brennanPredigerKappa and
 *   krippendorffAlpha are statistics: lib/stats/agreement, in the main entry)
 * - agreement: presenceAgreement (document or paragraph units), segmentAgreement (MAXQDA)
 * - analysis:  codeMatrix, quotes, quotesByNetwork, jointDisplay
 * - figures:   codeMatrixFigure, jointDisplayFigure, agreementFigure
 * - data:      loadInterviews (the synthetic default), generateInterviewProject
 */
export type { QualProject, QualDocument, QualCode, CodedSegment } from './model';
export { validateProject, checkProject, codePath, codeNames, findCode, themeOf, themes, descendantIds, copyGroups, analysisDocuments, splitCodePath, PATH_SEPARATOR } from './model';
export { DEFAULT_CODEBOOK, defaultCodes, codeLabel, codebookEntry, themeConstructs, codeGuid } from './codebook';
export type { CodebookEntry } from './codebook';
export { textIndex, sliceCodePoints, codePointLength, paragraphs } from './text';
export type { Paragraph, TextIndex } from './text';
export { readQdpx, parseProjectXml, writeQdpx, projectXml, readQdc, parseQdc, writeQdc, PROJECT_NAMESPACE, CODEBOOK_NAMESPACE } from './io/refiQda';
export type { ReadQdpxOptions, ParseProjectOptions, ReadResult, WriteQdpxOptions, WriteQdcOptions } from './io/refiQda';
export { readMaxqdaCodedSegments, parseMaxqdaCsv, parseMaxqdaGrid, writeMaxqdaCodedSegments, MAXQDA_COLUMNS, NETWORKS } from './io/maxqda';
export type { ReadMaxqdaOptions, WriteMaxqdaOptions, TextDocument, MaxqdaColumn } from './io/maxqda';
export { readTextFolder } from './io/texts';
export { presenceAgreement } from './agreement/presenceAgreement';
export type { PresenceAgreementOptions, PresenceAgreementResult, AgreementCoefficients, CodeAgreement } from './agreement/presenceAgreement';
export { segmentAgreement, overlapPercent } from './agreement/segmentAgreement';
export type { SegmentAgreementOptions, SegmentAgreementResult, SegmentPairResult, SegmentCheck, SegmentKappa } from './agreement/segmentAgreement';
export type { ComparisonOptions } from './agreement/comparison';
export { codeMatrix } from './analysis/codeMatrix';
export type { CodeMatrix, CodeMatrixOptions } from './analysis/codeMatrix';
export { quotes, quotesByNetwork } from './analysis/quotes';
export type { Quote, QuoteOptions } from './analysis/quotes';
export { jointDisplay, formatJointDisplay } from './analysis/jointDisplay';
export type { JointDisplay, JointDisplayRow, JointDisplayOptions } from './analysis/jointDisplay';
export { codeMatrixFigure } from './figures/codeMatrixFigure';
export type { CodeMatrixFigureOptions } from './figures/codeMatrixFigure';
export { jointDisplayFigure } from './figures/jointDisplayFigure';
export { agreementFigure } from './figures/agreementFigure';
export { agreementRows } from './agreement/agreementRows';
export { loadInterviews, loadInterviewsFromMaxqda, interviewDir, INTERVIEW_DATA_DIR } from './load';
export { generateInterviewProject, generateInterviewFiles, QUAL_SYNTHETIC_MARK, INTERVIEW_SEED, CODING_DESIGN } from './defaultData/generate';
export { writeInterviewData } from './defaultData/writeInterviewData';
