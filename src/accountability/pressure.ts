import { joinText } from '../core/explain.js';
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

function subtree(graph: Graph, id: string): readonly string[] {
  const span = graph.index.span.get(id);
  return span ? graph.index.preorder.slice(span.enter, span.exit) : [id];
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
  const out: Pressure[] = [];
  for (const [personId, person] of graph.people) {
    const scope = new Set<string>();
    for (const post of graph.index.postsByPerson.get(personId) ?? []) if (LEADERSHIP.has(post.role)) for (const id of subtree(graph, post.organization)) scope.add(id);
    for (const edge of graph.index.oversightByMember.get(personId) ?? []) for (const id of subtree(graph, edge.organization)) scope.add(id);
    for (const id of graph.index.liaisonByLeader.get(personId) ?? []) scope.add(id);
    if (scope.size === 0) continue;
    const hit = [...scope].filter((id) => flagged.has(id)).sort();
    out.push({ person: personId, name: person.name, answersFor: scope.size, flagged: hit.length, share: Math.round((hit.length / scope.size) * 10_000) / 10_000, flaggedOrganizations: hit });
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
