import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { assess } from '../../src/index.js';
import { matchers, records, scenario, setupMatchers, type MatcherOutcome } from '../../src/testing/index.js';
import { bureauRules, failureOf, smallGraph, themeDayRules, year } from './helpers.js';

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
    expect(failureOf(() => expect(clean).toHaveFinding({ rule: 'x' }))).toContain('（本次没有任何问责建议）');
  });

  it('.not.toHaveFinding fails listing what matched', () => {
    expect(b).not.toHaveFinding({ subject: 'p4', rule: 'derelict' });
    const message = failureOf(() => expect(b).not.toHaveFinding({ rule: 'derelict' }));
    expect(message).toContain('期望没有问责建议 {"rule":"derelict"}，但找到3条');
    expect(message).toContain('符合条件的问责建议（3条）');
  });
});
