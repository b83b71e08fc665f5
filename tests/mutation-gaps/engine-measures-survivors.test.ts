// Behaviour of src/engine/measures that the mutation run (MUTATE_PART=measures npm run mutate:engine,
// see TESTING.md) left Survived or NoCoverage. Each expectation is worked out by hand from the
// inputs beside it; the record harness and the small derived graph are those of
// tests/engine/measures (harness.ts, derived-fixture.ts).
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import type { MeasureOutcome, SubjectRef } from '../../src/engine/measure-module.js';
import { cadenceMeasure } from '../../src/engine/measures/cadence.js';
import { deadlineMeasure } from '../../src/engine/measures/deadline.js';
import { measureModule } from '../../src/engine/measures/index.js';
import { manualMeasure } from '../../src/engine/measures/manual.js';
import { ratingMeasure } from '../../src/engine/measures/rating.js';
import { ratioMeasure } from '../../src/engine/measures/ratio.js';
import { rollUpMeasure } from '../../src/engine/measures/roll-up.js';
import { structureMeasure } from '../../src/engine/measures/structure.js';
import { windowMeasure } from '../../src/engine/measures/window.js';
import { encodeState } from '../../src/engine/partial-codec.js';
import { parseGraph, type Graph } from '../../src/index.js';
import type {
  CadenceMeasure,
  DeadlineMeasure,
  ManualMeasure,
  MeasureType,
  RatingMeasure,
  RatioMeasure,
  RollUpMeasure,
  StructureMeasure,
  WindowMeasure,
} from '../../src/model/measures.js';
import type { AttributeValue } from '../../src/model/record.js';
import { derivedContext, derivedContextOver } from '../engine/measures/derived-fixture.js';
import { build, contextFor, day, measure, rec } from '../engine/measures/harness.js';

const org = (id: string): SubjectRef => ({ type: 'organization', id });
const person = (id: string): SubjectRef => ({ type: 'person', id });

describe('manual', () => {
  const spec: ManualMeasure = {
    type: 'manual',
    scale: 100,
    groups: [
      { id: 'dept', title: '部门', weight: 7 },
      { id: 'inspection', title: '巡察组', weight: 3 },
    ],
  };
  const scores = (list: readonly [AttributeValue, AttributeValue][]) => list.map(([group, score], i) => rec(`g-${i}`, '2022-12-20', { group, score }));

  it('counts a score of 0, and leaves out a negative score and a score written as text', () => {
    // dept: 0 counts, −5 is below the scale; inspection: 60 counts, '90' is not a number.
    // (7 × 0 + 3 × 60) / 10 = 18; ratio 0.18; 2 invalid, 2 counted; both groups scored, so no shortfall
    expect(measure(manualMeasure, spec, contextFor(), scores([['dept', 0], ['dept', -5], ['inspection', 60], ['inspection', '90']]))).toEqual({
      status: 'measured',
      value: 18,
      target: null,
      shortfalls: 0,
      ratio: 0.18,
      inProgress: false,
      counted: 2,
      // g-1 (−5) and g-3 ('90') are left out
      unused: ['g-1', 'g-3'],
      detail: {
        zh: '部门评分 0（权重70%），巡察组评分 60（权重30%），综合 18；2条评分非数字或超出0–100，未计入',
        en: 'dept 0 (weight 70%), inspection 60 (weight 30%), combined 18; 2 score(s) not a number or outside 0–100 not counted',
      },
    });
  });

  it('says nothing of rescaling when every group scored, nor "not reached" when the threshold is met', () => {
    // reweight, every group present: (7 × 90 + 3 × 80) / 10 = 87 ≥ 80
    const outcome = measure(manualMeasure, { ...spec, missingGroup: 'reweight', atLeast: 80 }, contextFor(), scores([['dept', 90], ['inspection', 80]]));
    expect(outcome).toMatchObject({ value: 87, target: 80, shortfalls: 0 });
    expect(outcome.detail.zh).toBe('部门评分 90（权重70%），巡察组评分 80（权重30%），综合 87，要求不低于80');
  });

  it('names two missing groups with the list separator', () => {
    // weights 5 : 3 : 2; only dept scored (90): 5 × 90 / 10 = 45; inspection and audit missing → 1 shortfall
    const three: ManualMeasure = { ...spec, groups: [{ id: 'dept', title: '部门', weight: 5 }, { id: 'inspection', title: '巡察组', weight: 3 }, { id: 'audit', title: '审计组', weight: 2 }] };
    const outcome = measure(manualMeasure, three, contextFor(), scores([['dept', 90]]));
    expect(outcome).toMatchObject({ value: 45, shortfalls: 1 });
    expect(outcome.detail).toEqual({
      zh: '部门评分 90（权重50%），巡察组未评分（权重30%），审计组未评分（权重20%），综合 45（评分不全：缺巡察组、审计组，按0分计）',
      en: 'dept 90 (weight 50%), inspection: no score (weight 30%), audit: no score (weight 20%), combined 45 (incomplete: no score from inspection, audit, counted as 0)',
    });
  });
});

