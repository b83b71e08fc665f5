// Behaviour of src/accountability that the mutation run (npm run mutate:accountability, see
// TESTING.md) left Survived or NoCoverage. Each expectation is worked out by hand from the inputs
// beside it; the small graph is the one drawn in tests/accountability/helpers.ts, the bureau
// example's findings are derived in tests/accountability/bureau.test.ts.
//
// Every scenario is run inside its `it`, not in a describe body: Stryker switches a mutant on in
// a beforeAll hook, after the describe bodies have run, and counts coverage per test, so a result
// computed at collection time cannot kill a mutant however closely it is checked.
import { describe, expect, it } from 'vitest';
import { applyDecisions, safeParseRuleSet, type AssessmentResult, type Decision, type GraphInput, type RecordInput } from '../../src/index.js';
import {
  PLACEHOLDER,
  assessBureau,
  codesAndPaths,
  finding,
  fourGrades,
  graphInput,
  ids,
  ind,
  manualIndicator,
  manualScore,
  prec,
  rec,
  rule,
  ruleSet,
  run,
  thrown,
  type AccountabilityInput,
  type AccountabilityRuleInput,
  type IndicatorInput,
} from '../accountability/helpers.js';

/** An incident rule: records of `type` set it off, reaching along `reach`. */
const incidentRule = (id: string, type: string, reach: AccountabilityRuleInput['reach'], extra: Partial<AccountabilityRuleInput> = {}): AccountabilityRuleInput =>
  rule(id, { type: 'incident', recordTypes: [type] }, reach, extra);

/** A deadline indicator on branches, over records of `type`. */
const deadline = (id: string, type: string): IndicatorInput =>
  ind({ id, points: 10, measure: { type: 'deadline', recordTypes: [type] }, scoring: { method: 'deduct', perShortfall: 5 } });

/** The small graph plus some people and posts. */
function graphWith(people: GraphInput['people'], posts: GraphInput['posts'] = []): GraphInput {
  const g = graphInput();
  return { ...g, people: [...g.people, ...people], posts: [...g.posts, ...posts] };
}

// The verdict sheet of tests/accountability/triggers.test.ts ('repeat'): branch secretaries visit
// every quarter from a source declared complete; p-b2-sec never visits, so every year he alone is
// derelict (total 0), and the others visit all four quarters (100).
const visitsIndicator = ind({
  id: 'visits',
  appliesTo: { posts: ['secretary'], in: ['branch'] },
  points: 100,
  measure: { type: 'cadence', recordTypes: ['visit'], every: 'quarter' },
  scoring: { method: 'deduct', perShortfall: 25 },
});
const visitSources = [{ id: 'platform', complete: true, recordTypes: ['visit'] }];
const visitsOf = (year: number): RecordInput[] =>
  ['p-b1-sec', 'p-b3-sec', 'p-b4-sec'].flatMap((p) => [1, 2, 3, 4].map((q) => prec(`v-${year}-${p}-${q}`, 'visit', p, `${year}-${String(q * 3 - 1).padStart(2, '0')}-15`)));
/** Assesses `year` on the verdict sheet with these rules, after `previous`. */
const verdictYear = (year: number, rules: AccountabilityRuleInput[], previous?: AssessmentResult): AssessmentResult =>
  run(ruleSet([visitsIndicator], { rules }, { sources: visitSources }, year), visitsOf(year), previous ? { previous } : {});

