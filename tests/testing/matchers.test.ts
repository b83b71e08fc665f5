import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { assess } from '../../src/index.js';
import { checkRuleSetProperties, matchers, records, scenario, setupMatchers, type FindingFilter, type MatcherOutcome, type VerdictName } from '../../src/testing/index.js';
import { bureauRules, failureOf, issuesOf, smallGraph, themeDayRules, validationErrorOf, year } from './helpers.js';

beforeAll(() => {
  expect.extend(matchers); // the shape Vitest's expect.extend takes, checked by the compiler
  setupMatchers(expect);
});

const months11 = year().monthly('theme-day', { organization: 'b1', except: [12] });
const s = scenario(themeDayRules(), { graph: smallGraph(), records: months11 });
const en = scenario(themeDayRules(), { graph: smallGraph(), records: months11, lang: 'en' });
const explanation = s.line('b1', 'theme-day').explanation;

describe('toScore', () => {
  it('passes on the line’s points (to hundredths) and fails with the line’s explanation', () => {
    expect(s).toScore('b1', 'theme-day', 9);
    expect(s).toScore('b1', 'theme-day', 9.001);
    const message = failureOf(() => expect(s).toScore('b1', 'theme-day', 10));
    expect(message).toContain('期望第一党支部（b1）的「主题党日每月开展」得 10 分，实际得 9 分（满分 10）');
    expect(message).toContain('未达标，得 9/10 分');
    expect(message).toContain('记录：计入 11 条（上报 11，待审核 0，已退回 0，缺佐证 0）：theme-day:b1:2022-01-10');
    expect(message).toContain(`说明：${explanation}`);
    expect(explanation).toContain('缺1个月：2022年12月');
  });

  it('speaks English when the scenario does', () => {
    const message = failureOf(() => expect(en).toScore('b1', 'theme-day', 10));
    expect(message).toContain('expected 第一党支部 (b1) to score 10 on "A theme day every month", got 9 (of 10)');
    expect(message).toContain('shortfall, 9/10 points');
    expect(message).toContain('records: 11 counted (11 reported, 0 pending, 0 rejected, 0 unsupported)');
    expect(message).toContain(`why: ${en.line('b1', 'theme-day').explanation}`);
  });

  it('.not fails when the points are the ones named', () => {
    expect(s).not.toScore('b1', 'theme-day', 10);
    expect(failureOf(() => expect(s).not.toScore('b1', 'theme-day', 9))).toContain('不得 9 分，实际正是 9 分');
  });

  it('counts pending and unsupported records in the message', () => {
    const rules = themeDayRules({ measure: { type: 'cadence', recordTypes: ['theme-day'], every: 'month', requireAttributes: ['minutes'] } });
    const p = scenario(rules, { graph: smallGraph(), records: year().on('2022-01-10', 'theme-day', { organization: 'b1' }).pending('2022-02-10', 'theme-day', { organization: 'b1' }) });
    const message = failureOf(() => expect(p).toScore('b1', 'theme-day', 10));
    expect(message).toContain('计入 0 条（上报 1，待审核 1，已退回 0，缺佐证 1）');
    expect(message).toContain('1条记录缺少佐证材料（minutes）未计入');
  });

  it('works on a plain result from assess, in the result’s language', () => {
    const result = assess({ graph: smallGraph().build(), rules: themeDayRules(), records: months11.build(), lang: 'en' });
    expect(result).toScore('b1', 'theme-day', 9);
    expect(failureOf(() => expect(result).toScore('b1', 'theme-day', 8))).toContain('got 9 (of 10)');
  });

  it('fails on a missing subject or line, and on something that is not a result', () => {
    expect(failureOf(() => expect(s).toScore('b9', 'theme-day', 1))).toContain('结果中没有党组织或人员「b9」');
    expect(failureOf(() => expect(s).toScore('b1', 'nope', 1))).toContain('细则中没有这个指标');
    const message = failureOf(() => expect(42).toScore('b1', 'theme-day', 1));
    expect(message).toContain('toScore 需要 scenario(...) 或 assess(...) 的结果，收到的是 number');
    expect(message).toContain('toScore needs a scenario(...) or an assess(...) result, received number');
  });

  it('can be called directly with a matcher context', () => {
    const outcome: MatcherOutcome = matchers.toScore.call({ isNot: false }, s, 'b1', 'theme-day', 9);
    expect(outcome.pass).toBe(true);
    expectTypeOf(expect(s).toScore).parameters.toEqualTypeOf<[string, string, number]>();
  });
});

