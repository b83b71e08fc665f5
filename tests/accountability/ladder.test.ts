// The ladders of forms and how circumstances move a finding on them: a repeat of last period's
// finding and aggravating records one step up, mitigating records one step down, never past
// either end. The default ladders (lightest first):
//   person:       1 criticism 批评教育, 2 written-inspection 责令书面检查, 3 circulated-criticism 通报批评,
//                 4 admonishment 诫勉, 5 organizational-handling 组织调整或处理, 6 disciplinary-sanction 纪律处分
//   organization: 1 inspection 检查, 2 circulation 通报, 3 reorganization 改组
import { describe, expect, it } from 'vitest';
import { parseRuleSet, safeParseRuleSet, type AssessmentResult, type RecordInput, type RuleSetInput } from '../../src/index.js';
import { PLACEHOLDER, codesAndPaths, finding, ind, prec, rec, rule, ruleSet, run, thrown, type AccountabilityInput, type AccountabilityRuleInput } from './helpers.js';

// Three rules, each on its own incident type, reaching the person on the record and the branch:
//   top    (inc-top at b1, names p-b1-m):    person 纪律处分 (top),    organization 改组 (top)
//   mid    (inc-mid at b2, names p-b2-m):    person 责令书面检查 (2),   organization 通报 (2)
//   bottom (inc-bottom at b3, names p-b3-m): person 批评教育 (bottom), organization 检查 (bottom)
const RULES: AccountabilityRuleInput[] = [
  rule('top', { type: 'incident', recordTypes: ['inc-top'] }, [
    { to: 'direct', form: { person: 'disciplinary-sanction' } },
    { to: 'team', form: { organization: 'reorganization' } },
  ]),
  rule('mid', { type: 'incident', recordTypes: ['inc-mid'] }, [
    { to: 'direct', form: { person: 'written-inspection' } },
    { to: 'team', form: { organization: 'circulation' } },
  ]),
  rule('bottom', { type: 'incident', recordTypes: ['inc-bottom'] }, [
    { to: 'direct', form: { person: 'criticism' } },
    { to: 'team', form: { organization: 'inspection' } },
  ]),
];

const incidents = (year: number): RecordInput[] => [
  rec(`a1-${year}`, 'inc-top', 'b1', `${year}-03-01`, { person: 'p-b1-m' }),
  rec(`a2-${year}`, 'inc-mid', 'b2', `${year}-03-01`, { person: 'p-b2-m' }),
  rec(`a3-${year}`, 'inc-bottom', 'b3', `${year}-03-01`, { person: 'p-b3-m' }),
];

const sheet = (year = 2022, section: Partial<AccountabilityInput> = {}): RuleSetInput => ruleSet([PLACEHOLDER], { rules: RULES, ...section }, {}, year);

/** `[form id, severity, circumstances]` of one finding. */
function moved(result: AssessmentResult, id: string): unknown {
  const f = finding(result, id);
  return [f.form.id, f.form.severity, f.circumstances];
}

describe('no circumstances: the rule\'s form', () => {
  const result = run(sheet(), incidents(2022));

  it('form = baseForm, with its place on the ladder', () => {
    expect(result.findings.map((f) => [f.id, f.form, f.baseForm.id, f.circumstances])).toEqual([
      ['top:o:b1>p:p-b1-m', { id: 'disciplinary-sanction', title: '纪律处分', severity: 6 }, 'disciplinary-sanction', []],
      ['top:o:b1>o:b1', { id: 'reorganization', title: '改组', severity: 3 }, 'reorganization', []],
      ['mid:o:b2>p:p-b2-m', { id: 'written-inspection', title: '责令书面检查', severity: 2 }, 'written-inspection', []],
      ['mid:o:b2>o:b2', { id: 'circulation', title: '通报', severity: 2 }, 'circulation', []],
      ['bottom:o:b3>p:p-b3-m', { id: 'criticism', title: '批评教育', severity: 1 }, 'criticism', []],
      ['bottom:o:b3>o:b3', { id: 'inspection', title: '检查', severity: 1 }, 'inspection', []],
    ]);
  });

  it('without a form anywhere, the lightest of the ladder; a reach form overrides the rule form', () => {
    const plain = run(
      ruleSet([PLACEHOLDER], {
        rules: [
          rule('plain', { type: 'incident', recordTypes: ['inc-top'] }, [{ to: 'direct' }, { to: 'team' }]),
          rule('ruled', { type: 'incident', recordTypes: ['inc-mid'] }, [{ to: 'direct', form: { person: 'admonishment' } }, { to: 'team' }], {
            form: { person: 'criticism', organization: 'circulation' },
          }),
        ],
      }),
      incidents(2022),
    );
    expect(plain.findings.map((f) => [f.id, f.form.id])).toEqual([
      ['plain:o:b1>p:p-b1-m', 'criticism'],
      ['plain:o:b1>o:b1', 'inspection'],
      ['ruled:o:b2>p:p-b2-m', 'admonishment'],
      ['ruled:o:b2>o:b2', 'circulation'],
    ]);
  });

  it('English titles with lang en', () => {
    const en = run(sheet(), incidents(2022), { lang: 'en' });
    expect(finding(en, 'mid:o:b2>p:p-b2-m').form).toEqual({ id: 'written-inspection', title: 'ordered written self-criticism', severity: 2 });
    expect(finding(en, 'top:o:b1>o:b1').form).toEqual({ id: 'reorganization', title: 'reorganization', severity: 3 });
  });
});