describe('merging partial states that hold two different entries under one id (the keyed-state contract)', () => {
  // The engine withdraws such an id right after merging (a conflict), so only the modules'
  // contract is at stake here: the merge is commutative because the entry with the smaller key wins.
  const both = <St>(merge: (a: St, b: St) => St, a: () => St, b: () => St): [St, St] => [merge(a(), b()), merge(b(), a())];

  it('manual: the smaller [group, score] wins, whichever state the other is merged into', () => {
    const spec: ManualMeasure = { type: 'manual', scale: 100, groups: [{ id: 'dept', weight: 1 }, { id: 'inspection', weight: 1 }] };
    const ctx = contextFor();
    const state = (group: string, score: number) => build(manualMeasure, spec, ctx, [rec('g-1', '2022-12-20', { group, score })]);
    // '["dept",80]' < '["dept",90]': 80 wins; value = (1 × 80 + 1 × 0) / 2 = 40
    for (const merged of both(manualMeasure.merge, () => state('dept', 90), () => state('dept', 80))) {
      expect(manualMeasure.finalize(merged, spec, ctx).value).toBe(40);
    }
    // '["dept",80]' < '["inspection",80]': the dept entry wins; dept 80 → 40 again
    for (const merged of both(manualMeasure.merge, () => state('inspection', 80), () => state('dept', 80))) {
      expect(manualMeasure.finalize(merged, spec, ctx).detail.en).toBe('dept 80 (weight 50%), inspection: no score (weight 50%), combined 40 (incomplete: no score from inspection, counted as 0)');
    }
  });

  it('rating: the smaller [rater, score] wins', () => {
    const spec: RatingMeasure = { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 };
    const ctx = contextFor();
    const state = (score: number) => build(ratingMeasure, spec, ctx, [rec('s-1', '2022-12-01', { rater: 'a', score })]);
    // '["rater:a",70]' < '["rater:a",90]': 70
    for (const merged of both(ratingMeasure.merge, () => state(90), () => state(70))) expect(ratingMeasure.finalize(merged, spec, ctx).value).toBe(70);
  });

  it('deadline: the smaller day|due|completed wins', () => {
    const spec: DeadlineMeasure = { type: 'deadline', recordTypes: ['task'] };
    const ctx = contextFor();
    const state = (dates: { due?: string; completed?: string }) => build(deadlineMeasure, spec, ctx, [rec('t-1', '2022-03-01', {}, dates)]);
    // Same day and completion (04-15), due 03-31 or 04-30: day numbers of equal length, so the
    // earlier due is the smaller key and wins: done 15 days late (on time against 04-30).
    for (const merged of both(deadlineMeasure.merge, () => state({ due: '2022-04-30', completed: '2022-04-15' }), () => state({ due: '2022-03-31', completed: '2022-04-15' }))) {
      expect(deadlineMeasure.finalize(merged, spec, ctx).facts).toMatchObject({ onTime: 0, late: 1, worstLateDays: 15 });
    }
    // Same due, one without a completion date: 'day|due|' is a prefix of 'day|due|completed', so
    // the open task wins: 1 open at year end, nothing on time.
    for (const merged of both(deadlineMeasure.merge, () => state({ due: '2022-03-31', completed: '2022-03-20' }), () => state({ due: '2022-03-31' }))) {
      expect(deadlineMeasure.finalize(merged, spec, ctx).facts).toMatchObject({ onTime: 0, open: 1 });
    }
  });

  it('cadence: the earlier day wins', () => {
    const spec: CadenceMeasure = { type: 'cadence', recordTypes: ['meeting'], every: 'year' };
    const ctx = contextFor();
    const state = (date: string) => build(cadenceMeasure, spec, ctx, [rec('r-1', date)]);
    // 2022-02-15 < 2023-01-15: the 2022 day wins, so the one year of 2022 is met (1 of 1);
    // the 2023 day would count in no bucket (0 of 1)
    for (const merged of both(cadenceMeasure.merge, () => state('2023-01-15'), () => state('2022-02-15'))) {
      expect(cadenceMeasure.finalize(merged, spec, ctx)).toMatchObject({ value: 1, target: 1, shortfalls: 0, counted: 1 });
    }
  });
});

