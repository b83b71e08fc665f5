import type { Graph } from '../../graph/types.js';
import type { StructureMeasure } from '../../model/measures.js';
import type { DerivedMeasure, Explanation, MeasureOutcome } from '../measure-module.js';

type Fact = StructureMeasure['fact'];

const FACT_LABELS: Readonly<Record<Fact, Explanation & { readonly of: 'organization' | 'person' }>> = {
  'secretary-in-post': { zh: '书记在岗', en: 'secretary in post', of: 'organization' },
  'officer-staffed': { zh: '配备党务工作者', en: 'party-affairs officer staffed', of: 'organization' },
  'liaison-present': { zh: '有联系点领导', en: 'liaison leader assigned', of: 'organization' },
  overseen: { zh: '纳入分管范围', en: 'inside an oversight area', of: 'organization' },
  'team-size': { zh: '领导班子人数', en: 'leadership team size', of: 'organization' },
  'has-oversight-area': { zh: '有分管领域', en: 'oversees an area', of: 'person' },
  'has-liaison-point': { zh: '有联系点', en: 'keeps a contact point', of: 'person' },
};

interface Finding {
  readonly met: boolean;
  readonly zh: string;
  readonly en: string;
}

const personName = (graph: Graph, id: string): string => graph.people.get(id)?.name ?? id;
const orgName = (graph: Graph, id: string): string => graph.organizations.get(id)?.name ?? id;
const names = (ids: readonly string[], name: (id: string) => string): string => ids.map(name).join('、');

/** The organization itself or its nearest ancestor that some team member oversees. */
function overseenAt(graph: Graph, id: string): string | undefined {
  let current: string | null = id;
  // Bounded by the number of organizations, so a malformed (cyclic) graph cannot loop forever.
  for (let steps = 0; current !== null && steps <= graph.organizations.size; steps++) {
    if ((graph.index.overseersOf.get(current) ?? []).length > 0) return current;
    current = graph.organizations.get(current)?.parent ?? null;
  }
  return undefined;
}

function organizationFact(graph: Graph, id: string, spec: StructureMeasure): Finding {
  const { index } = graph;
  const person = (p: string): string => personName(graph, p);
  switch (spec.fact) {
    case 'secretary-in-post': {
      const secretary = index.secretaryOf.get(id);
      return secretary === undefined
        ? { met: false, zh: '未配备书记', en: 'no secretary in post' }
        : { met: true, zh: `书记在岗：${person(secretary)}`, en: `secretary in post: ${person(secretary)}` };
    }
    case 'officer-staffed': {
      const officers = (index.postsByOrganization.get(id) ?? []).filter((p) => p.role === 'party-affairs-officer').map((p) => p.person);
      const members = officers.filter((p) => graph.people.get(p)?.partyMember === true);
      // An officer spread over more organizations than the limit is staffed for show (应付配备).
      const limit = spec.maxOfficerPosts ?? 3;
      const postsOf = (p: string): number => (index.postsByPerson.get(p) ?? []).filter((post) => post.role === 'party-affairs-officer').length;
      const real = members.filter((p) => postsOf(p) <= limit);
      if (real.length > 0) return { met: true, zh: `党务工作者：${names(real, person)}`, en: `party-affairs officer(s): ${names(real, person)}` };
      if (officers.length === 0) return { met: false, zh: '未配备党务工作者', en: 'no party-affairs officer' };
      if (members.length > 0) {
        const spread = members.map((p) => `${person(p)}（兼任${postsOf(p)}个组织）`).join('、');
        const spreadEn = members.map((p) => `${person(p)} (officer in ${postsOf(p)} organizations)`).join(', ');
        return {
          met: false,
          zh: `党务工作者${spread}兼职过多（上限${limit}个），属应付配备，视为未配齐`,
          en: `party-affairs officer ${spreadEn} spread over more than ${limit}: staffed for show, not counted`,
        };
      }
      return { met: false, zh: `党务工作者${names(officers, person)}不是党员，视为未配备`, en: `party-affairs officer(s) ${names(officers, person)} not party members, so not staffed` };
    }
    case 'liaison-present': {
      const leaders = index.liaisonsOf.get(id) ?? [];
      return leaders.length === 0
        ? { met: false, zh: '未确定联系点领导', en: 'no liaison leader' }
        : { met: true, zh: `联系点领导：${names(leaders, person)}`, en: `liaison leader(s): ${names(leaders, person)}` };
    }
    case 'overseen': {
      const at = overseenAt(graph, id);
      if (at === undefined) return { met: false, zh: '不在任何班子成员的分管范围内', en: 'inside no team member’s oversight area' };
      const by = names((index.overseersOf.get(at) ?? []).map((e) => e.person), person);
      return at === id
        ? { met: true, zh: `由${by}分管`, en: `overseen by ${by}` }
        : { met: true, zh: `随上级组织${orgName(graph, at)}由${by}分管`, en: `overseen by ${by} through ${orgName(graph, at)}` };
    }
    case 'team-size': {
      const size = new Set(index.teamOf.get(id) ?? []).size;
      const atLeast = spec.atLeast ?? 3;
      return { met: size >= atLeast, zh: `领导班子${size}人，要求不少于${atLeast}人`, en: `leadership team of ${size}, at least ${atLeast} required` };
    }
    default:
      // Person facts: `evaluate` sends them to personFact, never here.
      return { met: false, zh: '', en: '' };
  }
}

