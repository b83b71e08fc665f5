import { FrozenMap } from '../../graph/frozen-map.js';
import type { Measure, MeasureType } from '../../model/measures.js';
import type { MeasureModule } from '../measure-module.js';
import { cadenceMeasure } from './cadence.js';
import { countMeasure } from './count.js';
import { deadlineMeasure } from './deadline.js';
import { manualMeasure } from './manual.js';
import { ratingMeasure } from './rating.js';
import { ratioMeasure } from './ratio.js';
import { rollUpMeasure } from './roll-up.js';
import { structureMeasure } from './structure.js';
import { windowMeasure } from './window.js';

/**
 * The spec of one measure type.
 *
 * @example
 * const spec: MeasureOfType<'count'> = { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 };
 */
export type MeasureOfType<T extends MeasureType> = Extract<Measure, { type: T }>;

// A mapped type, so that a measure type without a module fails to compile.
const MODULES: { readonly [T in MeasureType]: MeasureModule<MeasureOfType<T>> } = {
  count: countMeasure,
  cadence: cadenceMeasure,
  window: windowMeasure,
  deadline: deadlineMeasure,
  ratio: ratioMeasure,
  rating: ratingMeasure,
  manual: manualMeasure,
  structure: structureMeasure,
  'roll-up': rollUpMeasure,
};

/**
 * Every measure module, by type: one entry per measure type, read-only.
 *
 * @example
 * MEASURES.get('cadence')?.kind; // 'records'
 * MEASURES.get('roll-up')?.kind; // 'derived'
 */
export const MEASURES: ReadonlyMap<MeasureType, MeasureModule> = new FrozenMap<MeasureType, MeasureModule>(
  (Object.keys(MODULES) as MeasureType[]).map((type) => [type, MODULES[type] as MeasureModule]),
);

/**
 * The module of a measure type, typed to that type's spec. Throws a `TypeError` for a type
 * that has no module (only possible from untyped callers; specs are validated before).
 *
 * @example
 * const count = measureModule('count');
 * if (count.kind === 'records') count.finalize(count.init(spec, ctx), spec, ctx);
 */
export function measureModule<T extends MeasureType>(type: T): MeasureModule<MeasureOfType<T>> {
  const module = MEASURES.get(type);
  if (module === undefined) throw new TypeError(`zerenzhi: unknown measure type "${String(type)}"`);
  return module as unknown as MeasureModule<MeasureOfType<T>>;
}
