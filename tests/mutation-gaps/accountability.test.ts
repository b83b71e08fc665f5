// Behaviour of src/accountability that mutation testing (npm run mutate:accountability, see
// TESTING.md) found no test for. Each expectation is worked out by hand from the documented
// behaviour; the small graph is the one drawn in tests/accountability/helpers.ts.
import { describe, expect, it } from 'vitest';
import { finding, ids, ind, PLACEHOLDER, prec, rec, rule, ruleSet, run, type IndicatorInput } from '../accountability/helpers.js';

describe('deadline-open: which tasks a hit lists', () => {
  // 'rectify' (deadline, branches, own records only). As of 2022-10-31 (the end of that day):
  //   t1 b1, due 2022-09-30, never completed          → overdue and open: listed
  //   t5 b1, due 2022-09-30, completed 2022-10-31     → completed on the asOf day: closed
  //   t6 b1, due 2022-11-30, never completed          → not yet due
  //   t7 g1 (the group below b1), due 2022-09-30, open → another organization's task: the
  //      indicator's scope is the branch itself, so b1 does not answer for it
  const indicators: IndicatorInput[] = [
    ind({ id: 'rectify', points: 10, measure: { type: 'deadline', recordTypes: ['rectification'] }, scoring: { method: 'deduct', perShortfall: 5 } }),
  ];
  const records = [
    rec('t1', 'rectification', 'b1', '2022-05-10', { due: '2022-09-30' }),
    rec('t5', 'rectification', 'b1', '2022-05-10', { due: '2022-09-30', completed: '2022-10-31' }),
    rec('t6', 'rectification', 'b1', '2022-05-10', { due: '2022-11-30' }),
    rec('t7', 'rectification', 'g1', '2022-05-10', { due: '2022-09-30' }),
  ];
  const rules = [rule('overdue', { type: 'deadline-open', indicator: 'rectify' }, [{ to: 'team' }])];

  it('only t1: not the task completed on the asOf day, not the one not yet due, not the group\'s', () => {
    // While the year runs the hit is provisional (t1 may still be completed late): an early
    // warning listing the tasks, as a finding's trigger would.
    const result = run(ruleSet(indicators, { rules }), records, { asOf: '2022-10-31' });
    expect(ids(result)).toEqual([]);
    expect(result.hits.map((h) => [h.rule, h.subject.id, h.provisional, h.indicators, h.recordIds])).toEqual([['overdue', 'b1', true, ['rectify'], ['t1']]]);
  });

  it('a person\'s own overdue task, on an indicator for members: listed for the person', () => {
    // pt1 of p-b1-m (a member of b1), due 2022-09-30, never completed → open at year end.
    const forMembers = [ind({ id: 'own', appliesTo: { posts: ['member'] }, points: 10, measure: { type: 'deadline', recordTypes: ['task'] }, scoring: { method: 'deduct', perShortfall: 5 } })];
    const result = run(ruleSet(forMembers, { rules: [rule('late', { type: 'deadline-open', indicator: 'own' }, [{ to: 'direct' }])] }), [
      prec('pt1', 'task', 'p-b1-m', '2022-05-10', { due: '2022-09-30' }),
    ]);
    expect(ids(result)).toEqual(['late:p:p-b1-m>p:p-b1-m']);
    const hit = finding(result, 'late:p:p-b1-m>p:p-b1-m').trigger;
    expect([hit.recordIds, hit.indicators]).toEqual([['pt1'], ['own']]);
  });
});

describe('incident: the reason given', () => {
  // i1 b1, severity 4.
  const records = [rec('i1', 'incident', 'b1', '2022-03-01', { attributes: { severity: 4 } })];
  const explanationOf = (trigger: Record<string, unknown>): string => {
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('inc', trigger as never, [{ to: 'team' }])] }), records, { lang: 'en' });
    return finding(result, 'inc:o:b1>o:b1').explanation;
  };

  it('with minSeverity 3 it names the severity; without, it says "incident"', () => {
    expect(explanationOf({ type: 'incident', recordTypes: ['incident'], minSeverity: 3 })).toContain('incident of severity 3 or more (records i1)');
    expect(explanationOf({ type: 'incident', recordTypes: ['incident'] })).toContain(': incident (records i1)');
  });
});

