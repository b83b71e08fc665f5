// Behaviour of src/engine/accumulate.ts that the second mutation run of the engine core
// (MUTATE_PART=core, see TESTING.md) left Survived. Each expectation is worked out by hand from
// the inputs beside it.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { openAssessment, ValidationError, type RuleSetInput } from '../../src/index.js';
import { graphInput, ind, line as lineOf, manualIndicator, org, orgLadder, rec, ruleSet, run, type IndicatorInput } from '../engine/assess/helpers.js';

/** A rating (mean of one score per rater, 0..100) on branches: a measure that keeps its own state. */
const ratingRules = (): RuleSetInput =>
  ruleSet([ind({ id: 'appr', points: 10, measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 }, scoring: { method: 'proportional' } })]);
const appraisal = (id: string, date: string, rater: string, score: number) => rec(id, 'appraisal', 'b1', date, { attributes: { rater, score } });
const b1Of = (result: ReturnType<ReturnType<typeof openAssessment>['finish']>['result']) => {
  const b1 = result.organizations.find((s) => s.id === 'b1');
  if (!b1) throw new Error('no b1');
  return b1;
};

describe('accumulate.ts: withdrawing a conflict from a measure that keeps state', () => {
  it("a line merged in from a partial state takes a later conflict out of its rating's state", () => {
    // shard A: ok1 (rater x, 80) on b1. After absorbing A, r1 (rater y, 40) arrives in two versions:
    // neither counts, so the mean is 80 of one rater (with r1 kept it would be (80 + 40) / 2 = 60 of two)
    const a = openAssessment({ graph: graphInput(), rules: ratingRules() });
    a.add(appraisal('ok1', '2022-03-01', 'x', 80));
    const b = openAssessment({ graph: graphInput(), rules: ratingRules() });
    b.absorb(JSON.parse(JSON.stringify(a.snapshot())));
    b.add(appraisal('r1', '2022-03-02', 'y', 40));
    b.add(appraisal('r1', '2022-03-03', 'y', 40));
    const result = b.finish().result;
    expect(result.evidence).toMatchObject({ conflicts: 1 });
    expect(lineOf(b1Of(result), 'appr')).toMatchObject({ value: 80, records: { counted: 1, ids: ['ok1'] } });
  });

  it('a conflict found between shards comes out of the rating state of every line', () => {
    // shard A: ok1 (x, 80) and r1 (y, 40); shard B: r1 in another version (y, 40, another day).
    // B absorbs A: r1 is a conflict, withdrawn everywhere; only ok1's 80 is left
    const a = openAssessment({ graph: graphInput(), rules: ratingRules() });
    a.add(appraisal('ok1', '2022-03-01', 'x', 80));
    a.add(appraisal('r1', '2022-03-02', 'y', 40));
    const b = openAssessment({ graph: graphInput(), rules: ratingRules() });
    b.add(appraisal('r1', '2022-03-03', 'y', 40));
    b.absorb(JSON.parse(JSON.stringify(a.snapshot())));
    const result = b.finish().result;
    expect(result.evidence).toMatchObject({ conflicts: 1 });
    expect(lineOf(b1Of(result), 'appr')).toMatchObject({ value: 80, records: { counted: 1, ids: ['ok1'] } });
  });

  it('a new version of a rating record merged in from a partial state comes out of the rating state', () => {
    // shard A: ok1 (x, 80) and r1 (y, 40); after absorbing A, r1 arrives again in another version:
    // r1 came in through the partial state, so it is withdrawn everywhere; the mean is ok1's 80
    const a = openAssessment({ graph: graphInput(), rules: ratingRules() });
    a.add(appraisal('ok1', '2022-03-01', 'x', 80));
    a.add(appraisal('r1', '2022-03-02', 'y', 40));
    const b = openAssessment({ graph: graphInput(), rules: ratingRules() });
    b.absorb(JSON.parse(JSON.stringify(a.snapshot())));
    b.add(appraisal('r1', '2022-03-03', 'y', 40));
    const result = b.finish().result;
    expect(result.evidence).toMatchObject({ conflicts: 1 });
    expect(lineOf(b1Of(result), 'appr')).toMatchObject({ value: 80, records: { counted: 1, ids: ['ok1'] } });
  });
});