describe('triggers.ts', () => {
  it('record hits come in subject order (organizations by id, then people), whatever the record ids; unknown organizations set nothing off', () => {
    // Retained records are read in id order: a0 (the person p-b1-m), a1 (b2), a2 and a4 (b1),
    // a3 (b9, not in the graph). Sorted by subject, the hits are b1, b2, then p-b1-m; b9 is left out.
    const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('inc', 'incident', [{ to: 'self' }])] }), [
      prec('a0', 'incident', 'p-b1-m', '2022-03-01'),
      rec('a1', 'incident', 'b2', '2022-03-01'),
      rec('a2', 'incident', 'b1', '2022-03-01'),
      rec('a3', 'incident', 'b9', '2022-03-01'),
      rec('a4', 'incident', 'b1', '2022-03-02'),
    ]);
    expect(ids(result)).toEqual(['inc:o:b1>o:b1', 'inc:o:b2>o:b2', 'inc:p:p-b1-m>p:p-b1-m']);
    const b1 = finding(result, 'inc:o:b1>o:b1');
    expect(b1.trigger.recordIds).toEqual(['a2', 'a4']);
    // the records are listed with the list separator: 「、」 in Chinese
    expect(b1.explanation).toContain('【inc】第一支部：发生问题事件（记录 a2、a4）');
  });

  it('the people on a hit\'s records are in id order, so are the direct findings (records name p-b1-tm before p-b1-m)', () => {
    // i1 names p-b1-tm, i2 names p-b1-m; 'p-b1-m' < 'p-b1-tm'.
    const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('inc', 'incident', [{ to: 'direct' }])] }), [
      rec('i1', 'incident', 'b1', '2022-03-01', { person: 'p-b1-tm' }),
      rec('i2', 'incident', 'b1', '2022-03-02', { person: 'p-b1-m' }),
    ]);
    expect(ids(result)).toEqual(['inc:o:b1>p:p-b1-m', 'inc:o:b1>p:p-b1-tm']);
  });

  it('veto: the records of several vetoing lines in id order, with the people on them; the list joined with 「、」', () => {
    // Two veto indicators on branches, in this order: v-a (case-a) fired by c2 naming p-b1-tm,
    // v-b (case-b) fired by c1 naming p-b1-m. The lines give [c2] then [c1]; the hit lists c1, c2.
    const indicators = [ind({ id: 'v-a', veto: { recordTypes: ['case-a'] } }), ind({ id: 'v-b', veto: { recordTypes: ['case-b'] } })];
    const result = run(ruleSet(indicators, { rules: [rule('veto', { type: 'veto' }, [{ to: 'direct' }])] }), [
      rec('c2', 'case-a', 'b1', '2022-05-10', { person: 'p-b1-tm' }),
      rec('c1', 'case-b', 'b1', '2022-05-11', { person: 'p-b1-m' }),
    ]);
    expect(ids(result)).toEqual(['veto:o:b1>p:p-b1-m', 'veto:o:b1>p:p-b1-tm']);
    const f = finding(result, 'veto:o:b1>p:p-b1-m');
    expect([f.trigger.indicators, f.trigger.recordIds]).toEqual([
      ['v-a', 'v-b'],
      ['c1', 'c2'],
    ]);
    expect(f.explanation).toContain('【veto】第一支部：触发一票否决（记录 c1、c2）');
  });

  it('veto: a person on the record who is not in the graph is nobody\'s direct finding', () => {
    // c1 at b1 names p-ghost: b1 is still vetoed (the record counts where the rest of it is known).
    const indicators = [ind({ id: 'discipline', veto: { recordTypes: ['case'] } })];
    const result = run(ruleSet(indicators, { rules: [rule('veto', { type: 'veto' }, [{ to: 'direct' }, { to: 'team' }])] }), [
      rec('c1', 'case', 'b1', '2022-05-10', { person: 'p-ghost' }),
    ]);
    expect(result.organizations.filter((o) => o.vetoes.length > 0).map((o) => o.id)).toEqual(['b1']);
    expect(ids(result)).toEqual(['veto:o:b1>o:b1']);
  });

  it('lowest-grade: only the subject at the bottom of its ladder; a subject with no grade is skipped', () => {
    // Manual scores are the totals. Branches are graded 好 90 / 较好 80 / 一般 60 / 差 0:
    //   b1 50 差 (the lowest of 4), b2 95 好, b3 85 较好, b4 60 一般.
    // gb is scored (70) but no ladder applies to general branches: grade null.
    const indicators = [manualIndicator('review', { organizations: ['branch', 'general-branch'] })];
    const ladders = [{ id: 'org', title: '党组织等次', appliesTo: { organizations: ['branch' as const] }, grades: fourGrades() }];
    const scores = { b1: 50, b2: 95, gb: 70, b3: 85, b4: 60 };
    const records = Object.entries(scores).map(([org, score]) => manualScore(`s-${org}`, { organization: org }, 'review', score));
    const result = run(ruleSet(indicators, { rules: [rule('low', { type: 'lowest-grade' }, [{ to: 'self' }])] }, { ladders }), records);
    expect(result.organizations.find((o) => o.id === 'gb')?.grade).toBeNull();
    expect(ids(result)).toEqual(['low:o:b1>o:b1']);
    const f = finding(result, 'low:o:b1>o:b1');
    expect(f.trigger).toEqual({ type: 'lowest-grade', subject: { type: 'organization', id: 'b1', name: '第一支部' }, indicators: [], recordIds: [] });
    expect(f.explanation).toContain('【low】第一支部：考核等次为最低等次「差」（总分50）');
  });

  it('shortfall: the reason names the line and how many are missing', () => {
    // 'meetings' at least 4: b1 has 1 → 3 short; b2..b4 have 4.
    const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } })];
    const records = [
      rec('m-b1', 'meeting', 'b1', '2022-03-15'),
      ...['b2', 'b3', 'b4'].flatMap((org) => [1, 2, 3, 4].map((i) => rec(`m-${org}-${i}`, 'meeting', org, `2022-0${i}-15`))),
    ];
    const result = run(ruleSet(indicators, { rules: [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }])] }), records);
    expect(ids(result)).toEqual(['short:o:b1>o:b1']);
    expect(finding(result, 'short:o:b1>o:b1').explanation).toContain('【short】第一支部：「meetings」缺3次（');
  });

  it('deadline-open over several lines: open tasks of all of them in id order, the titles joined with 「、」', () => {
    // Two deadline lines on branches: rect-a (task-a) and rect-b (task-b). At year end both tasks
    // at b1 are overdue and open: t2 (rect-a, names p-b1-tm) and t1 (rect-b, names p-b1-m).
    // The placeholder's veto line carries no facts and is skipped.
    const indicators = [PLACEHOLDER, deadline('rect-a', 'task-a'), deadline('rect-b', 'task-b')];
    const result = run(ruleSet(indicators, { rules: [rule('overdue', { type: 'deadline-open' }, [{ to: 'direct' }])] }), [
      rec('t2', 'task-a', 'b1', '2022-05-10', { due: '2022-09-30', person: 'p-b1-tm' }),
      rec('t1', 'task-b', 'b1', '2022-05-10', { due: '2022-09-30', person: 'p-b1-m' }),
    ]);
    expect(ids(result)).toEqual(['overdue:o:b1>p:p-b1-m', 'overdue:o:b1>p:p-b1-tm']);
    const f = finding(result, 'overdue:o:b1>p:p-b1-m');
    expect([f.trigger.indicators, f.trigger.recordIds]).toEqual([
      ['rect-a', 'rect-b'],
      ['t1', 't2'],
    ]);
    expect(f.explanation).toContain('【overdue】第一支部：2项任务逾期未完成（rect-a、rect-b）');
  });

  it('repeat: the reason names the repeated rule and gives its own reason', () => {
    const rules = [rule('derelict', { type: 'verdict', verdicts: ['derelict'] }, [{ to: 'self' }]), rule('again', { type: 'repeat', rule: 'derelict' }, [{ to: 'self' }])];
    const result = verdictYear(2022, rules, verdictYear(2021, rules));
    expect(ids(result)).toEqual(['derelict:p:p-b2-sec>p:p-b2-sec', 'again:p:p-b2-sec>p:p-b2-sec']);
    expect(finding(result, 'again:p:p-b2-sec>p:p-b2-sec').explanation).toContain('【again】吴书记：连续两期触发「derelict」：评定为「失职」（总分0）');
  });
});