describe('more on which records and people a hit carries', () => {
  it('a task completed after the asOf day is still open on it (t8: due 09-30, completed 11-15, asOf 10-31)', () => {
    const indicators = [ind({ id: 'rectify', points: 10, measure: { type: 'deadline', recordTypes: ['rectification'] }, scoring: { method: 'deduct', perShortfall: 5 } })];
    const rules = [rule('overdue', { type: 'deadline-open', indicator: 'rectify' }, [{ to: 'team' }])];
    const result = run(ruleSet(indicators, { rules }), [rec('t8', 'rectification', 'b1', '2022-05-10', { due: '2022-09-30', completed: '2022-11-15' })], { asOf: '2022-10-31' });
    // an early warning while the year runs (a provisional hit), listing t8
    expect(result.hits.map((h) => [h.subject.id, h.provisional, h.recordIds])).toEqual([['b1', true, ['t8']]]);
  });

  it('a subtree-wide deadline line of the general branch lists the tasks below it only', () => {
    // gb's subtree is gb, b3, b4. Open overdue tasks at b3 (s3) and at b1 (s1, under cm, not gb).
    const indicators = [
      ind({
        id: 'rectify-gb',
        appliesTo: { organizations: ['general-branch'] },
        points: 10,
        measure: { type: 'deadline', recordTypes: ['rectification'], scope: 'subtree' },
        scoring: { method: 'deduct', perShortfall: 5 },
      }),
    ];
    const rules = [rule('overdue', { type: 'deadline-open', indicator: 'rectify-gb' }, [{ to: 'team' }])];
    const result = run(ruleSet(indicators, { rules }), [
      rec('s1', 'rectification', 'b1', '2022-05-10', { due: '2022-09-30' }),
      rec('s3', 'rectification', 'b3', '2022-05-10', { due: '2022-09-30' }),
    ]);
    expect(ids(result)).toEqual(['overdue:o:gb>o:gb']);
    expect(finding(result, 'overdue:o:gb>o:gb').trigger.recordIds).toEqual(['s3']);
  });

  it('the record ids of a hit are in id order, whatever the input order (i9 before i2 in the input)', () => {
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }])] }), [
      rec('i9', 'incident', 'b1', '2022-03-01'),
      rec('i2', 'incident', 'b1', '2022-03-02'),
      rec('i5', 'incident', 'b1', '2022-03-03'),
    ]);
    expect(finding(result, 'inc:o:b1>o:b1').trigger.recordIds).toEqual(['i2', 'i5', 'i9']);
  });

  it('shortfall reads the named indicator, not the first line of the subject', () => {
    // b1 has 'a' (count ≥ 2, 0 records: 2 short) before 'b' (count ≥ 1, 1 record: met).
    const count = (id: string, atLeast: number, type: string) =>
      ind({ id, points: 10, measure: { type: 'count', recordTypes: [type], atLeast }, scoring: { method: 'deduct', perShortfall: 5 } });
    const result = run(ruleSet([count('a', 2, 'lesson'), count('b', 1, 'meeting')], { rules: [rule('short-b', { type: 'shortfall', indicator: 'b' }, [{ to: 'team' }])] }), [
      rec('m1', 'meeting', 'b1', '2022-03-01'),
      rec('m2', 'meeting', 'b2', '2022-03-01'),
      rec('m3', 'meeting', 'b3', '2022-03-01'),
      rec('m4', 'meeting', 'b4', '2022-03-01'),
    ]);
    expect(result.findings).toEqual([]);
  });

  it('a shortfall names nobody on records: reach `direct` proposes nothing, `team` the body', () => {
    const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 5 } })];
    const records = ['b2', 'b3', 'b4'].map((org) => rec(`m-${org}`, 'meeting', org, '2022-03-01', { person: 'p-b1-m' }));
    const result = run(ruleSet(indicators, { rules: [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'direct' }, { to: 'team' }])] }), records);
    expect(ids(result)).toEqual(['short:o:b1>o:b1']);
  });
});

describe('reach to people an organization does not have', () => {
  // g1 (a party group) has no leadership team; b2 has no liaison leader (liaison: b3 and b1 only).
  const incident = (org: string) => [rec(`x-${org}`, 'incident', org, '2022-03-01')];
  const rules = (to: 'team-members' | 'liaison') => ({ rules: [rule('r', { type: 'incident', recordTypes: ['incident'] }, [{ to }])] });

  it('team-members of g1: no finding', () => {
    expect(run(ruleSet([PLACEHOLDER], rules('team-members')), incident('g1')).findings).toEqual([]);
  });

  it('liaison of b2: no finding; of b3: its liaison leader p-sec', () => {
    expect(run(ruleSet([PLACEHOLDER], rules('liaison')), incident('b2')).findings).toEqual([]);
    expect(ids(run(ruleSet([PLACEHOLDER], rules('liaison')), incident('b3')))).toEqual(['r:o:b3>p:p-sec']);
  });
});

describe('whom a reach step names', () => {
  const incidentRule = (reach: Parameters<typeof rule>[2]) => ruleSet([PLACEHOLDER], { rules: [rule('r', { type: 'incident', recordTypes: ['incident'] }, reach)] });

  it('team-members are the team but the secretary: b1 → p-b1-tm, not p-b1-sec', () => {
    expect(ids(run(incidentRule([{ to: 'team-members' }]), [rec('x1', 'incident', 'b1', '2022-03-01')]))).toEqual(['r:o:b1>p:p-b1-tm']);
  });

  it('a person is not reached a second time through their own seat: the secretary of b1 reached as b1\'s secretary', () => {
    // p-b1-sec's own incident; `secretary` from their seat b1 is p-b1-sec again: left out.
    expect(run(incidentRule([{ to: 'secretary' }]), [prec('y1', 'incident', 'p-b1-sec', '2022-03-01')]).findings).toEqual([]);
    // `direct` reaches them once.
    expect(ids(run(incidentRule([{ to: 'direct' }, { to: 'secretary' }]), [prec('y1', 'incident', 'p-b1-sec', '2022-03-01')]))).toEqual(['r:p:p-b1-sec>p:p-b1-sec']);
  });

  it('a person hit by their own record is named by name: 郑党员', () => {
    const result = run(incidentRule([{ to: 'direct' }]), [prec('y2', 'incident', 'p-b2-m', '2022-03-01')]);
    expect(finding(result, 'r:p:p-b2-m>p:p-b2-m').trigger.subject).toEqual({ type: 'person', id: 'p-b2-m', name: '郑党员' });
  });
});
