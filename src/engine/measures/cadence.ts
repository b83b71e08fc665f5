import { formatCalendarDate, type DayNumber } from '../../core/calendar.js';
import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import type { CadenceMeasure } from '../../model/measures.js';
import type { RecordMeasure } from '../measure-module.js';
import { bucketsOf, type Bucket, type CadenceUnit, type ResolvedPeriod } from '../period.js';

/**
 * Cadence state: each record's day, keyed by record id.
 *
 * @example
 * const state: CadenceState = new Map([['r-1', 19066]]);
 */
export type CadenceState = Map<string, DayNumber>;

// A period's buckets of one unit, made once: every cadence line of an assessment reads the same ones.
const bucketsByPeriod = new WeakMap<ResolvedPeriod, Map<CadenceUnit, readonly Bucket[]>>();

function bucketsIn(period: ResolvedPeriod, unit: CadenceUnit): readonly Bucket[] {
  let byUnit = bucketsByPeriod.get(period);
  if (!byUnit) bucketsByPeriod.set(period, (byUnit = new Map()));
  let buckets = byUnit.get(unit);
  if (!buckets) byUnit.set(unit, (buckets = bucketsOf(period, unit)));
  return buckets;
}

/** Index of the bucket holding `day`, or -1 (buckets are sorted and do not overlap). */
function bucketIndex(buckets: readonly Bucket[], day: DayNumber): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const bucket = buckets[mid] as Bucket;
    if (day < bucket.start) hi = mid - 1;
    else if (day > bucket.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * 频次: at least `atLeast` records (default 1) in every month, quarter, half-year or year of the
 * period (三会一课). Each due bucket short of records is one shortfall; a record never fills
 * another bucket; buckets that end after `asOf` are neither met nor missed yet, and neither are
 * buckets that run past the period's end (not over when the period is, so never missed in it).
 *
 * @example
 * const spec: CadenceMeasure = { type: 'cadence', recordTypes: ['branch-committee'], every: 'month' };
 * const state = cadenceMeasure.init(spec, ctx);
 * for (const record of records) cadenceMeasure.add(state, record, spec, ctx);
 * cadenceMeasure.finalize(state, spec, ctx).detail.zh;
 * // '要求每月至少1次；已到期12个月中11个月达到，缺1个月：2022年12月'
 */
export const cadenceMeasure: RecordMeasure<CadenceMeasure, CadenceState> = {
  kind: 'records',
  type: 'cadence',
  init: () => new Map<string, DayNumber>(),
  add(state, record) {
    state.set(record.id, record.day);
  },
  remove(state, recordId) {
    state.delete(recordId);
  },
  merge(into, other) {
    for (const [id, day] of other) {
      const mine = into.get(id);
      if (mine === undefined || day < mine) into.set(id, day);
    }
    return into;
  },
  finalize(state, spec, ctx) {
    return cadenceMeasure.finalizeCounted!({ size: state.size, days: () => state.values() }, spec, ctx);
  },
  finalizeCounted(records, spec, ctx) {
    const atLeast = spec.atLeast ?? 1;
    const buckets = bucketsIn(ctx.period, spec.every);
    const perBucket = buckets.map(() => 0);
    let counted = 0;
    for (const day of records.days()) {
      // Defensive: the engine filters by period, but a stray record must not count anywhere.
      const index = day > ctx.asOf ? -1 : bucketIndex(buckets, day);
      if (index < 0) continue;
      perBucket[index] = (perBucket[index] ?? 0) + 1;
      counted++;
    }
    const missed: Bucket[] = [];
    const pastPeriod: Bucket[] = [];
    let due = 0;
    buckets.forEach((bucket, i) => {
      // A bucket the period ends inside (Q3 of a July period, 2023 of a period to 30 June 2023)
      // is not over when the period is: it cannot be missed in this period, so it is never due.
      // A bucket the period starts inside is over by the period's end, and is required.
      if (bucket.calendarEnd > ctx.period.end) {
        pastPeriod.push(bucket);
        return;
      }
      if (bucket.end > ctx.asOf) return;
      due++;
      if ((perBucket[i] ?? 0) < atLeast) missed.push(bucket);
    });
    const met = due - missed.length;
    const notYetDue = buckets.length - due;
    const waiting = notYetDue - pastPeriod.length;

    // The unit (month, quarter, half-year, year) picks the words of each clause.
    const unit = spec.every;
    const parts: Explanation[] = [explain('explain-cadence-required', { unit, atLeast })];
    if (due === 0) parts.push(explain('explain-cadence-none-due', { unit }));
    else {
      parts.push(explain('explain-cadence-met', { unit, due, met }));
      if (missed.length > 0) {
        const buckets = joinExplanations(missed.map((b) => b.label), 'list');
        parts.push(explain('explain-cadence-missed', { unit, count: missed.length, buckets }));
      }
    }
    if (waiting > 0) parts.push(explain('explain-cadence-not-yet-due', { unit, count: waiting, asOf: formatCalendarDate(ctx.asOf) }));
    if (pastPeriod.length > 0) {
      const labels = joinExplanations(pastPeriod.map((b) => b.label), 'list');
      parts.push(explain('explain-cadence-past-period', { unit, count: pastPeriod.length, buckets: labels, end: formatCalendarDate(ctx.period.end) }));
    }
    return {
      status: 'measured',
      value: met,
      target: due,
      shortfalls: missed.length,
      ratio: due === 0 ? 1 : met / due,
      // A missed bucket is final; the line is only provisional while nothing has been missed yet
      // and buckets remain to come.
      // A bucket running past the period's end is not over either, running or not.
      inProgress: missed.length === 0 && (pastPeriod.length > 0 || (ctx.running && waiting > 0)),
      counted,
      facts: { due, met, missed: missed.length, notYetDue },
      detail: joinExplanations(parts),
    };
  },
};
