// Scoring end to end: line points, subject score / max / scaled / total, bonus caps, veto, and the
// scoring methods as the engine applies them. Every figure is worked out by hand in a comment.
import { describe, expect, it } from 'vitest';
import { ind, line, monthly, org, orgLadder, rec, ruleSet, run, type IndicatorInput } from './helpers.js';

/** A branch sheet of four indicators worth 20 + 40 + 30 + 10 = 100. */
const SHEET: IndicatorInput[] = [
  ind({
    id: 'topic-meetings',
    points: 20,
    measure: { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 },
    scoring: { method: 'deduct', perShortfall: 2 },
  }),
  ind({
    id: 'committee',
    points: 40,
    measure: { type: 'cadence', recordTypes: ['committee-meeting'], every: 'month' },
    scoring: { method: 'deduct', perShortfall: 1 },
  }),
  ind({
    id: 'attendance',
    points: 30,
    measure: { type: 'ratio', recordTypes: ['assembly'], numerator: 'attendees', denominator: 'expected', atLeast: 0.9 },
    scoring: { method: 'proportional' },
  }),
  ind({
    id: 'july-lecture',
    points: 10,
    measure: { type: 'window', recordTypes: ['lecture'], from: '2022-06-15', to: '2022-07-31' },
    scoring: { method: 'all-or-nothing' },
  }),
];

const B1_RECORDS = [
  rec('t1', 'topic-meeting', 'b1', '2022-02-15'),
  rec('t2', 'topic-meeting', 'b1', '2022-05-15'),
  rec('t3', 'topic-meeting', 'b1', '2022-09-15'),
  // every month but February and August
  ...monthly('c', 'committee-meeting', 'b1', [1, 3, 4, 5, 6, 7, 9, 10, 11, 12]),
  rec('a1', 'assembly', 'b1', '2022-03-20', { attributes: { attendees: 8, expected: 10 } }),
  rec('a2', 'assembly', 'b1', '2022-09-20', { attributes: { attendees: 9, expected: 10 } }),
  rec('l1', 'lecture', 'b1', '2022-07-01'),
];

describe('a branch sheet of four indicators', () => {
  const result = run(ruleSet(SHEET), B1_RECORDS);
  const b1 = org(result, 'b1');

  it('scores each line by its method', () => {
    // 3 topic meetings of 4: 1 short × 2 = 2 off → 18
    expect(line(b1, 'topic-meetings')).toMatchObject({ status: 'shortfall', points: 18, max: 20, value: 3, target: 4, shortfalls: 1 });
    // 10 of 12 months: February and August missed, 1 off each → 38
    expect(line(b1, 'committee')).toMatchObject({ status: 'shortfall', points: 38, max: 40, value: 10, target: 12, shortfalls: 2 });
    expect(line(b1, 'committee').facts).toEqual({ due: 12, met: 10, missed: 2, notYetDue: 0 });
    expect(line(b1, 'committee').explanation).toContain('2022年2月、2022年8月');
    // (8 + 9) / (10 + 10) = 0.85 < 0.9: a shortfall; proportional on 0.85 / 0.9 = 0.9444…, 30 × 0.9444… = 28.333… → 28.33
    expect(line(b1, 'attendance')).toMatchObject({ status: 'shortfall', points: 28.33, max: 30, value: 0.85, target: 0.9, ratio: 0.944444444, shortfalls: 1 });
    // the lecture on 1 July is inside the window: all 10
    expect(line(b1, 'july-lecture')).toMatchObject({ status: 'met', points: 10, max: 10, value: 1, shortfalls: 0 });
    expect(line(b1, 'july-lecture').records).toMatchObject({ reported: 1, counted: 1, ids: ['l1'] });
  });

  it('adds the lines up: score, max, scaled, total', () => {
    // 18 + 38 + 28.33 + 10 = 94.33 of 100, on a 100-point scale, no bonus
    expect(b1).toMatchObject({ type: 'organization', kind: 'branch', score: 94.33, max: 100, scaled: 94.33, bonus: 0, total: 94.33 });
    expect(b1.lines.map((l) => l.indicator)).toEqual(['topic-meetings', 'committee', 'attendance', 'july-lecture']);
  });

  it('explains each line with its arithmetic', () => {
    expect(line(b1, 'topic-meetings').explanation).toBe('topic-meetings：要求不少于4次，实有3次，缺1次；缺1次，每次扣2分，扣2分，得18分');
  });

  it('only organizations of the kinds named are subjects', () => {
    // the sheet applies to branches: the committee and the party group are not assessed
    expect(result.organizations.map((s) => s.id)).toEqual(['b1', 'b2']);
    expect(result.people).toEqual([]);
  });
});

