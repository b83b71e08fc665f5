import { describe, expect, it } from 'vitest';
import { parseRuleSet, type RuleSetInput } from '../../src/index.js';
import { checkResultBounds, checkRuleSetProperties, formatPropertyFailures, scenario, seededRandom, setupMatchers } from '../../src/testing/index.js';
import { firstDifference } from '../../src/testing/properties.js';
import { requiredRecord } from '../../src/testing/synthesize.js';
import { bureauExample, bureauRules, failureOf, issuesOf, smallGraph, themeDayRules, year } from './helpers.js';

setupMatchers(expect);

describe('seededRandom', () => {
  it('replays the same sequence from the same seed, within range', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(Array.from({ length: 50 }, () => b.int(1, 6))).toEqual(draws);
    expect(draws.every((n) => n >= 1 && n <= 6)).toBe(true);
    expect(new Set(draws).size).toBe(6);
    expect(seededRandom(8).next()).not.toBe(seededRandom(7).next());
  });

  it('shuffles into a permutation and refuses to pick from nothing', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const shuffled = seededRandom(1).shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(() => seededRandom(1).pick([])).toThrow(RangeError);
    expect(failureOf(() => seededRandom(1).pick([]))).toBe('zerenzhi/testing：无法从空列表中选取\nzerenzhi/testing: cannot pick from an empty list');
  });

  it('refuses a seed that is not a whole number (NaN would act as 0 without a word)', () => {
    expect(failureOf(() => seededRandom(Number.NaN))).toBe('zerenzhi/testing：种子应为整数，收到的是 NaN\nzerenzhi/testing: the seed must be a whole number, received NaN');
    expect(() => seededRandom(1.5)).toThrow(RangeError);
  });
});

describe('checkRuleSetProperties', () => {
  const evidence = year().monthly('theme-day', { organization: 'b1', except: [12], attributes: { minutes: 'm.pdf' } }).on('2022-07-01', 'party-lecture', { person: 'p4' });

  it('holds for the bureau rules on a small graph', () => {
    const report = checkRuleSetProperties(bureauRules(), { graph: smallGraph(), records: evidence, runs: 25 });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, seed: 1, checks: { monotonic: 25, bounds: 26, order: 3 } });
  });

  it('holds for the bureau example’s full year of records', () => {
    const { graph, records } = bureauExample();
    const report = checkRuleSetProperties(bureauRules(), { graph, records, runs: 10, shuffles: 2, seed: 2022 });
    expect(formatPropertyFailures(report)).toEqual([]);
    expect(report.checks.order).toBe(2);
  });

  it('is reproducible from its seed', () => {
    const options = { graph: smallGraph(), records: evidence, runs: 5 };
    expect(checkRuleSetProperties(bureauRules(), { ...options, seed: 9 })).toEqual(checkRuleSetProperties(bureauRules(), { ...options, seed: 9 }));
  });

  it('catches a rule that pays for reporting nothing: count + exclude lowers the total when one record arrives', () => {
    // b1: secretary in post (6 of 6). Visits excluded while none is reported, so 6/6 = 100.
    // One visit: 4 − 3 short × 1 = 1, so 7/10 = 70: reporting a visit lowered the total.
    const rules: RuleSetInput = {
      ...themeDayRules(),
      indicators: [
        { id: 'secretary', title: '书记在岗', responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 6, measure: { type: 'structure', fact: 'secretary-in-post' }, scoring: { method: 'all-or-nothing' } },
        { id: 'visits', title: '走访不少于4次', responsibility: 'principal', appliesTo: { organizations: ['branch'] }, points: 4, measure: { type: 'count', recordTypes: ['visit'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 1 }, onInsufficientEvidence: 'exclude' },
      ],
    };
    const report = checkRuleSetProperties(rules, { graph: smallGraph(), runs: 3 });
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      { property: 'monotonic', subject: 'b1', indicator: 'visits', detail: expect.stringContaining('后，「第一党支部（b1）」的总分由 100 降为 70') as string, code: 'detail-monotonic', params: expect.any(Object) as object },
    ]);
    const s = scenario(rules, { graph: smallGraph() });
    const message = failureOf(() => expect(s).toSatisfyRuleSetProperties({ runs: 3 }));
    expect(message).toContain('考核细则性质检查未通过：1项失败（种子 1）');
    expect(message).toContain('[增加应有记录不降分] b1 / visits：为「走访不少于4次（visits）」增加一条「visit」记录');
    const en = checkRuleSetProperties(rules, { graph: smallGraph(), runs: 1, lang: 'en' });
    expect(formatPropertyFailures(en, 'en')[0]).toMatch(/^\[adding a required record never lowers a score\] b1 \/ visits: adding a "visit" record for "走访不少于4次 \(visits\)" .* lowered the total of "第一党支部 \(b1\)" from 100 to 70$/);
  });

  it('adds nothing for a window outside the period, and shuffles nothing with one record', () => {
    const rules = themeDayRules({ measure: { type: 'window', recordTypes: ['theme-day'], from: '2023-06-15', to: '2023-07-15' }, scoring: { method: 'all-or-nothing' } });
    const report = checkRuleSetProperties(rules, { graph: smallGraph(), records: year().on('2022-03-01', 'theme-day', { organization: 'b1' }), runs: 5 });
    expect(report).toMatchObject({ ok: true, checks: { monotonic: 0, order: 0 } });
  });
});

