import { describe, expect, it } from 'vitest';
import type { SubjectRef } from '../../../src/engine/measure-module.js';
import { rollUpMeasure } from '../../../src/engine/measures/roll-up.js';
import type { RollUpMeasure } from '../../../src/model/measures.js';
import { derivedContext } from './derived-fixture.js';

// Results: gb 0.9, b1 0.8, b2 0.7, bureau 0.85; b3 and g1 have none.
const shares = new Map([
  ['gb', 0.9],
  ['b1', 0.8],
  ['b2', 0.7],
  ['bureau', 0.85],
]);
const org = (id: string): SubjectRef => ({ type: 'organization', id });
const person = (id: string): SubjectRef => ({ type: 'person', id });
const spec = (from: RollUpMeasure['from'], atLeast?: number): RollUpMeasure => ({ type: 'roll-up', from, ...(atLeast !== undefined ? { atLeast } : {}) });

describe('roll-up', () => {
  it('averages the children with a result', () => {
    // bureau's children b3 (no result) and gb (0.9): share 0.9
    expect(rollUpMeasure.evaluate(org('bureau'), spec([{ source: 'children', weight: 1 }]), derivedContext(shares))).toEqual({
      status: 'measured',
      value: 0.9,
      target: null,
      shortfalls: 0,
      ratio: 0.9,
      inProgress: false,
      counted: 1,
      detail: {
        zh: '下级组织（1个）平均得分率 90%（权重100%）；综合 90%',
        en: 'organizations directly below (1) mean score rate 90% (weight 100%); combined 90%',
      },
    });
  });

  it('reads the whole subtree from the sums the engine keeps, not organization by organization', () => {
    // below bureau: b3, gb, b1, g1, b2 → results 0.9, 0.8, 0.7 → (0.7 + 0.8 + 0.9) / 3 = 0.8
    const calls: [string, 'total' | readonly string[]][] = [];
    const outcome = rollUpMeasure.evaluate(org('bureau'), spec([{ source: 'subtree', weight: 1 }]), derivedContext(shares, undefined, [], calls));
    expect(outcome).toMatchObject({ value: 0.8, counted: 3 });
    // O(1) per subject: no organization is read one by one
    expect(calls).toEqual([]);
  });

  it('weights a person’s own result against the organizations they oversee (8:2)', () => {
    // oversight of gb reaches gb, b1, g1, b2 → mean 0.8; (80 × 0.9 + 20 × 0.8) / 100 = 88 / 100 = 0.88
    const outcome = rollUpMeasure.evaluate(
      person('p-li'),
      spec([{ source: 'self', weight: 80 }, { source: 'oversight', weight: 20 }], 0.9),
      derivedContext(shares, 0.9),
    );
    expect(outcome).toMatchObject({ value: 0.88, ratio: 0.88, target: 0.9, shortfalls: 1, counted: 4 });
    expect(outcome.detail.zh).toBe('本级得分率 90%（权重80%）；分管领域组织（3个）平均得分率 80%（权重20%）；综合 88%，要求不低于90%');
  });

  it('rescales over the sources with a result and names the ones without', () => {
    // p-wang: liaison b3 has no result, children does not apply to a person; only self (0.75) remains
    const outcome = rollUpMeasure.evaluate(
      person('p-wang'),
      spec([{ source: 'self', weight: 6 }, { source: 'liaison', weight: 2 }, { source: 'children', weight: 2 }]),
      derivedContext(shares, 0.75),
    );
    expect(outcome).toMatchObject({ value: 0.75, shortfalls: 0 });
    expect(outcome.detail.zh).toBe('本级得分率 75%（权重60%）；联系点无考核结果（权重20%）；下级组织不适用于个人（权重20%）；综合 75%（按有结果的来源折算权重）');
  });

  it('reads the organizations a person leads, on named indicators', () => {
    const calls: [string, 'total' | readonly string[]][] = [];
    const outcome = rollUpMeasure.evaluate(
      person('p-wang'),
      spec([{ source: 'led-organizations', weight: 1, of: ['i-1', 'i-2'] }]),
      derivedContext(shares, undefined, ['bureau'], calls),
    );
    expect(outcome).toMatchObject({ value: 0.85 });
    expect(calls).toEqual([['bureau', ['i-1', 'i-2']]]);
    expect(outcome.detail.zh).toBe('任职班子所在组织（1个）平均相关指标得分率 85%（权重100%）；综合 85%');
  });

  it('misses the requirement when there is nothing to roll up', () => {
    const outcome = rollUpMeasure.evaluate(org('b3'), spec([{ source: 'children', weight: 1 }, { source: 'oversight', weight: 1 }]), derivedContext(shares));
    expect(outcome).toMatchObject({ value: 0, ratio: 0, shortfalls: 1, counted: 0 });
    expect(outcome.detail.zh).toBe('下级组织无考核结果（权重50%）；分管领域组织不适用于党组织（权重50%）；无可汇总的考核结果');
  });
});
