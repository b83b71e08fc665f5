// Missing data is not a zero: a measure with no records at all, from a source not declared
// complete, is insufficient evidence, and the rule set decides what that costs.
import { describe, expect, it } from 'vitest';
import { ind, line, org, rec, ruleSet, run, type IndicatorInput } from './helpers.js';

/** At least 3 publicity activities, 2 off per missing one (6 points). */
function publicity(policy?: 'shortfall' | 'zero' | 'exclude'): IndicatorInput {
  return ind({
    id: 'publicity',
    points: 6,
    measure: { type: 'count', recordTypes: ['pub'], atLeast: 3 },
    scoring: { method: 'deduct', perShortfall: 2 },
    ...(policy ? { onInsufficientEvidence: policy } : {}),
  });
}
/** A 4-point line both branches meet. */
const PLAN = ind({ id: 'plan', points: 4, measure: { type: 'count', recordTypes: ['plan'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });

const RECORDS = [
  rec('pl1', 'plan', 'b1', '2022-03-01'),
  rec('pl2', 'plan', 'b2', '2022-03-01'),
  rec('u1', 'pub', 'b1', '2022-04-01'),
  rec('u2', 'pub', 'b1', '2022-05-01'),
  rec('u3', 'pub', 'b1', '2022-06-01'),
  // b2 reported no publicity at all
];

describe('no records and the source not complete', () => {
  it("default policy ('shortfall'): insufficient evidence, scored as not done", () => {
    const result = run(ruleSet([publicity(), PLAN]), RECORDS);
    const l = line(org(result, 'b2'), 'publicity');
    // 0 of 3: 3 short × 2 = 6 off → 0
    expect(l).toMatchObject({ status: 'insufficient-evidence', points: 0, max: 6, value: 0, shortfalls: 3 });
    expect(l.explanation).toContain('无任何上报记录且数据源未声明完整，按规则视为未完成');
    // 0 + 4 of 10 → 40
    expect(org(result, 'b2')).toMatchObject({ score: 4, max: 10, scaled: 40 });
    // b1 reported: measured as usual
    expect(line(org(result, 'b1'), 'publicity')).toMatchObject({ status: 'met', points: 6 });
  });

  it("the rule set's policy applies where the indicator names none; the indicator's wins", () => {
    const setWide = run(ruleSet([publicity(), PLAN], { onInsufficientEvidence: 'exclude' }), RECORDS);
    expect(line(org(setWide, 'b2'), 'publicity').status).toBe('excluded');
    const overridden = run(ruleSet([publicity('zero'), PLAN], { onInsufficientEvidence: 'exclude' }), RECORDS);
    expect(line(org(overridden, 'b2'), 'publicity')).toMatchObject({ status: 'insufficient-evidence', max: 6 });
  });

  it("'zero': 0 points, the line still in the maximum", () => {
    const result = run(ruleSet([publicity('zero'), PLAN]), RECORDS);
    const l = line(org(result, 'b2'), 'publicity');
    expect(l).toMatchObject({ status: 'insufficient-evidence', points: 0, max: 6 });
    expect(l.explanation).toContain('按规则记0分');
    // 4 of 10 → 40
    expect(org(result, 'b2')).toMatchObject({ score: 4, max: 10, scaled: 40 });
  });

  it("'exclude': the line drops out of the subject's maximum", () => {
    const result = run(ruleSet([publicity('exclude'), PLAN]), RECORDS);
    const l = line(org(result, 'b2'), 'publicity');
    expect(l).toMatchObject({ status: 'excluded', points: 0, max: 0 });
    expect(l.explanation).toContain('本项不计分（不计入满分）');
    // 4 of 4 → 100
    expect(org(result, 'b2')).toMatchObject({ score: 4, max: 4, scaled: 100, total: 100 });
    // b1 reported, so its line stays: 10 of 10
    expect(org(result, 'b1')).toMatchObject({ score: 10, max: 10 });
  });

  it("'shortfall' on a deadline with no known tasks does not give full points", () => {
    // no `due`, no `expected`: an empty state knows of no task and shows no shortfall; "not done"
    // must still cost something — one shortfall: 8 − 2 = 6
    const rectification = ind({
      id: 'rectification',
      points: 8,
      measure: { type: 'deadline', recordTypes: ['task'] },
      scoring: { method: 'deduct', perShortfall: 2 },
    });
    const result = run(ruleSet([rectification, PLAN]), [...RECORDS, rec('t1', 'task', 'b1', '2022-05-01', { due: '2022-06-30', completed: '2022-06-01' })]);
    const l = line(org(result, 'b2'), 'rectification');
    expect(l.status).toBe('insufficient-evidence');
    expect(l.points).toBeLessThan(8);
    expect(l.points).toBe(6);
    // b1 reported its one task, done on time: full points
    expect(line(org(result, 'b1'), 'rectification')).toMatchObject({ status: 'met', points: 8 });

    // the line shows the figures it was scored on: one shortfall, nothing done, ratio 0
    expect(l).toMatchObject({ value: 0, shortfalls: 1, ratio: 0 });
    // the text says what the figures say: no task known, scored as one missed
    expect(l.explanation).toBe('rectification：应完成0项，按时0项，逾期完成0项，未完成0项；无任何上报记录且数据源未声明完整，按规则视为未完成；缺1次，每次扣2分，扣2分，得6分');

    // proportional or all-or-nothing: nothing
    const proportional = run(ruleSet([{ ...rectification, scoring: { method: 'proportional' } }, PLAN]), RECORDS);
    expect(line(org(proportional, 'b2'), 'rectification').points).toBe(0);
    // the explanation says 0% and the figures agree (they said 0 shortfalls and a ratio of 1)
    expect(line(org(proportional, 'b2'), 'rectification')).toMatchObject({ status: 'insufficient-evidence', value: 0, shortfalls: 1, ratio: 0 });
    const allOrNothing = run(ruleSet([{ ...rectification, scoring: { method: 'all-or-nothing' } }, PLAN]), RECORDS);
    expect(line(org(allOrNothing, 'b2'), 'rectification').points).toBe(0);
  });

  it('only pending or rejected records still count as something reported: measured, not insufficient', () => {
    const result = run(ruleSet([publicity('exclude'), PLAN]), [...RECORDS, rec('u9', 'pub', 'b2', '2022-07-01', { status: 'pending' })]);
    expect(line(org(result, 'b2'), 'publicity')).toMatchObject({ status: 'shortfall', points: 0, max: 6 });
  });

  it('a record failing the filter is not the measure’s evidence: still insufficient', () => {
    const filtered = ind({ ...publicity('exclude'), measure: { type: 'count', recordTypes: ['pub'], atLeast: 3, where: { theme: '二十大' } } });
    const result = run(ruleSet([filtered, PLAN]), [...RECORDS, rec('u9', 'pub', 'b2', '2022-07-01', { attributes: { theme: '其他' } })]);
    expect(line(org(result, 'b2'), 'publicity').status).toBe('excluded');
  });

  it('a bonus record on the same indicator is not evidence for its measure', () => {
    // One indicator, as sheets often write it: "at least 3 activities; +1 per award". b2 reported
    // no activity but won an award. The measure has no records, so with 'exclude' the line
    // should drop out of the maximum as it does for a branch without the award.
    const withBonus = ind({ ...publicity('exclude'), bonus: { recordTypes: ['award'], each: 1, cap: 2 } });
    const result = run(ruleSet([withBonus, PLAN]), [...RECORDS, rec('w1', 'award', 'b2', '2022-09-01')]);
    const l = line(org(result, 'b2'), 'publicity');
    expect(l.bonus).toBe(1);
    // Regression (was a bug): the award is put in the line's `seen` set (accumulate.ts applyToLine), and
    // evaluate-line.ts measureOutcome takes `seen.size > 0` as "something was reported", so the
    // line is measured as 0 of 3 (status 'shortfall', 0 of 6): b2 gets 4/10 → 40 + 1 = 41
    // instead of 4/4 → 100 + 1 = 101 — winning an award costs it 60 points.
    expect(l).toMatchObject({ status: 'excluded', max: 0 });
    expect(org(result, 'b2')).toMatchObject({ score: 4, max: 4, scaled: 100, bonus: 1, total: 101 });
  });
});

describe('a source declared complete', () => {
  const sources = [{ id: 'platform', title: '智慧党建平台', complete: true, recordTypes: ['pub', 'task'] }];

  it('no records means measured zero, not insufficient evidence', () => {
    const result = run(ruleSet([publicity('exclude'), PLAN], { sources }), RECORDS);
    const l = line(org(result, 'b2'), 'publicity');
    // 0 of 3, 3 short × 2 → 0 of 6, and the line stays in the maximum
    expect(l).toMatchObject({ status: 'shortfall', points: 0, max: 6, value: 0, shortfalls: 3 });
    expect(l.explanation).not.toContain('数据源未声明完整');
    expect(org(result, 'b2')).toMatchObject({ score: 4, max: 10, scaled: 40 });
  });

  it('a complete source with no tasks: nothing was due, full points', () => {
    const rectification = ind({
      id: 'rectification',
      points: 8,
      measure: { type: 'deadline', recordTypes: ['task'] },
      scoring: { method: 'deduct', perShortfall: 2 },
    });
    const result = run(ruleSet([rectification, PLAN], { sources }), RECORDS);
    expect(line(org(result, 'b2'), 'rectification')).toMatchObject({ status: 'met', points: 8, target: 0 });
  });

  it('a measure reading two types is complete only when both sources are', () => {
    const both = ind({ ...publicity('exclude'), measure: { type: 'count', recordTypes: ['pub', 'campaign'], atLeast: 3 } });
    const result = run(ruleSet([both, PLAN], { sources }), RECORDS);
    expect(line(org(result, 'b2'), 'publicity').status).toBe('excluded');
    const complete = run(ruleSet([both, PLAN], { sources: [...sources, { id: 'oa', complete: true, recordTypes: ['campaign'] }] }), RECORDS);
    expect(line(org(complete, 'b2'), 'publicity').status).toBe('shortfall');
  });

  it('a source listed but not complete changes nothing', () => {
    const result = run(ruleSet([publicity(), PLAN], { sources: [{ id: 'oa', complete: false, recordTypes: ['pub'] }] }), RECORDS);
    expect(line(org(result, 'b2'), 'publicity').status).toBe('insufficient-evidence');
  });
});

describe('subjects with no records for an indicator', () => {
  it('get equal lines, but not the same objects (a result can be changed in one place only)', () => {
    const meetings = ind({ id: 'meetings', points: 4, measure: { type: 'cadence', recordTypes: ['meet'], every: 'quarter' }, scoring: { method: 'deduct', perShortfall: 1 } });
    const result = run(ruleSet([meetings, PLAN]), [rec('pl1', 'plan', 'b1', '2022-03-01')]);
    const b1 = line(org(result, 'b1'), 'meetings');
    const b2 = line(org(result, 'b2'), 'meetings');
    expect(b2).toEqual(b1);
    expect(b1.facts).toBeDefined();
    for (const [one, other] of [[b1, b2], [b1.records, b2.records], [b1.records.ids, b2.records.ids], [b1.facts, b2.facts]]) expect(other).not.toBe(one);
  });
});
