// A 组织部 reading of 问责条例 against the accountability layer (graph: helpers.ts):
//   - a circumstance is named by its record's title, and a move of one form is 减轻/加重 (Art. 18–19:
//     从轻/从重 stay within the form), never 「及时整改，从轻」 whatever the record says;
//   - the overseer of the organization itself: the path names it once, as 一岗双责;
//   - a vacant secretary post: the deputy secretaries, who preside, bear 主要领导责任 (Art. 6);
//   - warnings and repeats name rules by their titles, in the result's language;
//   - a 党小组 is no body held to account (Art. 5): no organization form to a group.
import { describe, expect, it } from 'vitest';
import type { GraphInput, RecordInput } from '../../src/index.js';
import { finding, graphInput, ids, ind, prec, rec, rule, ruleSet, run } from './helpers.js';

const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });
const CASE = rec('c2', 'case', 'b2', '2022-06-01');

describe('circumstances named by their records, moved by 减轻/加重', () => {
  // c2 vetoes b2; its secretary p-b2-sec (吴书记) gets `form` (default 诫勉, place 3 of 0..5).
  const recordTypes = [{ id: 'prompt-remedy', title: '及时整改', titleEn: 'prompt remedy' }];
  const assessWith = (records: RecordInput[], lang: 'zh' | 'en' = 'zh', form = 'admonishment') =>
    finding(run(ruleSet([veto], { rules: [rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: form } }])] }, { recordTypes }), [CASE, ...records], { lang }), 'serious:o:b2>p:p-b2-sec');
  const remedy = (id: string, title?: string): RecordInput => prec(id, 'prompt-remedy', 'p-b2-sec', '2022-09-01', title === undefined ? {} : { title });
  const head = '【serious】第二支部：触发一票否决（记录 c2）；吴书记承担主要领导责任（第一责任），建议';
  const headEn = '[serious] 第二支部: one-vote veto (records c2); 吴书记 bears principal leadership responsibility (first responsibility); proposed: ';

  it('a mitigating record titled 积极配合调查 is named so, not 及时整改: 诫勉 − 1 = 通报批评, 减轻一档', () => {
    const f = assessWith([remedy('c03', '积极配合调查')]);
    expect(f.form.id).toBe('circulated-criticism');
    expect(f.explanation).toBe(`${head}「通报批评」；有「积极配合调查」情节，减轻一档`);
    expect(assessWith([remedy('c03', '积极配合调查')], 'en').explanation).toBe(`${headEn}circulated criticism; mitigating circumstance (积极配合调查), one form lighter`);
  });

  it('an untitled record is named by its type’s title in the rule set, in the result’s language', () => {
    expect(assessWith([remedy('r')]).explanation).toBe(`${head}「通报批评」；有「及时整改」情节，减轻一档`);
    expect(assessWith([remedy('r')], 'en').explanation).toBe(`${headEn}circulated criticism; mitigating circumstance (prompt remedy), one form lighter`);
  });

  it('several records are one move, each title once', () => {
    expect(assessWith([remedy('a', '主动挽回影响'), remedy('b', '积极配合调查'), remedy('c', '主动挽回影响')]).explanation).toBe(`${head}「通报批评」；有「主动挽回影响、积极配合调查」情节，减轻一档`);
  });

  it('aggravating: 诫勉 + 1 = 组织调整或处理, 加重一档; untitled and with no type title, by its kind', () => {
    const titled = assessWith([prec('ag', 'aggravating-circumstance', 'p-b2-sec', '2022-09-01', { title: '调查中隐瞒情况' })]);
    expect(titled.form.id).toBe('organizational-handling');
    expect(titled.explanation).toBe(`${head}「组织调整或处理」；有「调查中隐瞒情况」情节，加重一档`);
    expect(assessWith([prec('ag', 'aggravating-circumstance', 'p-b2-sec', '2022-09-01')]).explanation).toBe(`${head}「组织调整或处理」；有加重问责情节，加重一档`);
  });

  it('a move cut at the end of the ladder says the form is already the lightest', () => {
    const f = assessWith([remedy('c03', '积极配合调查')], 'zh', 'criticism');
    expect(f.form.id).toBe('criticism');
    expect(f.explanation).toBe(`${head}「批评教育」；有「积极配合调查」情节，本应减轻一档，已是梯度最轻一档`);
    expect(assessWith([remedy('c03', '积极配合调查')], 'en', 'criticism').explanation).toBe(
      `${headEn}criticism and education; mitigating circumstance (积极配合调查), would be one form lighter but the form is already the lightest`,
    );
  });

  it('never says 从轻 or 从重 for a move of one form', () => {
    for (const f of [assessWith([remedy('r')]), assessWith([prec('ag', 'aggravating-circumstance', 'p-b2-sec', '2022-09-01')])]) expect(f.explanation).not.toMatch(/从轻|从重/);
  });
});

