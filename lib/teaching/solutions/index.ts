/**
 * Every exercise's solution, by id. A student edition's dist/ has no
 * teaching/solutions folder: catalog.ts then finds none.
 */
import type { Solution } from '../types';
import { SOLUTIONS_01 } from './01';
import { SOLUTIONS_02 } from './02';
import { SOLUTIONS_03_10 } from './03-10';

export const SOLUTIONS: Record<string, Solution> = {
  ...SOLUTIONS_01,
  ...SOLUTIONS_02,
  ...SOLUTIONS_03_10,
};
