import { explain, joinExplanations, type Explanation } from '../../core/explain.js';
import { formatPercent, roundTo, stableSum } from '../../core/number.js';
import type { Graph } from '../../graph/types.js';
import type { RollUpMeasure, RollUpSource } from '../../model/measures.js';
import type { DerivedContext, DerivedMeasure, MeasureOutcome, SubjectRef } from '../measure-module.js';
import { byCodeUnit } from '../../core/order.js';

type SourceKind = RollUpSource['source'];

/** Each source's label (a catalogue code) and the kind of subject it applies to. */
const SOURCES: Readonly<Record<SourceKind, { readonly label: string; readonly of: 'organization' | 'person' | 'any' }>> = {
  children: { label: 'explain-source-children', of: 'organization' },
  subtree: { label: 'explain-source-subtree', of: 'organization' },
  oversight: { label: 'explain-source-oversight', of: 'person' },
  liaison: { label: 'explain-source-liaison', of: 'person' },
  'led-organizations': { label: 'explain-source-led-organizations', of: 'person' },
  self: { label: 'explain-source-self', of: 'any' },
};

/** The organizations a source reads one by one (children, contact points, led organizations), sorted, without repeats. */
function organizationsOf(source: SourceKind, subject: SubjectRef, ctx: DerivedContext): string[] {
  const { graph } = ctx;
  let ids: readonly string[] = [];
  if (source === 'children') ids = graph.index.children.get(subject.id) ?? [];
  else if (source === 'liaison') ids = graph.index.liaisonByLeader.get(subject.id) ?? [];
  else if (source === 'led-organizations') ids = ctx.postOrganizations;
  return [...new Set(ids)].sort(byCodeUnit);
}

/** The overseen organizations not already inside another of the same person's areas. */
function outermostAreas(graph: Graph, personId: string): string[] {
  const areas = [...new Set((graph.index.oversightByMember.get(personId) ?? []).map((e) => e.organization))].sort(byCodeUnit);
  const within = (inner: string, outer: string): boolean => {
    const a = graph.index.span.get(outer);
    const d = graph.index.span.get(inner);
    return a !== undefined && d !== undefined && a.enter < d.enter && d.exit <= a.exit;
  };
  return areas.filter((id) => !areas.some((other) => other !== id && within(id, other)));
}

interface SourceResult {
  readonly source: RollUpSource;
  /** Mean share over the organizations with a result; undefined when none has one. */
  readonly share: number | undefined;
  readonly organizations: number;
  readonly applies: boolean;
}

function readSource(source: RollUpSource, subject: SubjectRef, ctx: DerivedContext): SourceResult {
  const of = source.of ?? 'total';
  const kind = SOURCES[source.source].of;
  if (kind !== 'any' && kind !== subject.type) return { source, share: undefined, organizations: 0, applies: false };
  if (source.source === 'self') {
    const own = ctx.ownShare(of);
    return { source, share: own, organizations: own === undefined ? 0 : 1, applies: true };
  }
  // Whole subtrees (everything below; an overseen area with everything below it) come summed
  // from the context, kept bottom-up; single organizations are read one by one.
  let sum = 0;
  let count = 0;
  if (source.source === 'subtree') ({ sum, count } = ctx.subtreeShares(subject.id, of));
  else if (source.source === 'oversight') {
    for (const area of outermostAreas(ctx.graph, subject.id)) {
      const own = ctx.shareOf(area, of);
      const below = ctx.subtreeShares(area, of);
      sum += (own ?? 0) + below.sum;
      count += (own === undefined ? 0 : 1) + below.count;
    }
  } else {
    const shares: number[] = [];
    for (const id of organizationsOf(source.source, subject, ctx)) {
      const share = ctx.shareOf(id, of);
      if (share !== undefined) shares.push(share);
    }
    sum = stableSum(shares);
    count = shares.length;
  }
  return { source, share: count > 0 ? sum / count : undefined, organizations: count, applies: true };
}

function describe(result: SourceResult, totalWeight: number, subject: SubjectRef): Explanation {
  const source = explain(SOURCES[result.source.source].label);
  const weight = formatPercent(result.source.weight / totalWeight);
  const rate = explain(result.source.of === undefined || result.source.of === 'total' ? 'explain-rollup-rate-total' : 'explain-rollup-rate-indicators');
  if (!result.applies) {
    const kind = explain(subject.type === 'organization' ? 'explain-kind-organizations' : 'explain-kind-people');
    return explain('explain-rollup-not-applicable', { source, kind, weight });
  }
  if (result.share === undefined) return explain('explain-rollup-no-result', { source, weight });
  const share = formatPercent(result.share);
  if (result.source.source === 'self') return explain('explain-rollup-self', { rate, share, weight });
  return explain('explain-rollup-source', { source, organizations: result.organizations, rate, share, weight });
}

/**
 * 汇总（一级抓一级）: the weighted mean of the results of the organizations a subject answers
 * for — its children or everything below it, the organizations a team member oversees, a
 * leader's contact points, the organizations where a person sits on the team — and the
 * subject's own result (`self`). Sources with no result are left out and the weights of the
 * others rescaled; with no result at all the requirement is missed.
 *
 * @example
 * const spec: RollUpMeasure = { type: 'roll-up', from: [{ source: 'self', weight: 80 }, { source: 'oversight', weight: 20 }] };
 * rollUpMeasure.evaluate({ type: 'person', id: 'p-li' }, spec, ctx).detail.zh;
 * // '本级得分率 90%（权重80%）；分管领域组织（2个）平均得分率 85%（权重20%）；综合 89%'
 */
export const rollUpMeasure: DerivedMeasure<RollUpMeasure> = {
  kind: 'derived',
  type: 'roll-up',
  evaluate(subject, spec, ctx): MeasureOutcome {
    const results = spec.from.map((source) => readSource(source, subject, ctx));
    const totalWeight = stableSum(spec.from.map((s) => s.weight));
    const parts = results.map((r) => describe(r, totalWeight, subject));
    const withResult = results.filter((r) => r.share !== undefined);
    const counted = stableSum(withResult.map((r) => r.organizations));
    const weightWithResult = stableSum(withResult.map((r) => r.source.weight));
    // Rounded to 1e-9 so that weighted means of exact shares do not miss a threshold by an ulp.
    const value =
      withResult.length === 0 ? 0 : roundTo(stableSum(withResult.map((r) => r.source.weight * (r.share as number))) / weightWithResult, 9);
    const detail: Explanation[] = [joinExplanations(parts, 'clause')];
    if (withResult.length === 0) detail.push(explain('explain-rollup-nothing'));
    else {
      detail.push(explain('explain-rollup-combined', { value: formatPercent(value) }));
      if (withResult.length < results.length) detail.push(explain('explain-rollup-reweighted'));
    }
    const below = withResult.length === 0 || (spec.atLeast !== undefined && value < spec.atLeast);
    if (spec.atLeast !== undefined) detail.push(explain('explain-at-least', { atLeast: formatPercent(spec.atLeast) }));
    return {
      status: 'measured',
      value,
      target: spec.atLeast ?? null,
      shortfalls: below ? 1 : 0,
      ratio: Math.min(1, Math.max(0, value)),
      inProgress: ctx.running,
      counted,
      detail: joinExplanations(detail),
    };
  },
};
