// Random valid graphs for property tests: organizations whose parents point only to earlier ones
// (a forest, each under a kind that may contain it), people, and posts / oversight / liaison
// filtered so that every rule of the validator holds. Shared by the graph's and the accountability's property tests.
import fc from 'fast-check';
import { GRASSROOTS_KINDS, LEADERSHIP_ROLES, ORGANIZATION_KINDS, POST_ROLES, type GraphInput, type OrganizationKind, type PostRole } from '../../src/index.js';
import { CHILD_KINDS } from '../../src/model/graph.js';

// A valid id, as the validator defines it (1–256 characters, no control characters, no
// surrounding white space), plus the names of Object.prototype members.
const ID_OK = /^(?!\s)[^\u0000-\u001f\u007f]{1,256}(?<!\s)$/;
export const idArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', '局党委', 'a b') },
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 5 }).filter((s) => ID_OK.test(s)) },
);
export const nameArb = fc.string({ minLength: 1, maxLength: 6 });
const optionalText = fc.option(nameArb, { nil: undefined });

const specArb = fc.record({
  header: fc.record({ id: fc.option(idArb, { nil: undefined }), title: optionalText }),
  orgs: fc.uniqueArray(
    fc.record({ id: idArb, name: nameArb, kind: fc.constantFrom(...ORGANIZATION_KINDS), root: fc.boolean(), parent: fc.nat(), nullParent: fc.boolean() }),
    { selector: (o) => o.id, minLength: 1, maxLength: 12 },
  ),
  people: fc.uniqueArray(
    fc.record({
      id: idArb,
      name: nameArb,
      partyMember: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      probationary: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { selector: (p) => p.id, minLength: 1, maxLength: 10 },
  ),
  posts: fc.array(fc.record({ p: fc.nat(), o: fc.nat(), r: fc.nat(POST_ROLES.length - 1), title: optionalText }), { maxLength: 30 }),
  oversight: fc.array(fc.record({ p: fc.nat(), o: fc.nat(), area: optionalText }), { maxLength: 12 }),
  liaison: fc.array(fc.record({ p: fc.nat(), o: fc.nat() }), { maxLength: 12 }),
  omitEmptyEdges: fc.boolean(),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

function build(spec: Spec): GraphInput {
  const orgIds = spec.orgs.map((o) => o.id);
  // Each organization under an earlier one whose kind may contain it: its own kind when that may
  // be, else one of those that may (picked by its kind's place); under a 党小组 nothing may be,
  // so such an organization is a root.
  const parentIndex: number[] = [];
  const kinds: OrganizationKind[] = [];
  spec.orgs.forEach((o, i) => {
    const parent = i === 0 || o.root ? -1 : o.parent % i;
    const allowed = parent < 0 ? ORGANIZATION_KINDS : (CHILD_KINDS.get(kinds[parent] as OrganizationKind) as readonly OrganizationKind[]);
    parentIndex.push(allowed.length === 0 ? -1 : parent);
    kinds.push(allowed.length === 0 || allowed.includes(o.kind) ? o.kind : (allowed[ORGANIZATION_KINDS.indexOf(o.kind) % allowed.length] as OrganizationKind));
  });
  const organizations = spec.orgs.map((o, i) => {
    const parent = parentIndex[i] as number;
    const base = { id: o.id, name: o.name, kind: kinds[i] as OrganizationKind };
    if (parent >= 0) return { ...base, parent: orgIds[parent] as string };
    return o.nullParent ? { ...base, parent: null } : base;
  });
  const ancestors = (i: number): Set<string> => {
    const out = new Set<string>();
    for (let p = parentIndex[i] as number; p >= 0; p = parentIndex[p] as number) out.add(orgIds[p] as string);
    return out;
  };
  // A probationary member is a party member.
  const people = spec.people.map((p) =>
    p.probationary === undefined ? { id: p.id, name: p.name, partyMember: p.partyMember } : { ...p, probationary: p.probationary && p.partyMember },
  );

  const posts: GraphInput['posts'] = [];
  const seen = new Set<string>();
  const secretaryOf = new Set<string>();
  const seats = new Set<string>();
  const leads = new Map<string, Set<string>>();
  for (const raw of spec.posts) {
    const person = spec.people[raw.p % spec.people.length] as Spec['people'][number];
    const org = orgIds[raw.o % orgIds.length] as string;
    const role = POST_ROLES[raw.r] as PostRole;
    if (!person.partyMember && role !== 'party-affairs-officer') continue;
    // A probationary member holds no elected (leadership) post.
    if (person.probationary === true && LEADERSHIP.has(role)) continue;
    const key = JSON.stringify([person.id, org, role]);
    if (seen.has(key)) continue;
    if (role === 'secretary' && secretaryOf.has(org)) continue;
    const seat = JSON.stringify([person.id, org]);
    if (LEADERSHIP.has(role) && seats.has(seat)) continue;
    seen.add(key);
    if (role === 'secretary') secretaryOf.add(org);
    if (LEADERSHIP.has(role)) {
      seats.add(seat);
      const set = leads.get(person.id) ?? new Set<string>();
      set.add(org);
      leads.set(person.id, set);
    }
    posts.push(raw.title === undefined ? { person: person.id, organization: org, role } : { person: person.id, organization: org, role, title: raw.title });
  }
  const grassroots = new Set<OrganizationKind>(GRASSROOTS_KINDS);
  const edges = <E extends { p: number; o: number }>(raws: readonly E[], to: (kind: OrganizationKind) => boolean = () => true): { person: string; organization: string; raw: E }[] => {
    const out: { person: string; organization: string; raw: E }[] = [];
    const taken = new Set<string>();
    for (const raw of raws) {
      const person = (spec.people[raw.p % spec.people.length] as Spec['people'][number]).id;
      const oi = raw.o % orgIds.length;
      const organization = orgIds[oi] as string;
      if (!to(kinds[oi] as OrganizationKind)) continue;
      const key = JSON.stringify([person, organization]);
      if (taken.has(key)) continue;
      const above = ancestors(oi);
      if (![...(leads.get(person) ?? [])].some((o) => above.has(o))) continue;
      taken.add(key);
      out.push({ person, organization, raw });
    }
    return out;
  };
  const oversight = edges(spec.oversight).map(({ person, organization, raw }) => (raw.area === undefined ? { person, organization } : { person, organization, area: raw.area }));
  // 包抓包联 contact points are grassroots organizations.
  const liaison = edges(spec.liaison, (kind) => grassroots.has(kind)).map(({ person, organization }) => ({ person, organization }));
  return {
    ...(spec.header.id === undefined ? {} : { id: spec.header.id }),
    ...(spec.header.title === undefined ? {} : { title: spec.header.title }),
    organizations,
    people,
    posts,
    ...(spec.omitEmptyEdges && oversight.length === 0 ? {} : { oversight }),
    ...(spec.omitEmptyEdges && liaison.length === 0 ? {} : { liaison }),
  };
}

export const graphInputArb = specArb.map(build);
