import type { Lang } from '../core/lang.js';
import { makeIssue, type Issue } from '../core/issue.js';
import { formatPath } from '../core/path.js';
import type { GraphInput, OrganizationInput, PersonInput } from '../model/graph.js';
import { LEADERSHIP_ROLES, type PostRole } from '../model/graph.js';
import { findCycles, isStrictAncestor, layOutHierarchy } from './hierarchy.js';

/** An element that passed its own schema, with its index in the input array. */
export interface Indexed<T> {
  readonly at: number;
  readonly value: T;
}

/** The elements that passed their schemas, plus ids seen on elements that did not. */
export interface CheckInput {
  readonly organizations: readonly Indexed<OrganizationInput>[];
  readonly people: readonly Indexed<PersonInput>[];
  readonly posts: readonly Indexed<GraphInput['posts'][number]>[];
  readonly oversight: readonly Indexed<NonNullable<GraphInput['oversight']>[number]>[];
  readonly liaison: readonly Indexed<NonNullable<GraphInput['liaison']>[number]>[];
  /** Ids of organizations / people whose entries were themselves invalid: not "missing". */
  readonly brokenOrganizationIds: ReadonlySet<string>;
  readonly brokenPersonIds: ReadonlySet<string>;
  /** The organizations, people or posts array could not be read at all: references into it are not checked. */
  readonly organizationsUnknown?: boolean;
  readonly peopleUnknown?: boolean;
  readonly postsUnknown?: boolean;
}

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

/**
 * The cross-element checks of a graph: duplicate ids, dangling references, hierarchy cycles,
 * two secretaries, conflicting posts, non-members in party posts, oversight and liaison by
 * people not on a leadership team above the organization. Returns every problem found.
 */
