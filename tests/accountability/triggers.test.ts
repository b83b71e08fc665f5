// Every trigger type of an accountability rule, on small inline scenarios over the graph of
// helpers.ts. Each scenario's expected hits are read off the records listed beside it: which
// subject set the rule off, with which indicators and records, and whom the reach touched.
import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER,
  fourGrades,
  ids,
  finding,
  ind,
  manualIndicator,
  manualScore,
  prec,
  rec,
  rule,
  ruleSet,
  run,
  type AccountabilityRuleInput,
  type IndicatorInput,
} from './helpers.js';
import type { AssessmentResult, RecordInput } from '../../src/index.js';

/** The organization whose line for `indicator` we want to read; fails when missing. */
function orgLine(result: AssessmentResult, org: string, indicator: string) {
  const line = result.organizations.find((o) => o.id === org)?.lines.find((l) => l.indicator === indicator);
  if (!line) throw new Error(`no line ${indicator} for ${org}`);
  return line;
}

describe('veto', () => {
  // 一票否决 on branches: a 'case' record with severity 'serious' vetoes its branch.
  //   c1 at b1, serious, names p-b1-m  → b1 vetoed
  //   c2 at b2, minor                  → not a veto (where does not match)
  const indicators = [ind({ id: 'discipline', veto: { recordTypes: ['case'], where: { severity: 'serious' } } })];
  const records = [
    rec('c1', 'case', 'b1', '2022-05-10', { person: 'p-b1-m', attributes: { severity: 'serious' } }),
    rec('c2', 'case', 'b2', '2022-06-10', { person: 'p-b2-m', attributes: { severity: 'minor' } }),
  ];
  const result = run(ruleSet(indicators, { rules: [rule('veto', { type: 'veto' }, [{ to: 'team' }, { to: 'direct' }])] }), records);

  it('fires for the vetoed subject only, reaching its team and the person on the record', () => {
    expect(ids(result)).toEqual(['veto:o:b1>o:b1', 'veto:o:b1>p:p-b1-m']);
  });

  it('carries the vetoing indicator and record', () => {
    expect(finding(result, 'veto:o:b1>o:b1').trigger).toEqual({
      type: 'veto',
      subject: { type: 'organization', id: 'b1', name: '第一支部' },
      indicators: ['discipline'],
      recordIds: ['c1'],
    });
  });

  it('a subtree veto proposes one direct finding for one case, not one per vetoed organization', () => {
    // With scope 'subtree' the case c1 at b1 vetoes b1 and cm; each hit carries p-b1-m, so he is
    // proposed 纪律处分 twice for one act — once with the path {cm, direct}, an organization he
    // holds no post in.
    const subtree = [ind({ id: 'discipline', appliesTo: { organizations: ['committee', 'branch'] }, veto: { recordTypes: ['case'], where: { severity: 'serious' }, scope: 'subtree' } })];
    const result = run(ruleSet(subtree, { rules: [rule('veto', { type: 'veto' }, [{ to: 'direct', form: { person: 'disciplinary-sanction' } }, { to: 'secretary' }])] }), records);
    // both organizations are vetoed, and each secretary answers for it
    expect(result.organizations.filter((o) => o.vetoes.length > 0).map((o) => o.id)).toEqual(['cm', 'b1']);
    expect(result.findings.filter((f) => f.subject.id === 'p-b1-m').map((f) => f.path)).toEqual([[{ distance: 0, organization: 'b1', kind: 'direct' }]]);
  });

  it('a rule set without a veto fired proposes nothing', () => {
    const quiet = run(ruleSet(indicators, { rules: [rule('veto', { type: 'veto' }, [{ to: 'team' }])] }), [records[1]]);
    expect(quiet.findings).toEqual([]);
  });
});

