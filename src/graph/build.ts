import type { GraphInput, Liaison, Organization, Oversight, Person, Post, PostRole } from '../model/graph.js';
import { sharedWeakSet } from '../core/shared-set.js';
import { LEADERSHIP_ROLES, POST_ROLE_RANK } from '../model/graph.js';
import { FrozenMap, freezeGroups, pushGroup } from './frozen-map.js';
import { layOutHierarchy } from './hierarchy.js';
import type { Graph } from './types.js';
import { byCodeUnit } from '../core/order.js';

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

/** Sorts elements by a unique text key in UTF-16 code-unit order (the engine's own sort, no callback). */
function sortById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) byId.set(item.id, item);
  // Ids are unique (checked before): sorting them alone, with no comparator, is the engine's
  // native string order, several times faster than a callback over a million people.
  return items.map((item) => item.id).sort().map((id) => byId.get(id) as T);
}

function compareEdges(a: { person: string; organization: string }, b: { person: string; organization: string }): number {
  return byCodeUnit(a.person, b.person) || byCodeUnit(a.organization, b.organization);
}

/** Orders two posts of one organization: by role (the order of POST_ROLES), then by person. */
function comparePostsWithin(a: Post, b: Post): number {
  return (POST_ROLE_RANK.get(a.role) as number) - (POST_ROLE_RANK.get(b.role) as number) || byCodeUnit(a.person, b.person);
}

/**
 * The posts in canonical order (organization by id, then role, then person), and where each
 * organization's run of posts starts and ends: `ids` the organizations in id order, `ends[i]` the
 * end of the i-th one's run. A counting sort by the organization's place, then each run sorted on
 * its own: no key text built for each of a province's million posts. A graph parsed and checked
 * has no post outside its organizations; one put together by hand may, and its posts then sort
 * among the others by that organization's id, as any post does.
 */
function sortPosts(posts: readonly Post[], organizations: readonly Organization[]): { sorted: Post[]; ends: Int32Array; ids: readonly string[] } {
  let ids: readonly string[] = organizations.map((o) => o.id);
  const place = new Map<string, number>();
  ids.forEach((id, i) => place.set(id, i));
  const unknown = new Set<string>();
  for (const post of posts) if (!place.has(post.organization)) unknown.add(post.organization);
  if (unknown.size > 0) {
    ids = [...ids, ...unknown].sort();
    place.clear();
    ids.forEach((id, i) => place.set(id, i));
  }
  const ends = new Int32Array(ids.length);
  const at = new Int32Array(posts.length);
  for (let i = 0; i < posts.length; i++) {
    const p = place.get((posts[i] as Post).organization) as number;
    at[i] = p;
    ends[p] = (ends[p] as number) + 1;
  }
  let sum = 0;
  for (let i = 0; i < ends.length; i++) ends[i] = sum += ends[i] as number;
  const sorted = new Array<Post>(posts.length);
  // From the back, each post into the last free place of its organization's run: stable.
  const next = ends.slice();
  for (let i = posts.length - 1; i >= 0; i--) {
    const p = at[i] as number;
    next[p] = (next[p] as number) - 1;
    sorted[next[p] as number] = posts[i] as Post;
  }
  for (let i = 0, start = 0; i < ends.length; start = ends[i] as number, i++) {
    const end = ends[i] as number;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(comparePostsWithin);
      for (let j = 0; j < run.length; j++) sorted[start + j] = run[j] as Post;
    }
  }
  return { sorted, ends, ids };
}

/** A post as the graph keeps it: its own fields only, in the schema's order, frozen. */
function postOf(p: Post): Post {
  return Object.freeze(p.title !== undefined ? { person: p.person, organization: p.organization, role: p.role, title: p.title } : { person: p.person, organization: p.organization, role: p.role });
}

/** An oversight edge as the graph keeps it: its own fields only, in the schema's order, frozen. */
function oversightOf(e: Oversight): Oversight {
  return Object.freeze(e.area !== undefined ? { person: e.person, organization: e.organization, area: e.area } : { person: e.person, organization: e.organization });
}

/**
 * Builds the immutable, indexed graph from input that has already been validated
 * (no duplicates, no dangling references, no cycles). Canonical order throughout: entities by
 * id, posts by organization, role and person; so two inputs that differ only in order give
 * identical graphs.
 */
export function buildGraph(input: GraphInput): Graph {
  const organizations = sortById(input.organizations.map((o): Organization => Object.freeze({ id: o.id, name: o.name, kind: o.kind, parent: o.parent ?? null })));
  const people = sortById(input.people.map((p): Person => Object.freeze({ id: p.id, name: p.name, partyMember: p.partyMember, probationary: p.probationary ?? false })));
  const { sorted: posts, ends, ids: postOrganizations } = sortPosts(input.posts.map((p) => postOf(p as Post)), organizations);
  const oversight = (input.oversight ?? []).map((e) => oversightOf(e as Oversight)).sort(compareEdges);
  const liaison = (input.liaison ?? []).map((e): Liaison => Object.freeze({ person: e.person, organization: e.organization })).sort(compareEdges);

  const hierarchy = layOutHierarchy(new Map(organizations.map((o) => [o.id, o.parent])));

  // Each organization's posts are one run of the sorted posts: its groups are read off the runs,
  // in organization order, as they would be by going through the posts one by one.
  const postsByOrganization = new Map<string, Post[]>();
  const secretaryOf = new Map<string, string>();
  const teamOf = new Map<string, string[]>();
  for (let i = 0, start = 0; i < postOrganizations.length; start = ends[i] as number, i++) {
    const end = ends[i] as number;
    if (end === start) continue;
    const id = postOrganizations[i] as string;
    const run = posts.slice(start, end);
    postsByOrganization.set(id, run);
    const team: string[] = [];
    for (const post of run) {
      if (post.role === 'secretary') secretaryOf.set(id, post.person);
      if (LEADERSHIP.has(post.role)) team.push(post.person);
    }
    if (team.length > 0) teamOf.set(id, team);
  }
  const postsByPerson = new Map<string, Post[]>();
  for (const post of posts) pushGroup(postsByPerson, post.person, post);
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

/**
 * The graphs {@link buildGraph} made: immutable through and through. Shared with the other
 * build (`import` and `require`) of this version loaded in the same process, so that a graph
 * parsed by one is accepted by the other.
 */
const BUILT = sharedWeakSet<Graph>('built-graphs');

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
