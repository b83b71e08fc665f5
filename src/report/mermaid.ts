import { z } from 'zod';
import type { AssessmentResult, Finding } from '../accountability/types.js';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import type { SubjectResult } from '../engine/result.js';
import { ValidationError } from '../core/validation-error.js';
import { isGraphShaped, requireGraph } from '../graph/lookup.js';
import { ancestorsOf } from '../graph/queries.js';
import type { Graph } from '../graph/types.js';
import { LEADERSHIP_ROLES, POST_ROLE_LABELS, type Post } from '../model/graph.js';
import { num, say } from './labels.js';
import { requireResult, type ResultPart } from './result-check.js';
import { RESULT_ELEMENT_ISSUES_SHOWN } from './result-elements.js';

/**
 * Options for {@link toMermaid}, checked before anything is drawn ({@link MermaidOptionsSchema}):
 * a `ValidationError` (subject `options`) lists every problem — options that are not an object
 * (`null`, a text), a name not below (`organisations`: `unknown-field`), a `lang` other than `zh`
 * or `en` (`'fr'`, `'EN'`, `null`: `invalid-value`), `organizations` that is not a list of ids
 * (one id as a text: `invalid-type`), and each id in it that is not an organization of the graph
 * (`unknown-organization` at `['organizations', i]`), which would otherwise draw an empty chart;
 * a `chain` that is not an organization of the graph (`unknown-organization` at `['chain']`), and
 * `chain` given with `organizations` (`mermaid-chain-and-organizations` at `['chain']`).
 *
 * @example
 * toMermaid(graph, result, { lang: 'en', organizations: ['bureau', 'br-office'] });
 * toMermaid(graph, result, { chain: 'br-center-2' });
 */
export interface MermaidOptions {
  /** Language of edge labels. Default: the result's, else Chinese. */
  readonly lang?: Lang;
  /** Draw only these organizations (and the people with edges into them). Default: all. */
  readonly organizations?: readonly string[];
  /**
   * Draw the responsibility chain of this organization, as `chainOf` lists it: the organization
   * and every level above, each level's secretary and team, the team members overseeing each
   * level, and the organization's own liaison leaders (not those of the levels above). Not with
   * `organizations`.
   */
  readonly chain?: string;
}

/**
 * {@link MermaidOptions}, no other name; the ids in `organizations` and `chain` are checked
 * against the graph besides (see {@link toMermaid}).
 *
 * @example
 * checkOptions(MermaidOptionsSchema, { organizations: ['bureau'] }); // 'zh'
 */
export const MermaidOptionsSchema = z.strictObject({
  lang: LangOptionSchema.optional(),
  organizations: z.array(z.string()).optional(),
  chain: z.string().optional(),
});

/** The parts of a result the chart reads. */
const MERMAID_PARTS: readonly ResultPart[] = ['lang', 'organizations', 'people', 'findings', 'forms'];

/**
 * Each id the options name that is not an organization of the graph (when both are sound enough
 * to tell), and `chain` given with `organizations`.
 */
function unknownOrganizations(graph: unknown, options: MermaidOptions, lang: Lang): Issue[] {
  if (!isGraphShaped(graph)) return [];
  const issues: Issue[] = [];
  const wanted: unknown = options.organizations;
  if (Array.isArray(wanted)) {
    wanted.forEach((id: unknown, i) => {
      if (typeof id === 'string' && !graph.organizations.has(id)) issues.push(makeIssue('unknown-organization', ['organizations', i], { id }, lang));
    });
  }
  const chain: unknown = options.chain;
  if (typeof chain === 'string' && !graph.organizations.has(chain)) issues.push(makeIssue('unknown-organization', ['chain'], { id: chain }, lang));
  if (chain !== undefined && wanted !== undefined) issues.push(makeIssue('mermaid-chain-and-organizations', ['chain'], {}, lang));
  return issues;
}

