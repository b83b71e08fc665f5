import { joinText } from '../core/explain.js';
import { byCodeUnit } from '../core/order.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import type { Graph } from '../graph/types.js';
import { LEADERSHIP_ROLES, type PostRole } from '../model/graph.js';
import type { Accountability } from '../model/accountability.js';
import { formAt, formIndex, type FormLadder } from './forms.js';
import type { Finding, Pressure } from './types.js';

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

/** Organizations that set off at least one finding. */
function flaggedOrganizations(findings: readonly Finding[]): Set<string> {
  return new Set(findings.filter((f) => f.trigger.subject.type === 'organization').map((f) => f.trigger.subject.id));
}

/** The flagged organizations' places in the preorder walk, ascending (those outside the walk left out). */
function flaggedPlaces(graph: Graph, flagged: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const id of flagged) {
    const span = graph.index.span.get(id);
    if (span) out.push(span.enter);
  }
  return out.sort((a, b) => a - b);
}

/** The first index of `sorted` whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What one person answers for: whole subtrees (as runs [enter, exit) of the preorder walk) and
 * single organizations (liaison points, or organizations outside the walk). Subtrees of one walk
 * are nested or apart, so their union is the runs not inside an earlier one.
 */
class Scope {
  readonly #runs: [number, number][] = [];
  readonly #singles = new Set<string>();
  readonly #graph: Graph;

  constructor(graph: Graph) {
    this.#graph = graph;
  }

  addSubtree(id: string): void {
    const span = this.#graph.index.span.get(id);
    if (span) this.#runs.push([span.enter, span.exit]);
    else this.#singles.add(id);
  }

  addOne(id: string): void {
    this.#singles.add(id);
  }

  /** How many organizations, and which of `flagged` (at `places`) are among them, in id order. */
  count(flagged: ReadonlySet<string>, places: readonly number[]): { size: number; hit: string[] } {
    const { preorder, span } = this.#graph.index;
    this.#runs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged: [number, number][] = [];
    for (const run of this.#runs) {
      const last = merged[merged.length - 1];
      if (last && run[0] < last[1]) last[1] = Math.max(last[1], run[1]);
      else merged.push([run[0], run[1]]);
    }
    let size = 0;
    const hit: string[] = [];
    for (const [enter, exit] of merged) {
      size += exit - enter;
      for (let i = lowerBound(places, enter); i < places.length && (places[i] as number) < exit; i++) hit.push(preorder[places[i] as number] as string);
    }
    for (const id of this.#singles) {
      const at = span.get(id)?.enter;
      // Already counted: inside one of the subtrees.
      if (at !== undefined && merged.some(([enter, exit]) => enter <= at && at < exit)) continue;
      size++;
      if (flagged.has(id)) hit.push(id);
    }
    return { size, hit: hit.sort(byCodeUnit) };
  }
}

/**
 * 层层传导压力: for every leader who answers for organizations — the subtrees they lead, the areas
 * they oversee, their contact points — how many of those carry findings. People in id order.
 *
 * @example
 * pressureOf(graph, findings).find((p) => p.person === 'p-li-hua')?.share;
 */
export function pressureOf(graph: Graph, findings: readonly Finding[]): Pressure[] {
  const flagged = flaggedOrganizations(findings);
  const places = flaggedPlaces(graph, flagged);
  const out: Pressure[] = [];
  const { postsByPerson, oversightByMember, liaisonByLeader } = graph.index;
  for (const [personId, person] of graph.people) {
    const posts = postsByPerson.get(personId);
    const oversight = oversightByMember.get(personId);
    const liaison = liaisonByLeader.get(personId);
    // Most people lead nothing and oversee nothing.
    if (!oversight && !liaison && !posts?.some((post) => LEADERSHIP.has(post.role))) continue;
    const scope = new Scope(graph);
    for (const post of posts ?? []) if (LEADERSHIP.has(post.role)) scope.addSubtree(post.organization);
    for (const edge of oversight ?? []) scope.addSubtree(edge.organization);
    for (const id of liaison ?? []) scope.addOne(id);
    const { size, hit } = scope.count(flagged, places);
    if (size === 0) continue;
    out.push({ person: personId, name: person.name, answersFor: size, flagged: hit.length, share: Math.round((hit.length / size) * 10_000) / 10_000, flaggedOrganizations: hit });
  }
  return out;
}

/**
 * Where the rule set asks for it: an organization whose children are flagged in at least
 * `minShare` is itself flagged for supervision (一级抓一级不力), as a body.
 *
 * @example
 * supervisionFindings(graph, section, findings, ladders.organization, 'zh');
 */
export function supervisionFindings(graph: Graph, section: Accountability, findings: readonly Finding[], ladder: FormLadder, lang: Lang): Finding[] {
  const rule = section.supervision;
  if (!rule) return [];
  const flagged = flaggedOrganizations(findings);
  const out: Finding[] = [];
  const form = formAt(ladder, Math.max(0, formIndex(ladder, rule.form)), lang);
  for (const id of graph.index.preorder) {
    const children = graph.index.children.get(id) ?? [];
    if (children.length === 0) continue;
    const hit = children.filter((c) => flagged.has(c));
    if (hit.length / children.length < rule.minShare) continue;
    const org = graph.organizations.get(id);
    const subject = { type: 'organization' as const, id, name: org?.name ?? id };
    const names = hit.map((c) => graph.organizations.get(c)?.name ?? c);
    out.push({
      id: `${rule.id}:o:${id}>o:${id}`,
      rule: rule.id,
      ruleTitle: lang === 'en' && rule.titleEn !== undefined ? rule.titleEn : rule.title,
      status: 'proposed',
      subject,
      liability: 'overall-leadership',
      basis: 'supervision',
      form,
      baseForm: form,
      circumstances: [],
      trigger: { type: 'supervision', subject, indicators: [], recordIds: [] },
      path: [{ distance: 0, organization: id, kind: 'supervision' }],
      explanation: formatMessage(
        'finding-supervision',
        { rule: lang === 'en' ? (rule.titleEn ?? rule.title) : rule.title, subject: subject.name, children: children.length, flagged: hit.length, names: joinText(names, 'list', lang), form: form.title },
        lang,
      ),
    });
  }
  return out;
}
