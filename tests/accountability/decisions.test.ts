// applyDecisions: a person confirms, waives or changes each proposed finding. On the bureau
// example, whose 13 findings are derived by hand in bureau.test.ts; the ones used here:
//   serious-case:o:br-center-2>p:p-shi-lei     纪律处分   (person, not assessed)
//   serious-case:o:br-center-2>o:br-center-2   通报       (organization)
//   serious-case:o:br-center-2>p:p-ren-jie     诫勉       (person)
//   serious-case:o:br-center-2>p:p-li-hua      通报批评
//   serious-case:o:br-center-2>p:p-jiang-tao   批评教育   (person, not assessed: no ladder for branch team members)
//   derelict:p:p-xu-tao>p:p-xu-tao             通报批评
// Eligibility before any decision (line 诫勉): p-ren-jie and p-shi-lei.
import { describe, expect, it } from 'vitest';
import { applyDecisions, ValidationError, type AssessmentResult, type Decision } from '../../src/index.js';
import { assessBureau, codesAndPaths, finding, thrown } from './helpers.js';

const SHI_LEI = 'serious-case:o:br-center-2>p:p-shi-lei';
const BODY = 'serious-case:o:br-center-2>o:br-center-2';
const REN_JIE = 'serious-case:o:br-center-2>p:p-ren-jie';
const LI_HUA = 'serious-case:o:br-center-2>p:p-li-hua';
const JIANG_TAO = 'serious-case:o:br-center-2>p:p-jiang-tao';
const XU_TAO = 'derelict:p:p-xu-tao>p:p-xu-tao';

const base: AssessmentResult = assessBureau();
const by = '局党委';
const at = '2023-01-20';

describe('before any decision', () => {
  it('every finding is proposed, and the bureau lists p-ren-jie and p-shi-lei as not eligible', () => {
    expect(base.findings.every((f) => f.status === 'proposed' && f.decision === undefined)).toBe(true);
    expect(base.eligibility.map((e) => e.person)).toEqual(['p-ren-jie', 'p-shi-lei']);
    expect(base.audit).toBeUndefined();
  });
});

describe('confirm', () => {
  const out = applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at }]);

  it('marks the finding confirmed with the decision, form unchanged', () => {
    const f = finding(out, SHI_LEI);
    expect([f.status, f.form.id, f.decision]).toEqual(['confirmed', 'disciplinary-sanction', { action: 'confirm', by, at }]);
  });

  it('records the audit entry', () => {
    expect(out.audit).toEqual([{ finding: SHI_LEI, action: 'confirm', by, at, from: 'disciplinary-sanction', to: 'disciplinary-sanction' }]);
  });

  it('leaves the other findings as they were', () => {
    expect(out.findings.filter((f) => f.id !== SHI_LEI)).toEqual(base.findings.filter((f) => f.id !== SHI_LEI));
    expect(out.eligibility).toEqual(base.eligibility);
  });

  it('an optional reason on a confirmation is kept', () => {
    const withReason = applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at, reason: '事实清楚' }]);
    expect(finding(withReason, SHI_LEI).decision).toEqual({ action: 'confirm', by, at, reason: '事实清楚' });
  });
});

describe('waive', () => {
  const out = applyDecisions(base, [{ finding: REN_JIE, action: 'waive', by, at, reason: '经集体研究，符合免责情形' }]);

  it('marks the finding waived; it stays in the result with its form', () => {
    const f = finding(out, REN_JIE);
    expect([f.status, f.form.id, f.decision]).toEqual(['waived', 'admonishment', { action: 'waive', by, at, reason: '经集体研究，符合免责情形' }]);
    expect(out.findings).toHaveLength(base.findings.length);
    expect(out.audit).toEqual([{ finding: REN_JIE, action: 'waive', by, at, reason: '经集体研究，符合免责情形', from: 'admonishment', to: 'none' }]);
  });

  it('waiving the 诫勉 frees the person', () => {
    expect(out.eligibility.map((e) => e.person)).toEqual(['p-shi-lei']);
  });

  it('needs a reason: none given is said so, a blank one is said to be empty', () => {
    const refused = (decision: Decision) => codesAndPaths(thrown(() => applyDecisions(base, [decision])).issues);
    expect(refused({ finding: REN_JIE, action: 'waive', by, at })).toEqual([{ code: 'decision-reason-required', path: ['decisions', 0, 'reason'] }]);
    for (const reason of ['', '   ']) expect(refused({ finding: REN_JIE, action: 'waive', by, at, reason })).toEqual([{ code: 'empty-string', path: ['decisions', 0, 'reason'] }]);
  });
});

