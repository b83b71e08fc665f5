import type { Liaison, Organization, Oversight, Person, Post } from '../model/graph.js';
import type { Hierarchy } from './hierarchy.js';

/** Lookups built once when a graph is parsed; every query reads them in O(1) or O(answer). */
export interface GraphIndex extends Hierarchy {
  readonly postsByOrganization: ReadonlyMap<string, readonly Post[]>;
  readonly postsByPerson: ReadonlyMap<string, readonly Post[]>;
  readonly secretaryOf: ReadonlyMap<string, string>;
  /** Leadership team (secretary, deputy secretaries, team members) of each organization. */
  readonly teamOf: ReadonlyMap<string, readonly string[]>;
  readonly overseersOf: ReadonlyMap<string, readonly Oversight[]>;
  readonly oversightByMember: ReadonlyMap<string, readonly Oversight[]>;
  readonly liaisonsOf: ReadonlyMap<string, readonly string[]>;
  readonly liaisonByLeader: ReadonlyMap<string, readonly string[]>;
}

/**
 * A parsed, validated, immutable responsibility graph. Entities are keyed by id in `Map`s
 * (in id order, so output never depends on input order); `index` holds the lookups.
 *
 * @example
 * const graph = parseGraph(json);
 * graph.organizations.get('branch-01')?.name;
 */
export interface Graph {
  readonly id?: string;
  readonly title?: string;
  readonly organizations: ReadonlyMap<string, Organization>;
  readonly people: ReadonlyMap<string, Person>;
  readonly posts: readonly Post[];
  readonly oversight: readonly Oversight[];
  readonly liaison: readonly Liaison[];
  readonly index: GraphIndex;
}
