import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { formatNumber, formatPercent, roundTo, stableSum } from '../../core/number.js';
import type { ManualMeasure } from '../../model/measures.js';
import type { AttributeValue } from '../../model/record.js';
import type { RecordMeasure } from '../measure-module.js';
import { isAttributeValue } from '../../evidence/fast-record.js';
import { hasKeys } from './entry-shape.js';
import { keyedStateOps } from './keyed-state.js';
import { byCodeUnit } from '../../core/order.js';

/**
 * One entered score: the raw `group` and `score` attributes.
 *
 * @example
 * const entry: ManualEntry = { group: 'dept', score: 90 };
 */
export interface ManualEntry {
  readonly group: AttributeValue | undefined;
  readonly score: AttributeValue | undefined;
}

/**
 * Manual state: each score record's group and score, keyed by record id.
 *
 * @example
 * const state: ManualState = new Map([['g-1', { group: 'inspection', score: 80 }]]);
 */
export type ManualState = Map<string, ManualEntry>;

const entryKey = (e: ManualEntry): string => JSON.stringify([e.group ?? null, e.score ?? null]);

interface GroupScore {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly share: number;
  readonly mean: number | undefined;
}

/**
 * 评分: scores entered by assessor groups (the responsible department, the inspection team),
 * each group's mean combined under the groups' weights (e.g. 7:3). A group with no score is a
 * shortfall (`missingGroup: 'insufficient'`, the default) or is left out and the weights of the
 * others rescaled (`'reweight'`). A result below `atLeast` is a further shortfall.
 *
 * @example
 * const spec: ManualMeasure = { type: 'manual', scale: 100, groups: [{ id: 'dept', title: '部门', weight: 7 }, { id: 'inspection', title: '巡察组', weight: 3 }] };
 * manualMeasure.finalize(state, spec, ctx).detail.zh;
 * // '部门评分 90（权重70%），巡察组评分 80（权重30%），综合 87'
 */
export const manualMeasure: RecordMeasure<ManualMeasure, ManualState> = {
  kind: 'records',
  type: 'manual',
  init: () => new Map<string, ManualEntry>(),
  add(state, record) {
    state.set(record.id, { group: record.attributes.get('group'), score: record.attributes.get('score') });
  },
  ...keyedStateOps(entryKey),
  isEntry: (entry) => hasKeys(entry, ['group', 'score']) && isAttributeValue(entry['group']) && isAttributeValue(entry['score']),
  finalize(state, spec, ctx) {
    const scoresOf = new Map<string, number[]>(spec.groups.map((g) => [g.id, []]));
    let unknownGroup = 0;
    let invalid = 0;
    let counted = 0;
    const unused: string[] = [];
    for (const [id, { group, score }] of state) {
      const list = typeof group === 'string' ? scoresOf.get(group) : undefined;
      if (!list) unknownGroup++;
      else if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > spec.scale) invalid++;
      else {
        list.push(score);
        counted++;
        continue;
      }
      unused.push(id);
    }
    const totalWeight = stableSum(spec.groups.map((g) => g.weight));
    const groups: GroupScore[] = spec.groups.map((g) => {
      const list = scoresOf.get(g.id) ?? [];
      return { id: g.id, title: g.title ?? g.id, weight: g.weight, share: g.weight / totalWeight, mean: list.length > 0 ? stableSum(list) / list.length : undefined };
    });
    const present = groups.filter((g) => g.mean !== undefined);
    const missing = groups.filter((g) => g.mean === undefined);
    // Rounded to 1e-9 so that weights such as 0.7 and 0.3 give 87, not 86.99999999999999, and a
    // threshold of 87 is met.
    const weighted = stableSum(present.map((g) => g.weight * (g.mean as number)));
    const reweight = spec.missingGroup === 'reweight';
    // Unless the rule says to rescale, a group that gave no score weighs in at zero: a missing
    // assessor must cost something, not leave the others to speak for it.
    const denominator = reweight ? stableSum(present.map((g) => g.weight)) : totalWeight;
    const value = present.length > 0 ? roundTo(weighted / denominator, 9) : 0;
    const incomplete = present.length === 0 || (missing.length > 0 && !reweight) ? 1 : 0;
    const below = spec.atLeast !== undefined && value < spec.atLeast ? 1 : 0;

    // A group is named by its title in Chinese and by its id in English.
    const groupParts = groups.map((g) =>
      g.mean === undefined
        ? explain('explain-manual-group-missing', { title: g.title, id: g.id, weight: formatPercent(g.share) })
        : explain('explain-manual-group', { title: g.title, id: g.id, score: formatNumber(g.mean), weight: formatPercent(g.share) }),
    );
    const parts: Explanation[] = [joinExplanations(groupParts, 'comma'), explain('explain-manual-combined', { value: formatNumber(value) })];
    if (present.length === 0) parts.push(explain('explain-manual-no-valid'));
    else if (missing.length > 0 && reweight) parts.push(explain('explain-manual-reweighted'));
    else if (missing.length > 0) {
      const names = joinExplanations(missing.map((g) => ({ zh: g.title, en: g.id })), 'list');
      parts.push(explain('explain-manual-incomplete', { missing: names }));
    }
    if (spec.atLeast !== undefined) {
      parts.push(explain('explain-at-least', { atLeast: formatNumber(spec.atLeast) }));
      if (below) parts.push(explain('explain-not-reached'));
    }
    if (unknownGroup > 0) parts.push(explain('explain-manual-unknown-group', { count: unknownGroup }));
    if (invalid > 0) parts.push(explain('explain-scores-invalid', { count: invalid, scale: formatNumber(spec.scale) }));
    return {
      status: 'measured',
      value,
      target: spec.atLeast ?? null,
      shortfalls: incomplete + below,
      ratio: Math.min(1, Math.max(0, value / spec.scale)),
      inProgress: ctx.running,
      counted,
      ...(unused.length > 0 ? { unused: unused.sort(byCodeUnit) } : {}),
      detail: joinExplanations(parts),
    };
  },
};