describe('accumulate.ts: which period a record falls in', () => {
  it("a veto record of a deadline indicator goes by its own date, not by the measure's due date", () => {
    // 'plan' and 'plan2': deadlines due 31 March 2022, with vetoes on 'plan-case' and 'plan2-case'.
    // k1 (plan-case) is dated 15 December 2021: outside the 2022 period, so no veto, though the
    // measure's due date is in the period. k2 (plan2-case) is dated 1 May 2022 with a due of
    // February 2023: in the period by its date, so it vetoes 'plan2'.
    const deadline = (id: string) =>
      ind({ id, points: 5, measure: { type: 'deadline', recordTypes: [`${id}-doc`], due: '2022-03-31' }, scoring: { method: 'deduct', perShortfall: 1 }, veto: { recordTypes: [`${id}-case`] } });
    const rules = ruleSet([deadline('plan'), deadline('plan2')]);
    const result = run(rules, [rec('k1', 'plan-case', 'b1', '2021-12-15'), rec('k2', 'plan2-case', 'b1', '2022-05-01', { due: '2023-02-01' })]);
    expect(lineOf(org(result, 'b1'), 'plan')).toMatchObject({ veto: false, records: { vetoIds: [] } });
    expect(lineOf(org(result, 'b1'), 'plan2')).toMatchObject({ veto: true, records: { vetoIds: ['k2'] } });
    expect(result.evidence).toMatchObject({ outOfPeriod: 1 });
  });

  it('a task that fell due before the period starts is not counted in it', () => {
    // t-old: raised 1 November 2021, due 1 December 2021 (before 2022): not this period's; ta is
    const rules = ruleSet([ind({ id: 'tasks', points: 5, measure: { type: 'deadline', recordTypes: ['task'] }, scoring: { method: 'deduct', perShortfall: 1 } })]);
    const result = run(rules, [
      rec('t-old', 'task', 'b1', '2021-11-01', { due: '2021-12-01', completed: '2021-11-20' }),
      rec('ta', 'task', 'b1', '2022-02-01', { due: '2022-03-01', completed: '2022-02-20' }),
    ]);
    expect(lineOf(org(result, 'b1'), 'tasks').records.ids).toEqual(['ta']);
    expect(result.evidence).toMatchObject({ outOfPeriod: 1 });
  });

  it('a business score dated after the period ends does not count', () => {
    // bs-late (5 January 2023) is out of the 2022 period: b1 has no business score; b2's bs-in (60) counts
    const rules = ruleSet([manualIndicator('score', 100)], { ladders: [orgLadder(['branch'])], composite: { partyWeight: 0.6, businessWeight: 0.4 } });
    const result = run(rules, [
      rec('bs-late', 'business-score', 'b1', '2023-01-05', { attributes: { score: 88 } }),
      rec('bs-in', 'business-score', 'b2', '2022-12-28', { attributes: { score: 60 } }),
    ]);
    expect(org(result, 'b1').composite?.business).toBeNull();
    expect(org(result, 'b2').composite?.business).toBe(60);
    expect(result.evidence).toMatchObject({ outOfPeriod: 1 });
  });
});

describe('accumulate.ts: routes other than the measure', () => {
  it("a bonus goes to the record's own organization, though the indicator's veto reaches the subtree", () => {
    // 'own': committee and branches, a bonus of 1 per award, a veto with subtree scope.
    // a1 (award on b1) gives b1 a bonus of 1 and the committee none; k1 (case on b1) vetoes both
    const rules = ruleSet([
      ind({
        id: 'own',
        appliesTo: { organizations: ['committee', 'branch'] },
        points: 4,
        measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 },
        scoring: { method: 'deduct', perShortfall: 1 },
        bonus: { recordTypes: ['award'], each: 1, cap: 3 },
        veto: { recordTypes: ['case'], scope: 'subtree' },
      }),
    ]);
    const result = run(rules, [rec('a1', 'award', 'b1', '2022-03-01'), rec('k1', 'case', 'b1', '2022-03-02')]);
    expect(lineOf(org(result, 'b1'), 'own')).toMatchObject({ bonus: 1, veto: true });
    expect(lineOf(org(result, 'cm'), 'own')).toMatchObject({ bonus: 0, veto: true });
  });

  it("a manual indicator's veto and bonus records need no `indicator` attribute", () => {
    // 'score' (manual) with a veto on 'case' and a bonus of 2 per 'award': k1 vetoes b1, a1 gives b1 2 points;
    // neither is an assessor's score, so none is unassigned
    const rules = ruleSet([{ ...manualIndicator('score', 100), veto: { recordTypes: ['case'] }, bonus: { recordTypes: ['award'], each: 2, cap: 5 } }]);
    const result = run(rules, [rec('k1', 'case', 'b1', '2022-03-01'), rec('a1', 'award', 'b1', '2022-03-02')]);
    expect(lineOf(org(result, 'b1'), 'score')).toMatchObject({ veto: true, bonus: 2, records: { vetoIds: ['k1'], bonusIds: ['a1'] } });
    expect(result.evidence).toMatchObject({ unassignedScore: 0 });
  });
});

