import { z } from 'zod';
import { requireGraph } from './lookup.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { GRASSROOTS_KINDS, ORGANIZATION_KINDS, type OrganizationKind } from '../model/graph.js';
import { isStrictAncestor } from './hierarchy.js';
import type { Graph } from './types.js';

/** How serious a coverage gap is. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Which organizations must have what; every list names organization kinds.
 *
 * Refused (a `ValidationError`, subject `options`, listing every problem): options that are not
 * an object (`null`, a text, a list); a name not listed here (`liasonRequiredFor`: a typo would
 * otherwise be ignored); a kind list that is not a list (`'branch'`) or names a kind that does
 * not exist (`'brnch'`); a `maxOfficerPostsPerPerson` that is not a whole number of at least 1
 * (`NaN`, `-1`, `1.5`, `'3'`); a `lang` other than `zh` or `en`. The rules are those of the
 * coverage options file the CLI reads ({@link CoverageOptionsSchema}).
 */
export interface CoverageOptions {
  /** Must have a secretary. Default: every kind but 党小组. */
  readonly secretaryRequiredFor?: readonly OrganizationKind[];
  /** Must sit inside some team member's oversight area (一岗双责). Default: 党总支, 党支部. */
  readonly oversightRequiredFor?: readonly OrganizationKind[];
  /** Whose deputy secretaries and team members must oversee an area, when it has organizations below it. Default: 党委, 党组. */
  readonly areaRequiredFor?: readonly OrganizationKind[];
  /** Must have a liaison leader (包抓包联). Default: none. Only 党总支 and 党支部 may be named: liaison contact points are grassroots organizations ({@link GRASSROOTS_KINDS}), so no other kind could ever have one. */
  readonly liaisonRequiredFor?: readonly OrganizationKind[];
  /** Must have a party-affairs officer (党务工作者). Default: none. */
  readonly officerRequiredFor?: readonly OrganizationKind[];
  /** One person as officer of more organizations than this looks like staffing for show. Default 3. */
  readonly maxOfficerPostsPerPerson?: number;
  readonly lang?: Lang;
}

/** One gap in 横向到边、纵向到底. */
export interface CoverageGap {
  readonly code: string;
  readonly severity: Severity;
  readonly organization?: string;
  readonly person?: string;
  readonly message: string;
}

/** The coverage report: the gaps, in a stable order, and the counts behind them. */
export interface CoverageReport {
  readonly gaps: readonly CoverageGap[];
  readonly organizations: number;
  readonly overseen: number;
  readonly withSecretary: number;
}

const Kinds = z.array(z.enum(ORGANIZATION_KINDS));

/**
 * The options of {@link coverage}, checked: every field of `CoverageOptions`, nothing else. The
 * CLI's coverage options file has the same fields but `lang` (and may name its `$schema`).
 *
 * @example
 * CoverageOptionsSchema.parse({ liaisonRequiredFor: ['branch'], maxOfficerPostsPerPerson: 3 });
 */
export const CoverageOptionsSchema = z.strictObject({
  secretaryRequiredFor: Kinds.optional(),
  oversightRequiredFor: Kinds.optional(),
  areaRequiredFor: Kinds.optional(),
  liaisonRequiredFor: z.array(z.enum(GRASSROOTS_KINDS as readonly ['general-branch', 'branch'])).optional(),
  officerRequiredFor: Kinds.optional(),
  maxOfficerPostsPerPerson: z.int().positive().optional(),
  lang: LangOptionSchema.optional(),
});

const DEFAULTS = {
  secretaryRequiredFor: ['committee', 'leading-group', 'general-branch', 'branch'],
  oversightRequiredFor: ['general-branch', 'branch'],
  areaRequiredFor: ['committee', 'leading-group'],
  liaisonRequiredFor: [],
  officerRequiredFor: [],
  maxOfficerPostsPerPerson: 3,
} as const;

/**
 * Finds the gaps in the responsibility system (横向到边、纵向到底): organizations without a
 * secretary, outside every oversight area, without a liaison leader or party-affairs officer
 * where required; team members with no area; officers spread over too many organizations or
 * not party members. Linear in the size of the graph.
 *
 * @throws {ValidationError} subject `options` for options {@link CoverageOptions} refuses (all
 * their problems at once), subject `query` for a graph that `parseGraph` did not make.
 * @example
 * coverage(graph, { liaisonRequiredFor: ['branch'] }).gaps.map((g) => g.code);
 */
