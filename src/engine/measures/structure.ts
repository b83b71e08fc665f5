import { explain, joinExplanations, type ExplainParams, type Explanation } from '../../core/explain.js';
import type { Graph } from '../../graph/types.js';
import type { StructureMeasure } from '../../model/measures.js';
import type { DerivedMeasure, MeasureOutcome } from '../measure-module.js';

type Fact = StructureMeasure['fact'];

/** Each fact's label (a catalogue code) and the kind of subject it is asked of. */
const FACTS: Readonly<Record<Fact, { readonly label: string; readonly of: 'organization' | 'person' }>> = {
  'secretary-in-post': { label: 'explain-fact-secretary-in-post', of: 'organization' },
  'officer-staffed': { label: 'explain-fact-officer-staffed', of: 'organization' },
  'liaison-present': { label: 'explain-fact-liaison-present', of: 'organization' },
  overseen: { label: 'explain-fact-overseen', of: 'organization' },
  'team-size': { label: 'explain-fact-team-size', of: 'organization' },
  'has-oversight-area': { label: 'explain-fact-has-oversight-area', of: 'person' },
  'has-liaison-point': { label: 'explain-fact-has-liaison-point', of: 'person' },
};

interface Finding {
  readonly met: boolean;
  readonly detail: Explanation;
}

const found = (met: boolean, code: string, params: ExplainParams = {}): Finding => ({ met, detail: explain(code, params) });

const personName = (graph: Graph, id: string): string => graph.people.get(id)?.name ?? id;
const orgName = (graph: Graph, id: string): string => graph.organizations.get(id)?.name ?? id;
// Names of people and organizations take the Chinese list separator in both languages.
const names = (ids: readonly string[], name: (id: string) => string): Explanation => joinExplanations(ids.map(name), 'list');

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
      return secretary === undefined ? found(false, 'explain-structure-no-secretary') : found(true, 'explain-structure-secretary', { name: person(secretary) });
    }
    case 'officer-staffed': {
      const officers = (index.postsByOrganization.get(id) ?? []).filter((p) => p.role === 'party-affairs-officer').map((p) => p.person);
      const members = officers.filter((p) => graph.people.get(p)?.partyMember === true);
      // An officer spread over more organizations than the limit is staffed for show (应付配备).
      const limit = spec.maxOfficerPosts ?? 3;
      const postsOf = (p: string): number => (index.postsByPerson.get(p) ?? []).filter((post) => post.role === 'party-affairs-officer').length;
      const real = members.filter((p) => postsOf(p) <= limit);
      if (real.length > 0) return found(true, 'explain-structure-officers', { names: names(real, person) });
      if (officers.length === 0) return found(false, 'explain-structure-no-officer');
      if (members.length > 0) {
        const spread = joinExplanations(
          members.map((p) => explain('explain-structure-officer-posts', { name: person(p), posts: postsOf(p) })),
          'list',
        );
        return found(false, 'explain-structure-officers-spread', { officers: spread, limit });
      }
      return found(false, 'explain-structure-officers-not-members', { names: names(officers, person) });
    }
    case 'liaison-present': {
      const leaders = index.liaisonsOf.get(id) ?? [];
      return leaders.length === 0 ? found(false, 'explain-structure-no-liaison') : found(true, 'explain-structure-liaisons', { names: names(leaders, person) });
    }
    case 'overseen': {
      const at = overseenAt(graph, id);
      if (at === undefined) return found(false, 'explain-structure-not-overseen');
      const by = names((index.overseersOf.get(at) ?? []).map((e) => e.person), person);
      return at === id
        ? found(true, 'explain-structure-overseen', { by })
        : found(true, 'explain-structure-overseen-above', { by, organization: orgName(graph, at) });
    }
    case 'team-size': {
      const size = new Set(index.teamOf.get(id) ?? []).size;
      const atLeast = spec.atLeast ?? 3;
      return found(size >= atLeast, 'explain-structure-team-size', { size, atLeast });
    }
    default:
      // Person facts: `evaluate` sends them to personFact, never here.
      return { met: false, detail: { zh: '', en: '' } };
  }
}

function personFact(graph: Graph, id: string, spec: StructureMeasure): Finding {
  const org = (o: string): string => orgName(graph, o);
  if (spec.fact === 'has-oversight-area') {
    const areas = [...new Set((graph.index.oversightByMember.get(id) ?? []).map((e) => e.organization))];
    return areas.length === 0 ? found(false, 'explain-structure-no-area') : found(true, 'explain-structure-areas', { names: names(areas, org) });
  }
  const points = graph.index.liaisonByLeader.get(id) ?? [];
  return points.length === 0
    ? found(false, 'explain-structure-no-contact-point')
    : found(true, 'explain-structure-contact-points', { names: names(points, org) });
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
    const fact = FACTS[spec.fact];
    let finding: Finding;
    if (fact.of !== subject.type) {
      const kind = explain(fact.of === 'organization' ? 'explain-kind-organizations' : 'explain-kind-people');
      finding = found(false, 'explain-structure-only-for', { fact: explain(fact.label), kind });
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
      detail: finding.detail,
    };
  },
};