describe('deadline', () => {
  const spec: DeadlineMeasure = { type: 'deadline', recordTypes: ['task'] };

  it('a task completed on the last day counted (asOf) is done: on time when that is its due day', () => {
    // finished 2022: asOf 12-31. t1 due 12-31, completed 12-31 → on time; target 1, value 1, ratio 1
    expect(measure(deadlineMeasure, spec, contextFor(), [rec('t1', '2022-12-01', {}, { due: '2022-12-31', completed: '2022-12-31' })])).toEqual({
      status: 'measured',
      value: 1,
      target: 1,
      shortfalls: 0,
      ratio: 1,
      inProgress: false,
      counted: 1,
      facts: { onTime: 1, late: 0, open: 0, notYetDue: 0, dueSoon: 0, worstLateDays: 0 },
      detail: { zh: '应完成1项，按时1项，逾期完成0项，未完成0项', en: '1 due, 1 on time, 0 late, 0 still open' },
    });
  });

  it('a task due exactly dueSoonDays (14) after asOf is due soon', () => {
    // asOf 06-30, t1 due 07-14 and open: 07-14 − 06-30 = 14 days ≤ 14 → pending 1, due soon 1;
    // nothing due yet → target 0, ratio 1, in progress
    const outcome = measure(deadlineMeasure, spec, contextFor({ year: 2022 }, '2022-06-30'), [rec('t1', '2022-06-01', {}, { due: '2022-07-14' })]);
    expect(outcome).toMatchObject({ value: 0, target: 0, shortfalls: 0, ratio: 1, inProgress: true });
    expect(outcome.facts).toEqual({ onTime: 0, late: 0, open: 0, notYetDue: 1, dueSoon: 1, worstLateDays: 0 });
    expect(outcome.detail.zh).toBe('应完成0项，按时0项，逾期完成0项，未完成0项；另有1项截至2022-06-30未到期（其中1项14天内到期）');
  });

  it('expected without a spec due date adds no unreported tasks', () => {
    // expected 3 but no spec due: only t1 counts (due 03-31, done 03-20 → on time); unreported 0
    const outcome = measure(deadlineMeasure, { ...spec, expected: 3 }, contextFor(), [rec('t1', '2022-03-01', {}, { due: '2022-03-31', completed: '2022-03-20' })]);
    expect(outcome).toMatchObject({ value: 1, target: 1, shortfalls: 0, inProgress: false, counted: 1 });
    expect(outcome.facts).toMatchObject({ notYetDue: 0, open: 0 });
    expect(outcome.detail.zh).toBe('应完成1项，按时1项，逾期完成0项，未完成0项');
  });

  it('one late task makes the line final, although another is still to fall due', () => {
    // asOf 06-30. t1 due 05-31, done 06-10: late by 10 days. t2 due 09-30, open: not yet due.
    // target 1 (t1), value 0, shortfalls 1, ratio 0; not in progress: the late task is final
    const outcome = measure(deadlineMeasure, spec, contextFor({ year: 2022 }, '2022-06-30'), [
      rec('t1', '2022-05-01', {}, { due: '2022-05-31', completed: '2022-06-10' }),
      rec('t2', '2022-05-01', {}, { due: '2022-09-30' }),
    ]);
    expect(outcome).toMatchObject({ value: 0, target: 1, shortfalls: 1, ratio: 0, inProgress: false });
    expect(outcome.detail.zh).toBe('应完成1项，按时0项，逾期完成1项（最长逾期10天），未完成0项；另有1项截至2022-06-30未到期');
  });

  it('a task entry holds no empty due or completed field, so a partial state carries none', () => {
    // snapshot() writes each line's state with encodeState: t1 has neither due nor completed
    const state = build(deadlineMeasure, spec, contextFor(), [rec('t1', '2022-03-01')]);
    expect(encodeState(state)).toEqual({ $m: [['t1', { $o: [['day', day('2022-03-01')]] }]] });
  });
});