describe('the overseer path', () => {
  // p-tm oversees b1 itself; p-dep oversees gb, above b3.
  const result = run(ruleSet([veto], { rules: [rule('serious', { type: 'veto' }, [{ to: 'overseer' }])] }), [rec('c1', 'case', 'b1', '2022-05-01'), rec('c3', 'case', 'b3', '2022-05-01')]);

  it('overseeing the organization itself: that organization once, as 一岗双责', () => {
    expect(finding(result, 'serious:o:b1>p:p-tm').path).toEqual([{ distance: 0, organization: 'b1', kind: 'dual' }]);
  });

  it('overseeing an organization above: where it happened, then the overseen level', () => {
    expect(finding(result, 'serious:o:b3>p:p-dep').path).toEqual([
      { distance: 0, organization: 'b3', kind: 'principal' },
      { distance: 1, organization: 'gb', kind: 'dual' },
    ]);
  });
});

describe('a vacant secretary post', () => {
  /** The small graph without b2's secretary, with the deputy secretaries given (ids out of order). */
  const vacant = (deputies: [string, string][]): GraphInput => {
    const graph = graphInput();
    graph.posts = graph.posts.filter((p) => !(p.organization === 'b2' && p.role === 'secretary'));
    for (const [id, name] of deputies) {
      graph.people.push({ id, name, partyMember: true });
      graph.posts.push({ person: id, organization: 'b2', role: 'deputy-secretary' });
    }
    return graph;
  };
  const section = { rules: [rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: 'admonishment' } }, { to: 'team-members' }])] };
  const assessOn = (graph: GraphInput, lang: 'zh' | 'en' = 'zh') => run(ruleSet([veto], section), [CASE], { graph, lang });

  it('the deputy secretaries preside: each bears 主要领导责任 as the secretary would, in id order', () => {
    const result = assessOn(vacant([['p-b2-dz', '周副书记'], ['p-b2-da', '陈副书记']]));
    expect(ids(result)).toEqual(['serious:o:b2>p:p-b2-da', 'serious:o:b2>p:p-b2-dz']);
    const f = finding(result, 'serious:o:b2>p:p-b2-da');
    expect([f.liability, f.basis, f.form.id, f.path]).toEqual(['principal-leadership', 'first', 'admonishment', [{ distance: 0, organization: 'b2', kind: 'first' }]]);
    expect(f.explanation).toBe('【serious】第二支部：触发一票否决（记录 c2）；第二支部书记空缺，由副书记陈副书记主持工作；陈副书记承担主要领导责任（第一责任），建议「诫勉」');
    expect(finding(assessOn(vacant([['p-b2-da', '陈副书记']]), 'en'), 'serious:o:b2>p:p-b2-da').explanation).toBe(
      '[serious] 第二支部: one-vote veto (records c2); the secretary post of 第二支部 is vacant, and deputy secretary 陈副书记 presides; 陈副书记 bears principal leadership responsibility (first responsibility); proposed: admonishment',
    );
  });

  it('with no deputy secretary either, nobody is reached as the secretary (the hit is kept, reached 0)', () => {
    const result = assessOn(vacant([]));
    expect(result.findings).toEqual([]);
    expect(result.hits).toEqual([{ rule: 'serious', subject: { type: 'organization', id: 'b2', name: '第二支部' }, reached: 0 }]);
  });

  it('with a secretary, the deputy is not reached as the secretary', () => {
    const graph = graphInput();
    graph.people.push({ id: 'p-b2-da', name: '陈副书记', partyMember: true });
    graph.posts.push({ person: 'p-b2-da', organization: 'b2', role: 'deputy-secretary' });
    const result = assessOn(graph);
    expect(result.findings.map((f) => [f.id, f.liability])).toEqual([
      ['serious:o:b2>p:p-b2-sec', 'principal-leadership'],
      ['serious:o:b2>p:p-b2-da', 'important-leadership'],
    ]);
    expect(result.findings.map((f) => f.explanation).join()).not.toContain('空缺');
  });
});