describe('a repeat: one step up, clamped at the top', () => {
  // 2021 had the same three incidents, so every 2022 finding repeats a 2021 finding of its rule
  // on the same subject.
  const previous = run(sheet(2021), incidents(2021));
  const result = run(sheet(), incidents(2022), { previous });
  const up = (clamped: boolean) => [{ kind: 'repeat', step: 1, recordIds: [], clamped }];

  it('top stays top, clamped', () => {
    expect(moved(result, 'top:o:b1>p:p-b1-m')).toEqual(['disciplinary-sanction', 6, up(true)]);
    expect(moved(result, 'top:o:b1>o:b1')).toEqual(['reorganization', 3, up(true)]);
  });

  it('elsewhere one step heavier', () => {
    expect(moved(result, 'mid:o:b2>p:p-b2-m')).toEqual(['circulated-criticism', 3, up(false)]);
    expect(moved(result, 'mid:o:b2>o:b2')).toEqual(['reorganization', 3, up(false)]);
    expect(moved(result, 'bottom:o:b3>p:p-b3-m')).toEqual(['written-inspection', 2, up(false)]);
    expect(moved(result, 'bottom:o:b3>o:b3')).toEqual(['circulation', 2, up(false)]);
  });

  it('the base form is kept beside the moved one, and the explanation says so', () => {
    const f = finding(result, 'bottom:o:b3>p:p-b3-m');
    expect(f.baseForm.id).toBe('criticism');
    expect(f.explanation).toContain('上期已有同类问题，加重一档');
    expect(finding(result, 'top:o:b1>p:p-b1-m').explanation).toContain('上期已有同类问题，本应加重一档，已是梯度最重一档');
  });
});