describe('lowest-grade', () => {
  // Two ladders, both 好 90 / 较好 80 / 一般 60 / 差 0; totals equal the manual score entered:
  //   branches (ladder 'org'):      b1 50 → 差 (lowest), b2 95 → 好, b3 85 → 较好, b4 60 → 一般
  //   branch secretaries ('sec'):   p-b1-sec 92 → 好, p-b2-sec 40 → 差 (lowest), p-b3-sec 81, p-b4-sec 75
  const indicators = [
    manualIndicator('org-review', { organizations: ['branch'] }),
    manualIndicator('sec-review', { posts: ['secretary'], in: ['branch'] }),
  ];
  const ladders = [
    { id: 'org', title: '党组织等次', appliesTo: { organizations: ['branch' as const] }, grades: fourGrades() },
    { id: 'sec', title: '书记等次', appliesTo: { posts: ['secretary' as const], in: ['branch' as const] }, grades: fourGrades() },
  ];
  const records = [
    manualScore('o1', { organization: 'b1' }, 'org-review', 50),
    manualScore('o2', { organization: 'b2' }, 'org-review', 95),
    manualScore('o3', { organization: 'b3' }, 'org-review', 85),
    manualScore('o4', { organization: 'b4' }, 'org-review', 60),
    manualScore('s1', { person: 'p-b1-sec' }, 'sec-review', 92),
    manualScore('s2', { person: 'p-b2-sec' }, 'sec-review', 40),
    manualScore('s3', { person: 'p-b3-sec' }, 'sec-review', 81),
    manualScore('s4', { person: 'p-b4-sec' }, 'sec-review', 75),
  ];
  const rules: AccountabilityRuleInput[] = [
    rule('low-any', { type: 'lowest-grade' }, [{ to: 'self' }]),
    rule('low-org', { type: 'lowest-grade', ladder: 'org' }, [{ to: 'self' }]),
    rule('low-sec', { type: 'lowest-grade', ladder: 'sec' }, [{ to: 'self' }]),
  ];
  const result = run(ruleSet(indicators, { rules }, { ladders }), records);

  it('grades as worked out above', () => {
    expect(result.organizations.filter((o) => o.grade !== null).map((o) => [o.id, o.grade?.id])).toEqual([
      ['b1', 'poor'],
      ['b2', 'good'],
      ['b3', 'fairly-good'],
      ['b4', 'average'],
    ]);
  });

  it('without `ladder`: every subject at the lowest grade of its ladder, organizations first', () => {
    expect(ids(result).filter((id) => id.startsWith('low-any:'))).toEqual(['low-any:o:b1>o:b1', 'low-any:p:p-b2-sec>p:p-b2-sec']);
  });

  it('with `ladder`: only subjects graded on that ladder', () => {
    expect(ids(result).filter((id) => id.startsWith('low-org:'))).toEqual(['low-org:o:b1>o:b1']);
    expect(ids(result).filter((id) => id.startsWith('low-sec:'))).toEqual(['low-sec:p:p-b2-sec>p:p-b2-sec']);
  });

  it('the finding of a person subject reached as `self` is direct, seated where they lead', () => {
    const f = finding(result, 'low-sec:p:p-b2-sec>p:p-b2-sec');
    expect([f.liability, f.basis, f.path]).toEqual(['direct', 'direct', [{ distance: 0, organization: 'b2', kind: 'direct' }]]);
    expect(f.trigger).toEqual({ type: 'lowest-grade', subject: { type: 'person', id: 'p-b2-sec', name: '吴书记' }, indicators: [], recordIds: [] });
  });
});

