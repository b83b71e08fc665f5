import { z } from 'zod';
import { IdSchema, NameSchema } from './primitives.js';

/**
 * Kinds of party organization: 党委 `committee`, 党组 `leading-group`, 党总支 `general-branch`,
 * 党支部 `branch`, 党小组 `group`.
 *
 * @example
 * ORGANIZATION_KINDS.includes('general-branch'); // true
 */
export const ORGANIZATION_KINDS = ['committee', 'leading-group', 'general-branch', 'branch', 'group'] as const;
/** A kind of party organization. */
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * Posts a person holds in an organization: 书记 `secretary`, 副书记 `deputy-secretary`,
 * 委员/班子成员 `team-member`, 党务工作者 `party-affairs-officer`, 党员 `member`.
 *
 * @example
 * POST_ROLES.includes('party-affairs-officer'); // true
 */
export const POST_ROLES = ['secretary', 'deputy-secretary', 'team-member', 'party-affairs-officer', 'member'] as const;
/** A post's role. */
export type PostRole = (typeof POST_ROLES)[number];

/**
 * Each role's place in {@link POST_ROLES}: the order posts are kept in within an organization.
 *
 * @example
 * POST_ROLE_RANK.get('secretary'); // 0
 */
export const POST_ROLE_RANK: ReadonlyMap<PostRole, number> = new Map(POST_ROLES.map((role, i) => [role, i]));

/**
 * Roles that make up an organization's leadership team (领导班子), which holds 主体责任.
 *
 * @example
 * LEADERSHIP_ROLES.includes('member'); // false: ordinary members are not on the team
 */
export const LEADERSHIP_ROLES: readonly PostRole[] = ['secretary', 'deputy-secretary', 'team-member'];

/**
 * Grassroots organizations (基层党组织), where 包抓包联 contact points sit.
 *
 * @example
 * GRASSROOTS_KINDS.includes('branch'); // true
 */
export const GRASSROOTS_KINDS: readonly OrganizationKind[] = ['general-branch', 'branch'];

/**
 * The kinds of organization each kind may have directly under it, after the Party's
 * organizational structure (党章 ch. 5 and 9; 党组工作条例; 党支部工作条例):
 * - a 党委 (`committee`) leads 党委 below it (a city committee's county committees, a
 *   bureau's 机关党委), the 党组 it approved (`leading-group`, e.g. a bureau's 局党组 under the
 *   city committee), 党总支 and 党支部;
 * - a 党组 leads the party building of its organ: its 机关党委, 党总支 and 党支部, and any
 *   分党组 (a `leading-group` below it);
 * - a 党总支 (`general-branch`) is made of 党支部;
 * - a 党支部 (`branch`) may be divided into 党小组 (`group`);
 * - a 党小组 has no organization under it.
 * Any kind may be a root: a graph may describe one branch and its groups only.
 *
 * @example
 * CHILD_KINDS.get('branch'); // ['group']
 * CHILD_KINDS.get('group'); // []
 */
export const CHILD_KINDS: ReadonlyMap<OrganizationKind, readonly OrganizationKind[]> = new Map<OrganizationKind, readonly OrganizationKind[]>([
  ['committee', ['committee', 'leading-group', 'general-branch', 'branch']],
  ['leading-group', ['committee', 'leading-group', 'general-branch', 'branch']],
  ['general-branch', ['branch']],
  ['branch', ['group']],
  ['group', []],
]);

/**
 * Roles a probationary member (预备党员) cannot hold: the elected leadership posts. Party
 * Constitution Art. 7: a probationary member has a full member's duties and rights except the
 * rights to vote, to elect and to be elected; secretaries, deputy secretaries and committee
 * members (委员) are elected (and a 党组's members are appointed leading cadres who likewise must
 * be full members). A party-affairs officer (党务工作者) is a staff post, open even to
 * non-members (coverage flags those), and an ordinary membership (`member`) is what a
 * probationary member holds. A liaison leader must hold one of these posts above the
 * organization anyway.
 *
 * @example
 * ELECTED_ROLES.includes('party-affairs-officer'); // false
 */
export const ELECTED_ROLES: readonly PostRole[] = LEADERSHIP_ROLES;

/** A party organization (党组织). `parent` is omitted or null for a root. */
export const OrganizationInputSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema.meta({ description: '名称 / display name' }),
  kind: z.enum(ORGANIZATION_KINDS),
  parent: IdSchema.nullable().optional(),
});

/**
 * A person, a party member or not. Probationary members (预备党员) are party members: `probationary:
 * true` with `partyMember: false` is refused (code `probationary-not-party-member`, at
 * `probationary`), in the JSON Schema too.
 */