describe('rules named by their titles', () => {
  it('the warning about provisional hits names the rules by title, in the result’s language', () => {
    // One meeting at b1 by June of at least 4 a year: a shortfall that may yet be made up.
    const indicators = [ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } })];
    const rules = [rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }], { title: '会议次数不足', titleEn: 'Too few meetings' })];
    const records = [rec('m1', 'meeting', 'b1', '2022-01-15'), ...['b2', 'b3', 'b4'].flatMap((b) => [1, 2, 3, 4].map((i) => rec(`m-${b}-${i}`, 'meeting', b, `2022-0${i}-15`)))];
    const warningOf = (lang: 'zh' | 'en') => run(ruleSet(indicators, { rules }), records, { asOf: '2022-06-30', lang }).warnings.find((w) => w.code === 'warning-findings-provisional');
    const zh = warningOf('zh');
    expect(zh?.params).toMatchObject({ count: 1, rules: 'short', titles: '「会议次数不足」' });
    expect(zh?.message).toContain('问责规则「会议次数不足」有1处触发');
    expect(zh?.message).not.toContain('short');
    expect(warningOf('en')?.message).toContain('1 hit(s) of accountability rule(s) "Too few meetings" may still change');
  });

  it('a repeat names the repeated rule by its title', () => {
    const rules = [rule('serious', { type: 'veto' }, [{ to: 'team' }], { title: '严重违纪', titleEn: 'Serious case' }), rule('again', { type: 'repeat', rule: 'serious' }, [{ to: 'team' }])];
    const last = run(ruleSet([veto], { rules }, {}, 2021), [rec('c1', 'case', 'b2', '2021-05-01')]);
    const now = (lang: 'zh' | 'en') => finding(run(ruleSet([veto], { rules }), [CASE], { previous: last, lang }), 'again:o:b2>o:b2').explanation;
    expect(now('zh')).toContain('第二支部：连续两期触发「严重违纪」：触发一票否决（记录 c2）');
    expect(now('en')).toContain('第二支部: "Serious case" again this period: one-vote veto (records c2)');
  });
});

describe('a 党小组 is no body held to account', () => {
  // An incident at g1 (第一党小组, under b1).
  const incident = rec('i1', 'inc', 'g1', '2022-05-01');
  const assessReach = (reach: Parameters<typeof rule>[2]) => run(ruleSet([veto], { rules: [rule('inc', { type: 'incident', recordTypes: ['inc'] }, reach)] }), [incident]);

  it('self and team reach no organization form to the group; the hit is kept', () => {
    for (const to of ['self', 'team'] as const) {
      const result = assessReach([{ to }]);
      expect(result.findings).toEqual([]);
      expect(result.hits.map((h) => [h.subject.id, h.reached])).toEqual([['g1', 0]]);
    }
  });

  it('the branch above still answers for supervision (一级抓一级)', () => {
    expect(ids(assessReach([{ to: 'team' }, { to: 'supervision' }]))).toEqual(['inc:o:g1>o:b1']);
  });
});