describe('change', () => {
  it('sets the decided form, with its place on the subject\'s ladder', () => {
    const out = applyDecisions(base, [{ finding: LI_HUA, action: 'change', form: 'admonishment', by, at, reason: '情节较重' }]);
    const f = finding(out, LI_HUA);
    const admonishment = { id: 'admonishment', title: '诫勉', severity: 4 };
    expect([f.status, f.form, f.baseForm.id]).toEqual(['changed', admonishment, 'circulated-criticism']);
    expect(f.decision).toEqual({ action: 'change', by, at, reason: '情节较重', form: admonishment });
    expect(out.audit).toEqual([{ finding: LI_HUA, action: 'change', by, at, reason: '情节较重', from: 'circulated-criticism', to: 'admonishment' }]);
  });

  it('changing a finding up to 诫勉 bars the person', () => {
    // p-jiang-tao is not assessed (no ladder for branch team members), so he holds no top grade
    const out = applyDecisions(base, [{ finding: JIANG_TAO, action: 'change', form: 'admonishment', by, at, reason: '负有重要领导责任，情节较重' }]);
    expect(out.eligibility.map((e) => [e.person, e.findings, e.holdsTopGrade, e.reason])).toEqual([
      ['p-jiang-tao', [JIANG_TAO], false, '本期拟给予诫勉（诫勉及以上），不得评为最高等次、不得参加评优评先'],
      ['p-ren-jie', [REN_JIE], true, '本期拟给予诫勉（诫勉及以上），不得评为最高等次、不得参加评优评先'],
      ['p-shi-lei', [SHI_LEI], false, '本期拟给予纪律处分（诫勉及以上），不得评为最高等次、不得参加评优评先'],
    ]);
  });

  it('changing a finding down below 诫勉 frees the person', () => {
    const out = applyDecisions(base, [{ finding: SHI_LEI, action: 'change', form: 'circulated-criticism', by, at, reason: '另案处理' }]);
    expect(out.eligibility.map((e) => e.person)).toEqual(['p-ren-jie']);
  });

  it('an organization finding changes on the organization ladder', () => {
    const out = applyDecisions(base, [{ finding: BODY, action: 'change', form: 'reorganization', by, at, reason: '班子软弱涣散' }]);
    expect(finding(out, BODY).form).toEqual({ id: 'reorganization', title: '改组', severity: 3 });
  });

  it('the form must be on the subject\'s ladder', () => {
    const error = thrown(() =>
      applyDecisions(base, [
        { finding: BODY, action: 'change', form: 'admonishment', by, at, reason: 'r' },
        { finding: LI_HUA, action: 'change', form: 'reorganization', by, at, reason: 'r' },
      ]),
    );
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'unknown-form', path: ['decisions', 0, 'form'] },
      { code: 'unknown-form', path: ['decisions', 1, 'form'] },
    ]);
    expect(error.issues.map((i) => i.params)).toEqual([
      { id: 'admonishment', ladder: 'organization' },
      { id: 'reorganization', ladder: 'person' },
    ]);
  });

  it('a custom ladder passed in the options', () => {
    // The six default person forms with 谈话提醒 below them and 处分 above: 处分 is the 8th.
    const forms = { person: [{ id: 'talk', title: '谈话提醒' }, ...(base.forms?.person ?? []), { id: 'sanction', title: '处分', titleEn: 'sanction' }] };
    const out = applyDecisions(base, [{ finding: XU_TAO, action: 'change', form: 'sanction', by, at, reason: 'r' }], { forms, lang: 'en' });
    // titled in the result's language (zh); lang only sets the language of problems
    expect(finding(out, XU_TAO).form).toEqual({ id: 'sanction', title: '处分', severity: 8 });
    // an id on neither ladder
    const error = thrown(() => applyDecisions(base, [{ finding: XU_TAO, action: 'change', form: 'demotion', by, at, reason: 'r' }], { forms }));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'unknown-form', path: ['decisions', 0, 'form'] }]);
  });
});

