// A veto on a record-based line itself (not on an indicator of its own): the line shows `vetoed`,
// but the verdict reads what the line's own records made it (measuredStatus), so a person who did
// nothing is 失职 wherever the veto sits (docs/rules.md §11: 被一票否决也是失职).
// Small graph from tests/accountability/helpers.ts: branch secretaries p-b1-sec … p-b4-sec.
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/index.js';
import { ind, prec, ruleSet, run } from '../accountability/helpers.js';

const SECRETARIES = { posts: ['secretary' as const], in: ['branch' as const] };
/** 专题党课 at least twice, 100 points, 50 off for each one short; the source is complete. */
const LECTURE = ind({
  id: 'lecture',
  appliesTo: SECRETARIES,
  points: 100,
  measure: { type: 'count', recordTypes: ['lecture'], atLeast: 2 },
  scoring: { method: 'deduct', perShortfall: 50 },
});
const OWN_VETO = ind({ id: 'case-veto', appliesTo: SECRETARIES, points: 0, veto: { recordTypes: ['case'] } });
const LECTURE_WITH_VETO = { ...LECTURE, veto: { recordTypes: ['case'] } };
const SOURCES = { sources: [{ id: 'party-system', complete: true, recordTypes: ['lecture'] }] };

// p-b2-sec: no lecture and a case. p-b3-sec: two lectures and a case. p-b1-sec, p-b4-sec: two lectures.
const lectures = (person: string) => [prec(`l1-${person}`, 'lecture', person, '2022-03-01'), prec(`l2-${person}`, 'lecture', person, '2022-09-01')];
const RECORDS = [prec('c1', 'case', 'p-b2-sec', '2022-05-01'), prec('c2', 'case', 'p-b3-sec', '2022-05-01'), ...['p-b1-sec', 'p-b3-sec', 'p-b4-sec'].flatMap(lectures)];

const verdicts = (result: AssessmentResult): Record<string, string | undefined> => Object.fromEntries(result.people.map((p) => [p.id, p.verdict]));
const lecture = (result: AssessmentResult, person: string) => result.people.find((p) => p.id === person)?.lines.find((l) => l.indicator === 'lecture');

describe('the verdict of a person whose record-based line is itself vetoed', () => {
  const own = run(ruleSet([LECTURE, OWN_VETO], undefined, SOURCES), RECORDS);
  const onLine = run(ruleSet([LECTURE_WITH_VETO], undefined, SOURCES), RECORDS);

  it('the line shows vetoed, with its shortfalls: 2 short of 2, 100 − 2 × 50 = 0', () => {
    expect(lecture(onLine, 'p-b2-sec')).toMatchObject({ status: 'vetoed', shortfalls: 2, points: 0, veto: true, records: { reported: 0 } });
    expect(lecture(own, 'p-b2-sec')).toMatchObject({ status: 'shortfall', shortfalls: 2, points: 0, veto: false });
  });

  it('nothing done and vetoed: 失职 whether the veto is on the line or on its own indicator', () => {
    expect(verdicts(own)['p-b2-sec']).toBe('derelict');
    expect(verdicts(onLine)['p-b2-sec']).toBe('derelict');
  });

  it('done and vetoed: 不称职 either way (a met line under a veto is no shortfall); the others 本职', () => {
    const expected = { 'p-b1-sec': 'fulfilled', 'p-b2-sec': 'derelict', 'p-b3-sec': 'incompetent', 'p-b4-sec': 'fulfilled' };
    expect(verdicts(own)).toEqual(expected);
    expect(verdicts(onLine)).toEqual(expected);
  });

  it('nothing done yet, the line still in progress, and vetoed: 不称职 either way, not 失职', () => {
    // As of 2022-06-30 nothing is due before the period ends: the line is in progress (too early to
    // say 失职), and the fired veto decides.
    const early = RECORDS.filter((r) => r.date <= '2022-06-30');
    const ownEarly = run(ruleSet([LECTURE, OWN_VETO], undefined, SOURCES), early, { asOf: '2022-06-30' });
    const onLineEarly = run(ruleSet([LECTURE_WITH_VETO], undefined, SOURCES), early, { asOf: '2022-06-30' });
    expect(lecture(ownEarly, 'p-b2-sec')?.status).toBe('in-progress');
    expect(verdicts(ownEarly)['p-b2-sec']).toBe('incompetent');
    expect(verdicts(onLineEarly)['p-b2-sec']).toBe('incompetent');
  });
});