describe('shortfall', () => {
  // 'meetings': at least 4 a year on branches. Records per branch: b1 1 (3 short), b2 3 (1 short),
  // b3 4 and b4 4 (met).
  const meetings = (org: string, n: number): RecordInput[] =>
    Array.from({ length: n }, (_, i) => rec(`m-${org}-${i + 1}`, 'meeting', org, `2022-0${i + 1}-15`));
  const indicators: IndicatorInput[] = [
    ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } }),
  ];
  const records = [...meetings('b1', 1), ...meetings('b2', 3), ...meetings('b3', 4), ...meetings('b4', 4)];
  const rules: AccountabilityRuleInput[] = [
    rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }]),
    rule('short-3', { type: 'shortfall', indicator: 'meetings', atLeast: 3 }, [{ to: 'team' }]),
  ];

  it('fires at one shortfall or more by default; `atLeast` raises the bar', () => {
    const result = run(ruleSet(indicators, { rules }), records);
    expect(ids(result)).toEqual(['short:o:b1>o:b1', 'short:o:b2>o:b2', 'short-3:o:b1>o:b1']);
    // the line's counted records are the evidence
    expect(finding(result, 'short:o:b1>o:b1').trigger).toEqual({
      type: 'shortfall',
      subject: { type: 'organization', id: 'b1', name: '第一支部' },
      indicators: ['meetings'],
      recordIds: ['m-b1-1'],
    });
  });

  it('a line still in progress (period running, asOf 2022-06-30) does not fire', () => {
    const result = run(ruleSet(indicators, { rules }), records, { asOf: '2022-06-30' });
    // the records are all dated January–April, so every count is as above, but the year is not over
    expect(orgLine(result, 'b1', 'meetings').status).toBe('in-progress');
    expect(orgLine(result, 'b1', 'meetings').shortfalls).toBe(3);
    expect(result.findings).toEqual([]);
  });

  it('a line excluded for insufficient evidence does not fire; under the default policy it does', () => {
    // b4 reports nothing, and the source is not declared complete
    const sparse = [...meetings('b1', 4), ...meetings('b2', 4), ...meetings('b3', 4)];
    const excluded = run(ruleSet(indicators, { rules }, { onInsufficientEvidence: 'exclude' }), sparse);
    expect(orgLine(excluded, 'b4', 'meetings').status).toBe('excluded');
    expect(excluded.findings).toEqual([]);
    // default 'shortfall': nothing reported counts as not done — 4 short
    const counted = run(ruleSet(indicators, { rules }), sparse);
    expect(orgLine(counted, 'b4', 'meetings').status).toBe('insufficient-evidence');
    expect(ids(counted)).toEqual(['short:o:b4>o:b4', 'short-3:o:b4>o:b4']);
  });

  it('a deadline line with no known task, scored as not done, fires: it shows the one shortfall it was scored on', () => {
    // 'rectify' on branches, no `due` and no `expected`: b1 reports one task done on time; b2–b4
    // report none, so an empty state knows of no task, and "not done" is scored as one shortfall
    const rectify = ind({ id: 'rectify', points: 8, measure: { type: 'deadline', recordTypes: ['task'] }, scoring: { method: 'proportional' } });
    const tasks = [rec('t1', 'task', 'b1', '2022-05-01', { due: '2022-06-30', completed: '2022-06-01' })];
    const result = run(ruleSet([rectify], { rules: [rule('short', { type: 'shortfall', indicator: 'rectify' }, [{ to: 'team' }])] }), tasks);
    expect(orgLine(result, 'b1', 'rectify')).toMatchObject({ status: 'met', points: 8, shortfalls: 0 });
    expect(orgLine(result, 'b2', 'rectify')).toMatchObject({ status: 'insufficient-evidence', points: 0, shortfalls: 1, ratio: 0 });
    expect(ids(result)).toEqual(['short:o:b2>o:b2', 'short:o:b3>o:b3', 'short:o:b4>o:b4']);
  });
});

