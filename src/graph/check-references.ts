import type { Lang } from '../core/lang.js';
import { makeIssue, type Issue } from '../core/issue.js';
import { formatPath } from '../core/path.js';
import type { GraphInput, OrganizationInput, PersonInput } from '../model/graph.js';
import { LEADERSHIP_ROLES, POST_ROLE_RANK, type PostRole } from '../model/graph.js';
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
  // One past the last place of an organization.
  let orgSpan = 0;
  const parentOf = new Map<string, string | null>();
  for (const { at, value } of input.organizations) {
    const first = orgAt.get(value.id);
    if (first !== undefined) {
      issue('duplicate-id', ['organizations', at, 'id'], { id: value.id, first: formatPath(['organizations', first], lang) });
      continue;
    }
    orgAt.set(value.id, at);
    orgSpan = Math.max(orgSpan, at + 1);
    parentOf.set(value.id, value.parent ?? null);
  }
  // Each person's number (in the order they come, duplicates left out), and by that number the
  // person and their place in the input: one map of a province's million people, not two.
  const personNumber = new Map<string, number>();
  const personValue: PersonInput[] = [];
  const personPlace: number[] = [];
  for (const { at, value } of input.people) {
    const first = personNumber.get(value.id);
    if (first !== undefined) {
      issue('duplicate-id', ['people', at, 'id'], { id: value.id, first: formatPath(['people', personPlace[first] as number], lang) });
      continue;
    }
    personNumber.set(value.id, personValue.length);
    personValue.push(value);
    personPlace.push(at);
  }
  const personSpan = personValue.length;
  // A pair of a person and an organization (and a role) as one number, from the person's number
  // and the organization's place in the input, where it is safe as one: a province's million posts
  // are then checked for repeats without a key text built, flattened and hashed for each. Else as
  // text: ids never contain control characters, so \u0000 separates the parts unambiguously.
  const numericKeys = personSpan * orgSpan * 8 <= Number.MAX_SAFE_INTEGER;
  const pairKey = (person: string, personIndex: number, organization: string, orgIndex: number, rank = 0): number | string =>
    numericKeys ? (personIndex * orgSpan + orgIndex) * 8 + rank : `${person}\u0000${organization}\u0000${rank}`;

  const orgKnown = (id: string): boolean => orgAt.has(id) || input.brokenOrganizationIds.has(id) || input.organizationsUnknown === true;
  const personKnown = (id: string): boolean => personNumber.has(id) || input.brokenPersonIds.has(id) || input.peopleUnknown === true;
  // The place of an organization, or the number of a person, referred to; undefined when it is
  // not there (reported unless its entry was itself invalid or its list unreadable).
  const refOrg = (id: string, path: (string | number)[]): number | undefined => {
    const at = orgAt.get(id);
    if (at === undefined && !orgKnown(id)) issue('missing-organization', path, { id });
    return at;
  };
  const refPerson = (id: string, path: (string | number)[]): number | undefined => {
    const number = personNumber.get(id);
    if (number === undefined && !personKnown(id)) issue('missing-person', path, { id });
    return number;
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
  const postSeen = new Map<number | string, number>();
  const leaderRoleOf = new Map<number | string, PostRole>();
  for (const { at, value: post } of input.posts) {
    const personIndex = refPerson(post.person, ['posts', at, 'person']);
    const orgIndex = refOrg(post.organization, ['posts', at, 'organization']);
    if (personIndex === undefined || orgIndex === undefined) continue;
    const key = pairKey(post.person, personIndex, post.organization, orgIndex, (POST_ROLE_RANK.get(post.role) as number) + 1);
    const firstPost = postSeen.get(key);
    if (firstPost !== undefined) {
      issue('duplicate-post', ['posts', at], { person: post.person, organization: post.organization, role: post.role, first: formatPath(['posts', firstPost], lang) });
      continue;
    }
    postSeen.set(key, at);
    const person = personValue[personIndex] as PersonInput;
    if (post.role === 'secretary') {
      const existing = secretaryAt.get(post.organization);
      if (existing) issue('two-secretaries', ['posts', at, 'role'], { organization: post.organization, first: existing.person, second: post.person });
      else secretaryAt.set(post.organization, { person: post.person, at });
    }
    if (LEADERSHIP.has(post.role)) {
      const seatKey = pairKey(post.person, personIndex, post.organization, orgIndex);
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
    const seen = new Map<number | string, number>();
    for (const { at, value: edge } of edges) {
      const personIndex = refPerson(edge.person, [field, at, 'person']);
      const orgIndex = refOrg(edge.organization, [field, at, 'organization']);
      if (personIndex === undefined || orgIndex === undefined) continue;
      const key = pairKey(edge.person, personIndex, edge.organization, orgIndex);
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
