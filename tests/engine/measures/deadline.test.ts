import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineMeasure } from '../../../src/engine/measures/deadline.js';
import type { DeadlineMeasure } from '../../../src/model/measures.js';
import { bodyOf, contextFor, dayIn2022, measure, rec, recordMeasureProperties, recordsOf } from './harness.js';

const spec: DeadlineMeasure = { type: 'deadline', recordTypes: ['rectification'] };
const year = contextFor({ year: 2022 });

describe('deadline', () => {
  it('judges each task by its own due and completion dates', () => {
    // t1 done 03-20, due 03-31: on time. t2 done 05-12, due 04-30: 12 days late. t3 done on its due day: on time.
    // value 2 on time; target 3 due; shortfalls 1 late + 1 × 0 open = 1; ratio 2/3
    const records = [
      rec('t1', '2022-03-01', {}, { due: '2022-03-31', completed: '2022-03-20' }),
      rec('t2', '2022-03-01', {}, { due: '2022-04-30', completed: '2022-05-12' }),
      rec('t3', '2022-03-01', {}, { due: '2022-06-30', completed: '2022-06-30' }),
    ];
    expect(measure(deadlineMeasure, spec, year, records)).toEqual({
      status: 'measured',
      value: 2,
      target: 3,
      shortfalls: 1,
      ratio: 2 / 3,
      inProgress: false,
      counted: 3,
      // t1 and t3 on time, t2 late by 12 days (04-30 → 05-12), nothing open
      facts: { onTime: 2, late: 1, open: 0, notYetDue: 0, dueSoon: 0, worstLateDays: 12 },
      detail: {
        zh: '应完成3项，按时2项，逾期完成1项（最长逾期12天），未完成0项',
        en: '3 due, 2 on time, 1 late (up to 12 days late), 0 still open',
      },
    });
  });

  it('takes the record date as completion under a spec due date, and counts unreported tasks as open', () => {
    // due 03-31, 3 expected. r1 dated 03-15: on time; r2 dated 04-05: 5 days late; the third never reported: open, overdue.
    // shortfalls = 1 late + openWeight 2 × 1 open = 3; value 1; target 3
    const withDue: DeadlineMeasure = { ...spec, due: '2022-03-31', expected: 3, openWeight: 2 };
    const outcome = measure(deadlineMeasure, withDue, year, [rec('r1', '2022-03-15'), rec('r2', '2022-04-05')]);
    expect(outcome).toMatchObject({ value: 1, target: 3, shortfalls: 3, ratio: 1 / 3, inProgress: false, counted: 2 });
    expect(outcome.detail.zh).toBe(
      '应完成3项，按时1项，逾期完成1项（最长逾期5天），未完成1项（每项按2次不足计）；应有3项，仅报送2项，未报送的按未完成计',
    );
  });

  it('separates overdue open tasks from those not yet due while the period runs', () => {
    // asOf 06-20. t1 due 06-30 open: not yet due, due within 14 days (10). t2 due 09-30 open: not yet due.
    // t3 due 05-31 open: overdue. t4 due 07-31 done 06-01: on time ahead of its date. t5 due 06-10 done 06-25 (after asOf): overdue.
    // value 1 (t4); target 1 + 0 + 2 = 3; shortfalls 2; ratio 1/3; not in progress: two tasks are
    // already overdue, a final shortfall whatever the tasks still to fall due do
    const ctx = contextFor({ year: 2022 }, '2022-06-20');
    const records = [
      rec('t1', '2022-05-01', {}, { due: '2022-06-30' }),
      rec('t2', '2022-05-01', {}, { due: '2022-09-30' }),
      rec('t3', '2022-05-01', {}, { due: '2022-05-31' }),
      rec('t4', '2022-05-01', {}, { due: '2022-07-31', completed: '2022-06-01' }),
      rec('t5', '2022-05-01', {}, { due: '2022-06-10', completed: '2022-06-25' }),
    ];
    const outcome = measure(deadlineMeasure, spec, ctx, records);
    expect(outcome).toMatchObject({ value: 1, target: 3, shortfalls: 2, ratio: 1 / 3, inProgress: false, counted: 5 });
    expect(outcome.detail.zh).toBe('应完成3项，按时1项，逾期完成0项，未完成2项；另有2项截至2022-06-20未到期（其中1项14天内到期）');
    expect(outcome.detail.en).toBe('3 due, 1 on time, 0 late, 2 still open; 2 not yet due as of 2022-06-20 (1 due within 14 days)');
  });

  it('ignores, and mentions, records with no due date at all', () => {
    // no spec due: r1 has none (ignored); r2 due 02-28 and never completed: open and overdue
    const outcome = measure(deadlineMeasure, spec, year, [rec('r1', '2022-01-10'), rec('r2', '2022-01-10', {}, { due: '2022-02-28' })]);
    expect(outcome).toMatchObject({ value: 0, target: 1, shortfalls: 1, ratio: 0, counted: 1 });
    expect(outcome.detail.zh).toBe('应完成1项，按时0项，逾期完成0项，未完成1项；1条记录未注明完成期限，未计入');
  });

  it('has ratio 1 when nothing is due yet', () => {
    const outcome = measure(deadlineMeasure, { ...spec, due: '2022-12-31', expected: 1, dueSoonDays: 0 }, contextFor({ year: 2022 }, '2022-03-31'), []);
    // the one expected task is unreported and due 12-31 > asOf: not yet due, not within 0 days
    expect(outcome).toMatchObject({ value: 0, target: 0, shortfalls: 0, ratio: 1, inProgress: true });
    // not yet due, the unreported task is not open yet either: it will count as open once due
    expect(outcome.detail.zh).toBe('应完成0项，按时0项，逾期完成0项，未完成0项；另有1项截至2022-03-31未到期；应有1项，已报送0项，未报送的到期后按未完成计');
  });

  it('expects unreported tasks only when the spec due date falls in the period (a task belongs to the period it falls due in)', () => {
    // 2022's period; tasks due 2021-03-31 or 2023-03-31 are another period's: none is open or pending here.
    for (const due of ['2021-03-31', '2023-03-31']) {
      const outcome = measure(deadlineMeasure, { ...spec, due, expected: 2 }, year, []);
      expect(outcome, due).toMatchObject({ value: 0, target: 0, shortfalls: 0, ratio: 1, inProgress: false, counted: 0 });
      expect(outcome.detail.zh, due).toBe('应完成0项，按时0项，逾期完成0项，未完成0项');
    }
    // The period's own first and last days count: 2 expected, none reported, both open at the year's end.
    for (const due of ['2022-01-01', '2022-12-31']) {
      expect(measure(deadlineMeasure, { ...spec, due, expected: 2 }, year, []), due).toMatchObject({ target: 2, shortfalls: 2, counted: 0 });
    }
  });

  describe('properties', () => {
    const dates = fc
      .record({ due: fc.option(dayIn2022, { nil: undefined }), completed: fc.option(dayIn2022, { nil: undefined }) })
      .map(({ due, completed }) => ({ ...(due !== undefined ? { due } : {}), ...(completed !== undefined ? { completed } : {}) }));
    const records = recordsOf(bodyOf(undefined, dates));
    recordMeasureProperties(deadlineMeasure, spec, contextFor({ year: 2022 }, '2022-08-15'), records);
    recordMeasureProperties(deadlineMeasure, { ...spec, due: '2022-06-30', expected: 5, openWeight: 1.5 }, year, records);
  });
});