describe('deadline-open', () => {
  // 'rectify': each task due on its own `due` (a task belongs to the period its due date is in). Tasks:
  //   t1 b1, due 2022-09-30, never completed, names p-b1-tm
  //   t2 b2, due 2022-11-30, never completed, names p-b2-m
  //   t3 b3, due 2022-08-31, completed 2022-08-20 (on time)
  //   t4 b4, due 2023-03-31 (next year's task: not in this period at all)
  // As of 2022-10-31: t1 is overdue and open, t2 not yet due. At year end both are open. While the
  // year runs an open task may still be completed (late), and then is open no more: a hit then is
  // provisional (no finding; see provisional.test.ts), so the findings are read at year end.
  const indicators: IndicatorInput[] = [
    ind({ id: 'rectify', points: 10, measure: { type: 'deadline', recordTypes: ['rectification'] }, scoring: { method: 'deduct', perShortfall: 5 } }),
  ];
  const records = [
    rec('t1', 'rectification', 'b1', '2022-05-10', { due: '2022-09-30', person: 'p-b1-tm' }),
    rec('t2', 'rectification', 'b2', '2022-05-10', { due: '2022-11-30', person: 'p-b2-m' }),
    rec('t3', 'rectification', 'b3', '2022-05-10', { due: '2022-08-31', completed: '2022-08-20' }),
    rec('t4', 'rectification', 'b4', '2022-05-10', { due: '2023-03-31' }),
  ];
  const rules = [rule('overdue', { type: 'deadline-open', indicator: 'rectify' }, [{ to: 'direct', form: { person: 'written-inspection' } }, { to: 'secretary' }])];
  const october = run(ruleSet(indicators, { rules }), records, { asOf: '2022-10-31' });
  const yearEnd = run(ruleSet(indicators, { rules }), records);
  const provisional = (result: AssessmentResult): string[] => result.hits.filter((h) => h.provisional).map((h) => `${h.rule}:${h.subject.id}`);

  it('an overdue open task sets the rule off (provisionally while the year runs); the person on the task record is reached as direct', () => {
    expect([ids(october), provisional(october)]).toEqual([[], ['overdue:b1']]);
    const direct = finding(yearEnd, 'overdue:o:b1>p:p-b1-tm');
    expect([direct.liability, direct.basis, direct.form.id, direct.path]).toEqual([
      'direct',
      'direct',
      'written-inspection',
      [{ distance: 0, organization: 'b1', kind: 'direct' }],
    ]);
    expect(direct.trigger.recordIds).toEqual(['t1']);
    expect(direct.trigger.indicators).toEqual(['rectify']);
    const secretary = finding(yearEnd, 'overdue:o:b1>p:p-b1-sec');
    expect([secretary.liability, secretary.basis, secretary.form.id]).toEqual(['principal-leadership', 'first', 'criticism']);
  });

  it('a task not yet due does not fire (t2 in October; t1 the day before its due date)', () => {
    expect(orgLine(october, 'b2', 'rectify').facts).toMatchObject({ open: 0, notYetDue: 1 });
    expect(run(ruleSet(indicators, { rules }), records, { asOf: '2022-09-29' }).hits).toEqual([]);
    // on its due date, still not completed, it counts as open (asOf is the end of that day)
    expect(provisional(run(ruleSet(indicators, { rules }), records, { asOf: '2022-09-30' }))).toEqual(['overdue:b1']);
  });

  it('at year end both open tasks fire; the on-time task and next year\'s task do not', () => {
    expect(ids(run(ruleSet(indicators, { rules }), records))).toEqual([
      'overdue:o:b1>p:p-b1-tm',
      'overdue:o:b1>p:p-b1-sec',
      'overdue:o:b2>p:p-b2-m',
      'overdue:o:b2>p:p-b2-sec',
    ]);
  });

  it('without `indicator`, any deadline line with open tasks fires', () => {
    const any = [rule('overdue', { type: 'deadline-open' }, [{ to: 'team' }])];
    expect(provisional(run(ruleSet(indicators, { rules: any }), records, { asOf: '2022-10-31' }))).toEqual(['overdue:b1']);
    expect(ids(run(ruleSet(indicators, { rules: any }), records))).toEqual(['overdue:o:b1>o:b1', 'overdue:o:b2>o:b2']);
  });

  // Both tasks below are overdue and open; the indicator counts only kind 'rectification'.
  //   u1 b1, kind rectification, names p-b1-tm → counted (open 1)
  //   u2 b1, kind other, names p-b1-m          → not the indicator's (where does not match)
  const filtered: IndicatorInput[] = [
    ind({
      id: 'rectify',
      points: 10,
      measure: { type: 'deadline', recordTypes: ['task'], where: { kind: 'rectification' } },
      scoring: { method: 'deduct', perShortfall: 5 },
    }),
    ind({
      id: 'rectify-all',
      appliesTo: { organizations: ['committee'] },
      points: 10,
      measure: { type: 'deadline', recordTypes: ['task'], scope: 'subtree', where: { kind: 'rectification' } },
      scoring: { method: 'deduct', perShortfall: 5 },
    }),
  ];
  const tasks = [
    rec('u1', 'task', 'b1', '2022-05-01', { due: '2022-09-30', person: 'p-b1-tm', attributes: { kind: 'rectification' } }),
    rec('u2', 'task', 'b1', '2022-05-01', { due: '2022-09-30', person: 'p-b1-m', attributes: { kind: 'other' } }),
  ];

  it('the evidence and the direct person are the open tasks the line counted (`where`)', () => {
    // src/accountability/triggers.ts (deadline-open) lists every retained record of the measure's
    // types for the subject, ignoring the measure's `where` (and `requireAttributes`): u2, which
    // the line does not count, is listed and p-b1-m is proposed 直接责任.
    const result = run(ruleSet(filtered, { rules: [rule('overdue', { type: 'deadline-open', indicator: 'rectify' }, [{ to: 'direct' }])] }), tasks);
    expect(orgLine(result, 'b1', 'rectify').facts).toMatchObject({ open: 1 });
    expect(result.findings.map((f) => [f.id, f.trigger.recordIds])).toEqual([['overdue:o:b1>p:p-b1-tm', ['u1']]]);
  });

  it('a subtree deadline line names the open tasks below it', () => {
    // cm's line counts u1 (scope subtree), but the trigger keeps only records whose organization
    // is cm itself, so the finding on the committee cites no record.
    const result = run(ruleSet(filtered, { rules: [rule('overdue', { type: 'deadline-open', indicator: 'rectify-all' }, [{ to: 'team' }])] }), tasks);
    expect(orgLine(result, 'cm', 'rectify-all').facts).toMatchObject({ open: 1 });
    expect(result.findings.map((f) => [f.id, f.trigger.recordIds])).toEqual([['overdue:o:cm>o:cm', ['u1']]]);
  });
});

