import { makeIssue, typeName } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import type { Organization, Person } from '../model/graph.js';
import type { Graph } from './types.js';

/**
 * Whether a value is a graph as `parseGraph` makes it (its organizations in a `Map`, with an
 * index), not the graph document it was parsed from.
 *
 * @example
 * isGraph(parseGraph(input)); // true
 * isGraph(input); // false
 */
export function isGraph(value: unknown): value is Graph {
  return typeof value === 'object' && value !== null && (value as { organizations?: unknown }).organizations instanceof Map && 'index' in value;
}

/**
 * The graph a query was given, or a `ValidationError` (subject `query`) when it is not one
 * `parseGraph` made: a graph document (JSON) given where its parsed graph is wanted.
 *
 * @example
 * requireGraph(JSON.parse(text)); // throws: parse it with parseGraph first
 */
export function requireGraph(graph: unknown, lang: Lang = 'zh'): Graph {
  if (isGraph(graph)) return graph;
  const kind = typeName(graph);
  const received = kind !== 'object' ? kind : lang === 'zh' ? '组织关系图文档（JSON），请先用 parseGraph 解析' : 'a graph document (JSON): parse it with parseGraph';
  throw new ValidationError('query', [makeIssue('invalid-type', ['graph'], { expected: 'parseGraph(…)', received }, lang)], lang);
}

/**
 * The organization with this id, or a `ValidationError` (code `unknown-organization`) naming it.
 * Queries fail loudly on an unknown id rather than answer "nothing" for a typo.
 *
 * @example
 * requireOrganization(graph, 'branch-01').name;
 */
export function requireOrganization(graph: Graph, id: string, lang: Lang = 'zh'): Organization {
  const organization = requireGraph(graph, lang).organizations.get(id);
  if (!organization) throw new ValidationError('query', [makeIssue('unknown-organization', [], { id }, lang)], lang);
  return organization;
}

/**
 * The person with this id, or a `ValidationError` (code `unknown-person`) naming it.
 *
 * @example
 * requirePerson(graph, 'p-wang').name;
 */
export function requirePerson(graph: Graph, id: string, lang: Lang = 'zh'): Person {
  const person = requireGraph(graph, lang).people.get(id);
  if (!person) throw new ValidationError('query', [makeIssue('unknown-person', [], { id }, lang)], lang);
  return person;
}
