// A share written as a percentage (atLeast: 90 on a ratio) is told how a share is written.
import { describe, expect, it } from 'vitest';
import { safeParseRuleSet } from '../../src/index.js';
import { ind, ruleSet } from './assess/helpers.js';

const ratio = (atLeast: number) =>
  ind({ id: 'att', points: 5, measure: { type: 'ratio', recordTypes: ['m'], numerator: 'x', denominator: 'y', atLeast }, scoring: { method: 'proportional' } });
const issues = (indicators: Parameters<typeof ruleSet>[0], lang: 'zh' | 'en' = 'zh') => {
  const parsed = safeParseRuleSet(ruleSet(indicators), { lang });
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('a share written as a percentage', () => {
  it('ratio atLeast 90: share-as-percent, suggesting 0.9, zh and en', () => {
    expect(issues([ratio(90)])).toEqual([{ code: 'share-as-percent', path: 'indicators.0.measure.atLeast', message: '数值过大：应不大于 1。比例写成 0 到 1 之间的小数，90% 应写 0.9' }]);
    expect(issues([ratio(87.5)], 'en')[0]?.message).toBe('too big: must be at most 1. A share is a decimal from 0 to 1: 87.5% is written 0.875');
  });

  it('a roll-up atLeast of 80 gets the hint too', () => {
    const rollUp = ind({ id: 'r', points: 5, appliesTo: { organizations: ['committee'] }, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }], atLeast: 80 }, scoring: { method: 'proportional' } });
    expect(issues([rollUp]).map((i) => i.code)).toEqual(['share-as-percent']);
  });

  it('above 100 it is no percentage: the plain too-big', () => {
    expect(issues([ratio(150)]).map((i) => [i.code, i.message])).toEqual([['too-big', '数值或长度过大：应不大于 1']]);
  });

  it('a count atLeast is no share: 90 passes', () => {
    expect(issues([ind({ id: 'c', points: 5, measure: { type: 'count', recordTypes: ['m'], atLeast: 90 }, scoring: { method: 'proportional' } })])).toEqual([]);
  });
});