function personFact(graph: Graph, id: string, spec: StructureMeasure): Finding {
  const org = (o: string): string => orgName(graph, o);
  if (spec.fact === 'has-oversight-area') {
    const areas = [...new Set((graph.index.oversightByMember.get(id) ?? []).map((e) => e.organization))];
    return areas.length === 0
      ? { met: false, zh: '无分管领域', en: 'oversees no area' }
      : { met: true, zh: `分管：${names(areas, org)}`, en: `oversees ${names(areas, org)}` };
  }
  const points = graph.index.liaisonByLeader.get(id) ?? [];
  return points.length === 0
    ? { met: false, zh: '无联系点', en: 'no contact point' }
    : { met: true, zh: `联系点：${names(points, org)}`, en: `contact point(s): ${names(points, org)}` };
}

/**
 * 组织结构: a fact read off the graph — a secretary in post, a party-affairs officer who is a
 * party member, a liaison leader, an oversight area above the organization, a leadership team
 * of at least `atLeast` (default 3); for a person, an oversight area or a contact point. A
 * fact asked of the wrong kind of subject is not met, and the detail says it does not apply.
 *
 * @example
 * const spec: StructureMeasure = { type: 'structure', fact: 'secretary-in-post' };
 * structureMeasure.evaluate({ type: 'organization', id: 'branch-01' }, spec, ctx).detail.zh; // '书记在岗：王某'
 */
export const structureMeasure: DerivedMeasure<StructureMeasure> = {
  kind: 'derived',
  type: 'structure',
  evaluate(subject, spec, ctx): MeasureOutcome {
    const label = FACT_LABELS[spec.fact];
    let finding: Finding;
    if (label.of !== subject.type) {
      const [zhFor, enFor] = label.of === 'organization' ? ['党组织', 'organizations'] : ['个人', 'people'];
      finding = { met: false, zh: `“${label.zh}”仅适用于${zhFor}，不适用于本对象`, en: `“${label.en}” applies to ${enFor} only, not to this subject` };
    } else {
      finding = subject.type === 'organization' ? organizationFact(ctx.graph, subject.id, spec) : personFact(ctx.graph, subject.id, spec);
    }
    const value = finding.met ? 1 : 0;
    return {
      status: 'measured',
      value,
      target: 1,
      shortfalls: 1 - value,
      ratio: value,
      inProgress: false,
      counted: 0,
      detail: { zh: finding.zh, en: finding.en },
    };
  },
};
