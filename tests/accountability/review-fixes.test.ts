// Fixes from a review of the accountability layer, each on the small graph of helpers.ts with
// values worked out by hand:
//   A. the 'deadline-open' trigger reads a task's due and completion days as the deadline measure
//      does (one helper, taskDays / taskStanding / isOpenTask in engine/measures/deadline.ts);
//   B. applyDecisions with options.forms puts every severity and the eligibility line on the
//      ladder in force, and refuses a ladder that lacks a form the result uses;
//   C. applyDecisions writes what it adds in the result's language; options.lang is for problems;
//   D. a waiver record without a reason is titled 未说明理由 / no reason given;
//   E. the English 'deadline-open' explanation names the indicators, as the Chinese does.
//
// Day numbers (days since 1970-01-01): 2022-02-20 = 19043, 2022-03-01 = 19052,
// 2022-06-30 = 19173, 2022-12-31 = 19357 (asOf: the end of the 2022 period), 2023-02-01 = 19389.
import { describe, expect, it } from 'vitest';
import { applyDecisions, type Decision } from '../../src/index.js';
import { isOpenTask, taskDays, taskStanding } from '../../src/engine/measures/deadline.js';
import { codesAndPaths, finding, ids, ind, PLACEHOLDER, prec, rec, rule, ruleSet, run, thrown } from './helpers.js';

const ASOF = 19357;

describe('A. one reading of a task for the deadline measure and the deadline-open trigger', () => {
  describe('the helper', () => {
    it('due on the record\'s own date, else the spec\'s; done on its completion, else (spec due) on its date', () => {
      // own due 2022-03-01, dated 2022-02-20, spec due 2022-06-30: done on 2022-02-20, on time
      expect(taskDays({ day: 19043, due: 19052 }, 19173)).toEqual({ due: 19052, completed: 19043 });
      expect(taskStanding({ due: 19052, completed: 19043 }, ASOF)).toBe('on-time');
      expect(isOpenTask({ day: 19043, due: 19052 }, 19173, ASOF)).toBe(false);
      // no own due, completion 2023-02-01 after asOf, spec due 2022-06-30: open
      expect(taskDays({ day: 19052, completed: 19389 }, 19173)).toEqual({ due: 19173, completed: 19389 });
      expect(taskStanding({ due: 19173, completed: 19389 }, ASOF)).toBe('open');
      expect(isOpenTask({ day: 19052, completed: 19389 }, 19173, ASOF)).toBe(true);
    });

    it('without a spec due: the record\'s own dates only, and no due day means no task', () => {
      expect(taskDays({ day: 19043, due: 19052 }, undefined)).toEqual({ due: 19052, completed: undefined });
      expect(isOpenTask({ day: 19043, due: 19052 }, undefined, ASOF)).toBe(true);
      expect(taskDays({ day: 19043 }, undefined)).toBeUndefined();
      expect(isOpenTask({ day: 19043, completed: 19389 }, undefined, ASOF)).toBe(false);
    });

    it('late, and not yet due', () => {
      expect(taskStanding({ due: 19052, completed: 19173 }, ASOF)).toBe('late');
      expect(taskStanding({ due: 19389, completed: undefined }, ASOF)).toBe('not-yet-due');
      // done after asOf and not yet due
      expect(taskStanding({ due: 19389, completed: 19389 }, ASOF)).toBe('not-yet-due');
    });
  });

  // Work points to be issued by 2022-06-30; each record is an issued document.
  const docs = (expected?: number) =>
    ind({
      id: 'issue-docs',
      title: '工作要点印发',
      titleEn: 'work points issued',
      points: 10,
      measure: { type: 'deadline', recordTypes: ['doc'], due: '2022-06-30', ...(expected !== undefined ? { expected } : {}) },
      scoring: { method: 'deduct', perShortfall: 5 },
    });
  const openRule = rule('open', { type: 'deadline-open', indicator: 'issue-docs' }, [{ to: 'direct', form: { person: 'written-inspection' } }, { to: 'secretary', form: { person: 'criticism' } }]);

  it('a document issued ahead of its own due date is on time for both: nobody answers directly for it', () => {
    // 2 expected, 1 issued on 2022-02-20 (own due 2022-03-01): on time; the other never issued
    // counts as open. b1's line has 1 open, so the rule fires for b1, but on no record: the
    // secretary answers for the branch, p-b1-m (named on the on-time document) does not. The
    // other branches reported nothing: 2 open each, their secretaries answer too.
    const result = run(ruleSet([docs(2)], { rules: [openRule] }), [rec('t1', 'doc', 'b1', '2022-02-20', { due: '2022-03-01', person: 'p-b1-m' })]);
    const line = result.organizations.find((o) => o.id === 'b1')?.lines[0];
    expect([line?.facts?.['onTime'], line?.facts?.['open']]).toEqual([1, 1]);
    expect(ids(result)).toEqual(['open:o:b1>p:p-b1-sec', 'open:o:b2>p:p-b2-sec', 'open:o:b3>p:p-b3-sec', 'open:o:b4>p:p-b4-sec']);
    expect(finding(result, 'open:o:b1>p:p-b1-sec').trigger.recordIds).toEqual([]);
  });

  it('a document completed only after asOf is open past the spec due date for both', () => {
    // dated 2022-03-01, completed 2023-02-01 (after asOf), no own due: due 2022-06-30, open
    const result = run(ruleSet([docs()], { rules: [openRule] }), [rec('t2', 'doc', 'b1', '2022-03-01', { completed: '2023-02-01', person: 'p-b1-m' })]);
    expect(result.organizations.find((o) => o.id === 'b1')?.lines[0]?.facts?.['open']).toBe(1);
    expect(ids(result)).toEqual(['open:o:b1>p:p-b1-m', 'open:o:b1>p:p-b1-sec']);
    const direct = finding(result, 'open:o:b1>p:p-b1-m');
    expect([direct.trigger.recordIds, direct.form.id, direct.liability]).toEqual([['t2'], 'written-inspection', 'direct']);
    expect(direct.explanation).toBe('【open】第一支部：1项任务逾期未完成（工作要点印发）；孙党员承担直接责任（直接责任），建议「责令书面检查」');
  });

  it('E. the English explanation names the overdue indicators too', () => {
    const result = run(ruleSet([docs()], { rules: [openRule] }), [rec('t2', 'doc', 'b1', '2022-03-01', { completed: '2023-02-01', person: 'p-b1-m' })], { lang: 'en' });
    expect(finding(result, 'open:o:b1>p:p-b1-m').explanation).toBe(
      '[open] 第一支部: 1 task(s) overdue and still open (work points issued); 孙党员 bears direct responsibility (direct); proposed: ordered written self-criticism',
    );
  });
});