describe('incident', () => {
  // 'incident' records; `severity` is numeric unless noted:
  //   i1 b1, severity 4, names p-b1-m
  //   i2 b2, severity 2, level 5
  //   i3 b3, severity '5' (a text of digits, as a CSV column gives it)
  //   i4 b4, no severity
  //   i5 the person p-b2-m (no organization), severity 3
  const records = [
    rec('i1', 'incident', 'b1', '2022-03-01', { person: 'p-b1-m', attributes: { severity: 4 } }),
    rec('i2', 'incident', 'b2', '2022-03-02', { attributes: { severity: 2, level: 5 } }),
    rec('i3', 'incident', 'b3', '2022-03-03', { attributes: { severity: '5' } }),
    rec('i4', 'incident', 'b4', '2022-03-04'),
    prec('i5', 'incident', 'p-b2-m', '2022-03-05', { attributes: { severity: 3 } }),
  ];
  const reach: AccountabilityRuleInput['reach'] = [{ to: 'direct' }, { to: 'team' }];

  it('minSeverity: severity at or above the line (inclusive), a number or a text of digits; missing values do not count', () => {
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'], minSeverity: 3 }, reach)] }), records);
    // i1 (4 ≥ 3) → b1: direct p-b1-m, team b1; i3 ('5', read as 5 ≥ 3) → b3: no person on it, team
    // b3; i5 (3 ≥ 3) → the person p-b2-m: direct is the person, team is the body where they hold a
    // post (b2). Organizations' hits sort before people's.
    expect(ids(result)).toEqual(['inc:o:b1>p:p-b1-m', 'inc:o:b1>o:b1', 'inc:o:b3>o:b3', 'inc:p:p-b2-m>p:p-b2-m', 'inc:p:p-b2-m>o:b2']);
    expect(result.warnings.map((w) => w.code)).not.toContain('warning-incident-severity-not-number');
    expect(finding(result, 'inc:o:b1>p:p-b1-m').trigger.recordIds).toEqual(['i1']);
    const self = finding(result, 'inc:p:p-b2-m>p:p-b2-m');
    expect([self.liability, self.path]).toEqual(['direct', [{ distance: 0, organization: 'b2', kind: 'direct' }]]);
    expect(finding(result, 'inc:p:p-b2-m>o:b2').path).toEqual([{ distance: 0, organization: 'b2', kind: 'principal' }]);
  });

  it('without minSeverity: every record of the types', () => {
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }])] }), records);
    expect(ids(result)).toEqual(['inc:o:b1>o:b1', 'inc:o:b2>o:b2', 'inc:o:b3>o:b3', 'inc:o:b4>o:b4', 'inc:p:p-b2-m>o:b2']);
  });

  it('severityAttribute reads another attribute', () => {
    // only i2 has `level`, and 5 ≥ 3
    const result = run(
      ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'], minSeverity: 3, severityAttribute: 'level' }, [{ to: 'team' }])] }),
      records,
    );
    expect(ids(result)).toEqual(['inc:o:b2>o:b2']);
  });

  it('only approved records in the period count', () => {
    const more = [
      rec('j1', 'incident', 'b1', '2022-03-01', { status: 'pending', attributes: { severity: 9 } }),
      rec('j2', 'incident', 'b2', '2021-12-31', { attributes: { severity: 9 } }),
      rec('j3', 'incident', 'b3', '2022-04-01', { status: 'rejected', attributes: { severity: 9 } }),
    ];
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }])] }), more);
    expect(result.findings).toEqual([]);
  });

  it('a record naming a person who is not in the graph proposes no finding against that id', () => {
    // The engine leaves records naming unknown subjects out of scoring; the incident trigger keeps
    // the person named on the record as a 直接责任者 candidate without checking the graph.
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'direct' }, { to: 'team' }])] }), [
      rec('x1', 'incident', 'b1', '2022-03-01', { person: 'p-ghost' }),
    ]);
    const people = new Set(['p-sec', 'p-dep', 'p-tm', 'p-b1-sec', 'p-b1-tm', 'p-b1-m', 'p-g1-m', 'p-b2-sec', 'p-b2-m', 'p-gb-sec', 'p-gb-tm', 'p-b3-sec', 'p-b3-m', 'p-b4-sec']);
    const strangers = result.findings.filter((f) => f.subject.type === 'person' && !people.has(f.subject.id)).map((f) => f.id);
    expect(strangers).toEqual([]);
  });
});