describe('mitigating and aggravating records', () => {
  // prompt-remedy (mitigating) and aggravating-circumstance records name the subject: a person by
  // `person`, an organization by `organization` with no `person`. Attribute `rule` limits one to a rule.
  const remedy = (id: string, who: { person: string } | { organization: string }, ruleId?: string): RecordInput => ({
    id,
    type: 'prompt-remedy',
    date: '2022-11-01',
    ...who,
    ...(ruleId !== undefined ? { attributes: { rule: ruleId } } : {}),
  });
  const aggravating = (id: string, who: { person: string } | { organization: string }, ruleId?: string): RecordInput => ({
    id,
    type: 'aggravating-circumstance',
    date: '2022-11-02',
    ...who,
    ...(ruleId !== undefined ? { attributes: { rule: ruleId } } : {}),
  });

  it('mitigating: one step down, clamped at the bottom', () => {
    const result = run(sheet(), [
      ...incidents(2022),
      remedy('m1', { person: 'p-b1-m' }, 'top'),
      remedy('m3', { person: 'p-b3-m' }, 'bottom'),
      remedy('m3o', { organization: 'b3' }),
    ]);
    expect(moved(result, 'top:o:b1>p:p-b1-m')).toEqual(['organizational-handling', 5, [{ kind: 'mitigating', step: -1, recordIds: ['m1'], clamped: false }]]);
    expect(moved(result, 'bottom:o:b3>p:p-b3-m')).toEqual(['criticism', 1, [{ kind: 'mitigating', step: -1, recordIds: ['m3'], clamped: true }]]);
    // the organization-only record m3o moves b3's finding, not p-b3-m's; m3 names a person, so not b3
    expect(moved(result, 'bottom:o:b3>o:b3')).toEqual(['inspection', 1, [{ kind: 'mitigating', step: -1, recordIds: ['m3o'], clamped: true }]]);
  });

  it('aggravating: one step up; a record for another rule does not count, one with no rule counts for every rule', () => {
    const result = run(sheet(), [
      ...incidents(2022),
      aggravating('g1', { person: 'p-b2-m' }, 'mid'),
      aggravating('g2', { person: 'p-b2-m' }, 'top'),
      aggravating('g3', { organization: 'b2' }),
    ]);
    expect(moved(result, 'mid:o:b2>p:p-b2-m')).toEqual(['circulated-criticism', 3, [{ kind: 'aggravating', step: 1, recordIds: ['g1'], clamped: false }]]);
    expect(moved(result, 'mid:o:b2>o:b2')).toEqual(['reorganization', 3, [{ kind: 'aggravating', step: 1, recordIds: ['g3'], clamped: false }]]);
    // p-b1-m has no aggravating record of his own
    expect(moved(result, 'top:o:b1>p:p-b1-m')).toEqual(['disciplinary-sanction', 6, []]);
  });

  it('several records of one kind are one step, listing them all', () => {
    const result = run(sheet(), [...incidents(2022), remedy('m1', { person: 'p-b1-m' }), remedy('m2', { person: 'p-b1-m' }, 'top')]);
    expect(moved(result, 'top:o:b1>p:p-b1-m')).toEqual(['organizational-handling', 5, [{ kind: 'mitigating', step: -1, recordIds: ['m1', 'm2'], clamped: false }]]);
  });

  it('repeat, aggravating and mitigating together, applied in that order', () => {
    // bottom for p-b3-m: criticism (1) +1 → 2 +1 → 3 −1 → 2 (written-inspection)
    const previous = run(sheet(2021), incidents(2021));
    const result = run(sheet(), [...incidents(2022), aggravating('g', { person: 'p-b3-m' }), remedy('m', { person: 'p-b3-m' })], { previous });
    expect(moved(result, 'bottom:o:b3>p:p-b3-m')).toEqual([
      'written-inspection',
      2,
      [
        { kind: 'repeat', step: 1, recordIds: [], clamped: false },
        { kind: 'aggravating', step: 1, recordIds: ['g'], clamped: false },
        { kind: 'mitigating', step: -1, recordIds: ['m'], clamped: false },
      ],
    ]);
  });

  it('opposite circumstances cancel mid-ladder and at the bottom', () => {
    const records = [...incidents(2022), aggravating('g2', { person: 'p-b2-m' }), remedy('m2', { person: 'p-b2-m' }), aggravating('g3', { person: 'p-b3-m' }), remedy('m3', { person: 'p-b3-m' })];
    const result = run(sheet(), records);
    expect(finding(result, 'mid:o:b2>p:p-b2-m').form.id).toBe('written-inspection');
    // criticism +1 → written-inspection −1 → criticism
    expect(finding(result, 'bottom:o:b3>p:p-b3-m').form.id).toBe('criticism');
  });

  it('opposite circumstances cancel at the top too', () => {
    // src/accountability/circumstances.ts (circumstancesOf) adds the moves up first and cuts the
    // sum once at the ends: at the top 从重 (+1) and 从轻 (−1) cancel as they do at the bottom and
    // mid-ladder (test above), and 纪律处分 stands.
    const result = run(sheet(), [...incidents(2022), aggravating('g1', { person: 'p-b1-m' }), remedy('m1', { person: 'p-b1-m' })]);
    expect(finding(result, 'top:o:b1>p:p-b1-m').form.id).toBe('disciplinary-sanction');
  });

  it('custom circumstance record types replace the defaults', () => {
    const result = run(sheet(2022, { circumstances: { aggravating: ['obstruction'], mitigating: ['owned-up'] } }), [
      ...incidents(2022),
      prec('o1', 'obstruction', 'p-b3-m', '2022-10-01'),
      prec('o2', 'owned-up', 'p-b1-m', '2022-10-01'),
      // the default types no longer count
      aggravating('g', { person: 'p-b2-m' }),
    ]);
    expect(moved(result, 'bottom:o:b3>p:p-b3-m')).toEqual(['written-inspection', 2, [{ kind: 'aggravating', step: 1, recordIds: ['o1'], clamped: false }]]);
    expect(moved(result, 'top:o:b1>p:p-b1-m')).toEqual(['organizational-handling', 5, [{ kind: 'mitigating', step: -1, recordIds: ['o2'], clamped: false }]]);
    expect(moved(result, 'mid:o:b2>p:p-b2-m')).toEqual(['written-inspection', 2, []]);
  });

  it('pending records and records outside the period do not count', () => {
    const result = run(sheet(), [
      ...incidents(2022),
      { ...remedy('m1', { person: 'p-b1-m' }), status: 'pending' },
      { ...aggravating('g1', { person: 'p-b2-m' }), date: '2021-12-31' },
    ]);
    expect(moved(result, 'top:o:b1>p:p-b1-m')).toEqual(['disciplinary-sanction', 6, []]);
    expect(moved(result, 'mid:o:b2>p:p-b2-m')).toEqual(['written-inspection', 2, []]);
  });
});

