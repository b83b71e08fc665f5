import type { ResponsibilityKind } from '../model/responsibility.js';
import { queryLang, requireOrganization, type QueryOptions } from './lookup.js';
import { ancestorsOf } from './queries.js';
import type { Graph } from './types.js';

/** A leadership team answering for an organization: its own (distance 0) or an ancestor's. */
export interface TeamResponsibility {
  readonly organization: string;
  /** 0: the organization's own team (主体责任); n > 0: the team n levels up (一级抓一级). */
  readonly distance: number;
  readonly members: readonly string[];
}

/** A team member answering under 一岗双责 through an oversight edge on `via` (this or an ancestor). */
export interface DualResponsibility {
  readonly person: string;
  readonly via: string;
  readonly area?: string;
}

/** Who answers for one organization, by kind of responsibility. */
export interface Responsibilities {
  readonly organization: string;
  /** 主体责任: the organization's own team first, then each ancestor's team by supervision. */
  readonly principal: readonly TeamResponsibility[];
  /** 第一责任: the organization's secretary, or null when the post is vacant. */
  readonly first: string | null;
  /** 一岗双责: team members overseeing this organization or an organization above it. */
  readonly dual: readonly DualResponsibility[];
  /** 包抓包联: the organization's liaison leaders. */
  readonly liaison: readonly string[];
}

/**
 * Who holds each kind of responsibility for an organization.
 *
 * @example
 * const r = responsibilitiesFor(graph, 'branch-01');
 * r.first;               // 'p-zhao' (the branch secretary)
 * r.dual[0]?.person;     // the bureau team member who oversees it
 */
export function responsibilitiesFor(graph: Graph, organizationId: string, options?: QueryOptions): Responsibilities {
  requireOrganization(graph, organizationId, queryLang(options), 'organizationId');
  const levels = [organizationId, ...ancestorsOf(graph, organizationId)];
  const principal: TeamResponsibility[] = [];
  const dual: DualResponsibility[] = [];
  levels.forEach((level, distance) => {
    const members = graph.index.teamOf.get(level);
    if (members) principal.push({ organization: level, distance, members });
    for (const edge of graph.index.overseersOf.get(level) ?? []) {
      dual.push(edge.area === undefined ? { person: edge.person, via: level } : { person: edge.person, via: level, area: edge.area });
    }
  });
  return {
    organization: organizationId,
    principal,
    first: graph.index.secretaryOf.get(organizationId) ?? null,
    dual,
    liaison: graph.index.liaisonsOf.get(organizationId) ?? [],
  };
}

/** Who holds a link of the chain: a leadership team as a body, or one person. */
export type ChainHolder =
  | { readonly type: 'team'; readonly organization: string; readonly members: readonly string[] }
  | { readonly type: 'person'; readonly person: string };

/** One link of the responsibility chain. */
export interface ChainLink {
  /** Levels above the organization (0: the organization itself). */
  readonly distance: number;
  /** The organization at that level. */
  readonly level: string;
  readonly kind: ResponsibilityKind;
  readonly holder: ChainHolder;
  /** For `dual`: the business area of the oversight edge. */
  readonly area?: string;
}

/**
 * The chain of who answers for an organization, ordered upwards: at each level its secretary
 * (第一责任), its team (主体责任 at level 0, 一级抓一级 above) and the team members overseeing it
 * (一岗双责); then the next level up, to the root. The organization's own liaison leaders
 * (包抓包联) come at level 0 only: a liaison leader answers for that contact point, not for the
 * organizations under it.
 *
 * @example
 * chainOf(graph, 'branch-05').map((l) => `${l.distance}:${l.kind}`);
 * // ['0:first', '0:principal', '0:liaison', '1:first', '1:supervision', '1:dual', '2:first', ...]
 */
export function chainOf(graph: Graph, organizationId: string, options?: QueryOptions): ChainLink[] {
  requireOrganization(graph, organizationId, queryLang(options), 'organizationId');
  const chain: ChainLink[] = [];
  [organizationId, ...ancestorsOf(graph, organizationId)].forEach((level, distance) => {
    const secretary = graph.index.secretaryOf.get(level);
    if (secretary !== undefined) chain.push({ distance, level, kind: 'first', holder: { type: 'person', person: secretary } });
    const members = graph.index.teamOf.get(level);
    if (members) {
      chain.push({ distance, level, kind: distance === 0 ? 'principal' : 'supervision', holder: { type: 'team', organization: level, members } });
    }
    for (const edge of graph.index.overseersOf.get(level) ?? []) {
      const link: ChainLink = { distance, level, kind: 'dual', holder: { type: 'person', person: edge.person } };
      chain.push(edge.area === undefined ? link : { ...link, area: edge.area });
    }
    // A liaison leader answers for the contact point itself, not for what lies under it: only
    // the organization's own liaison leaders are in its chain, as in dutiesOf and accountability.
    if (distance === 0) {
      for (const person of graph.index.liaisonsOf.get(level) ?? []) {
        chain.push({ distance, level, kind: 'liaison', holder: { type: 'person', person } });
      }
    }
  });
  return chain;
}
