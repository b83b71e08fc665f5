import type { Scoring } from '../model/measures.js';
import type { Explanation, MeasureOutcome } from './measure-module.js';

/** Points awarded on one line, with the clause that says how. */
export interface ScoredPoints {
  readonly points: number;
  readonly detail: Explanation;
}

/** A scoring method: turns a measure's outcome into points out of `max`. */
export interface ScoringModule<Spec extends Scoring = Scoring> {
  readonly method: Spec['method'];
  score(outcome: MeasureOutcome, max: number, spec: Spec): ScoredPoints;
}