describe('window', () => {
  const spec: WindowMeasure = { type: 'window', recordTypes: ['lecture'], from: '2022-07-01', to: '2022-07-31' };

  it('a window already met while it is still open is not in progress', () => {
    // asOf 07-10 (inside the window), one lecture on 07-05: 1 of at least 1, nothing short
    const outcome = measure(windowMeasure, spec, contextFor({ year: 2022 }, '2022-07-10'), [rec('l1', '2022-07-05')]);
    expect(outcome).toMatchObject({ value: 1, shortfalls: 0, inProgress: false });
    expect(outcome.detail.zh).toBe('要求在2022-07-01至2022-07-31期间至少1次，实有1次');
  });

  it('on the window\'s last day it is closed: a shortfall then is final', () => {
    // asOf 07-31 = to, no lecture: 1 short, not in progress (the period itself still runs)
    const outcome = measure(windowMeasure, spec, contextFor({ year: 2022 }, '2022-07-31'), []);
    expect(outcome).toMatchObject({ value: 0, shortfalls: 1, inProgress: false });
    expect(outcome.detail.zh).toBe('要求在2022-07-01至2022-07-31期间至少1次，实有0次，缺1次');
  });
});

describe('rating', () => {
  const mean: RatingMeasure = { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 };
  const scores = (list: readonly [AttributeValue, AttributeValue][]) => list.map(([rater, score], i) => rec(`s-${i}`, '2022-12-01', { rater, score }));

  it('leaves out a negative score', () => {
    // a 80 counts; b −5 is outside 0–100 → 1 rater, mean 80
    const outcome = measure(ratingMeasure, mean, contextFor(), scores([['a', 80], ['b', -5]]));
    expect(outcome).toMatchObject({ value: 80, counted: 1 });
    expect(outcome.detail.zh).toBe('1名评议人，平均 80 分（满分100）；1条评分非数字或超出0–100，未计入');
  });

  it('raters named by an empty string are anonymous: each record counts as its own rater', () => {
    // s-0 and s-1 both rater '': keyed by record id → 2 raters, (80 + 90) / 2 = 85, no repeats
    const outcome = measure(ratingMeasure, mean, contextFor(), scores([['', 80], ['', 90]]));
    expect(outcome).toMatchObject({ value: 85, counted: 2 });
    expect(outcome.detail.zh).toBe('2名评议人，平均 85 分（满分100）');
  });

  it('a rater named by a number is one rater: the record with the smallest id is kept', () => {
    // s-0 and s-1 both rater 7 → 'rater:7' once: s-0 (80) kept, s-1 a repeat → mean 80
    const outcome = measure(ratingMeasure, mean, contextFor(), scores([[7, 80], [7, 90]]));
    expect(outcome).toMatchObject({ value: 80, counted: 1 });
    expect(outcome.detail.zh).toBe('1名评议人，平均 80 分（满分100）；1条重复评分（同一评议人）只取编号最小的一条');
  });

  it('the plain mean drops nothing, even with 3 raters', () => {
    // (60 + 70 + 100) / 3 = 230 / 3 = 76.666…, kept to 1e-9
    const outcome = measure(ratingMeasure, mean, contextFor(), scores([['a', 60], ['b', 70], ['c', 100]]));
    expect(outcome.value).toBe(76.666666667);
    expect(outcome.detail.zh).toBe('3名评议人，平均 76.67 分（满分100）');
  });

  it('the trimmed mean trims with exactly 3 raters', () => {
    // drop 100 and 60 → 70
    const outcome = measure(ratingMeasure, { ...mean, aggregate: 'trimmed-mean' }, contextFor(), scores([['a', 60], ['b', 70], ['c', 100]]));
    expect(outcome.value).toBe(70);
    expect(outcome.detail.zh).toBe('3名评议人，去掉一个最高分和一个最低分后平均 70 分（满分100）');
  });

  it('exactly minRaters raters and a mean exactly at atLeast: no shortfall, no "not reached"', () => {
    // 2 raters (minRaters 2), (80 + 90) / 2 = 85 ≥ 85
    const outcome = measure(ratingMeasure, { ...mean, minRaters: 2, atLeast: 85 }, contextFor(), scores([['a', 80], ['b', 90]]));
    expect(outcome).toMatchObject({ value: 85, target: 85, shortfalls: 0 });
    expect(outcome.detail.zh).toBe('2名评议人，平均 85 分（满分100），要求不低于85分');
  });
});

