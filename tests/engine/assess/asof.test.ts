// Assessing a period still running (asOf), and the kinds of period.
import { describe, expect, it } from 'vitest';
import { ind, line, org, rec, ruleSet, run, thrown, type IndicatorInput } from './helpers.js';

const CADENCE = ind({
  id: 'committee',
  points: 6,
  measure: { type: 'cadence', recordTypes: ['committee-meeting'], every: 'month' },
  scoring: { method: 'deduct', perShortfall: 1 },
});
const TASKS = ind({
  id: 'tasks',
  points: 5,
  measure: { type: 'deadline', recordTypes: ['task'] },
  scoring: { method: 'deduct', perShortfall: 1 },
});
const TOPICS = ind({
  id: 'topics',
  points: 4,
  measure: { type: 'count', recordTypes: ['topic'], atLeast: 2 },
  scoring: { method: 'deduct', perShortfall: 1 },
});

describe('a quarterly assessment run mid-period', () => {
  const rules = ruleSet([CADENCE, TASKS, TOPICS], { period: { year: 2022, quarter: 2 } });
  const records = [
    // b1: April and May meetings; four tasks; one topic
    rec('c1-04', 'committee-meeting', 'b1', '2022-04-12'),
    rec('c1-05', 'committee-meeting', 'b1', '2022-05-10'),
    rec('t1', 'task', 'b1', '2022-04-20', { due: '2022-05-25' }),
    rec('t2', 'task', 'b1', '2022-04-20', { due: '2022-06-30' }),
    rec('t3', 'task', 'b1', '2022-04-20', { due: '2022-05-10', completed: '2022-05-08' }),
    rec('t4', 'task', 'b1', '2022-04-20', { due: '2022-06-10', completed: '2022-05-19' }),
    rec('p1', 'topic', 'b1', '2022-04-28'),
    // b2: a May meeting only (April missed); a task overdue since 30 April
    rec('c2-05', 'committee-meeting', 'b2', '2022-05-10'),
    rec('t5', 'task', 'b2', '2022-04-01', { due: '2022-04-30' }),
    // dated after asOf: not yet
    rec('c2-late', 'committee-meeting', 'b2', '2022-05-21'),
  ];
  const result = run(rules, records, { asOf: '2022-05-20' });

  it('the result states the period and asOf', () => {
    expect(result.period).toEqual({ start: '2022-04-01', end: '2022-06-30', asOf: '2022-05-20', label: '2022年第二季度' });
  });

  it('cadence counts only the months already over', () => {
    const b1 = line(org(result, 'b1'), 'committee');
    // April is due and met; May (ends 31 May) and June are not yet due
    expect(b1.facts).toEqual({ due: 1, met: 1, missed: 0, notYetDue: 2 });
    expect(b1).toMatchObject({ status: 'met', points: 6, value: 1, target: 1 });
    expect(b1.explanation).toContain('另有2个月截至2022-05-20尚未到期');
    const b2 = line(org(result, 'b2'), 'committee');
    // April missed: 1 off; a missed month is final even while the period runs
    expect(b2.facts).toEqual({ due: 1, met: 0, missed: 1, notYetDue: 2 });
    expect(b2).toMatchObject({ status: 'shortfall', points: 5, shortfalls: 1 });
    expect(b2.records.ids).toEqual(['c2-05']);
  });

  it('a deadline not yet due is not a shortfall; it shows in notYetDue and dueSoon', () => {
    const b1 = line(org(result, 'b1'), 'tasks');
    // t3 and t4 done on time (t4 ahead of its due date); t1 due in 5 days (within 14: due soon); t2 in 41 days
    expect(b1.facts).toEqual({ onTime: 2, late: 0, open: 0, notYetDue: 2, dueSoon: 1, worstLateDays: 0 });
    expect(b1).toMatchObject({ points: 5, shortfalls: 0, value: 2, target: 2, status: 'met' });
    expect(b1.explanation).toContain('另有2项截至2022-05-20未到期（其中1项14天内到期）');
    // b2: t5 overdue and open
    expect(line(org(result, 'b2'), 'tasks')).toMatchObject({ points: 4, shortfalls: 1, status: 'shortfall' });
    expect(line(org(result, 'b2'), 'tasks').facts).toMatchObject({ open: 1, notYetDue: 0 });
  });

  it('a count below target is in progress and scored on what there is so far', () => {
    expect(line(org(result, 'b1'), 'topics')).toMatchObject({ status: 'in-progress', value: 1, shortfalls: 1, points: 3 });
    expect(line(org(result, 'b1'), 'topics').explanation).toContain('截至2022-05-20，考核期未结束');
  });

  it('records dated after asOf are out of period', () => {
    expect(result.evidence.outOfPeriod).toBe(1);
  });

  it('an asOf outside the period is brought into it, and a warning says so (the rest as at that date)', () => {
    const after = run(rules, records, { asOf: '2022-09-01' });
    expect(after.period.asOf).toBe('2022-06-30');
    expect(after.warnings.filter((w) => w.code === 'warning-as-of-outside').map((w) => [w.params, w.message])).toEqual([
      [{ given: '2022-09-01', used: '2022-06-30', start: '2022-04-01', end: '2022-06-30' }, '评估日期 2022-09-01 不在考核期 2022-04-01 至 2022-06-30 内，按 2022-06-30 评估（考核期已结束）'],
    ]);
    expect(after.organizations).toEqual(run(rules, records, { asOf: '2022-06-30' }).organizations);
    const before = run(rules, records, { asOf: '2022-01-15', lang: 'en' });
    expect(before.warnings.find((w) => w.code === 'warning-as-of-outside')?.message).toBe(
      'the as-of date 2022-01-15 is outside the period 2022-04-01 to 2022-06-30: assessed as of 2022-03-31 (the period has not begun: nothing is due yet)',
    );
    // inside the period: no such warning
    expect(result.warnings.some((w) => w.code === 'warning-as-of-outside')).toBe(false);
  });

  it('the same records assessed at the end of the quarter', () => {
    const final = run(rules, records);
    expect(final.period.asOf).toBeNull();
    // b2: April missed, May met (c2-05 and c2-late), June missed: 2 off → 4
    expect(line(org(final, 'b2'), 'committee')).toMatchObject({ status: 'shortfall', points: 4, facts: { due: 3, met: 1, missed: 2, notYetDue: 0 } });
    // b1: t1 and t2 never completed: open at the end → 2 off → 3
    expect(line(org(final, 'b1'), 'tasks')).toMatchObject({ points: 3, shortfalls: 2 });
  });

  it('a spec deadline not yet due, with nothing reported yet, costs nothing', () => {
    // The work plan is due 30 June; on 20 May nothing is due and the measure itself says so
    // (facts.notYetDue 1, no shortfall). The source is not declared complete, so the line is
    // insufficient evidence — but "not done" cannot apply to a task not yet due.
    const plan: IndicatorInput = ind({
      id: 'work-plan',
      points: 4,
      measure: { type: 'deadline', recordTypes: ['work-plan'], due: '2022-06-30', expected: 1 },
      scoring: { method: 'deduct', perShortfall: 2 },
    });
    const r = run(ruleSet([plan], { period: { year: 2022, quarter: 2 } }), [], { asOf: '2022-05-20' });
    const l = line(org(r, 'b1'), 'work-plan');
    expect(l.facts).toMatchObject({ open: 0, notYetDue: 1 });
    // Regression (was a bug): evaluate-line.ts forces one shortfall on every insufficient line whose outcome shows
    // none ("not done must cost something"), even when the outcome is in progress with nothing
    // due yet: 4 − 2 = 2 instead of 4.
    expect(l.points).toBe(4);
  });

  it('an annual assessment as of 30 June: two quarters due', () => {
    const quarterly = ind({ ...CADENCE, measure: { type: 'cadence', recordTypes: ['committee-meeting'], every: 'quarter' } });
    const r = run(ruleSet([quarterly]), [rec('q1', 'committee-meeting', 'b1', '2022-02-01'), rec('q3', 'committee-meeting', 'b1', '2022-07-01')], { asOf: '2022-06-30' });
    // Q1 met, Q2 missed, Q3 and Q4 not yet due; the July meeting is after asOf
    expect(line(org(r, 'b1'), 'committee').facts).toEqual({ due: 2, met: 1, missed: 1, notYetDue: 2 });
    expect(r.period).toMatchObject({ start: '2022-01-01', end: '2022-12-31', asOf: '2022-06-30', label: '2022年度' });
  });

  it('a window still open is in progress', () => {
    const lecture = ind({
      id: 'july-lecture',
      points: 10,
      measure: { type: 'window', recordTypes: ['lecture'], from: '2022-06-15', to: '2022-07-31' },
      scoring: { method: 'all-or-nothing' },
    });
    const r = run(ruleSet([lecture]), [rec('l0', 'lecture', 'b2', '2022-05-01')], { asOf: '2022-07-10' });
    // b2 reported a lecture, but before the window: 0 so far, in progress
    expect(line(org(r, 'b2'), 'july-lecture')).toMatchObject({ status: 'in-progress', points: 0, value: 0 });
    expect(line(org(r, 'b2'), 'july-lecture').explanation).toContain('窗口期未结束');
  });

  it('asOf after the end of the period is the end: nothing is running', () => {
    const r = run(rules, records, { asOf: '2022-08-01' });
    expect(r.period.asOf).toBe('2022-06-30');
    expect(line(org(r, 'b2'), 'committee')).toMatchObject({ status: 'shortfall', points: 4 });
  });

  it('asOf before the period starts: nothing is due and nothing counts yet', () => {
    const r = run(rules, records, { asOf: '2022-03-01' });
    expect(line(org(r, 'b1'), 'committee').facts).toEqual({ due: 0, met: 0, missed: 0, notYetDue: 3 });
    expect(line(org(r, 'b1'), 'committee').records.counted).toBe(0);
  });
});

