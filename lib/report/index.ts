/**
 * The self-contained HTML report (`npm run report`): buildReport (pure),
 * collectColophon (the I/O: git commit, versions, data hashes) and the
 * options of its interview section.
 */
export { buildReport, reportFigureId } from './buildReport';
export type { ReportInput, BuildReportOptions } from './buildReport';
export { collectColophon } from './colophon';
export { writeReport } from './writeReport';
export type { WriteReportOptions, WriteReportResult } from './writeReport';
export type { Colophon, ColophonFile, CollectColophonOptions } from './colophon';
export { INTERVIEW_REPORT_DEFAULTS, interviewAgreement } from './interviewSection';
export type { InterviewReportOptions, InterviewAgreement } from './interviewSection';