describe('ratio', () => {
  const spec: RatioMeasure = { type: 'ratio', recordTypes: ['branch-meeting'], numerator: 'attended', denominator: 'expected', atLeast: 0.9 };
  const figures = (list: readonly [AttributeValue, AttributeValue][]) => list.map(([attended, expected], i) => rec(`m${i + 1}`, '2022-03-01', { attended, expected }));

  it('counts 0 attended and a 0 expected, and leaves out a negative expected', () => {
    // m1 5/10, m2 0/10, m3 0/0 count; m4 3/−4 is unusable. (5 + 0 + 0) / (10 + 10 + 0) = 5/20 = 0.25
    // < 0.9 → 1 shortfall; ratio 0.25 / 0.9 = 0.2777…, kept to 1e-9; counted 3
    expect(measure(ratioMeasure, spec, contextFor(), figures([[5, 10], [0, 10], [0, 0], [3, -4]]))).toEqual({
      status: 'measured',
      value: 0.25,
      target: 0.9,
      shortfalls: 1,
      ratio: 0.277777778,
      inProgress: false,
      counted: 3,
      unused: ['m4'],
      detail: {
        zh: '比率 25%（5/20），要求不低于90%；1条记录缺少attended或expected、或取值无效，未计入',
        en: 'ratio 25% (5/20), required at least 90%; 1 record(s) lacking attended or expected, or with unusable values, not counted',
      },
    });
  });

  it('sums figures that do not overflow as they are: 0/1 and 9/9 make exactly 90%', () => {
    // (0 + 9) / (1 + 9) = 9/10 = 0.9, which meets 0.9. Scaling down by the largest denominator
    // first would give (0 + 1) / (1/9 + 1) = 0.8999999999999999, a shortfall.
    const outcome = measure(ratioMeasure, spec, contextFor(), figures([[0, 1], [9, 9]]));
    expect(outcome).toMatchObject({ value: 0.9, shortfalls: 0, ratio: 1 });
  });

  it('scales figures down when a sum overflows, and writes the totals back at full size', () => {
    // expected 1e308 + 1e308 overflows; attended 1e306 + 0 does not. Scaled by the largest
    // denominator, 1e308: (0.01 + 0) / (1 + 1) = 0.005 → 1 shortfall against 0.9
    expect(measure(ratioMeasure, spec, contextFor(), figures([[1e306, 1e308], [0, 1e308]]))).toMatchObject({ value: 0.005, shortfalls: 1, counted: 2 });
    // attended 5 + 0 over the same: the totals are written back multiplied by 1e308: attended
    // 5e-308 × 1e308 = 5; expected 2 × 1e308, beyond the largest double, is written as its
    // scaled figure times the scale; the ratio, 2.5e-308, is written 0%
    expect(measure(ratioMeasure, spec, contextFor(), figures([[5, 1e308], [0, 1e308]])).detail.en).toBe('ratio 0% (5/2×1e+308), required at least 90%');
  });

  // Source defect (src/core/number.ts, roundTo): the (1 + Number.EPSILON) nudge that settles
  // 2.675 to 2.68 also shifts large figures; from about 1.7e13 on, formatNumber writes digits
  // that are not there (2e13 → '20000000000000.01'), and above about 1.8e306 it writes Infinity.
  it('writes large totals as they are (2e13 attended of 4e13 expected)', () => {
    const outcome = measure(ratioMeasure, spec, contextFor(), figures([[2e13, 4e13]]));
    expect(outcome.detail.zh).toBe('比率 50%（20000000000000/40000000000000），要求不低于90%');
  });

  it('counts people (人次) only when every record is a pair of name lists', () => {
    // m1 lists: 2 of 3 names; m2 numbers 4/5 → (2 + 4) / (3 + 5) = 6/8 = 0.75; mixed → no 人次
    const outcome = measure(ratioMeasure, spec, contextFor(), figures([[['a', 'b'], ['a', 'b', 'c']], [4, 5]]));
    expect(outcome.value).toBe(0.75);
    expect(outcome.detail.zh).toBe('比率 75%（6/8），要求不低于90%');
  });
});