const LEADERSHIP = new Set<string>(LEADERSHIP_ROLES);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const postsText = (posts: readonly { readonly organization: string; readonly role: string }[]): string =>
  posts
    .map((p) => `${p.organization}/${p.role}`)
    .sort(byCodeUnit)
    .join(', ');

/**
 * Where a result does not fit the graph, each at its path from the result: a subject (a scored
 * organization or person, a finding's subject or trigger subject) or an organization on a
 * finding's path that is not in the graph (`result-subject-not-in-graph`), and a subject whose
 * name, organization kind or person's posts differ from the graph's (`result-subject-differs`).
 * A result records each of these as the graph it was assessed on had them, so any one of them
 * proves it was assessed on another graph (its `fingerprint` hashes the graph together with the
 * rule set and records, so cannot be checked against the graph alone). Each misfit (code, subject
 * and field) once, at its first path; the first {@link RESULT_ELEMENT_ISSUES_SHOWN}.
 */
function resultGraphIssues(graph: Graph, result: AssessmentResult, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  // Each misfit once, at its first place in the result: a result of another graph names the
  // same few ids in every finding.
  const seen = new Set<string>();
  const add = (code: string, path: (string | number)[], params: Record<string, string>): void => {
    const key = [code, params['type'], params['id'], params['field'] ?? ''].join('\u0000');
    if (issues.length >= RESULT_ELEMENT_ISSUES_SHOWN || seen.has(key)) return;
    seen.add(key);
    issues.push(makeIssue(code, path, params, lang));
  };
  const subject = (s: { readonly type: string; readonly id: string; readonly name: string }, path: (string | number)[]): void => {
    const type = s.type === 'person' ? 'person' : 'organization';
    const known = type === 'person' ? graph.people.get(s.id) : graph.organizations.get(s.id);
    if (known === undefined) return add('result-subject-not-in-graph', [...path, 'id'], { type, id: s.id });
    if (known.name !== s.name) add('result-subject-differs', [...path, 'name'], { type, id: s.id, field: 'name', result: s.name, graph: known.name });
  };
  result.organizations.forEach((o, i) => {
    subject(o, ['organizations', i]);
    const known = graph.organizations.get(o.id);
    if (known !== undefined && o.kind !== undefined && o.kind !== known.kind) add('result-subject-differs', ['organizations', i, 'kind'], { type: 'organization', id: o.id, field: 'kind', result: o.kind, graph: known.kind });
  });
  result.people.forEach((p, i) => {
    subject(p, ['people', i]);
    if (p.posts === undefined || !graph.people.has(p.id)) return;
    const [recorded, actual] = [postsText(p.posts), postsText(graph.index.postsByPerson.get(p.id) ?? [])];
    if (recorded !== actual) add('result-subject-differs', ['people', i, 'posts'], { type: 'person', id: p.id, field: 'posts', result: recorded, graph: actual });
  });
  result.findings.forEach((f, i) => {
    subject(f.subject, ['findings', i, 'subject']);
    subject(f.trigger.subject, ['findings', i, 'trigger', 'subject']);
    f.path.forEach((step, j) => {
      if (!graph.organizations.has(step.organization)) add('result-subject-not-in-graph', ['findings', i, 'path', j, 'organization'], { type: 'organization', id: step.organization });
    });
  });
  return issues;
}

/**
 * Whether a finding lies in the chart: every organization it names — its subject and trigger
 * subject when they are organizations, and each organization on its path, from the trigger to
 * the subject — is drawn. A finding set off in an organization not drawn (a sibling branch, a
 * branch below) is not marked, even on a person who is drawn.
 */
function findingInView(f: Finding, drawn: ReadonlySet<string>): boolean {
  if (f.subject.type === 'organization' && !drawn.has(f.subject.id)) return false;
  if (f.trigger.subject.type === 'organization' && !drawn.has(f.trigger.subject.id)) return false;
  return f.path.every((step) => drawn.has(step.organization));
}