describe('periods', () => {
  const monthly = ruleSet([CADENCE]);
  const withPeriod = (period: NonNullable<Parameters<typeof ruleSet>[1]>['period']) => ruleSet([CADENCE], { period: period! });

  it('{ year, quarter }', () => {
    const r = run(withPeriod({ year: 2022, quarter: 4 }), []);
    expect(r.period).toEqual({ start: '2022-10-01', end: '2022-12-31', asOf: null, label: '2022年第四季度' });
    expect(line(org(r, 'b1'), 'committee').facts).toMatchObject({ due: 3 });
    expect(run(withPeriod({ year: 2022, quarter: 4 }), [], { lang: 'en' }).period.label).toBe('Q4 2022');
  });

  it('{ year, half }', () => {
    const r = run(withPeriod({ year: 2022, half: 2 }), [rec('c', 'committee-meeting', 'b1', '2022-06-30'), rec('d', 'committee-meeting', 'b1', '2022-07-01')]);
    expect(r.period).toEqual({ start: '2022-07-01', end: '2022-12-31', asOf: null, label: '2022年下半年' });
    // 6 months due; only July met (30 June is outside)
    expect(line(org(r, 'b1'), 'committee').facts).toEqual({ due: 6, met: 1, missed: 5, notYetDue: 0 });
    expect(r.evidence.outOfPeriod).toBe(1);
    expect(run(withPeriod({ year: 2022, half: 1 }), [], { lang: 'en' }).period).toMatchObject({ start: '2022-01-01', end: '2022-06-30', label: 'H1 2022' });
  });

  it('{ year, month }', () => {
    // 2024 is a leap year
    const r = run(withPeriod({ year: 2024, month: 2 }), [rec('c', 'committee-meeting', 'b1', '2024-02-29')]);
    expect(r.period).toEqual({ start: '2024-02-01', end: '2024-02-29', asOf: null, label: '2024年2月' });
    expect(line(org(r, 'b1'), 'committee')).toMatchObject({ points: 6, facts: { due: 1, met: 1, missed: 0, notYetDue: 0 } });
    expect(run(withPeriod({ year: 2024, month: 2 }), [], { lang: 'en' }).period.label).toBe('2024-02');
  });

  it('explicit { start, end }: buckets clipped to the period', () => {
    const r = run(withPeriod({ start: '2022-03-15', end: '2022-05-14' }), [
      rec('a', 'committee-meeting', 'b1', '2022-03-10'),
      rec('b', 'committee-meeting', 'b1', '2022-04-10'),
      rec('c', 'committee-meeting', 'b1', '2022-05-14'),
    ]);
    expect(r.period).toEqual({ start: '2022-03-15', end: '2022-05-14', asOf: null, label: '2022-03-15至2022-05-14' });
    // March (15–31), April, May (1–14): 3 buckets; the 10 March meeting is before the period.
    // May runs to the 31st, past the period's end: not judged (not yet due), its meeting aside.
    expect(line(org(r, 'b1'), 'committee').facts).toEqual({ due: 2, met: 1, missed: 1, notYetDue: 1 });
    expect(line(org(r, 'b1'), 'committee').explanation).toContain('缺1个月：2022年3月');
  });

  it('an explicit period spanning two years', () => {
    const r = run(withPeriod({ start: '2021-12-01', end: '2022-01-31' }), [rec('a', 'committee-meeting', 'b1', '2021-12-10'), rec('b', 'committee-meeting', 'b1', '2022-01-10')]);
    expect(line(org(r, 'b1'), 'committee').facts).toEqual({ due: 2, met: 2, missed: 0, notYetDue: 0 });
  });

  it('an explicit period ending before it starts is refused', () => {
    const error = thrown(() => run(withPeriod({ start: '2022-05-01', end: '2022-04-30' }), []));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['range-reversed', ['period', 'end']]]);
  });

  it('invalid asOf → ValidationError with code invalid-date', () => {
    for (const asOf of ['2022-02-30', '2022-5-1', '20220501', '']) {
      const error = thrown(() => run(monthly, [], { asOf }));
      expect(error.issues.map((i) => [i.code, i.path]), asOf).toEqual([['invalid-date', ['asOf']]]);
    }
  });
});
