// Circumstances on the small graph of helpers.ts:
//   - a record's `rule` attribute may be a list of rule ids; one naming no rule is warned of;
//   - only the moves an end of the ladder cut are marked clamped in the explanation;
//   - supervision findings move for repeats and circumstances as other findings do.
// Person ladder (0-based): criticism 0, written-inspection 1, circulated-criticism 2,
// admonishment 3, organizational-handling 4, disciplinary-sanction 5.
// Organization ladder: inspection 0, circulation 1, reorganization 2.
import { describe, expect, it } from 'vitest';
import { circumstancesOf, type CircumstanceTypes } from '../../src/accountability/circumstances.js';
import { indexRetained } from '../../src/accountability/retained-index.js';
import type { AttributeValue, EvidenceRecord } from '../../src/model/record.js';
import { finding, ids, ind, prec, rec, rule, ruleSet, run } from './helpers.js';

const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });

describe('the rule attribute of a circumstance record', () => {
  // A case vetoes b2; 'serious' proposes 诫勉 (admonishment, 3) to its secretary p-b2-sec.
  const rules = [rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: 'admonishment' } }]), rule('formalism', { type: 'formalism', recordTypes: ['study'] }, [{ to: 'team' }])];
  const withRemedy = (value: AttributeValue) =>
    run(ruleSet([veto], { rules }), [rec('c1', 'case', 'b2', '2022-05-01'), prec('rem', 'prompt-remedy', 'p-b2-sec', '2022-06-01', { attributes: { rule: value } })]);
  const warningsOf = (result: ReturnType<typeof run>) => result.warnings.filter((w) => w.code === 'warning-circumstance-unknown-rule');

  it('a list applies to each rule on it: one step lighter, to 通报批评', () => {
    const result = withRemedy(['formalism', 'serious']);
    expect(finding(result, 'serious:o:b2>p:p-b2-sec').form.id).toBe('circulated-criticism');
    expect(warningsOf(result)).toEqual([]);
  });

  it('a list without the rule applies to other rules only', () => {
    expect(finding(withRemedy(['formalism']), 'serious:o:b2>p:p-b2-sec').form.id).toBe('admonishment');
  });

  it('a name that is no rule applies to nothing by it, and is warned of with its records', () => {
    const misspelt = withRemedy('serous');
    expect(finding(misspelt, 'serious:o:b2>p:p-b2-sec').form.id).toBe('admonishment');
    expect(warningsOf(misspelt)).toEqual([
      {
        code: 'warning-circumstance-unknown-rule',
        params: { rule: 'serous', count: 1, records: 'rem' },
        message: '1条情节或免责记录的属性 rule 写了「serous」，没有这个编号的问责规则，对该名称不生效（记录 rem）',
      },
    ]);
    // In a list, the known name still applies; the unknown one is warned of.
    const mixed = withRemedy(['serious', 'other']);
    expect(finding(mixed, 'serious:o:b2>p:p-b2-sec').form.id).toBe('circulated-criticism');
    expect(warningsOf(mixed).map((w) => w.params)).toEqual([{ rule: 'other', count: 1, records: 'rem' }]);
    expect(warningsOf(withRemedy([])).map((w) => w.params['rule'])).toEqual(['[]']);
    expect(warningsOf(withRemedy(3)).map((w) => w.params['rule'])).toEqual(['3']);
  });
});