describe('verdict', () => {
  // Branch secretaries: 'visits' every quarter, 100 points, 25 off per missed quarter, from a
  // source declared complete (so no records is zero, not unknown). Visits:
  //   p-b1-sec 4 → 100, fulfilled;  p-b2-sec 0 → derelict (no activity at all);
  //   p-b3-sec 1 → 25 < 60, incompetent;  p-b4-sec 3 → 75, fulfilled.
  const indicators: IndicatorInput[] = [
    ind({
      id: 'visits',
      responsibility: 'first',
      appliesTo: { posts: ['secretary'], in: ['branch'] },
      points: 100,
      measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' },
      scoring: { method: 'deduct', perShortfall: 25 },
    }),
  ];
  const sources = [{ id: 'platform', complete: true, recordTypes: ['visit'] }];
  const visits = (person: string, quarters: number[]): RecordInput[] =>
    quarters.map((q) => prec(`v-${person}-${q}`, 'visit', person, `2022-${String(q * 3 - 1).padStart(2, '0')}-15`));
  const records = [...visits('p-b1-sec', [1, 2, 3, 4]), ...visits('p-b3-sec', [2]), ...visits('p-b4-sec', [1, 2, 3])];
  const rules: AccountabilityRuleInput[] = [
    rule('derelict', { type: 'verdict', verdicts: ['derelict'] }, [{ to: 'self' }]),
    rule('incompetent', { type: 'verdict', verdicts: ['incompetent'] }, [{ to: 'self' }]),
    rule('either', { type: 'verdict', verdicts: ['derelict', 'incompetent'] }, [{ to: 'self' }]),
  ];
  const result = run(ruleSet(indicators, { rules }, { sources }), records);

  it('verdicts as worked out above', () => {
    expect(result.people.map((p) => [p.id, p.total, p.verdict])).toEqual([
      ['p-b1-sec', 100, 'fulfilled'],
      ['p-b2-sec', 0, 'derelict'],
      ['p-b3-sec', 25, 'incompetent'],
      ['p-b4-sec', 75, 'fulfilled'],
    ]);
  });

  it('derelict and incompetent fire on their own verdicts; a list fires on any of them', () => {
    expect(ids(result)).toEqual([
      'derelict:p:p-b2-sec>p:p-b2-sec',
      'incompetent:p:p-b3-sec>p:p-b3-sec',
      'either:p:p-b2-sec>p:p-b2-sec',
      'either:p:p-b3-sec>p:p-b3-sec',
    ]);
    expect(finding(result, 'derelict:p:p-b2-sec>p:p-b2-sec').trigger).toEqual({
      type: 'verdict',
      subject: { type: 'person', id: 'p-b2-sec', name: '吴书记' },
      indicators: [],
      recordIds: [],
    });
  });
});