describe('propose.ts', () => {
  describe('one capacity per person and rule (strongestReach)', () => {
    it('a full tie (same liability, same basis): the first reach step\'s form is kept', () => {
      // `team` and `self` both reach b1 as a body, 全面领导责任 (主体责任).
      const reach: AccountabilityRuleInput['reach'] = [
        { to: 'team', form: { organization: 'circulation' } },
        { to: 'self', form: { organization: 'reorganization' } },
      ];
      const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('r', 'incident', reach)] }), [rec('i1', 'incident', 'b1', '2022-03-01')]);
      expect(result.findings.map((f) => [f.id, f.basis, f.form.id])).toEqual([['r:o:b1>o:b1', 'principal', 'circulation']]);
    });

    // p-dep (deputy secretary of cm, liaison leader of b1) also sits on b1's team here: on b1 he is
    // reached both as a team member (重要领导责任, 主体责任) and as liaison (重要领导责任, 包抓包联).
    // Same liability: 主体责任 ranks above 包抓包联, whichever step comes first.
    const graph = graphWith([], [{ person: 'p-dep', organization: 'b1', role: 'team-member' }]);
    const capacities = (reach: AccountabilityRuleInput['reach']) =>
      run(ruleSet([PLACEHOLDER], { rules: [incidentRule('r', 'incident', reach)] }), [rec('i1', 'incident', 'b1', '2022-03-01')], { graph }).findings.map((f) => [
        f.id,
        f.liability,
        f.basis,
        f.form.id,
      ]);
    const liaison = { to: 'liaison' as const, form: { person: 'criticism' } };
    const members = { to: 'team-members' as const, form: { person: 'admonishment' } };

    it('liaison first, then team members: the stronger basis later replaces the weaker one', () => {
      // first reach order: p-dep (liaison), then the team members but the secretary: p-b1-tm, p-dep
      expect(capacities([liaison, members])).toEqual([
        ['r:o:b1>p:p-dep', 'important-leadership', 'principal', 'admonishment'],
        ['r:o:b1>p:p-b1-tm', 'important-leadership', 'principal', 'admonishment'],
      ]);
    });

    it('team members first, then liaison: the weaker basis later does not replace the stronger one', () => {
      expect(capacities([members, liaison])).toEqual([
        ['r:o:b1>p:p-b1-tm', 'important-leadership', 'principal', 'admonishment'],
        ['r:o:b1>p:p-dep', 'important-leadership', 'principal', 'admonishment'],
      ]);
    });
  });

  describe('circumstances', () => {
    const reachPerson = (form: string): AccountabilityRuleInput['reach'] => [{ to: 'direct', form: { person: form } }];
    const RULES = [incidentRule('top', 'inc-top', reachPerson('disciplinary-sanction')), incidentRule('mid', 'inc-mid', reachPerson('written-inspection'))];

    it('at the top, the cut sum marks as clamped only the heavier move it cut, not the lighter one; the reasons say which way each moved', () => {
      // p-b1-m: 纪律处分 (6th of 6) again after 2021, with an aggravating and a mitigating record:
      // 5 + 1 + 1 − 1 = 6 > 5, cut to 5 (纪律处分). The cut is one step upwards: the last heavier
      // move (aggravating) is clamped; repeat and mitigating cancel, neither clamped.
      // p-b2-m: 责令书面检查 (2nd) + aggravating → 通报批评, not clamped.
      const previous = run(ruleSet([PLACEHOLDER], { rules: RULES }, {}, 2021), [rec('old', 'inc-top', 'b1', '2021-03-01', { person: 'p-b1-m' })]);
      const result = run(
        ruleSet([PLACEHOLDER], { rules: RULES }),
        [
          rec('i1', 'inc-top', 'b1', '2022-03-01', { person: 'p-b1-m' }),
          rec('i2', 'inc-mid', 'b2', '2022-03-01', { person: 'p-b2-m' }),
          prec('g1', 'aggravating-circumstance', 'p-b1-m', '2022-10-01'),
          prec('m1', 'prompt-remedy', 'p-b1-m', '2022-10-02'),
          prec('g2', 'aggravating-circumstance', 'p-b2-m', '2022-10-01'),
        ],
        { previous },
      );
      const top = finding(result, 'top:o:b1>p:p-b1-m');
      expect([top.form.id, top.circumstances]).toEqual([
        'disciplinary-sanction',
        [
          { kind: 'repeat', step: 1, recordIds: [], clamped: false },
          { kind: 'aggravating', step: 1, recordIds: ['g1'], clamped: true },
          { kind: 'mitigating', step: -1, recordIds: ['m1'], clamped: false },
        ],
      ]);
      expect(top.explanation).toContain('上期已有同类问题，加重一档；有加重问责情节，本应加重一档，已是梯度最重一档；有减轻问责情节，减轻一档');
      const mid = finding(result, 'mid:o:b2>p:p-b2-m');
      expect([mid.form.id, mid.circumstances]).toEqual(['circulated-criticism', [{ kind: 'aggravating', step: 1, recordIds: ['g2'], clamped: false }]]);
      expect(mid.explanation).toContain('有加重问责情节，加重一档');
    });

    it('a record naming a person is the person\'s circumstance, not the body\'s, even with an organization on it', () => {
      // m names b3 and p-b3-m: p-b3-m's 责令书面检查 moves to 批评教育; b3's 通报 stays.
      const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('mid', 'inc-mid', [{ to: 'direct', form: { person: 'written-inspection' } }, { to: 'team', form: { organization: 'circulation' } }])] }), [
        rec('i', 'inc-mid', 'b3', '2022-03-01', { person: 'p-b3-m' }),
        rec('m', 'prompt-remedy', 'b3', '2022-11-01', { person: 'p-b3-m' }),
      ]);
      expect(result.findings.map((f) => [f.id, f.form.id, f.circumstances])).toEqual([
        ['mid:o:b3>p:p-b3-m', 'criticism', [{ kind: 'mitigating', step: -1, recordIds: ['m'], clamped: false }]],
        ['mid:o:b3>o:b3', 'circulation', []],
      ]);
    });

    it('a circumstance whose `rule` attribute is null counts for every rule, like one without it', () => {
      const result = run(ruleSet([PLACEHOLDER], { rules: RULES }), [
        rec('i2', 'inc-mid', 'b2', '2022-03-01', { person: 'p-b2-m' }),
        prec('g', 'aggravating-circumstance', 'p-b2-m', '2022-10-01', { attributes: { rule: null } }),
      ]);
      expect(finding(result, 'mid:o:b2>p:p-b2-m').form.id).toBe('circulated-criticism');
    });

    it('waiver grounds are for people: a waiver record naming only an organization attaches to nothing', () => {
      const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('inc', 'incident', [{ to: 'team' }])] }), [
        rec('i1', 'incident', 'b1', '2022-03-01'),
        rec('w', 'accountability-waiver', 'b1', '2022-06-01', { attributes: { reason: 'force-majeure' } }),
      ]);
      expect(ids(result)).toEqual(['inc:o:b1>o:b1']);
      expect('waiver' in finding(result, 'inc:o:b1>o:b1')).toBe(false);
    });
  });

  it('English: the rule\'s English title where it has one, else its title, in ruleTitle and in the explanation', () => {
    const rules = [incidentRule('with-en', 'inc-a', [{ to: 'team' }], { title: '甲规则', titleEn: 'Rule A' }), incidentRule('zh-only', 'inc-b', [{ to: 'team' }], { title: '乙规则' })];
    const result = run(ruleSet([PLACEHOLDER], { rules }), [rec('i1', 'inc-a', 'b1', '2022-03-01'), rec('i2', 'inc-b', 'b2', '2022-03-01')], { lang: 'en' });
    const a = finding(result, 'with-en:o:b1>o:b1');
    const b = finding(result, 'zh-only:o:b2>o:b2');
    expect([a.ruleTitle, b.ruleTitle]).toEqual(['Rule A', '乙规则']);
    expect(a.explanation.startsWith('[Rule A] 第一支部: incident (records i1); ')).toBe(true);
    expect(b.explanation.startsWith('[乙规则] 第二支部: incident (records i2); ')).toBe(true);
  });

  describe('the order rules are evaluated in', () => {
    it('a chain of repeats listed backwards (c repeats b, b repeats a, a listed last) still fires in the third period', () => {
      // a: derelict (p-b2-sec every year). 2021: a. 2022: a, and b (a in 2021 and 2022).
      // 2023: a, b, and c (b in 2022 and 2023). Findings follow the sheet order c, b, a.
      const rules = [
        rule('c', { type: 'repeat', rule: 'b' }, [{ to: 'self' }]),
        rule('b', { type: 'repeat', rule: 'a' }, [{ to: 'self' }]),
        rule('a', { type: 'verdict', verdicts: ['derelict'] }, [{ to: 'self' }]),
      ];
      const first = verdictYear(2021, rules);
      const second = verdictYear(2022, rules, first);
      const third = verdictYear(2023, rules, second);
      expect(ids(first)).toEqual(['a:p:p-b2-sec>p:p-b2-sec']);
      expect(ids(second)).toEqual(['b:p:p-b2-sec>p:p-b2-sec', 'a:p:p-b2-sec>p:p-b2-sec']);
      expect(ids(third)).toEqual(['c:p:p-b2-sec>p:p-b2-sec', 'b:p:p-b2-sec>p:p-b2-sec', 'a:p:p-b2-sec>p:p-b2-sec']);
    });

    it('repeat rules naming each other in a ring are refused when the rule set is parsed, each ring once', () => {
      const sheet = ruleSet([PLACEHOLDER], {
        rules: [
          incidentRule('inc', 'incident', [{ to: 'team' }]),
          // w repeats x, which is in the ring x → y → z → x: w is not part of the ring
          rule('w', { type: 'repeat', rule: 'x' }, [{ to: 'team' }]),
          rule('x', { type: 'repeat', rule: 'y' }, [{ to: 'team' }]),
          rule('y', { type: 'repeat', rule: 'z' }, [{ to: 'team' }]),
          rule('z', { type: 'repeat', rule: 'x' }, [{ to: 'team' }]),
          rule('p', { type: 'repeat', rule: 'q' }, [{ to: 'team' }]),
          rule('q', { type: 'repeat', rule: 'p' }, [{ to: 'team' }]),
        ],
      });
      const parsed = safeParseRuleSet(sheet, { lang: 'en' });
      expect(parsed.success).toBe(false);
      const issues = parsed.success ? [] : parsed.error.issues;
      expect(issues.map((i) => [i.code, i.path, i.params['cycle']])).toEqual([
        ['repeat-cycle', ['accountability', 'rules', 2, 'trigger', 'rule'], 'x → y → z → x'],
        ['repeat-cycle', ['accountability', 'rules', 5, 'trigger', 'rule'], 'p → q → p'],
      ]);
      expect(issues[1]?.message).toBe('accountability repeat triggers form a cycle: p → q → p');
    });
  });

  describe('eligibility', () => {
    it('the lightest form as the line: everyone with a person finding is barred', () => {
      const result = run(ruleSet([PLACEHOLDER], { ineligibleFrom: 'criticism', rules: [incidentRule('inc', 'incident', [{ to: 'direct' }])] }), [
        rec('i1', 'incident', 'b1', '2022-03-01', { person: 'p-b1-m' }),
      ]);
      expect(result.ineligibleFrom).toEqual({ id: 'criticism', title: '批评教育', severity: 1 });
      expect(result.eligibility).toEqual([
        {
          person: 'p-b1-m',
          name: '孙党员',
          eligible: false,
          findings: ['inc:o:b1>p:p-b1-m'],
          holdsTopGrade: false,
          reason: '本期拟给予批评教育（批评教育及以上），不得评为最高等次、不得参加评优评先',
        },
      ]);
    });

    // Line 通报批评 (3). At b1: rule adm proposes p-b1-m 诫勉 (4) and b1 改组 (3, as heavy as the
    // line, but a body); rule dis proposes p-b1-m 纪律处分 (6).
    const section: AccountabilityInput = {
      ineligibleFrom: 'circulated-criticism',
      rules: [
        incidentRule('adm', 'inc-adm', [{ to: 'direct', form: { person: 'admonishment' } }, { to: 'team', form: { organization: 'reorganization' } }]),
        incidentRule('dis', 'inc-dis', [{ to: 'direct', form: { person: 'disciplinary-sanction' } }]),
      ],
    };
    const records = [rec('i1', 'inc-adm', 'b1', '2022-03-01', { person: 'p-b1-m' }), rec('i2', 'inc-dis', 'b1', '2022-03-01', { person: 'p-b1-m' })];

    it('people only, each form named once in the reason, joined with 「、」', () => {
      const result = run(ruleSet([PLACEHOLDER], section), records);
      expect(finding(result, 'adm:o:b1>o:b1').form).toEqual({ id: 'reorganization', title: '改组', severity: 3 });
      expect(result.eligibility.map((e) => [e.person, e.findings, e.reason])).toEqual([
        ['p-b1-m', ['adm:o:b1>p:p-b1-m', 'dis:o:b1>p:p-b1-m'], '本期拟给予诫勉、纪律处分（通报批评及以上），不得评为最高等次、不得参加评优评先'],
      ]);
    });

    it('a waived finding no longer counts; the other still does', () => {
      const result = run(ruleSet([PLACEHOLDER], section), records);
      const decided = applyDecisions(result, [{ finding: 'dis:o:b1>p:p-b1-m', action: 'waive', by: '局党委', at: '2023-01-20', reason: '另案处理' }]);
      expect(decided.eligibility.map((e) => [e.person, e.findings])).toEqual([['p-b1-m', ['adm:o:b1>p:p-b1-m']]]);
    });
  });
});