// Two rules on the default person ladder (批评教育 1 … 诫勉 4 … 纪律处分 6, line 诫勉):
//   inc:o:b1>p:p-b1-m    批评教育 (case r1 at b1, naming p-b1-m)
//   grave:o:b2>p:p-b2-m  诫勉     (grave-case r2 at b2, naming p-b2-m)
const twoRules = ruleSet([PLACEHOLDER], {
  rules: [
    rule('inc', { type: 'incident', recordTypes: ['case'] }, [{ to: 'direct', form: { person: 'criticism' } }]),
    rule('grave', { type: 'incident', recordTypes: ['grave-case'] }, [{ to: 'direct', form: { person: 'admonishment' } }]),
  ],
});
const twoRecords = [rec('r1', 'case', 'b1', '2022-05-01', { person: 'p-b1-m' }), rec('r2', 'grave-case', 'b2', '2022-05-01', { person: 'p-b2-m' })];
const INC = 'inc:o:b1>p:p-b1-m';
const GRAVE = 'grave:o:b2>p:p-b2-m';
const by = '局党委';
const at = '2023-01-20';
const BARRED_ZH = (form: string): string => `本期拟给予${form}（诫勉及以上），不得评为最高等次、不得参加评优评先`;

describe('B. deciding on a ladder given in the options', () => {
  const base = run(twoRules, twoRecords);
  // 谈话提醒 below the default ladder: 谈话提醒 1, 批评教育 2, 责令书面检查 3, 通报批评 4, 诫勉 5, …
  const person = [{ id: 'talk', title: '谈话提醒' }, ...(base.forms?.person ?? [])];

  it('before: p-b2-m is barred at 诫勉 (4), the line', () => {
    expect(base.findings.map((f) => [f.id, f.form.severity])).toEqual([[INC, 1], [GRAVE, 4]]);
    expect(base.ineligibleFrom).toEqual({ id: 'admonishment', title: '诫勉', severity: 4 });
    expect(base.eligibility.map((e) => e.person)).toEqual(['p-b2-m']);
  });

  const out = applyDecisions(base, [{ finding: INC, action: 'change', form: 'circulated-criticism', by, at, reason: '情节' }], { forms: { person } });

  it('通报批评 is 4th of 7 and the line 诫勉 5th: the person changed to 通报批评 stays eligible', () => {
    expect(finding(out, INC).form).toEqual({ id: 'circulated-criticism', title: '通报批评', severity: 4 });
    expect(out.ineligibleFrom).toEqual({ id: 'admonishment', title: '诫勉', severity: 5 });
    expect(out.eligibility.map((e) => [e.person, e.findings, e.reason])).toEqual([['p-b2-m', [GRAVE], BARRED_ZH('诫勉')]]);
  });

  it('an undecided finding and a base form move up with the ladder', () => {
    const grave = finding(out, GRAVE);
    expect([grave.status, grave.form, grave.baseForm.severity]).toEqual(['proposed', { id: 'admonishment', title: '诫勉', severity: 5 }, 5]);
    // the changed finding's base form 批评教育 is 2nd
    expect(finding(out, INC).baseForm).toEqual({ id: 'criticism', title: '批评教育', severity: 2 });
    expect(finding(out, INC).decision?.form?.severity).toBe(4);
  });

  it('the result keeps the ladder it was decided on, and a second round stays on it', () => {
    expect(out.forms?.person.map((f) => f.id)).toEqual(['talk', 'criticism', 'written-inspection', 'circulated-criticism', 'admonishment', 'organizational-handling', 'disciplinary-sanction']);
    expect(out.forms?.organization).toEqual(base.forms?.organization);
    const again = applyDecisions(out, [{ finding: GRAVE, action: 'change', form: 'talk', by, at, reason: '主动说明' }]);
    expect(finding(again, GRAVE).form).toEqual({ id: 'talk', title: '谈话提醒', severity: 1 });
    expect(again.ineligibleFrom?.severity).toBe(5);
    expect(again.eligibility).toEqual([]);
  });

  it('a ladder without the line\'s form or a finding\'s form is refused, each at its path', () => {
    const short = [{ id: 'criticism', title: '批评教育' }, { id: 'circulated-criticism', title: '通报批评' }];
    const decisions: Decision[] = [{ finding: INC, action: 'confirm', by, at }];
    const error = thrown(() => applyDecisions(base, decisions, { forms: { person: short } }));
    expect(error.subject).toBe('decisions');
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'ladder-lacks-line', path: ['result', 'ineligibleFrom', 'id'] },
      { code: 'ladder-lacks-form', path: ['result', 'findings', 1, 'form', 'id'] },
    ]);
    expect(error.issues.map((i) => i.params)).toEqual([
      { id: 'admonishment', ladder: 'person' },
      { id: 'admonishment', finding: GRAVE, ladder: 'person' },
    ]);
    expect(error.issues.map((i) => i.message)).toEqual([
      '所给的个人问责形式梯度（options.forms.person）中没有评优评先资格线的形式「admonishment」，无法确定其轻重',
      `所给的个人问责形式梯度（options.forms.person）中没有问责建议「${GRAVE}」所用的形式「admonishment」，无法确定其轻重`,
    ]);
    const en = thrown(() => applyDecisions(base, decisions, { forms: { person: short }, lang: 'en' }));
    expect(en.issues.map((i) => i.message)).toEqual([
      'the person ladder given in options.forms has no form "admonishment", the eligibility line (ineligibleFrom): its place on the ladder is unknown',
      `the person ladder given in options.forms has no form "admonishment", used by finding "${GRAVE}": its place on the ladder is unknown`,
    ]);
  });

  it('a base form missing from the ladder is refused too', () => {
    // an aggravating circumstance moves p-b1-m's 批评教育 up to 责令书面检查
    const result = run(twoRules, [...twoRecords, prec('a1', 'aggravating-circumstance', 'p-b1-m', '2022-06-01')]);
    expect([finding(result, INC).baseForm.id, finding(result, INC).form.id]).toEqual(['criticism', 'written-inspection']);
    const withoutCriticism = (result.forms?.person ?? []).filter((f) => f.id !== 'criticism');
    const error = thrown(() => applyDecisions(result, [], { forms: { person: withoutCriticism } }));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'ladder-lacks-form', path: ['result', 'findings', 0, 'baseForm', 'id'] }]);
  });
});

