import type { GraphInput, Liaison, Organization, Oversight, Person, Post, PostRole } from '../model/graph.js';
import { LEADERSHIP_ROLES, POST_ROLES } from '../model/graph.js';
import { FrozenMap, freezeGroups, pushGroup } from './frozen-map.js';
import { layOutHierarchy } from './hierarchy.js';
import type { Graph } from './types.js';
import { byCodeUnit } from '../core/order.js';

const roleRank = new Map<PostRole, number>(POST_ROLES.map((role, i) => [role, i]));
const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

// The canonical order as one string per element (ids never contain \u0000), sorted by the
// engine's built-in string order — UTF-16 code units, the same as byCodeUnit — without a callback.
function postKey(post: Post): string {
  return `${post.organization}\u0000${String.fromCharCode(65 + (roleRank.get(post.role) as number))}\u0000${post.person}`;
}

function sortByKey<T>(items: T[], keyOf: (item: T) => string): T[] {
  const keyed = items.map((item, i) => `${keyOf(item)}\u0000${i}`);
  keyed.sort();
  return keyed.map((k) => items[Number(k.slice(k.lastIndexOf('\u0000') + 1))] as T);
}

function compareEdges(a: { person: string; organization: string }, b: { person: string; organization: string }): number {
  return byCodeUnit(a.person, b.person) || byCodeUnit(a.organization, b.organization);
}

function omitUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return Object.freeze(out) as T;
}

/**
 * Builds the immutable, indexed graph from input that has already been validated
 * (no duplicates, no dangling references, no cycles). Canonical order throughout: entities by
 * id, posts by organization, role and person; so two inputs that differ only in order give
 * identical graphs.
 */
export function buildGraph(input: GraphInput): Graph {
  const organizations = input.organizations
    .map((o): Organization => Object.freeze({ id: o.id, name: o.name, kind: o.kind, parent: o.parent ?? null }))
    .sort((a, b) => byCodeUnit(a.id, b.id));
  const people = input.people
    .map((p): Person => Object.freeze({ id: p.id, name: p.name, partyMember: p.partyMember, probationary: p.probationary ?? false }))
    .sort((a, b) => byCodeUnit(a.id, b.id));
  const posts = sortByKey(input.posts.map((p) => omitUndefined({ ...p }) as Post), postKey);
  const oversight = (input.oversight ?? []).map((e) => omitUndefined({ ...e }) as Oversight).sort(compareEdges);
  const liaison = (input.liaison ?? []).map((e): Liaison => Object.freeze({ person: e.person, organization: e.organization })).sort(compareEdges);

  const hierarchy = layOutHierarchy(new Map(organizations.map((o) => [o.id, o.parent])));

  const postsByOrganization = new Map<string, Post[]>();
  const postsByPerson = new Map<string, Post[]>();
  const secretaryOf = new Map<string, string>();
  const teamOf = new Map<string, string[]>();
  for (const post of posts) {
    pushGroup(postsByOrganization, post.organization, post);
    pushGroup(postsByPerson, post.person, post);
    if (post.role === 'secretary') secretaryOf.set(post.organization, post.person);
    if (LEADERSHIP.has(post.role)) pushGroup(teamOf, post.organization, post.person);
  }
  const overseersOf = new Map<string, Oversight[]>();
  const oversightByMember = new Map<string, Oversight[]>();
  for (const edge of oversight) {
    pushGroup(overseersOf, edge.organization, edge);
    pushGroup(oversightByMember, edge.person, edge);
  }
  const liaisonsOf = new Map<string, string[]>();
  const liaisonByLeader = new Map<string, string[]>();
  for (const edge of liaison) {
    pushGroup(liaisonsOf, edge.organization, edge.person);
    pushGroup(liaisonByLeader, edge.person, edge.organization);
  }

  const graph: Graph = {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    organizations: new FrozenMap(organizations.map((o) => [o.id, o])),
    people: new FrozenMap(people.map((p) => [p.id, p])),
    posts: Object.freeze(posts),
    oversight: Object.freeze(oversight),
    liaison: Object.freeze(liaison),
    index: Object.freeze({
      ...hierarchy,
      postsByOrganization: freezeGroups(postsByOrganization),
      postsByPerson: freezeGroups(postsByPerson),
      secretaryOf: new FrozenMap(secretaryOf),
      teamOf: freezeGroups(teamOf),
      overseersOf: freezeGroups(overseersOf),
      oversightByMember: freezeGroups(oversightByMember),
      liaisonsOf: freezeGroups(liaisonsOf),
      liaisonByLeader: freezeGroups(liaisonByLeader),
    }),
  };
  BUILT.add(graph);
  return Object.freeze(graph);
}

/** The graphs {@link buildGraph} made: immutable through and through. */
const BUILT = new WeakSet<Graph>();

/**
 * Whether a graph was made by {@link buildGraph} (through `parseGraph`), and so cannot change:
 * what is worked out from it can be kept as long as it lives. A graph put together by hand in the
 * shape of one can.
 *
 * @example
 * isBuiltGraph(parseGraph(input)); // true
 */
export function isBuiltGraph(graph: Graph): boolean {
  return BUILT.has(graph);
}