describe('the audit trail', () => {
  it('lists every decision with from and to', () => {
    const out = applyDecisions(base, [
      { finding: SHI_LEI, action: 'confirm', by, at },
      { finding: REN_JIE, action: 'waive', by: '纪委', at: '2023-01-21', reason: 'r1' },
      { finding: LI_HUA, action: 'change', form: 'written-inspection', by, at: '2023-01-22', reason: 'r2' },
    ]);
    expect(out.audit).toEqual([
      { finding: SHI_LEI, action: 'confirm', by, at, from: 'disciplinary-sanction', to: 'disciplinary-sanction' },
      { finding: REN_JIE, action: 'waive', by: '纪委', at: '2023-01-21', reason: 'r1', from: 'admonishment', to: 'none' },
      { finding: LI_HUA, action: 'change', by, at: '2023-01-22', reason: 'r2', from: 'circulated-criticism', to: 'written-inspection' },
    ]);
  });

  it('a later round appends to it', () => {
    const first = applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at }]);
    const second = applyDecisions(first, [{ finding: XU_TAO, action: 'confirm', by, at: '2023-02-01' }]);
    expect(second.audit?.map((a) => [a.finding, a.at])).toEqual([
      [SHI_LEI, at],
      [XU_TAO, '2023-02-01'],
    ]);
    expect(finding(second, SHI_LEI).status).toBe('confirmed');
  });

  it('deciding an already decided finding is refused', () => {
    const first = applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at }]);
    const error = thrown(() => applyDecisions(first, [{ finding: SHI_LEI, action: 'waive', by, at, reason: 'r' }]));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'finding-already-decided', path: ['decisions', 0, 'finding'] }]);
    expect(error.issues[0]?.params).toEqual({ id: SHI_LEI, status: 'confirmed' });
  });

  it('an empty list of decisions changes nothing but starts the trail', () => {
    const out = applyDecisions(base, []);
    expect(out.findings).toEqual(base.findings);
    expect(out.audit).toEqual([]);
  });

  it('the audit trail is in the order the decisions were made', () => {
    // src/accountability/decisions.ts pushes audit entries while mapping result.findings, so the
    // trail follows the findings' order, not the decisions' ("audit lists every decision in order").
    const out = applyDecisions(base, [
      { finding: XU_TAO, action: 'confirm', by, at: '2023-01-20' },
      { finding: SHI_LEI, action: 'confirm', by, at: '2023-01-21' },
    ]);
    expect(out.audit?.map((a) => a.finding)).toEqual([XU_TAO, SHI_LEI]);
  });
});

