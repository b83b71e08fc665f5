// What the accountability layer no longer passes over in silence, each on the small graph of
// helpers.ts:
//   - an incident severity given as text: digits count as the number, anything else is warned of;
//   - a decision with a field it does not have (`reasn`) is refused;
//   - a ladder listing a form id twice is refused, in the rule set and in applyDecisions' options;
//   - a person who holds no post answers with an empty path, not a step at organization "".
import { describe, expect, it } from 'vitest';
import { applyDecisions, readCsvSync, safeParseRuleSet, type Decision } from '../../src/index.js';
import { codesAndPaths, graphInput, ids, ind, PLACEHOLDER, prec, rec, rule, ruleSet, run, thrown } from './helpers.js';

describe('incident severity given as text', () => {
  // minSeverity 3 on 'incident' records of b1..b4 and p-b2-m.
  const rules = ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'], minSeverity: 3 }, [{ to: 'team' }])] });

  it('a CSV column gives "4": read as 4, which reaches 3', () => {
    const csv = '编号,类型,党组织,日期,属性.severity\nii-01,incident,b1,2022-05-01,4\n';
    const result = run(rules, readCsvSync(csv, { file: 'r.csv' }));
    expect(ids(result)).toEqual(['inc:o:b1>o:b1']);
    expect(result.warnings).toEqual([]);
  });

  it('plain decimals are numbers ("2.5" < 3, "-1" < 3, "3.0" ≥ 3); other values are warned of, with their records', () => {
    const result = run(rules, [
      rec('i-plain', 'incident', 'b1', '2022-05-01', { attributes: { severity: '3.0' } }),
      rec('i-half', 'incident', 'b2', '2022-05-01', { attributes: { severity: '2.5' } }),
      rec('i-minus', 'incident', 'b2', '2022-05-02', { attributes: { severity: '-1' } }),
      rec('i-word', 'incident', 'b3', '2022-05-01', { attributes: { severity: 'high' } }),
      rec('i-exp', 'incident', 'b3', '2022-05-02', { attributes: { severity: '1e1' } }),
      rec('i-space', 'incident', 'b4', '2022-05-01', { attributes: { severity: ' 4' } }),
      rec('i-bool', 'incident', 'b4', '2022-05-02', { attributes: { severity: true } }),
      // absent and null: no severity, passed over without a warning
      rec('i-none', 'incident', 'b4', '2022-05-03'),
      prec('i-null', 'incident', 'p-b2-m', '2022-05-01', { attributes: { severity: null } }),
    ]);
    expect(ids(result)).toEqual(['inc:o:b1>o:b1']);
    const params = { rule: 'inc', attribute: 'severity', count: 4, records: 'i-bool, i-exp, i-space, i-word' };
    expect(result.warnings).toEqual([
      {
        code: 'warning-incident-severity-not-number',
        params,
        message: '问责规则「inc」：4条事件记录的严重程度属性「severity」不是数字，未计入（记录 i-bool, i-exp, i-space, i-word）；应写数字或“4”这样的纯数字文本',
      },
    ]);
  });

  it('without minSeverity nothing is read, so nothing is warned of', () => {
    const plain = ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }])] });
    expect(run(plain, [rec('i-word', 'incident', 'b3', '2022-05-01', { attributes: { severity: 'high' } })]).warnings).toEqual([]);
  });
});

describe('a decision with a field it does not have', () => {
  const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });
  const result = run(ruleSet([veto], { rules: [rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: 'admonishment' } }])] }), [rec('c1', 'case', 'b2', '2022-05-01')]);
  const id = 'serious:o:b2>p:p-b2-sec';

  it('is refused at the field (unknown-field), every such field listed', () => {
    const decision = { finding: id, action: 'confirm', by: '局党委', at: '2023-01-20', reasn: '会议纪要〔2023〕1号', from: 'x' } as unknown as Decision;
    const error = thrown(() => applyDecisions(result, [decision]));
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'unknown-field', path: ['decisions', 0, 'reasn'] },
      { code: 'unknown-field', path: ['decisions', 0, 'from'] },
    ]);
    expect(error.issues[0]?.message).toBe('未知字段「reasn」（可能是拼写错误）');
    expect(thrown(() => applyDecisions(result, [decision], { lang: 'en' })).issues[0]?.message).toBe('unknown field "reasn" (a typo?)');
  });

  it('the fields a decision has are taken', () => {
    const decided = applyDecisions(result, [{ finding: id, action: 'change', form: 'criticism', by: '局党委', at: '2023-01-20', reason: '及时整改' }]);
    expect(decided.audit).toEqual([{ finding: id, action: 'change', by: '局党委', at: '2023-01-20', reason: '及时整改', from: 'admonishment', to: 'criticism' }]);
  });
});

describe('a ladder listing a form id twice', () => {
  const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });
  const ladder = [
    { id: 'talk', title: '提醒谈话' },
    { id: 'admonishment', title: '诫勉' },
    { id: 'talk', title: '谈话' },
  ];

  it('in the rule set: refused at the second one (duplicate-form-id)', () => {
    const parsed = safeParseRuleSet(ruleSet([veto], { forms: { person: ladder }, rules: [rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: 'talk' } }])] }));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(codesAndPaths(parsed.error.issues)).toEqual([{ code: 'duplicate-form-id', path: ['accountability', 'forms', 'person', 2, 'id'] }]);
    expect(parsed.error.issues[0]?.message).toBe('问责形式编号「talk」在梯度中重复（首次出现在 accountability.forms.person[0]），同一形式只能有一个位置');
  });

  it('in applyDecisions\' options: refused at the second one', () => {
    const result = run(ruleSet([veto], { rules: [rule('serious', { type: 'veto' }, [{ to: 'team' }])] }), [rec('c1', 'case', 'b2', '2022-05-01')]);
    const error = thrown(() => applyDecisions(result, [], { lang: 'en', forms: { organization: [{ id: 'inspection', title: '检查' }, { id: 'inspection', title: '再检查' }] } }));
    expect(error.subject).toBe('options');
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'duplicate-form-id', path: ['forms', 'organization', 1, 'id'] }]);
    expect(error.issues[0]?.message).toBe('form id "inspection" appears twice on the ladder (first at forms.organization[0]): a form has one place');
  });
});

describe('a person who holds no post', () => {
  it('answers directly with an empty path; reach steps from their organizations reach nobody', () => {
    const graph = graphInput();
    graph.people = [...graph.people, { id: 'p-x', name: '无职务人员', partyMember: true }];
    const rules = ruleSet([PLACEHOLDER], { rules: [rule('incident', { type: 'incident', recordTypes: ['ideology-incident'] }, [{ to: 'self' }, { to: 'secretary' }])] });
    const result = run(rules, [prec('ii-01', 'ideology-incident', 'p-x', '2022-05-01')], { graph });
    expect(result.findings.map((f) => [f.id, f.liability, f.path])).toEqual([['incident:p:p-x>p:p-x', 'direct', []]]);
  });
});