describe('toHaveTotal, toHaveGrade', () => {
  it('toHaveTotal: passes to hundredths, fails with every line explained', () => {
    expect(s).toHaveTotal('b1', 90);
    const message = failureOf(() => expect(s).toHaveTotal('b1', 100));
    expect(message).toContain('期望第一党支部（b1）的总分为 100，实际为 90');
    expect(message).toContain('第一党支部（b1）：得分 9/10，折算 90，加分 0，总分 90');
    expect(message).toContain(explanation);
    expect(failureOf(() => expect(s).not.toHaveTotal('b1', 90))).toContain('总分不为 90');
  });

  it('toHaveGrade: by id or title, null for not graded; fails with the grade’s reason', () => {
    expect(s).toHaveGrade('b1', 'good');
    expect(s).toHaveGrade('b1', '好');
    const missing = s.without((id) => id < 'theme-day:b1:2022-03');
    expect(missing).toHaveGrade('b1', 'poor');
    const message = failureOf(() => expect(missing).toHaveGrade('b1', 'good'));
    expect(message).toContain('期望第一党支部（b1）的等次为「good」，实际为「差 / poor」');
    expect(message).toContain('等次：差（poor，按分数）');
    expect(message).toContain('缺3个月');
    expect(failureOf(() => expect(en).not.toHaveGrade('b1', 'good'))).toContain('expected 第一党支部 (b1) not to be graded "good", but it was');
    const b = scenario(bureauRules(), { graph: smallGraph() });
    expect(b).toHaveGrade('b1', 'poor');
    const base = themeDayRules();
    const withPeople = { ...base, indicators: [...base.indicators, { id: 'lecture', title: '讲党课', responsibility: 'first' as const, appliesTo: { posts: ['secretary' as const] }, points: 0, bonus: { recordTypes: ['party-lecture'], each: 1, cap: 1 } }] };
    const ungraded = scenario(withPeople, { graph: smallGraph() });
    expect(ungraded).toHaveGrade('p4', null);
    expect(failureOf(() => expect(ungraded).toHaveGrade('p4', 'good'))).toContain('等次：无（不参加评定）');
  });
});