describe('checkRuleSetProperties: options', () => {
  it('refuses a misspelled option, naming it and the one meant, rather than running the defaults', () => {
    expect(issuesOf(() => checkRuleSetProperties(themeDayRules(), { graph: smallGraph(), run: 0, seeed: 5 } as never))).toEqual([
      { code: 'unknown-option', path: 'run', message: '未知字段「run」（是否想写「runs」？）；可用字段：runs, shuffles, seed, graph, records, asOf, lang' },
      { code: 'unknown-option', path: 'seeed', message: '未知字段「seeed」（是否想写「seed」？）；可用字段：runs, shuffles, seed, graph, records, asOf, lang' },
    ]);
    expect(failureOf(() => checkRuleSetProperties(themeDayRules(), { graph: smallGraph(), run: 0, lang: 'en' } as never))).toContain('unknown field "run" (did you mean "runs"?)');
  });

  it('refuses counts that would check nothing and seeds that are no number, and a missing graph', () => {
    const issues = issuesOf(() => checkRuleSetProperties(themeDayRules(), { graph: smallGraph(), runs: -5, shuffles: 0, seed: Number.NaN }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['too-small', 'runs'],
      ['too-small', 'shuffles'],
      ['invalid-type', 'seed'],
    ]);
    expect(issues[0]?.message).toBe('数值过小：应不小于 1');
    expect(issues[2]?.message).toContain('NaN');
    expect(issuesOf(() => checkRuleSetProperties(themeDayRules(), { graph: smallGraph(), runs: 2.5 }))[0]).toMatchObject({ code: 'invalid-type', path: 'runs', message: '类型错误：应为 integer，实际为 2.5' });
    expect(issuesOf(() => checkRuleSetProperties(themeDayRules(), {} as never))).toEqual([{ code: 'required', path: 'graph', message: '缺少必填字段「graph」' }]);
  });

  it('runs exactly the runs asked for', () => {
    // themeDayRules' one indicator is a cadence: every run adds a record, and each is a check.
    const report = checkRuleSetProperties(themeDayRules(), { graph: smallGraph(), runs: 4, seed: 0 });
    expect(report).toMatchObject({ ok: true, seed: 0, checks: { monotonic: 4, bounds: 5, order: 0 } });
  });
});

