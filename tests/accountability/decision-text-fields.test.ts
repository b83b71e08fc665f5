// A decision's fields are texts: one left out that is required is `required` (缺少必填字段), one given
// empty (or only spaces) is there and empty, `empty-string` (不能为空), one of another type is
// `invalid-type` — for every field, `by` and `reason` included. Each problem once, at its path.
import { describe, expect, it } from 'vitest';
import { applyDecisions, type Decision } from '../../src/index.js';
import { assessBureau, thrown } from './helpers.js';

const base = assessBureau();
const REN_JIE = 'serious-case:o:br-center-2>p:p-ren-jie';
const LI_HUA = 'serious-case:o:br-center-2>p:p-li-hua';
const by = '局党委';
const at = '2023-01-20';

const issuesOf = (decision: Record<string, unknown>, lang?: 'en') =>
  thrown(() => applyDecisions(base, [decision as unknown as Decision], lang ? { lang } : {})).issues.map((i) => [i.code, i.path, i.message]);

describe('a decision field given empty', () => {
  it('by: "" is empty, not missing (字段「by」不能为空)', () => {
    expect(issuesOf({ finding: REN_JIE, action: 'confirm', by: '', at })).toEqual([['empty-string', ['decisions', 0, 'by'], '字段「by」不能为空']]);
    expect(issuesOf({ finding: REN_JIE, action: 'confirm', by: ' \t', at }, 'en')).toEqual([['empty-string', ['decisions', 0, 'by'], 'field "by" must not be empty']]);
  });

  it('by left out is still required', () => {
    expect(issuesOf({ finding: REN_JIE, action: 'confirm', at })).toEqual([['required', ['decisions', 0, 'by'], '缺少必填字段「by」']]);
  });

  it('finding, action, at and form given empty: empty, and checked no further (no unknown finding "", no invalid value, no invalid date)', () => {
    expect(issuesOf({ finding: '', action: '', by, at: '' }).map(([code, path]) => [code, path])).toEqual([
      ['empty-string', ['decisions', 0, 'finding']],
      ['empty-string', ['decisions', 0, 'action']],
      ['empty-string', ['decisions', 0, 'at']],
    ]);
    expect(issuesOf({ finding: LI_HUA, action: 'change', form: ' ', reason: '情节较重', by, at }).map(([code, path]) => [code, path])).toEqual([['empty-string', ['decisions', 0, 'form']]]);
  });

  it('a reason given empty is said to be empty, whatever the action; none given to waive is decision-reason-required', () => {
    expect(issuesOf({ finding: REN_JIE, action: 'confirm', by, at, reason: '' }).map(([code, path]) => [code, path])).toEqual([['empty-string', ['decisions', 0, 'reason']]]);
    expect(issuesOf({ finding: REN_JIE, action: 'waive', by, at }).map(([code, path]) => [code, path])).toEqual([['decision-reason-required', ['decisions', 0, 'reason']]]);
  });
});

describe('a decision field of another type', () => {
  it('by: 5 is of the wrong type, not missing', () => {
    expect(issuesOf({ finding: REN_JIE, action: 'confirm', by: 5, at })).toEqual([['invalid-type', ['decisions', 0, 'by'], '类型错误：应为 string，实际为 number']]);
  });

  it('a reason that is no text is refused (it was taken into the audit as it was), once, not also as missing', () => {
    expect(issuesOf({ finding: REN_JIE, action: 'confirm', by, at, reason: 7 }).map(([code, path]) => [code, path])).toEqual([['invalid-type', ['decisions', 0, 'reason']]]);
    expect(issuesOf({ finding: REN_JIE, action: 'waive', by, at, reason: ['情况特殊'] }).map(([code, path]) => [code, path])).toEqual([['invalid-type', ['decisions', 0, 'reason']]]);
  });

  it('several problems of one decision, in field order: finding, action, by, at, reason', () => {
    expect(issuesOf({ finding: '', action: 'waive', by: '', at: '2023-02-30', reason: ' ' }).map(([code, path]) => [code, path])).toEqual([
      ['empty-string', ['decisions', 0, 'finding']],
      ['empty-string', ['decisions', 0, 'by']],
      ['invalid-date', ['decisions', 0, 'at']],
      ['empty-string', ['decisions', 0, 'reason']],
    ]);
  });
});

describe('sound decisions are taken as before', () => {
  it('a confirm with every text filled', () => {
    const out = applyDecisions(base, [{ finding: REN_JIE, action: 'confirm', by, at, reason: '属实' }]);
    expect(out.audit).toEqual([{ finding: REN_JIE, action: 'confirm', by, at, reason: '属实', from: 'admonishment', to: 'admonishment' }]);
  });
});
