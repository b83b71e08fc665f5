import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLiaison, fastOrganization, fastOversight, fastPerson, fastPost } from '../../src/graph/fast-elements.js';
import { LiaisonInputSchema, OrganizationInputSchema, OversightInputSchema, PersonInputSchema, PostInputSchema } from '../../src/model/graph.js';

// The fast path may only ever accept what the schema accepts, and must give what it gives (the
// same fields, the same values: the graph is built from either).
const idLike = fc.oneof(
  fc.constantFrom('b1', 'p-01', '__proto__', 'constructor', '支部', ' lead', 'trail ', '', 'a\u0001b', 'a\u0085b', 'x'.repeat(256), 'x'.repeat(257)),
  fc.string({ maxLength: 8 }),
);
const nameLike = fc.oneof(fc.constantFrom('第一党支部', '', ' ', 'x'.repeat(500), 'x'.repeat(501), '王某'), fc.string({ maxLength: 6 }));
const anyValue = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null));

const KINDS = ['committee', 'leading-group', 'general-branch', 'branch', 'group', 'Branch', 'party'];
const ROLES = ['secretary', 'deputy-secretary', 'team-member', 'party-affairs-officer', 'member', 'chair'];

const cases = [
  {
    name: 'organizations',
    fast: fastOrganization,
    schema: OrganizationInputSchema,
    like: fc.record({ id: idLike, name: nameLike, kind: fc.constantFrom(...KINDS), parent: fc.oneof(idLike, fc.constant(null)), extra: anyValue }, { requiredKeys: [] }),
    valid: { id: 'b1', name: '第一党支部', kind: 'branch', parent: 'c1' },
  },
  {
    name: 'people',
    fast: fastPerson,
    schema: PersonInputSchema,
    like: fc.record({ id: idLike, name: nameLike, partyMember: fc.oneof(fc.boolean(), anyValue), probationary: fc.oneof(fc.boolean(), anyValue), extra: anyValue }, { requiredKeys: [] }),
    valid: { id: 'p1', name: '王某', partyMember: true, probationary: false },
  },
  {
    name: 'posts',
    fast: fastPost,
    schema: PostInputSchema,
    like: fc.record({ person: idLike, organization: idLike, role: fc.constantFrom(...ROLES), title: nameLike, extra: anyValue }, { requiredKeys: [] }),
    valid: { person: 'p1', organization: 'b1', role: 'secretary', title: '书记' },
  },
  {
    name: 'oversight',
    fast: fastOversight,
    schema: OversightInputSchema,
    like: fc.record({ person: idLike, organization: idLike, area: nameLike, extra: anyValue }, { requiredKeys: [] }),
    valid: { person: 'p2', organization: 'b1', area: '财务' },
  },
  {
    name: 'liaison',
    fast: fastLiaison,
    schema: LiaisonInputSchema,
    like: fc.record({ person: idLike, organization: idLike, extra: anyValue }, { requiredKeys: [] }),
    valid: { person: 'p3', organization: 'b1' },
  },
] as const;

describe('graph elements checked without zod', () => {
  for (const { name, fast, schema, like, valid } of cases) {
    it(`${name}: accepts only what the schema accepts, and gives what it gives`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(fc.oneof(like, fc.anything(), fc.constant(valid)), (input) => {
          const got = (fast as (v: unknown) => unknown)(input);
          if (got === undefined) return;
          accepted++;
          const reference = schema.safeParse(input);
          expect(reference.success).toBe(true);
          // strictly: a field the schema leaves out is not there as undefined either
          expect(got).toStrictEqual(reference.data);
        }),
        { numRuns: 3000 },
      );
      // the property exercised the fast path, not only its refusals
      expect(accepted).toBeGreaterThan(20);
    });

    it(`${name}: takes the common valid element (parseGraph relies on it for speed)`, () => {
      expect((fast as (v: unknown) => unknown)(JSON.parse(JSON.stringify(valid)))).toEqual(schema.parse(valid));
    });
  }

  it('takes every common shape itself: optional fields there or not, a root, names of 1 and 500 characters', () => {
    const name1 = '支';
    const name500 = '党'.repeat(500);
    const taken: [string, (v: unknown) => unknown, { parse: (v: unknown) => unknown }, unknown][] = [
      ['a root organization', fastOrganization, OrganizationInputSchema, { id: 'c1', name: name1, kind: 'committee' }],
      ['a root organization, parent null', fastOrganization, OrganizationInputSchema, { id: 'c1', name: name500, kind: 'committee', parent: null }],
      ['an organization with a parent', fastOrganization, OrganizationInputSchema, { id: 'b1', name: '第一党支部', kind: 'branch', parent: 'c1' }],
      ['a person, no probationary', fastPerson, PersonInputSchema, { id: 'p1', name: name1, partyMember: false }],
      ['a probationary member', fastPerson, PersonInputSchema, { id: 'p1', name: name500, partyMember: true, probationary: true }],
      ['a post, no title', fastPost, PostInputSchema, { person: 'p1', organization: 'b1', role: 'member' }],
      ['a post with a title', fastPost, PostInputSchema, { person: 'p1', organization: 'b1', role: 'team-member', title: name500 }],
      ['oversight, no area', fastOversight, OversightInputSchema, { person: 'p2', organization: 'b1' }],
      ['oversight with an area', fastOversight, OversightInputSchema, { person: 'p2', organization: 'b1', area: name1 }],
    ];
    for (const [what, fast, schema, value] of taken) {
      const got = fast(JSON.parse(JSON.stringify(value)));
      expect(got, what).not.toBeUndefined();
      expect(got, what).toStrictEqual(schema.parse(value));
    }
    // one past: the schema's to refuse
    expect(fastOrganization({ id: 'c1', name: '', kind: 'committee' })).toBeUndefined();
    expect(fastPost({ person: 'p1', organization: 'b1', role: 'member', title: '党'.repeat(501) })).toBeUndefined();
  });

  it('leaves to the schema what JSON never holds: a key present as undefined, an accessor, a class instance', () => {
    expect(fastPost({ person: 'p1', organization: 'b1', role: 'member', title: undefined })).toBeUndefined();
    const withGetter = Object.defineProperty({ person: 'p1', organization: 'b1' }, 'role', { get: () => 'member', enumerable: true });
    expect(fastPost(withGetter)).toBeUndefined();
    class Edge {
      person = 'p1';
      organization = 'b1';
    }
    expect(fastLiaison(new Edge())).toBeUndefined();
    // and the schema still has its say on each
    expect(PostInputSchema.safeParse({ person: 'p1', organization: 'b1', role: 'member', title: undefined }).success).toBe(true);
  });
});