describe('clamped: only the moves the end of the ladder cut', () => {
  // 组织调整或处理 (4), found last period and aggravated: 4 + 2 = 6, cut to 5 (纪律处分). One move
  // took the form up a step, the other was cut: the later one (aggravating) is marked.
  const rules = [rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: 'organizational-handling' } }])];
  const y2021 = run(ruleSet([veto], { rules }, {}, 2021), [rec('c-2021', 'case', 'b2', '2021-05-01')]);
  const y2022 = (lang: 'zh' | 'en') =>
    run(ruleSet([veto], { rules }, {}, 2022), [rec('c-2022', 'case', 'b2', '2022-05-01'), prec('ag', 'aggravating-circumstance', 'p-b2-sec', '2022-06-01')], { previous: y2021, lang });

  it('the repeat moved the form, the aggravating circumstance was cut', () => {
    const f = finding(y2022('zh'), 'serious:o:b2>p:p-b2-sec');
    expect([f.baseForm.id, f.form.id]).toEqual(['organizational-handling', 'disciplinary-sanction']);
    expect(f.circumstances).toEqual([
      { kind: 'repeat', step: 1, recordIds: [], clamped: false },
      { kind: 'aggravating', step: 1, recordIds: ['ag'], clamped: true },
    ]);
    // A move of one form is 加重 (Art. 19), and the cut one says the form is already the heaviest.
    // The record has no title and its type none in the rule set: named by its kind alone.
    expect(f.explanation).toBe('【serious】第二支部：触发一票否决（记录 c-2022）；吴书记承担主要领导责任（第一责任），建议「纪律处分」；上期已有同类问题，加重一档；有加重问责情节，本应加重一档，已是梯度最重一档');
    expect(finding(y2022('en'), 'serious:o:b2>p:p-b2-sec').explanation).toBe(
      '[serious] 第二支部: one-vote veto (records c-2022); 吴书记 bears principal leadership responsibility (first responsibility); proposed: disciplinary sanction; repeated from the previous period, one form heavier; aggravating circumstances, would be one form heavier but the form is already the heaviest',
    );
  });

  it('the count of cut moves is the overshoot, in its direction', () => {
    const types: CircumstanceTypes = { aggravating: new Set(['ag']), mitigating: new Set(['mi']), waiver: new Set() };
    const subject = { type: 'person' as const, id: 'p', name: 'p' };
    const records = (kinds: string[]) => indexRetained(kinds.map((type, i): EvidenceRecord => ({ id: `r${i}`, type, person: 'p', day: 19143, date: '2022-05-31', status: 'approved', attributes: new Map() })));
    const clampedAt = (kinds: string[], repeated: boolean, start: number) => {
      const { circumstances, index } = circumstancesOf(types, records(kinds), subject, 'x', repeated, start, 5);
      return [index, circumstances.map((c) => `${c.kind}${c.clamped ? '!' : ''}`)];
    };
    // at the top: +1 +1 −1 = 6, cut 1: the aggravating move
    expect(clampedAt(['ag', 'mi'], true, 5)).toEqual([5, ['repeat', 'aggravating!', 'mitigating']]);
    // at the top: +1 +1 = 7, cut 2: both
    expect(clampedAt(['ag'], true, 5)).toEqual([5, ['repeat!', 'aggravating!']]);
    // at the bottom: −1 = −1, cut 1; from 1: no cut
    expect(clampedAt(['mi'], false, 0)).toEqual([0, ['mitigating!']]);
    expect(clampedAt(['mi'], false, 1)).toEqual([0, ['mitigating']]);
  });
});

describe('supervision findings move for circumstances', () => {
  // Cases in b3 and b4, both under gb; the team of each is reached; supervision minShare 0.5,
  // form inspection (0). An aggravating record on gb as an organization (no person).
  const section = () => ({
    rules: [rule('serious', { type: 'veto' }, [{ to: 'team' }])],
    supervision: { id: 'sup', title: '一级抓一级不力', minShare: 0.5, form: 'inspection' },
  });
  const records = (year: number, attributes?: Record<string, string>) => [
    rec(`c1-${year}`, 'case', 'b3', `${year}-05-01`),
    rec(`c2-${year}`, 'case', 'b4', `${year}-05-01`),
    rec(`ag-${year}`, 'aggravating-circumstance', 'gb', `${year}-06-01`, attributes ? { attributes } : {}),
  ];

  it('a repeat and an aggravating record: inspection + 2 = reorganization', () => {
    const y2021 = run(ruleSet([veto], section(), {}, 2021), records(2021));
    expect(finding(y2021, 'sup:o:gb>o:gb').form.id).toBe('circulation');
    const y2022 = run(ruleSet([veto], section(), {}, 2022), records(2022), { previous: y2021 });
    const f = finding(y2022, 'sup:o:gb>o:gb');
    expect([f.baseForm.id, f.form.id]).toEqual(['inspection', 'reorganization']);
    expect(f.circumstances).toEqual([
      { kind: 'repeat', step: 1, recordIds: [], clamped: false },
      { kind: 'aggravating', step: 1, recordIds: ['ag-2022'], clamped: false },
    ]);
    expect(f.explanation).toBe('【一级抓一级不力】党总支所属2个下级组织中2个被提出问责（第三支部、第四支部），一级抓一级不力，建议「改组」；上期已有同类问题，加重一档；有加重问责情节，加重一档');
  });

  it('a record limited to another rule does not move it; one naming the supervision rule does', () => {
    const other = run(ruleSet([veto], section()), records(2022, { rule: 'serious' }));
    expect(finding(other, 'sup:o:gb>o:gb').form.id).toBe('inspection');
    const named = run(ruleSet([veto], section()), records(2022, { rule: 'sup' }));
    expect(finding(named, 'sup:o:gb>o:gb').form.id).toBe('circulation');
    expect(named.warnings.map((w) => w.code)).not.toContain('warning-circumstance-unknown-rule');
    expect(ids(named)).toEqual(['serious:o:b3>o:b3', 'serious:o:b4>o:b4', 'sup:o:gb>o:gb']);
  });
});
