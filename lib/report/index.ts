/**
 * The self-contained HTML report (`npm run report`): buildReport (pure) and
 * collectColophon (the I/O: git commit, versions, data hashes).
 */
export { buildReport, reportFigureId } from './buildReport';
export type { ReportInput, BuildReportOptions } from './buildReport';
export { collectColophon } from './colophon';
export type { Colophon, ColophonFile, CollectColophonOptions } from './colophon';