export function coverage(graph: Graph, options: CoverageOptions = {}): CoverageReport {
  const lang = checkOptions(CoverageOptionsSchema, options);
  requireGraph(graph, lang);
  const needs = (list: readonly OrganizationKind[] | undefined, fallback: readonly OrganizationKind[]): ReadonlySet<OrganizationKind> =>
    new Set(list ?? fallback);
  const secretaryKinds = needs(options.secretaryRequiredFor, DEFAULTS.secretaryRequiredFor);
  const oversightKinds = needs(options.oversightRequiredFor, DEFAULTS.oversightRequiredFor);
  const areaKinds = needs(options.areaRequiredFor, DEFAULTS.areaRequiredFor);
  const liaisonKinds = needs(options.liaisonRequiredFor, DEFAULTS.liaisonRequiredFor);
  const officerKinds = needs(options.officerRequiredFor, DEFAULTS.officerRequiredFor);
  const maxOfficerPosts = options.maxOfficerPostsPerPerson ?? DEFAULTS.maxOfficerPostsPerPerson;

  const gaps: CoverageGap[] = [];
  const gap = (code: string, severity: Severity, params: Record<string, string | number>, at: { organization?: string; person?: string }): void => {
    gaps.push({ code, severity, ...at, message: formatMessage(code, params, lang) });
  };
  const { index } = graph;
  const insideOversight = new Set<string>();
  let withSecretary = 0;
  // Preorder visits each parent before its children, so "inside" is known for the parent already.
  for (const id of index.preorder) {
    const org = graph.organizations.get(id);
    if (!org) continue;
    if (index.overseersOf.has(id) || (org.parent !== null && insideOversight.has(org.parent))) insideOversight.add(id);
    const named = { id, name: org.name };
    if (index.secretaryOf.has(id)) withSecretary++;
    else if (secretaryKinds.has(org.kind)) gap('coverage-no-secretary', 'error', named, { organization: id });
    if (oversightKinds.has(org.kind) && !insideOversight.has(id)) gap('coverage-not-overseen', 'warning', named, { organization: id });
    if (liaisonKinds.has(org.kind) && !index.liaisonsOf.has(id)) gap('coverage-no-liaison', 'warning', named, { organization: id });
    const posts = index.postsByOrganization.get(id) ?? [];
    const officers = posts.filter((p) => p.role === 'party-affairs-officer');
    if (officerKinds.has(org.kind) && officers.length === 0) gap('coverage-no-officer', 'warning', named, { organization: id });
    for (const officer of officers) {
      const person = graph.people.get(officer.person);
      if (person && !person.partyMember) {
        gap('coverage-officer-not-party-member', 'warning', { person: person.id, personName: person.name, orgName: org.name }, { organization: id, person: person.id });
      }
    }
    if (areaKinds.has(org.kind) && index.children.has(id)) {
      for (const post of posts) {
        if (post.role !== 'deputy-secretary' && post.role !== 'team-member') continue;
        const overseesHere = (index.oversightByMember.get(post.person) ?? []).some((edge) => isStrictAncestor(index, id, edge.organization));
        if (!overseesHere) {
          const person = graph.people.get(post.person);
          gap('coverage-member-without-area', 'warning', { person: post.person, personName: person?.name ?? post.person, orgName: org.name }, { organization: id, person: post.person });
        }
      }
    }
  }
  const officerCount = new Map<string, number>();
  for (const post of graph.posts) {
    if (post.role === 'party-affairs-officer') officerCount.set(post.person, (officerCount.get(post.person) ?? 0) + 1);
  }
  for (const [personId, count] of [...officerCount].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count <= maxOfficerPosts) continue;
    const person = graph.people.get(personId);
    gap('coverage-officer-spread-thin', 'warning', { person: personId, personName: person?.name ?? personId, count, limit: maxOfficerPosts }, { person: personId });
  }
  return { gaps, organizations: graph.organizations.size, overseen: insideOversight.size, withSecretary };
}
