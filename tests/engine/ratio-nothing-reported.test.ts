// A ratio with no records for a subject under a source declared complete is "nothing to measure",
// as a reported 0 of 0 is (docs/rules.md §6.5), and goes by onInsufficientEvidence.
import { describe, expect, it } from 'vitest';
import { ratioMeasure } from '../../src/engine/measures/ratio.js';
import { openAssessment, parseGraph, type AssessmentResult, type PartialState } from '../../src/index.js';
import type { RatioMeasure } from '../../src/model/measures.js';
import { graphInput, ind, line, org, rec, ruleSet, run } from './assess/helpers.js';
import { contextFor, measure, rec as mrec } from './measures/harness.js';

const spec: RatioMeasure = { type: 'ratio', recordTypes: ['mob'], numerator: 'archived', denominator: 'mobile', atLeast: 1 };
const SOURCES = [{ id: 'platform', title: '平台', complete: true, recordTypes: ['mob'] }];
const mobile = (policy: 'exclude' | 'shortfall' | 'zero') =>
  ind({ id: 'mob', points: 10, appliesTo: { organizations: ['branch'] }, measure: spec, scoring: { method: 'proportional' }, onInsufficientEvidence: policy });

describe('ratio finalize', () => {
  it('an empty state is nothing to measure, like 0 of 0', () => {
    const empty = measure(ratioMeasure, spec, contextFor(), []);
    const zero = measure(ratioMeasure, spec, contextFor(), [mrec('m1', '2022-03-01', { archived: 0, mobile: 0 })]);
    expect(empty).toMatchObject({ status: 'insufficient-evidence', value: 0, counted: 0 });
    expect(empty.detail.zh).toBe('比率 0%（0/0），要求不低于100%；应计总数为0，没有可衡量的对象');
    expect(zero).toMatchObject({ status: 'insufficient-evidence', counted: 1 });
    expect(zero.detail).toEqual(empty.detail);
  });

  it('only unusable records still measure a 0% share: data was sent and is broken', () => {
    const outcome = measure(ratioMeasure, spec, contextFor(), [mrec('m1', '2022-03-01', { archived: 'x', mobile: 2 })]);
    expect(outcome.status).toBe('measured');
    expect(outcome.detail.zh).toContain('应计总数为0，比率按0计');
  });
});

describe('a complete source and no records for the subject', () => {
  const records = [rec('m1', 'mob', 'b1', '2022-03-01', { attributes: { archived: 0, mobile: 0 } })];

  it('exclude: b2 (nothing reported) is excluded like b1 (0 of 0), and says why', () => {
    const result = run(ruleSet([mobile('exclude')], { sources: SOURCES }), records);
    for (const id of ['b1', 'b2']) expect(line(org(result, id), 'mob')).toMatchObject({ status: 'excluded', points: 0, max: 0 });
    expect(line(org(result, 'b2'), 'mob').explanation).toBe('mob：比率 0%（0/0），要求不低于100%；应计总数为0，没有可衡量的对象；按证据不足处理，本项不计分（不计入满分）');
  });

  it('shortfall and zero: insufficient-evidence, 0 of 10, not a shortfall', () => {
    for (const policy of ['shortfall', 'zero'] as const) {
      const result = run(ruleSet([mobile(policy)], { sources: SOURCES }), records);
      expect(line(org(result, 'b2'), 'mob')).toMatchObject({ status: 'insufficient-evidence', points: 0, max: 10 });
      expect(line(org(result, 'b2'), 'mob').explanation).not.toContain('比率按0计');
    }
  });

  it('a share reported under a complete source still scores: 3 of 4 → 7.5', () => {
    const result = run(ruleSet([mobile('exclude')], { sources: SOURCES }), [rec('m2', 'mob', 'b2', '2022-03-01', { attributes: { archived: 3, mobile: 4 } })]);
    expect(line(org(result, 'b2'), 'mob')).toMatchObject({ status: 'shortfall', points: 7.5, max: 10 });
  });
});

describe('partial states', () => {
  const graph = parseGraph(graphInput());
  const rules = ruleSet([mobile('exclude')], { sources: SOURCES });
  const shards = [
    [rec('x1', 'mob', 'b1', '2022-03-01', { attributes: { archived: 1, mobile: 1 } })], // nothing for b2
    [rec('z1', 'mob', 'b2', '2022-03-01', { attributes: { archived: 0, mobile: 0 } })], // 0 of 0
    [rec('f1', 'mob', 'b2', '2022-04-01', { attributes: { archived: 3, mobile: 4 } })], // 3 of 4
  ];
  const snapshot = (items: readonly unknown[]): PartialState => {
    const session = openAssessment({ graph, rules });
    for (const r of items) session.add(r);
    return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
  };
  const mergedLine = (partials: readonly PartialState[]) => {
    const session = openAssessment({ graph, rules });
    for (const p of partials) session.absorb(p);
    return line(org(session.finish().result as AssessmentResult, 'b2'), 'mob');
  };

  it('merging empty + 0/0 + 3/4 in any order gives 3 of 4 (7.5), as one pass does', () => {
    const [a, b, c] = shards.map(snapshot) as [PartialState, PartialState, PartialState];
    const reference = JSON.stringify(line(org(run(rules, shards.flat()), 'b2'), 'mob'));
    for (const order of [[a, b, c], [c, b, a], [b, a, c], [c, a, b]]) {
      const l = mergedLine(order);
      expect(l).toMatchObject({ status: 'shortfall', points: 7.5, value: 0.75 });
      expect(JSON.stringify(l)).toBe(reference);
    }
  });

  it('merging empty + 0/0 stays nothing to measure', () => {
    const [a, b] = shards.map(snapshot) as [PartialState, PartialState];
    expect(mergedLine([a, b])).toMatchObject({ status: 'excluded', max: 0 });
    expect(mergedLine([b, a])).toMatchObject({ status: 'excluded', max: 0 });
  });
});