describe('scaling to the rule set scale', () => {
  const sheet = [
    ind({ id: 'x', points: 30, measure: { type: 'count', recordTypes: ['x'], atLeast: 3 }, scoring: { method: 'deduct', perShortfall: 5 } }),
    ind({ id: 'y', points: 20, measure: { type: 'count', recordTypes: ['y'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
  ];
  const records = [rec('x1', 'x', 'b1', '2022-03-01'), rec('x2', 'x', 'b1', '2022-04-01'), rec('y1', 'y', 'b1', '2022-05-01')];

  it('a subject whose points add to 50 is scaled to 100: 45 / 50 → 90', () => {
    // x: 2 of 3, 1 short × 5 → 25; y met → 20; 45 of 50 → 45 / 50 × 100 = 90
    const b1 = org(run(ruleSet(sheet, { ladders: [orgLadder(['branch'])] }), records), 'b1');
    expect(b1).toMatchObject({ score: 45, max: 50, scaled: 90, total: 90 });
    // 90 is exactly the bottom of 好 (min inclusive)
    expect(b1.grade).toEqual({ ladder: 'org', id: 'good', title: '好', reason: 'score', rank: 1, grades: 4 });
  });

  it('scales to another scale: 45 / 50 on a 10-point scale → 9', () => {
    const b1 = org(run(ruleSet(sheet, { scale: 10 }), records), 'b1');
    expect(b1).toMatchObject({ score: 45, max: 50, scaled: 9, total: 9 });
  });
});

describe('bonus points', () => {
  const sheet = [
    ind({ id: 'base', points: 100, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
    // a bonus-only indicator: 1.5 per commendation, at most 4
    ind({ id: 'commendations', bonus: { recordTypes: ['commendation'], each: 1.5, cap: 4 } }),
    // points by level, at most 5
    ind({
      id: 'awards',
      bonus: {
        recordTypes: ['award'],
        byAttribute: { attribute: 'level', points: [{ value: 'national', points: 3 }, { value: 'provincial', points: 2 }] },
        cap: 5,
      },
    }),
  ];
  const records = [
    rec('m1', 'meeting', 'b1', '2022-03-01'),
    rec('m2', 'meeting', 'b2', '2022-03-01'),
    rec('c1', 'commendation', 'b1', '2022-04-01'),
    rec('c2', 'commendation', 'b1', '2022-05-01'),
    rec('c3', 'commendation', 'b1', '2022-06-01'),
    rec('w1', 'award', 'b1', '2022-07-01', { attributes: { level: 'national' } }),
    rec('w2', 'award', 'b1', '2022-08-01', { attributes: { level: 'provincial' } }),
    rec('c4', 'commendation', 'b2', '2022-04-01'),
    // a level the rule does not list earns nothing
    rec('w3', 'award', 'b2', '2022-07-01', { attributes: { level: 'municipal' } }),
  ];

  it('caps each indicator, and the subject by the rule set bonusCap', () => {
    const result = run(ruleSet(sheet, { bonusCap: 6 }), records);
    const b1 = org(result, 'b1');
    // 3 × 1.5 = 4.5, capped at 4
    expect(line(b1, 'commendations')).toMatchObject({ points: 0, max: 0, bonus: 4, status: 'met' });
    expect(line(b1, 'commendations').records.bonusIds).toEqual(['c1', 'c2', 'c3']);
    expect(line(b1, 'commendations').explanation).toContain('加4分（封顶4分）');
    // national 3 + provincial 2 = 5, exactly the cap
    expect(line(b1, 'awards')).toMatchObject({ points: 0, max: 0, bonus: 5 });
    expect(line(b1, 'awards').explanation).toContain('加5分');
    expect(line(b1, 'awards').explanation).not.toContain('封顶');
    // 4 + 5 = 9, capped at bonusCap 6; total = 100 + 6
    expect(b1).toMatchObject({ score: 100, max: 100, scaled: 100, bonus: 6, total: 106 });

    const b2 = org(result, 'b2');
    // one commendation 1.5; the municipal award earns 0 and is not listed
    expect(line(b2, 'commendations').bonus).toBe(1.5);
    expect(line(b2, 'awards')).toMatchObject({ bonus: 0 });
    expect(line(b2, 'awards').records.bonusIds).toEqual([]);
    expect(b2).toMatchObject({ bonus: 1.5, total: 101.5 });
  });

  it('without a bonusCap the indicator caps alone apply', () => {
    // 4 + 5 = 9
    expect(org(run(ruleSet(sheet), records), 'b1')).toMatchObject({ bonus: 9, total: 109 });
  });

  it('a bonus-only line with no records says so and changes nothing', () => {
    const b2 = org(run(ruleSet(sheet), records.filter((r) => r.id !== 'c4')), 'b2');
    expect(line(b2, 'commendations')).toMatchObject({ points: 0, max: 0, bonus: 0, ratio: 1, status: 'met' });
    expect(line(b2, 'commendations').explanation).toBe('commendations：无加分记录');
    expect(b2).toMatchObject({ score: 100, max: 100, total: 100 });
  });

  it('bonus records outside the period earn nothing', () => {
    const b1 = org(run(ruleSet(sheet), [rec('m1', 'meeting', 'b1', '2022-03-01'), rec('c9', 'commendation', 'b1', '2021-12-31')]), 'b1');
    expect(line(b1, 'commendations').bonus).toBe(0);
  });
});

describe('one-vote veto', () => {
  const sheet = [
    ind({ id: 'base', points: 100, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
    ind({ id: 'discipline', veto: { recordTypes: ['case'], where: { severity: 'serious' } } }),
  ];
  const records = [
    rec('m1', 'meeting', 'b1', '2022-03-01'),
    rec('m2', 'meeting', 'b2', '2022-03-01'),
    rec('k1', 'case', 'b1', '2022-08-16', { attributes: { severity: 'serious' } }),
    rec('k2', 'case', 'b2', '2022-08-16', { attributes: { severity: 'minor' } }),
  ];
  const result = run(ruleSet(sheet, { ladders: [orgLadder(['branch'])] }), records);

  it('sets the lowest grade whatever the score, with reason veto', () => {
    const b1 = org(result, 'b1');
    // full marks, 100, yet 差
    expect(b1).toMatchObject({ score: 100, max: 100, total: 100 });
    expect(b1.grade).toEqual({ ladder: 'org', id: 'poor', title: '差', reason: 'veto', rank: 4, grades: 4 });
    expect(b1.vetoes).toEqual([{ indicator: 'discipline', recordIds: ['k1'] }]);
    // the veto-only line is worth nothing and costs nothing
    expect(line(b1, 'discipline')).toMatchObject({ points: 0, max: 0, veto: true, bonus: 0 });
    expect(line(b1, 'discipline').records.vetoIds).toEqual(['k1']);
    expect(line(b1, 'discipline').explanation).toContain('触发一票否决（记录 k1）');
  });

  it('a record failing the veto filter does not fire it', () => {
    const b2 = org(result, 'b2');
    expect(b2.vetoes).toEqual([]);
    expect(line(b2, 'discipline')).toMatchObject({ veto: false });
    expect(line(b2, 'discipline').explanation).toBe('discipline：未触发一票否决');
    expect(b2.grade).toEqual({ ladder: 'org', id: 'good', title: '好', reason: 'score', rank: 1, grades: 4 });
  });

  it('a pending or rejected case does not fire the veto', () => {
    const r = run(ruleSet(sheet, { ladders: [orgLadder(['branch'])] }), [
      rec('m1', 'meeting', 'b1', '2022-03-01'),
      rec('k1', 'case', 'b1', '2022-08-16', { status: 'pending', attributes: { severity: 'serious' } }),
      rec('k3', 'case', 'b1', '2022-08-17', { status: 'rejected', attributes: { severity: 'serious' } }),
    ]);
    expect(org(r, 'b1').vetoes).toEqual([]);
    expect(org(r, 'b1').grade?.reason).toBe('score');
  });

  it('veto scope subtree: a serious case in a branch vetoes the committee above it', () => {
    // VetoSchema documents scope 'self' | 'subtree'; with 'subtree' the committee answers for
    // every organization below it. The case k1 is in b1, a child of cm.
    const subtree = [
      ind({
        id: 'base',
        appliesTo: { organizations: ['committee', 'branch'] },
        points: 100,
        measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 },
        scoring: { method: 'all-or-nothing' },
      }),
      ind({ id: 'discipline', appliesTo: { organizations: ['committee', 'branch'] }, veto: { recordTypes: ['case'], scope: 'subtree' } }),
    ];
    const r = run(ruleSet(subtree, { ladders: [orgLadder()] }), [
      rec('m0', 'meeting', 'cm', '2022-03-01'),
      rec('m1', 'meeting', 'b1', '2022-03-01'),
      rec('m2', 'meeting', 'b2', '2022-03-01'),
      rec('k1', 'case', 'b1', '2022-08-16'),
    ]);
    expect(org(r, 'b1').vetoes).toEqual([{ indicator: 'discipline', recordIds: ['k1'] }]);
    expect(org(r, 'b2').vetoes).toEqual([]);
    // Regression (was a bug): veto.scope is never read (plan.ts takes `scope` from the measure only), so the
    // committee is graded 好 instead of 差.
    expect(org(r, 'cm').vetoes).toEqual([{ indicator: 'discipline', recordIds: ['k1'] }]);
    expect(org(r, 'cm').grade).toMatchObject({ id: 'poor', reason: 'veto' });
  });
});

describe('steps and proportional scoring through the engine', () => {
  const sheet = [
    ind({ id: 'base', points: 70, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
    ind({
      id: 'study-steps',
      points: 10,
      measure: { type: 'count', recordTypes: ['study'], atLeast: 6 },
      // written out of order on purpose
      scoring: { method: 'steps', steps: [{ atLeast: 2, points: 3 }, { atLeast: 6, points: 10 }, { atLeast: 4, points: 6 }] },
    }),
    ind({
      id: 'class-steps',
      points: 10,
      measure: { type: 'cadence', recordTypes: ['class'], every: 'quarter' },
      scoring: { method: 'steps', on: 'ratio', steps: [{ atLeast: 0.5, points: 4 }, { atLeast: 1, points: 10 }, { atLeast: 0.75, points: 7 }] },
    }),
    ind({ id: 'visits', points: 10, measure: { type: 'count', recordTypes: ['visit'], atLeast: 8 }, scoring: { method: 'proportional' } }),
  ];
  const records = [
    rec('m1', 'meeting', 'b1', '2022-01-05'),
    ...[1, 2, 3, 4, 5].map((i) => rec(`s${i}`, 'study', 'b1', `2022-0${i}-12`)),
    // Q1, Q2 and Q4: 3 of 4 quarters
    rec('k1', 'class', 'b1', '2022-02-12'),
    rec('k2', 'class', 'b1', '2022-05-12'),
    rec('k4', 'class', 'b1', '2022-11-12'),
    ...[1, 2, 3, 4, 5].map((i) => rec(`v${i}`, 'visit', 'b1', `2022-0${i}-20`)),
    // b2: one study only, below the lowest step
    rec('m2', 'meeting', 'b2', '2022-01-05'),
    rec('s9', 'study', 'b2', '2022-03-03'),
  ];
  const result = run(ruleSet(sheet), records);
  const b1 = org(result, 'b1');

  it('steps on the value: 5 studies reach the 4-step → 6', () => {
    expect(line(b1, 'study-steps')).toMatchObject({ value: 5, points: 6, max: 10 });
    expect(line(b1, 'study-steps').explanation).toContain('实测值 5，对应6分档，得6分');
  });

  it('steps on the ratio: 3 of 4 quarters = 75% → 7', () => {
    expect(line(b1, 'class-steps')).toMatchObject({ value: 3, target: 4, ratio: 0.75, points: 7 });
  });

  it('proportional: 5 of 8 visits → 10 × 0.625 = 6.25', () => {
    expect(line(b1, 'visits')).toMatchObject({ value: 5, ratio: 0.625, points: 6.25 });
  });

  it('adds up: 70 + 6 + 7 + 6.25 = 89.25', () => {
    expect(b1).toMatchObject({ score: 89.25, max: 100, scaled: 89.25, total: 89.25 });
  });

  it('below the lowest step: 0', () => {
    expect(line(org(result, 'b2'), 'study-steps')).toMatchObject({ value: 1, points: 0 });
  });
});

describe('figures that land on a threshold exactly, float error notwithstanding', () => {
  const sheet = [
    ind({
      id: 'appraisal',
      points: 10,
      measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 },
      scoring: { method: 'steps', steps: [{ atLeast: 80.4, points: 10 }, { atLeast: 60, points: 5 }] },
    }),
    ind({
      id: 'attendance',
      points: 10,
      measure: { type: 'ratio', recordTypes: ['assembly'], numerator: 'attendees', denominator: 'expected', atLeast: 0.9 },
      scoring: { method: 'steps', on: 'ratio', steps: [{ atLeast: 0.8, points: 8 }, { atLeast: 0.5, points: 4 }] },
    }),
    ind({ id: 'topic-meetings', points: 2, measure: { type: 'count', recordTypes: ['topic-meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 0.125 } }),
  ];
  const records = [
    ...[80.3, 80.4, 80.5].map((score, i) => rec(`r${i}`, 'appraisal', 'b1', '2022-12-01', { attributes: { rater: `p${i}`, score } })),
    rec('a1', 'assembly', 'b1', '2022-06-20', { attributes: { attendees: 72, expected: 100 } }),
    rec('t1', 'topic-meeting', 'b1', '2022-03-15'),
  ];
  const b1 = org(run(ruleSet(sheet), records), 'b1');

  it('a rating mean of exactly a step: (80.3 + 80.4 + 80.5) / 3 = 80.4 reaches the 80.4 step → 10', () => {
    expect(line(b1, 'appraisal')).toMatchObject({ value: 80.4, points: 10 });
    expect(line(b1, 'appraisal').explanation).toContain('实测值 80.4，对应10分档，得10分');
  });

  it('an achievement of exactly a step: 72% of the 90% required is 80%, the 8-point step', () => {
    expect(line(b1, 'attendance')).toMatchObject({ status: 'shortfall', value: 0.72, ratio: 0.8, points: 8 });
    expect(line(b1, 'attendance').explanation).toContain('完成比例 80%，对应8分档，得8分');
  });

  it('a deduction rounded once: 2 − 3 × 0.125 = 1.625 → 1.63, and the text says 0.375 off', () => {
    expect(line(b1, 'topic-meetings')).toMatchObject({ shortfalls: 3, points: 1.63 });
    expect(line(b1, 'topic-meetings').explanation).toContain('缺3次，每次扣0.125分，扣0.375分，得1.63分');
  });

  it('adds up: 10 + 8 + 1.63 = 19.63 of 22', () => {
    // scaled: 19.63 / 22 × 100 = 89.227… → 89.23
    expect(b1).toMatchObject({ score: 19.63, max: 22, scaled: 89.23, total: 89.23 });
  });
});
