import { describe, expect, it } from 'vitest';
import type { SubjectRef } from '../../../src/engine/measure-module.js';
import { structureMeasure } from '../../../src/engine/measures/structure.js';
import type { StructureMeasure } from '../../../src/model/measures.js';
import { derivedContext } from './derived-fixture.js';

const ctx = derivedContext();
const org = (id: string): SubjectRef => ({ type: 'organization', id });
const person = (id: string): SubjectRef => ({ type: 'person', id });
const check = (subject: SubjectRef, fact: StructureMeasure['fact'], atLeast?: number) =>
  structureMeasure.evaluate(subject, { type: 'structure', fact, ...(atLeast !== undefined ? { atLeast } : {}) }, ctx);

describe('structure', () => {
  it('reads a secretary in post as 1 of 1, a missing one as one shortfall', () => {
    expect(check(org('bureau'), 'secretary-in-post')).toEqual({
      status: 'measured',
      value: 1,
      target: 1,
      shortfalls: 0,
      ratio: 1,
      inProgress: false,
      counted: 0,
      detail: { zh: '书记在岗：王书记', en: 'secretary in post: 王书记' },
    });
    expect(check(org('b2'), 'secretary-in-post')).toMatchObject({ value: 0, shortfalls: 1, ratio: 0, detail: { zh: '未配备书记' } });
  });

  it('counts a party-affairs officer only when a party member holds the post', () => {
    expect(check(org('b3'), 'officer-staffed')).toMatchObject({ value: 1, detail: { zh: '党务工作者：钱干事' } });
    expect(check(org('b1'), 'officer-staffed')).toMatchObject({ value: 0, shortfalls: 1, detail: { zh: '党务工作者孙干事不是党员，视为未配备' } });
    expect(check(org('b2'), 'officer-staffed').detail.zh).toBe('未配备党务工作者');
  });

  it('finds a liaison leader', () => {
    expect(check(org('b3'), 'liaison-present')).toMatchObject({ value: 1, detail: { zh: '联系点领导：王书记' } });
    expect(check(org('b1'), 'liaison-present')).toMatchObject({ value: 0, detail: { zh: '未确定联系点领导' } });
  });

  it('counts an organization as overseen when it or an ancestor is', () => {
    expect(check(org('gb'), 'overseen').detail.zh).toBe('由李委员分管');
    // g1 → b1 → gb: gb is the nearest overseen ancestor
    expect(check(org('g1'), 'overseen')).toMatchObject({ value: 1, detail: { zh: '随上级组织服务中心党总支由李委员分管' } });
    expect(check(org('b3'), 'overseen')).toMatchObject({ value: 0, detail: { zh: '不在任何班子成员的分管范围内' } });
  });

  it('compares the leadership team with atLeast (default 3)', () => {
    // bureau team: 王书记, 周副书记, 李委员 = 3
    expect(check(org('bureau'), 'team-size')).toMatchObject({ value: 1, detail: { zh: '领导班子3人，要求不少于3人' } });
    expect(check(org('bureau'), 'team-size', 4)).toMatchObject({ value: 0, shortfalls: 1 });
    expect(check(org('b2'), 'team-size', 1).detail.zh).toBe('领导班子0人，要求不少于1人');
  });

  it('reads a person’s oversight area and contact points', () => {
    expect(check(person('p-li'), 'has-oversight-area')).toMatchObject({ value: 1, detail: { zh: '分管：服务中心党总支' } });
    expect(check(person('p-wang'), 'has-oversight-area')).toMatchObject({ value: 0, detail: { zh: '无分管领域' } });
    expect(check(person('p-wang'), 'has-liaison-point')).toMatchObject({ value: 1, detail: { zh: '联系点：机关支部' } });
    expect(check(person('p-li'), 'has-liaison-point').detail.en).toBe('no contact point');
  });

  it('says a fact does not apply to the wrong kind of subject, and does not meet it', () => {
    expect(check(person('p-wang'), 'secretary-in-post')).toMatchObject({
      value: 0,
      shortfalls: 1,
      detail: { zh: '“书记在岗”仅适用于党组织，不适用于本对象', en: '“secretary in post” applies to organizations only, not to this subject' },
    });
    expect(check(org('bureau'), 'has-liaison-point').detail.zh).toBe('“有联系点”仅适用于个人，不适用于本对象');
  });
});
