// verdictOf and the evidence behind it: 失职 needs an actual failure with nothing done, missing
// data is not a zero on any kind of line, and a fired veto decides even where nothing else is known.
// Small graph and builders from tests/accountability/helpers.ts (secretaries p-b1-sec … p-b4-sec,
// members p-b1-m, p-g1-m, p-b2-m, p-b3-m).
import { describe, expect, it } from 'vitest';
import type { AssessmentResult, RuleSetInput, SubjectResult } from '../../src/index.js';
import { fourGrades, ind, manualIndicator, manualScore, prec, rule, ruleSet, run, type IndicatorInput } from '../accountability/helpers.js';

const person = (result: AssessmentResult, id: string): SubjectResult => {
  const found = result.people.find((p) => p.id === id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
};
const lineOf = (p: SubjectResult, indicator: string) => {
  const found = p.lines.find((l) => l.indicator === indicator);
  if (!found) throw new Error(`no line ${indicator} for ${p.id}`);
  return found;
};

const MEMBERS = { posts: ['member' as const] };
const BRANCH_SECRETARIES = { posts: ['secretary' as const], in: ['branch' as const] };

/** Findings for verdicts, so that a wrong verdict also shows as a wrong proposal. */
const VERDICT_RULES = {
  rules: [
    rule('incompetent', { type: 'verdict', verdicts: ['incompetent'] }, [{ to: 'self', form: { person: 'circulated-criticism' } }]),
    rule('derelict', { type: 'verdict', verdicts: ['derelict'] }, [{ to: 'self', form: { person: 'admonishment' } }]),
  ],
} satisfies RuleSetInput['accountability'];

/** 民主测评 for members: the mean of the raters' scores on a 100 scale, proportional, 100 points. */
const APPRAISAL: IndicatorInput = ind({
  id: 'appraisal',
  appliesTo: MEMBERS,
  points: 100,
  measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 },
  scoring: { method: 'proportional' },
});
const rating = (id: string, personId: string, score: number) => prec(id, 'appraisal', personId, '2022-12-10', { attributes: { rater: 'r1', score } });

/** Branch secretaries: at least one topic lecture in the year, 100 points, all or nothing. */
const LECTURE: IndicatorInput = ind({
  id: 'lecture',
  responsibility: 'first',
  appliesTo: BRANCH_SECRETARIES,
  points: 100,
  measure: { type: 'count', recordTypes: ['party-lecture'], atLeast: 1 },
  scoring: { method: 'all-or-nothing' },
});

/** Branch secretaries: rectification tasks (巡察整改), each with its own due day; proportional. */
const rectification = (points: number): IndicatorInput =>
  ind({
    id: 'rect',
    responsibility: 'first',
    appliesTo: BRANCH_SECRETARIES,
    points,
    measure: { type: 'deadline', recordTypes: ['rect-task'] },
    scoring: { method: 'proportional' },
  });

const complete = (...recordTypes: string[]): Partial<RuleSetInput> => ({ sources: [{ id: 'platform', complete: true, recordTypes }] });

describe('fix 1: nothing known on judgement lines (ratings, assessors’ scores) is undetermined, not a zero', () => {
  it('a member assessed only by a rating, with no rating entered and no complete source, is undetermined', () => {
    const r = run(ruleSet([APPRAISAL], VERDICT_RULES), [rating('a1', 'p-b2-m', 50)]);
    const p = person(r, 'p-b1-m');
    expect(lineOf(p, 'appraisal')).toMatchObject({ status: 'insufficient-evidence', points: 0, max: 100 });
    expect(p.total).toBe(0);
    expect(p.verdict).toBe('undetermined');
    // the member who was rated is judged on the score: 100 × 50/100 = 50 < 60
    expect(person(r, 'p-b2-m').total).toBe(50);
    expect(person(r, 'p-b2-m').verdict).toBe('incompetent');
    // so the only finding is for the member rated 50, none for those with nothing known
    expect(r.findings.map((f) => f.subject.id)).toEqual(['p-b2-m']);
  });

  it('a member assessed only by an assessors’ score (manual), with none entered, is undetermined', () => {
    const dept = manualIndicator('dept-score', MEMBERS);
    const r = run(ruleSet([dept], VERDICT_RULES), [manualScore('s1', { person: 'p-b2-m' }, 'dept-score', 75)]);
    const p = person(r, 'p-b1-m');
    expect(lineOf(p, 'dept-score')).toMatchObject({ status: 'insufficient-evidence', points: 0, max: 100 });
    expect(p.verdict).toBe('undetermined');
    // 75 entered: 100 × 75/100 = 75 ≥ 60
    expect(person(r, 'p-b2-m')).toMatchObject({ total: 75, verdict: 'fulfilled' });
    expect(r.findings).toEqual([]);
  });

  it('rating and assessors’ score lines both unknown: undetermined; one known: judged on the score', () => {
    const dept = manualIndicator('dept-score', MEMBERS);
    const appraisal = { ...APPRAISAL, points: 50 };
    const both = ruleSet([appraisal, { ...dept, points: 50 }], undefined);
    expect(person(run(both, []), 'p-b1-m').verdict).toBe('undetermined');
    // the rating known (80), the assessors' score not: 50 × 0.8 + 0 = 40 < 60
    const oneKnown = run(both, [rating('a1', 'p-b1-m', 80)]);
    expect(person(oneKnown, 'p-b1-m').total).toBe(40);
    expect(person(oneKnown, 'p-b1-m').verdict).toBe('incompetent');
  });
});

