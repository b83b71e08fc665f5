// Shared fixtures and fast-check properties for the record-measure tests (not a test file itself).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { formatCalendarDate, parseCalendarDate } from '../../../src/core/calendar.js';
import type { MeasureContext, MeasureOutcome, RecordMeasure } from '../../../src/engine/measure-module.js';
import { resolvePeriod } from '../../../src/engine/period.js';
import type { Measure } from '../../../src/model/measures.js';
import type { AttributeValue, EvidenceRecord } from '../../../src/model/record.js';
import type { Period } from '../../../src/model/rules.js';

/** The day number of a date written in a test. */
export function day(date: string): number {
  const parsed = parseCalendarDate(date);
  if (parsed === undefined) throw new Error(`bad test date ${date}`);
  return parsed;
}

/** A measure context for a period, finished or (with `asOf` before its end) still running. */
export function contextFor(period: Period = { year: 2022 }, asOf?: string): MeasureContext {
  const resolved = resolvePeriod(period);
  const last = asOf === undefined ? resolved.end : Math.min(day(asOf), resolved.end);
  return { period: resolved, asOf: last, running: last < resolved.end };
}

/** An approved record of branch b1. */
export function rec(
  id: string,
  date: string,
  attributes: Record<string, AttributeValue> = {},
  dates: { due?: string; completed?: string } = {},
): EvidenceRecord {
  return {
    id,
    type: 'meeting',
    organization: 'b1',
    day: day(date),
    date,
    ...(dates.due !== undefined ? { due: day(dates.due) } : {}),
    ...(dates.completed !== undefined ? { completed: day(dates.completed) } : {}),
    status: 'approved',
    attributes: new Map(Object.entries(attributes)),
  };
}

/** Adds records the way the engine does: `accepts` first, then `add`. */
export function build<S extends Measure, St>(module: RecordMeasure<S, St>, spec: S, ctx: MeasureContext, records: readonly EvidenceRecord[]): St {
  const state = module.init(spec, ctx);
  for (const record of records) if (!module.accepts || module.accepts(record, spec, ctx)) module.add(state, record, spec, ctx);
  return state;
}

/** Builds and finalizes in one go. */
export function measure<S extends Measure, St>(module: RecordMeasure<S, St>, spec: S, ctx: MeasureContext, records: readonly EvidenceRecord[]): MeasureOutcome {
  return module.finalize(build(module, spec, ctx, records), spec, ctx);
}

/** A day inside 2022. */
export const dayIn2022 = fc.integer({ min: day('2022-01-01'), max: day('2022-12-31') });

/** Records with unique ids from a body arbitrary (everything but the id). */
export function recordsOf(body: fc.Arbitrary<Omit<EvidenceRecord, 'id'>>, maxLength = 25): fc.Arbitrary<EvidenceRecord[]> {
  const withId = fc.tuple(fc.stringMatching(/^r-[0-9a-z]{1,3}$/), body).map(([id, b]): EvidenceRecord => ({ ...b, id }));
  return fc.uniqueArray(withId, { selector: (r) => r.id, maxLength });
}

/** A record body dated on `dayArb`, with attributes from `attributes`. */
export function bodyOf(
  attributes: fc.Arbitrary<Record<string, AttributeValue>> = fc.constant({}),
  extra: fc.Arbitrary<{ due?: number; completed?: number }> = fc.constant({}),
  dayArb: fc.Arbitrary<number> = dayIn2022,
): fc.Arbitrary<Omit<EvidenceRecord, 'id'>> {
  return fc.tuple(dayArb, attributes, extra).map(([d, attrs, dates]) => ({
    type: 'meeting',
    organization: 'b1',
    day: d,
    date: formatCalendarDate(d),
    ...dates,
    status: 'approved' as const,
    attributes: new Map(Object.entries(attrs)),
  }));
}

/**
 * The properties every record measure keeps: finalize does not depend on add order; merging
 * the states of a split equals the state of the whole; add then remove restores the outcome;
 * and, for counting measures, adding a record never lowers `value`.
 */
export function recordMeasureProperties<S extends Measure, St>(
  module: RecordMeasure<S, St>,
  spec: S,
  ctx: MeasureContext,
  records: fc.Arbitrary<EvidenceRecord[]>,
  options: { monotone?: boolean; runs?: number } = {},
): void {
  const params = { numRuns: options.runs ?? 150 };
  const finalize = (rs: readonly EvidenceRecord[]): MeasureOutcome => measure(module, spec, ctx, rs);

  it('finalize does not depend on the order records were added in', () => {
    const shuffled = records.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })));
    fc.assert(
      fc.property(shuffled, ([rs, other]) => {
        expect(finalize(other)).toEqual(finalize(rs));
      }),
      params,
    );
  });

  it('merging the states of a split equals the state of all records, either way round', () => {
    const split = records.chain((rs) => fc.tuple(fc.constant(rs), fc.array(fc.boolean(), { minLength: rs.length, maxLength: rs.length })));
    fc.assert(
      fc.property(split, ([rs, mask]) => {
        const left = rs.filter((_, i) => mask[i]);
        const right = rs.filter((_, i) => !mask[i]);
        const whole = finalize(rs);
        const ab = module.merge(build(module, spec, ctx, left), build(module, spec, ctx, right));
        const ba = module.merge(build(module, spec, ctx, right), build(module, spec, ctx, left));
        expect(module.finalize(ab, spec, ctx)).toEqual(whole);
        expect(module.finalize(ba, spec, ctx)).toEqual(whole);
      }),
      params,
    );
  });

  it('adding a record then removing its id restores the outcome', () => {
    const withExtra = records.filter((rs) => rs.length > 0).map((rs) => [rs.slice(1), rs[0] as EvidenceRecord] as const);
    fc.assert(
      fc.property(withExtra, ([rs, extra]) => {
        const state = build(module, spec, ctx, rs);
        const before = module.finalize(state, spec, ctx);
        if (!module.accepts || module.accepts(extra, spec, ctx)) module.add(state, extra, spec, ctx);
        module.remove(state, extra.id);
        expect(module.finalize(state, spec, ctx)).toEqual(before);
      }),
      params,
    );
  });

  if (module.finalizeCounted) {
    it('with no state of its own (finalizeCounted), it gives what finalize gives on the records add took in', () => {
      fc.assert(
        fc.property(records, (rs) => {
          // what the engine hands it: the records that passed `accepts`, counted by the line, with their days
          const counted = rs.filter((r) => !module.accepts || module.accepts(r, spec, ctx));
          const outcome = module.finalizeCounted!({ size: counted.length, days: () => counted.map((r) => r.day) }, spec, ctx);
          expect(outcome).toEqual(finalize(rs));
        }),
        params,
      );
    });
  }

  if (options.monotone) {
    it('adding a record never lowers the value', () => {
      const withExtra = records.filter((rs) => rs.length > 0).map((rs) => [rs.slice(1), rs[0] as EvidenceRecord] as const);
      fc.assert(
        fc.property(withExtra, ([rs, extra]) => {
          expect(finalize([...rs, extra]).value).toBeGreaterThanOrEqual(finalize(rs).value);
        }),
        params,
      );
    });
  }
}