describe('repeat', () => {
  // The verdict sheet again, per year. 2021: p-b2-sec has no visit (derelict), the others visit
  // every quarter. 2022: p-b2-sec again none, and p-b4-sec none for the first time.
  const indicator = ind({
    id: 'visits',
    appliesTo: { posts: ['secretary'], in: ['branch'] },
    points: 100,
    measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' },
    scoring: { method: 'deduct', perShortfall: 25 },
  });
  const sources = [{ id: 'platform', complete: true, recordTypes: ['visit'] }];
  const visits = (year: number, people: string[]): RecordInput[] =>
    people.flatMap((p) => [1, 2, 3, 4].map((q) => prec(`v-${year}-${p}-${q}`, 'visit', p, `${year}-${String(q * 3 - 1).padStart(2, '0')}-15`)));
  const rules: AccountabilityRuleInput[] = [
    rule('derelict', { type: 'verdict', verdicts: ['derelict'] }, [{ to: 'self', form: { person: 'criticism' } }]),
    rule('derelict-again', { type: 'repeat', rule: 'derelict' }, [{ to: 'self', form: { person: 'admonishment' } }]),
  ];
  const sheet = (year: number, list = rules) => ruleSet([indicator], { rules: list }, { sources }, year);
  const y2021 = run(sheet(2021), visits(2021, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']));
  const records2022 = visits(2022, ['p-b1-sec', 'p-b3-sec']);

  it('2021: only p-b2-sec is derelict, and nothing repeats without a previous result', () => {
    expect(ids(y2021)).toEqual(['derelict:p:p-b2-sec>p:p-b2-sec']);
  });

  it('without `previous`, a repeat rule proposes nothing', () => {
    expect(ids(run(sheet(2022), records2022))).toEqual(['derelict:p:p-b2-sec>p:p-b2-sec', 'derelict:p:p-b4-sec>p:p-b4-sec']);
  });

  it('with `previous`: fires for a subject of the named rule in both periods, not for a new one', () => {
    const result = run(sheet(2022), records2022, { previous: y2021 });
    expect(ids(result)).toEqual(['derelict:p:p-b2-sec>p:p-b2-sec', 'derelict:p:p-b4-sec>p:p-b4-sec', 'derelict-again:p:p-b2-sec>p:p-b2-sec']);
    const again = finding(result, 'derelict-again:p:p-b2-sec>p:p-b2-sec');
    expect(again.trigger.type).toBe('repeat');
    // derelict-again had no finding in 2021, so its own form is not moved
    expect([again.form.id, again.circumstances]).toEqual(['admonishment', []]);
    // the derelict finding itself repeats: one step heavier (criticism → written-inspection)
    const repeated = finding(result, 'derelict:p:p-b2-sec>p:p-b2-sec');
    expect([repeated.baseForm.id, repeated.form.id]).toEqual(['criticism', 'written-inspection']);
    expect(repeated.circumstances).toEqual([{ kind: 'repeat', step: 1, recordIds: [], clamped: false }]);
    expect(finding(result, 'derelict:p:p-b4-sec>p:p-b4-sec').circumstances).toEqual([]);
  });

  it('a previous finding of the named rule on another subject does not fire', () => {
    // 2022 where only p-b4-sec is derelict: 2021 flagged p-b2-sec
    const result = run(sheet(2022), visits(2022, ['p-b1-sec', 'p-b2-sec', 'p-b3-sec']), { previous: y2021 });
    expect(ids(result)).toEqual(['derelict:p:p-b4-sec>p:p-b4-sec']);
  });

  it('a repeat of a repeat rule listed after it: three periods running', () => {
    const three: AccountabilityRuleInput[] = [...rules, rule('derelict-3', { type: 'repeat', rule: 'derelict-again' }, [{ to: 'self' }])];
    const first = run(sheet(2021, three), visits(2021, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']));
    const second = run(sheet(2022, three), visits(2022, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']), { previous: first });
    const third = run(sheet(2023, three), visits(2023, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']), { previous: second });
    expect(ids(third)).toEqual(['derelict:p:p-b2-sec>p:p-b2-sec', 'derelict-again:p:p-b2-sec>p:p-b2-sec', 'derelict-3:p:p-b2-sec>p:p-b2-sec']);
  });

  it('a repeat of a repeat rule fires whatever the order the rules are listed in', () => {
    // src/accountability/propose.ts evaluates repeat rules last but in sheet order among
    // themselves, so derelict-3 (listed before derelict-again) reads no hits of derelict-again.
    // Three periods running: derelict-3 repeats derelict-again, listed before it.
    const three: AccountabilityRuleInput[] = [rules[0] as AccountabilityRuleInput, rule('derelict-3', { type: 'repeat', rule: 'derelict-again' }, [{ to: 'self' }]), rules[1] as AccountabilityRuleInput];
    const first = run(sheet(2021, three), visits(2021, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']));
    const second = run(sheet(2022, three), visits(2022, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']), { previous: first });
    expect(ids(second)).toContain('derelict-again:p:p-b2-sec>p:p-b2-sec');
    const third = run(sheet(2023, three), visits(2023, ['p-b1-sec', 'p-b3-sec', 'p-b4-sec']), { previous: second });
    // derelict (3rd year), derelict-3 (derelict-again last year and this), derelict-again (derelict last year and this)
    expect(ids(third)).toEqual(['derelict:p:p-b2-sec>p:p-b2-sec', 'derelict-3:p:p-b2-sec>p:p-b2-sec', 'derelict-again:p:p-b2-sec>p:p-b2-sec']);
  });
});

describe('formalism', () => {
  // 'history-study' records: h1 b1 formalism true; h2 b2 formalism false; h3 b3 perfunctory true;
  // h4 b4 formalism 'true' (a string, not the boolean).
  const records = [
    rec('h1', 'history-study', 'b1', '2022-03-10', { attributes: { formalism: true } }),
    rec('h2', 'history-study', 'b2', '2022-03-10', { attributes: { formalism: false } }),
    rec('h3', 'history-study', 'b3', '2022-03-10', { attributes: { perfunctory: true } }),
    rec('h4', 'history-study', 'b4', '2022-03-10', { attributes: { formalism: 'true' } }),
  ];

  it('fires on records whose `formalism` attribute is true, reaching the secretary', () => {
    const result = run(ruleSet([PLACEHOLDER], { rules: [rule('formalism', { type: 'formalism', recordTypes: ['history-study'] }, [{ to: 'secretary' }])] }), records);
    expect(ids(result)).toEqual(['formalism:o:b1>p:p-b1-sec']);
    expect(finding(result, 'formalism:o:b1>p:p-b1-sec').trigger.recordIds).toEqual(['h1']);
  });

  it('a custom attribute', () => {
    const result = run(
      ruleSet([PLACEHOLDER], { rules: [rule('formalism', { type: 'formalism', recordTypes: ['history-study'], attribute: 'perfunctory' }, [{ to: 'team' }])] }),
      records,
    );
    expect(ids(result)).toEqual(['formalism:o:b3>o:b3']);
  });
});