describe('fix 2a: pending records (待审核) are activity not yet approved, not the absence of activity', () => {
  it('a secretary whose only lecture record is pending is not derelict (source complete)', () => {
    const r = run(ruleSet([LECTURE], VERDICT_RULES, complete('party-lecture')), [
      prec('l1', 'party-lecture', 'p-b1-sec', '2022-06-28', { status: 'pending' }),
    ]);
    const p = person(r, 'p-b1-sec');
    expect(lineOf(p, 'lecture')).toMatchObject({ status: 'shortfall', points: 0, max: 100 });
    expect(lineOf(p, 'lecture').records).toMatchObject({ reported: 0, pending: 1 });
    // not derelict, and not judged on a score the record does not count in until it is reviewed
    expect(p.verdict).toBe('undetermined');
    // one who reported nothing at all, from the same complete source, is derelict
    const none = person(r, 'p-b2-sec');
    expect(lineOf(none, 'lecture')).toMatchObject({ status: 'shortfall', points: 0 });
    expect(lineOf(none, 'lecture').records).toMatchObject({ reported: 0, pending: 0 });
    expect(none.verdict).toBe('derelict');
  });

  it('a source not declared complete: pending only and nothing at all are both undetermined', () => {
    const r = run(ruleSet([LECTURE], undefined), [prec('l1', 'party-lecture', 'p-b1-sec', '2022-06-28', { status: 'pending' })]);
    expect(person(r, 'p-b1-sec').verdict).toBe('undetermined');
    expect(lineOf(person(r, 'p-b2-sec'), 'lecture').status).toBe('insufficient-evidence');
    expect(person(r, 'p-b2-sec').verdict).toBe('undetermined');
  });

  it('a pending record on one line keeps a shortfall with nothing reported on another from making the person derelict', () => {
    const lecture = { ...LECTURE, points: 40 };
    const talks = ind({
      id: 'talks',
      responsibility: 'first',
      appliesTo: BRANCH_SECRETARIES,
      points: 60,
      measure: { type: 'count', recordTypes: ['heart-talk'], atLeast: 4 },
      scoring: { method: 'deduct', perShortfall: 15 },
    });
    const rules = ruleSet([lecture, talks], undefined, complete('party-lecture', 'heart-talk'));
    const r = run(rules, [prec('l1', 'party-lecture', 'p-b1-sec', '2022-06-28', { status: 'pending' })]);
    const p = person(r, 'p-b1-sec');
    // lecture 0 of 40 (the pending record not counted); talks 60 − 4 × 15 = 0
    expect(lineOf(p, 'lecture')).toMatchObject({ status: 'shortfall', points: 0 });
    expect(lineOf(p, 'talks')).toMatchObject({ status: 'shortfall', points: 0 });
    expect(p.total).toBe(0);
    expect(p.verdict).toBe('undetermined');
    expect(person(r, 'p-b2-sec').verdict).toBe('derelict');
  });
});