describe('decisions.ts', () => {
  const by = '局党委';
  const at = '2023-01-20';

  describe('the ladder a change is read on', () => {
    // The small graph with a custom organization ladder: 约谈 (1), 改组 (2). Rule inc reaches b1 as a body.
    const forms: AccountabilityInput['forms'] = { organization: [{ id: 'review', title: '约谈' }, { id: 'reorg', title: '改组', titleEn: 'reorganization' }] };
    const proposed = () => run(ruleSet([PLACEHOLDER], { forms, rules: [incidentRule('inc', 'incident', [{ to: 'team' }])] }), [rec('i1', 'incident', 'b1', '2022-03-01')]);
    const change = (form: string): Decision => ({ finding: 'inc:o:b1>o:b1', action: 'change', form, by, at, reason: 'r' });

    it('the organization ladder the result was proposed on', () => {
      const result = proposed();
      expect(result.forms?.organization.map((f) => f.id)).toEqual(['review', 'reorg']);
      expect(finding(applyDecisions(result, [change('reorg')]), 'inc:o:b1>o:b1').form).toEqual({ id: 'reorg', title: '改组', severity: 2 });
    });

    it('an organization ladder given in the options wins over the result\'s', () => {
      // The given ladder must hold the finding's form (约谈); 谈话 is only on it, 3rd.
      const out = applyDecisions(proposed(), [change('talk')], { forms: { organization: [{ id: 'warn', title: '提醒' }, { id: 'review', title: '约谈' }, { id: 'talk', title: '谈话' }] } });
      expect(finding(out, 'inc:o:b1>o:b1').form).toEqual({ id: 'talk', title: '谈话', severity: 3 });
    });

    it('a result without ladders is decided on the default ones', () => {
      // BODY (organization) → 改组, 3rd of 检查/通报/改组; LI_HUA (person) → 诫勉, 4th of the person ladder.
      const base = { ...assessBureau(), forms: null };
      const out = applyDecisions(base, [
        { finding: 'serious-case:o:br-center-2>o:br-center-2', action: 'change', form: 'reorganization', by, at, reason: 'r' },
        { finding: 'serious-case:o:br-center-2>p:p-li-hua', action: 'change', form: 'admonishment', by, at, reason: 'r' },
      ]);
      expect(finding(out, 'serious-case:o:br-center-2>o:br-center-2').form).toEqual({ id: 'reorganization', title: '改组', severity: 3 });
      expect(finding(out, 'serious-case:o:br-center-2>p:p-li-hua').form).toEqual({ id: 'admonishment', title: '诫勉', severity: 4 });
    });

    it('in English, a form without an English title keeps its title', () => {
      const out = applyDecisions(proposed(), [change('review')], { lang: 'en' });
      expect(finding(out, 'inc:o:b1>o:b1').form).toEqual({ id: 'review', title: '约谈', severity: 1 });
    });
  });

  it('a decision without a reason carries no reason key', () => {
    const base = assessBureau();
    const out = applyDecisions(base, [{ finding: 'derelict:p:p-xu-tao>p:p-xu-tao', action: 'confirm', by, at }]);
    expect(Object.keys(finding(out, 'derelict:p:p-xu-tao>p:p-xu-tao').decision ?? {})).toEqual(['action', 'by', 'at']);
  });

  it('with no eligibility line in force, decisions leave eligibility empty', () => {
    // A person ladder without 诫勉 and no ineligibleFrom: no line (ineligibleFrom null).
    const rules = ruleSet([PLACEHOLDER], {
      forms: { person: [{ id: 'talk', title: '谈话' }, { id: 'sanction', title: '处分' }] },
      rules: [incidentRule('inc', 'incident', [{ to: 'direct', form: { person: 'sanction' } }])],
    });
    const result = run(rules, [rec('i1', 'incident', 'b1', '2022-03-01', { person: 'p-b1-m' })]);
    expect([result.ineligibleFrom, result.eligibility]).toEqual([null, []]);
    const out = applyDecisions(result, [{ finding: 'inc:o:b1>p:p-b1-m', action: 'confirm', by, at }]);
    expect(out.eligibility).toEqual([]);
  });

  describe('bad decisions', () => {
    it('each issue carries the values that describe it', () => {
      const base = assessBureau();
      const decisions = [
        /* 0 */ 'not an object',
        /* 1 */ null,
        /* 2 */ { action: 'confirm', by, at },
        /* 3 */ { finding: 'nope', action: 'confirm', by, at },
        /* 4 */ { finding: 'serious-case:o:br-center-2>p:p-shi-lei', action: 'punish', by, at },
        /* 5 */ { finding: 'serious-case:o:br-center-2>o:br-center-2', action: 'confirm', at },
        /* 6 */ { finding: 'serious-case:o:br-center-2>p:p-ren-jie', action: 'confirm', by, at: '2023-02-30' },
        /* 7 */ { finding: 'serious-case:o:br-center-2>p:p-li-hua', action: 'change', by, at, reason: 'r' },
        /* 8 */ { finding: 'serious-case:o:br-center-2>p:p-jiang-tao', action: 'confirm', form: 'admonishment', by, at },
        /* 9 */ { finding: 'derelict:p:p-xu-tao>p:p-xu-tao', action: 'change', form: 'admonishment', by, at },
        // not date strings: a one-element array (it prints as a valid date) and no `at` at all
        /* 10 */ { finding: 'derelict:p:p-zhao-lei>p:p-zhao-lei', action: 'confirm', by, at: ['2023-01-20'] },
        /* 11 */ { finding: 'formalism:o:br-business>p:p-xu-tao', action: 'confirm', by },
      ] as unknown as Decision[];
      const error = thrown(() => applyDecisions(base, decisions));
      expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([
        ['invalid-type', ['decisions', 0], { expected: 'object', received: 'string' }],
        ['invalid-type', ['decisions', 1], { expected: 'object', received: 'null' }],
        ['required', ['decisions', 2, 'finding'], { field: 'finding' }],
        ['unknown-finding', ['decisions', 3, 'finding'], { id: 'nope' }],
        ['invalid-value', ['decisions', 4, 'action'], { value: 'punish', allowed: 'confirm, waive, change' }],
        ['required', ['decisions', 5, 'by'], { field: 'by' }],
        ['invalid-date', ['decisions', 6, 'at'], { value: '2023-02-30' }],
        ['required', ['decisions', 7, 'form'], { field: 'form' }],
        ['decision-form-unexpected', ['decisions', 8, 'form'], { action: 'confirm' }],
        ['decision-reason-required', ['decisions', 9, 'reason'], { action: 'change' }],
        // a list is no date, however it prints: of the wrong type
        ['invalid-type', ['decisions', 10, 'at'], { expected: 'string', received: 'array' }],
        ['required', ['decisions', 11, 'at'], { field: 'at' }],
      ]);
    });

    it('a decisions value that is not an array: subject and values', () => {
      const error = thrown(() => applyDecisions(assessBureau(), 'confirm all' as unknown as Decision[]));
      expect(error.subject).toBe('decisions');
      expect(codesAndPaths(error.issues)).toEqual([{ code: 'invalid-type', path: ['decisions'] }]);
      expect(error.issues[0]?.params).toEqual({ expected: 'array', received: 'string' });
    });
  });
});