describe('bad decisions', () => {
  it('a decision without its date: the date is missing, not an invalid date "undefined"', () => {
    const error = thrown(() => applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by }] as unknown as Decision[]));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'required', path: ['decisions', 0, 'at'] }]);
    expect(error.issues[0]?.message).not.toContain('undefined');
  });

  it('are all reported at once, each with its path and code', () => {
    const decisions = [
      /* 0 */ { finding: 'no-such-finding', action: 'confirm', by, at },
      /* 1 */ { finding: SHI_LEI, action: 'confirm', by, at },
      /* 2 */ { finding: SHI_LEI, action: 'confirm', by, at },
      /* 3 */ { finding: REN_JIE, action: 'waive', by, at },
      /* 4 */ { finding: LI_HUA, action: 'change', by, at, reason: 'r' },
      /* 5 */ { finding: JIANG_TAO, action: 'change', form: 'exile', by, at, reason: 'r' },
      /* 6 */ { finding: XU_TAO, action: 'confirm', by, at: '2023-02-30' },
      /* 7 */ { finding: BODY, action: 'confirm', by: ' ', at },
      /* 8 */ { finding: 'derelict:p:p-zhao-lei>p:p-zhao-lei', action: 'confirm', form: 'admonishment', by, at },
      /* 9 */ { action: 'confirm', by, at },
      /* 10 */ { finding: 'formalism:o:br-business>p:p-xu-tao', action: 'punish', by, at },
      /* 11 */ 'not an object',
    ] as unknown as Decision[];
    const error = thrown(() => applyDecisions(base, decisions));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.subject).toBe('decisions');
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'unknown-finding', path: ['decisions', 0, 'finding'] },
      { code: 'duplicate-decision', path: ['decisions', 2, 'finding'] },
      { code: 'decision-reason-required', path: ['decisions', 3, 'reason'] },
      { code: 'required', path: ['decisions', 4, 'form'] },
      { code: 'unknown-form', path: ['decisions', 5, 'form'] },
      { code: 'invalid-date', path: ['decisions', 6, 'at'] },
      // a blank `by` is there, and empty: not missing
      { code: 'empty-string', path: ['decisions', 7, 'by'] },
      { code: 'decision-form-unexpected', path: ['decisions', 8, 'form'] },
      { code: 'required', path: ['decisions', 9, 'finding'] },
      { code: 'invalid-value', path: ['decisions', 10, 'action'] },
      { code: 'invalid-type', path: ['decisions', 11] },
    ]);
    expect(error.issues[1]?.params).toEqual({ id: SHI_LEI, first: 1 });
  });

  it('a field missing is required, one of the wrong type is named so (not "[object Object]")', () => {
    const decisions = [
      /* 0 */ { finding: SHI_LEI, by, at },
      /* 1 */ { finding: REN_JIE, action: {}, by, at: {} },
      /* 2 */ { finding: 7, action: 'change', form: ['written-inspection'], by, at, reason: 'r' },
    ] as unknown as Decision[];
    const error = thrown(() => applyDecisions(base, decisions));
    expect(codesAndPaths(error.issues)).toEqual([
      { code: 'required', path: ['decisions', 0, 'action'] },
      { code: 'invalid-type', path: ['decisions', 1, 'action'] },
      { code: 'invalid-type', path: ['decisions', 1, 'at'] },
      { code: 'invalid-type', path: ['decisions', 2, 'finding'] },
      { code: 'invalid-type', path: ['decisions', 2, 'form'] },
    ]);
    expect(error.issues[1]?.message).toBe('类型错误：应为 string，实际为 object');
    expect(error.issues.map((i) => i.message).join('\n')).not.toContain('[object Object]');
  });

  it('a decision dated before the period began is refused (a typo in the year); on its first day it is taken', () => {
    const error = thrown(() => applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at: '2021-12-31' }]));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'decision-before-period', path: ['decisions', 0, 'at'] }]);
    expect(error.issues[0]?.message).toBe('决定日期 2021-12-31 早于考核期开始（2022-01-01），问责建议那时还没有提出');
    expect(finding(applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at: '2022-01-01' }]), SHI_LEI).status).toBe('confirmed');
  });

  it('deciding again says the status in words', () => {
    const once = applyDecisions(base, [{ finding: REN_JIE, action: 'waive', by, at, reason: '已整改' }]);
    const error = thrown(() => applyDecisions(once, [{ finding: REN_JIE, action: 'confirm', by, at }]));
    expect(error.issues.map((i) => [i.code, i.message])).toEqual([['finding-already-decided', `问责建议「${REN_JIE}」已免予问责，不能再次决定`]]);
  });

  it('a result listing a finding id twice is refused: one decision would decide both', () => {
    const twice = { ...base, findings: [...base.findings, base.findings[0]!] };
    const error = thrown(() => applyDecisions(twice, [{ finding: base.findings[0]!.id, action: 'confirm', by, at }]));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'duplicate-id', path: ['result', 'findings', base.findings.length, 'id'] }]);
    expect(error.issues[0]?.params).toEqual({ id: base.findings[0]!.id, first: 'findings[0]' });
  });

  it('a decisions value that is not an array', () => {
    const error = thrown(() => applyDecisions(base, 'confirm all' as unknown as Decision[]));
    expect(codesAndPaths(error.issues)).toEqual([{ code: 'invalid-type', path: ['decisions'] }]);
  });

  it('messages follow the result\'s language, or the option', () => {
    const error = thrown(() => applyDecisions(base, [{ finding: REN_JIE, action: 'waive', by, at }], { lang: 'en' }));
    expect(error.issues[0]?.message).toBe('a decision to waive needs a reason');
    const zh = thrown(() => applyDecisions(base, [{ finding: REN_JIE, action: 'waive', by, at }]));
    expect(zh.issues[0]?.message).toBe('免予问责须写明理由（reason）');
  });
});

describe('the input result', () => {
  it('is not mutated, by a good batch or a bad one', () => {
    const before = JSON.stringify(base);
    const findings = base.findings;
    applyDecisions(base, [
      { finding: SHI_LEI, action: 'confirm', by, at },
      { finding: REN_JIE, action: 'waive', by, at, reason: 'r' },
      { finding: LI_HUA, action: 'change', form: 'admonishment', by, at, reason: 'r' },
    ]);
    thrown(() => applyDecisions(base, [{ finding: 'nope', action: 'confirm', by, at }]));
    expect(JSON.stringify(base)).toBe(before);
    expect(base.findings).toBe(findings);
    expect(base.audit).toBeUndefined();
  });

  it('nor is a decided result when decided again', () => {
    const first = applyDecisions(base, [{ finding: SHI_LEI, action: 'confirm', by, at }]);
    const before = JSON.stringify(first);
    applyDecisions(first, [{ finding: XU_TAO, action: 'confirm', by, at }]);
    expect(JSON.stringify(first)).toBe(before);
  });
});
