import { makeIssue, typeName } from '../core/issue.js';
import type { Lang } from '../core/lang.js';
import { ValidationError } from '../core/validation-error.js';
import { checkOptions, LangOptionSchema } from '../core/options.js';
import { z } from 'zod';
import type { Organization, Person } from '../model/graph.js';
import { isBuiltGraph } from './build.js';
import { parseGraph } from './parse.js';
import type { Graph, GraphIndex } from './types.js';

// What a graph holds, by the type each part must have: a value with all of them can be queried
// without a TypeError, one missing any is not a graph (a half-built one, or the document).
const GRAPH_MAPS = ['organizations', 'people'] as const;
const GRAPH_LISTS = ['posts', 'oversight', 'liaison'] as const;
const INDEX_MAPS = [
  'children',
  'span',
  'postsByOrganization',
  'postsByPerson',
  'secretaryOf',
  'teamOf',
  'overseersOf',
  'oversightByMember',
  'liaisonsOf',
  'liaisonByLeader',
] as const satisfies readonly (keyof GraphIndex)[];
const INDEX_LISTS = ['roots', 'preorder'] as const satisfies readonly (keyof GraphIndex)[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Whether a value is a graph `parseGraph` made, not the graph document it was parsed from, nor
 * an object put together in a graph's shape (a copy, `{ ...graph }`, or one built by hand): such
 * an object's contents were never checked (a `null` among its posts would fail deep in the
 * engine), so it is not taken as parsed. {@link graphOf} checks it again instead.
 *
 * @example
 * isGraph(parseGraph(input)); // true
 * isGraph(input); // false
 * isGraph({ ...parseGraph(input) }); // false
 */
export function isGraph(value: unknown): value is Graph {
  return isRecord(value) && isBuiltGraph(value as unknown as Graph);
}

/**
 * Whether a value has every map and list of a graph and of its index (see {@link isGraph}: not
 * that it is one).
 *
 * @example
 * isGraphShaped({ ...parseGraph(input) }); // true
 */
export function isGraphShaped(value: unknown): value is Graph {
  return isRecord(value) && missingPart(value) === undefined;
}

/**
 * The graph a value stands for: one `parseGraph` made as it is; an object in a graph's shape
 * (see {@link isGraph}) checked again from its contents, as `parseGraph` checks a document (a
 * `ValidationError`, subject `graph`, listing every problem: `posts[3]` for a `null` among its
 * posts, the n-th of a map's values for `organizations[n]`); anything else parsed as a graph
 * document. A graph object is checked again on each call: parse it once with `parseGraph`.
 *
 * @example
 * graphOf({ ...graph, title: '2022' }, 'en').title; // '2022', a graph parseGraph made
 */
export function graphOf(value: unknown, lang: Lang = 'zh'): Graph {
  if (isGraph(value)) return value;
  return parseGraph(isGraphShaped(value) ? documentOf(value) : value, { lang });
}

// A graph object's contents as a graph document, read no deeper than its maps and lists, so that
// parseGraph checks each element as it would a document's.
function documentOf(graph: Graph): unknown {
  const { id, title } = graph as { id?: unknown; title?: unknown };
  return {
    ...(id !== undefined ? { id } : {}),
    ...(title !== undefined ? { title } : {}),
    organizations: [...graph.organizations.values()],
    people: [...graph.people.values()],
    posts: graph.posts,
    oversight: graph.oversight,
    liaison: graph.liaison,
  };
}

/** The first part of a graph a value lacks (or has of another type), as a path: `index.span`. */
function missingPart(value: Record<string, unknown>): string | undefined {
  for (const key of GRAPH_MAPS) if (!(value[key] instanceof Map)) return key;
  for (const key of GRAPH_LISTS) if (!Array.isArray(value[key])) return key;
  const index = value['index'];
  if (!isRecord(index)) return 'index';
  for (const key of INDEX_MAPS) if (!(index[key] instanceof Map)) return `index.${key}`;
  for (const key of INDEX_LISTS) if (!Array.isArray(index[key])) return `index.${key}`;
  return undefined;
}

/**
 * The graph a query was given, or a `ValidationError` (subject `query`) when it is not one
 * (see {@link isGraph}): a graph document (JSON) given where its parsed graph is wanted, or an
 * object with only some of a graph's parts, named in the message, or with all of them but not
 * made by `parseGraph` (a copy, `{ ...graph }`: its contents were never checked).
 *
 * @example
 * requireGraph(JSON.parse(text)); // throws: parse it with parseGraph first
 */
export function requireGraph(graph: unknown, lang: Lang = 'zh'): Graph {
  if (isGraph(graph)) return graph;
  const kind = typeName(graph);
  // A graph document has its organizations in a list; an object with them in a Map, or with an
  // index, was meant for a graph but is not a whole one, or whole but not made by parseGraph
  // (its contents never checked: checked again on every query, a large graph would be slow).
  const meantAsGraph = isRecord(graph) && (graph['organizations'] instanceof Map || 'index' in graph);
  const part = meantAsGraph ? missingPart(graph) : undefined;
  const received =
    kind !== 'object'
      ? kind
      : part !== undefined
        ? lang === 'zh'
          ? `不完整的关系图对象（缺少 ${part} 或类型不对），请用 parseGraph 生成`
          : `an incomplete graph object (${part} missing or of the wrong type): make it with parseGraph`
        : meantAsGraph
          ? lang === 'zh'
            ? '不是 parseGraph 生成的关系图对象（副本或手工拼装，内容未经校验），请用 parseGraph 生成'
            : 'a graph object parseGraph did not make (a copy, or put together by hand; its contents unchecked): make it with parseGraph'
          : lang === 'zh'
            ? '组织关系图文档（JSON），请先用 parseGraph 解析'
            : 'a graph document (JSON): parse it with parseGraph';
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
 * query's name for the id, the path of the error (an id that is not a text, or not in the graph).
 *
 * @example
 * requireOrganization(graph, 'branch-01').name;
 */
export function requireOrganization(graph: Graph, id: string, lang: Lang = 'zh', argument = 'id'): Organization {
  const organization = requireGraph(graph, lang).organizations.get(requireId(id, argument, lang));
  if (!organization) throw new ValidationError('query', [makeIssue('unknown-organization', [argument], { id }, lang)], lang);
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
  if (!person) throw new ValidationError('query', [makeIssue('unknown-person', [argument], { id }, lang)], lang);
  return person;
}

/**
 * Options of the graph queries (`parentOf`, `chainOf`, `dutiesOf`…): the language of their
 * errors. Refused (a `ValidationError`, subject `options`): options that are not an object, a
 * name not listed here, a `lang` other than `zh` or `en`.
 */
export interface QueryOptions {
  /** Language of the errors (an unknown id, a graph that is not one). Default `zh`. */
  readonly lang?: Lang;
}

/**
 * {@link QueryOptions}, no other name.
 *
 * @example
 * QueryOptionsSchema.parse({ lang: 'en' });
 */
export const QueryOptionsSchema = z.strictObject({ lang: LangOptionSchema.optional() });

/**
 * The language a query's options ask for, checked (see {@link QueryOptions}); `zh` for none.
 *
 * @example
 * queryLang({ lang: 'en' }); // 'en'
 */
export function queryLang(options: QueryOptions | undefined): Lang {
  return options === undefined ? 'zh' : checkOptions(QueryOptionsSchema, options);
}
