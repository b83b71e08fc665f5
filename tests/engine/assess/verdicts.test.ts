// The speech's verdict on people — 抓好党建工作是本职、不抓党建工作是失职、抓不好党建工作是不称职:
// fulfilled, derelict, incompetent, or undetermined for lack of evidence.
import { describe, expect, it } from 'vitest';
import { ind, line, org, person, prec, rec, ruleSet, run, type IndicatorInput, type LadderInput } from './helpers.js';
import type { RuleSetInput } from '../../../src/index.js';

const SECRETARIES = { posts: ['secretary' as const] };

/** Secretaries: a July lecture (40), a visit every quarter (30), a democratic appraisal (30). */
const SHEET: IndicatorInput[] = [
  ind({
    id: 'lecture',
    responsibility: 'first',
    appliesTo: SECRETARIES,
    points: 40,
    measure: { type: 'window', recordTypes: ['party-lecture'], from: '2022-06-15', to: '2022-07-31' },
    scoring: { method: 'all-or-nothing' },
  }),
  ind({
    id: 'visits',
    responsibility: 'liaison',
    appliesTo: SECRETARIES,
    points: 30,
    measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' },
    scoring: { method: 'deduct', perShortfall: 7.5 },
  }),
  ind({
    id: 'appraisal',
    responsibility: 'first',
    appliesTo: SECRETARIES,
    points: 30,
    measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 },
    scoring: { method: 'proportional' },
  }),
  // an organization line, so that organizations are subjects too
  ind({ id: 'base', points: 100, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
];
const COMPLETE = [{ id: 'platform', complete: true, recordTypes: ['party-lecture', 'visit'] }];

const appraisal = (personId: string, score: number) => prec(`ap-${personId}`, 'appraisal', personId, '2022-12-10', { attributes: { rater: 'r1', score } });
const visits = (personId: string, quarters: number[]) =>
  quarters.map((q) => prec(`v-${personId}-${q}`, 'visit', personId, `2022-${String(q * 3 - 1).padStart(2, '0')}-15`));

const RECORDS = [
  rec('m1', 'meeting', 'b1', '2022-03-01'),
  // p-b1-sec: did everything
  prec('l-b1', 'party-lecture', 'p-b1-sec', '2022-07-01'),
  ...visits('p-b1-sec', [1, 2, 3, 4]),
  appraisal('p-b1-sec', 90),
  // p-b2-sec: nothing but others' ratings of them
  appraisal('p-b2-sec', 95),
  // p-sec: did some, badly — the lecture came late, one visit
  prec('l-sec', 'party-lecture', 'p-sec', '2022-08-10'),
  ...visits('p-sec', [1]),
  appraisal('p-sec', 70),
];

const rules = (extra: Partial<RuleSetInput> = {}): RuleSetInput => ruleSet(SHEET, { sources: COMPLETE, ...extra });

describe('verdicts', () => {
  const result = run(rules(), RECORDS);

  it('fulfilled: activity and a result at or above the line', () => {
    const p = person(result, 'p-b1-sec');
    // 40 + 30 + 30 × 0.9 = 97
    expect(p.total).toBe(97);
    expect(p.verdict).toBe('fulfilled');
  });

  it('derelict: no approved records on the activity indicators — ratings by others do not count', () => {
    const p = person(result, 'p-b2-sec');
    // 0 + 0 (4 quarters × 7.5 = 30 off) + 30 × 0.95 = 28.5
    expect(p.total).toBe(28.5);
    expect(line(p, 'appraisal').records.reported).toBe(1);
    expect(line(p, 'lecture').records.reported).toBe(0);
    expect(line(p, 'visits').records.reported).toBe(0);
    expect(p.verdict).toBe('derelict');
  });

  it('incompetent: activity, but the total is under 60 (the default line)', () => {
    const p = person(result, 'p-sec');
    // lecture outside the window: 0; 1 of 4 quarters: 30 − 3 × 7.5 = 7.5; 30 × 0.7 = 21 → 28.5
    expect(line(p, 'lecture')).toMatchObject({ points: 0 });
    expect(line(p, 'lecture').records).toMatchObject({ reported: 1, counted: 0 });
    expect(line(p, 'visits').points).toBe(7.5);
    expect(p.total).toBe(28.5);
    expect(p.verdict).toBe('incompetent');
  });

  it('the line is the rule set’s verdicts.incompetentBelow', () => {
    const lenient = run(rules({ verdicts: { incompetentBelow: 28.5 } }), RECORDS);
    // 28.5 is not below 28.5
    expect(person(lenient, 'p-sec').verdict).toBe('fulfilled');
    // the derelict stays derelict whatever the line
    expect(person(lenient, 'p-b2-sec').verdict).toBe('derelict');
    const strict = run(rules({ verdicts: { incompetentBelow: 98 } }), RECORDS);
    expect(person(strict, 'p-b1-sec').verdict).toBe('incompetent');
  });

  it('records only pending are activity awaiting review: neither derelict nor judged on a score they do not count in yet', () => {
    const withPending = run(rules(), [...RECORDS, prec('l-b2', 'party-lecture', 'p-b2-sec', '2022-07-01', { status: 'pending' })]);
    expect(line(person(withPending, 'p-b2-sec'), 'lecture').records.pending).toBe(1);
    // the pending lecture earns nothing yet: 0 + 0 + 30 × 0.95 = 28.5, under 60, but not the verdict's basis
    expect(person(withPending, 'p-b2-sec').total).toBe(28.5);
    expect(person(withPending, 'p-b2-sec').verdict).toBe('undetermined');
  });

  it('undetermined: no records and the sources not declared complete', () => {
    const unknown = run(ruleSet(SHEET), RECORDS);
    const p = person(unknown, 'p-b2-sec');
    expect(line(p, 'lecture').status).toBe('insufficient-evidence');
    expect(line(p, 'visits').status).toBe('insufficient-evidence');
    expect(p.verdict).toBe('undetermined');
    // with 'exclude' as well
    const excluded = run(ruleSet(SHEET, { onInsufficientEvidence: 'exclude' }), RECORDS);
    expect(person(excluded, 'p-b2-sec').verdict).toBe('undetermined');
    // the others are judged as before
    expect(person(unknown, 'p-b1-sec').verdict).toBe('fulfilled');
    expect(person(unknown, 'p-sec').verdict).toBe('incompetent');
  });

  it('a veto on a person makes them incompetent whatever the total', () => {
    const withVeto = ruleSet([...SHEET, ind({ id: 'conduct', appliesTo: SECRETARIES, veto: { recordTypes: ['violation'] } })], { sources: COMPLETE });
    const r = run(withVeto, [...RECORDS, prec('x1', 'violation', 'p-b1-sec', '2022-09-01')]);
    expect(person(r, 'p-b1-sec').total).toBe(97);
    expect(person(r, 'p-b1-sec').vetoes).toEqual([{ indicator: 'conduct', recordIds: ['x1'] }]);
    expect(person(r, 'p-b1-sec').verdict).toBe('incompetent');
  });

  it('organizations have no verdict', () => {
    for (const o of result.organizations) expect('verdict' in o, o.id).toBe(false);
    expect(org(result, 'b1').total).toBe(100);
    for (const p of result.people) expect(p.verdict, p.id).toBeDefined();
  });

  it('a person graded by a ladder but assessed on no indicator is not judged incompetent', () => {
    // Members are graded (a ladder) but this sheet has no indicator for them yet: nothing was
    // assessed, max 0. "Doing it badly" needs something to have been assessed.
    const members: LadderInput = { id: 'member', title: '党员', appliesTo: { posts: ['member'] }, grades: [{ id: 'ok', title: '合格', min: 0 }] };
    const r = run(rules({ ladders: [members] }), RECORDS);
    const p = person(r, 'p-b1-m');
    expect(p).toMatchObject({ lines: [], score: 0, max: 0, total: 0 });
    // Regression (was a bug): verdict.ts falls through to `value < line` with total 0 and returns 'incompetent'.
    expect(p.verdict).toBe('undetermined');
  });
});
