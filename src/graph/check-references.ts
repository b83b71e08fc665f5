import type { Lang } from '../core/lang.js';
import { makeIssue, type Issue } from '../core/issue.js';
import { formatPath } from '../core/path.js';
import type { GraphInput, OrganizationInput, OrganizationKind, PersonInput } from '../model/graph.js';
import { CHILD_KINDS, ELECTED_ROLES, GRASSROOTS_KINDS, LEADERSHIP_ROLES, POST_ROLE_RANK, type PostRole } from '../model/graph.js';
import { findCycles, isStrictAncestor, layOutHierarchy } from './hierarchy.js';

/** An element that passed its own schema, with its index in the input array. */
export interface Indexed<T> {
  readonly at: number;
  readonly value: T;
}

/**
 * An invalid post entry that might have been a leadership post: the person and the organization
 * it names, each left out when it names none readable (any person, any organization).
 */
export interface DoubtfulPost {
  readonly person?: string;
  readonly organization?: string;
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
  /**
   * Post entries that were themselves invalid and might have been leadership posts (a misspelt
   * role, say): whether their person leads above an organization under theirs is not known.
   */
  readonly doubtfulPosts?: readonly DoubtfulPost[];
  /** The organizations, people or posts array could not be read at all: references into it are not checked. */
  readonly organizationsUnknown?: boolean;
  readonly peopleUnknown?: boolean;
  readonly postsUnknown?: boolean;
}

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);
const ELECTED = new Set<PostRole>(ELECTED_ROLES);
const GRASSROOTS = new Set<OrganizationKind>(GRASSROOTS_KINDS);
const CONTAINS = new Map([...CHILD_KINDS].map(([kind, children]) => [kind, new Set(children)]));

/**
 * The cross-element checks of a graph: duplicate ids, dangling references, hierarchy cycles, an
 * organization under a kind that cannot contain it, two secretaries, conflicting posts,
 * non-members in party posts, probationary members in elected posts, liaison edges to
 * organizations that are not grassroots, oversight and liaison by people not on a leadership
 * team above the organization. Returns every problem found, and only those: a check that would
 * depend on an entry that was itself invalid, or on a reference that is missing, is not made,
 * so fixing that one entry is all that is asked.
 */
