/**
 * Agreement coefficients for coded qualitative data (intercoder reliability),
 * one function per file: percent agreement, Cohen's kappa with asymptotic
 * standard errors, Brennan & Prediger's kappa (MAXQDA's kappa), Krippendorff's
 * alpha (nominal, ordinal, interval, ratio) with a seeded bootstrap interval.
 * They take plain reliability data (one row per coder, one value per unit) or a
 * contingency table; lib/qual/agreement builds those from coded segments.
 */
export { percentAgreement } from './percentAgreement';
export type { PercentAgreementResult } from './percentAgreement';
export { cohenKappa } from './cohenKappa';
export type { CohenKappaOptions, CohenKappaResult } from './cohenKappa';
export { brennanPredigerKappa, brennanPredigerFromAgreement } from './brennanPredigerKappa';
export type { BrennanPredigerOptions, BrennanPredigerResult } from './brennanPredigerKappa';
export { krippendorffAlpha, ALPHA_LEVELS } from './krippendorffAlpha';
export type { KrippendorffAlphaOptions, KrippendorffAlphaResult, AlphaLevel } from './krippendorffAlpha';
export { ratingTable } from './ratings';
export type { Rating, RatingTable } from './ratings';