describe('C. what applyDecisions adds is in the result\'s language; options.lang is for problems', () => {
  const zh = run(twoRules, twoRecords);
  const en = run(twoRules, twoRecords, { lang: 'en' });
  const confirm: Decision[] = [{ finding: GRAVE, action: 'confirm', by, at }];

  it('eligibility text stays in the result\'s language whatever options.lang says', () => {
    expect(applyDecisions(zh, confirm, { lang: 'en' }).eligibility.map((e) => e.reason)).toEqual([BARRED_ZH('诫勉')]);
    expect(applyDecisions(en, confirm, { lang: 'zh' }).eligibility.map((e) => e.reason)).toEqual(['admonishment (admonishment or heavier): not eligible for the top grade or awards']);
  });

  it('a changed form is titled in the result\'s language', () => {
    const change: Decision[] = [{ finding: INC, action: 'change', form: 'organizational-handling', by, at, reason: 'r' }];
    const out = applyDecisions(zh, change, { lang: 'en' });
    expect(finding(out, INC).form).toEqual({ id: 'organizational-handling', title: '组织调整或处理', severity: 5 });
    expect(out.eligibility.map((e) => [e.person, e.reason])).toEqual([
      ['p-b1-m', BARRED_ZH('组织调整或处理')],
      ['p-b2-m', BARRED_ZH('诫勉')],
    ]);
    const outEn = applyDecisions(en, change, { lang: 'zh' });
    expect(finding(outEn, INC).form.title).toBe('organizational adjustment or handling');
    expect(outEn.eligibility[0]?.reason).toBe('organizational adjustment or handling (admonishment or heavier): not eligible for the top grade or awards');
  });

  it('problems still follow options.lang', () => {
    const error = thrown(() => applyDecisions(zh, [{ finding: INC, action: 'waive', by, at }], { lang: 'en' }));
    expect(error.issues.map((i) => i.message)).toEqual(['a decision to waive needs a reason']);
  });
});