export function checkReferences(input: CheckInput, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const issue = (code: string, path: (string | number)[], params: Record<string, string | number>): void => {
    issues.push(makeIssue(code, path, params, lang));
  };

  const orgAt = new Map<string, number>();
  const parentOf = new Map<string, string | null>();
  for (const { at, value } of input.organizations) {
    const first = orgAt.get(value.id);
    if (first !== undefined) {
      issue('duplicate-id', ['organizations', at, 'id'], { id: value.id, first: formatPath(['organizations', first], lang) });
      continue;
    }
    orgAt.set(value.id, at);
    parentOf.set(value.id, value.parent ?? null);
  }
  const personAt = new Map<string, number>();
  const people = new Map<string, PersonInput>();
  for (const { at, value } of input.people) {
    const first = personAt.get(value.id);
    if (first !== undefined) {
      issue('duplicate-id', ['people', at, 'id'], { id: value.id, first: formatPath(['people', first], lang) });
      continue;
    }
    personAt.set(value.id, at);
    people.set(value.id, value);
  }

  const orgKnown = (id: string): boolean => orgAt.has(id) || input.brokenOrganizationIds.has(id) || input.organizationsUnknown === true;
  const personKnown = (id: string): boolean => personAt.has(id) || input.brokenPersonIds.has(id) || input.peopleUnknown === true;
  const refOrg = (id: string, path: (string | number)[]): boolean => {
    if (orgAt.has(id)) return true;
    if (!orgKnown(id)) issue('missing-organization', path, { id });
    return false;
  };
  const refPerson = (id: string, path: (string | number)[]): boolean => {
    if (personAt.has(id)) return true;
    if (!personKnown(id)) issue('missing-person', path, { id });
    return false;
  };

  for (const [id, parent] of parentOf) {
    if (parent !== null && !orgKnown(parent)) issue('missing-organization', ['organizations', orgAt.get(id) as number, 'parent'], { id: parent });
  }
  for (const cycle of findCycles(parentOf)) {
    // Start the cycle at its member that comes first in the input, so the message is stable.
    let start = 0;
    cycle.forEach((id, i) => {
      if ((orgAt.get(id) as number) < (orgAt.get(cycle[start] as string) as number)) start = i;
    });
    const ordered = [...cycle.slice(start), ...cycle.slice(0, start)];
    const head = ordered[0] as string;
    issue('hierarchy-cycle', ['organizations', orgAt.get(head) as number, 'parent'], {
      cycle: [...ordered, head].join(' → '),
      length: ordered.length,
    });
  }
  const hierarchy = layOutHierarchy(parentOf);

  const leadershipPostsOf = new Map<string, string[]>();
  const secretaryAt = new Map<string, { person: string; at: number }>();
  const postSeen = new Map<string, number>();
  const leaderRoleOf = new Map<string, PostRole>();
  for (const { at, value: post } of input.posts) {
    const personOk = refPerson(post.person, ['posts', at, 'person']);
    const orgOk = refOrg(post.organization, ['posts', at, 'organization']);
    if (!personOk || !orgOk) continue;
    // Ids never contain control characters, so \u0000 separates the parts unambiguously.
    const key = `${post.person}\u0000${post.organization}\u0000${post.role}`;
    const firstPost = postSeen.get(key);
    if (firstPost !== undefined) {
      issue('duplicate-post', ['posts', at], { person: post.person, organization: post.organization, role: post.role, first: formatPath(['posts', firstPost], lang) });
      continue;
    }
    postSeen.set(key, at);
    const person = people.get(post.person) as PersonInput;
    if (post.role === 'secretary') {
      const existing = secretaryAt.get(post.organization);
      if (existing) issue('two-secretaries', ['posts', at, 'role'], { organization: post.organization, first: existing.person, second: post.person });
      else secretaryAt.set(post.organization, { person: post.person, at });
    }
    if (LEADERSHIP.has(post.role)) {
      const seatKey = `${post.person}\u0000${post.organization}`;
      const otherRole = leaderRoleOf.get(seatKey);
      if (otherRole !== undefined) issue('conflicting-posts', ['posts', at, 'role'], { person: post.person, organization: post.organization, first: otherRole, second: post.role });
      else leaderRoleOf.set(seatKey, post.role);
      const list = leadershipPostsOf.get(post.person);
      if (list) list.push(post.organization);
      else leadershipPostsOf.set(post.person, [post.organization]);
    }
    if (!person.partyMember && post.role !== 'party-affairs-officer') {
      const code = post.role === 'secretary' ? 'secretary-not-party-member' : post.role === 'member' ? 'member-not-party-member' : 'leader-not-party-member';
      issue(code, ['posts', at, 'person'], { person: post.person, organization: post.organization, role: post.role });
    }
  }

  // Oversight and liaison must come from a leadership team above the organization. Where the
  // hierarchy has a cycle the organization has no place in it and the cycle is reported instead.
  const leadsAbove = (person: string, organization: string): boolean =>
    input.postsUnknown === true ||
    !hierarchy.span.has(organization) ||
    (leadershipPostsOf.get(person) ?? []).some((teamOrg) => isStrictAncestor(hierarchy, teamOrg, organization));
  const checkEdges = (
    field: 'oversight' | 'liaison',
    edges: readonly Indexed<{ person: string; organization: string }>[],
    notLeaderCode: string,
  ): void => {
    const seen = new Map<string, number>();
    for (const { at, value: edge } of edges) {
      const personOk = refPerson(edge.person, [field, at, 'person']);
      const orgOk = refOrg(edge.organization, [field, at, 'organization']);
      if (!personOk || !orgOk) continue;
      const key = `${edge.person}\u0000${edge.organization}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issue('duplicate-edge', [field, at], { person: edge.person, organization: edge.organization, first: formatPath([field, first], lang) });
        continue;
      }
      seen.set(key, at);
      if (!leadsAbove(edge.person, edge.organization)) issue(notLeaderCode, [field, at, 'person'], { person: edge.person, organization: edge.organization });
    }
  };
  checkEdges('oversight', input.oversight, 'oversight-outside-team');
  checkEdges('liaison', input.liaison, 'liaison-not-leader');
  return issues;
}