describe('pressure.ts: supervision findings in English', () => {
  // Rule inc flags b1 and b3; gb has 1 of its 2 children flagged (b3): 1/2 ≥ 0.5.
  const records = [rec('i1', 'incident', 'b1', '2022-05-01'), rec('i3', 'incident', 'b3', '2022-05-01')];
  const supervised = (supervision: NonNullable<AccountabilityInput['supervision']>) =>
    finding(run(ruleSet([PLACEHOLDER], { rules: [incidentRule('inc', 'incident', [{ to: 'team' }])], supervision }), records, { lang: 'en' }), `${supervision.id}:o:gb>o:gb`);

  it('with an English title: ruleTitle and the explanation use it', () => {
    const f = supervised({ id: 'sup', title: '下级半数以上被问责', titleEn: 'Half the children flagged', minShare: 0.5 });
    expect(f.ruleTitle).toBe('Half the children flagged');
    expect(f.explanation).toBe('[Half the children flagged] 1 of the 2 organizations under 党总支 are flagged (第三支部): supervision failed; proposed: ordered self-examination');
  });

  it('without one: the title', () => {
    const f = supervised({ id: 'sup', title: '下级半数以上被问责', minShare: 0.5 });
    expect(f.ruleTitle).toBe('下级半数以上被问责');
    expect(f.explanation.startsWith('[下级半数以上被问责] 1 of the 2 organizations under 党总支')).toBe(true);
  });
});