describe('toHaveVerdict, toHaveFinding', () => {
  const b = scenario(bureauRules(), { graph: smallGraph(), records: records().on('2022-07-01', 'party-lecture', { person: 'p4' }) });

  it('toHaveVerdict: fails with the person’s lines', () => {
    expect(b).toHaveVerdict('p1', 'derelict');
    const message = failureOf(() => expect(b).toHaveVerdict('p1', 'fulfilled'));
    expect(message).toContain('期望p1的评定结论为「本职（fulfilled）」，实际为「失职（derelict）」');
    expect(message).toContain(b.line('p1', 'sec-july-lecture').explanation);
    expect(failureOf(() => expect(b).toHaveVerdict('b1', 'derelict'))).toContain('是党组织，不是人员');
  });

  it('toHaveFinding: passes on a match; fails listing the subject’s findings, or all of them', () => {
    expect(b).toHaveFinding({ subject: 'p1', rule: 'derelict', kind: 'direct', form: 'circulated-criticism' });
    expect(b).toHaveFinding({ subject: 'p1', form: '通报批评' });
    const message = failureOf(() => expect(b).toHaveFinding({ subject: 'p1', form: 'admonishment' }));
    expect(message).toContain('期望有问责建议 {"subject":"p1","form":"admonishment"}，但没有找到');
    expect(message).toContain('derelict:p:p1>p:p1：p1，直接责任，建议「通报批评」（circulated-criticism）');
    expect(message).toContain(b.findings({ subject: 'p1' })[0]?.explanation ?? '?');
    const none = failureOf(() => expect(b).toHaveFinding({ subject: 'p6' }));
    expect(none).toContain(`全部问责建议（${b.result.findings.length}条）`);
    const clean = scenario(themeDayRules(), { graph: smallGraph() });
    expect(failureOf(() => expect(clean).toHaveFinding({ subject: 'b1' }))).toContain('（本次没有任何问责建议）');
  });

  it('toHaveFinding on a run made while the period runs lists the hits that gave no finding yet', () => {
    const mid = scenario(bureauRules(), { graph: smallGraph(), records: records().on('2022-03-01', 'party-lecture', { person: 'p4' }), asOf: '2022-06-30' });
    const provisional = mid.result.hits.filter((h) => h.provisional && h.rule === 'derelict');
    expect(provisional.map((h) => h.subject.id)).toEqual(['p1', 'p2', 'p3']);
    expect(mid.findings({ rule: 'derelict' })).toEqual([]);
    const message = failureOf(() => expect(mid).toHaveFinding({ subject: 'p1', rule: 'derelict' }));
    expect(message).toContain('考核期尚未结束（评估日期 2022-06-30），以下触发暂不提出问责建议（hits 中 provisional，3处）：');
    expect(message).toContain(`  derelict · ${provisional[0]?.subject.name}（p1）：${provisional[0]?.explanation}`);
    const enMid = scenario(bureauRules(), { graph: smallGraph(), records: records().on('2022-03-01', 'party-lecture', { person: 'p4' }), asOf: '2022-06-30', lang: 'en' });
    expect(failureOf(() => expect(enMid).toHaveFinding({ subject: 'p1', rule: 'derelict' }))).toContain('the period is still running (as of 2022-06-30): these hits give no finding yet (provisional in hits, 3):');
  });

  it('.not.toHaveFinding fails listing what matched', () => {
    expect(b).not.toHaveFinding({ subject: 'p4', rule: 'derelict' });
    const message = failureOf(() => expect(b).not.toHaveFinding({ rule: 'derelict' }));
    expect(message).toContain('期望没有问责建议 {"rule":"derelict"}，但找到3条');
    expect(message).toContain('符合条件的问责建议（3条）');
  });
});