/**
 * Text for a quoted Mermaid label: `# " < > & \``, as Mermaid entity codes, line breaks as
 * spaces, so that no input can end the label or start Mermaid syntax.
 *
 * @example
 * mermaidText('a"b'); // 'a#quot;b'
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/`/g, '#96;')
    .replace(/\r\n|\r|\n/g, ' ');
}

function subjectLabel(name: string, subject: SubjectResult | undefined): string {
  const base = mermaidText(name);
  if (!subject) return base;
  const grade = subject.grade ? `${mermaidText(subject.grade.title)} ` : '';
  return `${base}<br/>${grade}${num(subject.total)}`;
}

/**
 * The responsibility chain as a Mermaid `flowchart TD`: organizations as boxes (with grade and
 * total when a result is given), parent → child edges, and the people who answer for each drawn
 * organization as the text chain (`chainOf`) lists them: its leadership team — the secretary
 * (第一责任) and the other team members (主体责任, 一级抓一级 for the levels below) — linked by
 * their posts (`---|书记|`, `---|副书记|`, `---|委员|`), the team members overseeing it dashed
 * (`-.->|分管|`, 一岗双责), and its liaison leaders dotted (`-.->|包抓包联|`; with `chain`, only
 * the chain's own organization's, as `chainOf` has them). Organizations and people with findings
 * (not waived) are in the `flagged` class (red) — only findings that lie in the chart: every
 * organization a finding names (its subject and trigger subject when organizations, each
 * organization on its path) is drawn; a flagged person not drawn otherwise is linked by their
 * other posts there (party-affairs officer, else ordinary membership). Every graph id is mapped
 * to `n0`, `n1`, ... (organizations in hierarchy order, then people by id), so no input string
 * reaches Mermaid syntax; labels are escaped. Deterministic. Refuses, with a `ValidationError`:
 * the options {@link MermaidOptions} lists (subject `options`); a graph `parseGraph` did not make
 * (subject `query`, `invalid-type` at `graph`); a result, when one is given (`null` included),
 * that is not one at its top level (subject `options`, `invalid-type` at `[]`, expected
 * `assess(…)`), or that was not assessed on this graph (subject `options`, at the paths in the
 * result: `result-subject-not-in-graph` for a subject or path organization the graph lacks,
 * `result-subject-differs` for a name, organization kind or person's posts the graph has otherwise).
 *
 * @example
 * fs.writeFileSync('chain.mmd', toMermaid(graph, result));
 * toMermaid(graph, undefined, { organizations: ['br-office', 'bureau'] });
 * toMermaid(graph, result, { chain: 'br-center-2' });
 */