describe('reach.ts and pressure.ts: people without posts, and ids shared by a person and an organization', () => {
  it('a person with no post: `self` is seated nowhere (an empty path), the other steps reach no one', () => {
    const graph = graphWith([{ id: 'p-free', name: '无职务', partyMember: true }]);
    const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('r', 'incident', [{ to: 'self' }, { to: 'team' }, { to: 'secretary' }])] }), [prec('x1', 'incident', 'p-free', '2022-03-01')], {
      graph,
    });
    expect(result.findings.map((f) => [f.id, f.path])).toEqual([['r:p:p-free>p:p-free', []]]);
  });

  it('a person whose id is an organization\'s id: reaches that organization, and flags no organization', () => {
    // Ids are unique among people and among organizations, not across them. The person `b2`,
    // deputy secretary of the organization b2, sets off rule r on their own record: `self` reaches
    // the person, `team` the body b2 where they lead. The trigger's subject is a person, so no
    // organization is flagged: b2's leaders answer for 1 organization, none flagged.
    const graph = graphWith([{ id: 'b2', name: '同名者', partyMember: true }], [{ person: 'b2', organization: 'b2', role: 'deputy-secretary' }]);
    const result = run(ruleSet([PLACEHOLDER], { rules: [incidentRule('r', 'incident', [{ to: 'self' }, { to: 'team' }])] }), [prec('x2', 'incident', 'b2', '2022-03-01')], { graph });
    expect(ids(result)).toEqual(['r:p:b2>p:b2', 'r:p:b2>o:b2']);
    expect(result.pressure.filter((p) => p.person === 'b2' || p.person === 'p-b2-sec').map((p) => [p.person, p.answersFor, p.flagged, p.flaggedOrganizations])).toEqual([
      ['b2', 1, 0, []],
      ['p-b2-sec', 1, 0, []],
    ]);
  });
});