describe('D. a waiver record without a reason', () => {
  const rules = ruleSet([PLACEHOLDER], { rules: [rule('inc', { type: 'incident', recordTypes: ['case'] }, [{ to: 'direct', form: { person: 'criticism' } }])] });
  const records = [rec('r1', 'case', 'b1', '2022-05-01', { person: 'p-b1-m' }), prec('w1', 'accountability-waiver', 'p-b1-m', '2022-06-01')];

  it('keeps the id unspecified, titled 未说明理由 in Chinese', () => {
    const f = finding(run(rules, records), INC);
    expect(f.waiver).toEqual({ reason: 'unspecified', title: '未说明理由', recordIds: ['w1'] });
    expect(f.explanation).toBe('【inc】第一支部：发生问题事件（记录 r1）；孙党员承担直接责任（直接责任），建议「批评教育」；符合免责情形：未说明理由，建议免予问责');
  });

  it('and no reason given in English', () => {
    const f = finding(run(rules, records, { lang: 'en' }), INC);
    expect(f.waiver).toEqual({ reason: 'unspecified', title: 'no reason given', recordIds: ['w1'] });
    expect(f.explanation).toBe(
      '[inc] 第一支部: incident (records r1); 孙党员 bears direct responsibility (direct); proposed: criticism and education; waiver grounds: no reason given; proposed to waive',
    );
  });
});
