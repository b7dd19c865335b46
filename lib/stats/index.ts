/**
 * Numeric core of the project: pure functions on plain arrays, validated against
 * published values and R (psych, stats); see tests/stats and tests/r/psych-reference.R.
 *
 * Grouped by statistical domain:
 * - descriptives: describe, describeByGroup (mean, sd, se, report band)
 * - reliability:  reliability (Cronbach's alpha, item analysis)
 * - agreement:    icc (Shrout & Fleiss intraclass correlations)
 * - correlation:  correlate (Pearson, Spearman, Kendall tau-b)
 * - resampling:   permutationTest (exact for N <= 10), bootstrap (percentile, BCa), leaveOneOut
 * - cluster:      hclust, cutree, cophenetic, kmeans, silhouette, distanceMatrix
 * - agreement:    aggregationIndices (ICC(1), ICC(2), rwg(j)); intercoder agreement on
 *                 coded data: percentAgreement, cohenKappa, brennanPredigerKappa,
 *                 krippendorffAlpha (one row per coder, one value per unit)
 * - factor:       efa (minres, pa, ml; varimax, oblimin, promax), parallelAnalysis, kmo, bartlett
 *
 * Nothing here rounds: display code rounds.
 */
export { describe, BANDS } from './descriptives/describe';
export type { Band, DescribeOptions, Description } from './descriptives/describe';
export { describeByGroup } from './descriptives/describeByGroup';
export type { DescribeByGroupOptions, GroupDescription, GroupValue } from './descriptives/describeByGroup';
export { reliability } from './reliability/reliability';
export type { ReliabilityOptions, ReliabilityItem, ReliabilityResult } from './reliability/reliability';
export { icc } from './agreement/icc';
export type { IccOptions, IccRow, IccType, IccAnova, IccResult } from './agreement/icc';
export { correlate } from './correlation/correlate';
export type { CorrelateOptions, CorrelationResult, CorrelationMethod, Alternative } from './correlation/correlate';
export { aggregationIndices } from './agreement/aggregationIndices';
export type { AggregationIndicesOptions, AggregationIndicesResult, AggregationGroup } from './agreement/aggregationIndices';
export { percentAgreement } from './agreement/percentAgreement';
export type { PercentAgreementResult } from './agreement/percentAgreement';
export { cohenKappa } from './agreement/cohenKappa';
export type { CohenKappaOptions, CohenKappaResult } from './agreement/cohenKappa';
export { brennanPredigerKappa, brennanPredigerFromAgreement } from './agreement/brennanPredigerKappa';
export type { BrennanPredigerOptions, BrennanPredigerResult } from './agreement/brennanPredigerKappa';
export { krippendorffAlpha, ALPHA_LEVELS } from './agreement/krippendorffAlpha';
export type { KrippendorffAlphaOptions, KrippendorffAlphaResult, AlphaLevel } from './agreement/krippendorffAlpha';
export { ratingTable } from './agreement/ratings';
export type { Rating, RatingTable } from './agreement/ratings';
export { permutationTest } from './resampling/permutationTest';
export type { PermutationTestOptions, PermutationTestResult, PermutationStatistic } from './resampling/permutationTest';
export { bootstrap } from './resampling/bootstrap';
export type { BootstrapOptions, BootstrapResult } from './resampling/bootstrap';
export { bootstrapIntervals } from './resampling/bootstrapIntervals';
export type { BootstrapCi, BootstrapIntervalsResult, BootstrapInterval, BcaInterval } from './resampling/bootstrapIntervals';
export { leaveOneOut } from './resampling/leaveOneOut';
export type { LeaveOneOutOptions, LeaveOneOutResult, LeaveOneOutRow } from './resampling/leaveOneOut';
export { distanceMatrix } from './cluster/distanceMatrix';
export type { DistanceMatrix, DistanceMethod } from './cluster/distanceMatrix';
export { asDistanceMatrix } from './cluster/asDistanceMatrix';
export { hclust, HCLUST_METHODS } from './cluster/hclust';
export type { HclustTree, HclustMethod, HclustOptions } from './cluster/hclust';
export { cutree } from './cluster/cutree';
export { cophenetic } from './cluster/cophenetic';
export type { CopheneticResult } from './cluster/cophenetic';
export { kmeans } from './cluster/kmeans';
export type { KmeansResult, KmeansOptions, KmeansAlgorithm } from './cluster/kmeans';
export { silhouette } from './cluster/silhouette';
export type { SilhouetteResult, SilhouetteRow } from './cluster/silhouette';
export { efa } from './factor/efa';
export type { EfaOptions, EfaResult, EfaMethod, EfaRotation, EfaVariance, EfaConvergence, FitStatistics, CorrelationInputOptions, MissingMethod, ExtractionConvergence } from './factor/efa';
export { parallelAnalysis } from './factor/parallelAnalysis';
export type { ParallelAnalysisOptions, ParallelAnalysisResult } from './factor/parallelAnalysis';
export { kmo } from './factor/kmo';
export type { KmoOptions, KmoResult } from './factor/kmo';
export { bartlett } from './factor/bartlett';
export type { BartlettOptions, BartlettResult } from './factor/bartlett';