describe('structure', () => {
  //   top 机关党委 (secretary 甲书记; team 乙委员, 丙委员)
  //   ├─ x1 第一支部 (officers 丁干事 and 戊干事, each an officer in x1 and x2; overseen by 乙委员)
  //   └─ x2 第二支部
  // 乙委员 keeps x1 and x2 as contact points; 丙委员 keeps none.
  const staffed = (): Graph =>
    parseGraph({
      organizations: [
        { id: 'top', name: '机关党委', kind: 'committee' },
        { id: 'x1', name: '第一支部', kind: 'branch', parent: 'top' },
        { id: 'x2', name: '第二支部', kind: 'branch', parent: 'top' },
      ],
      people: [
        { id: 'p-a', name: '甲书记', partyMember: true },
        { id: 'p-b', name: '乙委员', partyMember: true },
        { id: 'p-c', name: '丙委员', partyMember: true },
        { id: 'p-o1', name: '丁干事', partyMember: true },
        { id: 'p-o2', name: '戊干事', partyMember: true },
      ],
      posts: [
        { person: 'p-a', organization: 'top', role: 'secretary' },
        { person: 'p-b', organization: 'top', role: 'team-member' },
        { person: 'p-c', organization: 'top', role: 'team-member' },
        { person: 'p-o1', organization: 'x1', role: 'party-affairs-officer' },
        { person: 'p-o1', organization: 'x2', role: 'party-affairs-officer' },
        { person: 'p-o2', organization: 'x1', role: 'party-affairs-officer' },
        { person: 'p-o2', organization: 'x2', role: 'party-affairs-officer' },
      ],
      oversight: [{ person: 'p-b', organization: 'x1', area: '党建' }],
      liaison: [
        { person: 'p-b', organization: 'x1' },
        { person: 'p-b', organization: 'x2' },
      ],
    });
  const fact = (subject: SubjectRef, spec: Omit<StructureMeasure, 'type'>): MeasureOutcome =>
    structureMeasure.evaluate(subject, { type: 'structure', ...spec }, derivedContextOver(staffed()));

  it('officers with exactly maxOfficerPosts posts are staffed, named with the list separator', () => {
    // 丁干事 and 戊干事: 2 officer posts each ≤ 2 → met
    const outcome = fact(org('x1'), { fact: 'officer-staffed', maxOfficerPosts: 2 });
    expect(outcome).toMatchObject({ value: 1, shortfalls: 0 });
    expect(outcome.detail.zh).toBe('党务工作者：丁干事、戊干事');
  });

  it('officers over the limit are listed, each with the posts they hold', () => {
    // 2 posts each > 1 → staffed for show: not met
    const outcome = fact(org('x1'), { fact: 'officer-staffed', maxOfficerPosts: 1 });
    expect(outcome).toMatchObject({ value: 0, shortfalls: 1 });
    expect(outcome.detail.zh).toBe('党务工作者丁干事（兼任2个组织）、戊干事（兼任2个组织）兼职过多（上限1个），属应付配备，视为未配齐');
  });

  it('an organization with no officer at all is not staffed', () => {
    const outcome = fact(org('top'), { fact: 'officer-staffed' });
    expect(outcome).toMatchObject({ value: 0, shortfalls: 1, ratio: 0 });
    expect(outcome.detail.zh).toBe('未配备党务工作者');
  });

  it('an organization overseen directly is overseen', () => {
    const outcome = fact(org('x1'), { fact: 'overseen' });
    expect(outcome).toMatchObject({ value: 1, shortfalls: 0, ratio: 1 });
    expect(outcome.detail.zh).toBe('由乙委员分管');
  });

  it('a person with no contact point has none; two contact points are listed', () => {
    expect(fact(person('p-c'), { fact: 'has-liaison-point' })).toMatchObject({ value: 0, shortfalls: 1, detail: { zh: '无联系点' } });
    expect(fact(person('p-b'), { fact: 'has-liaison-point' })).toMatchObject({ value: 1, shortfalls: 0, detail: { zh: '联系点：第一支部、第二支部' } });
  });
});

