import { describe, expect, it } from 'vitest';
import type { RuleSetInput } from '../../src/index.js';
import { checkRuleSetProperties, formatPropertyFailures, scenario, setupMatchers, type PropertyFailure, type PropertyReport } from '../../src/testing/index.js';
import { firstDifference } from '../../src/testing/properties.js';
import { issuesOf, smallGraph, themeDayRules, year } from './helpers.js';

setupMatchers(expect);

// A docs review found formatPropertyFailures(report, 'en') mixing languages: the label in English,
// the detail in the language the check ran in, naming indicators by their ids
// ("[adding a required record never lowers a score] b1 / pub: 为「pub」增加一条「pub」记录…").
// Each failure now keeps its message (code and params) and is written out in the language asked
// for, naming indicators and record types by their titles.

// b1: secretary in post (6 of 6). Visits excluded while none is reported, so 6/6 = 100.
// One visit: 4 − 3 short × 1 = 1, so 7/10 = 70: reporting a visit lowered the total.
type Indicator = RuleSetInput['indicators'][number];
const visitIndicator = { id: 'visits', title: '走访不少于4次', responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 4, measure: { type: 'count', recordTypes: ['visit'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 1 }, onInsufficientEvidence: 'exclude' } satisfies Indicator;
const secretary = { id: 'secretary', title: '书记在岗', responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 6, measure: { type: 'structure', fact: 'secretary-in-post' }, scoring: { method: 'all-or-nothing' } } satisfies Indicator;

/** The rule set that pays for reporting nothing, with English titles and a declared record type. */
const titledRules = (): RuleSetInput => ({
  ...themeDayRules(),
  recordTypes: [{ id: 'visit', title: '走访', titleEn: 'branch visit' }],
  indicators: [secretary, { ...visitIndicator, titleEn: 'At least 4 visits' }],
});

/** The same, with Chinese titles alone and no record types declared. */
const plainRules = (): RuleSetInput => ({ ...themeDayRules(), indicators: [secretary, visitIndicator] });

const ZH = '[增加应有记录不降分] b1 / visits：为「走访不少于4次（visits）」增加一条「走访（visit）」记录（property-check-1，2022-07-12）后，「第一党支部（b1）」的总分由 100 降为 70';
const EN = '[adding a required record never lowers a score] b1 / visits: adding a "branch visit (visit)" record for "At least 4 visits (visits)" (property-check-1, 2022-07-12) lowered the total of "第一党支部 (b1)" from 100 to 70';

const check = (rules: RuleSetInput, lang: 'zh' | 'en'): PropertyReport => checkRuleSetProperties(rules, { graph: smallGraph(), runs: 1, lang });

describe('formatPropertyFailures writes a report wholly in the language asked for', () => {
  it.each(['zh', 'en'] as const)('a check run in %s, written out in zh and in en', (lang) => {
    const report = check(titledRules(), lang);
    expect(formatPropertyFailures(report, 'zh')).toEqual([ZH]);
    expect(formatPropertyFailures(report, 'en')).toEqual([EN]);
  });

  it('keeps detail in the language of the check, with the message to render it in another', () => {
    const zh = check(titledRules(), 'zh').failures[0];
    const en = check(titledRules(), 'en').failures[0];
    expect(zh?.detail).toBe(ZH.slice(ZH.indexOf('：') + 1));
    expect(en?.detail).toBe(EN.slice(EN.indexOf(': ') + 2));
    expect(zh?.code).toBe('detail-monotonic');
    expect(zh?.params).toEqual({
      indicator: { id: 'visits', title: '走访不少于4次', titleEn: 'At least 4 visits' },
      type: { id: 'visit', title: '走访', titleEn: 'branch visit' },
      record: 'property-check-1',
      date: '2022-07-12',
      what: { code: 'what-total', params: { subject: { id: 'b1', name: '第一党支部' } } },
      before: '100',
      after: '70',
    });
    // The message is in no language: the same whichever language the check ran in.
    expect(en?.params).toEqual(zh?.params);
  });

  it('an indicator without an English title keeps its title; a record type not declared, its id', () => {
    const report = check(plainRules(), 'zh');
    expect(formatPropertyFailures(report, 'zh')).toEqual([
      '[增加应有记录不降分] b1 / visits：为「走访不少于4次（visits）」增加一条「visit」记录（property-check-1，2022-07-12）后，「第一党支部（b1）」的总分由 100 降为 70',
    ]);
    expect(formatPropertyFailures(report, 'en')).toEqual([
      '[adding a required record never lowers a score] b1 / visits: adding a "visit" record for "走访不少于4次 (visits)" (property-check-1, 2022-07-12) lowered the total of "第一党支部 (b1)" from 100 to 70',
    ]);
  });

  it('a report saved as JSON and read back is still written out in either language', () => {
    const saved = JSON.parse(JSON.stringify(check(titledRules(), 'zh'))) as PropertyReport;
    expect(formatPropertyFailures(saved, 'en')).toEqual([EN]);
  });

  it('the matcher says the failures in one language: the scenario’s, or Chinese for a report', () => {
    const said = (received: unknown): string => {
      try {
        expect(received).toSatisfyRuleSetProperties(received instanceof Object && 'failures' in received ? undefined : { runs: 1 });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the matcher to fail');
    };
    expect(said(scenario(titledRules(), { graph: smallGraph(), lang: 'en' }))).toBe(`rule-set properties failed: 1 failure(s) (seed 1)\n  ${EN}`);
    // A report made in English, given to the matcher (which says it in Chinese): no English left in.
    expect(said(check(titledRules(), 'en'))).toBe(`考核细则性质检查未通过：1项失败（种子 1）\n  ${ZH}`);
  });
});

describe('each kind of detail, from a report made by hand', () => {
  const failure = (f: PropertyFailure): PropertyReport => ({ ok: false, seed: 1, checks: { monotonic: 1, bounds: 1, order: 1 }, failures: [f] });
  const subject = { id: 'b1', name: '第一党支部' };
  const indicator = { id: 'br-theme-day', title: '主题党日每月开展', titleEn: 'A theme day every month' };

  it('a line whose points went down', () => {
    const report = failure({
      property: 'monotonic',
      subject: 'b1',
      indicator: 'br-theme-day',
      detail: 'written when the check ran',
      code: 'detail-monotonic',
      params: { indicator, type: 'theme-day', record: 'r9', date: '2022-03-01', what: { code: 'what-line', params: { subject, indicator } }, before: '9', after: '8' },
    });
    expect(formatPropertyFailures(report, 'zh')).toEqual([
      '[增加应有记录不降分] b1 / br-theme-day：为「主题党日每月开展（br-theme-day）」增加一条「theme-day」记录（r9，2022-03-01）后，「第一党支部（b1）」在「主题党日每月开展（br-theme-day）」的得分由 9 降为 8',
    ]);
    expect(formatPropertyFailures(report, 'en')).toEqual([
      '[adding a required record never lowers a score] b1 / br-theme-day: adding a "theme-day" record for "A theme day every month (br-theme-day)" (r9, 2022-03-01) lowered the points of "第一党支部 (b1)" on "A theme day every month (br-theme-day)" from 9 to 8',
    ]);
  });

  it('a shuffle that changed a line, or something else', () => {
    const line = failure({ property: 'order', subject: 'b1', indicator: 'br-theme-day', detail: '…', code: 'detail-order', params: { shuffle: 2, what: { code: 'order-line', params: { before: '9', after: '8' } } } });
    expect(formatPropertyFailures(line, 'zh')).toEqual(['[结果与记录顺序无关] b1 / br-theme-day：打乱记录顺序（第2次）后结果不同：得分由 9 变为 8']);
    expect(formatPropertyFailures(line, 'en')).toEqual(['[result independent of record order] b1 / br-theme-day: shuffling the records (shuffle 2) changed the result: points 9 became 8']);
    const other = failure({ property: 'order', subject: 'b1', indicator: null, detail: '…', code: 'detail-order', params: { shuffle: 1, what: { code: 'order-other', params: { path: 'b1' } } } });
    expect(formatPropertyFailures(other, 'zh')).toEqual(['[结果与记录顺序无关] b1：打乱记录顺序（第1次）后结果不同：「b1」不同']);
    expect(formatPropertyFailures(other, 'en')).toEqual(['[result independent of record order] b1: shuffling the records (shuffle 1) changed the result: "b1" differs']);
  });

  it('firstDifference says what changed in the language asked for', () => {
    const full = scenario(themeDayRules(), { graph: smallGraph(), records: year().monthly('theme-day', { organization: 'b1' }) });
    const short = scenario(themeDayRules(), { graph: smallGraph(), records: year().monthly('theme-day', { organization: 'b1', except: [12] }) });
    expect(firstDifference(full.result, short.result, 'zh')).toEqual({ subject: 'b1', indicator: 'theme-day', what: '得分由 10 变为 9' });
    expect(firstDifference(full.result, short.result, 'en')).toEqual({ subject: 'b1', indicator: 'theme-day', what: 'points 10 became 9' });
  });

  it('a bounds failure with its message', () => {
    const report = failure({ property: 'bounds', subject: 'b1', indicator: 'br-theme-day', detail: '得分 12 不在 0–10 之内', code: 'detail-line-bounds', params: { points: '12', max: '10' } });
    expect(formatPropertyFailures(report, 'en')).toEqual(['[points within bounds] b1 / br-theme-day: points 12 outside 0–10']);
    expect(formatPropertyFailures(report, 'zh')).toEqual(['[分值不越界] b1 / br-theme-day：得分 12 不在 0–10 之内']);
  });

  it('a failure without a message shows its detail as it is', () => {
    const report = failure({ property: 'bounds', subject: 'b1', indicator: null, detail: 'total 110 outside 0–103 (scale 100 + bonus cap 3)' });
    expect(formatPropertyFailures(report, 'en')).toEqual(['[points within bounds] b1: total 110 outside 0–103 (scale 100 + bonus cap 3)']);
  });

  it('refuses a message code it does not have, and values that are not a message’s', () => {
    const bad = (f: object): PropertyReport => failure({ property: 'order', subject: 'b1', indicator: null, detail: '…', ...f } as PropertyFailure);
    expect(issuesOf(() => formatPropertyFailures(bad({ code: 'detail-nope', params: {} }), 'en')).map((i) => [i.code, i.path])).toEqual([['invalid-value', 'report.failures.0.code']]);
    expect(issuesOf(() => formatPropertyFailures(bad({ code: 'detail-order' }), 'en')).map((i) => [i.code, i.path])).toEqual([['required', 'report.failures.0.params']]);
    expect(issuesOf(() => formatPropertyFailures(bad({ params: {} }), 'en')).map((i) => [i.code, i.path])).toEqual([['required', 'report.failures.0.code']]);
    expect(issuesOf(() => formatPropertyFailures(bad({ code: 'detail-order', params: { shuffle: 1, what: { code: 'detail-order', params: {} } } }), 'en')).map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', 'report.failures.0.params.what.code'],
    ]);
    expect(issuesOf(() => formatPropertyFailures(bad({ code: 'detail-order', params: { shuffle: 1, what: null } }), 'en')).map((i) => [i.code, i.path])).toEqual([
      ['invalid-type', 'report.failures.0.params.what'],
    ]);
  });
});
