import type { Post, PostRole } from '../model/graph.js';
import { LEADERSHIP_ROLES } from '../model/graph.js';
import type { ResponsibilityKind } from '../model/responsibility.js';
import { queryLang, requirePerson, type QueryOptions } from './lookup.js';
import type { Graph } from './types.js';

/** One thing a person answers for, and in which capacity. */
export interface Duty {
  readonly kind: ResponsibilityKind;
  /** The organization answered for. */
  readonly organization: string;
  /** The post that carries the duty, or the edge: `overseer` (分管) or `liaison-leader` (联系点). */
  readonly capacity: PostRole | 'overseer' | 'liaison-leader';
  /** The organization whose team the person sits on, when the duty comes from that seat. */
  readonly seat?: string;
  readonly area?: string;
}

/** Everything a person answers for: their posts and the duties they carry. */
export interface PersonDuties {
  readonly person: string;
  readonly posts: readonly Post[];
  readonly duties: readonly Duty[];
}

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

/**
 * Everything a person answers for: 主体责任 for each team they sit on, 第一责任 where they are
 * secretary, 一级抓一级 over the organizations directly below those, 一岗双责 for each area they
 * oversee, 包抓包联 for each contact point.
 *
 * @example
 * dutiesOf(graph, 'p-li').duties.filter((d) => d.kind === 'dual').map((d) => d.organization);
 */
export function dutiesOf(graph: Graph, personId: string, options?: QueryOptions): PersonDuties {
  requirePerson(graph, personId, queryLang(options));
  const posts = graph.index.postsByPerson.get(personId) ?? [];
  const duties: Duty[] = [];
  for (const post of posts) {
    if (!LEADERSHIP.has(post.role)) continue;
    if (post.role === 'secretary') duties.push({ kind: 'first', organization: post.organization, capacity: post.role, seat: post.organization });
    duties.push({ kind: 'principal', organization: post.organization, capacity: post.role, seat: post.organization });
    for (const child of graph.index.children.get(post.organization) ?? []) {
      duties.push({ kind: 'supervision', organization: child, capacity: post.role, seat: post.organization });
    }
  }
  for (const edge of graph.index.oversightByMember.get(personId) ?? []) {
    duties.push(edge.area === undefined ? { kind: 'dual', organization: edge.organization, capacity: 'overseer' } : { kind: 'dual', organization: edge.organization, capacity: 'overseer', area: edge.area });
  }
  for (const organization of graph.index.liaisonByLeader.get(personId) ?? []) {
    duties.push({ kind: 'liaison', organization, capacity: 'liaison-leader' });
  }
  return { person: personId, posts, duties };
}