describe('roll-up', () => {
  it('a person\'s oversight areas count once each: an area inside another is left out, side-by-side areas both count', () => {
    //   bureau ─┬─ b3
    //           └─ gb ─┬─ b1 ─ g1
    //                  └─ b2
    // 李委员 oversees b2, b3 and gb. b2 lies inside gb (gb's last child, so its span ends where
    // gb's does) and is left out; b3 and gb are side by side and both count.
    // Results: b3 0.6, gb 0.9, b1 0.8, b2 0.7, g1 none.
    // b3: 0.6 (nothing below); gb: 0.9 + below (0.8 + 0.7) → sum 3.0 over 4 → 0.75
    const graph = parseGraph({
      organizations: [
        { id: 'bureau', name: '局党委', kind: 'committee' },
        { id: 'gb', name: '服务中心党总支', kind: 'general-branch', parent: 'bureau' },
        { id: 'b1', name: '第一支部', kind: 'branch', parent: 'gb' },
        { id: 'b2', name: '第二支部', kind: 'branch', parent: 'gb' },
        { id: 'b3', name: '机关支部', kind: 'branch', parent: 'bureau' },
        { id: 'g1', name: '第一党小组', kind: 'group', parent: 'b1' },
      ],
      people: [
        { id: 'p-wang', name: '王书记', partyMember: true },
        { id: 'p-li', name: '李委员', partyMember: true },
      ],
      posts: [
        { person: 'p-wang', organization: 'bureau', role: 'secretary' },
        { person: 'p-li', organization: 'bureau', role: 'team-member' },
      ],
      oversight: [
        { person: 'p-li', organization: 'gb', area: '业务' },
        { person: 'p-li', organization: 'b2', area: '党建' },
        { person: 'p-li', organization: 'b3', area: '纪检' },
      ],
    });
    const shares = new Map([['b3', 0.6], ['gb', 0.9], ['b1', 0.8], ['b2', 0.7]]);
    const spec: RollUpMeasure = { type: 'roll-up', from: [{ source: 'oversight', weight: 1 }] };
    expect(rollUpMeasure.evaluate(person('p-li'), spec, derivedContextOver(graph, shares))).toEqual({
      status: 'measured',
      value: 0.75,
      target: null,
      shortfalls: 0,
      ratio: 0.75,
      inProgress: false,
      counted: 4,
      detail: {
        zh: '分管领域组织（4个）平均得分率 75%（权重100%）；综合 75%',
        en: 'organizations overseen (4) mean score rate 75% (weight 100%); combined 75%',
      },
    });
  });

  it('a result exactly at atLeast is no shortfall; of: \'total\' is the score rate on the whole sheet', () => {
    // gb's children b1 0.8 and b2 0.7 → (0.7 + 0.8) / 2 = 0.75 ≥ 0.75
    const shares = new Map([['gb', 0.9], ['b1', 0.8], ['b2', 0.7]]);
    const spec: RollUpMeasure = { type: 'roll-up', from: [{ source: 'children', weight: 1, of: 'total' }], atLeast: 0.75 };
    const outcome = rollUpMeasure.evaluate(org('gb'), spec, derivedContext(shares));
    expect(outcome).toMatchObject({ value: 0.75, target: 0.75, shortfalls: 0, counted: 2 });
    expect(outcome.detail.zh).toBe('下级组织（2个）平均得分率 75%（权重100%）；综合 75%，要求不低于75%');
  });
});

describe('the measure registry', () => {
  it('names the unknown type in its TypeError', () => {
    expect(() => measureModule('nope' as MeasureType)).toThrow(new TypeError('zerenzhi: unknown measure type "nope"'));
  });
});
