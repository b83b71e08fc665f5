import { byCodeUnit } from '../core/order.js';
import { ancestorsOf } from '../graph/queries.js';
import type { Graph } from '../graph/types.js';
import { LEADERSHIP_ROLES, type PostRole } from '../model/graph.js';
import type { Reach } from '../model/accountability.js';
import type { ResponsibilityKind } from '../model/responsibility.js';
import type { TriggerHit } from './triggers.js';
import type { FindingPathStep, Liability } from './types.js';

/** Someone a finding reaches, in which capacity, and by which path. */
export interface ReachedSubject {
  readonly type: 'organization' | 'person';
  readonly id: string;
  readonly liability: Liability;
  readonly basis: ResponsibilityKind | 'direct';
  readonly path: readonly FindingPathStep[];
  /**
   * Reached as the secretary of this organization while its secretary post is vacant: a deputy
   * secretary, who presides over the team meanwhile (主持工作).
   */
  readonly presiding?: string;
}

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

/**
 * The organizations a person's finding starts from: where they lead, else where they hold any
 * post, in code-unit order.
 *
 * @example
 * seatsOf(graph, 'p-b1-sec'); // ['b1']
 */
export function seatsOf(graph: Graph, personId: string): string[] {
  const posts = graph.index.postsByPerson.get(personId) ?? [];
  const led = posts.filter((p) => LEADERSHIP.has(p.role)).map((p) => p.organization);
  return [...new Set(led.length > 0 ? led : posts.map((p) => p.organization))].sort();
}

/** The deputy secretaries of an organization, in code-unit order of id. */
function deputiesOf(graph: Graph, org: string): string[] {
  const posts = graph.index.postsByOrganization.get(org) ?? [];
  return [...new Set(posts.filter((p) => p.role === 'deputy-secretary').map((p) => p.person))].sort(byCodeUnit);
}

function fromOrganization(graph: Graph, org: string, reach: Reach, hit: TriggerHit, out: ReachedSubject[]): void {
  const step = (distance: number, organization: string, kind: FindingPathStep['kind']): FindingPathStep => ({ distance, organization, kind });
  const person = (id: string, liability: Liability, basis: ReachedSubject['basis'], path: FindingPathStep[]): void => {
    out.push({ type: 'person', id, liability, basis, path });
  };
  const { index } = graph;
  switch (reach.to) {
    case 'direct':
      for (const id of hit.people) person(id, 'direct', 'direct', [step(0, org, 'direct')]);
      return;
    case 'self':
    case 'team':
      // A 党小组 is no body held to account: 问责条例 Art. 5 lists 党委、党组、基层委员会、总支部委员会、
      // 支部委员会, and 党章 Art. 30 sets up basic-level committees, general branches and branches,
      // not groups. It gets no organization form; its branch answers above it (supervision).
      if (graph.organizations.get(org)?.kind === 'group') return;
      out.push({ type: 'organization', id: org, liability: 'overall-leadership', basis: 'principal', path: [step(0, org, 'principal')] });
      return;
    case 'secretary': {
      const secretary = index.secretaryOf.get(org);
      if (secretary !== undefined) person(secretary, 'principal-leadership', 'first', [step(0, org, 'first')]);
      // Art. 6: 主要领导责任 falls on the team's principal; while the secretary post is vacant that
      // is who presides, the deputy secretary (each of them, in id order, when there are several).
      else for (const id of deputiesOf(graph, org)) out.push({ type: 'person', id, liability: 'principal-leadership', basis: 'first', path: [step(0, org, 'first')], presiding: org });
      return;
    }
    case 'overseer':
      [org, ...ancestorsOf(graph, org)].forEach((level, distance) => {
        // Overseeing the organization itself, the path is that one organization, once.
        const path = (): FindingPathStep[] => (distance === 0 ? [step(0, org, 'dual')] : [step(0, org, 'principal'), step(distance, level, 'dual')]);
        for (const edge of index.overseersOf.get(level) ?? []) person(edge.person, 'principal-leadership', 'dual', path());
      });
      return;
    case 'team-members': {
      const secretary = index.secretaryOf.get(org);
      for (const id of index.teamOf.get(org) ?? []) if (id !== secretary) person(id, 'important-leadership', 'principal', [step(0, org, 'principal')]);
      return;
    }
    case 'liaison':
      for (const id of index.liaisonsOf.get(org) ?? []) person(id, 'important-leadership', 'liaison', [step(0, org, 'liaison')]);
      return;
    case 'supervision': {
      const above = ancestorsOf(graph, org).slice(0, reach.levels ?? 1);
      above.forEach((level, i) => {
        const path = [step(0, org, 'principal'), ...above.slice(0, i + 1).map((a, j) => step(j + 1, a, 'supervision' as const))];
        out.push({ type: 'organization', id: level, liability: 'overall-leadership', basis: 'supervision', path });
      });
      return;
    }
  }
}

/**
 * Whom one reach step of a rule touches for one trigger hit. From an organization: the people
 * on the records (直接责任), the team as a body (全面领导责任; a 党小组 is none, and gets no
 * organization form), the secretary — while the post is vacant, the deputy secretaries, who
 * preside (`presiding`), else nobody — and the overseeing team member (主要领导责任), the other
 * team members and liaison leaders (重要领导责任), the teams above (一级抓一级). From a person: the person (直接责任; the path is empty when they hold no
 * post) and, for the other targets, the organizations where they lead.
 *
 * @example
 * reachOf(graph, { to: 'secretary' }, hit).map((r) => r.id);
 */
export function reachOf(graph: Graph, reach: Reach, hit: TriggerHit): ReachedSubject[] {
  const out: ReachedSubject[] = [];
  if (hit.subject.type === 'organization') {
    fromOrganization(graph, hit.subject.id, reach, hit, out);
    return out;
  }
  if (reach.to === 'self' || reach.to === 'direct') {
    // A person who holds no post answers where no organization is: the path is empty, not a step
    // at an organization with no id.
    const seat = seatsOf(graph, hit.subject.id)[0];
    const path: FindingPathStep[] = seat === undefined ? [] : [{ distance: 0, organization: seat, kind: 'direct' }];
    return [{ type: 'person', id: hit.subject.id, liability: 'direct', basis: 'direct', path }];
  }
  for (const seat of seatsOf(graph, hit.subject.id)) {
    const found: ReachedSubject[] = [];
    fromOrganization(graph, seat, reach, hit, found);
    out.push(...found.filter((r) => !(r.type === 'person' && r.id === hit.subject.id)));
  }
  return out;
}
