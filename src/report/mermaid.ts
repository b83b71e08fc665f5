import { z } from 'zod';
import type { AssessmentResult } from '../accountability/types.js';
import { makeIssue, type Issue } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import type { SubjectResult } from '../engine/result.js';
import { isGraphShaped, requireGraph } from '../graph/lookup.js';
import type { Graph } from '../graph/types.js';
import { POST_ROLE_LABELS } from '../model/graph.js';
import { num, requireResult, say, type ResultPart } from './labels.js';

/**
 * Options for {@link toMermaid}, checked before anything is drawn ({@link MermaidOptionsSchema}):
 * a `ValidationError` (subject `options`) lists every problem — options that are not an object
 * (`null`, a text), a name not below (`organisations`: `unknown-field`), a `lang` other than `zh`
 * or `en` (`'fr'`, `'EN'`, `null`: `invalid-value`), `organizations` that is not a list of ids
 * (one id as a text: `invalid-type`), and each id in it that is not an organization of the graph
 * (`unknown-organization` at `['organizations', i]`), which would otherwise draw an empty chart.
 *
 * @example
 * toMermaid(graph, result, { lang: 'en', organizations: ['bureau', 'br-office'] });
 */
export interface MermaidOptions {
  /** Language of edge labels. Default: the result's, else Chinese. */
  readonly lang?: Lang;
  /** Draw only these organizations (and the people with edges into them). Default: all. */
  readonly organizations?: readonly string[];
}

/**
 * {@link MermaidOptions}, no other name; the ids in `organizations` are checked against the graph
 * besides (see {@link toMermaid}).
 *
 * @example
 * checkOptions(MermaidOptionsSchema, { organizations: ['bureau'] }); // 'zh'
 */
export const MermaidOptionsSchema = z.strictObject({
  lang: LangOptionSchema.optional(),
  organizations: z.array(z.string()).optional(),
});

/** The parts of a result the chart reads. */
const MERMAID_PARTS: readonly ResultPart[] = ['lang', 'organizations', 'people', 'findings'];

/** Each id the options name that is not an organization of the graph (when both are sound enough to tell). */
function unknownOrganizations(graph: unknown, options: MermaidOptions, lang: Lang): Issue[] {
  const wanted: unknown = options.organizations;
  if (!isGraphShaped(graph) || !Array.isArray(wanted)) return [];
  const issues: Issue[] = [];
  wanted.forEach((id: unknown, i) => {
    if (typeof id === 'string' && !graph.organizations.has(id)) issues.push(makeIssue('unknown-organization', ['organizations', i], { id }, lang));
  });
  return issues;
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
 * total when a result is given), parent → child edges, team members' oversight edges dashed
 * (`-.->|分管|`), liaison edges dotted (`-.->|包抓包联|`), and the organizations and people with
 * findings (not waived) in the `flagged` class (red). People appear when they oversee or liaise
 * with a drawn organization, or carry a finding (linked to their posts). Every graph id is mapped
 * to `n0`, `n1`, ... (organizations in hierarchy order, then people by id), so no input string
 * reaches Mermaid syntax; labels are escaped. Deterministic. Refuses, with a `ValidationError`:
 * the options {@link MermaidOptions} lists (subject `options`); a graph `parseGraph` did not make
 * (subject `query`, `invalid-type` at `graph`); a result, when one is given (`null` included),
 * that is not one at its top level (subject `options`, `invalid-type` at `[]`, expected
 * `assess(…)`).
 *
 * @example
 * fs.writeFileSync('chain.mmd', toMermaid(graph, result));
 * toMermaid(graph, undefined, { organizations: ['br-office', 'bureau'] });
 */
export function toMermaid(graph: Graph, result?: AssessmentResult, options: MermaidOptions = {}): string {
  const given = checkOptions(MermaidOptionsSchema, options, (lang) => unknownOrganizations(graph, options, lang));
  requireGraph(graph, given);
  if (result !== undefined) requireResult(result, MERMAID_PARTS, given);
  const lang = options.lang ?? result?.lang ?? 'zh';
  const wanted = options.organizations ? new Set(options.organizations) : undefined;
  const organizations = graph.index.preorder.filter((id) => graph.organizations.has(id) && (wanted === undefined || wanted.has(id)));
  const included = new Set(organizations);
  const flagged = new Set<string>();
  for (const f of result?.findings ?? []) if (f.status !== 'waived') flagged.add(`${f.subject.type}\u0000${f.subject.id}`);
  const isFlagged = (type: 'organization' | 'person', id: string): boolean => flagged.has(`${type}\u0000${id}`);

  const oversight = graph.oversight.filter((e) => included.has(e.organization));
  const liaison = graph.liaison.filter((e) => included.has(e.organization));
  const flaggedPosts = graph.posts.filter((p) => included.has(p.organization) && isFlagged('person', p.person) && p.role !== 'member');
  // A flagged person with no leadership post in view is linked by their ordinary membership.
  const linked = new Set(flaggedPosts.map((p) => p.person));
  for (const p of graph.posts) if (included.has(p.organization) && isFlagged('person', p.person) && !linked.has(p.person)) flaggedPosts.push(p);
  const people = [...new Set([...oversight, ...liaison, ...flaggedPosts].map((e) => e.person))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

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
  for (const p of flaggedPosts) edges.push(`  ${person(p.person)} ---|${mermaidText(POST_ROLE_LABELS[p.role][lang])}| ${org(p.organization)}`);
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