describe('toHaveFinding: a filter that names nothing is an error, with .not too', () => {
  // p1 (bureau secretary) has two findings: derelict (liability direct, basis direct, 通报批评)
  // and rectification-open (principal-leadership on the first responsibility, 批评教育).
  const b = scenario(bureauRules(), { graph: smallGraph(), records: records().on('2022-07-01', 'party-lecture', { person: 'p4' }) });

  it('matches the finding’s own field names, liability and basis', () => {
    expect(b).toHaveFinding({ subject: 'p1', liability: 'principal-leadership', rule: 'rectification-open' });
    expect(b).toHaveFinding({ subject: 'p1', basis: 'first', form: 'criticism' });
    expect(b).toHaveFinding({ subject: 'p1', liability: 'direct', basis: 'direct', rule: 'derelict' });
    // The reviewer's case: no finding of p1 carries important-leadership.
    expect(b).not.toHaveFinding({ subject: 'p1', liability: 'important-leadership' });
    expect(failureOf(() => expect(b).toHaveFinding({ subject: 'p1', liability: 'important-leadership' }))).toContain('期望有问责建议 {"subject":"p1","liability":"important-leadership"}，但没有找到');
    expect(b).not.toHaveFinding({ subject: 'p1', basis: 'dual' });
    expect(b.findings({ liability: 'overall-leadership' }).map((f) => f.subject.id)).toEqual(['bureau']);
  });

  it('refuses a field it does not have, naming the fields it has', () => {
    const filter = { subject: 'p1', liabilty: 'important-leadership' } as unknown as FindingFilter;
    for (const call of [() => expect(b).toHaveFinding(filter), () => expect(b).not.toHaveFinding(filter), () => b.findings(filter)]) {
      expect(issuesOf(call)).toEqual([
        { code: 'unknown-option', path: 'liabilty', message: '未知字段「liabilty」（是否想写「liability」？）；可用字段：subject, liability, basis, kind, form, rule, trigger, status' },
      ]);
    }
  });

  it('refuses a value outside a field’s choices', () => {
    const issues = issuesOf(() => expect(b).not.toHaveFinding({ subject: 'p1', liability: 'important' as 'direct', status: 'open' as 'proposed' }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', 'liability'],
      ['invalid-value', 'status'],
    ]);
    expect(issues[0]?.message).toBe('取值「important」无效，可选值：overall-leadership, principal-leadership, important-leadership, direct');
  });

  it('refuses a subject the graph does not have, and a rule or form the rule set does not have', () => {
    const subject = validationErrorOf(() => expect(b).not.toHaveFinding({ subject: 'p-4', rule: 'derelict' }));
    expect(subject.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['no-subject-id', 'subject']]);
    expect(subject.message).toContain('没有党组织或人员「p-4」（是否想写「p4」？）（已有：b1, bureau, p1, p2, p3, p4, p5, p6, p7）');
    expect(issuesOf(() => expect(b).not.toHaveFinding({ trigger: 'b9' }))[0]?.code).toBe('no-subject-id');
    const ruleAndForm = issuesOf(() => expect(b).not.toHaveFinding({ rule: 'derelikt', form: 'admonish' }));
    expect(ruleAndForm.map((i) => i.code)).toEqual(['no-rule', 'no-form']);
    expect(ruleAndForm[0]?.message).toBe('考核细则中没有问责规则「derelikt」（是否想写「derelict」？）（已有：serious-case, derelict, incompetent, rectification-open, formalism, derelict-again, supervision-failure）');
    expect(ruleAndForm[1]?.message).toContain('admonishment（诫勉 / admonishment）');
    // A rule set without accountability has no rule at all to name.
    const clean = scenario(themeDayRules(), { graph: smallGraph() });
    expect(issuesOf(() => expect(clean).not.toHaveFinding({ rule: 'derelict' }))[0]?.message).toBe('考核细则中没有问责规则「derelict」（已有：—）');
  });

  it('speaks English when the scenario does, and checks subjects on a plain result too', () => {
    const en = scenario(bureauRules(), { graph: smallGraph(), lang: 'en' });
    expect(failureOf(() => expect(en).not.toHaveFinding({ subject: 'p-4' }))).toContain('no organization or person "p-4" (did you mean "p4"?) (there are: b1, bureau, p1, p2, p3, p4, p5, p6, p7)');
    const result = assess({ graph: smallGraph().build(), rules: bureauRules(), records: [] });
    expect(issuesOf(() => expect(result).not.toHaveFinding({ subject: 'p-4' }))[0]?.code).toBe('no-subject-id');
    expect(result).toHaveFinding({ subject: 'p1', liability: 'direct' });
  });

  it('matches a form by its id or its title in either language', () => {
    expect(b).toHaveFinding({ subject: 'p1', form: 'circulated criticism' });
    expect(b).toHaveFinding({ subject: 'p4', form: 'criticism and education' });
    expect(b).toHaveFinding({ subject: 'p4', form: '批评教育' });
    expect(b).not.toHaveFinding({ subject: 'p4', form: 'admonishment' });
  });
});

describe('toHaveVerdict: by id or title, else an error listing the verdicts', () => {
  // p1 gave no July lecture: derelict; p4 gave one but has no appraisal: incompetent.
  const b = scenario(bureauRules(), { graph: smallGraph(), records: records().on('2022-07-01', 'party-lecture', { person: 'p4' }) });

  it('takes the Chinese title, the id, or the label the messages show', () => {
    expect(b).toHaveVerdict('p1', '失职');
    expect(b).toHaveVerdict('p1', '失职（derelict）' as '失职');
    expect(b).toHaveVerdict('p4', '不称职');
    expect(b).not.toHaveVerdict('p1', '本职');
    expect(failureOf(() => expect(b).toHaveVerdict('p1', '本职'))).toContain('期望p1的评定结论为「本职（fulfilled）」，实际为「失职（derelict）」');
    expectTypeOf(expect(b).toHaveVerdict).parameters.toEqualTypeOf<[string, VerdictName]>();
    expectTypeOf<'失职'>().toMatchTypeOf<VerdictName>();
  });

  it('refuses a verdict no verdict is called, in the scenario’s language', () => {
    const zh = validationErrorOf(() => expect(b).toHaveVerdict('p4', 'Derelict' as 'derelict'));
    expect(zh.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['no-verdict', 'verdict']]);
    expect(zh.issues[0]?.message).toBe('没有评定结论「Derelict」（是否想写「derelict」？）；可用：fulfilled / 本职, derelict / 失职, incompetent / 不称职, undetermined / 无法认定');
    expect(() => expect(b).not.toHaveVerdict('p4', '失责' as '失职')).toThrow(/没有评定结论「失责」/);
    const en = scenario(bureauRules(), { graph: smallGraph(), lang: 'en' });
    expect(failureOf(() => expect(en).toHaveVerdict('p1', 'Derelict' as 'derelict'))).toContain('no verdict "Derelict" (did you mean "derelict"?); allowed: fulfilled / 本职, derelict / 失职');
    expect(failureOf(() => expect(en).toHaveVerdict('b1', 'derelict'))).toContain('"b1" is an organization, not a person: it has no verdict');
  });
});