describe('a custom ladder in accountability.forms', () => {
  // person: 1 talk 谈话提醒, 2 warning 警示, 3 sanction 处分 (no English title)
  // organization: 1 review 约谈, 2 reorg 改组
  const forms: AccountabilityInput['forms'] = {
    person: [
      { id: 'talk', title: '谈话提醒', titleEn: 'reminder talk' },
      { id: 'warning', title: '警示', titleEn: 'warning' },
      { id: 'sanction', title: '处分' },
    ],
    organization: [
      { id: 'review', title: '约谈', titleEn: 'review talk' },
      { id: 'reorg', title: '改组', titleEn: 'reorganization' },
    ],
  };
  const rules: AccountabilityRuleInput[] = [
    rule('case', { type: 'incident', recordTypes: ['inc-mid'] }, [{ to: 'direct', form: { person: 'warning' } }, { to: 'team' }]),
  ];
  const records = [...incidents(2022), prec('g', 'aggravating-circumstance', 'p-b2-m', '2022-10-01')];

  it('forms, severities and moves are read on the custom ladder', () => {
    const result = run(ruleSet([PLACEHOLDER], { forms, rules, ineligibleFrom: 'sanction' }), records);
    // warning (2) +1 → sanction (3); the team's default is the lightest: review (1)
    expect(moved(result, 'case:o:b2>p:p-b2-m')).toEqual(['sanction', 3, [{ kind: 'aggravating', step: 1, recordIds: ['g'], clamped: false }]]);
    expect(finding(result, 'case:o:b2>p:p-b2-m').baseForm).toEqual({ id: 'warning', title: '警示', severity: 2 });
    expect(finding(result, 'case:o:b2>o:b2').form).toEqual({ id: 'review', title: '约谈', severity: 1 });
    expect(result.ineligibleFrom).toEqual({ id: 'sanction', title: '处分', severity: 3 });
  });

  it('English titles where given, else the Chinese one', () => {
    const result = run(ruleSet([PLACEHOLDER], { forms, rules, ineligibleFrom: 'sanction' }), records, { lang: 'en' });
    expect(finding(result, 'case:o:b2>p:p-b2-m').form.title).toBe('处分');
    expect(finding(result, 'case:o:b2>p:p-b2-m').baseForm.title).toBe('warning');
    expect(finding(result, 'case:o:b2>o:b2').form.title).toBe('review talk');
  });

  it('a default form id is unknown on a custom ladder', () => {
    const error = thrown(() => parseRuleSet(ruleSet([PLACEHOLDER], { forms, rules: [rule('x', { type: 'veto' }, [{ to: 'direct', form: { person: 'admonishment' } }])], ineligibleFrom: 'sanction' })));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'unknown-form', path: ['accountability', 'rules', 0, 'reach', 0, 'form', 'person'] }]);
    expect(error.issues[0]?.params).toEqual({ id: 'admonishment', ladder: 'person' });
  });
});