export function checkReferences(input: CheckInput, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const issue = (code: string, path: (string | number)[], params: Record<string, string | number>): void => {
    issues.push(makeIssue(code, path, params, lang));
  };

  // Each organization's number: its index among the valid entries (the first of an id only).
  const orgNumber = new Map<string, number>();
  const orgValue = (n: number): Indexed<OrganizationInput> => input.organizations[n] as Indexed<OrganizationInput>;
  // An organization's place in the input, by its number.
  const orgPlace = (n: number): number => orgValue(n).at;
  const orgAt = (id: string): number | undefined => {
    const n = orgNumber.get(id);
    return n === undefined ? undefined : orgPlace(n);
  };
  // One past the last place of an organization.
  let orgSpan = 0;
  const parentOf = new Map<string, string | null>();
  input.organizations.forEach(({ at, value }, n) => {
    const first = orgAt(value.id);
    if (first !== undefined) {
      issue('duplicate-id', ['organizations', at, 'id'], { id: value.id, first: formatPath(['organizations', first], lang) });
      return;
    }
    orgNumber.set(value.id, n);
    orgSpan = Math.max(orgSpan, at + 1);
    parentOf.set(value.id, value.parent ?? null);
  });
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

  const orgKnown = (id: string): boolean => orgNumber.has(id) || input.brokenOrganizationIds.has(id) || input.organizationsUnknown === true;
  const personKnown = (id: string): boolean => personNumber.has(id) || input.brokenPersonIds.has(id) || input.peopleUnknown === true;
  // The number of an organization or of a person referred to; undefined when it is not there
  // (reported unless its entry was itself invalid or its list unreadable).
  const refOrg = (id: string, path: (string | number)[]): number | undefined => {
    const number = orgNumber.get(id);
    if (number === undefined && !orgKnown(id)) issue('missing-organization', path, { id });
    return number;
  };
  const refPerson = (id: string, path: (string | number)[]): number | undefined => {
    const number = personNumber.get(id);
    if (number === undefined && !personKnown(id)) issue('missing-person', path, { id });
    return number;
  };

  const kindOf = (n: number): OrganizationKind => orgValue(n).value.kind;
  const cycles = findCycles(parentOf);
  const onCycle = new Set(cycles.flat());
  for (const [id, parent] of parentOf) {
    if (parent === null) continue;
    const number = orgNumber.get(id) as number;
    const at = orgPlace(number);
    const parentNumber = orgNumber.get(parent);
    if (parentNumber === undefined) {
      if (!orgKnown(parent)) issue('missing-organization', ['organizations', at, 'parent'], { id: parent });
      continue;
    }
    // A link of a cycle is wrong somewhere, and the cycle says so: its kinds say nothing more.
    if (onCycle.has(id) && onCycle.has(parent)) continue;
    const kind = kindOf(number);
    const parentKind = kindOf(parentNumber);
    if (!(CONTAINS.get(parentKind) as ReadonlySet<OrganizationKind>).has(kind)) {
      issue('invalid-parent-kind', ['organizations', at, 'parent'], { id, kind, parent, parentKind, allowed: (CHILD_KINDS.get(parentKind) as readonly string[]).join(', ') });
    }
  }
  for (const cycle of cycles) {
    // Start the cycle at its member that comes first in the input, so the message is stable.
    let start = 0;
    cycle.forEach((id, i) => {
      if ((orgAt(id) as number) < (orgAt(cycle[start] as string) as number)) start = i;
    });
    const ordered = [...cycle.slice(start), ...cycle.slice(0, start)];
    const head = ordered[0] as string;
    issue('hierarchy-cycle', ['organizations', orgAt(head) as number, 'parent'], {
      cycle: [...ordered, head].join(' → '),
      length: ordered.length,
    });
  }
  const hierarchy = layOutHierarchy(parentOf);
  // Organizations whose line of ancestors ends at a parent that is missing, or whose own entry
  // was invalid: a root of the layout with a parent. What is above them is not known.
  const ancestryCut = new Uint8Array(hierarchy.preorder.length);
  for (const root of hierarchy.roots) {
    if (parentOf.get(root) === null) continue;
    const span = hierarchy.span.get(root) as { enter: number; exit: number };
    ancestryCut.fill(1, span.enter, span.exit);
  }
  // Leadership posts the edge checks cannot take as given, by what they leave in doubt: a
  // person's leadership anywhere, or in one organization; anyone's (an invalid post entry with no
  // readable person) anywhere, or in one organization. "Anywhere" is where the organization named
  // is no valid one (unreadable, missing, or its entry invalid): it may be a misspelling of any.
  const doubtAnywhere = new Set<string>();
  let anyoneAnywhere = false;
  const doubtIn = new Map<string, string[]>();
  const anyoneIn = new Set<string>();
  for (const doubtful of input.doubtfulPosts ?? []) {
    const { person } = doubtful;
    const organization = doubtful.organization !== undefined && orgNumber.has(doubtful.organization) ? doubtful.organization : undefined;
    if (person === undefined && organization === undefined) anyoneAnywhere = true;
    else if (person === undefined) anyoneIn.add(organization as string);
    else if (organization === undefined) doubtAnywhere.add(person);
    else {
      const list = doubtIn.get(person);
      if (list) list.push(organization);
      else doubtIn.set(person, [organization]);
    }
  }

  const leadershipPostsOf = new Map<string, string[]>();
  const secretaryAt = new Map<string, { person: string; at: number }>();
  const postSeen = new Map<number | string, number>();
  const leaderRoleOf = new Map<number | string, PostRole>();
  for (const { at, value: post } of input.posts) {
    const personIndex = refPerson(post.person, ['posts', at, 'person']);
    const orgNumberOfPost = refOrg(post.organization, ['posts', at, 'organization']);
    if (orgNumberOfPost === undefined && LEADERSHIP.has(post.role)) doubtAnywhere.add(post.person);
    if (personIndex === undefined || orgNumberOfPost === undefined) continue;
    const orgIndex = orgPlace(orgNumberOfPost);
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
    } else if (person.probationary === true && ELECTED.has(post.role)) {
      // Party Constitution Art. 7: a probationary member cannot elect or be elected.
      issue('probationary-leader', ['posts', at, 'person'], { person: post.person, organization: post.organization, role: post.role });
    }
  }

  // Whether each organization, by its place in the preorder walk, has an ancestor named by an
  // invalid post entry of no readable person: worked out once, in one pass, if there are any.
  let anyoneAbove: Uint8Array | undefined;
  if (anyoneIn.size > 0) {
    anyoneAbove = new Uint8Array(hierarchy.preorder.length);
    hierarchy.preorder.forEach((id, i) => {
      const parent = parentOf.get(id);
      const parentSpan = parent === null || parent === undefined ? undefined : hierarchy.span.get(parent);
      if (parentSpan !== undefined) (anyoneAbove as Uint8Array)[i] = anyoneIn.has(parent as string) || (anyoneAbove as Uint8Array)[parentSpan.enter] === 1 ? 1 : 0;
    });
  }
  // Oversight and liaison must come from a leadership team above the organization. Where that
  // cannot be known the check gives up rather than blame the edge for another entry's problem
  // (reported at that entry): the posts could not be read; the organization's ancestry is cut by
  // a missing or invalid organization, or by a cycle (it then has no place in the hierarchy); or
  // a post in doubt (above) might put the person, or anyone, on a team above it.
  const leadsAbove = (person: string, organization: string): boolean => {
    if (input.postsUnknown === true) return true;
    const span = hierarchy.span.get(organization);
    if (span === undefined || ancestryCut[span.enter] === 1) return true;
    const above = (teamOrg: string): boolean => isStrictAncestor(hierarchy, teamOrg, organization);
    return (
      (leadershipPostsOf.get(person) ?? []).some(above) ||
      anyoneAnywhere ||
      doubtAnywhere.has(person) ||
      (doubtIn.get(person) ?? []).some(above) ||
      anyoneAbove?.[span.enter] === 1
    );
  };
  const checkEdges = (
    field: 'oversight' | 'liaison',
    edges: readonly Indexed<{ person: string; organization: string }>[],
    notLeaderCode: string,
  ): void => {
    const seen = new Map<number | string, number>();
    for (const { at, value: edge } of edges) {
      const personIndex = refPerson(edge.person, [field, at, 'person']);
      const orgNumberOfEdge = refOrg(edge.organization, [field, at, 'organization']);
      if (personIndex === undefined || orgNumberOfEdge === undefined) continue;
      const key = pairKey(edge.person, personIndex, edge.organization, orgPlace(orgNumberOfEdge));
      const first = seen.get(key);
      if (first !== undefined) {
        issue('duplicate-edge', [field, at], { person: edge.person, organization: edge.organization, first: formatPath([field, first], lang) });
        continue;
      }
      seen.set(key, at);
      // 包抓包联 contact points are grassroots organizations (基层党组织).
      if (field === 'liaison' && !GRASSROOTS.has(kindOf(orgNumberOfEdge))) {
        issue('liaison-not-grassroots', [field, at, 'organization'], { person: edge.person, organization: edge.organization, kind: kindOf(orgNumberOfEdge) });
      }
      if (!leadsAbove(edge.person, edge.organization)) issue(notLeaderCode, [field, at, 'person'], { person: edge.person, organization: edge.organization });
    }
  };
  checkEdges('oversight', input.oversight, 'oversight-outside-team');
  checkEdges('liaison', input.liaison, 'liaison-not-leader');
  return issues;
}