export const PersonInputSchema = z
  .strictObject({
    id: IdSchema,
    name: NameSchema,
    partyMember: z.boolean(),
    probationary: z.boolean().optional().meta({ description: '预备党员（须同时为党员）/ probationary member (a party member too)' }),
  })
  .superRefine((person, context) => {
    if (person.probationary === true && person.partyMember === false) {
      context.addIssue({ code: 'custom', path: ['probationary'], input: person.probationary, params: { code: 'probationary-not-party-member', id: person.id } });
    }
  })
  .meta({
    if: { properties: { partyMember: { const: false } }, required: ['partyMember'] },
    then: { properties: { probationary: { const: false } } },
  });

/** A post: a person in an organization in a role. `title` is free text, e.g. 组织委员. */
export const PostInputSchema = z.strictObject({
  person: IdSchema,
  organization: IdSchema,
  role: z.enum(POST_ROLES),
  title: NameSchema.optional(),
});

/** An oversight edge (分管): a team member in charge of an organization's area, carrying 一岗双责. */
export const OversightInputSchema = z.strictObject({
  person: IdSchema,
  organization: IdSchema,
  area: NameSchema.optional().meta({ description: '分管的业务领域 / business area overseen' }),
});

/** A liaison edge (包抓包联 / 联系点): a leader assigned to a grassroots organization. */
export const LiaisonInputSchema = z.strictObject({
  person: IdSchema,
  organization: IdSchema,
});

/**
 * The graph document: organizations, people, posts, oversight and liaison edges.
 *
 * @example
 * const input: GraphInput = {
 *   organizations: [{ id: 'bureau', name: '局党委', kind: 'committee' }],
 *   people: [{ id: 'p1', name: '王书记', partyMember: true }],
 *   posts: [{ person: 'p1', organization: 'bureau', role: 'secretary' }],
 * };
 */
export const GraphInputSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: IdSchema.optional(),
    title: NameSchema.optional(),
    organizations: z.array(OrganizationInputSchema),
    people: z.array(PersonInputSchema),
    posts: z.array(PostInputSchema),
    oversight: z.array(OversightInputSchema).optional(),
    liaison: z.array(LiaisonInputSchema).optional(),
  })
  .meta({ title: 'zerenzhi graph', description: '党建责任制组织关系图 / the party-building responsibility graph' });

/** Input types, as written in JSON. */
export type GraphInput = z.input<typeof GraphInputSchema>;
/**
 * An organization as written in a graph file.
 *
 * @example
 * const org: OrganizationInput = { id: 'b1', name: '第一党支部', kind: 'branch', parent: 'bureau' };
 */
export type OrganizationInput = z.input<typeof OrganizationInputSchema>;
/**
 * A person as written in a graph file.
 *
 * @example
 * const person: PersonInput = { id: 'p1', name: '王某', partyMember: true };
 */
export type PersonInput = z.input<typeof PersonInputSchema>;
/**
 * A post as written in a graph file.
 *
 * @example
 * const post: PostInput = { person: 'p1', organization: 'b1', role: 'secretary' };
 */
export type PostInput = z.input<typeof PostInputSchema>;
/**
 * An oversight edge (分管) as written in a graph file.
 *
 * @example
 * const edge: OversightInput = { person: 'p2', organization: 'b1', area: '财务' };
 */
export type OversightInput = z.input<typeof OversightInputSchema>;
/**
 * A liaison edge (联系点) as written in a graph file.
 *
 * @example
 * const edge: LiaisonInput = { person: 'p3', organization: 'b1' };
 */
export type LiaisonInput = z.input<typeof LiaisonInputSchema>;

/** An organization in a parsed graph. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly parent: string | null;
}

/** A person in a parsed graph. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly partyMember: boolean;
  readonly probationary: boolean;
}

/** A post in a parsed graph. */
export interface Post {
  readonly person: string;
  readonly organization: string;
  readonly role: PostRole;
  readonly title?: string;
}

/** An oversight edge in a parsed graph. */
export interface Oversight {
  readonly person: string;
  readonly organization: string;
  readonly area?: string;
}

/** A liaison edge in a parsed graph. */
export interface Liaison {
  readonly person: string;
  readonly organization: string;
}

/**
 * Chinese and English names of each organization kind, for reports.
 *
 * @example
 * ORGANIZATION_KIND_LABELS.branch.zh; // '党支部'
 */
export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, { zh: string; en: string }>> = {
  committee: { zh: '党委', en: 'party committee' },
  'leading-group': { zh: '党组', en: 'leading party group' },
  'general-branch': { zh: '党总支', en: 'general branch' },
  branch: { zh: '党支部', en: 'branch' },
  group: { zh: '党小组', en: 'party group' },
};

/**
 * Chinese and English names of each post role, for reports.
 *
 * @example
 * POST_ROLE_LABELS.secretary.en; // 'secretary'
 */
export const POST_ROLE_LABELS: Readonly<Record<PostRole, { zh: string; en: string }>> = {
  secretary: { zh: '书记', en: 'secretary' },
  'deputy-secretary': { zh: '副书记', en: 'deputy secretary' },
  'team-member': { zh: '委员', en: 'team member' },
  'party-affairs-officer': { zh: '党务工作者', en: 'party-affairs officer' },
  member: { zh: '党员', en: 'member' },
};