describe('parseRuleSet refuses a bad accountability section', () => {
  const meetings = ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'all-or-nothing' } });
  const rectify = ind({ id: 'rectify', points: 10, measure: { type: 'deadline', recordTypes: ['rectification'] }, scoring: { method: 'all-or-nothing' } });
  const parse = (section: AccountabilityInput) => thrown(() => parseRuleSet(ruleSet([PLACEHOLDER, meetings, rectify], section)));
  const veto = (id: string, extra: Partial<AccountabilityRuleInput> = {}): AccountabilityRuleInput => rule(id, { type: 'veto' }, [{ to: 'team' }], extra);

  it('an unknown form: on a rule, on a reach step, in ineligibleFrom, in supervision', () => {
    const error = parse({
      rules: [veto('a', { form: { person: 'flogging' } }), rule('b', { type: 'veto' }, [{ to: 'team' }, { to: 'team', form: { organization: 'dissolution' } }])],
      ineligibleFrom: 'exile',
      // a person form on the organization ladder
      supervision: { id: 'sup', title: '监督不力', minShare: 0.5, form: 'admonishment' },
    });
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'unknown-form', path: ['accountability', 'rules', 0, 'form', 'person'] },
      { code: 'unknown-form', path: ['accountability', 'rules', 1, 'reach', 1, 'form', 'organization'] },
      { code: 'unknown-form', path: ['accountability', 'ineligibleFrom'] },
      { code: 'unknown-form', path: ['accountability', 'supervision', 'form'] },
    ]);
    expect(error.subject).toBe('rules');
  });

  it('a repeat of an unknown rule, or of itself', () => {
    const error = parse({ rules: [veto('a'), rule('b', { type: 'repeat', rule: 'nope' }, [{ to: 'self' }]), rule('c', { type: 'repeat', rule: 'c' }, [{ to: 'self' }])] });
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'unknown-rule', path: ['accountability', 'rules', 1, 'trigger', 'rule'] },
      { code: 'unknown-rule', path: ['accountability', 'rules', 2, 'trigger', 'rule'] },
    ]);
    expect(error.issues[0]?.params).toEqual({ id: 'nope' });
  });

  it('a deadline-open trigger on a non-deadline indicator (and on one that does not exist)', () => {
    const error = parse({
      rules: [
        rule('ok', { type: 'deadline-open', indicator: 'rectify' }, [{ to: 'team' }]),
        rule('count', { type: 'deadline-open', indicator: 'meetings' }, [{ to: 'team' }]),
        rule('ghost', { type: 'deadline-open', indicator: 'ghost' }, [{ to: 'team' }]),
      ],
    });
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'trigger-not-deadline', path: ['accountability', 'rules', 1, 'trigger', 'indicator'] },
      { code: 'unknown-indicator', path: ['accountability', 'rules', 2, 'trigger', 'indicator'] },
    ]);
  });

  it('duplicate rule ids, pointing at the first', () => {
    const error = parse({ rules: [veto('a'), veto('b'), veto('a')] });
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'duplicate-rule-id', path: ['accountability', 'rules', 2, 'id'] }]);
    expect(error.issues[0]?.params).toMatchObject({ id: 'a', first: expect.stringContaining('0') });
  });

  it('every problem at once, with the unknown indicator of a shortfall and the unknown ladder of lowest-grade', () => {
    const error = parse({
      rules: [
        rule('a', { type: 'deadline-open', indicator: 'meetings' }, [{ to: 'team' }], { form: { person: 'flogging' } }),
        rule('b', { type: 'repeat', rule: 'nope' }, [{ to: 'team' }]),
        veto('a'),
        rule('d', { type: 'shortfall', indicator: 'ghost' }, [{ to: 'team' }]),
        rule('e', { type: 'lowest-grade', ladder: 'ghost' }, [{ to: 'team' }]),
      ],
    });
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'duplicate-rule-id', path: ['accountability', 'rules', 2, 'id'] },
      { code: 'trigger-not-deadline', path: ['accountability', 'rules', 0, 'trigger', 'indicator'] },
      { code: 'unknown-form', path: ['accountability', 'rules', 0, 'form', 'person'] },
      { code: 'unknown-rule', path: ['accountability', 'rules', 1, 'trigger', 'rule'] },
      { code: 'unknown-indicator', path: ['accountability', 'rules', 3, 'trigger', 'indicator'] },
      { code: 'unknown-ladder', path: ['accountability', 'rules', 4, 'trigger', 'ladder'] },
    ]);
  });

  it('messages in both languages', () => {
    const zh = parse({ rules: [veto('a', { form: { person: 'flogging' } })] });
    expect(zh.issues[0]?.message).toBe('问责形式「flogging」不在个人问责形式梯度中');
    const en = thrown(() => parseRuleSet(ruleSet([PLACEHOLDER], { rules: [veto('a', { form: { person: 'flogging' } })] }), { lang: 'en' }));
    expect(en.issues[0]?.message).toBe('form "flogging" is not on the person ladder of forms');
  });

  it('a sound section parses', () => {
    expect(safeParseRuleSet(sheet()).success).toBe(true);
  });

  it('the supervision rule id may not repeat an accountability rule id', () => {
    // check-accountability.ts checks rule ids against each other only. A supervision id equal to a
    // rule id makes two findings share an id (see pressure.test.ts) and mixes them under one rule
    // for `repeat`.
    const result = safeParseRuleSet(ruleSet([PLACEHOLDER], { rules: [veto('a')], supervision: { id: 'a', title: '监督不力', minShare: 0.5 } }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path)).toContainEqual(['accountability', 'supervision', 'id']);
  });
});