export function toMermaid(graph: Graph, result?: AssessmentResult, options: MermaidOptions = {}): string {
  const given = checkOptions(MermaidOptionsSchema, options, (lang) => unknownOrganizations(graph, options, lang));
  requireGraph(graph, given);
  if (result !== undefined) {
    requireResult(result, MERMAID_PARTS, given);
    const misfits = resultGraphIssues(graph, result, given);
    if (misfits.length > 0) throw new ValidationError('options', misfits, given);
  }
  const lang = options.lang ?? result?.lang ?? 'zh';
  const chain = options.chain;
  const wanted = chain !== undefined ? new Set([chain, ...ancestorsOf(graph, chain)]) : options.organizations ? new Set(options.organizations) : undefined;
  const organizations = graph.index.preorder.filter((id) => graph.organizations.has(id) && (wanted === undefined || wanted.has(id)));
  const included = new Set(organizations);
  const flagged = new Set<string>();
  for (const f of result?.findings ?? []) if (f.status !== 'waived' && findingInView(f, included)) flagged.add(`${f.subject.type}\u0000${f.subject.id}`);
  const isFlagged = (type: 'organization' | 'person', id: string): boolean => flagged.has(`${type}\u0000${id}`);

  // Each drawn organization's leadership team, by its posts in the graph's order (as `chainOf` lists the team).
  const teamPosts = organizations.flatMap((id) => (graph.index.postsByOrganization.get(id) ?? []).filter((p) => LEADERSHIP.has(p.role)));
  const oversight = graph.oversight.filter((e) => included.has(e.organization));
  const liaison = graph.liaison.filter((e) => (chain === undefined ? included.has(e.organization) : e.organization === chain));
  const drawnPeople = new Set([...teamPosts, ...oversight, ...liaison].map((e) => e.person));
  // A flagged person drawn by none of those is linked by their other posts in view: as a
  // party-affairs officer, else by their ordinary membership.
  const otherPosts = new Map<string, Post[]>();
  for (const p of graph.posts) {
    if (!included.has(p.organization) || drawnPeople.has(p.person) || !isFlagged('person', p.person) || LEADERSHIP.has(p.role)) continue;
    otherPosts.set(p.person, [...(otherPosts.get(p.person) ?? []), p]);
  }
  const flaggedPosts = [...otherPosts.values()].flatMap((posts) => (posts.some((p) => p.role !== 'member') ? posts.filter((p) => p.role !== 'member') : posts));
  const people = [...new Set([...drawnPeople, ...flaggedPosts.map((p) => p.person)])].sort(byCodeUnit);

  const nodeOf = new Map<string, string>();
  organizations.forEach((id, i) => nodeOf.set(`o\u0000${id}`, `n${i}`));
  people.forEach((id, i) => nodeOf.set(`p\u0000${id}`, `n${organizations.length + i}`));
  const org = (id: string): string => nodeOf.get(`o\u0000${id}`) as string;
  const person = (id: string): string => nodeOf.get(`p\u0000${id}`) as string;

  const scores = new Map<string, SubjectResult>();
  for (const s of result?.organizations ?? []) scores.set(`o\u0000${s.id}`, s);
  for (const s of result?.people ?? []) scores.set(`p\u0000${s.id}`, s);

  const out = ['flowchart TD'];
  for (const id of organizations) out.push(`  ${org(id)}["${subjectLabel(graph.organizations.get(id)?.name ?? id, scores.get(`o\u0000${id}`))}"]`);
  for (const id of people) out.push(`  ${person(id)}(["${subjectLabel(graph.people.get(id)?.name ?? id, scores.get(`p\u0000${id}`))}"])`);

  const edges: string[] = [];
  const dashed: number[] = [];
  const dotted: number[] = [];
  for (const id of organizations) {
    const parent = graph.organizations.get(id)?.parent ?? null;
    if (parent !== null && included.has(parent)) edges.push(`  ${org(parent)} --> ${org(id)}`);
  }
  const postEdge = (p: Post): string => `  ${person(p.person)} ---|${mermaidText(POST_ROLE_LABELS[p.role][lang])}| ${org(p.organization)}`;
  for (const p of teamPosts) edges.push(postEdge(p));
  const oversees = mermaidText(say('report-mermaid-oversight', lang));
  for (const e of oversight) {
    dashed.push(edges.length);
    edges.push(`  ${person(e.person)} -.->|${oversees}| ${org(e.organization)}`);
  }
  const liaises = mermaidText(say('report-mermaid-liaison', lang));
  for (const e of liaison) {
    dotted.push(edges.length);
    edges.push(`  ${person(e.person)} -.->|${liaises}| ${org(e.organization)}`);
  }
  for (const p of flaggedPosts) edges.push(postEdge(p));
  for (const edge of edges) out.push(edge);

  if (dashed.length > 0) out.push(`  linkStyle ${dashed.join(',')} stroke-dasharray:6 4`);
  if (dotted.length > 0) out.push(`  linkStyle ${dotted.join(',')} stroke-dasharray:2 3`);
  const flaggedNodes = [
    ...organizations.filter((id) => isFlagged('organization', id)).map(org),
    ...people.filter((id) => isFlagged('person', id)).map(person),
  ];
  if (flaggedNodes.length > 0) {
    out.push('  classDef flagged fill:#fdd,stroke:#c00');
    out.push(`  class ${flaggedNodes.join(',')} flagged`);
  }
  return `${out.join('\n')}\n`;
}
