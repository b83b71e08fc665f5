import { formatPercent, roundTo, stableSum } from '../../core/number.js';
import type { Graph } from '../../graph/types.js';
import type { RollUpMeasure, RollUpSource } from '../../model/measures.js';
import type { DerivedContext, DerivedMeasure, Explanation, MeasureOutcome, SubjectRef } from '../measure-module.js';

type SourceKind = RollUpSource['source'];

const SOURCE_LABELS: Readonly<Record<SourceKind, Explanation & { readonly of: 'organization' | 'person' | 'any' }>> = {
  children: { zh: '下级组织', en: 'organizations directly below', of: 'organization' },
  subtree: { zh: '所属各级组织', en: 'organizations below', of: 'organization' },
  oversight: { zh: '分管领域组织', en: 'organizations overseen', of: 'person' },
  liaison: { zh: '联系点', en: 'contact points', of: 'person' },
  'led-organizations': { zh: '任职班子所在组织', en: 'organizations led', of: 'person' },
  self: { zh: '本级', en: 'own result', of: 'any' },
};

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
  const kind = SOURCE_LABELS[source.source].of;
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
  const label = SOURCE_LABELS[result.source.source];
  const weight = formatPercent(result.source.weight / totalWeight);
  const what = result.source.of === undefined || result.source.of === 'total' ? '得分率' : '相关指标得分率';
  const whatEn = result.source.of === undefined || result.source.of === 'total' ? 'score rate' : 'score rate on the named indicators';
  if (!result.applies) {
    const zhFor = subject.type === 'organization' ? '党组织' : '个人';
    return { zh: `${label.zh}不适用于${zhFor}（权重${weight}）`, en: `${label.en}: does not apply to this subject (weight ${weight})` };
  }
  if (result.share === undefined) return { zh: `${label.zh}无考核结果（权重${weight}）`, en: `${label.en}: no result (weight ${weight})` };
  if (result.source.source === 'self') {
    return { zh: `本级${what} ${formatPercent(result.share)}（权重${weight}）`, en: `own ${whatEn} ${formatPercent(result.share)} (weight ${weight})` };
  }
  return {
    zh: `${label.zh}（${result.organizations}个）平均${what} ${formatPercent(result.share)}（权重${weight}）`,
    en: `${label.en} (${result.organizations}) mean ${whatEn} ${formatPercent(result.share)} (weight ${weight})`,
  };
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
    let zh = parts.map((p) => p.zh).join('；');
    let en = parts.map((p) => p.en).join('; ');
    if (withResult.length === 0) {
      zh += '；无可汇总的考核结果';
      en += '; nothing to roll up';
    } else {
      zh += `；综合 ${formatPercent(value)}${withResult.length < results.length ? '（按有结果的来源折算权重）' : ''}`;
      en += `; combined ${formatPercent(value)}${withResult.length < results.length ? ' (weights rescaled over the sources with a result)' : ''}`;
    }
    const below = withResult.length === 0 || (spec.atLeast !== undefined && value < spec.atLeast);
    if (spec.atLeast !== undefined) {
      zh += `，要求不低于${formatPercent(spec.atLeast)}`;
      en += `, required at least ${formatPercent(spec.atLeast)}`;
    }
    return {
      status: 'measured',
      value,
      target: spec.atLeast ?? null,
      shortfalls: below ? 1 : 0,
      ratio: Math.min(1, Math.max(0, value)),
      inProgress: ctx.running,
      counted,
      detail: { zh, en },
    };
  },
};