describe('checkResultBounds and the matcher on a hand-made result', () => {
  const rules = bureauRules();
  const s = scenario(rules, { graph: smallGraph(), records: year().monthly('theme-day', { organization: 'b1', attributes: { minutes: 'm.pdf' } }) });

  it('a real result is within bounds', () => {
    expect(checkResultBounds(s.result, rules)).toMatchObject({ ok: true, failures: [] });
    expect(checkResultBounds(s.result, rules)).toSatisfyRuleSetProperties();
  });

  it('catches a line above its max, a bonus above its cap and a total above scale + bonusCap', () => {
    const broken = structuredClone(s.result) as unknown as { organizations: { id: string; total: number; lines: { indicator: string; points: number; bonus: number }[] }[] };
    const b1 = broken.organizations.find((o) => o.id === 'b1');
    const themeDay = b1?.lines.find((l) => l.indicator === 'br-theme-day');
    const awards = b1?.lines.find((l) => l.indicator === 'org-awards');
    if (!b1 || !themeDay || !awards) throw new Error('fixture changed');
    themeDay.points = 12;
    awards.bonus = 5;
    b1.total = 110;
    const report = checkResultBounds(broken as unknown as typeof s.result, rules);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      { property: 'bounds', subject: 'b1', indicator: 'br-theme-day', detail: '得分 12 不在 0–10 之内', code: 'detail-line-bounds', params: { points: '12', max: '10' } },
      { property: 'bounds', subject: 'b1', indicator: 'org-awards', detail: '加分 5 不在 0–3 之内', code: 'detail-bonus-bounds', params: { bonus: '5', cap: '3' } },
      { property: 'bounds', subject: 'b1', indicator: null, detail: '总分 110 不在 0–103 之内（百分制 100 + 加分上限 3）', code: 'detail-total-bounds', params: { total: '110', limit: '103', scale: '100', bonusCap: '3' } },
    ]);
    // written out in English from the same report, made in Chinese: no Chinese left in the kit's words
    expect(formatPropertyFailures(report, 'en').join('\n')).not.toMatch(/[得加总分不在之内]/);
    expect(formatPropertyFailures(report, 'en')[0]).toContain('12');
    expect(report).not.toSatisfyRuleSetProperties();
    const message = failureOf(() => expect(report).toSatisfyRuleSetProperties());
    expect(message).toContain('考核细则性质检查未通过：3项失败');
    expect(message).toContain('[分值不越界] b1 / br-theme-day：得分 12 不在 0–10 之内');
    expect(message).toContain('[分值不越界] b1：总分 110 不在 0–103 之内');
    expect(failureOf(() => expect(checkResultBounds(s.result, rules)).not.toSatisfyRuleSetProperties())).toContain('期望考核细则性质检查不通过，但全部通过');
    expect(failureOf(() => expect('rules').toSatisfyRuleSetProperties())).toContain('收到的是 string');
  });
});

describe('requiredRecord', () => {
  const rules = parseRuleSet(bureauRules());
  const s = scenario(rules, { graph: smallGraph() });

  it('meets the filter, the required material and the window', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 20; i++) {
      const july = requiredRecord(rules, s.graph, s.subject('b1'), 'br-july-theme-day', null, random, `x-${i}`);
      expect(july).toMatchObject({ type: 'theme-day', organization: 'b1', attributes: { theme: '走好第一方阵' } });
      expect(july?.date).toSatisfy((date: string) => date >= '2022-06-15' && date <= '2022-07-15');
      const dayRecord = requiredRecord(rules, s.graph, s.subject('b1'), 'br-theme-day', '2022-03-31', random, `y-${i}`);
      expect(dayRecord?.attributes).toEqual({ minutes: 'property-check' });
      expect(dayRecord?.date).toSatisfy((date: string) => date <= '2022-03-31');
    }
  });

  it('names the person for a person’s indicator, and gives up on other measures', () => {
    expect(requiredRecord(rules, s.graph, s.subject('p4'), 'sec-july-lecture', null, seededRandom(1), 'z')).toMatchObject({ type: 'party-lecture', person: 'p4' });
    expect(requiredRecord(rules, s.graph, s.subject('b1'), 'br-attendance', null, seededRandom(1), 'z')).toBeUndefined();
  });
});

describe('firstDifference (what the order check reports)', () => {
  const base = scenario(themeDayRules(), { graph: smallGraph(), records: year().monthly('theme-day', { organization: 'b1', except: [12] }) });

  it('names the line whose points moved, then any other difference', () => {
    const fewer = base.without('theme-day:b1:2022-01-10');
    expect(firstDifference(base.result, fewer.result, 'zh')).toEqual({ subject: 'b1', indicator: 'theme-day', what: '得分由 9 变为 8' });
    expect(firstDifference(base.result, fewer.result, 'en').what).toBe('points 9 became 8');
    const otherId = base.without('theme-day:b1:2022-01-10').with([{ id: 'other', type: 'theme-day', organization: 'b1', date: '2022-01-10' }]);
    expect(firstDifference(base.result, otherId.result, 'zh')).toEqual({ subject: 'b1', indicator: 'theme-day', what: '「b1.lines.theme-day」不同' });
    const warned = base.with([{ id: 'w', type: 'unknown-type', organization: 'b1', date: '2022-01-10' }]);
    expect(firstDifference(base.result, warned.result, 'zh').subject).toBe('—');
  });
});
