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
 * A query's id argument, or a `ValidationError` (code `invalid-type`, path the argument's name)
 * when it is not a text: a number or an object is a caller's mistake, not an id missing from the
 * graph (which would name it as "42" or "[object Object]").
 */
function requireId(id: unknown, argument: string, lang: Lang): string {
  if (typeof id === 'string') return id;
  throw new ValidationError('query', [makeIssue('invalid-type', [argument], { expected: 'string', received: typeName(id) }, lang)], lang);
}

/**
 * The organization with this id, or a `ValidationError` (code `unknown-organization`) naming it.
 * Queries fail loudly on an unknown id rather than answer "nothing" for a typo. `argument`: the
 * query's name for the id, the path of the error when the id is not a text.
 *
 * @example
 * requireOrganization(graph, 'branch-01').name;
 */
export function requireOrganization(graph: Graph, id: string, lang: Lang = 'zh', argument = 'id'): Organization {
  const organization = requireGraph(graph, lang).organizations.get(requireId(id, argument, lang));
  if (!organization) throw new ValidationError('query', [makeIssue('unknown-organization', [], { id }, lang)], lang);
  return organization;
}

/**
 * The person with this id, or a `ValidationError` (code `unknown-person`) naming it; `argument`
 * as for {@link requireOrganization}.
 *
 * @example
 * requirePerson(graph, 'p-wang').name;
 */
export function requirePerson(graph: Graph, id: string, lang: Lang = 'zh', argument = 'personId'): Person {
  const person = requireGraph(graph, lang).people.get(requireId(id, argument, lang));
  if (!person) throw new ValidationError('query', [makeIssue('unknown-person', [], { id }, lang)], lang);
  return person;
}
