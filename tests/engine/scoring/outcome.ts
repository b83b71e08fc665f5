// A measure outcome to score, for the scoring tests (not a test file itself).
import type { MeasureOutcome } from '../../../src/engine/measure-module.js';

/** An outcome with the given fields over a neutral base (met, ratio 1). */
export function outcome(fields: Partial<MeasureOutcome> = {}): MeasureOutcome {
  return {
    status: 'measured',
    value: 4,
    target: 4,
    shortfalls: 0,
    ratio: 1,
    inProgress: false,
    counted: 4,
    detail: { zh: '', en: '' },
    ...fields,
  };
}