describe('toHaveGrade: a grade by id or by title in either language, whatever the scenario’s language', () => {
  // Theme days from March to December: 10 − 2 missed months × 1 = 8, so 80 of 100: poor (差).
  const base = themeDayRules();
  const rules = { ...base, ladders: [{ ...base.ladders![0]!, grades: [{ id: 'good', title: '好', titleEn: 'good', min: 90 }, { id: 'poor', title: '差', titleEn: 'weak', min: 0 }] }] };
  const marchOn = year().monthly('theme-day', { organization: 'b1', months: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
  const zh = scenario(rules, { graph: smallGraph(), records: marchOn });
  const en = scenario(rules, { graph: smallGraph(), records: marchOn, lang: 'en' });

  it('matches the id, the Chinese title and the English title in both languages', () => {
    expect(zh.total('b1')).toBe(80);
    for (const s of [zh, en]) {
      expect(s).toHaveGrade('b1', 'poor');
      expect(s).toHaveGrade('b1', '差');
      expect(s).toHaveGrade('b1', 'weak');
      expect(s).not.toHaveGrade('b1', '好');
    }
  });

  it('refuses a grade the rule set does not have, with .not too', () => {
    expect(issuesOf(() => expect(zh).not.toHaveGrade('b1', 'bad'))).toEqual([
      { code: 'no-grade', path: 'grade', message: '考核细则中没有编号或名称为「bad」的等次（可用：good / 好, poor / 差 / weak）' },
    ]);
    expect(failureOf(() => expect(en).toHaveGrade('b1', 'Poor'))).toContain('the rule set has no grade with the id or title "Poor" (did you mean "poor"?) (grades: good / 好, poor / 差 / weak)');
  });
});

describe('toSatisfyRuleSetProperties: options checked, not dropped', () => {
  const s = scenario(themeDayRules(), { graph: smallGraph(), records: year().monthly('theme-day', { organization: 'b1' }) });

  it('refuses a misspelled option or a count that checks nothing, in the scenario’s language', () => {
    expect(issuesOf(() => expect(s).toSatisfyRuleSetProperties({ run: 5 } as unknown as { runs: number })).map((i) => i.message)).toEqual([
      '未知字段「run」（是否想写「runs」？）；可用字段：runs, shuffles, seed',
    ]);
    expect(issuesOf(() => expect(s).toSatisfyRuleSetProperties({ runs: 0 }))[0]?.code).toBe('too-small');
    const graphGiven = { graph: smallGraph() } as unknown as { runs: number };
    expect(issuesOf(() => expect(s).toSatisfyRuleSetProperties(graphGiven))[0]?.path).toBe('graph');
  });

  it('refuses options with a report already made: they would change nothing', () => {
    const report = checkRuleSetProperties(themeDayRules(), { graph: smallGraph(), runs: 2 });
    expect(report).toSatisfyRuleSetProperties();
    expect(report).toSatisfyRuleSetProperties({});
    expect(issuesOf(() => expect(report).toSatisfyRuleSetProperties({ runs: 50 }))).toEqual([
      { code: 'options-with-report', path: '', message: '选项（runs）只用于场景：收到的是已经做好的报告，这些选项不会起作用' },
    ]);
  });
});