describe('fix 2b: derelict needs an actual shortfall, not a line met with nothing to do', () => {
  const TASK = prec('t1', 'rect-task', 'p-b2-sec', '2022-05-01', { due: '2022-06-01', completed: '2022-05-20' });

  it('a deadline with no tasks, source complete, is met at full points: fulfilled, not derelict', () => {
    const r = run(ruleSet([rectification(100)], VERDICT_RULES, complete('rect-task')), [TASK]);
    const p = person(r, 'p-b1-sec');
    expect(lineOf(p, 'rect')).toMatchObject({ status: 'met', points: 100, max: 100 });
    expect(lineOf(p, 'rect').records.reported).toBe(0);
    expect(p.total).toBe(100);
    expect(p.verdict).toBe('fulfilled');
    // the secretary who had one task and did it on time: the same
    expect(person(r, 'p-b2-sec')).toMatchObject({ total: 100, verdict: 'fulfilled' });
    expect(r.findings).toEqual([]);
  });

  it('a line met with nothing to do and another a shortfall with nothing reported: derelict', () => {
    const rules = ruleSet([rectification(50), { ...LECTURE, points: 50 }], VERDICT_RULES, complete('rect-task', 'party-lecture'));
    const r = run(rules, []);
    const p = person(r, 'p-b1-sec');
    expect(lineOf(p, 'rect')).toMatchObject({ status: 'met', points: 50 });
    expect(lineOf(p, 'lecture')).toMatchObject({ status: 'shortfall', points: 0 });
    // 50 + 0 = 50
    expect(p.total).toBe(50);
    expect(p.verdict).toBe('derelict');
  });

  it('met with nothing to do and another line still in progress, nothing reported: undetermined (too early)', () => {
    const july = ind({
      id: 'july-lecture',
      responsibility: 'first',
      appliesTo: BRANCH_SECRETARIES,
      points: 50,
      measure: { type: 'window', recordTypes: ['party-lecture'], from: '2022-06-15', to: '2022-07-31' },
      scoring: { method: 'all-or-nothing' },
    });
    const rules = ruleSet([rectification(50), july], VERDICT_RULES, complete('rect-task', 'party-lecture'));
    const r = run(rules, [], { asOf: '2022-07-01' });
    const p = person(r, 'p-b1-sec');
    expect(lineOf(p, 'rect')).toMatchObject({ status: 'met', points: 50 });
    expect(lineOf(p, 'july-lecture')).toMatchObject({ status: 'in-progress', points: 0 });
    expect(p.total).toBe(50);
    expect(p.verdict).toBe('undetermined');
    // once the window has closed the lecture line is a shortfall: derelict
    const late = run(rules, [], { asOf: '2022-08-15' });
    expect(lineOf(person(late, 'p-b1-sec'), 'july-lecture').status).toBe('shortfall');
    expect(person(late, 'p-b1-sec').verdict).toBe('derelict');
  });
});

describe('fix 3: a fired veto makes the person incompetent even where nothing else is known', () => {
  /** Members: only a veto on a serious disciplinary case, a 0-point indicator. */
  const VETO: IndicatorInput = ind({ id: 'member-veto', appliesTo: MEMBERS, points: 0, veto: { recordTypes: ['case'] } });
  const LADDER = { ladders: [{ id: 'm', title: '民主评议', appliesTo: MEMBERS, grades: fourGrades() }] };

  it('a member assessed only by a veto that fired is incompetent; the others are undetermined', () => {
    const r = run(ruleSet([VETO], VERDICT_RULES, LADDER), [prec('c1', 'case', 'p-b1-m', '2022-05-01')]);
    const p = person(r, 'p-b1-m');
    expect(p).toMatchObject({ total: 0, max: 0, vetoes: [{ indicator: 'member-veto', recordIds: ['c1'] }] });
    expect(p.grade).toMatchObject({ title: '差', reason: 'veto' });
    expect(p.verdict).toBe('incompetent');
    expect(r.findings.map((f) => f.subject.id)).toEqual(['p-b1-m']);
    expect(person(r, 'p-b2-m')).toMatchObject({ vetoes: [], verdict: 'undetermined' });
  });

  it('a veto fired and every scored line insufficient evidence: incompetent', () => {
    const r = run(ruleSet([APPRAISAL, VETO], VERDICT_RULES), [prec('c1', 'case', 'p-b1-m', '2022-05-01')]);
    const p = person(r, 'p-b1-m');
    expect(lineOf(p, 'appraisal').status).toBe('insufficient-evidence');
    expect(p.verdict).toBe('incompetent');
    expect(person(r, 'p-b2-m').verdict).toBe('undetermined');
  });

  it('a veto fired and every record-based line insufficient evidence: incompetent', () => {
    const conduct = ind({ id: 'conduct', appliesTo: BRANCH_SECRETARIES, veto: { recordTypes: ['case'] } });
    const r = run(ruleSet([LECTURE, conduct], undefined), [prec('c1', 'case', 'p-b1-sec', '2022-05-01')]);
    expect(lineOf(person(r, 'p-b1-sec'), 'lecture').status).toBe('insufficient-evidence');
    expect(person(r, 'p-b1-sec').verdict).toBe('incompetent');
    expect(person(r, 'p-b2-sec').verdict).toBe('undetermined');
  });

  it('a veto does not hide dereliction: a shortfall with nothing done stays derelict', () => {
    const conduct = ind({ id: 'conduct', appliesTo: BRANCH_SECRETARIES, veto: { recordTypes: ['case'] } });
    const r = run(ruleSet([LECTURE, conduct], undefined, complete('party-lecture')), [prec('c1', 'case', 'p-b1-sec', '2022-05-01')]);
    expect(person(r, 'p-b1-sec').vetoes).toHaveLength(1);
    expect(person(r, 'p-b1-sec').verdict).toBe('derelict');
  });
});
