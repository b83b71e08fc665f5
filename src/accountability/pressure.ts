import { joinText } from '../core/explain.js';
import { byCodeUnit, lowerBound } from '../core/order.js';
import type { Lang } from '../core/lang.js';
import { formatMessage } from '../core/messages.js';
import type { Span } from '../graph/hierarchy.js';
import type { Graph } from '../graph/types.js';
import { LEADERSHIP_ROLES, type PostRole } from '../model/graph.js';
import type { Accountability } from '../model/accountability.js';
import { formAt, formIndex, type FormLadder } from './forms.js';
import { circumstanceClauses } from './circumstances.js';
import { outerRuns } from './open-tasks.js';
import type { Circumstance, Finding, FindingSubject, Pressure, RuleHit } from './types.js';

const LEADERSHIP = new Set<PostRole>(LEADERSHIP_ROLES);

/** Organizations that set off at least one rule, whether or not it reached anyone from them. */
function flaggedOrganizations(hits: readonly { readonly subject: { readonly type: string; readonly id: string } }[]): Set<string> {
  return new Set(hits.filter((h) => h.subject.type === 'organization').map((h) => h.subject.id));
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

/** How many organizations the subtrees hold together, and which flagged ones (at `places`) are among them, in id order. */
function union(subtrees: Span[], places: readonly number[], preorder: readonly string[]): { size: number; hit: string[] } {
  let size = 0;
  const hit: string[] = [];
  for (const { enter, exit } of outerRuns(subtrees)) {
    size += exit - enter;
    for (let i = lowerBound(places, enter); i < places.length && (places[i] as number) < exit; i++) hit.push(preorder[places[i] as number] as string);
  }
  return { size, hit: hit.sort(byCodeUnit) };
}

/**
 * 层层传导压力: for every leader who answers for organizations — the subtrees they lead, the areas
 * they oversee, their contact points — how many of those set off an accountability rule (the
 * supervision rule included), whether or not the rule reached anyone. People in id order.
 *
 * @example
 * pressureOf(graph, result.hits).find((p) => p.person === 'p-li-hua')?.share;
 */
export function pressureOf(graph: Graph, hits: readonly Pick<RuleHit, 'subject'>[]): Pressure[] {
  const flagged = flaggedOrganizations(hits);
  const places = flaggedPlaces(graph, flagged);
  const { postsByPerson, span, preorder } = graph.index;
  const out: Pressure[] = [];
  for (const [personId, person] of graph.people) {
    // The subtrees they lead. The areas they oversee and their contact points lie inside those:
    // the graph refuses oversight or liaison under no organization the person leads
    // (oversight-outside-team, liaison-not-leader), so they add no organization.
    const led: Span[] = [];
    for (const post of postsByPerson.get(personId) ?? []) {
      const at = LEADERSHIP.has(post.role) ? span.get(post.organization) : undefined;
      if (at) led.push(at);
    }
    if (led.length === 0) continue;
    const { size, hit } = union(led, places, preorder);
    out.push({ person: personId, name: person.name, answersFor: size, flagged: hit.length, share: Math.round((hit.length / size) * 10_000) / 10_000, flaggedOrganizations: hit });
  }
  return out;
}

/** Moves a supervision finding's form from its base place for the circumstances of its subject. */
export type SupervisionCircumstances = (subject: FindingSubject, rule: string, base: number) => { circumstances: Circumstance[]; index: number };

/** An organization supervision flags: how many accountable children it has, and which of them are flagged, in the graph's order. */
interface Supervised {
  readonly children: number;
  readonly flagged: readonly string[];
}

/**
 * The organizations supervision flags, bottom-up: an organization at least `minShare` of whose
 * accountable children (not 党小组: a group is no body held to account, and what happens in it
 * is its branch's to answer for through the branch's own lines) are flagged — by a rule hit, or
 * by supervision itself one level down (一级抓一级 climbs level by level). Children come after
 * their parent in the preorder walk, so going through it backwards settles every child before
 * its parent: one pass, whatever the depth.
 *
 * @example
 * supervisedOrganizations(graph, new Set(['b1', 'b2']), 0.5).get('c1')?.flagged; // ['b1', 'b2']
 */
function supervisedOrganizations(graph: Graph, flagged: ReadonlySet<string>, minShare: number): Map<string, Supervised> {
  const out = new Map<string, Supervised>();
  const { preorder, children: childrenOf } = graph.index;
  for (let i = preorder.length - 1; i >= 0; i--) {
    const id = preorder[i] as string;
    if (graph.organizations.get(id)?.kind === 'group') continue;
    const children = (childrenOf.get(id) ?? []).filter((c) => graph.organizations.get(c)?.kind !== 'group');
    if (children.length === 0) continue;
    const hit = children.filter((c) => flagged.has(c) || out.has(c));
    if (hit.length / children.length >= minShare) out.set(id, { children: children.length, flagged: hit });
  }
  return out;
}

/**
 * Where the rule set asks for it: an organization at least `minShare` of whose children set off a
 * rule (`hits`, whether or not the rule reached anyone from them) or were themselves flagged for
 * supervision is flagged for supervision (一级抓一级不力), as a body. Only children that are
 * bodies held to account count: a 党小组 is none. Its form moves for a repeat and for aggravating
 * and mitigating circumstances as any finding's does (`moved`), the circumstance records named by
 * their titles (`titles`, see `recordTitles`). Returns the findings and their hits, in hierarchy
 * order.
 *
 * @example
 * supervisionFindings(graph, section, hits, ladders.organization, 'zh', moved, titles).findings;
 */
export function supervisionFindings(
  graph: Graph,
  section: Accountability,
  hits: readonly RuleHit[],
  ladder: FormLadder,
  lang: Lang,
  moved: SupervisionCircumstances,
  titles: (ids: readonly string[]) => readonly string[],
): { findings: Finding[]; hits: RuleHit[] } {
  const rule = section.supervision;
  if (!rule) return { findings: [], hits: [] };
  // Supervision's own hits are not read here: it flags level by level itself.
  const own = hits.filter((h) => h.rule !== rule.id);
  const supervised = supervisedOrganizations(graph, flaggedOrganizations(own), rule.minShare);
  // Read with provisional hits (an early warning's reading), those flagged by them alone are named as such.
  const provisional = own.some((h) => h.provisional === true);
  const firmHits = provisional ? flaggedOrganizations(own.filter((h) => h.provisional !== true)) : undefined;
  const firmSupervised = firmHits ? supervisedOrganizations(graph, firmHits, rule.minShare) : undefined;
  const firm = (c: string): boolean => !firmHits || firmHits.has(c) || (firmSupervised?.has(c) ?? false);
  const findings: Finding[] = [];
  const base = Math.max(0, formIndex(ladder, rule.form));
  const baseForm = formAt(ladder, base, lang);
  const ruleTitle = lang === 'en' && rule.titleEn !== undefined ? rule.titleEn : rule.title;
  const nameOf = (c: string): string => graph.organizations.get(c)?.name ?? c;
  for (const id of graph.index.preorder) {
    const found = supervised.get(id);
    if (!found) continue;
    const { children, flagged: hit } = found;
    const subject = { type: 'organization' as const, id, name: nameOf(id) };
    const names = hit.map(nameOf);
    const { circumstances, index } = moved(subject, rule.id, base);
    const form = formAt(ladder, index, lang);
    const heldNames = hit.filter((c) => !firm(c)).map(nameOf);
    const said =
      heldNames.length === 0
        ? formatMessage('finding-supervision', { rule: ruleTitle, subject: subject.name, children, flagged: hit.length, names: joinText(names, 'list', lang), form: form.title }, lang)
        : formatMessage('finding-supervision-provisional', { subject: subject.name, children, flagged: hit.length, names: joinText(names, 'list', lang), held: joinText(heldNames, 'list', lang), form: form.title }, lang);
    findings.push({
      id: `${rule.id}:o:${id}>o:${id}`,
      rule: rule.id,
      ruleTitle,
      status: 'proposed',
      subject,
      liability: 'overall-leadership',
      basis: 'supervision',
      form,
      baseForm,
      circumstances,
      trigger: { type: 'supervision', subject, indicators: [], recordIds: [] },
      path: [{ distance: 0, organization: id, kind: 'supervision' }],
      explanation: joinText([said, ...circumstanceClauses(circumstances, lang, titles)], 'clause', lang),
    });
  }
  return { findings, hits: findings.map((f) => ({ rule: rule.id, subject: f.subject, reached: 1 })) };
}
