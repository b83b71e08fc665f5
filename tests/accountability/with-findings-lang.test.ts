// withFindings refusing something that is not a finished session speaks one language throughout:
// the options' (`{ lang }`), else the run's own (a copy of an English run is told in English), else
// Chinese — each part of the message from the catalogue, no English inside a Chinese one.
import { describe, expect, it } from 'vitest';
import { openAssessment, withFindings, type ScoredRun } from '../../src/index.js';
import { graphInput, PLACEHOLDER, ruleSet, thrown } from './helpers.js';

const rules = ruleSet([PLACEHOLDER], undefined);
const finished = (lang: 'zh' | 'en'): ScoredRun => openAssessment({ graph: graphInput(), rules, lang }).finish();
const loose = (value: unknown): ScoredRun => value as ScoredRun;
const refusal = (run: unknown, options?: unknown) => {
  const error = thrown(() => withFindings(loose(run), options as Parameters<typeof withFindings>[1]));
  return { lang: error.lang, subject: error.subject, issues: error.issues.map((i) => [i.code, i.path, i.message]) };
};

const ZH_OBJECT = '类型错误：应为 session.finish()，实际为 对象，但不是 session.finish() 得到的已结束会话（复制或手工拼装的也不算）';
const EN_OBJECT = 'wrong type: expected session.finish(), got an object that is not a finished session returned by session.finish() (a copy, or one put together by hand, is not one)';

describe('withFindings given no finished session', () => {
  it('an object, no language anywhere: all in Chinese', () => {
    expect(refusal({ result: {}, plan: {} })).toEqual({ lang: 'zh', subject: 'options', issues: [['invalid-type', ['run'], ZH_OBJECT]] });
  });

  it('a copy of an English run: in English, the run\'s language', () => {
    expect(refusal({ ...finished('en') })).toEqual({ lang: 'en', subject: 'options', issues: [['invalid-type', ['run'], EN_OBJECT]] });
  });

  it('a copy of a Chinese run: in Chinese', () => {
    expect(refusal({ ...finished('zh') }).issues).toEqual([['invalid-type', ['run'], ZH_OBJECT]]);
  });

  it('the language asked for in the options wins over the run\'s', () => {
    expect(refusal({ ...finished('zh') }, { lang: 'en' }).issues).toEqual([['invalid-type', ['run'], EN_OBJECT]]);
    expect(refusal({ ...finished('en') }, { lang: 'zh' }).issues).toEqual([['invalid-type', ['run'], ZH_OBJECT]]);
  });

  it('what is no object is named by its type, in the language asked for', () => {
    expect(refusal(null, { lang: 'en' }).issues).toEqual([['invalid-type', ['run'], 'wrong type: expected session.finish(), got null']]);
    expect(refusal(undefined).issues).toEqual([['invalid-type', ['run'], '类型错误：应为 session.finish()，实际为 undefined']]);
  });
});

describe('the options of withFindings', () => {
  it('are checked: an unknown name or a language other than zh and en is refused, in the run\'s language when they name none', () => {
    expect(refusal(finished('en'), { lang: 'fr' }).issues.map(([code, path]) => [code, path])).toEqual([['invalid-value', ['lang']]]);
    const typo = refusal(finished('en'), { lnag: 'en' });
    expect([typo.lang, typo.issues.map(([code, path]) => [code, path])]).toEqual(['en', [['unknown-field', ['lnag']]]]);
  });

  it('a finished run is taken as before, its result in its own language whatever the options say', () => {
    const run = finished('zh');
    const result = withFindings(run, { lang: 'en' });
    expect([result.lang, result.findings]).toEqual(['zh', []]);
    expect(JSON.stringify(withFindings(finished('en')))).toBe(JSON.stringify(withFindings(finished('en'), {})));
  });
});