describe('accumulate.ts: a record naming a person not in the graph', () => {
  const secretaries: IndicatorInput['appliesTo'] = { posts: ['secretary'], in: ['branch'] };
  const count = (id: string, type: string, by?: 'organization') =>
    ind({ id, appliesTo: secretaries, points: 4, measure: { type: 'count', recordTypes: [type], atLeast: 1, ...(by ? { by } : {}) }, scoring: { method: 'deduct', perShortfall: 1 } });

  it("reaching no person's line, it is an unknown subject, not an unknown reference (by person)", () => {
    // 'talks' is filed by the record's person: ghost is nobody's line, so a1 counts nowhere
    const result = run(ruleSet([count('talks', 'talk')]), [rec('a1', 'talk', 'b1', '2022-03-01', { person: 'ghost' })]);
    expect(result.evidence).toMatchObject({ unknownSubject: 1, unknownReference: 0 });
  });

  it("reaching no person's line, it is an unknown subject, not an unknown reference (by organization)", () => {
    // 'meetings' is filed by organization: group g1 has no branch secretary, so m1 counts nowhere
    const result = run(ruleSet([count('meetings', 'meeting', 'organization')]), [rec('m1', 'meeting', 'g1', '2022-03-01', { person: 'ghost' })]);
    expect(result.evidence).toMatchObject({ unknownSubject: 1, unknownReference: 0 });
  });
});

describe('accumulate.ts: records kept for accountability when asOf is before the period', () => {
  it('asOf before the period start: a record raised on its eve and due in the period is kept', () => {
    // asOf 30 November 2021 is clamped to 31 December 2021 (the day before the period).
    // eve: raised 31 December 2021, due 1 March 2022: raised by asOf and due in the period, kept.
    // early: raised 1 December 2021, due 1 March 2022: kept too. late: raised 1 January 2022: not yet
    const rules: RuleSetInput = {
      ...ruleSet([ind({ id: 'topics', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 } })]),
      accountability: { rules: [{ id: 'inc', title: 'inc', trigger: { type: 'incident', recordTypes: ['incident'] }, reach: [{ to: 'team' }] }] },
    };
    const session = openAssessment({ graph: graphInput(), rules, asOf: '2021-11-30' });
    session.add(rec('eve', 'prompt-remedy', 'b1', '2021-12-31', { due: '2022-03-01' }));
    session.add(rec('early', 'prompt-remedy', 'b1', '2021-12-01', { due: '2022-03-01' }));
    session.add(rec('late', 'prompt-remedy', 'b1', '2022-01-01', { due: '2022-03-01' }));
    expect(session.snapshot().retained.map((r) => r.id).sort()).toEqual(['early', 'eve']);
  });
});

describe('absorb: an effect whose key does not match its counter (hand-edited partial state)', () => {
  // Mutants #473, #484 and #485 of the run (accumulate.ts, withdrawing a merged record's effect)
  // could only be reached by a partial state edited to drop an unknown subject's key or to give
  // a pending record one. Such a state was merged and gave an unknown-subject count with no
  // warning for it; the partial-state check now refuses it, with the place.
  const rules = () => ruleSet([ind({ id: 'topics', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 1 } })]);
  const refusal = (edit: (effect: { key?: string }) => void, record: ReturnType<typeof rec>) => {
    const a = openAssessment({ graph: graphInput(), rules: rules() });
    a.add(record);
    const snapshot = JSON.parse(JSON.stringify(a.snapshot()));
    for (const version of snapshot.versions as [string, string[], { key?: string }][]) edit(version[2]);
    const b = openAssessment({ graph: graphInput(), rules: rules() });
    try {
      b.absorb(snapshot);
    } catch (error) {
      expect(b.finish().result.evidence).toMatchObject({ received: 0 });
      return error instanceof ValidationError ? error.issues.map((i) => ({ code: i.code, path: [...i.path], message: i.message })) : error;
    }
    throw new Error('absorbed');
  };

  it('an unknown subject without its key', () => {
    expect(refusal((e) => delete e.key, rec('u1', 'topic', 'zz', '2022-03-01'))).toEqual([
      { code: 'partial-effect-key', path: ['partial', 'versions', 0, 2, 'key'], message: '证据计数 unknownSubject 应带有 key（记录类型或无法对应的对象）' },
    ]);
  });

  it('a pending record with a key', () => {
    expect(refusal((e) => (e.key = 'x'), rec('p1', 'topic', 'b1', '2022-03-01', { status: 'pending' }))).toEqual([
      { code: 'partial-effect-key', path: ['partial', 'versions', 0, 2, 'key'], message: '证据计数 pending 不应带有 key' },
    ]);
  });
});
